//! `reviews stats`, templates, `--format path` and `-0`, on `tests/fixtures/stats`.

mod common;

use common::{in_fixture, stdout_of};
use serde_json::Value;

fn run(args: &[&str]) -> std::process::Output {
    in_fixture("stats", args).output().unwrap()
}

fn text(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).unwrap()
}

#[test]
fn by_director_counts_each_person_once_per_review_largest_first() {
    assert_eq!(
        text(&["stats", "--by", "director"]),
        "Ethan Coen\t2\t100.0\t214\nJoel Coen\t2\t100.0\t214\nAkira Kurosawa\t1\t85.0\t88\nMichael Mann\t1\t70.0\t170\n",
        "name, count, average score of those scored, runtime minutes"
    );
    assert_eq!(
        text(&[
            "stats",
            "--by",
            "director",
            "--sort",
            "score",
            "--limit",
            "1",
            "--reverse"
        ]),
        "Michael Mann\t1\t70.0\t170\n"
    );
}

#[test]
fn a_group_without_scores_has_an_empty_average() {
    assert_eq!(
        text(&["stats", "--by", "tag", "--sort", "name"]),
        "crime\t2\t85.0\t268\nsnow\t1\t100.0\t98\nwriters\t1\t\t116\n"
    );
}

#[test]
fn decades_years_and_review_years() {
    assert_eq!(
        text(&["stats", "--by", "decade", "--sort", "name"]),
        "1950s\t1\t85.0\t88\n1990s\t3\t85.0\t384\n"
    );
    assert_eq!(
        text(&["stats", "--by", "reviewed", "--sort", "name"]),
        "2019\t1\t70.0\t170\n2020\t1\t100.0\t98\n2021\t1\t\t116\n"
    );
}

#[test]
fn filters_narrow_and_csv_json_carry_the_same() {
    assert_eq!(
        text(&[
            "stats",
            "--by",
            "year",
            "--director",
            "coen",
            "--sort",
            "name"
        ]),
        "1991\t1\t\t116\n1996\t1\t100.0\t98\n"
    );
    let csv = text(&[
        "stats", "--by", "director", "--format", "csv", "--limit", "1",
    ]);
    assert_eq!(
        csv,
        "name,count,average_score,runtime\nEthan Coen,2,100.0,214\n"
    );
    let json: Value =
        serde_json::from_str(&text(&["stats", "--by", "director", "--format", "json"])).unwrap();
    assert_eq!(json[2]["name"], "Akira Kurosawa");
    assert_eq!(json[2]["average_score"], 85.0);
    assert_eq!(json[0]["count"], 2);
    assert_eq!(
        run(&["stats", "--by", "director", "--director", "nobody"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn the_summary_sums_the_collection_up() {
    let summary = text(&["stats"]);
    for line in [
        "reviews\t4",
        "decades\t1950s (1), 1990s (3)",
        "top directors\tEthan Coen (2), Joel Coen (2), Akira Kurosawa (1), Michael Mann (1)",
        "average score\t85.0",
        "total runtime\t472 min",
        "average runtime\t118.0 min",
        "oldest review\tHeat (2019-11-30)",
        "newest review\tBarton Fink (2021-05-09)",
    ] {
        assert!(summary.lines().any(|l| l == line), "{line}\nin:\n{summary}");
    }
    let json: Value = serde_json::from_str(&text(&["stats", "--format", "json"])).unwrap();
    assert_eq!(json["reviews"], 4);
    assert_eq!(json["total_runtime"], 472);
}

#[test]
fn on_a_terminal_each_row_has_a_bar_scaled_to_the_largest() {
    let table = text(&[
        "--width", "60", "stats", "--by", "director", "--format", "table",
    ]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("DIRECTOR"), "{table}");
    let bar = |line: &str| line.chars().filter(|c| "█▉▊▋▌▍▎▏".contains(*c)).count();
    assert!(bar(lines[1]) > bar(lines[3]), "{table}");
    assert!(lines.iter().all(|l| unicode_width(l) <= 60), "{table}");
}

fn unicode_width(line: &str) -> usize {
    line.chars().count()
}

#[test]
fn templates_show_fields_as_the_table_does() {
    assert_eq!(
        text(&["list", "--format", "{title} ({year})", "--director", "mann"]),
        "Heat (1995)\n"
    );
    assert_eq!(
        text(&[
            "list",
            "--format",
            "{slug}\\t{directed_by}|{score}|{runtime}|{reviewed}|{tags}|{extra.imdb}|{rating}|{{x}}",
            "--sort",
            "year",
        ]),
        "rashomon\tAkira Kurosawa|B+|88|||||{x}\n\
         barton-fink\tJoel Coen, Ethan Coen||116|2021-05-09|writers|||{x}\n\
         heat\tMichael Mann|7/10|170|2019-11-30|crime|tt0113277||{x}\n\
         fargo\tJoel Coen, Ethan Coen|4/4|98|2020-03-01|crime, snow|||{x}\n"
    );
    assert_eq!(
        stdout_of(in_fixture(
            "stats",
            &["search", "heat", "--format", "{title}: {score}"]
        )),
        "Heat: 7/10\n"
    );
}

#[test]
fn an_unknown_field_is_a_usage_error_before_anything_is_read() {
    let out = in_fixture(
        "no-such-collection",
        &["list", "--format", "{titel} {year}"],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown field {titel}"), "{err}");
    assert!(err.contains("title, original_title, year"), "{err}");
    assert!(
        !err.contains("no review collection"),
        "nothing was read: {err}"
    );
}

#[test]
fn paths_and_nul_ends_for_xargs() {
    let paths = text(&["list", "--format", "path", "--sort", "year"]);
    let names: Vec<&str> = paths
        .lines()
        .map(|l| l.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        names,
        ["rashomon.md", "barton-fink.md", "heat.md", "fargo.md"]
    );
    assert!(paths.lines().all(|p| std::path::Path::new(p).is_file()));
    let nul = run(&["list", "--format", "path", "-0"]).stdout;
    assert_eq!(nul.iter().filter(|&&b| b == 0).count(), 4);
    assert!(!nul.contains(&b'\n'));
    let tsv = run(&["list", "--null"]).stdout;
    assert_eq!(tsv.split(|&b| b == 0).filter(|l| !l.is_empty()).count(), 4);
    let refused = run(&["list", "--format", "json", "-0"]);
    assert_eq!(refused.status.code(), Some(2));
    let found = run(&["search", "heat", "--format", "path", "-0"]).stdout;
    assert!(found.ends_with(b"heat.md\0"));
}

#[test]
fn a_person_named_twice_counts_once_and_a_huge_columns_is_no_width() {
    let dir = tempfile::tempdir().unwrap();
    common::write_review(
        dir.path(),
        "a",
        &[
            "title: A",
            "directed_by: [Joel Coen, Ethan Coen, Joel Coen]",
        ],
        b"",
    );
    let summary = stdout_of(common::reviews().arg("--dir").arg(dir.path()).arg("stats"));
    assert!(
        summary.contains("top directors\tEthan Coen (1), Joel Coen (1)\n"),
        "{summary}"
    );
    let out = common::reviews()
        .env("COLUMNS", "100000000000")
        .arg("--dir")
        .arg(dir.path())
        .args(["stats", "--by", "director", "--format", "table"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.len() < 10_000, "{}", out.stdout.len());
}

#[test]
fn unknown_runtimes_are_no_minutes_and_scores_group_on_one_scale() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, header) in [
        ("a", ["title: A", "director: X", "score: 9"]),
        ("b", ["title: B", "director: X", "score: 9/10"]),
        ("c", ["title: C", "director: Y", "score: 4.5/5"]),
        ("d", ["title: D", "director: Y", "score: 7/10"]),
    ] {
        common::write_review(d, name, &header, b"");
    }
    common::write_review(d, "e", &["title: E", "director: Y", "runtime: 100"], b"");
    let stats = |args: &[&str]| {
        let mut cmd = common::reviews();
        cmd.arg("--dir").arg(d).arg("stats").args(args);
        common::stdout_of(cmd)
    };
    // X has no runtime: an empty cell, not 0; Y's total is of its one known runtime.
    assert_eq!(
        stats(&["--by", "director"]),
        "Y\t3\t80.0\t100\nX\t2\t90.0\t\n"
    );
    assert!(stats(&["--by", "director", "--format", "json"]).contains(r#""runtime":null"#));
    assert!(
        stats(&["--format", "json"]).contains(r#""total_runtime":100,"average_runtime":100.0"#)
    );
    // 9, 9/10 and 4.5/5 are one score, shown on the collection's usual ten-point scale.
    assert_eq!(
        stats(&["--by", "score"]),
        "9/10\t3\t90.0\t\n7/10\t1\t70.0\t\n"
    );
    assert_eq!(
        stats(&["--by", "score", "--sort", "name"]),
        "7/10\t1\t70.0\t\n9/10\t3\t90.0\t\n"
    );
}
