//! A review's body rendered for reading: Markdown and HTML parsed, then written through one
//! renderer that sanitises, styles and wraps. Piped, the same rendering without styles.
//!
//! Every resource the body drives is bounded: it is parsed a piece at a time
//! ([`markdown::pieces`]), nesting is kept to [`MAX_DEPTH`] levels, the prefix of quote bars and
//! list markers to a quarter of the width, a table to [`table::MAX_CELLS`] cells before it is
//! written, and footnotes to [`MAX_FOOTNOTES`] numbers.

mod blocks;
mod code;
mod html;
mod inline;
mod lines;
mod markdown;
mod table;
mod writing;

use std::collections::HashMap;
use std::io::{self, Write};

use anstyle::Style;

use self::blocks::Container;
use self::code::Code;
pub(crate) use self::html::{DROPPED, HtmlToken, attribute, tokens as html_tokens};
use self::inline::Span;
pub(crate) use self::inline::is_web_address;
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) use self::lines::width_of;
use self::lines::{Filler, Line, Look};
pub(crate) use self::markdown::{options as markdown_options, pieces};
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

#[cfg(test)]
mod tests;
