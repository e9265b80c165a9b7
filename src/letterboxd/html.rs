//! Letterboxd's review text, a small HTML subset, as Markdown.
//!
//! Letterboxd lets reviews use `<br>`, `<i>`/`<em>`, `<b>`/`<strong>`, `<blockquote>`, `<a>`
//! and entities, and writes newlines as they were typed. This closed set is converted by hand:
//! the HTML-to-Markdown crates carry a whole HTML5 parser (html5ever and its tree) for it.
//! Anything outside the set is kept as written, so nothing is lost.

/// Named entities beyond the five of XML that reviews use: typographic quotes and dashes.
const NAMED: [(&str, char); 14] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("hellip", '…'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("eacute", 'é'),
];

/// The longest entity looked for after `&`: past it, the `&` is plain text.
const MAX_ENTITY: usize = 10;

/// The Markdown for a review's HTML: no trailing spaces on any line, no blank lines at either
/// end, quoted lines marked `> `.
pub(crate) fn to_markdown(html: &str) -> String {
    let mut out = Markdown::default();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some((tag, after)) = Tag::parse(rest) {
                out.tag(&tag);
                rest = after;
                continue;
            }
        } else if c == '&'
            && let Some((decoded, after)) = entity(rest)
        {
            out.text(decoded);
            rest = after;
            continue;
        }
        out.text(c);
        rest = &rest[c.len_utf8()..];
    }
    out.finish()
}

/// The character an entity at the start of `text` stands for, and the text after it; `None` for
/// an unknown entity, or one for a control character, which is kept as written.
fn entity(text: &str) -> Option<(char, &str)> {
    let end = text.bytes().take(MAX_ENTITY + 2).position(|b| b == b';')?;
    let name = &text[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).filter(|&c| {
            (!c.is_control() || c == '\n' || c == '\t')
                && !crate::terminal::sanitize::is_bidi_control(c)
                && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}')
        })?
    } else {
        NAMED.iter().find(|(n, _)| *n == name)?.1
    };
    Some((decoded, &text[end + 1..]))
}

/// One tag of the subset.
#[derive(Debug, PartialEq)]
enum Tag {
    Break,
    Paragraph,
    Emphasis { open: bool },
    Strong { open: bool },
    Quote { open: bool },
    Link { href: Option<String> },
    LinkEnd,
}

impl Tag {
    /// A tag of the subset at the start of `text` (which starts with `<`), and the text after it.
    /// Only a name of the subset is looked past, so that a `<` in prose costs nothing; a tag
    /// other than `<a href>` takes no attributes (`<i think>` is prose).
    fn parse(text: &str) -> Option<(Tag, &str)> {
        let rest = &text[1..];
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let name_len = rest
            .bytes()
            .take(11)
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let name = rest[..name_len].to_ascii_lowercase();
        let open = !closing;
        let tag = match name.as_str() {
            "br" => Tag::Break,
            "p" => Tag::Paragraph,
            "i" | "em" => Tag::Emphasis { open },
            "b" | "strong" => Tag::Strong { open },
            "blockquote" => Tag::Quote { open },
            "a" if closing => Tag::LinkEnd,
            "a" => {
                let (href, after) = link(&rest[name_len..])?;
                return Some((Tag::Link { href }, after));
            }
            _ => return None,
        };
        let after = rest[name_len..].trim_start_matches([' ', '\t', '\n']);
        let after = after.strip_prefix('/').unwrap_or(after);
        Some((tag, after.strip_prefix('>')?))
    }
}

/// A link's attributes up to its `>` (quoted values may hold one): its `href`, entities decoded,
/// and the text after the tag. `None` when what follows `<a` is not attributes with an `href`
/// (or nothing).
fn link(text: &str) -> Option<(Option<String>, &str)> {
    // Attributes are short: a `<a` with no `>` near is prose.
    let mut quote = None;
    let mut end = None;
    for (i, b) in text.bytes().enumerate().take(2048) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => {
                end = Some(i);
                break;
            }
            _ => {}
        }
    }
    let end = end?;
    let attributes = &text[..end];
    let after = &text[end + 1..];
    if attributes.trim().is_empty() {
        return Some((None, after));
    }
    if !attributes.starts_with([' ', '\t', '\n']) {
        return None;
    }
    let at = attributes.to_ascii_lowercase().find("href")?;
    let rest = attributes[at + 4..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let value = match rest.chars().next()? {
        quote @ ('"' | '\'') => rest[1..].split(quote).next()?,
        _ => rest.split(|c: char| c.is_ascii_whitespace()).next()?,
    };
    let decoded = decode_entities(value);
    Some(((!decoded.is_empty()).then_some(decoded), after))
}

/// Text with its entities decoded and nothing else changed.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match entity(rest) {
            Some((c, after)) => {
                out.push(c);
                rest = after;
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Markdown being written, line by line: each line with its quote depth, blank lines kept as
/// empty ones and settled when the text is finished.
#[derive(Default)]
struct Markdown {
    lines: Vec<(usize, String)>,
    line: String,
    quote_depth: usize,
    /// Markers written before the next character that is not a space, so that `<i> word</i>`
    /// gives `*word*`, which Markdown reads as emphasis, not `* word*`.
    pending: String,
    links: Vec<Option<String>>,
    open_emphasis: usize,
    open_strong: usize,
    quotes_open: usize,
}

/// Quotes nested deeper than this are shown at this depth.
const MAX_QUOTE_DEPTH: usize = 8;

impl Markdown {
    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.lines
            .push((self.quote_depth, line.trim_end().to_string()));
    }

    /// End the line if it has text, then leave a blank one.
    fn blank_line(&mut self) {
        if !self.line.is_empty() {
            self.end_line();
        }
        self.lines.push((self.quote_depth, String::new()));
    }

    fn text(&mut self, c: char) {
        match c {
            '\r' => {}
            '\n' => self.end_line(),
            c if c.is_whitespace() => {
                // Leading spaces would make an indented code block; spaces before a marker go
                // before it.
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            }
            c => {
                let pending = std::mem::take(&mut self.pending);
                self.line.push_str(&pending);
                self.line.push(c);
            }
        }
    }

    /// Close a marker: after the last text, before any spaces.
    fn close(&mut self, marker: &str) {
        if let Some(at) = self.pending.rfind(marker) {
            // Nothing was inside: drop the pair.
            self.pending.replace_range(at..at + marker.len(), "");
            return;
        }
        self.close_with(marker);
    }

    /// Write `text` after the line's last character that is not a space.
    fn close_with(&mut self, text: &str) {
        let spaces = self.line.len() - self.line.trim_end().len();
        self.line.truncate(self.line.len() - spaces);
        self.line.push_str(text);
        self.line.push_str(&" ".repeat(spaces));
    }

    fn tag(&mut self, tag: &Tag) {
        match tag {
            Tag::Break => self.end_line(),
            Tag::Paragraph => self.blank_line(),
            Tag::Emphasis { open: true } => {
                self.pending.push('*');
                self.open_emphasis += 1;
            }
            Tag::Strong { open: true } => {
                self.pending.push_str("**");
                self.open_strong += 1;
            }
            // A closing tag with none open is dropped.
            Tag::Emphasis { open: false } if self.open_emphasis > 0 => {
                self.open_emphasis -= 1;
                self.close("*");
            }
            Tag::Strong { open: false } if self.open_strong > 0 => {
                self.open_strong -= 1;
                self.close("**");
            }
            Tag::Emphasis { open: false } | Tag::Strong { open: false } => {}
            Tag::Quote { open } => {
                self.blank_line();
                // Quoted deeper than this, the lines stay at this depth: each line's marks are
                // bounded whatever the nesting.
                if *open {
                    self.quotes_open += 1;
                    self.quote_depth = self.quotes_open.min(MAX_QUOTE_DEPTH);
                } else {
                    self.quotes_open = self.quotes_open.saturating_sub(1);
                    self.quote_depth = self.quotes_open.min(MAX_QUOTE_DEPTH);
                }
            }
            Tag::Link { href } => {
                // A link with no address is its text.
                if href.is_some() {
                    self.pending.push('[');
                }
                self.links.push(href.clone());
            }
            Tag::LinkEnd => {
                let Some(href) = self.links.pop() else {
                    return;
                };
                let Some(href) = href else {
                    return;
                };
                let href = Some(href);
                if self.pending.ends_with('[') {
                    // A link with no text shows its address.
                    self.pending.pop();
                    for c in href.map(|h| format!("<{h}>")).unwrap_or_default().chars() {
                        self.text(c);
                    }
                    return;
                }
                let target = match href {
                    Some(href) if href.contains([' ', '(', ')']) => format!("](<{href}>)"),
                    Some(href) => format!("]({href})"),
                    None => "]()".to_string(),
                };
                self.close_with(&target);
            }
        }
    }

    fn finish(mut self) -> String {
        self.end_line();
        let mut text = String::new();
        // The depth of the last line written, and whether a blank line is owed before the next.
        let mut last: Option<usize> = None;
        let mut blank = false;
        for (depth, line) in self.lines {
            if line.is_empty() {
                blank = last.is_some();
                continue;
            }
            if let Some(before) = last
                && (blank || before != depth)
            {
                text.push_str(&">".repeat(before.min(depth)));
                text.push('\n');
            }
            text.push_str(&"> ".repeat(depth));
            text.push_str(&line);
            text.push('\n');
            last = Some(depth);
            blank = false;
        }
        text.truncate(text.trim_end().len());
        text
    }
}

#[cfg(test)]
mod tests;
