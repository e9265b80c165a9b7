//! Markdown bodies, parsed by pulldown-cmark a piece at a time and rendered.

use std::io;

use pulldown_cmark::{Alignment, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::table::Align;
use super::{Container, Origin, Renderer, Span, html};

/// A body is parsed in pieces of about this size, cut at a blank line outside a fenced code
/// block: the parser holds a piece's events, so a piece bounds its memory.
const PIECE_BYTES: usize = 64 << 10;
/// A piece with no blank line to cut at is cut at a line's end, or a space, past this.
const MAX_PIECE_BYTES: usize = 256 << 10;

/// The pieces of `body`, in order; together they are the whole body.
pub(super) fn chunks(body: &str) -> impl Iterator<Item = &str> {
    let mut rest = body;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = cut(rest);
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

/// Where the first piece of `text` ends.
fn cut(text: &str) -> usize {
    if text.len() <= PIECE_BYTES {
        return text.len();
    }
    let mut fence: Option<(u8, usize)> = None;
    let mut start = 0;
    while start < text.len() {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i + 1);
        if end > MAX_PIECE_BYTES {
            // No blank line in reach: the end of a line, else a space, else any character.
            if start > 0 {
                return start;
            }
            let mut at = MAX_PIECE_BYTES.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return text[..at]
                .rfind(' ')
                .filter(|&i| i > 0)
                .map_or(at, |i| i + 1);
        }
        let line = &text[start..end];
        let trimmed = line.trim_start_matches(' ');
        let marker = trimmed.bytes().next().filter(|b| matches!(b, b'`' | b'~'));
        if let Some(b) = marker {
            let run = trimmed.bytes().take_while(|&c| c == b).count();
            match fence {
                None if run >= 3 => fence = Some((b, run)),
                Some((open, len))
                    if open == b && run >= len && trimmed[run..].trim().is_empty() =>
                {
                    fence = None
                }
                _ => {}
            }
        }
        if fence.is_none() && end >= PIECE_BYTES && line.trim().is_empty() {
            return end;
        }
        start = end;
    }
    text.len()
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_WIKILINKS
}

/// Render one piece of a body.
pub(super) fn render(piece: &str, to: &mut Renderer<'_>) -> io::Result<()> {
    const MD: Origin = Origin::Markdown;
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
        let pieces: Vec<&str> = chunks(&body).collect();
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
        let pieces: Vec<&str> = chunks(&body).collect();
        assert_eq!(pieces.concat(), body);
        assert!(
            pieces
                .iter()
                .all(|p| p.len() <= MAX_PIECE_BYTES && p.ends_with(' '))
        );
        let unbroken = "x".repeat(600_000);
        assert_eq!(chunks(&unbroken).count(), 3);
    }
}
