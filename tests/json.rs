//! `list --format json` and `jsonl`: the records as they are, every name kept.

mod common;

use common::{reviews, stdout_of, write_review};
use tempfile::TempDir;

#[test]
fn json_and_jsonl_round_trip() {
    let json = stdout_of(reviews().args(["list", "--format", "json"]));
    let array: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(array.len(), 5);
    let jsonl = stdout_of(reviews().args(["list", "--format", "jsonl"]));
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, array);
    let prophet = array.iter().find(|r| r["slug"] == "a-prophet").unwrap();
    assert_eq!(prophet["runtime"], 155);
    assert_eq!(
        prophet["score"],
        serde_json::json!({"value": 4.0, "max": 4.0, "normalized": 100.0})
    );
    assert_eq!(prophet["us_release_note"], "limited");
}

/// A file name that is not UTF-8 is written lossily, its slug and path both there, in both JSON
/// forms.
#[cfg(unix)]
#[test]
fn json_keeps_every_name_of_a_file_named_in_latin_1() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9-society.md");
    std::fs::write(
        dir.path().join(name),
        "---\ntitle: Caf\u{e9} Society\n---\nText.\n",
    )
    .unwrap();
    write_review(
        dir.path(),
        "rust-and-bone",
        &["title: Rust and Bone"],
        b"Text.\n",
    );
    for format in ["json", "jsonl"] {
        let out = stdout_of(
            reviews()
                .arg("--dir")
                .arg(dir.path())
                .args(["list", "--format", format]),
        );
        let records: Vec<serde_json::Value> = match format {
            "json" => serde_json::from_str(&out).unwrap(),
            _ => out
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect(),
        };
        let cafe = records
            .iter()
            .find(|r| r["title"] == "Café Society")
            .unwrap();
        assert_eq!(cafe["slug"], "caf\u{fffd}-society", "{format}: {out}");
        assert!(
            cafe["path"]
                .as_str()
                .unwrap()
                .ends_with("caf\u{fffd}-society.md")
        );
        assert_eq!(records.len(), 2);
    }
}
