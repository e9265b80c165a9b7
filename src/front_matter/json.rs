//! The JSON reader, for `---json` headers and a bare `{ ... }` object opening the file.

use std::collections::HashMap;

use super::key_lines;
use super::tree::Document;
use crate::diagnostics::Problem;
use crate::record::RawField;

/// Parse a JSON header (an object) into its top-level fields, in the order written. A repeated key
/// keeps its first value, as in YAML, with a warning.
pub(crate) fn parse(
    header: &str,
    first_line: usize,
) -> Result<(Vec<RawField>, Vec<Problem>), Problem> {
    let document: Document = serde_json::from_str(header).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        Problem::header(
            first_line + e.line().max(1) - 1,
            Some(e.column()),
            format!("invalid JSON: {message}"),
        )
    })?;
    let Document::Fields(fields) = document else {
        return Err(Problem::header(
            first_line,
            Some(1),
            "expected the header to be a JSON object",
        ));
    };
    let keys = top_level_keys(header, first_line);
    let mut firsts: HashMap<&str, usize> = HashMap::with_capacity(keys.len());
    let mut warnings = Vec::new();
    for &(key, line) in &keys {
        if let Some(&first) = firsts.get(key) {
            warnings.push(key_lines::repeated_key(key, line, None, first));
        } else {
            firsts.insert(key, line);
        }
    }
    let fields = fields
        .into_iter()
        .map(|(key, value)| RawField {
            line: firsts.get(key.as_str()).copied().unwrap_or(first_line),
            key,
            value,
            raw: None,
            column: None,
        })
        .collect();
    Ok((fields, warnings))
}

/// The keys of the outermost object as written (escapes left as they are), each with its line.
fn top_level_keys(header: &str, first_line: usize) -> Vec<(&str, usize)> {
    let bytes = header.as_bytes();
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut line = first_line;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = i.min(bytes.len());
                let rest = &header[(end + 1).min(header.len())..];
                if depth == 1 && rest.trim_start().starts_with(':') {
                    keys.push((&header[start..end], line));
                }
            }
            _ => {}
        }
        i += 1;
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_object_fields() {
        let (fields, warnings) = parse("{\n  \"title\": \"X\",\n  \"year\": 2012\n}", 1).unwrap();
        assert_eq!(fields[1].key, "year");
        assert_eq!(fields[1].value, serde_json::Value::from(2012));
        assert_eq!(fields[1].line, 3);
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_repeated_key_keeps_its_first_value_with_a_warning() {
        let (fields, warnings) = parse(
            "{\"title\": \"A\",\n \"x\": {\"title\": 1},\n \"title\": \"B\"}",
            1,
        )
        .unwrap();
        assert_eq!(fields[0].value, serde_json::Value::from("A"));
        assert_eq!(fields.len(), 2);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 3);
        assert_eq!(
            warnings[0].message,
            "key given twice (first on line 1); the first value is used"
        );
    }

    #[test]
    fn json_errors() {
        let problem = parse("{\n  \"title\": \n}", 1).unwrap_err();
        assert!(
            problem.message.starts_with("invalid JSON"),
            "{}",
            problem.message
        );
        assert_eq!(problem.line, 3);
        assert_eq!(
            parse("[1]", 1).unwrap_err().message,
            "expected the header to be a JSON object"
        );
    }
}
