//! Review text is untrusted: strip what could drive a terminal before it is printed.

use std::borrow::Cow;

/// Remove escape sequences (CSI, OSC, other ESC forms), control characters and bidirectional
/// embeddings, overrides and isolates from `text`.
///
/// Newlines and tabs are kept when `multiline` is true (a body); otherwise each becomes a space
/// (a single field, a TSV cell). Carriage returns are always removed.
pub fn clean(text: &str, multiline: bool) -> Cow<'_, str> {
    let needs_work = text.chars().any(|c| {
        (c.is_control() || is_bidi_control(c)) && !(multiline && matches!(c, '\n' | '\t'))
    });
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 CSI and OSC introducers take their sequence with them.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\n' | '\t' if multiline => out.push(c),
            '\n' | '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) stay in force until they
/// are closed, so one in a title would reorder the rest of its line, and the table's columns.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Two-character escapes such as `ESC c` (reset) or `ESC 7`.
        Some(c) if ('\u{20}'..='\u{7e}').contains(c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates, then one final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        chars.next();
        if ('\u{40}'..='\u{7e}').contains(&c) || !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

/// Until BEL or `ESC \` (string terminator).
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_osc_csi_and_bare_controls() {
        let dirty = "a\u{1b}]0;evil title\u{7}b\u{1b}[2Jc\u{1b}[1;31md\u{8}e\rf\u{1b}cg\u{7}";
        assert_eq!(clean(dirty, true), "abcdefg");
    }

    #[test]
    fn keeps_newlines_in_bodies_only() {
        assert_eq!(clean("a\nb\tc", true), "a\nb\tc");
        assert_eq!(clean("a\nb\tc", false), "a b c");
    }

    #[test]
    fn strips_c1_controls() {
        assert_eq!(clean("x\u{9b}31my\u{97}z", false), "xyz");
        assert_eq!(clean("x\u{9d}0;t\u{9c}y", false), "xy");
    }

    #[test]
    fn strips_bidirectional_overrides_and_isolates() {
        let title = "Film \u{202e}gnp.exe\u{202c} \u{2067}x\u{2069} \u{202a}\u{202b}\u{202d}\u{2066}\u{2068}end";
        assert_eq!(clean(title, false), "Film gnp.exe x end");
        assert_eq!(clean("a\u{202e}\nb", true), "a\nb");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("Café ★", false), Cow::Borrowed(_)));
    }

    #[test]
    fn unterminated_sequences_end_the_text() {
        assert_eq!(clean("a\u{1b}]0;never ends", false), "a");
        assert_eq!(clean("a\u{1b}", false), "a");
    }
}
