//! Building a typed `Review` from a header's raw fields.

use serde_json::Value;

use super::aliases::{Field, field_for, normalize_key};
use super::dates::dated;
use super::expected::Expected;
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

/// A record built from a header's raw fields, with the problems found on the way. A missing title
/// is left empty for the caller to fill from the file name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Built {
    /// The record, always: a value that does not fit its field leaves the field empty.
    pub(crate) review: Review,
    /// Values that did not fit their field (kept in `extra`), keys given twice, an empty title.
    pub(crate) warnings: Vec<Problem>,
}

/// What a field's value fills: usually its field, but a numeric `rating` or a `stars:` of star
/// characters is the score, so that a conflict is settled by what the values are.
fn slot(kind: Field, field: &RawField) -> Field {
    match kind {
        Field::Rating if scores::is_points(&field.value) => Field::Score,
        Field::Starring
            if scores::is_stars(&field.value) && normalize_key(&field.key) == "stars" =>
        {
            Field::Score
        }
        other => other,
    }
}

/// Type the raw fields of one header.
///
/// Nothing is lost and no value stops the record: a value of the wrong shape is a warning and is
/// kept as written in `extra`, as is one that loses to an earlier value for the same field.
pub(crate) fn build(fields: Vec<RawField>) -> Built {
    let mut review = Review::default();
    let mut warnings = Vec::new();
    let mut seen: Vec<(Field, String, usize)> = Vec::new();
    let mut rating_reason = None;

    for mut field in fields {
        let Some(kind) = field_for(&field.key) else {
            review.extra.insert(field.key, field.value);
            continue;
        };
        // `N/A`, `TBD`, `?`: no value, in any field, and nothing to warn of; an empty title is
        // still named, since the file name stands in for it.
        if values::is_placeholder(&field.value) {
            if kind != Field::Title {
                continue;
            }
            field.value = Value::Null;
        }
        let slot = slot(kind, &field);
        if let Some((_, first_key, first_line)) = seen.iter().find(|(f, _, _)| *f == slot) {
            // The same score written twice (`rating: 3` and `ratingEmoji: ⭐️⭐️⭐️`) agrees.
            if slot == Field::Score && same_score(review.score.as_ref(), &field.value) {
                review.extra.insert(field.key, field.value);
                continue;
            }
            warnings.push(Problem::field(
                field.line,
                field.column,
                field.key.clone(),
                format!(
                    "means the same field as \"{first_key}\" on line {first_line}; kept as written in \"extra\""
                ),
            ));
            review.extra.insert(field.key, field.value);
            continue;
        }
        match apply(slot, &field, &mut review, &mut rating_reason) {
            Ok(()) => {
                if slot == Field::Title && review.title.is_empty() {
                    warnings.push(Problem::field(
                        field.line,
                        None,
                        field.key.clone(),
                        "empty: the file name is used as the title",
                    ));
                }
                seen.push((slot, field.key, field.line));
            }
            Err(message) => {
                warnings.push(Problem::field(
                    field.line,
                    field.column,
                    field.key.clone(),
                    format!("{message}; kept as written in \"extra\""),
                ));
                review.extra.insert(field.key, field.value);
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
    if let Some((title, year)) = title_and_year(&review.title) {
        review.year = review.year.or(Some(year));
        review.title = title;
    }
    if review.year.is_none() {
        review.year = review
            .us_release
            .or(review.release_date)
            .map(|d| i32::from(d.year()));
    }
    Built { review, warnings }
}

/// Does `value` give the same number of points as `score`, whatever the scale written?
fn same_score(score: Option<&Score>, value: &Value) -> bool {
    let points = |score: Option<&Score>| match score {
        Some(Score::Points { value, .. }) => Some(*value),
        _ => None,
    };
    let other = scores::score(value).ok().flatten();
    points(score).is_some_and(|p| points(other.as_ref()) == Some(p))
}

/// A title that ends in its year, `Suspicion (1941)`: the title without it, and the year.
pub(crate) fn title_and_year(title: &str) -> Option<(String, i32)> {
    let (title, year) = title.trim_end().strip_suffix(')')?.rsplit_once('(')?;
    let year: i32 = year
        .trim()
        .parse()
        .ok()
        .filter(|y| (1870..=2200).contains(y))?;
    let title = title.trim_end();
    (!title.is_empty()).then(|| (title.to_string(), year))
}

fn apply(
    slot: Field,
    field: &RawField,
    review: &mut Review,
    rating_reason: &mut Option<String>,
) -> Result<(), Expected> {
    let value = &field.value;
    let raw = field.raw.as_deref();
    match slot {
        Field::Title => review.title = values::text(value, raw)?.unwrap_or_default(),
        Field::OriginalTitle => review.original_title = values::text(value, raw)?,
        Field::Year => review.year = values::year(value)?,
        Field::DirectedBy => review.directed_by = values::people(value)?,
        Field::WrittenBy => review.written_by = values::people(value)?,
        Field::ProducedBy => review.produced_by = values::people(value)?,
        Field::Starring => review.starring = values::people(value)?,
        Field::Rating => match scores::rating(value)? {
            Some(RatingValue::Certification(rating)) => review.rating = Some(rating),
            Some(RatingValue::Score(score)) => review.score = Some(score),
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
        // Jekyll's `published: false` says a post is a draft, not when it was written.
        Field::Reviewed if value.is_boolean() && normalize_key(&field.key) == "published" => {
            review.draft = value == &Value::Bool(false);
        }
        Field::Reviewed => review.reviewed = dated(value)?.map(|(date, _)| date),
        Field::Watched => review.watched = dated(value)?.map(|(date, _)| date),
        Field::Reviewer => review.reviewer = values::text(value, raw)?,
        Field::Tags => review.tags = values::words(value)?,
        Field::Genres => review.genres = values::words(value)?,
        Field::Draft => review.draft = values::flag(value)?,
        Field::Synopsis => review.synopsis = values::text(value, raw)?,
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
        let built = build(vec![
            raw("title", json!("Rust and Bone"), 2),
            raw("U.S. release date", json!("November 23, 2012 (limited)"), 3),
            raw("rating", json!("R"), 4),
            raw("rating_reason", json!("for language"), 5),
            raw("layout", json!("post"), 6),
        ]);
        assert!(built.warnings.is_empty());
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
    fn a_value_that_does_not_fit_is_a_warning_kept_in_extra() {
        let built = build(vec![
            raw("title", json!("X"), 2),
            raw("runtime", json!("about two hours"), 4),
            raw("score", json!("great"), 5),
        ]);
        assert_eq!(built.review.runtime, None);
        assert_eq!(built.review.extra["runtime"], json!("about two hours"));
        assert_eq!(built.review.extra["score"], json!("great"));
        assert_eq!(built.warnings.len(), 2);
        assert_eq!(built.warnings[0].field.as_deref(), Some("runtime"));
        assert_eq!(built.warnings[0].line, 4);
        assert!(
            built.warnings[0]
                .message
                .ends_with("; kept as written in \"extra\"")
        );
    }

    #[test]
    fn a_missing_title_is_no_problem_but_an_empty_one_is() {
        assert!(build(vec![raw("year", json!(2001), 2)]).warnings.is_empty());
        let empty = build(vec![raw("movie title", json!(null), 2)]);
        assert_eq!(empty.warnings[0].field.as_deref(), Some("movie title"));
        assert_eq!(empty.warnings[0].line, 2);
    }

    #[test]
    fn jekyll_published_false_is_a_draft() {
        let built = build(vec![
            raw("title", json!("X"), 2),
            raw("published", json!(false), 3),
        ]);
        assert!(built.warnings.is_empty());
        assert!(built.review.draft);
        assert_eq!(built.review.reviewed, None);
        let built = build(vec![raw("draft", json!(true), 2)]);
        assert!(built.review.draft);
    }

    #[test]
    fn a_field_given_twice_keeps_the_first_and_the_second_in_extra() {
        let built = build(vec![
            raw("title", json!("X"), 2),
            raw("director", json!("A"), 3),
            raw("directed by", json!("B"), 4),
        ]);
        assert_eq!(built.review.directed_by, ["A"]);
        assert_eq!(built.review.extra["directed by"], json!("B"));
        assert_eq!(built.warnings[0].line, 4);
        assert!(
            built.warnings[0]
                .message
                .contains("same field as \"director\" on line 3")
        );
    }

    #[test]
    fn conflicts_are_settled_by_what_the_values_are() {
        let built = build(vec![
            raw("title", json!("X"), 2),
            raw("mpaa", json!("R"), 3),
            raw("rating", json!(4), 4),
            raw("stars", json!("★★★½"), 5),
        ]);
        assert_eq!(built.review.rating_code(), "R");
        assert_eq!(
            built.review.score,
            Some(crate::record::Score::Points {
                value: 4.0,
                max: None
            })
        );
        // The stars lose to the earlier score, and are kept.
        assert_eq!(built.review.extra["stars"], json!("★★★½"));
        assert!(built.review.starring.is_empty());
        let cast = build(vec![raw("stars", json!("Brad Pitt, Edward Norton"), 2)]);
        assert_eq!(cast.review.starring, ["Brad Pitt", "Edward Norton"]);
    }

    #[test]
    fn a_score_written_twice_alike_is_no_conflict() {
        let built = build(vec![
            raw("rating", json!(3), 2),
            raw("ratingEmoji", json!("⭐️⭐️⭐️"), 3),
        ]);
        assert!(built.warnings.is_empty());
        assert_eq!(built.review.extra["ratingEmoji"], json!("⭐️⭐️⭐️"));
        let differ = build(vec![
            raw("rating", json!(3), 2),
            raw("ratingEmoji", json!("⭐️⭐️"), 3),
        ]);
        assert_eq!(differ.warnings.len(), 1);
    }

    #[test]
    fn a_title_ending_in_its_year() {
        let built = build(vec![raw("title", json!("Suspicion (1941)"), 2)]);
        assert_eq!(built.review.title, "Suspicion");
        assert_eq!(built.review.year, Some(1941));
        let kept = build(vec![
            raw("title", json!("Blade Runner (1982)"), 2),
            raw("year", json!(2007), 3),
        ]);
        assert_eq!(kept.review.title, "Blade Runner");
        assert_eq!(kept.review.year, Some(2007));
        assert_eq!(
            build(vec![raw("title", json!("Ran (Chaos)"), 2)])
                .review
                .title,
            "Ran (Chaos)"
        );
    }
}
