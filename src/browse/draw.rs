//! The browser's screens, drawn into a ratatui frame: the prompt, the list and the preview, the
//! full-screen review, the keys.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Shelf;
use super::state::{Browser, View};
use crate::output::table::fitted;
use crate::terminal::sanitize::clean;

/// Below this width the preview is hidden, and Tab shows it instead of the list.
pub(crate) const TWO_PANES_MIN_WIDTH: u16 = 60;

/// The keys, as `?` shows them.
const KEYS: &[(&str, &str)] = &[
    (
        "typing",
        "filter: fuzzy, smart case; 'word exact, ^start, end$, !not",
    ),
    ("Up Down  ^P ^N", "move (and the mouse wheel)"),
    ("PgUp PgDn Home End", "move by a page, to the ends"),
    (
        "Enter",
        "read the review full screen (with --print: choose it)",
    ),
    (
        "Tab",
        "focus the preview: then q quits, e edits, s sorts, j k move",
    ),
    ("^E  Alt-E", "edit the file in $VISUAL or $EDITOR"),
    ("^S  Alt-S", "sort: relevance, title, year, score, watched"),
    ("^W  ^U", "erase a word, the query"),
    ("Esc", "erase the query; on an empty one, quit"),
    ("q  ?", "on an empty query: quit, these keys"),
    ("^C", "quit"),
    ("", ""),
    (
        "reading",
        "Up Down j k, Space PgDn, b PgUp, g G; e edit; q Esc back",
    ),
];

/// Draws the screens, keeping the preview of the selected review until it changes.
#[derive(Default)]
pub(crate) struct Drawer {
    /// The entry, the width and its rendered lines.
    preview: Option<(usize, usize, Vec<String>)>,
}

impl Drawer {
    /// Forget the preview: its file changed.
    pub(crate) fn forget(&mut self) {
        self.preview = None;
    }

    pub(crate) fn draw(&mut self, frame: &mut Frame, browser: &mut Browser, shelf: &dyn Shelf) {
        let area = frame.area();
        if area.width == 0 || area.height == 0 {
            return;
        }
        match browser.view {
            View::Reading { scroll } => self.reading(frame, area, browser, shelf, scroll),
            View::Help => help(frame, area),
            View::List { preview_focused } => {
                let [prompt, body, status] = rows(area);
                self.prompt(frame, prompt, browser);
                let wide = area.width >= TWO_PANES_MIN_WIDTH;
                let (list, preview) = if wide {
                    let [list, preview] =
                        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)])
                            .areas(body);
                    (Some(list), Some(preview))
                } else if preview_focused {
                    (None, Some(body))
                } else {
                    (Some(body), None)
                };
                if let Some(list) = list {
                    draw_list(frame, list, browser);
                }
                if let Some(preview) = preview {
                    self.draw_preview(frame, preview, browser, shelf, wide);
                }
                let keys = match (browser.picking, wide) {
                    (true, true) => "Enter choose · ^S sort · ? keys · Esc quit",
                    (true, false) => "Enter choose · Tab preview · ? keys · Esc quit",
                    (false, true) => "Enter read · ^E edit · ^S sort · ? keys · Esc quit",
                    (false, false) => "Enter read · Tab preview · ? keys · Esc quit",
                };
                status_line(frame, status, browser, keys);
            }
        }
    }

    /// The selected review's lines at `width`, rendered once per entry and width.
    fn lines(&mut self, browser: &Browser, shelf: &dyn Shelf, width: usize) -> &[String] {
        let Some(index) = browser.selected() else {
            return &[];
        };
        let fresh = matches!(&self.preview, Some((i, w, _)) if *i == index && *w == width);
        if !fresh {
            let lines = shelf.preview(&browser.entries[index], width);
            let lines = lines.iter().map(|l| clean(l, false).into_owned()).collect();
            self.preview = Some((index, width, lines));
        }
        self.preview.as_ref().map_or(&[], |(_, _, lines)| lines)
    }

    fn prompt(&self, frame: &mut Frame, area: Rect, browser: &Browser) {
        let count = format!(
            "{}{}{}/{}",
            if browser.loading { "reading… " } else { "" },
            // Results still to come for what was typed.
            if browser.finding() && !browser.loading {
                "… "
            } else {
                ""
            },
            grouped(browser.shown.len()),
            grouped(browser.entries.len())
        );
        let query = clean(&browser.query, false);
        let width = usize::from(area.width);
        let room = width.saturating_sub(count.chars().count() + 3);
        // The end of a long query, which is where one types.
        let shown = tail(&query, room);
        let line = format!("> {shown}");
        let gap = width.saturating_sub(line.width() + count.chars().count());
        let text = format!("{line}{:gap$}{count}", "");
        frame.render_widget(Paragraph::new(fit(&text, width)), area);
        let x = area.x + (line.width() as u16).min(area.width.saturating_sub(1));
        frame.set_cursor_position((x, area.y));
    }

    fn draw_preview(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        browser: &Browser,
        shelf: &dyn Shelf,
        bordered: bool,
    ) {
        let inner = if bordered {
            let block = Block::new().borders(Borders::LEFT);
            let inner = block.inner(area);
            frame.render_widget(block, area);
            Rect {
                x: inner.x + 1,
                width: inner.width.saturating_sub(1),
                ..inner
            }
        } else {
            area
        };
        let width = usize::from(inner.width);
        let height = usize::from(inner.height);
        let lines = self.lines(browser, shelf, width);
        let text: Vec<Line> = lines
            .iter()
            .take(height)
            .map(|l| Line::raw(fit(l, width)))
            .collect();
        frame.render_widget(Paragraph::new(text), inner);
    }

    fn reading(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        browser: &mut Browser,
        shelf: &dyn Shelf,
        scroll: usize,
    ) {
        let [page, status] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let width = usize::from(page.width);
        let height = usize::from(page.height);
        let name = browser
            .selected()
            .map(|i| browser.entries[i].name.to_string())
            .unwrap_or_default();
        let lines = self.lines(browser, shelf, width);
        let total = lines.len();
        let text: Vec<Line> = lines
            .iter()
            .skip(scroll)
            .take(height)
            .map(|l| Line::raw(fit(l, width)))
            .collect();
        frame.render_widget(Paragraph::new(text), page);
        browser.page_height = height;
        browser.reading_lines = total;
        let last = (scroll + height).min(total);
        let place = format!("{name}  {}-{last}/{total}", (scroll + 1).min(last));
        let keys = "Space page · b back a page · g G ends · e edit · q back";
        let text = format!("{place}  {keys}");
        frame.render_widget(
            Paragraph::new(fit(&text, width)).style(Style::new().add_modifier(Modifier::REVERSED)),
            status,
        );
    }
}

/// The prompt, the body and the status line.
fn rows(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

fn draw_list(frame: &mut Frame, area: Rect, browser: &mut Browser) {
    let height = usize::from(area.height);
    browser.list_height = height;
    browser.scroll_to_cursor();
    // Two columns for the cursor's mark, seen without colour too.
    let width = usize::from(area.width).saturating_sub(2);
    if browser.shown.is_empty() {
        let said = if browser.loading {
            "reading…"
        } else if browser.entries.is_empty() {
            "no reviews here"
        } else {
            "no review matches"
        };
        frame.render_widget(Paragraph::new(format!("  {}", fit(said, width))), area);
        return;
    }
    let visible = &browser.shown[browser.top..(browser.top + height).min(browser.shown.len())];
    let score_width = visible
        .iter()
        .filter_map(|&i| browser.entries[i as usize].score.as_deref())
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
        .min(8);
    // Title, year, directors, score: the title takes what the others leave.
    let fixed = 5 + score_width + usize::from(score_width > 0);
    let directors_width = (width.saturating_sub(fixed) / 3).min(24);
    let title_width = width.saturating_sub(fixed + directors_width + 1);
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .map(|(row, &i)| {
            let entry = &browser.entries[i as usize];
            let year = entry.year.map(|y| y.to_string()).unwrap_or_default();
            let mut text = format!(
                "{} {:>4} {}",
                fit(&entry.title, title_width),
                fit(&year, 4),
                fit(&entry.directors, directors_width)
            );
            if score_width > 0 {
                let score = entry.score.as_deref().unwrap_or_default();
                text.push(' ');
                text.push_str(&format!(
                    "{:>w$}",
                    fit(score, score_width).trim_end(),
                    w = score_width
                ));
            }
            if browser.top + row == browser.cursor {
                let style = Style::new().add_modifier(Modifier::REVERSED);
                Line::from(vec![
                    Span::raw("> "),
                    Span::styled(fit(&text, width), style),
                ])
            } else {
                Line::raw(format!("  {}", fit(&text, width)))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn status_line(frame: &mut Frame, area: Rect, browser: &Browser, keys: &str) {
    let mut text = String::new();
    if browser.unreadable > 0 {
        text.push_str(&format!(
            "{} unreadable, see reviews check · ",
            grouped(browser.unreadable)
        ));
    }
    text.push_str(&format!("sort: {} · ", browser.sort.name()));
    text.push_str(keys);
    let style = Style::new().add_modifier(Modifier::DIM);
    frame.render_widget(
        Paragraph::new(fit(&text, usize::from(area.width))).style(style),
        area,
    );
}

fn help(frame: &mut Frame, area: Rect) {
    let [page, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let width = usize::from(page.width);
    let lines: Vec<Line> = KEYS
        .iter()
        .map(|(keys, what)| Line::raw(fit(&format!("  {keys:<20} {what}"), width)))
        .collect();
    frame.render_widget(Paragraph::new(lines), page);
    frame.render_widget(
        Paragraph::new(fit("any key: back to the list", width))
            .style(Style::new().add_modifier(Modifier::REVERSED)),
        status,
    );
}

/// `text` in exactly `width` columns: cut with `…` as the table cuts, or padded with spaces.
fn fit(text: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let (out, used) = fitted(text, width);
    let mut out = out.into_owned();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// The end of `text` that fits in `width` columns.
fn tail(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        start = i;
    }
    Cow::Owned(format!("…{}", &text[start..]))
}

/// `1204` as `1,204`.
pub(crate) fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
