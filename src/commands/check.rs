//! `reviews check`: validate files strictly and report every problem.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::slice::ParallelSliceMut;

use super::{CHUNK, Outcome, open_listing, point_at_exports};
use crate::collection::{EVERY_HEADER, LeftOut, Listing, map_headers};
use crate::config::{Config, Warnings};
use crate::diagnostics::{Error, Note, Printer, Result, Severity};
use crate::query::films::{Film, film};

/// The first file of each film in path order, and how it names the film: each later one is
/// warned of, naming it, whatever order the files are read in.
#[derive(Default)]
struct SameFilms(HashMap<Film, (PathBuf, String)>);

impl SameFilms {
    /// The warning for `path`, or for the file it comes before, when its film was seen already.
    fn see(&mut self, film: Film, path: &Path, name: String) -> Option<Note> {
        let mut this = (path.to_path_buf(), name);
        let mut entry = match self.0.entry(film) {
            Entry::Occupied(entry) => entry,
            Entry::Vacant(entry) => {
                entry.insert(this);
                return None;
            }
        };
        if this.0 < entry.get().0 {
            std::mem::swap(entry.get_mut(), &mut this);
        }
        let (first, film) = entry.get().clone();
        let error = Error::DuplicateFilm {
            film,
            first,
            second: this.0,
        };
        Some(Note::new(&error, Severity::Warning))
    }
}

/// Paths named in a line of what was left out; the rest are counted.
const LEFT_OUT_NAMED: usize = 5;

/// One line for each kind of file or folder left out as no review, naming the first few.
fn say_left_out(left_out: &mut [(PathBuf, LeftOut)], printer: &mut Printer) {
    left_out.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
    for kind in left_out.chunk_by(|a, b| a.1 == b.1) {
        let names: Vec<String> = kind
            .iter()
            .take(LEFT_OUT_NAMED)
            .map(|(path, _)| path.display().to_string())
            .collect();
        let more = match kind.len().saturating_sub(LEFT_OUT_NAMED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let what = kind[0].1.describe(kind.len() > 1);
        let count = if kind.len() > 1 {
            format!("{} ", kind.len())
        } else {
            String::new()
        };
        printer.message(&format!(
            "left out {count}{what}: {}{more}",
            names.join(", ")
        ));
    }
}

/// `Title, Year`, or the title alone.
fn film_name(review: &crate::record::Review) -> String {
    match review.year {
        Some(year) => format!("{}, {year}", review.title),
        None => review.title.clone(),
    }
}

/// Every problem on stdout, one line each in file and line order, then a summary on stderr.
pub(super) fn check(
    config: &Config,
    paths: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    // Files and folders named, or the collections.
    let (listing, mut listing_notes, sources) = if paths.is_empty() {
        let (listing, notes) = open_listing(config)?;
        let folders = config.collections.iter().map(|c| c.path.clone()).collect();
        (listing, notes, folders)
    } else {
        let listing = Listing::new(paths);
        let mut notes = Note::each(&listing.errors, Severity::Error);
        notes.extend(Note::each(&listing.warnings, Severity::Warning));
        (listing, notes, paths.to_vec())
    };
    // The problems of the files (warnings count here), apart from the listing's.
    let mut notes = Vec::new();
    let mut films = SameFilms::default();
    let mut left_out = listing.left_out.clone();
    for chunk in listing.paths().chunks(CHUNK) {
        // Only the problems and the film are kept, not the records.
        let found = map_headers(chunk, EVERY_HEADER, |_, parsed| {
            let parsed = parsed.unwrap_or_default();
            let named = parsed.review.as_ref().map(|r| (film(r), film_name(r)));
            (parsed.notes(true), named, parsed.index_page)
        });
        for ((mut problems, named, index_page), path) in found.into_iter().zip(chunk) {
            if index_page {
                left_out.push((path.clone(), LeftOut::IndexPage));
            }
            if let Some((film, name)) = named.filter(|((title, _), _)| !title.is_empty()) {
                problems.extend(films.see(film, path, name));
            }
            notes.extend(problems);
        }
    }
    // A collection can have a problem in every file: sorted on every core (a stable sort, as
    // `sort_by` is), and the files with problems counted as their paths pass.
    notes.par_sort_by(Note::order);
    listing_notes.sort_by(Note::order);
    let flawed = notes.chunk_by(|a, b| a.path == b.path);
    let flawed = flawed.filter(|same| same[0].path.is_some()).count();
    // The two in one order, the listing's first where they tie (as one stable sort would put
    // them); each path's problems are together: count the paths as they pass.
    let mut bad = 0;
    let mut last_path = None;
    let mut listing_notes = listing_notes.into_iter().peekable();
    let mut print = |note: Note| -> std::io::Result<()> {
        writeln!(out, "{}", note.text)?;
        if note.path.is_some() && note.path != last_path {
            bad += 1;
            last_path = note.path;
        }
        Ok(())
    };
    for note in notes {
        while let Some(first) = listing_notes.next_if(|l| Note::order(l, &note).is_le()) {
            print(first)?;
        }
        print(note)?;
    }
    for note in listing_notes {
        print(note)?;
    }
    let plural = if bad == 1 { "" } else { "s" };
    let index_pages = left_out
        .iter()
        .filter(|(_, why)| *why == LeftOut::IndexPage);
    let ok = listing.files - listing.repeats() - flawed as u64 - index_pages.count() as u64;
    // The summary closes the report: what stdout holds goes out first.
    out.flush()?;
    let mut printer = Printer::new(err);
    if config.warnings == Warnings::Each {
        say_left_out(&mut left_out, &mut printer);
    }
    printer.summary(&format!("{bad} file{plural} with problems, {ok} ok"));
    let export = ok == 0 && point_at_exports(&sources, &mut printer);
    Ok(if export && bad == 0 {
        Outcome::NothingFound
    } else if bad == 0 {
        Outcome::Found
    } else {
        Outcome::FileErrors
    })
}
