//! The review file as written.

use std::io::{self, Write};

use crate::terminal::clean;

/// The file's bytes unchanged; on a terminal, cleaned of control sequences first.
pub(crate) fn write(w: &mut dyn Write, bytes: &[u8], terminal: bool) -> io::Result<()> {
    if terminal {
        w.write_all(clean(&String::from_utf8_lossy(bytes), true).as_bytes())
    } else {
        w.write_all(bytes)
    }
}
