//! One film as the browser keeps it: what a row shows and what typing matches, cleaned of
//! anything that could drive the terminal, and small, since 100,000 of them are kept.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::query::unaccented;
use crate::record::Review;
use crate::terminal::sanitize::clean;

/// The most characters kept of one field: a screen shows fewer, and a file may give any number.
const MAX_FIELD_CHARS: usize = 300;

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) path: PathBuf,
    /// The slug, with its collection's name (`blog/heat`) when several are read.
    pub(crate) name: Box<str>,
    pub(crate) title: Box<str>,
    pub(crate) year: Option<i32>,
    pub(crate) directors: Box<str>,
    /// The score as it is shown (`3.5/4`, or on the scale asked for).
    pub(crate) score: Option<Box<str>>,
    /// The score on the 0–100 scale, for the score sort.
    pub(crate) normalized: Option<f64>,
    /// When the film was seen, else when the review was written.
    pub(crate) watched: Option<Date>,
    /// The lowercased title, for the title sort.
    pub(crate) title_key: Box<str>,
    /// What typing matches: title, original title, directors, cast, year and tags. This and
    /// the title key move to the finder when the entry is added (empty after).
    pub(crate) haystack: Box<str>,
}

impl Entry {
    /// The entry of a review, named `collection/slug` when `qualified`.
    pub(crate) fn new(review: &Review, qualified: bool) -> Entry {
        let name = match (&review.collection, qualified) {
            (Some(collection), true) => format!("{collection}/{}", review.slug),
            _ => review.slug.clone(),
        };
        let year = review.year.map(|y| y.to_string()).unwrap_or_default();
        let haystack = [
            review.title.as_str(),
            review.original_title.as_deref().unwrap_or_default(),
            &review.directed_by.join(" "),
            &review.starring.join(" "),
            &year,
            &review.tags.join(" "),
        ]
        .join(" ");
        let title = cut(&review.title);
        Entry {
            path: review.path.clone(),
            name: cut(&name),
            title_key: title.to_lowercase().into_boxed_str(),
            title,
            year: review.year,
            directors: cut(&review.directors()),
            score: review.score.as_ref().map(|s| cut(&s.to_string())),
            normalized: review.score.as_ref().and_then(|s| s.normalized()),
            watched: review.watched.or(review.reviewed),
            // Unaccented, so that most match as ASCII, with no conversion per key.
            haystack: cut_to(&unaccented(&haystack), 4 * MAX_FIELD_CHARS),
        }
    }
}

fn cut(text: &str) -> Box<str> {
    cut_to(text, MAX_FIELD_CHARS)
}

/// `text` cleaned, at most `max` characters.
fn cut_to(text: &str, max: usize) -> Box<str> {
    let text = clean(text, false);
    match text.char_indices().nth(max) {
        Some((end, _)) => text[..end].into(),
        None => text.into(),
    }
}
