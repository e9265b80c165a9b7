//! `--format '{title} ({year})'`: one line per review, each `{field}` as the table shows it.

use std::borrow::Cow;

use crate::record::Review;
use crate::terminal::clean;

/// The fields a template may name, besides `{extra.KEY}`.
pub(crate) const FIELDS: [&str; 23] = [
    "slug",
    "path",
    "collection",
    "title",
    "original_title",
    "year",
    "directed_by",
    "written_by",
    "produced_by",
    "starring",
    "rating",
    "rating_reason",
    "score",
    "runtime",
    "us_release",
    "release_date",
    "reviewed",
    "watched",
    "reviewer",
    "synopsis",
    "tags",
    "genres",
    "draft",
];

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    /// One of [`FIELDS`].
    Field(&'static str),
    /// A key of `extra`.
    Extra(String),
}

/// A format with `{field}`s in it, parsed once before anything is read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Template {
    parts: Vec<Part>,
    /// The template as written.
    source: String,
}

impl Template {
    /// `{field}` is a field, `{{` and `}}` are braces, `\t` and `\n` a tab and a newline.
    pub(crate) fn parse(format: &str) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = format.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '\\' if chars.peek() == Some(&'t') => {
                    chars.next();
                    text.push('\t');
                }
                '\\' if chars.peek() == Some(&'n') => {
                    chars.next();
                    text.push('\n');
                }
                '{' => {
                    let mut name = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some(c) => name.push(c),
                            None => return Err(format!("a `{{` is not closed: \"{{{name}\"")),
                        }
                    }
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(field(name.trim())?);
                }
                '}' => {
                    return Err("a `}` with no `{`: write `}}` for a brace".to_string());
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Template {
            parts,
            source: format.to_string(),
        })
    }

    /// The template as written.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// The review's line, without its end.
    pub(crate) fn render(&self, review: &Review) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Field(name) => out.push_str(&clean(&value(review, name), false)),
                Part::Extra(key) => {
                    if let Some(value) = review.extra.get(key) {
                        out.push_str(&clean(&extra_text(value), false));
                    }
                }
            }
        }
        out
    }
}

fn field(name: &str) -> Result<Part, String> {
    if let Some(key) = name.strip_prefix("extra.")
        && !key.is_empty()
    {
        return Ok(Part::Extra(key.to_string()));
    }
    match FIELDS.iter().find(|f| **f == name) {
        Some(known) => Ok(Part::Field(known)),
        None => Err(format!(
            "unknown field {{{name}}} in the format; the fields are {}, and extra.KEY",
            FIELDS.join(", ")
        )),
    }
}

/// A value of `extra` as text: strings as they are, lists joined, anything else as JSON.
fn extra_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Array(items) => {
            items.iter().map(extra_text).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// A field as the table shows it: people joined by ", ", runtime in minutes, dates
/// `YYYY-MM-DD`, the score as written; "" when absent.
fn value<'r>(review: &'r Review, name: &str) -> Cow<'r, str> {
    let text = |s: &'r Option<String>| Cow::Borrowed(s.as_deref().unwrap_or(""));
    let joined = |items: &[String]| Cow::Owned(items.join(", "));
    let shown = |v: Option<String>| Cow::Owned(v.unwrap_or_default());
    match name {
        "slug" => Cow::Borrowed(&review.slug),
        "path" => review.path.to_string_lossy(),
        "collection" => text(&review.collection),
        "title" => Cow::Borrowed(&review.title),
        "original_title" => text(&review.original_title),
        "year" => shown(review.year.map(|y| y.to_string())),
        "directed_by" => joined(&review.directed_by),
        "written_by" => joined(&review.written_by),
        "produced_by" => joined(&review.produced_by),
        "starring" => joined(&review.starring),
        "rating" => Cow::Borrowed(review.rating_code()),
        "rating_reason" => Cow::Borrowed(
            review
                .rating
                .as_ref()
                .and_then(|r| r.reason.as_deref())
                .unwrap_or(""),
        ),
        "score" => shown(review.score.as_ref().map(|s| s.to_string())),
        "runtime" => shown(review.runtime.map(|m| m.to_string())),
        "us_release" => shown(review.us_release.map(|d| d.to_string())),
        "release_date" => shown(review.release_date.map(|d| d.to_string())),
        "reviewed" => shown(review.reviewed.map(|d| d.to_string())),
        "watched" => shown(review.watched.map(|d| d.to_string())),
        "reviewer" => text(&review.reviewer),
        "synopsis" => text(&review.synopsis),
        "tags" => joined(&review.tags),
        "genres" => joined(&review.genres),
        "draft" => Cow::Borrowed(if review.draft { "true" } else { "false" }),
        _ => Cow::Borrowed(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Score;

    #[test]
    fn fields_braces_and_escapes() {
        let review = Review {
            title: "Rust and Bone".into(),
            year: Some(2012),
            directed_by: vec!["Jacques Audiard".into()],
            score: Some(Score::Points {
                value: 3.5,
                max: Some(4.0),
            }),
            runtime: Some(120),
            reviewed: Some(jiff::civil::date(2013, 1, 15)),
            extra: [("imdb".to_string(), serde_json::json!("tt2053425"))]
                .into_iter()
                .collect(),
            ..Review::default()
        };
        let line = |f: &str| Template::parse(f).unwrap().render(&review);
        assert_eq!(line("{title} ({year})"), "Rust and Bone (2012)");
        assert_eq!(
            line("{{{directed_by}}}\\t{score}\\n{runtime} {reviewed}"),
            "{Jacques Audiard}\t3.5/4\n120 2013-01-15"
        );
        assert_eq!(line("{extra.imdb}|{extra.none}|{rating}|"), "tt2053425|||");
    }

    #[test]
    fn unknown_fields_and_lone_braces_are_refused() {
        let error = Template::parse("{titel}").unwrap_err();
        assert!(error.starts_with("unknown field {titel}"), "{error}");
        assert!(error.contains("title"));
        assert!(Template::parse("{title").is_err());
        assert!(Template::parse("a } b").is_err());
    }
}
