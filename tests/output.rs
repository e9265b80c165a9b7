//! Output for programs: formats that round-trip, sorting, limits, untrusted text, closed pipes.

mod common;

use std::process::Command as StdCommand;

use common::{binary, in_fixture, reviews, slugs, stdout_of, write_review};
use tempfile::TempDir;

/// A collection where each sort key is missing from some review.
fn sortable() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_review(
        d,
        "zed",
        &[
            "title: The Zed",
            "year: 2001",
            "director: Bo Alm",
            "rating: R",
            "runtime: 90",
            "reviewed: 2020-01-02",
            "release date: 2001-05-01",
        ],
        b"",
    );
    write_review(
        d,
        "alpha",
        &[
            "title: alpha",
            "year: 1999",
            "director: Cy Dee",
            "rating: G",
            "runtime: 120",
            "reviewed: 2019-03-04",
        ],
        b"",
    );
    write_review(
        d,
        "mid",
        &["title: An Middle", "director: Ann Bee", "rating: PG-13"],
        b"",
    );
    write_review(d, "bare", &["title: Bare"], b"");
    write_review(d, "twin-b", &["title: Twin", "year: 2001"], b"");
    write_review(d, "twin-a", &["title: Twin", "year: 2001"], b"");
    dir
}

fn sorted(dir: &TempDir, args: &[&str]) -> Vec<String> {
    let mut cmd = reviews();
    cmd.arg("--dir").arg(dir.path()).arg("list").args(args);
    slugs(&stdout_of(cmd))
}

#[test]
fn title_sort_ignores_case_and_articles_with_stable_ties() {
    let dir = sortable();
    assert_eq!(
        sorted(&dir, &[]),
        ["alpha", "bare", "mid", "twin-a", "twin-b", "zed"]
    );
    assert_eq!(
        sorted(&dir, &["--reverse"]),
        ["zed", "twin-a", "twin-b", "mid", "bare", "alpha"]
    );
}

#[test]
fn each_sort_key_puts_missing_values_last_both_ways() {
    let dir = sortable();
    // Each key, the order it gives, and the order it gives reversed.
    let cases = [
        (
            "year",
            "alpha twin-a twin-b zed bare mid",
            "twin-a twin-b zed alpha bare mid",
        ),
        (
            "director",
            "mid zed alpha bare twin-a twin-b",
            "alpha zed mid bare twin-a twin-b",
        ),
        (
            "rating",
            "alpha mid zed bare twin-a twin-b",
            "zed mid alpha bare twin-a twin-b",
        ),
        (
            "runtime",
            "zed alpha bare mid twin-a twin-b",
            "alpha zed bare mid twin-a twin-b",
        ),
        (
            "reviewed",
            "alpha zed bare mid twin-a twin-b",
            "zed alpha bare mid twin-a twin-b",
        ),
        (
            "release",
            "zed alpha bare mid twin-a twin-b",
            "zed alpha bare mid twin-a twin-b",
        ),
    ];
    for (key, forward, backward) in cases {
        let words = |order: &str| order.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            sorted(&dir, &["--sort", key]),
            words(forward),
            "--sort {key}"
        );
        assert_eq!(
            sorted(&dir, &["--sort", key, "--reverse"]),
            words(backward),
            "--sort {key} --reverse"
        );
    }
}

#[test]
fn limit_after_sort_gives_the_newest() {
    let out = stdout_of(reviews().args(["list", "--sort", "year", "--reverse", "--limit", "2"]));
    let years: Vec<&str> = out.lines().map(|l| l.split('\t').nth(2).unwrap()).collect();
    assert_eq!(years, ["2012", "2012"]);
    assert_eq!(slugs(&out), ["madagascar-3", "rust-and-bone"]);
}

#[test]
fn csv_round_trips_through_a_csv_parser() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "q",
        &[
            "title: \"Quotes \\\"and\\\", commas\"",
            "director: A, B and C",
        ],
        b"",
    );
    let out = stdout_of(
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(["list", "--format", "csv"]),
    );
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<&str> = reader.headers().unwrap().iter().collect();
    assert_eq!(
        header.join(","),
        "slug,title,year,directed_by,rating,runtime,score"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][1], "Quotes \"and\", commas");
    assert_eq!(&rows[0][3], "A, B, C");
}

#[test]
fn tsv_asked_for_by_name_has_a_header_row() {
    let out = stdout_of(in_fixture(
        "shapes",
        &["list", "--format", "tsv", "--limit", "1"],
    ));
    assert_eq!(
        out.lines().next(),
        Some("slug\ttitle\tyear\tdirected_by\trating\truntime")
    );
    assert_eq!(out.lines().count(), 2);
}

/// A review whose title and body try to drive the terminal, with a Latin-1 byte in the body.
fn hostile() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let body = b"Clean start.\n\x1b]0;pwned\x07Then \x1b[2Jclear, bell\x07, back\x08space, caf\xe9 and\r more.\n";
    write_review(
        dir.path(),
        "hostile",
        &[
            "title: \"Evil \\e[31mRed\\a\"",
            "director: \"Tab\\tIn\\nName\"",
        ],
        body,
    );
    dir
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = hostile();
    for args in [
        &["show", "hostile"][..],
        &["show", "hostile", "--format", "text"],
        &["list"],
        &["list", "--format", "table"],
        &["list", "--format", "csv"],
    ] {
        let out = reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        for byte in [0x1b, 0x07, 0x08, b'\r'] {
            assert!(
                !out.stdout.contains(&byte),
                "{args:?} printed byte {byte:#x}"
            );
        }
    }
    let text = stdout_of(
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(["show", "hostile"]),
    );
    assert!(text.starts_with("Evil Red\n"), "{text}");
    assert!(
        text.contains("Then clear, bell, backspace, caf\u{FFFD} and more."),
        "{text}"
    );
    let tsv = stdout_of(reviews().arg("--dir").arg(dir.path()).arg("list"));
    assert_eq!(tsv, "hostile\tEvil Red\t\tTab In Name\t\t\n");
}

#[test]
fn json_escapes_control_characters_instead_of_dropping_them() {
    let dir = hostile();
    let out = stdout_of(
        reviews()
            .arg("--dir")
            .arg(dir.path())
            .args(["show", "hostile", "--format", "json"]),
    );
    assert!(!out.contains('\x1b'));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["title"], "Evil \x1b[31mRed\x07");
}

#[test]
fn closing_the_pipe_early_is_a_quiet_end() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5000 {
        write_review(
            dir.path(),
            &format!("film-{i:05}"),
            &[
                &format!("title: Film number {i}"),
                "director: Somebody Else",
            ],
            b"Short.\n",
        );
    }
    let script = format!(
        "'{}' --dir '{}' list | head -1; echo \"status=${{PIPESTATUS[0]}}\"",
        binary().display(),
        dir.path().display()
    );
    let out = StdCommand::new("bash")
        .arg("-c")
        .arg(&script)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "film-00000\tFilm number 0\t\tSomebody Else\t\t\nstatus=0\n"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn version_and_help_with_examples() {
    let version = stdout_of(reviews().arg("--version"));
    assert_eq!(version, format!("reviews {}\n", env!("CARGO_PKG_VERSION")));
    for command in ["list", "show"] {
        let help = stdout_of(reviews().args([command, "--help"]));
        assert!(help.contains("Examples:"), "{command} --help");
        assert!(
            help.contains(&format!("reviews {command}")),
            "{command} --help"
        );
    }
}

#[test]
fn table_snapshot_at_60_columns() {
    let out = stdout_of(reviews().args(["list", "--format", "table", "--width", "60"]));
    insta::assert_snapshot!(out);
}

#[test]
fn table_columns_line_up_with_wide_characters() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "tokyo",
        &[
            "title: 東京物語 (Tokyo Story)",
            "year: 1953",
            "director: 小津安二郎",
        ],
        b"",
    );
    write_review(
        dir.path(),
        "amelie",
        &[
            "title: Le Fabuleux Destin d'Amélie Poulain",
            "year: 2001",
            "director: Jean-Pierre Jeunet",
        ],
        b"",
    );
    write_review(
        dir.path(),
        "emoji",
        &["title: 🎬🍿 Popcorn", "year: 2020", "director: Zoë"],
        b"",
    );
    for width in [60, 44, 36] {
        let out = stdout_of(reviews().arg("--dir").arg(dir.path()).args([
            "list",
            "--format",
            "table",
            "--width",
            &width.to_string(),
        ]));
        let year_columns: Vec<usize> = out
            .lines()
            .map(|line| {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= width,
                    "{line:?} wider than {width}"
                );
                let byte = line.find("YEAR").or_else(|| line.find(['1', '2'])).unwrap();
                unicode_width::UnicodeWidthStr::width(&line[..byte])
            })
            .collect();
        assert_eq!(year_columns.len(), 4, "{out}");
        assert!(
            year_columns.windows(2).all(|w| w[0] == w[1]),
            "YEAR not aligned at {width}:\n{out}"
        );
    }
}
