//! The aligned table `list` draws on a terminal, fitted to its width.

use std::borrow::Cow;
use std::io::{self, Write};

use rayon::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::row::{Align, CellStyle, Column, Layout, Row, Worth};
use super::style::{self, Painter};

const GAP: usize = 2;
/// Rows drawn before they are written: what is held in memory at once stays small.
const DRAWN_AT_ONCE: usize = 16_384;
/// Text columns are cut to these widths (their worth's) before any column is left out: a title
/// of 12 columns still says which film it is.
const READABLE: [(Worth, usize); 3] = [(Worth::Title, 12), (Worth::People, 8), (Worth::Other, 6)];

/// Cut `text` to `width` columns, ending in `…` when it had to be cut.
pub(crate) fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    fitted(text, width).0
}

/// `text` cut to `width` columns as [`truncate`] cuts it, and the columns that takes.
pub(crate) fn fitted(text: &str, width: usize) -> (Cow<'_, str>, usize) {
    let natural = text.width();
    if natural <= width {
        return (Cow::Borrowed(text), natural);
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
    (Cow::Owned(out), used + 1)
}

/// Column widths that fit `max_width`, 0 for a column left out. Text columns are cut first, the
/// widest weighted by its worth first (other text before people before the title), down to a
/// readable width ([`READABLE`]); when that is not enough, whole columns are left out, those of least worth
/// (the rightmost first) first; and only then is what is left cut to one character and its `…`.
/// The slug is never cut nor left out: it is what a user types back into `show`.
fn fit(columns: &[Column], natural: &[usize], max_width: usize) -> Vec<usize> {
    let mut shown = natural.to_vec();
    let dropped_in_order = [Worth::Other, Worth::Short, Worth::People, Worth::Title]
        .into_iter()
        .flat_map(|worth| {
            (0..columns.len())
                .rev()
                .filter(move |&i| columns[i].worth == worth)
        });
    for column in dropped_in_order {
        let widths = shrink(columns, &shown, max_width, |worth| {
            READABLE
                .iter()
                .find(|(w, _)| *w == worth)
                .map_or(2, |(_, floor)| *floor)
        });
        if total(&widths) <= max_width {
            return widths;
        }
        shown[column] = 0;
    }
    shrink(columns, &shown, max_width, |_| 2)
}

/// The width of a table of columns this wide. A column with nothing to show (no header, no cell)
/// takes no gap either.
fn total(widths: &[usize]) -> usize {
    let shown = widths.iter().filter(|&&w| w > 0).count();
    widths.iter().sum::<usize>() + GAP * shown.saturating_sub(1)
}

/// Cut text columns one column at a time, the widest weighted by worth first, down to the floor
/// of their worth, until the table fits `max_width`.
fn shrink(
    columns: &[Column],
    natural: &[usize],
    max_width: usize,
    floor: impl Fn(Worth) -> usize,
) -> Vec<usize> {
    let weight = |worth: Worth| match worth {
        Worth::Title => 1,
        Worth::People => 2,
        Worth::Other => 3,
        Worth::Key | Worth::Short => 0,
    };
    let mut widths = natural.to_vec();
    while total(&widths) > max_width {
        let Some(widest) = (0..columns.len())
            .filter(|&i| weight(columns[i].worth) > 0 && widths[i] > floor(columns[i].worth))
            .max_by_key(|&i| (widths[i] * weight(columns[i].worth), i))
        else {
            break;
        };
        widths[widest] -= 1;
    }
    widths
}

/// A row's cells as the table shows them: values with their units.
fn table_cells<'r>(columns: &[Column], row: &'r Row) -> Vec<Cow<'r, str>> {
    let cells = row.cells();
    columns
        .iter()
        .zip(cells)
        .map(|(column, cell)| {
            if cell.is_empty() || column.unit.is_empty() {
                cell
            } else {
                Cow::Owned(format!("{cell}{}", column.unit))
            }
        })
        .collect()
}

/// Write `n` spaces.
fn pad(w: &mut dyn Write, mut n: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    while n > 0 {
        let now = n.min(SPACES.len());
        w.write_all(&SPACES[..now])?;
        n -= now;
    }
    Ok(())
}

/// Write the rows as a table no wider than `max_width`, with a header row; the columns are as
/// wide as their widest cell, or narrower to fit. Nothing at all when there are no rows.
pub(crate) fn write(
    w: &mut dyn Write,
    layout: &Layout,
    rows: &[Row],
    max_width: usize,
    painter: Painter,
) -> io::Result<()> {
    // No header over nothing: the command says on stderr that nothing matched.
    if rows.is_empty() {
        return Ok(());
    }
    let columns = layout.columns();
    // Each column's widest cell, and whether any cell has something in it: measured on every
    // core, as a large listing has many rows.
    let measured = || (vec![0; columns.len()], vec![false; columns.len()]);
    let (mut natural, filled) = rows
        .par_iter()
        .fold(measured, |(mut natural, mut filled), row| {
            for (i, cell) in table_cells(columns, row).iter().enumerate() {
                natural[i] = natural[i].max(cell.width());
                filled[i] |= !cell.is_empty();
            }
            (natural, filled)
        })
        .reduce(measured, |(a, filled_a), (b, filled_b)| {
            let natural = a.iter().zip(&b).map(|(x, y)| *x.max(y)).collect();
            let filled = filled_a.iter().zip(&filled_b).map(|(x, y)| x | y).collect();
            (natural, filled)
        });
    // The standard score column is shown only when some review has a score.
    let hidden = |i: usize| layout.is_standard() && columns[i].name == "score" && !filled[i];
    let headers: Vec<Cow<'_, str>> = (0..columns.len())
        .map(|i| Cow::Borrowed(if hidden(i) { "" } else { &*columns[i].header }))
        .collect();
    for (n, header) in natural.iter_mut().zip(&headers) {
        *n = (*n).max(header.width());
    }
    let widths = fit(columns, &natural, max_width);
    let shown: Vec<usize> = (0..columns.len()).filter(|&i| widths[i] > 0).collect();
    let write_row = |w: &mut dyn Write, cells: &[Cow<'_, str>], header: bool| -> io::Result<()> {
        // A line ends with its last cell that has something in it: no trailing blanks.
        let last = shown
            .iter()
            .rposition(|&i| !cells[i].is_empty())
            .unwrap_or(0);
        for (n, &i) in shown.iter().enumerate().take(last + 1) {
            let (cell, column) = (&*cells[i], &columns[i]);
            let (text, used) = fitted(cell, widths[i]);
            let space = widths[i].saturating_sub(used);
            let styled = match column.style {
                _ if header => style::HEADER,
                CellStyle::Certification => style::certification(cell),
                CellStyle::Plain => anstyle::Style::new(),
            };
            if column.align == Align::Right {
                pad(w, space)?;
            }
            painter.paint(w, styled, &text)?;
            if n < last {
                let trailing = if column.align == Align::Right {
                    0
                } else {
                    space
                };
                pad(w, trailing + GAP)?;
            }
        }
        writeln!(w)
    };
    write_row(w, &headers, true)?;
    // Rows are drawn on every core, a batch at a time, and written in order.
    for batch in rows.chunks(DRAWN_AT_ONCE) {
        let drawn: Vec<Vec<u8>> = batch
            .par_chunks(DRAWN_AT_ONCE / 16)
            .map(|rows| {
                let mut drawn = Vec::new();
                for row in rows {
                    // Writing to memory cannot fail.
                    let _ = write_row(&mut drawn, &table_cells(columns, row), false);
                }
                drawn
            })
            .collect();
        for lines in drawn {
            w.write_all(&lines)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Review, Score};

    fn table(layout: &Layout, reviews: Vec<Review>, width: usize) -> String {
        let rows: Vec<Row> = reviews.into_iter().map(|r| layout.row(r)).collect();
        let mut out = Vec::new();
        write(&mut out, layout, &rows, width, Painter { enabled: false }).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn review(slug: &str, title: &str, directors: &[&str]) -> Review {
        Review {
            slug: slug.into(),
            title: title.into(),
            year: Some(2011),
            directed_by: directors.iter().map(|d| d.to_string()).collect(),
            runtime: Some(87),
            score: Some(Score::Grade { grade: "B+".into() }),
            ..Review::default()
        }
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
        let layout = Layout::default();
        assert_eq!(
            table(&layout, vec![plain.clone()], 80),
            "SLUG  TITLE  YEAR  DIRECTED BY  RATING  RUNTIME\na     A\n"
        );
        assert_eq!(
            table(&layout, vec![plain, scored], 80),
            format!(
                "SLUG  TITLE  YEAR  DIRECTED BY  RATING  RUNTIME  SCORE\na     A\na     A{}B+\n",
                " ".repeat(42)
            )
        );
    }

    #[test]
    fn no_rows_no_header() {
        assert_eq!(table(&Layout::default(), vec![], 80), "");
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Rust and Bone", 8), "Rust an…");
        assert_eq!(truncate("東京物語です", 7), "東京物…");
        assert_eq!(truncate("short", 8), "short");
    }

    #[test]
    fn the_slug_is_never_cut_and_every_width_down_to_40_fits() {
        let reviews = vec![
            review(
                "the-kid-with-the-bike",
                "The Kid with the Bike",
                &["Jean-Pierre Dardenne", "Luc Dardenne"],
            ),
            review(
                "madagascar-3",
                "Madagascar 3: Europe's Most Wanted",
                &["Eric Darnell", "Tom McGrath", "Conrad Vernon"],
            ),
        ];
        let chosen = Layout::chosen("title,slug,starring,reviewed,extra.mood").unwrap();
        for layout in [Layout::default(), chosen] {
            for width in 40..=140 {
                let text = table(&layout, reviews.clone(), width);
                for line in text.lines() {
                    assert!(line.width() <= width, "{width}: {line:?}");
                }
                assert!(text.contains("the-kid-with-the-bike"), "{width}:\n{text}");
                assert!(text.contains("madagascar-3"), "{width}:\n{text}");
            }
        }
    }

    #[test]
    fn text_gives_up_width_before_the_title_and_numbers_are_left_out_whole() {
        let reviews = vec![review(
            "the-kid-with-the-bike",
            "The Kid with the Bike",
            &["Jean-Pierre Dardenne", "Luc Dardenne"],
        )];
        // The directors give up 20 columns before the title gives up one.
        let at_90 = table(&Layout::default(), reviews.clone(), 90);
        assert!(at_90.contains("The Kid with the Bike  "), "{at_90}");
        assert!(at_90.contains("  Jean-Pierre D…  "), "{at_90}");
        let at_40 = table(&Layout::default(), reviews, 40);
        assert!(!at_40.contains("87"), "runtime left out whole:\n{at_40}");
        assert!(!at_40.contains("201"), "year left out whole:\n{at_40}");
    }
}
