//! `reviews show`: its arguments, and the options they make.

use clap::Args;

use super::complete;
use super::global::GlobalArgs;
use crate::config::{ShowFormat, ShowOptions};

pub(super) const SHOW_EXAMPLES: &str = "\
Examples:
  reviews show rust-and-bone
  reviews show \"rust and bone\"
  reviews show prophet --format json | jq .runtime
  reviews show rust-and-bone --width 60 | less";

#[derive(Debug, Args)]
pub(super) struct ShowArgs {
    /// Slug, title or part of the title (several words are joined with spaces)
    #[arg(required = true, value_name = "QUERY", add = complete::reviews())]
    query: Vec<String>,
    /// Output format
    #[arg(long, value_enum, ignore_case = true, default_value_t = ShowFormat::Text)]
    format: ShowFormat,
    /// Never page, even when the review is taller than the terminal
    #[arg(long)]
    pub(super) no_pager: bool,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

impl ShowArgs {
    pub(super) fn options(self) -> ShowOptions {
        ShowOptions {
            query: self.query.join(" "),
            format: self.format,
        }
    }
}
