//! CSV in the shape Letterboxd's importer reads, directors included (Letterboxd's own export
//! leaves them out).

use std::io::{self, Write};

use super::csv::io_error;
use crate::record::Review;
use crate::terminal::clean;

/// The importer's columns, in this order.
const COLUMNS: [&str; 8] = [
    "Title",
    "Year",
    "Directors",
    "Rating",
    "WatchedDate",
    "Rewatch",
    "Tags",
    "Review",
];

/// Writes the header row first, then a row a review.
pub(crate) struct Writer<'w> {
    csv: csv::Writer<&'w mut dyn Write>,
}

impl<'w> Writer<'w> {
    pub(crate) fn new(w: &'w mut dyn Write) -> io::Result<Self> {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(COLUMNS).map_err(io_error)?;
        Ok(Writer { csv })
    }

    /// One review, with its body (the file's text after the header).
    pub(crate) fn row(&mut self, review: &Review, body: &str) -> io::Result<()> {
        let rewatch = review
            .extra
            .get("rewatch")
            .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("Yes"));
        let watched = review.watched.or(review.reviewed);
        let cell = |text: &str| clean(text, false).into_owned();
        self.csv
            .write_record([
                cell(&review.title),
                review.year.map(|y| y.to_string()).unwrap_or_default(),
                cell(&review.directed_by.join(", ")),
                stars(review).map(|s| s.to_string()).unwrap_or_default(),
                watched.map(|d| d.to_string()).unwrap_or_default(),
                if rewatch { "true" } else { "" }.to_string(),
                cell(&tags(review).join(", ")),
                // Newlines kept (the CSV quotes them); control characters never reach a
                // terminal that shows this.
                clean(&super::prose::letterboxd(body), true).into_owned(),
            ])
            .map_err(io_error)
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.csv.flush()
    }
}

/// The person's tags, then the genres that are not tags already: Letterboxd has no genres of
/// the reviewer's own.
fn tags(review: &Review) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    review
        .tags
        .iter()
        .chain(&review.genres)
        .filter(|t| seen.insert(crate::query::fold(t)))
        .map(String::as_str)
        .collect()
}

/// The score as Letterboxd's stars: 0.5 to 5, to the nearest half.
fn stars(review: &Review) -> Option<f64> {
    let normalized = review.score.as_ref()?.normalized()?;
    Some(((normalized / 20.0) * 2.0).round().clamp(1.0, 10.0) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Score;

    #[test]
    fn genres_follow_the_tags_once() {
        let review = Review {
            tags: vec!["heist".into(), "Drama".into()],
            genres: vec!["drama".into(), "Crime".into()],
            ..Review::default()
        };
        assert_eq!(tags(&review), ["heist", "Drama", "Crime"]);
    }

    #[test]
    fn scores_become_half_stars() {
        let stars_for = |score: Score| {
            stars(&Review {
                score: Some(score),
                ..Review::default()
            })
        };
        let points = |value, max| Score::Points {
            value,
            max: Some(max),
        };
        assert_eq!(stars_for(points(3.5, 4.0)), Some(4.5), "87.5 is nearer 4.5");
        assert_eq!(stars_for(points(8.0, 10.0)), Some(4.0));
        assert_eq!(stars_for(points(72.0, 100.0)), Some(3.5));
        assert_eq!(
            stars_for(points(0.0, 4.0)),
            Some(0.5),
            "no lower than half a star"
        );
        assert_eq!(stars_for(points(3.5, 5.0)), Some(3.5));
        assert_eq!(stars_for(Score::Grade { grade: "B+".into() }), Some(4.5));
    }
}
