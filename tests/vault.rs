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

#[test]
fn index_pages_and_templates_are_left_out_and_check_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path();
    write(
        vault,
        ".obsidian/templates.json",
        "{\"folder\": \"Meta/Templates\"}",
    );
    write(
        vault,
        ".obsidian/film.md",
        "---\ntitle: settings, not a film\n---\n",
    );
    write(vault, ".trash/old.md", "---\ntitle: Deleted\n---\n");
    write(
        vault,
        "Meta/Templates/Film.md",
        "---\ntitle: \"{{title}}\"\ndirector:\n---\n",
    );
    write(
        vault,
        "Films/Index.md",
        "---\ntags: [index]\n---\n# Films\n\n```dataview\nTABLE director FROM \"Films\"\n```\n",
    );
    write(
        vault,
        "Films/Unseen.md",
        "## To see\n\n~~~query\ntag:#unseen\n~~~\n",
    );
    write(vault, "Films/_index.md", "---\ntitle: Films\n---\n");
    write(
        vault,
        "Films/heat.md",
        "---\ntitle: Heat\ntags: [crime]\n---\nSeen at the #Rialto, a #crime classic; `#code` is not a tag.\n\n# Heading\n",
    );
    let rows = rows(vault);
    let slugs: Vec<&str> = rows.iter().map(|r| r["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["heat"]);
    assert_eq!(rows[0]["tags"], json!(["crime", "Rialto"]));
    let tagged = stdout_of(
        reviews()
            .arg("--dir")
            .arg(vault)
            .args(["list", "--tag", "rialto"]),
    );
    assert!(tagged.starts_with("heat\t"), "{tagged}");

    let check = |args: &[&str]| {
        reviews()
            .arg("--dir")
            .arg(vault)
            .arg("check")
            .args(args)
            .output()
            .unwrap()
    };
    let quiet = check(&[]);
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&quiet.stderr),
        "0 files with problems, 1 ok\n"
    );
    let verbose = check(&["-v"]);
    let stderr = String::from_utf8_lossy(&verbose.stderr);
    let films = vault.join("Films");
    assert_eq!(
        stderr,
        format!(
            "reviews: left out a notes vault's template folder: {}\n\
             reviews: left out a Hugo section page: {}\n\
             reviews: left out 2 index pages (only queries, no film's field): {}, {}\n\
             0 files with problems, 1 ok\n",
            vault.join("Meta/Templates").display(),
            films.join("_index.md").display(),
            films.join("Index.md").display(),
            films.join("Unseen.md").display(),
        )
    );

    let show = reviews()
        .arg("--dir")
        .arg(vault)
        .args(["show", "Index"])
        .output()
        .unwrap();
    assert_eq!(show.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&show.stderr).contains("Index.md is an index page"));
    let search = reviews()
        .arg("--dir")
        .arg(vault)
        .args(["search", "films"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&search.stdout),
        "",
        "index pages are not searched"
    );
}
