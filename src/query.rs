//! Queries: filters, matching text as people mean it, and sorting.

use std::cmp::Ordering;
use std::io::{self, BufRead, Write};

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::model::Review;
use crate::spill::{Record, read_string, read_u64, write_bytes, write_u64};

/// Fold text for matching: case-folded, accents removed, quotes dropped, runs of white space made
/// one space. `Almodóvar`, `ALMODOVAR` and `almodovar` fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !matches!(c, '\'' | '"' | '\u{2019}' | '\u{2018}') && !is_combining_mark(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    };
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII, the common case, skip the Unicode tables.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        for b in rest[..ascii].bytes() {
            push(char::from(b.to_ascii_lowercase()), &mut out);
        }
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        match c {
            'ß' | 'ẞ' => "ss".chars().for_each(|c| push(c, &mut out)),
            'æ' | 'Æ' => "ae".chars().for_each(|c| push(c, &mut out)),
            'œ' | 'Œ' => "oe".chars().for_each(|c| push(c, &mut out)),
            'ø' | 'Ø' => push('o', &mut out),
            'ł' | 'Ł' => push('l', &mut out),
            'đ' | 'Đ' => push('d', &mut out),
            'ı' => push('i', &mut out),
            // Canonical decomposition without its marks: é → e, ř → r (the same as NFD, then
            // dropping every combining mark, since marks are dropped wherever they stand).
            c => decompose_canonical(c, |d| d.to_lowercase().for_each(|l| push(l, &mut out))),
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
        groups.iter().all(|g| {
            g.is_empty()
                || g.iter()
                    .any(|n| memchr::memmem::find(folded.as_bytes(), n.as_bytes()).is_some())
        })
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

/// One review's value for a sort key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortValue {
    /// A number: year, runtime.
    Number(i64),
    /// Folded text: a director's name.
    Text(String),
    /// A date.
    Date(jiff::civil::Date),
    /// A certification's place from G to NC-17 (others after), then its code.
    Rank(usize, String),
}

/// Everything a review sorts by, computed once: the key's value, then the title, then the slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKeys {
    /// The sort key's value; `None` sorts last in both directions.
    pub value: Option<SortValue>,
    /// The title as it sorts, then the slug: one allocation, as `list` keeps one per review.
    title_and_slug: Box<str>,
    /// Where the title ends in `title_and_slug`.
    title_len: usize,
}

impl SortKeys {
    /// The keys of `review` for sorting by `key`.
    pub fn new(review: &Review, key: SortKey) -> Self {
        let value = match key {
            SortKey::Title => None,
            SortKey::Year => review.year.map(|y| SortValue::Number(y.into())),
            SortKey::Director => review.directed_by.first().map(|d| SortValue::Text(fold(d))),
            SortKey::Rating => review.rating.as_ref().map(|r| {
                let order = ["G", "PG", "PG-13", "R", "NC-17", "NR"];
                let rank = order
                    .iter()
                    .position(|c| *c == r.code)
                    .unwrap_or(order.len());
                SortValue::Rank(rank, r.code.clone())
            }),
            SortKey::Runtime => review.runtime.map(|m| SortValue::Number(m.into())),
            SortKey::Reviewed => review.reviewed.map(SortValue::Date),
            SortKey::Release => review
                .us_release
                .or(review.release_date)
                .map(SortValue::Date),
        };
        let title = title_sort_key(&review.title);
        SortKeys {
            value,
            title_len: title.len(),
            title_and_slug: (title + &review.slug).into_boxed_str(),
        }
    }

    /// (title as it sorts, slug).
    fn title_slug(&self) -> (&str, &str) {
        self.title_and_slug.split_at(self.title_len)
    }

    /// Order by value (missing last, `reverse` flips only present values), then title, then slug.
    /// Sorting by title alone, `reverse` flips the title order.
    pub fn compare(&self, other: &Self, key: SortKey, reverse: bool) -> Ordering {
        let flip = |o: Ordering| if reverse { o.reverse() } else { o };
        let ((title, slug), (other_title, other_slug)) = (self.title_slug(), other.title_slug());
        let primary = match (&self.value, &other.value) {
            _ if key == SortKey::Title => flip(title.cmp(other_title)),
            (Some(a), Some(b)) => flip(a.cmp(b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        primary
            .then_with(|| title.cmp(other_title))
            .then_with(|| slug.cmp(other_slug))
    }
}

/// Sort keys as `list` spills them with its rows.
impl Record for SortKeys {
    fn heap_size(&self) -> usize {
        let value = match &self.value {
            Some(SortValue::Text(text) | SortValue::Rank(_, text)) => text.len(),
            _ => 0,
        };
        value + self.title_and_slug.len()
    }

    fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        match &self.value {
            None => write_u64(w, 0)?,
            Some(SortValue::Number(n)) => {
                write_u64(w, 1)?;
                write_u64(w, *n as u64)?;
            }
            Some(SortValue::Text(text)) => {
                write_u64(w, 2)?;
                write_bytes(w, text.as_bytes())?;
            }
            Some(SortValue::Date(date)) => {
                write_u64(w, 3)?;
                write_u64(w, date.year() as u64)?;
                write_u64(w, date.month() as u64)?;
                write_u64(w, date.day() as u64)?;
            }
            Some(SortValue::Rank(rank, code)) => {
                write_u64(w, 4)?;
                write_u64(w, *rank as u64)?;
                write_bytes(w, code.as_bytes())?;
            }
        }
        write_u64(w, self.title_len as u64)?;
        write_bytes(w, self.title_and_slug.as_bytes())
    }

    fn read_from(r: &mut impl BufRead) -> io::Result<Self> {
        let invalid = || io::Error::from(io::ErrorKind::InvalidData);
        let value = match read_u64(r)? {
            0 => None,
            1 => Some(SortValue::Number(read_u64(r)? as i64)),
            2 => Some(SortValue::Text(read_string(r)?)),
            3 => {
                let [year, month, day] = [read_u64(r)?, read_u64(r)?, read_u64(r)?];
                let date = jiff::civil::Date::new(year as i16, month as i8, day as i8);
                Some(SortValue::Date(date.map_err(|_| invalid())?))
            }
            4 => Some(SortValue::Rank(read_u64(r)? as usize, read_string(r)?)),
            _ => return Err(invalid()),
        };
        let title_len = read_u64(r)? as usize;
        let title_and_slug = read_string(r)?.into_boxed_str();
        if !title_and_slug.is_char_boundary(title_len) {
            return Err(invalid());
        }
        Ok(SortKeys {
            value,
            title_and_slug,
            title_len,
        })
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
        let reviews = [
            review("c", "The Zebra", None, "Z"),
            review("b", "An Apple", Some(2001), "Y"),
            review("a", "mango", Some(1999), "X"),
        ];
        let sorted = |key: SortKey, reverse: bool| {
            let mut keyed: Vec<(SortKeys, &str)> = reviews
                .iter()
                .map(|r| (SortKeys::new(r, key), r.slug.as_str()))
                .collect();
            keyed.sort_by(|(a, _), (b, _)| a.compare(b, key, reverse));
            keyed.into_iter().map(|(_, slug)| slug).collect::<Vec<_>>()
        };
        assert_eq!(sorted(SortKey::Title, false), ["b", "a", "c"]);
        assert_eq!(sorted(SortKey::Year, false), ["a", "b", "c"]);
        assert_eq!(sorted(SortKey::Year, true), ["b", "a", "c"]);
    }
}
