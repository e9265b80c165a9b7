//! Folding text for matching as people mean it: case, accents, ligatures and widths ignored.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Fold text for matching: case-folded, accents removed, compatibility forms made plain (the `ﬁ`
/// ligature is `fi`, full-width `Ｋ` is `k`), quotes dropped, runs of white space made one space.
/// `Almodóvar`, `ALMODOVAR` and `almodovar` fold alike.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !matches!(c, '\'' | '"' | '\u{2019}' | '\u{2018}') && !is_combining_mark(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    };
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII, the common case, skip the Unicode tables.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        for b in rest[..ascii].bytes() {
            push(char::from(b.to_ascii_lowercase()), &mut out);
        }
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        fold_char(c, |c| push(c, &mut out));
    }
    out
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
