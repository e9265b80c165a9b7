//! The rows `list` prints: one typed row per review, and its columns, each defined once.

use std::borrow::Cow;

use crate::record::Review;
use crate::terminal::clean;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// How a table cell is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellStyle {
    Plain,
    /// In the certification's colour.
    Certification,
}

/// One column of `list`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    /// The name in TSV and CSV header rows: the JSON key of the same field.
    pub(crate) name: &'static str,
    /// The table's header text.
    pub(crate) header: &'static str,
    pub(crate) align: Align,
    pub(crate) style: CellStyle,
    /// Written after a value in the table (` min`), not in TSV or CSV.
    pub(crate) unit: &'static str,
    /// How readily the column gives up width when the table is too wide; 0: never.
    pub(crate) shrink: usize,
}

const fn column(name: &'static str, header: &'static str) -> Column {
    Column {
        name,
        header,
        align: Align::Left,
        style: CellStyle::Plain,
        unit: "",
        shrink: 0,
    }
}

/// The columns, in order: the slug gives up width first, then the directors, the title last.
pub(crate) const COLUMNS: [Column; 6] = [
    Column {
        shrink: 4,
        ..column("slug", "SLUG")
    },
    Column {
        shrink: 2,
        ..column("title", "TITLE")
    },
    Column {
        align: Align::Right,
        ..column("year", "YEAR")
    },
    Column {
        shrink: 3,
        ..column("directed_by", "DIRECTED BY")
    },
    Column {
        style: CellStyle::Certification,
        ..column("rating", "RATING")
    },
    Column {
        align: Align::Right,
        unit: " min",
        ..column("runtime", "RUNTIME")
    },
];

/// One listed review: only what the columns show, typed, so that a large listing stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    slug: Box<str>,
    title: Box<str>,
    year: Option<i32>,
    directors: Box<str>,
    rating: Box<str>,
    runtime: Option<u32>,
}

impl From<Review> for Row {
    fn from(review: Review) -> Row {
        Row {
            directors: review.directors().into(),
            rating: review.rating_code().into(),
            slug: review.slug.into(),
            title: review.title.into(),
            year: review.year,
            runtime: review.runtime,
        }
    }
}

impl Row {
    /// The cells in [`COLUMNS`] order, as plain text: no tab, newline or control character.
    pub(crate) fn cells(&self) -> [Cow<'_, str>; 6] {
        let number = |n: Option<String>| Cow::Owned(n.unwrap_or_default());
        [
            clean(&self.slug, false),
            clean(&self.title, false),
            number(self.year.map(|y| y.to_string())),
            clean(&self.directors, false),
            clean(&self.rating, false),
            number(self.runtime.map(|m| m.to_string())),
        ]
    }
}
