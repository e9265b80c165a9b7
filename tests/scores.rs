//! `--score-scale` and the file's `score_scale`: every score shown out of one number in the
//! formats people read, and as written in JSON.

mod common;
use common::{reviews, stdout_of, write_review};

/// A collection whose scores are written four ways.
fn scored() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let films = [
        ("heat", "score: 3.5/4"),
        ("ran", "score: ★★★★½"),
        ("thief", "score: B+"),
        ("paterson", "score: 8"),
    ];
    for (slug, score) in films {
        write_review(
            dir.path(),
            slug,
            &[&format!("title: {slug}"), score],
            b"\nText.\n",
        );
    }
    dir
}

fn scores(dir: &tempfile::TempDir, args: &[&str]) -> Vec<String> {
    let mut cmd = reviews();
    cmd.arg("--dir")
        .arg(dir.path())
        .args(["list", "--format", "{slug} {score}"]);
    stdout_of(cmd.args(args))
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn scores_are_shown_as_written_by_default() {
    let dir = scored();
    assert_eq!(
        scores(&dir, &[]),
        ["heat 3.5/4", "paterson 8", "ran 4.5", "thief B+"]
    );
}

#[test]
fn every_score_is_shown_out_of_the_scale_asked_for() {
    let dir = scored();
    assert_eq!(
        scores(&dir, &["--score-scale", "10"]),
        ["heat 8.75/10", "paterson 8/10", "ran 9/10", "thief 8.5/10"]
    );
    assert_eq!(
        scores(&dir, &["--score-scale", "100"]),
        [
            "heat 87.5/100",
            "paterson 80/100",
            "ran 90/100",
            "thief 85/100"
        ]
    );
    let tsv = stdout_of(reviews().arg("--dir").arg(dir.path()).args([
        "list",
        "--score-scale",
        "5",
        "--columns",
        "slug,score",
    ]));
    assert!(tsv.contains("heat\t4.38/5\n"), "{tsv}");
    let show = stdout_of(reviews().arg("--dir").arg(dir.path()).args([
        "show",
        "thief",
        "--score-scale",
        "4",
    ]));
    assert!(show.contains("Score  3.4/4"), "{show}");
}

#[test]
fn json_keeps_the_score_as_written() {
    let dir = scored();
    let mut cmd = reviews();
    cmd.arg("--dir").arg(dir.path());
    let json = stdout_of(cmd.args(["list", "--score-scale", "10", "--format", "jsonl"]));
    let heat: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(heat["score"]["value"], 3.5);
    assert_eq!(heat["score"]["max"], 4.0);
    assert_eq!(heat["score"]["normalized"], 87.5);
}

#[test]
fn a_scale_that_is_none_is_a_usage_error() {
    for bad in ["1", "0", "101", "ten"] {
        reviews()
            .args(["list", "--score-scale", bad])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(
                "expected written or a whole number",
            ));
    }
}

#[test]
fn the_config_file_sets_the_scale_and_the_flag_beats_it() {
    let dir = scored();
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("reviews")).unwrap();
    let config = xdg.path().join("reviews/config.toml");
    let run = |args: &[&str]| {
        let mut cmd = reviews();
        cmd.env("XDG_CONFIG_HOME", xdg.path())
            .arg("--dir")
            .arg(dir.path());
        cmd.args(["list", "--format", "{slug} {score}"]).args(args);
        stdout_of(cmd).lines().next().map(String::from)
    };
    std::fs::write(&config, "score_scale = 10\n").unwrap();
    assert_eq!(run(&[]).as_deref(), Some("heat 8.75/10"));
    assert_eq!(
        run(&["--score-scale", "written"]).as_deref(),
        Some("heat 3.5/4")
    );
    std::fs::write(&config, "score_scale = \"written\"\n").unwrap();
    assert_eq!(run(&[]).as_deref(), Some("heat 3.5/4"));
    let shown = stdout_of(
        reviews()
            .env("XDG_CONFIG_HOME", xdg.path())
            .args(["config"]),
    );
    assert!(shown.contains("score_scale\twritten\t"), "{shown}");
    std::fs::write(&config, "score_scale = 1\n").unwrap();
    reviews()
        .env("XDG_CONFIG_HOME", xdg.path())
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "config.toml:1:15: score_scale: expected written",
        ));
}
