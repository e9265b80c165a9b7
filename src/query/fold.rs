//! Folding text for matching as people mean it: case, accents, ligatures and widths ignored.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Fold text for matching: case-folded, accents removed, compatibility forms made plain (the `ﬁ`
/// ligature is `fi`, full-width `Ｋ` is `k`), quotes dropped, runs of white space made one space.
/// `Almodóvar`, `ALMODOVAR` and `almodovar` fold alike.
pub(crate) fn fold(text: &str) -> String {
    let mut folded = Folded {
        out: Vec::with_capacity(text.len()),
        space: false,
    };
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII, the common case, skip the Unicode tables: no ASCII character is a
        // combining mark, and its white space is these six.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        for b in rest[..ascii].bytes() {
            match b {
                b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => folded.space(),
                b'\'' | b'"' => {}
                _ => folded.push_ascii(b.to_ascii_lowercase()),
            }
        }
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        fold_char(c, |c| folded.push_any(c));
    }
    folded.into_string()
}

/// Folded text as it is made, in UTF-8: a space is written only before what follows it.
struct Folded {
    out: Vec<u8>,
    space: bool,
}

impl Folded {
    #[inline]
    fn space(&mut self) {
        self.space = !self.out.is_empty();
    }

    /// The space that white space before what follows left pending.
    #[inline]
    fn pending_space(&mut self) {
        if self.space {
            self.out.push(b' ');
            self.space = false;
        }
    }

    #[inline]
    fn push_ascii(&mut self, b: u8) {
        self.pending_space();
        self.out.push(b);
    }

    /// A character kept as it is.
    fn push(&mut self, c: char) {
        self.pending_space();
        self.out
            .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }

    fn into_string(self) -> String {
        // Only whole characters were written: this never replaces anything.
        String::from_utf8(self.out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Any character: white space is a space; quotes and combining marks are dropped.
    fn push_any(&mut self, c: char) {
        if c.is_whitespace() {
            self.space();
        } else if !matches!(c, '\'' | '"' | '\u{2019}' | '\u{2018}') && !is_combining_mark(c) {
            self.push(c);
        }
    }
}

/// A folded title without its leading article ("the ", "a ", "an "), as titles sort and as
/// `show` suggests them: `the godfather` is `godfather`.
pub(crate) fn without_article(folded: &str) -> &str {
    ["the ", "a ", "an "]
        .iter()
        .find_map(|article| folded.strip_prefix(article))
        .unwrap_or(folded)
}

/// Text with its accents and compatibility forms made plain but its case kept (`Almodóvar` is
/// `Almodovar`), for a matcher that weighs case itself: most names then match as ASCII.
pub(crate) fn unaccented(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(plain) = match c {
            '\u{2018}' | '\u{2019}' => Some('\''),
            '\u{201c}' | '\u{201d}' => Some('"'),
            '\u{2013}' | '\u{2014}' => Some('-'),
            _ => None,
        } {
            out.push(plain);
        } else if let Some(plain) = spelled_out(c) {
            out.push_str(plain);
        } else {
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            });
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One character folded, as [`fold`] folds each: lower case, its marks dropped, compatibility
/// forms made plain (`ﬁ` gives `f` and `i`), and the letters Unicode does not decompose spelled
/// out (`ß` gives `ss`, `ø` gives `o`).
pub(crate) fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if let Some(plain) = spelled_out(c) {
        return plain.chars().for_each(|c| emit(c.to_ascii_lowercase()));
    }
    match c {
        // Greek's final sigma is the same letter as σ, which Σ lower-cases to.
        'ς' => emit('σ'),
        // Compatibility decomposition without its marks: é → e, ﬁ → fi, Ｋ → K (the same as
        // NFKD, then dropping every combining mark, since marks are dropped wherever they
        // stand).
        c => decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                d.to_lowercase().for_each(&mut emit);
            }
        }),
    }
}

/// The Latin letters Unicode does not decompose, spelled in plain letters, case kept.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'đ' => "d",
        'Đ' => "D",
        'ı' => "i",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII run's shortcut folds as each character would be folded on its own.
        #[test]
        fn ascii_folds_as_each_character_would(text in "[ -~\t\n\r\u{b}\u{c}\u{1c}-\u{1f}é]{0,40}") {
            let mut each = Folded { out: Vec::new(), space: false };
            for c in text.chars() {
                fold_char(c, |c| each.push_any(c));
            }
            proptest::prop_assert_eq!(fold(&text), each.into_string());
        }
    }

    #[test]
    fn folding_is_case_and_accent_insensitive() {
        assert_eq!(fold("Pedro Almodóvar"), "pedro almodovar");
        assert_eq!(fold("Antonín DVOŘÁK"), "antonin dvorak");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łukasz  Żuławski"), "lukasz zulawski");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("Jacques\n   Audiard"), "jacques audiard");
        // NFD input folds like NFC input.
        assert_eq!(fold("Ame\u{301}lie"), fold("Amélie"));
    }

    #[test]
    fn ligatures_and_full_width_letters_fold_to_plain_letters() {
        assert_eq!(fold("The \u{fb01}nal Cut"), "the final cut");
        assert_eq!(fold("ＫＵＲＯＳＡＷＡ Akira"), "kurosawa akira");
        assert_eq!(fold("Ａｍéｌｉｅ"), "amelie");
        assert_eq!(fold("ΟΔΥΣΣΕΥΣ"), fold("Οδυσσεύς"));
    }

    #[test]
    fn unaccented_keeps_case_and_spells_out_what_does_not_decompose() {
        assert_eq!(unaccented("Pedro Almodóvar"), "Pedro Almodovar");
        assert_eq!(unaccented("Łukasz Żuławski"), "Lukasz Zulawski");
        assert_eq!(unaccented("Søren Æbelø, Straße"), "Soren AEbelo, Strasse");
        assert_eq!(unaccented("Кира Муратова"), "Кира Муратова");
    }
}
