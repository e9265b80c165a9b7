//! Dates as people write them: `2012-11-23`, `November 23, 2012`, `23 Nov 2012`, with a note.

use jiff::civil::Date;
use serde_json::Value;

use super::expected::{Expected, found, non_empty};

const DATE_EXPECTED: &str = "expected a date such as \"2012-11-23\" or \"November 23, 2012\"";

/// A date with an optional note after it in parentheses: `November 23, 2012 (limited)`.
pub(crate) fn dated(value: &Value) -> Result<Option<(Date, Option<String>)>, Expected> {
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

/// A date and its note as one text, the date in the strftime `format`: `November 23, 2012
/// (limited)`.
pub(crate) fn with_note(date: Date, note: Option<&str>, format: &str) -> String {
    let date = date.strftime(format);
    match note {
        Some(note) => format!("{date} ({note})"),
        None => date.to_string(),
    }
}

/// `2012-11-23` (a time after it is ignored), `November 23, 2012`, `Nov 23 2012`, `23 Nov 2012`.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap()
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
}
