//! Reviews without fences, as saved from a blog or written in a plain editor: page chrome, a title
//! line, a date line, then `key: value` lines (blank lines between them allowed), then the text.
//! A MultiMarkdown block (`Title: ...` on line 1) and a block of bulleted `- Key: value` lines are
//! the same shape without the title line.

use std::ops::Range;

use serde_json::Value;

use super::head_window;
use super::key_lines::{KeyLine, key_line, plain_value};
use crate::record::{RawField, field_for, parse_date, title_and_year};

/// Lines of page chrome that may come before the title.
const LEADING_CHROME: [&str; 3] = [
    "skip to content",
    "skip to main content",
    "skip to navigation",
];

/// Lines of page chrome that blog engines put after the text: dropped only in a run at the end.
const TRAILING_CHROME: [&str; 7] = [
    "leave a reply",
    "%d bloggers like this:",
    "share this:",
    "like this:",
    "loading...",
    "related",
    "leave a comment",
];

/// Short lines of page navigation (a site name, a breadcrumb, a menu) skipped above a
/// `Title (Year)` line: at most this many.
const MAX_NAVIGATION: usize = 4;

/// A plain-text header, found.
#[derive(Debug)]
pub(crate) struct Plain {
    pub(crate) fields: Vec<RawField>,
    /// The file lines the header spans, for `check`'s note.
    pub(crate) lines: (usize, usize),
    /// The lines of page navigation skipped above it, if any, for `check`'s note.
    pub(crate) navigation: Option<(usize, usize)>,
    /// Where the text is, trailing chrome left out.
    pub(crate) body: Range<usize>,
    /// The first line of the text.
    pub(crate) body_line: usize,
}

/// One line of the window: its text (no line ending), its 1-based number, and its byte range.
struct Line<'a> {
    text: &'a str,
    number: usize,
    start: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        out.push(Line {
            text: line.trim_end_matches(['\n', '\r']),
            number: i + 1,
            start,
        });
        start += line.len();
    }
    out
}

/// A `key: value` line for a known field (a bullet before it allowed; Dataview's `key::` is not
/// one: see `conventions`), or a `Directed by Name` line.
fn field_line<'a>(line: &'a Line<'a>) -> Option<KeyLine<'a>> {
    let text = line_body(line.text);
    if text.contains("::") {
        return None;
    }
    if let Some(found) = key_line(text, line.number)
        && field_for(found.key).is_some()
    {
        return Some(found);
    }
    directed_by(text, line.number)
}

/// `Directed by Name`, in any case and without a colon, as web pages credit a director: the
/// name must be short and not end as a sentence does, so prose is left alone.
fn directed_by(text: &str, number: usize) -> Option<KeyLine<'_>> {
    const KEY: &str = "directed by ";
    let head = text.get(..KEY.len())?;
    if !head.eq_ignore_ascii_case(KEY) {
        return None;
    }
    let value = text[KEY.len()..].trim();
    let sentence = value.ends_with(['.', '!', '?', ';', ':', ',']);
    (!value.is_empty() && value.chars().count() <= 60 && !sentence).then(|| KeyLine {
        key: "directed by",
        value,
        line: number,
        column: text.len() - text[KEY.len()..].trim_start().len() + 1,
    })
}

/// A line without its indent and bullet.
fn line_body(text: &str) -> &str {
    let text = text.trim_start();
    text.strip_prefix("- ")
        .or_else(|| text.strip_prefix("* "))
        .unwrap_or(text)
}

/// A title line: short, and not ending as a sentence does.
fn title_line(text: &str) -> Option<&str> {
    let title = text.trim().trim_start_matches('#').trim();
    let sentence = title.ends_with(['.', '!', '?', ';', ':', ',']) && !title.ends_with("...");
    (!title.is_empty() && title.chars().count() <= 100 && !sentence).then_some(title)
}

/// A line of page navigation: short, not a field, and not ending as a sentence does.
fn navigation_line(line: &Line) -> bool {
    let text = line.text.trim();
    text.chars().count() <= 80 && title_line(text).is_some() && field_line(line).is_none()
}

/// Read the plain-text header opening `bytes`, if there is one: it needs at least one
/// `key: value` line for a known field.
pub(crate) fn read(bytes: &[u8]) -> Option<Plain> {
    // Whole lines of the file's head; a byte that is not UTF-8 ends the text read, and the line
    // it cuts is not read either.
    let window = head_window(bytes, 0);
    let text = match std::str::from_utf8(window) {
        Ok(text) => text,
        Err(e) => {
            let text = std::str::from_utf8(&window[..e.valid_up_to()]).ok()?;
            &text[..text.rfind('\n').map_or(0, |i| i + 1)]
        }
    };
    let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &text[offset..];
    let all = lines(text);
    let mut at = past_blank(&all, 0);
    while all
        .get(at)
        .is_some_and(|l| LEADING_CHROME.contains(&l.text.trim().to_lowercase().as_str()))
    {
        at = past_blank(&all, at + 1);
    }
    let (block, navigation) = match header_at(&all, at) {
        Some(block) => (block, None),
        None => below_navigation(&all, at)?,
    };
    // The text starts at the first line after the block, or where the lines read end.
    let (body_start, body_line) = match all.get(block.end) {
        Some(line) => (offset + line.start, line.number),
        None => (offset + text.len(), all.len() + 1),
    };
    Some(Plain {
        fields: block.fields,
        lines: block.lines,
        navigation,
        body: body_start..body_end(bytes, body_start),
        body_line,
    })
}

/// The first line at or after `at` that is not blank.
fn past_blank(all: &[Line], mut at: usize) -> usize {
    while all.get(at).is_some_and(|l| l.text.trim().is_empty()) {
        at += 1;
    }
    at
}

/// The header's fields, the lines they span, and the index of the line after them.
struct Block {
    fields: Vec<RawField>,
    lines: (usize, usize),
    end: usize,
}

/// A header below up to [`MAX_NAVIGATION`] lines of page navigation: only a `Title (Year)` line
/// followed by fields is taken for one, as a short line alone says too little.
fn below_navigation(all: &[Line], mut at: usize) -> Option<(Block, Option<(usize, usize)>)> {
    let first = all.get(at)?.number;
    for _ in 0..MAX_NAVIGATION {
        let line = all.get(at)?;
        if !navigation_line(line) {
            return None;
        }
        let skipped = (first, line.number);
        at = past_blank(all, at + 1);
        let titled = all
            .get(at)
            .and_then(|l| title_line(l.text))
            .is_some_and(|t| title_and_year(t).is_some());
        if titled && let Some(block) = header_at(all, at) {
            return Some((block, Some(skipped)));
        }
    }
    None
}

/// The header starting at line index `at`: an optional title line and date line, then fields.
fn header_at(all: &[Line], mut at: usize) -> Option<Block> {
    let mut fields = Vec::new();
    let first = all.get(at)?.number;
    if field_line(all.get(at)?).is_none() {
        let line = &all[at];
        let title = title_line(line.text)?;
        fields.push(field("title", title, line.number, 1));
        at = past_blank(all, at + 1);
        if let Some(line) = all.get(at)
            && parse_date(line.text.trim()).is_some()
        {
            fields.push(field("reviewed", line.text.trim(), line.number, 1));
            at = past_blank(all, at + 1);
        }
    }
    let mut last = first;
    let mut keys = 0;
    while let Some(line) = all.get(at) {
        if line.text.trim().is_empty() {
            at += 1;
            continue;
        }
        let Some(found) = field_line(line) else {
            break;
        };
        // The value's column in the whole line, past any indent and bullet.
        let before = line.text.len() - line_body(line.text).len();
        fields.push(field(
            found.key,
            plain_value(found.value),
            line.number,
            found.column + line.text[..before].chars().count(),
        ));
        keys += 1;
        last = line.number;
        at += 1;
    }
    (keys > 0).then_some(Block {
        fields,
        lines: (first, last),
        end: at,
    })
}

fn field(key: &str, value: &str, line: usize, column: usize) -> RawField {
    RawField {
        key: key.to_string(),
        value: Value::String(value.to_string()),
        raw: Some(value.to_string()),
        line,
        column: Some(column),
    }
}

/// The end of the text: before a run of blog-engine chrome (and blank lines) at the very end.
fn body_end(bytes: &[u8], start: usize) -> usize {
    let mut pos = bytes.len();
    let mut chrome_start = None;
    while pos > start {
        let line_end = if bytes[pos - 1] == b'\n' {
            pos - 1
        } else {
            pos
        };
        let line_start =
            memchr::memrchr(b'\n', &bytes[start..line_end]).map_or(start, |i| start + i + 1);
        let line = String::from_utf8_lossy(&bytes[line_start..line_end])
            .trim()
            .to_lowercase();
        if !line.is_empty() && !TRAILING_CHROME.contains(&line.as_str()) {
            break;
        }
        if !line.is_empty() {
            chrome_start = Some(line_start);
        }
        pos = line_start;
    }
    let Some(mut end) = chrome_start else {
        return bytes.len();
    };
    // Blank lines before the chrome go with it; the text keeps its own last line ending.
    let cut = end;
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    let ending = &bytes[end..cut];
    end + if ending.starts_with(b"\r\n") {
        2
    } else {
        usize::from(ending.starts_with(b"\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(plain: &Plain) -> Vec<(&str, &str)> {
        plain
            .fields
            .iter()
            .map(|f| (f.key.as_str(), f.value.as_str().unwrap()))
            .collect()
    }

    #[test]
    fn the_seed_shape() {
        let text = "Skip to content\n\nRust and Bone (2012)\n\nJanuary 15, 2013\n\n\n\nwritten by: Jacques Audiard and Thomas Bidegain\n\ndirected by: Jacques Audiard\n\nruntime: 120 min.\n\n\nSometimes a film can look good.\n\nThe end.\n\n\n\nLeave a Reply\n\n%d bloggers like this:";
        let plain = read(text.as_bytes()).unwrap();
        assert_eq!(
            keys(&plain),
            [
                ("title", "Rust and Bone (2012)"),
                ("reviewed", "January 15, 2013"),
                ("written by", "Jacques Audiard and Thomas Bidegain"),
                ("directed by", "Jacques Audiard"),
                ("runtime", "120 min.")
            ]
        );
        assert_eq!(plain.lines, (3, 13));
        assert_eq!(
            &text[plain.body.clone()],
            "Sometimes a film can look good.\n\nThe end.\n"
        );
        assert_eq!(plain.body_line, 16);
    }

    #[test]
    fn multimarkdown_and_bulleted_blocks() {
        let plain = read(b"Title: Heat\r\nDirector: Michael Mann\r\n\r\nText.\r\n").unwrap();
        assert_eq!(
            keys(&plain),
            [("Title", "Heat"), ("Director", "Michael Mann")]
        );
        assert_eq!(plain.body.start, 39);
        let plain = read(b"- Viewing Date: 2011-06-24\n- Grade: C\n\nText.\n").unwrap();
        assert_eq!(
            keys(&plain),
            [("Viewing Date", "2011-06-24"), ("Grade", "C")]
        );
        let plain = read(b"Synopsis: A man, a plan.\n\nThe review.\n").unwrap();
        assert_eq!(keys(&plain), [("Synopsis", "A man, a plan.")]);
    }

    #[test]
    fn prose_is_no_header() {
        for text in [
            "Note: this review has spoilers.\n\nText.\n",
            "I loved it.\n\nRating: four stars, if anyone asks\n",
            "A title alone\n\nAnd prose after it.\n",
            "Verdict: skip it\n",
            "# A Bug's Life\n\ndirector:: [[John Lasseter]]\n",
        ] {
            assert!(read(text.as_bytes()).is_none(), "{text}");
        }
        // A field cut by the window, or by a byte that is not UTF-8, is not read: it is text.
        let mut long = b"Title: Heat\n\n".to_vec();
        long.extend(std::iter::repeat_n(
            b'\n',
            crate::front_matter::HEAD_BYTES - long.len() - 12,
        ));
        long.extend_from_slice(b"director: Michael Mann\nText.\n");
        let plain = read(&long).unwrap();
        assert_eq!(keys(&plain), [("Title", "Heat")]);
        assert!(long[plain.body.clone()].starts_with(b"director: Michael Mann"));
        let latin1 = read(b"Heat\n\nrating: R\ndirector: Michael M\xe9nn\n\nText.\n").unwrap();
        assert_eq!(keys(&latin1), [("title", "Heat"), ("rating", "R")]);
        assert_eq!(latin1.body.start, 16);
        let bullet = read(b"- runtime: forever\n").unwrap();
        assert_eq!(bullet.fields[0].column, Some(12));
        // Trailing chrome is only dropped at the very end.
        let plain = read(b"Title: X\n\nLeave a Reply\nmore text\n").unwrap();
        assert_eq!(plain.body.end, 34);
    }

    #[test]
    fn navigation_above_a_title_with_its_year_and_a_credit_without_a_colon() {
        let text = "Site\nHome > Reviews\n\nHeat (1995)\n  Directed by  Michael Mann\n\nText.\n";
        let plain = read(text.as_bytes()).unwrap();
        assert_eq!(
            keys(&plain),
            [("title", "Heat (1995)"), ("directed by", "Michael Mann")]
        );
        assert_eq!(plain.navigation, Some((1, 2)));
        assert_eq!(plain.lines, (4, 5));
        assert_eq!(plain.fields[1].column, Some(16));
        assert_eq!(&text[plain.body.clone()], "Text.\n");
        // Without a year in the title, or past four lines of navigation, it is no header.
        assert!(read(b"Site\nHeat\ndirected by Michael Mann\n").is_none());
        assert!(read(b"Site\nMenu\nHeat\nDirected by Michael Mann, with care.\n").is_none());
        assert!(read(b"a\nb\nc\nd\ne\nHeat (1995)\nDirected by Michael Mann\n").is_none());
        assert!(read(b"a\nb\nc\nd\nHeat (1995)\nDirected by Michael Mann\n").is_some());
    }
}
