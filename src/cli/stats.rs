//! `reviews stats`: its arguments, and the options they make.

use clap::Args;

use super::filters::FilterArgs;
use super::global::GlobalArgs;
use crate::config::{StatsFormat, StatsOptions};
use crate::query::stats::{GroupBy, GroupOrder};

pub(super) const STATS_EXAMPLES: &str = "\
People count once per review (a film by the Coens counts for Joel and for Ethan). Scores are
averaged on the 0-100 scale. On a terminal: a table with a bar per row; piped: name, count,
average score and runtime minutes, tab-separated, largest first.

Examples:
  reviews stats
  reviews stats --by director --limit 10
  reviews stats --by decade --sort name
  reviews stats --by tag --format json | jq '.[0]'";

#[derive(Debug, Args)]
pub(super) struct StatsArgs {
    /// Count by this field's values [default: a summary of the collection]
    #[arg(long, value_enum, ignore_case = true)]
    by: Option<GroupBy>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Order of the rows [default: count, largest first]
    #[arg(long, value_enum, ignore_case = true)]
    sort: Option<GroupOrder>,
    /// Reverse the order
    #[arg(long)]
    reverse: bool,
    /// Print at most N rows
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Output format [default: table on a terminal, tsv in a pipe]
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<StatsFormat>,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

impl StatsArgs {
    pub(super) fn options(self, terminal: bool) -> Result<StatsOptions, String> {
        Ok(StatsOptions {
            by: self.by,
            filter: self.filters.filter()?,
            order: self.sort,
            reverse: self.reverse,
            limit: self.limit,
            format: self.format.unwrap_or(if terminal {
                StatsFormat::Table
            } else {
                StatsFormat::Tsv
            }),
        })
    }
}
