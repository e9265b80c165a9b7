//! The one printer for errors and warnings: what a person reads on stderr.

use std::io::Write;

use crate::error::Error;

/// How an error reads: errors inside a file start with the file's path (`path:line:col: ...`),
/// every other one with `reviews: `.
pub fn render(error: &Error) -> String {
    if error.path().is_some() {
        error.to_string()
    } else {
        format!("reviews: {error}")
    }
}

/// Write one error as a line on `w`, cleaned of control characters.
pub fn write(w: &mut dyn Write, error: &Error) -> std::io::Result<()> {
    writeln!(w, "{}", crate::sanitize::clean(&render(error), false))
}

/// Write one error as a line on stderr; a failing stderr is ignored, as there is nowhere left to
/// say so.
pub fn print(w: &mut dyn Write, error: &Error) {
    let _ = write(w, error);
}

/// Write a warning: a problem that did not stop a file being read, tagged after its location.
pub fn warn(w: &mut dyn Write, error: &Error) {
    let text = match error {
        Error::Header { location, message } => format!("{location}: warning: {message}"),
        Error::Field {
            location,
            field,
            message,
        } => format!("{location}: warning: {field}: {message}"),
        other => format!("warning: {}", render(other)),
    };
    let _ = writeln!(w, "{}", crate::sanitize::clean(&text, false));
}

/// Write one file's errors and warnings in the order of their lines.
pub fn print_file(w: &mut dyn Write, errors: &[Error], warnings: &[Error]) {
    let mut all: Vec<(bool, &Error)> = errors
        .iter()
        .map(|e| (true, e))
        .chain(warnings.iter().map(|e| (false, e)))
        .collect();
    all.sort_by_key(|(_, e)| e.line());
    for (is_error, e) in all {
        if is_error { print(w, e) } else { warn(w, e) }
    }
}
