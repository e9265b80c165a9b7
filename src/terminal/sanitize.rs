//! Review text is untrusted: strip what could drive a terminal before it is printed.

use std::borrow::Cow;

/// Remove escape sequences (CSI, OSC, other ESC forms), control characters and bidirectional
/// embeddings, overrides and isolates from `text`.
///
/// Newlines and tabs are kept when `multiline` is true (a body); otherwise each becomes a space
/// (a single field, a TSV cell). Carriage returns are always removed.
pub(crate) fn clean(text: &str, multiline: bool) -> Cow<'_, str> {
    if is_clean(text.as_bytes(), multiline) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 CSI takes its parameters with it.
            '\u{9b}' => skip_csi(&mut chars),
            // A C1 string introducer takes its string only when the string is terminated: alone,
            // it is most often a byte of mis-decoded text ("BeÅ\u{9f}iktaÅ\u{9f}"), and goes alone.
            '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' => {
                if let Some(rest) = terminated_string(chars.as_str()) {
                    chars = rest.chars();
                }
            }
            '\n' | '\t' if multiline => out.push(c),
            '\n' | '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Does `bytes` (UTF-8) hold nothing [`clean`] would remove? C0 controls
/// and DEL are single bytes, the C1 controls are `C2 80`–`C2 9F`, the bidirectional controls
/// `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`.
fn is_clean(bytes: &[u8], multiline: bool) -> bool {
    // Sixteen bytes at a time, a test the compiler turns into vector instructions; a block that
    // may hold something is looked at closely.
    let suspect = |b: u8| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2;
    let mut start = 0;
    for block in bytes.chunks(16) {
        if block.iter().fold(false, |any, &b| any | suspect(b)) {
            for i in start..start + block.len() {
                if !clean_at(bytes, i, multiline) {
                    return false;
                }
            }
        }
        start += block.len();
    }
    true
}

fn clean_at(bytes: &[u8], i: usize, multiline: bool) -> bool {
    match bytes[i] {
        b'\n' | b'\t' => multiline,
        0..=0x1f | 0x7f => false,
        0xc2 => !bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xe2 => !matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => true,
    }
}

/// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) stay in force until they
/// are closed, so one in a title would reorder the rest of its line, and the table's columns.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A string (OSC, DCS, ...) ends at BEL or ST; one left open ends at the end of its line or after
/// this many characters, so that it never takes more of the text with it.
const MAX_STRING_CHARS: usize = 256;

fn skip_escape(chars: &mut Chars<'_>) {
    let rest = chars.as_str();
    match rest.chars().next() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            let string = chars.as_str();
            *chars = match terminated_string(string) {
                Some(after) => after.chars(),
                None => open_string_end(string).chars(),
            };
        }
        // Two-character escapes such as `ESC c` (reset) or `ESC 7`.
        Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

type Chars<'a> = std::str::Chars<'a>;

/// Parameters and intermediates, then one final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    let mut ahead = chars.clone();
    while let Some(c) = ahead.next() {
        *chars = ahead.clone();
        if ('\u{40}'..='\u{7e}').contains(&c) || !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

/// The text after a string's terminator (BEL, ST or `ESC \`), when one comes within the line and
/// [`MAX_STRING_CHARS`].
fn terminated_string(string: &str) -> Option<&str> {
    for (i, c) in string.char_indices().take(MAX_STRING_CHARS) {
        match c {
            '\u{7}' | '\u{9c}' => return Some(&string[i + c.len_utf8()..]),
            '\u{1b}' if string[i + 1..].starts_with('\\') => return Some(&string[i + 2..]),
            '\u{1b}' | '\n' => return None,
            _ => {}
        }
    }
    None
}

/// Where a string left open ends: at its line's end (the newline kept) or [`MAX_STRING_CHARS`].
fn open_string_end(string: &str) -> &str {
    let end = string
        .char_indices()
        .take(MAX_STRING_CHARS)
        .find(|&(_, c)| c == '\n' || c == '\u{1b}')
        .map_or_else(
            || {
                string
                    .char_indices()
                    .nth(MAX_STRING_CHARS)
                    .map_or(string.len(), |(i, _)| i)
            },
            |(i, _)| i,
        );
    &string[end..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_check_agrees_with_the_character_classes() {
        for multiline in [false, true] {
            for c in (0..0x3000)
                .chain(0xfff0..0x1_0000)
                .filter_map(char::from_u32)
            {
                let dirty = (c.is_control() || is_bidi_control(c))
                    && !(multiline && matches!(c, '\n' | '\t'));
                let text = format!("a{c}b");
                assert_eq!(is_clean(text.as_bytes(), multiline), !dirty, "{c:?}");
            }
        }
    }

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
    fn an_open_string_ends_at_its_line_or_after_256_characters() {
        assert_eq!(clean("a\u{1b}]0;never ends", false), "a");
        assert_eq!(clean("a\u{1b}", false), "a");
        assert_eq!(
            clean("one \u{1b}]0;open\n\ntwo\n\nthree\n", true),
            "one \n\ntwo\n\nthree\n"
        );
        assert_eq!(clean("x\u{1b}P1;2q", false), "x");
        let long = format!("a\u{1b}]{}kept", "z".repeat(300));
        assert_eq!(
            clean(&long, false),
            format!("{}kept", "z".repeat(44)).replacen("", "a", 1)
        );
    }

    #[test]
    fn a_lone_c1_introducer_drops_only_itself() {
        assert_eq!(
            clean("Be\u{c5}\u{9f}ikta\u{c5}\u{9f} Story", false),
            "Be\u{c5}ikta\u{c5} Story"
        );
        assert_eq!(clean("a\u{9d}b\n\nc\u{90}d", true), "ab\n\ncd");
        // Terminated, it takes its string.
        assert_eq!(clean("a\u{9d}0;title\u{7}b", false), "ab");
    }
}
