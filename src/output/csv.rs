//! Comma-separated values, quoted by the csv crate.

use std::io::{self, Write};

use super::LIST_COLUMNS;

/// The `list` columns as CSV, with a header row; `lines` are rows as [`super::tsv::line`] made them.
pub fn write<S: AsRef<str>>(w: &mut dyn Write, lines: impl Iterator<Item = S>) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(w);
    writer.write_record(LIST_COLUMNS)?;
    for line in lines {
        writer.write_record(line.as_ref().split('\t'))?;
    }
    writer.flush()
}
