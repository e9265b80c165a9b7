//! `reviews config`: each setting in effect, its value and where it came from.

use std::io::{self, Write};

use crate::config::Setting;
use crate::terminal::clean;

/// On a terminal, aligned columns under a header; piped, `name<TAB>value<TAB>origin` lines, with
/// tabs and newlines inside a value made spaces so that each line splits back into three.
pub(crate) fn write(w: &mut dyn Write, settings: &[Setting], terminal: bool) -> io::Result<()> {
    let cells = |s: &Setting| -> [String; 3] {
        [&s.name, &s.value, &s.origin].map(|text| match terminal {
            true => clean(text, false).into_owned(),
            false => text.replace(['\t', '\n', '\r'], " "),
        })
    };
    let rows: Vec<[String; 3]> = settings.iter().map(cells).collect();
    if !terminal {
        for row in &rows {
            writeln!(w, "{}", row.join("\t"))?;
        }
        return Ok(());
    }
    let header = ["SETTING", "VALUE", "FROM"].map(String::from);
    let width = |i: usize| {
        std::iter::once(&header)
            .chain(&rows)
            .map(|row| row[i].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (name_width, value_width) = (width(0), width(1));
    for row in std::iter::once(&header).chain(&rows) {
        writeln!(
            w,
            "{:name_width$}  {:value_width$}  {}",
            row[0], row[1], row[2]
        )?;
    }
    Ok(())
}
