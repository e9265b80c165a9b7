//! Tab-separated lines: what `list` prints into a pipe, one review a line.

use std::io::{self, Write};

use super::row::{Layout, Row};

/// The line of `row`, without its end. Tabs and newlines inside a value have become spaces, so
/// that the line splits back into its cells.
pub(crate) fn line(layout: &Layout, row: &Row) -> Box<[u8]> {
    let cells = row.cells();
    let mut line = Vec::with_capacity(cells.iter().map(|c| c.len() + 1).sum());
    for (i, cell) in cells[..layout.tsv_columns().len()].iter().enumerate() {
        if i > 0 {
            line.push(b'\t');
        }
        line.extend_from_slice(cell.as_bytes());
    }
    line.into_boxed_slice()
}

/// Lines made by [`line`] (slug, title, year, directors, rating, runtime, or the columns
/// chosen), each ended by `end` (a newline, or a NUL for `-0`), with a header row first when
/// `header_row` is set.
pub(crate) fn write_lines(
    w: &mut dyn Write,
    layout: &Layout,
    lines: &[Box<[u8]>],
    header_row: bool,
    end: &[u8],
) -> io::Result<()> {
    if header_row {
        let names: Vec<&str> = layout.tsv_columns().iter().map(|c| &*c.name).collect();
        w.write_all(names.join("\t").as_bytes())?;
        w.write_all(end)?;
    }
    for line in lines {
        w.write_all(line)?;
        w.write_all(end)?;
    }
    Ok(())
}
