//! A notes vault read as its owner meant it: Obsidian's links as their text, placeholders as no
//! value, inline fields said once, index pages and templates left out, `#tags` as tags. Each test
//! builds its own vault in a temporary folder.

mod common;

use std::path::Path;

use common::{reviews, stdout_of};
use serde_json::{Value, json};

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn rows(dir: &Path) -> Vec<Value> {
    stdout_of(
        reviews()
            .arg("--dir")
            .arg(dir)
            .args(["list", "--format", "jsonl"]),
    )
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect()
}

fn row<'a>(rows: &'a [Value], slug: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["slug"] == slug)
        .unwrap_or_else(|| panic!("no {slug} in {rows:?}"))
}

const TOY_STORY: &str = "---\ntitle: Toy Story\ngenres: \"[[Animation]], [[Comedy film|Comedy]]\"\n\
    cast:\n  - \"[[Tom Hanks]]\"\n  - \"[[Tim Allen|Allen]]\"\nlength: N/A\nscore: TBD\n\
    synopsis: Toys, as [[Pixar]] saw them.\n---\n# Toy Story\n\ndirector:: [[John Lasseter]]\n\
    year:: 1995\n\nWoody and Buzz.\n";

#[test]
fn links_are_their_text_and_placeholders_no_value() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Films/toy-story.md", TOY_STORY);
    let rows = rows(dir.path());
    let toy = row(&rows, "toy-story");
    assert_eq!(toy["genres"], json!(["Animation", "Comedy"]));
    assert_eq!(toy["starring"], json!(["Tom Hanks", "Allen"]));
    assert_eq!(toy["synopsis"], "Toys, as Pixar saw them.");
    assert_eq!(toy["directed_by"], json!(["John Lasseter"]));
    assert_eq!(
        (&toy["runtime"], &toy["score"]),
        (&json!(null), &json!(null))
    );
    assert_eq!(
        toy["extra"],
        json!({}),
        "a placeholder is no value, not an odd one"
    );
    let check = reviews()
        .arg("--dir")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}

#[test]
fn inline_fields_lifted_into_the_header_are_not_said_again() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "toy-story.md", TOY_STORY);
    let run = |args: &[&str]| stdout_of(reviews().arg("--dir").arg(dir.path()).args(args));
    let shown: Value =
        serde_json::from_str(&run(&["show", "toy-story", "--format", "json"])).unwrap();
    let body = shown["body"].as_str().unwrap();
    assert!(!body.contains("::"), "{body:?}");
    assert!(body.starts_with("# Toy Story\n") && body.ends_with("Woody and Buzz.\n"));
    let text = run(&["show", "toy-story", "--width", "60"]);
    assert!(!text.contains("John Lasseter year"), "{text}");
    assert_eq!(text.matches("John Lasseter").count(), 1, "{text}");
    let exported = run(&["list", "--format", "letterboxd"]);
    assert!(
        !exported.contains("::") && exported.contains("Woody and Buzz."),
        "{exported}"
    );
    // A line the header already gives stays: nothing is lost.
    write(
        dir.path(),
        "heat.md",
        "---\ntitle: Heat\ndirector: Michael Mann\n---\ndirector:: Mann, really\n\nThe diner.\n",
    );
    let shown: Value = serde_json::from_str(&run(&["show", "heat", "--format", "json"])).unwrap();
    assert_eq!(shown["body"], "director:: Mann, really\n\nThe diner.\n");
}
