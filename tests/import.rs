//! `reviews import`: canonical files, named from titles, never overwritten.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{fixture, reviews, stdout_of, write_review};
use serde_json::Value;

fn record(dir: &Path, slug: &str) -> Value {
    let mut review: Value = serde_json::from_str(&stdout_of(
        reviews()
            .arg("--dir")
            .arg(dir)
            .args(["show", slug, "--format", "json"]),
    ))
    .unwrap();
    review.as_object_mut().unwrap().remove("path");
    review
}

#[test]
fn import_writes_canonical_files_that_read_back_to_their_sources() {
    let sources = tempfile::tempdir().unwrap();
    for name in ["night-of-the-hunter.txt", "heat.md", "prose-note.md"] {
        fs::copy(fixture("plain").join(name), sources.path().join(name)).unwrap();
    }
    let before: Vec<Vec<u8>> = ["night-of-the-hunter.txt", "heat.md"]
        .iter()
        .map(|n| fs::read(sources.path().join(n)).unwrap())
        .collect();
    let to = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        reviews()
            .arg("import")
            .args(
                ["night-of-the-hunter.txt", "heat.md", "prose-note.md"]
                    .map(|n| sources.path().join(n)),
            )
            .arg("--to")
            .arg(to.path())
            .args(extra)
            .output()
            .unwrap()
    };
    let dry = run(&["--dry-run"]);
    assert_eq!(
        String::from_utf8_lossy(&dry.stderr).lines().last(),
        Some("2 would be written, 0 already there, 1 failed")
    );
    assert_eq!(
        fs::read_dir(to.path()).unwrap().count(),
        0,
        "a dry run writes nothing"
    );

    let first = run(&[]);
    assert_eq!(first.status.code(), Some(2), "a source that cannot be read");
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(
        stderr.contains("prose-note.md:1: expected a front-matter header"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("2 written, 0 already there, 1 failed\n"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(
        stdout.contains(&format!(
            "\t{}\n",
            to.path().join("the-night-of-the-hunter.md").display()
        )),
        "{stdout}"
    );
    let written = fs::read_to_string(to.path().join("the-night-of-the-hunter.md")).unwrap();
    assert!(
        written.starts_with("---\ntitle: The Night of the Hunter\nyear: 1955\n"),
        "{written}"
    );

    // Every field, extra and the body read back as from the source.
    for (slug, source_slug) in [
        ("the-night-of-the-hunter", "night-of-the-hunter"),
        ("heat", "heat"),
    ] {
        let mut imported = record(to.path(), slug);
        let mut source = record(sources.path(), source_slug);
        // Where each is, not what it holds.
        for key in ["slug", "collection"] {
            imported[key] = Value::Null;
            source[key] = Value::Null;
        }
        // The body as written, but for its line endings: an imported file is LF throughout.
        let body = source["body"].as_str().unwrap().replace("\r\n", "\n");
        source["body"] = Value::from(body);
        assert_eq!(imported, source, "{slug}");
    }

    // Twice changes nothing, and the sources are never touched.
    let again = run(&[]);
    assert!(
        String::from_utf8_lossy(&again.stderr).ends_with("0 written, 2 already there, 1 failed\n")
    );
    assert_eq!(fs::read_dir(to.path()).unwrap().count(), 2);
    for (name, bytes) in ["night-of-the-hunter.txt", "heat.md"].iter().zip(before) {
        assert_eq!(fs::read(sources.path().join(name)).unwrap(), bytes);
    }
}

#[test]
fn a_taken_name_gets_the_year_then_a_number() {
    let sources = tempfile::tempdir().unwrap();
    let to = tempfile::tempdir().unwrap();
    let solaris = ["title: Solaris", "year: 2002"];
    write_review(
        to.path(),
        "solaris",
        &["title: Solaris", "year: 1972"],
        b"Tarkovsky.\n",
    );
    write_review(sources.path(), "a", &solaris, b"Soderbergh.\n");
    write_review(sources.path(), "b", &solaris, b"A second look.\n");
    import_ab(sources.path(), to.path());
    let mut names: Vec<String> = fs::read_dir(to.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["solaris-2.md", "solaris-2002.md", "solaris.md"]);
    assert!(
        fs::read_to_string(to.path().join("solaris.md"))
            .unwrap()
            .contains("Tarkovsky")
    );
    assert!(
        fs::read_to_string(to.path().join("solaris-2.md"))
            .unwrap()
            .ends_with("A second look.\n")
    );
}

#[test]
fn links_fifos_and_repeats_among_the_sources_are_never_written_through() {
    let sources = tempfile::tempdir().unwrap();
    let to = tempfile::tempdir().unwrap();
    let victim = sources.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    for name in ["a", "b"] {
        write_review(sources.path(), name, &["title: Heat"], b"Text.\n");
    }
    // A link where the file would go, and a FIFO where the next name would be.
    std::os::unix::fs::symlink(&victim, to.path().join("heat.md")).unwrap();
    let fifo = to.path().join("heat-2.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = import_ab(sources.path(), to.path());
    // The same review twice in one run is written once.
    assert!(
        String::from_utf8_lossy(&out.stderr).ends_with("1 written, 1 already there, 0 failed\n")
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(
        fs::read_to_string(to.path().join("heat-3.md"))
            .unwrap()
            .ends_with("Text.\n")
    );
}

/// Imports `a.md` and `b.md` from `sources` into `to`.
fn import_ab(sources: &Path, to: &Path) -> std::process::Output {
    import_into(&[sources.join("a.md"), sources.join("b.md")], to)
}

/// Imports `sources` into `to`, bounded in time (a FIFO among the targets must never block),
/// and asserts it succeeded.
fn import_into(sources: &[PathBuf], to: &Path) -> std::process::Output {
    let out = reviews()
        .arg("import")
        .args(sources)
        .arg("--to")
        .arg(to)
        .timeout(std::time::Duration::from_secs(10))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every source `import` reads, imported twice: the second run finds each review already
/// there, whatever keys its values came from (inline fields, Hugo's params, a bare score).
#[test]
fn importing_every_source_twice_writes_nothing_the_second_time() {
    let to = tempfile::tempdir().unwrap();
    let sources = tempfile::tempdir().unwrap();
    let s = sources.path();
    std::fs::write(
        s.join("obsidian.md"),
        "---\ntags: [film]\n---\nrating:: 5\ndirector:: [[Michael Mann]]\n\nGreat heist.\r\n\r\nTwo.\r\n",
    )
    .unwrap();
    std::fs::write(
        s.join("hugo.md"),
        "+++\ntitle = \"Ran\"\nrating = 9\n[params]\ndirector = \"Akira Kurosawa\"\nmood = \"epic\"\n+++\nText.\n",
    )
    .unwrap();
    std::fs::write(
        s.join("json.md"),
        "{\"title\": \"Ikiru\", \"year\": 1952, \"score\": \"★★★★½\"}\nText.\n",
    )
    .unwrap();
    let mut every: Vec<PathBuf> = ["obsidian.md", "hugo.md", "json.md"]
        .iter()
        .map(|name| s.join(name))
        .collect();
    for name in [
        "plain/night-of-the-hunter.txt",
        "plain/bulleted.md",
        "shapes/crlf-bom.md",
        "shapes/seed-style.md",
        "conventions/ruby-heat.md",
        "letterboxd/export",
    ] {
        every.push(fixture(name));
    }
    let run = || String::from_utf8(import_into(&every, to.path()).stderr).unwrap();
    let first = run();
    let written: usize = first
        .lines()
        .find(|line| line.contains(" written, "))
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(written >= 12, "{first}");
    let second = run();
    assert!(
        second
            .lines()
            .any(|line| line == format!("0 written, {written} already there, 0 failed")),
        "{second}"
    );
    // What was written is LF throughout, keeps the score's scale, and has no key twice.
    let ran = fs::read_to_string(to.path().join("ran.md")).unwrap();
    assert!(
        ran.contains("score: 9/10\n") && !ran.contains("Kurosawa\n  "),
        "{ran}"
    );
    assert_eq!(ran.matches("Akira Kurosawa").count(), 1, "{ran}");
    let ikiru = fs::read_to_string(to.path().join("ikiru.md")).unwrap();
    assert!(ikiru.contains("score: 4.5/5\n"), "{ikiru}");
    for entry in fs::read_dir(to.path()).unwrap() {
        let text = fs::read(entry.unwrap().path()).unwrap();
        assert!(!text.contains(&b'\r'), "{}", String::from_utf8_lossy(&text));
    }
}
