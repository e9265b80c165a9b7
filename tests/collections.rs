//! Several collections read as one library: `--dir` repeated or `$REVIEWS_DIR` with `:`, each
//! review knowing its collection, `--collection` to choose, and a slug in two of them.

mod common;

use std::path::Path;

use common::{reviews, stdout_of, write_review};
use serde_json::Value;

/// A blog and a Letterboxd import, both reviewing Heat; a third folder name that is missing.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let blog = dir.path().join("blog");
    let letterboxd = dir.path().join("letterboxd");
    std::fs::create_dir_all(&blog).unwrap();
    std::fs::create_dir_all(&letterboxd).unwrap();
    write_review(
        &blog,
        "heat",
        &["title: Heat", "year: 1995", "director: Michael Mann"],
        b"\nThe blog's diner scene.\n",
    );
    write_review(
        &letterboxd,
        "heat",
        &["title: Heat", "year: 1995"],
        b"\nFour stars.\n",
    );
    write_review(
        &letterboxd,
        "thief",
        &["title: Thief", "year: 1981"],
        b"\nThe safe.\n",
    );
    dir
}

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    reviews()
        .current_dir(root)
        .env_remove("REVIEWS_DIR")
        .args(["--dir", "blog", "--dir", "letterboxd"])
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_review_knows_its_collection() {
    let library = library();
    let root = library.path();
    let rows: Vec<Value> = text(&run(root, &["list", "--format", "jsonl"]).stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let named: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["collection"].as_str().unwrap(),
                r["slug"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            ("blog", "heat"),
            ("letterboxd", "heat"),
            ("letterboxd", "thief")
        ]
    );
    let template = run(root, &["list", "--format", "{collection}/{slug}"]);
    assert_eq!(
        text(&template.stdout),
        "blog/heat\nletterboxd/heat\nletterboxd/thief\n"
    );
    // The same from the variable, `:` between the folders as in PATH.
    let from_variable = reviews()
        .current_dir(root)
        .env("REVIEWS_DIR", "blog:letterboxd")
        .args(["list", "--format", "{collection}/{slug}"])
        .output()
        .unwrap();
    assert_eq!(from_variable.stdout, template.stdout);
    // A table of several collections has a COLLECTION column; of one, none.
    let table = text(&run(root, &["list", "--format", "table", "--width", "80"]).stdout);
    assert!(table.starts_with("SLUG   COLLECTION  TITLE"), "{table}");
    assert!(table.contains("heat   letterboxd  Heat"), "{table}");
    let one = stdout_of(reviews().current_dir(root).args([
        "--dir", "blog", "list", "--format", "table", "--width", "80",
    ]));
    assert!(!one.contains("COLLECTION"), "{one}");
}

#[test]
fn collection_chooses_and_an_unknown_name_lists_the_names() {
    let library = library();
    let root = library.path();
    let chosen = run(root, &["--collection", "letterboxd", "list"]);
    assert_eq!(text(&chosen.stdout).lines().count(), 2);
    let both = run(
        root,
        &["list", "--collection", "letterboxd", "--collection", "blog"],
    );
    assert_eq!(text(&both.stdout).lines().count(), 3);
    let unknown = run(root, &["list", "--collection", "films"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        text(&unknown.stderr),
        "reviews: no collection is named \"films\"; the collections are: blog, letterboxd\n"
    );
}

#[test]
fn a_slug_in_two_collections_is_named_by_its_collection() {
    let library = library();
    let root = library.path();
    let ambiguous = run(root, &["show", "heat"]);
    assert_eq!(ambiguous.status.code(), Some(2));
    assert_eq!(ambiguous.stdout, b"");
    let stderr = text(&ambiguous.stderr);
    assert!(
        stderr.contains("show COLLECTION/heat` or `--collection COLLECTION`"),
        "{stderr}"
    );
    assert!(stderr.contains("  blog/heat  blog/heat.md\n"), "{stderr}");
    assert!(
        stderr.contains("  letterboxd/heat  letterboxd/heat.md\n"),
        "{stderr}"
    );
    let shown = text(&run(root, &["show", "letterboxd/heat", "--format", "json"]).stdout);
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        (&shown["collection"], &shown["body"]),
        (&"letterboxd".into(), &"\nFour stars.\n".into())
    );
    let chosen = text(
        &run(
            root,
            &["--collection", "blog", "show", "heat", "--width", "60"],
        )
        .stdout,
    );
    assert!(chosen.contains("The blog's diner scene."), "{chosen}");
    // A slug in one collection only is found as ever.
    assert_eq!(run(root, &["show", "thief"]).status.code(), Some(0));
    // check names the same film in two collections, as a likely duplicate.
    let check = text(&run(root, &["check"]).stdout);
    assert_eq!(
        check,
        "letterboxd/heat.md: warning: the same film as blog/heat.md (Heat, 1995); a likely duplicate\n"
    );
}

#[test]
fn a_missing_collection_is_a_warning_and_the_others_are_read() {
    let library = library();
    let root = library.path();
    let out = reviews()
        .current_dir(root)
        .env("REVIEWS_DIR", "blog:gone:letterboxd")
        .args(["list", "--format", "{collection}/{slug}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).lines().count(), 3);
    assert_eq!(
        text(&out.stderr),
        "reviews: warning: collection \"gone\" not found: tried gone (from $REVIEWS_DIR); the others are read\n"
    );
    let none = reviews()
        .current_dir(root)
        .env("REVIEWS_DIR", "gone:lost")
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none.stderr).contains("no review collection found: tried gone"));
}
