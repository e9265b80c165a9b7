//! Importing a Letterboxd export, and what the folder already holds of one.

use std::path::Path;

use super::writer::Writer;
use crate::collection::{Folder, map_files};
use crate::diagnostics::{Error, Result};
use crate::front_matter;
use crate::letterboxd::{self, Held, Seen};

/// Import a Letterboxd export's reviews (and with `all` its other films), leaving out what the
/// folder has already; returns how many films with no review it does not have and `all` would
/// have written.
pub(super) fn import_export(
    export: letterboxd::Export,
    all: bool,
    writer: &mut Writer,
) -> Result<usize> {
    let mut seen = seen_in(&writer.dir);
    let found = letterboxd::entries(export);
    for error in &found.errors {
        writer.failed(error);
    }
    for mut entry in found.reviews {
        let stub = match seen.held(&entry) {
            Held::Review => {
                writer.already += 1;
                continue;
            }
            Held::NoReview(stub) => Some(stub),
            Held::Nothing => None,
        };
        seen.add_written(&entry);
        // The text goes to the file only: the names taken keep the header's fields.
        let body = entry
            .review
            .body
            .take()
            .map_or_else(String::new, |text| format!("\n{text}\n"));
        let written = writer.write(&entry.source, entry.review, body.as_bytes(), false)?;
        if let (Some(stub), Some(written)) = (stub, written) {
            writer.said.push(Error::NotAnExport {
                path: stub,
                message: format!(
                    "has no review: its review, new in this export, is written to {}",
                    written.display()
                ),
            });
        }
    }
    let (films, held): (Vec<_>, Vec<_>) = found
        .films
        .into_iter()
        .partition(|entry| seen.held(entry) == Held::Nothing);
    if !all {
        return Ok(films.len());
    }
    writer.already += held.len();
    for entry in films {
        writer.write(&entry.source, entry.review, b"", false)?;
    }
    Ok(0)
}

/// What the folder's reviews hold of Letterboxd exports (none when it does not exist yet), and
/// which of them have text.
pub(super) fn seen_in(dir: &Path) -> Seen {
    let mut seen = Seen::default();
    let Ok(collection) = Folder::open(dir, "") else {
        return seen;
    };
    let listing = collection.listing();
    let reviews = map_files(
        listing.paths(),
        |_, _, _, _| true,
        |_, bytes, parsed| {
            let has_text = !bytes[front_matter::body_range(bytes)]
                .trim_ascii()
                .is_empty();
            Some((parsed?.review?, has_text))
        },
    );
    for (review, has_text) in reviews.iter().flatten() {
        seen.add(review, *has_text);
    }
    seen
}
