//! The review files of some folders and files, each slug once.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::prefetch::Prefetch;
use super::walk::{Found, visit_sources};
use super::{Folder, LeftOut, holder};
use crate::diagnostics::Error;
use crate::record::{Review, date_in_file_name, slug};

/// What one walk found: the files to read, and the problems met (unreadable folders, broken
/// links, a slug used twice).
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// In the order the folders listed them; of files that share a slug, only the first path in
    /// byte order.
    paths: Vec<PathBuf>,
    /// Problems met while listing, in the order met (callers sort them with the others).
    pub(crate) errors: Vec<Error>,
    /// Links out of the collection, left unread.
    pub(crate) warnings: Vec<Error>,
    /// Review files found, repeats included.
    pub(crate) files: u64,
    /// Files and folders left out as holding no review, for `check -v`.
    pub(crate) left_out: Vec<(PathBuf, LeftOut)>,
    /// Files whose name is their slug in full, because the slug their name gives (a Jekyll post's,
    /// without its date) is another file's too.
    full_names: HashSet<PathBuf>,
    /// The collections listed: a review's is the one whose folder holds it.
    collections: Vec<Folder>,
}

impl Listing {
    /// List the review files of several collections as one library: each slug once in each,
    /// and the same slug in two of them two reviews.
    pub(crate) fn of(folders: &[Folder]) -> Listing {
        let mut all = Listing::default();
        for folder in folders {
            let one = Listing::chosen(&[folder.dir().to_path_buf()], &|path| folder.keeps(path));
            all.paths.extend(one.paths);
            all.errors.extend(one.errors);
            all.warnings.extend(one.warnings);
            all.files += one.files;
            all.full_names.extend(one.full_names);
            all.left_out.extend(one.left_out);
            all.collections.push(folder.clone());
        }
        all
    }

    /// List the review files of `sources`, folders or files.
    pub(crate) fn new(sources: &[PathBuf]) -> Listing {
        Listing::chosen(sources, &|_| true)
    }

    /// List the review files of `sources` that `keeps` keeps; the others are left out.
    fn chosen(sources: &[PathBuf], keeps: &dyn Fn(&Path) -> bool) -> Listing {
        let mut listing = Listing::default();
        let mut paths = Vec::new();
        let mut links = Vec::new();
        // From a disk, the files found are read while the walk goes on.
        let mut prefetch = Prefetch::new();
        visit_sources(sources, &mut |found| match found {
            Found::File(path) | Found::Link(path, _) if !keeps(&path) => {
                listing.left_out.push((path, LeftOut::Excluded));
            }
            Found::File(path) => {
                prefetch.found(&path);
                paths.push(path);
            }
            Found::Link(path, target) => links.push((path, target)),
            Found::Outside(e) => listing.warnings.push(e),
            Found::LeftOut(path, why) => listing.left_out.push((path, why)),
            Found::Problem(e) => listing.errors.push(e),
        });
        prefetch.finish();
        if sources.len() > 1 || !links.is_empty() {
            paths = each_file_once(paths, links);
        }
        listing.files = paths.len() as u64;
        // Each file's slug, made once. A Jekyll post whose slug (its name less its date) another
        // file shares keeps its whole name: two posts of one name on different dates are two
        // reviews, not a clash.
        let mut slugs: Vec<Cow<'_, str>> = paths.iter().map(|path| slug(path)).collect();
        let mut counts: HashMap<&str, usize> = HashMap::with_capacity(paths.len());
        for slug in &slugs {
            *counts.entry(slug.as_ref()).or_default() += 1;
        }
        // Most collections give each file a slug of its own: nothing to settle.
        if counts.len() == slugs.len() {
            listing.paths = paths;
            return listing;
        }
        let full: Vec<bool> = paths
            .iter()
            .zip(&slugs)
            .map(|(path, slug)| counts[slug.as_ref()] > 1 && date_in_file_name(path).is_some())
            .collect();
        drop(counts);
        for ((path, slug), _) in paths.iter().zip(&mut slugs).zip(&full).filter(|(_, f)| **f) {
            *slug = path.file_stem().unwrap_or_default().to_string_lossy();
            listing.full_names.insert(path.clone());
        }
        // Each slug's first path in byte order keeps it; any other clash is an error.
        let mut kept = vec![true; paths.len()];
        let mut keeper: HashMap<&str, usize> = HashMap::with_capacity(paths.len());
        for (i, (path, slug)) in paths.iter().zip(&slugs).enumerate() {
            match keeper.entry(slug.as_ref()) {
                Entry::Vacant(entry) => {
                    entry.insert(i);
                }
                Entry::Occupied(mut entry) => {
                    let first = *entry.get();
                    if path.as_os_str() < paths[first].as_os_str() {
                        kept[first] = false;
                        entry.insert(i);
                    } else {
                        kept[i] = false;
                    }
                }
            }
        }
        for (i, _) in kept.iter().enumerate().filter(|(_, kept)| !**kept) {
            listing.errors.push(Error::DuplicateSlug {
                slug: slugs[i].to_string(),
                first: paths[keeper[slugs[i].as_ref()]].clone(),
                second: paths[i].clone(),
            });
        }
        drop(keeper);
        drop(slugs);
        let mut kept = kept.into_iter();
        paths.retain(|_| kept.next().unwrap_or(false));
        listing.paths = paths;
        listing
    }

    /// The slug of a listed file: what its name gives, or its whole name (see `full_names`).
    pub(crate) fn slug<'p>(&self, path: &'p Path) -> Cow<'p, str> {
        if !self.full_names.is_empty() && self.full_names.contains(path) {
            path.file_stem().unwrap_or_default().to_string_lossy()
        } else {
            slug(path)
        }
    }

    /// The name of the collection holding `path`.
    pub(crate) fn collection_of(&self, path: &Path) -> Option<&str> {
        holder(&self.collections, path).map(|folder| folder.name())
    }

    /// Give a review read from `path` the slug the listing settled on, and its collection.
    pub(crate) fn name(&self, path: &Path, review: &mut Review) {
        if let Some(folder) = holder(&self.collections, path) {
            review.collection = Some(folder.name().to_string());
            for tag in folder.tags() {
                if !review.tags.contains(tag) {
                    review.tags.push(tag.clone());
                }
            }
        }
        if !self.full_names.is_empty() {
            let slug = self.slug(path);
            if review.slug != slug {
                review.slug = slug.into_owned();
            }
        }
    }

    /// Files left out because another has their slug.
    pub(crate) fn repeats(&self) -> u64 {
        self.files - self.paths.len() as u64
    }

    /// The files to read.
    pub(crate) fn paths(&self) -> &[PathBuf] {
        &self.paths
    }
}

/// Each file once, however many times it was named or linked to: `check DIR DIR/a.md` reads
/// `a.md` once, and a link to a file that is listed anyway is dropped (the file keeps its own
/// slug). Only run when there are links or several sources: one folder's walk names each file
/// once.
fn each_file_once(files: Vec<PathBuf>, links: Vec<(PathBuf, PathBuf)>) -> Vec<PathBuf> {
    let mut seen = HashSet::with_capacity(files.len() + links.len());
    let mut kept = Vec::with_capacity(files.len() + links.len());
    for path in files {
        // A file that cannot be resolved is kept: reading it reports why.
        let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(canonical) {
            kept.push(path);
        }
    }
    for (path, target) in links {
        if seen.insert(target) {
            kept.push(path);
        }
    }
    kept
}
