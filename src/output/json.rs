//! JSON: the records as they are, for jq and friends.

use std::io::{self, Write};

use crate::record::Review;

/// One review as compact JSON, without a newline: made where the review is read, on any core,
/// and written by [`write_array`] or [`write_lines`] in order.
pub(crate) fn compact(review: &Review) -> Vec<u8> {
    // Serialising plain data to memory cannot fail.
    serde_json::to_vec(review).unwrap_or_default()
}

/// Documents made by [`compact`] as one array, one element per line.
pub(crate) fn write_array(
    w: &mut dyn Write,
    documents: impl IntoIterator<Item = Vec<u8>>,
) -> io::Result<()> {
    w.write_all(b"[")?;
    for (i, document) in documents.into_iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        w.write_all(&document)?;
    }
    w.write_all(b"\n]\n")
}

/// Documents made by [`compact`], one per line.
pub(crate) fn write_lines(
    w: &mut dyn Write,
    documents: impl IntoIterator<Item = Vec<u8>>,
) -> io::Result<()> {
    for document in documents {
        w.write_all(&document)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// One review, body included, pretty-printed.
pub(crate) fn write_one(w: &mut dyn Write, review: &Review) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, review)?;
    writeln!(w)
}
