//! `reviews browse`: its arguments, and the options they make.

use clap::Args;

use super::filters::FilterArgs;
use super::global::GlobalArgs;
use crate::config::BrowseOptions;
use crate::output::template::Template;

pub(super) const BROWSE_EXAMPLES: &str = "\
Typing filters at once (fuzzy, as fzf: `rstbne` finds Rust and Bone). Enter reads the review
full screen; Ctrl-E edits it; Ctrl-S sorts; ? or F1 shows every key; Esc or Ctrl-C quits.
The screen is drawn on /dev/tty, so that `--print` works inside $(...) and pipes.

Examples:
  reviews browse --director Audiard
  reviews show \"$(reviews browse --print)\"
  reviews browse --print --format '{path}' | xargs -o vi";

#[derive(Debug, Args)]
pub(super) struct BrowseArgs {
    #[command(flatten)]
    filters: FilterArgs,
    /// Pick instead of reading: Enter prints the chosen review's slug (exit 0); quitting prints
    /// nothing (exit 1)
    #[arg(long)]
    print: bool,
    /// What --print prints: a template such as '{path}' or '{title} ({year})' [default: the
    /// slug, with its collection's name when several are read]
    #[arg(long, value_name = "TEMPLATE", requires = "print", value_parser = Template::parse)]
    format: Option<Template>,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

impl BrowseArgs {
    pub(super) fn options(self, editor: Option<Vec<String>>) -> Result<BrowseOptions, String> {
        Ok(BrowseOptions {
            filter: self.filters.filter()?,
            print: self.print,
            template: self.format,
            editor,
        })
    }
}
