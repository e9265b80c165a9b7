//! `reviews show`: one review, found by slug, title or part of the title.

use std::io::Write;

use super::{CHUNK, Outcome};
use crate::collection::{Collection, map_headers, read_whole};
use crate::config::{Config, ShowFormat, ShowOptions};
use crate::diagnostics::{Printer, Result};
use crate::front_matter;
use crate::output::{self, style::Painter};
use crate::query::{Found, Lookup};
use crate::record::slug;

pub(super) fn show(
    config: &Config,
    options: &ShowOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let collection = Collection::open(&config.dir, &config.dir_origin)?;
    let mut printer = Printer::new(err);
    let path = match find(&collection, &options.query) {
        Found::One(path) => path,
        Found::NotOne(suggestions) => {
            printer.message(&format!("no review matches \"{}\"", options.query));
            if !suggestions.is_empty() {
                printer.hint(&format!("did you mean: {}?", suggestions.join(", ")));
            }
            return Ok(Outcome::NothingFound);
        }
    };
    let bytes = read_whole(&path)?;
    let parsed = front_matter::parse(&bytes, &path, true);
    printer.file(&parsed.errors, &parsed.warnings);
    let Some(review) = parsed.review else {
        return Ok(Outcome::FileErrors);
    };
    match options.format {
        ShowFormat::Json => output::json::write_one(out, &review)?,
        ShowFormat::Markdown => output::markdown::write(out, &bytes, config.terminal)?,
        ShowFormat::Text => {
            let mut text = Vec::new();
            let painter = Painter {
                enabled: config.color,
            };
            output::text::write(&mut text, &review, config.width, painter)?;
            let lines = text.iter().filter(|&&b| b == b'\n').count();
            match (&config.pager, config.height) {
                (Some(pager), Some(height)) if lines >= height => {
                    out.flush()?;
                    pager.page(&text, out)?;
                }
                _ => out.write_all(&text)?,
            }
        }
    }
    Ok(Outcome::Found)
}

/// The file the query names: a slug at the top of the folder is opened at once; otherwise every
/// slug is looked at, and only then every title.
fn find(collection: &Collection, query: &str) -> Found {
    if let Some(path) = collection.direct(query) {
        return Found::One(path);
    }
    let listing = collection.listing();
    let mut lookup = Lookup::new(query);
    for path in listing.paths() {
        lookup.offer_slug(&slug(path), path);
    }
    if lookup.slug_matched() {
        return lookup.finish();
    }
    for chunk in listing.paths().chunks(CHUNK) {
        let candidates = map_headers(
            chunk,
            |_| true,
            |i, parsed| {
                let review = parsed?.review?;
                Some(lookup.judge(&review.slug, &review.title, &chunk[i]))
            },
        );
        for candidate in candidates.into_iter().flatten() {
            lookup.add(candidate);
        }
    }
    lookup.finish()
}
