//! Files in the styles people really write (Obsidian, Hugo, Jekyll, Ruby's YAML, Letterboxd-like
//! stars): every one is a review, each value read as its writer meant it.

mod common;

use common::{in_fixture, stdout_of};
use serde_json::{Value, json};

fn reviews(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["list", "--format", "jsonl"];
    all.extend_from_slice(args);
    stdout_of(in_fixture("conventions", &all))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn review(slug: &str) -> Value {
    reviews(&["--drafts"])
        .into_iter()
        .find(|r| r["slug"] == slug)
        .unwrap_or_else(|| panic!("no review {slug}"))
}

#[test]
fn every_file_is_a_review_and_repository_files_are_skipped() {
    let slugs: Vec<String> = reviews(&["--drafts"])
        .iter()
        .map(|r| r["slug"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = slugs.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "2020-01-01-heat",
            "2021-01-01-heat",
            "a-bugs-life",
            "collateral",
            "draft",
            "emoji",
            "independence-day",
            "nightmare-honeymoon-1973",
            "odd-runtime",
            "pulp-fiction",
            "ruby-heat",
            "suspicion",
            "thief",
            "toy-story"
        ]
    );
}

#[test]
fn values_as_people_mean_them() {
    let pulp = review("pulp-fiction");
    assert_eq!(pulp["directed_by"], json!(["Quentin Tarantino"]));
    assert_eq!(pulp["year"], 1994);
    assert_eq!(
        pulp["score"],
        json!({"value": 85.0, "max": 100.0, "normalized": 85.0})
    );
    assert_eq!(pulp["watched"], "2020-01-02");
    assert_eq!(pulp["reviewed"], "2020-02-03");

    let day = review("independence-day");
    assert_eq!(
        day["score"],
        json!({"value": 3.5, "max": null, "normalized": 70.0})
    );
    assert_eq!(
        day["starring"],
        json!(["Will Smith", "Harry Connick, Jr.", "Jeff Goldblum"])
    );
    assert_eq!(day["rating"], json!({"code": "NR", "reason": null}));

    let ruby = review("ruby-heat");
    assert_eq!(ruby["title"], "The Insider");
    assert_eq!(ruby["score"], json!({"grade": "A", "normalized": 95.0}));
    assert_eq!(ruby["reviewed"], "2011-06-24");

    let suspicion = review("suspicion");
    assert_eq!(
        (&suspicion["title"], &suspicion["year"]),
        (&json!("Suspicion"), &json!(1941))
    );
    assert_eq!(suspicion["rating"]["code"], "Approved");

    let honeymoon = review("nightmare-honeymoon-1973");
    assert_eq!(honeymoon["title"], "nightmare-honeymoon");
    assert_eq!(honeymoon["year"], 1973);
    // A numeric rating beside a certification is the score.
    assert_eq!(honeymoon["rating"]["code"], "R");
    assert_eq!(
        honeymoon["score"],
        json!({"value": 4.0, "max": null, "normalized": 80.0})
    );

    assert_eq!(
        review("emoji")["score"],
        json!({"value": 3.0, "max": 5.0, "normalized": 60.0})
    );
    let odd = review("odd-runtime");
    assert_eq!(odd["runtime"], Value::Null);
    assert_eq!(odd["extra"]["runtime"], "about two hours");
}

#[test]
fn site_generators_and_notes_apps() {
    let thief = review("thief");
    assert_eq!(thief["directed_by"], json!(["Michael Mann"]));
    assert_eq!(thief["runtime"], 123);
    let collateral = review("collateral");
    assert_eq!(collateral["reviewed"], "2023-05-14");
    assert_eq!(review("2020-01-01-heat")["title"], "Heat (first viewing)");
    let note = review("a-bugs-life");
    assert_eq!(
        note["directed_by"],
        json!(["John Lasseter", "Andrew Stanton"])
    );
    assert_eq!(note["year"], 1998);
    assert_eq!(note["rating"], Value::Null);
}

#[test]
fn filters_see_inline_fields() {
    let found: Vec<String> = reviews(&["--director", "lasseter"])
        .iter()
        .map(|r| r["slug"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(found, ["a-bugs-life", "toy-story"]);
}

#[test]
fn drafts_are_left_out_unless_asked_for_and_show_says_so() {
    assert!(reviews(&[]).iter().all(|r| r["slug"] != "draft"));
    assert_eq!(review("draft")["draft"], true);
    let shown = stdout_of(in_fixture("conventions", &["show", "draft"]));
    assert!(shown.contains("Draft  not published"), "{shown}");
}

#[test]
fn check_reports_only_the_odd_value_labelled_as_a_warning() {
    in_fixture("conventions", &["check"])
        .assert()
        .code(2)
        .stdout(predicates::str::ends_with(
            "odd-runtime.md:3:10: warning: runtime: expected minutes such as \"120\" or \"1 hr 41 min\", found \"about two hours\"; kept as written in \"extra\"\n",
        ))
        .stderr("1 file with problems, 13 ok\n");
}

#[test]
fn value_names_on_the_command_line_ignore_case() {
    let upper = stdout_of(in_fixture(
        "conventions",
        &["list", "--format", "JSON", "--sort", "Year"],
    ));
    assert!(upper.starts_with("[\n{"), "{upper}");
    let nr = stdout_of(in_fixture("conventions", &["list", "--rating", "nr"]));
    assert!(nr.starts_with("independence-day\t"), "{nr}");
}

#[test]
fn page_bundles_and_posts_that_clash_are_named_as_clashes() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "---\ntitle: X\n---\n").unwrap();
    };
    for path in [
        "heat.md",
        "heat/index.md",
        "a/2012-01-01-drive.md",
        "b/2012-01-01-drive.md",
    ] {
        write(path);
    }
    let out = common::reviews()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("slug \"heat\" is also used by"), "{stderr}");
    assert!(
        stderr.contains("slug \"2012-01-01-drive\" is also used by"),
        "{stderr}"
    );
    let slugs: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    assert_eq!(slugs.len(), 2, "{slugs:?}");
}

#[test]
fn scores_sort_and_filter_on_one_scale() {
    let slugs = |args: &[&str]| -> Vec<String> {
        reviews(args)
            .iter()
            .map(|r| r["slug"].as_str().unwrap().to_string())
            .collect()
    };
    let by_score = slugs(&["--sort", "score"]);
    assert_eq!(
        by_score[..5],
        [
            "emoji",
            "independence-day",
            "nightmare-honeymoon-1973",
            "pulp-fiction",
            "ruby-heat"
        ]
    );
    let reversed = slugs(&["--sort", "score", "--reverse"]);
    assert_eq!(reversed[0], "ruby-heat");
    // Reviews without a score come last both ways.
    assert_eq!(reversed[5..], by_score[5..]);
    assert_eq!(
        slugs(&["--min-score", "80%", "--sort", "score"]),
        ["nightmare-honeymoon-1973", "pulp-fiction", "ruby-heat"]
    );
    assert_eq!(slugs(&["--max-score", "3/5"]), ["emoji"]);
    assert_eq!(
        slugs(&["--min-score", "B+", "--max-score", "9/10"]),
        ["pulp-fiction"]
    );
    in_fixture("conventions", &["list", "--min-score", "great"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "expected a score such as \"3/4\", \"7.5/10\", \"★★★\", \"B+\" or \"80%\", found \"great\"",
        ));
}
