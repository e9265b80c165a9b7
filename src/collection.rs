//! The collection: finding review files in a folder, and reading them.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::header::{self, MAX_HEADER_BYTES, Scan};
use crate::parse::{self, Parsed};

/// File extensions that hold reviews.
pub const EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// One review file found in the collection (its slug is not stored: a listing of 100,000 files
/// stays small).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The path, under the collection folder.
    pub path: PathBuf,
}

impl Entry {
    /// The file name without its extension.
    pub fn slug(&self) -> std::borrow::Cow<'_, str> {
        self.stem().to_string_lossy()
    }

    fn stem(&self) -> &std::ffi::OsStr {
        self.path.file_stem().unwrap_or_default()
    }
}

/// A folder of review files.
#[derive(Debug, Clone)]
pub struct Collection {
    dir: PathBuf,
}

/// What listing the collection found: the files, and the problems (unreadable folders, slugs
/// found twice).
#[derive(Debug, Default)]
pub struct Listing {
    /// Review files, sorted by path, each slug once.
    pub entries: Vec<Entry>,
    /// Problems met while listing.
    pub errors: Vec<Error>,
}

impl Collection {
    /// The collection in `dir`, which must be a folder; `tried` says how `dir` was chosen.
    pub fn open(dir: &Path, tried: &str) -> Result<Collection> {
        if dir.is_dir() {
            Ok(Collection {
                dir: dir.to_path_buf(),
            })
        } else {
            Err(Error::NoCollection {
                tried: tried.to_string(),
            })
        }
    }

    /// The collection's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every review file in the folder and its subfolders, sorted by path. Hidden entries are
    /// skipped, and symbolic links to folders are not followed (so a link loop cannot trap us).
    pub fn list(&self) -> Listing {
        let mut listing = Listing::default();
        let mut paths = Vec::new();
        walk(&self.dir, &mut paths, &mut listing.errors);
        // Byte order of the whole path: as stable as component order, and much cheaper.
        paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        listing.entries = paths.into_iter().map(|path| Entry { path }).collect();
        let duplicates = duplicate_slugs(&mut listing.entries);
        listing.errors.extend(duplicates);
        listing
    }

    /// The file for `slug` at the top of the folder, found without listing the collection.
    /// `None` when the slug could name a path outside it (it holds `/`, `\`, `..` or a NUL).
    pub fn direct(&self, slug: &str) -> Option<Entry> {
        if !is_plain_slug(slug) {
            return None;
        }
        EXTENSIONS.iter().find_map(|ext| {
            let path = self.dir.join(format!("{slug}.{ext}"));
            path.is_file().then_some(Entry { path })
        })
    }
}

/// Remove entries whose slug an earlier entry has, returning an error naming both files for each.
pub fn duplicate_slugs(entries: &mut Vec<Entry>) -> Vec<Error> {
    // Borrowed slugs: no copy of every name just to find the rare repeat.
    let mut first_by_slug: HashMap<&std::ffi::OsStr, usize> = HashMap::with_capacity(entries.len());
    let mut repeats = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        if let Some(&first) = first_by_slug.get(entry.stem()) {
            repeats.push((first, i));
        } else {
            first_by_slug.insert(entry.stem(), i);
        }
    }
    drop(first_by_slug);
    let errors = repeats
        .iter()
        .map(|&(first, second)| Error::DuplicateSlug {
            slug: entries[second].slug().into_owned(),
            first: entries[first].path.clone(),
            second: entries[second].path.clone(),
        })
        .collect();
    let mut index = 0;
    let mut repeated = repeats.iter().map(|&(_, second)| second).peekable();
    entries.retain(|_| {
        let keep = repeated.peek() != Some(&index);
        if !keep {
            repeated.next();
        }
        index += 1;
        keep
    });
    errors
}

/// A slug that can only name a file inside the folder.
pub fn is_plain_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('.')
        && !slug.contains(['/', '\\', '\0', ':'])
        && !Path::new(slug).is_absolute()
}

fn has_review_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(Error::Read {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(source) => {
                errors.push(Error::Read {
                    path: dir.to_path_buf(),
                    source,
                });
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out, errors);
        } else if !has_review_extension(&path) {
        } else if kind.is_file() {
            out.push(path);
        } else if kind.is_symlink() {
            // A link to a file counts; a link to a folder is not followed; a broken or looping
            // link is reported.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() => out.push(path),
                Ok(_) => {}
                Err(source) => errors.push(Error::Read { path, source }),
            }
        }
    }
}

/// Read just enough of a file to hold its whole header (bounded by [`MAX_HEADER_BYTES`]).
pub fn read_header(path: &Path) -> Result<Vec<u8>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(read_error)?;
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = 4096;
    loop {
        let before = buf.len();
        let read = (&mut file)
            .take(chunk as u64)
            .read_to_end(&mut buf)
            .map_err(read_error)?;
        let whole = read < chunk;
        match header::scan(&buf, whole) {
            Scan::Unclosed { .. } if !whole => {}
            _ => return Ok(buf),
        }
        if before + read > MAX_HEADER_BYTES {
            return Err(header::too_large().in_file(path));
        }
        chunk = (chunk * 4).min(MAX_HEADER_BYTES);
    }
}

/// Read a whole file.
pub fn read_whole(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Read the header of each entry on all cores, keeping the entries' order. `wanted` sees a
/// header's raw text (fences excluded) first and may skip the parse of one that cannot match
/// (`then` gets `None` for it); `then` runs on the same core, so work done there is parallel too.
pub fn map_headers<T, W, F>(entries: &[Entry], wanted: W, then: F) -> Vec<T>
where
    T: Send,
    W: Fn(&[u8]) -> bool + Sync,
    F: Fn(Option<Parsed>) -> T + Sync,
{
    entries
        .par_iter()
        .map(|entry| {
            let bytes = match read_header(&entry.path) {
                Ok(bytes) => bytes,
                Err(e) => return then(Some(Parsed::failed(e))),
            };
            let header = match header::scan(&bytes, true) {
                Scan::Complete(parts) => &bytes[parts.header],
                _ => &bytes[..],
            };
            if !wanted(header) {
                return then(None);
            }
            then(Some(parse::parse(&bytes, &entry.path, false)))
        })
        .collect()
}

/// Read and parse the header of every entry (see [`map_headers`]).
pub fn load_headers(entries: &[Entry]) -> Vec<Parsed> {
    map_headers(entries, |_| true, Option::unwrap_or_default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_slugs() {
        assert!(is_plain_slug("rust-and-bone"));
        for bad in [
            "",
            "../x",
            "a/b",
            "a\\b",
            "/etc/passwd",
            "..",
            ".hidden",
            "c:x",
        ] {
            assert!(!is_plain_slug(bad), "{bad}");
        }
    }
}
