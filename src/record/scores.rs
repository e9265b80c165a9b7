//! What a `rating` or `score` holds: a certification with its reason, or the reviewer's grade.

use serde_json::Value;

use super::expected::{Expected, found, non_empty};
use super::review::{CERTIFICATIONS, Rating, Score};

/// What a `rating` field holds: a certification, or (a number, `n/m`, stars) a score.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RatingValue {
    /// `R (for ...)`.
    Certification(Rating),
    /// `3.5`, `8/10`, `★★★½`.
    Score(Score),
}

/// Parse a `rating` value.
pub(crate) fn rating(value: &Value) -> Result<Option<RatingValue>, Expected> {
    match value {
        Value::Null => Ok(None),
        Value::Number(_) => score(value).map(|s| s.map(RatingValue::Score)),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => {
            let s = s.trim();
            if let Some(points) = points(s) {
                return Ok(Some(RatingValue::Score(points)));
            }
            Ok(Some(RatingValue::Certification(certification(s))))
        }
        other => Err(format!(
            "expected a certification such as \"R\" or \"PG-13 (for violence)\", or a score, found {}",
            found(other)
        )),
    }
}

/// Ways of writing "not rated", all read as `NR`.
const NOT_RATED: [&str; 6] = [
    "nr",
    "n/r",
    "not rated",
    "unrated",
    "not-rated",
    "no rating",
];

/// `R (for strong language)`, `Rated R for strong language`, `PG-13`, `Not Rated`. A rating that
/// is not a U.S. certification (`Approved`, `Passed`, `TV-MA`, `12A`) is kept as written.
fn certification(s: &str) -> Rating {
    let s = s
        .strip_prefix("Rated ")
        .or_else(|| s.strip_prefix("rated "))
        .unwrap_or(s)
        .trim();
    if NOT_RATED.contains(&s.to_lowercase().as_str()) {
        return Rating {
            code: "NR".into(),
            reason: None,
        };
    }
    let (code, reason) = match s.split_once(char::is_whitespace) {
        // A code is one word of capitals, digits and hyphens (`PG-13`, `TV-MA`): anything else
        // is the rating as written.
        Some((code, reason))
            if CERTIFICATIONS.iter().any(|k| k.eq_ignore_ascii_case(code))
                || code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-') =>
        {
            (code, reason.trim())
        }
        _ => (s, ""),
    };
    let reason = reason
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(reason)
        .trim();
    let code = CERTIFICATIONS
        .iter()
        .find(|k| k.eq_ignore_ascii_case(code))
        .map_or_else(|| code.to_string(), |k| k.to_string());
    Rating {
        code,
        reason: non_empty(reason),
    }
}

const SCORE_EXPECTED: &str = "expected a score such as \"3.5\", \"8/10\", \"★★★½\" or \"B+\"";

/// Parse a `score` value: a number, `n/m`, `n of m`, stars, or a letter grade.
pub(crate) fn score(value: &Value) -> Result<Option<Score>, Expected> {
    let complain = || format!("{SCORE_EXPECTED}, found {}", found(value));
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => Ok(Some(Score::Points {
            value: n.as_f64().ok_or_else(complain)?,
            max: None,
        })),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => {
            let s = s.trim();
            if let Some(points) = points(s) {
                return Ok(Some(points));
            }
            let grade = s.as_bytes();
            let letter = matches!(grade.first(), Some(b'A'..=b'F' | b'a'..=b'f'));
            let suffix_ok = grade.len() == 1 || grade.len() == 2 && matches!(grade[1], b'+' | b'-');
            if letter && suffix_ok {
                return Ok(Some(Score::Grade {
                    grade: s.to_uppercase(),
                }));
            }
            Err(complain())
        }
        _ => Err(complain()),
    }
}

/// A score written on the command line (`3/4`, `7.5/10`, `★★★`, `B+`, `80%`), on the 0–100 scale.
pub(crate) fn score_on_scale(text: &str) -> Result<f64, Expected> {
    score(&Value::String(text.to_string()))
        .ok()
        .flatten()
        .and_then(|s| s.normalized())
        .ok_or_else(|| {
            format!(
                "expected a score such as \"3/4\", \"7.5/10\", \"★★★\", \"B+\" or \"80%\", found {text:?}"
            )
        })
}

/// Does a `rating` value hold a score (a number, `n/m`, stars) rather than a certification?
pub(crate) fn is_points(value: &Value) -> bool {
    match value {
        Value::Number(_) => true,
        Value::String(s) => points(s.trim()).is_some(),
        _ => false,
    }
}

/// Is this a score written in stars (`★★★½`, `⭐️⭐️⭐️`, `***`) or a number, the way a `stars:`
/// key is meant as a score? A value made of star characters is never a person.
pub(crate) fn is_stars(value: &Value) -> bool {
    match value {
        Value::Number(_) => true,
        Value::String(s) => {
            let s = s.trim();
            !s.is_empty()
                && (s.parse::<f64>().is_ok() || s.chars().all(|c| is_star(c) || c.is_whitespace()))
        }
        _ => false,
    }
}

fn is_star(c: char) -> bool {
    matches!(c, '★' | '☆' | '½' | '*' | '⭐' | '\u{fe0f}' | '🌟')
}

/// `3.5`, `3.5/4`, `8 / 10`, `3 of 4`, `85%`, `★★★½`, `⭐️⭐️⭐️` (out of 5), `4 stars`.
fn points(s: &str) -> Option<Score> {
    let number = |t: &str| {
        t.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
    };
    if let Some(value) = number(s) {
        return Some(Score::Points { value, max: None });
    }
    if let Some(value) = s.strip_suffix('%').and_then(number) {
        return Some(Score::Points {
            value,
            max: Some(100.0),
        });
    }
    // Emoji stars, with or without their variation selector, are always out of five.
    if s.contains(['⭐', '🌟']) {
        let emoji = s.chars().filter(|c| matches!(c, '⭐' | '🌟')).count();
        let only_stars = s.chars().all(|c| is_star(c) || c.is_whitespace());
        return only_stars.then(|| Score::Points {
            value: emoji as f64 + if s.contains('½') { 0.5 } else { 0.0 },
            max: Some(5.0),
        });
    }
    for separator in ["/", " of ", " out of "] {
        if let Some((v, m)) = s.split_once(separator) {
            let m = m.trim().trim_end_matches("stars").trim_end_matches("star");
            if let (Some(value), Some(max)) = (number(v), number(m)) {
                return Some(Score::Points {
                    value,
                    max: Some(max),
                });
            }
        }
    }
    if let Some(v) = s.strip_suffix("stars").or_else(|| s.strip_suffix("star")) {
        return number(v).map(|value| Score::Points { value, max: None });
    }
    let stars = s.chars().filter(|c| !c.is_whitespace());
    let mut value = 0.0;
    let mut max = 0.0;
    for c in stars {
        match c {
            '★' | '*' => {
                value += 1.0;
                max += 1.0;
            }
            '½' => {
                value += 0.5;
                max += 1.0;
            }
            '☆' => max += 1.0,
            _ => return None,
        }
    }
    // Empty stars (☆) tell the scale; without them it is unknown.
    let has_empty = s.contains('☆');
    (value > 0.0).then_some(Score::Points {
        value,
        max: has_empty.then_some(max),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ratings_and_reasons() {
        let cert = |code: &str, reason: Option<&str>| {
            Some(RatingValue::Certification(Rating {
                code: code.into(),
                reason: reason.map(Into::into),
            }))
        };
        assert_eq!(rating(&json!("R")), Ok(cert("R", None)));
        assert_eq!(
            rating(&json!("R (for strong language)")),
            Ok(cert("R", Some("for strong language")))
        );
        assert_eq!(rating(&json!("pg-13")), Ok(cert("PG-13", None)));
        assert_eq!(
            rating(&json!("Rated PG for mild peril")),
            Ok(cert("PG", Some("for mild peril")))
        );
        assert_eq!(rating(&json!("TV-MA")), Ok(cert("TV-MA", None)));
        for nr in ["Not Rated", "Unrated", "N/R", "nr"] {
            assert_eq!(rating(&json!(nr)), Ok(cert("NR", None)), "{nr}");
        }
        assert_eq!(rating(&json!("Approved")), Ok(cert("Approved", None)));
        assert_eq!(rating(&json!("Passed")), Ok(cert("Passed", None)));
        assert_eq!(
            rating(&json!("TV-14 for language")),
            Ok(cert("TV-14", Some("for language")))
        );
        assert_eq!(
            rating(&json!("Approved by the board")),
            Ok(cert("Approved by the board", None))
        );
        assert!(rating(&json!(["R"])).is_err());
    }

    #[test]
    fn numeric_ratings_are_scores() {
        let points =
            |value: f64, max: Option<f64>| Some(RatingValue::Score(Score::Points { value, max }));
        assert_eq!(rating(&json!(3)), Ok(points(3.0, None)));
        assert_eq!(rating(&json!(8.5)), Ok(points(8.5, None)));
        assert_eq!(rating(&json!("8/10")), Ok(points(8.0, Some(10.0))));
        assert_eq!(rating(&json!("★★★½")), Ok(points(3.5, None)));
    }

    #[test]
    fn scores() {
        let p = |value: f64, max: Option<f64>| Ok(Some(Score::Points { value, max }));
        assert_eq!(score(&json!("3.5")), p(3.5, None));
        assert_eq!(score(&json!("3.5/4")), p(3.5, Some(4.0)));
        assert_eq!(score(&json!("3 of 4")), p(3.0, Some(4.0)));
        assert_eq!(score(&json!("★★★☆")), p(3.0, Some(4.0)));
        assert_eq!(score(&json!("4 stars")), p(4.0, None));
        assert_eq!(score(&json!("85%")), p(85.0, Some(100.0)));
        assert_eq!(score(&json!("⭐️⭐️⭐️")), p(3.0, Some(5.0)));
        assert_eq!(score(&json!("⭐⭐⭐⭐")), p(4.0, Some(5.0)));
        assert!(is_stars(&json!("★★★½")) && is_stars(&json!(4)) && is_stars(&json!("⭐️⭐️")));
        assert!(!is_stars(&json!("Brad Pitt, Edward Norton")));
        assert_eq!(
            score(&json!("b+")),
            Ok(Some(Score::Grade { grade: "B+".into() }))
        );
        assert_eq!(
            score(&json!("great")).unwrap_err(),
            "expected a score such as \"3.5\", \"8/10\", \"★★★½\" or \"B+\", found \"great\""
        );
    }
}
