//! The library's front door: [`Collection`], [`Query`] and [`read_file`], thin and documented
//! over the same finding, reading and filtering the commands use.

use std::collections::VecDeque;
use std::ops::{Bound, RangeBounds};
use std::path::{Path, PathBuf};

use crate::collection::{Listing, map_headers, read_whole};
use crate::diagnostics::{Error, Result};
use crate::query::{Filter, Matcher, YearRange};
use crate::record::{Review, score_on_scale};

/// Files read and parsed together, on all cores: enough to keep them busy, few enough that the
/// records waiting to be taken stay a small, fixed number.
const BATCH: usize = 1024;

/// Review files in one or more folders, read as one library.
///
/// Opening only checks that each folder exists; the files are found and read as the reviews are
/// asked for. A folder is searched through its subfolders, hidden entries and links out of it are
/// left alone, and of two files in one folder with the same slug only the first (in byte order of
/// the path) is read: the other is an [`Error::DuplicateSlug`] item. Each review's `collection` is
/// its folder's name; the same slug in two folders is two reviews.
#[derive(Debug, Clone)]
pub struct Collection {
    folders: Vec<PathBuf>,
    /// Each folder, named by its own name: a review's `collection`.
    opened: Vec<crate::collection::Folder>,
}

impl Collection {
    /// The reviews in `folders`. Fails with [`Error::NotAFolder`] or [`Error::NoCollection`] when
    /// one of them is a file or does not exist, and with [`Error::NoCollection`] when none is given.
    pub fn open<I, P>(folders: I) -> Result<Collection>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<Path>,
    {
        let folders: Vec<PathBuf> = folders
            .into_iter()
            .map(|f| f.as_ref().to_path_buf())
            .collect();
        if folders.is_empty() {
            return Err(Error::NoCollection {
                tried: "no folder".to_string(),
            });
        }
        let opened = folders
            .iter()
            .map(|folder| crate::collection::Folder::open(folder, &folder.display().to_string()))
            .collect::<Result<_>>()?;
        Ok(Collection { folders, opened })
    }

    /// The folders, as given.
    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    /// Every review, headers only (`body` is `None`: [`read_file`] reads one whole), in byte
    /// order of the files' paths. A file that cannot be read is an `Err` naming it, with the line
    /// and what was expected where there is one; it never stops the others.
    pub fn reviews(&self) -> Reviews {
        self.filter(&Query::new())
    }

    /// The reviews that `query` keeps, as [`reviews`](Collection::reviews) gives them. A header
    /// that surely cannot match is not parsed, as `reviews list` does; one that cannot be read is
    /// still an `Err`, whatever the query.
    pub fn filter(&self, query: &Query) -> Reviews {
        let mut listing = Listing::of(&self.opened);
        let mut paths = listing.paths().to_vec();
        paths.sort();
        let problems = std::mem::take(&mut listing.errors)
            .into_iter()
            .map(Err)
            .collect();
        Reviews {
            listing,
            paths,
            next: 0,
            matcher: query.matcher.clone(),
            ready: problems,
        }
    }
}

/// The reviews of a [`Collection`], read a batch at a time as the iterator is advanced.
#[derive(Debug)]
pub struct Reviews {
    listing: Listing,
    paths: Vec<PathBuf>,
    next: usize,
    matcher: Matcher,
    ready: VecDeque<Result<Review>>,
}

impl Iterator for Reviews {
    type Item = Result<Review>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.ready.is_empty() && self.next < self.paths.len() {
            let end = (self.next + BATCH).min(self.paths.len());
            let batch = &self.paths[self.next..end];
            let (listing, matcher) = (&self.listing, &self.matcher);
            let read = map_headers(batch, matcher.header_look(), |i, parsed| {
                let mut parsed = parsed?;
                match parsed.review.take() {
                    Some(mut review) if parsed.errors.is_empty() => {
                        listing.name(&batch[i], &mut review);
                        matcher.matches(&review).then_some(Ok(review))
                    }
                    _ => Some(Err(parsed.errors.swap_remove(0))),
                }
            });
            self.ready.extend(read.into_iter().flatten());
            self.next = end;
        }
        self.ready.pop_front()
    }
}

/// Read one review file whole: its header typed and its body (`body` is `Some`). The file need
/// not be in a collection; its slug is its name, less a Jekyll post's date.
pub fn read_file(path: impl AsRef<Path>) -> Result<Review> {
    let (_, parsed) = read_whole(path.as_ref())?;
    one_review(parsed)
}

/// Read a review from `bytes`, as if from a file at `path` (which gives its slug, and is named in
/// errors); nothing is read from disk.
pub fn read_bytes(bytes: &[u8], path: impl AsRef<Path>) -> Result<Review> {
    one_review(crate::front_matter::parse(bytes, path.as_ref(), true))
}

fn one_review(mut parsed: crate::front_matter::Parsed) -> Result<Review> {
    match parsed.review {
        Some(review) if parsed.errors.is_empty() => Ok(review),
        _ => Err(parsed.errors.swap_remove(0)),
    }
}

/// Which reviews to keep: the filters of `reviews list`, with the same meaning.
///
/// Text is matched as a part of a name or title, ignoring case and accents (`almodovar` finds
/// Pedro Almodóvar). Each kind of filter must hold; several values of one kind mean "any of
/// them". A new query keeps every review but drafts.
///
/// ```
/// let query = reviews::Query::new().director("audiard").years(2010..).min_score("3/4")?;
/// # Ok::<(), reviews::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Query {
    filter: Filter,
    matcher: Matcher,
}

impl Default for Query {
    fn default() -> Self {
        Query::new()
    }
}

impl Query {
    /// A query that keeps every review but drafts.
    pub fn new() -> Query {
        Query::from(Filter::default())
    }

    fn with(mut self, change: impl FnOnce(&mut Filter)) -> Query {
        change(&mut self.filter);
        Query::from(self.filter)
    }

    /// Keep titles (or original titles) containing `text`.
    pub fn title(self, text: &str) -> Query {
        self.with(|f| f.titles.push(text.to_string()))
    }

    /// Keep films with a director whose name contains `name`.
    pub fn director(self, name: &str) -> Query {
        self.with(|f| f.directors.push(name.to_string()))
    }

    /// Keep films with a writer whose name contains `name`.
    pub fn writer(self, name: &str) -> Query {
        self.with(|f| f.writers.push(name.to_string()))
    }

    /// Keep films with a cast member whose name contains `name`.
    pub fn cast(self, name: &str) -> Query {
        self.with(|f| f.cast.push(name.to_string()))
    }

    /// Keep reviews with the tag or genre `tag`: the whole of it, ignoring case and accents, with
    /// `*` standing for any text (`"noir*"` keeps `noir` and `noirish`), as `--tag` does.
    pub fn tag(self, tag: &str) -> Query {
        self.with(|f| f.tags.push(tag.to_string()))
    }

    /// Keep reviews of the genre `genre`, matched whole as [`Query::tag`] matches.
    pub fn genre(self, genre: &str) -> Query {
        self.with(|f| f.genres.push(genre.to_string()))
    }

    /// Keep films certified exactly `code` (`R`, `PG-13`, ...), ignoring case.
    pub fn rating(self, code: &str) -> Query {
        self.with(|f| f.ratings.push(code.to_string()))
    }

    /// Keep films from `year`.
    pub fn year(self, year: i32) -> Query {
        self.years(year..=year)
    }

    /// Keep films from the years in `range` (`2010..=2015`, `2010..`, `..2000`); a review with no
    /// year is left out.
    pub fn years(self, range: impl RangeBounds<i32>) -> Query {
        let from = match range.start_bound() {
            Bound::Included(&y) => Some(y),
            Bound::Excluded(&y) => Some(y.saturating_add(1)),
            Bound::Unbounded => None,
        };
        let to = match range.end_bound() {
            Bound::Included(&y) => Some(y),
            Bound::Excluded(&y) => Some(y.saturating_sub(1)),
            Bound::Unbounded => None,
        };
        self.with(|f| f.years.push(YearRange { from, to }))
    }

    /// Keep reviews scored at least `score`, written in any shape a review's score may take
    /// (`3/4`, `7.5/10`, `B+`, `80%`, `★★★½`) and compared on one scale of 0 to 100. A review with
    /// no score is left out. Fails with [`Error::Query`] when `score` is no score.
    pub fn min_score(self, score: &str) -> Result<Query> {
        let value = score_value(score)?;
        Ok(self.with(|f| f.min_score = Some(value)))
    }

    /// Keep reviews scored at most `score`, as [`min_score`](Query::min_score) reads it.
    pub fn max_score(self, score: &str) -> Result<Query> {
        let value = score_value(score)?;
        Ok(self.with(|f| f.max_score = Some(value)))
    }

    /// Keep drafts too (`draft: true`, Jekyll's `published: false`), which are left out as site
    /// generators leave them out.
    pub fn drafts(self, keep: bool) -> Query {
        self.with(|f| f.drafts = keep)
    }

    /// Does `review` pass every filter?
    pub fn matches(&self, review: &Review) -> bool {
        self.matcher.matches(review)
    }
}

impl From<Filter> for Query {
    fn from(filter: Filter) -> Query {
        let matcher = Matcher::new(&filter);
        Query { filter, matcher }
    }
}

fn score_value(score: &str) -> Result<f64> {
    score_on_scale(score).map_err(|message| Error::Query {
        value: score.to_string(),
        message,
    })
}

#[cfg(test)]
mod tests;
