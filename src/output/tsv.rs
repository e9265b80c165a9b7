//! Tab-separated lines: what `list` prints into a pipe.

use std::io::{self, Write};

use super::{LIST_COLUMNS, list_cells};
use crate::model::Review;

/// One line per review (slug, title, year, directors, rating, runtime); a header row first
/// when `header_row` is set. Tabs and newlines inside a value become spaces.
pub fn write(w: &mut dyn Write, reviews: &[Review], header_row: bool) -> io::Result<()> {
    if header_row {
        writeln!(w, "{}", LIST_COLUMNS.join("\t"))?;
    }
    for review in reviews {
        writeln!(w, "{}", list_cells(review).join("\t"))?;
    }
    Ok(())
}
