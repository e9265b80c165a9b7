//! Importing review files, in any shape the reader knows.

use std::path::Path;

use super::writer::Writer;
use crate::collection::read_whole;
use crate::diagnostics::{Error, Result};
use crate::front_matter;

/// Import one review file in any shape the reader knows.
pub(super) fn import_file(source: &Path, writer: &mut Writer) -> Result<()> {
    // A FIFO or a device could be read without end; a folder is not one file.
    if !source.metadata().is_ok_and(|m| m.is_file()) {
        let message = if source.is_dir() {
            "is a folder: name the review files in it, or give a Letterboxd export"
        } else if source.exists() {
            "is not a regular file; not read"
        } else {
            "no such file"
        };
        writer.failed(&Error::NotAnExport {
            path: source.to_path_buf(),
            message: message.to_string(),
        });
        return Ok(());
    }
    let (bytes, parsed) = match read_whole(source) {
        Ok(read) => read,
        Err(error) => {
            writer.failed(&error);
            return Ok(());
        }
    };
    writer.notes.extend(parsed.notes(false));
    let Some(mut review) = parsed.review else {
        writer.failed += 1;
        return Ok(());
    };
    let body = front_matter::body_text(&bytes, &parsed.lifted);
    review.body = Some(String::from_utf8_lossy(&body).into_owned());
    writer.write(&source.display().to_string(), review, &body, true)?;
    Ok(())
}
