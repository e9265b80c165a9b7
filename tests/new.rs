//! `reviews new`: a file of its own, written as `import` writes one, unless the film is there.

mod common;

use std::fs;
use std::path::Path;

use common::{reviews, write_review};

/// `reviews new ARGS... --to DIR`, with no editor.
fn new(dir: &Path, args: &[&str]) -> std::process::Output {
    reviews()
        .arg("new")
        .args(args)
        .arg("--to")
        .arg(dir)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn new_writes_a_file_of_its_own_and_prints_its_path() {
    let to = tempfile::tempdir().unwrap();
    let first = new(
        to.path(),
        &[
            "Rust and Bone",
            "--year",
            "2012",
            "--director",
            "Jacques Audiard",
            "--rating",
            "R",
        ],
    );
    assert_eq!(first.status.code(), Some(0));
    let path = to.path().join("rust-and-bone.md");
    assert_eq!(text(&first.stdout), format!("{}\n", path.display()));
    let written = fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("---\ntitle: Rust and Bone\nyear: 2012\ndirected_by:\n- Jacques Audiard\nrating: R\nreviewed: "), "{written}");
    let bad = new(to.path(), &["X", "--score", "great"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).starts_with("reviews: --score: expected a score"));
}

#[test]
fn new_names_the_review_already_there_and_exits_1_unless_forced() {
    let to = tempfile::tempdir().unwrap();
    write_review(
        to.path(),
        "taxi-driver",
        &["title: Taxi Driver", "year: 1976"],
        b"Text.\n",
    );
    write_review(
        to.path(),
        "seven-samurai",
        &[
            "title: Seven Samurai",
            "original_title: 七人の侍",
            "year: 1954",
        ],
        b"Text.\n",
    );
    let files = || fs::read_dir(to.path()).unwrap().count();
    for (args, file, film) in [
        (
            &["Taxi Driver", "--year", "1976"][..],
            "taxi-driver.md",
            "Taxi Driver (1976)",
        ),
        (&["taxi", "DRIVER"][..], "taxi-driver.md", "taxi DRIVER"),
        (&["七人の侍"][..], "seven-samurai.md", "七人の侍"),
    ] {
        let out = new(to.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(out.stdout, b"", "{args:?}");
        assert_eq!(
            text(&out.stderr),
            format!(
                "reviews: {film} is already reviewed in {}; --force writes another\n",
                to.path().join(file).display()
            )
        );
        assert_eq!(files(), 2, "nothing written for {args:?}");
    }
    // Another year is another film; --force writes the same film again.
    let remake = new(to.path(), &["Taxi Driver", "--year", "2030"]);
    assert_eq!(remake.status.code(), Some(0));
    assert_eq!(
        text(&remake.stdout),
        format!("{}\n", to.path().join("taxi-driver-2030.md").display())
    );
    let forced = new(to.path(), &["七人の侍", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    assert_eq!(files(), 4);
}
