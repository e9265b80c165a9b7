//! Queries: filters, matching text as people mean it, and sorting.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::Review;

/// Fold text for matching: case-folded, accents removed, quotes dropped, runs of white space made
/// one space. `Almodóvar`, `ALMODOVAR` and `almodovar` fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !matches!(c, '\'' | '"' | '\u{2019}' | '\u{2018}') {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    };
    if text.is_ascii() {
        for b in text.bytes() {
            push(char::from(b.to_ascii_lowercase()), &mut out);
        }
        return out;
    }
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ß' | 'ẞ' => "ss".chars().for_each(|c| push(c, &mut out)),
            'æ' | 'Æ' => "ae".chars().for_each(|c| push(c, &mut out)),
            'œ' | 'Œ' => "oe".chars().for_each(|c| push(c, &mut out)),
            'ø' | 'Ø' => push('o', &mut out),
            'ł' | 'Ł' => push('l', &mut out),
            'đ' | 'Đ' => push('d', &mut out),
            'ı' => push('i', &mut out),
            c => c.to_lowercase().for_each(|c| push(c, &mut out)),
        }
    }
    out
}

/// A range of years, both ends included; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRange {
    /// First year, if bounded.
    pub from: Option<i32>,
    /// Last year, if bounded.
    pub to: Option<i32>,
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

impl YearRange {
    fn contains(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }
}

/// What `list` keeps: each kind of filter must hold; several values of one kind mean "any".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Substrings of the title (or original title).
    pub titles: Vec<String>,
    /// Substrings of a director's name.
    pub directors: Vec<String>,
    /// Substrings of a writer's name.
    pub writers: Vec<String>,
    /// Substrings of a cast member's name.
    pub cast: Vec<String>,
    /// Substrings of a tag or genre.
    pub tags: Vec<String>,
    /// Certification codes, matched exactly.
    pub ratings: Vec<String>,
    /// Years.
    pub years: Vec<YearRange>,
}

/// A filter with its text folded once, ready to test many reviews.
#[derive(Debug, Clone)]
pub struct Matcher {
    titles: Vec<String>,
    directors: Vec<String>,
    writers: Vec<String>,
    cast: Vec<String>,
    tags: Vec<String>,
    ratings: Vec<String>,
    years: Vec<YearRange>,
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

impl Matcher {
    /// Prepare `filter` for matching.
    pub fn new(filter: &Filter) -> Self {
        Matcher {
            titles: fold_all(&filter.titles),
            directors: fold_all(&filter.directors),
            writers: fold_all(&filter.writers),
            cast: fold_all(&filter.cast),
            tags: fold_all(&filter.tags),
            ratings: filter.ratings.iter().map(|r| r.to_uppercase()).collect(),
            years: filter.years.clone(),
        }
    }

    /// Does `review` pass every filter?
    pub fn matches(&self, review: &Review) -> bool {
        let title = [review.title.clone()];
        let titles = title.iter().chain(review.original_title.iter());
        any_contains(&self.titles, titles)
            && any_contains(&self.directors, &review.directed_by)
            && any_contains(&self.writers, &review.written_by)
            && any_contains(&self.cast, &review.starring)
            && any_contains(&self.tags, review.tags.iter().chain(&review.genres))
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

    /// Can a header with this raw text match? `false` only when it surely cannot, so its parse
    /// can be skipped: every text filter's value must appear somewhere in the folded header.
    pub fn may_match(&self, raw_header: &[u8]) -> bool {
        let groups = [
            &self.titles,
            &self.directors,
            &self.writers,
            &self.cast,
            &self.tags,
        ];
        if groups.iter().all(|g| g.is_empty()) {
            return true;
        }
        let Ok(text) = std::str::from_utf8(raw_header) else {
            return true;
        };
        // Escapes could spell a name in a way folding cannot see: parse those headers.
        if text.contains('\\') {
            return true;
        }
        let folded = fold(text);
        groups
            .iter()
            .all(|g| g.is_empty() || g.iter().any(|n| folded.contains(n.as_str())))
    }
}

/// What `list` sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Title, ignoring case, accents and a leading article.
    #[default]
    Title,
    /// Year.
    Year,
    /// First director.
    Director,
    /// Certification, from G to NC-17.
    Rating,
    /// Running time.
    Runtime,
    /// Date reviewed.
    Reviewed,
    /// Release date (U.S., else any).
    Release,
}

/// The title as it sorts: folded, without a leading "The", "A" or "An".
pub fn title_sort_key(title: &str) -> String {
    let folded = fold(title);
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = folded.strip_prefix(article) {
            return rest.to_string();
        }
    }
    folded
}

fn rating_rank(review: &Review) -> Option<(usize, String)> {
    let code = &review.rating.as_ref()?.code;
    let order = ["G", "PG", "PG-13", "R", "NC-17", "NR"];
    let rank = order.iter().position(|c| c == code).unwrap_or(order.len());
    Some((rank, code.clone()))
}

/// Compare two optional keys: missing values last, whatever the direction.
fn missing_last<T: Ord>(a: Option<T>, b: Option<T>, reverse: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if reverse => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sort reviews by `key`; ties fall back to title then slug, so the order is stable.
pub fn sort(reviews: &mut [Review], key: SortKey, reverse: bool) {
    let mut keyed: Vec<(String, Review)> = reviews
        .iter_mut()
        .map(|r| (title_sort_key(&r.title), std::mem::take(r)))
        .collect();
    keyed.sort_by(|(ta, a), (tb, b)| {
        let primary = match key {
            SortKey::Title => missing_last(Some(ta), Some(tb), reverse),
            SortKey::Year => missing_last(a.year, b.year, reverse),
            SortKey::Director => missing_last(
                a.directed_by.first().map(|d| fold(d)),
                b.directed_by.first().map(|d| fold(d)),
                reverse,
            ),
            SortKey::Rating => missing_last(rating_rank(a), rating_rank(b), reverse),
            SortKey::Runtime => missing_last(a.runtime, b.runtime, reverse),
            SortKey::Reviewed => missing_last(a.reviewed, b.reviewed, reverse),
            SortKey::Release => missing_last(
                a.us_release.or(a.release_date),
                b.us_release.or(b.release_date),
                reverse,
            ),
        };
        primary
            .then_with(|| ta.cmp(tb))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    for (slot, (_, review)) in reviews.iter_mut().zip(keyed) {
        *slot = review;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(slug: &str, title: &str, year: Option<i32>, director: &str) -> Review {
        Review {
            slug: slug.into(),
            title: title.into(),
            year,
            directed_by: vec![director.into()],
            ..Review::default()
        }
    }

    #[test]
    fn folding_is_case_and_accent_insensitive() {
        assert_eq!(fold("Pedro Almodóvar"), "pedro almodovar");
        assert_eq!(fold("Antonín DVOŘÁK"), "antonin dvorak");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łukasz  Żuławski"), "lukasz zulawski");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("Jacques\n   Audiard"), "jacques audiard");
        // NFD input folds like NFC input.
        assert_eq!(fold("Ame\u{301}lie"), fold("Amélie"));
    }

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
    fn prefilter_never_rejects_a_match() {
        let m = Matcher::new(&Filter {
            directors: vec!["Almodóvar".into()],
            ..Filter::default()
        });
        assert!(m.may_match("director: PEDRO ALMODOVAR".as_bytes()));
        assert!(m.may_match("director: Pedro Almodo\u{301}var".as_bytes()));
        assert!(m.may_match(b"director: \"Pedro Almod\\u00f3var\""));
        assert!(!m.may_match(b"director: Someone Else"));
    }

    #[test]
    fn sorting_ignores_articles_and_puts_missing_last() {
        let mut reviews = vec![
            review("c", "The Zebra", None, "Z"),
            review("b", "An Apple", Some(2001), "Y"),
            review("a", "mango", Some(1999), "X"),
        ];
        sort(&mut reviews, SortKey::Title, false);
        let slugs = |rs: &[Review]| rs.iter().map(|r| r.slug.clone()).collect::<Vec<_>>();
        assert_eq!(slugs(&reviews), ["b", "a", "c"]);
        sort(&mut reviews, SortKey::Year, false);
        assert_eq!(slugs(&reviews), ["a", "b", "c"]);
        sort(&mut reviews, SortKey::Year, true);
        assert_eq!(slugs(&reviews), ["b", "a", "c"]);
    }
}
