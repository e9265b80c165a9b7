//! The aligned table `list` draws on a terminal, fitted to its width.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::style::{self, Painter};

const HEADERS: [&str; 6] = ["SLUG", "TITLE", "YEAR", "DIRECTED BY", "RATING", "RUNTIME"];
/// Columns that give up width when the table is too wide, each with how readily it does: the
/// slug first, then the directors, the title last.
const SHRINKABLE: [(usize, usize); 3] = [(0, 4), (3, 3), (1, 2)];
const GAP: usize = 2;
const MIN_WIDTH: usize = 6;

/// Cut `text` to `width` columns, ending in `…` when it had to be cut.
pub fn truncate(text: &str, width: usize) -> String {
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
fn fit(natural: [usize; 6], max_width: usize) -> [usize; 6] {
    let mut widths = natural;
    let total = |w: &[usize; 6]| w.iter().sum::<usize>() + GAP * (w.len() - 1);
    for floor in [MIN_WIDTH, 2] {
        while total(&widths) > max_width {
            let Some(widest) = SHRINKABLE
                .iter()
                .filter(|(i, _)| widths[*i] > floor)
                .max_by_key(|(i, readiness)| widths[*i] * readiness)
                .map(|(i, _)| *i)
            else {
                break;
            };
            widths[widest] -= 1;
        }
    }
    widths
}

/// Write rows (as [`super::tsv::line`] made them) as a table no wider than `max_width`, with a
/// header row.
pub fn write(
    w: &mut dyn Write,
    lines: &[&str],
    max_width: usize,
    painter: Painter,
) -> io::Result<()> {
    let rows: Vec<[String; 6]> = lines
        .iter()
        .map(|line| {
            let mut cells: [String; 6] = Default::default();
            for (cell, text) in cells.iter_mut().zip(line.split('\t')) {
                *cell = text.to_string();
            }
            if !cells[5].is_empty() {
                cells[5].push_str(" min");
            }
            cells
        })
        .collect();
    let mut natural = HEADERS.map(UnicodeWidthStr::width);
    for row in &rows {
        for (n, cell) in natural.iter_mut().zip(row) {
            *n = (*n).max(cell.width());
        }
    }
    let widths = fit(natural, max_width);
    let right_aligned = |i: usize| i == 2 || i == 5;
    let write_row = |w: &mut dyn Write, cells: &[&str], header: bool| -> io::Result<()> {
        let last = cells.len() - 1;
        for (i, cell) in cells.iter().enumerate() {
            let text = truncate(cell, widths[i]);
            let pad = widths[i].saturating_sub(text.width());
            let styled = if header {
                style::HEADER
            } else if i == 4 {
                style::rating(cell)
            } else {
                anstyle::Style::new()
            };
            if right_aligned(i) {
                write!(w, "{:pad$}", "")?;
            }
            painter.paint(w, styled, &text)?;
            if i < last {
                let trailing = if right_aligned(i) { 0 } else { pad };
                write!(w, "{:width$}", "", width = trailing + GAP)?;
            }
        }
        writeln!(w)
    };
    write_row(w, &HEADERS, true)?;
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        write_row(w, &cells, false)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Rust and Bone", 8), "Rust an…");
        assert_eq!(truncate("東京物語です", 7), "東京物…");
        assert_eq!(truncate("short", 8), "short");
    }

    #[test]
    fn fits_by_shrinking_the_widest_text_columns() {
        let widths = fit([20, 40, 4, 30, 6, 7], 80);
        assert!(widths.iter().sum::<usize>() + 10 <= 80);
        assert_eq!(&widths[2..3], &[4]);
        assert_eq!(&widths[4..], &[6, 7]);
        let narrow = fit([20, 40, 4, 30, 6, 7], 36);
        assert_eq!(narrow.iter().sum::<usize>() + 10, 36);
    }
}
