//! `reviews config init`: the starter config file, written where none is.

use std::io::{ErrorKind, Write};
use std::path::Path;

use super::Outcome;
use super::import::writer::write_new;
use crate::diagnostics::{Error, Result};
use crate::output;

/// Write `text` as a new file at `path` (its folders made), and print the path; a file already
/// there is left as it is, and is the error.
pub(crate) fn init(
    path: &Path,
    text: &str,
    out: &mut dyn Write,
    terminal: bool,
) -> Result<Outcome> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
    }
    match write_new(path, text.as_bytes()) {
        Err(Error::Write { source, .. }) if source.kind() == ErrorKind::AlreadyExists => {
            return Err(Error::ConfigExists {
                path: path.to_path_buf(),
            });
        }
        written => written?,
    }
    output::path::write(out, path, b"\n", terminal)?;
    Ok(Outcome::Found)
}
