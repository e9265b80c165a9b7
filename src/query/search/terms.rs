//! The terms of a search: each word or phrase folded, found at the start of words of folded text,
//! and mapped back to the original text.

use std::ops::Range;

use memchr::memmem;

use super::quick::phrase_at;
use super::raw::RawWord;
use crate::query::fold::fold_char;

/// Text folded for searching: letters and digits folded, every run of anything else one space,
/// and for each byte of it, where in the original text its character starts.
pub(crate) struct Folded {
    pub(crate) text: String,
    origin: Vec<u32>,
}

impl Folded {
    pub(crate) fn new(text: &str) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(text.len()),
            origin: Vec::with_capacity(text.len()),
        };
        for (at, c) in text.char_indices() {
            let span = at as u32;
            if c.is_ascii() {
                folded.push(c.to_ascii_lowercase(), span);
            } else {
                fold_char(c, |d| folded.push(d, span));
            }
        }
        if folded.text.ends_with(' ') {
            folded.text.pop();
            folded.origin.pop();
        }
        folded
    }

    pub(super) fn push(&mut self, c: char, span: u32) {
        if c.is_alphanumeric() {
            self.text.push(c);
            self.origin.extend(std::iter::repeat_n(span, c.len_utf8()));
        } else if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
            self.origin.push(span);
        }
    }

    /// The byte range of `original` (the text this was folded from) for folded bytes `range`.
    pub(super) fn original(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let start = self.origin[range.start] as usize;
        let last = self.origin[range.end - 1] as usize;
        let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        start..end
    }
}

/// One word or quoted phrase to find.
#[derive(Debug, Clone)]
pub(super) struct Term {
    /// Its folded words, one space apart.
    pub(super) folded: String,
    /// Its longest word: what a file's quick fold is searched for first.
    anchor: memmem::Finder<'static>,
    /// The longest word, when it is ASCII: what a file's raw bytes are looked at for, first.
    raw_anchor: Option<RawWord>,
}

impl Term {
    pub(super) fn new(text: &str) -> Option<Term> {
        let folded = Folded::new(text).text;
        if folded.is_empty() {
            return None;
        }
        let longest = folded
            .split(' ')
            .max_by_key(|w| w.len())
            .unwrap_or_default();
        let anchor = memmem::Finder::new(longest.as_bytes()).into_owned();
        let raw_anchor = RawWord::new(longest);
        Some(Term {
            folded,
            anchor,
            raw_anchor,
        })
    }

    /// Where the term starts words of `folded`.
    /// Each place is looked for from one byte past the last, not past its end: a phrase met
    /// inside a word (`goodbye bye`) may overlap the one that starts a word (`bye bye`).
    pub(super) fn find<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = usize> + 'a {
        let bytes = folded.as_bytes();
        let mut from = 0;
        std::iter::from_fn(move || {
            let needle = self.folded.as_bytes();
            while let Some(found) = memmem::find(&bytes[from.min(bytes.len())..], needle) {
                let at = from + found;
                from = at + 1;
                if at == 0 || bytes[at - 1] == b' ' {
                    return Some(at);
                }
            }
            None
        })
    }

    /// Might a file named `name` with bytes `raw` hold the term? False only when its quick fold
    /// lacks the term's longest word, which is found with most of the file not folded.
    pub(super) fn anchor_may_be_in(&self, name: &[u8], raw: &[u8], scratch: &mut Vec<u8>) -> bool {
        self.raw_anchor
            .as_ref()
            .is_none_or(|word| word.is_in(name, scratch) || word.is_in(raw, scratch))
    }

    /// Might text whose quick fold is `quick` hold the term? True for every text that holds it:
    /// the longest word is looked for, and the other words around each place it is found.
    pub(super) fn may_be_in(&self, quick: &[u8]) -> bool {
        let words: Vec<&[u8]> = self.folded.split(' ').map(str::as_bytes).collect();
        let k = words
            .iter()
            .position(|w| *w == self.anchor.needle())
            .unwrap_or(0);
        self.anchor
            .find_iter(quick)
            .any(|at| phrase_at(quick, at, &words, k))
    }
}
