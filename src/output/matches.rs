//! What `search` found in one review, in each of its formats: a TSV line with the best matching
//! line, JSON with every matching line, or for a person the title and a few snippets with the
//! matched words marked.

use std::io::{self, Write};
use std::ops::Range;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::style::{LABEL, Painter, TITLE};
use crate::record::Review;
use crate::terminal::clean;

/// A matching line's text is cut past this many characters, with `…`.
const MAX_LINE_CHARS: usize = 1000;

/// At most this many matching lines are given per review in JSON.
const MAX_LINES: usize = 100;

/// Snippets shown per review on a terminal, and words kept either side of a match.
const SNIPPETS: usize = 3;
const CONTEXT_WORDS: usize = 6;
/// Nor more than this many bytes either side, whatever the words.
const MAX_CONTEXT_BYTES: usize = 240;
/// Windows that overlap are merged up to this many bytes.
const MAX_SNIPPET_BYTES: usize = 3 * MAX_CONTEXT_BYTES;

/// Matched words: bold and coloured.
const MATCH: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));

/// One review found: its record, whether its header was read, its text, the file line its text
/// starts on, and the text's byte ranges that matched, in order.
pub(crate) struct Hit<'a> {
    pub(crate) review: &'a Review,
    /// The header could not be read: the record holds only the slug and path, the text is the
    /// whole file.
    pub(crate) unread: bool,
    pub(crate) body: &'a str,
    pub(crate) first_line: usize,
    pub(crate) spans: &'a [Range<usize>],
}

/// A line of the text that matched.
#[derive(Debug, Serialize)]
struct Line {
    /// Its line number in the file.
    line: usize,
    text: String,
}

impl Hit<'_> {
    /// Each line with a match: its 0-based number in the text, its byte range, and how many
    /// matches it holds.
    fn lines(&self) -> Vec<(usize, Range<usize>, usize)> {
        let mut lines: Vec<(usize, Range<usize>, usize)> = Vec::new();
        let (mut line, mut counted) = (0, 0);
        for span in self.spans {
            line += memchr::memchr_iter(b'\n', &self.body.as_bytes()[counted..span.start]).count();
            counted = span.start;
            match lines.last_mut() {
                Some((last, _, count)) if *last == line => *count += 1,
                _ => {
                    let start = self.body[..span.start].rfind('\n').map_or(0, |i| i + 1);
                    let end = self.body[span.start..]
                        .find('\n')
                        .map_or(self.body.len(), |i| span.start + i);
                    lines.push((line, start..end, 1));
                }
            }
        }
        lines
    }

    /// The line with the most matches (the first of them), flattened: "" when only the title
    /// matched.
    fn best_line(&self) -> String {
        let lines = self.lines();
        let best = lines
            .iter()
            .max_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(&a.0)))
            .map(|(_, range, _)| &self.body[range.clone()]);
        best.map(one_line).unwrap_or_default()
    }
}

/// A line of text as one clean line: no tabs, no control characters, cut when very long.
fn one_line(text: &str) -> String {
    let text = clean(text.trim(), false);
    match text.char_indices().nth(MAX_LINE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}

/// `slug<TAB>title<TAB>year<TAB>best matching line`, ended by `end`.
pub(crate) fn tsv(w: &mut dyn Write, hit: &Hit, end: &[u8]) -> io::Result<()> {
    let review = hit.review;
    write!(
        w,
        "{}\t{}\t{}\t{}",
        clean(&review.slug, false),
        clean(&review.title, false),
        review.year.map(|y| y.to_string()).unwrap_or_default(),
        hit.best_line()
    )?;
    w.write_all(end)
}

/// The record with `matches`: each matching line's number in the file and its text.
pub(crate) fn json(hit: &Hit) -> Vec<u8> {
    #[derive(Serialize)]
    struct Found<'a> {
        #[serde(flatten)]
        review: &'a Review,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        unread: bool,
        matches: Vec<Line>,
    }
    let matches = hit
        .lines()
        .into_iter()
        .take(MAX_LINES)
        .map(|(line, range, _)| Line {
            line: hit.first_line + line,
            text: one_line(&hit.body[range]),
        })
        .collect();
    super::json::compact(&Found {
        review: hit.review,
        unread: hit.unread,
        matches,
    })
}

/// For a person: `Title (year)  directors`, then up to three snippets, each a few words either
/// side of a match, cut at words with `…`, the matched words marked; a blank line after.
pub(crate) fn text(w: &mut dyn Write, hit: &Hit, painter: Painter) -> io::Result<()> {
    let review = hit.review;
    if hit.unread {
        painter.paint(w, TITLE, &clean(&review.path.to_string_lossy(), false))?;
        w.write_all(b"  ")?;
        painter.paint(w, LABEL, "(header not read)")?;
    } else {
        painter.paint(w, TITLE, &clean(&review.title, false))?;
    }
    if let Some(year) = review.year {
        write!(w, " ({year})")?;
    }
    if !review.directed_by.is_empty() {
        w.write_all(b"  ")?;
        painter.paint(w, LABEL, &clean(&review.directors(), false))?;
    }
    w.write_all(b"\n")?;
    for (window, cut_before, cut_after) in windows(hit.body, hit.spans) {
        w.write_all(b"  ")?;
        if cut_before {
            w.write_all("…".as_bytes())?;
        }
        // The matches inside the window, marked.
        let mut at = window.start;
        for s in hit
            .spans
            .iter()
            .filter(|s| s.start >= window.start && s.end <= window.end)
        {
            if s.start < at {
                continue;
            }
            w.write_all(flat(&hit.body[at..s.start]).as_bytes())?;
            painter.paint(w, MATCH, &flat(&hit.body[s.clone()]))?;
            at = s.end;
        }
        w.write_all(flat(&hit.body[at..window.end]).as_bytes())?;
        if cut_after {
            w.write_all("…".as_bytes())?;
        }
        w.write_all(b"\n")?;
    }
    w.write_all(b"\n")
}

/// The snippets to show: a window of a few words around each match, windows that overlap or
/// touch merged into one (up to [`MAX_SNIPPET_BYTES`]), no text shown twice, the first
/// [`SNIPPETS`] of them; each with whether text was cut before and after it.
fn windows(text: &str, spans: &[Range<usize>]) -> Vec<(Range<usize>, bool, bool)> {
    let mut windows: Vec<(Range<usize>, bool, bool)> = Vec::new();
    for span in spans {
        let (mut window, mut before, after) =
            around(text, span.start..span.end.min(span.start + 240));
        if let Some(last) = windows.last_mut() {
            if window.start <= last.0.end && window.end - last.0.start <= MAX_SNIPPET_BYTES {
                if window.end > last.0.end {
                    last.0.end = window.end;
                    last.2 = after;
                }
                continue;
            }
            if span.end <= last.0.end {
                continue;
            }
            if windows.len() == SNIPPETS {
                break;
            }
            let shown = windows.last().map_or(0, |last| last.0.end);
            if window.start < shown {
                window.start = shown;
                before = true;
            }
        }
        windows.push((window, before, after));
    }
    windows
}

/// Text on one line: runs of white space one space, control characters gone.
fn flat(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in clean(text, false).chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && (!out.is_empty() || text.starts_with(char::is_whitespace)) {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The range of `text` a few words either side of `span`, within its paragraph, and whether
/// text was cut before and after it.
fn around(text: &str, span: Range<usize>) -> (Range<usize>, bool, bool) {
    let paragraph_start = text[..span.start].rfind("\n\n").map_or(0, |i| i + 2);
    let paragraph_end = text[span.end..]
        .find("\n\n")
        .map_or(text.len(), |i| span.end + i);
    // Where words start before the match, and end after it (the rest of a word the match
    // begins is one of them).
    let before = &text[paragraph_start..span.start];
    let starts: Vec<usize> = before
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && before[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| paragraph_start + i)
        .collect();
    let start = match starts.len().checked_sub(CONTEXT_WORDS) {
        Some(first) => starts[first],
        None => starts.first().copied().unwrap_or(span.start),
    };
    let after = &text[span.end..paragraph_end];
    let ends: Vec<usize> = after
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && after[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, c)| span.end + i + c.len_utf8())
        .take(CONTEXT_WORDS + 1)
        .collect();
    let wanted = if after.starts_with(char::is_whitespace) {
        CONTEXT_WORDS
    } else {
        CONTEXT_WORDS + 1
    };
    let end = ends
        .get(wanted - 1)
        .or(ends.last())
        .copied()
        .unwrap_or(span.end)
        .max(span.end);
    // A very long word around the match is cut too.
    let mut start = start.max(span.start.saturating_sub(MAX_CONTEXT_BYTES));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = end.min(span.end + MAX_CONTEXT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (
        start..end,
        !text[paragraph_start..start].trim().is_empty(),
        !text[end..paragraph_end].trim().is_empty(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_keep_a_few_words_either_side() {
        let text = "one two three four five six seven eight MATCH nine ten eleven twelve thirteen fourteen fifteen";
        let at = text.find("MATCH").unwrap();
        let (range, before, after) = around(text, at..at + 5);
        assert_eq!(
            &text[range],
            "three four five six seven eight MATCH nine ten eleven twelve thirteen fourteen"
        );
        assert!(before && after);
        let short = "a MATCH b";
        let (range, before, after) = around(short, 2..7);
        assert_eq!(&short[range], "a MATCH b");
        assert!(!before && !after);
    }

    #[test]
    fn the_best_line_has_the_most_matches() {
        let body = "first bone\nsecond bone bone\nthird";
        let spans = [6..10, 18..22, 23..27];
        let review = Review::default();
        let hit = Hit {
            review: &review,
            unread: false,
            body,
            first_line: 5,
            spans: &spans,
        };
        assert_eq!(hit.best_line(), "second bone bone");
        let lines: Vec<usize> = hit.lines().iter().map(|l| l.0 + 5).collect();
        assert_eq!(lines, [5, 6]);
    }

    #[test]
    fn overlapping_windows_are_merged_and_no_text_is_shown_twice() {
        let text = "a b c d e f g h i j bone k l m n o bone p q r s t u v w x y z 1 2 bone";
        let spans: Vec<Range<usize>> = text.match_indices("bone").map(|(i, _)| i..i + 4).collect();
        let shown: Vec<&str> = windows(text, &spans)
            .into_iter()
            .map(|(w, _, _)| &text[w])
            .collect();
        assert_eq!(
            shown,
            [
                "e f g h i j bone k l m n o bone p q r s t u",
                "w x y z 1 2 bone"
            ]
        );
        // A paragraph full of matches is cut into windows that do not repeat, three at most.
        let dense = "bone ".repeat(1000);
        let spans: Vec<Range<usize>> = dense.match_indices("bone").map(|(i, _)| i..i + 4).collect();
        let windows = windows(&dense, &spans);
        assert_eq!(windows.len(), SNIPPETS);
        for pair in windows.windows(2) {
            assert!(pair[0].0.end <= pair[1].0.start, "{windows:?}");
            assert!(pair[0].0.len() <= MAX_SNIPPET_BYTES);
        }
    }
}
