//! The library's one error type, and the place in a file an error points at.

use std::fmt;
use std::path::PathBuf;

/// A position in a review file: the path, a 1-based line and, where known, a 1-based column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as the collection found it.
    pub path: PathBuf,
    /// 1-based line within the whole file (not within the header).
    pub line: usize,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
}

impl Location {
    /// A location with a line and a column.
    pub(crate) fn new(path: impl Into<PathBuf>, line: usize, column: Option<usize>) -> Self {
        Location {
            path: path.into(),
            line,
            column,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)?;
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong while reading, finding or writing reviews.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem with the header as a whole: missing, unclosed, unreadable, or not valid in its
    /// language (invalid YAML is only a warning: the header is then read line by line).
    #[error("{location}: {message}")]
    Header {
        /// Where the problem is.
        location: Location,
        /// What was expected.
        message: String,
    },

    /// One field's value has a shape the reader does not accept.
    #[error("{location}: {field}: {message}")]
    Field {
        /// Where the value starts.
        location: Location,
        /// The key as written in the file.
        field: String,
        /// What was expected and what was found.
        message: String,
    },

    /// A file could not be read at all.
    #[error("{}: {source}", path.display())]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },

    /// `config init` found a config file already there, and left it as it is.
    #[error("{}: a config file is already there; it is left as it is (`reviews config` prints what it sets)", path.display())]
    ConfigExists {
        /// The file.
        path: PathBuf,
    },

    /// A file could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },

    /// No collection folder exists.
    #[error("no review collection found: tried {tried}")]
    NoCollection {
        /// What was tried, in order, for the message.
        tried: String,
    },

    /// One of several collections is missing: the others are read.
    #[error("collection \"{name}\" not found: tried {tried}; the others are read")]
    MissingCollection {
        /// The collection's name.
        name: String,
        /// Where it was looked for, and how that was chosen.
        tried: String,
    },

    /// `--dir` names a file.
    #[error("{}: is a file, not a folder: `--dir` takes the collection's folder (`reviews check FILE` reads one file)", path.display())]
    NotAFolder {
        /// The file named.
        path: PathBuf,
    },

    /// A link in the collection points outside it: it is not followed.
    #[error("{}: a link to a file outside the collection; not read", path.display())]
    LinkOutside {
        /// The link (never its target, which is not the collection's to show).
        path: PathBuf,
    },

    /// A file or folder named for `import` is not an export it can read.
    #[error("{}: {message}", path.display())]
    NotAnExport {
        /// The file, folder or zip member.
        path: PathBuf,
        /// What it is, or what was expected.
        message: String,
    },

    /// Two files in the collection have the same slug.
    #[error("{}: slug \"{slug}\" is also used by {}", second.display(), first.display())]
    DuplicateSlug {
        /// The slug found twice.
        slug: String,
        /// The file found first.
        first: PathBuf,
        /// The file found second.
        second: PathBuf,
    },

    /// Two files of one collection review the same film (title and year, folded): a warning.
    #[error("{}: the same film as {} ({film}); a likely duplicate", second.display(), first.display())]
    DuplicateFilm {
        /// The film as the first file names it.
        film: String,
        /// The file found first.
        first: PathBuf,
        /// The file found second.
        second: PathBuf,
    },

    /// A value given to a [`Query`](crate::Query) is not one it takes: a score that is no score.
    #[error("{value:?}: {message}")]
    Query {
        /// The value as given.
        value: String,
        /// What was expected.
        message: String,
    },

    /// Writing output failed (a closed pipe is handled by the caller).
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

impl Error {
    /// A file or folder that could not be written.
    pub(crate) fn write(path: &std::path::Path, source: std::io::Error) -> Self {
        Error::Write {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A header-level error at a place in a file.
    pub(crate) fn header(location: Location, message: impl Into<String>) -> Self {
        Error::Header {
            location,
            message: message.into(),
        }
    }

    /// A field-level error at a place in a file.
    pub(crate) fn field(
        location: Location,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error::Field {
            location,
            field: field.into(),
            message: message.into(),
        }
    }

    /// The file this error is about, if it is about one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Header { location, .. } | Error::Field { location, .. } => Some(&location.path),
            Error::Read { path, .. }
            | Error::Write { path, .. }
            | Error::ConfigExists { path }
            | Error::LinkOutside { path }
            | Error::NotAnExport { path, .. } => Some(path),
            Error::DuplicateSlug { second, .. } | Error::DuplicateFilm { second, .. } => {
                Some(second)
            }
            _ => None,
        }
    }

    /// The line this error points at, if it points into a file (for ordering reports).
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Header { location, .. } | Error::Field { location, .. } => Some(location.line),
            _ => None,
        }
    }

    /// True when this is a write to a closed pipe: the reader went away, which is a clean end.
    pub(crate) fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
