//! The commands: each lists or reads the collection, asks a query, and writes one output.

mod browse;
mod check;
mod config;
mod import;
mod list;
mod new;
mod search;
mod show;
mod stats;
mod threads;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::collection::{Folder, Listing};
use crate::config::{Command, Config};
use crate::diagnostics::{Error, Note, Printer, Result, Severity};
use crate::letterboxd;
use crate::output;

pub(crate) use threads::on_reading_threads;

/// How a run ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Found,
    NothingFound,
    /// Some files could not be read (what could be read was printed).
    FileErrors,
}

impl Outcome {
    /// How a run that read the collection ended: an error in any file wins, then whether
    /// anything was found.
    fn of(notes: &[Note], found: bool) -> Outcome {
        if notes.iter().any(|n| n.severity == Severity::Error) {
            Outcome::FileErrors
        } else if found {
            Outcome::Found
        } else {
            Outcome::NothingFound
        }
    }

    /// grep's convention: 0 found, 1 nothing found, 2 an error.
    pub(crate) fn exit_code(self) -> u8 {
        match self {
            Outcome::Found => 0,
            Outcome::NothingFound => 1,
            Outcome::FileErrors => 2,
        }
    }
}

/// Files read at a time: enough to keep every core busy, few enough that parsed records never
/// pile up (only what a command keeps of each outlives a batch).
const CHUNK: usize = 4096;

/// Run the configured command, writing data to `out` and messages to `err`.
pub(crate) fn run(config: &Config, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    match &config.command {
        Command::List(options) => list::list(config, options, out, err),
        Command::Show(options) => show::show(config, options, out, err),
        Command::Check(paths) => check::check(config, paths, out, err),
        Command::Import(options) => import::import(config, options, out, err),
        Command::New(options) => new::new(config, options, out, err),
        Command::Search(options) => search::search(config, options, out, err),
        Command::Browse(options) => browse::browse(config, options, out, err),
        Command::Stats(options) => stats::stats(config, options, out, err),
        Command::Usage(message) => {
            Printer::new(err).message(message);
            Ok(Outcome::FileErrors)
        }
        Command::Print(text) => {
            out.write_all(text)?;
            Ok(Outcome::Found)
        }
        Command::Write { folder, files } => write_files(folder, files, out, config.terminal),
        Command::Settings(settings) => {
            output::settings::write(out, settings, config.terminal)?;
            Ok(Outcome::Found)
        }
        Command::Init { path, text } => config::init(path, text, out, config.terminal),
    }
}

/// On a terminal, say on stderr that nothing matched, where an empty screen or a bare header
/// would say nothing; piped, empty output is the answer. `asked` is what was asked, as given.
fn say_nothing_matched(config: &Config, asked: &str, err: &mut dyn Write) {
    if !config.terminal {
        return;
    }
    let message = if asked.is_empty() {
        let folders: Vec<String> = config
            .collections
            .iter()
            .map(|c| c.path.display().to_string())
            .collect();
        format!("no reviews in {}", folders.join(", "))
    } else {
        format!("no reviews match {asked}")
    };
    Printer::new(err).message(&message);
}

/// Write each file into `folder` (made if missing), and print the path of each written.
fn write_files(
    folder: &Path,
    files: &[(String, Vec<u8>)],
    out: &mut dyn Write,
    terminal: bool,
) -> Result<Outcome> {
    std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
    for (name, bytes) in files {
        let path = folder.join(name);
        std::fs::write(&path, bytes).map_err(|e| Error::write(&path, e))?;
        output::path::write(out, &path, b"\n", terminal)?;
    }
    Ok(Outcome::Found)
}

/// The collections' files, and the problems met listing them, as every reading command starts.
fn open_listing(config: &Config) -> Result<(Listing, Vec<Note>)> {
    let (folders, mut notes) = open_folders(config)?;
    let listing = Listing::of(&folders);
    notes.extend(Note::each(&listing.errors, Severity::Error));
    notes.extend(Note::each(&listing.warnings, Severity::Warning));
    Ok((listing, notes))
}

/// The collections to read, opened: one that is missing is a warning while another is there,
/// and the error when none is.
fn open_folders(config: &Config) -> Result<(Vec<Folder>, Vec<Note>)> {
    let mut folders = Vec::new();
    let mut missing = Vec::new();
    let mut first_error = None;
    for collection in &config.collections {
        match collection.open() {
            Ok(folder) => folders.push(folder),
            Err(error) => {
                missing.push(Error::MissingCollection {
                    name: collection.name.clone(),
                    tried: collection.origin.clone(),
                });
                first_error.get_or_insert(error);
            }
        }
    }
    match first_error {
        Some(error) if folders.is_empty() => Err(error),
        _ => Ok((folders, Note::each(&missing, Severity::Warning))),
    }
}

/// Say so of each folder that holds a Letterboxd export, whose CSV files are not review files:
/// without a word, a folder downloaded from Letterboxd would list nothing and no one would know
/// why. True when there was one.
fn point_at_exports(folders: &[PathBuf], printer: &mut Printer) -> bool {
    let mut any = false;
    for dir in folders
        .iter()
        .filter(|dir| dir.is_dir() && letterboxd::holds_export(dir))
    {
        let quoted = shell_words::quote(&dir.to_string_lossy()).into_owned();
        printer.message(&format!(
            "{} holds a Letterboxd export: `reviews import {quoted}` makes review files of it",
            dir.display()
        ));
        any = true;
    }
    any
}
