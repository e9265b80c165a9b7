//! `show` for people: the title, aligned labels, then the body wrapped to the width.

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::style::{self, Painter};
use crate::record::{Review, with_note};
use crate::terminal::clean;

/// Body text is never wider than this, for reading comfort.
pub(crate) const MAX_BODY_WIDTH: usize = 100;

/// The header lines of a review: (label, value), for the fields it has.
fn fields(review: &Review) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut add = |label, value: String| {
        if !value.is_empty() {
            out.push((label, value));
        }
    };
    add(
        "Original title",
        review.original_title.clone().unwrap_or_default(),
    );
    add("Directed by", review.directed_by.join(", "));
    add("Written by", review.written_by.join(", "));
    add("Produced by", review.produced_by.join(", "));
    add("Starring", review.starring.join(", "));
    if let Some(rating) = &review.rating {
        let value = match &rating.reason {
            Some(reason) => format!("{} ({reason})", rating.code),
            None => rating.code.clone(),
        };
        add("Rating", value);
    }
    add(
        "Score",
        review
            .score
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    add(
        "Runtime",
        review
            .runtime
            .map(|m| format!("{m} min"))
            .unwrap_or_default(),
    );
    let dated = |date: Option<jiff::civil::Date>, note: &Option<String>| {
        date.map_or_else(String::new, |d| with_note(d, note.as_deref(), "%B %-d, %Y"))
    };
    let us_release = dated(review.us_release, &review.us_release_note);
    let released = dated(review.release_date, &review.release_date_note);
    add("U.S. release", us_release);
    add("Released", released);
    add("Reviewed", dated(review.reviewed, &None));
    add("Reviewer", review.reviewer.clone().unwrap_or_default());
    add("Synopsis", review.synopsis.clone().unwrap_or_default());
    add("Watched", dated(review.watched, &None));
    add("Genres", review.genres.join(", "));
    add("Tags", review.tags.join(", "));
    if review.draft {
        add("Draft", "not published".to_string());
    }
    out
}

/// Write a review as text, `width` columns wide (the body at most [`MAX_BODY_WIDTH`]).
pub(crate) fn write(
    w: &mut dyn Write,
    review: &Review,
    width: usize,
    painter: Painter,
) -> io::Result<()> {
    let width = width.max(20);
    let mut title = clean(&review.title, false).into_owned();
    if let Some(year) = review.year {
        title.push_str(&format!(" ({year})"));
    }
    for line in textwrap::wrap(&title, width) {
        painter.paint(w, style::TITLE, &line)?;
        writeln!(w)?;
    }
    let fields = fields(review);
    let label_width = fields.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 2;
    if !fields.is_empty() {
        writeln!(w)?;
    }
    let options = textwrap::Options::new(width.saturating_sub(label_width).max(10))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    for (label, value) in &fields {
        let value = clean(value, false);
        for (i, line) in textwrap::wrap(&value, &options).iter().enumerate() {
            if i == 0 {
                painter.paint(w, style::LABEL, label)?;
                write!(w, "{:pad$}", "", pad = label_width - label.width())?;
            } else {
                write!(w, "{:label_width$}", "")?;
            }
            // The certification code, at the start of the rating, takes the rating's colour.
            let code = review.rating_code();
            match line.strip_prefix(code) {
                Some(rest) if i == 0 && *label == "Rating" && !code.is_empty() => {
                    painter.paint(w, style::certification(code), code)?;
                    writeln!(w, "{rest}")?;
                }
                _ => writeln!(w, "{line}")?,
            }
        }
    }
    if let Some(body) = &review.body {
        write_body(w, body, width.min(MAX_BODY_WIDTH))?;
    }
    Ok(())
}

/// The body's paragraphs, reflowed and wrapped; runs of blank lines become one.
///
/// A paragraph of plain lines is one flow of text (as Markdown reads it); a block with list items,
/// headings, quotes, tables or indented code keeps its lines, each wrapped on its own. The body is
/// read a block at a time and each line cleaned on its own, so that nothing is held twice whole.
fn write_body(w: &mut dyn Write, body: &str, width: usize) -> io::Result<()> {
    let mut block: Vec<Cow<'_, str>> = Vec::new();
    for line in body.lines() {
        let line = expand_tabs(clean(line, true));
        if line.trim().is_empty() {
            write_block(w, &block, width)?;
            block.clear();
        } else {
            block.push(line);
        }
    }
    write_block(w, &block, width)
}

fn expand_tabs(line: Cow<'_, str>) -> Cow<'_, str> {
    if line.contains('\t') {
        Cow::Owned(line.replace('\t', "    "))
    } else {
        line
    }
}

fn write_block(w: &mut dyn Write, block: &[Cow<'_, str>], width: usize) -> io::Result<()> {
    if block.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    if block.iter().all(|l| is_plain(l)) {
        let text = block.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
        return write_wrapped(w, &text, 0, width);
    }
    for line in block {
        let line = line.trim_end();
        let text = line.trim_start();
        // An indent keeps its place up to a quarter of the width: past that it would leave no
        // room for the text, and be repeated on every wrapped line.
        let indent = (line.len() - text.len()).min(width / 4);
        write_wrapped(w, text, indent, width)?;
    }
    Ok(())
}

/// A line that is just prose, which may be joined with its neighbours.
fn is_plain(line: &str) -> bool {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let numbered = trimmed
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    indent < 4
        && !numbered
        && !["- ", "* ", "+ ", "#", ">", "|", "```", "~~~", "<"]
            .iter()
            .any(|p| trimmed.starts_with(p))
}

/// Text is wrapped this much at a time, so that a paragraph of any length costs a bounded amount
/// of memory beyond its own text.
const PIECE_BYTES: usize = 1 << 16;

/// Wrap `text` to `width`, each line after `indent` spaces. First-fit wrapping decides each line
/// from where it starts, so a long text is wrapped a piece at a time: every line but a piece's
/// last is final, and the last starts the next piece.
fn write_wrapped(w: &mut dyn Write, text: &str, indent: usize, width: usize) -> io::Result<()> {
    // Words are never broken at their hyphens: "Oscar-nominated" stays whole.
    let options = textwrap::Options::new(width - indent)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut rest = text;
    let mut carry = String::new();
    loop {
        let cut = piece_end(rest);
        carry.push_str(&rest[..cut]);
        rest = &rest[cut..];
        let lines = textwrap::wrap(&carry, &options);
        let (last, done) = match lines.split_last() {
            Some((last, _)) if !rest.is_empty() => (lines.len() - 1, last.to_string()),
            _ => (lines.len(), String::new()),
        };
        for line in &lines[..last] {
            writeln!(w, "{:indent$}{line}", "")?;
        }
        if rest.is_empty() {
            return Ok(());
        }
        carry = done;
    }
}

/// Where the next piece of `text` ends: at a space past [`PIECE_BYTES`], or the end.
fn piece_end(text: &str) -> usize {
    if text.len() <= PIECE_BYTES {
        return text.len();
    }
    let mut at = PIECE_BYTES;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..].find(' ').map_or(text.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Rating;

    fn render(review: &Review, width: usize) -> String {
        let mut out = Vec::new();
        write(&mut out, review, width, Painter { enabled: false }).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn aligned_labels_and_wrapped_body() {
        let review = Review {
            title: "Rust and Bone".into(),
            year: Some(2012),
            directed_by: vec!["Jacques Audiard".into()],
            rating: Some(Rating {
                code: "R".into(),
                reason: Some("for strong sexual content".into()),
            }),
            runtime: Some(120),
            body: Some(
                "\n\nOne two three four five six seven eight nine ten.\n\n\n\nNext.\n".into(),
            ),
            ..Review::default()
        };
        assert_eq!(
            render(&review, 24),
            "Rust and Bone (2012)\n\nDirected by  Jacques\n             Audiard\nRating       R (for\n             strong\n             sexual\n             content)\nRuntime      120 min\n\nOne two three four five\nsix seven eight nine\nten.\n\nNext.\n"
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_reflow_but_lists_keep_their_lines() {
        let review = Review {
            title: "X".into(),
            body: Some("one two\nthree four\n\n- item one\n- item two\n\n    code  here\n".into()),
            ..Review::default()
        };
        assert_eq!(
            render(&review, 40),
            "X\n\none two three four\n\n- item one\n- item two\n\n    code  here\n"
        );
    }

    #[test]
    fn indents_are_capped_at_a_quarter_of_the_width() {
        let review = Review {
            title: "X".into(),
            body: Some(format!(
                "{}- one two three four five six\n",
                "\t".repeat(10_000)
            )),
            ..Review::default()
        };
        assert_eq!(
            render(&review, 40),
            "X\n\n          - one two three four five six\n"
        );
    }

    #[test]
    fn a_long_paragraph_wraps_as_if_whole() {
        let words: Vec<String> = (0..60_000).map(|i| format!("w{}", i % 997)).collect();
        let text = words.join(" ");
        let review = Review {
            title: "X".into(),
            body: Some(text.clone()),
            ..Review::default()
        };
        let options = textwrap::Options::new(60)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        let whole: Vec<_> = textwrap::wrap(&text, &options)
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(text.len() > 3 * PIECE_BYTES);
        assert_eq!(render(&review, 60), format!("X\n\n{}", whole.concat()));
    }

    #[test]
    fn colour_only_when_enabled() {
        let review = Review {
            title: "X".into(),
            ..Review::default()
        };
        let mut out = Vec::new();
        write(&mut out, &review, 80, Painter { enabled: true }).unwrap();
        assert!(out.starts_with(b"\x1b[1mX"));
        assert!(!render(&review, 80).contains('\x1b'));
    }
}
