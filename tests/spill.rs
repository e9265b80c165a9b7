//! Collections larger than the memory budget: rows, problems and paths then wait, sorted, in
//! temporary files. Whatever the budget, the output must be the same, and nothing may be left
//! behind in the temporary folder.

mod common;

use std::path::Path;

use common::{reviews, write_review};

/// 420 reviews in three folders: shared titles, missing years, accented directors, three files
/// with the same slug, some bad files and some warnings.
fn collection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let directors = [
        "Jacques Audiard",
        "Pedro Almodóvar",
        "Agnès Varda",
        "Céline Sciamma",
    ];
    let ratings = ["R", "PG-13", "NC-17", "G", "unrated"];
    for folder in ["a", "b", "c"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
    }
    for i in 0..420 {
        let folder = dir.path().join(["a", "b", "c"][i % 3]);
        let title = format!("title: \"Film {}\"", i % 150);
        let year = format!("year: {}", 1990 + i % 30);
        let director = format!("director: {}", directors[i % 4]);
        let rating = format!("rating: {}", ratings[i % 5]);
        let runtime = format!("runtime: {} min", 80 + i % 70);
        let mut header = vec![title.as_str(), director.as_str(), rating.as_str()];
        if i % 7 != 0 {
            header.push(&year);
        }
        if i % 11 != 0 {
            header.push(&runtime);
        }
        write_review(&folder, &format!("film-{i:03}"), &header, b"A body.\n");
    }
    // A slug three folders share, invalid YAML, a bad value, a missing title.
    for folder in ["a", "b", "c"] {
        let path = dir.path().join(folder);
        write_review(&path, "same", &["title: Same", "year: 2001"], b"");
    }
    std::fs::write(
        dir.path().join("a/broken.md"),
        "---\ntitle: [unclosed\n---\n",
    )
    .unwrap();
    write_review(
        &dir.path().join("b"),
        "forever",
        &["title: Forever", "runtime: forever"],
        b"",
    );
    write_review(&dir.path().join("c"), "untitled", &["year: 1999"], b"");
    dir
}

/// Status, stdout and stderr of `reviews --dir DIR [--sort-memory BUDGET] ARGS`, checking that the
/// temporary folder it was given is empty afterwards.
fn run(dir: &Path, budget: Option<usize>, args: &[&str]) -> (i32, String, String) {
    let temp = tempfile::tempdir().unwrap();
    let mut cmd = reviews();
    cmd.env("TMPDIR", temp.path()).arg("--dir").arg(dir);
    if let Some(budget) = budget {
        cmd.arg("--sort-memory").arg(budget.to_string());
    }
    let output = cmd.args(args).output().unwrap();
    let left: Vec<_> = std::fs::read_dir(temp.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn list_output_does_not_depend_on_the_memory_budget() {
    let dir = collection();
    let commands: [&[&str]; 10] = [
        &["list"],
        &["list", "--format", "json"],
        &["list", "--format", "jsonl", "--sort", "year"],
        &["list", "--format", "csv", "--sort", "director", "--reverse"],
        &["list", "--format", "table", "--width", "70"],
        &[
            "list", "--format", "table", "--limit", "5", "--sort", "runtime",
        ],
        &["list", "--sort", "rating", "--limit", "17"],
        &[
            "list",
            "--director",
            "almodovar",
            "--sort",
            "year",
            "--reverse",
        ],
        &["list", "--title", "film 1"],
        &["list", "--director", "nobody"],
    ];
    for args in commands {
        let expected = run(dir.path(), None, args);
        // Every record its own run (merged 64 at a time), and a few records a run.
        for budget in [0, 3000] {
            assert_eq!(
                run(dir.path(), Some(budget), args),
                expected,
                "{args:?}, {budget}"
            );
        }
    }
    let (status, stdout, stderr) = run(dir.path(), Some(0), &["list"]);
    assert_eq!(status, 2);
    // 420 films, one `same`, `untitled`, and `broken` read line by line; not `forever`, nor the
    // other `same`s.
    let names: Vec<&str> = stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let others: Vec<&str> = names
        .iter()
        .filter(|n| !n.starts_with("film-"))
        .copied()
        .collect();
    assert_eq!(others, ["broken", "same", "untitled"]);
    assert_eq!(names.len(), 423);
    let problems: Vec<&str> = stderr.lines().collect();
    assert_eq!(problems.len(), 5, "{stderr}");
    // Problems come in path order, whatever order the folders listed the files in.
    let mut sorted = problems.clone();
    sorted.sort();
    assert_eq!(problems, sorted);
    assert!(stderr.contains("b/same.md: slug \"same\" is also used by"));
    assert!(stderr.contains("c/same.md: slug \"same\" is also used by"));
}

#[test]
fn without_a_writable_temporary_folder_everything_stays_in_memory() {
    let dir = collection();
    for args in [&["list", "--format", "json"][..], &["check"]] {
        let expected = run(dir.path(), None, args);
        let output = reviews()
            .env("TMPDIR", dir.path().join("no-such-folder"))
            .arg("--dir")
            .arg(dir.path())
            .args(["--sort-memory", "0"])
            .args(args)
            .output()
            .unwrap();
        let got = (
            output.status.code().unwrap(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        );
        assert_eq!(got, expected, "{args:?}");
    }
}

#[test]
fn rows_sort_the_same_in_memory_and_through_temporary_files() {
    let dir = collection();
    let (_, stdout, _) = run(dir.path(), Some(0), &["list", "--sort", "year"]);
    let years: Vec<Option<u32>> = stdout
        .lines()
        .map(|l| l.split('\t').nth(2).unwrap().parse().ok())
        .collect();
    let present: Vec<u32> = years.iter().flatten().copied().collect();
    assert!(present.windows(2).all(|w| w[0] <= w[1]));
    // Missing years last.
    let first_missing = years.iter().position(Option::is_none).unwrap();
    assert!(years[first_missing..].iter().all(Option::is_none));
}

#[test]
fn check_and_show_do_not_depend_on_the_memory_budget() {
    let dir = collection();
    let commands: [&[&str]; 5] = [
        &["check"],
        &["show", "Film 149"],
        &["show", "Film 14"],
        &["show", "same"],
        &["show", "flim 1490"],
    ];
    for args in commands {
        let expected = run(dir.path(), None, args);
        assert_eq!(run(dir.path(), Some(0), args), expected, "{args:?}");
    }
    let (status, stdout, stderr) = run(dir.path(), Some(0), &["check"]);
    assert_eq!(status, 2);
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    assert_eq!(stderr, "5 files with problems, 421 ok\n");
}
