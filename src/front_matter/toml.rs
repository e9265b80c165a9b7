//! The TOML reader, for Hugo's `+++` headers: every TOML call lives here.

use super::key_lines::{self, Separator};
use super::tree::{Document, MAX_NODES, TOO_MANY_NODES};
use crate::diagnostics::{self, Problem};
use crate::record::RawField;

/// Parse a TOML header into its top-level fields, in the order written.
pub(crate) fn parse(header: &str, first_line: usize) -> Result<Vec<RawField>, Problem> {
    // The TOML parser builds its own tree before ours (a few hundred bytes a value): bound it
    // first, by counting what can start a value. Each `=` is a key and its value.
    let values: usize = header
        .bytes()
        .map(|b| match b {
            b'=' => 2,
            b',' | b'[' | b'{' => 1,
            _ => 0,
        })
        .sum();
    if values > MAX_NODES {
        return Err(Problem::header(
            first_line,
            None,
            format!("invalid TOML: {TOO_MANY_NODES}"),
        ));
    }
    let document: Document = toml::from_str(header).map_err(|e| {
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
    let Document::Fields(fields) = document else {
        // A TOML document is always a table.
        return Ok(Vec::new());
    };
    Ok(key_lines::place(fields, &lines, first_line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value as Json;

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
