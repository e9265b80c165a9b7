//! Value parsers: the shapes people write for each field, made typed.
//!
//! Each parser takes the neutral value of a header field and returns the typed value or a message
//! saying what was expected and what was found.

use jiff::civil::Date;
use serde_json::Value;

use crate::model::{Rating, Score};

/// A parser's complaint: what was expected, what was found.
pub type Expected = String;

/// How a value reads in a message: strings quoted, containers named.
pub fn found(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
        Value::Null => "nothing".into(),
        other => other.to_string(),
    }
}

/// A scalar as text; `raw` is the value as written, which keeps `1984` and `False` as spelled.
pub fn text(value: &Value, raw: Option<&str>) -> Result<Option<String>, Expected> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(non_empty(s.trim())),
        Value::Number(_) | Value::Bool(_) => Ok(Some(
            raw.filter(|r| !r.is_empty())
                .map_or_else(|| value.to_string(), str::to_string),
        )),
        other => Err(format!("expected text, found {}", found(other))),
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// People: a list of names, or one string of names joined by `,`, ` and `, ` & ` or `;`.
pub fn people(value: &Value) -> Result<Vec<String>, Expected> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => {
            let mut names = Vec::new();
            for item in items {
                match item {
                    Value::Null => {}
                    Value::String(s) => names.extend(non_empty(s.trim())),
                    Value::Number(n) => names.push(n.to_string()),
                    other => {
                        return Err(format!(
                            "expected a name in each list item, found {}",
                            found(other)
                        ));
                    }
                }
            }
            Ok(names)
        }
        Value::String(s) => Ok(split_names(s)),
        Value::Number(n) => Ok(vec![n.to_string()]),
        other => Err(format!(
            "expected a name or a list of names, found {}",
            found(other)
        )),
    }
}

/// Split "A, B and C" into names; an Oxford comma ("B, and C") is understood.
pub fn split_names(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .flat_map(|part| part.split(" and ").flat_map(|p| p.split(" & ")))
        .map(|name| {
            let name = name.trim();
            let name = name
                .strip_prefix("and ")
                .or_else(|| name.strip_prefix("& "))
                .unwrap_or(name);
            name.trim().to_string()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// A list of words (tags, genres): a list, or a string split on commas.
pub fn words(value: &Value) -> Result<Vec<String>, Expected> {
    match value {
        Value::String(s) => Ok(s.split(',').filter_map(|w| non_empty(w.trim())).collect()),
        other => people(other)
            .map_err(|_| format!("expected a word or a list of words, found {}", found(other))),
    }
}

const RUNTIME_EXPECTED: &str = "expected minutes such as \"120\" or \"1 hr 41 min\"";

/// Running time in minutes: `120`, `120 min.`, `1 hr 41 min`, `2h 28min`, `1:41`, `2 hours`.
pub fn runtime(value: &Value) -> Result<Option<u32>, Expected> {
    let complain = || format!("{RUNTIME_EXPECTED}, found {}", found(value));
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_u64()
            .and_then(|m| u32::try_from(m).ok())
            .map(Some)
            .ok_or_else(complain),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => parse_runtime(s).map(Some).ok_or_else(complain),
        _ => Err(complain()),
    }
}

fn parse_runtime(s: &str) -> Option<u32> {
    let s = s.trim().to_lowercase();
    if let Some((h, m)) = s.split_once(':') {
        let (h, m): (u32, u32) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
        return (m < 60).then(|| h.checked_mul(60)?.checked_add(m))?;
    }
    let mut total: u32 = 0;
    let mut rest = s.as_str();
    let mut seen = false;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let number: u32 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_alphabetic() && c != '.')
            .unwrap_or(rest.len());
        let unit = rest[..unit_len].trim_end_matches('.');
        let factor = match unit {
            "" if !seen => 1,
            "h" | "hr" | "hrs" | "hour" | "hours" => 60,
            "m" | "min" | "mins" | "minute" | "minutes" => 1,
            _ => return None,
        };
        total = total.checked_add(number.checked_mul(factor)?)?;
        seen = true;
        rest = rest[unit_len..].trim_start_matches([' ', ',']);
    }
    seen.then_some(total)
}

const DATE_EXPECTED: &str = "expected a date such as \"2012-11-23\" or \"November 23, 2012\"";

/// A date with an optional note after it in parentheses: `November 23, 2012 (limited)`.
pub fn dated(value: &Value) -> Result<Option<(Date, Option<String>)>, Expected> {
    let complain = || format!("{DATE_EXPECTED}, found {}", found(value));
    let s = match value {
        Value::Null => return Ok(None),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim(),
        _ => return Err(complain()),
    };
    let (date_text, note) = match s.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((date, note)) => (date.trim(), non_empty(note.trim())),
        None => (s, None),
    };
    parse_date(date_text)
        .map(|d| Some((d, note)))
        .ok_or_else(complain)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| m.starts_with(word.as_str()))?;
    i8::try_from(index + 1).ok()
}

/// `2012-11-23` (a time after it is ignored), `November 23, 2012`, `Nov 23 2012`, `23 Nov 2012`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let bytes = s.as_bytes();
    if bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' && s.is_char_boundary(10) {
        let tail = &s[10..];
        if !tail.is_empty() && !tail.starts_with(['T', 't', ' ']) {
            return None;
        }
        let y = s[..4].parse().ok()?;
        let m = s[5..7].parse().ok()?;
        let d = s[8..10].parse().ok()?;
        return Date::new(y, m, d).ok();
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [a, b, c] = words.as_slice() else {
        return None;
    };
    let (m, d) = match month(a) {
        Some(m) => (m, b),
        None => (month(b)?, a),
    };
    let d: i8 = d
        .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
        .parse()
        .ok()?;
    let y: i16 = c.parse().ok()?;
    Date::new(y, m, d).ok()
}

/// A year: an integer, or a string of four digits.
pub fn year(value: &Value) -> Result<Option<i32>, Expected> {
    let year = match value {
        Value::Null => return Ok(None),
        Value::Number(n) => n.as_i64(),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    year.filter(|y| (1000..=9999).contains(y))
        .and_then(|y| i32::try_from(y).ok())
        .map(Some)
        .ok_or_else(|| format!("expected a year such as 2012, found {}", found(value)))
}

/// What a `rating` field holds: a certification, or (a number, `n/m`, stars) a score.
#[derive(Debug, Clone, PartialEq)]
pub enum RatingValue {
    /// `R (for ...)`.
    Certification(Rating),
    /// `3.5`, `8/10`, `★★★½`.
    Score(Score),
}

/// Parse a `rating` value.
pub fn rating(value: &Value) -> Result<Option<RatingValue>, Expected> {
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

/// `R (for strong language)`, `Rated R for strong language`, `PG-13`.
fn certification(s: &str) -> Rating {
    let s = s
        .strip_prefix("Rated ")
        .or_else(|| s.strip_prefix("rated "))
        .unwrap_or(s)
        .trim();
    let (code, reason) = match s.split_once(char::is_whitespace) {
        Some((code, reason)) => (code, reason.trim()),
        None => (s, ""),
    };
    let reason = reason
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(reason)
        .trim();
    let known = ["G", "PG", "PG-13", "R", "NC-17", "NR"];
    let code = known
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
pub fn score(value: &Value) -> Result<Option<Score>, Expected> {
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

/// `3.5`, `3.5/4`, `8 / 10`, `3 of 4`, `★★★½`, `4 stars`.
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

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn runtimes() {
        for (text, minutes) in [
            ("120", 120),
            ("120 min", 120),
            ("120 min.", 120),
            ("1 hr 41 min", 101),
            ("2h 28min", 148),
            ("1:41", 101),
            ("2 hr", 120),
            ("2 hours 5 minutes", 125),
            ("90 mins", 90),
            ("1h", 60),
        ] {
            assert_eq!(runtime(&json!(text)), Ok(Some(minutes)), "{text}");
        }
        assert_eq!(runtime(&json!(95)), Ok(Some(95)));
        assert_eq!(runtime(&json!(null)), Ok(None));
        assert_eq!(runtime(&json!("")), Ok(None));
    }

    #[test]
    fn runtime_errors_say_what_was_expected() {
        assert_eq!(
            runtime(&json!("forever")).unwrap_err(),
            "expected minutes such as \"120\" or \"1 hr 41 min\", found \"forever\""
        );
        assert!(runtime(&json!(-5)).is_err());
        assert!(runtime(&json!(1.5)).is_err());
        assert!(runtime(&json!("1:75")).is_err());
        assert!(runtime(&json!("2 weeks")).is_err());
        assert!(runtime(&json!("120 90")).is_err());
        assert!(runtime(&json!([1])).unwrap_err().ends_with("found a list"));
    }

    #[test]
    fn dates_and_notes() {
        assert_eq!(
            dated(&json!("2012-11-23")),
            Ok(Some((date(2012, 11, 23), None)))
        );
        assert_eq!(
            dated(&json!("November 23, 2012 (limited)")),
            Ok(Some((date(2012, 11, 23), Some("limited".into()))))
        );
        assert_eq!(parse_date("23 Nov 2012"), Some(date(2012, 11, 23)));
        assert_eq!(parse_date("Nov. 23, 2012"), Some(date(2012, 11, 23)));
        assert_eq!(parse_date("Sept 5, 2001"), Some(date(2001, 9, 5)));
        assert_eq!(
            parse_date("2006-10-12T20:45:00-05:00"),
            Some(date(2006, 10, 12))
        );
        assert_eq!(
            parse_date("2010-01-10 13:07:09 +00:00"),
            Some(date(2010, 1, 10))
        );
        assert_eq!(parse_date("2012-02-30"), None);
        assert_eq!(parse_date("Mayday 3, 2012"), None);
        assert_eq!(parse_date("2012-11-23x"), None);
    }

    #[test]
    fn date_errors() {
        assert_eq!(
            dated(&json!("someday")).unwrap_err(),
            "expected a date such as \"2012-11-23\" or \"November 23, 2012\", found \"someday\""
        );
        assert!(dated(&json!(2012)).is_err());
    }

    #[test]
    fn people_shapes() {
        assert_eq!(
            people(&json!("Jacques Audiard")),
            Ok(vec!["Jacques Audiard".into()])
        );
        assert_eq!(
            people(&json!(
                "Jacques Audiard, Martine Cassinelli and Pascal Caucheteux"
            )),
            Ok(vec![
                "Jacques Audiard".into(),
                "Martine Cassinelli".into(),
                "Pascal Caucheteux".into()
            ])
        );
        assert_eq!(people(&json!("A, B, and C")).unwrap(), ["A", "B", "C"]);
        assert_eq!(people(&json!("A & B")).unwrap(), ["A", "B"]);
        assert_eq!(people(&json!(["A B", null, " C "])).unwrap(), ["A B", "C"]);
        assert_eq!(people(&json!(null)).unwrap(), Vec::<String>::new());
        assert_eq!(
            people(&json!({"a": 1})).unwrap_err(),
            "expected a name or a list of names, found a mapping"
        );
        assert_eq!(
            people(&json!([["x"]])).unwrap_err(),
            "expected a name in each list item, found a list"
        );
    }

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
        assert_eq!(
            score(&json!("b+")),
            Ok(Some(Score::Grade { grade: "B+".into() }))
        );
        assert_eq!(
            score(&json!("great")).unwrap_err(),
            "expected a score such as \"3.5\", \"8/10\", \"★★★½\" or \"B+\", found \"great\""
        );
    }

    #[test]
    fn years_and_text() {
        assert_eq!(year(&json!(2012)), Ok(Some(2012)));
        assert_eq!(year(&json!("2012")), Ok(Some(2012)));
        assert_eq!(
            year(&json!("soon")).unwrap_err(),
            "expected a year such as 2012, found \"soon\""
        );
        assert!(year(&json!(12)).is_err());
        assert_eq!(text(&json!(1984), Some("1984")), Ok(Some("1984".into())));
        assert_eq!(text(&json!(false), Some("False")), Ok(Some("False".into())));
        assert_eq!(text(&json!("  "), None), Ok(None));
        assert_eq!(
            text(&json!([1]), None).unwrap_err(),
            "expected text, found a list"
        );
    }

    #[test]
    fn words_lists() {
        assert_eq!(
            words(&json!("drama, romance")).unwrap(),
            ["drama", "romance"]
        );
        assert_eq!(words(&json!(["drama"])).unwrap(), ["drama"]);
        assert!(
            words(&json!({"a": 1}))
                .unwrap_err()
                .starts_with("expected a word")
        );
    }
}
