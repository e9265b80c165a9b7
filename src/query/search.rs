//! Full-text search: words and phrases found at the start of words in a review's title and text,
//! each character folded as the filters fold it.
//!
//! A file's bytes are looked at first, cheaply and soundly (never passing over a file that
//! matches): folded in bulk, without keeping where each character came from, and searched for
//! each term's longest word. Only the few files left are parsed, folded and matched exactly.

use std::ops::Range;

use memchr::memmem;

use super::fold::fold_char;

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

    fn push(&mut self, c: char, span: u32) {
        if c.is_alphanumeric() {
            self.text.push(c);
            self.origin.extend(std::iter::repeat_n(span, c.len_utf8()));
        } else if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
            self.origin.push(span);
        }
    }

    /// The byte range of `original` (the text this was folded from) for folded bytes `range`.
    fn original(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let start = self.origin[range.start] as usize;
        let last = self.origin[range.end - 1] as usize;
        let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        start..end
    }
}

/// One word or quoted phrase to find.
#[derive(Debug, Clone)]
struct Term {
    /// Its folded words, one space apart.
    folded: String,
    /// Its longest word: what a file's quick fold is searched for first.
    anchor: memmem::Finder<'static>,
}

impl Term {
    fn new(text: &str) -> Option<Term> {
        let folded = Folded::new(text).text;
        if folded.is_empty() {
            return None;
        }
        let longest = folded
            .split(' ')
            .max_by_key(|w| w.len())
            .unwrap_or_default();
        let anchor = memmem::Finder::new(longest.as_bytes()).into_owned();
        Some(Term { folded, anchor })
    }

    /// Where the term starts words of `folded`.
    /// Each place is looked for from one byte past the last, not past its end: a phrase met
    /// inside a word (`goodbye bye`) may overlap the one that starts a word (`bye bye`).
    fn find<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = usize> + 'a {
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

    /// Might text whose quick fold is `quick` hold the term? True for every text that holds it:
    /// the longest word is looked for, and the other words around each place it is found.
    fn may_be_in(&self, quick: &[u8]) -> bool {
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

/// A byte between words in a quick fold: ASCII that is not a letter or a digit.
fn is_boundary(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphanumeric()
}

/// Is the phrase `words` in `quick` (words apart by boundary bytes), with its word `k` at byte
/// `at`? Each word is whole but the last, which may start a longer word.
fn phrase_at(quick: &[u8], at: usize, words: &[&[u8]], k: usize) -> bool {
    let is_space = |i: usize| quick.get(i).is_none_or(|&b| is_boundary(b));
    // Backwards: the words before, each whole.
    let mut start = at;
    for word in words[..k].iter().rev() {
        let mut end = start;
        if end == 0 || !is_space(end - 1) {
            return false;
        }
        while end > 0 && is_boundary(quick[end - 1]) {
            end -= 1;
        }
        let Some(begin) = end.checked_sub(word.len()) else {
            return false;
        };
        if &quick[begin..end] != *word {
            return false;
        }
        start = begin;
    }
    if start > 0 && !is_space(start - 1) {
        return false;
    }
    // Forwards: the anchor whole when words follow, then each of them.
    let mut end = at + words[k].len();
    for word in &words[k + 1..] {
        if !is_space(end) || end >= quick.len() {
            return false;
        }
        while end < quick.len() && is_boundary(quick[end]) {
            end += 1;
        }
        if !quick[end..].starts_with(word) {
            return false;
        }
        end += word.len();
    }
    true
}

/// The first byte beyond ASCII, looking at 8 bytes at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|i| at + i)
}

/// How characters beyond ASCII fold, made once from [`fold_char`] for the two-byte characters
/// (Latin, Greek, Cyrillic, combining marks) and general punctuation and superscripts (curly quotes, dashes, ⁰):
/// letters and digits folded, anything else a space.
struct QuickTable {
    /// U+0080 to U+07FF.
    two_bytes: Vec<Short>,
    /// U+2000 to U+207F.
    punctuation: Vec<Short>,
}

/// A character's quick fold when it is at most four bytes (else `None`: folded as it is met).
type Short = Option<([u8; 4], usize)>;

/// Push the table's fold of `c`, or fold it.
fn push_folded(out: &mut Vec<u8>, entry: Short, c: impl FnOnce() -> Option<char>) {
    match entry {
        Some((bytes, len)) => {
            for &b in &bytes[..len] {
                out.push(b);
            }
        }
        None => {
            if let Some(c) = c() {
                quick_char(c, out);
            }
        }
    }
}

fn quick_char(c: char, out: &mut Vec<u8>) {
    fold_char(c, |d| {
        if d.is_alphanumeric() {
            let mut utf8 = [0; 4];
            out.extend_from_slice(d.encode_utf8(&mut utf8).as_bytes());
        } else {
            out.push(b' ');
        }
    });
}

fn quick_table() -> &'static QuickTable {
    static TABLE: std::sync::OnceLock<QuickTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let folded = |range: Range<u32>| {
            range
                .map(|cp| {
                    let mut out = Vec::new();
                    quick_char(char::from_u32(cp)?, &mut out);
                    let mut bytes = [0; 4];
                    bytes.get_mut(..out.len())?.copy_from_slice(&out);
                    Some((bytes, out.len()))
                })
                .collect()
        };
        QuickTable {
            two_bytes: folded(0x80..0x800),
            punctuation: folded(0x2000..0x2080),
        }
    })
}

/// The quick fold of a file: every character folded as [`Folded`] folds it, except that ASCII
/// punctuation is kept and runs of it and of spaces are not made one (so it is made fast: ASCII
/// in bulk, the common characters beyond it from a table). Every term a text holds, its quick
/// fold holds, its words apart by one boundary byte or more.
fn quick_fold(raw: &[u8], out: &mut Vec<u8>) {
    let table = quick_table();
    let start = out.len();
    out.reserve(raw.len());
    let mut at = 0;
    while at < raw.len() {
        // ASCII is copied as it is and lower-cased at the end, in one pass over whole vectors;
        // its punctuation is a boundary all the same.
        let run = first_non_ascii(&raw[at..]).unwrap_or(raw.len() - at);
        if run < 16 {
            for &b in &raw[at..at + run] {
                out.push(b);
            }
        } else {
            out.extend_from_slice(&raw[at..at + run]);
        }
        at += run;
        let Some(&lead) = raw.get(at) else {
            break;
        };
        let next = |k: usize| raw.get(at + k).copied().filter(|b| b & 0xC0 == 0x80);
        // The two tables' characters decoded here; the rest as UTF-8 says.
        match (lead, next(1), next(2)) {
            (0xC2..=0xDF, Some(b1), _) => {
                let cp = (u32::from(lead & 0x1F) << 6) | u32::from(b1 & 0x3F);
                push_folded(out, table.two_bytes[cp as usize - 0x80], || {
                    char::from_u32(cp)
                });
                at += 2;
            }
            (0xE2, Some(b1 @ 0x80..=0x81), Some(b2)) => {
                // The offset from U+2000, below 0x80.
                let cp = (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                push_folded(out, table.punctuation[cp as usize], || {
                    char::from_u32(0x2000 + cp)
                });
                at += 3;
            }
            _ => {
                let width = match lead {
                    0xE0..=0xEF => 3,
                    0xF0..=0xF7 => 4,
                    _ => 1,
                };
                let bytes = &raw[at..(at + width).min(raw.len())];
                match std::str::from_utf8(bytes)
                    .ok()
                    .and_then(|s| s.chars().next())
                {
                    Some(c) => {
                        quick_char(c, out);
                        at += width;
                    }
                    // Not UTF-8: read as the replacement character, which folds to a space.
                    None => {
                        out.push(b' ');
                        at += 1;
                    }
                }
            }
        }
    }
    // Folded characters are lower case already; only ASCII changes.
    out[start..].make_ascii_lowercase();
}

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
        scratch.clear();
        quick_fold(name.as_bytes(), scratch);
        scratch.push(b'\n');
        quick_fold(raw, scratch);
        self.terms.iter().all(|t| t.may_be_in(scratch))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn search(words: &[&str], without: &[&str]) -> Search {
        let strings = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Search::new(&strings(words), &strings(without)).unwrap()
    }

    fn found(s: &Search, text: &str) -> Option<usize> {
        let mut scratch = Vec::new();
        let exact = s.matches("", text).map(|m| m.count);
        if exact.is_some() {
            assert!(
                s.may_match("", text.as_bytes(), &mut scratch),
                "sound: {text}"
            );
        }
        exact
    }

    #[test]
    fn words_match_at_the_start_of_words_folded() {
        let shot = search(&["shot"], &[]);
        assert_eq!(found(&shot, "Two shots, one shot."), Some(2));
        assert_eq!(found(&shot, "an upshot"), None);
        assert_eq!(found(&search(&["cafe"], &[]), "Le Café de Flore"), Some(1));
        assert_eq!(found(&search(&["PROTEGE"], &[]), "her protégé"), Some(1));
        assert_eq!(
            found(&search(&["cafe"], &[]), "Le Cafe\u{301}"),
            Some(1),
            "NFD"
        );
        assert_eq!(
            found(&search(&["final"], &[]), "The \u{fb01}nal Cut"),
            Some(1)
        );
        assert_eq!(found(&search(&["amour"], &[]), "l’amour fou"), Some(1));
        assert_eq!(found(&search(&["東京"], &[]), "Ozu: 東京物語"), Some(1));
        assert_eq!(found(&search(&["strasse"], &[]), "Die Straße"), Some(1));
    }

    #[test]
    fn phrases_are_words_side_by_side_and_every_term_must_match() {
        let phrase = search(&["\"stolen bicycle\""], &[]);
        assert_eq!(found(&phrase, "the Stolen\n  Bicycles of Rome"), Some(1));
        assert_eq!(
            found(&phrase, "stolen: bicycle"),
            Some(1),
            "punctuation is a space"
        );
        assert_eq!(found(&phrase, "a bicycle stolen"), None);
        let both = search(&["frozen", "bone"], &[]);
        assert_eq!(found(&both, "bone, then frozen"), Some(2));
        assert_eq!(found(&both, "frozen only"), None);
        let without = search(&["bone"], &["frozen"]);
        assert_eq!(found(&without, "bone"), Some(1));
        assert_eq!(found(&without, "bone frozen"), None);
    }

    #[test]
    fn the_quick_look_finds_phrases_across_any_separators() {
        let phrase = search(&["\"frozen bone\""], &[]);
        let mut scratch = Vec::new();
        let mut may = |text: &str| phrase.may_match("", text.as_bytes(), &mut scratch);
        assert!(may("a Frozen,\n  Bones"));
        assert!(!may("frozen and bone"));
        assert!(!may("unfrozen bone"));
        assert!(!may("frozenbone"));
        assert!(may("x\u{2019}frozen\u{2014}bone"));
        assert!(search(&["x2"], &[]).may_match("", "X\u{2082}".as_bytes(), &mut Vec::new()));
        assert!(search(&["amelie"], &[]).may_match(
            "",
            "AME\u{301}LIE".as_bytes(),
            &mut Vec::new()
        ));
        assert!(search(&["zanzibar"], &[]).may_match(
            "zanzibar-nights",
            b"---\n---\n",
            &mut Vec::new()
        ));
    }

    #[test]
    fn a_phrase_inside_a_word_does_not_hide_the_next() {
        assert_eq!(
            found(&search(&["\"bye bye\""], &[]), "goodbye bye bye"),
            Some(1)
        );
        assert_eq!(found(&search(&["\"ha ha\""], &[]), "Aha ha ha"), Some(1));
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Un café, deux CAFÉS.";
        let m = search(&["cafe"], &[]).matches("", text).unwrap();
        let spans: Vec<&str> = m.spans.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(spans, ["café", "CAFÉ"]);
    }

    #[test]
    fn the_title_counts() {
        let s = search(&["rust"], &[]);
        assert_eq!(
            s.matches("Rust and Bone", "no such word").map(|m| m.count),
            Some(1)
        );
    }

    #[test]
    fn a_query_with_no_word_is_refused() {
        assert!(Search::new(&["!!!".to_string()], &[]).is_err());
        assert!(Search::new(&[], &[]).is_err());
    }
}
