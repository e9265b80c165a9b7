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
    /// One of the U.S. certifications (G, PG, PG-13, R, NC-17, NR) in its usual spelling, or
    /// another code as written (`TV-MA`, `12A`).
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
#[derive(Debug, Clone, PartialEq)]
pub enum Score {
    /// A number, out of `max` when the scale is known: `3.5/4`, `8/10`, `★★★½`.
    Points {
        /// The number as written (`3.5` of `3.5/4`).
        value: f64,
        /// The top of the scale (`4` of `3.5/4`), when the file gives one.
        max: Option<f64>,
    },
    /// A letter grade such as `B+`.
    Grade {
        /// The grade as written, `A+` to `F`.
        grade: String,
    },
}

/// One review: its header's fields, typed, and where it came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Review {
    /// The file name without its extension.
    pub slug: String,
    /// The file, as found in the collection.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// The collection it was listed in (a configured name, else its folder's), when it was.
    pub collection: Option<String>,
    /// The title as written, else the file's name (a header without one).
    pub title: String,
    /// The title in the film's own language.
    pub original_title: Option<String>,
    /// The film's year, else the year of its release date.
    pub year: Option<i32>,
    /// The directors, each a name (a list, or one string of names joined by `,`, `and`, `&`).
    pub directed_by: Vec<String>,
    /// The writers, read as the directors are.
    pub written_by: Vec<String>,
    /// The producers, read as the directors are.
    pub produced_by: Vec<String>,
    /// The cast, read as the directors are.
    pub starring: Vec<String>,
    /// The certification (`R`, `PG-13`) and the reason given for it.
    pub rating: Option<Rating>,
    /// The reviewer's own grade, in whatever shape the file gave it.
    pub score: Option<Score>,
    /// Running time in minutes.
    pub runtime: Option<u32>,
    /// When the film opened in the U.S.
    pub us_release: Option<Date>,
    /// A note on the U.S. release, e.g. "limited".
    pub us_release_note: Option<String>,
    /// Release date (any country).
    pub release_date: Option<Date>,
    /// A note on the release, e.g. "France".
    pub release_date_note: Option<String>,
    /// When the review was written.
    pub reviewed: Option<Date>,
    /// When the film was seen.
    pub watched: Option<Date>,
    /// Who wrote the review.
    pub reviewer: Option<String>,
    /// What the film is about, in a sentence or two.
    pub synopsis: Option<String>,
    /// The reviewer's tags (`tags:` or `tag:`).
    pub tags: Vec<String>,
    /// The film's genres.
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

/// Letter grades on the 0–100 scale: A+ is 100, each step down five, F is 0.
const GRADES: [(&str, f64); 14] = [
    ("A+", 100.0),
    ("A", 95.0),
    ("A-", 90.0),
    ("B+", 85.0),
    ("B", 80.0),
    ("B-", 75.0),
    ("C+", 70.0),
    ("C", 65.0),
    ("C-", 60.0),
    ("D+", 55.0),
    ("D", 50.0),
    ("D-", 45.0),
    ("E", 0.0),
    ("F", 0.0),
];

impl Score {
    /// The score on one scale from 0 to 100: `n/m` is n/m×100; a number with no scale is out of
    /// 5 when it is at most 5, out of 10 when at most 10, else out of 100; A+ is 100 and each grade below it five less, to D- at 45, E and F 0.
    pub fn normalized(&self) -> Option<f64> {
        let value = match self {
            Score::Points {
                value,
                max: Some(max),
            } => (*max > 0.0).then(|| value / max * 100.0)?,
            Score::Points { value, max: None } => value / self.scale()? * 100.0,
            Score::Grade { grade } => GRADES
                .iter()
                .find(|(g, _)| g.eq_ignore_ascii_case(grade))
                .map(|(_, v)| *v)?,
        };
        // Two decimals are plenty, and keep 3.5/4 an exact 87.5.
        Some((value.clamp(0.0, 100.0) * 100.0).round() / 100.0)
    }
}

impl Score {
    /// The top of the scale the score is on: as written (`3.5/4` is out of 4), else as
    /// [`Score::normalized`] infers it; `None` for a letter grade.
    pub(crate) fn scale(&self) -> Option<f64> {
        match self {
            Score::Points { max: Some(max), .. } => Some(*max),
            Score::Points { value, max: None } => Some(if *value <= 5.0 {
                5.0
            } else if *value <= 10.0 {
                10.0
            } else {
                100.0
            }),
            Score::Grade { .. } => None,
        }
    }

    /// A 0–100 value shown on a scale: `90` on `Some(5.0)` is `4.5/5`; on no scale (grades), the
    /// grade it is, else `90/100`.
    pub(crate) fn shown_on(normalized: f64, scale: Option<f64>) -> String {
        let number = |n: f64| {
            let n = (n * 100.0).round() / 100.0;
            format!("{n}")
        };
        match scale {
            Some(max) => format!("{}/{}", number(normalized / 100.0 * max), number(max)),
            None => match GRADES.iter().find(|(_, v)| *v == normalized) {
                Some((grade, _)) if normalized > 0.0 => grade.to_string(),
                _ => format!("{}/100", number(normalized)),
            },
        }
    }
}

impl Score {
    /// The score shown out of `max`: `4/5` out of 10 is `8/10`, `B+` out of 10 is `8.5/10`. A
    /// score with no place on the 0–100 scale (out of 0) is kept as written.
    pub(crate) fn out_of(self, max: f64) -> Score {
        match self.normalized() {
            Some(normalized) => Score::Points {
                value: (normalized / 100.0 * max * 100.0).round() / 100.0,
                max: Some(max),
            },
            None => self,
        }
    }
}

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(3))?;
        match self {
            Score::Points { value, max } => {
                map.serialize_entry("value", value)?;
                map.serialize_entry("max", max)?;
            }
            Score::Grade { grade } => map.serialize_entry("grade", grade)?,
        }
        map.serialize_entry("normalized", &self.normalized())?;
        map.end()
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
pub(crate) fn lossy_path<S: serde::Serializer>(
    path: &std::path::Path,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_score_on_one_scale() {
        let points = |value: f64, max: Option<f64>| Score::Points { value, max }.normalized();
        assert_eq!(points(3.5, Some(4.0)), Some(87.5));
        assert_eq!(points(8.0, Some(10.0)), Some(80.0));
        assert_eq!(points(72.0, Some(100.0)), Some(72.0));
        assert_eq!(points(3.5, None), Some(70.0), "out of 5");
        assert_eq!(points(7.0, None), Some(70.0), "out of 10");
        assert_eq!(points(72.0, None), Some(72.0), "out of 100");
        assert_eq!(points(12.0, Some(10.0)), Some(100.0), "clamped");
        let grade = |g: &str| Score::Grade { grade: g.into() }.normalized();
        assert_eq!(grade("A+"), Some(100.0));
        assert_eq!(grade("B+"), Some(85.0));
        assert_eq!(grade("F"), Some(0.0));
    }
}
