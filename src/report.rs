//! The one printer for errors and warnings: what a person reads on stderr.

use std::io::Write;

use crate::error::Error;

/// How an error reads: errors inside a file start with the file's path (`path:line:col: ...`),
/// every other one with `reviews: `.
pub fn render(error: &Error) -> String {
    match error {
        Error::Header { .. }
        | Error::Field { .. }
        | Error::Read { .. }
        | Error::DuplicateSlug { .. } => error.to_string(),
        _ => format!("reviews: {error}"),
    }
}

/// Write one error as a line on `w`; a failing stderr is ignored, as there is nowhere left to say so.
pub fn print(w: &mut dyn Write, error: &Error) {
    let _ = writeln!(w, "{}", crate::sanitize::clean(&render(error), false));
}
