//! The command line: clap's types stay in this folder and become a plain [`Config`] in
//! [`resolve`]. One file per command's arguments; the options several share beside them.

mod browse;
mod check;
mod complete;
mod config_command;
mod environment;
mod filters;
mod format;
mod global;
mod import;
mod list;
mod man;
mod new;
mod resolve;
mod search;
mod settings;
mod show;
mod stats;
#[cfg(test)]
mod tests;
mod weigh;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use self::browse::{BROWSE_EXAMPLES, BrowseArgs};
use self::check::CheckArgs;
pub(crate) use self::complete::complete_if_asked;
use self::config_command::{CONFIG_HELP, ConfigArgs};
pub(crate) use self::environment::Environment;
use self::global::GlobalArgs;
use self::import::ImportArgs;
use self::list::{LIST_EXAMPLES, ListArgs};
use self::new::NewArgs;
use self::search::{SEARCH_EXAMPLES, SearchArgs};
pub(crate) use self::settings::SettingsFile;
use self::show::{SHOW_EXAMPLES, ShowArgs};
use self::stats::{STATS_EXAMPLES, StatsArgs};
use crate::diagnostics::Printer;

const COMPLETIONS_HELP: &str = "\
The script asks `reviews` itself what to offer, so `show <TAB>` offers the slugs and titles of
the collection and `--director <TAB>` the directors in it (from --dir, else $REVIEWS_DIR, else
./reviews). Load it when the shell starts, so that it always matches the installed program.

Examples:
  echo 'source <(reviews completions bash)' >> ~/.bashrc
  echo 'source <(reviews completions zsh)' >> ~/.zshrc
  reviews completions fish > ~/.config/fish/completions/reviews.fish";

const MAN_HELP: &str = "\
Pages: reviews(1), and reviews-list(1), reviews-show(1), ... for each command.

Examples:
  reviews man | man -l -
  reviews man list | man -l -
  reviews man --out ~/.local/share/man/man1";

/// A command-line reader for film reviews kept as text files with YAML front matter.
#[derive(Debug, Parser)]
#[command(name = "reviews", version, about, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  reviews list --director Audiard\n  reviews show rust-and-bone\n  reviews --dir ~/films list --year 2012"
)]
pub(crate) struct Cli {
    #[command(flatten)]
    global: GlobalArgs,

    #[command(subcommand)]
    command: CliCommand,
}

#[derive(Debug, Subcommand)]
enum CliCommand {
    /// List reviews, filtered and sorted
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),
    /// Show one review, found by slug, title or part of the title
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// Find the reviews whose title or text holds every word
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    #[command(after_help = BROWSE_EXAMPLES)]
    Browse(BrowseArgs),
    /// Count reviews by director, year, decade, score, tag, ...; or sum the collection up
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// Validate review files strictly and report every problem
    #[command(
        after_help = "Each problem is one line on stdout, `path:line:col: field: message`; a summary\nfollows on stderr. Exit status 0 when every file is clean, 2 otherwise.\n\nExamples:\n  reviews check\n  reviews check ~/blog/_posts drafts/new-review.md"
    )]
    Check(CheckArgs),
    /// Write review files in canonical form (YAML front matter) from review files in any shape
    /// it reads, or from a Letterboxd export
    #[command(
        after_help = "Each file is named from its title (rust-and-bone.md); a name taken by a different review\ngets the year, then a number. Nothing is overwritten: a review already imported is left\nalone. Prints SOURCE<TAB>WRITTEN for each file written; a summary follows on stderr.\n\nA Letterboxd export (the zip as downloaded, its folder, or one of its CSV files) is known\nby its CSV headers: each review becomes a file, and importing it again adds nothing.\n\nExamples:\n  reviews import ~/Downloads/rust-and-bone.txt\n  reviews import old-blog/*.md --to reviews --dry-run\n  reviews import ~/Downloads/letterboxd-me-2026-12-01.zip --all"
    )]
    Import(ImportArgs),
    /// Start a new review: write its file, then open it in your editor
    #[command(
        after_help = "The file gets `reviewed:` today and is named as `import` names files. On a terminal it\nopens in $VISUAL, else $EDITOR, else vi, and is checked when the editor exits.\n\nExample:\n  reviews new \"Rust and Bone\" --year 2012 --director \"Jacques Audiard\" --rating R"
    )]
    New(NewArgs),
    /// Print every setting in effect and where it came from; or the config file's path, or
    /// write a starter one
    #[command(after_help = CONFIG_HELP)]
    Config(ConfigArgs),
    /// Print the script that makes your shell complete commands, options, slugs and names
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print a man page, or write them all into a folder
    #[command(after_help = MAN_HELP)]
    Man {
        /// The command whose page to print [default: reviews(1), the whole program]
        #[arg(value_name = "COMMAND", value_parser = man::page_names())]
        command: Option<String>,
        /// Write every page into DIR (reviews.1, reviews-list.1, ...) instead
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath, conflicts_with = "command")]
        out: Option<PathBuf>,
    },
}

impl CliCommand {
    /// The global options given after the command's name (none for the commands without them).
    fn take_global(&mut self) -> GlobalArgs {
        let global = match self {
            CliCommand::List(ListArgs { global, .. })
            | CliCommand::Show(ShowArgs { global, .. })
            | CliCommand::Search(SearchArgs { global, .. })
            | CliCommand::Browse(BrowseArgs { global, .. })
            | CliCommand::Stats(StatsArgs { global, .. })
            | CliCommand::Check(CheckArgs { global, .. })
            | CliCommand::Import(ImportArgs { global, .. })
            | CliCommand::New(NewArgs { global, .. })
            | CliCommand::Config(ConfigArgs { global, .. }) => global,
            CliCommand::Completions { .. } | CliCommand::Man { .. } => {
                return GlobalArgs::default();
            }
        };
        std::mem::take(global)
    }
}

impl Cli {
    /// Parse the process's arguments. Help and version print and exit 0; a usage error prints
    /// `reviews: ...` on stderr and exits 2.
    pub(crate) fn parse_args() -> Cli {
        Cli::try_parse().unwrap_or_else(|error| {
            // Help and version, and the help shown when no command is given, print as clap
            // prints them (the last exits 2).
            let help =
                error.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
            if !error.use_stderr() || help {
                error.exit();
            }
            let text = error.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            Printer::new(&mut std::io::stderr().lock()).usage(text);
            std::process::exit(2);
        })
    }
}
