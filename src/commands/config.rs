//! `reviews config init`: the starter config file, written where none is.

use std::io::Write;
use std::path::Path;

use super::Outcome;
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
    let write_error = |path: &Path, source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| write_error(folder, e))?;
    }
    let mut file = match std::fs::File::create_new(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::ConfigExists {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(write_error(path, e)),
    };
    file.write_all(text.as_bytes())
        .map_err(|e| write_error(path, e))?;
    output::path::write(out, path, b"\n", terminal)?;
    Ok(Outcome::Found)
}
