//! Sorting: what `list` orders by, with titles in natural number order.

use std::cmp::Ordering;

use rayon::slice::ParallelSliceMut;

use super::{fold, without_article};
use crate::record::Review;

/// What `list` sorts by; each name is also the `--sort` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum SortKey {
    /// Title, ignoring case, accents and a leading article; numbers in number order
    #[default]
    Title,
    Year,
    /// The first director
    Director,
    /// Certification, from G to NC-17, then NR and others
    Rating,
    Runtime,
    /// The date reviewed
    Reviewed,
    /// The U.S. release date, else any release date
    Release,
    /// The score on one scale from 0 to 100 (see the README)
    Score,
}

/// An order: a key, and whether it runs backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Order {
    pub(crate) key: SortKey,
    /// Reverse the values; reviews without one stay last.
    pub(crate) reverse: bool,
}

/// The title as it sorts: folded, without a leading "The", "A" or "An".
fn title_sort_key(title: &str) -> String {
    let folded = fold(title);
    match without_article(&folded) {
        rest if rest.len() < folded.len() => rest.to_string(),
        _ => folded,
    }
}

/// One review's value for a sort key: boxed text and a narrow rank, so that the value (which
/// `list` keeps one of per review) is 24 bytes, not 40.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    /// Year, runtime.
    Number(i64),
    /// A folded name.
    Text(Box<str>),
    Date(jiff::civil::Date),
    /// A certification's place in the table (others after it), then its code.
    Rank(u32, Box<str>),
    /// A score on the 0–100 scale, in hundredths.
    Score(i64),
}

/// Everything a review sorts by, computed once: the key's value, then the title, then the slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SortKeys {
    /// The sort key's value; `None` sorts last in both directions.
    value: Option<SortValue>,
    /// The title as it sorts, then the slug: one allocation, as `list` keeps one per review.
    title_and_slug: Box<str>,
    /// Where the title ends in `title_and_slug` (a title comes from a file of at most 16 MiB).
    title_len: u32,
    /// The title's first eight bytes, and which of them are digits: most comparisons are settled
    /// by them, without reading the boxed text, which at 100,000 rows is not in cache.
    title_prefix: TitlePrefix,
}

/// The first eight bytes of a title as it sorts, big-endian and padded with zeros, and a bit for
/// each that is an ASCII digit (the first byte's bit is the lowest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TitlePrefix {
    bytes: u64,
    digits: u8,
}

impl TitlePrefix {
    fn of(title: &str) -> Self {
        let mut bytes = [0; 8];
        let taken = title.len().min(8);
        bytes[..taken].copy_from_slice(&title.as_bytes()[..taken]);
        let digits = (0..8).fold(0, |mask, i| {
            mask | (u8::from(bytes[i].is_ascii_digit()) << i)
        });
        TitlePrefix {
            bytes: u64::from_be_bytes(bytes),
            digits,
        }
    }

    /// The natural order of the two titles, when their prefixes settle it: they differ at a byte
    /// before which no digit is, and which is not a digit in both (as in [`natural`]). A padding
    /// zero is where a title ended, which sorts first as the end of a string does.
    fn settles(self, other: Self) -> Option<Ordering> {
        let differ = self.bytes ^ other.bytes;
        if differ == 0 {
            return None;
        }
        let at = differ.leading_zeros() / 8;
        let before = (1u8 << at) - 1;
        let digits_compared =
            self.digits & before != 0 || self.digits & other.digits & (1 << at) != 0;
        (!digits_compared).then(|| self.bytes.cmp(&other.bytes))
    }
}

impl SortKeys {
    /// The keys of `review` for sorting by `key`.
    pub(crate) fn new(review: &Review, key: SortKey) -> Self {
        let value = match key {
            SortKey::Title => None,
            SortKey::Year => review.year.map(|y| SortValue::Number(y.into())),
            SortKey::Director => review
                .directed_by
                .first()
                .map(|d| SortValue::Text(fold(d).into())),
            SortKey::Score => review
                .score
                .as_ref()
                .and_then(|s| s.normalized())
                .map(|n| SortValue::Score((n * 100.0).round() as i64)),
            SortKey::Rating => review.rating.as_ref().map(|r| {
                let rank = r.rank().and_then(|n| u32::try_from(n).ok());
                SortValue::Rank(rank.unwrap_or(u32::MAX), r.code.as_str().into())
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
            title_prefix: TitlePrefix::of(&title),
            title_len: u32::try_from(title.len()).unwrap_or(u32::MAX),
            title_and_slug: (title + &review.slug).into_boxed_str(),
        }
    }

    /// (title as it sorts, slug).
    fn title_slug(&self) -> (&str, &str) {
        self.title_and_slug.split_at(self.title_len as usize)
    }

    /// Order by value (missing last, `reverse` flips only present values), then title, then slug.
    /// Sorting by title alone, `reverse` flips the title order.
    pub(crate) fn compare(&self, other: &Self, order: Order) -> Ordering {
        let flip = |o: Ordering| if order.reverse { o.reverse() } else { o };
        let ((title, slug), (other_title, other_slug)) = (self.title_slug(), other.title_slug());
        let titles = || {
            (self.title_prefix.settles(other.title_prefix))
                .unwrap_or_else(|| natural(title, other_title))
        };
        let primary = match (&self.value, &other.value) {
            _ if order.key == SortKey::Title => flip(titles()),
            (Some(a), Some(b)) => flip(a.cmp(b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        primary.then_with(titles).then_with(|| slug.cmp(other_slug))
    }
}

/// Natural order: runs of digits compare as numbers ("film 2" before "film 10", and before
/// "film 02"); plain order settles what that leaves equal, so that the order is total.
fn natural(a: &str, b: &str) -> Ordering {
    // Up to the first byte where they differ, two titles are the same text. With no digit in
    // that text, and not a digit in both at that byte, no run of digits is compared: natural
    // order is plain order, as UTF-8's bytes sort as its characters do. Most pairs differ in
    // their first letters, so most comparisons end here.
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let same = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let digit_at = |s: &[u8]| s.get(same).is_some_and(u8::is_ascii_digit);
    let digits_compared = x[..same].iter().any(u8::is_ascii_digit) || digit_at(x) && digit_at(y);
    if !digits_compared {
        return x.cmp(y);
    }
    alphanumeric_sort::compare_str(a, b).then_with(|| a.cmp(b))
}

/// Rows in order as they arrive: all of them, or with a limit only the best so far, so that
/// `--limit 10` over a large collection keeps ten rows, not every one. Ties keep the order of
/// arrival: the result is a stable sort.
pub(crate) struct Ranking<T> {
    order: Order,
    limit: usize,
    rows: Vec<(SortKeys, u64, T)>,
    pushed: u64,
}

impl<T> Ranking<T> {
    /// A ranking of at most `candidates` rows, with room for them set aside at once: pages never
    /// touched cost nothing, and a `Vec` grown by doubling would hold spare room it cannot give
    /// back (3 MiB of 47 at 100,000 rows).
    pub(crate) fn new(order: Order, limit: Option<usize>, candidates: usize) -> Self {
        let limit = limit.unwrap_or(usize::MAX);
        Ranking {
            order,
            limit,
            rows: Vec::with_capacity(candidates.min(limit.saturating_mul(2))),
            pushed: 0,
        }
    }

    fn compare(order: Order, a: &(SortKeys, u64, T), b: &(SortKeys, u64, T)) -> Ordering {
        a.0.compare(&b.0, order).then(a.1.cmp(&b.1))
    }

    pub(crate) fn push(&mut self, keys: SortKeys, row: T) {
        self.pushed += 1;
        if self.limit == 0 {
            return;
        }
        self.rows.push((keys, self.pushed, row));
        // Past twice the limit, keep the best `limit`: amortised, each row is compared a few
        // times at most.
        if self.rows.len() / 2 >= self.limit {
            let order = self.order;
            self.rows
                .select_nth_unstable_by(self.limit - 1, |a, b| Self::compare(order, a, b));
            self.rows.truncate(self.limit);
        }
    }

    /// How many rows were pushed, kept or not.
    pub(crate) fn pushed(&self) -> u64 {
        self.pushed
    }

    /// The best `limit` rows (or all of them), in order.
    pub(crate) fn into_sorted(mut self) -> Vec<T>
    where
        T: Send,
    {
        let order = self.order;
        // The order of arrival settles every tie, so an unstable sort, which needs no scratch
        // copy of the rows, gives the stable result.
        self.rows
            .par_sort_unstable_by(|a, b| Self::compare(order, a, b));
        self.rows.truncate(self.limit);
        self.rows.into_iter().map(|(_, _, row)| row).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::query::tests::review;

    fn sorted(reviews: &[Review], key: SortKey, reverse: bool) -> Vec<String> {
        let order = Order { key, reverse };
        let mut ranking = Ranking::new(order, None, reviews.len());
        for r in reviews {
            ranking.push(SortKeys::new(r, key), r.slug.clone());
        }
        ranking.into_sorted()
    }

    #[test]
    fn sorting_ignores_articles_and_puts_missing_last() {
        let reviews = [
            review("c", "The Zebra", None, "Z"),
            review("b", "An Apple", Some(2001), "Y"),
            review("a", "mango", Some(1999), "X"),
        ];
        assert_eq!(sorted(&reviews, SortKey::Title, false), ["b", "a", "c"]);
        assert_eq!(sorted(&reviews, SortKey::Year, false), ["a", "b", "c"]);
        assert_eq!(sorted(&reviews, SortKey::Year, true), ["b", "a", "c"]);
    }

    #[test]
    fn titles_sort_in_natural_number_order() {
        let reviews = [
            review("f10", "Film 10", None, ""),
            review("f2", "Film 2", None, ""),
            review("f1", "Film 1", None, ""),
            review("f02", "Film 02", None, ""),
            review("f100", "Film 100", None, ""),
        ];
        assert_eq!(
            sorted(&reviews, SortKey::Title, false),
            ["f1", "f2", "f02", "f10", "f100"]
        );
        assert_eq!(
            sorted(&reviews, SortKey::Title, true),
            ["f100", "f10", "f02", "f2", "f1"]
        );
    }

    proptest::proptest! {
        /// The shortcut in `natural` gives the order the full comparison gives.
        #[test]
        fn natural_order_agrees_with_the_full_comparison(
            same in "[a0-2 中é-]{0,4}",
            rest in ("[a0-2 中é-]{0,4}", "[a0-2 中é-]{0,4}"),
        ) {
            // Titles that begin alike, as those the shortcut must not misjudge do.
            let (a, b) = (same.clone() + &rest.0, same + &rest.1);
            let full = alphanumeric_sort::compare_str(&a, &b).then_with(|| a.cmp(&b));
            proptest::prop_assert_eq!(natural(&a, &b), full);
        }

        /// The prefixes settle only what natural order would, and as it would.
        #[test]
        fn title_prefixes_agree_with_natural_order(
            same in "[a0-2 中é-]{0,9}",
            rest in ("[a0-2 中é\u{0}-]{0,9}", "[a0-2 中é\u{0}-]{0,9}"),
        ) {
            let (a, b) = (same.clone() + &rest.0, same + &rest.1);
            if let Some(order) = TitlePrefix::of(&a).settles(TitlePrefix::of(&b)) {
                proptest::prop_assert_eq!(order, natural(&a, &b));
            }
        }

        /// Whatever the limit, the ranking is `sort_by` on every row, then the first `limit`.
        #[test]
        fn ranking_equals_a_stable_sort_then_the_first_rows(
            rows in proptest::collection::vec((0..6usize, proptest::option::of(1990..1996i32)), 0..60),
            limit in proptest::option::of(0..70usize),
            key in proptest::sample::select(vec![SortKey::Title, SortKey::Year]),
            reverse: bool,
        ) {
            let titles = ["Film 2", "Film 10", "The Film 2", "film 02", "Ａ", "a"];
            let reviews: Vec<Review> = rows
                .iter()
                .enumerate()
                .map(|(i, (t, year))| review(&format!("s{}", i % 7), titles[*t], *year, ""))
                .collect();
            let order = Order { key, reverse };
            let mut ranking = Ranking::new(order, limit, 0);
            let mut expected: Vec<(SortKeys, usize)> = Vec::new();
            for (i, r) in reviews.iter().enumerate() {
                ranking.push(SortKeys::new(r, key), i);
                expected.push((SortKeys::new(r, key), i));
            }
            expected.sort_by(|a, b| a.0.compare(&b.0, order));
            let expected: Vec<usize> = expected
                .into_iter()
                .map(|(_, i)| i)
                .take(limit.unwrap_or(usize::MAX))
                .collect();
            proptest::prop_assert_eq!(ranking.pushed(), reviews.len() as u64);
            proptest::prop_assert_eq!(ranking.into_sorted(), expected);
        }
    }
}
