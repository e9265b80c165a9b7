//! The first look, at a file's raw bytes: is a word in the file's quick fold? Answered exactly,
//! as ripgrep looks for a literal, by its rarest letter: only the few runs of letters around
//! that letter are folded, not the whole file.
//!
//! A word never holds a boundary byte, so in the quick fold it lies within the fold of one run of
//! bytes between boundaries; and the character that gave its rarest letter is either that letter
//! in ASCII (either case) or a character beyond ASCII whose fold holds it (`ž` for `z`).

use memchr::memmem;

use super::quick::{PUNCTUATION_AT, is_boundary, quick_fold, quick_table, table_index};

/// A word of ASCII letters and digits, folded, to look for in raw bytes.
#[derive(Debug, Clone)]
pub(super) struct RawWord {
    word: Vec<u8>,
    finder: memmem::Finder<'static>,
    /// Where in the word its rarest byte first is, and that byte in lower and upper case.
    rare: (usize, u8, u8),
    /// For each character of the quick table, might its fold give the rarest byte?
    gives_rare: Vec<bool>,
    /// For each byte that starts a character beyond ASCII (`0xC0` on) and each byte that can
    /// follow it (`0x80` to `0xBF`), might the character they start give it? Exact for two bytes.
    pair_gives_rare: Vec<bool>,
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
        let pair_gives_rare = (0..64 * 64)
            .map(|i| {
                let (lead, second) = (0xC0 + i / 64, 0x80 + i % 64);
                match lead {
                    // Two bytes: the table has every character.
                    0xC2..=0xDF => gives_rare[(((lead & 0x1F) << 6) | (second & 0x3F)) - 0x80],
                    // General punctuation: the table has its 128 characters, 64 to each second byte.
                    0xE2 if second <= 0x81 => {
                        let first = PUNCTUATION_AT + ((second & 0x3F) << 6);
                        gives_rare[first..first + 64].contains(&true)
                    }
                    // Longer: looked at one by one. Anything else is not UTF-8, which folds to a space.
                    0xE0..=0xF4 => true,
                    _ => false,
                }
            })
            .collect();
        Some(RawWord {
            gives_rare,
            pair_gives_rare,
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
    /// letter? 64 bytes at a time, each such character found among the block's lead bytes.
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
                let at = block + leads.trailing_zeros() as usize;
                leads &= leads - 1;
                // A lead not followed by a continuation byte is not UTF-8: a space.
                let second = raw.get(at + 1).map_or(0, |&b| b ^ 0x80);
                if at < done
                    || second >= 0x40
                    || !self.pair_gives_rare
                        [(usize::from(raw[at] - 0xC0) << 6) | usize::from(second)]
                {
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
            block = (block + 64).max(done);
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

/// Which of the first 64 bytes of `bytes` (fewer at the end) start a character beyond ASCII
/// (`0b11xx_xxxx`): bit `i` for byte `i`.
fn lead_bytes(bytes: &[u8]) -> u64 {
    let mut padded = [0; 64];
    let block = match bytes.first_chunk::<64>() {
        Some(block) => block,
        None => {
            padded[..bytes.len()].copy_from_slice(bytes);
            &padded
        }
    };
    let mut leads = 0;
    for (k, word) in block.chunks_exact(8).enumerate() {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // Each byte's bit 6 moved onto its bit 7 (the byte's own bit 7 leaves it, and is masked),
        // then the eight high bits gathered into the top byte, byte `i`'s at bit `56 + i`.
        let high = word & (word << 1) & 0x8080_8080_8080_8080;
        let gathered = (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        leads |= gathered << (8 * k);
    }
    leads
}
