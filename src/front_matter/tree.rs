//! A header's values as neutral JSON trees, built from any serde deserializer (YAML, TOML, JSON)
//! within a budget of nodes.
//!
//! The budget counts every value as it is built, aliases included: YAML's `*alias` replays its
//! anchor's events, so a few kilobytes of aliases of aliases can expand to millions of values.
//! Counting what is built, not what is written, bounds memory and time whatever the shape.

use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value as Json};

/// No header may hold more values than this (a review has tens): at a few hundred bytes per value
/// in the parsers, it keeps any header under 32 MiB.
pub(crate) const MAX_NODES: usize = 50_000;

/// What the message of a budget error starts with, so that readers can tell it from a syntax error.
pub(crate) const TOO_MANY_NODES: &str = "more than 50000 values";

/// Up to this many keys, a repeat or a key's line is found by looking along them (a review has a
/// dozen, where that beats hashing); past it, through a map, so that many keys stay linear.
pub(crate) const SMALL: usize = 32;

/// TOML hands a date to serde as a map with this one key.
const TOML_DATETIME: &str = "$__toml_private_datetime";

/// A header document: its top-level fields in order when it is a mapping, or the other value.
#[derive(Debug)]
pub(crate) enum Document {
    /// `key: value` pairs in order, the first value of a repeated key kept.
    Fields(Vec<(String, Json)>),
    /// Anything but a mapping (`Json::Null` for an empty document).
    Other(Json),
}

impl<'de> de::Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let budget = Cell::new(MAX_NODES);
        let built = deserializer.deserialize_any(Node {
            budget: &budget,
            top: true,
        })?;
        Ok(match built {
            Built::Document(document) => document,
            Built::Value(value) => Document::Other(value),
        })
    }
}

/// What a node is built into: at the top, a [`Document`]; below it, a plain value.
enum Built {
    Document(Document),
    Value(Json),
}

#[derive(Clone, Copy)]
struct Node<'b> {
    budget: &'b Cell<usize>,
    top: bool,
}

impl Node<'_> {
    fn child(self) -> Self {
        Node {
            budget: self.budget,
            top: false,
        }
    }

    fn spend<E: de::Error>(self) -> Result<(), E> {
        match self.budget.get().checked_sub(1) {
            Some(left) => {
                self.budget.set(left);
                Ok(())
            }
            None => Err(E::custom(TOO_MANY_NODES)),
        }
    }

    fn leaf<E: de::Error>(self, value: Json) -> Result<Built, E> {
        self.spend()?;
        Ok(self.wrap(value))
    }

    fn wrap(self, value: Json) -> Built {
        if self.top {
            Built::Document(Document::Other(value))
        } else {
            Built::Value(value)
        }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        match deserializer.deserialize_any(self)? {
            Built::Value(value) => Ok(value),
            // Only the top node is built into a document.
            Built::Document(_) => Ok(Json::Null),
        }
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Built;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Built, E> {
        self.leaf(Json::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Built, E> {
        self.leaf(Json::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Built, E> {
        self.leaf(Json::from(v))
    }
    // Wider integers than JSON numbers hold keep their digits as text.
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Built, E> {
        self.leaf(Json::String(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Built, E> {
        self.leaf(Json::String(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Built, E> {
        let value = serde_json::Number::from_f64(v).map_or_else(
            // YAML's spellings of what JSON numbers cannot hold.
            || {
                Json::String(
                    match (v.is_nan(), v > 0.0) {
                        (true, _) => ".nan",
                        (false, true) => ".inf",
                        (false, false) => "-.inf",
                    }
                    .to_string(),
                )
            },
            Json::Number,
        );
        self.leaf(value)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Built, E> {
        self.leaf(Json::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Built, E> {
        self.leaf(Json::String(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Built, E> {
        self.leaf(Json::String(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Built, E> {
        self.leaf(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Built, E> {
        self.leaf(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Built, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Built, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Built, A::Error> {
        self.spend()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element_seed(self.child())? {
            items.push(item);
        }
        Ok(self.wrap(Json::Array(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Built, A::Error> {
        self.spend()?;
        let child = self.child();
        if self.top {
            let mut fields: Vec<(String, Json)> = Vec::new();
            // Repeats found by looking along the keys, through a set past [`SMALL`].
            let mut seen: Option<HashSet<String>> = None;
            while let Some(key) = map.next_key_seed(child)? {
                let key = key_text(key);
                let value = map.next_value_seed(child)?;
                let repeated = match &mut seen {
                    Some(seen) => !seen.insert(key.clone()),
                    None => fields.iter().any(|(k, _)| *k == key),
                };
                if !repeated {
                    fields.push((key, value));
                    if seen.is_none() && fields.len() > SMALL {
                        seen = Some(fields.iter().map(|(k, _)| k.clone()).collect());
                    }
                }
            }
            return Ok(Built::Document(Document::Fields(fields)));
        }
        let mut object = Map::new();
        while let Some(key) = map.next_key_seed(child)? {
            let key = key_text(key);
            let value = map.next_value_seed(child)?;
            if key == TOML_DATETIME && object.is_empty() {
                return Ok(Built::Value(value));
            }
            object.entry(key).or_insert(value);
        }
        Ok(Built::Value(Json::Object(object)))
    }

    /// YAML hands a tagged value (`!custom {a: 1}`) to serde as an enum: the tag is dropped.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Built, A::Error> {
        let (_tag, variant) = data.variant::<de::IgnoredAny>()?;
        let value = de::VariantAccess::newtype_variant_seed(variant, self.child())?;
        Ok(self.wrap(value))
    }
}

/// A mapping key as text: keys read as numbers or booleans keep their digits and words.
fn key_text(key: Json) -> String {
    match key {
        Json::String(s) => s,
        Json::Null => String::new(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(document: Document) -> Vec<(String, Json)> {
        match document {
            Document::Fields(fields) => fields,
            Document::Other(other) => panic!("not a mapping: {other}"),
        }
    }

    #[test]
    fn keeps_order_and_the_first_of_a_repeated_key() {
        let document: Document = serde_json::from_str(r#"{"b": 1, "a": [true], "b": 2}"#).unwrap();
        assert_eq!(
            fields(document),
            [
                ("b".to_string(), Json::from(1)),
                ("a".to_string(), serde_json::json!([true]))
            ]
        );
    }

    #[test]
    fn toml_dates_are_text_and_yaml_tags_are_dropped() {
        let document: Document = toml::from_str("d = 2006-10-12\n").unwrap();
        assert_eq!(fields(document)[0].1, Json::from("2006-10-12"));
        let document: Document = serde_yaml::from_str("x: !custom {a: 1}\n").unwrap();
        assert_eq!(fields(document)[0].1, serde_json::json!({"a": 1}));
    }

    #[test]
    fn values_json_cannot_hold_are_text() {
        let document: Document =
            serde_yaml::from_str("big: 99999999999999999999999\ninf: .inf\n1984: k\n").unwrap();
        assert_eq!(
            fields(document),
            [
                ("big".to_string(), Json::from("99999999999999999999999")),
                ("inf".to_string(), Json::from(".inf")),
                ("1984".to_string(), Json::from("k")),
            ]
        );
    }

    #[test]
    fn aliases_count_as_what_they_expand_to() {
        let mut bomb = format!("a: &a [{}]\n", vec!["x"; 300].join(", "));
        bomb.push_str(&format!("b: &b [{}]\n", vec!["*a"; 300].join(", ")));
        let error = serde_yaml::from_str::<Document>(&bomb).unwrap_err();
        assert!(error.to_string().contains(TOO_MANY_NODES), "{error}");
        // Within the budget, aliases expand as usual.
        let document: Document = serde_yaml::from_str("a: &a [1, 2]\nb: *a\n").unwrap();
        assert_eq!(fields(document)[1].1, serde_json::json!([1, 2]));
    }
}
