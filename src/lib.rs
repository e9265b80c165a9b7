//! Read a folder of film reviews (front matter and text) into typed records.
//!
//! This crate is the `reviews` command-line program and the reader beneath it. A Rust program
//! that wants a collection of review files as records opens a [`Collection`] of one or more
//! folders, iterates its [`Review`]s (each with its [`Score`], [`Rating`], dates and every other
//! key of its header in `extra`), and keeps those a [`Query`] matches, as `reviews list` does:
//!
//! ```
//! use reviews::{Collection, Query};
//!
//! let collection = Collection::open(["reviews"])?;
//! let audiard = Query::new().director("audiard");
//! for review in collection.filter(&audiard) {
//!     let review = review?;
//!     let score = review.score.map(|s| s.to_string()).unwrap_or_default();
//!     println!("{} ({}) {score}", review.title, review.year.unwrap_or_default());
//! }
//! # Ok::<(), reviews::Error>(())
//! ```
//!
//! Every shape the program reads is read here too: YAML, TOML and JSON front matter, the
//! plain-text header of a saved page, Jekyll, Hugo, Obsidian and Letterboxd conventions. A file
//! that cannot be read is an [`Error`] naming the file, the line and what was expected, and
//! never hides the other files. [`read_file`] reads one file whole, body included.

#![warn(missing_docs)]

mod browse;
mod cli;
mod collection;
mod commands;
mod config;
mod diagnostics;
mod front_matter;
mod letterboxd;
mod library;
mod output;
mod query;
mod record;
mod terminal;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

pub use diagnostics::{Error, Location, Result};
pub use library::{Collection, Query, Reviews, read_bytes, read_file};
pub use record::{Rating, Review, Score};

/// The README's Rust example, compiled and run as a doc test so that it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
// Its `console terminal=80` blocks carry the README test's settings, which rustdoc does not know.
#[allow(rustdoc::invalid_codeblock_attributes)]
struct ReadmeExample;

/// What the fuzz targets check, for `fuzz/` only (`--features fuzzing`): not part of the API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::output::promises::{check_body_rendering, check_every_format};
}

/// The whole program: parse the command line, run, and map the result to an exit status. The
/// binary's entry point, not part of the library's API.
#[doc(hidden)]
pub fn main() -> ExitCode {
    cli::complete_if_asked();
    let env = cli::Environment::from_process();
    let file = cli::SettingsFile::load(&env);
    let config = cli::Cli::parse_args().resolve(&env, file);
    match config.command {
        // One file needs no pool of threads: `show` starts one only when it has to look.
        config::Command::Show(_) | config::Command::Print(_) | config::Command::Usage(_) => {
            run(&config)
        }
        _ => commands::on_reading_threads(|| run(&config)),
    }
}

fn run(config: &config::Config) -> ExitCode {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    let result = commands::run(config, &mut out, &mut err).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        // The reader went away (`reviews list | head -1`): a clean end.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            diagnostics::Printer::new(&mut err).problem(&error, diagnostics::Severity::Error);
            ExitCode::from(2)
        }
    }
}
