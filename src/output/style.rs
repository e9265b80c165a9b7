//! Colours and styles, written only when colour is on.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::record::certification_rank;

/// The film's title in `show`.
pub(crate) const TITLE: Style = Style::new().bold();
/// Field labels in `show`.
pub(crate) const LABEL: Style = Style::new().dimmed();
/// Table header cells.
pub(crate) const HEADER: Style = Style::new().bold().underline();

/// Certification colours in the order of the record's table of certifications: green for all
/// ages through magenta for adults only. Codes past them ("NR", others) stay plain.
const CERTIFICATION_COLOURS: [AnsiColor; 5] = [
    AnsiColor::Green,
    AnsiColor::Cyan,
    AnsiColor::Yellow,
    AnsiColor::Red,
    AnsiColor::Magenta,
];

/// The style of a certification code.
pub(crate) fn certification(code: &str) -> Style {
    match certification_rank(code).and_then(|rank| CERTIFICATION_COLOURS.get(rank)) {
        Some(&colour) => Style::new().fg_color(Some(colour.into())).bold(),
        None => Style::new(),
    }
}

/// Writes text in a style when colour is on, plainly when it is off.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Painter {
    /// Is colour on?
    pub(crate) enabled: bool,
}

impl Painter {
    /// Write `text` in `style`.
    pub(crate) fn paint(&self, w: &mut dyn Write, style: Style, text: &str) -> io::Result<()> {
        if self.enabled && style != Style::new() {
            write!(w, "{}{text}{}", style.render(), style.render_reset())
        } else {
            w.write_all(text.as_bytes())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certifications_run_from_green_to_magenta_and_others_stay_plain() {
        let colour = |code| certification(code).get_fg_color();
        assert_eq!(colour("G"), Some(AnsiColor::Green.into()));
        assert_eq!(colour("R"), Some(AnsiColor::Red.into()));
        assert_eq!(colour("NC-17"), Some(AnsiColor::Magenta.into()));
        assert_eq!(colour("NR"), None);
        assert_eq!(colour("TV-MA"), None);
    }
}
