//! Walking folders for review files.

use std::fs;
use std::path::{Path, PathBuf};

use super::{LeftOut, is_section_page, may_be_review};
use crate::diagnostics::Error;

/// What the walk found: a review file, a link to one inside the collection (to be read once, with
/// the file it names), or a problem.
pub(super) enum Found {
    File(PathBuf),
    /// A link to a file inside the collection, and where it leads.
    Link(PathBuf, PathBuf),
    /// A link out of the collection, not followed.
    Outside(Error),
    /// A file or folder that holds no review, left out.
    LeftOut(PathBuf, LeftOut),
    Problem(Error),
}

/// Visit every review file under `dir` in the order the folders list them, or the problem met
/// instead. Hidden entries are skipped, and links to folders are not followed (so a link loop
/// cannot trap the walk); a link to a file is followed only when the file is inside `root`, the
/// collection's folder with its links resolved.
fn walk(dir: &Path, root: &Path, templates: &Path, visit: &mut dyn FnMut(Found)) {
    let read_error = |source| {
        Found::Problem(Error::Read {
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
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        // What the name says is judged on the name alone: a folder of 100,000 files would parse
        // each whole path again for it.
        let named = Path::new(&name);
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && path == templates {
            visit(Found::LeftOut(path, LeftOut::Templates));
        } else if kind.is_dir() {
            walk(&path, root, templates, visit);
        } else if !may_be_review(named) {
        } else if is_section_page(named) {
            visit(Found::LeftOut(path, LeftOut::SectionPage));
        } else if kind.is_file() {
            visit(Found::File(path));
        } else if kind.is_symlink() {
            // A link to a file inside counts; a link to a folder is not followed; a broken or
            // looping link is reported.
            match fs::metadata(&path).and_then(|meta| Ok((meta, fs::canonicalize(&path)?))) {
                Ok((meta, target)) if meta.is_file() && target.starts_with(root) => {
                    visit(Found::Link(path, target));
                }
                Ok((meta, _)) if meta.is_file() => {
                    visit(Found::Outside(Error::LinkOutside { path }));
                }
                Ok(_) => {}
                Err(source) => visit(Found::Problem(Error::Read { path, source })),
            }
        }
    }
}

/// Visit the review files of `sources`: folders are walked, files taken as they are (a file the
/// user names is read wherever it is).
pub(super) fn visit_sources(sources: &[PathBuf], visit: &mut dyn FnMut(Found)) {
    for source in sources {
        let problem = |source_error| {
            Found::Problem(Error::Read {
                path: source.clone(),
                source: source_error,
            })
        };
        match fs::metadata(source) {
            Ok(meta) if meta.is_dir() => match fs::canonicalize(source) {
                Ok(root) => walk(source, &root, &templates_folder(source), visit),
                Err(e) => visit(problem(e)),
            },
            Ok(meta) if meta.is_file() => visit(Found::File(source.clone())),
            // A FIFO or device would block or never end: refuse it.
            Ok(_) => visit(problem(std::io::Error::other(
                "not a regular file or folder",
            ))),
            Err(e) => visit(problem(e)),
        }
    }
}

/// The largest `.obsidian/templates.json` read: a settings file of a few lines.
const MAX_SETTINGS_BYTES: u64 = 64 << 10;

/// A vault's template folder: the one `.obsidian/templates.json` names, else `Templates/`. Its
/// notes are forms to fill, not reviews.
fn templates_folder(root: &Path) -> PathBuf {
    #[derive(serde::Deserialize)]
    struct Settings {
        folder: Option<String>,
    }
    let named = fs::File::open(root.join(".obsidian").join("templates.json"))
        .ok()
        .and_then(|file| {
            let mut text = Vec::new();
            std::io::Read::read_to_end(
                &mut std::io::Read::take(file, MAX_SETTINGS_BYTES),
                &mut text,
            )
            .ok()?;
            serde_json::from_slice::<Settings>(&text).ok()?.folder
        })
        .map(|folder| folder.trim_matches('/').to_string())
        // A folder inside the vault only.
        .filter(|folder| {
            !folder.is_empty()
                && Path::new(folder)
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
        });
    root.join(named.as_deref().unwrap_or("Templates"))
}
