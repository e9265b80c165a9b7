//! Reviews without fences: the seed's shape (page chrome, a title line, a date line, `key: value`
//! lines), MultiMarkdown and bulleted blocks; and prose that must not be taken for a header.

mod common;

use common::{in_fixture, reviews, stdout_of};
use serde_json::{Value, json};

fn json_of(args: &[&str]) -> Vec<Value> {
    stdout_of(in_fixture("plain", args))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn review(slug: &str) -> Value {
    json_of(&["list", "--format", "jsonl"])
        .into_iter()
        .find(|r| r["slug"] == slug)
        .unwrap_or_else(|| panic!("no review {slug}"))
}

#[test]
fn plain_text_shapes_are_reviews() {
    let hunter = review("night-of-the-hunter");
    assert_eq!(hunter["title"], "The Night of the Hunter");
    assert_eq!(hunter["year"], 1955);
    assert_eq!(hunter["reviewed"], "2014-03-03");
    assert_eq!(hunter["directed_by"], json!(["Charles Laughton"]));
    assert_eq!(hunter["runtime"], 92);
    let heat = review("heat");
    assert_eq!(
        (&heat["title"], &heat["year"]),
        (&json!("Heat"), &json!(1995))
    );
    assert_eq!(heat["watched"], "2016-02-01");
    let bulleted = review("bulleted");
    assert_eq!(bulleted["title"], "Paul Blart: Mall Cop");
    assert_eq!(bulleted["score"], json!({"grade": "C", "normalized": 65.0}));
    assert_eq!(review("synopsis-draft")["synopsis"], "A man and his dog.");
}

#[test]
fn the_body_leaves_the_page_chrome_out() {
    let shown: Value = serde_json::from_str(&stdout_of(in_fixture(
        "plain",
        &["show", "night-of-the-hunter", "--format", "json"],
    )))
    .unwrap();
    // "Verdict: see it." mid-text is text; the chrome at the end is not.
    assert_eq!(
        shown["body"],
        "A fairy tale told in shadows.\n\nVerdict: see it.\n"
    );
    let crlf: Value = serde_json::from_str(&stdout_of(in_fixture(
        "plain",
        &["show", "heat", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(crlf["body"], "The diner scene.\r\n");
}

#[test]
fn prose_is_no_header_and_check_notes_the_missing_fences() {
    let out = in_fixture("plain", &["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // list is quiet about plain-text headers; only the prose files are named.
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(stderr.contains("prose-note.md:1: expected a front-matter header"));
    assert!(stderr.contains("prose-title.md:1: expected a front-matter header"));
    let check = stdout_of(in_fixture("plain", &["check"]));
    assert!(
        check.contains("night-of-the-hunter.txt:3: warning: no front-matter fences: header read from plain-text lines 3\u{2013}14\n"),
        "{check}"
    );
    assert!(check.contains(
        "synopsis-draft.md:1: warning: no front-matter fences: header read from plain-text line 1\n"
    ));
}

/// The bundled review written back in the seed's shape, as a blog page saves it.
fn seed_shaped(body: &str) -> String {
    format!(
        "Skip to content\n\nRust and Bone (2012)\n\nJanuary 15, 2013\n\n\n\n\
         written by: Jacques Audiard\u{a0}and Thomas Bidegain\n\n\
         produced by: Jacques Audiard, Martine Cassinelli\u{a0}and Pascal Caucheteux\n\n\
         directed by: Jacques Audiard\n\n\
         rating: R (for strong sexual content, brief graphic nudity, some violence and language)\n\n\
         runtime: 120 min.\n\n\
         U.S. release date: November 23, 2012 (limited)\n\n\n\
         {body}\n\n\n\n\n\nLeave a Reply\n\n%d bloggers like this:"
    )
}

#[test]
fn the_seed_shape_reads_as_the_bundled_review() {
    let bundled: Value = serde_json::from_str(&stdout_of(reviews().args([
        "show",
        "rust-and-bone",
        "--format",
        "json",
    ])))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let body = bundled["body"].as_str().unwrap();
    std::fs::write(
        dir.path().join("rust-and-bone.txt"),
        seed_shaped(body.trim_end()),
    )
    .unwrap();
    let seed: Value =
        serde_json::from_str(&stdout_of(reviews().arg("--dir").arg(dir.path()).args([
            "show",
            "rust-and-bone",
            "--format",
            "json",
        ])))
        .unwrap();
    for field in [
        "title",
        "year",
        "reviewed",
        "written_by",
        "produced_by",
        "directed_by",
        "rating",
        "runtime",
        "us_release",
        "us_release_note",
        "body",
    ] {
        assert_eq!(seed[field], bundled[field], "{field}");
    }
}

#[test]
fn a_saved_page_with_navigation_above_the_title_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = "The Film Desk\n\nHome \u{203a} Reviews \u{203a} Crime\n\nHeat (1995)\n\n\
                DIRECTED BY Michael Mann\n\nThe diner scene, again.\n";
    std::fs::write(dir.path().join("heat.txt"), page).unwrap();
    let credit = "Skip to content\nMy Blog\nThief (1981)\nMarch 2, 2019\nDirected by Michael Mann\n\
                  runtime: 122 min\n\nThe safe.\n";
    std::fs::write(dir.path().join("thief.txt"), credit).unwrap();
    // Short lines with no `Title (Year)` below them stay refused, named as before.
    std::fs::write(
        dir.path().join("notes.txt"),
        "Monday\n\nThings to see\n\nDirected by someone, I think.\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let list = run(&["list", "--format", "jsonl"]);
    let rows: Vec<Value> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let heat = rows.iter().find(|r| r["slug"] == "heat").unwrap();
    assert_eq!(
        (&heat["title"], &heat["year"]),
        (&json!("Heat"), &json!(1995))
    );
    assert_eq!(heat["directed_by"], json!(["Michael Mann"]));
    let thief = rows.iter().find(|r| r["slug"] == "thief").unwrap();
    assert_eq!(thief["directed_by"], json!(["Michael Mann"]));
    assert_eq!(thief["runtime"], 122);
    assert_eq!(thief["reviewed"], "2019-03-02");
    assert_eq!(rows.len(), 2);
    let stderr = String::from_utf8_lossy(&list.stderr);
    assert!(
        stderr.contains("notes.txt:1: expected a front-matter header"),
        "{stderr}"
    );

    let body: Value = serde_json::from_str(&stdout_of(
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(["show", "heat", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(body["body"], "The diner scene, again.\n");
    let search = run(&["search", "diner", "--format", "jsonl"]);
    assert!(String::from_utf8_lossy(&search.stdout).contains("\"heat\""));

    let check = String::from_utf8_lossy(&run(&["check", "-v"]).stdout).into_owned();
    assert!(
        check.contains("heat.txt:5: warning: no front-matter fences: header read from plain-text lines 5\u{2013}7, page navigation on lines 1\u{2013}3 skipped\n"),
        "{check}"
    );
    assert!(
        check.contains("page navigation on line 2 skipped\n"),
        "{check}"
    );
}
