//! The rows `list` prints: one typed row per review, and its columns, each defined once.

use std::borrow::Cow;

use super::template::Template;
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

/// What a column gives up when the table is too wide. Text columns are cut, those of least
/// worth first and widest first among them; short values are never cut but left out whole,
/// after the text columns, when cutting is not enough; the slug (and path), which a user types
/// back, never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Worth {
    /// The slug or path: never cut, never left out.
    Key,
    /// Cut last of the text, left out last.
    Title,
    People,
    /// A number or date: never cut, left out before the people.
    Short,
    /// Any other text: cut first, left out first.
    Other,
}

/// One column of `list`.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// The name in TSV and CSV header rows: the JSON key of the same field.
    pub(crate) name: Cow<'static, str>,
    /// The table's header text.
    pub(crate) header: String,
    pub(crate) align: Align,
    pub(crate) style: CellStyle,
    /// Written after a value in the table (` min`), not in TSV or CSV.
    pub(crate) unit: &'static str,
    pub(crate) worth: Worth,
}

impl Column {
    /// The column of a template's field (`title`, `extra.KEY`).
    fn of(name: Cow<'static, str>) -> Column {
        let (align, style, unit, worth) = match name.as_ref() {
            "slug" | "path" => (Align::Left, CellStyle::Plain, "", Worth::Key),
            "collection" => (Align::Left, CellStyle::Plain, "", Worth::Short),
            "title" | "original_title" => (Align::Left, CellStyle::Plain, "", Worth::Title),
            "directed_by" | "written_by" | "produced_by" | "starring" => {
                (Align::Left, CellStyle::Plain, "", Worth::People)
            }
            "year" => (Align::Right, CellStyle::Plain, "", Worth::Short),
            "runtime" => (Align::Right, CellStyle::Plain, " min", Worth::Short),
            "us_release" | "release_date" | "reviewed" | "watched" | "draft" => {
                (Align::Left, CellStyle::Plain, "", Worth::Short)
            }
            "rating" => (Align::Left, CellStyle::Certification, "", Worth::Other),
            _ => (Align::Left, CellStyle::Plain, "", Worth::Other),
        };
        let key = name.strip_prefix("extra.").unwrap_or(&name);
        Column {
            header: key.to_uppercase().replace('_', " "),
            name,
            align,
            style,
            unit,
            worth,
        }
    }
}

/// The standard columns, in order; TSV writes the first [`TSV_COLUMNS`], which scripts depend on.
const STANDARD: [&str; 7] = [
    "slug",
    "title",
    "year",
    "directed_by",
    "rating",
    "runtime",
    "score",
];

/// TSV's standard columns: the first six, a fixed contract (the score is in the table, CSV and
/// JSON).
const TSV_COLUMNS: usize = 6;

/// The table's columns when several collections are read: the standard ones and the collection.
pub(crate) const WITH_COLLECTION: &str =
    "slug,collection,title,year,directed_by,rating,runtime,score";

/// The columns `list` shows: the standard seven, or the fields `--columns` names, in its order.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    columns: Vec<Column>,
    /// Each chosen column's field, as a template of one field; empty for the standard columns.
    chosen: Vec<Template>,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            columns: STANDARD.map(|name| Column::of(name.into())).to_vec(),
            chosen: Vec::new(),
        }
    }
}

impl Layout {
    /// `--columns title,year,extra.mood`: any field a template may name, in that order.
    pub(crate) fn chosen(fields: &str) -> Result<Layout, String> {
        let mut layout = Layout {
            columns: Vec::new(),
            chosen: Vec::new(),
        };
        for name in fields.split(',').map(str::trim) {
            if name.is_empty() || name.contains(['{', '}']) {
                return Err(format!(
                    "--columns takes field names separated by commas, such as slug,title,year; found {fields:?}"
                ));
            }
            layout.chosen.push(Template::parse(&format!("{{{name}}}"))?);
            layout.columns.push(Column::of(name.to_string().into()));
        }
        Ok(layout)
    }

    /// The standard columns, whose empty score column the table leaves out.
    pub(crate) fn is_standard(&self) -> bool {
        self.chosen.is_empty()
    }

    /// The columns the table and CSV show.
    pub(crate) fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The columns TSV shows: the standard first six, or all those chosen.
    pub(crate) fn tsv_columns(&self) -> &[Column] {
        match self.is_standard() {
            true => &self.columns[..TSV_COLUMNS],
            false => &self.columns,
        }
    }

    /// The row of `review`: typed for the standard columns, which a large listing keeps small;
    /// else each chosen field as a template shows it.
    pub(crate) fn row(&self, review: Review) -> Row {
        if self.is_standard() {
            return Row::Standard(Standard::from(review));
        }
        let cells = self.chosen.iter().map(|t| t.render(&review).into());
        Row::Chosen(cells.collect())
    }
}

/// One listed review: only what its columns show, kept as written and cleaned as each format
/// needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Row {
    Standard(Standard),
    /// The chosen fields, each already one line.
    Chosen(Box<[Box<str>]>),
}

/// The standard columns' values, typed, so that a large listing stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Standard {
    /// The slug, the title, the directors and the score (as the review gives it: `3.5/4`, `B+`)
    /// one after another, in one allocation: a listing reads them together, and once per row.
    text: Box<str>,
    /// Where the slug, the title and the directors end in `text`.
    ends: [usize; 3],
    year: Option<i32>,
    /// A certification from the table costs no allocation.
    rating: Cow<'static, str>,
    runtime: Option<u32>,
}

impl From<Review> for Standard {
    fn from(review: Review) -> Standard {
        let directors = review.directors();
        let score = review.score.as_ref().map(ToString::to_string);
        let mut text = String::with_capacity(
            review.slug.len()
                + review.title.len()
                + directors.len()
                + score.as_ref().map_or(0, String::len),
        );
        let mut ends = [0; 3];
        for (end, part) in ends
            .iter_mut()
            .zip([&review.slug, &review.title, &directors])
        {
            text.push_str(part);
            *end = text.len();
        }
        text.push_str(score.as_deref().unwrap_or_default());
        Standard {
            rating: match certification_rank(review.rating_code()) {
                Some(rank) => Cow::Borrowed(CERTIFICATIONS[rank]),
                None => Cow::Owned(review.rating_code().to_string()),
            },
            text: text.into_boxed_str(),
            ends,
            year: review.year,
            runtime: review.runtime,
        }
    }
}

impl Standard {
    fn slug(&self) -> &str {
        &self.text[..self.ends[0]]
    }
    fn title(&self) -> &str {
        &self.text[self.ends[0]..self.ends[1]]
    }
    fn directors(&self) -> &str {
        &self.text[self.ends[1]..self.ends[2]]
    }
    /// Empty when the review has no score.
    fn score(&self) -> &str {
        &self.text[self.ends[2]..]
    }
}

impl Row {
    /// The cells in the layout's order, as one line each: no tab, newline or control character.
    pub(crate) fn cells(&self) -> Vec<Cow<'_, str>> {
        self.cells_cleaned(false)
    }

    /// The cells with their tabs and newlines kept (for CSV, which quotes them); control
    /// characters are still removed.
    pub(crate) fn values(&self) -> Vec<Cow<'_, str>> {
        self.cells_cleaned(true)
    }

    fn cells_cleaned(&self, multiline: bool) -> Vec<Cow<'_, str>> {
        let row = match self {
            Row::Standard(row) => row,
            Row::Chosen(cells) => return cells.iter().map(|c| Cow::Borrowed(&**c)).collect(),
        };
        let number = |n: Option<String>| Cow::Owned(n.unwrap_or_default());
        let text = |text| clean(text, multiline);
        vec![
            text(row.slug()),
            text(row.title()),
            number(row.year.map(|y| y.to_string())),
            text(row.directors()),
            text(&row.rating),
            number(row.runtime.map(|m| m.to_string())),
            text(row.score()),
        ]
    }
}
