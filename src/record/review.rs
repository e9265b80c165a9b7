//! The review record: typed fields, as the JSON output shows them.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

/// The U.S. certifications from all ages to adults only, then "not rated": the one list that
/// reading, sorting and colouring follow.
pub(crate) const CERTIFICATIONS: [&str; 6] = ["G", "PG", "PG-13", "R", "NC-17", "NR"];

/// A certification such as `R`, with the reason given for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rating {
    /// One of [`CERTIFICATIONS`] in its usual spelling, or another code as written (`TV-MA`).
    pub code: String,
    /// Why, e.g. "for strong sexual content".
    pub reason: Option<String>,
}

impl Rating {
    /// The code's place in [`CERTIFICATIONS`], when it is one of them.
    pub(crate) fn rank(&self) -> Option<usize> {
        certification_rank(&self.code)
    }
}

/// A code's place in [`CERTIFICATIONS`], when it is one of them.
pub(crate) fn certification_rank(code: &str) -> Option<usize> {
    CERTIFICATIONS.iter().position(|c| *c == code)
}

/// The reviewer's own grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Score {
    /// A number, out of `max` when the scale is known.
    Points { value: f64, max: Option<f64> },
    /// A letter grade such as `B+`.
    Grade { grade: String },
}

/// One review: its header's fields, typed, and where it came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Review {
    /// The file name without its extension.
    pub slug: String,
    /// The file, as found in the collection.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    pub title: String,
    /// The title in the film's own language.
    pub original_title: Option<String>,
    /// The film's year, else the year of its release date.
    pub year: Option<i32>,
    pub directed_by: Vec<String>,
    pub written_by: Vec<String>,
    pub produced_by: Vec<String>,
    pub starring: Vec<String>,
    pub rating: Option<Rating>,
    pub score: Option<Score>,
    /// Running time in minutes.
    pub runtime: Option<u32>,
    pub us_release: Option<Date>,
    /// A note on the U.S. release, e.g. "limited".
    pub us_release_note: Option<String>,
    /// Release date (any country).
    pub release_date: Option<Date>,
    pub release_date_note: Option<String>,
    /// When the review was written.
    pub reviewed: Option<Date>,
    /// When the film was seen.
    pub watched: Option<Date>,
    /// Who wrote the review.
    pub reviewer: Option<String>,
    /// What the film is about, in a sentence or two.
    pub synopsis: Option<String>,
    pub tags: Vec<String>,
    pub genres: Vec<String>,
    /// A draft (`draft: true`, Jekyll's `published: false`): `list` leaves it out unless asked.
    pub draft: bool,
    /// Every other key of the header, untouched.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// The review text, when it was read (`show`), not when only the header was (`list`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl Review {
    /// Directors joined for one cell or line.
    pub(crate) fn directors(&self) -> String {
        self.directed_by.join(", ")
    }

    /// The rating code, or "" when there is none.
    pub(crate) fn rating_code(&self) -> &str {
        self.rating.as_ref().map_or("", |r| r.code.as_str())
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Score::Points {
                value,
                max: Some(max),
            } => write!(f, "{value}/{max}"),
            Score::Points { value, max: None } => write!(f, "{value}"),
            Score::Grade { grade } => f.write_str(grade),
        }
    }
}

/// Paths are shown as text even when they are not UTF-8, rather than failing the whole output.
fn lossy_path<S: serde::Serializer>(
    path: &std::path::Path,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.to_string_lossy())
}
