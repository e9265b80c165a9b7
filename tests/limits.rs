//! Hostile input: each limit gives a clear error naming the file, never a crash or a hang.

mod common;

use std::fs;

use common::{reviews, slugs, stdout_of, write_review};
use predicates::prelude::*;

fn collection_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_review(dir.path(), "good", &["title: Good"], b"Fine.\n");
    fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

/// `list` on the collection: the good review is listed, the bad file named, exit 2.
fn assert_bad_file_named(dir: &tempfile::TempDir, name: &str, message: &str) {
    let out = reviews()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{name}");
    assert_eq!(slugs(&String::from_utf8_lossy(&out.stdout)), ["good"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&dir.path().join(name).display().to_string()),
        "{stderr}"
    );
    assert!(stderr.contains(message), "{name}: {stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn alias_expansion_is_bounded() {
    let mut bomb = String::from("---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 0..9u8 {
        let (prev, next) = ((b'a' + i) as char, (b'a' + i + 1) as char);
        bomb.push_str(&format!("{next}: &{next} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    bomb.push_str("---\n");
    let dir = collection_with("bomb.md", bomb.as_bytes());
    // The header is refused as YAML, then read line by line: the review is kept, with a warning.
    let out = reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["--verbose", "list", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bomb.md:") && stderr.contains("warning: invalid YAML"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json.to_string().len() < 10_000,
        "no expansion reached the output"
    );
}

#[test]
fn deep_nesting_is_refused() {
    let depth = 100_000;
    let header = format!(
        "---\ntitle: Deep\nx: {}{}\n---\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let dir = collection_with("deep.md", header.as_bytes());
    let out = reviews()
        .arg("--dir")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("deep.md:3"));
}

#[test]
fn a_header_over_1_mib_is_refused() {
    let mut text = b"---\ntitle: Huge\n".to_vec();
    text.extend(std::iter::repeat_n(b"# padding line\n".as_slice(), 80_000).flatten());
    text.extend_from_slice(b"---\nBody\n");
    let dir = collection_with("huge.md", &text);
    assert_bad_file_named(&dir, "huge.md", "header is larger than 1 MiB");
    reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "huge"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("header is larger than 1 MiB"));
}

#[test]
fn nul_bytes_in_a_header_are_refused() {
    let dir = collection_with("nul.md", b"---\ntitle: A\x00B\n---\n");
    assert_bad_file_named(
        &dir,
        "nul.md",
        ":2:9: expected text in the header, found a NUL byte",
    );
}

#[test]
fn nul_bytes_in_a_body_are_dropped() {
    let dir = collection_with("nul-body.md", b"---\ntitle: Nul Body\n---\nA\x00B\n");
    let out = reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "nul-body"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0));
}

#[test]
fn a_folder_named_like_a_review_is_a_folder() {
    let dir = collection_with("odd.md", b"");
    fs::remove_file(dir.path().join("odd.md")).unwrap();
    fs::create_dir(dir.path().join("odd.md")).unwrap();
    write_review(
        &dir.path().join("odd.md"),
        "inside",
        &["title: Inside"],
        b"",
    );
    let out = stdout_of(reviews().arg("--dir").arg(dir.path()).arg("list"));
    assert_eq!(slugs(&out), ["good", "inside"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed() {
    let dir = collection_with("README", b"not a review");
    std::os::unix::fs::symlink("loop.md", dir.path().join("loop.md")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("again")).unwrap();
    assert_bad_file_named(&dir, "loop.md", "symbolic links");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_opened() {
    let dir = collection_with("x.md", b"---\ntitle: X\n---\n");
    let fifo = dir.path().join("pipe.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let out = stdout_of(reviews().arg("--dir").arg(dir.path()).arg("list"));
    assert_eq!(slugs(&out), ["good", "x"]);
    reviews()
        .arg("check")
        .arg(&fifo)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("not a regular file or folder"));
}

#[test]
fn a_50_mb_body_is_listed_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "All work and no play makes a long review. ".repeat(20) + "\n\n";
    let body = paragraph.repeat(50_000_000 / paragraph.len());
    write_review(
        dir.path(),
        "long",
        &["title: Long", "director: Someone"],
        body.as_bytes(),
    );
    let listed = stdout_of(reviews().arg("--dir").arg(dir.path()).arg("list"));
    assert_eq!(listed, "long\tLong\t\tSomeone\t\t\n");
    let shown = reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "long"])
        .output()
        .unwrap();
    assert!(shown.status.success());
    assert!(shown.stdout.len() > 45_000_000);
}

#[test]
fn a_query_that_is_not_a_path_never_leaves_the_collection() {
    for query in ["..\\..\\etc\\passwd", "..", "etc", "passwd"] {
        let dir = collection_with("x.md", b"---\ntitle: X\n---\n");
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(["show", query])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("no review matches"));
    }
    // A path names its file, as the user asked; one that is not a review is named, never printed.
    let dir = collection_with("x.md", b"---\ntitle: X\n---\n");
    reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "/etc/passwd"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "/etc/passwd:1: expected a front-matter header: the first line should be \"---\"\n",
        );
}
