//! `reviews show`: finding a review, rendering it, and the JSON and Markdown forms.

mod common;

use common::{in_fixture, reviews, stdout_of, write_review};
use predicates::prelude::*;

const SEED: &str = include_str!("../reviews/rust-and-bone.md");

#[test]
fn show_prints_every_paragraph_wrapped_with_header_fields() {
    let out = stdout_of(reviews().args(["show", "rust-and-bone"]));
    assert!(out.starts_with("Rust and Bone (2012)\n"));
    for line in [
        "Directed by     Jacques Audiard",
        "Written by      Jacques Audiard, Thomas Bidegain",
        "Produced by     Jacques Audiard, Martine Cassinelli, Pascal Caucheteux",
        "Starring        Marion Cotillard, Matthias Schoenaerts",
        "Runtime         120 min",
        "U.S. release    November 23, 2012 (limited)",
        "Reviewed        January 15, 2013",
    ] {
        assert!(out.contains(line), "missing {line:?}");
    }
    assert!(
        out.lines().all(|l| l.chars().count() <= 80),
        "piped output wraps at 80"
    );
    // Every paragraph of the file's body is there, word for word.
    let body = SEED.split("\n---\n").nth(1).unwrap();
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let shown_body = out
        .split_once("\n\nSometimes")
        .map(|(_, b)| format!("Sometimes{b}"))
        .unwrap();
    assert_eq!(words(&shown_body), words(body));
    assert_eq!(body.split("\n\n").count(), 12);
    assert_eq!(shown_body.split("\n\n").count(), 12);
}

#[test]
fn show_text_snapshot() {
    let out = stdout_of(reviews().args(["show", "the-kid-with-the-bike", "--width", "72"]));
    insta::assert_snapshot!(out);
}

#[test]
fn show_finds_by_title_and_unique_part() {
    for query in [
        &["rust and bone"][..],
        &["Rust", "And", "Bone"],
        &["RUST AND BONE"],
    ] {
        let mut cmd = reviews();
        cmd.arg("show").args(query);
        assert!(
            stdout_of(&mut cmd).starts_with("Rust and Bone (2012)"),
            "{query:?}"
        );
    }
    assert!(stdout_of(reviews().args(["show", "prophet"])).starts_with("A Prophet (2009)"));
    assert!(stdout_of(reviews().args(["show", "madagascar"])).starts_with("Madagascar 3"));
}

#[test]
fn a_near_miss_exits_1_with_suggestions() {
    reviews()
        .args(["show", "rust-and-bon"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("reviews: no review matches \"rust-and-bon\"\n  did you mean: rust-and-bone?\n");
}

/// A collection as people gather one: a Jekyll post named by its date, two films of one
/// title, and a title with its article.
fn gathered() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    let posts = dir.path().join("_posts");
    write_review(
        &posts,
        "2019-03-01-heat",
        &["title: Heat", "year: 1995"],
        b"Mann.\n",
    );
    write_review(
        dir.path(),
        "heat-1986",
        &["title: Heat", "year: 1986"],
        b"Reynolds.\n",
    );
    write_review(
        dir.path(),
        "the-godfather",
        &["title: The Godfather", "year: 1972"],
        b"\n",
    );
    dir
}

#[test]
fn a_title_with_its_year_or_a_jekyll_file_name_finds_the_review() {
    let dir = gathered();
    for query in [
        "heat 1995",
        "Heat (1995)",
        "2019-03-01-heat",
        "2019-03-01-heat.md",
    ] {
        let out = stdout_of(reviews().arg("--dir").arg(dir.path()).args(["show", query]));
        assert!(out.starts_with("Heat (1995)"), "{query}: {out}");
    }
    let out = stdout_of(
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(["show", "heat (1986)"]),
    );
    assert!(out.starts_with("Heat (1986)"), "{out}");
}

#[test]
fn a_typo_without_the_article_is_offered_the_closest_title() {
    let dir = gathered();
    reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "godfahter"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("reviews: no review matches \"godfahter\"\n  did you mean: the-godfather?\n");
}

#[test]
fn nothing_like_it_exits_1_without_suggestions() {
    reviews()
        .args(["show", "zzzzzzzz"])
        .assert()
        .code(1)
        .stderr("reviews: no review matches \"zzzzzzzz\"\n");
}

#[test]
fn json_has_the_typed_fields_and_the_body() {
    let out = stdout_of(reviews().args(["show", "rust-and-bone", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["directed_by"], serde_json::json!(["Jacques Audiard"]));
    assert_eq!(json["written_by"].as_array().unwrap().len(), 2);
    assert_eq!(json["produced_by"].as_array().unwrap().len(), 3);
    assert_eq!(json["runtime"], 120);
    assert_eq!(json["rating"]["code"], "R");
    assert_eq!(
        json["rating"]["reason"],
        "for strong sexual content, brief graphic nudity, some violence and language"
    );
    assert_eq!(json["us_release"], "2012-11-23");
    assert_eq!(json["us_release_note"], "limited");
    assert_eq!(json["year"], 2012);
    assert_eq!(json["reviewed"], "2013-01-15");
    assert!(
        json["body"]
            .as_str()
            .unwrap()
            .starts_with("Sometimes a film")
    );
    assert_eq!(json["slug"], "rust-and-bone");
    assert_eq!(json["path"], "reviews/rust-and-bone.md");
}

#[test]
fn markdown_is_the_file_byte_for_byte() {
    let out = reviews()
        .args(["show", "rust-and-bone", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, SEED.as_bytes());
    let crlf = in_fixture("shapes", &["show", "crlf-bom", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(
        crlf.stdout,
        std::fs::read(common::fixture("shapes/crlf-bom.md")).unwrap()
    );
}

#[test]
fn showing_a_bad_file_names_it_and_exits_2() {
    in_fixture("mixed", &["show", "no-header"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "no-header.md:1: expected a front-matter header",
        ));
}

#[test]
fn an_odd_value_is_shown_with_one_line_counting_it() {
    in_fixture("mixed", &["show", "forever"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Forever (2012)\n"))
        .stderr("1 review read with warnings; `reviews check` lists it\n");
    in_fixture("mixed", &["-v", "show", "forever"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "forever.md:4:10: warning: runtime: expected minutes",
        ));
}

#[test]
fn slugs_never_leave_the_collection_but_paths_name_their_file() {
    for query in ["..", "lists", "shapes"] {
        in_fixture("mixed", &["show", query])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("no review matches"));
    }
    // What `grep -l` prints, from the collection or not.
    in_fixture(
        "mixed",
        &[
            "show",
            "tests/fixtures/shapes/lists.markdown",
            "--format",
            "json",
        ],
    )
    .assert()
    .success()
    .stdout(predicate::str::contains("\"slug\": \"lists\""));
    in_fixture("mixed", &["show", "no/such/file.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.md"));
}

#[test]
fn several_matches_are_named_and_unreadable_files_mentioned() {
    // "good" is in three titles of the mixed fixture.
    let out = in_fixture("mixed", &["show", "good"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("reviews: several reviews match \"good\" (3); name one by its slug:\n  bad-yaml\n  good-one\n  good-two\n"),
        "{stderr}"
    );
    let out = in_fixture("mixed", &["show", "zzz-nothing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 file could not be read and may be the one: ")
            && stderr.contains("no-header.md"),
        "{stderr}"
    );
}

#[test]
fn keys_it_does_not_know_and_dates_it_could_not_read_are_shown_as_written() {
    let dir = tempfile::tempdir().unwrap();
    common::write_review(
        dir.path(),
        "ikiru",
        &[
            "title: Ikiru",
            "english title: To Live",
            "my notes: see it twice",
            "reviewed: 3/4/2017",
        ],
        b"Text.\n",
    );
    let out = common::reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "ikiru"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Ikiru\n\nEnglish title  To Live\nMy notes       see it twice\nReviewed       3/4/2017\n\nText.\n"
    );
}

/// `show` by title parses only the headers whose text could hold the title: however the title
/// is spelled in the YAML (folded over lines, escaped, curly apostrophe), it is still found,
/// and with nothing found every title is still weighed for a suggestion.
#[test]
fn a_title_is_found_however_its_header_spells_it() {
    let dir = tempfile::tempdir().unwrap();
    let films: [(&str, &[&str]); 5] = [
        (
            "a",
            &[
                "title: >",
                "  The Umbrellas",
                "  of Cherbourg",
                "year: 1964",
            ],
        ),
        ("b", &["title: \"Ocean\\u2019s Eleven\"", "year: 2001"]),
        ("c", &["title: Ocean’s Twelve", "year: 2004"]),
        ("d", &["title: 'Le Samouraï'", "year: 1967"]),
        ("e", &["title: Heat", "year: 1995"]),
    ];
    for (name, header) in films {
        write_review(dir.path(), &format!("{name}.md"), header, b"Text.\n");
    }
    let title = |query: &str| {
        let out = stdout_of(
            reviews()
                .arg("--dir")
                .arg(dir.path())
                .args(["show", query, "--format", "json"]),
        );
        let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        json["title"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(
        title("umbrellas of cherbourg"),
        "The Umbrellas of Cherbourg"
    );
    assert_eq!(title("ocean's eleven"), "Ocean’s Eleven");
    assert_eq!(title("OCEANS TWELVE"), "Ocean’s Twelve");
    assert_eq!(title("le samourai"), "Le Samouraï");
    reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "haet"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean: e"));
}

#[test]
fn a_page_bundle_is_found_by_its_folders_name_and_a_dated_post_by_its_slug() {
    let dir = tempfile::tempdir().unwrap();
    for (path, title) in [
        // Titles that do not hold the slugs: only the slug can find each.
        ("posts/heat/index.md", "Film One"),
        ("_posts/2012-05-01-drive.md", "Film Two"),
        ("other.md", "Film Three"),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, format!("---\ntitle: {title}\n---\nText.\n")).unwrap();
    }
    for (query, title) in [
        ("heat", "Film One"),
        ("drive", "Film Two"),
        ("2012-05-01-drive", "Film Two"),
    ] {
        let out = reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(["show", query])
            .output()
            .unwrap();
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(shown.starts_with(title), "{query}: {shown}");
    }
}
