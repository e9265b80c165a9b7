//! JSON: the records as they are, for jq and friends.

mod packed;

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};

use crate::record::Review;
use crate::terminal::sanitize::is_bidi_control;

pub(crate) use packed::{Names, Packed};

/// One review as compact JSON, without a newline: made where the review is read, on any core,
/// and written by [`write_array`] or [`write_lines`] in order.
pub(crate) fn compact(review: &impl Serialize) -> Vec<u8> {
    let mut out = Vec::with_capacity(512);
    compact_onto(review, &mut out);
    out
}

/// [`compact`], onto `out`.
fn compact_onto(value: &impl Serialize, out: &mut Vec<u8>) {
    let mut serializer = serde_json::Serializer::with_formatter(out, Safe(CompactFormatter));
    // Serialising plain data to memory cannot fail.
    let _ = value.serialize(&mut serializer);
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

/// How documents are written together: one array, one element per line, or one per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Array,
    Lines,
}

/// Items made in order at once: enough for every core, little memory beside the items.
const MADE_AT_ONCE: usize = 256;

/// The documents that `fill` makes of `items`, written in order as `shape` says. They are made
/// on every core, a batch at a time, and each batch's items are dropped once it is written.
pub(crate) fn write_made<T: Send + Sync>(
    w: &mut dyn Write,
    items: Vec<T>,
    shape: Shape,
    fill: impl Fn(&T, &mut Vec<u8>) + Sync,
) -> io::Result<()> {
    if shape == Shape::Array {
        w.write_all(b"[")?;
    }
    let mut items = items.into_iter();
    let mut first = true;
    loop {
        let batch: Vec<T> = items.by_ref().take(MADE_AT_ONCE).collect();
        if batch.is_empty() {
            break;
        }
        let made: Vec<Vec<u8>> = batch
            .par_chunks(MADE_AT_ONCE / 8)
            .enumerate()
            .map(|(k, part)| {
                let mut made = Vec::new();
                for (i, item) in part.iter().enumerate() {
                    match shape {
                        Shape::Array if first && k == 0 && i == 0 => made.push(b'\n'),
                        Shape::Array => made.extend_from_slice(b",\n"),
                        Shape::Lines => {}
                    }
                    fill(item, &mut made);
                    if shape == Shape::Lines {
                        made.push(b'\n');
                    }
                }
                made
            })
            .collect();
        for part in made {
            w.write_all(&part)?;
        }
        first = false;
    }
    if shape == Shape::Array {
        w.write_all(b"\n]\n")?;
    }
    Ok(())
}

/// One review, body included, pretty-printed.
pub(crate) fn write_one(w: &mut dyn Write, review: &Review) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut *w, Safe(PrettyFormatter::new()));
    review.serialize(&mut serializer)?;
    writeln!(w)
}

/// JSON as `F` writes it, with the characters that can drive a terminal (DEL, the C1 controls,
/// bidirectional overrides) escaped as `\uXXXX`: serde_json escapes only U+0000–U+001F, and
/// `jq` output is often printed raw.
struct Safe<F>(F);

fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}') || is_bidi_control(c)
}

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every character to escape starts with one of these bytes (DEL, U+0080–U+07FF's lead
        // for the C1 controls, U+2000–U+2FFF's for the overrides): most text has none of them.
        if memchr::memchr3(0x7f, 0xc2, 0xe2, fragment.as_bytes()).is_none() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices().filter(|&(_, c)| needs_escape(c)) {
            writer.write_all(&fragment.as_bytes()[start..i])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            start = i + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        self.0.write_char_escape(writer, escape)
    }
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped_in_every_form() {
        let review = Review {
            title: "a\u{9b}31m\u{7f}b\u{202e}c\u{85}é".into(),
            ..Review::default()
        };
        let compact = String::from_utf8(compact(&review)).unwrap();
        assert!(
            compact.contains(r#""title":"a\u009b31m\u007fb\u202ec\u0085é""#),
            "{compact}"
        );
        let mut pretty = Vec::new();
        write_one(&mut pretty, &review).unwrap();
        let pretty = String::from_utf8(pretty).unwrap();
        assert!(pretty.contains(r#""title": "a\u009b31m"#), "{pretty}");
        assert!(pretty.starts_with("{\n  \""));
        let back: serde_json::Value = serde_json::from_str(&compact).unwrap();
        assert_eq!(back["title"], review.title.as_str());
    }
}
