//! `reviews search`: its arguments, and the options they make.

use clap::Args;

use super::filters::FilterArgs;
use super::format::{FormatArg, NULL_FORMATS, format_arg, resolve_format};
use super::global::GlobalArgs;
use crate::config::{Lines, SearchFormat, SearchOptions};
use crate::query::{Order, Search, SortKey};

pub(super) const SEARCH_EXAMPLES: &str = "\
Words match at the start of words, ignoring case and accents (cafe finds café, shot finds
shots but not upshot). Piped: slug, title, year and the best matching line, tab-separated, most
matches first.

Examples:
  reviews search stolen bicycle --director de sica
  reviews search '\"frozen bone\"' --without sequel
  reviews search audiard --format json | jq '.[].matches'";

#[derive(Debug, Args)]
pub(super) struct SearchArgs {
    /// Words to find, each at the start of a word (a "quoted phrase" finds its words side by side)
    #[arg(required = true, value_name = "WORD")]
    words: Vec<String>,
    /// Leave out reviews containing WORD (repeat for several)
    #[arg(long, value_name = "WORD")]
    without: Vec<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Sort by this field instead of by the number of matches
    #[arg(long, value_enum, ignore_case = true)]
    sort: Option<SortKey>,
    /// Reverse the order
    #[arg(long)]
    reverse: bool,
    /// Print at most N reviews
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Output format: text, tsv, json, jsonl, path, or a template such as '{title} ({year})'
    /// [default: text on a terminal, tsv in a pipe]
    #[arg(long, value_name = "FORMAT", value_parser = format_arg::<SearchFormat>)]
    format: Option<FormatArg<SearchFormat>>,
    /// End each line of tsv, path and templates with a NUL, for xargs -0
    #[arg(short = '0', long)]
    null: bool,
    /// Never page, even when the results are taller than the terminal
    #[arg(long)]
    pub(super) no_pager: bool,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

impl SearchArgs {
    /// The options of `search`, or the usage error of words or flags that do not fit.
    pub(super) fn options(self, terminal: bool) -> Result<SearchOptions, String> {
        let args = self;
        let (format, template) = resolve_format(args.format, SearchFormat::Template);
        let format = format.unwrap_or(if terminal {
            SearchFormat::Text
        } else {
            SearchFormat::Tsv
        });
        if args.null
            && !matches!(
                format,
                SearchFormat::Tsv | SearchFormat::Path | SearchFormat::Template
            )
        {
            return Err(NULL_FORMATS.to_string());
        }
        let mut filter = args.filters.filter()?;
        // What was asked, as given, for the message that nothing matched it.
        let words = args.words.iter().map(|word| shell_words::quote(word));
        let without =
            (args.without.iter()).map(|word| format!("--without {}", shell_words::quote(word)));
        filter.asked = words
            .map(|word| word.into_owned())
            .chain(without)
            .chain(Some(filter.asked).filter(|asked| !asked.is_empty()))
            .collect::<Vec<_>>()
            .join(" ");
        Ok(SearchOptions {
            search: Search::new(&args.words, &args.without)?,
            filter,
            order: args.sort.map(|key| Order {
                key,
                reverse: args.reverse,
            }),
            reverse: args.reverse,
            limit: args.limit,
            format,
            lines: Lines {
                template,
                null: args.null,
            },
        })
    }
}
