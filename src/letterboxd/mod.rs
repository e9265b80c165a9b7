//! Letterboxd's export: its tables found in the zip as downloaded, the unzipped folder or one
//! CSV file, recognised by their headers, and their rows read into reviews.

mod html;
mod rows;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Error, Result};

pub(crate) use rows::{Seen, entries};

/// No table of an export is larger than this (a heavy user's is a few megabytes): a bound on what
/// a file, or a zip member inflating, can make this read.
const MAX_TABLE_BYTES: u64 = 64 << 20;

/// Nor is an export's zip, whose directory is read whole to find its members.
const MAX_ZIP_BYTES: u64 = 256 << 20;

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

/// An export: the tables it has that hold films.
pub(crate) struct Export {
    pub(crate) tables: Vec<Table>,
}

/// The first line of a list's export (newer ones), and the header of its first table (older).
fn is_list(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let first = text.trim_start_matches('\u{feff}').trim_start();
    first.starts_with("Letterboxd list export") || first.starts_with("Date,Name,Tags,URL")
}

/// The table in `text`, if its header row is one of Letterboxd's.
fn table(name: PathBuf, text: Vec<u8>) -> Option<Table> {
    let header = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_slice())
        .records()
        .next()?
        .ok()?;
    let kind = kind_of(&header)?;
    Some(Table { name, kind, text })
}

/// Read at most [`MAX_TABLE_BYTES`] of `reader`, or say the table is too large.
fn read_table(reader: impl Read, name: &Path) -> Result<Vec<u8>> {
    let mut text = Vec::new();
    reader
        .take(MAX_TABLE_BYTES + 1)
        .read_to_end(&mut text)
        .map_err(|source| Error::Read {
            path: name.to_path_buf(),
            source,
        })?;
    if text.len() as u64 > MAX_TABLE_BYTES {
        return Err(not_an_export(
            name,
            "is larger than any Letterboxd table (64 MiB); not read",
        ));
    }
    Ok(text)
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

/// What `path` is: a zip is always read as an export, a folder when it holds one of the
/// export's tables, a file when its header row is one of them; anything else is a review file,
/// or, when `forced`, an error saying what was expected.
pub(crate) fn recognise(path: &Path, forced: bool) -> Result<Recognised> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        let mut tables = Vec::new();
        for name in TABLE_NAMES {
            let member = path.join(name);
            if !member.is_file() {
                continue;
            }
            let text = read_table(File::open(&member).map_err(read_error)?, &member)?;
            tables.extend(table(member, text));
        }
        return match (tables.is_empty(), forced) {
            (false, _) => Ok(Recognised::Export(Export { tables })),
            (true, true) => Err(not_an_export(path, EXPECTED)),
            (true, false) => Ok(Recognised::ReviewFile),
        };
    }
    let mut file = File::open(path).map_err(read_error)?;
    let mut head = Vec::new();
    (&mut file)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(read_error)?;
    if head.starts_with(b"PK\x03\x04") {
        return read_zip(path).map(Recognised::Export);
    }
    if is_list(&head) {
        return Ok(Recognised::NotFilms(not_an_export(
            path,
            "is a Letterboxd list, not films seen; skipped",
        )));
    }
    let Some(Table { kind, .. }) = table(path.to_path_buf(), head.clone()) else {
        return if forced {
            Err(not_an_export(path, EXPECTED))
        } else {
            Ok(Recognised::ReviewFile)
        };
    };
    // The watchlist has watched.csv's columns: only its name tells it apart.
    if kind == Kind::Watched && path.file_name().is_some_and(|n| n == "watchlist.csv") {
        return Ok(Recognised::NotFilms(not_an_export(
            path,
            "is a Letterboxd watchlist, not films seen; skipped",
        )));
    }
    let rest = read_table(file, path)?;
    head.extend(rest);
    match table(path.to_path_buf(), head) {
        Some(table) => Ok(Recognised::Export(Export {
            tables: vec![table],
        })),
        None => Err(not_an_export(path, EXPECTED)),
    }
}

/// The tables of an export's zip, each member read by its name into memory (never written out).
/// Only the top level is read: `deleted/` and `orphaned/` hold entries no longer on the account.
fn read_zip(path: &Path) -> Result<Export> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_ZIP_BYTES {
        return Err(not_an_export(
            path,
            "is larger than any Letterboxd export (256 MiB); not read",
        ));
    }
    let mut zip = zip::ZipArchive::new(file)
        .map_err(|e| not_an_export(path, &format!("cannot be read as a zip ({e}); {EXPECTED}")))?;
    let mut tables = Vec::new();
    for name in TABLE_NAMES {
        let member = path.join(name);
        let reader = match zip.by_name(name) {
            Ok(reader) => reader,
            Err(zip::result::ZipError::FileNotFound) => continue,
            Err(e) => return Err(not_an_export(&member, &format!("cannot be read: {e}"))),
        };
        let text = read_table(reader, &member)?;
        tables.extend(table(member, text));
    }
    if tables.is_empty() {
        return Err(not_an_export(path, EXPECTED));
    }
    Ok(Export { tables })
}

/// Does the folder hold an export's tables (and so, perhaps, no review files)?
pub(crate) fn holds_export(dir: &Path) -> bool {
    TABLE_NAMES.iter().any(|name| {
        let path = dir.join(name);
        let mut head = Vec::new();
        File::open(&path)
            .and_then(|f| f.take(4096).read_to_end(&mut head))
            .is_ok()
            && table(path, head).is_some()
    })
}
