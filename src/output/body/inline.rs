//! Inline text: emphasis, links, images and code spans, and the text filled under their look.

use std::io;
use std::rc::Rc;

use anstyle::Style;

use super::lines::{Filler, Look};
use super::{DIM, MAX_DEPTH, MAX_HYPERLINK_BYTES, Origin, Renderer, innermost};
use crate::terminal::clean;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Span {
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
    pub(super) fn any_link() -> Self {
        Span::Link {
            address: String::new(),
            show: false,
            hyperlink: false,
            text: String::new(),
            wrote: false,
        }
    }
}

impl Renderer<'_> {
    pub(super) fn push_span(&mut self, span: Span, origin: Origin) -> io::Result<()> {
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
    pub(super) fn pop_span(&mut self, like: &Span, origin: Origin) -> io::Result<()> {
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

    pub(super) fn link(&mut self, address: &str, shown: bool, origin: Origin) -> io::Result<()> {
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
    pub(super) fn restyle(&mut self) {
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
    pub(super) fn text(&mut self, text: &str) -> io::Result<()> {
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
    pub(super) fn styled_text(&mut self, text: &str, style: Style) -> io::Result<()> {
        let look = Look {
            style: self.look.style | style.get_effects(),
            link: self.look.link.clone(),
        };
        self.fill(text, &look)
    }

    pub(super) fn fill(&mut self, text: &str, look: &Look) -> io::Result<()> {
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

    pub(super) fn inline_code(&mut self, code: &str, origin: Origin) -> io::Result<()> {
        self.push_span(Span::Code, origin)?;
        self.text(code)?;
        self.pop_span(&Span::Code, origin)
    }

    /// A line break inside a paragraph: `<br>`, or two spaces at a Markdown line's end.
    pub(super) fn hard_break(&mut self) -> io::Result<()> {
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
}

/// A web or mail address (`http:`, `https:`, `mailto:`), the only links a body may carry out.
pub(crate) fn is_web_address(address: &str) -> bool {
    let lower = address.get(..8).unwrap_or(address).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
}

/// An address that may be written inside an OSC 8 sequence: a web or mail address of printable
/// ASCII, of a bounded length. Anything else is shown as text, cleaned, never sent.
fn is_safe_hyperlink(address: &str) -> bool {
    is_web_address(address)
        && address.len() <= MAX_HYPERLINK_BYTES
        && address.bytes().all(|b| b.is_ascii_graphic())
}
