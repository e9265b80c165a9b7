//! Filters: which reviews `list` keeps.

use super::fold;
use std::path::Path;

use crate::record::{Review, slug};

/// A range of years, both ends included; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct YearRange {
    pub(crate) from: Option<i32>,
    pub(crate) to: Option<i32>,
}

impl std::str::FromStr for YearRange {
    type Err = String;

    /// `2012`, `2010..2015`, `2010..`, `..1999`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let year = |t: &str| -> Result<Option<i32>, String> {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            t.parse().map(Some).map_err(|_| {
                format!("expected a year such as 2012 or a range such as 2010..2015, found {s:?}")
            })
        };
        match s.split_once("..") {
            Some((from, to)) => {
                let to = to.strip_prefix('=').unwrap_or(to);
                let range = YearRange {
                    from: year(from)?,
                    to: year(to)?,
                };
                match (range.from, range.to) {
                    (None, None) => Err(format!("expected at least one year in the range {s:?}")),
                    (Some(a), Some(b)) if a > b => {
                        Err(format!("the range {s:?} is empty: {a} is after {b}"))
                    }
                    _ => Ok(range),
                }
            }
            None => {
                let y = year(s)?.ok_or_else(|| "expected a year such as 2012".to_string())?;
                Ok(YearRange {
                    from: Some(y),
                    to: Some(y),
                })
            }
        }
    }
}

impl std::fmt::Display for YearRange {
    /// As given: `2012`, `2010..2015`, `2010..`, `..1999`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        match (self.from, self.to) {
            (Some(from), Some(to)) if from == to => write!(f, "{from}"),
            (from, to) => write!(f, "{}..{}", year(from), year(to)),
        }
    }
}

impl YearRange {
    fn contains(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }
}

/// What `list` keeps: each kind of filter must hold; several values of one kind mean "any".
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    /// Substrings of the title (or original title).
    pub(crate) titles: Vec<String>,
    /// Substrings of a director's name.
    pub(crate) directors: Vec<String>,
    /// Substrings of a writer's name.
    pub(crate) writers: Vec<String>,
    /// Substrings of a cast member's name.
    pub(crate) cast: Vec<String>,
    /// Whole tags or genres (`*` stands for any text: `la*` is a prefix).
    pub(crate) tags: Vec<String>,
    /// Whole genres, as tags are matched.
    pub(crate) genres: Vec<String>,
    /// Certification codes, matched exactly (ignoring case).
    pub(crate) ratings: Vec<String>,
    pub(crate) years: Vec<YearRange>,
    /// Keep drafts, which are left out otherwise.
    pub(crate) drafts: bool,
    /// Bounds on the score, on the 0–100 scale, both included.
    pub(crate) min_score: Option<f64>,
    pub(crate) max_score: Option<f64>,
    /// The filters as the user gave them (`--director zzz`), for saying that nothing matched.
    pub(crate) asked: String,
}

/// A filter with its text folded once, ready to test many reviews.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    titles: Vec<String>,
    directors: Vec<String>,
    writers: Vec<String>,
    cast: Vec<String>,
    tags: Vec<String>,
    genres: Vec<String>,
    ratings: Vec<String>,
    years: Vec<YearRange>,
    drafts: bool,
    min_score: Option<f64>,
    max_score: Option<f64>,
}

fn fold_all(values: &[String]) -> Vec<String> {
    values.iter().map(|v| fold(v)).collect()
}

fn any_contains<'a>(
    needles: &[String],
    haystacks: impl IntoIterator<Item = &'a String> + Clone,
) -> bool {
    needles.is_empty()
        || needles.iter().any(|n| {
            haystacks
                .clone()
                .into_iter()
                .any(|h| fold(h).contains(n.as_str()))
        })
}

/// Does any pattern match a whole value (folded)? A tag is a word someone chose, so `la` is the
/// tag `la` and not a part of `classic`; `*` in a pattern stands for any text.
fn any_whole<'a>(
    patterns: &[String],
    values: impl IntoIterator<Item = &'a String> + Clone,
) -> bool {
    patterns.is_empty()
        || patterns.iter().any(|p| {
            values
                .clone()
                .into_iter()
                .any(|v| wildcard_match(p, &fold(v)))
        })
}

/// `pattern` against the whole of `text`, `*` matching any run of characters (none included).
pub(crate) fn wildcard_match(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

impl Matcher {
    /// Prepare `filter` for matching.
    pub(crate) fn new(filter: &Filter) -> Self {
        Matcher {
            titles: fold_all(&filter.titles),
            directors: fold_all(&filter.directors),
            writers: fold_all(&filter.writers),
            cast: fold_all(&filter.cast),
            tags: fold_all(&filter.tags),
            genres: fold_all(&filter.genres),
            ratings: filter.ratings.iter().map(|r| r.to_uppercase()).collect(),
            years: filter.years.clone(),
            drafts: filter.drafts,
            min_score: filter.min_score,
            max_score: filter.max_score,
        }
    }

    /// Does `review` pass every filter?
    pub(crate) fn matches(&self, review: &Review) -> bool {
        if review.draft && !self.drafts {
            return false;
        }
        if self.min_score.is_some() || self.max_score.is_some() {
            let Some(score) = review.score.as_ref().and_then(|s| s.normalized()) else {
                return false;
            };
            if self.min_score.is_some_and(|m| score < m)
                || self.max_score.is_some_and(|m| score > m)
            {
                return false;
            }
        }
        let title = [review.title.clone()];
        let titles = title.iter().chain(review.original_title.iter());
        any_contains(&self.titles, titles)
            && any_contains(&self.directors, &review.directed_by)
            && any_contains(&self.writers, &review.written_by)
            && any_contains(&self.cast, &review.starring)
            && any_whole(&self.tags, review.tags.iter().chain(&review.genres))
            && any_whole(&self.genres, &review.genres)
            && (self.ratings.is_empty()
                || review
                    .rating
                    .as_ref()
                    .is_some_and(|r| self.ratings.contains(&r.code.to_uppercase())))
            && (self.years.is_empty()
                || review
                    .year
                    .is_some_and(|y| self.years.iter().any(|r| r.contains(y))))
    }

    /// The look at a header's raw text before its parse ([`Matcher::may_match`]), when a text
    /// filter asks for one; without one, every header is parsed.
    pub(crate) fn header_look(&self) -> Option<impl Fn(&Path, &str) -> bool + Sync + '_> {
        let looks =
            !self.titles.is_empty() || self.people_and_words().iter().any(|g| !g.is_empty());
        looks.then_some(move |path: &Path, text: &str| self.may_match(text, path))
    }

    /// The text filters but titles: each must have a value in the header.
    fn people_and_words(&self) -> [&Vec<String>; 5] {
        [
            &self.directors,
            &self.writers,
            &self.cast,
            &self.tags,
            &self.genres,
        ]
    }

    /// Can a header with this raw text match? `false` only when it surely cannot, so its parse
    /// can be skipped: every text filter's value must appear somewhere in the folded header, or
    /// for a title in the file's slug (a header without a title takes its file's name).
    pub(crate) fn may_match(&self, text: &str, path: &Path) -> bool {
        let others = self.people_and_words();
        if self.titles.is_empty() && others.iter().all(|g| g.is_empty()) {
            return true;
        }
        // Escapes could spell a name in a way folding cannot see: parse those headers.
        if text.contains('\\') {
            return true;
        }
        let folded = fold(text);
        // A pattern's pieces between its `*`s must each be somewhere in the header.
        let in_header = |needle: &String| {
            needle
                .split('*')
                .all(|piece| memchr::memmem::find(folded.as_bytes(), piece.as_bytes()).is_some())
        };
        (self.titles.is_empty() || {
            let slug = fold(&slug(path));
            self.titles
                .iter()
                .any(|n| in_header(n) || slug.contains(n.as_str()))
        }) && others
            .iter()
            .all(|g| g.is_empty() || g.iter().any(in_header))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::query::tests::review;

    #[test]
    fn year_ranges() {
        let r: YearRange = "2010..2015".parse().unwrap();
        assert!(r.contains(2010) && r.contains(2015) && !r.contains(2016));
        let open: YearRange = "2010..".parse().unwrap();
        assert!(open.contains(3000) && !open.contains(2009));
        assert!("..1999".parse::<YearRange>().unwrap().contains(1900));
        assert!("2015..2010".parse::<YearRange>().is_err());
        assert!("soon".parse::<YearRange>().is_err());
        assert!("..".parse::<YearRange>().is_err());
    }

    #[test]
    fn filters_combine() {
        let r = review("a", "Rust and Bone", Some(2012), "Jacques Audiard");
        let m = |f: Filter| Matcher::new(&f).matches(&r);
        assert!(m(Filter {
            directors: vec!["audiard".into()],
            ..Filter::default()
        }));
        assert!(m(Filter {
            directors: vec!["nobody".into(), "AUDIARD".into()],
            ..Filter::default()
        }));
        assert!(!m(Filter {
            directors: vec!["audiard".into()],
            years: vec!["2013".parse().unwrap()],
            ..Filter::default()
        }));
        assert!(!m(Filter {
            ratings: vec!["r".into()],
            ..Filter::default()
        }));
    }

    #[test]
    fn tags_match_whole_unless_a_star_says_otherwise() {
        let mut r = review("a", "Heat", Some(1995), "Michael Mann");
        r.tags = vec!["LA".into(), "classic".into()];
        r.genres = vec!["Crime".into()];
        let keeps = |tags: &[&str], genres: &[&str]| {
            let filter = Filter {
                tags: tags.iter().map(|t| t.to_string()).collect(),
                genres: genres.iter().map(|t| t.to_string()).collect(),
                ..Filter::default()
            };
            let m = Matcher::new(&filter);
            m.matches(&r) && m.may_match("tags: [LA, classic]\ngenres: Crime", Path::new("a"))
        };
        assert!(keeps(&["la"], &[]));
        assert!(!keeps(&["clas"], &[]));
        assert!(keeps(&["clas*"], &[]));
        assert!(keeps(&["*ssic"], &[]));
        assert!(keeps(&["c*c"], &[]));
        assert!(!keeps(&["c*x"], &[]));
        assert!(keeps(&["crime"], &[]), "--tag reads genres too");
        assert!(keeps(&[], &["crime"]));
        assert!(!keeps(&[], &["la"]), "--genre reads genres only");
        assert!(
            wildcard_match("*", "") && wildcard_match("a*a", "aa") && !wildcard_match("a*a", "a")
        );
    }

    #[test]
    fn prefilter_never_rejects_a_match() {
        let m = Matcher::new(&Filter {
            directors: vec!["Almodóvar".into()],
            ..Filter::default()
        });
        assert!(m.may_match("director: PEDRO ALMODOVAR", Path::new("x")));
        assert!(m.may_match("director: Pedro Almodo\u{301}var", Path::new("x")));
        assert!(m.may_match("director: \"Pedro Almod\\u00f3var\"", Path::new("x")));
        assert!(!m.may_match("director: Someone Else", Path::new("x")));
    }
}
