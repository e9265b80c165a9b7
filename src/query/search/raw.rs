//! The first look, at a file's raw bytes: is a word in the file's quick fold? Answered exactly,
//! as ripgrep looks for a literal, by its rarest letter: only the few runs of letters around
//! that letter are folded, not the whole file.
//!
//! A word never holds a boundary byte, so in the quick fold it lies within the fold of one run of
//! bytes between boundaries; and the character that gave its rarest letter is either that letter
//! in ASCII (either case) or a character beyond ASCII whose fold holds it (`ž` for `z`).

use memchr::memmem;

use super::quick::{is_boundary, quick_fold, quick_table, table_index};

/// A word of ASCII letters and digits, folded, to look for in raw bytes.
#[derive(Debug, Clone)]
pub(super) struct RawWord {
    word: Vec<u8>,
    finder: memmem::Finder<'static>,
    /// Where in the word its rarest byte first is, and that byte in lower and upper case.
    rare: (usize, u8, u8),
    /// For each character of the quick table, might its fold give the rarest byte?
    gives_rare: Vec<bool>,
    /// For each byte that starts a character beyond ASCII (`0xC0` on), might such a character?
    lead_gives_rare: [bool; 64],
}

impl RawWord {
    /// The look for `word`, when it is folded ASCII (else the file is folded whole).
    pub(super) fn new(word: &str) -> Option<RawWord> {
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        // Letters by how often English has them, the rarest first; digits rarer still.
        const COMMON: &[u8] = b"zqxjkvbpygfwmucldrhsnioate";
        let rank = |b: u8| COMMON.iter().position(|&c| c == b).unwrap_or(0);
        let word = word.as_bytes().to_ascii_lowercase();
        let at = (0..word.len()).min_by_key(|&i| rank(word[i])).unwrap_or(0);
        let rare = (at, word[at], word[at].to_ascii_uppercase());
        let gives_rare: Vec<bool> = quick_table()
            .entries
            .iter()
            .map(|entry| {
                entry.is_none_or(|(bytes, len)| {
                    bytes[..len].contains(&rare.1) || bytes[..len].contains(&rare.2)
                })
            })
            .collect();
        let lead_gives_rare = std::array::from_fn(|i| match 0xC0 + i {
            // Two bytes: the table has every character the lead starts.
            lead @ 0xC2..=0xDF => {
                let first = ((lead & 0x1F) << 6) - 0x80;
                gives_rare[first..first + 64].contains(&true)
            }
            // Longer: looked at one by one. Anything else is not UTF-8, which folds to a space.
            0xE0..=0xF4 => true,
            _ => false,
        });
        Some(RawWord {
            gives_rare,
            lead_gives_rare,
            finder: memmem::Finder::new(&word).into_owned(),
            word,
            rare,
        })
    }

    /// Does the quick fold of `raw` hold the word? `scratch` is a buffer to reuse.
    pub(super) fn is_in(&self, raw: &[u8], scratch: &mut Vec<u8>) -> bool {
        let (offset, lower, upper) = self.rare;
        // The run around the last candidate, and whether it is ASCII alone: such a run folds by
        // case, so each candidate in it is looked at in place; any other is folded once.
        let mut run = 0..0;
        let mut ascii = false;
        for at in memchr::memchr2_iter(lower, upper, raw) {
            if at >= run.end {
                run = run_around(raw, at);
                ascii = raw[run.clone()].is_ascii();
                if !ascii && self.in_fold_of(&raw[run.clone()], scratch) {
                    return true;
                }
            }
            let whole = || {
                at.checked_sub(offset)
                    .and_then(|start| raw.get(start..start + self.word.len()))
                    .is_some_and(|w| w.eq_ignore_ascii_case(&self.word))
            };
            if ascii && whole() {
                return true;
            }
        }
        self.beyond_ascii_is_in(raw, scratch)
    }

    /// Does the word lie in the fold of a run with a character beyond ASCII that gives its rarest
    /// letter? Eight bytes at a time, each such character found among the block's lead bytes.
    fn beyond_ascii_is_in(&self, raw: &[u8], scratch: &mut Vec<u8>) -> bool {
        if raw.is_ascii() {
            return false;
        }
        let table = quick_table();
        let (_, lower, upper) = self.rare;
        let mut done = 0;
        let mut block = 0;
        let mut one = Vec::with_capacity(8);
        while block < raw.len() {
            let mut leads = lead_bytes(&raw[block..]);
            while leads != 0 {
                let at = block + leads.trailing_zeros() as usize / 8;
                leads &= leads - 1;
                if at < done || !self.lead_gives_rare[usize::from(raw[at] - 0xC0)] {
                    continue;
                }
                let gives_rare = match table_index(raw, at) {
                    Some((index, width)) => {
                        done = at + width;
                        self.gives_rare[index]
                    }
                    None => {
                        one.clear();
                        done = at + table.fold_at(raw, at, &mut one);
                        one.contains(&lower) || one.contains(&upper)
                    }
                };
                if !gives_rare {
                    continue;
                }
                let run = run_around(raw, at);
                if self.in_fold_of(&raw[run.clone()], scratch) {
                    return true;
                }
                done = run.end;
            }
            block = (block + 8).max(done);
        }
        false
    }

    fn in_fold_of(&self, run: &[u8], scratch: &mut Vec<u8>) -> bool {
        scratch.clear();
        quick_fold(run, scratch);
        self.finder.find(scratch).is_some()
    }
}

/// The bytes between the boundaries either side of `raw[at]`.
fn run_around(raw: &[u8], at: usize) -> std::ops::Range<usize> {
    let start = raw[..at]
        .iter()
        .rposition(|&b| is_boundary(b))
        .map_or(0, |i| i + 1);
    let end = raw[at..]
        .iter()
        .position(|&b| is_boundary(b))
        .map_or(raw.len(), |i| at + i);
    start..end
}

/// Which of the first eight bytes of `bytes` (fewer at the end) start a character beyond ASCII
/// (`0b11xx_xxxx`): the high bit of each such byte, in place.
fn lead_bytes(bytes: &[u8]) -> u64 {
    let word = match bytes.first_chunk::<8>() {
        Some(word) => u64::from_le_bytes(*word),
        None => {
            let mut word = [0; 8];
            word[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(word)
        }
    };
    // Each byte's bit 6 moved onto its bit 7; the byte's own bit 7 leaves it, and is masked.
    word & (word << 1) & 0x8080_8080_8080_8080
}
