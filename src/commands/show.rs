//! `reviews show`: one review, found by slug, title or part of the title.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CHUNK, Outcome};
use crate::collection::{Folder, LeftOut, Listing, holder, map_headers, read_header, read_rest};
use crate::config::{Config, ShowFormat, ShowOptions};
use crate::diagnostics::{Printer, Result};
use crate::front_matter::{self, Parsed};
use crate::output::{self, body::Ink};
use crate::query::{Candidate, Found, Lookup};
use crate::terminal::pager::Paged;

pub(super) fn show(
    config: &Config,
    options: &ShowOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let mut printer = Printer::new(err);
    let (path, collection) = match locate(config, &options.query, &mut printer)? {
        Ok(located) => located,
        Err(outcome) => return Ok(outcome),
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
    review.collection = collection;
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
            config.score_scale.show(&mut review);
            output::text::write(&mut paged, &review, config.width, ink)?;
            paged.finish()?;
        }
    }
    Ok(Outcome::Found)
}

/// The file the query names, and the collection it is in; or, said on stderr, why there is none
/// (the outcome to exit with). A path, as grep -l and find print them, names its file wherever it
/// is; `blog/heat` is the slug `heat` in the collection `blog`; any other query is looked up in
/// the collections.
fn locate(
    config: &Config,
    query: &str,
    printer: &mut Printer,
) -> Result<std::result::Result<(PathBuf, Option<String>), Outcome>> {
    let named = Path::new(query);
    if named.is_file() {
        return Ok(Ok((named.to_path_buf(), None)));
    }
    let (mut folders, mut notes) = super::open_folders(config)?;
    printer.report(&mut notes, config.warnings);
    let query = match query.split_once('/') {
        Some((name, slug)) if !slug.contains('/') && folders.iter().any(|f| f.name() == name) => {
            folders.retain(|f| f.name() == name);
            slug
        }
        Some(_) => return Ok(Ok((named.to_path_buf(), None))),
        None => query,
    };
    let in_collection = |path: PathBuf| {
        let name = holder(&folders, &path).map(|f| f.name().to_string());
        (path, name)
    };
    let (found, unreadable) = find(&folders, query);
    let first = match found {
        Found::One(path) => return Ok(Ok(in_collection(path))),
        Found::Several(count, first) => (count, first),
        Found::Nothing(suggestions) => {
            printer.message(&format!("no review matches \"{query}\""));
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
            return Ok(Err(Outcome::NothingFound));
        }
    };
    let (count, first) = first;
    if folders.len() > 1 && first.iter().all(|(_, slug)| slug == query) {
        printer.message(&format!(
            "\"{query}\" is the slug of {count} reviews in different collections; name one with its collection (`show COLLECTION/{query}` or `--collection COLLECTION`):"
        ));
        for (path, slug) in &first {
            let name = holder(&folders, path).map_or("", |f| f.name());
            printer.hint(&format!("{name}/{slug}  {}", path.display()));
        }
    } else {
        printer.message(&format!(
            "several reviews match \"{query}\" ({count}); name one by its slug:"
        ));
        for (path, slug) in &first {
            match holder(&folders, path).filter(|_| folders.len() > 1) {
                Some(folder) => printer.hint(&format!("{}/{slug}", folder.name())),
                None => printer.hint(slug),
            }
        }
    }
    if count > first.len() {
        printer.hint(&format!("... and {} more", count - first.len()));
    }
    Ok(Err(Outcome::FileErrors))
}

/// The file the query names: a slug at the top of the one folder is opened at once; otherwise
/// every slug is looked at, and only then every title. Beside it, the files that could not be
/// read.
fn find(folders: &[Folder], query: &str) -> (Found, Vec<PathBuf>) {
    if let [folder] = folders
        && let Some(path) = folder.direct(query)
    {
        return (Found::One(path), Vec::new());
    }
    super::on_reading_threads(|| find_listed(folders, query))
}

/// [`find`] for a query that is not a slug at the top of the folder.
fn find_listed(folders: &[Folder], query: &str) -> (Found, Vec<PathBuf>) {
    let listing = Listing::of(folders);
    let mut lookup = Lookup::new(query);
    for path in listing.paths() {
        if lookup.may_name(path) {
            lookup.offer_slug(&listing.slug(path), path);
        }
    }
    if lookup.slug_matched() {
        return (lookup.finish(), Vec::new());
    }
    // First only the headers whose text holds the query are parsed; the others only when no
    // title answers, for the closest titles to suggest.
    let mut unreadable = Vec::new();
    let paths = listing.paths();
    let passed_over = judge_all(&listing, paths, &mut lookup, true, &mut unreadable);
    if !lookup.answered() {
        let others: Vec<PathBuf> = passed_over.iter().map(|&i| paths[i].clone()).collect();
        judge_all(&listing, &others, &mut lookup, false, &mut unreadable);
    }
    (lookup.finish(), unreadable)
}

/// Offer the reviews of `paths` to `lookup`, noting those that cannot be read; with
/// `prefiltered`, a header whose text cannot answer is not parsed, and its place in `paths` is
/// returned.
fn judge_all(
    listing: &Listing,
    paths: &[PathBuf],
    lookup: &mut Lookup,
    prefiltered: bool,
    unreadable: &mut Vec<PathBuf>,
) -> Vec<usize> {
    enum Judged {
        Candidate(Candidate),
        Unreadable,
        PassedOver,
    }
    let mut passed_over = Vec::new();
    for (c, chunk) in paths.chunks(CHUNK).enumerate() {
        let judged = map_headers(
            chunk,
            prefiltered
                .then_some(|path: &Path, raw: &str| lookup.may_answer(raw, || listing.slug(path))),
            |i, parsed| match parsed {
                None => Judged::PassedOver,
                Some(parsed) => match parsed.review {
                    Some(review) => {
                        let slug = listing.slug(&chunk[i]);
                        Judged::Candidate(lookup.judge(&slug, &review, &chunk[i]))
                    }
                    None => Judged::Unreadable,
                },
            },
        );
        for (i, judged) in judged.into_iter().enumerate() {
            match judged {
                Judged::Candidate(candidate) => lookup.add(candidate),
                Judged::Unreadable => unreadable.push(chunk[i].clone()),
                Judged::PassedOver => passed_over.push(c * CHUNK + i),
            }
        }
    }
    passed_over
}
