//! The config file: its collections (paths, `include`, `exclude`, `tags`), the defaults it sets,
//! how it is weighed against flags and the environment, `reviews config`, and its errors. Every
//! run has its own home and `XDG_CONFIG_HOME`, never the developer's.

mod common;

use std::path::{Path, PathBuf};

use common::{reviews, stdout_of, write_review};

/// A home with a Hugo blog, a folder imported from Letterboxd and an Obsidian vault, and a config
/// folder where the file goes.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home {
            dir: tempfile::tempdir().unwrap(),
        };
        let blog = home.path("blog/content/reviews");
        std::fs::create_dir_all(blog.join("drafts")).unwrap();
        write_review(
            &blog,
            "heat",
            &["title: Heat", "year: 1995", "director: Michael Mann"],
            b"\nThe diner scene.\n",
        );
        write_review(
            &blog.join("drafts"),
            "thief",
            &["title: Thief", "year: 1981"],
            b"\nNot yet.\n",
        );
        std::fs::write(blog.join("_index.md"), "---\ntitle: Reviews\n---\n").unwrap();
        let letterboxd = home.path("films/letterboxd");
        std::fs::create_dir_all(&letterboxd).unwrap();
        write_review(
            &letterboxd,
            "ran",
            &["title: Ran", "year: 1985", "score: 4.5/5"],
            b"\nFour and a half stars.\n",
        );
        let vault = home.path("vault/Films");
        std::fs::create_dir_all(vault.join(".obsidian")).unwrap();
        std::fs::create_dir_all(vault.join("Templates")).unwrap();
        write_review(
            &vault,
            "Paterson",
            &["title: Paterson", "year: 2016", "genres: [\"[[Drama]]\"]"],
            b"\nPoems. #favourite\n",
        );
        std::fs::write(
            vault.join("Templates/Film.md"),
            "---\ntitle: \nyear: \n---\n",
        )
        .unwrap();
        home
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Where the file is read from: `$XDG_CONFIG_HOME/reviews/config.toml`.
    fn config_file(&self) -> PathBuf {
        self.path("xdg/reviews/config.toml")
    }

    fn write_config(&self, text: &str) {
        std::fs::create_dir_all(self.path("xdg/reviews")).unwrap();
        std::fs::write(self.config_file(), text).unwrap();
    }

    /// `reviews ARGS` at home, in a pipe, with no `$REVIEWS_DIR`.
    fn run(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = reviews();
        cmd.current_dir(self.dir.path())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.path("xdg"))
            .args(args);
        cmd
    }

    /// What `reviews ARGS` prints, once it has exited 0 (its stderr, and `context`, if not).
    fn succeeds(&self, args: &[&str], context: &str) -> String {
        let out = self.run(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}\n{context}");
        String::from_utf8(out.stdout).unwrap()
    }
}

/// The first TOML example of a document of the repository.
fn toml_example(document: &str) -> String {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(document)).unwrap();
    let start = text.find("```toml\n").expect("a toml example") + 8;
    text[start..start + text[start..].find("```").unwrap()].to_string()
}

const LIBRARY: &str = r#"
[collections.blog]
path = "~/blog/content/reviews"
exclude = ["drafts/**"]
tags = ["blog"]

[collections.letterboxd]
path = "../../films/letterboxd"   # from the file's folder

[collections.vault]
path = "~/vault/Films"
"#;

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn the_files_collections_are_read_by_their_names() {
    let home = Home::new();
    home.write_config(LIBRARY);
    let out = stdout_of(home.run(&["list", "--format", "{collection}/{slug} {tags} {genres}"]));
    assert_eq!(
        lines(&out),
        [
            "blog/heat blog ",
            "vault/Paterson favourite Drama",
            "letterboxd/ran  ",
        ],
        "by title; drafts/ excluded, the template and _index.md left out, tags added"
    );
    // The table says which collection each row is in.
    let json = stdout_of(home.run(&["list", "--format", "json"]));
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["collection"], "blog");
    assert_eq!(rows[0]["tags"], serde_json::json!(["blog"]));
    // `show` of an excluded file finds nothing, even by its slug at the top of the folder.
    home.run(&["show", "thief"]).assert().code(1);
    let check = home.run(&["check", "-v"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("include or exclude leaves out") && stderr.contains("thief.md"),
        "{stderr}"
    );
    assert!(check.status.success(), "{stderr}");
}

#[test]
fn list_defaults_come_from_the_file_and_flags_beat_them() {
    let home = Home::new();
    home.write_config(&format!(
        "{LIBRARY}\n[list]\nsort = \"year\"\nreverse = true\nformat = \"{{slug}}:{{year}}\"\n"
    ));
    assert_eq!(
        lines(&stdout_of(home.run(&["list"]))),
        ["Paterson:2016", "heat:1995", "ran:1985"]
    );
    assert_eq!(
        lines(&stdout_of(
            home.run(&["list", "--sort", "title", "--format", "{slug}"])
        )),
        ["ran", "Paterson", "heat"],
        "the flags win; reverse still comes from the file"
    );
    // --columns in the file is only for the formats with columns.
    home.write_config("[list]\ncolumns = \"slug,year\"\n");
    let tsv = stdout_of(home.run(&["--dir", "films/letterboxd", "list"]));
    assert_eq!(lines(&tsv), ["ran\t1985"]);
}

#[test]
fn the_environment_and_flags_beat_the_files_collections() {
    let home = Home::new();
    home.write_config(LIBRARY);
    let from_env = stdout_of(
        home.run(&["list", "--format", "{collection}/{slug}"])
            .env("REVIEWS_DIR", home.path("films/letterboxd")),
    );
    assert_eq!(lines(&from_env), ["letterboxd/ran"]);
    let from_flag = stdout_of(home.run(&[
        "--dir",
        "vault/Films",
        "list",
        "--format",
        "{collection}/{slug}",
    ]));
    assert_eq!(lines(&from_flag), ["Films/Paterson"]);
    let chosen = stdout_of(home.run(&["--collection", "vault", "list", "--format", "{slug}"]));
    assert_eq!(lines(&chosen), ["Paterson"]);
}

#[test]
fn colour_the_file_sets_yields_to_the_environment_and_the_flag() {
    let home = Home::new();
    home.write_config(&format!("color = \"always\"\n{LIBRARY}"));
    let coloured = stdout_of(home.run(&["show", "ran"]));
    assert!(coloured.contains('\x1b'), "the file colours a pipe");
    let plain = stdout_of(home.run(&["show", "ran"]).env("NO_COLOR", "1"));
    assert!(!plain.contains('\x1b'), "NO_COLOR beats the file");
    let forced = stdout_of(
        home.run(&["--color", "always", "show", "ran"])
            .env("NO_COLOR", "1"),
    );
    assert!(forced.contains('\x1b'), "the flag beats NO_COLOR");
}

#[test]
fn config_prints_each_setting_and_where_it_came_from() {
    let home = Home::new();
    home.write_config(&format!(
        "color = \"never\"\n{LIBRARY}\n[list]\nsort = \"year\"\n"
    ));
    let file = home.config_file().display().to_string();
    let out = stdout_of(home.run(&["config"]).env("COLUMNS", "90"));
    let settings: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let find = |name: &str| {
        settings
            .iter()
            .find(|row| row[0] == name)
            .unwrap_or_else(|| panic!("no {name} in {out}"))
            .clone()
    };
    let text = std::fs::read_to_string(home.config_file()).unwrap();
    let line_of = |start: &str| {
        let line = text.lines().position(|l| l.starts_with(start)).unwrap() + 1;
        format!("{file}:{line}")
    };
    assert_eq!(
        find("config_file"),
        ["config_file", file.as_str(), "$XDG_CONFIG_HOME"]
    );
    assert_eq!(find("color"), ["color", "off", line_of("color").as_str()]);
    let blog = home.path("blog/content/reviews").display().to_string();
    assert_eq!(
        find("collections.blog"),
        [
            "collections.blog",
            blog.as_str(),
            line_of("[collections.blog]").as_str()
        ]
    );
    assert_eq!(
        find("list.sort"),
        ["list.sort", "year", line_of("sort").as_str()]
    );
    assert_eq!(find("width"), ["width", "90", "$COLUMNS"]);
    assert_eq!(find("list.reverse"), ["list.reverse", "false", "default"]);
    let flagged = stdout_of(home.run(&["--color", "always", "config"]));
    assert!(flagged.contains("color\ton\tthe flag --color"), "{flagged}");
    assert_eq!(
        stdout_of(home.run(&["config", "--path"])),
        format!("{file}\n")
    );
    let named = home.path("elsewhere.toml");
    let out = stdout_of(
        home.run(&["config", "--path"])
            .env("REVIEWS_CONFIG", &named),
    );
    assert_eq!(
        out,
        format!("{}\n", named.display()),
        "$REVIEWS_CONFIG names the file"
    );
}

#[test]
fn a_bad_file_is_named_with_its_line_and_column_and_nothing_is_read() {
    let home = Home::new();
    home.write_config(
        "[collections.blog]\npath = \"~/blog/content/reviews\"\n\n[list]\nsortt = \"year\"\n",
    );
    let file = home.config_file().display().to_string();
    let out = home.run(&["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing read");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{file}:5:1")), "{stderr}");
    assert!(
        stderr.contains("sortt") && stderr.contains("`sort`, `reverse`, `format`, `columns`"),
        "names the key and the keys allowed: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    // A value its flag would refuse.
    home.write_config("[list]\nsort = \"yeer\"\n");
    let out = home.run(&["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{file}:2:8: list.sort: expected title, year")),
        "{stderr}"
    );
    // Not TOML at all.
    home.write_config("[list\n");
    let stderr =
        String::from_utf8_lossy(&home.run(&["list"]).output().unwrap().stderr).into_owned();
    assert!(stderr.contains(&format!("{file}:1:")), "{stderr}");
    // `config --path` still says where the file is.
    assert_eq!(
        stdout_of(home.run(&["config", "--path"])),
        format!("{file}\n")
    );
}

#[test]
fn a_missing_collection_is_a_warning_and_the_others_are_read() {
    let home = Home::new();
    home.write_config(&format!(
        "{LIBRARY}\n[collections.gone]\npath = \"~/nowhere\"\n"
    ));
    let out = home.run(&["list", "--format", "{slug}"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("collection \"gone\"") && stderr.contains("nowhere"),
        "{stderr}"
    );
}

#[test]
fn config_init_writes_a_starter_file_once() {
    let home = Home::new();
    let file = home.config_file();
    let given = [
        "--dir",
        "blog/content/reviews",
        "--dir",
        "films/letterboxd",
        "config",
        "init",
    ];
    assert_eq!(home.succeeds(&given, ""), format!("{}\n", file.display()));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("[collections.reviews]") && written.contains("[collections.letterboxd]")
    );
    // As written, it reads the collections given.
    let slugs = stdout_of(home.run(&["list", "--format", "{collection}/{slug}"]));
    assert_eq!(
        lines(&slugs),
        ["reviews/heat", "letterboxd/ran", "reviews/thief"]
    );
    // Every setting it shows commented out is one the file may set.
    let uncommented: String = written
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(setting) if setting.contains(" = ") => setting,
            _ => line,
        })
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&file, &uncommented).unwrap();
    home.succeeds(&["config"], &uncommented);
    // Never over a file already there.
    let again = home.run(&["config", "init"]).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already there"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        uncommented,
        "left as it was"
    );
}

#[test]
fn the_guides_example_file_is_one_reviews_reads() {
    let home = Home::new();
    home.write_config(&toml_example("docs/guide.md"));
    // sort = "year", reverse = true, and its template.
    assert_eq!(
        lines(&home.succeeds(&["list"], "")),
        ["blog/heat  Heat (1995)", "letterboxd/ran  Ran (1985)"]
    );
}

#[test]
fn the_readmes_example_file_is_one_reviews_reads() {
    let home = Home::new();
    home.write_config(&toml_example("README.md"));
    let out = home.succeeds(&["list", "--format", "{collection}/{slug} {tags}"], "");
    assert_eq!(
        lines(&out),
        ["letterboxd/ran letterboxd", "blog/heat "],
        "by year, drafts/ left out"
    );
}
