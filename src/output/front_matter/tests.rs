//! Property: a record rendered back to front matter parses to the same record.

use std::path::Path;

use jiff::civil::Date;
use proptest::prelude::*;

use super::to_front_matter;
use crate::front_matter::parse;
use crate::record::{Rating, Review, Score};

/// Printable text without surrounding white space, as a reader would keep it: not a
/// placeholder (`?`, `N/A`), which is no value, nor an Obsidian link, which reads as its text.
fn text() -> impl Strategy<Value = String> {
    "[^\\p{C}]{1,24}".prop_filter_map("trimmed, not empty, not a placeholder", |s| {
        let t = s.trim();
        let kept = !crate::record::is_placeholder(&serde_json::Value::from(t)) && !t.contains("[[");
        kept.then(|| t.to_string())
    })
}

fn names() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..4)
}

fn date() -> impl Strategy<Value = Date> {
    (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn note() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[a-z][a-z ]{0,10}[a-z]")
}

fn score() -> impl Strategy<Value = Option<Score>> {
    prop::option::of(prop_oneof![
        (0u32..1000, prop::option::of(1u32..100)).prop_map(|(v, max)| Score::Points {
            value: f64::from(v) / 10.0,
            max: max.map(f64::from),
        }),
        "[A-F][+-]?".prop_map(|grade| Score::Grade { grade }),
    ])
}

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop::option::of(
        (
            prop::sample::select(vec!["G", "PG", "PG-13", "R", "NC-17", "NR", "TV-MA", "12A"]),
            prop::option::of(text()),
        )
            .prop_map(|(code, reason)| Rating {
                code: code.to_string(),
                reason,
            }),
    )
}

fn extra() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    prop::collection::btree_map(
        "x_[a-z]{1,8}",
        prop_oneof![
            text().prop_map(serde_json::Value::from),
            any::<i32>().prop_map(serde_json::Value::from),
            any::<bool>().prop_map(serde_json::Value::from),
        ],
        0..3,
    )
    .prop_map(|m| m.into_iter().collect())
}

prop_compose! {
    fn review()(
        title in text(),
        original_title in prop::option::of(text()),
        year in 1000i32..=9999,
        people in (names(), names(), names(), names()),
        rating in rating(),
        score in score(),
        runtime in prop::option::of(0u32..1000),
        us_release in prop::option::of((date(), note())),
        release_date in prop::option::of((date(), note())),
        reviewed in prop::option::of(date()),
        watched in prop::option::of(date()),
        draft in any::<bool>(),
        reviewer in prop::option::of(text()),
        synopsis in prop::option::of(text()),
        tags in names(),
        genres in names(),
        extra in extra(),
    ) -> Review {
        Review {
            slug: "film".into(),
            path: "dir/film.md".into(),
            collection: None,
            title,
            original_title,
            year: Some(year),
            directed_by: people.0,
            written_by: people.1,
            produced_by: people.2,
            starring: people.3,
            rating,
            score,
            runtime,
            us_release: us_release.as_ref().map(|(d, _)| *d),
            us_release_note: us_release.and_then(|(_, n)| n),
            release_date: release_date.as_ref().map(|(d, _)| *d),
            release_date_note: release_date.and_then(|(_, n)| n),
            reviewed,
            watched,
            reviewer,
            synopsis,
            tags,
            genres,
            draft,
            extra,
            body: None,
        }
    }
}

/// The record as written and read back: the same, but that a bare score is written on the scale
/// it was read on (`9` is `9/10`), so the scale is now given.
fn with_scale_given(mut review: Review) -> Review {
    if let Some(score @ Score::Points { max: None, .. }) = &review.score {
        let max = score.scale();
        if let Some(Score::Points { max: given, .. }) = review.score.as_mut() {
            *given = max;
        }
    }
    review
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn an_imported_file_reads_back_to_its_record_and_body(
        review in review(),
        // No `#`: a `#tag` in the text is a tag (see `front_matter::vault`).
        body in "([^#\\p{C}]{0,40}\\n){0,6}",
    ) {
        // What `reviews import` writes: the canonical header, then the body byte for byte.
        let file = format!("{}{body}", to_front_matter(&review));
        let parsed = parse(file.as_bytes(), Path::new("dir/film.md"), true);
        prop_assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let mut read = parsed.review.unwrap();
        prop_assert_eq!(read.body.take(), Some(body));
        prop_assert_eq!(read, with_scale_given(review));
    }

    #[test]
    fn rendered_front_matter_parses_to_the_same_record(review in review()) {
        let header = to_front_matter(&review);
        let parsed = parse(header.as_bytes(), Path::new("dir/film.md"), false);
        prop_assert!(parsed.errors.is_empty(), "{:?}\n{header}", parsed.errors);
        prop_assert!(parsed.warnings.is_empty(), "{:?}\n{header}", parsed.warnings);
        prop_assert_eq!(parsed.review.unwrap(), with_scale_given(review), "{}", header);
    }
}
