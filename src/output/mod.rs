//! Output: one module per format, each writing to the `Write` it is given.

pub(crate) mod body;
pub(crate) mod csv;
mod front_matter;
pub(crate) mod json;
pub(crate) mod letterboxd;
pub(crate) mod markdown;
pub(crate) mod matches;
pub(crate) mod path;
pub(crate) mod prose;
mod row;
pub(crate) mod settings;
pub(crate) mod stats;
pub(crate) mod style;
pub(crate) mod table;
pub(crate) mod template;
pub(crate) mod text;
pub(crate) mod tsv;

pub(crate) use front_matter::to_front_matter;
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) mod promises;
pub(crate) use row::{Layout, WITH_COLLECTION};
