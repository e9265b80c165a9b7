//! Writing imported reviews: each named from its title, in canonical form, never over another
//! file, and not at all when the same review is already there.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::collection::{EVERY_HEADER, Listing, map_headers, read_whole};
use crate::diagnostics::{Error, Note, Result, Severity};
use crate::output::to_front_matter;
use crate::query::films::{Known, same_text};
use crate::query::fold;
use crate::record::Review;

/// File names made from titles are at most this many bytes before `.md`, which leaves room for a
/// year, a number and the temporary name's additions within a file system's 255.
const MAX_NAME: usize = 150;

/// Another name is tried this many times at most before giving up on a title.
const MAX_TRIES: usize = 1000;

/// A file name for a title: folded (lower case, accents dropped), its letters and digits in any
/// script kept, the words between joined by `-`.
pub(super) fn file_stem_for(title: &str) -> String {
    let mut stem = String::new();
    for c in fold(title).chars() {
        if stem.len() + c.len_utf8() > MAX_NAME {
            break;
        }
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "untitled".to_string()
    } else {
        stem.to_string()
    }
}

/// A review as it will be written: the canonical header, then the body as written but for its
/// line endings, which are the header's (`\n`) throughout.
pub(in crate::commands) fn canonical(review: &Review, body: &[u8]) -> Vec<u8> {
    let mut text = to_front_matter(review).into_bytes();
    let mut rest = body;
    while let Some(at) = memchr::memmem::find(rest, b"\r\n") {
        text.extend_from_slice(&rest[..at]);
        text.push(b'\n');
        rest = &rest[at + 2..];
    }
    text.extend_from_slice(rest);
    text
}

/// What each review already in `dir` is of, read from the headers on every core.
pub(in crate::commands) fn known_in(dir: &Path) -> Vec<Known> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let listing = Listing::new(&[dir.to_path_buf()]);
    let paths = listing.paths();
    let known = map_headers(paths, EVERY_HEADER, |i, parsed| {
        let mut review = parsed?.review?;
        listing.name(&paths[i], &mut review);
        Some(Known::new(&review))
    });
    known.into_iter().flatten().collect()
}

/// Where a review goes.
pub(in crate::commands) enum Place {
    /// A free name.
    New(PathBuf),
    /// A file that already reads to the same review.
    Already(PathBuf),
}

/// The same review, wherever it was read from and whatever keys its values came from: the same
/// film (title and year) and the same text.
pub(super) fn same_review(a: &Review, b: &Review) -> bool {
    let body = |r: &Review| r.body.clone().unwrap_or_default();
    fold(&a.title) == fold(&b.title) && a.year == b.year && same_text(&body(a), &body(b))
}

/// A file among `known` that already holds `review`.
fn already_there(known: &[Known], review: &Review) -> Option<PathBuf> {
    known
        .iter()
        .filter(|k| k.is(&review.title, review.year))
        .find(|k| {
            read_whole(&k.path)
                .is_ok_and(|(_, parsed)| parsed.review.is_some_and(|r| same_review(&r, review)))
        })
        .map(|k| k.path.clone())
}

/// The name for `review` in `dir`: its title's, else with its year, else with a number; a name
/// taken on disk or earlier in this run by a different review is passed over, and one taken by
/// the same review is that review's place when `same_is_there`.
pub(in crate::commands) fn place(
    dir: &Path,
    review: &Review,
    taken: &HashMap<PathBuf, Review>,
    same_is_there: bool,
) -> Option<Place> {
    let stem = file_stem_for(&review.title);
    let year = review.year.map(|y| format!("{stem}-{y}"));
    let names = std::iter::once(stem.clone())
        .chain(year)
        .chain((2..).map(|n| format!("{stem}-{n}")))
        .take(MAX_TRIES);
    for name in names {
        let path = dir.join(format!("{name}.md"));
        if let Some(earlier) = taken.get(&path) {
            if same_is_there && same_review(earlier, review) {
                return Some(Place::Already(path));
            }
            continue;
        }
        // Only a plain file is read to compare: a link, a FIFO or a device is a taken name.
        match path.symlink_metadata() {
            Err(_) => return Some(Place::New(path)),
            Ok(meta) if !meta.is_file() => continue,
            Ok(_) => {}
        }
        if same_is_there
            && let Ok((_, parsed)) = read_whole(&path)
            && parsed
                .review
                .as_ref()
                .is_some_and(|r| same_review(r, review))
        {
            return Some(Place::Already(path));
        }
    }
    None
}

/// Write `bytes` to `path`, which must not exist: through a temporary file and a link, so that no
/// half file is ever seen and nothing is overwritten, even by a file made meanwhile.
pub(in crate::commands) fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let failed = |source| Error::write(path, source);
    let dir = path.parent().unwrap_or(Path::new("."));
    // A name of our own, made with O_EXCL: nothing planted under it is ever written through.
    let mut attempt = 0u32;
    let (temporary, mut file) = loop {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let temporary = dir.join(format!(
            ".reviews-import.{}.{nanos}.{attempt}.tmp",
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => break (temporary, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(failed(e)),
        }
    };
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::hard_link(&temporary, path));
    let _ = fs::remove_file(&temporary);
    written.map_err(failed)
}

/// Files written in one run: the names taken so far, the problems and the counts for the
/// summary line.
pub(super) struct Writer<'a> {
    pub(super) dir: PathBuf,
    pub(super) dry_run: bool,
    pub(super) out: &'a mut dyn Write,
    pub(super) taken: HashMap<PathBuf, Review>,
    /// What the folder held before this run, read when first needed.
    pub(super) known: Option<Vec<Known>>,
    pub(super) notes: Vec<Note>,
    /// Warnings about the run itself, each said (not counted as a file's warnings are).
    pub(super) said: Vec<Error>,
    pub(super) written: usize,
    pub(super) already: usize,
    pub(super) failed: usize,
}

impl Writer<'_> {
    pub(super) fn failed(&mut self, error: &Error) {
        self.notes.push(Note::new(error, Severity::Error));
        self.failed += 1;
    }

    /// Write `review` with `body` under a free name, printing `SOURCE<TAB>WRITTEN`, and return
    /// that name; a file that already reads to the same review counts as there when
    /// `same_is_there`.
    pub(super) fn write(
        &mut self,
        source: &str,
        review: Review,
        body: &[u8],
        same_is_there: bool,
    ) -> Result<Option<PathBuf>> {
        if same_is_there {
            let known = self.known.get_or_insert_with(|| known_in(&self.dir));
            if let Some(path) = already_there(known, &review) {
                self.already += 1;
                self.taken.insert(path, review);
                return Ok(None);
            }
        }
        let Some(place) = place(&self.dir, &review, &self.taken, same_is_there) else {
            let path = self
                .dir
                .join(format!("{}.md", file_stem_for(&review.title)));
            self.failed(&Error::Write {
                path,
                source: std::io::Error::other("every name for this title is taken"),
            });
            return Ok(None);
        };
        match place {
            Place::Already(path) => {
                self.already += 1;
                self.taken.insert(path, review);
            }
            Place::New(path) => {
                let result = if self.dry_run {
                    Ok(())
                } else {
                    write_new(&path, &canonical(&review, body))
                };
                match result {
                    Ok(()) => {
                        writeln!(self.out, "{source}\t{}", path.display())?;
                        self.written += 1;
                        self.taken.insert(path.clone(), review);
                        return Ok(Some(path));
                    }
                    Err(error) => self.failed(&error),
                }
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_titles() {
        assert_eq!(file_stem_for("Rust and Bone"), "rust-and-bone");
        assert_eq!(file_stem_for("Amélie"), "amelie");
        assert_eq!(file_stem_for("8½ (1963)"), "81-2-1963");
        assert_eq!(file_stem_for("!!!"), "untitled");
        assert!(file_stem_for(&"long ".repeat(50)).len() <= MAX_NAME);
        assert!(file_stem_for(&"映".repeat(90)).len() <= MAX_NAME);
        assert_eq!(file_stem_for("東京物語"), "東京物語");
    }
}
