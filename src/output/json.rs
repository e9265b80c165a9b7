//! JSON: the records as they are, for jq and friends.

use std::io::{self, Write};

use crate::model::Review;

/// One review as compact JSON, without a newline.
pub fn compact(review: &Review) -> String {
    // Serialising plain data to a String cannot fail.
    serde_json::to_string(review).unwrap_or_default()
}

/// Documents made by [`compact`] as one array, one element per line.
pub fn write_array<S: AsRef<str>>(
    w: &mut dyn Write,
    documents: impl Iterator<Item = S>,
) -> io::Result<()> {
    w.write_all(b"[")?;
    for (i, document) in documents.enumerate() {
        let separator = if i == 0 { "\n" } else { ",\n" };
        write!(w, "{separator}{}", document.as_ref())?;
    }
    w.write_all(b"\n]\n")
}

/// Documents made by [`compact`], one per line.
pub fn write_lines<S: AsRef<str>>(
    w: &mut dyn Write,
    documents: impl Iterator<Item = S>,
) -> io::Result<()> {
    for document in documents {
        writeln!(w, "{}", document.as_ref())?;
    }
    Ok(())
}

/// One review, body included, pretty-printed.
pub fn write_one(w: &mut dyn Write, review: &Review) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, review)?;
    writeln!(w)
}
