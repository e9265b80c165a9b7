//! Colours and styles, written only when colour is on.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

/// The film's title in `show`.
pub const TITLE: Style = Style::new().bold();
/// Field labels in `show`.
pub const LABEL: Style = Style::new().dimmed();
/// Table header cells.
pub const HEADER: Style = Style::new().bold().underline();

/// The colour of a certification code: green for all ages through red for adults only.
pub fn rating(code: &str) -> Style {
    let color = match code {
        "G" => AnsiColor::Green,
        "PG" => AnsiColor::Cyan,
        "PG-13" => AnsiColor::Yellow,
        "R" => AnsiColor::Red,
        "NC-17" => AnsiColor::Magenta,
        _ => return Style::new(),
    };
    Style::new().fg_color(Some(color.into())).bold()
}

/// Writes text in a style when colour is on, plainly when it is off.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    /// Is colour on?
    pub enabled: bool,
}

impl Painter {
    /// Write `text` in `style`.
    pub fn paint(&self, w: &mut dyn Write, style: Style, text: &str) -> io::Result<()> {
        if self.enabled && style != Style::new() {
            write!(w, "{}{text}{}", style.render(), style.render_reset())
        } else {
            w.write_all(text.as_bytes())
        }
    }
}
