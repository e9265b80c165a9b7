//! Blocks: paragraphs, quotes, lists and their items, footnotes, headings, rules and tables, and
//! the blank lines between them.

use std::io;

use super::lines::{Line, Look};
use super::table::{self, Table};
use super::{DIM, MAX_DEPTH, MAX_FOOTNOTES, MAX_ITEM_NUMBER, Origin, Renderer, Span, innermost};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Container {
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
    pub(super) fn any_item() -> Self {
        Container::Item {
            marker: String::new(),
            written: false,
        }
    }
}

impl Renderer<'_> {
    /// End the paragraph being filled, if any.
    pub(super) fn flush(&mut self) -> io::Result<()> {
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
    pub(super) fn join(&mut self) {
        self.joined = true;
    }

    /// Write a blank line if one is due before the next block.
    pub(super) fn separate(&mut self) -> io::Result<()> {
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
    pub(super) fn paragraph(&mut self) -> io::Result<()> {
        self.end_html_spans()?;
        let had_text = self.filler.is_some();
        self.flush()?;
        if had_text {
            self.gap = true;
        }
        Ok(())
    }

    /// Spans left open by HTML end with their block (a link still shows its address).
    pub(super) fn end_html_spans(&mut self) -> io::Result<()> {
        while let Some(at) = self.spans.iter().rposition(|(_, o)| *o == Origin::Html) {
            let like = self.spans[at].0.clone();
            self.pop_span(&like, Origin::Html)?;
        }
        self.spans_past[Origin::Html as usize] = 0;
        Ok(())
    }

    pub(super) fn open(&mut self, container: Container, origin: Origin) -> io::Result<()> {
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
    pub(super) fn close(&mut self, like: &Container, origin: Origin) -> io::Result<()> {
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
    pub(super) fn open_item(&mut self, origin: Origin) -> io::Result<()> {
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
    pub(super) fn in_html_item(&self) -> bool {
        matches!(
            self.containers.last(),
            Some((Container::Item { .. }, Origin::Html))
        )
    }

    pub(super) fn footnote_number(&mut self, label: &str) -> Option<usize> {
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

    pub(super) fn footnote_marker(label: Option<usize>) -> String {
        label.map_or_else(|| "[*]".to_string(), |n| format!("[{n}]"))
    }

    /// A footnote's reference in the text: its number.
    pub(super) fn footnote_reference(&mut self, label: &str) -> io::Result<()> {
        let marker = Self::footnote_marker(self.footnote_number(label));
        let look = std::mem::take(&mut self.look);
        self.look.style = DIM;
        self.text(&marker)?;
        self.look = look;
        Ok(())
    }

    pub(super) fn open_footnote(&mut self, label: &str) -> io::Result<()> {
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

    pub(super) fn heading(&mut self, level: u8, origin: Origin) -> io::Result<()> {
        self.paragraph()?;
        self.push_span(Span::Heading(level), origin)
    }

    pub(super) fn end_heading(&mut self, origin: Origin) -> io::Result<()> {
        self.pop_span(&Span::Heading(0), origin)?;
        self.flush()?;
        self.gap = true;
        Ok(())
    }

    pub(super) fn rule(&mut self) -> io::Result<()> {
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

    pub(super) fn open_table(&mut self, alignments: Vec<table::Align>) -> io::Result<()> {
        self.paragraph()?;
        self.end_table()?;
        self.separate()?;
        self.table = Some(Table::new(alignments));
        Ok(())
    }

    pub(super) fn table(&mut self) -> Option<&mut Table> {
        self.table.as_mut()
    }

    /// Write the table being read, if any.
    pub(super) fn end_table(&mut self) -> io::Result<()> {
        if let Some(table) = self.table.take() {
            self.made = table.render(self.text_width());
            self.write_made()?;
            self.gap = true;
        }
        Ok(())
    }

    /// Write a table that has grown past its bound, and go on with its rows as a new one.
    pub(super) fn table_cell_ended(&mut self) -> io::Result<()> {
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

    pub(super) fn start_dropping(&mut self) {
        self.dropping += 1;
    }

    pub(super) fn stop_dropping(&mut self) {
        self.dropping = self.dropping.saturating_sub(1);
    }
}
