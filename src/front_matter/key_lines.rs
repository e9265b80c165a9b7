//! The header's top-level `key: value` lines, found without a YAML parser.
//!
//! Two uses: telling which line and column each parsed key came from (serde_yaml's values carry no
//! positions), and reading a header that is not valid YAML line by line, as the seed review does.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::tree::{MAX_NODES, SMALL, TOO_MANY_NODES};
use crate::diagnostics::Problem;
use crate::record::RawField;

/// One top-level `key: value` line of a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyLine<'a> {
    /// The key, unquoted.
    pub(crate) key: &'a str,
    /// The rest of the line after the colon, trimmed; empty when the value is on later lines.
    pub(crate) value: &'a str,
    /// 1-based line within the whole file.
    pub(crate) line: usize,
    /// 1-based column (in characters) where the value starts, or just after the colon.
    pub(crate) column: usize,
}

/// What separates a key from its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Separator {
    /// YAML's `key: value`.
    Colon,
    /// TOML's `key = value`.
    Equals,
}

/// Scan a YAML `header` (whose first line is line `first_line` of the file) for top-level keys.
pub(crate) fn scan(header: &str, first_line: usize) -> Vec<KeyLine<'_>> {
    scan_with(header, first_line, Separator::Colon)
}

/// Scan a header for top-level keys, with the given separator.
pub(crate) fn scan_with(header: &str, first_line: usize, separator: Separator) -> Vec<KeyLine<'_>> {
    header
        .lines()
        .enumerate()
        .filter_map(|(i, line)| match separator {
            Separator::Colon => key_line(line, first_line + i),
            Separator::Equals => toml_key_line(line, first_line + i),
        })
        .collect()
}

fn toml_key_line(line: &str, number: usize) -> Option<KeyLine<'_>> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.starts_with([' ', '\t', '#', '[']) {
        return None;
    }
    let (key, rest) = line.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    let value_start = line.len() - rest.trim_start().len();
    Some(KeyLine {
        key,
        value: rest.trim(),
        line: number,
        column: columns(&line[..value_start]) + 1,
    })
}

/// The columns `text` takes: its characters, which are its bytes when it is ASCII.
fn columns(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

pub(crate) fn key_line(line: &str, number: usize) -> Option<KeyLine<'_>> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '[' | '{' | '}' | ']' | ':') {
        return None;
    }
    let (key, after_key) = if first == '"' || first == '\'' {
        let close = line[1..].find(first)? + 1;
        let rest = line[close + 1..].trim_start_matches([' ', '\t']);
        (&line[1..close], line.len() - rest.len())
    } else {
        // The key ends at the first colon followed by a blank or the end of the line.
        let colon = memchr::memchr_iter(b':', line.as_bytes())
            .find(|&i| matches!(line.as_bytes().get(i + 1), None | Some(b' ' | b'\t')))?;
        (line[..colon].trim_end(), colon)
    };
    let rest = line[after_key..].strip_prefix(':')?;
    let value_start = line.len() - rest.trim_start().len();
    let value = line[value_start..].trim_end();
    Some(KeyLine {
        key,
        value,
        line: number,
        column: columns(&line[..value_start]) + 1,
    })
}

/// Read a header that is not valid YAML line by line: each top-level `key: value` line is a field
/// whose value is the rest of the line; `[a, b]` and `- item` lines below an empty value are
/// lists. A key given twice keeps its first value. At most [`MAX_NODES`] keys and values are
/// read; past that, the rest of the header is left unread, with the problem saying so.
pub(crate) fn recover(header: &str, first_line: usize) -> (Vec<RawField>, Option<Problem>) {
    let lines: Vec<&str> = header.lines().collect();
    let mut fields: Vec<RawField> = Vec::new();
    let mut seen = HashSet::new();
    let mut values = 0;
    for key_line in scan(header, first_line) {
        if !seen.insert(key_line.key) {
            continue;
        }
        values += 2;
        if values > MAX_NODES {
            let problem = Problem::header(
                key_line.line,
                Some(1),
                format!("{TOO_MANY_NODES}: the header is read up to here"),
            );
            return (fields, Some(problem));
        }
        let value = plain_value(key_line.value);
        let json = if value.is_empty() {
            let items: Vec<Value> = lines[key_line.line - first_line + 1..]
                .iter()
                .map(|l| l.trim())
                .take_while(|l| l.starts_with('-') && !l.starts_with("--"))
                .take(MAX_NODES)
                .map(|l| Value::String(plain_value(l[1..].trim()).to_string()))
                .collect();
            values += items.len();
            if items.is_empty() {
                Value::Null
            } else {
                Value::Array(items)
            }
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            values += inner.matches(',').count();
            Value::Array(
                inner
                    .split(',')
                    .map(|item| plain_value(item.trim()))
                    .filter(|item| !item.is_empty())
                    .map(|item| Value::String(item.to_string()))
                    .collect(),
            )
        } else {
            Value::String(value.to_string())
        };
        fields.push(RawField {
            key: key_line.key.to_string(),
            value: json,
            raw: Some(value.to_string()),
            line: key_line.line,
            column: Some(key_line.column),
        });
    }
    (fields, None)
}

/// Fields parsed by a real parser, placed at the line and column where each key is written.
/// A value YAML or TOML made a number or boolean keeps its spelling as written (`raw`).
pub(crate) fn place(
    entries: impl IntoIterator<Item = (String, Value)>,
    lines: &[KeyLine<'_>],
    first_line: usize,
) -> Vec<RawField> {
    let firsts = first_lines(lines);
    entries
        .into_iter()
        .map(|(key, value)| {
            let place = firsts.get(&key);
            let raw = place
                .filter(|_| matches!(value, Value::Number(_) | Value::Bool(_)))
                .map(|l| plain_value(l.value).to_string());
            RawField {
                line: place.map_or(first_line, |l| l.line),
                column: place.map(|l| l.column),
                value,
                raw,
                key,
            }
        })
        .collect()
}

/// Keys written more than once at the top of a header: (key, line of its first use, the repeat).
pub(crate) fn repeated_keys<'l, 'a>(
    lines: &'l [KeyLine<'a>],
) -> Vec<(&'a str, usize, &'l KeyLine<'a>)> {
    let firsts = first_lines(lines);
    lines
        .iter()
        .filter_map(|l| {
            let first = firsts.get(l.key)?;
            (!std::ptr::eq(first, l)).then_some((l.key, first.line, l))
        })
        .collect()
}

/// A key written again (at `line`, `column`) after its first use on `first_line`: YAML's and
/// JSON's repeats are reported alike.
pub(crate) fn repeated_key(
    key: &str,
    line: usize,
    column: Option<usize>,
    first_line: usize,
) -> Problem {
    Problem::field(
        line,
        column,
        key,
        format!("key given twice (first on line {first_line}); the first value is used"),
    )
}

/// Each key's first line: looked up along the lines for a review's dozen keys, in a map past
/// that, so that many keys stay linear.
struct FirstLines<'l, 'a> {
    lines: &'l [KeyLine<'a>],
    map: Option<HashMap<&'a str, &'l KeyLine<'a>>>,
}

fn first_lines<'l, 'a>(lines: &'l [KeyLine<'a>]) -> FirstLines<'l, 'a> {
    let map = (lines.len() > SMALL).then(|| {
        let mut firsts = HashMap::with_capacity(lines.len());
        for line in lines {
            firsts.entry(line.key).or_insert(line);
        }
        firsts
    });
    FirstLines { lines, map }
}

impl<'l, 'a> FirstLines<'l, 'a> {
    fn get(&self, key: &str) -> Option<&'l KeyLine<'a>> {
        match &self.map {
            Some(map) => map.get(key).copied(),
            None => self.lines.iter().find(|l| l.key == key),
        }
    }
}

/// A plain value as the line-by-line reader takes it: one layer of matching quotes removed, a
/// trailing ` # comment` dropped from an unquoted value.
pub(crate) fn plain_value(value: &str) -> &str {
    let bytes = value.as_bytes();
    if bytes.len() >= 2
        && (bytes[0] == b'"' || bytes[0] == b'\'')
        && bytes[bytes.len() - 1] == bytes[0]
    {
        return &value[1..value.len() - 1];
    }
    match value.find(" #") {
        Some(i) => value[..i].trim_end(),
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_lines_and_value_columns() {
        let lines = scan("title: Rust and Bone\ndirected by: Jacques Audiard\n", 2);
        assert_eq!(lines[0].key, "title");
        assert_eq!((lines[0].line, lines[0].column), (2, 8));
        assert_eq!(lines[1].key, "directed by");
        assert_eq!(lines[1].value, "Jacques Audiard");
        assert_eq!((lines[1].line, lines[1].column), (3, 14));
    }

    #[test]
    fn colon_inside_value_and_url_keys() {
        let lines = scan(
            "movie title: Lara Croft: Tomb Raider\nlink: http://x.org/a\n",
            1,
        );
        assert_eq!(lines[0].key, "movie title");
        assert_eq!(lines[0].value, "Lara Croft: Tomb Raider");
        assert_eq!(lines[1].value, "http://x.org/a");
    }

    #[test]
    fn skips_nested_lines_comments_and_list_items() {
        let lines = scan("starring:\n  - A\n- B\n# note\ntags: [x]\n", 1);
        let keys: Vec<_> = lines.iter().map(|l| l.key).collect();
        assert_eq!(keys, ["starring", "tags"]);
        assert_eq!(lines[0].value, "");
    }

    #[test]
    fn quoted_keys_and_crlf() {
        let lines = scan("\"U.S. release\": 2012-11-23\r\n", 1);
        assert_eq!(lines[0].key, "U.S. release");
        assert_eq!(lines[0].value, "2012-11-23");
    }

    #[test]
    fn toml_keys() {
        let lines = scan_with(
            "title = \"X\"\n[extra]\ndate = 2006-10-12\n",
            5,
            Separator::Equals,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[0].key, lines[0].line, lines[0].column),
            ("title", 5, 9)
        );
        assert_eq!((lines[1].key, lines[1].value), ("date", "2006-10-12"));
    }

    #[test]
    fn recovers_headers_yaml_refuses() {
        let (fields, _) = recover(
            "movie title: Lara Croft: Tomb Raider\nrating: 3\nlayout: a\nlayout: b\ncast:\n  - A\n  - 'B'\ntags: [x, \"y\"]\nempty:\n",
            2,
        );
        let pairs: Vec<(&str, Value)> = fields
            .iter()
            .map(|f| (f.key.as_str(), f.value.clone()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("movie title", Value::from("Lara Croft: Tomb Raider")),
                ("rating", Value::from("3")),
                ("layout", Value::from("a")),
                ("cast", serde_json::json!(["A", "B"])),
                ("tags", serde_json::json!(["x", "y"])),
                ("empty", Value::Null),
            ]
        );
        assert_eq!((fields[1].line, fields[1].column), (3, Some(9)));
    }

    #[test]
    fn finds_repeated_keys() {
        let lines = scan("layout: a\ntitle: x\nlayout: b\n", 2);
        let repeats = repeated_keys(&lines);
        assert_eq!(repeats.len(), 1);
        assert_eq!(
            (repeats[0].0, repeats[0].1, repeats[0].2.line),
            ("layout", 2, 4)
        );
    }

    #[test]
    fn plain_values() {
        assert_eq!(plain_value("\"A: B\""), "A: B");
        assert_eq!(plain_value("8   # 1-10 scale"), "8");
        assert_eq!(plain_value("'Crocodile' Dundee"), "'Crocodile' Dundee");
    }
}
