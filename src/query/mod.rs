//! Queries: folding text as people mean it, the filters `list` keeps reviews by, the orders it
//! sorts them in, and `show`'s lookup.

pub(crate) mod films;
mod filter;
mod fold;
mod lookup;
mod search;
mod sort;
pub(crate) mod stats;

pub(crate) use filter::{Filter, Matcher, YearRange};
pub(crate) use fold::{fold, unaccented, without_article};
pub(crate) use lookup::{Candidate, Found, Lookup};
pub(crate) use search::Search;
pub(crate) use sort::{Order, Ranking, SortKey, SortKeys};

#[cfg(test)]
mod tests {
    use crate::record::Review;

    /// A review with only the fields queries look at most.
    pub(super) fn review(slug: &str, title: &str, year: Option<i32>, director: &str) -> Review {
        Review {
            slug: slug.into(),
            title: title.into(),
            year,
            directed_by: vec![director.into()],
            ..Review::default()
        }
    }
}
