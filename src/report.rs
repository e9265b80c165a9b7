//! The one printer for errors and warnings: what a person reads on stderr.

use std::cmp::Ordering;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::spill::{self, Record};

/// How an error reads: errors inside a file start with the file's path (`path:line:col: ...`),
/// every other one with `reviews: `.
pub fn render(error: &Error) -> String {
    if error.path().is_some() {
        error.to_string()
    } else {
        format!("reviews: {error}")
    }
}

/// One error as a line (without the newline), cleaned of control characters.
pub fn error_line(error: &Error) -> String {
    crate::sanitize::clean(&render(error), false).into_owned()
}

/// Write one error as a line on `w`, cleaned of control characters.
pub fn write(w: &mut dyn Write, error: &Error) -> std::io::Result<()> {
    writeln!(w, "{}", error_line(error))
}

/// Write one error as a line on stderr; a failing stderr is ignored, as there is nowhere left to
/// say so.
pub fn print(w: &mut dyn Write, error: &Error) {
    let _ = write(w, error);
}

/// A warning (a problem that did not stop a file being read, tagged after its location) as a
/// line, cleaned of control characters.
pub fn warning_line(error: &Error) -> String {
    let text = match error {
        Error::Header { location, message } => format!("{location}: warning: {message}"),
        Error::Field {
            location,
            field,
            message,
        } => format!("{location}: warning: {field}: {message}"),
        other => format!("warning: {}", render(other)),
    };
    crate::sanitize::clean(&text, false).into_owned()
}

/// Write a warning on stderr (see [`warning_line`]).
pub fn warn(w: &mut dyn Write, error: &Error) {
    let _ = writeln!(w, "{}", warning_line(error));
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

/// A rendered problem kept until the end of a run, so that problems print in file and line order
/// whatever order the files were read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The file or folder, if the problem has one.
    pub path: Option<PathBuf>,
    /// The line it points at (0: none).
    pub line: usize,
    /// The line to print.
    pub text: String,
    /// An error, not a warning.
    pub is_error: bool,
}

impl Note {
    /// An error, rendered by [`error_line`].
    pub fn error(error: &Error) -> Note {
        Note::new(error, error_line(error), true)
    }

    /// A warning, rendered by [`warning_line`].
    pub fn warning(error: &Error) -> Note {
        Note::new(error, warning_line(error), false)
    }

    fn new(error: &Error, text: String, is_error: bool) -> Note {
        Note {
            path: error.path().map(Path::to_path_buf),
            line: error.line().unwrap_or(0),
            text,
            is_error,
        }
    }

    /// By file (problems without one first), then line.
    pub fn order(a: &Note, b: &Note) -> Ordering {
        a.path.cmp(&b.path).then(a.line.cmp(&b.line))
    }
}

impl Record for Note {
    fn heap_size(&self) -> usize {
        self.path.as_ref().map_or(0, |p| p.as_os_str().len()) + self.text.len()
    }

    fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        let flags = u64::from(self.path.is_some()) | u64::from(self.is_error) << 1;
        spill::write_u64(w, flags)?;
        if let Some(path) = &self.path {
            spill::write_path(w, path)?;
        }
        spill::write_u64(w, self.line as u64)?;
        spill::write_bytes(w, self.text.as_bytes())
    }

    fn read_from(r: &mut impl BufRead) -> io::Result<Self> {
        let flags = spill::read_u64(r)?;
        let path = if flags & 1 != 0 {
            Some(spill::read_path(r)?)
        } else {
            None
        };
        Ok(Note {
            path,
            line: spill::read_u64(r)? as usize,
            text: spill::read_string(r)?,
            is_error: flags & 2 != 0,
        })
    }
}
