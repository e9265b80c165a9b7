//! The quick look: a file's bytes folded in bulk, without keeping where each character came from,
//! to pass over files that cannot match before any is parsed. Never passes over one that does.

use std::ops::Range;

use crate::query::fold::fold_char;

/// A byte between words in a quick fold: ASCII that is not a letter or a digit.
pub(super) fn is_boundary(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphanumeric()
}

/// Is the phrase `words` in `quick` (words apart by boundary bytes), with its word `k` at byte
/// `at`? Each word is whole but the last, which may start a longer word.
pub(super) fn phrase_at(quick: &[u8], at: usize, words: &[&[u8]], k: usize) -> bool {
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
pub(super) fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
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
pub(super) struct QuickTable {
    /// U+0080 to U+07FF, then U+2000 to U+207F.
    pub(super) entries: Vec<Short>,
}

/// Where the table's characters start: U+0080 to U+07FF (two bytes), then U+2000 to U+207F.
pub(super) const PUNCTUATION_AT: usize = 0x800 - 0x80;

/// The character at `index` in the table.
fn char_of(index: usize) -> Option<char> {
    let cp = if index < PUNCTUATION_AT {
        index + 0x80
    } else {
        index - PUNCTUATION_AT + 0x2000
    };
    char::from_u32(cp as u32)
}

/// The place in [`QuickTable`] of the character beyond ASCII at `raw[at]`, and its width in
/// bytes, when it is one of the table's.
pub(super) fn table_index(raw: &[u8], at: usize) -> Option<(usize, usize)> {
    let next = |k: usize| raw.get(at + k).copied().filter(|b| b & 0xC0 == 0x80);
    match (raw[at], next(1), next(2)) {
        (lead @ 0xC2..=0xDF, Some(b1), _) => {
            let cp = (usize::from(lead & 0x1F) << 6) | usize::from(b1 & 0x3F);
            Some((cp - 0x80, 2))
        }
        // The offset from U+2000, below 0x80.
        (0xE2, Some(b1 @ 0x80..=0x81), Some(b2)) => {
            let offset = (usize::from(b1 & 0x3F) << 6) | usize::from(b2 & 0x3F);
            Some((PUNCTUATION_AT + offset, 3))
        }
        _ => None,
    }
}

impl QuickTable {
    /// Push the quick fold of the character beyond ASCII at `raw[at]` (before ASCII is lower-cased)
    /// and return its width in bytes.
    pub(super) fn fold_at(&self, raw: &[u8], at: usize, out: &mut Vec<u8>) -> usize {
        if let Some((index, width)) = table_index(raw, at) {
            push_folded(out, self.entries[index], || char_of(index));
            return width;
        }
        // The rest as UTF-8 says.
        let width = match raw[at] {
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
                width
            }
            // Not UTF-8: read as the replacement character, which folds to a space.
            None => {
                out.push(b' ');
                1
            }
        }
    }
}

/// A character's quick fold when it is at most four bytes (else `None`: folded as it is met).
pub(super) type Short = Option<([u8; 4], usize)>;

/// Push the table's fold of `c`, or fold it.
pub(super) fn push_folded(out: &mut Vec<u8>, entry: Short, c: impl FnOnce() -> Option<char>) {
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

pub(super) fn quick_char(c: char, out: &mut Vec<u8>) {
    fold_char(c, |d| {
        if d.is_alphanumeric() {
            let mut utf8 = [0; 4];
            out.extend_from_slice(d.encode_utf8(&mut utf8).as_bytes());
        } else {
            out.push(b' ');
        }
    });
}

pub(super) fn quick_table() -> &'static QuickTable {
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
        let mut entries: Vec<Short> = folded(0x80..0x800);
        entries.extend(folded(0x2000..0x2080));
        QuickTable { entries }
    })
}

/// The quick fold of a file: every character folded as [`Folded`] folds it, except that ASCII
/// punctuation is kept and runs of it and of spaces are not made one (so it is made fast: ASCII
/// in bulk, the common characters beyond it from a table). Every term a text holds, its quick
/// fold holds, its words apart by one boundary byte or more.
pub(super) fn quick_fold(raw: &[u8], out: &mut Vec<u8>) {
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
        if at == raw.len() {
            break;
        }
        at += table.fold_at(raw, at, out);
    }
    // Folded characters are lower case already; only ASCII changes.
    out[start..].make_ascii_lowercase();
}
