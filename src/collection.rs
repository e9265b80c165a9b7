//! The collection: finding review files in a folder, and reading them.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::header::{self, MAX_HEADER_BYTES, Scan};
use crate::parse::{self, Parsed};
use crate::spill::{Recorded, Sorter, Tape};

/// File extensions that hold reviews.
pub const EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// One review file found in the collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The path, under the collection folder.
    pub path: PathBuf,
}

impl Entry {
    /// The file name without its extension.
    pub fn slug(&self) -> std::borrow::Cow<'_, str> {
        stem(&self.path).to_string_lossy()
    }
}

/// A path's file name without its extension.
fn stem(path: &Path) -> &OsStr {
    path.file_stem().unwrap_or_default()
}

/// A folder of review files.
#[derive(Debug, Clone)]
pub struct Collection {
    dir: PathBuf,
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

    /// List the collection: see [`Listing`].
    pub fn listing(&self, budget: usize) -> Result<Listing> {
        Listing::new(std::slice::from_ref(&self.dir), budget)
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

/// Visit every review file under `dir` in the order the folders list them, or the problem met
/// instead. Hidden entries are skipped, and links to folders are not followed (so a link loop
/// cannot trap the walk). Nothing is kept: a folder of any size costs the same memory.
fn walk(dir: &Path, visit: &mut dyn FnMut(Result<PathBuf>)) {
    let read_error = |source| {
        Err(Error::Read {
            path: dir.to_path_buf(),
            source,
        })
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => return visit(read_error(source)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(source) => {
                visit(read_error(source));
                continue;
            }
        };
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, visit);
        } else if !has_review_extension(&path) {
        } else if kind.is_file() {
            visit(Ok(path));
        } else if kind.is_symlink() {
            // A link to a file counts; a link to a folder is not followed; a broken or looping
            // link is reported.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() => visit(Ok(path)),
                Ok(_) => {}
                Err(source) => visit(Err(Error::Read { path, source })),
            }
        }
    }
}

/// Visit the review files of `sources`: folders are walked, files taken as they are.
fn visit_sources(sources: &[PathBuf], visit: &mut dyn FnMut(Result<PathBuf>)) {
    for source in sources {
        match fs::metadata(source) {
            Ok(meta) if meta.is_dir() => walk(source, visit),
            Ok(meta) if meta.is_file() => visit(Ok(source.clone())),
            // A FIFO or device would block or never end: refuse it.
            Ok(_) => visit(Err(Error::Read {
                path: source.clone(),
                source: std::io::Error::other("not a regular file or folder"),
            })),
            Err(e) => visit(Err(Error::Read {
                path: source.clone(),
                source: e,
            })),
        }
    }
}

/// The review files of some folders and files, each slug once. One walk counts them, finds the
/// problems (unreadable folders, broken links, a slug used twice) and records the paths;
/// [`Listing::for_each_batch`] hands them out. The paths wait in memory up to a budget and in a
/// temporary file past it, so memory does not grow with the collection.
#[derive(Debug)]
pub struct Listing {
    paths: Recorded,
    /// Files left out because an earlier path (in byte order) has their slug.
    repeats: HashSet<PathBuf>,
    /// Problems met while listing, in the order met (callers sort them with the others).
    pub errors: Vec<Error>,
    /// Review files found, repeats included.
    pub files: u64,
}

impl Listing {
    /// List the review files of `sources` (folders or files), keeping about `budget` bytes.
    pub fn new(sources: &[PathBuf], budget: usize) -> Result<Listing> {
        let mut paths = Tape::new(budget);
        // Repeated slugs are rare: sorting hashes of every slug finds the few worth comparing.
        let mut slug_hashes = Sorter::new(budget, u64::cmp);
        let mut errors = Vec::new();
        let mut failed = None;
        visit_sources(sources, &mut |found| match found {
            Ok(path) => {
                let pushed = paths.push(&path);
                if let Err(e) = pushed.and_then(|()| slug_hashes.push(slug_hash(&path))) {
                    failed.get_or_insert(e);
                }
            }
            Err(e) => errors.push(e),
        });
        if let Some(source) = failed {
            return Err(Error::temp_file(source));
        }
        let files = slug_hashes.len();
        let mut repeated_hashes = HashSet::new();
        let mut previous = None;
        for hash in slug_hashes.finish().map_err(Error::temp_file)? {
            let hash = hash.map_err(Error::temp_file)?;
            if previous == Some(hash) {
                repeated_hashes.insert(hash);
            }
            previous = Some(hash);
        }
        let paths = paths.finish().map_err(Error::temp_file)?;
        let mut repeats = HashSet::new();
        if !repeated_hashes.is_empty() {
            let mut suspects: Vec<PathBuf> = Vec::new();
            paths
                .replay(|path: PathBuf| {
                    if repeated_hashes.contains(&slug_hash(&path)) {
                        suspects.push(path);
                    }
                    true
                })
                .map_err(Error::temp_file)?;
            suspects.sort_by(|a, b| {
                stem(a)
                    .cmp(stem(b))
                    .then_with(|| a.as_os_str().cmp(b.as_os_str()))
            });
            // Sorted by slug then path: the first path of each slug keeps it.
            let mut first = 0;
            for i in 1..suspects.len() {
                if stem(&suspects[i]) != stem(&suspects[first]) {
                    first = i;
                    continue;
                }
                errors.push(Error::DuplicateSlug {
                    slug: stem(&suspects[i]).to_string_lossy().into_owned(),
                    first: suspects[first].clone(),
                    second: suspects[i].clone(),
                });
                repeats.insert(suspects[i].clone());
            }
        }
        Ok(Listing {
            paths,
            repeats,
            errors,
            files,
        })
    }

    /// Files left out as repeats of a slug.
    pub fn repeated(&self) -> u64 {
        self.repeats.len() as u64
    }

    /// Call `f` with batches of at most `size` files (repeated slugs left out), in the order the
    /// folders listed them. Stops at the first error `f` returns.
    pub fn for_each_batch(
        &self,
        size: usize,
        mut f: impl FnMut(&[Entry]) -> Result<()>,
    ) -> Result<()> {
        let mut batch = Vec::with_capacity(size);
        let mut failed = None;
        self.paths
            .replay(|path: PathBuf| {
                if !self.repeats.contains(&path) {
                    batch.push(Entry { path });
                }
                if batch.len() == size {
                    failed = f(&batch).err();
                    batch.clear();
                }
                failed.is_none()
            })
            .map_err(Error::temp_file)?;
        match failed {
            Some(e) => Err(e),
            None if batch.is_empty() => Ok(()),
            None => f(&batch),
        }
    }
}

/// A hash of a path's slug.
fn slug_hash(path: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    stem(path).hash(&mut hasher);
    hasher.finish()
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
