//! `reviews list`: its arguments, and the options they make.

use clap::Args;

use super::filters::FilterArgs;
use super::format::{FormatArg, NULL_FORMATS, format_arg, resolve_format};
use super::global::GlobalArgs;
use crate::config::{Lines, ListFormat, ListOptions};
use crate::output::Layout;
use crate::query::{Order, SortKey};

pub(super) const LIST_EXAMPLES: &str = "\
Examples:
  reviews list --director Audiard
  reviews list --year 2010..2015 --rating R --sort runtime --reverse
  reviews list --cast cotillard --format json | jq '.[].title'
  reviews list | cut -f2,3";

#[derive(Debug, Args)]
pub(super) struct ListArgs {
    #[command(flatten)]
    filters: FilterArgs,
    /// Sort by this field (reviews without it come last)
    #[arg(long, value_enum, ignore_case = true, default_value_t = SortKey::Title)]
    sort: SortKey,
    /// Reverse the order
    #[arg(long)]
    reverse: bool,
    /// Print at most N reviews
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Output format: table, tsv, csv, json, jsonl, letterboxd, path, or a template such as
    /// '{title} ({year})' [default: table on a terminal, tsv in a pipe]
    #[arg(long, value_name = "FORMAT", value_parser = format_arg::<ListFormat>)]
    format: Option<FormatArg<ListFormat>>,
    /// End each line of tsv, path and templates with a NUL, for xargs -0
    #[arg(short = '0', long)]
    null: bool,
    /// The columns of table, tsv and csv, in order: any field a template may name, such as
    /// slug,title,starring,extra.mood [default: slug, title, year, directors, rating, runtime
    /// and (not in tsv) score]
    #[arg(long, value_name = "FIELD,...", value_parser = Layout::chosen)]
    columns: Option<Layout>,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

impl ListArgs {
    /// The options of `list`, or the usage error of a flag given with a format it does not fit.
    pub(super) fn options(self, terminal: bool) -> Result<ListOptions, String> {
        let args = self;
        let (format, template) = resolve_format(args.format, ListFormat::Template);
        let lines = Lines {
            template,
            null: args.null,
        };
        // A header row for people, and in TSV only when asked for by name.
        let (format, header_row) = match format {
            Some(format) => (
                format,
                !matches!(
                    format,
                    ListFormat::Json | ListFormat::Jsonl | ListFormat::Path | ListFormat::Template
                ),
            ),
            None if terminal => (ListFormat::Table, true),
            None => (ListFormat::Tsv, false),
        };
        if lines.null
            && !matches!(
                format,
                ListFormat::Tsv | ListFormat::Path | ListFormat::Template
            )
        {
            return Err(NULL_FORMATS.to_string());
        }
        if args.columns.is_some()
            && !matches!(
                format,
                ListFormat::Table | ListFormat::Tsv | ListFormat::Csv
            )
        {
            return Err(
                "--columns chooses the columns of table, tsv and csv: give one of them".into(),
            );
        }
        Ok(ListOptions {
            layout: args.columns.unwrap_or_default(),
            filter: args.filters.filter()?,
            order: Order {
                key: args.sort,
                reverse: args.reverse,
            },
            limit: args.limit,
            format,
            header_row,
            lines,
        })
    }
}
