//! Comma-separated values, quoted by the csv crate.

use std::io::{self, Write};

use super::row::{Layout, Row};

/// The rows as CSV, with a header row.
pub(crate) fn write(w: &mut dyn Write, layout: &Layout, rows: &[Row]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(w);
    writer
        .write_record(layout.columns().iter().map(|c| c.name.as_ref()))
        .map_err(io_error)?;
    for row in rows {
        writer
            .write_record(row.values().iter().map(|c| c.as_ref()))
            .map_err(io_error)?;
    }
    writer.flush()
}

/// The writer's own error as the I/O error it wraps, so that a closed pipe is still known as one
/// (converting with `?` would hide it inside an error of kind "other").
pub(crate) fn io_error(error: csv::Error) -> io::Error {
    let text = error.to_string();
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        _ => io::Error::other(text),
    }
}
