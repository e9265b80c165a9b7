//! `reviews check`: every problem, one line each, a summary, and the exit status.

mod common;

use common::{reviews, write_review};
use predicates::prelude::*;

#[test]
fn check_names_every_problem_with_its_line() {
    let expected = include_str!("fixtures/problems.expected");
    reviews()
        .args(["check", "tests/fixtures/problems"])
        .assert()
        .code(2)
        .stdout(expected)
        .stderr("10 files with problems, 2 ok\n");
}

#[test]
fn check_on_the_bundled_collection_is_clean() {
    reviews()
        .arg("check")
        .assert()
        .success()
        .stdout("")
        .stderr("0 files with problems, 5 ok\n");
}

#[test]
fn check_takes_files_and_reports_missing_ones() {
    reviews()
        .args([
            "check",
            "reviews/bullhead.md",
            "tests/fixtures/problems/wrong-shape.md",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::starts_with(
            "tests/fixtures/problems/wrong-shape.md:3:10: warning: runtime:",
        ))
        .stderr("1 file with problems, 1 ok\n");
    reviews()
        .args(["check", "no/such/file.md"])
        .assert()
        .code(2)
        .stdout("no/such/file.md: No such file or directory (os error 2)\n");
}

#[test]
fn check_shows_escapes_in_values_visibly() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "x",
        &["title: X", "runtime: \"\\e[2Jforever\""],
        b"",
    );
    let out = reviews().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stdout.contains(&0x1b));
    assert!(String::from_utf8_lossy(&out.stdout).contains("found \"\\u{1b}[2Jforever\""));
}

#[test]
fn check_warns_of_two_reviews_of_one_film_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "a",
        &["title: Taxi Driver", "year: 1976"],
        b"One.\n",
    );
    write_review(
        dir.path(),
        "b",
        &["title: TAXI DRIVER", "year: 1976"],
        b"Two.\n",
    );
    // Another year is another film.
    write_review(
        dir.path(),
        "c",
        &["title: Taxi Driver", "year: 2030"],
        b"Three.\n",
    );
    let out = reviews()
        .arg("--dir")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{}: warning: the same film as {} (Taxi Driver, 1976); a likely duplicate\n",
            b.display(),
            a.display()
        )
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "1 file with problems, 2 ok\n"
    );
}
