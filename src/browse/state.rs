//! What the browser holds and how each key changes it; nothing here touches the terminal.

use super::Entry;
use super::finder::{Asked, Finder, Found, Keys};
use super::keys::Key;

/// The orders `s` cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sort {
    /// The best match first; with no query, by title.
    Relevance,
    Title,
    /// The newest first.
    Year,
    /// The best first.
    Score,
    /// The latest seen first.
    Watched,
}

impl Sort {
    fn next(self) -> Sort {
        match self {
            Sort::Relevance => Sort::Title,
            Sort::Title => Sort::Year,
            Sort::Year => Sort::Score,
            Sort::Score => Sort::Watched,
            Sort::Watched => Sort::Relevance,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Title => "title",
            Sort::Year => "year",
            Sort::Score => "score",
            Sort::Watched => "watched",
        }
    }
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    /// The list, with the preview beside it (or instead of it when narrow and focused).
    List { preview_focused: bool },
    /// The review under the cursor, full screen, scrolled down `scroll` lines.
    Reading { scroll: usize },
    /// The keys.
    Help,
}

/// What a key asks of the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Going,
    Quit,
    /// Enter with `--print`: this entry is the choice.
    Pick(usize),
    /// Open this entry's file in the editor.
    Edit(usize),
}

pub(crate) struct Browser {
    pub(crate) entries: Vec<Entry>,
    pub(crate) query: String,
    /// The entries shown, by index, in order.
    pub(crate) shown: Vec<u32>,
    /// The place of the selected entry in `shown`.
    pub(crate) cursor: usize,
    /// The first row of `shown` on screen.
    pub(crate) top: usize,
    pub(crate) sort: Sort,
    pub(crate) view: View,
    /// Files that could not be read.
    pub(crate) unreadable: usize,
    /// Still reading the collection.
    pub(crate) loading: bool,
    /// Enter picks (`--print`) rather than reads.
    pub(crate) picking: bool,
    /// Rows of the list on screen, and lines of the reading view, as last drawn.
    pub(crate) list_height: usize,
    pub(crate) page_height: usize,
    /// Lines of the review being read, as last drawn.
    pub(crate) reading_lines: usize,
    /// Matches and sorts on its own thread.
    finder: Finder,
    /// The newest search asked of the finder, and the one `shown` is for.
    asked: u64,
    answered: u64,
    /// Whether the selection stays on its entry when the results come: not when the query
    /// changed since they were last shown.
    keep: bool,
}

impl Browser {
    pub(crate) fn new(picking: bool) -> Browser {
        Browser {
            entries: Vec::new(),
            query: String::new(),
            shown: Vec::new(),
            cursor: 0,
            top: 0,
            sort: Sort::Relevance,
            view: View::List {
                preview_focused: false,
            },
            unreadable: 0,
            loading: true,
            picking,
            list_height: 1,
            page_height: 1,
            reading_lines: 0,
            finder: Finder::start(),
            asked: 0,
            answered: 0,
            keep: true,
        }
    }

    /// More entries read: added, and the list filtered again with the selection kept.
    pub(crate) fn add(&mut self, entries: Vec<Entry>, unreadable: usize) {
        self.entries.reserve(entries.len());
        let mut keys = Vec::with_capacity(entries.len());
        for mut entry in entries {
            keys.push(Keys::of(&mut entry));
            self.entries.push(entry);
        }
        self.unreadable += unreadable;
        self.finder.add(keys);
        self.refilter(true);
    }

    /// An entry read again (after an edit) in place of the old one.
    pub(crate) fn replace(&mut self, index: usize, mut entry: Entry) {
        self.finder.replace(index, Keys::of(&mut entry));
        self.entries[index] = entry;
        self.refilter(true);
    }

    /// The selected entry's index in `entries`.
    pub(crate) fn selected(&self) -> Option<usize> {
        self.shown.get(self.cursor).map(|&i| i as usize)
    }

    /// Ask the finder to filter by the query and sort; when the results come, the selection
    /// stays on the same entry if `keep` and it is still shown, else goes to the top.
    fn refilter(&mut self, keep: bool) {
        self.asked += 1;
        self.keep &= keep;
        self.finder.find(Asked {
            query: self.query.clone(),
            sort: self.sort,
            number: self.asked,
        });
    }

    /// Are results still to come for what was asked last?
    pub(crate) fn finding(&self) -> bool {
        self.answered < self.asked
    }

    /// Show the results that have come, if any: were there any?
    pub(crate) fn take_found(&mut self) -> bool {
        let mut any = false;
        while let Some(found) = self.finder.try_found() {
            self.show(found);
            any = true;
        }
        any
    }

    /// Wait for the results of what was asked last, and show them.
    pub(crate) fn settle(&mut self) {
        self.settle_by(None);
    }

    /// Wait for the results of what was asked last until `deadline` at most, showing what
    /// comes.
    pub(crate) fn settle_by(&mut self, deadline: Option<std::time::Instant>) {
        while self.finding() {
            match self.finder.wait_found(deadline) {
                Some(found) => self.show(found),
                None => break,
            }
        }
    }

    fn show(&mut self, found: Found) {
        let selected = self.selected().filter(|_| self.keep);
        self.shown = found.shown;
        self.answered = found.number;
        if !self.finding() {
            self.keep = true;
        }
        self.cursor = selected
            .and_then(|s| self.shown.iter().position(|&i| i as usize == s))
            .unwrap_or(0);
        self.scroll_to_cursor();
    }

    /// Keep the cursor's row on screen.
    pub(crate) fn scroll_to_cursor(&mut self) {
        let height = self.list_height.max(1);
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + height {
            self.top = self.cursor + 1 - height;
        }
        self.top = self.top.min(self.shown.len().saturating_sub(height));
    }

    fn move_by(&mut self, rows: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(rows).min(last);
        self.scroll_to_cursor();
    }

    fn scroll_by(&mut self, lines: isize) {
        if let View::Reading { scroll } = &mut self.view {
            let last = self.reading_lines.saturating_sub(self.page_height);
            *scroll = scroll.saturating_add_signed(lines).min(last);
        }
    }

    /// Apply one key.
    pub(crate) fn handle(&mut self, key: Key) -> Outcome {
        let page = self.list_height.max(1) as isize;
        match self.view {
            View::Help => {
                self.view = View::List {
                    preview_focused: false,
                };
                if key == Key::Interrupt {
                    return Outcome::Quit;
                }
            }
            View::Reading { .. } => {
                let page = self.page_height.max(1) as isize;
                match key {
                    Key::Up | Key::Char('k') | Key::WheelUp => self.scroll_by(-1),
                    Key::Down | Key::Char('j') | Key::WheelDown | Key::Enter => self.scroll_by(1),
                    Key::PageDown | Key::Char(' ') | Key::Char('f') => self.scroll_by(page),
                    Key::PageUp | Key::Char('b') => self.scroll_by(-page),
                    Key::Home | Key::Char('g') => self.scroll_by(isize::MIN / 2),
                    Key::End | Key::Char('G') => self.scroll_by(isize::MAX / 2),
                    Key::Char('q') | Key::Escape | Key::Backspace => {
                        self.view = View::List {
                            preview_focused: false,
                        }
                    }
                    Key::Char('e') | Key::Edit => return self.edit(),
                    Key::Char('?') | Key::Help => self.view = View::Help,
                    Key::Interrupt => return Outcome::Quit,
                    _ => {}
                }
            }
            View::List { preview_focused } => match key {
                Key::Up | Key::WheelUp => self.move_by(-1),
                Key::Down | Key::WheelDown => self.move_by(1),
                Key::PageUp => self.move_by(-page),
                Key::PageDown => self.move_by(page),
                Key::Home => self.move_by(isize::MIN / 2),
                Key::End => self.move_by(isize::MAX / 2),
                Key::Enter => {
                    // Typed ahead: the choice is among what was typed, not what is drawn yet.
                    self.settle();
                    match (self.selected(), self.picking) {
                        (Some(index), true) => return Outcome::Pick(index),
                        (Some(_), false) => self.view = View::Reading { scroll: 0 },
                        (None, _) => {}
                    }
                }
                Key::Tab => {
                    self.view = View::List {
                        preview_focused: !preview_focused,
                    }
                }
                Key::Edit => return self.edit(),
                Key::Sort => {
                    self.sort = self.sort.next();
                    self.refilter(true);
                }
                Key::Help => self.view = View::Help,
                Key::Escape if self.query.is_empty() => return Outcome::Quit,
                Key::Escape => {
                    self.query.clear();
                    self.refilter(true);
                }
                Key::Interrupt => return Outcome::Quit,
                // With the preview focused, letters are commands, as in the reading view.
                Key::Char(c) if preview_focused => match c {
                    'q' => return Outcome::Quit,
                    'e' => return self.edit(),
                    's' => return self.handle(Key::Sort),
                    '?' => self.view = View::Help,
                    'j' => self.move_by(1),
                    'k' => self.move_by(-1),
                    _ => {}
                },
                // On an empty query, `?` is the keys and `q` quits, as the help line says.
                Key::Char('?') if self.query.is_empty() => self.view = View::Help,
                Key::Char('q') if self.query.is_empty() => return Outcome::Quit,
                Key::Char(c) => {
                    self.query.push(c);
                    self.refilter(false);
                }
                Key::Backspace => {
                    if self.query.pop().is_some() {
                        self.refilter(false);
                    }
                }
                Key::EraseWord => {
                    let kept = self.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                    self.query.truncate(kept);
                    self.refilter(false);
                }
                Key::EraseLine => {
                    self.query.clear();
                    self.refilter(false);
                }
                Key::Other => {}
            },
        }
        Outcome::Going
    }

    fn edit(&self) -> Outcome {
        self.selected().map_or(Outcome::Going, Outcome::Edit)
    }
}
