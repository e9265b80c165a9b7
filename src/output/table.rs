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

/// How many rows are read ahead to size the columns by the rows printed, when there are more
/// rows than are printed (`--limit`).
const LOOKAHEAD: usize = 1000;

/// The natural width of each column: its widest cell, or its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Widths([usize; 6]);

impl Default for Widths {
    fn default() -> Self {
        Widths(HEADERS.map(UnicodeWidthStr::width))
    }
}

impl Widths {
    /// Widen the columns to fit a row (as [`super::tsv::line`] made it).
    pub fn measure(&mut self, line: &str) {
        for (n, cell) in self.0.iter_mut().zip(cells(line)) {
            *n = (*n).max(cell.width());
        }
    }
}

/// A row's cells as the table shows them.
fn cells(line: &str) -> [String; 6] {
    let mut cells: [String; 6] = Default::default();
    for (cell, text) in cells.iter_mut().zip(line.split('\t')) {
        *cell = text.to_string();
    }
    if !cells[5].is_empty() {
        cells[5].push_str(" min");
    }
    cells
}

/// Write rows (as [`super::tsv::line`] made them) as a table no wider than `max_width`, with a
/// header row. `all_rows` measured every row the lines are taken from: the columns are sized by
/// the rows printed when they are few, else by all of them, so the rows need not be kept.
pub fn write<S: AsRef<str>>(
    w: &mut dyn Write,
    lines: impl Iterator<Item = S>,
    all_rows: &Widths,
    max_width: usize,
    painter: Painter,
) -> io::Result<()> {
    let mut lines = lines.peekable();
    let mut ahead: Vec<S> = Vec::new();
    while ahead.len() < LOOKAHEAD {
        match lines.next() {
            Some(line) => ahead.push(line),
            None => break,
        }
    }
    let natural = if lines.peek().is_none() {
        let mut printed = Widths::default();
        for line in &ahead {
            printed.measure(line.as_ref());
        }
        printed
    } else {
        all_rows.clone()
    };
    let widths = fit(natural.0, max_width);
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
    for line in ahead.into_iter().chain(lines) {
        let row = cells(line.as_ref());
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
