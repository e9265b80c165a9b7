//! `reviews show`: one review, found by slug, title or part of the title.

use std::io::Write;

use super::{CHUNK, Outcome};
use crate::collection::{Collection, map_headers, read_header, read_rest};
use crate::config::{Config, ShowFormat, ShowOptions};
use crate::diagnostics::{Note, Printer, Result, Severity};
use crate::front_matter::{self, Parsed, Scan};
use crate::output::{self, style::Painter};
use crate::query::{Found, Lookup};
use crate::record::slug;
use crate::terminal::pager::Paged;

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
    // The header first, as `list` reads it: a file that is not a review is never read whole.
    let (parsed, head) = match read_header(&path) {
        Ok(head) => (front_matter::parse(&head, &path, false), head),
        Err(error) => (Parsed::failed(error), Vec::new()),
    };
    let mut notes = Note::each(&parsed.errors, Severity::Error);
    notes.extend(Note::each(&parsed.warnings, Severity::Warning));
    printer.report(&mut notes, config.warnings);
    let Some(mut review) = parsed.review else {
        return Ok(Outcome::FileErrors);
    };
    let body_start = match front_matter::scan(&head, true) {
        Scan::Complete(parts) => parts.body_start,
        _ => head.len(),
    };
    let mut bytes = read_rest(&path, head)?;
    if options.format == ShowFormat::Markdown {
        output::markdown::write(out, &bytes, config.terminal)?;
        return Ok(Outcome::Found);
    }
    // The body is the file's own buffer, moved down: the text is held once.
    bytes.drain(..body_start);
    review.body = Some(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    );
    match options.format {
        ShowFormat::Json => output::json::write_one(out, &review)?,
        ShowFormat::Text | ShowFormat::Markdown => {
            let painter = Painter {
                enabled: config.color,
            };
            let mut paged = Paged::new(out, config.pager.as_ref(), config.height);
            output::text::write(&mut paged, &review, config.width, painter)?;
            paged.finish()?;
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
            |_, _| true,
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
