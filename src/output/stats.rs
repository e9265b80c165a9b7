//! `reviews stats` in each of its formats: a table with a bar per group on a terminal, TSV,
//! CSV and JSON for programs, and the summary as aligned lines or key-value rows.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::csv::io_error;
use super::style::{HEADER, LABEL, Painter};
use crate::query::stats::{Group, Summary};
use crate::terminal::clean;

/// Eighths of a block, from one to seven: with `█`, a bar grows an eighth of a column at a time.
const EIGHTHS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// The longest bar, in columns.
const MAX_BAR: usize = 200;

/// The average score as shown: one decimal, empty when no review in the group has one.
fn score(group: &Group) -> String {
    group
        .average_score
        .map(|s| format!("{s:.1}"))
        .unwrap_or_default()
}

/// A bar `count / most` of `width` columns long.
fn bar(count: u64, most: u64, width: usize) -> String {
    if most == 0 || width == 0 {
        return String::new();
    }
    let eighths = (count as u128 * width as u128 * 8 / most as u128) as usize;
    let mut bar = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        bar.push(EIGHTHS[eighths % 8 - 1]);
    }
    if bar.is_empty() && count > 0 {
        bar.push(EIGHTHS[0]);
    }
    bar
}

/// The groups as a table fitted to `width`, each with a bar scaled to the largest count.
pub(crate) fn table(
    w: &mut dyn Write,
    name_header: &str,
    groups: &[Group],
    width: usize,
    painter: Painter,
) -> io::Result<()> {
    // No header over nothing: the command says on stderr that nothing matched.
    if groups.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = groups
        .iter()
        .map(|g| clean(&g.name, false).into_owned())
        .collect();
    let headers = [name_header, "COUNT", "SCORE", "RUNTIME"];
    let cells: Vec<[String; 3]> = groups
        .iter()
        .map(|g| [g.count.to_string(), score(g), minutes(g.runtime, " min")])
        .collect();
    let widest = |i: usize| {
        cells
            .iter()
            .map(|c| c[i].width())
            .chain([headers[i + 1].width()])
            .max()
            .unwrap_or(0)
    };
    let numbers = [widest(0), widest(1), widest(2)];
    let fixed: usize = numbers.iter().sum::<usize>() + 2 * 4;
    // The name gets what it needs up to half the width; the bar the rest, at least ten.
    let name_width = names
        .iter()
        .map(|n| n.width())
        .chain([name_header.width()])
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(fixed + 10).max(8));
    // Past a screen's width a bar says no more.
    let bar_width = width.saturating_sub(fixed + name_width).clamp(10, MAX_BAR);
    let most = groups.iter().map(|g| g.count).max().unwrap_or(0);
    let pad = |text: &str, width: usize| {
        format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
    };
    // The name padded, then the three numbers aligned right, as the header and every row show.
    let line = |name: &str, numbers_shown: [&str; 3]| {
        let mut line = pad(name, name_width);
        for (text, width) in numbers_shown.iter().zip(numbers) {
            line.push_str(&format!("  {text:>width$}"));
        }
        line
    };
    let header = line(name_header, [headers[1], headers[2], headers[3]]);
    painter.paint(w, HEADER, header.trim_end())?;
    w.write_all(b"\n")?;
    for ((name, cell), group) in names.iter().zip(&cells).zip(groups) {
        let name = super::table::truncate(name, name_width);
        let row = line(&name, [&cell[0], &cell[1], &cell[2]]);
        write!(w, "{row}  ")?;
        painter.paint(w, LABEL, &bar(group.count, most, bar_width))?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// `name<TAB>count<TAB>average score<TAB>runtime minutes`, no header.
pub(crate) fn tsv(w: &mut dyn Write, groups: &[Group]) -> io::Result<()> {
    for group in groups {
        writeln!(
            w,
            "{}\t{}\t{}\t{}",
            clean(&group.name, false),
            group.count,
            score(group),
            minutes(group.runtime, "")
        )?;
    }
    Ok(())
}

pub(crate) fn csv(w: &mut dyn Write, groups: &[Group]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(w);
    writer
        .write_record(["name", "count", "average_score", "runtime"])
        .map_err(io_error)?;
    for group in groups {
        writer
            .write_record([
                clean(&group.name, true).into_owned(),
                group.count.to_string(),
                score(group),
                minutes(group.runtime, ""),
            ])
            .map_err(io_error)?;
    }
    writer.flush()
}

pub(crate) fn json(w: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    w.write_all(&super::json::compact(value))?;
    w.write_all(b"\n")
}

/// The summary's lines: a label and its value.
fn summary_lines(summary: &Summary) -> Vec<(&'static str, String)> {
    let groups = |groups: &[Group]| {
        groups
            .iter()
            .map(|g| format!("{} ({})", clean(&g.name, false), g.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let dated = |d: &Option<crate::query::stats::Dated>| {
        d.as_ref()
            .map(|d| format!("{} ({})", clean(&d.title, false), d.reviewed))
            .unwrap_or_default()
    };
    vec![
        ("reviews", summary.reviews.to_string()),
        ("decades", groups(&summary.decades)),
        ("top directors", groups(&summary.top_directors)),
        (
            "average score",
            summary
                .average_score
                .map(|s| format!("{s:.1}"))
                .unwrap_or_default(),
        ),
        ("total runtime", minutes(summary.total_runtime, " min")),
        (
            "average runtime",
            summary
                .average_runtime
                .map(|m| format!("{m:.1} min"))
                .unwrap_or_default(),
        ),
        ("oldest review", dated(&summary.oldest_review)),
        ("newest review", dated(&summary.newest_review)),
    ]
}

/// The summary as aligned lines for a person.
pub(crate) fn summary_text(
    w: &mut dyn Write,
    summary: &Summary,
    painter: Painter,
) -> io::Result<()> {
    let lines = summary_lines(summary);
    let width = lines.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    for (label, value) in lines {
        painter.paint(w, LABEL, &format!("{label:width$}"))?;
        writeln!(w, "  {value}")?;
    }
    Ok(())
}

/// The summary as `label<TAB>value` lines.
pub(crate) fn summary_tsv(w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    for (label, value) in summary_lines(summary) {
        writeln!(w, "{label}\t{value}")?;
    }
    Ok(())
}

pub(crate) fn summary_csv(w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(w);
    writer.write_record(["key", "value"]).map_err(io_error)?;
    for (label, value) in summary_lines(summary) {
        writer.write_record([label, &value]).map_err(io_error)?;
    }
    writer.flush()
}

/// Known minutes with their unit; unknown ones an empty cell, never a zero.
fn minutes(runtime: Option<u64>, unit: &str) -> String {
    runtime.map(|m| format!("{m}{unit}")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_grow_by_eighths() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 16, 4), "▎");
        assert_eq!(bar(3, 16, 4), "▊");
        assert_eq!(bar(1, 1000, 4), "▏", "a review is never an empty bar");
        assert_eq!(bar(0, 10, 4), "");
    }
}
