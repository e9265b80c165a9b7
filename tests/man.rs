//! `reviews man`: a page for the program and one for each command, that groff reads cleanly.

mod common;

use common::{commands, reviews, stdout_of};

const VARIABLES: [&str; 7] = [
    "REVIEWS_DIR",
    "REVIEWS_PAGER",
    "PAGER",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COLUMNS",
];

fn page(command: Option<&str>) -> String {
    stdout_of(reviews().arg("man").args(command))
}

/// What `groff -ww -z` says of a page: nothing, when it is clean.
fn groff_warnings(page: &str) -> String {
    use std::io::Write;
    let mut groff = std::process::Command::new("groff")
        .args(["-ww", "-z", "-man"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("groff is installed (.ci/run installs groff-base)");
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let output = groff.wait_with_output().unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn every_page_names_itself_and_has_environment_and_exit_status() {
    let commands = commands();
    for command in std::iter::once(None).chain(commands.iter().map(|c| Some(c.as_str()))) {
        let page = page(command);
        let title = match command {
            Some(name) => format!(".TH reviews-{name} 1"),
            None => ".TH reviews 1".to_string(),
        };
        assert!(page.contains(&title), "{title} in {page}");
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH ENVIRONMENT",
            ".SH EXIT STATUS",
        ] {
            assert!(page.contains(section), "{section} in {command:?}");
        }
        for variable in VARIABLES {
            assert!(
                page.contains(&format!(".B {variable}\n")),
                "{variable} in {command:?}"
            );
        }
        assert_eq!(groff_warnings(&page), "", "groff on {command:?}");
        // No page refers to one that does not exist.
        assert!(!page.contains("reviews\\-help"), "{command:?}");
    }
}

#[test]
fn the_pages_cover_filters_formats_and_the_file_format() {
    let program = page(None);
    for section in [".SH SUBCOMMANDS", ".SH FILTERS", ".SH THE FILE FORMAT"] {
        assert!(program.contains(section), "{section}");
    }
    assert!(program.contains("reviews\\-list(1)"));
    let list = page(Some("list"));
    for text in [
        ".SH FILTERS",
        ".SH FORMATS",
        ".SH EXAMPLES",
        "\\-\\-director",
        "letterboxd",
    ] {
        assert!(list.contains(text), "{text} in reviews-list(1)");
    }
    let show = page(Some("show"));
    assert!(show.contains(".SH FORMATS") && show.contains("markdown"));
    // Options that mean nothing to `man` are not on its page.
    let man = page(Some("man"));
    assert!(!man.contains(".SH \"GLOBAL OPTIONS\"") && !man.contains("\\fB\\-\\-width\\fR"));
    assert!(page(Some("list")).contains("\\fB\\-\\-width\\fR"));
}

#[test]
fn out_writes_every_page_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("man1");
    let printed = stdout_of(reviews().args(["man", "--out"]).arg(&folder));
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = commands()
        .iter()
        .map(|c| format!("reviews-{c}.1"))
        .collect();
    expected.push("reviews.1".into());
    expected.sort();
    assert_eq!(names, expected);
    assert_eq!(printed.lines().count(), expected.len(), "{printed}");
    let list = std::fs::read_to_string(folder.join("reviews-list.1")).unwrap();
    assert_eq!(list, page(Some("list")));
}

#[test]
fn an_unknown_page_is_a_usage_error() {
    reviews()
        .args(["man", "nonsense"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("list"));
}
