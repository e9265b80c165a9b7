//! A problem found inside a file's text, before the file's path is attached.

use std::path::Path;

use super::error::{Error, Location};

/// Where byte `offset` of `text` (whose first line is file line `first_line`) stands, as a
/// 1-based (line, column in characters).
pub(crate) fn position(text: &[u8], offset: usize, first_line: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = first_line + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// What is wrong, and where in the file: the parsers report these, the loader adds the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// 1-based line within the whole file.
    pub(crate) line: usize,
    /// 1-based column, when known.
    pub(crate) column: Option<usize>,
    /// The key as written, for a problem with one field's value.
    pub(crate) field: Option<String>,
    /// What was expected and what was found.
    pub(crate) message: String,
}

impl Problem {
    /// A problem with the header as a whole.
    pub(crate) fn header(line: usize, column: Option<usize>, message: impl Into<String>) -> Self {
        Problem {
            line,
            column,
            field: None,
            message: message.into(),
        }
    }

    /// A problem with one field's value.
    pub(crate) fn field(
        line: usize,
        column: Option<usize>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            line,
            column,
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// Attach the file's path, making the library error.
    pub(crate) fn in_file(self, path: &Path) -> Error {
        let location = Location::new(path, self.line, self.column);
        match self.field {
            Some(field) => Error::field(location, field, self.message),
            None => Error::header(location, self.message),
        }
    }
}
