//! A review's body as prose: plain lines and paragraphs, Markdown and HTML both read. For
//! Letterboxd's review text, with only the tags it shows (`<b>`, `<i>`, `<a href>`,
//! `<blockquote>`): headings become bold lines, lists and table rows lines of their own,
//! footnotes numbered lines at the end, and any other markup its text. For `search`'s snippets,
//! the same without tags or list markers, each block a paragraph of its own.

mod html;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use crate::output::body::{is_web_address, markdown_options, pieces};

/// `body` as Letterboxd review text. Windows line endings are line endings.
pub(crate) fn letterboxd(body: &str) -> String {
    prose(body, true)
}

/// `body` as plain paragraphs, one per block (a heading, an item, a table row), without markup.
pub(crate) fn plain(body: &str) -> String {
    prose(body, false)
}

fn prose(body: &str, tags: bool) -> String {
    let body = body.replace("\r\n", "\n");
    let mut text = Text::new(tags);
    // A piece at a time, as `show` parses, so that the parser's memory stays bounded.
    for piece in pieces(&body) {
        for event in Parser::new_ext(&piece.text, markdown_options()) {
            text.event(event);
        }
        text.flush();
    }
    text.finish()
}

/// A block of text, and whether it follows the one before on the next line (a list item, a
/// table row) rather than after a blank line.
struct Block {
    text: String,
    tight: bool,
}

struct Text {
    /// Letterboxd's tags and list markers are written; without them each block is a paragraph.
    tags: bool,
    /// Blocks made so far, the whole text's first; a quote or a footnote collects its own, then
    /// becomes one block.
    levels: Vec<Vec<Block>>,
    /// The block being written.
    line: String,
    /// Its first line follows the block before it closely.
    tight: bool,
    /// The indent of a nested list's item.
    indent: usize,
    /// Open lists: the next number (`None` for bullets), and how many items so far.
    lists: Vec<(Option<u64>, usize)>,
    /// Rows of the table being read so far.
    rows: usize,
    /// Inside a table: the cells of the row so far.
    cells: Option<Vec<String>>,
    /// Inside an image: its alt text is collected, not written.
    image: Option<String>,
    /// Links open, and whether each was written as a tag.
    links: Vec<bool>,
    /// Footnote labels in the order first referred to, and each one's text.
    footnotes: Vec<(String, Option<String>)>,
    /// Inside an HTML element whose content is not text (`<script>`, `<style>`).
    dropped: usize,
    /// An HTML list has begun and has no item yet.
    html_list_opened: bool,
}

impl Text {
    fn new(tags: bool) -> Text {
        Text {
            tags,
            levels: vec![Vec::new()],
            line: String::new(),
            tight: false,
            indent: 0,
            lists: Vec::new(),
            rows: 0,
            cells: None,
            image: None,
            links: Vec::new(),
            footnotes: Vec::new(),
            dropped: 0,
            html_list_opened: false,
        }
    }

    /// The blocks of the innermost quote or footnote open, else of the whole text.
    fn blocks(&mut self) -> &mut Vec<Block> {
        self.levels
            .last_mut()
            .expect("the whole text's level is never closed")
    }

    /// End the block being written, if it holds anything.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.line);
        let text = text.trim();
        if !text.is_empty() {
            let tight = self.tight;
            let text = format!("{}{text}", "  ".repeat(self.indent));
            self.blocks().push(Block { text, tight });
        }
        self.tight = false;
        self.indent = 0;
    }

    /// Markup for Letterboxd, left out of plain prose.
    fn tag(&mut self, tag: &str) {
        if self.tags {
            self.push(tag);
        }
    }

    /// Text, escaped where Letterboxd could read it as markup.
    fn text(&mut self, text: &str) {
        if self.tags {
            self.push(&escape(text));
        } else {
            self.push(text);
        }
    }

    fn push(&mut self, text: &str) {
        if let Some(alt) = self.image.as_mut() {
            alt.push_str(text);
        } else if let Some(cell) = self.cells.as_mut().and_then(|c| c.last_mut()) {
            cell.push_str(text);
        } else {
            self.line.push_str(text);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html),
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            Event::Rule => self.flush(),
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(label) => {
                let n = self.footnote(&label);
                self.push(&format!("[{n}]"));
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            // An item's paragraphs are one line.
            Tag::Paragraph if !self.lists.is_empty() => {
                let joined = self.line.is_empty() || self.line.ends_with(' ');
                if !joined {
                    self.push(" ");
                }
            }
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock if self.lists.is_empty() => {
                self.flush()
            }
            Tag::Heading { .. } => {
                self.flush();
                self.tag("<b>");
            }
            Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) => {
                self.flush();
                self.levels.push(Vec::new());
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push((start, 0));
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let Some((number, items)) = self.lists.last_mut() else {
                    return;
                };
                let marker = match number {
                    Some(n) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    None => "- ".to_string(),
                };
                if !self.tags {
                    return;
                }
                // A list stands apart from the paragraph before it; a nested one follows its item.
                let tight = *items > 0 || depth > 0;
                *items += 1;
                self.line = marker;
                self.indent = depth.min(8);
                self.tight = tight;
            }
            Tag::Table(_) => {
                self.flush();
                self.rows = 0;
            }
            Tag::TableHead | Tag::TableRow => self.cells = Some(Vec::new()),
            Tag::TableCell => {
                if let Some(cells) = self.cells.as_mut() {
                    cells.push(String::new());
                }
            }
            Tag::Emphasis => self.tag("<i>"),
            Tag::Strong => self.tag("<b>"),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let linked =
                    !matches!(link_type, LinkType::WikiLink { .. }) && is_web_address(&dest_url);
                if linked {
                    self.tag(&format!("<a href=\"{}\">", escape_attribute(&dest_url)));
                }
                self.links.push(linked);
            }
            Tag::Image { .. } => self.image = Some(String::new()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock if self.lists.is_empty() => {
                self.flush()
            }
            TagEnd::Heading(_) => {
                self.tag("</b>");
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                let inner = self.close_level();
                if !inner.is_empty() {
                    self.line = if self.tags {
                        format!("<blockquote>{inner}</blockquote>")
                    } else {
                        inner
                    };
                }
                self.flush();
            }
            TagEnd::FootnoteDefinition => {
                let inner = self.close_level().replace("\n\n", " ");
                // The definition's label is the latest one opened and not yet given text.
                if let Some(note) = self.footnotes.iter_mut().rev().find(|(_, t)| t.is_none()) {
                    note.1 = Some(inner);
                }
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => self.flush(),
            TagEnd::TableHead | TagEnd::TableRow => {
                let cells = self.cells.take().unwrap_or_default();
                let row: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
                self.flush();
                self.line = row.join(" · ");
                self.tight = self.rows > 0;
                self.rows += 1;
                self.flush();
            }
            TagEnd::Emphasis => self.tag("</i>"),
            TagEnd::Strong => self.tag("</b>"),
            TagEnd::Link => {
                let linked = self.links.pop() == Some(true);
                if linked {
                    self.tag("</a>");
                }
            }
            TagEnd::Image => {
                if let Some(alt) = self.image.take().filter(|a| !a.trim().is_empty()) {
                    self.push(&format!("[image: {}]", alt.trim()));
                }
            }
            _ => {}
        }
    }

    /// Close a quote's or a footnote's blocks into one text.
    fn close_level(&mut self) -> String {
        self.flush();
        let blocks = if self.levels.len() > 1 {
            self.levels.pop().unwrap_or_default()
        } else {
            Vec::new()
        };
        join(&blocks, self.tags)
    }

    fn footnote(&mut self, label: &str) -> usize {
        match self.footnotes.iter().position(|(l, _)| l == label) {
            Some(i) => i + 1,
            None => {
                self.footnotes.push((label.to_string(), None));
                self.footnotes.len()
            }
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        // Quotes or footnotes left open end here.
        while self.levels.len() > 1 {
            let inner = self.close_level();
            self.line = inner;
            self.flush();
        }
        let notes: Vec<Block> = std::mem::take(&mut self.footnotes)
            .into_iter()
            .enumerate()
            .map(|(i, (_, text))| Block {
                text: format!("[{}] {}", i + 1, text.unwrap_or_default()),
                tight: i > 0,
            })
            .collect();
        self.blocks().extend(notes);
        join(self.levels.first().map_or(&[][..], |b| &b[..]), self.tags)
    }
}

/// The blocks as lines (a tight block follows on the next line, with tags) and paragraphs.
fn join(blocks: &[Block], tight: bool) -> String {
    let mut text = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            text.push_str(if tight && block.tight { "\n" } else { "\n\n" });
        }
        text.push_str(&block.text);
    }
    text
}

/// Only what could be read as markup is escaped: a `<` before a tag's name and a `&` before an
/// entity's, so that ordinary text (`<3`, `R&D`) reads as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match c {
            '<' if next
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("&lt;")
            }
            '&' if looks_like_entity(chars.clone()) => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after a `&` would be read as an entity: a name or number, then `;`.
fn looks_like_entity(rest: impl Iterator<Item = char>) -> bool {
    let mut length = 0;
    for c in rest.take(33) {
        match c {
            ';' => return length > 0,
            '#' if length == 0 => {}
            c if c.is_ascii_alphanumeric() => length += 1,
            _ => return false,
        }
    }
    false
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests;
