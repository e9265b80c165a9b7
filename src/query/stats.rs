//! Counting reviews: by a field's values (`stats --by director`), or a summary of them all.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::record::Review;

/// What `stats --by` groups reviews by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GroupBy {
    /// Each director (a film by two counts for both)
    Director,
    /// Each writer
    Writer,
    /// Each cast member
    Cast,
    /// The film's year
    Year,
    /// The film's decade (1940s)
    Decade,
    /// The certification
    Rating,
    /// The score, on the scale most of the collection's scores use
    Score,
    /// Each tag and genre
    Tag,
    /// The year the review was written
    Reviewed,
}

/// How groups are ordered: count and score from the largest, names from the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GroupOrder {
    Count,
    Name,
    Score,
}

/// What one review gives the counts: only what they use, so that a large collection stays small.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts {
    /// The values it counts under (`--by`), each once.
    groups: Vec<String>,
    directors: Vec<String>,
    year: Option<i32>,
    score: Option<f64>,
    /// The top of the score's scale (`None` for a grade), to find the collection's usual one.
    scale: Option<f64>,
    runtime: Option<u32>,
    reviewed: Option<Date>,
    title: String,
}

fn decade(year: i32) -> String {
    format!("{}s", year.div_euclid(10) * 10)
}

impl Facts {
    pub(crate) fn new(review: &Review, by: Option<GroupBy>) -> Facts {
        let mut groups: Vec<String> = match by {
            None => Vec::new(),
            Some(GroupBy::Director) => review.directed_by.clone(),
            Some(GroupBy::Writer) => review.written_by.clone(),
            Some(GroupBy::Cast) => review.starring.clone(),
            Some(GroupBy::Year) => review.year.map(|y| y.to_string()).into_iter().collect(),
            Some(GroupBy::Decade) => review.year.map(decade).into_iter().collect(),
            Some(GroupBy::Rating) => review.rating.iter().map(|r| r.code.clone()).collect(),
            // The normalised value, padded so that names sort as numbers, and named on the usual
            // scale once every review is counted.
            Some(GroupBy::Score) => (review.score.as_ref())
                .and_then(|s| s.normalized())
                .map(|n| format!("{n:06.2}"))
                .into_iter()
                .collect(),
            Some(GroupBy::Tag) => review.tags.iter().chain(&review.genres).cloned().collect(),
            Some(GroupBy::Reviewed) => review
                .reviewed
                .map(|d| d.year().to_string())
                .into_iter()
                .collect(),
        };
        // A person named twice in one review counts once.
        let mut seen = std::collections::HashSet::new();
        groups.retain(|g| !g.trim().is_empty() && seen.insert(crate::query::fold(g)));
        let mut directors = Vec::new();
        if by.is_none() {
            let mut seen = std::collections::HashSet::new();
            directors = review
                .directed_by
                .iter()
                .filter(|d| seen.insert(crate::query::fold(d)))
                .cloned()
                .collect();
        }
        Facts {
            groups,
            directors,
            year: review.year,
            score: review.score.as_ref().and_then(|s| s.normalized()),
            scale: review.score.as_ref().and_then(|s| s.scale()),
            runtime: review.runtime,
            reviewed: review.reviewed,
            title: review.title.clone(),
        }
    }
}

/// One value's reviews: how many, their average score on 0–100 (of those with one), and their
/// total running time in minutes.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Group {
    pub(crate) name: String,
    /// The name folded, to sort by.
    #[serde(skip)]
    folded: String,
    pub(crate) count: u64,
    pub(crate) average_score: Option<f64>,
    /// Total minutes of the reviews whose runtime is known; `None` when none is.
    pub(crate) runtime: Option<u64>,
}

#[derive(Default)]
struct Sum {
    name: String,
    count: u64,
    scores: f64,
    scored: u64,
    runtime: u64,
    timed: u64,
}

impl Sum {
    fn add(&mut self, facts: &Facts) {
        self.count += 1;
        if let Some(score) = facts.score {
            self.scores += score;
            self.scored += 1;
        }
        if let Some(runtime) = facts.runtime {
            self.runtime += u64::from(runtime);
            self.timed += 1;
        }
    }

    /// The total of the known runtimes, none when no runtime is known.
    fn runtime(&self) -> Option<u64> {
        (self.timed > 0).then_some(self.runtime)
    }

    fn average(&self) -> Option<f64> {
        (self.scored > 0).then(|| (self.scores / self.scored as f64 * 10.0).round() / 10.0)
    }
}

/// The groups of `--by score`, named on the scale most of the scored reviews use (a tie goes to
/// the larger scale), so that `9`, `9/10` and `4.5/5` are one group, `9/10` on a ten-point
/// collection, and ordered by score when ordered by name.
pub(crate) fn score_groups(facts: &[Facts], order: GroupOrder, reverse: bool) -> Vec<Group> {
    let mut scales: Vec<(Option<u64>, u64)> = Vec::new();
    for fact in facts.iter().filter(|f| f.score.is_some()) {
        let scale = fact.scale.map(|s| (s * 100.0).round() as u64);
        match scales.iter_mut().find(|(s, _)| *s == scale) {
            Some((_, n)) => *n += 1,
            None => scales.push((scale, 1)),
        }
    }
    let usual = scales
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        .and_then(|(scale, _)| *scale)
        .map(|s| s as f64 / 100.0);
    let mut groups = groups(facts, order, reverse);
    for group in &mut groups {
        if let Ok(value) = group.name.parse::<f64>() {
            group.name = crate::record::Score::shown_on(value, usual);
        }
    }
    groups
}

/// The groups of `--by`, in order. Names that fold alike (`Almodóvar`, `Almodovar`) are one
/// group, under the first spelling met.
pub(crate) fn groups(facts: &[Facts], order: GroupOrder, reverse: bool) -> Vec<Group> {
    let mut sums: HashMap<String, Sum> = HashMap::new();
    let mut first: Vec<String> = Vec::new();
    for fact in facts {
        for name in &fact.groups {
            let key = crate::query::fold(name);
            let sum = sums.entry(key.clone()).or_insert_with(|| {
                first.push(key.clone());
                Sum {
                    name: name.clone(),
                    ..Sum::default()
                }
            });
            sum.add(fact);
        }
    }
    let mut groups: Vec<Group> = first
        .iter()
        .map(|key| {
            let sum = &sums[key];
            Group {
                name: sum.name.clone(),
                folded: key.clone(),
                count: sum.count,
                average_score: sum.average(),
                runtime: sum.runtime(),
            }
        })
        .collect();
    // Names as the filters fold them (`Ágnes` among the As), then as written.
    let by_name = |a: &Group, b: &Group| {
        alphanumeric_sort::compare_str(&a.folded, &b.folded).then_with(|| a.name.cmp(&b.name))
    };
    groups.sort_by(|a, b| {
        let ordering = match order {
            GroupOrder::Count => b.count.cmp(&a.count).then_with(|| by_name(a, b)),
            GroupOrder::Name => by_name(a, b),
            // Groups with no score last.
            GroupOrder::Score => match (a.average_score, b.average_score) {
                (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| by_name(a, b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => by_name(a, b),
            },
        };
        if reverse {
            ordering.reverse()
        } else {
            ordering
        }
    });
    groups
}

/// The collection at a glance.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Summary {
    pub(crate) reviews: u64,
    /// Films per decade, oldest first.
    pub(crate) decades: Vec<Group>,
    /// The five directors with the most reviews.
    pub(crate) top_directors: Vec<Group>,
    pub(crate) average_score: Option<f64>,
    pub(crate) total_runtime: Option<u64>,
    pub(crate) average_runtime: Option<f64>,
    pub(crate) oldest_review: Option<Dated>,
    pub(crate) newest_review: Option<Dated>,
}

/// A review by its date.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Dated {
    pub(crate) title: String,
    pub(crate) reviewed: Date,
}

pub(crate) fn summary(facts: &[Facts]) -> Summary {
    let regroup = |by: fn(&Facts) -> Vec<String>| -> Vec<Facts> {
        facts
            .iter()
            .map(|f| Facts {
                groups: by(f),
                ..f.clone()
            })
            .collect()
    };
    let mut decades = groups(
        &regroup(|f| f.year.map(decade).into_iter().collect()),
        GroupOrder::Name,
        false,
    );
    decades.sort_by_key(|g| {
        g.name
            .trim_end_matches('s')
            .parse::<i32>()
            .unwrap_or(i32::MAX)
    });
    let mut top_directors = groups(&regroup(|f| f.directors.clone()), GroupOrder::Count, false);
    top_directors.truncate(5);
    let mut all = Sum::default();
    for fact in facts {
        all.add(fact);
    }
    let dated = |pick: fn(Date, Date) -> bool| {
        let mut best: Option<&Facts> = None;
        for fact in facts.iter().filter(|f| f.reviewed.is_some()) {
            if best.is_none_or(|b| {
                pick(
                    fact.reviewed.unwrap_or_default(),
                    b.reviewed.unwrap_or_default(),
                )
            }) {
                best = Some(fact);
            }
        }
        best.map(|f| Dated {
            title: f.title.clone(),
            reviewed: f.reviewed.unwrap_or_default(),
        })
    };
    Summary {
        reviews: all.count,
        decades,
        top_directors,
        average_score: all.average(),
        total_runtime: all.runtime(),
        average_runtime: (all.timed > 0)
            .then(|| (all.runtime as f64 / all.timed as f64 * 10.0).round() / 10.0),
        oldest_review: dated(|a, b| a < b),
        newest_review: dated(|a, b| a > b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Score;

    fn review(title: &str, year: i32, directors: &[&str], score: Option<f64>) -> Review {
        Review {
            title: title.into(),
            year: Some(year),
            directed_by: directors.iter().map(|d| d.to_string()).collect(),
            score: score.map(|value| Score::Points {
                value,
                max: Some(100.0),
            }),
            runtime: Some(100),
            ..Review::default()
        }
    }

    #[test]
    fn people_count_once_per_review_and_scores_average_where_given() {
        let reviews = [
            review("Fargo", 1996, &["Joel Coen", "Ethan Coen"], Some(90.0)),
            review(
                "Barton Fink",
                1991,
                &["Joel Coen", "Ethan Coen", "Joel Coen"],
                None,
            ),
            review("Heat", 1995, &["Michael Mann"], Some(80.0)),
        ];
        let facts: Vec<Facts> = reviews
            .iter()
            .map(|r| Facts::new(r, Some(GroupBy::Director)))
            .collect();
        let groups = groups(&facts, GroupOrder::Count, false);
        let shown: Vec<(&str, u64, Option<f64>, Option<u64>)> = groups
            .iter()
            .map(|g| (g.name.as_str(), g.count, g.average_score, g.runtime))
            .collect();
        assert_eq!(
            shown,
            [
                ("Ethan Coen", 2, Some(90.0), Some(200)),
                ("Joel Coen", 2, Some(90.0), Some(200)),
                ("Michael Mann", 1, Some(80.0), Some(100)),
            ]
        );
        let decades: Vec<Facts> = reviews
            .iter()
            .map(|r| Facts::new(r, Some(GroupBy::Decade)))
            .collect();
        assert_eq!(
            super::groups(&decades, GroupOrder::Count, false)[0].name,
            "1990s"
        );
    }
}
