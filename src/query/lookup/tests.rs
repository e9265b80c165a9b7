use super::*;

fn look(query: &str, reviews: &[(&str, &str)]) -> Found {
    let reviews: Vec<_> = reviews
        .iter()
        .map(|(slug, title)| (format!("{slug}.md"), *slug, review(title, None, None)))
        .collect();
    look_at(query, &reviews)
}

/// Several found, named by slug, each at `{slug}.md`.
fn several(count: usize, slugs: &[&str]) -> Found {
    let first = slugs
        .iter()
        .map(|slug| (PathBuf::from(format!("{slug}.md")), slug.to_string()))
        .collect();
    Found::Several(count, first)
}

fn review(title: &str, original: Option<&str>, year: Option<i32>) -> Review {
    Review {
        title: title.into(),
        original_title: original.map(Into::into),
        year,
        ..Review::default()
    }
}

/// Look `query` up among reviews at their paths, as `show` does: every slug first, then
/// every header.
fn look_at(query: &str, reviews: &[(String, &str, Review)]) -> Found {
    let mut lookup = Lookup::new(query);
    for (path, slug, _) in reviews {
        lookup.offer_slug(slug, Path::new(path));
    }
    for (path, slug, review) in reviews {
        let candidate = lookup.judge(slug, review, Path::new(path));
        lookup.add(candidate);
    }
    lookup.finish()
}

#[test]
fn slug_then_exact_title_then_unique_part() {
    let reviews = [
        ("rust-and-bone", "Rust and Bone"),
        ("a-prophet", "A Prophet"),
        ("prophets", "The Prophets"),
    ];
    assert_eq!(
        look("a-prophet", &reviews),
        Found::One("a-prophet.md".into())
    );
    assert_eq!(
        look("RUST AND BONE", &reviews),
        Found::One("rust-and-bone.md".into())
    );
    assert_eq!(
        look("bone", &reviews),
        Found::One("rust-and-bone.md".into())
    );
    assert_eq!(
        look("prophet", &reviews),
        several(2, &["a-prophet", "prophets"])
    );
    assert_eq!(
        look("rust and bon", &reviews),
        Found::One("rust-and-bone.md".into())
    );
    assert_eq!(look("zzzz", &reviews), Found::Nothing(Vec::new()));
    assert_eq!(
        look("rust-and-bane", &reviews),
        Found::Nothing(vec!["rust-and-bone".into()])
    );
}

#[test]
fn slugs_read_as_words_and_several_matches_are_named() {
    let reviews = [
        (
            "the-girl-with-the-dragon-tattoo-2011",
            "Män som hatar kvinnor",
        ),
        ("madagascar-3", "Madagascar 3: Europe's Most Wanted"),
        ("rust-and-bone", "Rust and Bone"),
    ];
    assert_eq!(
        look("dragon tattoo", &reviews),
        Found::One("the-girl-with-the-dragon-tattoo-2011.md".into())
    );
    assert_eq!(
        look("an", &reviews),
        several(
            3,
            &[
                "madagascar-3",
                "rust-and-bone",
                "the-girl-with-the-dragon-tattoo-2011"
            ]
        )
    );
}

#[test]
fn a_title_with_its_year_or_a_file_name_finds_the_one() {
    let reviews = [
        (
            "_posts/2019-03-01-heat.md".to_string(),
            "heat",
            review("Heat", None, Some(1995)),
        ),
        (
            "heat-1986.md".to_string(),
            "heat-1986",
            review("Heat", None, Some(1986)),
        ),
        (
            "seven-samurai.md".to_string(),
            "seven-samurai",
            review("Seven Samurai", Some("七人の侍"), Some(1954)),
        ),
    ];
    let heat = Found::One("_posts/2019-03-01-heat.md".into());
    for query in [
        "heat 1995",
        "Heat (1995)",
        "HEAT, 1995",
        "2019-03-01-heat",
        "2019-03-01-heat.md",
    ] {
        assert_eq!(look_at(query, &reviews), heat, "{query}");
    }
    assert_eq!(
        look_at("heat 1986", &reviews),
        Found::One("heat-1986.md".into())
    );
    assert_eq!(
        look_at("heat", &reviews),
        Found::One("_posts/2019-03-01-heat.md".into()),
        "the slug still comes first"
    );
    assert_eq!(
        look_at("Heat", &reviews),
        Found::Several(
            2,
            vec![
                ("_posts/2019-03-01-heat.md".into(), "heat".into()),
                ("heat-1986.md".into(), "heat-1986".into())
            ]
        ),
        "the title alone names two"
    );
    assert_eq!(
        look_at("heat 2001", &reviews),
        Found::Nothing(vec!["heat".into(), "heat-1986".into()]),
        "another year suggests the title"
    );
    assert_eq!(
        look_at("七人の侍", &reviews),
        Found::One("seven-samurai.md".into())
    );
    assert_eq!(
        look_at("samurai 1954", &reviews),
        Found::One("seven-samurai.md".into())
    );
}

#[test]
fn near_misses_are_suggested_without_the_article_within_a_few_edits() {
    let reviews = [
        ("the-godfather", "The Godfather"),
        ("the-godfather-part-ii", "The Godfather Part II"),
        ("a-prophet", "A Prophet"),
        ("heat", "Heat"),
    ];
    assert_eq!(
        look("godfahter", &reviews),
        Found::Nothing(vec!["the-godfather".into()])
    );
    assert_eq!(
        look("The Godfater", &reviews),
        Found::Nothing(vec!["the-godfather".into()])
    );
    assert_eq!(
        look("prohpet", &reviews),
        Found::Nothing(vec!["a-prophet".into()])
    );
    assert_eq!(
        look("godfather part 2", &reviews),
        Found::Nothing(vec!["the-godfather-part-ii".into()])
    );
    // Four letters allow one edit; nothing is three edits from a title of nine.
    assert_eq!(look("hat", &reviews), Found::Nothing(vec!["heat".into()]));
    assert_eq!(look("gxdfxthxr", &reviews), Found::Nothing(Vec::new()));
}

#[test]
fn a_query_read_as_title_and_year() {
    assert_eq!(title_and_year("heat 1995"), Some(("heat".into(), 1995)));
    assert_eq!(title_and_year("heat (1995)"), Some(("heat".into(), 1995)));
    assert_eq!(title_and_year("heat, 1995"), Some(("heat".into(), 1995)));
    assert_eq!(title_and_year("1995"), None);
    assert_eq!(title_and_year("blade runner 20490"), None);
    assert_eq!(title_and_year("heat"), None);
}
