//! Value parsers: the shapes people write for each field, made typed.
//!
//! Each parser takes the neutral value of a header field and returns the typed value or a message
//! saying what was expected and what was found.

use std::borrow::Cow;

use serde_json::Value;

use super::dates::parse_date;
use super::expected::{Expected, found, non_empty};

/// What people write for a value they do not have: no value, whatever the field.
const PLACEHOLDERS: [&str; 6] = ["n/a", "tbd", "unknown", "-", "?", ""];
/// The longest placeholder (a test checks it): a longer value with no blank at its ends is none.
const LONGEST_PLACEHOLDER: usize = 7;

/// Is `value` a placeholder (`N/A`, `TBD`, `unknown`, `-`, `?`, or empty text)?
pub(crate) fn is_placeholder(value: &Value) -> bool {
    value.as_str().is_some_and(|s| {
        let blank_ends = s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace);
        (s.len() <= LONGEST_PLACEHOLDER || blank_ends)
            && PLACEHOLDERS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(s.trim()))
    })
}

/// A scalar as text; `raw` is the value as written, which keeps `1984` and `False` as spelled.
pub(crate) fn text(value: &Value, raw: Option<&str>) -> Result<Option<String>, Expected> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(non_empty(unlink(s.trim()).trim())),
        Value::Number(_) | Value::Bool(_) => Ok(Some(
            raw.filter(|r| !r.is_empty())
                .map_or_else(|| value.to_string(), str::to_string),
        )),
        other => Err(format!("expected text, found {}", found(other))),
    }
}

/// People: a list of names, or one string of names joined by `,`, ` and `, ` & ` or `;`.
/// Obsidian links give their names (`[[Wong Kar-wai]]`, `[[Wong Kar-wai|Wong]]`), and an unquoted
/// `[[A], [B]]`, which YAML reads as lists in a list, is flattened.
pub(crate) fn people(value: &Value) -> Result<Vec<String>, Expected> {
    let mut names = Vec::new();
    collect_people(value, &mut names, 0)?;
    Ok(names)
}

fn collect_people(value: &Value, names: &mut Vec<String>, depth: usize) -> Result<(), Expected> {
    match value {
        Value::Null => {}
        Value::String(s) if depth == 0 => names.extend(split_names(s)),
        // A list item is one name as written.
        Value::String(s) => names.extend(non_empty(unlink(s.trim()).trim())),
        Value::Number(n) => names.push(n.to_string()),
        // An Obsidian link left unquoted is a list in a list: two levels at most.
        Value::Array(items) if depth < 2 => {
            for item in items {
                collect_people(item, names, depth + 1)?;
            }
        }
        other if depth > 0 => {
            return Err(format!(
                "expected a name in each list item, found {}",
                found(other)
            ));
        }
        other => {
            return Err(format!(
                "expected a name or a list of names, found {}",
                found(other)
            ));
        }
    }
    Ok(())
}

/// Words that follow a name after a comma and belong to it: `Harry Connick, Jr.`.
const NAME_SUFFIXES: [&str; 8] = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "esq."];

/// Split "A, B and C" into names; an Oxford comma ("B, and C") is understood, a suffix stays
/// with its name, and Obsidian's `[[link|alias]]` gives the link's name.
pub(crate) fn split_names(s: &str) -> Vec<String> {
    // A no-break space before "and" (as web pages write it) is a space.
    let spaced;
    let wide_space = |c: char| c.is_whitespace() && !c.is_ascii();
    let s = if s.contains(wide_space) {
        spaced = s.replace(wide_space, " ");
        spaced.as_str()
    } else {
        s
    };
    let mut names: Vec<String> = Vec::new();
    for part in s.split([',', ';']) {
        for (k, name) in part.split(" and ").flat_map(|p| p.split(" & ")).enumerate() {
            let name = name.trim();
            if k == 0
                && NAME_SUFFIXES.contains(&name.to_lowercase().as_str())
                && let Some(last) = names.last_mut()
            {
                last.push_str(", ");
                last.push_str(name);
                continue;
            }
            let name = name
                .strip_prefix("and ")
                .or_else(|| name.strip_prefix("& "))
                .unwrap_or(name);
            let name = unlink(name.trim());
            let name = name.trim();
            if !name.is_empty() && name != "and" && name != "&" {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Obsidian's links as the note shows them: `[[Wong Kar-wai]]` → `Wong Kar-wai`,
/// `[[Wong Kar-wai|Wong]]` → `Wong`, wherever they are in the text; other text as it is.
pub(crate) fn unlink(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(b'[', bytes).any(|i| bytes.get(i + 1) == Some(&b'[')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        let Some(close) = rest[open + 2..].find("]]") else {
            break;
        };
        let link = &rest[open + 2..open + 2 + close];
        out.push_str(&rest[..open]);
        out.push_str(link.rsplit('|').next().unwrap_or(link).trim());
        rest = &rest[open + 2 + close + 2..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A list of words (tags, genres): a list, or a string split on commas.
pub(crate) fn words(value: &Value) -> Result<Vec<String>, Expected> {
    match value {
        Value::String(s) => Ok(s
            .split(',')
            .filter_map(|w| non_empty(unlink(w.trim()).trim()))
            .collect()),
        other => people(other)
            .map_err(|_| format!("expected a word or a list of words, found {}", found(other))),
    }
}

const RUNTIME_EXPECTED: &str = "expected minutes such as \"120\" or \"1 hr 41 min\"";

/// Running time in minutes: `120`, `120 min.`, `1 hr 41 min`, `2h 28min`, `1:41`, `2 hours`.
pub(crate) fn runtime(value: &Value) -> Result<Option<u32>, Expected> {
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

/// A yes or no: `true`, `false`, or the words YAML 1.1 and people use for them.
pub(crate) fn flag(value: &Value) -> Result<bool, Expected> {
    match value {
        Value::Null => Ok(false),
        Value::Bool(b) => Ok(*b),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "true" | "yes" | "y" | "on" | "1" => Ok(true),
            "false" | "no" | "n" | "off" | "0" | "" => Ok(false),
            _ => Err(format!("expected true or false, found {}", found(value))),
        },
        Value::Number(n) => Ok(n.as_f64() != Some(0.0)),
        other => Err(format!("expected true or false, found {}", found(other))),
    }
}

/// A year: an integer, a string of four digits, or a full date (`1999-03-31`, `March 31, 1999`).
pub(crate) fn year(value: &Value) -> Result<Option<i32>, Expected> {
    let year = match value {
        Value::Null => return Ok(None),
        Value::Number(n) => n.as_i64(),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s
            .trim()
            .parse()
            .ok()
            .or_else(|| parse_date(s).map(|d| i64::from(d.year()))),
        _ => None,
    };
    year.filter(|y| (1000..=9999).contains(y))
        .and_then(|y| i32::try_from(y).ok())
        .map(Some)
        .ok_or_else(|| format!("expected a year such as 2012, found {}", found(value)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
    fn obsidian_links_read_as_the_note_shows_them() {
        assert_eq!(
            words(&json!("[[Drama]], [[Crime film|Crime]]")).unwrap(),
            ["Drama", "Crime"]
        );
        assert_eq!(words(&json!(["[[Drama]]"])).unwrap(), ["Drama"]);
        assert_eq!(
            text(&json!("A film by [[Wong Kar-wai|Wong]]."), None).unwrap(),
            Some("A film by Wong.".into())
        );
        assert_eq!(
            unlink("[[open and [[x]] then ]] ]]"),
            "open and [[x then ]] ]]"
        );
        assert_eq!(unlink("no [[end"), "no [[end");
        let longest = PLACEHOLDERS.map(str::len);
        assert_eq!(longest.iter().max(), Some(&LONGEST_PLACEHOLDER));
        assert!(is_placeholder(&json!("\u{a0}unknown\t  ")));
        for placeholder in ["N/A", "n/a", " TBD ", "Unknown", "-", "?", ""] {
            assert!(is_placeholder(&json!(placeholder)), "{placeholder}");
        }
        assert!(!is_placeholder(&json!("None of it")) && !is_placeholder(&json!(0)));
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
            people(&json!([{"x": 1}])).unwrap_err(),
            "expected a name in each list item, found a mapping"
        );
    }

    #[test]
    fn obsidian_links_suffixes_and_a_leading_and() {
        assert_eq!(
            people(&json!([["Quentin Tarantino"]])).unwrap(),
            ["Quentin Tarantino"]
        );
        assert_eq!(
            people(&json!("[[Wong Kar-wai]], [[Christopher Doyle|Doyle]]")).unwrap(),
            ["Wong Kar-wai", "Doyle"]
        );
        assert_eq!(
            people(&json!([["John Lasseter"], ["Andrew Stanton"]])).unwrap(),
            ["John Lasseter", "Andrew Stanton"]
        );
        assert_eq!(
            people(&json!("Will Smith, Harry Connick, Jr., Jeff Goldblum")).unwrap(),
            ["Will Smith", "Harry Connick, Jr.", "Jeff Goldblum"]
        );
        assert_eq!(
            people(&json!("Ken Griffey, Sr. and Davis Love III")).unwrap(),
            ["Ken Griffey, Sr.", "Davis Love III"]
        );
        assert_eq!(people(&json!("and A, B")).unwrap(), ["A", "B"]);
        assert_eq!(
            people(&json!("Jacques Audiard\u{a0}and Thomas Bidegain")).unwrap(),
            ["Jacques Audiard", "Thomas Bidegain"]
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
        assert_eq!(year(&json!("1999-03-31")), Ok(Some(1999)));
        assert_eq!(year(&json!("March 31, 1999")), Ok(Some(1999)));
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
