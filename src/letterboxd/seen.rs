//! What a collection already holds of an export, so that importing it again adds nothing.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use jiff::civil::Date;

use super::rows::{Entry, entry_date, uri};
use crate::query::films::{Film, film};
use crate::record::Review;

/// What a collection holds of an entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Held {
    Nothing,
    /// A file with its review.
    Review,
    /// A file with no review (written by `--all`): a review for it is still to be written.
    NoReview(PathBuf),
}

/// What a collection already holds of an export, so that importing it again adds nothing.
#[derive(Default)]
pub(crate) struct Seen {
    /// By Letterboxd URI and date; `Some(path)` for a file with no review.
    logged: HashMap<(String, Option<Date>), Option<PathBuf>>,
    /// By title, year and date, for rows with no URI.
    named: HashMap<(Film, Option<Date>), Option<PathBuf>>,
    films: HashSet<Film>,
}

impl Seen {
    /// A file of the collection, and whether it holds a review's text.
    pub(crate) fn add(&mut self, review: &Review, has_text: bool) {
        let stub = (!has_text).then(|| review.path.clone());
        // A file with the review wins over one without, whichever is listed first.
        fn keep<K: std::hash::Hash + Eq>(
            map: &mut HashMap<K, Option<PathBuf>>,
            key: K,
            stub: Option<PathBuf>,
        ) {
            let held = map.entry(key).or_insert_with(|| stub.clone());
            if stub.is_none() {
                *held = None;
            }
        }
        if let Some(uri) = uri(review) {
            keep(
                &mut self.logged,
                (uri.to_string(), entry_date(review)),
                stub.clone(),
            );
        }
        keep(&mut self.named, (film(review), entry_date(review)), stub);
        self.films.insert(film(review));
    }

    /// An entry written in this run: known by its URI only, so that rows without one (the same
    /// film reviewed twice, undated) are each written.
    pub(crate) fn add_written(&mut self, entry: &Entry) {
        if let Some(uri) = uri(&entry.review) {
            self.logged
                .insert((uri.to_string(), entry_date(&entry.review)), None);
        }
        self.films.insert(film(&entry.review));
    }

    /// What the collection holds of this entry: a film with no review is held by any file of
    /// the same title and year.
    pub(crate) fn held(&self, entry: &Entry) -> Held {
        let review = &entry.review;
        let date = entry_date(review);
        let found = match uri(review) {
            Some(uri) => self.logged.get(&(uri.to_string(), date)),
            None => self.named.get(&(film(review), date)),
        };
        match (found, entry.film_only) {
            (Some(_), true) => Held::Review,
            (_, true) if self.films.contains(&film(review)) => Held::Review,
            (_, true) | (None, false) => Held::Nothing,
            // A row with text, for a file without: the text is still to come in.
            (Some(Some(stub)), false) if review.body.is_some() => Held::NoReview(stub.clone()),
            (Some(_), false) => Held::Review,
        }
    }
}
