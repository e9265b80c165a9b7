//! Comma-separated values, quoted by the csv crate.

use std::io::{self, Write};

use super::row::{COLUMNS, Row};

/// The rows as CSV, with a header row.
pub(crate) fn write(w: &mut dyn Write, rows: &[Row]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(w);
    writer.write_record(COLUMNS.iter().map(|c| c.name))?;
    for row in rows {
        writer.write_record(row.values().iter().map(|c| c.as_ref()))?;
    }
    writer.flush()
}
