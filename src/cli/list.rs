//! `reviews list`: its arguments, and the options they make.

use clap::{Args, ValueEnum};

use super::filters::FilterArgs;
use super::format::{FormatArg, NULL_FORMATS, format_arg, resolve_format};
use super::global::GlobalArgs;
use super::settings::{ListSettings, SettingsFile};
use super::weigh::{Weighed, first, from_file};
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
    /// Sort by this field (reviews without it come last) [default: title]
    #[arg(long, value_enum, ignore_case = true)]
    sort: Option<SortKey>,
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

/// The config file's `[list]`: what `list` does when its flags do not say.
#[derive(Default)]
pub(super) struct ListDefaults {
    sort: Option<(SortKey, String)>,
    reverse: Option<(bool, String)>,
    format: Option<(FormatArg<ListFormat>, String)>,
    columns: Option<(Layout, String)>,
}

impl ListDefaults {
    /// The file's `[list]` values, each parsed as its flag's; one it refuses is the error naming
    /// its place.
    pub(super) fn read(file: &SettingsFile, list: &ListSettings) -> Result<ListDefaults, String> {
        Ok(ListDefaults {
            sort: from_file(file, "list.sort", list.sort.as_ref(), |v: &String| {
                SortKey::from_str(v, true).map_err(|_| {
                    let names: Vec<String> = SortKey::value_variants()
                        .iter()
                        .filter_map(|k| Some(k.to_possible_value()?.get_name().to_string()))
                        .collect();
                    format!("expected {}", names.join(", "))
                })
            })?,
            reverse: from_file(file, "list.reverse", list.reverse.as_ref(), |v| Ok(*v))?,
            format: from_file(file, "list.format", list.format.as_ref(), |v: &String| {
                format_arg(v)
            })?,
            columns: from_file(file, "list.columns", list.columns.as_ref(), |v: &String| {
                Layout::chosen(v)
            })?,
        })
    }
}

/// A value's name as its flag takes it.
fn value_name(value: &impl ValueEnum) -> String {
    value
        .to_possible_value()
        .map_or(String::new(), |v| v.get_name().to_string())
}

impl ListArgs {
    /// No flag given: what `reviews config` weighs to show `list`'s settings.
    pub(super) fn unset() -> ListArgs {
        use clap::FromArgMatches;
        let command = ListArgs::augment_args(clap::Command::new("list"));
        let matches = command.get_matches_from(["list"]);
        ListArgs::from_arg_matches(&matches).expect("no flags are valid list arguments")
    }

    /// The options of `list`, or the usage error of a flag given with a format it does not fit.
    /// A flag not given is the config file's value, else the default.
    pub(super) fn options(
        self,
        terminal: bool,
        defaults: ListDefaults,
        weighed: &mut Weighed,
    ) -> Result<ListOptions, String> {
        let args = self;
        let (sort, origin) = first(args.sort, "--sort", defaults.sort);
        let sort = sort.unwrap_or(SortKey::Title);
        weighed.note("list.sort", value_name(&sort), origin);
        let (reverse, origin) = first(args.reverse.then_some(true), "--reverse", defaults.reverse);
        let reverse = reverse.unwrap_or(false);
        weighed.note("list.reverse", reverse, origin);
        let format_written = |format: &FormatArg<ListFormat>| match format {
            FormatArg::Named(named) => value_name(named),
            FormatArg::Template(template) => template.source().to_string(),
        };
        let (format, origin) = first(args.format, "--format", defaults.format);
        let shown = format.as_ref().map_or_else(
            || if terminal { "table" } else { "tsv" }.to_string(),
            format_written,
        );
        weighed.note("list.format", shown, origin);
        let columns_flag = args.columns.is_some();
        let (columns, origin) = first(args.columns, "--columns", defaults.columns);
        let shown = columns.as_ref().map_or_else(
            || "standard".to_string(),
            |c| {
                let names: Vec<&str> = c.columns().iter().map(|c| c.name.as_ref()).collect();
                names.join(",")
            },
        );
        weighed.note("list.columns", shown, origin);
        let (format, template) = resolve_format(format, ListFormat::Template);
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
        let has_columns = matches!(
            format,
            ListFormat::Table | ListFormat::Tsv | ListFormat::Csv
        );
        // The file's columns are for the formats with columns; given as a flag, the format must
        // have them.
        if columns_flag && !has_columns {
            return Err(
                "--columns chooses the columns of table, tsv and csv: give one of them".into(),
            );
        }
        let columns = columns.filter(|_| has_columns);
        Ok(ListOptions {
            layout: columns.unwrap_or_default(),
            filter: args.filters.filter()?,
            order: Order { key: sort, reverse },
            limit: args.limit,
            format,
            header_row,
            lines,
        })
    }
}
