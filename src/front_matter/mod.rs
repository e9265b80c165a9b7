//! Front matter: one file's bytes to one `Review`. The fences say where the header is and in
//! which language; each language's reader turns it into raw fields, and the record types them.

mod conventions;
mod fences;
mod json;
mod key_lines;
mod plain;
mod toml;
mod tree;
mod vault;
mod yaml;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use crate::diagnostics::{self, Error, Note, Problem, Severity};
use crate::record::{self, RawField, Review};
pub(crate) use conventions::may_have_inline_fields;
pub(crate) use fences::too_large;
pub(crate) use fences::{Format, MAX_HEADER_BYTES, Parts, Scan, scan};
pub(crate) use vault::may_have_inline_tags;

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
pub(crate) struct Parsed {
    /// The record; `None` when any error was found.
    pub(crate) review: Option<Review>,
    /// Problems that make the file bad: no record comes from it.
    pub(crate) errors: Vec<Error>,
    /// Problems that did not stop the file being read (`check` reports them too).
    pub(crate) warnings: Vec<Error>,
    /// What only `check` reports: the file is a review, but not in the strict shape (a header
    /// read from plain-text lines, with no fences).
    pub(crate) notices: Vec<Error>,
    /// The byte ranges of the text's lines lifted into the header (Dataview's inline fields),
    /// which the text leaves out: see [`body_text`].
    pub(crate) lifted: Vec<Range<usize>>,
    /// A note that lists others (only queries, no film's field): no review, and no problem.
    pub(crate) index_page: bool,
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

    /// A note that lists others: no review, and nothing wrong.
    fn index_page() -> Self {
        Parsed {
            index_page: true,
            ..Parsed::default()
        }
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
pub(crate) fn parse(bytes: &[u8], path: &Path, with_body: bool) -> Parsed {
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
                if vault::is_index_page(bytes, 0, &[]) {
                    return Parsed::index_page();
                }
                if let Some(plain) = plain::read(bytes) {
                    return plain_text(bytes, path, with_body, plain);
                }
                if let Some((review, lifted)) = inline_only(bytes, path, with_body) {
                    return Parsed {
                        review: Some(review),
                        lifted,
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
    let lifted =
        conventions::add_inline_fields(bytes, parts.body_start, parts.body_line, &mut raw_fields);
    if vault::is_index_page(bytes, parts.body_start, &raw_fields) {
        return Parsed::index_page();
    }
    let mut review = finish(raw_fields, path, &mut warnings);
    add_tags(&mut review, vault::inline_tags(bytes, parts.body_start));
    if with_body {
        review.body = Some(text_without(bytes, parts.body_start..bytes.len(), &lifted));
    }
    Parsed {
        review: Some(review),
        warnings: in_file(warnings),
        lifted,
        ..Parsed::default()
    }
}

/// A review read from plain-text lines (see [`plain`]), with `check`'s notice that it has no fences.
fn plain_text(bytes: &[u8], path: &Path, with_body: bool, plain: plain::Plain) -> Parsed {
    let mut warnings = Vec::new();
    let mut fields = plain.fields;
    let lifted =
        conventions::add_inline_fields(bytes, plain.body.start, plain.body_line, &mut fields);
    let mut review = finish(fields, path, &mut warnings);
    if with_body {
        review.body = Some(text_without(bytes, plain.body.clone(), &lifted));
    }
    let (first, last) = plain.lines;
    let span = if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}\u{2013}{last}")
    };
    let below = match plain.navigation {
        Some((from, to)) if from == to => format!(", page navigation on line {from} skipped"),
        Some((from, to)) => format!(", page navigation on lines {from}\u{2013}{to} skipped"),
        None => String::new(),
    };
    let notice = Problem::header(
        first,
        None,
        format!("no front-matter fences: header read from plain-text {span}{below}"),
    );
    Parsed {
        review: Some(review),
        errors: Vec::new(),
        warnings: warnings.into_iter().map(|p| p.in_file(path)).collect(),
        notices: vec![notice.in_file(path)],
        lifted,
        index_page: false,
    }
}

/// A file's text as a reader sees it: [`body_range`], less the lines `lifted` into its header.
pub(crate) fn body_text<'a>(bytes: &'a [u8], lifted: &[Range<usize>]) -> Cow<'a, [u8]> {
    cut_lifted(bytes, body_range(bytes), lifted)
}

/// `bytes[range]` without the `lifted` lines within it.
fn cut_lifted<'a>(bytes: &'a [u8], range: Range<usize>, lifted: &[Range<usize>]) -> Cow<'a, [u8]> {
    let cut: Vec<Range<usize>> = lifted
        .iter()
        .filter(|r| r.start >= range.start && r.end <= range.end)
        .map(|r| r.start - range.start..r.end - range.start)
        .collect();
    let text = &bytes[range];
    if cut.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(conventions::without(text, &cut))
    }
}

/// The text of `bytes[range]` without the `lifted` lines within it, as text.
fn text_without(bytes: &[u8], range: Range<usize>, lifted: &[Range<usize>]) -> String {
    String::from_utf8_lossy(&cut_lifted(bytes, range, lifted)).into_owned()
}

/// Where a file's text is: after its header, without the page chrome of a plain-text review.
pub(crate) fn body_range(bytes: &[u8]) -> std::ops::Range<usize> {
    match scan(bytes, true) {
        Scan::Complete(parts) => parts.body_start..bytes.len(),
        Scan::NoHeader => plain::read(bytes).map_or(0..bytes.len(), |plain| plain.body),
        Scan::Unclosed { .. } => bytes.len()..bytes.len(),
    }
}

/// Add the `#tags` of a note's text that its header does not give.
fn add_tags(review: &mut Review, tags: Vec<String>) {
    for tag in tags {
        if !review.tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            review.tags.push(tag);
        }
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
fn inline_only(bytes: &[u8], path: &Path, with_body: bool) -> Option<(Review, Vec<Range<usize>>)> {
    let mut fields = Vec::new();
    let lifted = conventions::add_inline_fields(bytes, 0, 1, &mut fields);
    if fields.is_empty() {
        return None;
    }
    let mut warnings = Vec::new();
    let mut review = finish(fields, path, &mut warnings);
    add_tags(&mut review, vault::inline_tags(bytes, 0));
    if with_body {
        review.body = Some(text_without(bytes, 0..bytes.len(), &lifted));
    }
    Some((review, lifted))
}

#[cfg(test)]
mod tests;
