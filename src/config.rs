//! The resolved configuration: every decision about flags, environment and terminal, made once.

use std::path::PathBuf;

use crate::collection::{Choice, Folder};
pub(crate) use crate::diagnostics::Warnings;
use crate::output::Layout;
use crate::output::template::Template;
use crate::query::stats::{GroupBy, GroupOrder};
use crate::query::{Filter, Order, Search};
use crate::terminal::pager::Pager;

/// One folder of reviews, by the name its reviews carry.
#[derive(Debug, Clone)]
pub(crate) struct Collection {
    /// A name from the config file, else the folder's own, unique among the collections read.
    pub(crate) name: String,
    pub(crate) path: PathBuf,
    /// How it was chosen (`--dir`, `$REVIEWS_DIR`, the config file, the default), for the error
    /// when it is missing.
    pub(crate) origin: String,
    /// Which of its files are read: the config file's `include` and `exclude`.
    pub(crate) choice: Choice,
    /// Added to the tags of each of its reviews.
    pub(crate) tags: Vec<String>,
}

impl Collection {
    /// The folder `path`, by its own name, chosen as `origin` says.
    pub(crate) fn at(path: PathBuf, name: String, origin: String) -> Collection {
        Collection {
            name,
            path,
            origin,
            choice: Choice::default(),
            tags: Vec::new(),
        }
    }

    /// Its folder, opened: only the files its `include` and `exclude` keep are read, and its
    /// reviews get its tags.
    pub(crate) fn open(&self) -> crate::diagnostics::Result<Folder> {
        let folder = Folder::named(&self.path, &self.origin, self.name.clone())?;
        Ok(folder.choosing(self.choice.clone(), self.tags.clone()))
    }

    /// `./reviews`, the default.
    pub(crate) fn named(folder: &str) -> Collection {
        Collection::at(
            PathBuf::from(folder),
            folder.to_string(),
            format!("./{folder} (the default; set --dir or $REVIEWS_DIR)"),
        )
    }
}

/// A setting in effect, as `reviews config` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Setting {
    pub(crate) name: String,
    pub(crate) value: String,
    /// The flag, the variable, the config file's path and line, or "default".
    pub(crate) origin: String,
}

/// Everything a run needs, with flags, environment and terminal already weighed.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The collections read, never none; the first is where `import` and `new` write.
    pub(crate) collections: Vec<Collection>,
    /// How `list` and `show` report warnings (`check` always prints each).
    pub(crate) warnings: Warnings,
    /// Is standard output a terminal?
    pub(crate) terminal: bool,
    /// Write ANSI colour and styles.
    pub(crate) color: bool,
    /// Write links as OSC 8 hyperlinks (with colour, on a terminal that shows them).
    pub(crate) hyperlinks: bool,
    /// Columns to fit output to.
    pub(crate) width: usize,
    /// Rows on the screen, when standard output is a terminal.
    pub(crate) height: Option<usize>,
    /// The pager, when `show` may page.
    pub(crate) pager: Option<Pager>,
    /// The scale scores are shown on by people's formats.
    pub(crate) score_scale: ScoreScale,
    pub(crate) command: Command,
}

/// The scale scores are shown on in tables, templates and `show`: as each file writes it, or
/// every score out of the same number. JSON keeps the score as written (and its 0–100 value).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) enum ScoreScale {
    #[default]
    AsWritten,
    OutOf(u8),
}

impl ScoreScale {
    /// `written`, or a whole number from 2 to 100, as `--score-scale` and the file take it.
    pub(crate) fn parse(text: &str) -> Result<ScoreScale, String> {
        match text.trim() {
            "written" => Ok(ScoreScale::AsWritten),
            number => match number.parse::<u8>() {
                Ok(max @ 2..=100) => Ok(ScoreScale::OutOf(max)),
                _ => Err(format!(
                    "expected written or a whole number from 2 to 100, found \"{text}\""
                )),
            },
        }
    }

    /// The review with its score on this scale, for a person to read.
    pub(crate) fn show(self, review: &mut crate::record::Review) {
        if let ScoreScale::OutOf(max) = self {
            review.score = review.score.take().map(|s| s.out_of(f64::from(max)));
        }
    }
}

impl std::fmt::Display for ScoreScale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScoreScale::AsWritten => f.write_str("written"),
            ScoreScale::OutOf(max) => write!(f, "{max}"),
        }
    }
}

impl Config {
    /// The collection `import` and `new` write to, and messages name: the first.
    pub(crate) fn home(&self) -> &Collection {
        &self.collections[0]
    }
}

/// A command, with its options resolved.
#[derive(Debug, Clone)]
pub(crate) enum Command {
    List(ListOptions),
    Show(ShowOptions),
    /// Validate these files and folders, or the collection when there are none.
    Check(Vec<PathBuf>),
    /// Write canonical review files from files in any shape.
    Import(ImportOptions),
    /// Write a new review file, and open it in an editor.
    New(NewOptions),
    /// Find reviews by their text.
    Search(SearchOptions),
    /// Look around the collection on the terminal, or pick a review for a script.
    Browse(BrowseOptions),
    /// Count reviews by a field, or sum them up.
    Stats(StatsOptions),
    /// Print generated text (shell completions, the man page).
    Print(Vec<u8>),
    /// Write generated files (the man pages) into a folder, creating it, and name each.
    Write {
        folder: PathBuf,
        files: Vec<(String, Vec<u8>)>,
    },
    /// The settings in effect and where each came from (`reviews config`).
    Settings(Vec<Setting>),
    /// Write `text` at `path`, a new file (`reviews config init`), and name it.
    Init {
        path: PathBuf,
        text: String,
    },
    /// A usage error found after parsing: say it and exit 2 before reading anything.
    Usage(String),
}

#[derive(Debug, Clone)]
pub(crate) struct BrowseOptions {
    pub(crate) filter: Filter,
    /// Enter prints the choice (`--print`) rather than showing the review.
    pub(crate) print: bool,
    /// What `--print` prints, when not the slug.
    pub(crate) template: Option<Template>,
    /// The editor `e` opens a file in (program and arguments).
    pub(crate) editor: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub(crate) struct ImportOptions {
    pub(crate) files: Vec<PathBuf>,
    /// Where to write: the collection when `None`.
    pub(crate) to: Option<PathBuf>,
    pub(crate) dry_run: bool,
    /// Read every file named as a Letterboxd export (`--from letterboxd`).
    pub(crate) from_letterboxd: bool,
    /// From an export, films logged, rated or watched with no review too.
    pub(crate) all: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct NewOptions {
    pub(crate) title: String,
    pub(crate) year: Option<i32>,
    pub(crate) directors: Vec<String>,
    pub(crate) rating: Option<String>,
    pub(crate) score: Option<String>,
    /// Where to write: the collection when `None`.
    pub(crate) to: Option<PathBuf>,
    /// The editor to open the file in (program and arguments), on a terminal.
    pub(crate) editor: Option<Vec<String>>,
    /// Write even when the collection already reviews the film.
    pub(crate) force: bool,
}

/// Output formats of `list`; each name is also the `--format` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ListFormat {
    /// An aligned table, fitted to the terminal
    Table,
    /// Tab-separated lines
    Tsv,
    /// Comma-separated values with a header row
    Csv,
    /// One JSON array
    Json,
    /// One JSON object per line
    Jsonl,
    /// CSV for Letterboxd's importer, with directors and the review text
    Letterboxd,
    /// One file path per line (`xargs $EDITOR`)
    Path,
    /// A line per review from a template such as '{title} ({year})'
    #[value(skip)]
    Template,
}

/// Output formats of `show`; each name is also the `--format` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ShowFormat {
    /// The header aligned, the body rendered (Markdown and HTML) and wrapped
    Text,
    /// The record as JSON, with the body
    Json,
    /// The file as written
    Markdown,
}

#[derive(Debug, Clone)]
pub(crate) struct ListOptions {
    /// The columns of table, tsv and csv.
    pub(crate) layout: Layout,
    pub(crate) filter: Filter,
    pub(crate) order: Order,
    /// At most this many.
    pub(crate) limit: Option<usize>,
    pub(crate) format: ListFormat,
    /// Print a header row (tables, and tsv/csv when asked for by name).
    pub(crate) header_row: bool,
    pub(crate) lines: Lines,
}

/// Output formats of `search`; each name is also the `--format` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SearchFormat {
    /// Each review's title and matching snippets, for reading
    Text,
    /// Tab-separated lines: slug, title, year, the best matching line
    Tsv,
    /// One JSON array, each review with its matching lines
    Json,
    /// One JSON object per line
    Jsonl,
    /// One file path per line
    Path,
    /// A line per review from a template such as '{title} ({year})'
    #[value(skip)]
    Template,
}

/// Output formats of `stats`; each name is also the `--format` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum StatsFormat {
    /// An aligned table with a bar per row
    Table,
    /// Tab-separated lines with no header: name, count, average score, runtime minutes
    Tsv,
    /// Comma-separated values with a header row
    Csv,
    /// JSON
    Json,
}

#[derive(Debug, Clone)]
pub(crate) struct StatsOptions {
    /// `None`: a summary.
    pub(crate) by: Option<GroupBy>,
    pub(crate) filter: Filter,
    /// `None`: by count.
    pub(crate) order: Option<GroupOrder>,
    pub(crate) reverse: bool,
    pub(crate) limit: Option<usize>,
    pub(crate) format: StatsFormat,
}

#[derive(Debug, Clone)]
pub(crate) struct SearchOptions {
    pub(crate) search: Search,
    pub(crate) filter: Filter,
    /// `None`: most matches first, then by title.
    pub(crate) order: Option<Order>,
    /// With the order by matches, reversed.
    pub(crate) reverse: bool,
    pub(crate) limit: Option<usize>,
    pub(crate) format: SearchFormat,
    pub(crate) lines: Lines,
}

/// How line formats (tsv, path, templates) end each review's line, and the template.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lines {
    pub(crate) template: Option<Template>,
    /// `-0`: a NUL after each, as `find -print0` writes.
    pub(crate) null: bool,
}

impl Lines {
    pub(crate) fn end(&self) -> &'static [u8] {
        if self.null { b"\0" } else { b"\n" }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ShowOptions {
    /// Slug, title or part of either.
    pub(crate) query: String,
    pub(crate) format: ShowFormat,
}
