//! What a notes vault (Obsidian and the like) says beyond its fields: a note that is an index of
//! others, not a review, and `#tags` written in the text.

use super::{HEAD_BYTES, head_window};
use crate::record::{Field, RawField, field_for};

/// The languages of the code blocks a notes app runs as a query (Dataview, Obsidian's search).
const QUERY_BLOCKS: [&str; 3] = ["dataview", "dataviewjs", "query"];

/// Is this note an index page: its fields say nothing of a film, and its text (from `start`, the
/// whole file seen) is only query blocks, with headings and blank lines around them?
pub(crate) fn is_index_page(bytes: &[u8], start: usize, fields: &[RawField]) -> bool {
    // A file past the head is not seen whole by `list`: it is never taken for one.
    if bytes.len() >= HEAD_BYTES || fields.iter().any(describes_film) {
        return false;
    }
    let Ok(text) = std::str::from_utf8(&bytes[start.min(bytes.len())..]) else {
        return false;
    };
    let mut queries = 0;
    let mut fence: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(open) = fence {
            if trimmed.starts_with(open) && trimmed.trim_start_matches(open).trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with("# ") || trimmed.starts_with("## ") {
            continue;
        }
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        let language = marker.map(|m| trimmed.trim_start_matches(m.chars().next().unwrap_or('`')));
        match (marker, language) {
            (Some(marker), Some(language))
                if QUERY_BLOCKS
                    .iter()
                    .any(|q| q.eq_ignore_ascii_case(language.trim())) =>
            {
                queries += 1;
                fence = Some(marker);
            }
            _ => return false,
        }
    }
    queries > 0
}

/// A field that says something of a film (a date or tags alone do not).
fn describes_film(field: &RawField) -> bool {
    field_for(&field.key).is_some_and(|kind| {
        !matches!(
            kind,
            Field::Title | Field::Tags | Field::Reviewed | Field::Draft | Field::Reviewer
        )
    })
}

/// Could the file's first bytes hold a `#tag`: a `#` after a blank, then no blank or `#`? Then its
/// header alone does not say what the review's tags are.
pub(crate) fn may_have_inline_tags(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(HEAD_BYTES)];
    memchr::memchr_iter(b'#', window).any(|i| {
        (i == 0 || window[i - 1].is_ascii_whitespace())
            && window
                .get(i + 1)
                .is_some_and(|&b| !b.is_ascii_whitespace() && b != b'#')
    })
}

/// The `#tags` in the text from `start`, within the file's head (as inline fields are): a `#`
/// at the start of a word, then letters, digits, `_`, `-` or `/`, not all digits (`#1` is a
/// number). Headings, code (fenced, indented, or in backticks), HTML lines and links' addresses
/// hold none.
pub(crate) fn inline_tags(bytes: &[u8], start: usize) -> Vec<String> {
    let window = head_window(bytes, start);
    let mut tags: Vec<String> = Vec::new();
    if memchr::memchr(b'#', window).is_none() {
        return tags;
    }
    let text = String::from_utf8_lossy(window);
    let mut fenced: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(open) = fenced {
            if trimmed.starts_with(open) {
                fenced = None;
            }
            continue;
        }
        if let Some(open) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            fenced = Some(open);
            continue;
        }
        if line.starts_with("    ") || line.starts_with('\t') || trimmed.starts_with('<') {
            continue;
        }
        let mut in_code = false;
        let mut before = ' ';
        for (i, c) in line.char_indices() {
            if c == '`' {
                in_code = !in_code;
            } else if c == '#' && !in_code && before.is_whitespace() {
                let tag: &str = line[i + 1..]
                    .split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '/')))
                    .next()
                    .unwrap_or_default();
                let tag = tag.trim_end_matches(['/', '-']);
                if tag.chars().any(|c| !c.is_ascii_digit())
                    && !tags.iter().any(|t| t.eq_ignore_ascii_case(tag))
                {
                    tags.push(tag.to_string());
                }
            }
            before = c;
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(key: &str) -> RawField {
        RawField {
            key: key.into(),
            value: json!("x"),
            raw: None,
            line: 2,
            column: None,
        }
    }

    #[test]
    fn an_index_page_is_only_queries() {
        let page = b"# Films\n\n```dataview\nTABLE director FROM \"Films\"\n```\n\n## Unseen\n~~~query\ntag:#unseen\n~~~\n";
        assert!(is_index_page(page, 0, &[field("title"), field("tags")]));
        assert!(
            !is_index_page(page, 0, &[field("director")]),
            "a film's field"
        );
        assert!(!is_index_page(
            b"# Films\n\n```dataview\nLIST\n```\nMy notes.\n",
            0,
            &[]
        ));
        assert!(!is_index_page(b"```rust\nfn main() {}\n```\n", 0, &[]));
        assert!(!is_index_page(b"\n", 0, &[]), "an empty note is no index");
        let mut long = page.to_vec();
        long.resize(HEAD_BYTES, b'\n');
        assert!(!is_index_page(&long, 0, &[]), "not seen whole");
    }

    #[test]
    fn inline_tags_outside_headings_code_and_links() {
        let text = "# Heading\n\nSeen #cinema and #to-watch/2024, #1 of the year.\n\
                    `#code` [a](#anchor) https://x.org/#frag a#b\n\
                    ```\n#fenced\n```\n    #indented\n<p style=\"color: #fff\">\n#Cinema again\n";
        assert_eq!(inline_tags(text.as_bytes(), 0), ["cinema", "to-watch/2024"]);
    }
}
