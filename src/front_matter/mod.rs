//! Front matter: one file's bytes to one `Review`. The fences say where the header is and in
//! which language; each language's reader turns it into raw fields, and the record types them.

mod conventions;
mod fences;
mod json;
mod key_lines;
mod plain;
mod toml;
mod tree;
mod yaml;

use std::path::Path;

use crate::diagnostics::{self, Error, Note, Problem, Severity};
use crate::record::{self, RawField, Review};
pub(crate) use conventions::may_have_inline_fields;
pub(crate) use fences::too_large;
pub use fences::{Format, MAX_HEADER_BYTES, Parts, Scan, scan};

/// What is read past a header (a plain-text header, inline fields) lies in a file's first bytes,
/// the part `list` reads anyway ([`crate::collection`]'s first read is this long).
pub(crate) const HEAD_BYTES: usize = 4096;

/// The part of a file from `start` within its first [`HEAD_BYTES`], whole lines only when that
/// bound cuts it: a file read whole and one read by its head give the same.
fn head_window(bytes: &[u8], start: usize) -> &[u8] {
    let end = bytes.len().min(HEAD_BYTES).max(start);
    let window = &bytes[start..end];
    if end == HEAD_BYTES && !window.ends_with(b"\n") {
        return &window[..memchr::memrchr(b'\n', window).map_or(0, |i| i + 1)];
    }
    window
}

/// What reading one file gave: the record, unless an error stopped it, and every problem found.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The record; `None` when any error was found.
    pub review: Option<Review>,
    /// Problems that make the file bad: no record comes from it.
    pub errors: Vec<Error>,
    /// Problems that did not stop the file being read (`check` reports them too).
    pub warnings: Vec<Error>,
    /// What only `check` reports: the file is a review, but not in the strict shape (a header
    /// read from plain-text lines, with no fences).
    pub notices: Vec<Error>,
}

impl Parsed {
    /// Every problem as a note: the errors, then the warnings, and with `strict` (as `check`
    /// reports) the notices too.
    pub(crate) fn notes(&self, strict: bool) -> Vec<Note> {
        let mut notes = Note::each(&self.errors, Severity::Error);
        let notices = if strict { &self.notices[..] } else { &[] };
        notes.extend(Note::each(
            self.warnings.iter().chain(notices),
            Severity::Warning,
        ));
        notes
    }

    /// A file that could not be read at all.
    pub(crate) fn failed(error: Error) -> Self {
        Parsed {
            review: None,
            errors: vec![error],
            ..Parsed::default()
        }
    }
}

/// The header's text, or why it cannot be read: too large, a NUL byte, not UTF-8.
fn header_text<'a>(bytes: &'a [u8], parts: &Parts) -> Result<&'a str, Problem> {
    let header = &bytes[parts.header.clone()];
    if header.len() > MAX_HEADER_BYTES {
        return Err(fences::too_large());
    }
    if let Some(nul) = memchr::memchr(0, header) {
        let (line, column) = diagnostics::position(header, nul, parts.header_line);
        return Err(Problem::header(
            line,
            Some(column),
            "expected text in the header, found a NUL byte",
        ));
    }
    match std::str::from_utf8(header) {
        Ok(text) => Ok(text),
        Err(e) => {
            let (line, column) = diagnostics::position(header, e.valid_up_to(), parts.header_line);
            Err(Problem::header(
                line,
                Some(column),
                "expected UTF-8 text in the header, found a byte that is not UTF-8",
            ))
        }
    }
}

/// Read a review from `bytes`, the whole file (`with_body`) or at least its complete header.
///
/// A header that is not valid YAML is read line by line (`key: value`), with a warning; a
/// missing title becomes the file name, with a warning. Every problem is returned, so that
/// `check` can report them all.
pub fn parse(bytes: &[u8], path: &Path, with_body: bool) -> Parsed {
    let in_file = |problems: Vec<Problem>| -> Vec<Error> {
        problems.into_iter().map(|p| p.in_file(path)).collect()
    };
    let fail = |problem: Problem| Parsed {
        review: None,
        errors: in_file(vec![problem]),
        ..Parsed::default()
    };
    let parts = match fences::split(bytes) {
        Ok(parts) => parts,
        Err(problem) => {
            if fences::scan(bytes, true) == Scan::NoHeader {
                if let Some(plain) = plain::read(bytes) {
                    return plain_text(bytes, path, with_body, plain);
                }
                if let Some(review) = inline_only(bytes, path, with_body) {
                    return Parsed {
                        review: Some(review),
                        ..Parsed::default()
                    };
                }
            }
            return fail(problem);
        }
    };
    let text = match header_text(bytes, &parts) {
        Ok(text) => text,
        Err(problem) => return fail(problem),
    };
    let mut warnings = Vec::new();
    let mut raw_fields = match parts.format {
        Format::Toml => match toml::parse(text, parts.header_line) {
            Ok(fields) => fields,
            Err(problem) => return fail(problem),
        },
        Format::Json => match json::parse(text, parts.header_line) {
            Ok((fields, repeats)) => {
                warnings.extend(repeats);
                fields
            }
            Err(problem) => return fail(problem),
        },
        Format::Unsupported => {
            let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
            let language = String::from_utf8_lossy(first_line)
                .trim_start_matches(['\u{feff}', '-', ' '])
                .trim()
                .to_string();
            return fail(Problem::header(
                1,
                Some(4),
                format!(
                    "front matter in {language:?} is not supported: expected YAML (---), TOML (+++) or JSON"
                ),
            ));
        }
        Format::Yaml => {
            let key_lines = key_lines::scan(text, parts.header_line);
            let repeats = key_lines::repeated_keys(&key_lines);
            for (key, first_line, repeat) in &repeats {
                warnings.push(key_lines::repeated_key(
                    key,
                    repeat.line,
                    Some(1),
                    *first_line,
                ));
            }
            match yaml::parse(text, parts.header_line, &key_lines) {
                Ok(fields) => fields,
                Err(mut problem) => {
                    problem
                        .message
                        .push_str("; read line by line as `key: value` instead");
                    warnings.push(problem);
                    let (fields, cut) = key_lines::recover(text, parts.header_line);
                    warnings.extend(cut);
                    fields
                }
            }
        }
    };

    conventions::lift_nested(&mut raw_fields);
    conventions::add_inline_fields(bytes, parts.body_start, parts.body_line, &mut raw_fields);
    let body = &bytes[parts.body_start..];
    let mut review = finish(raw_fields, path, &mut warnings);
    if with_body {
        review.body = Some(String::from_utf8_lossy(body).into_owned());
    }
    Parsed {
        review: Some(review),
        errors: Vec::new(),
        warnings: in_file(warnings),
        notices: Vec::new(),
    }
}

/// A review read from plain-text lines (see [`plain`]), with `check`'s notice that it has no fences.
fn plain_text(bytes: &[u8], path: &Path, with_body: bool, plain: plain::Plain) -> Parsed {
    let mut warnings = Vec::new();
    let mut fields = plain.fields;
    conventions::add_inline_fields(bytes, plain.body.start, plain.body_line, &mut fields);
    let body = &bytes[plain.body.clone()];
    let mut review = finish(fields, path, &mut warnings);
    if with_body {
        review.body = Some(String::from_utf8_lossy(body).into_owned());
    }
    let (first, last) = plain.lines;
    let span = if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}\u{2013}{last}")
    };
    let notice = Problem::header(
        first,
        None,
        format!("no front-matter fences: header read from plain-text {span}"),
    );
    Parsed {
        review: Some(review),
        errors: Vec::new(),
        warnings: warnings.into_iter().map(|p| p.in_file(path)).collect(),
        notices: vec![notice.in_file(path)],
    }
}

/// Where a file's text is: after its header, without the page chrome of a plain-text review.
pub(crate) fn body_range(bytes: &[u8]) -> std::ops::Range<usize> {
    match scan(bytes, true) {
        Scan::Complete(parts) => parts.body_start..bytes.len(),
        Scan::NoHeader => plain::read(bytes).map_or(0..bytes.len(), |plain| plain.body),
        Scan::Unclosed { .. } => bytes.len()..bytes.len(),
    }
}

/// Type the fields and fill what the file's name gives: the slug, a title, a year, a date.
fn finish(fields: Vec<RawField>, path: &Path, warnings: &mut Vec<Problem>) -> Review {
    let built = record::build(fields);
    warnings.extend(built.warnings);
    let mut review = built.review;
    review.slug = record::slug(path).into_owned();
    review.path = path.to_path_buf();
    if review.title.is_empty() {
        let (title, year) = record::title_from_slug(&review.slug);
        review.title = title;
        review.year = review.year.or(year);
    }
    if review.reviewed.is_none() {
        review.reviewed = record::date_in_file_name(path);
    }
    review
}

/// A file without fences that holds Dataview inline fields in its first bytes (an Obsidian note):
/// a review of those fields, its title from its name.
fn inline_only(bytes: &[u8], path: &Path, with_body: bool) -> Option<Review> {
    let mut fields = Vec::new();
    conventions::add_inline_fields(bytes, 0, 1, &mut fields);
    if fields.is_empty() {
        return None;
    }
    let mut warnings = Vec::new();
    let mut review = finish(fields, path, &mut warnings);
    if with_body {
        review.body = Some(String::from_utf8_lossy(bytes).into_owned());
    }
    Some(review)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(parsed: Parsed) -> Vec<String> {
        assert!(parsed.review.is_none());
        parsed.errors.iter().map(ToString::to_string).collect()
    }

    fn warnings(parsed: &Parsed) -> Vec<String> {
        parsed.warnings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_a_review_with_its_body() {
        let text = "---\ntitle: Rust and Bone\nruntime: 120 min.\n---\nText.\n";
        let review = parse(text.as_bytes(), Path::new("r/rust-and-bone.md"), true)
            .review
            .unwrap();
        assert_eq!(review.slug, "rust-and-bone");
        assert_eq!(review.runtime, Some(120));
        assert_eq!(review.body.as_deref(), Some("Text.\n"));
    }

    #[test]
    fn field_warnings_name_file_line_column_and_field() {
        let text = "---\ntitle: X\nyear: 2012\nruntime: forever\n---\n";
        let parsed = parse(text.as_bytes(), Path::new("r/x.md"), false);
        assert_eq!(
            warnings(&parsed),
            [
                "r/x.md:4:10: runtime: expected minutes such as \"120\" or \"1 hr 41 min\", found \"forever\"; kept as written in \"extra\""
            ]
        );
        let review = parsed.review.unwrap();
        assert_eq!(review.runtime, None);
        assert_eq!(review.extra["runtime"], "forever");
    }

    #[test]
    fn conventions_of_jekyll_hugo_and_obsidian() {
        let jekyll = parse(
            b"---\nlayout: post\n---\n",
            Path::new("_posts/2023-05-14-heat.md"),
            false,
        );
        let review = jekyll.review.unwrap();
        assert_eq!(
            (review.slug.as_str(), review.title.as_str()),
            ("heat", "heat")
        );
        assert_eq!(
            review.reviewed.map(|d| d.to_string()),
            Some("2023-05-14".into())
        );
        let hugo = parse(
            b"+++\ntitle = 'Heat'\n[params]\ndirector = 'Michael Mann'\n+++\n",
            Path::new("content/heat/index.md"),
            false,
        );
        let review = hugo.review.unwrap();
        assert_eq!(review.slug, "heat");
        assert_eq!(review.directed_by, ["Michael Mann"]);
        let note = parse(
            b"# A Bug's Life\n\ndirector:: [[John Lasseter]], [[Andrew Stanton]]\nyear:: 1998\nrating::\n",
            Path::new("notes/a-bugs-life.md"),
            true,
        );
        assert!(note.errors.is_empty() && note.warnings.is_empty());
        let review = note.review.unwrap();
        assert_eq!(review.directed_by, ["John Lasseter", "Andrew Stanton"]);
        assert_eq!(review.year, Some(1998));
        assert!(review.body.unwrap().starts_with("# A Bug's Life"));
        let year = parse(
            b"---\nrating: R\n---\n",
            Path::new("nightmare-honeymoon-1973.md"),
            false,
        );
        let review = year.review.unwrap();
        assert_eq!(
            (review.title.as_str(), review.year),
            ("nightmare-honeymoon", Some(1973))
        );
    }

    #[test]
    fn header_errors() {
        assert_eq!(
            messages(parse(b"no header\n", Path::new("a.md"), false)),
            ["a.md:1: expected a front-matter header: the first line should be \"---\""]
        );
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
        let review = parse(b"---\ntitle: X\n---\nCaf\xe9\n", Path::new("e.md"), true)
            .review
            .unwrap();
        assert_eq!(review.body.as_deref(), Some("Caf\u{FFFD}\n"));
    }

    #[test]
    fn bom_and_crlf_files_read() {
        let text = "\u{feff}---\r\ntitle: X\r\ndirector: A and B\r\n---\r\nBody\r\n";
        let review = parse(text.as_bytes(), Path::new("x.md"), true)
            .review
            .unwrap();
        assert_eq!(review.title, "X");
        assert_eq!(review.directed_by, ["A", "B"]);
    }

    #[test]
    fn invalid_yaml_is_read_line_by_line_with_a_warning() {
        let parsed = parse(
            b"---\nmovie title: Lara Croft: Tomb Raider\nrating: 3\n---\n",
            Path::new("f.md"),
            false,
        );
        let review = parsed.review.as_ref().unwrap();
        assert_eq!(review.title, "Lara Croft: Tomb Raider");
        assert_eq!(
            review.score,
            Some(crate::record::Score::Points {
                value: 3.0,
                max: None
            })
        );
        assert_eq!(
            warnings(&parsed),
            [
                "f.md:2:24: invalid YAML: mapping values are not allowed in this context (a value containing \": \" must be quoted); read line by line as `key: value` instead"
            ]
        );
    }

    #[test]
    fn repeated_keys_warn_once_and_keep_the_first() {
        let parsed = parse(
            b"---\nlayout: a\ntitle: X\nlayout: b\n---\n",
            Path::new("g.md"),
            false,
        );
        assert_eq!(parsed.review.as_ref().unwrap().extra["layout"], "a");
        assert_eq!(
            warnings(&parsed),
            ["g.md:4:1: layout: key given twice (first on line 2); the first value is used"]
        );
    }

    #[test]
    fn a_missing_title_becomes_the_file_name_without_a_word() {
        let parsed = parse(
            b"---\nyear: 2001\n---\n",
            Path::new("dir/my-film.md"),
            false,
        );
        assert_eq!(parsed.review.as_ref().unwrap().title, "my-film");
        assert!(warnings(&parsed).is_empty());
    }

    #[test]
    fn toml_headers_read() {
        let parsed = parse(
            b"+++\ntitle = \"Ran\"\ndate = \"2006-10-12T20:45:00-05:00\"\n+++\nBody",
            Path::new("t.md"),
            false,
        );
        let review = parsed.review.unwrap();
        assert_eq!(review.title, "Ran");
        assert_eq!(
            review.reviewed.map(|d| d.to_string()),
            Some("2006-10-12".into())
        );
    }

    #[test]
    fn nul_bytes_and_huge_headers_are_refused() {
        assert_eq!(
            messages(parse(
                b"---\ntitle: a\x00b\n---\n",
                Path::new("n.md"),
                false
            )),
            ["n.md:2:9: expected text in the header, found a NUL byte"]
        );
        let mut huge = b"---\ntitle: x\n".to_vec();
        huge.extend(std::iter::repeat_n(b"# padding\n".as_slice(), 120_000).flatten());
        huge.extend_from_slice(b"---\n");
        assert!(
            messages(parse(&huge, Path::new("h.md"), true))[0]
                .contains("header is larger than 1 MiB")
        );
    }
}
