//! What the browser holds and how each key changes it; nothing here touches the terminal.

use std::cmp::Ordering;

use super::Entry;
use super::keys::Key;
use super::matching::{Haystacks, matching, narrows};

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
    /// What typing matches, entry by entry.
    haystacks: Haystacks,
    /// Each entry's place in title order, so that sorting compares numbers.
    title_rank: Vec<u32>,
    /// The query `shown` was matched for.
    matched_query: String,
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
            haystacks: Haystacks::default(),
            title_rank: Vec::new(),
            matched_query: String::new(),
        }
    }

    /// More entries read: added, and the list filtered again with the selection kept.
    pub(crate) fn add(&mut self, entries: Vec<Entry>, unreadable: usize) {
        self.entries.reserve(entries.len());
        for mut entry in entries {
            // The text moves into the arena: kept once, not twice.
            self.haystacks.push(&std::mem::take(&mut entry.haystack));
            self.entries.push(entry);
        }
        self.unreadable += unreadable;
        self.rank_titles();
        self.refilter(true, false);
    }

    /// An entry read again (after an edit) in place of the old one.
    pub(crate) fn replace(&mut self, index: usize, mut entry: Entry) {
        self.haystacks
            .replace(index, &std::mem::take(&mut entry.haystack));
        self.entries[index] = entry;
        self.rank_titles();
        self.refilter(true, false);
    }

    fn rank_titles(&mut self) {
        let entries = &self.entries;
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (&entries[a as usize], &entries[b as usize]);
            a.title_key
                .cmp(&b.title_key)
                .then_with(|| a.name.cmp(&b.name))
        });
        self.title_rank = vec![0; entries.len()];
        for (rank, i) in order.into_iter().enumerate() {
            self.title_rank[i as usize] = rank as u32;
        }
    }

    /// The query changed: match again, among the entries shown when it only narrows them.
    fn requery(&mut self) {
        let narrowing = narrows(&self.matched_query, &self.query);
        self.refilter(false, narrowing);
    }

    /// The selected entry's index in `entries`.
    pub(crate) fn selected(&self) -> Option<usize> {
        self.shown.get(self.cursor).map(|&i| i as usize)
    }

    /// Filter by the query (among those shown when `narrowing`) and sort; the selection stays on
    /// the same entry when `keep` and it is still shown, else goes to the top.
    fn refilter(&mut self, keep: bool, narrowing: bool) {
        let selected = self.selected().filter(|_| keep);
        let everything: Vec<u32>;
        let candidates = if narrowing {
            &self.shown
        } else {
            everything = (0..self.entries.len() as u32).collect();
            &everything
        };
        let mut matched = matching(&self.haystacks, candidates, &self.query);
        let (entries, rank) = (&self.entries, &self.title_rank);
        // Entries without the field sorted on come last.
        fn last_if_none<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        let entry = |i: u32| &entries[i as usize];
        let by_title = |a: u32, b: u32| rank[a as usize].cmp(&rank[b as usize]);
        match self.sort {
            Sort::Relevance => matched
                .sort_unstable_by(|&(a, sa), &(b, sb)| sb.cmp(&sa).then_with(|| by_title(a, b))),
            Sort::Title => matched.sort_unstable_by_key(|&(a, _)| rank[a as usize]),
            Sort::Year => matched.sort_unstable_by(|&(a, _), &(b, _)| {
                last_if_none(entry(a).year, entry(b).year).then_with(|| by_title(a, b))
            }),
            Sort::Score => matched.sort_unstable_by(|&(a, _), &(b, _)| {
                last_if_none(entry(a).normalized, entry(b).normalized).then_with(|| by_title(a, b))
            }),
            Sort::Watched => matched.sort_unstable_by(|&(a, _), &(b, _)| {
                last_if_none(entry(a).watched, entry(b).watched).then_with(|| by_title(a, b))
            }),
        }
        self.shown = matched.into_iter().map(|(i, _)| i).collect();
        self.matched_query.clone_from(&self.query);
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
                Key::Enter => match (self.selected(), self.picking) {
                    (Some(index), true) => return Outcome::Pick(index),
                    (Some(_), false) => self.view = View::Reading { scroll: 0 },
                    (None, _) => {}
                },
                Key::Tab => {
                    self.view = View::List {
                        preview_focused: !preview_focused,
                    }
                }
                Key::Edit => return self.edit(),
                Key::Sort => {
                    self.sort = self.sort.next();
                    self.refilter(true, true);
                }
                Key::Help => self.view = View::Help,
                Key::Escape if self.query.is_empty() => return Outcome::Quit,
                Key::Escape => {
                    self.query.clear();
                    self.refilter(true, false);
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
                    self.requery();
                }
                Key::Backspace => {
                    if self.query.pop().is_some() {
                        self.requery();
                    }
                }
                Key::EraseWord => {
                    let kept = self.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                    self.query.truncate(kept);
                    self.requery();
                }
                Key::EraseLine => {
                    self.query.clear();
                    self.requery();
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
