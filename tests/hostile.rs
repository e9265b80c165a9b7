//! Hostile collections, round two: every resource a file drives is bounded by a limit of its own.
//!
//! Each test is at a size that took the tool down before its fix (an abort, minutes, gigabytes).
//! Runs are bounded by a generous timeout, to catch a hang or quadratic growth, and memory by an
//! address-space limit set through the shell, far above what the run needs.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use common::{binary, reviews, slugs, write_review};

/// Ten times what any of these runs takes in a debug build.
const TIMEOUT: Duration = Duration::from_secs(10);

fn collection_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_review(dir.path(), "good", &["title: Good"], b"Fine.\n");
    fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

/// `reviews --dir DIR ARGS...`, within the timeout.
fn run(dir: &Path, args: &[&str]) -> Output {
    reviews()
        .arg("--dir")
        .arg(dir)
        .args(args)
        .timeout(TIMEOUT)
        .output()
        .unwrap()
}

/// `reviews --dir DIR ARGS...` with at most `mib` MiB of address space (`ulimit -v`).
fn run_within(mib: usize, dir: &Path, args: &str) -> Output {
    let script = format!(
        "ulimit -v {}; exec '{}' --dir '{}' {args}",
        mib * 1024,
        binary().display(),
        dir.display()
    );
    assert_cmd::Command::new("sh")
        .args(["-c", &script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .timeout(TIMEOUT)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn aliases_of_aliases_are_bounded_by_what_they_expand_to() {
    // Three anchors, each a list of 300 aliases of the one before: 27 million values.
    let mut header = String::from("---\ntitle: Bomb\n");
    header.push_str(&format!("a: &a [{}]\n", vec!["x"; 300].join(", ")));
    header.push_str(&format!("b: &b [{}]\n", vec!["*a"; 300].join(", ")));
    header.push_str(&format!("c: &c [{}]\n", vec!["*b"; 300].join(", ")));
    header.push_str("---\nText.\n");
    assert!(header.len() < 6_000);
    let dir = collection_with("bomb.md", header.as_bytes());
    let out = run_within(512, dir.path(), "--verbose list");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(slugs(&stdout(&out)), ["bomb", "good"]);
    let err = stderr(&out);
    assert!(
        err.contains("bomb.md:") && err.contains("more than 50000 values"),
        "{err}"
    );
}

#[test]
fn nesting_is_counted_over_the_whole_header() {
    // Brackets on lines of their own: each line starts with `[`, none is deep on its own.
    let depth = 60_000;
    let header = format!(
        "---\ntitle: Nest\nx:\n{}{}---\n",
        "[\n".repeat(depth),
        "]\n".repeat(depth)
    );
    let dir = collection_with("nest.md", header.as_bytes());
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out)
            .contains("nest.md:68:1: warning: invalid YAML: nested more than 64 levels deep"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn quoted_brackets_and_comments_are_not_nesting() {
    let mut header = String::from("---\ntitle: X\n");
    for i in 0..100 {
        header.push_str(&format!("k{i}: \"[[[{{\" # [[[[ {{{{\n"));
    }
    header.push_str("---\n");
    let dir = collection_with("quoted.md", header.as_bytes());
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// A header of `count` keys, each a line made by `line`, between the given fences.
fn many_keys(
    open: &str,
    close: &str,
    first: &str,
    count: usize,
    line: fn(usize) -> String,
) -> Vec<u8> {
    let mut text = format!("{open}\n{first}\n");
    for i in 0..count {
        text.push_str(&line(i));
    }
    text.push_str(close);
    text.push('\n');
    text.into_bytes()
}

#[test]
fn many_keys_take_linear_time_in_every_format() {
    let cases = [
        (
            "yaml.md",
            many_keys("---", "---", "title: Keys", 90_000, |i| {
                format!("k{i}: v\n")
            }),
        ),
        (
            // Not YAML (the title's colon): read line by line.
            "lines.md",
            many_keys("---", "---", "title: Keys: bad", 90_000, |i| {
                format!("k{i}: v\n")
            }),
        ),
        (
            "toml.md",
            many_keys("+++", "+++", "title = 'Keys'", 24_000, |i| {
                format!("k{i} = 1\n")
            }),
        ),
        (
            "json.md",
            many_keys("{", "}", "\"title\": \"Keys\",", 24_000, |i| {
                format!("\"k{i}\": 1,\n")
            })
            .into_iter()
            .collect::<Vec<u8>>()
            .strip_suffix(b",\n}\n")
            .map(|s| [s, b"\n}\n"].concat())
            .unwrap(),
        ),
    ];
    for (name, bytes) in cases {
        let dir = collection_with(name, &bytes);
        let out = run(dir.path(), &["list", "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let keys = json
            .as_array()
            .unwrap()
            .iter()
            .find(|review| review["slug"] != "good")
            .unwrap();
        let extra = keys["extra"].as_object().unwrap();
        // Within the budget every key is kept; past it, the header is read up to the budget.
        assert!(extra.len() >= 24_000, "{name}: {} keys", extra.len());
    }
}

#[test]
fn legal_deep_yaml_costs_a_bounded_amount_of_memory() {
    // Thousands of keys, each nested 60 levels: within the depth limit, 250 MB a file before.
    let mut header = String::from("---\ntitle: Deep\n");
    for i in 0..8_000 {
        header.push_str(&format!("k{i}: {}{}\n", "[".repeat(60), "]".repeat(60)));
    }
    header.push_str("---\n");
    let dir = collection_with("deep.md", header.as_bytes());
    for i in 0..3 {
        fs::copy(
            dir.path().join("deep.md"),
            dir.path().join(format!("deep{i}.md")),
        )
        .unwrap();
    }
    let out = run_within(160, dir.path(), "list");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(slugs(&stdout(&out)).len(), 5);
}

#[test]
fn the_sanitiser_loses_no_text_to_a_string_left_open() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "besiktas",
        &["title: \"Be\u{c5}\u{9f}ikta\u{c5}\u{9f} Story\""],
        "First \u{1b}]0;open paragraph.\n\nSecond \u{9d} paragraph.\n\nThird paragraph.\n"
            .as_bytes(),
    );
    let out = run(dir.path(), &["list"]);
    assert_eq!(stdout(&out), "besiktas\tBe\u{c5}ikta\u{c5} Story\t\t\t\t\n");
    let out = run(dir.path(), &["show", "besiktas"]);
    let text = stdout(&out);
    assert!(
        text.contains("First \n") || text.contains("First\n"),
        "{text}"
    );
    assert!(text.contains("Second paragraph.") && text.contains("Third paragraph."));
    assert!(!text.contains('\u{1b}') && !text.contains('\u{9d}'));
}

#[test]
fn json_escapes_what_could_drive_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "x",
        &["title: \"a\u{9b}2Jb\u{202e}c\"", "note: \"\u{85}\u{7f}\""],
        "Body \u{9d}0;t\u{9c}.\n".as_bytes(),
    );
    for args in [
        &["list", "--format", "json"][..],
        &["list", "--format", "jsonl"],
        &["show", "x", "--format", "json"],
    ] {
        let out = run(dir.path(), args);
        let text = stdout(&out);
        assert!(
            text.chars()
                .all(|c| !matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}')),
            "{args:?}: {text:?}"
        );
        assert!(text.contains(r"a\u009b2Jb\u202ec"), "{args:?}: {text}");
        assert!(text.contains(r"\u0085\u007f"), "{args:?}: {text}");
    }
}

#[test]
fn an_indentation_bomb_prints_a_bounded_amount() {
    let body = format!("{}{}\n", "\t".repeat(60_000), "word ".repeat(2_000));
    let dir = collection_with(
        "indent.md",
        format!("---\ntitle: I\n---\n{body}").as_bytes(),
    );
    let out = run(dir.path(), &["show", "indent", "--width", "80"]);
    assert_eq!(out.status.code(), Some(0));
    // 2,000 words, each line indented by at most a quarter of the width.
    assert!(
        out.stdout.len() < 2 * body.trim_start().len(),
        "{}",
        out.stdout.len()
    );
    let text = stdout(&out);
    assert!(
        text.lines()
            .skip(2)
            .all(|l| l.starts_with(&" ".repeat(20)) && !l.starts_with(&" ".repeat(21)))
    );
}

#[test]
fn show_reads_the_head_of_a_file_first() {
    // 3 GB with no header (sparse, so it costs no disk): refused from its first line.
    let dir = tempfile::tempdir().unwrap();
    let file = fs::File::create(dir.path().join("huge.md")).unwrap();
    file.set_len(3 << 30).unwrap();
    let out = run_within(256, dir.path(), "show huge");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("huge.md:1: expected a front-matter header"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_holds_a_long_body_once() {
    // A 100 MB body: within three times its size, plus the program's own 32 MiB.
    let dir = tempfile::tempdir().unwrap();
    let paragraph = format!("{}\n\n", "word ".repeat(200));
    let mut text = String::from("---\ntitle: Long\n---\n");
    text.push_str(&paragraph.repeat((100 << 20) / paragraph.len()));
    fs::write(dir.path().join("long.md"), &text).unwrap();
    for format in ["text", "json", "markdown"] {
        let out = run_within(
            3 * 100 + 32 + 64,
            dir.path(),
            &format!("show long --format {format}"),
        );
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(out.stdout.len() > 90 << 20, "{format}");
    }
}

#[test]
fn links_out_of_the_collection_are_named_never_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("config.json");
    fs::write(&secret, "{\"auths\": {\"registry\": \"SECRET\"}}\n").unwrap();
    let dir = collection_with("inside.md", b"---\ntitle: Inside\n---\n");
    std::os::unix::fs::symlink(&secret, dir.path().join("cfg.md")).unwrap();
    // A link to a file inside is the same review: read once, under the file's own slug.
    std::os::unix::fs::symlink("good.md", dir.path().join("again.md")).unwrap();
    for args in [
        &["--verbose", "list", "--format", "json"][..],
        &["show", "cfg", "--format", "markdown"],
        &["check"],
    ] {
        let out = run(dir.path(), args);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!all.contains("SECRET"), "{args:?}: {all}");
        assert!(
            !all.contains("config.json"),
            "{args:?}: the target is never named: {all}"
        );
        if args[0] != "show" {
            assert!(
                all.contains("cfg.md: warning: a link to a file outside the collection; not read"),
                "{args:?}: {all}"
            );
        }
    }
    let out = run(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(slugs(&stdout(&out)), ["good", "inside"]);
}

#[test]
fn a_file_given_twice_is_read_once() {
    let dir = collection_with("bad.md", b"---\ntitle: Bad\nruntime: forever\n---\n");
    let bad = dir.path().join("bad.md");
    for sources in [
        vec![dir.path().to_path_buf(), bad.clone()],
        vec![bad.clone(), bad.clone()],
        vec![bad.clone(), dir.path().join(".").join("bad.md")],
    ] {
        let out = reviews()
            .arg("check")
            .args(&sources)
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(
            text.contains("bad.md:3:10: warning: runtime: expected minutes"),
            "{sources:?}: {text}"
        );
        assert!(!text.contains("slug"), "{sources:?}: {text}");
        assert_eq!(text.lines().count(), 1, "{sources:?}: {text}");
    }
}

#[test]
fn dir_naming_a_file_says_so() {
    let dir = collection_with("x.md", b"---\ntitle: X\n---\n");
    let out = run(&dir.path().join("x.md"), &["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("x.md: is a file, not a folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn smaller_problems_found_by_the_adversarial_pass() {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &[u8])] = &[
        ("bare.md", b"{\"runtime\": 5}\n"),
        ("repeat.md", b"{\"title\": \"A\",\n\"title\": \"B\"}\n"),
        ("big.md", b"---\ntitle: Big\nyear: 99999999999999999999999\n---\n"),
        ("inf.md", b"---\ntitle: .inf\n---\n"),
        ("ctl.md", b"---\ntitle: X\nnote: \"a\x01b\"\n---\n"),
        ("cr.md", b"---\rtitle: Old Mac\r---\rBody\r"),
        (
            "wide.md",
            b"---\ntitle: W\nrating: Approved-By-The-Regional-Board-Of-Somewhere\ndirector: \"A\\tB\\nC\"\n---\n",
        ),
    ];
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let utf16: Vec<u8> = "\u{feff}---\ntitle: X\n---\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(dir.path().join("utf16.md"), utf16).unwrap();
    let out = run(dir.path(), &["check"]);
    assert_eq!(
        stdout(&out),
        [
            "big.md:3:7: warning: year: expected a year such as 2012, found \"99999999999999999999999\"; kept as written in \"extra\"",
            "cr.md:1: lines end with a lone carriage return (\\r, classic Mac OS): expected \\n or \\r\\n line endings",
            "ctl.md:3:9: warning: invalid YAML: control characters are not allowed; read line by line as `key: value` instead",
            "repeat.md:2: warning: title: key given twice (first on line 1); the first value is used",
            "utf16.md:1: the file is encoded as UTF-16 (little-endian): expected UTF-8 text (save it as UTF-8)",
        ]
        .iter()
        .map(|line| format!("{}/{line}\n", dir.path().display()))
        .collect::<String>(),
        "{}",
        stdout(&out)
    );
    let out = run(dir.path(), &["list", "--format", "jsonl"]);
    let titles: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect();
    assert!(titles.contains(&"\".inf\"".to_string()), "{titles:?}");
    assert!(titles.contains(&"\"A\"".to_string()), "{titles:?}");
    // CSV quotes the tab and the newline; TSV and the table make them spaces.
    let csv = stdout(&run(
        dir.path(),
        &["list", "--format", "csv", "--title", "w"],
    ));
    assert!(csv.contains("\"A\tB\nC\""), "{csv}");
    let tsv = stdout(&run(
        dir.path(),
        &["list", "--format", "tsv", "--title", "w"],
    ));
    assert!(tsv.contains("\tA B C\t"), "{tsv}");
    // The rating gives up width like the other text columns.
    let table = stdout(&run(
        dir.path(),
        &["list", "--format", "table", "--width", "50", "--title", "w"],
    ));
    assert!(table.lines().all(|l| l.chars().count() <= 50), "{table}");
}

#[test]
fn fewer_threads_than_asked_for_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..20 {
        write_review(dir.path(), &format!("r{n}"), &["title: Heat"], b"\nText.\n");
    }
    // 64 threads with their stacks and allocation arenas cannot all start within 32 MiB of
    // address space, and a small collection is read in it.
    let script = format!(
        "ulimit -v {}; RAYON_NUM_THREADS=64 exec '{}' --dir '{}' list",
        32 * 1024,
        binary().display(),
        dir.path().display()
    );
    let out = assert_cmd::Command::new("sh")
        .args(["-c", &script])
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    // Rayon's own pool panicked here every time. What is left at this size can still be too
    // little for an allocation now and then, which aborts; never a panic.
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    if !stderr(&out).contains("memory allocation") {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), 20);
    }
}
