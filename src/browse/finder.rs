//! Matching and sorting on a thread of their own: a key's query is drawn at once and its
//! results follow, so typing never waits on 100,000 matches. The drawing thread sends what was
//! read and what is asked; the finder sends back the order to show, newest asked last.

use std::cmp::Reverse;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Instant;

use jiff::civil::Date;

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

/// A search asked of the finder.
pub(crate) struct Asked {
    pub(crate) query: String,
    pub(crate) sort: Sort,
    /// Counts the searches asked, so that the newest is known.
    pub(crate) number: u64,
}

/// The entries a search shows, by index, in order.
pub(crate) struct Found {
    /// The search's number, as it was asked.
    pub(crate) number: u64,
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
        let number = asked.number;
        if outbox.send(Found { number, shown }).is_err() {
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
                // The narrowest remembered search this one can only narrow.
                let among = self
                    .remembered
                    .iter()
                    .filter(|(before, _)| narrows(before, query))
                    .min_by_key(|(_, matched)| matched.len());
                let everything: Vec<u32>;
                let candidates: Vec<u32>;
                let candidates = match among {
                    Some((_, matched)) => {
                        candidates = matched.iter().map(|&(i, _)| i).collect();
                        &candidates
                    }
                    None => {
                        // In the arena's order: visited in title order, its text is scattered
                        // (`r` took 19 ms instead of 5).
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

    /// `matched` in title order: each put in its title's place, since ranks are a
    /// permutation, rather than sorted.
    fn in_title_order(&self, matched: &[(u32, u32)]) -> Vec<(u32, u32)> {
        const EMPTY: (u32, u32) = (u32::MAX, 0);
        let mut places = vec![EMPTY; self.keys.len()];
        for &(i, score) in matched {
            places[self.title_rank[i as usize] as usize] = (i, score);
        }
        places.retain(|&place| place != EMPTY);
        places
    }

    /// `matched` in `sort`'s order: put in title order, then sorted stably, so that equals stay
    /// in title order; entries without the field sorted on come last.
    fn sorted(&self, matched: &[(u32, u32)], sort: Sort) -> Vec<u32> {
        let matched = &self.in_title_order(matched);
        let field = |i: u32| -> Option<u32> {
            let key = &self.keys[i as usize];
            match sort {
                Sort::Relevance | Sort::Title => None,
                // Shifted so that every year, even a negative one, keeps its order.
                Sort::Year => key
                    .year
                    .map(|y| (i64::from(y) - i64::from(i32::MIN)) as u32),
                Sort::Score => key.normalized.map(ordered),
                Sort::Watched => key.watched.map(|d| {
                    // Years run from -9999 to 9999.
                    let year = i64::from(d.year()) + 10_000;
                    (year * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())) as u32
                }),
            }
        };
        match sort {
            Sort::Title => matched.iter().map(|&(i, _)| i).collect(),
            Sort::Relevance => best_first(matched),
            _ => {
                let mut keyed: Vec<(Reverse<Option<u32>>, u32)> = matched
                    .iter()
                    .map(|&(i, _)| (Reverse(field(i)), i))
                    .collect();
                keyed.sort_by_key(|&(key, _)| key);
                keyed.into_iter().map(|(_, i)| i).collect()
            }
        }
    }
}

/// `matched` by score, the best first, equals in the order they came: a counting sort, since
/// scores span a small range (a comparison sort of 100,000 took 3 ms).
fn best_first(matched: &[(u32, u32)]) -> Vec<u32> {
    let (low, high) = matched.iter().fold((u32::MAX, 0), |(low, high), &(_, s)| {
        (low.min(s), high.max(s))
    });
    if low > high || high - low > 1 << 16 {
        let mut matched = matched.to_vec();
        matched.sort_by_key(|&(_, score)| Reverse(score));
        return matched.into_iter().map(|(i, _)| i).collect();
    }
    // Where each score's entries start in the result, the highest score first.
    let mut starts = vec![0u32; (high - low) as usize + 2];
    for &(_, score) in matched {
        starts[(high - score) as usize + 1] += 1;
    }
    for slot in 1..starts.len() {
        starts[slot] += starts[slot - 1];
    }
    let mut best = vec![0; matched.len()];
    for &(i, score) in matched {
        let start = &mut starts[(high - score) as usize];
        best[*start as usize] = i;
        *start += 1;
    }
    best
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_score_comes_first_and_equals_keep_their_order() {
        let matched = [(7, 10), (3, 30), (9, 10), (1, 30), (4, 20)];
        assert_eq!(best_first(&matched), [3, 1, 4, 7, 9]);
        // Scores too far apart for counting: sorted all the same.
        let spread = [(1, 5), (2, u32::MAX), (3, 5)];
        assert_eq!(best_first(&spread), [2, 1, 3]);
        assert!(best_first(&[]).is_empty());
    }

    #[test]
    fn scores_order_as_numbers_do() {
        let scores = [-3.5, -0.0, 0.0, 0.5, 62.5, 100.0];
        for pair in scores.windows(2) {
            assert!(ordered(pair[0]) <= ordered(pair[1]), "{pair:?}");
        }
    }
}
