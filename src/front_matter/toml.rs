//! The TOML reader, for Hugo's `+++` headers: every TOML call lives here.

use serde_json::Value as Json;

use super::key_lines::{self, Separator};
use crate::diagnostics::{self, Problem};
use crate::record::RawField;

/// Parse a TOML header into its top-level fields, in the order written.
pub(crate) fn parse(header: &str, first_line: usize) -> Result<Vec<RawField>, Problem> {
    let table: toml::Table = toml::from_str(header).map_err(|e| {
        let (line, column) = e.span().map_or((first_line, None), |span| {
            let (line, column) = diagnostics::position(header.as_bytes(), span.start, first_line);
            (line, Some(column))
        });
        Problem::header(
            line,
            column,
            format!("invalid TOML: {}", e.message().trim()),
        )
    })?;
    let lines = key_lines::scan_with(header, first_line, Separator::Equals);
    let entries = table.into_iter().map(|(key, value)| (key, to_json(value)));
    Ok(key_lines::place(entries, &lines, first_line))
}

fn to_json(value: toml::Value) -> Json {
    match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(i) => Json::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map_or_else(|| Json::String(f.to_string()), Json::Number),
        toml::Value::Boolean(b) => Json::Bool(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Json::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_header() {
        let fields = parse("title = \"Ran (1985)\"\ndate = 2006-10-12T20:45:00-05:00\ntags = [\"akira kurosawa\"]\n", 2).unwrap();
        assert_eq!(fields[0].key, "title");
        assert_eq!(fields[0].value, Json::from("Ran (1985)"));
        assert_eq!(fields[1].value, Json::from("2006-10-12T20:45:00-05:00"));
        assert_eq!((fields[2].line, fields[2].column), (4, Some(8)));
    }

    #[test]
    fn errors_point_into_the_file() {
        let problem = parse("title = \"X\"\nyear = \n", 2).unwrap_err();
        assert_eq!(problem.line, 3);
        assert!(
            problem.message.starts_with("invalid TOML"),
            "{}",
            problem.message
        );
    }
}
