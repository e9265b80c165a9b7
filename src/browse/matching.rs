//! Fuzzy matching with nucleo (the matcher of the Helix editor), as fzf ranks: `rstbne` finds
//! Rust and Bone, smart case, `'word` exact, `^` and `$` anchored, `!` negated, every word must
//! match.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use rayon::prelude::*;

/// What typing matches, for every entry, kept together: scattered over the heap, 100,000 of
/// them took longer to visit than to match.
#[derive(Default)]
pub(crate) struct Haystacks {
    ascii: String,
    unicode: Vec<char>,
    /// Where each entry's text starts, how long it is, and whether it is in `unicode`.
    spans: Vec<(u32, u32, bool)>,
}

impl Haystacks {
    pub(crate) fn push(&mut self, text: &str) {
        let span = if text.is_ascii() {
            self.ascii.push_str(text);
            (self.ascii.len() - text.len(), text.len(), false)
        } else {
            let start = self.unicode.len();
            self.unicode.extend(text.chars());
            (start, self.unicode.len() - start, true)
        };
        self.spans.push((span.0 as u32, span.1 as u32, span.2));
    }

    pub(crate) fn replace(&mut self, index: usize, text: &str) {
        // The old text stays, unused, until the browser ends: an edit is rare.
        self.push(text);
        self.spans.swap_remove(index);
    }

    fn get(&self, index: u32) -> Utf32Str<'_> {
        let (start, len, unicode) = self.spans[index as usize];
        let range = start as usize..(start + len) as usize;
        if unicode {
            Utf32Str::Unicode(&self.unicode[range])
        } else {
            Utf32Str::Ascii(self.ascii[range].as_bytes())
        }
    }
}

/// Entries matched by one matcher on one core.
const CHUNK: usize = 8192;

/// The entries among `candidates` that `query` matches, by index, each with its score (higher
/// is better); every candidate, scored 0, when the query is empty. Matched on every core.
pub(crate) fn matching(haystacks: &Haystacks, candidates: &[u32], query: &str) -> Vec<(u32, u32)> {
    if query.trim().is_empty() {
        return candidates.iter().map(|&i| (i, 0)).collect();
    }
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let letters: usize = pattern.atoms.iter().map(|a| a.needle_text().len()).sum();
    let greedy = candidates.len() * letters > GREEDY_ABOVE;
    // A matcher holds a large scratch space: one per chunk, not one per entry.
    let chunks: Vec<Vec<(u32, u32)>> = candidates
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut matcher = Matcher::new(Config::DEFAULT);
            let score = |&i: &u32| {
                let haystack = haystacks.get(i);
                let score = if greedy {
                    score_greedily(&pattern, haystack, &mut matcher)
                } else {
                    pattern.score(haystack, &mut matcher)
                };
                score.map(|score| (i, score))
            };
            chunk.iter().filter_map(score).collect()
        })
        .collect();
    chunks.concat()
}

/// Above this many candidates times letters typed, fuzzy words are matched greedily (the first
/// place each letter fits), as fzf does for large inputs: several times quicker, ranked a little
/// less well. The best match is found for up to 10,000 candidates of three letters.
const GREEDY_ABOVE: usize = 30_000;

/// `pattern`'s score, its fuzzy words matched greedily; the other kinds as nucleo matches them.
fn score_greedily(pattern: &Pattern, haystack: Utf32Str<'_>, matcher: &mut Matcher) -> Option<u32> {
    let mut total = 0;
    for atom in &pattern.atoms {
        let score = match atom.kind {
            AtomKind::Fuzzy if !atom.negative => {
                let needle = atom.needle_text();
                // Smart case and smart normalisation, as `Pattern::parse` gave them.
                matcher.config.ignore_case = !needle.chars().any(char::is_uppercase);
                matcher.config.normalize = needle.chars().all(|c| c.is_ascii());
                matcher.fuzzy_match_greedy(haystack, needle)?
            }
            _ => atom.score(haystack, matcher)?,
        };
        total += u32::from(score);
    }
    Some(total)
}

/// Can `query` match only entries that `before` matched? So when it adds to the end of a query
/// with no negation, alternation or end anchor: its words then only grow or add to `before`'s.
pub(crate) fn narrows(before: &str, query: &str) -> bool {
    !before.trim().is_empty()
        && query.starts_with(before)
        && !before.ends_with('\\')
        && !query.contains(['!', '|', '$'])
}
