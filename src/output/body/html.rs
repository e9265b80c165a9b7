//! HTML in a body (a whole body from WordPress, Letterboxd's `<br />` and `<i>`, or tags inside
//! Markdown), tokenised by html5gum and rendered: known tags drawn, unknown ones dropped with
//! their text kept, scripts and styles dropped whole, entities decoded.

use std::io;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{Container, MAX_ITEM_NUMBER, Origin, Renderer, Span};

const HTML: Origin = Origin::Html;

/// A piece of HTML as the renderers read it: tags by their lower-case names, text with its
/// entities decoded.
pub(crate) enum HtmlToken {
    Start {
        name: String,
        self_closing: bool,
        tag: html5gum::StartTag<()>,
    },
    End(String),
    Text(String),
}

/// The value of a start tag's attribute `key`.
pub(crate) fn attribute(tag: &html5gum::StartTag<()>, key: &str) -> Option<String> {
    tag.attributes
        .get(key.as_bytes())
        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
}

/// The tags and text of `html`, tokenised by html5gum; script and style contents are raw text,
/// not tags; comments and doctypes are left out.
pub(crate) fn tokens(html: &str) -> impl Iterator<Item = HtmlToken> + '_ {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let name = |name: &[u8]| String::from_utf8_lossy(name).to_ascii_lowercase();
    Tokenizer::new_with_emitter(html, emitter).filter_map(move |token| {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => Some(HtmlToken::Start {
                name: name(&tag.name),
                self_closing: tag.self_closing,
                tag,
            }),
            Token::EndTag(tag) => Some(HtmlToken::End(name(&tag.name))),
            Token::String(text) => Some(HtmlToken::Text(
                String::from_utf8_lossy(&text.value).into_owned(),
            )),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => None,
        }
    })
}

/// Render a piece of HTML.
pub(super) fn render(html: &str, to: &mut Renderer<'_>) -> io::Result<()> {
    for token in tokens(html) {
        match token {
            HtmlToken::Start {
                name,
                self_closing,
                tag,
            } => start(&name, self_closing, &|key| attribute(&tag, key), to)?,
            HtmlToken::End(name) => end(&name, to)?,
            HtmlToken::Text(text) => to.text(&text)?,
        }
    }
    Ok(())
}

/// Tags that hold their content out of the text.
pub(crate) const DROPPED: [&str; 8] = [
    "script", "style", "template", "noscript", "head", "title", "iframe", "svg",
];

/// Tags that make a block of their own.
const BLOCKS: [&str; 19] = [
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "center",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
    "address",
    "table",
];

fn start(
    name: &str,
    self_closing: bool,
    attribute: &dyn Fn(&str) -> Option<String>,
    to: &mut Renderer<'_>,
) -> io::Result<()> {
    match name {
        _ if DROPPED.contains(&name) && !self_closing => to.start_dropping(),
        _ if DROPPED.contains(&name) => {}
        _ if BLOCKS.contains(&name) => to.paragraph()?,
        "br" => to.hard_break()?,
        "em" | "i" | "cite" | "var" | "dfn" => to.push_span(Span::Emphasis, HTML)?,
        "strong" | "b" => to.push_span(Span::Strong, HTML)?,
        "s" | "del" | "strike" => to.push_span(Span::Strike, HTML)?,
        "code" | "kbd" | "tt" | "samp" => to.push_span(Span::Code, HTML)?,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            to.heading(name.as_bytes()[1] - b'0', HTML)?;
        }
        "a" => {
            let address = attribute("href").unwrap_or_default();
            to.link(&address, true, HTML)?;
        }
        "img" => {
            to.push_span(Span::Image { has_alt: false }, HTML)?;
            if let Some(alt) = attribute("alt") {
                to.text(&alt)?;
            }
            to.pop_span(&Span::Image { has_alt: false }, HTML)?;
        }
        "ul" => to.open(Container::List(None), HTML)?,
        "ol" => {
            // Markdown's list numbers have at most nine digits; so do these.
            let start = attribute("start")
                .and_then(|s| s.trim().parse::<u64>().ok())
                .unwrap_or(1)
                .min(MAX_ITEM_NUMBER);
            to.open(Container::List(Some(start)), HTML)?;
        }
        "li" => {
            // A `<li>` ends the one before it.
            if to.in_html_item() {
                to.close(&Container::any_item(), HTML)?;
            }
            to.open_item(HTML)?;
        }
        "blockquote" => to.open(Container::Quote, HTML)?,
        "pre" => to.open_code()?,
        "hr" => to.rule()?,
        "tr" => to.hard_break()?,
        "td" | "th" => to.text(" ")?,
        _ => {}
    }
    Ok(())
}

fn end(name: &str, to: &mut Renderer<'_>) -> io::Result<()> {
    match name {
        _ if DROPPED.contains(&name) => to.stop_dropping(),
        _ if BLOCKS.contains(&name) => to.paragraph()?,
        "em" | "i" | "cite" | "var" | "dfn" => to.pop_span(&Span::Emphasis, HTML)?,
        "strong" | "b" => to.pop_span(&Span::Strong, HTML)?,
        "s" | "del" | "strike" => to.pop_span(&Span::Strike, HTML)?,
        "code" | "kbd" | "tt" | "samp" => to.pop_span(&Span::Code, HTML)?,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => to.end_heading(HTML)?,
        "a" => to.pop_span(&Span::any_link(), HTML)?,
        "ul" | "ol" => to.close(&Container::List(None), HTML)?,
        "li" => to.close(&Container::any_item(), HTML)?,
        "blockquote" => to.close(&Container::Quote, HTML)?,
        "pre" => to.end_code()?,
        _ => {}
    }
    Ok(())
}
