//! JSON: the records as they are, for jq and friends.

use std::io::{self, Write};

use crate::model::Review;

/// All reviews as one array.
pub fn write_array(w: &mut dyn Write, reviews: &[Review]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, reviews)?;
    writeln!(w)
}

/// One review per line.
pub fn write_lines(w: &mut dyn Write, reviews: &[Review]) -> io::Result<()> {
    for review in reviews {
        serde_json::to_writer(&mut *w, review)?;
        writeln!(w)?;
    }
    Ok(())
}

/// One review, body included.
pub fn write_one(w: &mut dyn Write, review: &Review) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, review)?;
    writeln!(w)
}
