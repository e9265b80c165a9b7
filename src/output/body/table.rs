//! Tables: cells read whole, then laid out in columns that share the width.

use anstyle::Style;

use super::lines::{Filler, Line, Look};

/// A table is written once it holds this many cells, and goes on as a new one: its memory is
/// bounded whatever the file holds.
pub(crate) const MAX_CELLS: usize = 10_000;
/// Columns between cells.
const GAP: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Align {
    #[default]
    Left,
    Center,
    Right,
}

#[derive(Debug, Default)]
pub(crate) struct Table {
    alignments: Vec<Align>,
    rows: Vec<Vec<Line>>,
    /// Rows of the header, at the top.
    head: usize,
    in_head: bool,
    cells: usize,
}

impl Table {
    pub(crate) fn new(alignments: Vec<Align>) -> Self {
        Table {
            alignments,
            ..Table::default()
        }
    }

    pub(crate) fn alignments(&self) -> Vec<Align> {
        self.alignments.clone()
    }

    pub(crate) fn is_full(&self) -> bool {
        self.cells >= MAX_CELLS
    }

    pub(crate) fn start_head(&mut self) {
        self.in_head = true;
        self.start_row();
    }

    pub(crate) fn end_head(&mut self) {
        self.in_head = false;
    }

    pub(crate) fn start_row(&mut self) {
        self.rows.push(Vec::new());
        if self.in_head {
            self.head = self.rows.len();
        }
    }

    pub(crate) fn start_cell(&mut self) {
        if self.rows.is_empty() {
            self.start_row();
        }
        if let Some(row) = self.rows.last_mut() {
            row.push(Line::default());
            self.cells += 1;
        }
    }

    /// Text in the current cell; runs of white space become one space.
    pub(crate) fn push(&mut self, text: &str, look: &Look) {
        if self.rows.last().is_none_or(Vec::is_empty) {
            self.start_cell();
        }
        let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) else {
            return;
        };
        for c in text.chars() {
            if c.is_whitespace() {
                if !cell.is_empty() && !cell.ends_with_space() {
                    cell.push(' ', &Look::default());
                }
            } else {
                cell.push(c, look);
            }
        }
    }

    /// The table's lines, at most `width` columns wide: each column as wide as its widest cell
    /// when they all fit, else the width shared out (narrow columns keep theirs, the wide ones
    /// split the rest) and cells wrapped. The header is bold with a rule under it.
    pub(crate) fn render(mut self, width: usize) -> Vec<Line> {
        for row in &mut self.rows {
            for cell in row.iter_mut() {
                cell.trim_end();
            }
        }
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return Vec::new();
        }
        let mut natural = vec![0; columns];
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                natural[i] = natural[i].max(cell.width);
            }
        }
        let gaps = GAP * (columns - 1);
        if width < gaps + columns * 3 {
            // Too many columns for the width: each row as one line of text, wrapped.
            return self.rows_as_text(width);
        }
        let widths = share(&natural, width - gaps);
        let mut out = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            let header = r < self.head;
            let mut cells: Vec<Vec<Line>> = Vec::with_capacity(columns);
            for (i, &w) in widths.iter().enumerate() {
                let mut made = Vec::new();
                let mut filler = Filler::new(w);
                if let Some(cell) = row.get(i) {
                    for (text, look) in cell.runs() {
                        let mut look = look.clone();
                        if header {
                            look.style = look.style.bold();
                        }
                        filler.push(text, &look, &mut made);
                    }
                }
                filler.finish(&mut made);
                cells.push(made);
            }
            let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for k in 0..height {
                let mut line = Line::default();
                for (i, &w) in widths.iter().enumerate() {
                    if i > 0 {
                        pad(&mut line, GAP);
                    }
                    let cell = cells[i].get(k).cloned().unwrap_or_default();
                    let space = w.saturating_sub(cell.width);
                    let (before, after) = match self.alignments.get(i).copied().unwrap_or_default()
                    {
                        Align::Left => (0, space),
                        Align::Right => (space, 0),
                        Align::Center => (space / 2, space - space / 2),
                    };
                    pad(&mut line, before);
                    line.append(&cell);
                    pad(&mut line, after);
                }
                line.trim_end();
                out.push(line);
            }
            if header && r + 1 == self.head {
                let rule = Look {
                    style: Style::new().dimmed(),
                    link: None,
                };
                let mut line = Line::default();
                for (i, &w) in widths.iter().enumerate() {
                    if i > 0 {
                        pad(&mut line, GAP);
                    }
                    for _ in 0..w {
                        line.push('─', &rule);
                    }
                }
                out.push(line);
            }
        }
        out
    }

    fn rows_as_text(self, width: usize) -> Vec<Line> {
        let mut out = Vec::new();
        for row in self.rows {
            let mut filler = Filler::new(width);
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    filler.push(" · ", &Look::default(), &mut out);
                }
                for (text, look) in cell.runs() {
                    filler.push(text, look, &mut out);
                }
            }
            filler.finish(&mut out);
        }
        out
    }
}

/// Column widths that fit in `width`: a column that needs less than an equal share of what is
/// left keeps its width, and the rest share what remains.
fn share(natural: &[usize], width: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..natural.len()).collect();
    order.sort_by_key(|&i| natural[i]);
    let mut widths = vec![0; natural.len()];
    let mut left = width;
    for (k, &i) in order.iter().enumerate() {
        let fair = left / (natural.len() - k);
        widths[i] = natural[i].min(fair).max(1);
        left = left.saturating_sub(widths[i]);
    }
    widths
}

fn pad(line: &mut Line, columns: usize) {
    for _ in 0..columns {
        line.push(' ', &Look::default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_columns_keep_their_width_and_wide_ones_share_the_rest() {
        assert_eq!(share(&[3, 50, 50], 40), [3, 18, 19]);
        assert_eq!(share(&[5, 7], 40), [5, 7]);
    }
}
