//! Queries: folding text as people mean it, the filters `list` keeps reviews by, the orders it
//! sorts them in, and `show`'s lookup.

mod filter;
mod fold;
mod lookup;
mod sort;

pub(crate) use filter::{Filter, Matcher, YearRange};
pub use fold::fold;
pub(crate) use lookup::{Found, Lookup};
pub(crate) use sort::{Order, Ranking, SortKey, SortKeys};
