//! `reviews check`: validate files strictly and report every problem.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CHUNK, Outcome, point_at_exports};
use crate::collection::{Folder, Listing, map_headers};
use crate::config::Config;
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
    let sources = if paths.is_empty() {
        Folder::open(&config.dir, &config.dir_origin)?;
        vec![config.dir.clone()]
    } else {
        paths.to_vec()
    };
    let listing = Listing::new(&sources);
    let mut notes = Note::each(&listing.errors, Severity::Error);
    notes.extend(Note::each(&listing.warnings, Severity::Warning));
    // The files with problems (warnings count here), but for repeated slugs.
    let mut flawed = HashSet::new();
    let mut films = SameFilms::default();
    for chunk in listing.paths().chunks(CHUNK) {
        // Only the problems and the film are kept, not the records.
        let found = map_headers(
            chunk,
            |_, _| true,
            |_, parsed| {
                let parsed = parsed.unwrap_or_default();
                let named = parsed.review.as_ref().map(|r| (film(r), film_name(r)));
                (parsed.notes(true), named)
            },
        );
        for ((mut problems, named), path) in found.into_iter().zip(chunk) {
            if let Some((film, name)) = named.filter(|((title, _), _)| !title.is_empty()) {
                problems.extend(films.see(film, path, name));
            }
            flawed.extend(problems.iter().filter_map(|n| n.path.clone()));
            notes.extend(problems);
        }
    }
    notes.sort_by(Note::order);
    // Problems sort by path, so each path's are together: count the paths as they pass.
    let mut bad = 0;
    let mut last_path = None;
    for note in notes {
        writeln!(out, "{}", note.text)?;
        if note.path.is_some() && note.path != last_path {
            bad += 1;
            last_path = note.path;
        }
    }
    let plural = if bad == 1 { "" } else { "s" };
    let ok = listing.files - listing.repeats() - flawed.len() as u64;
    // The summary closes the report: what stdout holds goes out first.
    out.flush()?;
    let mut printer = Printer::new(err);
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
