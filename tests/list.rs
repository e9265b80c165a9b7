//! `reviews list`: filters, combinations, piped output and exit codes, on the real binary.

mod common;

use common::{fixture, in_fixture, reviews, slugs, stdout_of};
use predicates::prelude::*;

#[test]
fn bundled_collection_director_audiard_finds_two() {
    let out = reviews()
        .args(["list", "--director", "Audiard"])
        .assert()
        .success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(slugs(&out), ["a-prophet", "rust-and-bone"]);
}

#[test]
fn no_match_prints_nothing_and_exits_1() {
    reviews()
        .args(["list", "--director", "nobody"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
}

#[test]
fn piped_lines_are_tab_separated_fields() {
    let out = stdout_of(in_fixture("shapes", &["list", "--title", "seed"]));
    assert_eq!(out, "seed-style\tSeed Style\t2012\tAna Lopes\tR\t120\n");
}

#[test]
fn every_shape_is_read_and_sorted_by_title() {
    let out = stdout_of(in_fixture("shapes", &["list"]));
    assert_eq!(
        slugs(&out),
        ["scored", "deep", "lists", "seed-style", "crlf-bom"]
    );
    assert!(
        out.contains("crlf-bom\tWindows Lines\t1996\tJacques Audiard, Thomas Bidegain\tNR\t125\n")
    );
    assert!(
        out.contains(
            "lists\tLists Everywhere\t2001\tPedro Almodóvar, Antonín Dvořák\tPG-13\t101\n"
        )
    );
    assert!(out.contains("scored\t1984\t\tMichael Radford\t\t113\n"));
}

#[test]
fn each_filter() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["--title", "windows"], &["crlf-bom"]),
        (&["--director", "kowalski"], &["deep"]),
        (&["--writer", "bEN coSTA"], &["seed-style"]),
        (&["--cast", "søren"], &["lists"]),
        (&["--tag", "music"], &["lists"]),
        (&["--rating", "pg-13"], &["lists"]),
        (&["--rating", "R"], &["seed-style"]),
        (&["--year", "2001"], &["lists"]),
        (&["--year", "1990..2005"], &["lists", "crlf-bom"]),
        (&["--year", "2010.."], &["seed-style"]),
    ];
    for (args, expected) in cases {
        let mut cmd = in_fixture("shapes", &["list"]);
        cmd.args(*args);
        assert_eq!(slugs(&stdout_of(&mut cmd)), *expected, "{args:?}");
    }
}

#[test]
fn same_flag_twice_means_either_and_different_flags_must_all_hold() {
    let either = stdout_of(in_fixture(
        "shapes",
        &["list", "--rating", "R", "--rating", "NR"],
    ));
    assert_eq!(slugs(&either), ["seed-style", "crlf-bom"]);
    let both = stdout_of(in_fixture(
        "shapes",
        &["list", "--director", "audiard", "--year", "1990..2000"],
    ));
    assert_eq!(slugs(&both), ["crlf-bom"]);
    in_fixture(
        "shapes",
        &["list", "--director", "audiard", "--year", "2001"],
    )
    .assert()
    .code(1)
    .stdout("");
}

#[test]
fn accents_and_case_are_folded() {
    let out = stdout_of(in_fixture("shapes", &["list", "--director", "almodovar"]));
    assert_eq!(slugs(&out), ["lists"]);
    let out = stdout_of(in_fixture("shapes", &["list", "--director", "DVORAK"]));
    assert_eq!(slugs(&out), ["lists"]);
}

#[test]
fn bad_files_are_named_odd_values_counted_and_every_review_listed() {
    let assert = in_fixture("mixed", &["list"]).assert().code(2);
    let output = assert.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // An odd value never hides a review: only the file with no header is missing.
    assert_eq!(
        slugs(&stdout),
        ["broken-list", "forever", "good-one", "bad-yaml", "good-two"]
    );
    let dir = fixture("mixed");
    assert_eq!(
        stderr,
        format!(
            "{}:1: expected a front-matter header: the first line should be \"---\"\n3 reviews read with warnings; `reviews check` lists them\n",
            dir.join("no-header.md").display()
        )
    );
    // --verbose prints each warning in file order; --quiet none.
    let verbose = in_fixture("mixed", &["--verbose", "list"])
        .output()
        .unwrap();
    let lines: Vec<String> = String::from_utf8_lossy(&verbose.stderr)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}:2:18: warning: invalid YAML: mapping values are not allowed in this context (a value containing \": \" must be quoted); read line by line as `key: value` instead",
                dir.join("bad-yaml.md").display()
            ),
            format!(
                "{}:3:7: warning: year: expected a year such as 2012, found \"[2012\"; kept as written in \"extra\"",
                dir.join("broken-list.md").display()
            ),
            format!(
                "{}:4:9: warning: invalid YAML: did not find expected ',' or ']' (in the flow sequence that starts on line 3); read line by line as `key: value` instead",
                dir.join("broken-list.md").display()
            ),
            format!(
                "{}:4:10: warning: runtime: expected minutes such as \"120\" or \"1 hr 41 min\", found \"forever\"; kept as written in \"extra\"",
                dir.join("forever.md").display()
            ),
            format!(
                "{}:1: expected a front-matter header: the first line should be \"---\"",
                dir.join("no-header.md").display()
            ),
        ]
    );
    let quiet = in_fixture("mixed", &["-q", "list"]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&quiet.stderr),
        format!(
            "{}:1: expected a front-matter header: the first line should be \"---\"\n",
            dir.join("no-header.md").display()
        )
    );
}

#[test]
fn a_recovered_file_alone_exits_0_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("mixed/bad-yaml.md"), dir.path().join("bad-yaml.md")).unwrap();
    reviews()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout("bad-yaml\tGood Three: The Return\t2012\tAna Lopes\t\t\n")
        .stderr("1 review read with warnings; `reviews check` lists it\n");
}

#[test]
fn a_filter_over_bad_files_still_exits_2() {
    in_fixture("mixed", &["list", "--year", "2010"])
        .assert()
        .code(2)
        .stdout(predicate::str::starts_with("good-one\t"));
}

#[test]
fn a_slug_found_twice_names_both_files() {
    let dir = fixture("dupes");
    in_fixture("dupes", &["list"])
        .assert()
        .code(2)
        .stdout("same\tSame A\t\t\t\t\n")
        .stderr(format!(
            "{}: slug \"same\" is also used by {}\n",
            dir.join("b/same.md").display(),
            dir.join("a/same.md").display()
        ));
}

#[test]
fn collection_from_env_and_missing_collection() {
    reviews()
        .env("REVIEWS_DIR", fixture("shapes"))
        .args(["list", "--title", "deep"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("deep\t"));
    reviews()
        .args(["--dir", "/nonexistent/reviews", "list"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("reviews: no review collection found: tried /nonexistent/reviews (from --dir)\n");
    let empty = tempfile::tempdir().unwrap();
    reviews()
        .current_dir(empty.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "tried ./reviews (the default; set --dir or $REVIEWS_DIR)",
        ));
}

#[test]
fn bad_usage_exits_2() {
    reviews()
        .args(["list", "--year", "soon"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "reviews: invalid value 'soon' for '--year <Y|FROM..TO>': expected a year such as 2012",
        ));
    reviews()
        .args(["list", "--sort", "colour"])
        .assert()
        .code(2);
    reviews().arg("frobnicate").assert().code(2);
    reviews()
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "A command-line reader for film reviews",
        ));
}

#[test]
fn json_keeps_unknown_keys_in_extra() {
    let out = stdout_of(in_fixture(
        "shapes",
        &["list", "--title", "lists", "--format", "json"],
    ));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["extra"]["mood"], "quiet");
    assert_eq!(
        json[0]["starring"],
        serde_json::json!(["Søren Lindqvist", "Zoë Ó'Brien"])
    );
    assert_eq!(json[0]["release_date"], "2001-11-23");
    assert_eq!(
        json[0]["rating"],
        serde_json::json!({"code": "PG-13", "reason": "for some violence"})
    );
    assert!(json[0].get("body").is_none(), "list JSON has no body");
}

/// `film-N` titled "Film N" (year 2000 + N % 5) for N in 1..=12, in a fresh folder.
fn numbered_films() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for n in 1..=12 {
        let title = format!("title: Film {n}");
        let year = format!("year: {}", 2000 + n % 5);
        common::write_review(dir.path(), &format!("film-{n}"), &[&title, &year], b"");
    }
    dir
}

#[test]
fn titles_sort_in_natural_number_order() {
    let dir = numbered_films();
    let out = stdout_of(reviews().arg("--dir").arg(dir.path()).arg("list"));
    let expected: Vec<String> = (1..=12).map(|n| format!("film-{n}")).collect();
    assert_eq!(slugs(&out), expected);
}

#[test]
fn limit_keeps_the_best_in_every_format() {
    let dir = numbered_films();
    let run = |format: &str| {
        stdout_of(reviews().arg("--dir").arg(dir.path()).args([
            "list",
            "--sort",
            "year",
            "--reverse",
            "--limit",
            "4",
            "--format",
            format,
        ]))
    };
    // Years 2004 (4, 9), then 2003 (3, 8): ties by title.
    let best = ["film-4", "film-9", "film-3", "film-8"];
    assert_eq!(slugs(&run("tsv"))[1..], best);
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let json_slugs: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["slug"].as_str().unwrap())
        .collect();
    assert_eq!(json_slugs, best);
    let lines: Vec<String> = run("jsonl")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["slug"].to_string())
        .collect();
    assert_eq!(lines, best.map(|s| format!("\"{s}\"")));
    let csv = run("csv");
    assert_eq!(csv.lines().count(), 5, "a header and four rows: {csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("film-4,Film 4,2004,")
    );
}

#[test]
fn ligatures_and_full_width_letters_match_plain_filters() {
    let dir = tempfile::tempdir().unwrap();
    common::write_review(
        dir.path(),
        "cut",
        &[
            "title: The \u{fb01}nal Cut",
            "director: ＫＵＲＯＳＡＷＡ Akira",
        ],
        b"",
    );
    let list = |args: &[&str]| {
        stdout_of(
            reviews()
                .arg("--dir")
                .arg(dir.path())
                .arg("list")
                .args(args),
        )
    };
    assert_eq!(slugs(&list(&["--title", "final"])), ["cut"]);
    assert_eq!(slugs(&list(&["--director", "kurosawa"])), ["cut"]);
}

#[test]
fn columns_choose_and_order_the_fields_of_tsv_csv_and_table() {
    let tsv = stdout_of(reviews().args([
        "list",
        "--director",
        "Audiard",
        "--columns",
        "year, slug,starring",
    ]));
    assert_eq!(
        tsv,
        "2009\ta-prophet\tTahar Rahim, Niels Arestrup\n\
         2012\trust-and-bone\tMarion Cotillard, Matthias Schoenaerts\n"
    );
    let csv = stdout_of(reviews().args([
        "list",
        "--title",
        "prophet",
        "--columns",
        "title,runtime",
        "--format",
        "csv",
    ]));
    assert_eq!(csv, "title,runtime\nA Prophet,155\n");
    let table = stdout_of(reviews().args([
        "list",
        "--title",
        "prophet",
        "--columns",
        "runtime,title",
        "--format",
        "table",
    ]));
    assert_eq!(table, "RUNTIME  TITLE\n155 min  A Prophet\n");
}

#[test]
fn columns_refuse_unknown_fields_and_other_formats() {
    reviews()
        .args(["list", "--columns", "title,yr"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown field {yr}"));
    reviews()
        .args(["list", "--columns", "title", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--columns chooses the columns of table, tsv and csv",
        ));
}

#[test]
fn a_tag_is_matched_whole_and_a_star_asks_for_more() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    common::write_review(d, "heat", &["title: Heat", "tags: [LA, heist]"], b"");
    common::write_review(
        d,
        "casablanca",
        &["title: Casablanca", "tags: classic"],
        b"",
    );
    common::write_review(d, "class", &["title: Class", "genres: [Class, Drama]"], b"");
    let list = |args: &[&str]| {
        let mut cmd = reviews();
        cmd.arg("--dir").arg(d).arg("list").args(args);
        slugs(&stdout_of(cmd))
    };
    assert_eq!(list(&["--tag", "la"]), ["heat"]);
    assert_eq!(list(&["--tag", "CLASS"]), ["class"], "a genre is a tag too");
    assert_eq!(list(&["--tag", "cla*"]), ["casablanca", "class"]);
    assert_eq!(list(&["--genre", "drama"]), ["class"]);
    assert!(
        list(&["--genre", "la"]).is_empty(),
        "--genre reads genres only"
    );
    let stats = reviews()
        .arg("--dir")
        .arg(d)
        .args(["stats", "--by", "tag", "--tag", "la"])
        .output()
        .unwrap();
    let rows: Vec<&str> = std::str::from_utf8(&stats.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(rows, ["heist", "LA"]);
}

#[test]
fn a_score_given_to_rating_points_to_min_score() {
    for score in ["4/5", "80%", "3.5", "★★★"] {
        let out = reviews()
            .args(["list", "--rating", score])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!("use --min-score {score}")) || err.contains("use --min-score '"),
            "{err}"
        );
    }
    // A bare number or letter can be a certificate (the British 15 and 18): no error.
    reviews().args(["list", "--rating", "15"]).assert().code(1);
    reviews()
        .args(["stats", "--rating", "4/5"])
        .assert()
        .code(2);
}
