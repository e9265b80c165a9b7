//! `reviews`: read a folder of film reviews (front matter and text) into typed records, and
//! render them for people and for programs.
//!
//! The binary is all there is to use; the few items public here are for the tests, the fuzz
//! target and the benchmarks.

mod cli;
mod collection;
mod commands;
mod config;
mod diagnostics;
mod front_matter;
mod letterboxd;
mod output;
mod query;
mod record;
mod terminal;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

pub use commands::{check_body_rendering, check_every_format, foreign_escape};
pub use diagnostics::Error;
pub use front_matter::{Parsed, Scan, parse, scan};
pub use output::to_front_matter;
pub use query::fold;
pub use record::{Rating, Review, Score};

/// The reading threads: as many as rayon would start (one per core, or `RAYON_NUM_THREADS`), but
/// when the system refuses that many (a `ulimit`), as many as it gives, down to this thread alone,
/// instead of rayon's panic at the first parallel call.
fn reading_threads() -> Option<rayon::ThreadPool> {
    // What rayon would choose; asking rayon itself would start its global pool first.
    let mut threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n: &usize| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1);
    while threads > 1 {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
        if let Ok(pool) = pool {
            return Some(pool);
        }
        threads /= 2;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .ok()
}

/// The whole program: parse the command line, run, and map the result to an exit status.
pub fn main() -> ExitCode {
    cli::complete_if_asked();
    let config = cli::Cli::parse_args().resolve(&cli::Environment::from_process());
    match config.command {
        // One file needs no pool of threads: `show` starts one only when it has to look.
        config::Command::Show(_) | config::Command::Print(_) | config::Command::Usage(_) => {
            run(&config)
        }
        _ => on_reading_threads(|| run(&config)),
    }
}

/// Run `work` on the reading threads, started for it.
pub(crate) fn on_reading_threads<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    match reading_threads() {
        Some(pool) => pool.install(work),
        None => work(),
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
