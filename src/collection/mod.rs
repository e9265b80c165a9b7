//! The collection: finding review files in folders, and reading them.

mod listing;
mod prefetch;
mod read;
mod walk;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobSet;

use crate::diagnostics::{Error, Result};
pub(crate) use listing::Listing;
pub(crate) use read::{EVERY_HEADER, map_files, map_headers, read_header, read_rest, read_whole};

/// File extensions that hold reviews.
const EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// One folder of review files: a collection, by the name its reviews carry.
#[derive(Debug, Clone)]
pub(crate) struct Folder {
    dir: PathBuf,
    name: String,
    /// The config file's `include` and `exclude`: which of its files are read.
    choice: Option<Arc<Choice>>,
    /// Added to the tags of each of its reviews.
    tags: Arc<[String]>,
}

/// Which files of a folder are read: those `include` matches (all, without it) and `exclude`
/// does not, each matched by its path within the folder.
#[derive(Debug, Clone, Default)]
pub(crate) struct Choice {
    pub(crate) include: Option<GlobSet>,
    pub(crate) exclude: Option<GlobSet>,
}

impl Folder {
    /// The collection in `dir`, which must be a folder; `tried` says how `dir` was chosen. Its
    /// name is the folder's own.
    pub(crate) fn open(dir: &Path, tried: &str) -> Result<Folder> {
        let name = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Folder::named(dir, tried, name)
    }

    /// The collection in `dir`, named `name`.
    pub(crate) fn named(dir: &Path, tried: &str, name: String) -> Result<Folder> {
        if dir.is_dir() {
            Ok(Folder {
                dir: dir.to_path_buf(),
                name,
                choice: None,
                tags: Arc::from([]),
            })
        } else if dir.is_file() {
            Err(Error::NotAFolder {
                path: dir.to_path_buf(),
            })
        } else {
            Err(Error::NoCollection {
                tried: tried.to_string(),
            })
        }
    }

    /// Every review file of the collection: see [`Listing`].
    pub(crate) fn listing(&self) -> Listing {
        Listing::of(std::slice::from_ref(self))
    }

    /// Read only the files `choice` keeps, and give each review `tags`.
    pub(crate) fn choosing(mut self, choice: Choice, tags: Vec<String>) -> Folder {
        if choice.include.is_some() || choice.exclude.is_some() {
            self.choice = Some(Arc::new(choice));
        }
        self.tags = tags.into();
        self
    }

    /// Whether the folder's `include` and `exclude` keep `path`, a file inside it.
    pub(crate) fn keeps(&self, path: &Path) -> bool {
        let Some(choice) = &self.choice else {
            return true;
        };
        let within = path.strip_prefix(&self.dir).unwrap_or(path);
        choice
            .include
            .as_ref()
            .is_none_or(|set| set.is_match(within))
            && !choice
                .exclude
                .as_ref()
                .is_some_and(|set| set.is_match(within))
    }

    pub(crate) fn tags(&self) -> &[String] {
        &self.tags
    }

    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file for `slug` at the top of the folder, found without listing the collection.
    /// `None` when the slug could name a path outside it (it holds `/`, `\`, `..` or a NUL).
    pub(crate) fn direct(&self, slug: &str) -> Option<PathBuf> {
        if !is_plain_slug(slug) {
            return None;
        }
        // A link is left to the listing, which follows it only inside the collection.
        EXTENSIONS.iter().find_map(|ext| {
            let path = self.dir.join(format!("{slug}.{ext}"));
            let meta = path.symlink_metadata().ok()?;
            (meta.is_file() && self.keeps(&path)).then_some(path)
        })
    }
}

/// The collection of `folders` that holds `path`: the deepest, when one is inside another.
pub(crate) fn holder<'f>(folders: &'f [Folder], path: &Path) -> Option<&'f Folder> {
    folders
        .iter()
        .filter(|folder| path.starts_with(&folder.dir))
        .max_by_key(|folder| folder.dir.components().count())
}

/// A slug that can only name a file inside the folder.
fn is_plain_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('.')
        && !slug.contains(['/', '\\', '\0', ':'])
        && !Path::new(slug).is_absolute()
}

/// Files that sit beside reviews in a repository and are not reviews: skipped without a word.
const NOT_REVIEWS: [&str; 4] = ["readme", "license", "changelog", "contributing"];

/// What the walk and the reader leave out of a collection as no review, and `check -v` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum LeftOut {
    /// A vault's template folder (`.obsidian/templates.json`'s, else `Templates/`).
    Templates,
    /// Hugo's section page, `_index.md`.
    SectionPage,
    /// A note that is only queries over others (Dataview), with no film's field.
    IndexPage,
    /// A file the config file's `include` or `exclude` leaves out.
    Excluded,
}

impl LeftOut {
    /// What it is, for one (`false`) or several.
    pub(crate) fn describe(self, several: bool) -> &'static str {
        match (self, several) {
            (LeftOut::Templates, false) => "a notes vault's template folder",
            (LeftOut::Templates, true) => "notes vaults' template folders",
            (LeftOut::SectionPage, false) => "a Hugo section page",
            (LeftOut::SectionPage, true) => "Hugo section pages",
            (LeftOut::IndexPage, false) => "an index page (only queries, no film's field)",
            (LeftOut::IndexPage, true) => "index pages (only queries, no film's field)",
            (LeftOut::Excluded, false) => "a file the config file's include or exclude leaves out",
            (LeftOut::Excluded, true) => "files the config file's include or exclude leaves out",
        }
    }
}

/// Hugo's section page, which lists a section's pages (of a file that [`may_be_review`]).
fn is_section_page(path: &Path) -> bool {
    path.file_stem()
        .is_some_and(|s| s.eq_ignore_ascii_case("_index"))
}

/// A file that may hold a review: a review extension, and not a repository's own document.
fn may_be_review(path: &Path) -> bool {
    let review_extension = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    review_extension && !NOT_REVIEWS.iter().any(|n| n.eq_ignore_ascii_case(stem))
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
