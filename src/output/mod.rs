//! Output formats: each writes to the `Write` it is given.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod style;
pub mod table;
pub mod text;
pub mod tsv;

use crate::model::Review;
use crate::sanitize::clean;

/// The columns `list` prints, in order, with their header names.
pub const LIST_COLUMNS: [&str; 6] = ["slug", "title", "year", "directed_by", "rating", "runtime"];

/// One review's `list` cells, cleaned of control characters, in [`LIST_COLUMNS`] order.
pub fn list_cells(review: &Review) -> [String; 6] {
    [
        clean(&review.slug, false).into_owned(),
        clean(&review.title, false).into_owned(),
        review.year.map(|y| y.to_string()).unwrap_or_default(),
        clean(&review.directors(), false).into_owned(),
        clean(review.rating_code(), false).into_owned(),
        review.runtime.map(|m| m.to_string()).unwrap_or_default(),
    ]
}
