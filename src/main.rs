//! The `reviews` binary: parse the command line, run, map the result to an exit status.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use reviews::app;
use reviews::cli::{Cli, Environment};
use reviews::report;

fn main() -> ExitCode {
    let config = Cli::parse_args().resolve(&Environment::from_process());
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    let result = app::run(&config, &mut out, &mut err).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        // The reader went away (`reviews list | head -1`): a clean end.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            report::print(&mut err, &error);
            ExitCode::from(2)
        }
    }
}
