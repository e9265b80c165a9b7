//! Code blocks: their lines kept as written, indented and cut at the width, never filled.

use std::io;

use super::lines::{Line, Look, break_code};
use super::{CODE_INDENT, DIM, Renderer};
use crate::terminal::clean;

/// A code block being written: the line not yet ended, and whether a line has been written
/// (blank lines before the first are dropped, as after `<pre>`).
#[derive(Debug, Default)]
pub(super) struct Code {
    line: String,
    started: bool,
    /// Blank lines met since the last line of code.
    blanks: usize,
}

impl Renderer<'_> {
    pub(super) fn open_code(&mut self) -> io::Result<()> {
        self.paragraph()?;
        self.end_code()?;
        self.code = Some(Code::default());
        Ok(())
    }

    pub(super) fn code_text(&mut self, text: &str) -> io::Result<()> {
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
    pub(super) fn end_code_line(&mut self, code: &mut Code) -> io::Result<()> {
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
    pub(super) fn code_line(&mut self, line: &str) -> io::Result<()> {
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

    pub(super) fn end_code(&mut self) -> io::Result<()> {
        if let Some(mut code) = self.code.take() {
            self.end_code_line(&mut code)?;
            if code.started {
                self.gap = true;
            }
        }
        Ok(())
    }
}
