//! JSON: the records as they are, for jq and friends.

use std::io::{self, Write};

use crate::record::Review;

/// The reviews as one array, one element per line.
pub(crate) fn write_array(w: &mut dyn Write, reviews: &[Review]) -> io::Result<()> {
    w.write_all(b"[")?;
    for (i, review) in reviews.iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *w, review)?;
    }
    w.write_all(b"\n]\n")
}

/// The reviews, one compact object per line.
pub(crate) fn write_lines(w: &mut dyn Write, reviews: &[Review]) -> io::Result<()> {
    for review in reviews {
        serde_json::to_writer(&mut *w, review)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// One review, body included, pretty-printed.
pub(crate) fn write_one(w: &mut dyn Write, review: &Review) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, review)?;
    writeln!(w)
}
