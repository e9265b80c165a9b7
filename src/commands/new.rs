//! `reviews new`: a new review's file, written as `import` writes one, then opened in the editor.

use std::collections::HashMap;
use std::io::Write;
use std::process::Command;

use serde_json::Value;

use super::Outcome;
use super::import::target_dir;
use super::import::writer::{Place, canonical, known_in, place, write_new};
use crate::collection::read_whole;
use crate::config::{Config, NewOptions, Warnings};
use crate::diagnostics::{Printer, Result};
use crate::record::{RawField, build};

/// Today, as a date in UTC.
fn today() -> String {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
        .to_string()
}

/// `Title (Year)`, or the title alone.
fn film_name(title: &str, year: Option<i32>) -> String {
    match year {
        Some(year) => format!("{title} ({year})"),
        None => title.to_string(),
    }
}

pub(super) fn new(
    config: &Config,
    options: &NewOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let dir = target_dir(config, &options.to, false)?;
    let field = |key: &str, value: Value| RawField {
        key: key.to_string(),
        value,
        raw: None,
        line: 1,
        column: None,
    };
    let mut fields = vec![field("title", Value::from(options.title.as_str()))];
    fields.extend(options.year.map(|y| field("year", Value::from(y))));
    if !options.directors.is_empty() {
        fields.push(field("directed_by", Value::from(options.directors.clone())));
    }
    fields.extend(
        options
            .rating
            .as_deref()
            .map(|r| field("rating", Value::from(r))),
    );
    fields.extend(
        options
            .score
            .as_deref()
            .map(|s| field("score", Value::from(s))),
    );
    fields.push(field("reviewed", Value::from(today())));
    let built = build(fields);
    let mut printer = Printer::new(err);
    if let Some(problem) = built.warnings.first() {
        let message = problem
            .message
            .split("; kept as written")
            .next()
            .unwrap_or_default();
        let flag = problem
            .field
            .as_deref()
            .unwrap_or_default()
            .replace('_', "-");
        printer.message(&format!("--{flag}: {message}"));
        return Ok(Outcome::FileErrors);
    }
    let mut review = built.review;
    review.body = Some("\n".to_string());
    if !options.force
        && let Some(known) = known_in(&dir)
            .into_iter()
            .find(|k| k.is(&review.title, review.year))
    {
        printer.message(&format!(
            "{} is already reviewed in {}; --force writes another",
            film_name(&review.title, review.year),
            known.path.display()
        ));
        return Ok(Outcome::NothingFound);
    }
    // `new` always writes a file of its own.
    let Some(Place::New(path)) = place(&dir, &review, &HashMap::new(), false) else {
        printer.message("every name for this title is taken");
        return Ok(Outcome::FileErrors);
    };
    write_new(&path, &canonical(&review, b"\n"))?;
    writeln!(out, "{}", path.display())?;
    let Some(editor) = &options.editor else {
        return Ok(Outcome::Found);
    };
    out.flush()?;
    let status = Command::new(&editor[0])
        .args(&editor[1..])
        .arg(&path)
        .status();
    if status.is_err() {
        printer.message(&format!("could not start the editor \"{}\"", editor[0]));
        return Ok(Outcome::FileErrors);
    }
    // Checked as `check` would.
    let (_, parsed) = read_whole(&path)?;
    let mut notes = parsed.notes(true);
    let problems = !notes.is_empty();
    printer.report(&mut notes, Warnings::Each);
    Ok(if problems {
        Outcome::FileErrors
    } else {
        Outcome::Found
    })
}
