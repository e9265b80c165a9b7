//! Where site generators and notes apps put fields besides the top of the header: Hugo's
//! `[params]`, Zola's `[extra]`, and Obsidian's Dataview inline fields (`director:: ...`) in the
//! body.

use std::ops::Range;

use serde_json::Value;

use super::{HEAD_BYTES, head_window};
use crate::record::{Field, RawField, field_for};

/// Could the file's first bytes hold inline fields? Then its header alone does not say what the
/// review holds.
pub(crate) fn may_have_inline_fields(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(HEAD_BYTES)];
    memchr::memchr_iter(b':', window).any(|i| window.get(i + 1) == Some(&b':'))
}

/// Add to `fields` the inline fields of the text from `start` (file line `first_line`) within the
/// file's head, for the fields `fields` does not give; return the byte ranges of the lines lifted,
/// with their line endings, so that the text does not say them again.
pub(crate) fn add_inline_fields(
    bytes: &[u8],
    start: usize,
    first_line: usize,
    fields: &mut Vec<RawField>,
) -> Vec<Range<usize>> {
    let window = head_window(bytes, start);
    if !may_have_inline_fields(window) {
        return Vec::new();
    }
    let (inline, lifted) = inline_fields(window, start, first_line, fields);
    fields.extend(inline);
    lifted
}

/// `text` without the byte ranges `cut` (in order, within it).
pub(crate) fn without(text: &[u8], cut: &[Range<usize>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    for range in cut {
        out.extend_from_slice(&text[at..range.start.max(at)]);
        at = at.max(range.end);
    }
    out.extend_from_slice(&text[at.min(text.len())..]);
    out
}

/// The fields a header already gives.
fn given(fields: &[RawField]) -> Vec<Field> {
    fields.iter().filter_map(|f| field_for(&f.key)).collect()
}

/// Hugo's `params:` and Zola's `extra:` tables: their known fields are read as top-level fields
/// when the top level does not give them, and leave the table, so that no value is there twice;
/// what stays (unknown keys, fields the top level gives too) stays in `extra`, and a table left
/// empty goes.
pub(crate) fn lift_nested(fields: &mut Vec<RawField>) {
    let nested = |field: &RawField| {
        matches!(field.key.as_str(), "params" | "extra") && field.value.is_object()
    };
    // Most headers have no such table: they cost one look along their keys.
    if !fields.iter().any(nested) {
        return;
    }
    let mut present = given(fields);
    let mut lifted = Vec::new();
    for field in fields.iter_mut().filter(|f| nested(f)) {
        let line = field.line;
        let Value::Object(table) = &mut field.value else {
            continue;
        };
        let keys: Vec<String> = table.keys().cloned().collect();
        for key in keys {
            let Some(kind) = field_for(&key) else {
                continue;
            };
            if present.contains(&kind) {
                continue;
            }
            present.push(kind);
            let Some(value) = table.shift_remove(&key) else {
                continue;
            };
            lifted.push(RawField {
                key,
                value,
                raw: None,
                line,
                column: None,
            });
        }
    }
    fields.retain(|f| !nested(f) || f.value.as_object().is_some_and(|t| !t.is_empty()));
    fields.extend(lifted);
}

/// Dataview's inline fields (`director:: [[John Lasseter]]`, `year:: 1998`) in `body`, which
/// starts at byte `start` and line `first_line` of the file: those the header does not give, for
/// known fields only, with the byte ranges of their lines in the file. An empty value
/// (`rating::`) is no value.
fn inline_fields(
    body: &[u8],
    start: usize,
    first_line: usize,
    header: &[RawField],
) -> (Vec<RawField>, Vec<Range<usize>>) {
    let mut present = given(header);
    let mut fields = Vec::new();
    let mut lifted = Vec::new();
    let mut at = start;
    for (i, bytes) in body.split_inclusive(|&b| b == b'\n').enumerate() {
        let range = at..at + bytes.len();
        at = range.end;
        let line = String::from_utf8_lossy(bytes);
        let Some((key, value)) = line.split_once("::") else {
            continue;
        };
        let key = key.trim().trim_start_matches(['-', '*', ' ']);
        let value = value.trim();
        if key.is_empty() || value.is_empty() || key.contains(['[', ']', '`']) {
            continue;
        }
        let Some(kind) = field_for(key) else {
            continue;
        };
        if present.contains(&kind) {
            continue;
        }
        present.push(kind);
        fields.push(RawField {
            key: key.to_string(),
            value: Value::String(value.to_string()),
            raw: Some(value.to_string()),
            line: first_line + i,
            column: Some(line.find("::").map_or(1, |c| c + 3)),
        });
        lifted.push(range);
    }
    (fields, lifted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn raw(key: &str, value: Value) -> RawField {
        RawField {
            key: key.into(),
            value,
            raw: None,
            line: 2,
            column: None,
        }
    }

    #[test]
    fn hugo_params_fill_what_the_top_level_lacks() {
        let mut fields = vec![
            raw("title", json!("Heat")),
            raw(
                "params",
                json!({"director": "Michael Mann", "title": "Other"}),
            ),
        ];
        lift_nested(&mut fields);
        let keys: Vec<_> = fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["title", "params", "director"]);
        assert_eq!(
            fields[1].value,
            json!({"title": "Other"}),
            "what was lifted left the table"
        );
        let mut all_lifted = vec![raw("params", json!({"director": "Michael Mann"}))];
        lift_nested(&mut all_lifted);
        let keys: Vec<_> = all_lifted.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["director"], "an empty table goes");
    }

    #[test]
    fn a_field_cut_by_the_window_is_not_read() {
        let mut file = vec![b'\n'; HEAD_BYTES - 6];
        file.extend_from_slice(b"director:: Michael Mann\n");
        let window = head_window(&file, 0);
        assert!(window.len() < HEAD_BYTES - 5, "the cut line is left out");
        let mut fields = Vec::new();
        add_inline_fields(&file, 0, 1, &mut fields);
        assert!(fields.is_empty());
        // A file read by its head gives what the whole file gives.
        assert_eq!(head_window(&file[..HEAD_BYTES], 0), window);
    }

    #[test]
    fn dataview_fields_in_the_body() {
        let body = "# Toy Story\n\ndirector:: [[John Lasseter]], [[Andrew Stanton]]\nyear:: 1995\nrating::\nNote:: not a field\ntitle:: given above\n";
        let (fields, lifted) =
            inline_fields(body.as_bytes(), 0, 5, &[raw("title", json!("Toy Story"))]);
        let pairs: Vec<_> = fields
            .iter()
            .map(|f| (f.key.as_str(), f.value.as_str().unwrap(), f.line))
            .collect();
        assert_eq!(
            pairs,
            [
                ("director", "[[John Lasseter]], [[Andrew Stanton]]", 7),
                ("year", "1995", 8)
            ]
        );
        let lines: Vec<&str> = lifted.iter().map(|r| &body[r.clone()]).collect();
        assert_eq!(
            lines,
            [
                "director:: [[John Lasseter]], [[Andrew Stanton]]\n",
                "year:: 1995\n"
            ]
        );
        assert_eq!(
            without(body.as_bytes(), &lifted),
            b"# Toy Story\n\nrating::\nNote:: not a field\ntitle:: given above\n"
        );
    }
}
