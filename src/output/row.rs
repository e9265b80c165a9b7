//! The rows `list` prints: one typed row per review, and its columns, each defined once.

use std::borrow::Cow;

use crate::record::{CERTIFICATIONS, Review, certification_rank};
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

const fn column(
    name: &'static str,
    header: &'static str,
    align: Align,
    style: CellStyle,
    unit: &'static str,
    shrink: usize,
) -> Column {
    Column {
        name,
        header,
        align,
        style,
        unit,
        shrink,
    }
}

use Align::{Left, Right};
use CellStyle::{Certification, Plain};

/// How many columns there are: TSV writes the first [`TSV_COLUMNS`], which scripts depend on.
pub(crate) const COLUMN_COUNT: usize = 7;

/// TSV's columns: the first six, a fixed contract (the score is in the table, CSV and JSON).
pub(crate) const TSV_COLUMNS: usize = 6;

/// The columns, in order: the slug gives up width first, then the directors, the title last.
#[rustfmt::skip]
pub(crate) const COLUMNS: [Column; COLUMN_COUNT] = [
    //     name           header         align  style          unit    shrink
    column("slug",        "SLUG",        Left,  Plain,         "",     4),
    column("title",       "TITLE",       Left,  Plain,         "",     2),
    column("year",        "YEAR",        Right, Plain,         "",     0),
    column("directed_by", "DIRECTED BY", Left,  Plain,         "",     3),
    column("rating",      "RATING",      Left,  Certification, "",     1),
    column("runtime",     "RUNTIME",     Right, Plain,         " min", 0),
    column("score",       "SCORE",       Left,  Plain,         "",     1),
];

/// One listed review: only what the columns show, typed, so that a large listing stays small.
/// Its text is kept as written and cleaned as each format needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    slug: Box<str>,
    title: Box<str>,
    year: Option<i32>,
    directors: Box<str>,
    /// A certification from the table costs no allocation.
    rating: Cow<'static, str>,
    runtime: Option<u32>,
    /// The score as the review gives it (`3.5/4`, `B+`).
    score: Option<Box<str>>,
}

impl From<Review> for Row {
    fn from(review: Review) -> Row {
        Row {
            directors: review.directors().into_boxed_str(),
            rating: match certification_rank(review.rating_code()) {
                Some(rank) => Cow::Borrowed(CERTIFICATIONS[rank]),
                None => Cow::Owned(review.rating_code().to_string()),
            },
            slug: review.slug.into_boxed_str(),
            title: review.title.into_boxed_str(),
            year: review.year,
            runtime: review.runtime,
            score: review.score.map(|s| s.to_string().into_boxed_str()),
        }
    }
}

impl Row {
    /// The cells in [`COLUMNS`] order, as one line each: no tab, newline or control character.
    pub(crate) fn cells(&self) -> [Cow<'_, str>; COLUMN_COUNT] {
        self.cells_cleaned(false)
    }

    /// The cells with their tabs and newlines kept (for CSV, which quotes them); control
    /// characters are still removed.
    pub(crate) fn values(&self) -> [Cow<'_, str>; COLUMN_COUNT] {
        self.cells_cleaned(true)
    }

    fn cells_cleaned(&self, multiline: bool) -> [Cow<'_, str>; COLUMN_COUNT] {
        let number = |n: Option<String>| Cow::Owned(n.unwrap_or_default());
        let text = |text| clean(text, multiline);
        [
            text(&self.slug),
            text(&self.title),
            number(self.year.map(|y| y.to_string())),
            text(&self.directors),
            text(&self.rating),
            number(self.runtime.map(|m| m.to_string())),
            text(self.score.as_deref().unwrap_or_default()),
        ]
    }
}
