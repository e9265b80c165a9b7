//! `--format path`: one file path a line, for `xargs $EDITOR`.

use std::io::{self, Write};
use std::path::Path;

use crate::terminal::clean;

/// The path and `end`: its bytes as they are into a pipe (so that `xargs -0` gets every name
/// right), cleaned of control characters on a terminal.
pub(crate) fn write(w: &mut dyn Write, path: &Path, end: &[u8], terminal: bool) -> io::Result<()> {
    if terminal {
        w.write_all(clean(&path.to_string_lossy(), false).as_bytes())?;
    } else {
        use std::os::unix::ffi::OsStrExt;
        w.write_all(path.as_os_str().as_bytes())?;
    }
    w.write_all(end)
}
