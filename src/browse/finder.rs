//! Matching and sorting on a thread of their own: a key's query is drawn at once and its
//! results follow, so typing never waits on 100,000 matches. The drawing thread sends what was
//! read and what is asked; the finder sends back the order to show, newest asked last.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Instant;

use jiff::civil::Date;
use rayon::slice::ParallelSliceMut;

use super::Entry;
use super::matching::{Haystacks, matching, narrows};
use super::state::Sort;

/// What the finder keeps of one entry: what typing matches, and what the sorts compare.
pub(crate) struct Keys {
    haystack: Box<str>,
    title_key: Box<str>,
    name: Box<str>,
    year: Option<i32>,
    normalized: Option<f64>,
    watched: Option<Date>,
}

impl Keys {
    /// What the finder keeps of `entry`; its matched text and title key move out of it.
    pub(crate) fn of(entry: &mut Entry) -> Keys {
        Keys {
            haystack: std::mem::take(&mut entry.haystack),
            title_key: std::mem::take(&mut entry.title_key),
            name: entry.name.clone(),
            year: entry.year,
            normalized: entry.normalized,
            watched: entry.watched,
        }
    }
}

/// A search asked of the finder; its results carry it back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Asked {
    pub(crate) query: String,
    pub(crate) sort: Sort,
    /// Counts the searches asked, so that the newest is known.
    pub(crate) number: u64,
}

/// The entries `asked` shows, by index, in order.
pub(crate) struct Found {
    pub(crate) asked: Asked,
    pub(crate) shown: Vec<u32>,
}

enum Request {
    Add(Vec<Keys>),
    Replace(usize, Keys),
    Find(Asked),
}

pub(crate) struct Finder {
    requests: Option<Sender<Request>>,
    found: Receiver<Found>,
    thread: Option<JoinHandle<()>>,
}

impl Finder {
    pub(crate) fn start() -> Finder {
        let (requests, inbox) = mpsc::channel();
        let (outbox, found) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("finder".into())
            .spawn(move || serve(&inbox, &outbox))
            .ok();
        Finder {
            requests: Some(requests),
            found,
            thread,
        }
    }

    fn send(&self, request: Request) {
        // The finder only stops when the browser does.
        if let Some(requests) = &self.requests {
            let _ = requests.send(request);
        }
    }

    pub(crate) fn add(&self, keys: Vec<Keys>) {
        self.send(Request::Add(keys));
    }

    pub(crate) fn replace(&self, index: usize, keys: Keys) {
        self.send(Request::Replace(index, keys));
    }

    pub(crate) fn find(&self, asked: Asked) {
        self.send(Request::Find(asked));
    }

    /// Results that have come, if any, without waiting.
    pub(crate) fn try_found(&self) -> Option<Found> {
        self.found.try_recv().ok()
    }

    /// The next results, waited for until `deadline` at most (for ever when `None`).
    pub(crate) fn wait_found(&self, deadline: Option<Instant>) -> Option<Found> {
        match deadline {
            Some(deadline) => self
                .found
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .ok(),
            None => self.found.recv().ok(),
        }
    }
}

impl Drop for Finder {
    fn drop(&mut self) {
        // Closing the requests ends the finder's loop.
        self.requests = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answer requests until the browser ends: everything waiting is taken in at once, and only
/// the newest search among them is answered.
fn serve(inbox: &Receiver<Request>, outbox: &Sender<Found>) {
    let mut index = Index::default();
    // Its own threads, so that matching never queues behind the reading of files.
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("finder-{i}"))
        .build()
        .ok();
    while let Ok(first) = inbox.recv() {
        let mut asked = None;
        for request in std::iter::once(first).chain(inbox.try_iter()) {
            match request {
                Request::Add(keys) => index.add(keys),
                Request::Replace(i, keys) => index.replace(i, keys),
                Request::Find(newer) => asked = Some(newer),
            }
        }
        let Some(asked) = asked else { continue };
        let shown = match &pool {
            Some(pool) => pool.install(|| index.find(&asked)),
            None => index.find(&asked),
        };
        if outbox.send(Found { asked, shown }).is_err() {
            return;
        }
    }
}

/// The most recent searches whose matches are kept, so that a longer query matches among
/// them and a shorter one (Backspace) is not matched again.
const REMEMBERED: usize = 8;

#[derive(Default)]
struct Index {
    haystacks: Haystacks,
    keys: Vec<Keys>,
    /// Each entry's place in title order, and the entries in that order.
    title_rank: Vec<u32>,
    title_order: Vec<u32>,
    /// Recent queries with what they matched (index and score), newest last; forgotten when
    /// entries change.
    remembered: Vec<(String, Vec<(u32, u32)>)>,
}

impl Index {
    fn add(&mut self, keys: Vec<Keys>) {
        let start = self.keys.len() as u32;
        for mut key in keys {
            self.haystacks.push(&std::mem::take(&mut key.haystack));
            self.keys.push(key);
        }
        // The new entries sorted by title, then merged into the order so far.
        let mut added: Vec<u32> = (start..self.keys.len() as u32).collect();
        added.sort_unstable_by(|&a, &b| self.by_title(a, b));
        let before = std::mem::take(&mut self.title_order);
        let mut order = Vec::with_capacity(self.keys.len());
        let (mut old, mut new) = (before.into_iter().peekable(), added.into_iter().peekable());
        while let (Some(&a), Some(&b)) = (old.peek(), new.peek()) {
            if self.by_title(a, b).is_le() {
                order.extend(old.next());
            } else {
                order.extend(new.next());
            }
        }
        order.extend(old.chain(new));
        self.rank(order);
    }

    fn replace(&mut self, index: usize, mut key: Keys) {
        if index < self.keys.len() {
            self.haystacks
                .replace(index, &std::mem::take(&mut key.haystack));
            self.keys[index] = key;
            let mut order = std::mem::take(&mut self.title_order);
            order.sort_unstable_by(|&a, &b| self.by_title(a, b));
            self.rank(order);
        }
    }

    fn by_title(&self, a: u32, b: u32) -> std::cmp::Ordering {
        let (a, b) = (&self.keys[a as usize], &self.keys[b as usize]);
        a.title_key
            .cmp(&b.title_key)
            .then_with(|| a.name.cmp(&b.name))
    }

    /// `order` as the title order, each entry's place in it noted; what was matched before is
    /// forgotten, since the entries changed.
    fn rank(&mut self, order: Vec<u32>) {
        self.title_rank.resize(order.len(), 0);
        for (rank, &i) in order.iter().enumerate() {
            self.title_rank[i as usize] = rank as u32;
        }
        self.title_order = order;
        self.remembered.clear();
    }

    /// The entries `asked` shows, in its order.
    fn find(&mut self, asked: &Asked) -> Vec<u32> {
        let query = asked.query.as_str();
        if query.trim().is_empty() && matches!(asked.sort, Sort::Relevance | Sort::Title) {
            return self.title_order.clone();
        }
        let matched = match self.remembered.iter().position(|(q, _)| q == query) {
            Some(at) => self.remembered.remove(at).1,
            None => {
                let everything: Vec<u32>;
                // The narrowest remembered search this one can only narrow.
                let among = self
                    .remembered
                    .iter()
                    .filter(|(before, _)| narrows(before, query))
                    .min_by_key(|(_, matched)| matched.len());
                let candidates: Vec<u32>;
                let candidates = match among {
                    Some((_, matched)) => {
                        candidates = matched.iter().map(|&(i, _)| i).collect();
                        &candidates
                    }
                    None => {
                        everything = (0..self.keys.len() as u32).collect();
                        &everything
                    }
                };
                matching(&self.haystacks, candidates, query)
            }
        };
        let shown = self.sorted(&matched, asked.sort);
        if self.remembered.len() == REMEMBERED {
            self.remembered.remove(0);
        }
        self.remembered.push((query.to_string(), matched));
        shown
    }

    /// `matched` in `sort`'s order. Each entry becomes one number, what it sorts by above its
    /// title's rank, so that sorting compares numbers; entries without the field come last.
    fn sorted(&self, matched: &[(u32, u32)], sort: Sort) -> Vec<u32> {
        let descending =
            |value: Option<u32>| value.map_or(u32::MAX, |v| u32::MAX - 1 - v.min(u32::MAX - 1));
        let first = |i: u32, score: u32| -> u32 {
            let key = &self.keys[i as usize];
            match sort {
                Sort::Relevance => u32::MAX - score,
                Sort::Title => 0,
                // Shifted so that every year, even a negative one, keeps its order.
                Sort::Year => descending(
                    key.year
                        .map(|y| (i64::from(y) - i64::from(i32::MIN)) as u32),
                ),
                Sort::Score => descending(key.normalized.map(ordered)),
                Sort::Watched => descending(key.watched.map(|d| {
                    // Years run from -9999 to 9999.
                    let year = i64::from(d.year()) + 10_000;
                    (year * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())) as u32
                })),
            }
        };
        let mut numbers: Vec<u64> = matched
            .iter()
            .map(|&(i, score)| {
                u64::from(first(i, score)) << 32 | u64::from(self.title_rank[i as usize])
            })
            .collect();
        numbers.par_sort_unstable();
        numbers
            .into_iter()
            .map(|n| self.title_order[(n & u64::from(u32::MAX)) as usize])
            .collect()
    }
}

/// A score as a number whose order is the score's (every score is finite).
fn ordered(score: f64) -> u32 {
    let bits = (score as f32).to_bits();
    // Positive floats order as their bits; negative ones in reverse, below them.
    if bits >> 31 == 0 {
        bits | 1 << 31
    } else {
        !bits
    }
}
