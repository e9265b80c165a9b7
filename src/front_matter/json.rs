//! The JSON reader, for `---json` headers and a bare `{ ... }` object opening the file.

use serde_json::Value;

use crate::diagnostics::Problem;
use crate::record::RawField;

/// Parse a JSON header (an object) into its top-level fields, in the order written.
pub(crate) fn parse(header: &str, first_line: usize) -> Result<Vec<RawField>, Problem> {
    let value: Value = serde_json::from_str(header).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        Problem::header(
            first_line + e.line() - 1,
            Some(e.column()),
            format!("invalid JSON: {message}"),
        )
    })?;
    let Value::Object(map) = value else {
        return Err(Problem::header(
            first_line,
            Some(1),
            "expected the header to be a JSON object",
        ));
    };
    Ok(map
        .into_iter()
        .map(|(key, value)| {
            // The key's line, from where `"key":` first appears.
            let needle = format!("\"{key}\"");
            let line = header
                .lines()
                .position(|l| l.contains(&needle))
                .map_or(first_line, |i| first_line + i);
            RawField {
                key,
                value,
                raw: None,
                line,
                column: None,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_object_fields() {
        let fields = parse("{\n  \"title\": \"X\",\n  \"year\": 2012\n}", 1).unwrap();
        assert_eq!(fields[1].key, "year");
        assert_eq!(fields[1].value, Value::from(2012));
        assert_eq!(fields[1].line, 3);
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
