//! The command line: clap's types stay here and become a plain [`Config`].

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{
    Command, Config, ImportOptions, Lines, ListFormat, ListOptions, NewOptions, SearchFormat,
    SearchOptions, ShowFormat, ShowOptions, StatsFormat, StatsOptions, Warnings,
};
use crate::diagnostics::Printer;
use crate::output::Layout;
use crate::output::template::Template;
use crate::query::stats::{GroupBy, GroupOrder};
use crate::query::{Filter, Order, Search, SortKey, YearRange};
use crate::terminal::pager::Pager;

mod complete;
mod man;

pub(crate) use complete::complete_if_asked;

const LIST_EXAMPLES: &str = "\
Examples:
  reviews list --director Audiard
  reviews list --year 2010..2015 --rating R --sort runtime --reverse
  reviews list --cast cotillard --format json | jq '.[].title'
  reviews list | cut -f2,3";

const SEARCH_EXAMPLES: &str = "\
Words match at the start of words, ignoring case and accents (cafe finds café, shot finds
shots but not upshot). Piped: slug, title, year and the best matching line, tab-separated, most
matches first.

Examples:
  reviews search stolen bicycle --director de sica
  reviews search '\"frozen bone\"' --without sequel
  reviews search audiard --format json | jq '.[].matches'";

const STATS_EXAMPLES: &str = "\
People count once per review (a film by the Coens counts for Joel and for Ethan). Scores are
averaged on the 0-100 scale. On a terminal: a table with a bar per row; piped: name, count,
average score and runtime minutes, tab-separated, largest first.

Examples:
  reviews stats
  reviews stats --by director --limit 10
  reviews stats --by decade --sort name
  reviews stats --by tag --format json | jq '.[0]'";

const SHOW_EXAMPLES: &str = "\
Examples:
  reviews show rust-and-bone
  reviews show \"rust and bone\"
  reviews show prophet --format json | jq .runtime
  reviews show rust-and-bone --width 60 | less";

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

/// The options every reading command takes, before or after its name. `completions` and `man`
/// read no collection and print no review, so they take none of them.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Global options")]
struct GlobalArgs {
    /// The collection folder [default: $REVIEWS_DIR, else ./reviews]
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    dir: Option<PathBuf>,

    /// When to use colour [default: auto]
    #[arg(long, value_enum, ignore_case = true, value_name = "WHEN")]
    color: Option<ColorWhen>,

    /// Say nothing of warnings (errors are still printed)
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,

    /// Print each warning, not one line counting them
    #[arg(short, long)]
    verbose: bool,

    /// Fit output to N columns [default: the terminal's width, else $COLUMNS, else 80]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    width: Option<u16>,
}

impl GlobalArgs {
    /// These options given after the command's name, else as given before it.
    fn or(self, before: GlobalArgs) -> GlobalArgs {
        GlobalArgs {
            dir: self.dir.or(before.dir),
            color: self.color.or(before.color),
            quiet: self.quiet || before.quiet,
            verbose: self.verbose || before.verbose,
            width: self.width.or(before.width),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
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
    /// Count reviews by director, year, decade, score, tag, ...; or sum the collection up
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// Validate review files strictly and report every problem
    #[command(
        after_help = "Each problem is one line on stdout, `path:line:col: field: message`; a summary\nfollows on stderr. Exit status 0 when every file is clean, 2 otherwise.\n\nExamples:\n  reviews check\n  reviews check ~/blog/_posts drafts/new-review.md"
    )]
    Check {
        /// Files or folders to check [default: the collection]
        #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        global: GlobalArgs,
    },
    /// Write review files in canonical form (YAML front matter) from review files in any shape
    /// it reads, or from a Letterboxd export
    #[command(
        after_help = "Each file is named from its title (rust-and-bone.md); a name taken by a different review\ngets the year, then a number. Nothing is overwritten: a review already imported is left\nalone. Prints SOURCE<TAB>WRITTEN for each file written; a summary follows on stderr.\n\nA Letterboxd export (the zip as downloaded, its folder, or one of its CSV files) is known\nby its CSV headers: each review becomes a file, and importing it again adds nothing.\n\nExamples:\n  reviews import ~/Downloads/rust-and-bone.txt\n  reviews import old-blog/*.md --to reviews --dry-run\n  reviews import ~/Downloads/letterboxd-me-2026-12-01.zip --all"
    )]
    Import {
        /// Review files, or a Letterboxd export
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The folder to write into [default: the collection]
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
        /// Say what would be written where, and write nothing
        #[arg(long)]
        dry_run: bool,
        /// Read every FILE as this kind of export, whatever its content
        #[arg(long, value_name = "SOURCE")]
        from: Option<ImportSource>,
        /// From a Letterboxd export, also each film logged, rated or watched with no review
        /// (as a file with an empty body)
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        global: GlobalArgs,
    },
    /// Start a new review: write its file, then open it in your editor
    #[command(
        after_help = "The file gets `reviewed:` today and is named as `import` names files. On a terminal it\nopens in $VISUAL, else $EDITOR, else vi, and is checked when the editor exits.\n\nExample:\n  reviews new \"Rust and Bone\" --year 2012 --director \"Jacques Audiard\" --rating R"
    )]
    New {
        /// The film's title
        #[arg(required = true, value_name = "TITLE")]
        title: Vec<String>,
        /// The film's year
        #[arg(long, value_name = "Y")]
        year: Option<i32>,
        /// A director (repeat for several)
        #[arg(long, value_name = "D")]
        director: Vec<String>,
        /// The certification (R, PG-13, ...)
        #[arg(long, value_name = "R")]
        rating: Option<String>,
        /// Your score (3.5/4, 8/10, B+, ...)
        #[arg(long, value_name = "S")]
        score: Option<String>,
        /// The folder to write into [default: the collection]
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
        /// Only write the file; do not open an editor
        #[arg(long)]
        no_edit: bool,
        #[command(flatten)]
        global: GlobalArgs,
    },
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

#[derive(Debug, Args)]
struct ListArgs {
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
    global: GlobalArgs,
}

#[derive(Debug, Args)]
struct StatsArgs {
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
    global: GlobalArgs,
}

impl CliCommand {
    /// The global options given after the command's name (none for the commands without them).
    fn take_global(&mut self) -> GlobalArgs {
        let global = match self {
            CliCommand::List(ListArgs { global, .. })
            | CliCommand::Show(ShowArgs { global, .. })
            | CliCommand::Search(SearchArgs { global, .. })
            | CliCommand::Stats(StatsArgs { global, .. })
            | CliCommand::Check { global, .. }
            | CliCommand::Import { global, .. }
            | CliCommand::New { global, .. } => global,
            CliCommand::Completions { .. } | CliCommand::Man { .. } => {
                return GlobalArgs::default();
            }
        };
        std::mem::take(global)
    }
}

/// `--format`: a format's name, or a template (any text with a `{`).
#[derive(Debug, Clone)]
enum FormatArg<F> {
    Named(F),
    Template(Template),
}

fn format_arg<F: ValueEnum + Clone + Send + Sync + 'static>(
    text: &str,
) -> Result<FormatArg<F>, String> {
    if text.contains('{') {
        return Template::parse(text).map(FormatArg::Template);
    }
    F::from_str(text, true).map(FormatArg::Named).map_err(|_| {
        let names: Vec<String> = F::value_variants()
            .iter()
            .filter_map(|v| Some(v.to_possible_value()?.get_name().to_string()))
            .collect();
        format!(
            "expected {}, or a template with {{field}}s such as '{{title}} ({{year}})'",
            names.join(", ")
        )
    })
}

/// The named format, and the template when it is one.
fn resolve_format<F>(
    format: Option<FormatArg<F>>,
    template_format: F,
) -> (Option<F>, Option<Template>) {
    match format {
        None => (None, None),
        Some(FormatArg::Named(format)) => (Some(format), None),
        Some(FormatArg::Template(template)) => (Some(template_format), Some(template)),
    }
}

/// The filters `list`, `search` and `stats` share.
#[derive(Debug, Args)]
struct FilterArgs {
    /// Keep titles containing T (case- and accent-insensitive; repeat for "any of")
    #[arg(long, value_name = "T")]
    title: Vec<String>,
    /// Keep films with a director whose name contains D
    #[arg(long, value_name = "D", add = complete::people(complete::Field::Directors))]
    director: Vec<String>,
    /// Keep films rated exactly R (G, PG, PG-13, R, NC-17, NR, ...)
    #[arg(long, value_name = "R")]
    rating: Vec<String>,
    /// Keep films from year Y, or from FROM..TO (both included; either end may be left open)
    #[arg(long, value_name = "Y|FROM..TO")]
    year: Vec<YearRange>,
    /// Keep films with a writer whose name contains W
    #[arg(long, value_name = "W", add = complete::people(complete::Field::Writers))]
    writer: Vec<String>,
    /// Keep films with a cast member whose name contains C
    #[arg(long, value_name = "C", add = complete::people(complete::Field::Cast))]
    cast: Vec<String>,
    /// Keep reviews with a tag or genre containing T
    #[arg(long, value_name = "T", add = complete::people(complete::Field::Tags))]
    tag: Vec<String>,
    /// Keep reviews scored at least S (any score shape: 3/4, 7.5/10, B+, 80%, stars; compared 0-100)
    #[arg(long, value_name = "S", value_parser = score_bound)]
    min_score: Option<(f64, String)>,
    /// Keep reviews scored at most S
    #[arg(long, value_name = "S", value_parser = score_bound)]
    max_score: Option<(f64, String)>,
    /// Include drafts (`draft: true`, `published: false`), which are left out as site generators do
    #[arg(long)]
    drafts: bool,
}

impl From<FilterArgs> for Filter {
    fn from(args: FilterArgs) -> Filter {
        // The filters as given, for the message that nothing matched them.
        let mut asked = Vec::new();
        let mut say = |flag: &str, values: &[String]| {
            for value in values {
                asked.push(format!("--{flag} {}", shell_words::quote(value)));
            }
        };
        say("title", &args.title);
        say("director", &args.director);
        say("writer", &args.writer);
        say("cast", &args.cast);
        say("tag", &args.tag);
        say("rating", &args.rating);
        let years: Vec<String> = args.year.iter().map(YearRange::to_string).collect();
        say("year", &years);
        for (flag, bound) in [
            ("min-score", &args.min_score),
            ("max-score", &args.max_score),
        ] {
            if let Some((_, text)) = bound {
                say(flag, std::slice::from_ref(text));
            }
        }
        Filter {
            titles: args.title,
            directors: args.director,
            writers: args.writer,
            cast: args.cast,
            tags: args.tag,
            ratings: args.rating,
            years: args.year,
            drafts: args.drafts,
            min_score: args.min_score.map(|(value, _)| value),
            max_score: args.max_score.map(|(value, _)| value),
            asked: asked.join(" "),
        }
    }
}

#[derive(Debug, Args)]
struct SearchArgs {
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
    no_pager: bool,
    #[command(flatten)]
    global: GlobalArgs,
}

#[derive(Debug, Args)]
struct ShowArgs {
    /// Slug, title or part of the title (several words are joined with spaces)
    #[arg(required = true, value_name = "QUERY", add = complete::reviews())]
    query: Vec<String>,
    /// Output format
    #[arg(long, value_enum, ignore_case = true, default_value_t = ShowFormat::Text)]
    format: ShowFormat,
    /// Never page, even when the review is taller than the terminal
    #[arg(long)]
    no_pager: bool,
    #[command(flatten)]
    global: GlobalArgs,
}

/// What the outside world says: the environment variables read, and the terminal.
#[derive(Debug, Clone, Default)]
pub(crate) struct Environment {
    /// The variables that matter, by name.
    vars: HashMap<String, String>,
    stdout_terminal: bool,
    /// The terminal's (columns, rows), when known.
    terminal_size: Option<(usize, usize)>,
    /// The terminal is known to show OSC 8 hyperlinks (or `FORCE_HYPERLINK` says so).
    hyperlinks: bool,
}

/// The environment variables `reviews` reads.
const VARIABLES: [&str; 12] = [
    "REVIEWS_DIR",
    "REVIEWS_PAGER",
    "PAGER",
    "LESS",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLUMNS",
    "LINES",
    "VISUAL",
    "EDITOR",
];

impl Environment {
    /// Read this process's environment and terminal.
    pub(crate) fn from_process() -> Self {
        let vars = VARIABLES
            .iter()
            .filter_map(|name| Some((name.to_string(), std::env::var(name).ok()?)))
            .collect();
        let stdout_terminal = std::io::stdout().is_terminal();
        let terminal_size = terminal_size::terminal_size_of(std::io::stdout())
            .map(|(w, h)| (usize::from(w.0), usize::from(h.0)))
            .filter(|&(w, h)| w > 0 && h > 0);
        Environment {
            vars,
            stdout_terminal,
            terminal_size,
            hyperlinks: supports_hyperlinks::supports_hyperlinks(),
        }
    }

    /// A variable's value, when set and not empty.
    fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// What `import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ImportSource {
    /// Letterboxd's export: its zip, its folder or one of its CSV files
    Letterboxd,
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

    /// Weigh flags, environment and terminal into a [`Config`].
    pub(crate) fn resolve(mut self, env: &Environment) -> Config {
        let global = self.command.take_global().or(self.global);
        let (dir, dir_origin) = choose_collection(global.dir, env.var("REVIEWS_DIR"));
        let terminal = env.stdout_terminal;
        let color = match global.color.unwrap_or(ColorWhen::Auto) {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            // NO_COLOR wins; CLICOLOR_FORCE colours a pipe; CLICOLOR=0 turns a terminal's off.
            ColorWhen::Auto => {
                let forced = env.var("CLICOLOR_FORCE").is_some_and(|v| v != "0");
                let refused = env.var("CLICOLOR") == Some("0");
                env.var("NO_COLOR").is_none()
                    && env.var("TERM") != Some("dumb")
                    && (forced || terminal && !refused)
            }
        };
        let screen = env.terminal_size.filter(|_| terminal);
        let width = global.width.map(usize::from).unwrap_or_else(|| {
            screen
                .map(|(w, _)| w)
                // As `--width` takes it: a value past its range is not a width.
                .or_else(|| {
                    env.var("COLUMNS")?
                        .parse()
                        .ok()
                        .filter(|w: &usize| (1..=usize::from(u16::MAX)).contains(w))
                })
                .unwrap_or(80)
        });
        let height = screen
            .map(|(_, h)| h)
            .or_else(|| env.var("LINES")?.parse().ok())
            .filter(|_| terminal);
        let pager = match &self.command {
            CliCommand::Show(args) if terminal && !args.no_pager => pager_command(env),
            CliCommand::Search(args) if terminal && !args.no_pager => pager_command(env),
            _ => None,
        };
        let command = match self.command {
            CliCommand::List(args) => match list_options(args, terminal) {
                Ok(options) => Command::List(options),
                Err(message) => Command::Usage(message),
            },
            CliCommand::Show(args) => Command::Show(show_options(args)),
            CliCommand::Stats(args) => Command::Stats(StatsOptions {
                by: args.by,
                filter: args.filters.into(),
                order: args.sort,
                reverse: args.reverse,
                limit: args.limit,
                format: args.format.unwrap_or(if terminal {
                    StatsFormat::Table
                } else {
                    StatsFormat::Tsv
                }),
            }),
            CliCommand::Search(args) => match search_options(args, terminal) {
                Ok(options) => Command::Search(options),
                Err(message) => Command::Usage(message),
            },
            CliCommand::Check { paths, .. } => Command::Check(paths),
            CliCommand::Import {
                files,
                to,
                dry_run,
                from,
                all,
                ..
            } => Command::Import(ImportOptions {
                files,
                to,
                dry_run,
                from_letterboxd: from == Some(ImportSource::Letterboxd),
                all,
            }),
            CliCommand::New {
                title,
                year,
                director,
                rating,
                score,
                to,
                no_edit,
                ..
            } => Command::New(NewOptions {
                title: title.join(" "),
                year,
                directors: director,
                rating,
                score,
                to,
                editor: (terminal && !no_edit)
                    .then(|| editor_command(env))
                    .flatten(),
            }),
            CliCommand::Completions { shell } => Command::Print(complete::registration(shell)),
            CliCommand::Man { command, out } => match out {
                Some(folder) => Command::Write {
                    folder,
                    files: man::every_page(),
                },
                None => Command::Print(man::page(command.as_deref())),
            },
        };
        let warnings = match (global.quiet, global.verbose) {
            (true, _) => Warnings::Silent,
            (_, true) => Warnings::Each,
            _ => Warnings::Counted,
        };
        Config {
            dir,
            dir_origin,
            warnings,
            terminal,
            color,
            hyperlinks: color && env.hyperlinks,
            width,
            height,
            pager,
            command,
        }
    }
}

/// The collection: `--dir`, else `$REVIEWS_DIR` (`variable`, when set and not empty), else
/// `./reviews`; and how it was chosen, for the error when it does not exist.
fn choose_collection(given: Option<PathBuf>, variable: Option<&str>) -> (PathBuf, String) {
    match (given, variable) {
        (Some(dir), _) => {
            let origin = format!("{} (from --dir)", dir.display());
            (dir, origin)
        }
        (None, Some(dir)) => (PathBuf::from(dir), format!("{dir} (from $REVIEWS_DIR)")),
        (None, None) => (
            PathBuf::from("reviews"),
            "./reviews (the default; set --dir or $REVIEWS_DIR)".to_string(),
        ),
    }
}

/// A score bound: its value on the 0-100 scale, and the text as given (for messages).
fn score_bound(text: &str) -> Result<(f64, String), String> {
    Ok((crate::record::score_on_scale(text)?, text.to_string()))
}

/// `$VISUAL`, else `$EDITOR`, else `vi`, split into words as a shell would.
fn editor_command(env: &Environment) -> Option<Vec<String>> {
    let setting = env
        .var("VISUAL")
        .filter(|v| !v.trim().is_empty())
        .or_else(|| env.var("EDITOR").filter(|v| !v.trim().is_empty()))
        .unwrap_or("vi");
    shell_words::split(setting).ok().filter(|w| !w.is_empty())
}

/// `$REVIEWS_PAGER` (empty: no pager), else `$PAGER`, else `less -FRX`. As git does, `less`
/// gets `LESS=FRX` when `$LESS` is unset, so that styles show as styles.
fn pager_command(env: &Environment) -> Option<Pager> {
    let mut pager = match env.vars.get("REVIEWS_PAGER") {
        Some(setting) => Pager::from_setting(setting),
        None => env
            .var("PAGER")
            .and_then(Pager::from_setting)
            .or_else(|| Pager::from_setting("less -FRX")),
    }?;
    if !env.vars.contains_key("LESS") {
        pager.env.push(("LESS".into(), "FRX".into()));
    }
    Some(pager)
}

fn list_options(args: ListArgs, terminal: bool) -> Result<ListOptions, String> {
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
        return Err("--columns chooses the columns of table, tsv and csv: give one of them".into());
    }
    Ok(ListOptions {
        layout: args.columns.unwrap_or_default(),
        filter: args.filters.into(),
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

const NULL_FORMATS: &str = "-0/--null ends the lines of tsv, path and templates: give one of them";

fn search_options(args: SearchArgs, terminal: bool) -> Result<SearchOptions, String> {
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
    let mut filter: Filter = args.filters.into();
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

fn show_options(args: ShowArgs) -> ShowOptions {
    ShowOptions {
        query: args.query.join(" "),
        format: args.format,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn config(args: &[&str], vars: &[(&str, &str)], terminal: bool) -> Config {
        let cli =
            Cli::try_parse_from(std::iter::once("reviews").chain(args.iter().copied())).unwrap();
        let env = Environment {
            vars: vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            stdout_terminal: terminal,
            terminal_size: terminal.then_some((120, 40)),
            hyperlinks: false,
        };
        cli.resolve(&env)
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
    fn collection_from_flag_variable_or_default() {
        assert_eq!(
            config(&["--dir", "a", "list"], &[("REVIEWS_DIR", "b")], false).dir,
            PathBuf::from("a")
        );
        assert_eq!(
            config(&["list"], &[("REVIEWS_DIR", "b")], false).dir,
            PathBuf::from("b")
        );
        let default = config(&["list"], &[], false);
        assert_eq!(default.dir, PathBuf::from("reviews"));
        assert!(default.dir_origin.contains("--dir or $REVIEWS_DIR"));
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
}
