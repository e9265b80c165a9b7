//! A review's body rendered for reading: Markdown and HTML parsed, then written through one
//! renderer that sanitises, styles and wraps. Piped, the same rendering without styles.
//!
//! Every resource the body drives is bounded: it is parsed a piece at a time
//! ([`markdown::pieces`]), nesting is kept to [`MAX_DEPTH`] levels, the prefix of quote bars and
//! list markers to a quarter of the width, a table to [`table::MAX_CELLS`] cells before it is
//! written, and footnotes to [`MAX_FOOTNOTES`] numbers.

mod html;
mod lines;
mod markdown;
mod table;

use std::collections::HashMap;
use std::io::{self, Write};
use std::rc::Rc;

use anstyle::Style;

pub(crate) use self::lines::width_of;
use self::lines::{Filler, Line, Look, break_code};
use self::table::Table;
use super::style::Painter;
use crate::terminal::clean;

/// How the body may be written: styles, and links as OSC 8 hyperlinks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ink {
    pub(crate) painter: Painter,
    /// Write links as OSC 8 hyperlinks (only with colour, on a terminal known to show them).
    pub(crate) hyperlinks: bool,
}

impl Ink {
    pub(crate) fn new(color: bool, hyperlinks: bool) -> Self {
        Ink {
            painter: Painter { enabled: color },
            hyperlinks: color && hyperlinks,
        }
    }
}

/// Containers and spans deeper than this are read but not drawn: their text is kept.
const MAX_DEPTH: usize = 32;
/// Footnotes numbered; references past this are shown as `[*]`.
const MAX_FOOTNOTES: usize = 10_000;
/// A link's address is an OSC 8 hyperlink only up to this length.
const MAX_HYPERLINK_BYTES: usize = 2048;
/// The largest list number drawn (CommonMark allows nine digits).
pub(super) const MAX_ITEM_NUMBER: u64 = 999_999_999;
/// Code blocks are indented this much inside their container.
const CODE_INDENT: usize = 4;

const DIM: Style = Style::new().dimmed();

/// Write `body` rendered, `width` columns wide.
pub(crate) fn write(w: &mut dyn Write, body: &str, width: usize, ink: Ink) -> io::Result<()> {
    let mut renderer = Renderer::new(w, width, ink);
    for piece in markdown::pieces(body) {
        // Escape sequences go whole, before the parser can split one across its events; what
        // an entity decodes to is cleaned again as text.
        markdown::render(&clean(&piece.text, true), piece.joined, &mut renderer)?;
    }
    renderer.finish()
}

/// Where an element came from: Markdown's are balanced, HTML's may be left open or closed twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Markdown,
    Html,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Container {
    Quote,
    /// A list, numbered from this when it is ordered.
    List(Option<u64>),
    /// A list item or footnote: its marker, and whether the marker's line has been written.
    Item {
        marker: String,
        written: bool,
    },
}

impl Container {
    /// Any item, to close the innermost one.
    fn any_item() -> Self {
        Container::Item {
            marker: String::new(),
            written: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Span {
    Emphasis,
    Strong,
    Strike,
    Heading(u8),
    /// A link: its address (cleaned), whether to show it after the text or make the text an
    /// OSC 8 hyperlink to it, and the text so far.
    Link {
        address: String,
        show: bool,
        hyperlink: bool,
        text: String,
        /// Something visible has been written inside it.
        wrote: bool,
    },
    Image {
        has_alt: bool,
    },
    Code,
}

impl Span {
    /// Any link, to close the innermost one.
    fn any_link() -> Self {
        Span::Link {
            address: String::new(),
            show: false,
            hyperlink: false,
            text: String::new(),
            wrote: false,
        }
    }
}

/// A code block being written: the line not yet ended, and whether a line has been written
/// (blank lines before the first are dropped, as after `<pre>`).
#[derive(Debug, Default)]
struct Code {
    line: String,
    started: bool,
    /// Blank lines met since the last line of code.
    blanks: usize,
}

pub(crate) struct Renderer<'w> {
    w: &'w mut dyn Write,
    width: usize,
    ink: Ink,
    containers: Vec<(Container, Origin)>,
    /// Containers opened past [`MAX_DEPTH`] and not kept, by origin (Markdown, HTML): each
    /// origin's closes are matched against its own.
    containers_past: [usize; 2],
    spans: Vec<(Span, Origin)>,
    spans_past: [usize; 2],
    look: Look,
    /// The paragraph being filled, when one is.
    filler: Option<Filler>,
    /// Lines written in the current paragraph (blank lines are only written between two).
    filled: usize,
    blank_pending: bool,
    /// Made lines waiting to be written.
    made: Vec<Line>,
    /// A blank line is due before the next block.
    gap: bool,
    /// The next block goes on from the last: no gap before it.
    joined: bool,
    wrote: bool,
    code: Option<Code>,
    /// Inside `<script>`, `<style>` and the like: their text is dropped.
    dropping: usize,
    table: Option<Table>,
    footnotes: HashMap<String, usize>,
}

impl<'w> Renderer<'w> {
    fn new(w: &'w mut dyn Write, width: usize, ink: Ink) -> Self {
        Renderer {
            w,
            width: width.max(20),
            ink,
            containers: Vec::new(),
            containers_past: [0; 2],
            spans: Vec::new(),
            spans_past: [0; 2],
            look: Look::default(),
            filler: None,
            filled: 0,
            blank_pending: false,
            made: Vec::new(),
            gap: false,
            joined: false,
            wrote: false,
            code: None,
            dropping: 0,
            table: None,
            footnotes: HashMap::new(),
        }
    }

    // Blocks.

    /// End the paragraph being filled, if any.
    fn flush(&mut self) -> io::Result<()> {
        if let Some(mut filler) = self.filler.take() {
            filler.finish(&mut self.made);
            self.write_made()?;
            // Text straight in a list item (a tight list) runs on to the next item unbroken.
            if !matches!(self.containers.last(), Some((Container::Item { .. }, _))) {
                self.gap = true;
            }
        }
        self.filled = 0;
        self.blank_pending = false;
        Ok(())
    }

    /// The next block goes on from the last one (the body was cut into pieces inside it).
    fn join(&mut self) {
        self.joined = true;
    }

    /// Write a blank line if one is due before the next block.
    fn separate(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.joined) {
            self.gap = false;
        }
        if self.gap && self.wrote {
            self.blank()?;
        }
        self.gap = false;
        Ok(())
    }

    /// A block boundary: `<p>`, `<div>`, the end of a paragraph or heading.
    fn paragraph(&mut self) -> io::Result<()> {
        self.end_html_spans()?;
        let had_text = self.filler.is_some();
        self.flush()?;
        if had_text {
            self.gap = true;
        }
        Ok(())
    }

    /// Spans left open by HTML end with their block (a link still shows its address).
    fn end_html_spans(&mut self) -> io::Result<()> {
        while let Some(at) = self.spans.iter().rposition(|(_, o)| *o == Origin::Html) {
            let like = self.spans[at].0.clone();
            self.pop_span(&like, Origin::Html)?;
        }
        self.spans_past[Origin::Html as usize] = 0;
        Ok(())
    }

    fn open(&mut self, container: Container, origin: Origin) -> io::Result<()> {
        self.end_table()?;
        self.end_html_spans()?;
        self.flush()?;
        self.separate()?;
        if self.containers.len() >= MAX_DEPTH {
            self.containers_past[origin as usize] += 1;
        } else {
            self.containers.push((container, origin));
        }
        Ok(())
    }

    /// Close the innermost container like `like` (by kind) from `origin`, and any inside it.
    fn close(&mut self, like: &Container, origin: Origin) -> io::Result<()> {
        self.end_table()?;
        self.end_html_spans()?;
        self.flush()?;
        let Some(at) = innermost(&self.containers, &mut self.containers_past, like, origin) else {
            return Ok(());
        };
        while self.containers.len() > at {
            // An empty item still shows its marker.
            if let Some((Container::Item { written: false, .. }, _)) = self.containers.last() {
                self.write_line(&Line::marker_only())?;
            }
            let (closed, _) = self.containers.pop().expect("checked above");
            // A list or quote inside a list item runs on to the next item, as text does.
            let in_item = matches!(self.containers.last(), Some((Container::Item { .. }, _)));
            if !matches!(closed, Container::Item { .. }) && !in_item {
                self.gap = true;
            }
        }
        Ok(())
    }

    /// Open a list item, with the marker its list gives it next.
    fn open_item(&mut self, origin: Origin) -> io::Result<()> {
        let depth = self
            .containers
            .iter()
            .filter(|(c, _)| matches!(c, Container::List(_)))
            .count();
        let marker = match self.containers.iter_mut().rev().find_map(|(c, _)| match c {
            Container::List(number) => Some(number),
            _ => None,
        }) {
            Some(Some(number)) => {
                let marker = format!("{number}.");
                // Markdown's numbers have at most nine digits: the marker's width is bounded.
                *number = number.saturating_add(1).min(MAX_ITEM_NUMBER);
                marker
            }
            _ => ["•", "◦", "▪"][depth.saturating_sub(1) % 3].to_string(),
        };
        self.open(
            Container::Item {
                marker,
                written: false,
            },
            origin,
        )
    }

    /// The innermost open item is from HTML (a `<li>` not closed before the next).
    fn in_html_item(&self) -> bool {
        matches!(
            self.containers.last(),
            Some((Container::Item { .. }, Origin::Html))
        )
    }

    fn footnote_number(&mut self, label: &str) -> Option<usize> {
        if let Some(&n) = self.footnotes.get(label) {
            return Some(n);
        }
        if self.footnotes.len() >= MAX_FOOTNOTES {
            return None;
        }
        let n = self.footnotes.len() + 1;
        self.footnotes.insert(label.to_string(), n);
        Some(n)
    }

    fn footnote_marker(label: Option<usize>) -> String {
        label.map_or_else(|| "[*]".to_string(), |n| format!("[{n}]"))
    }

    /// A footnote's reference in the text: its number.
    fn footnote_reference(&mut self, label: &str) -> io::Result<()> {
        let marker = Self::footnote_marker(self.footnote_number(label));
        let look = std::mem::take(&mut self.look);
        self.look.style = DIM;
        self.text(&marker)?;
        self.look = look;
        Ok(())
    }

    fn open_footnote(&mut self, label: &str) -> io::Result<()> {
        let marker = Self::footnote_marker(self.footnote_number(label));
        self.gap = true;
        self.open(
            Container::Item {
                marker,
                written: false,
            },
            Origin::Markdown,
        )
    }

    fn heading(&mut self, level: u8, origin: Origin) -> io::Result<()> {
        self.paragraph()?;
        self.push_span(Span::Heading(level), origin)
    }

    fn end_heading(&mut self, origin: Origin) -> io::Result<()> {
        self.pop_span(&Span::Heading(0), origin)?;
        self.flush()?;
        self.gap = true;
        Ok(())
    }

    fn rule(&mut self) -> io::Result<()> {
        self.paragraph()?;
        self.separate()?;
        let mut line = Line::default();
        let look = Look {
            style: DIM,
            link: None,
        };
        for _ in 0..self.text_width() {
            line.push('─', &look);
        }
        self.write_line(&line)?;
        self.gap = true;
        Ok(())
    }

    fn open_code(&mut self) -> io::Result<()> {
        self.paragraph()?;
        self.end_code()?;
        self.code = Some(Code::default());
        Ok(())
    }

    fn code_text(&mut self, text: &str) -> io::Result<()> {
        let Some(mut code) = self.code.take() else {
            return Ok(());
        };
        let mut rest = text;
        while let Some(end) = rest.find('\n') {
            code.line.push_str(&rest[..end]);
            self.end_code_line(&mut code)?;
            rest = &rest[end + 1..];
        }
        code.line.push_str(rest);
        // A line with no end in sight is written in pieces, so that it is never held whole.
        if code.line.len() > 1 << 16 {
            self.end_code_line(&mut code)?;
        }
        self.code = Some(code);
        Ok(())
    }

    /// Write the line of code read so far; blank lines are written only between lines of code.
    fn end_code_line(&mut self, code: &mut Code) -> io::Result<()> {
        if code.line.trim().is_empty() {
            code.blanks += usize::from(code.started);
        } else {
            if !code.started {
                self.separate()?;
                code.started = true;
            }
            for _ in 0..std::mem::take(&mut code.blanks) {
                self.write_line(&Line::default())?;
            }
            self.code_line(&code.line)?;
        }
        code.line.clear();
        Ok(())
    }

    /// One line of code: its own indent kept (with the code's, up to a quarter of the width), cut
    /// at the width.
    fn code_line(&mut self, line: &str) -> io::Result<()> {
        let line = clean(&line.replace('\t', "    "), false).into_owned();
        let line = line.trim_end();
        let text = line.trim_start();
        let indent = (line.len() - text.len()).min((self.width / 4 - CODE_INDENT).max(CODE_INDENT));
        // The pad gives way first: at least two columns (one wide character) are left for code.
        let room = self.text_width();
        let pad = (CODE_INDENT + indent).min(room.saturating_sub(2));
        let look = Look {
            style: DIM,
            link: None,
        };
        for piece in break_code(text, room - pad) {
            // Spaces where a line is cut would only trail.
            let piece = piece.trim_end();
            let mut made = Line::default();
            if !piece.is_empty() {
                for _ in 0..pad {
                    made.push(' ', &Look::default());
                }
            }
            for c in piece.chars() {
                made.push(c, &look);
            }
            self.write_line(&made)?;
        }
        Ok(())
    }

    fn end_code(&mut self) -> io::Result<()> {
        if let Some(mut code) = self.code.take() {
            self.end_code_line(&mut code)?;
            if code.started {
                self.gap = true;
            }
        }
        Ok(())
    }

    fn open_table(&mut self, alignments: Vec<table::Align>) -> io::Result<()> {
        self.paragraph()?;
        self.end_table()?;
        self.separate()?;
        self.table = Some(Table::new(alignments));
        Ok(())
    }

    fn table(&mut self) -> Option<&mut Table> {
        self.table.as_mut()
    }

    /// Write the table being read, if any.
    fn end_table(&mut self) -> io::Result<()> {
        if let Some(table) = self.table.take() {
            self.made = table.render(self.text_width());
            self.write_made()?;
            self.gap = true;
        }
        Ok(())
    }

    /// Write a table that has grown past its bound, and go on with its rows as a new one.
    fn table_cell_ended(&mut self) -> io::Result<()> {
        if self.table.as_ref().is_some_and(Table::is_full) {
            let alignments = self
                .table
                .as_ref()
                .map(Table::alignments)
                .unwrap_or_default();
            self.end_table()?;
            self.table = Some(Table::new(alignments));
        }
        Ok(())
    }

    fn start_dropping(&mut self) {
        self.dropping += 1;
    }

    fn stop_dropping(&mut self) {
        self.dropping = self.dropping.saturating_sub(1);
    }

    // Inline text.

    fn push_span(&mut self, span: Span, origin: Origin) -> io::Result<()> {
        if self.spans.len() >= MAX_DEPTH {
            self.spans_past[origin as usize] += 1;
            return Ok(());
        }
        if let Span::Image { .. } = span {
            self.styled_text("[image", DIM)?;
        }
        self.spans.push((span, origin));
        self.restyle();
        Ok(())
    }

    /// Close the innermost span like `like` from `origin`.
    fn pop_span(&mut self, like: &Span, origin: Origin) -> io::Result<()> {
        let Some(at) = innermost(&self.spans, &mut self.spans_past, like, origin) else {
            return Ok(());
        };
        // A hyperlink with nothing to click on gets its address as its text.
        if let (
            Span::Link {
                address,
                hyperlink: true,
                wrote: false,
                ..
            },
            _,
        ) = &self.spans[at]
        {
            let address = address.clone();
            self.styled_text(&address, Style::new())?;
        }
        let (span, _) = self.spans.remove(at);
        self.restyle();
        match span {
            Span::Link {
                address,
                show: true,
                text,
                ..
            } if !address.is_empty()
                && address != text
                && Some(&*text) != address.strip_prefix("mailto:") =>
            {
                self.styled_text(" [", DIM)?;
                self.styled_text(&address, DIM)?;
                self.styled_text("]", DIM)
            }
            Span::Image { .. } => self.styled_text("]", DIM),
            _ => Ok(()),
        }
    }

    fn link(&mut self, address: &str, shown: bool, origin: Origin) -> io::Result<()> {
        let cleaned = clean(address, false);
        // The body was cleaned whole; an address that still holds a control (from an entity) is
        // never sent to the terminal, even cleaned.
        let hyperlink = self.ink.hyperlinks
            && matches!(cleaned, std::borrow::Cow::Borrowed(_))
            && is_safe_hyperlink(address.trim());
        self.push_span(
            Span::Link {
                show: shown && !hyperlink,
                hyperlink,
                address: cleaned.trim().to_string(),
                text: String::new(),
                wrote: false,
            },
            origin,
        )
    }

    /// The look of text under the open spans.
    fn restyle(&mut self) {
        let mut style = Style::new();
        let mut link = None;
        for (span, _) in &self.spans {
            style = match span {
                Span::Emphasis => style.italic(),
                Span::Strong => style.bold(),
                Span::Strike => style.strikethrough(),
                Span::Heading(1) => style.bold().underline(),
                Span::Heading(_) => style.bold(),
                Span::Link {
                    address, hyperlink, ..
                } => {
                    if *hyperlink {
                        link = Some(Rc::from(address.as_str()));
                    }
                    style.underline()
                }
                Span::Image { .. } | Span::Code => style.dimmed(),
            };
        }
        self.look = Look { style, link };
    }

    /// Text as the file wrote it, in the current look.
    fn text(&mut self, text: &str) -> io::Result<()> {
        if self.dropping > 0 {
            return Ok(());
        }
        if self.code.is_some() {
            return self.code_text(text);
        }
        let text = clean(text, false);
        let mut image_colon = false;
        for (span, _) in self.spans.iter_mut().rev() {
            match span {
                Span::Link { text: so_far, .. } if so_far.len() < MAX_HYPERLINK_BYTES => {
                    so_far.push_str(&text);
                }
                Span::Image { has_alt } if !*has_alt && !text.trim().is_empty() => {
                    *has_alt = true;
                    image_colon = true;
                }
                _ => {}
            }
        }
        if image_colon {
            self.styled_text(": ", DIM)?;
        }
        let look = self.look.clone();
        self.fill(&text, &look)
    }

    /// Text the renderer adds (markers, addresses), in `style` over the current look.
    fn styled_text(&mut self, text: &str, style: Style) -> io::Result<()> {
        let look = Look {
            style: self.look.style | style.get_effects(),
            link: self.look.link.clone(),
        };
        self.fill(text, &look)
    }

    fn fill(&mut self, text: &str, look: &Look) -> io::Result<()> {
        if !text.trim().is_empty() {
            let link = self.spans.iter_mut().rev().find_map(|(s, _)| match s {
                Span::Link { wrote, .. } => Some(wrote),
                _ => None,
            });
            if let Some(wrote) = link {
                *wrote = true;
            }
        }
        if let Some(table) = self.table() {
            table.push(text, look);
            return Ok(());
        }
        if self.filler.is_none() {
            if text.trim().is_empty() {
                return Ok(());
            }
            self.separate()?;
            self.filler = Some(Filler::new(self.text_width()));
        }
        if let Some(filler) = self.filler.as_mut() {
            filler.push(text, look, &mut self.made);
        }
        self.write_made()
    }

    fn inline_code(&mut self, code: &str, origin: Origin) -> io::Result<()> {
        self.push_span(Span::Code, origin)?;
        self.text(code)?;
        self.pop_span(&Span::Code, origin)
    }

    /// A line break inside a paragraph: `<br>`, or two spaces at a Markdown line's end.
    fn hard_break(&mut self) -> io::Result<()> {
        if self.code.is_some() {
            return self.code_text("\n");
        }
        if let Some(table) = self.table() {
            table.push(" ", &Look::default());
            return Ok(());
        }
        if let Some(filler) = self.filler.as_mut() {
            filler.break_line(&mut self.made);
            self.write_made()?;
        }
        Ok(())
    }

    // Writing.

    /// Columns left for text inside the open containers.
    fn text_width(&self) -> usize {
        self.width - self.prefix_parts(false).1
    }

    /// The prefix of the next line: (parts, columns). The innermost parts are kept first, up to
    /// a quarter of the width (the innermost always); on a blank line, only quote bars.
    fn prefix_parts(&self, blank: bool) -> (Vec<(String, Style)>, usize) {
        let mut parts = Vec::new();
        let mut columns = 0;
        for (container, _) in self.containers.iter().rev() {
            let (text, style) = match container {
                Container::Quote => ("│ ".to_string(), DIM),
                Container::List(_) => continue,
                Container::Item { marker, written } => {
                    let hang = width_of(marker) + 1;
                    match written {
                        false if !blank => (format!("{marker} "), Style::new()),
                        _ => (" ".repeat(hang), Style::new()),
                    }
                }
            };
            let w = width_of(&text);
            if !parts.is_empty() && columns + w > self.width / 4 {
                break;
            }
            columns += w;
            parts.push((text, style));
        }
        parts.reverse();
        (parts, columns)
    }

    fn blank(&mut self) -> io::Result<()> {
        let (parts, _) = self.prefix_parts(true);
        let prefix: String = parts.iter().map(|(t, _)| t.as_str()).collect();
        let bars = prefix.trim_end();
        if !bars.is_empty() {
            self.ink.painter.paint(self.w, DIM, bars)?;
        }
        writeln!(self.w)
    }

    fn write_made(&mut self) -> io::Result<()> {
        let made = std::mem::take(&mut self.made);
        for line in &made {
            if line.is_empty() {
                // Blank lines from breaks are kept only between lines of text.
                self.blank_pending = self.filled > 0;
                continue;
            }
            if std::mem::take(&mut self.blank_pending) {
                self.blank()?;
            }
            self.write_line(line)?;
            self.filled += 1;
        }
        self.made = made;
        self.made.clear();
        Ok(())
    }

    fn write_line(&mut self, line: &Line) -> io::Result<()> {
        let (parts, _) = self.prefix_parts(line.is_empty());
        for (container, _) in self.containers.iter_mut() {
            if let Container::Item { written, .. } = container {
                *written = true;
            }
        }
        let painter = self.ink.painter;
        // Before nothing, the prefix ends where its last mark does: no trailing spaces.
        let mut keep = match line.width {
            0 => parts
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<String>()
                .trim_end()
                .len(),
            _ => usize::MAX,
        };
        for (text, style) in &parts {
            let text = &text[..text.len().min(keep)];
            keep -= text.len();
            if !text.is_empty() {
                painter.paint(self.w, *style, text)?;
            }
        }
        let mut open: Option<&Rc<str>> = None;
        for (text, look) in line.runs() {
            if look.link.as_ref() != open {
                if open.is_some() {
                    self.w.write_all(b"\x1b]8;;\x1b\\")?;
                }
                if let Some(address) = &look.link {
                    write!(self.w, "\x1b]8;;{address}\x1b\\")?;
                }
                open = look.link.as_ref();
            }
            painter.paint(self.w, look.style, text)?;
        }
        if open.is_some() {
            self.w.write_all(b"\x1b]8;;\x1b\\")?;
        }
        self.wrote = true;
        writeln!(self.w)
    }

    fn finish(mut self) -> io::Result<()> {
        self.end_code()?;
        self.end_table()?;
        self.flush()
    }
}

/// Where a close of an element like `like` (by kind) from `origin` lands: the innermost open one
/// of that kind and origin. `None` when it closes one opened past [`MAX_DEPTH`], counted in `past`
/// (Markdown's closes match its opens in order; HTML closes one past the bound only when no open
/// one is found), or nothing.
fn innermost<E>(
    open: &[(E, Origin)],
    past: &mut [usize; 2],
    like: &E,
    origin: Origin,
) -> Option<usize> {
    let past = &mut past[origin as usize];
    if *past > 0 && origin == Origin::Markdown {
        *past -= 1;
        return None;
    }
    let same = |e: &E| std::mem::discriminant(e) == std::mem::discriminant(like);
    let at = open.iter().rposition(|(e, o)| same(e) && *o == origin);
    if at.is_none() {
        *past = past.saturating_sub(1);
    }
    at
}

/// An address that may be written inside an OSC 8 sequence: a web or mail address of printable
/// ASCII, of a bounded length. Anything else is shown as text, cleaned, never sent.
fn is_safe_hyperlink(address: &str) -> bool {
    let lower = address.get(..8).unwrap_or(address).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
        && address.len() <= MAX_HYPERLINK_BYTES
        && address.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests;
