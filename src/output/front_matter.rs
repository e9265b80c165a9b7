//! A record written back as canonical YAML front matter: what reading a file would give again.

use serde_yaml::Value as Yaml;

use crate::record::{Review, Score, with_note};

/// The record as a front-matter header, fences included, with canonical keys only.
pub(crate) fn to_front_matter(review: &Review) -> String {
    let mut map = serde_yaml::Mapping::new();
    let mut put = |key: &str, value: Yaml| {
        if !value.is_null() {
            map.insert(Yaml::from(key), value);
        }
    };
    let text = |s: &Option<String>| s.clone().map_or(Yaml::Null, Yaml::String);
    let list = |items: &[String]| {
        if items.is_empty() {
            Yaml::Null
        } else {
            Yaml::Sequence(items.iter().cloned().map(Yaml::String).collect())
        }
    };
    let dated = |date: Option<jiff::civil::Date>, note: &Option<String>| {
        date.map_or(Yaml::Null, |d| {
            Yaml::String(with_note(d, note.as_deref(), "%Y-%m-%d"))
        })
    };
    put("title", Yaml::String(review.title.clone()));
    put("original_title", text(&review.original_title));
    put("year", review.year.map_or(Yaml::Null, Yaml::from));
    put("directed_by", list(&review.directed_by));
    put("written_by", list(&review.written_by));
    put("produced_by", list(&review.produced_by));
    put("starring", list(&review.starring));
    if let Some(rating) = &review.rating {
        put("rating", Yaml::String(rating.code.clone()));
        put("rating_reason", text(&rating.reason));
    }
    put(
        "score",
        match &review.score {
            // A bare number is written on the scale it was read on: `9` of a ten-point `rating = 9`
            // is `9/10`, never `9.0`.
            Some(score @ Score::Points { value, max: None }) => match score.scale() {
                Some(scale) => Yaml::String(format!("{value}/{scale}")),
                None => Yaml::from(*value),
            },
            Some(score) => Yaml::String(score.to_string()),
            None => Yaml::Null,
        },
    );
    put("runtime", review.runtime.map_or(Yaml::Null, Yaml::from));
    put(
        "us_release",
        dated(review.us_release, &review.us_release_note),
    );
    put(
        "release_date",
        dated(review.release_date, &review.release_date_note),
    );
    put("reviewed", dated(review.reviewed, &None));
    put("watched", dated(review.watched, &None));
    put("reviewer", text(&review.reviewer));
    put("synopsis", text(&review.synopsis));
    put("tags", list(&review.tags));
    put("genres", list(&review.genres));
    if review.draft {
        put("draft", Yaml::Bool(true));
    }
    for (key, value) in &review.extra {
        put(key, serde_yaml::to_value(value).unwrap_or(Yaml::Null));
    }
    let body = serde_yaml::to_string(&map).unwrap_or_default();
    format!("---\n{body}---\n")
}

#[cfg(test)]
mod tests;
