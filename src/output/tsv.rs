//! Tab-separated lines: what `list` prints into a pipe, one review a line.

use std::io::{self, Write};

use super::row::{Layout, Row};

/// The rows (slug, title, year, directors, rating, runtime, or the columns chosen), each ended
/// by `end` (a newline, or a NUL for `-0`), with a header row first when `header_row` is set.
/// Tabs and newlines inside a value have become spaces, so each line splits back into its cells.
pub(crate) fn write(
    w: &mut dyn Write,
    layout: &Layout,
    rows: &[Row],
    header_row: bool,
    end: &[u8],
) -> io::Result<()> {
    if header_row {
        let names: Vec<&str> = layout.tsv_columns().iter().map(|c| &*c.name).collect();
        w.write_all(names.join("\t").as_bytes())?;
        w.write_all(end)?;
    }
    for row in rows {
        let cells = row.cells();
        for (i, cell) in cells[..layout.tsv_columns().len()].iter().enumerate() {
            if i > 0 {
                w.write_all(b"\t")?;
            }
            w.write_all(cell.as_bytes())?;
        }
        w.write_all(end)?;
    }
    Ok(())
}
