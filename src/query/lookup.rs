//! `show`'s lookup: a query names one review by its slug, its title, or a unique part of its
//! title; otherwise the closest slugs are suggested.

use std::path::{Path, PathBuf};

use super::fold;

/// What a lookup found.
#[derive(Debug, PartialEq)]
pub(crate) enum Found {
    One(PathBuf),
    /// More than one: how many, and the first slugs (by path).
    Several(usize, Vec<String>),
    /// Nothing: the closest slugs, to suggest.
    Nothing(Vec<String>),
}

/// How well one review answers the query: judged on the reading cores, so that only this
/// small verdict outlives each file.
pub(crate) struct Candidate {
    slug: String,
    path: PathBuf,
    exact: bool,
    partial: bool,
    closeness: f64,
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
            one => Found::Several(
                self.count,
                one.into_iter().chain(first).map(|(_, slug)| slug).collect(),
            ),
        }
    }
}

/// A lookup in progress: slugs and titles are offered to it one review at a time, so that
/// searching a large collection keeps nothing per file.
pub(crate) struct Lookup {
    query: String,
    wanted: String,
    by_slug: Option<PathBuf>,
    exact: Matches,
    partial: Matches,
    closest: Vec<(f64, String)>,
}

impl Lookup {
    /// Slugs this close to the query (Jaro-Winkler) are suggested.
    const CLOSE: f64 = 0.75;
    const SUGGESTED: usize = 3;

    pub(crate) fn new(query: &str) -> Self {
        Lookup {
            query: query.to_string(),
            wanted: fold(query),
            by_slug: None,
            exact: Matches::default(),
            partial: Matches::default(),
            closest: Vec::new(),
        }
    }

    /// A file whose slug may be the query: a slug match wins without its header being read.
    /// Of several, the first path in byte order.
    pub(crate) fn offer_slug(&mut self, slug: &str, path: &Path) {
        if slug == self.query && self.by_slug.as_deref().is_none_or(|p| path < p) {
            self.by_slug = Some(path.to_path_buf());
        }
    }

    /// Did a slug match? Then titles need not be read.
    pub(crate) fn slug_matched(&self) -> bool {
        self.by_slug.is_some()
    }

    /// Judge one review by its slug and title (pure, so it runs on any core). The slug counts as
    /// words too, its `-` and `_` read as spaces: `dragon tattoo` finds
    /// `the-girl-with-the-dragon-tattoo-2011`.
    pub(crate) fn judge(&self, slug: &str, title: &str, path: &Path) -> Candidate {
        let title = fold(title);
        let slug_words = fold(&slug.replace(['-', '_'], " "));
        let closeness = strsim::jaro_winkler(&self.wanted, &fold(slug))
            .max(strsim::jaro_winkler(&self.wanted, &title));
        let holds = |text: &str| !self.wanted.is_empty() && text.contains(&self.wanted);
        Candidate {
            exact: title == self.wanted,
            partial: holds(&title) || holds(&slug_words),
            closeness,
            slug: slug.to_string(),
            path: path.to_path_buf(),
        }
    }

    pub(crate) fn add(&mut self, c: Candidate) {
        if c.exact {
            self.exact.add(&c.path, &c.slug);
        }
        if c.partial {
            self.partial.add(&c.path, &c.slug);
        }
        if c.closeness >= Self::CLOSE {
            self.closest.push((c.closeness, c.slug));
            self.closest
                .sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            self.closest.truncate(Self::SUGGESTED);
        }
    }

    /// Slug, else the one exact title, else the one title holding the query; otherwise what to
    /// suggest: the exact or partial matches when there are several, else the closest slugs.
    pub(crate) fn finish(self) -> Found {
        if let Some(path) = self.by_slug {
            return Found::One(path);
        }
        match (self.exact.count, self.partial.count) {
            (0, 0) => Found::Nothing(self.closest.into_iter().map(|(_, slug)| slug).collect()),
            (0, _) => self.partial.found(),
            _ => self.exact.found(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(query: &str, reviews: &[(&str, &str)]) -> Found {
        let mut lookup = Lookup::new(query);
        for (slug, title) in reviews {
            let path = PathBuf::from(format!("{slug}.md"));
            lookup.offer_slug(slug, &path);
            let candidate = lookup.judge(slug, title, &path);
            lookup.add(candidate);
        }
        lookup.finish()
    }

    #[test]
    fn slug_then_exact_title_then_unique_part() {
        let reviews = [
            ("rust-and-bone", "Rust and Bone"),
            ("a-prophet", "A Prophet"),
            ("prophets", "The Prophets"),
        ];
        assert_eq!(
            look("a-prophet", &reviews),
            Found::One("a-prophet.md".into())
        );
        assert_eq!(
            look("RUST AND BONE", &reviews),
            Found::One("rust-and-bone.md".into())
        );
        assert_eq!(
            look("bone", &reviews),
            Found::One("rust-and-bone.md".into())
        );
        assert_eq!(
            look("prophet", &reviews),
            Found::Several(2, vec!["a-prophet".into(), "prophets".into()])
        );
        assert_eq!(
            look("rust and bon", &reviews),
            Found::One("rust-and-bone.md".into())
        );
        assert_eq!(look("zzzz", &reviews), Found::Nothing(Vec::new()));
        assert_eq!(
            look("rust-and-bane", &reviews),
            Found::Nothing(vec!["rust-and-bone".into()])
        );
    }

    #[test]
    fn slugs_read_as_words_and_several_matches_are_named() {
        let reviews = [
            (
                "the-girl-with-the-dragon-tattoo-2011",
                "Män som hatar kvinnor",
            ),
            ("madagascar-3", "Madagascar 3: Europe's Most Wanted"),
            ("rust-and-bone", "Rust and Bone"),
        ];
        assert_eq!(
            look("dragon tattoo", &reviews),
            Found::One("the-girl-with-the-dragon-tattoo-2011.md".into())
        );
        assert_eq!(
            look("an", &reviews),
            Found::Several(
                3,
                vec![
                    "madagascar-3".into(),
                    "rust-and-bone".into(),
                    "the-girl-with-the-dragon-tattoo-2011".into()
                ]
            )
        );
    }
}
