//! `show` for people: the title, aligned labels, then the body wrapped to the width.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::style::{self, Painter};
use crate::model::Review;
use crate::sanitize::clean;

/// Body text is never wider than this, for reading comfort.
pub const MAX_BODY_WIDTH: usize = 100;

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
    let dated = |date: Option<jiff::civil::Date>, note: &Option<String>| match (date, note) {
        (Some(d), Some(n)) => format!("{} ({n})", d.strftime("%B %-d, %Y")),
        (Some(d), None) => d.strftime("%B %-d, %Y").to_string(),
        _ => String::new(),
    };
    add(
        "U.S. release",
        dated(review.us_release, &review.us_release_note),
    );
    add(
        "Released",
        dated(review.release_date, &review.release_date_note),
    );
    add("Reviewed", dated(review.reviewed, &None));
    add("Reviewer", review.reviewer.clone().unwrap_or_default());
    add("Genres", review.genres.join(", "));
    add("Tags", review.tags.join(", "));
    out
}

/// Write a review as text, `width` columns wide (the body at most [`MAX_BODY_WIDTH`]).
pub fn write(w: &mut dyn Write, review: &Review, width: usize, painter: Painter) -> io::Result<()> {
    let width = width.max(20);
    let mut title = clean(&review.title, false).into_owned();
    if let Some(year) = review.year {
        title.push_str(&format!(" ({year})"));
    }
    for line in textwrap::wrap(&title, width) {
        painter.paint(w, style::TITLE, &line)?;
        writeln!(w)?;
    }
    let fields = fields(review);
    let label_width = fields.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 2;
    if !fields.is_empty() {
        writeln!(w)?;
    }
    let indent = " ".repeat(label_width);
    let options = textwrap::Options::new(width.max(label_width + 10)).subsequent_indent(&indent);
    for (label, value) in &fields {
        let value = clean(value, false);
        let line = format!("{label:label_width$}{value}");
        for (i, wrapped) in textwrap::wrap(&line, &options).iter().enumerate() {
            if i == 0 {
                painter.paint(w, style::LABEL, label)?;
                let rest = &wrapped[label.len()..];
                let value_style = if *label == "Rating" {
                    let code = review.rating_code();
                    let rest_trimmed = rest.trim_start();
                    write!(w, "{}", &rest[..rest.len() - rest_trimmed.len()])?;
                    painter.paint(
                        w,
                        style::rating(code),
                        &rest_trimmed[..code.len().min(rest_trimmed.len())],
                    )?;
                    w.write_all(rest_trimmed[code.len().min(rest_trimmed.len())..].as_bytes())?;
                    writeln!(w)?;
                    continue;
                } else {
                    rest
                };
                writeln!(w, "{value_style}")?;
            } else {
                writeln!(w, "{wrapped}")?;
            }
        }
    }
    if let Some(body) = &review.body {
        write_body(w, body, width.min(MAX_BODY_WIDTH))?;
    }
    Ok(())
}

/// The body's paragraphs, each line wrapped, runs of blank lines made one.
fn write_body(w: &mut dyn Write, body: &str, width: usize) -> io::Result<()> {
    let body = clean(body, true);
    let mut blank_pending = true;
    for line in body.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_pending = true;
            continue;
        }
        if blank_pending {
            writeln!(w)?;
            blank_pending = false;
        }
        let expanded = line.replace('\t', "    ");
        let indent_len = expanded.len() - expanded.trim_start().len();
        let indent = &expanded[..indent_len];
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(indent);
        for wrapped in textwrap::wrap(expanded.trim_start(), &options) {
            writeln!(w, "{wrapped}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rating;

    fn render(review: &Review, width: usize) -> String {
        let mut out = Vec::new();
        write(&mut out, review, width, Painter { enabled: false }).unwrap();
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
    fn colour_only_when_enabled() {
        let review = Review {
            title: "X".into(),
            ..Review::default()
        };
        let mut out = Vec::new();
        write(&mut out, &review, 80, Painter { enabled: true }).unwrap();
        assert!(out.starts_with(b"\x1b[1mX"));
        assert!(!render(&review, 80).contains('\x1b'));
    }
}
