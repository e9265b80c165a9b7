//! `show`'s lookup: a query names one review by its slug or file name, its title (or original
//! title), a unique part of it, either with a year (`heat 1995`); otherwise the closest titles
//! are suggested.

use std::path::{Path, PathBuf};

use super::{fold, without_article};
use crate::record::Review;

/// What a lookup found.
#[derive(Debug, PartialEq)]
pub(crate) enum Found {
    One(PathBuf),
    /// More than one: how many, and the first (by path), each with its slug.
    Several(usize, Vec<(PathBuf, String)>),
    /// Nothing: the closest slugs, to suggest.
    Nothing(Vec<String>),
}

/// How well one review answers the query: judged on the reading cores, so that only this
/// small verdict outlives each file.
pub(crate) struct Candidate {
    slug: String,
    path: PathBuf,
    /// Which of the lookup's tiers it is in, best first (see [`Tier`]).
    tiers: [bool; Tier::COUNT],
    /// Edit distance to the query, when within the bound; then Jaro-Winkler, to rank ties.
    near: Option<(usize, f64)>,
}

/// The ways a review can answer a query, best first: the first tier with a match decides.
#[derive(Clone, Copy)]
enum Tier {
    /// The whole title (or original title), folded.
    Title,
    /// The title and the year the query ends in.
    TitleAndYear,
    /// Part of the title, or the slug's words.
    Part,
    /// Part of the title, and the year.
    PartAndYear,
}

impl Tier {
    const COUNT: usize = 4;
    const ALL: [Tier; Tier::COUNT] = [
        Tier::Title,
        Tier::TitleAndYear,
        Tier::Part,
        Tier::PartAndYear,
    ];
}

/// Reviews matched so far, counted, with the first few (by path) kept for the message.
#[derive(Default)]
struct Matches {
    count: usize,
    first: Vec<(PathBuf, String)>,
}

impl Matches {
    const KEPT: usize = 10;

    fn add(&mut self, path: &Path, slug: &str) {
        self.count += 1;
        self.first.push((path.to_path_buf(), slug.to_string()));
        self.first.sort();
        self.first.truncate(Self::KEPT);
    }

    /// The one match, or the first few when there are several.
    fn found(self) -> Found {
        let mut first = self.first.into_iter();
        match first.next() {
            Some((path, _)) if self.count == 1 => Found::One(path),
            one => Found::Several(self.count, one.into_iter().chain(first).collect()),
        }
    }
}

/// A lookup in progress: slugs and titles are offered to it one review at a time, so that
/// searching a large collection keeps nothing per file.
pub(crate) struct Lookup {
    query: String,
    wanted: String,
    /// The query read as a title and a year: `heat 1995`, `Heat (1995)`, `Heat, 1995`.
    dated: Option<(String, i32)>,
    /// The query as suggestions are measured against it: folded, `-` and `_` as spaces, without
    /// a leading article; and its title without the year, when it ends in one.
    near: Vec<String>,
    /// The query as bytes to find in a path: a slug or file name it names is in the path.
    in_path: memchr::memmem::Finder<'static>,
    /// The files the query names by slug or file name: one in each collection at most.
    by_slug: Matches,
    matches: [Matches; Tier::COUNT],
    closest: Vec<((usize, f64), String)>,
}

impl Lookup {
    const SUGGESTED: usize = 3;
    /// The most edits a suggestion may be from the query, however long it is.
    const MOST_EDITS: usize = 3;

    pub(crate) fn new(query: &str) -> Self {
        let wanted = fold(query);
        let dated = title_and_year(&wanted);
        let near = std::iter::once(slug_words(query))
            .chain(dated.as_ref().map(|(title, _)| title.clone()))
            .map(|text| without_article(&text).to_string())
            .collect();
        Lookup {
            in_path: memchr::memmem::Finder::new(query.as_bytes()).into_owned(),
            query: query.to_string(),
            dated,
            wanted,
            near,
            by_slug: Matches::default(),
            matches: Default::default(),
            closest: Vec::new(),
        }
    }

    /// Might the file at `path` be named by the query (see [`Lookup::offer_slug`])? Its slug
    /// and name are parts of its path; a path that is not UTF-8 is always offered, as its slug
    /// is made lossily.
    pub(crate) fn may_name(&self, path: &Path) -> bool {
        path.to_str()
            .is_none_or(|path| self.in_path.find(path.as_bytes()).is_some())
    }

    /// A file whose slug or file name may be the query (`heat`, `2019-03-01-heat`, or
    /// `2019-03-01-heat.md`): such a match wins without any header being read. Several (the
    /// same slug in several collections) are several.
    pub(crate) fn offer_slug(&mut self, slug: &str, path: &Path) {
        let query = self.query.as_str();
        let named = slug == query
            || path.file_stem().is_some_and(|s| s == query)
            || path.file_name().is_some_and(|s| s == query);
        if named {
            self.by_slug.add(path, slug);
        }
    }

    /// Did a slug match? Then titles need not be read.
    pub(crate) fn slug_matched(&self) -> bool {
        self.by_slug.count > 0
    }

    /// Can the review with this header text and slug answer the query (by title, part of it,
    /// or the slug's words)? When not, its YAML need not be parsed, unless nothing answers and
    /// suggestions are wanted. Escapes could spell a title in a way folding cannot see.
    pub(crate) fn may_answer<S: AsRef<str>>(&self, header: &str, slug: impl FnOnce() -> S) -> bool {
        let wanted = || {
            std::iter::once(self.wanted.as_str())
                .chain(self.dated.as_ref().map(|(title, _)| title.as_str()))
                .filter(|w| !w.is_empty())
        };
        if header.contains('\\') || self.wanted.is_empty() {
            return true;
        }
        let folded = fold(header);
        if wanted().any(|w| memchr::memmem::find(folded.as_bytes(), w.as_bytes()).is_some()) {
            return true;
        }
        let words = slug_words(slug().as_ref());
        wanted().any(|w| words.contains(w))
    }

    /// Has a title answered the query, so that no suggestions are needed?
    pub(crate) fn answered(&self) -> bool {
        self.matches.iter().any(|m| m.count > 0)
    }

    /// Judge one review by its slug, titles and year (pure, so it runs on any core). The slug
    /// counts as words too, its `-` and `_` read as spaces: `dragon tattoo` finds
    /// `the-girl-with-the-dragon-tattoo-2011`.
    pub(crate) fn judge(&self, slug: &str, review: &Review, path: &Path) -> Candidate {
        let words = slug_words(slug);
        let titles: Vec<String> = std::iter::once(review.title.as_str())
            .chain(review.original_title.as_deref())
            .map(fold)
            .collect();
        let is = |wanted: &str| titles.iter().any(|t| t == wanted);
        let holds = |wanted: &str| {
            !wanted.is_empty()
                && (titles.iter().any(|t| t.contains(wanted)) || words.contains(wanted))
        };
        let dated = self
            .dated
            .as_ref()
            .filter(|(_, year)| review.year == Some(*year));
        let tiers = Tier::ALL.map(|tier| match tier {
            Tier::Title => is(&self.wanted),
            Tier::TitleAndYear => dated.is_some_and(|(title, _)| is(title)),
            Tier::Part => holds(&self.wanted),
            Tier::PartAndYear => dated.is_some_and(|(title, _)| holds(title)),
        });
        let near = titles
            .iter()
            .chain(std::iter::once(&words))
            .filter_map(|text| self.nearness(without_article(text)))
            .min_by(closer);
        Candidate {
            tiers,
            near,
            slug: slug.to_string(),
            path: path.to_path_buf(),
        }
    }

    /// How near `text` is to the query: its edit distance (a swap of two letters is one edit)
    /// when within a bound that grows with the query, a quarter of its letters, at least one
    /// and at most [`Self::MOST_EDITS`].
    fn nearness(&self, text: &str) -> Option<(usize, f64)> {
        let length = text.chars().count();
        self.near
            .iter()
            .filter_map(|near| {
                let letters = near.chars().count();
                let bound = (letters / 4).clamp(1, Self::MOST_EDITS);
                // Lengths further apart than the bound cannot be within it: skip measuring.
                if letters == 0 || length.abs_diff(letters) > bound {
                    return None;
                }
                let edits = strsim::osa_distance(near, text);
                (edits <= bound).then(|| (edits, strsim::jaro_winkler(near, text)))
            })
            .min_by(closer)
    }

    pub(crate) fn add(&mut self, c: Candidate) {
        for (matches, _) in self.matches.iter_mut().zip(c.tiers).filter(|(_, t)| *t) {
            matches.add(&c.path, &c.slug);
        }
        if let Some(near) = c.near {
            self.closest.push((near, c.slug));
            self.closest
                .sort_by(|(a, a_slug), (b, b_slug)| closer(a, b).then_with(|| a_slug.cmp(b_slug)));
            self.closest.truncate(Self::SUGGESTED);
        }
    }

    /// Slug, else the first tier with a match (one review, or several to choose from);
    /// otherwise the closest titles' slugs, to suggest.
    pub(crate) fn finish(self) -> Found {
        if self.by_slug.count > 0 {
            return self.by_slug.found();
        }
        match self.matches.into_iter().find(|m| m.count > 0) {
            Some(matches) => matches.found(),
            None => Found::Nothing(self.closest.into_iter().map(|(_, slug)| slug).collect()),
        }
    }
}

/// A slug (or a query written like one) as words: folded, its `-` and `_` read as spaces.
fn slug_words(slug: &str) -> String {
    fold(&slug.replace(['-', '_'], " "))
}

/// Which of two nearnesses is closer: fewer edits, then the higher Jaro-Winkler similarity.
fn closer(a: &(usize, f64), b: &(usize, f64)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(b.1.total_cmp(&a.1))
}

/// A folded query read as a title and a year: `heat 1995`, `heat (1995)` or `heat, 1995`.
fn title_and_year(folded: &str) -> Option<(String, i32)> {
    let (title, year) = folded.rsplit_once(' ')?;
    let year = year.trim_start_matches('(').trim_end_matches(')');
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let title = title.trim_end_matches(',').trim_end();
    if title.is_empty() {
        return None;
    }
    Some((title.to_string(), year.parse().ok()?))
}

#[cfg(test)]
mod tests;
