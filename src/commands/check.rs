//! `reviews check`: validate files strictly and report every problem.

use std::io::Write;
use std::path::PathBuf;

use super::{CHUNK, Outcome, point_at_exports};
use crate::collection::{Folder, Listing, map_headers};
use crate::config::Config;
use crate::diagnostics::{Note, Printer, Result, Severity};

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
    // Listed files with problems: repeated slugs, and those counted below.
    let mut bad_files = listing.repeats();
    for chunk in listing.paths().chunks(CHUNK) {
        // Only the problems are kept, not the records; warnings count as problems here.
        let found = map_headers(
            chunk,
            |_, _| true,
            |_, parsed| parsed.unwrap_or_default().notes(true),
        );
        for problems in found {
            bad_files += u64::from(!problems.is_empty());
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
    let ok = listing.files - bad_files;
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
