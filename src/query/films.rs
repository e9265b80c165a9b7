//! Which reviews are of the same film, whatever their files are called: the rule `import`,
//! `new` and `check` share.

use std::path::PathBuf;

use super::fold;
use crate::record::Review;

/// A film as reviews name it: the folded title, and the year.
pub(crate) type Film = (String, Option<i32>);

pub(crate) fn film(review: &Review) -> Film {
    (fold(&review.title), review.year)
}

/// What a collection's file says of its film, kept small for a large collection.
#[derive(Debug, Clone)]
pub(crate) struct Known {
    /// The folded title and original title.
    titles: Vec<String>,
    year: Option<i32>,
    pub(crate) path: PathBuf,
}

impl Known {
    pub(crate) fn new(review: &Review) -> Known {
        let titles = std::iter::once(&review.title)
            .chain(&review.original_title)
            .map(|t| fold(t))
            .filter(|t| !t.is_empty())
            .collect();
        Known {
            titles,
            year: review.year,
            path: review.path.clone(),
        }
    }

    /// Is this the film titled `title` (its title or original title, folded alike), of `year`
    /// when both give one?
    pub(crate) fn is(&self, title: &str, year: Option<i32>) -> bool {
        let title = fold(title);
        self.titles.contains(&title) && (year.is_none() || self.year.is_none() || year == self.year)
    }
}

/// The same text, line endings and the blank space around it aside.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    let lines = |text: &str| -> Vec<String> {
        text.trim()
            .lines()
            .map(|line| line.trim_end().to_string())
            .collect()
    };
    lines(a) == lines(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_film_is_known_by_either_title_and_its_year() {
        let review = Review {
            title: "Seven Samurai".into(),
            original_title: Some("七人の侍".into()),
            year: Some(1954),
            ..Review::default()
        };
        let known = Known::new(&review);
        assert!(known.is("seven samurai", None));
        assert!(known.is("七人の侍", Some(1954)));
        assert!(!known.is("Seven Samurai", Some(1960)));
        assert!(!known.is("Seven", None));
        assert!(same_text("A\r\n\r\nB \r\n", "\nA\n\nB\n"));
        assert!(!same_text("A\n\nB", "A\nB"));
    }
}
