//! The resolved configuration: every decision about the environment, made in one place.

use std::path::PathBuf;

use crate::query::{Filter, SortKey};

/// Everything a run needs, with flags, environment and terminal already weighed.
#[derive(Debug, Clone)]
pub struct Config {
    /// The collection folder.
    pub dir: PathBuf,
    /// How `dir` was chosen, for the error when it does not exist.
    pub dir_origin: String,
    /// Is standard output a terminal?
    pub terminal: bool,
    /// Write ANSI colour and styles.
    pub color: bool,
    /// Columns to fit output to.
    pub width: usize,
    /// Rows on the screen, when standard output is a terminal.
    pub height: Option<usize>,
    /// The pager command and its arguments, when `show` may page.
    pub pager: Option<Vec<String>>,
    /// Bytes of records `list`, `show` and `check` keep in memory before sorting through
    /// temporary files.
    pub sort_memory: usize,
    /// What to do.
    pub command: Command,
}

/// A command, with its options resolved.
#[derive(Debug, Clone)]
pub enum Command {
    /// List reviews.
    List(ListOptions),
    /// Show one review.
    Show(ShowOptions),
    /// Validate files (these, or the collection when empty).
    Check(Vec<PathBuf>),
    /// Print generated text (shell completions, the man page).
    Print(Vec<u8>),
}

/// Output formats of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// An aligned table for people.
    Table,
    /// Tab-separated lines.
    Tsv,
    /// Comma-separated values.
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// Output formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowFormat {
    /// Aligned header and wrapped body.
    Text,
    /// The record as JSON, with the body.
    Json,
    /// The file as written.
    Markdown,
}

/// `list` options.
#[derive(Debug, Clone)]
pub struct ListOptions {
    /// Which reviews.
    pub filter: Filter,
    /// Order.
    pub sort: SortKey,
    /// Reverse the order (missing values stay last).
    pub reverse: bool,
    /// At most this many.
    pub limit: Option<usize>,
    /// Output format.
    pub format: ListFormat,
    /// Print a header row (tables, and tsv/csv when asked for by name).
    pub header_row: bool,
}

/// `show` options.
#[derive(Debug, Clone)]
pub struct ShowOptions {
    /// Slug, title or part of either.
    pub query: String,
    /// Output format.
    pub format: ShowFormat,
}
