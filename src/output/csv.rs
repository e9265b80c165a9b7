//! Comma-separated values, quoted by the csv crate.

use std::io::{self, Write};

use super::{LIST_COLUMNS, list_cells};
use crate::model::Review;

/// The `list` columns as CSV, with a header row.
pub fn write(w: &mut dyn Write, reviews: &[Review]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(w);
    writer.write_record(LIST_COLUMNS)?;
    for review in reviews {
        writer.write_record(list_cells(review))?;
    }
    writer.flush()
}
