//! Building a typed `Review` from a header's raw fields.

use serde_json::Value;

use super::aliases::{Field, LOOSE_ALIASES, field_for, normalize_key};
use super::dates::dated;
use super::review::{Review, Score};
use super::scores::{self, RatingValue};
use super::values;
use crate::diagnostics::Problem;

/// One top-level header field, before typing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawField {
    /// The key as written.
    pub(crate) key: String,
    /// The value, in a neutral form shared by the YAML and TOML readers.
    pub(crate) value: Value,
    /// The value's text as written on the key's line, when it is there.
    pub(crate) raw: Option<String>,
    /// 1-based file line of the key.
    pub(crate) line: usize,
    /// 1-based column of the value, when known.
    pub(crate) column: Option<usize>,
}

/// A record built from a header, with the problems found on the way. A missing title is left
/// empty (with a warning) for the caller to fill from the file name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Built {
    /// The record: complete when `errors` is empty.
    pub(crate) review: Review,
    /// Values that could not be read; any one makes the file bad.
    pub(crate) errors: Vec<Problem>,
    /// Things `check` reports but that do not stop the file being read (a key given twice).
    pub(crate) warnings: Vec<Problem>,
}

/// Type the raw fields of one header. `fence_line` is the opening fence's line, where a missing
/// title is reported.
pub(crate) fn build(fields: Vec<RawField>, fence_line: usize) -> Built {
    let mut review = Review::default();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut seen: Vec<(Field, String, usize)> = Vec::new();
    let mut rating_reason = None;
    let mut score_from_rating = None;

    for field in fields {
        let Some(kind) = field_for(&field.key) else {
            review.extra.insert(field.key, field.value);
            continue;
        };
        if let Some((_, first_key, first_line)) = seen.iter().find(|(f, _, _)| *f == kind) {
            warnings.push(Problem::field(
                field.line,
                field.column,
                field.key.clone(),
                format!(
                    "means the same field as \"{first_key}\" on line {first_line}; this value is ignored"
                ),
            ));
            continue;
        }
        let applied = apply(
            kind,
            &field,
            &mut review,
            &mut rating_reason,
            &mut score_from_rating,
        );
        match applied {
            Ok(()) => seen.push((kind, field.key.clone(), field.line)),
            Err(message) if LOOSE_ALIASES.contains(&normalize_key(&field.key).as_str()) => {
                warnings.push(Problem::field(
                    field.line,
                    field.column,
                    field.key.clone(),
                    format!("{message}; kept as written in \"extra\""),
                ));
                review.extra.insert(field.key, field.value);
            }
            Err(message) => {
                seen.push((kind, field.key.clone(), field.line));
                errors.push(Problem::field(field.line, field.column, field.key, message));
            }
        }
    }

    if let Some(reason) = rating_reason {
        match &mut review.rating {
            Some(rating) if rating.reason.is_none() => rating.reason = Some(reason),
            Some(_) => {}
            None => {
                review
                    .extra
                    .insert("rating_reason".into(), Value::String(reason));
            }
        }
    }
    if review.score.is_none() {
        review.score = score_from_rating;
    }
    if review.year.is_none() {
        review.year = review
            .us_release
            .or(review.release_date)
            .map(|d| i32::from(d.year()));
    }
    if review.title.is_empty()
        && !errors.iter().any(|p| {
            p.field
                .as_deref()
                .is_some_and(|f| field_for(f) == Some(Field::Title))
        })
    {
        let (line, key) = seen
            .iter()
            .find(|(f, _, _)| *f == Field::Title)
            .map_or((fence_line, "title".to_string()), |(_, key, line)| {
                (*line, key.clone())
            });
        warnings.push(Problem::field(
            line,
            None,
            key,
            "missing or empty: the file name is used as the title",
        ));
    }
    Built {
        review,
        errors,
        warnings,
    }
}

fn apply(
    kind: Field,
    field: &RawField,
    review: &mut Review,
    rating_reason: &mut Option<String>,
    score_from_rating: &mut Option<Score>,
) -> Result<(), values::Expected> {
    let value = &field.value;
    let raw = field.raw.as_deref();
    match kind {
        Field::Title => review.title = values::text(value, raw)?.unwrap_or_default(),
        Field::OriginalTitle => review.original_title = values::text(value, raw)?,
        Field::Year => review.year = values::year(value)?,
        Field::DirectedBy => review.directed_by = values::people(value)?,
        Field::WrittenBy => review.written_by = values::people(value)?,
        Field::ProducedBy => review.produced_by = values::people(value)?,
        Field::Starring => review.starring = values::people(value)?,
        Field::Rating => match scores::rating(value)? {
            Some(RatingValue::Certification(rating)) => review.rating = Some(rating),
            Some(RatingValue::Score(score)) => *score_from_rating = Some(score),
            None => {}
        },
        Field::RatingReason => *rating_reason = values::text(value, raw)?,
        Field::Score => review.score = scores::score(value)?,
        Field::Runtime => review.runtime = values::runtime(value)?,
        Field::UsRelease => {
            if let Some((date, note)) = dated(value)? {
                review.us_release = Some(date);
                review.us_release_note = note;
            }
        }
        Field::ReleaseDate => {
            if let Some((date, note)) = dated(value)? {
                review.release_date = Some(date);
                review.release_date_note = note;
            }
        }
        Field::Reviewed => review.reviewed = dated(value)?.map(|(date, _)| date),
        Field::Reviewer => review.reviewer = values::text(value, raw)?,
        Field::Tags => review.tags = values::words(value)?,
        Field::Genres => review.genres = values::words(value)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Rating;
    use serde_json::json;

    fn raw(key: &str, value: Value, line: usize) -> RawField {
        RawField {
            key: key.into(),
            raw: value.as_str().map(str::to_string),
            value,
            line,
            column: Some(1),
        }
    }

    #[test]
    fn builds_the_seed_header() {
        let built = build(
            vec![
                raw("title", json!("Rust and Bone"), 2),
                raw("U.S. release date", json!("November 23, 2012 (limited)"), 3),
                raw("rating", json!("R"), 4),
                raw("rating_reason", json!("for language"), 5),
                raw("layout", json!("post"), 6),
            ],
            1,
        );
        assert!(built.errors.is_empty());
        let review = built.review;
        assert_eq!(review.year, Some(2012), "year from the release date");
        assert_eq!(review.us_release_note.as_deref(), Some("limited"));
        assert_eq!(
            review.rating,
            Some(Rating {
                code: "R".into(),
                reason: Some("for language".into())
            })
        );
        assert_eq!(review.extra["layout"], json!("post"));
    }

    #[test]
    fn bad_values_are_errors_and_a_missing_title_a_warning() {
        let built = build(vec![raw("runtime", json!("forever"), 4)], 1);
        assert_eq!(built.errors.len(), 1);
        assert_eq!(built.errors[0].field.as_deref(), Some("runtime"));
        assert_eq!(built.errors[0].line, 4);
        assert_eq!(
            built.warnings[0].message,
            "missing or empty: the file name is used as the title"
        );
        assert_eq!(built.warnings[0].line, 1);
        let empty = build(vec![raw("movie title", json!(null), 2)], 1);
        assert!(empty.errors.is_empty());
        assert_eq!(empty.warnings[0].field.as_deref(), Some("movie title"));
        assert_eq!(empty.warnings[0].line, 2);
    }

    #[test]
    fn a_loose_alias_with_a_foreign_value_goes_to_extra() {
        let built = build(
            vec![
                raw("title", json!("X"), 2),
                raw("published", json!(false), 3),
            ],
            1,
        );
        assert!(built.errors.is_empty());
        assert_eq!(built.review.reviewed, None);
        assert_eq!(built.review.extra["published"], json!(false));
        assert!(
            built.warnings[0]
                .message
                .ends_with("kept as written in \"extra\"")
        );
        let strict = build(
            vec![
                raw("title", json!("X"), 2),
                raw("reviewed", json!(false), 3),
            ],
            1,
        );
        assert_eq!(strict.errors.len(), 1);
    }

    #[test]
    fn a_field_given_twice_is_a_warning_and_the_first_wins() {
        let built = build(
            vec![
                raw("title", json!("X"), 2),
                raw("director", json!("A"), 3),
                raw("directed by", json!("B"), 4),
            ],
            1,
        );
        assert_eq!(built.review.directed_by, ["A"]);
        assert_eq!(built.warnings[0].line, 4);
        assert!(
            built.warnings[0]
                .message
                .contains("same field as \"director\" on line 3")
        );
    }

    #[test]
    fn numeric_rating_becomes_the_score() {
        let built = build(
            vec![raw("title", json!("X"), 2), raw("rating", json!(3), 3)],
            1,
        );
        assert_eq!(built.review.rating, None);
        assert!(built.review.score.is_some());
    }
}
