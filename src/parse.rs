//! One file's bytes to one `Review`: split the header off, read it, type its fields.

use std::path::Path;

use crate::error::Error;
use crate::fields;
use crate::header::{self, Format};
use crate::model::Review;
use crate::problem::Problem;
use crate::yaml;

/// A review read from a file, with what `check` would warn about.
#[derive(Debug)]
pub struct Parsed {
    /// The record.
    pub review: Review,
    /// Problems that did not stop the file being read.
    pub warnings: Vec<Error>,
}

/// The slug of a review file: its name without the extension.
pub fn slug_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Read a review from `bytes`, the whole file (`with_body`) or at least its complete header.
///
/// Every problem found is returned, so that `check` can report them all; a file with any is bad.
pub fn parse(bytes: &[u8], path: &Path, with_body: bool) -> Result<Parsed, Vec<Error>> {
    let in_file = |problems: Vec<Problem>| problems.into_iter().map(|p| p.in_file(path)).collect();
    let parts = header::split(bytes).map_err(|p| in_file(vec![p]))?;
    let header_bytes = &bytes[parts.header.clone()];
    let header_text = std::str::from_utf8(header_bytes).map_err(|e| {
        let before = &header_bytes[..e.valid_up_to()];
        let line = parts.header_line + before.iter().filter(|&&b| b == b'\n').count();
        let column = before.len()
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        in_file(vec![Problem::header(
            line,
            Some(column),
            "expected UTF-8 text in the header, found a byte that is not UTF-8",
        )])
    })?;
    let raw_fields = match parts.format {
        Format::Yaml => yaml::parse(header_text, parts.header_line),
        Format::Toml => Err(Problem::header(
            1,
            None,
            "TOML headers (+++) are not supported yet; use YAML between \"---\" lines",
        )),
    }
    .map_err(|p| in_file(vec![p]))?;

    let built = fields::build(raw_fields, parts.header_line - 1);
    if !built.errors.is_empty() {
        return Err(in_file(built.errors));
    }
    let mut review = built.review;
    review.slug = slug_of(path);
    review.path = path.to_path_buf();
    if with_body {
        let body = String::from_utf8_lossy(&bytes[parts.body_start..]);
        review.body = Some(body.into_owned());
    }
    Ok(Parsed {
        review,
        warnings: in_file(built.warnings),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(result: Result<Parsed, Vec<Error>>) -> Vec<String> {
        result
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_a_review_with_its_body() {
        let text = "---\ntitle: Rust and Bone\nruntime: 120 min.\n---\nText.\n";
        let parsed = parse(text.as_bytes(), Path::new("r/rust-and-bone.md"), true).unwrap();
        assert_eq!(parsed.review.slug, "rust-and-bone");
        assert_eq!(parsed.review.runtime, Some(120));
        assert_eq!(parsed.review.body.as_deref(), Some("Text.\n"));
    }

    #[test]
    fn field_errors_name_file_line_column_and_field() {
        let text = "---\ntitle: X\nyear: 2012\nruntime: forever\n---\n";
        assert_eq!(
            messages(parse(text.as_bytes(), Path::new("r/x.md"), false)),
            [
                "r/x.md:4:10: runtime: expected minutes such as \"120\" or \"1 hr 41 min\", found \"forever\""
            ]
        );
    }

    #[test]
    fn header_errors() {
        assert_eq!(
            messages(parse(b"no header\n", Path::new("a.md"), false)),
            ["a.md:1: expected a front-matter header: the first line should be \"---\""]
        );
        let bad_yaml = messages(parse(
            b"---\ntitle: X\nyear: [2012\n---\n",
            Path::new("b.md"),
            false,
        ));
        assert!(bad_yaml[0].starts_with("b.md:"), "{bad_yaml:?}");
        assert!(bad_yaml[0].contains("invalid YAML"), "{bad_yaml:?}");
        assert_eq!(
            messages(parse(
                b"---\ntitle: X\nyear: 2012\n",
                Path::new("c.md"),
                false
            )),
            ["c.md:1: header is never closed: expected a closing \"---\" line"]
        );
    }

    #[test]
    fn non_utf8_header_is_an_error_but_body_is_repaired() {
        let errors = messages(parse(
            b"---\ntitle: Caf\xe9\n---\n",
            Path::new("d.md"),
            true,
        ));
        assert_eq!(
            errors,
            ["d.md:2:11: expected UTF-8 text in the header, found a byte that is not UTF-8"]
        );
        let parsed = parse(b"---\ntitle: X\n---\nCaf\xe9\n", Path::new("e.md"), true).unwrap();
        assert_eq!(parsed.review.body.as_deref(), Some("Caf\u{FFFD}\n"));
    }

    #[test]
    fn bom_and_crlf_files_read() {
        let text = "\u{feff}---\r\ntitle: X\r\ndirector: A and B\r\n---\r\nBody\r\n";
        let review = parse(text.as_bytes(), Path::new("x.md"), true)
            .unwrap()
            .review;
        assert_eq!(review.title, "X");
        assert_eq!(review.directed_by, ["A", "B"]);
    }
}
