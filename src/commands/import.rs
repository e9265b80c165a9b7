//! `reviews import` and `reviews new`: review files written in canonical form, named from their
//! titles, never over another file.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::Outcome;
use crate::collection::{Collection, map_files, read_whole};
use crate::config::{Config, ImportOptions, NewOptions, Warnings};
use crate::diagnostics::{Error, Note, Printer, Result, Severity};
use crate::front_matter;
use crate::letterboxd::{self, Held, Recognised, Seen};
use crate::output::to_front_matter;
use crate::query::fold;
use crate::record::{RawField, Review, build};

/// File names made from titles are at most this many bytes before `.md`, which leaves room for a
/// year, a number and the temporary name's additions within a file system's 255.
const MAX_NAME: usize = 150;

/// Another name is tried this many times at most before giving up on a title.
const MAX_TRIES: usize = 1000;

/// A file name for a title: folded (lower case, accents dropped), its letters and digits in any
/// script kept, the words between joined by `-`.
fn file_stem_for(title: &str) -> String {
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

/// A review as it will be written: the canonical header, then the body byte for byte.
fn canonical(review: &Review, body: &[u8]) -> Vec<u8> {
    let mut text = to_front_matter(review).into_bytes();
    text.extend_from_slice(body);
    text
}

/// Where a review goes.
enum Place {
    /// A free name.
    New(PathBuf),
    /// A file that already reads to the same review.
    Already(PathBuf),
}

/// The same review, wherever it was read from?
fn same_review(a: &Review, b: &Review) -> bool {
    let strip = |r: &Review| Review {
        slug: String::new(),
        path: PathBuf::new(),
        ..r.clone()
    };
    strip(a) == strip(b)
}

/// The name for `review` in `dir`: its title's, else with its year, else with a number; a name
/// taken on disk or earlier in this run by a different review is passed over, and one taken by
/// the same review is that review's place when `same_is_there`.
fn place(
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
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let failed = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
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

/// The folder to write into, made when missing.
fn target_dir(config: &Config, to: &Option<PathBuf>, dry_run: bool) -> Result<PathBuf> {
    let dir = to.clone().unwrap_or_else(|| config.dir.clone());
    if !dry_run && !dir.is_dir() {
        fs::create_dir_all(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
    }
    Ok(dir)
}

/// Files written in one run: the names taken so far, the problems and the counts for the
/// summary line.
struct Writer<'a> {
    dir: PathBuf,
    dry_run: bool,
    out: &'a mut dyn Write,
    taken: HashMap<PathBuf, Review>,
    notes: Vec<Note>,
    /// Warnings about the run itself, each said (not counted as a file's warnings are).
    said: Vec<Error>,
    written: usize,
    already: usize,
    failed: usize,
}

impl Writer<'_> {
    fn failed(&mut self, error: &Error) {
        self.notes.push(Note::new(error, Severity::Error));
        self.failed += 1;
    }

    /// Write `review` with `body` under a free name, printing `SOURCE<TAB>WRITTEN`, and return
    /// that name; a file that already reads to the same review counts as there when
    /// `same_is_there`.
    fn write(
        &mut self,
        source: &str,
        review: Review,
        body: &[u8],
        same_is_there: bool,
    ) -> Result<Option<PathBuf>> {
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

pub(super) fn import(
    config: &Config,
    options: &ImportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let dir = target_dir(config, &options.to, options.dry_run)?;
    let mut writer = Writer {
        dir,
        dry_run: options.dry_run,
        out,
        taken: HashMap::new(),
        notes: Vec::new(),
        said: Vec::new(),
        written: 0,
        already: 0,
        failed: 0,
    };
    // Exports are read as one after the review files, their reviews first.
    let mut exports = Vec::new();
    for source in &options.files {
        match letterboxd::recognise(source, options.from_letterboxd) {
            Err(error) => writer.failed(&error),
            Ok(Recognised::NotFilms(why)) => writer.said.push(why),
            Ok(Recognised::Export(export)) => exports.push(export),
            Ok(Recognised::ReviewFile) => import_file(source, &mut writer)?,
        }
    }
    let mut left_out = 0;
    if !exports.is_empty() {
        let export = letterboxd::Export::merge(exports);
        left_out = import_export(export, options.all, &mut writer)?;
    }
    // The summary closes the report: what stdout holds goes out first.
    writer.out.flush()?;
    let mut printer = Printer::new(err);
    printer.report(&mut writer.notes, config.warnings);
    if config.warnings != Warnings::Silent {
        for why in &writer.said {
            printer.problem(why, Severity::Warning);
        }
    }
    let verb = if options.dry_run {
        "would be written"
    } else {
        "written"
    };
    printer.summary(&format!(
        "{} {verb}, {} already there, {} failed",
        writer.written, writer.already, writer.failed
    ));
    if left_out > 0 {
        printer.hint(&format!(
            "{left_out} films logged, rated or watched with no review were left out: `--all` imports them too"
        ));
    }
    Ok(if writer.failed > 0 {
        Outcome::FileErrors
    } else {
        Outcome::Found
    })
}

/// Import one review file in any shape the reader knows.
fn import_file(source: &Path, writer: &mut Writer) -> Result<()> {
    // A FIFO or a device could be read without end; a folder is not one file.
    if !source.metadata().is_ok_and(|m| m.is_file()) {
        let message = if source.is_dir() {
            "is a folder: name the review files in it, or give a Letterboxd export"
        } else if source.exists() {
            "is not a regular file; not read"
        } else {
            "no such file"
        };
        writer.failed(&Error::NotAnExport {
            path: source.to_path_buf(),
            message: message.to_string(),
        });
        return Ok(());
    }
    let (bytes, parsed) = match read_whole(source) {
        Ok(read) => read,
        Err(error) => {
            writer.failed(&error);
            return Ok(());
        }
    };
    writer.notes.extend(parsed.notes(false));
    let Some(mut review) = parsed.review else {
        writer.failed += 1;
        return Ok(());
    };
    let body = bytes[front_matter::body_range(&bytes)].to_vec();
    review.body = Some(String::from_utf8_lossy(&body).into_owned());
    writer.write(&source.display().to_string(), review, &body, true)?;
    Ok(())
}

/// Import a Letterboxd export's reviews (and with `all` its other films), leaving out what the
/// folder has already; returns how many films with no review it does not have and `all` would
/// have written.
fn import_export(export: letterboxd::Export, all: bool, writer: &mut Writer) -> Result<usize> {
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
fn seen_in(dir: &Path) -> Seen {
    let mut seen = Seen::default();
    let Ok(collection) = Collection::open(dir, "") else {
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

/// Today, as a date in UTC.
fn today() -> String {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
        .to_string()
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
