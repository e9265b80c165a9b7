//! Skipping the YAML parse of headers that cannot match must never change what `list` prints.

mod common;

use common::{reviews, stdout_of, write_review};
use reviews::Query;

/// Director spellings, including accents written precomposed, decomposed (NFD) and as YAML
/// escapes, quotes doubled inside single quotes, and a name folded over two lines.
const DIRECTORS: &[&str] = &[
    "[Jacques Audiard]",
    "[Michel Audiard, Ana Lopes]",
    "Pedro Almodóvar",
    "\"Pedro Almod\\u00f3var\"",
    "Pedro Almodo\u{301}var",
    "[Antonín Dvořák]",
    "'Zoë O''Brien'",
    "\"Jacques\n  AUDIARD\"",
    "Somebody Else",
    "[Søren Lindqvist, Łukasz Żuławski]",
];

fn collection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        let director = DIRECTORS[i % DIRECTORS.len()];
        // Names that appear only in other fields, or only in the body, must not match.
        let writer = if i % 7 == 0 {
            "Jacques Audiard"
        } else {
            "Nobody"
        };
        let cast = if i % 11 == 0 {
            "[Pedro Almodóvar]"
        } else {
            "[Extra]"
        };
        let body = if i % 5 == 0 {
            "Audiard’s influence, Dvořák’s music."
        } else {
            "Text."
        };
        let tag = if i % 3 == 0 { "drame" } else { "comédie" };
        write_review(
            dir.path(),
            &format!("film-{i:03}"),
            &[
                &format!("title: Film {i} à Paris"),
                &format!("director: {director}"),
                &format!("writer: {writer}"),
                &format!("cast: {cast}"),
                &format!("tags: [{tag}]"),
                &format!("year: {}", 1950 + i % 70),
            ],
            body.as_bytes(),
        );
    }
    // Titles that come from the file's name.
    for i in 0..5 {
        write_review(
            dir.path(),
            &format!("amelie-{i}"),
            &["director: Jean-Pierre Jeunet"],
            b"",
        );
    }
    dir
}

/// Every review, parsed in full, as JSON.
fn all_reviews(dir: &tempfile::TempDir) -> Vec<serde_json::Value> {
    let out = stdout_of(
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(["list", "--format", "jsonl"]),
    );
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn names(review: &serde_json::Value, field: &str) -> Vec<String> {
    review[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn filtered_lists_equal_filtering_every_parsed_review() {
    let dir = collection();
    let everything = all_reviews(&dir);
    assert_eq!(everything.len(), 405);
    let cases: &[(&str, &str)] = &[
        ("--director", "audiard"),
        ("--director", "Jacques Audiard"),
        ("--director", "almodovar"),
        ("--director", "ALMODÓVAR"),
        ("--director", "dvorak"),
        ("--director", "o'brien"),
        ("--director", "zulawski"),
        ("--writer", "audiard"),
        ("--cast", "almodovar"),
        ("--tag", "comedie"),
        ("--title", "a paris"),
        ("--title", "amélie"),
    ];
    for (flag, value) in cases {
        // The library's query on every record parsed in full: no header is skipped unparsed.
        let query = match *flag {
            "--director" => Query::new().director(value),
            "--writer" => Query::new().writer(value),
            "--cast" => Query::new().cast(value),
            "--tag" => Query::new().tag(value),
            "--title" => Query::new().title(value),
            _ => unreachable!(),
        };
        let expected: Vec<String> = everything
            .iter()
            .filter(|r| {
                let path = dir
                    .path()
                    .join(format!("{}.md", r["slug"].as_str().unwrap()));
                query.matches(&reviews::read_file(path).unwrap())
            })
            .map(|r| r["slug"].as_str().unwrap().to_string())
            .collect();
        let out = stdout_of(
            reviews()
                .arg("--dir")
                .arg(dir.path())
                .args(["list", "--format", "jsonl", flag, value]),
        );
        let got: Vec<String> = out
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["slug"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert!(
            !expected.is_empty(),
            "{flag} {value} should match something"
        );
        assert_eq!(got, expected, "{flag} {value}");
    }
}

#[test]
fn the_generated_names_parse_as_intended() {
    let dir = collection();
    let everything = all_reviews(&dir);
    let directors = |i: usize| {
        names(
            &everything
                .iter()
                .find(|r| r["slug"] == format!("film-{i:03}"))
                .unwrap()
                .clone(),
            "directed_by",
        )
    };
    assert_eq!(
        directors(3),
        ["Pedro Almodóvar"],
        "the YAML escape is decoded"
    );
    assert_eq!(directors(6), ["Zoë O'Brien"]);
    assert_eq!(
        directors(7),
        ["Jacques AUDIARD"],
        "the folded line is joined"
    );
}

#[test]
fn an_unreadable_file_is_named_under_every_filter() {
    let dir = collection();
    let bad: &[(&str, &[u8])] = &[
        ("nul.md", b"---\ntitle: Nul\x00\n---\n"),
        ("unclosed.md", b"---\ntitle: Never closed\n"),
        ("latin1.md", b"---\ntitle: Caf\xe9\n---\n"),
        ("toml.md", b"+++\ntitle = \n+++\n"),
        ("json.md", b"{\"title\": }\n"),
    ];
    for (name, bytes) in bad {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    for filter in [
        &[][..],
        &["--director", "audiard"],
        &["--director", "zzz-nobody"],
        &["--title", "amelie"],
        &["--cast", "almodovar", "--tag", "drame"],
        &["--year", "1990"],
    ] {
        let out = reviews()
            .arg("--dir")
            .arg(dir.path())
            .arg("list")
            .args(filter)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{filter:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for (name, _) in bad {
            assert!(
                stderr.contains(&format!("{name}:")),
                "{filter:?} {name}: {stderr}"
            );
        }
    }
}
