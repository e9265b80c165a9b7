//! What every renderer promises whatever the file holds: checked by the fuzz target on arbitrary
//! bytes, and by the tests on the fuzz seeds.

use std::path::Path;

use crate::front_matter;
use crate::output::body::{self, Ink, width_of};
use crate::output::{Layout, csv, json, style::Painter, table, text, tsv};
use crate::terminal::sanitize::is_bidi_control;

/// Parse `bytes` as a review file and render it in every format. `Err` says which promise was
/// broken: a file with no record names an error; text, table and TSV without colour hold no
/// control character but newlines (and TSV's tabs), and no bidirectional control; TSV is one
/// line of six cells; JSON holds none of them raw.
pub fn check_every_format(bytes: &[u8]) -> Result<(), String> {
    let _ = front_matter::scan(bytes, false);
    let parsed = front_matter::parse(bytes, Path::new("fuzz.md"), true);
    let Some(review) = parsed.review else {
        return match parsed.errors.is_empty() {
            true => Err("no record and no error".into()),
            false => Ok(()),
        };
    };
    let write_failed = |e: std::io::Error| format!("writing to memory failed: {e}");
    let plain = Painter { enabled: false };
    let mut shown = Vec::new();
    text::write(&mut shown, &review, 60, Ink::new(false, false)).map_err(write_failed)?;
    let layout = Layout::default();
    let rows = [layout.row(review.clone())];
    table::write(&mut shown, &layout, &rows, 60, plain).map_err(write_failed)?;
    let shown = String::from_utf8(shown).map_err(|_| "text output is not UTF-8")?;
    if shown
        .chars()
        .any(|c| (c.is_control() && c != '\n') || is_bidi_control(c))
    {
        return Err(format!("control character in {shown:?}"));
    }
    let lines = tsv::line(&layout, &rows[0]).into_vec();
    let lines = String::from_utf8(lines).map_err(|_| "TSV output is not UTF-8")?;
    if lines.lines().count() != 1 || lines.matches('\t').count() != 5 {
        return Err(format!("not one line of six cells: {lines:?}"));
    }
    if lines
        .chars()
        .any(|c| c.is_control() && c != '\t' && c != '\n')
    {
        return Err(format!("control character in {lines:?}"));
    }
    let mut styled = Vec::new();
    text::write(&mut styled, &review, 20, Ink::new(true, true)).map_err(write_failed)?;
    let styled = String::from_utf8(styled).map_err(|_| "styled text is not UTF-8")?;
    if let Some(foreign) = foreign_escape(&styled) {
        return Err(format!("an escape the renderer did not write: {foreign:?}"));
    }
    let mut other = Vec::new();
    csv::write(&mut other, &layout, &rows).map_err(write_failed)?;
    let mut documents = Vec::new();
    json::write_one(&mut documents, &review).map_err(write_failed)?;
    json::write_lines(&mut documents, [json::compact(&review)]).map_err(write_failed)?;
    let documents = String::from_utf8(documents).map_err(|_| "JSON output is not UTF-8")?;
    if documents
        .chars()
        .any(|c| (c.is_control() && c != '\n') || is_bidi_control(c))
    {
        return Err(format!("raw control character in JSON {documents:?}"));
    }
    Ok(())
}

/// Render `bytes` as a body at several widths, plain and styled with hyperlinks. `Err` says
/// which promise was broken: plain output holds no control character but newlines and no
/// bidirectional control, styled output no escape the renderer did not write, and no line of
/// either is wider than its width or ends in a space.
pub fn check_body_rendering(bytes: &[u8]) -> Result<(), String> {
    let body = String::from_utf8_lossy(bytes);
    for width in [20, 33, 80] {
        for ink in [Ink::new(false, false), Ink::new(true, true)] {
            let mut out = Vec::new();
            body::write(&mut out, &body, width, ink)
                .map_err(|e| format!("writing to memory failed: {e}"))?;
            let out = String::from_utf8(out).map_err(|_| "rendered body is not UTF-8")?;
            if let Some(foreign) = foreign_escape(&out) {
                return Err(format!(
                    "at {width}: an escape the renderer did not write: {foreign:?}"
                ));
            }
            if !ink.painter.enabled && out.contains('\u{1b}') {
                return Err(format!("at {width}: an escape without colour: {out:?}"));
            }
            let visible = strip_ours(&out);
            for line in visible.lines() {
                if width_of(line) > width {
                    return Err(format!("at {width}: {line:?} is {} wide", width_of(line)));
                }
                if line.ends_with(' ') {
                    return Err(format!("at {width}: trailing space in {line:?}"));
                }
            }
        }
    }
    Ok(())
}

/// `text` without the styles and hyperlinks the renderer writes.
fn strip_ours(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let len = if tail.starts_with("\x1b]") {
            tail.find("\x1b\\").map_or(tail.len(), |e| e + 2)
        } else {
            tail.find('m').map_or(tail.len(), |e| e + 1)
        };
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

/// The first escape or control character in `text` that is not one the renderer writes: SGR
/// styles (`ESC [ digits ; m`) and OSC 8 hyperlinks to printable ASCII, closed by `ESC \`.
pub(crate) fn foreign_escape(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| (c.is_control() && c != '\n') || is_bidi_control(c)) {
        let tail = &rest[at..];
        let known = if let Some(sgr) = tail.strip_prefix("\x1b[") {
            let end = sgr.find(|c: char| !(c.is_ascii_digit() || c == ';'));
            end.filter(|&e| sgr[e..].starts_with('m'))
                .map(|e| 2 + e + 1)
        } else if let Some(osc) = tail.strip_prefix("\x1b]8;;") {
            let end = osc.find("\x1b\\");
            end.filter(|&e| osc[..e].bytes().all(|b| b.is_ascii_graphic()))
                .map(|e| 5 + e + 2)
        } else {
            None
        };
        match known {
            Some(len) => rest = &tail[len..],
            None => return Some(tail.chars().take(24).collect()),
        }
    }
    None
}

#[cfg(test)]
mod tests;
