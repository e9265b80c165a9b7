//! `show` for people: the title, aligned labels, then the body rendered to the width.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::body::{self, Ink};
use super::style;
use crate::record::{Review, with_note};
use crate::terminal::clean;

/// Body text is never wider than this, for reading comfort.
pub(crate) const MAX_BODY_WIDTH: usize = 100;

/// The header lines of a review: (label, value), for the fields it has.
fn fields(review: &Review) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut add = |label, value: String| {
        if !value.is_empty() {
            out.push((label, value));
        }
    };
    add(
        "Original title",
        review.original_title.clone().unwrap_or_default(),
    );
    add("Directed by", review.directed_by.join(", "));
    add("Written by", review.written_by.join(", "));
    add("Produced by", review.produced_by.join(", "));
    add("Starring", review.starring.join(", "));
    if let Some(rating) = &review.rating {
        let value = match &rating.reason {
            Some(reason) => format!("{} ({reason})", rating.code),
            None => rating.code.clone(),
        };
        add("Rating", value);
    }
    add(
        "Score",
        review
            .score
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    add(
        "Runtime",
        review
            .runtime
            .map(|m| format!("{m} min"))
            .unwrap_or_default(),
    );
    let dated = |date: Option<jiff::civil::Date>, note: &Option<String>| {
        date.map_or_else(String::new, |d| with_note(d, note.as_deref(), "%B %-d, %Y"))
    };
    let us_release = dated(review.us_release, &review.us_release_note);
    let released = dated(review.release_date, &review.release_date_note);
    add("U.S. release", us_release);
    add("Released", released);
    add("Reviewed", dated(review.reviewed, &None));
    add("Reviewer", review.reviewer.clone().unwrap_or_default());
    add("Synopsis", review.synopsis.clone().unwrap_or_default());
    add("Watched", dated(review.watched, &None));
    add("Genres", review.genres.join(", "));
    add("Tags", review.tags.join(", "));
    if review.draft {
        add("Draft", "not published".to_string());
    }
    out
}

/// The keys the reader does not know, and values it could not read (`reviewed: 3/4/2017`), as
/// written, after the known fields: nothing in the header is hidden from the person reading it.
fn extra_fields(review: &Review) -> Vec<(String, String)> {
    review
        .extra
        .iter()
        .map(|(key, value)| {
            let mut label: Vec<char> = key.trim().chars().collect();
            if let Some(first) = label.first_mut() {
                *first = first.to_uppercase().next().unwrap_or(*first);
            }
            (label.into_iter().collect::<String>(), shown(value))
        })
        .filter(|(label, value)| !label.is_empty() && !value.is_empty())
        .collect()
}

/// A value of `extra` as a person reads it: text as written, lists joined, tables as `key: value`.
fn shown(value: &serde_json::Value) -> String {
    use serde_json::Value;
    let scalar = |value: &Value| match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    match value {
        Value::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(", "),
        Value::Object(table) => table
            .iter()
            .map(|(k, v)| format!("{k}: {}", scalar(v)))
            .collect::<Vec<_>>()
            .join(", "),
        other => scalar(other),
    }
}

/// Labels wider than this put their value on the next line, so one long key cannot push every
/// value to the right.
const MAX_LABEL_WIDTH: usize = 24;

/// Write a review as text, `width` columns wide (the body at most [`MAX_BODY_WIDTH`]).
pub(crate) fn write(w: &mut dyn Write, review: &Review, width: usize, ink: Ink) -> io::Result<()> {
    let painter = ink.painter;
    let width = width.max(20);
    let mut title = clean(&review.title, false).into_owned();
    if let Some(year) = review.year {
        title.push_str(&format!(" ({year})"));
    }
    for line in textwrap::wrap(&title, width) {
        painter.paint(w, style::TITLE, &line)?;
        writeln!(w)?;
    }
    let known = fields(review);
    let extra = extra_fields(review);
    let fields: Vec<(&str, &str)> = (known.iter().map(|(l, v)| (*l, v.as_str())))
        .chain(extra.iter().map(|(l, v)| (l.as_str(), v.as_str())))
        .collect();
    let label_width = (fields.iter())
        .map(|(l, _)| l.width())
        .filter(|&w| w <= MAX_LABEL_WIDTH)
        .max()
        .unwrap_or(0)
        + 2;
    if !fields.is_empty() {
        writeln!(w)?;
    }
    let options = textwrap::Options::new(width.saturating_sub(label_width).max(10))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    for &(label, value) in &fields {
        let value = clean(value, false);
        let label = clean(label, false);
        let label = label.as_ref();
        let long = label.width() + 2 > label_width;
        if long {
            painter.paint(w, style::LABEL, label)?;
            writeln!(w)?;
        }
        for (i, line) in textwrap::wrap(&value, &options).iter().enumerate() {
            if i == 0 && !long {
                painter.paint(w, style::LABEL, label)?;
                write!(w, "{:pad$}", "", pad = label_width - label.width())?;
            } else {
                write!(w, "{:label_width$}", "")?;
            }
            // The certification code, at the start of the rating, takes the rating's colour.
            let code = review.rating_code();
            match line.strip_prefix(code) {
                Some(rest) if i == 0 && label == "Rating" && !code.is_empty() => {
                    painter.paint(w, style::certification(code), code)?;
                    writeln!(w, "{rest}")?;
                }
                _ => writeln!(w, "{line}")?,
            }
        }
    }
    if let Some(body) = review.body.as_deref().filter(|b| !b.trim().is_empty()) {
        writeln!(w)?;
        body::write(w, body, width.min(MAX_BODY_WIDTH), ink)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Rating;

    fn render(review: &Review, width: usize) -> String {
        let mut out = Vec::new();
        write(&mut out, review, width, Ink::new(false, false)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn aligned_labels_and_wrapped_body() {
        let review = Review {
            title: "Rust and Bone".into(),
            year: Some(2012),
            directed_by: vec!["Jacques Audiard".into()],
            rating: Some(Rating {
                code: "R".into(),
                reason: Some("for strong sexual content".into()),
            }),
            runtime: Some(120),
            body: Some(
                "\n\nOne two three four five six seven eight nine ten.\n\n\n\nNext.\n".into(),
            ),
            ..Review::default()
        };
        assert_eq!(
            render(&review, 24),
            "Rust and Bone (2012)\n\nDirected by  Jacques\n             Audiard\nRating       R (for\n             strong\n             sexual\n             content)\nRuntime      120 min\n\nOne two three four five\nsix seven eight nine\nten.\n\nNext.\n"
        );
    }

    #[test]
    fn keys_it_does_not_know_are_shown_after_the_known_ones() {
        let mut review = Review {
            title: "Seven Samurai".into(),
            runtime: Some(207),
            ..Review::default()
        };
        let extra = serde_json::json!({
            "english title": "Seven Samurai",
            "reviewed": "3/4/2017",
            "places": ["Kyoto", "Nara"],
            "a key far longer than any label should be": "x",
            "empty": null,
        });
        review.extra = extra.as_object().unwrap().clone();
        assert_eq!(
            render(&review, 80),
            "Seven Samurai\n\nRuntime        207 min\nEnglish title  Seven Samurai\nReviewed       3/4/2017\nPlaces         Kyoto, Nara\nA key far longer than any label should be\n               x\n"
        );
    }

    #[test]
    fn colour_only_when_enabled() {
        let review = Review {
            title: "X".into(),
            ..Review::default()
        };
        let mut out = Vec::new();
        write(&mut out, &review, 80, Ink::new(true, false)).unwrap();
        assert!(out.starts_with(b"\x1b[1mX"));
        assert!(!render(&review, 80).contains('\x1b'));
    }
}
