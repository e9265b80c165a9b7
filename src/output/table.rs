//! The aligned table `list` draws on a terminal, fitted to its width.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::row::{Align, COLUMN_COUNT, COLUMNS, CellStyle, Row};
use super::style::{self, Painter};

const GAP: usize = 2;
/// The score's place among the columns.
const SCORE: usize = COLUMN_COUNT - 1;
/// Columns shrink to this width before any is cut further.
const READABLE: usize = 6;

/// Cut `text` to `width` columns, ending in `…` when it had to be cut.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Column widths that fit `max_width`: the natural widths, with the shrinkable column that is
/// widest (weighted by readiness) narrowed one column at a time until the table fits; first down
/// to a readable width, then, on very narrow screens, down to one character and its `…`.
fn fit(natural: [usize; COLUMN_COUNT], max_width: usize) -> [usize; COLUMN_COUNT] {
    let mut widths = natural;
    // A column with nothing to show (no header, no cell) takes no gap either.
    let total = |w: &[usize; COLUMN_COUNT]| {
        let shown = w.iter().filter(|&&w| w > 0).count();
        w.iter().sum::<usize>() + GAP * shown.saturating_sub(1)
    };
    for floor in [READABLE, 2] {
        while total(&widths) > max_width {
            let Some(widest) = (0..COLUMNS.len())
                .filter(|&i| COLUMNS[i].shrink > 0 && widths[i] > floor)
                .max_by_key(|&i| widths[i] * COLUMNS[i].shrink)
            else {
                break;
            };
            widths[widest] -= 1;
        }
    }
    widths
}

/// A row's cells as the table shows them: values with their units.
fn table_cells(row: &Row) -> [String; COLUMN_COUNT] {
    let cells = row.cells();
    std::array::from_fn(|i| {
        let mut cell = cells[i].to_string();
        if !cell.is_empty() {
            cell.push_str(COLUMNS[i].unit);
        }
        cell
    })
}

/// Write the rows as a table no wider than `max_width`, with a header row; the columns are as
/// wide as their widest cell, or narrower to fit.
pub(crate) fn write(
    w: &mut dyn Write,
    rows: &[Row],
    max_width: usize,
    painter: Painter,
) -> io::Result<()> {
    // No header over nothing: the command says on stderr that nothing matched.
    if rows.is_empty() {
        return Ok(());
    }
    // The score column is shown only when some review has a score.
    let scored = rows.iter().any(|row| !row.cells()[SCORE].is_empty());
    let headers = COLUMNS.map(|c| {
        if c.name == "score" && !scored {
            ""
        } else {
            c.header
        }
    });
    let mut natural = headers.map(|h| h.width());
    for cells in rows.iter().map(table_cells) {
        for (n, cell) in natural.iter_mut().zip(&cells) {
            *n = (*n).max(cell.width());
        }
    }
    let widths = fit(natural, max_width);
    let write_row =
        |w: &mut dyn Write, cells: [&str; COLUMN_COUNT], header: bool| -> io::Result<()> {
            // A line ends with its last cell that has something in it: no trailing blanks.
            let last = cells.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
            for (i, (cell, column)) in cells.iter().zip(&COLUMNS).enumerate().take(last + 1) {
                let text = truncate(cell, widths[i]);
                let pad = widths[i].saturating_sub(text.width());
                let styled = match column.style {
                    _ if header => style::HEADER,
                    CellStyle::Certification => style::certification(cell),
                    CellStyle::Plain => anstyle::Style::new(),
                };
                if column.align == Align::Right {
                    write!(w, "{:pad$}", "")?;
                }
                painter.paint(w, styled, &text)?;
                if i < last {
                    let trailing = if column.align == Align::Right { 0 } else { pad };
                    write!(w, "{:width$}", "", width = trailing + GAP)?;
                }
            }
            writeln!(w)
        };
    write_row(w, headers, true)?;
    for cells in rows.iter().map(table_cells) {
        write_row(w, std::array::from_fn(|i| cells[i].as_str()), false)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Review, Score};

    fn table(reviews: Vec<Review>) -> String {
        let rows: Vec<Row> = reviews.into_iter().map(Row::from).collect();
        let mut out = Vec::new();
        write(&mut out, &rows, 80, Painter { enabled: false }).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_score_column_shows_only_when_a_review_has_a_score() {
        let plain = Review {
            slug: "a".into(),
            title: "A".into(),
            ..Review::default()
        };
        let scored = Review {
            score: Some(Score::Grade { grade: "B+".into() }),
            ..plain.clone()
        };
        assert_eq!(
            table(vec![plain.clone()]),
            "SLUG  TITLE  YEAR  DIRECTED BY  RATING  RUNTIME\na     A\n"
        );
        assert_eq!(
            table(vec![plain, scored]),
            format!(
                "SLUG  TITLE  YEAR  DIRECTED BY  RATING  RUNTIME  SCORE\na     A\na     A{}B+\n",
                " ".repeat(42)
            )
        );
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Rust and Bone", 8), "Rust an…");
        assert_eq!(truncate("東京物語です", 7), "東京物…");
        assert_eq!(truncate("short", 8), "short");
    }

    #[test]
    fn fits_by_shrinking_the_widest_text_columns() {
        let widths = fit([20, 40, 4, 30, 6, 7, 5], 80);
        assert!(widths.iter().sum::<usize>() + 12 <= 80);
        assert_eq!(&widths[2..3], &[4]);
        assert_eq!(&widths[5..6], &[7]);
        let narrow = fit([20, 40, 4, 30, 6, 7, 5], 40);
        assert_eq!(narrow.iter().sum::<usize>() + 12, 40);
    }
}
