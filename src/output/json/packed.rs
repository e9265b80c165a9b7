//! A review's compact JSON kept small until it is printed. `list` makes every listed review's
//! JSON in the one pass that reads it, and keeps it until all are sorted: as written, 100,000
//! reviews take 68 MB. Packed, each key a review has, each `null`, `true` and `false`, and the
//! review's names (slug, path, collection) when they are the listing's, is a single byte below
//! 0x20, which JSON never holds outside a string's escapes.

use std::cell::RefCell;
use std::io::{self, Write};
use std::path::Path;
use std::sync::OnceLock;

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

use super::Safe;
use crate::record::{Rating, Review};

/// The bytes that stand for values; a key is its place in [`keys`] plus one, below [`TRUE`].
const NULL: u8 = 0x1f;
const FALSE: u8 = 0x1e;
const TRUE: u8 = 0x1d;
/// The review's first keys and values, its names, as the listing gives them.
const NAMES: u8 = 0x00;

/// What the listing names a review, as its JSON begins.
#[derive(Debug, Serialize)]
pub(crate) struct Names<'a> {
    pub(crate) slug: &'a str,
    /// As a review's path is written: a path that is not UTF-8, lossily.
    #[serde(serialize_with = "crate::record::lossy_path")]
    pub(crate) path: &'a Path,
    pub(crate) collection: Option<&'a str>,
}

/// One review's compact JSON, packed.
#[derive(Debug)]
pub(crate) struct Packed(Box<[u8]>);

impl Packed {
    /// The compact JSON, as [`super::compact`] makes it, of the review the listing names `names`,
    /// onto `out`.
    pub(crate) fn unpack_onto(&self, names: &Names, out: &mut Vec<u8>) {
        BUFFERS.with_borrow_mut(|(names_json, _)| {
            names_json.clear();
            super::compact_onto(names, names_json);
            unpack(&self.0, names_json, out);
        });
    }

    /// `review`, which the listing names `names`.
    pub(crate) fn new(review: &Review, names: &Names) -> Packed {
        BUFFERS.with_borrow_mut(|(buffer, prefix)| {
            buffer.clear();
            // Serialising plain data to memory cannot fail.
            let _ = pack(review, buffer);
            // The names, without the closing brace, are where the review's JSON starts.
            prefix.clear();
            let whole = pack(names, prefix) && prefix.pop() == Some(b'}');
            if whole && prefix.len() > 1 && buffer.starts_with(prefix) {
                buffer.splice(1..prefix.len(), [NAMES]);
            }
            Packed(buffer.as_slice().into())
        })
    }
}

thread_local! {
    /// Buffers to reuse: a review packed, and its names (packed, or as JSON to unpack with).
    static BUFFERS: RefCell<(Vec<u8>, Vec<u8>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// Unpack `packed` onto `out`, with `names` (their compact JSON) for [`NAMES`].
fn unpack(packed: &[u8], names: &[u8], out: &mut Vec<u8>) {
    let keys = keys();
    let mut rest = packed;
    while let Some(at) = rest.iter().position(|&b| b < 0x20) {
        out.extend_from_slice(&rest[..at]);
        match rest[at] {
            NULL => out.extend_from_slice(b"null"),
            FALSE => out.extend_from_slice(b"false"),
            TRUE => out.extend_from_slice(b"true"),
            NAMES => {
                // Without their braces: the review's object goes on.
                if let [b'{', inside @ .., b'}'] = names {
                    out.extend_from_slice(inside);
                }
            }
            key => {
                if out.last() != Some(&b'{') {
                    out.push(b',');
                }
                out.push(b'"');
                out.extend_from_slice(keys[usize::from(key) - 1].as_bytes());
                out.extend_from_slice(b"\":");
            }
        }
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
}

/// The keys a review's JSON has, in order (a rating's after the review's own); the first
/// [`TRUE`]` - 1` have a byte.
fn keys() -> &'static [String] {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let rating = Rating {
            code: String::new(),
            reason: None,
        };
        let mut keys = Vec::new();
        for value in [
            serde_json::to_value(Review::default()),
            serde_json::to_value(rating),
        ] {
            if let Ok(serde_json::Value::Object(map)) = value {
                keys.extend(map.keys().cloned());
            }
        }
        keys.truncate(usize::from(TRUE - 1));
        keys
    })
}

/// `value` packed, onto `out`; false if it could not all be written.
fn pack(value: &impl Serialize, out: &mut Vec<u8>) -> bool {
    let formatter = Packing {
        inner: Safe(CompactFormatter),
        key: Vec::new(),
        in_key: false,
        marked: false,
        first_key: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer).is_ok()
}

/// The compact formatter, with the keys [`keys`] has, `null`s and booleans written as a byte
/// (what it does not name, serde's defaults write as the compact formatter does).
struct Packing {
    inner: Safe<CompactFormatter>,
    /// A key being written, gathered as JSON instead, when `in_key`.
    key: Vec<u8>,
    in_key: bool,
    /// Was the last key written as a byte (its `:` then goes unwritten)?
    marked: bool,
    /// Is the key being written its object's first?
    first_key: bool,
}

impl Formatter for Packing {
    fn write_null<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(&[NULL])
    }
    fn write_bool<W: ?Sized + Write>(&mut self, writer: &mut W, value: bool) -> io::Result<()> {
        writer.write_all(&[if value { TRUE } else { FALSE }])
    }
    fn begin_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if self.in_key {
            return self.inner.begin_string(&mut self.key);
        }
        self.inner.begin_string(writer)
    }
    fn end_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if self.in_key {
            return self.inner.end_string(&mut self.key);
        }
        self.inner.end_string(writer)
    }
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_key {
            return self.inner.write_string_fragment(&mut self.key, fragment);
        }
        self.inner.write_string_fragment(writer, fragment)
    }
    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        if self.in_key {
            return self.inner.write_char_escape(&mut self.key, escape);
        }
        self.inner.write_char_escape(writer, escape)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        _writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        // The comma before a key that has a byte is left for unpacking to put back.
        self.key.clear();
        self.in_key = true;
        self.first_key = first;
        Ok(())
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.in_key = false;
        let unquoted = match &self.key[..] {
            [b'"', key @ .., b'"'] => key,
            _ => &[],
        };
        match keys().iter().position(|k| k.as_bytes() == unquoted) {
            Some(i) => {
                self.marked = true;
                writer.write_all(&[i as u8 + 1])
            }
            None => {
                self.marked = false;
                self.inner.begin_object_key(writer, self.first_key)?;
                writer.write_all(&self.key)
            }
        }
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if self.marked {
            self.marked = false;
            return Ok(());
        }
        self.inner.begin_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_review_unpacks_to_its_compact_json() {
        let mut review = Review {
            slug: "rust-and-bone".into(),
            title: "De rouille et d\u{2019}os \"Rust\" \u{9b}".into(),
            year: Some(2012),
            directed_by: vec!["Jacques Audiard".into()],
            ..Review::default()
        };
        review.extra.insert(
            "null".into(),
            serde_json::json!({"title": null, "list": [null, {"year": null}]}),
        );
        review
            .extra
            .insert("odd \"key\"\u{9b}".into(), serde_json::json!(true));
        review.path = "reviews/rust-and-bone.md".into();
        review.draft = true;
        review.rating = Some(Rating {
            code: "R".into(),
            reason: None,
        });
        review.collection = Some("films".into());
        let names = Names {
            slug: &review.slug,
            path: &review.path,
            collection: review.collection.as_deref(),
        };
        let compact = super::super::compact(&review);
        let packed = Packed::new(&review, &names);
        assert!(packed.0.len() * 3 < compact.len(), "packed small");
        assert_eq!(packed.0[1], NAMES);
        // Named otherwise by the listing, the review keeps its own names.
        let other = Names {
            slug: "other",
            ..names
        };
        let kept = Packed::new(&review, &other);
        assert_ne!(kept.0[1], NAMES);
        let unpacked = |packed: &Packed, names: &Names| {
            let mut out = Vec::new();
            packed.unpack_onto(names, &mut out);
            out
        };
        assert_eq!(unpacked(&packed, &names), compact);
        assert_eq!(unpacked(&kept, &other), compact);
        assert!(keys().contains(&"reason".to_string()));

        // A path that is not UTF-8 is written lossily, as the review writes it.
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            review.path = Path::new(std::ffi::OsStr::from_bytes(b"x\xff.md")).to_path_buf();
            let names = Names {
                slug: &review.slug,
                path: &review.path,
                collection: review.collection.as_deref(),
            };
            let packed = Packed::new(&review, &names);
            let mut out = Vec::new();
            packed.unpack_onto(&names, &mut out);
            assert_eq!(out, super::super::compact(&review));
        }
    }
}
