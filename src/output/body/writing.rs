//! Writing made lines: each behind the prefix of the containers it is in (quote bars, list
//! markers), in its styles, with links as OSC 8 hyperlinks.

use std::io;
use std::rc::Rc;

use anstyle::Style;

use super::blocks::Container;
use super::lines::{Line, width_of};
use super::{DIM, Renderer};

impl Renderer<'_> {
    /// Columns left for text inside the open containers.
    pub(super) fn text_width(&self) -> usize {
        self.width - self.prefix_parts(false).1
    }

    /// The prefix of the next line: (parts, columns). The innermost parts are kept first, up to
    /// a quarter of the width (the innermost always); on a blank line, only quote bars.
    pub(super) fn prefix_parts(&self, blank: bool) -> (Vec<(String, Style)>, usize) {
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

    pub(super) fn blank(&mut self) -> io::Result<()> {
        let (parts, _) = self.prefix_parts(true);
        let prefix: String = parts.iter().map(|(t, _)| t.as_str()).collect();
        let bars = prefix.trim_end();
        if !bars.is_empty() {
            self.ink.painter.paint(self.w, DIM, bars)?;
        }
        writeln!(self.w)
    }

    pub(super) fn write_made(&mut self) -> io::Result<()> {
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

    pub(super) fn write_line(&mut self, line: &Line) -> io::Result<()> {
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
}
