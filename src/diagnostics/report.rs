//! The one printer: every line a person reads on stderr, and every problem line `check` prints,
//! is made here and cleaned of control characters on the way out.

use std::cmp::Ordering;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::Error;
use crate::terminal::clean;

/// Whether a problem stopped its file being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    Error,
    Warning,
}

/// How `list` and `show` report warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Warnings {
    /// Not at all (`--quiet`).
    Silent,
    /// One line counting the reviews read with warnings.
    Counted,
    /// Each one (`--verbose`).
    Each,
}

/// One problem as a line, without the newline. A problem inside a file starts with its place
/// (`path:line:col: ...`), a warning with `warning:` after the place, and a problem that belongs
/// to no file with `reviews: `.
pub(crate) fn problem_line(error: &Error, severity: Severity) -> String {
    let text = match (severity, error) {
        (Severity::Warning, Error::Header { location, message }) => {
            format!("{location}: warning: {message}")
        }
        (
            Severity::Warning,
            Error::Field {
                location,
                field,
                message,
            },
        ) => format!("{location}: warning: {field}: {message}"),
        (Severity::Warning, other) if other.path().is_some() => {
            let text = other.to_string();
            let place = format!("{}: ", other.path().unwrap_or(Path::new("")).display());
            match text.strip_prefix(&place) {
                Some(rest) => format!("{place}warning: {rest}"),
                None => format!("warning: {text}"),
            }
        }
        (Severity::Warning, other) => format!("reviews: warning: {other}"),
        (Severity::Error, other) if other.path().is_some() => other.to_string(),
        (Severity::Error, other) => format!("reviews: {other}"),
    };
    clean(&text, false).into_owned()
}

/// A problem kept until the end of a run, so that problems print in file and line order whatever
/// order the files were read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    /// The file or folder, if the problem has one.
    pub(crate) path: Option<PathBuf>,
    /// The line it points at (0: none).
    pub(crate) line: usize,
    pub(crate) text: String,
    pub(crate) severity: Severity,
}

impl Note {
    pub(crate) fn new(error: &Error, severity: Severity) -> Note {
        Note {
            path: error.path().map(Path::to_path_buf),
            line: error.line().unwrap_or(0),
            text: problem_line(error, severity),
            severity,
        }
    }

    /// Each of `errors` as a note of one severity.
    pub(crate) fn each<'e>(
        errors: impl IntoIterator<Item = &'e Error>,
        severity: Severity,
    ) -> Vec<Note> {
        errors.into_iter().map(|e| Note::new(e, severity)).collect()
    }

    /// By file (problems without one first), then line.
    pub(crate) fn order(a: &Note, b: &Note) -> Ordering {
        a.path.cmp(&b.path).then(a.line.cmp(&b.line))
    }
}

/// Writes to stderr. A failing stderr is ignored: there is nowhere left to say so.
pub(crate) struct Printer<'a> {
    err: &'a mut dyn Write,
}

impl<'a> Printer<'a> {
    pub(crate) fn new(err: &'a mut dyn Write) -> Self {
        Printer { err }
    }

    fn line(&mut self, text: &str) {
        let _ = writeln!(self.err, "{}", clean(text, false));
    }

    /// An error or a warning.
    pub(crate) fn problem(&mut self, error: &Error, severity: Severity) {
        let _ = writeln!(self.err, "{}", problem_line(error, severity));
    }

    /// Problems kept in [`Note`]s, sorted, as `list` and `show` report them: errors in full; warnings
    /// about files each, counted in one line, or not at all; those about the run each, unless
    /// silenced.
    pub(crate) fn report(&mut self, notes: &mut [Note], warnings: Warnings) {
        notes.sort_by(Note::order);
        let mut warned: Vec<&Path> = Vec::new();
        for note in notes.iter() {
            match note.severity {
                Severity::Error => {
                    let _ = writeln!(self.err, "{}", note.text);
                }
                Severity::Warning => {
                    // A warning about the run, not a file (a missing collection), is one line.
                    let of_the_run = note.path.is_none() && warnings != Warnings::Silent;
                    if warnings == Warnings::Each || of_the_run {
                        let _ = writeln!(self.err, "{}", note.text);
                    }
                    // Sorted by path: a file's warnings are together.
                    if let Some(path) = &note.path
                        && warned.last() != Some(&path.as_path())
                    {
                        warned.push(path);
                    }
                }
            }
        }
        if warnings == Warnings::Counted && !warned.is_empty() {
            let count = warned.len();
            let (reviews, them) = if count == 1 {
                ("review", "lists it")
            } else {
                ("reviews", "lists them")
            };
            self.line(&format!(
                "{count} {reviews} read with warnings; `reviews check` {them}"
            ));
        }
    }

    /// A message of the program's own: `reviews: TEXT`.
    pub(crate) fn message(&mut self, text: &str) {
        self.line(&format!("reviews: {text}"));
    }

    /// A line that follows a message, such as a suggestion.
    pub(crate) fn hint(&mut self, text: &str) {
        self.line(&format!("  {text}"));
    }

    /// A closing count, such as `check`'s.
    pub(crate) fn summary(&mut self, text: &str) {
        self.line(text);
    }

    /// A usage error as clap words it (several lines, ending in a newline).
    pub(crate) fn usage(&mut self, text: &str) {
        let _ = write!(self.err, "reviews: {}", clean(text, true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Location;

    #[test]
    fn lines_start_with_the_place_and_say_warning_after_it() {
        let location = Location::new("r/x.md", 4, Some(10));
        let field = Error::field(location.clone(), "runtime", "expected minutes");
        assert_eq!(
            problem_line(&field, Severity::Error),
            "r/x.md:4:10: runtime: expected minutes"
        );
        assert_eq!(
            problem_line(&field, Severity::Warning),
            "r/x.md:4:10: warning: runtime: expected minutes"
        );
        let none = Error::NoCollection { tried: "x".into() };
        assert_eq!(
            problem_line(&none, Severity::Error),
            "reviews: no review collection found: tried x"
        );
    }

    #[test]
    fn control_characters_never_reach_stderr() {
        let location = Location::new("r/\u{1b}[2Jx.md", 1, None);
        let error = Error::header(location, "bad \u{7}value\nhere");
        let mut err = Vec::new();
        Printer::new(&mut err).problem(&error, Severity::Error);
        Printer::new(&mut err).message("no review matches \"\u{1b}]0;t\u{7}x\"");
        assert_eq!(
            String::from_utf8(err).unwrap(),
            "r/x.md:1: bad value here\nreviews: no review matches \"x\"\n"
        );
    }
}
