//! The review record: the model, the names its fields go by, and the parsers that type each
//! value as people write it.

mod aliases;
mod build;
mod dates;
mod review;
mod scores;
mod values;

use std::borrow::Cow;
use std::path::Path;

pub(crate) use build::{RawField, build};
pub(crate) use dates::with_note;
pub(crate) use review::{CERTIFICATIONS, certification_rank};
pub use review::{Rating, Review, Score};

/// A review's slug: its file name without the extension.
pub(crate) fn slug(path: &Path) -> Cow<'_, str> {
    path.file_stem().unwrap_or_default().to_string_lossy()
}
