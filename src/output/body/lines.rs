//! Styled text filled into lines of a width, a word at a time.

use std::rc::Rc;

use anstyle::Style;
use unicode_width::UnicodeWidthChar;

/// How a run of text looks: its style, and the address it links to when links are OSC 8.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Look {
    pub(crate) style: Style,
    pub(crate) link: Option<Rc<str>>,
}

/// A line of styled text and the columns it takes: its text in one string, and where each look
/// starts, so that filling a word costs no allocation of its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    text: String,
    /// (byte offset into `text`, look) for each run, in order.
    looks: Vec<(usize, Look)>,
    pub(crate) width: usize,
}

impl Line {
    pub(crate) fn push(&mut self, c: char, look: &Look) {
        self.start_run(look);
        self.width += char_width(c);
        self.text.push(c);
    }

    /// Add `text`, `width` columns wide, in `look`.
    fn push_str(&mut self, text: &str, width: usize, look: &Look) {
        self.start_run(look);
        self.width += width;
        self.text.push_str(text);
    }

    fn start_run(&mut self, look: &Look) {
        if self.looks.last().is_none_or(|(_, l)| l != look) {
            self.looks.push((self.text.len(), look.clone()));
        }
    }

    pub(crate) fn append(&mut self, other: &Line) {
        for (text, look) in other.runs() {
            self.push_str(text, 0, look);
        }
        self.width += other.width;
    }

    fn clear(&mut self) {
        self.text.clear();
        self.looks.clear();
        self.width = 0;
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.looks.is_empty()
    }

    /// A line with nothing in it that is still a line of its item: an empty item's marker.
    pub(crate) fn marker_only() -> Self {
        Line {
            looks: vec![(0, Look::default())],
            ..Line::default()
        }
    }

    /// The runs of text, each in its look.
    pub(crate) fn runs(&self) -> impl Iterator<Item = (&str, &Look)> {
        let ends = self
            .looks
            .iter()
            .skip(1)
            .map(|(at, _)| *at)
            .chain([self.text.len()]);
        self.looks
            .iter()
            .zip(ends)
            .map(|((start, look), end)| (&self.text[*start..end], look))
    }

    /// Does the line end in a space?
    pub(crate) fn ends_with_space(&self) -> bool {
        self.text.ends_with(' ')
    }

    /// Remove trailing spaces, and runs left empty.
    pub(crate) fn trim_end(&mut self) {
        let kept = self.text.trim_end_matches(' ').len();
        self.width -= self.text.len() - kept;
        self.text.truncate(kept);
        while self
            .looks
            .last()
            .is_some_and(|(at, _)| *at >= kept && kept > 0)
        {
            self.looks.pop();
        }
        if kept == 0 {
            self.looks.clear();
        }
    }

    /// The text without its looks.
    #[cfg(test)]
    pub(crate) fn plain(&self) -> String {
        self.text.clone()
    }
}

/// White space that lines may break at: not the no-break spaces (`&nbsp;`, U+2007, U+202F).
fn is_break(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Where the word that `text` starts with ends: at its first break, read a byte at a time while
/// the text is ASCII.
fn word_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_whitespace() || b == 0x0b {
                return i;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if is_break(c) {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// Columns a character takes on a terminal: control characters (already cleaned away) none, wide
/// East Asian characters and emoji two.
pub(crate) fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Columns a string takes.
pub(crate) fn width_of(text: &str) -> usize {
    // Printable ASCII, the most of any review, is a column a byte.
    if text.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
        return text.len();
    }
    text.chars().map(char_width).sum()
}

/// First-fit filling: each word goes on the line if it fits, else starts the next one; a word
/// wider than the line is broken at the width. Lines are final as soon as they are made, so a
/// paragraph of any length is filled holding one line and one word.
#[derive(Debug)]
pub(crate) struct Filler {
    width: usize,
    line: Line,
    word: Line,
    /// The look of the space before `word`, when there is one.
    space: Option<Look>,
}

impl Filler {
    pub(crate) fn new(width: usize) -> Self {
        Filler {
            // Two columns hold any character.
            width: width.max(2),
            line: Line::default(),
            word: Line::default(),
            space: None,
        }
    }

    /// Add text in a look; lines that are full are pushed to `out`.
    pub(crate) fn push(&mut self, text: &str, look: &Look, out: &mut Vec<Line>) {
        let mut rest = text;
        while !rest.is_empty() {
            let word = rest.trim_start_matches(is_break);
            if word.len() < rest.len() {
                self.place_word(out);
                if !self.line.is_empty() {
                    self.space = Some(look.clone());
                }
            }
            let end = word_end(word);
            if end < word.len() && self.word.is_empty() {
                // A whole word (a break follows it), the most common case: placed at once.
                self.place_whole(&word[..end], look, out);
            } else {
                self.push_word(&word[..end], look, out);
            }
            rest = &word[end..];
        }
    }

    /// Place a whole word that no other text joins, without going through `word`.
    fn place_whole(&mut self, part: &str, look: &Look, out: &mut Vec<Line>) {
        let w = width_of(part);
        if part.is_empty() || w > self.width {
            return self.push_word(part, look, out);
        }
        let space = self.space.take();
        if self.line.is_empty() {
        } else if self.line.width + 1 + w <= self.width {
            // The space takes the look of what it joins (a link's underline runs on) or none.
            match space.as_ref() == Some(look) {
                true => self.line.push(' ', look),
                false => self.line.push(' ', &Look::default()),
            }
        } else {
            out.push(std::mem::take(&mut self.line));
            self.line.text.reserve(self.width * 2);
        }
        self.line.push_str(part, w, look);
    }

    /// Add to the word being read, a word's worth at a time while it fits the line.
    fn push_word(&mut self, part: &str, look: &Look, out: &mut Vec<Line>) {
        if part.is_empty() {
            return;
        }
        let w = width_of(part);
        if self.word.width + w <= self.width {
            self.word.push_str(part, w, look);
            return;
        }
        for c in part.chars() {
            let w = char_width(c);
            if self.word.width + w > self.width {
                // Too long for any line: what fits is a line of its own.
                if !self.line.is_empty() {
                    out.push(std::mem::take(&mut self.line));
                }
                out.push(std::mem::take(&mut self.word));
                self.space = None;
            }
            self.word.push(c, look);
        }
    }

    fn place_word(&mut self, out: &mut Vec<Line>) {
        if self.word.is_empty() {
            return;
        }
        let space = self.space.take();
        if self.line.is_empty() {
            std::mem::swap(&mut self.line, &mut self.word);
        } else if self.line.width + 1 + self.word.width <= self.width {
            // The space takes the look of what it joins (a link's underline runs on) or none.
            let first = self.word.looks.first().map(|(_, l)| l);
            let look = space.filter(|l| first == Some(l));
            self.line.push(' ', &look.unwrap_or_default());
            self.line.append(&self.word);
        } else {
            out.push(std::mem::take(&mut self.line));
            // Room for a whole line at once, rather than growing a word at a time.
            self.line.text.reserve(self.width * 2);
            self.line.append(&self.word);
        }
        self.word.clear();
    }

    /// End the current line here (a hard break), even when it is empty.
    pub(crate) fn break_line(&mut self, out: &mut Vec<Line>) {
        self.place_word(out);
        out.push(std::mem::take(&mut self.line));
        self.space = None;
    }

    /// Push what is left.
    pub(crate) fn finish(&mut self, out: &mut Vec<Line>) {
        self.place_word(out);
        if !self.line.is_empty() {
            out.push(std::mem::take(&mut self.line));
        }
        self.space = None;
    }
}

/// A line of code cut into pieces of at most `width` columns: code keeps its spaces and is never
/// re-flowed.
pub(crate) fn break_code(text: &str, width: usize) -> Vec<&str> {
    let width = width.max(2);
    let mut pieces = Vec::new();
    let (mut start, mut columns) = (0, 0);
    for (i, c) in text.char_indices() {
        let w = char_width(c);
        if columns + w > width && i > start {
            pieces.push(&text[start..i]);
            (start, columns) = (i, 0);
        }
        columns += w;
    }
    pieces.push(&text[start..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(text: &str, width: usize) -> Vec<String> {
        let mut filler = Filler::new(width);
        let mut out = Vec::new();
        filler.push(text, &Look::default(), &mut out);
        filler.finish(&mut out);
        out.iter().map(Line::plain).collect()
    }

    #[test]
    fn words_fill_lines_first_fit() {
        assert_eq!(
            fill("one two three four five six", 9),
            ["one two", "three", "four five", "six"]
        );
        assert_eq!(fill("  spaced   out\n words ", 40), ["spaced out words"]);
    }

    #[test]
    fn no_break_spaces_hold_words_together() {
        assert_eq!(fill("a b\u{a0}c d", 4), ["a", "b\u{a0}c", "d"]);
        assert_eq!(fill("one\u{2003}two", 40), ["one two"]);
    }

    #[test]
    fn a_word_longer_than_the_width_is_broken() {
        assert_eq!(fill("a abcdefghij b", 4), ["a", "abcd", "efgh", "ij b"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(fill("映画 映画 映画", 9), ["映画 映画", "映画"]);
        assert_eq!(fill("映画映画映画", 5), ["映画", "映画", "映画"]);
        for line in fill("🎬🎬🎬 🎬🎬", 4) {
            assert!(width_of(&line) <= 4, "{line}");
        }
    }

    #[test]
    fn code_is_cut_at_the_width_keeping_its_spaces() {
        assert_eq!(break_code("ab  cdef", 3), ["ab ", " cd", "ef"]);
        assert_eq!(break_code("", 3), [""]);
        assert_eq!(break_code("映画映", 3), ["映", "画", "映"]);
    }
}
