//! `reviews search`: words at the start of words, folded; phrases; exclusions; list's filters;
//! the piped, JSON and terminal shapes; exit codes. On `tests/fixtures/search`.

mod common;

use common::{in_fixture, reviews, slugs, stdout_of, write_review};
use serde_json::Value;

fn search(args: &[&str]) -> std::process::Output {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    in_fixture("search", &all).output().unwrap()
}

fn found(args: &[&str]) -> Vec<String> {
    slugs(&String::from_utf8(search(args).stdout).unwrap())
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn words_match_at_word_starts_ignoring_case_and_accents() {
    assert_eq!(
        found(&["shot"]),
        ["the-400-blows", "tokyo-story"],
        "not upshot"
    );
    assert_eq!(found(&["CAFE"]), ["bicycle-thieves"]);
    assert_eq!(found(&["protege"]), ["the-400-blows"]);
    assert_eq!(found(&["amour"]), ["tokyo-story"], "after an apostrophe");
    assert_eq!(found(&["東京"]), ["tokyo-story"], "the title counts");
}

#[test]
fn every_word_must_match_and_a_phrase_keeps_its_words_together() {
    assert_eq!(found(&["bicycle", "rome"]), ["bicycle-thieves"]);
    assert_eq!(
        found(&["\"stolen bicycle\""]),
        ["bicycle-thieves", "upshot"],
        "across a line break, and bicycles starts with bicycle"
    );
    assert_eq!(found(&["\"bicycle stolen\""]), Vec::<String>::new());
}

#[test]
fn most_matches_first_then_title_and_sort_overrides() {
    // bicycle-thieves: title + 2 in text; the-400-blows: 1; upshot: 1 (bicycles).
    assert_eq!(
        found(&["bicycle"]),
        ["bicycle-thieves", "the-400-blows", "upshot"]
    );
    assert_eq!(
        found(&["bicycle", "--sort", "year", "--reverse"]),
        ["upshot", "the-400-blows", "bicycle-thieves"]
    );
    assert_eq!(found(&["bicycle", "--limit", "1"]), ["bicycle-thieves"]);
}

#[test]
fn without_excludes_and_lists_filters_narrow() {
    assert_eq!(
        found(&["bicycle", "--without", "rome"]),
        ["the-400-blows", "upshot"]
    );
    assert_eq!(
        found(&["bicycle", "--director", "truffaut"]),
        ["the-400-blows"]
    );
    assert_eq!(found(&["shot", "--max-score", "B+"]), ["tokyo-story"]);
    assert_eq!(found(&["shot", "--min-score", "7/8"]), ["the-400-blows"]);
    assert_eq!(
        found(&["bicycle", "--drafts", "--title", "draft"]),
        ["draft"],
        "drafts only when asked for"
    );
}

#[test]
fn piped_lines_are_slug_title_year_and_the_best_line() {
    let out = search(&["stolen"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    let cells: Vec<&str> = first.split('\t').collect();
    assert_eq!(cells.len(), 4, "{first}");
    assert_eq!(&cells[..3], ["bicycle-thieves", "Bicycle Thieves", "1948"]);
    assert_eq!(
        cells[3],
        "Antonio needs his bicycle for the job, and the stolen bicycle is the whole film: a"
    );
}

#[test]
fn json_carries_the_record_and_each_matching_line_with_its_file_line() {
    let out = search(&["shot", "--format", "json"]);
    let found: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found.len(), 2);
    let blows = &found[0];
    assert_eq!(blows["title"], "The 400 Blows");
    assert_eq!(blows["score"]["normalized"], 87.5);
    assert_eq!(
        blows["matches"],
        serde_json::json!([{"line": 9, "text": "frame at the sea is the last shot and the best shot."}])
    );
    let lines = search(&["shot", "--format", "jsonl"]);
    assert_eq!(String::from_utf8(lines.stdout).unwrap().lines().count(), 2);
}

#[test]
fn exit_codes_follow_grep() {
    assert_eq!(search(&["bicycle"]).status.code(), Some(0));
    let none = search(&["zeppelin"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(none.stdout, b"");
    let bad = search(&["!!!"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected a word"));
}

#[test]
fn a_file_whose_header_cannot_be_read_is_still_searched_and_shown_by_its_path() {
    let dir = tempfile::tempdir().unwrap();
    write_review(dir.path(), "good", &["title: Good"], b"\nA bicycle.\n");
    std::fs::write(
        dir.path().join("bad.md"),
        b"---\ntitle: [unclosed\n\nA bicycle, stolen.\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .arg("search")
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["bicycle"]);
    assert_eq!(out.status.code(), Some(2), "an error, as grep's");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "bad\tbad\t\tA bicycle, stolen.\ngood\tGood\t\tA bicycle.\n"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.md:1: "), "{stderr}");
    let text = String::from_utf8(run(&["bicycle", "--format", "text"]).stdout).unwrap();
    let bad = dir.path().join("bad.md");
    assert!(
        text.starts_with(&format!(
            "{}  (header not read)\n  A bicycle, stolen.\n",
            bad.display()
        )),
        "{text}"
    );
    let json: Vec<Value> = String::from_utf8(run(&["bicycle", "--format", "jsonl"]).stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(json[0]["unread"], true);
    assert_eq!(json[0]["matches"][0]["line"], 4);
    assert_eq!(json[1].get("unread"), None);
    // A filter asks what an unread header cannot say: only the reviews are searched.
    let filtered = run(&["bicycle", "--title", "good"]);
    assert_eq!(
        slugs(&String::from_utf8(filtered.stdout).unwrap()),
        ["good"]
    );
}

#[test]
fn on_a_terminal_snippets_mark_the_matched_words() {
    let out = stdout_of(in_fixture(
        "search",
        &["--color", "always", "search", "pillow", "--format", "text"],
    ));
    assert!(
        out.starts_with("\u{1b}[1m東京物語\u{1b}[0m (1953)"),
        "{out:?}"
    );
    assert!(
        out.contains(
            "  Ozu's \u{1b}[1m\u{1b}[31mpillow\u{1b}[0m shots hold the film together. L'amour…\n"
        ),
        "{out:?}"
    );
    let plain = stdout_of(in_fixture(
        "search",
        &["search", "pillow", "--format", "text"],
    ));
    assert!(!plain.contains('\u{1b}'));
}

#[test]
fn snippets_are_the_text_as_read_with_overlapping_windows_merged() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "heat",
        &["title: Heat"],
        b"\nThe **diner** scene: see [the page](https://example.org/notes) again.\r\n\r\n\
          - a diner in a list\r\n\r\n\
          one two three diner four five diner six seven.\r\n",
    );
    let text = |word: &str| {
        stdout_of(
            reviews()
                .arg("--dir")
                .arg(dir.path())
                .args(["--color", "always", "search", word, "--format", "text"]),
        )
    };
    let mark = |w: &str| format!("\u{1b}[1m\u{1b}[31m{w}\u{1b}[0m");
    assert_eq!(
        text("diner"),
        format!(
            "\u{1b}[1mHeat\u{1b}[0m\n  The {d} scene: see the page again.\n  a {d} in a list\n  one two three {d} four five {d} six seven.\n\n",
            d = mark("diner")
        )
    );
    // Words found only in the markup (an address) are shown where they are, as written.
    assert!(text("example").contains(&format!("(https://{}.org/notes)", mark("example"))));
}

#[test]
fn a_title_not_written_as_it_reads_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("zanzibar-nights.md"),
        "---\nyear: 2001\n---\nNothing.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("esc.md"),
        "---\ntitle: \"Caf\\u00e9 Noir\"\n---\nNothing.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ovl.md"),
        "---\ntitle: O\n---\nShe said goodbye bye bye.\n",
    )
    .unwrap();
    let found = |q: &str| {
        slugs(&stdout_of(
            reviews().arg("--dir").arg(dir.path()).args(["search", q]),
        ))
    };
    assert_eq!(
        found("zanzibar"),
        ["zanzibar-nights"],
        "a title from the file name"
    );
    assert_eq!(found("cafe"), ["esc"], "a title with YAML escapes");
    assert_eq!(
        found("\"bye bye\""),
        ["ovl"],
        "a phrase after the same words inside a word"
    );
}
