//! Walking folders for review files.

use std::fs;
use std::path::{Path, PathBuf};

use super::has_review_extension;
use crate::diagnostics::{Error, Result};

/// Visit every review file under `dir` in the order the folders list them, or the problem met
/// instead. Hidden entries are skipped, and links to folders are not followed (so a link loop
/// cannot trap the walk).
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
pub(super) fn visit_sources(sources: &[PathBuf], visit: &mut dyn FnMut(Result<PathBuf>)) {
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
