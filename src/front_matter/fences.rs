//! Splitting the front-matter header off a review file.
//!
//! Accepted fences: `---` (or more dashes) around YAML, closed by dashes or `...`; `+++` around
//! TOML. A UTF-8 byte-order mark and Windows line endings are accepted.

use crate::diagnostics::Problem;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A header larger than this is refused: no real review needs one, and it bounds memory.
pub(crate) const MAX_HEADER_BYTES: usize = 1 << 20;

/// The language of a header, told by its fence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `---` fences.
    Yaml,
    /// `+++` fences (Hugo).
    Toml,
    /// `---json` fences, or a bare `{ ... }` object opening the file (Hugo).
    Json,
    /// `---LANG` naming a language the reader does not know (`coffee`, `cson`, ...).
    Unsupported,
}

/// Where the header and the body lie in a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parts {
    /// The header's language.
    pub(crate) format: Format,
    /// Byte range of the header text, fences excluded.
    pub(crate) header: std::ops::Range<usize>,
    /// 1-based line of the header's first line.
    pub(crate) header_line: usize,
    /// Byte offset where the body starts (just after the closing fence's line).
    pub(crate) body_start: usize,
    /// 1-based line of the body's first line.
    pub(crate) body_line: usize,
}

/// What looking for the header found in a prefix of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scan {
    /// The header is complete within the bytes given.
    Complete(Parts),
    /// The header opens but its closing fence was not seen (yet).
    Unclosed {
        /// The opening fence's language.
        format: Format,
    },
    /// The file does not open with a fence.
    NoHeader,
}

/// Iterate over lines as (start, end-without-newline, next-start).
fn lines(bytes: &[u8], from: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => (start + i, start + i + 1),
            None => (bytes.len(), bytes.len()),
        };
        pos = next;
        let end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        Some((start, end, next))
    })
}

/// The format an opening fence announces: `---`, `---yaml`, `--- json`, `+++`.
fn opening(line: &[u8]) -> Option<Format> {
    match fence(line) {
        Some(Fence::Dashes) => return Some(Format::Yaml),
        Some(Fence::Pluses) => return Some(Format::Toml),
        _ => {}
    }
    let language = trim_end(line).strip_prefix(b"---")?;
    let language = language.strip_prefix(b" ").unwrap_or(language);
    if language.is_empty() || !language.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(match language.to_ascii_lowercase().as_slice() {
        b"yaml" | b"yml" => Format::Yaml,
        b"toml" => Format::Toml,
        b"json" => Format::Json,
        _ => Format::Unsupported,
    })
}

/// The end (exclusive) of a JSON object that opens `bytes` at `start`, braces inside strings
/// ignored; `None` when it never closes.
fn json_object_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The fence a line is, if any: trailing spaces and tabs are allowed.
fn fence(line: &[u8]) -> Option<Fence> {
    let line = trim_end(line);
    if line.len() >= 3 && line.iter().all(|&b| b == b'-') {
        Some(Fence::Dashes)
    } else if line == b"+++" {
        Some(Fence::Pluses)
    } else if line == b"..." {
        Some(Fence::Dots)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fence {
    Dashes,
    Pluses,
    Dots,
}

fn trim_end(mut line: &[u8]) -> &[u8] {
    while let [rest @ .., b' ' | b'\t'] = line {
        line = rest;
    }
    line
}

/// Find the header in `bytes`: a whole file (`whole`), or a prefix of one.
pub(crate) fn scan(bytes: &[u8], whole: bool) -> Scan {
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    if bytes.get(start) == Some(&b'{') {
        return match json_object_end(bytes, start) {
            Some(end) => {
                let body_start =
                    memchr::memchr(b'\n', &bytes[end..]).map_or(bytes.len(), |i| end + i + 1);
                Scan::Complete(Parts {
                    format: Format::Json,
                    header: start..end,
                    header_line: 1,
                    body_start,
                    body_line: 1 + bytes[start..body_start]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count(),
                })
            }
            None => Scan::Unclosed {
                format: Format::Json,
            },
        };
    }
    let mut lines = lines(bytes, start);
    let Some(format) = lines.next().and_then(|(s, e, _)| opening(&bytes[s..e])) else {
        return Scan::NoHeader;
    };
    let mut header_start = None;
    for (number, (s, e, next)) in lines.enumerate() {
        let header_start = *header_start.get_or_insert(s);
        let closes = match fence(&bytes[s..e]) {
            Some(Fence::Pluses) => format == Format::Toml,
            Some(Fence::Dots) => format == Format::Yaml,
            Some(Fence::Dashes) => format != Format::Toml,
            None => false,
        };
        // A fence line must be complete: in a prefix, `--` may still become `---x`.
        if closes && (next > e || whole) {
            let body_line = number + 3;
            return Scan::Complete(Parts {
                format,
                header: header_start..s,
                header_line: 2,
                body_start: next,
                body_line,
            });
        }
    }
    Scan::Unclosed { format }
}

/// Split a whole file: its header's place, or the problem that there is none.
pub(crate) fn split(bytes: &[u8]) -> Result<Parts, Problem> {
    match scan(bytes, true) {
        Scan::Complete(parts) => Ok(parts),
        Scan::Unclosed { format } => Err(unclosed(format)),
        Scan::NoHeader => Err(not_text(bytes).unwrap_or_else(no_header)),
    }
}

/// Why a file with no header cannot be read as text, when its first bytes tell: UTF-16, or lines
/// ended by lone carriage returns (classic Mac OS), where a fence may well be there.
fn not_text(bytes: &[u8]) -> Option<Problem> {
    let head = &bytes[..bytes.len().min(64)];
    let utf16 = if head.starts_with(b"\xFF\xFE")
        || (head.len() >= 2 && head[1] == 0 && head[0] != 0)
    {
        Some("UTF-16 (little-endian)")
    } else if head.starts_with(b"\xFE\xFF") || (head.len() >= 2 && head[0] == 0 && head[1] != 0) {
        Some("UTF-16 (big-endian)")
    } else {
        None
    };
    if let Some(encoding) = utf16 {
        return Some(Problem::header(
            1,
            None,
            format!("the file is encoded as {encoding}: expected UTF-8 text (save it as UTF-8)"),
        ));
    }
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let first_line = bytes[start..]
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    let lone_cr = first_line
        .iter()
        .position(|&b| b == b'\r')
        .is_some_and(|i| i + 1 < first_line.len());
    lone_cr.then(|| {
        Problem::header(
            1,
            None,
            "lines end with a lone carriage return (\\r, classic Mac OS): expected \\n or \\r\\n line endings",
        )
    })
}

/// The problem of a file with no header.
pub(crate) fn no_header() -> Problem {
    Problem::header(
        1,
        None,
        "expected a front-matter header: the first line should be \"---\"",
    )
}

/// The problem of a header larger than [`MAX_HEADER_BYTES`].
pub(crate) fn too_large() -> Problem {
    Problem::header(
        1,
        None,
        format!(
            "header is larger than {} MiB: expected a closing \"---\" line sooner",
            MAX_HEADER_BYTES >> 20
        ),
    )
}

/// The problem of a header that never closes.
pub(crate) fn unclosed(format: Format) -> Problem {
    let fence = match format {
        Format::Toml => "+++",
        Format::Json => "}",
        Format::Yaml | Format::Unsupported => "---",
    };
    Problem::header(
        1,
        None,
        format!("header is never closed: expected a closing \"{fence}\" line"),
    )
}

#[cfg(test)]
mod tests;
