//! HTML inside a body, as prose: the tags Letterboxd shows kept (for Letterboxd), block tags as
//! breaks, the rest as their text.

use super::{Text, escape_attribute};
use crate::output::body::{DROPPED, HtmlToken, attribute, html_tokens, is_web_address};
use pulldown_cmark::TagEnd;

impl Text {
    /// HTML inside the text: the tags Letterboxd shows kept, block tags as breaks, the rest as
    /// their text.
    pub(super) fn html(&mut self, html: &str) {
        for token in html_tokens(html) {
            match token {
                HtmlToken::Start {
                    name,
                    self_closing,
                    tag,
                } => {
                    let href = attribute(&tag, "href");
                    self.html_tag(&name, true, href.as_deref(), self_closing);
                }
                HtmlToken::End(name) => self.html_tag(&name, false, None, false),
                HtmlToken::Text(text) if self.dropped == 0 => self.text(&text),
                HtmlToken::Text(_) => {}
            }
        }
    }

    fn html_tag(&mut self, name: &str, start: bool, href: Option<&str>, closed: bool) {
        match name {
            _ if DROPPED.contains(&name) => {
                if start && !closed {
                    self.dropped += 1;
                } else if !start {
                    self.dropped = self.dropped.saturating_sub(1);
                }
            }
            "b" | "strong" => self.tag(if start { "<b>" } else { "</b>" }),
            "i" | "em" | "cite" => self.tag(if start { "<i>" } else { "</i>" }),
            "a" if start => {
                let linked = href.is_some_and(is_web_address);
                if let (true, Some(href)) = (linked, href) {
                    self.tag(&format!("<a href=\"{}\">", escape_attribute(href)));
                }
                self.links.push(linked);
            }
            "a" => {
                let linked = self.links.pop() == Some(true);
                if linked {
                    self.tag("</a>");
                }
            }
            "blockquote" if start => {
                self.flush();
                self.levels.push(Vec::new());
            }
            "blockquote" => self.end(TagEnd::BlockQuote(None)),
            "br" => self.push("\n"),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if start => {
                self.flush();
                self.tag("<b>");
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.tag("</b>");
                self.flush();
            }
            "ul" | "ol" | "table" => {
                self.flush();
                self.html_list_opened = start;
            }
            "p" | "div" | "pre" | "hr" | "section" | "article" | "figure" => self.flush(),
            "li" | "tr" if start => {
                self.flush();
                self.tight = !std::mem::take(&mut self.html_list_opened);
                if name == "li" {
                    self.tag("- ");
                }
            }
            "td" | "th" if start && !self.line.is_empty() => self.push(" · "),
            _ => {}
        }
    }
}
