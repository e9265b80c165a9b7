//! The options every reading command shares, before or after its name.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::config::ScoreScale;

/// The narrowest width output is fitted to.
pub(super) const MIN_WIDTH: u16 = 20;

/// The options every reading command takes, before or after its name. `completions` and `man`
/// read no collection and print no review, so they take none of them.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Global options")]
pub(super) struct GlobalArgs {
    /// A collection folder; repeat it to read several as one library [default: $REVIEWS_DIR,
    /// else the config file's collections, else ./reviews]
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub(super) dir: Vec<PathBuf>,

    /// Only the reviews of this collection (its name in the config file, else its folder's);
    /// repeat it for several
    #[arg(long, value_name = "NAME")]
    pub(super) collection: Vec<String>,

    /// When to use colour [default: auto]
    #[arg(long, value_enum, ignore_case = true, value_name = "WHEN")]
    pub(super) color: Option<ColorWhen>,

    /// Say nothing of warnings (errors are still printed)
    #[arg(short, long, conflicts_with = "verbose")]
    pub(super) quiet: bool,

    /// Print each warning, not one line counting them
    #[arg(short, long)]
    pub(super) verbose: bool,

    /// Fit output to N columns [default: the terminal's width, else $COLUMNS, else 80]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(i64::from(MIN_WIDTH)..))]
    pub(super) width: Option<u16>,

    /// Show every score out of N (2 to 100), or as each file writes it [default: written]
    #[arg(long, value_name = "N", value_parser = ScoreScale::parse)]
    pub(super) score_scale: Option<ScoreScale>,
}

impl GlobalArgs {
    /// These options given after the command's name, else as given before it.
    pub(super) fn or(self, before: GlobalArgs) -> GlobalArgs {
        GlobalArgs {
            dir: if self.dir.is_empty() {
                before.dir
            } else {
                self.dir
            },
            collection: [before.collection, self.collection].concat(),
            color: self.color.or(before.color),
            quiet: self.quiet || before.quiet,
            verbose: self.verbose || before.verbose,
            width: self.width.or(before.width),
            score_scale: self.score_scale.or(before.score_scale),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ColorWhen {
    Auto,
    Always,
    Never,
}
