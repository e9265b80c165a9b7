//! `reviews show`: one review, found by slug, title or part of the title.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CHUNK, Outcome};
use crate::collection::{Folder, LeftOut, map_headers, read_header, read_rest};
use crate::config::{Config, ShowFormat, ShowOptions};
use crate::diagnostics::{Printer, Result};
use crate::front_matter::{self, Parsed};
use crate::output::{self, body::Ink};
use crate::query::{Found, Lookup};
use crate::terminal::pager::Paged;

pub(super) fn show(
    config: &Config,
    options: &ShowOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let mut printer = Printer::new(err);
    // A path, as grep -l and find print them, names its file wherever it is; a query that is
    // not a path is only ever looked up in the collection.
    let named = Path::new(&options.query);
    let path = if options.query.contains('/') || named.is_file() {
        named.to_path_buf()
    } else {
        let collection = Folder::open(&config.dir, &config.dir_origin)?;
        let (found, unreadable) = find(&collection, &options.query);
        match found {
            Found::One(path) => path,
            Found::Several(count, slugs) => {
                printer.message(&format!(
                    "several reviews match \"{}\" ({count}); name one by its slug:",
                    options.query
                ));
                for slug in &slugs {
                    printer.hint(slug);
                }
                if count > slugs.len() {
                    printer.hint(&format!("... and {} more", count - slugs.len()));
                }
                return Ok(Outcome::FileErrors);
            }
            Found::Nothing(suggestions) => {
                printer.message(&format!("no review matches \"{}\"", options.query));
                if !suggestions.is_empty() {
                    printer.hint(&format!("did you mean: {}?", suggestions.join(", ")));
                }
                if !unreadable.is_empty() {
                    let names: Vec<String> = unreadable
                        .iter()
                        .take(10)
                        .map(|p| p.display().to_string())
                        .collect();
                    printer.hint(&format!(
                        "{} file{} could not be read and may be the one: {}",
                        unreadable.len(),
                        if unreadable.len() == 1 { "" } else { "s" },
                        names.join(", ")
                    ));
                }
                return Ok(Outcome::NothingFound);
            }
        }
    };
    // The header first, as `list` reads it: a file that is not a review is never read whole.
    let (parsed, head) = match read_header(&path) {
        Ok(head) => (front_matter::parse(&head, &path, false), head),
        Err(error) => (Parsed::failed(error), Vec::new()),
    };
    printer.report(&mut parsed.notes(false), config.warnings);
    if parsed.index_page {
        printer.message(&format!(
            "{} is {}, not a review",
            path.display(),
            LeftOut::IndexPage.describe(false)
        ));
        return Ok(Outcome::NothingFound);
    }
    let Some(mut review) = parsed.review else {
        return Ok(Outcome::FileErrors);
    };
    let mut bytes = read_rest(&path, head)?;
    if options.format == ShowFormat::Markdown {
        output::markdown::write(out, &bytes, config.terminal)?;
        return Ok(Outcome::Found);
    }
    // The body is the file's own buffer, moved down: the text is held once.
    let body = front_matter::body_range(&bytes);
    bytes.truncate(body.end);
    bytes.drain(..body.start);
    // Lines lifted into the header (inline fields) are not said again; cut from the last.
    for lifted in parsed.lifted.iter().rev() {
        if lifted.start >= body.start && lifted.end <= body.end {
            bytes.drain(lifted.start - body.start..lifted.end - body.start);
        }
    }
    review.body = Some(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    );
    match options.format {
        ShowFormat::Json => output::json::write_one(out, &review)?,
        ShowFormat::Text | ShowFormat::Markdown => {
            let ink = Ink::new(config.color, config.hyperlinks);
            let mut paged = Paged::new(out, config.pager.as_ref(), config.height);
            output::text::write(&mut paged, &review, config.width, ink)?;
            paged.finish()?;
        }
    }
    Ok(Outcome::Found)
}

/// The file the query names: a slug at the top of the folder is opened at once; otherwise every
/// slug is looked at, and only then every title. Beside it, the files that could not be read.
fn find(collection: &Folder, query: &str) -> (Found, Vec<PathBuf>) {
    if let Some(path) = collection.direct(query) {
        return (Found::One(path), Vec::new());
    }
    super::on_reading_threads(|| find_listed(collection, query))
}

/// [`find`] for a query that is not a slug at the top of the folder.
fn find_listed(collection: &Folder, query: &str) -> (Found, Vec<PathBuf>) {
    let listing = collection.listing();
    let mut lookup = Lookup::new(query);
    for path in listing.paths() {
        lookup.offer_slug(&listing.slug(path), path);
    }
    if lookup.slug_matched() {
        return (lookup.finish(), Vec::new());
    }
    let mut unreadable = Vec::new();
    for chunk in listing.paths().chunks(CHUNK) {
        let candidates = map_headers(
            chunk,
            |_, _| true,
            |i, parsed| match parsed?.review {
                Some(review) => {
                    let slug = listing.slug(&chunk[i]);
                    Some(Ok(lookup.judge(&slug, &review, &chunk[i])))
                }
                None => Some(Err(chunk[i].clone())),
            },
        );
        for candidate in candidates.into_iter().flatten() {
            match candidate {
                Ok(candidate) => lookup.add(candidate),
                Err(path) => unreadable.push(path),
            }
        }
    }
    (lookup.finish(), unreadable)
}
