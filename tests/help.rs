//! `--help`: global options under their own heading, only where they mean something, and
//! examples at the end of every command's help.

mod common;

use common::{commands, reviews, stdout_of};

#[test]
fn global_options_have_their_own_heading() {
    let help = stdout_of(reviews().args(["list", "--help"]));
    let (own, global) = help.split_once("Global options:").expect(&help);
    assert!(own.contains("--director"));
    assert!(!own.contains("--dir <DIR>"), "{own}");
    assert!(global.contains("--dir <DIR>") && global.contains("--color <WHEN>"));
    assert!(global.contains("--width <N>") && global.contains("--quiet"));
    // Given after the command's name, as before it.
    reviews()
        .args(["list", "--dir", "tests/fixtures/shapes", "--title", "seed"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("seed-style\t"));
}

#[test]
fn commands_that_read_no_collection_take_no_global_options() {
    for command in ["completions", "man"] {
        let help = stdout_of(reviews().args([command, "--help"]));
        for option in [
            "--dir <DIR>",
            "--color <WHEN>",
            "--width <N>",
            "Global options",
        ] {
            assert!(!help.contains(option), "{command} --help offers {option}");
        }
    }
    reviews()
        .args(["completions", "bash", "--width", "80"])
        .assert()
        .code(2);
}

#[test]
fn every_command_s_help_ends_with_examples() {
    for command in commands() {
        let help = stdout_of(reviews().args([command.as_str(), "--help"]));
        let examples = help
            .rsplit_once("Example")
            .unwrap_or_else(|| panic!("{command}: {help}"))
            .1;
        assert!(
            examples
                .lines()
                .skip(1)
                .all(|l| l.starts_with("  reviews ") || l.starts_with("  echo ")),
            "{command}: {examples}"
        );
    }
}
