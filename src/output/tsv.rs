//! Tab-separated lines: what `list` prints into a pipe, and the compact form rows are kept in.

use std::io::{self, Write};

use super::{LIST_COLUMNS, list_cells};
use crate::model::Review;

/// One review as a line (slug, title, year, directors, rating, runtime), without the newline.
/// Tabs and newlines inside a value have become spaces, so the line splits back into its cells.
pub fn line(review: &Review) -> String {
    let cells = list_cells(review);
    let mut line = String::with_capacity(cells.iter().map(|c| c.len() + 1).sum());
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push('\t');
        }
        line.push_str(cell);
    }
    line
}

/// Write the lines, with a header row first when `header_row` is set.
pub fn write<S: AsRef<str>>(
    w: &mut dyn Write,
    lines: impl Iterator<Item = S>,
    header_row: bool,
) -> io::Result<()> {
    if header_row {
        writeln!(w, "{}", LIST_COLUMNS.join("\t"))?;
    }
    for line in lines {
        writeln!(w, "{}", line.as_ref())?;
    }
    Ok(())
}
