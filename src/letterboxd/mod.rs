//! Letterboxd's export: its tables found in the zip as downloaded, the unzipped folder or one
//! CSV file, recognised by their headers, and their rows read into reviews.

mod archive;
mod html;
mod rows;
mod seen;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Error, Result};

pub(crate) use rows::entries;
pub(crate) use seen::{Held, Seen};

/// No table of an export is larger than this (a heavy user's is a few megabytes): a bound on what
/// a file, or a zip member inflating, can make this read.
const MAX_TABLE_BYTES: u64 = 32 << 20;

/// The tables of an export that hold films, in the order films are taken from them.
const TABLE_NAMES: [&str; 4] = ["reviews.csv", "diary.csv", "ratings.csv", "watched.csv"];

/// What a table holds, known from its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// `reviews.csv`: one row a review, with its text.
    Reviews,
    /// The CSV that Letterboxd's importer reads (`Title,Year,Directors,...`): one row a review.
    Importer,
    /// `diary.csv`: one row a logged viewing.
    Diary,
    /// `ratings.csv`: one row a film's rating.
    Ratings,
    /// `watched.csv`: one row a film seen.
    Watched,
}

impl Kind {
    /// Do this table's rows become files without `--all`?
    pub(crate) fn is_reviews(self) -> bool {
        matches!(self, Kind::Reviews | Kind::Importer)
    }
}

/// A column name as compared: lower case, without spaces or underscores, so that the export's
/// `Watched Date` and the importer's `WatchedDate` are one column.
fn column(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{feff}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a header row says a table is: `None` for a CSV of another kind.
fn kind_of(header: &csv::StringRecord) -> Option<Kind> {
    let names: Vec<String> = header.iter().map(column).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("name") && has("date") && has("letterboxduri") {
        return Some(if has("review") {
            Kind::Reviews
        } else if has("watcheddate") {
            Kind::Diary
        } else if has("rating") {
            Kind::Ratings
        } else {
            Kind::Watched
        });
    }
    (has("title")
        && names
            .iter()
            .all(|n| rows::IMPORTER_COLUMNS.contains(&n.as_str())))
    .then_some(Kind::Importer)
}

/// One table of an export, read whole.
pub(crate) struct Table {
    /// Where it was read, for messages: `export.zip/reviews.csv`.
    pub(crate) name: PathBuf,
    pub(crate) kind: Kind,
    text: Vec<u8>,
}

/// An export: the tables it has that hold films, and the problems met finding them (a table too
/// large is named, and the others are still read).
pub(crate) struct Export {
    pub(crate) tables: Vec<Table>,
    pub(crate) errors: Vec<Error>,
}

/// The first line of a list's export (newer ones), and the header of its first table (older).
fn is_list(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let first = text.trim_start_matches('\u{feff}').trim_start();
    first.starts_with("Letterboxd list export") || first.starts_with("Date,Name,Tags,URL")
}

/// What a header row says a table is, from the first bytes of its text.
fn kind_in(text: &[u8]) -> Option<Kind> {
    let header = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text)
        .records()
        .next()?
        .ok()?;
    kind_of(&header)
}

/// Read at most [`MAX_TABLE_BYTES`] of `reader` after `text`, or say the table is too large.
/// `declared` is the size the file system or the zip's directory gives: one past the bound is
/// refused unread. It is only the file's word, so the buffer is also held to one byte past the
/// bound from the start (a growing `Vec` would double to twice it while copying).
fn read_table(reader: impl Read, name: &Path, declared: u64, mut text: Vec<u8>) -> Result<Vec<u8>> {
    let too_large = || {
        not_an_export(
            name,
            "is larger than any Letterboxd table (32 MiB); not read",
        )
    };
    if declared > MAX_TABLE_BYTES {
        return Err(too_large());
    }
    let bound = MAX_TABLE_BYTES as usize + 1;
    text.reserve_exact(bound.saturating_sub(text.len()));
    reader
        .take((MAX_TABLE_BYTES + 1).saturating_sub(text.len() as u64))
        .read_to_end(&mut text)
        .map_err(|source| Error::Read {
            path: name.to_path_buf(),
            source,
        })?;
    if text.len() > MAX_TABLE_BYTES as usize {
        return Err(too_large());
    }
    text.shrink_to_fit();
    Ok(text)
}

/// [`read_table`] of a file, with the size the file system gives it.
fn read_file_table(file: File, name: &Path, text: Vec<u8>) -> Result<Vec<u8>> {
    let size = file.metadata().map_or(0, |m| m.len());
    read_table(file, name, size, text)
}

fn not_an_export(path: &Path, message: &str) -> Error {
    Error::NotAnExport {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

const EXPECTED: &str = "expected a Letterboxd export: its zip, its folder (reviews.csv, diary.csv, ratings.csv, watched.csv) or one of its CSV files";

/// What a file or folder named for `import` is.
pub(crate) enum Recognised {
    Export(Export),
    /// A review file (or something to be read as one).
    ReviewFile,
    /// A file of an export that holds no films seen (a list, the watchlist): skipped, and why.
    NotFilms(Error),
}

/// A file that can be read without waiting or without end: FIFOs, devices and sockets cannot.
fn is_plain_file(path: &Path) -> bool {
    path.metadata().is_ok_and(|m| m.is_file())
}

/// Names of files that hold films not seen, or not one's own: the watchlist (however it was
/// renamed) and liked films.
fn holds_other_films(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let in_likes = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n.eq_ignore_ascii_case("likes"));
    name.contains("watchlist") || in_likes
}

/// What `path` is: a zip is always read as an export, a folder when it holds one of the
/// export's tables, a file when its header row is one of them; anything else is a review file,
/// or, when `forced`, an error saying what was expected.
pub(crate) fn recognise(path: &Path, forced: bool) -> Result<Recognised> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        let mut export = Export {
            tables: Vec::new(),
            errors: Vec::new(),
        };
        for name in TABLE_NAMES {
            let member = path.join(name);
            if !is_plain_file(&member) {
                continue;
            }
            let text = File::open(&member)
                .map_err(|source| Error::Read {
                    path: member.clone(),
                    source,
                })
                .and_then(|file| read_file_table(file, &member, Vec::new()));
            match text {
                Ok(text) => export.add(member, text),
                Err(error) => export.errors.push(error),
            }
        }
        return match (export.tables.is_empty() && export.errors.is_empty(), forced) {
            (false, _) => Ok(Recognised::Export(export)),
            (true, true) => Err(not_an_export(path, EXPECTED)),
            (true, false) => Ok(Recognised::ReviewFile),
        };
    }
    if !is_plain_file(path) {
        // Left to the review reader, which names what it is; a FIFO is never opened.
        return if forced {
            Err(not_an_export(path, EXPECTED))
        } else {
            Ok(Recognised::ReviewFile)
        };
    }
    let mut file = File::open(path).map_err(read_error)?;
    let mut head = Vec::new();
    (&mut file)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(read_error)?;
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return archive::read_zip(path, file).map(Recognised::Export);
    }
    if is_list(&head) {
        return Ok(Recognised::NotFilms(not_an_export(
            path,
            "is a Letterboxd list, not films seen; skipped",
        )));
    }
    let Some(kind) = kind_in(&head) else {
        return if forced {
            Err(not_an_export(path, EXPECTED))
        } else {
            Ok(Recognised::ReviewFile)
        };
    };
    // The watchlist has watched.csv's columns: only its name tells it apart.
    if kind == Kind::Watched && holds_other_films(path) {
        return Ok(Recognised::NotFilms(not_an_export(
            path,
            "is a Letterboxd watchlist or likes, not films seen; skipped",
        )));
    }
    let text = read_file_table(file, path, head)?;
    let mut export = Export {
        tables: Vec::new(),
        errors: Vec::new(),
    };
    export.add(path.to_path_buf(), text);
    Ok(Recognised::Export(export))
}

impl Export {
    /// Add a table read whole, or say why its header is not one of Letterboxd's.
    fn add(&mut self, name: PathBuf, text: Vec<u8>) {
        match kind_in(&text) {
            Some(kind) => self.tables.push(Table { name, kind, text }),
            None => self.errors.push(not_an_export(
                &name,
                "expected the header row of Letterboxd's table (Date,Name,Year,Letterboxd URI,...)",
            )),
        }
    }

    /// The tables of several exports as one, reviews first: a film reviewed in one and logged
    /// in another is then known as reviewed, whatever the order they were named in.
    pub(crate) fn merge(exports: Vec<Export>) -> Export {
        let mut merged = Export {
            tables: Vec::new(),
            errors: Vec::new(),
        };
        for export in exports {
            merged.tables.extend(export.tables);
            merged.errors.extend(export.errors);
        }
        merged.tables.sort_by_key(|t| t.kind);
        merged
    }
}

/// Does the folder hold an export's tables (and so, perhaps, no review files)? Only plain files
/// are opened.
pub(crate) fn holds_export(dir: &Path) -> bool {
    TABLE_NAMES.iter().any(|name| {
        let path = dir.join(name);
        let mut head = Vec::new();
        is_plain_file(&path)
            && File::open(&path)
                .and_then(|f| f.take(4096).read_to_end(&mut head))
                .is_ok()
            && kind_in(&head).is_some()
    })
}
