//! How flags, environment and terminal resolve into a [`Config`].

use std::path::PathBuf;

use clap::{CommandFactory, Parser};

use super::{Cli, Environment};
use crate::config::{Command, Config, ListFormat};

fn config(args: &[&str], vars: &[(&str, &str)], terminal: bool) -> Config {
    let cli = Cli::try_parse_from(std::iter::once("reviews").chain(args.iter().copied())).unwrap();
    let env = Environment {
        vars: vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        stdout_terminal: terminal,
        terminal_size: terminal.then_some((120, 40)),
        hyperlinks: false,
    };
    cli.resolve(&env, Ok(super::SettingsFile::default()))
}

#[test]
fn colour_follows_terminal_flags_and_variables() {
    assert!(config(&["list"], &[], true).color);
    assert!(!config(&["list"], &[], false).color);
    assert!(!config(&["list"], &[("NO_COLOR", "1")], true).color);
    assert!(
        config(&["list"], &[("NO_COLOR", "")], true).color,
        "empty NO_COLOR is unset"
    );
    assert!(!config(&["list"], &[("TERM", "dumb")], true).color);
    assert!(config(&["list"], &[("CLICOLOR_FORCE", "1")], false).color);
    assert!(
        !config(
            &["list"],
            &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
            false
        )
        .color
    );
    assert!(config(&["--color", "always", "list"], &[("NO_COLOR", "1")], false).color);
    assert!(!config(&["--color", "never", "list"], &[], true).color);
}

#[test]
fn width_from_flag_terminal_columns_or_80() {
    assert_eq!(config(&["list"], &[], true).width, 120);
    assert_eq!(config(&["list"], &[("COLUMNS", "60")], false).width, 60);
    assert_eq!(config(&["list"], &[], false).width, 80);
    assert_eq!(config(&["list", "--width", "50"], &[], true).width, 50);
}

#[test]
fn collections_from_flags_variable_or_default() {
    let paths = |config: Config| -> Vec<PathBuf> {
        config.collections.into_iter().map(|c| c.path).collect()
    };
    assert_eq!(
        paths(config(
            &["--dir", "a", "list"],
            &[("REVIEWS_DIR", "b")],
            false
        )),
        [PathBuf::from("a")]
    );
    assert_eq!(
        paths(config(&["--dir", "a", "list", "--dir", "b/c"], &[], false)),
        [PathBuf::from("b/c")],
        "after the command, as every global option"
    );
    assert_eq!(
        paths(config(&["--dir", "a", "--dir", "b", "list"], &[], false)),
        [PathBuf::from("a"), PathBuf::from("b")]
    );
    assert_eq!(
        paths(config(&["list"], &[("REVIEWS_DIR", "b:c/d::")], false)),
        [PathBuf::from("b"), PathBuf::from("c/d")]
    );
    let default = config(&["list"], &[], false);
    assert_eq!(default.collections[0].path, PathBuf::from("reviews"));
    assert!(
        default.collections[0]
            .origin
            .contains("--dir or $REVIEWS_DIR")
    );
    // Two folders of one name: the later is told apart.
    let names: Vec<String> = config(&["--dir", "a/x", "--dir", "b/x", "list"], &[], false)
        .collections
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["x", "x-2"]);
}

fn pager(args: &[&str], vars: &[(&str, &str)], terminal: bool) -> Option<Vec<String>> {
    let pager = config(args, vars, terminal).pager?;
    Some([vec![pager.program], pager.args].concat())
}

#[test]
fn pager_only_on_a_terminal() {
    assert_eq!(pager(&["show", "x"], &[], false), None);
    assert_eq!(
        pager(&["show", "x"], &[], true),
        Some(vec!["less".into(), "-FRX".into()])
    );
    assert_eq!(
        pager(&["show", "x"], &[("PAGER", "more")], true),
        Some(vec!["more".into()])
    );
    assert_eq!(
        pager(
            &["show", "x"],
            &[("PAGER", "more"), ("REVIEWS_PAGER", "most -s")],
            true
        ),
        Some(vec!["most".into(), "-s".into()])
    );
    assert_eq!(pager(&["show", "x"], &[("REVIEWS_PAGER", "")], true), None);
    assert_eq!(pager(&["show", "--no-pager", "x"], &[], true), None);
}

#[test]
fn less_gets_its_options_only_when_less_is_unset() {
    let env = |vars: &[(&str, &str)]| config(&["show", "x"], vars, true).pager.unwrap().env;
    assert_eq!(
        env(&[("PAGER", "less")]),
        [("LESS".to_string(), "FRX".to_string())]
    );
    assert_eq!(env(&[("PAGER", "less"), ("LESS", "-S")]), []);
    assert_eq!(env(&[("PAGER", "less"), ("LESS", "")]), []);
}

#[test]
fn clicolor_0_turns_colour_off_on_a_terminal_unless_asked_for() {
    assert!(!config(&["list"], &[("CLICOLOR", "0")], true).color);
    assert!(config(&["list"], &[("CLICOLOR", "1")], true).color);
    assert!(config(&["--color", "always", "list"], &[("CLICOLOR", "0")], true).color);
    assert!(
        config(
            &["list"],
            &[("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")],
            false
        )
        .color
    );
}

#[test]
fn list_format_by_terminal() {
    let format = |c: Config| match c.command {
        Command::List(o) => (o.format, o.header_row),
        _ => unreachable!(),
    };
    assert_eq!(
        format(config(&["list"], &[], true)),
        (ListFormat::Table, true)
    );
    assert_eq!(
        format(config(&["list"], &[], false)),
        (ListFormat::Tsv, false)
    );
    assert_eq!(
        format(config(&["list", "--format", "tsv"], &[], false)),
        (ListFormat::Tsv, true)
    );
}

#[test]
fn clap_definition_is_valid() {
    Cli::command().debug_assert();
}

/// The manual's table of environment variables names every variable read.
#[test]
fn every_variable_read_is_in_the_manual() {
    let guide = include_str!("../../docs/guide.md");
    // The first cell of each row of a table.
    let named: Vec<&str> = guide
        .lines()
        .filter_map(|line| line.strip_prefix("| ")?.split(" |").next())
        .collect();
    let missing: Vec<&str> = super::environment::VARIABLES
        .iter()
        .copied()
        .filter(|name| !named.iter().any(|cell| cell.contains(&format!("`{name}`"))))
        .collect();
    assert!(missing.is_empty(), "docs/guide.md lacks {missing:?}");
}
