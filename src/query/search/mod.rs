//! Full-text search: words and phrases found at the start of words in a review's title and text,
//! each character folded as the filters fold it.
//!
//! A file's bytes are looked at first, cheaply and soundly (never passing over a file that
//! matches): folded in bulk, without keeping where each character came from, and searched for
//! each term's longest word. Only the few files left are parsed, folded and matched exactly.

mod quick;
mod raw;
mod terms;
#[cfg(test)]
mod tests;

use std::ops::Range;

use self::quick::quick_fold;
use self::terms::{Folded, Term};

/// Matches whose places are kept, per term: past it they are counted, not shown (only the first
/// hundred lines and three snippets are).
const MAX_SPANS: usize = 10_000;

/// What a search asks: terms that must all be found, and terms that must not be.
#[derive(Debug, Clone)]
pub(crate) struct Search {
    terms: Vec<Term>,
    without: Vec<Term>,
}

/// Where a review's text matched: the number of matches in its title and text, and the text's
/// byte ranges that matched, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Matches {
    pub(crate) count: usize,
    pub(crate) spans: Vec<Range<usize>>,
}

/// The query's words and `"quoted phrases"`.
fn terms(words: &[String]) -> Vec<String> {
    let query = words.join(" ");
    let mut terms = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            terms.push(part.to_string());
        } else {
            terms.extend(part.split_whitespace().map(str::to_string));
        }
    }
    terms.retain(|t| !t.trim().is_empty());
    terms
}

impl Search {
    /// A search for every one of `words` (a `"quoted phrase"` is one), and none of `without`.
    pub(crate) fn new(words: &[String], without: &[String]) -> Result<Search, String> {
        let make = |words: &[String]| -> Result<Vec<Term>, String> {
            terms(words)
                .iter()
                .map(|t| {
                    Term::new(t).ok_or_else(|| {
                        format!("expected a word with a letter or digit, found \"{t}\"")
                    })
                })
                .collect()
        };
        let terms = make(words)?;
        if terms.is_empty() {
            return Err("expected a word to search for".to_string());
        }
        Ok(Search {
            terms,
            without: make(without)?,
        })
    }

    /// Might this file hold every term? Never false for a file whose title and text do, the
    /// title written in the file or taken from its `name` (its slug). `scratch` is a buffer to
    /// reuse.
    pub(crate) fn may_match(&self, name: &str, raw: &[u8], scratch: &mut Vec<u8>) -> bool {
        // Most files lack a term's longest word, which their raw bytes tell without folding.
        if !self
            .terms
            .iter()
            .all(|t| t.anchor_may_be_in(name.as_bytes(), raw, scratch))
        {
            return false;
        }
        scratch.clear();
        quick_fold(name.as_bytes(), scratch);
        scratch.push(b'\n');
        quick_fold(raw, scratch);
        self.terms.iter().all(|t| t.may_be_in(scratch))
    }

    /// Where any term is found in `text`, in order: the words to mark in a snippet.
    pub(crate) fn spans(&self, text: &str) -> Vec<Range<usize>> {
        let folded = Folded::new(text);
        let mut spans: Vec<Range<usize>> = self
            .terms
            .iter()
            .flat_map(|term| {
                let folded = &folded;
                term.find(&folded.text)
                    .take(MAX_SPANS)
                    .map(move |at| folded.original(text, at..at + term.folded.len()))
            })
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }

    /// Where every term is found in `title` and `body`, when each is and no excluded one is.
    pub(crate) fn matches(&self, title: &str, body: &str) -> Option<Matches> {
        let title = Folded::new(title);
        let text = Folded::new(body);
        let excluded = self
            .without
            .iter()
            .any(|t| t.find(&title.text).next().is_some() || t.find(&text.text).next().is_some());
        if excluded {
            return None;
        }
        let mut count = 0;
        let mut spans = Vec::new();
        for term in &self.terms {
            let mut found = term.find(&title.text).count();
            // Every match counts; the first MAX_SPANS keep their places.
            for (n, at) in term.find(&text.text).enumerate() {
                if n < MAX_SPANS {
                    spans.push(text.original(body, at..at + term.folded.len()));
                }
                found += 1;
            }
            if found == 0 {
                return None;
            }
            count += found;
        }
        spans.sort_by_key(|s| (s.start, s.end));
        Some(Matches { count, spans })
    }
}
