//! Markdown bodies, parsed by pulldown-cmark a piece at a time and rendered.

use std::borrow::Cow;
use std::io;

use pulldown_cmark::{Alignment, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::table::Align;
use super::{Container, Origin, Renderer, Span, html};

/// A body is parsed in pieces of about this size, cut at a blank line outside a fenced code
/// block: the parser holds a piece's events, so a piece bounds its memory.
const PIECE_BYTES: usize = 64 << 10;
/// A piece with no blank line to cut at is cut at a line's end, or a space, past this.
const MAX_PIECE_BYTES: usize = 256 << 10;

/// A piece of a body to parse on its own.
pub(crate) struct Piece<'a> {
    pub(crate) text: Cow<'a, str>,
    /// The piece was cut from the one before inside a block (no blank line to cut at): its first
    /// block goes on from that one's last, with no gap.
    pub(super) joined: bool,
}

/// The pieces of `body`, in order; together they are the whole body, but for what a piece cut
/// inside a block starts with so that the block goes on: a code fence's opening line, or a
/// table's header and delimiter rows.
pub(crate) fn pieces(body: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = body;
    let mut carry: Option<String> = None;
    let mut joined = false;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = cut(rest);
        let (piece, after) = rest.split_at(cut.at);
        rest = after;
        let text = match carry.take() {
            Some(mut opening) => {
                opening.push_str(piece);
                Cow::Owned(opening)
            }
            None => Cow::Borrowed(piece),
        };
        let out = Piece { text, joined };
        joined = !cut.at_blank_line;
        carry = cut.carry;
        Some(out)
    })
}

/// Where the first piece of a text ends, and what the next must start with.
struct Cut {
    at: usize,
    at_blank_line: bool,
    carry: Option<String>,
}

/// Where the first piece of `text` ends.
fn cut(text: &str) -> Cut {
    let whole = Cut {
        at: text.len(),
        at_blank_line: true,
        carry: None,
    };
    if text.len() <= PIECE_BYTES {
        return whole;
    }
    // The open fence (its character, length and opening line), and the open table's header.
    let mut fence: Option<(u8, usize, &str)> = None;
    let mut table: Option<&str> = None;
    let mut previous = "";
    let mut start = 0;
    while start < text.len() {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i + 1);
        if end > MAX_PIECE_BYTES {
            // No blank line in reach: the end of a line, else a space, else any character.
            let carry = fence.map(|(_, _, opening)| opening).or(table);
            let at = if start > 0 {
                start
            } else {
                cut_in_line(&text[..MAX_PIECE_BYTES.min(text.len())])
            };
            return Cut {
                at,
                at_blank_line: false,
                carry: carry.map(|c| c.to_string()),
            };
        }
        let line = &text[start..end];
        let trimmed = line.trim_start_matches(' ');
        let marker = trimmed.bytes().next().filter(|b| matches!(b, b'`' | b'~'));
        if let Some(b) = marker {
            let run = trimmed.bytes().take_while(|&c| c == b).count();
            match fence {
                None if run >= 3 => fence = Some((b, run, line)),
                Some((open, len, _))
                    if open == b && run >= len && trimmed[run..].trim().is_empty() =>
                {
                    fence = None
                }
                _ => {}
            }
        }
        if fence.is_none() {
            let delimiter = line.contains('-')
                && line
                    .trim()
                    .bytes()
                    .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'));
            if delimiter && previous.contains('|') {
                let header_start = start - previous.len();
                table = Some(&text[header_start..end]);
            } else if !line.contains('|') {
                table = None;
            }
        }
        if fence.is_none() && end >= PIECE_BYTES && line.trim().is_empty() {
            return Cut { at: end, ..whole };
        }
        previous = line;
        start = end;
    }
    whole
}

/// Where to cut a line too long for a piece: after its last space outside an HTML tag, else its
/// last space, else its last character boundary.
fn cut_in_line(line: &str) -> usize {
    let (mut outside, mut any) = (0, 0);
    let mut in_tag = false;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/') =>
            {
                in_tag = true
            }
            b'>' => in_tag = false,
            b' ' => {
                any = i + 1;
                if !in_tag {
                    outside = i + 1;
                }
            }
            _ => {}
        }
    }
    if outside > 0 {
        return outside;
    }
    if any > 0 {
        return any;
    }
    let mut at = line.len();
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The Markdown `show` reads: CommonMark with tables, strikethrough, footnotes, task lists and
/// wiki links.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_WIKILINKS
}

/// Render one piece of a body.
pub(super) fn render(piece: &str, joined: bool, to: &mut Renderer<'_>) -> io::Result<()> {
    const MD: Origin = Origin::Markdown;
    if joined {
        to.join();
    }
    // An HTML block arrives a line at a time: it is read whole, so that a tag may span lines.
    let mut html_block: Option<String> = None;
    for event in Parser::new_ext(piece, options()) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => to.paragraph()?,
                Tag::Heading { level, .. } => to.heading(level as u8, MD)?,
                Tag::BlockQuote(_) => to.open(Container::Quote, MD)?,
                Tag::CodeBlock(_) => to.open_code()?,
                Tag::HtmlBlock => html_block = Some(String::new()),
                Tag::List(start) => to.open(Container::List(start), MD)?,
                Tag::Item => to.open_item(MD)?,
                Tag::FootnoteDefinition(label) => to.open_footnote(&label)?,
                Tag::Table(alignments) => to.open_table(alignments.iter().map(align).collect())?,
                Tag::TableHead => {
                    if let Some(t) = to.table() {
                        t.start_head();
                    }
                }
                Tag::TableRow => {
                    if let Some(t) = to.table() {
                        t.start_row();
                    }
                }
                Tag::TableCell => {
                    if let Some(t) = to.table() {
                        t.start_cell();
                    }
                }
                Tag::Emphasis => to.push_span(Span::Emphasis, MD)?,
                Tag::Strong => to.push_span(Span::Strong, MD)?,
                Tag::Strikethrough => to.push_span(Span::Strike, MD)?,
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                } => {
                    // An autolink's text is its address; a wiki link's address is a note's name.
                    let shown = !matches!(
                        link_type,
                        LinkType::Autolink | LinkType::Email | LinkType::WikiLink { .. }
                    );
                    to.link(&dest_url, shown, MD)?;
                }
                Tag::Image { .. } => to.push_span(Span::Image { has_alt: false }, MD)?,
                Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::Superscript
                | Tag::Subscript
                | Tag::MetadataBlock(_) => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => to.paragraph()?,
                TagEnd::Heading(_) => to.end_heading(MD)?,
                TagEnd::BlockQuote(_) => to.close(&Container::Quote, MD)?,
                TagEnd::CodeBlock => to.end_code()?,
                TagEnd::HtmlBlock => {
                    if let Some(block) = html_block.take() {
                        html::render(&block, to)?;
                    }
                }
                TagEnd::List(_) => to.close(&Container::List(None), MD)?,
                TagEnd::Item | TagEnd::FootnoteDefinition => {
                    to.close(&Container::any_item(), MD)?
                }
                TagEnd::Table => to.end_table()?,
                TagEnd::TableHead => {
                    if let Some(t) = to.table() {
                        t.end_head();
                    }
                }
                TagEnd::TableCell => to.table_cell_ended()?,
                TagEnd::TableRow => {}
                TagEnd::Emphasis => to.pop_span(&Span::Emphasis, MD)?,
                TagEnd::Strong => to.pop_span(&Span::Strong, MD)?,
                TagEnd::Strikethrough => to.pop_span(&Span::Strike, MD)?,
                TagEnd::Link => to.pop_span(&Span::any_link(), MD)?,
                TagEnd::Image => to.pop_span(&Span::Image { has_alt: false }, MD)?,
                TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::MetadataBlock(_) => {}
            },
            Event::Text(text) => to.text(&text)?,
            Event::Code(code) => to.inline_code(&code, MD)?,
            Event::InlineMath(math) | Event::DisplayMath(math) => to.inline_code(&math, MD)?,
            Event::Html(text) => match html_block.as_mut() {
                Some(block) => block.push_str(&text),
                None => html::render(&text, to)?,
            },
            Event::InlineHtml(text) => html::render(&text, to)?,
            Event::FootnoteReference(label) => to.footnote_reference(&label)?,
            Event::SoftBreak => to.text(" ")?,
            Event::HardBreak => to.hard_break()?,
            Event::Rule => to.rule()?,
            Event::TaskListMarker(done) => to.text(if done { "[x] " } else { "[ ] " })?,
        }
    }
    if let Some(block) = html_block {
        html::render(&block, to)?;
    }
    Ok(())
}

fn align(alignment: &Alignment) -> Align {
    match alignment {
        Alignment::None | Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_cut_at_blank_lines_outside_fences_and_lose_nothing() {
        let paragraph = "word ".repeat(200) + "\n\n";
        let mut body = paragraph.repeat(100);
        body.push_str("```\n");
        body.push_str(&"code\n\n".repeat(20_000));
        body.push_str("```\n\nend\n");
        let pieces: Vec<String> = pieces(&body).map(|p| p.text.into_owned()).collect();
        assert_eq!(pieces.concat(), body);
        assert!(pieces.len() > 2);
        for piece in &pieces {
            assert!(piece.len() <= MAX_PIECE_BYTES, "{}", piece.len());
            // A fence is never split unless it is longer than a piece.
            assert!(
                piece.ends_with("\n\n") || piece.ends_with("end\n") || piece.len() > PIECE_BYTES
            );
        }
    }

    #[test]
    fn a_body_with_no_line_breaks_is_cut_at_spaces() {
        let body = "word ".repeat(200_000);
        let cut: Vec<String> = pieces(&body).map(|p| p.text.into_owned()).collect();
        assert_eq!(cut.concat(), body);
        assert!(
            cut.iter()
                .all(|p| p.len() <= MAX_PIECE_BYTES && p.ends_with(' '))
        );
        let unbroken = "x".repeat(600_000);
        assert_eq!(pieces(&unbroken).count(), 3);
        // Not inside a tag, when there is a space outside one.
        let html =
            "word ".repeat(52_420) + "<a href=\"https://e.org\" title=\"a b\">link</a> after";
        let first = pieces(&html).next().unwrap().text;
        assert!(first.ends_with("word "), "{}", &first[first.len() - 20..]);
    }

    #[test]
    fn a_fence_or_table_cut_inside_goes_on_in_the_next_piece() {
        let code = format!("```\n{}```\n", "x = 1\n".repeat(60_000));
        let cut: Vec<Piece<'_>> = pieces(&code).collect();
        assert!(cut.len() > 1);
        assert!(cut[1].joined && cut[1].text.starts_with("```\nx = 1\n"));
        let table = format!("| a | b |\n|---|---|\n{}", "| x | y |\n".repeat(40_000));
        let cut: Vec<Piece<'_>> = pieces(&table).collect();
        assert!(cut[1].joined && cut[1].text.starts_with("| a | b |\n|---|---|\n| x | y |"));
    }
}
