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

/// Text in one look.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) look: Look,
}

/// A line of runs and the columns it takes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    pub(crate) runs: Vec<Run>,
    pub(crate) width: usize,
}

impl Line {
    pub(crate) fn push(&mut self, c: char, look: &Look) {
        self.width += char_width(c);
        match self.runs.last_mut() {
            Some(run) if run.look == *look => run.text.push(c),
            _ => self.runs.push(Run {
                text: c.to_string(),
                look: look.clone(),
            }),
        }
    }

    /// Add `text`, `width` columns wide, in `look`.
    fn push_str(&mut self, text: &str, width: usize, look: &Look) {
        self.width += width;
        match self.runs.last_mut() {
            Some(run) if run.look == *look => run.text.push_str(text),
            _ => self.runs.push(Run {
                text: text.to_string(),
                look: look.clone(),
            }),
        }
    }

    fn append(&mut self, other: Line) {
        self.width += other.width;
        for run in other.runs {
            match self.runs.last_mut() {
                Some(last) if last.look == run.look => last.text.push_str(&run.text),
                _ => self.runs.push(run),
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// A line with nothing in it that is still a line of its item: an empty item's marker.
    pub(crate) fn marker_only() -> Self {
        Line {
            runs: vec![Run {
                text: String::new(),
                look: Look::default(),
            }],
            width: 0,
        }
    }

    /// The text without its looks.
    #[cfg(test)]
    pub(crate) fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Columns a character takes on a terminal: control characters (already cleaned away) none, wide
/// East Asian characters and emoji two.
pub(crate) fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Columns a string takes.
pub(crate) fn width_of(text: &str) -> usize {
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
            let word = rest.trim_start();
            if word.len() < rest.len() {
                self.place_word(out);
                if !self.line.is_empty() {
                    self.space = Some(look.clone());
                }
            }
            let end = word.find(char::is_whitespace).unwrap_or(word.len());
            self.push_word(&word[..end], look, out);
            rest = &word[end..];
        }
    }

    /// Add to the word being read, a word's worth at a time while it fits the line.
    fn push_word(&mut self, part: &str, look: &Look, out: &mut Vec<Line>) {
        if part.is_empty() {
            return;
        }
        let w = if part.is_ascii() {
            part.len()
        } else {
            width_of(part)
        };
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
        let word = std::mem::take(&mut self.word);
        let space = self.space.take();
        if self.line.is_empty() {
            self.line = word;
        } else if self.line.width + 1 + word.width <= self.width {
            // The space takes the look of what it joins (a link's underline runs on) or none.
            let look = space.filter(|l| word.runs.first().is_some_and(|r| r.look == *l));
            self.line.push(' ', &look.unwrap_or_default());
            self.line.append(word);
        } else {
            out.push(std::mem::replace(&mut self.line, word));
        }
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
