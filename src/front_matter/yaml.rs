//! The YAML reader: every call into serde_yaml to read a header lives here.

use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use super::key_lines::{self, KeyLine};
use crate::diagnostics::Problem;
use crate::record::RawField;

/// Parse a YAML header into its top-level fields, in the order written.
///
/// `first_line` is the file line of the header's first line, so that problems point into the file;
/// `lines` are the header's key lines ([`key_lines::scan`]), which say where each key stands.
pub(crate) fn parse(
    header: &str,
    first_line: usize,
    lines: &[KeyLine<'_>],
) -> Result<Vec<RawField>, Problem> {
    check_flow_depth(header, first_line)?;
    // The fast path: straight into neutral values. Tagged values and keys that are not text
    // need the general path below.
    if let Ok(Document(entries)) = serde_yaml::from_str::<Document>(header) {
        return Ok(key_lines::place(entries, lines, first_line));
    }
    let document: Yaml =
        serde_yaml::from_str(header).map_err(|e| syntax_problem(&e, header, first_line))?;
    let mapping = match document {
        Yaml::Mapping(mapping) => mapping,
        Yaml::Null => return Ok(Vec::new()),
        other => {
            return Err(Problem::header(
                first_line,
                Some(1),
                format!(
                    "expected the header to be `key: value` lines, found {}",
                    describe(&other)
                ),
            ));
        }
    };
    let entries = mapping
        .into_iter()
        .map(|(key, value)| (scalar_text(&key), to_json(value)));
    Ok(key_lines::place(entries, lines, first_line))
}

/// A header that is a mapping with text keys (or empty), read without an intermediate tree.
struct Document(Vec<(String, Json)>);

impl<'de> serde::Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Document;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_unit<E>(self) -> Result<Document, E> {
                Ok(Document(Vec::new()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Document, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(16));
                while let Some((key, value)) = map.next_entry::<String, Json>()? {
                    // A repeated key keeps its first value (the caller reports the repeat).
                    if !entries.iter().any(|(k, _)| *k == key) {
                        entries.push((key, value));
                    }
                }
                Ok(Document(entries))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Deeper `[`/`{` nesting than any review needs is refused before parsing: the YAML parser's
/// time grows with the square of the depth.
const MAX_FLOW_DEPTH: usize = 64;

fn check_flow_depth(header: &str, first_line: usize) -> Result<(), Problem> {
    let mut depth = 0usize;
    for (i, line) in header.lines().enumerate() {
        // A new top-level key starts a new value: nothing is open there in valid YAML.
        if line.starts_with(|c: char| !c.is_whitespace() && !matches!(c, ']' | '}' | '-' | '#')) {
            depth = 0;
        }
        for (column, c) in line.chars().enumerate() {
            match c {
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > MAX_FLOW_DEPTH {
                return Err(Problem::header(
                    first_line + i,
                    Some(column + 1),
                    format!("invalid YAML: nested more than {MAX_FLOW_DEPTH} levels deep"),
                ));
            }
        }
    }
    Ok(())
}

fn syntax_problem(error: &serde_yaml::Error, header: &str, first_line: usize) -> Problem {
    let text = error.to_string();
    // serde_yaml writes "MESSAGE at line L column C[, while parsing THING at line L2 column C2]";
    // lines are made file lines here and the location is reported separately.
    let (message, rest) = text.split_once(" at line ").unwrap_or((text.as_str(), ""));
    let context = rest
        .split_once(", while parsing ")
        .and_then(|(_, context)| {
            let (thing, position) = context.split_once(" at line ")?;
            let line: usize = position.split_whitespace().next()?.parse().ok()?;
            let thing = thing.strip_prefix("a ").unwrap_or(thing);
            Some(format!(
                " (in the {thing} that starts on line {})",
                first_line + line - 1
            ))
        });
    let hint = if message.contains("mapping values are not allowed") {
        " (a value containing \": \" must be quoted)"
    } else {
        ""
    };
    let mut position = error
        .location()
        .map(|l| (first_line + l.line() - 1, Some(l.column())));
    // A repeated key is reported at the mapping's start; point at the repeat instead.
    if let Some(key) = message
        .strip_prefix("duplicate entry with key \"")
        .and_then(|k| k.strip_suffix('"'))
    {
        let lines = key_lines::scan(header, first_line);
        if let Some(repeat) = lines.iter().filter(|l| l.key == key).nth(1) {
            position = Some((repeat.line, Some(1)));
        }
    }
    let (line, column) = position.unwrap_or((first_line, None));
    Problem::header(
        line,
        column,
        format!(
            "invalid YAML: {message}{}{hint}",
            context.unwrap_or_default()
        ),
    )
}

fn describe(value: &Yaml) -> &'static str {
    match value {
        Yaml::Null => "nothing",
        Yaml::Bool(_) => "a boolean",
        Yaml::Number(_) => "a number",
        Yaml::String(_) => "a single string",
        Yaml::Sequence(_) => "a list",
        Yaml::Mapping(_) => "a mapping",
        Yaml::Tagged(_) => "a tagged value",
    }
}

/// A mapping key as text: keys that YAML reads as numbers or booleans keep their spelling.
fn scalar_text(value: &Yaml) -> String {
    match value {
        Yaml::String(s) => s.clone(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Null => String::new(),
        Yaml::Tagged(t) => scalar_text(&t.value),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// Convert to the neutral value type the field parsers and `extra` use. Tags are dropped.
fn to_json(value: Yaml) -> Json {
    match value {
        Yaml::Null => Json::Null,
        Yaml::Bool(b) => Json::Bool(b),
        Yaml::Number(n) => {
            if let Some(i) = n.as_i64() {
                Json::from(i)
            } else if let Some(u) = n.as_u64() {
                Json::from(u)
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                serde_json::Number::from_f64(f)
                    .map_or_else(|| Json::String(n.to_string()), Json::Number)
            }
        }
        Yaml::String(s) => Json::String(s),
        Yaml::Sequence(items) => Json::Array(items.into_iter().map(to_json).collect()),
        Yaml::Mapping(mapping) => Json::Object(
            mapping
                .into_iter()
                .map(|(k, v)| (scalar_text(&k), to_json(v)))
                .collect(),
        ),
        Yaml::Tagged(tagged) => to_json(tagged.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(header: &str, first_line: usize) -> Result<Vec<RawField>, Problem> {
        super::parse(header, first_line, &key_lines::scan(header, first_line))
    }

    #[test]
    fn fields_in_order_with_positions() {
        let fields = parse("title: Rust and Bone\nyear: 2012\nstarring: [A, B]\n", 2).unwrap();
        let keys: Vec<_> = fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["title", "year", "starring"]);
        assert_eq!(fields[1].value, Json::from(2012));
        assert_eq!((fields[1].line, fields[1].column), (3, Some(7)));
        assert_eq!(fields[2].value, serde_json::json!(["A", "B"]));
    }

    #[test]
    fn numbers_keep_their_spelling_in_raw() {
        let fields = parse("title: 1984\nother: False\n", 2).unwrap();
        assert_eq!(fields[0].raw.as_deref(), Some("1984"));
        assert_eq!(fields[1].raw.as_deref(), Some("False"));
    }

    #[test]
    fn syntax_error_points_into_the_file() {
        let problem = parse("title: Lara Croft: Tomb Raider\n", 2).unwrap_err();
        assert_eq!(problem.line, 2);
        assert!(problem.column.is_some());
        assert!(
            problem
                .message
                .starts_with("invalid YAML: mapping values are not allowed")
        );
        assert!(problem.message.contains("must be quoted"));
    }

    #[test]
    fn syntax_error_names_what_it_was_inside() {
        let problem = parse("title: X\nyear: [2012\ndirector: Y\n", 2).unwrap_err();
        assert_eq!(problem.line, 4);
        assert_eq!(
            problem.message,
            "invalid YAML: did not find expected ',' or ']' (in the flow sequence that starts on line 3)"
        );
    }

    #[test]
    fn a_repeated_key_keeps_its_first_value() {
        let fields = parse("layout: a\ntitle: x\nlayout: b\n", 2).unwrap();
        let pairs: Vec<_> = fields
            .iter()
            .map(|f| (f.key.as_str(), f.value.clone()))
            .collect();
        assert_eq!(
            pairs,
            [("layout", Json::from("a")), ("title", Json::from("x"))]
        );
    }

    #[test]
    fn tagged_values_and_number_keys_take_the_general_path() {
        let fields = parse("1984: year key\nx: !tag 5\n", 2).unwrap();
        assert_eq!(fields[0].key, "1984");
        assert_eq!(fields[1].value, Json::from(5));
    }

    #[test]
    fn not_a_mapping_and_empty() {
        let problem = parse("- a\n- b\n", 2).unwrap_err();
        assert_eq!(
            problem.message,
            "expected the header to be `key: value` lines, found a list"
        );
        assert!(parse("", 2).unwrap().is_empty());
        assert!(parse("# only a comment\n", 2).unwrap().is_empty());
    }

    #[test]
    fn tags_are_dropped_and_nested_maps_kept() {
        let fields = parse("x: !custom {a: 1}\n", 2).unwrap();
        assert_eq!(fields[0].value, serde_json::json!({"a": 1}));
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let header = format!(
            "title: X\nx: {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let problem = parse(&header, 2).unwrap_err();
        assert_eq!((problem.line, problem.column), (3, Some(68)));
        assert_eq!(
            problem.message,
            "invalid YAML: nested more than 64 levels deep"
        );
        assert!(parse(&format!("x: {}{}\n", "[".repeat(64), "]".repeat(64)), 2).is_ok());
    }

    #[test]
    fn brackets_in_many_values_are_not_deep_nesting() {
        let header = "a: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n".repeat(3);
        let header = header.replacen("a:", "b:", 1).replacen("a:", "c:", 1);
        assert!(parse(&header, 2).is_ok());
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = (b'a' + i) as char;
            let next = (b'a' + i + 1) as char;
            bomb.push_str(&format!(
                "{next}: &{next} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let problem = parse(&bomb, 2).unwrap_err();
        assert!(
            problem.message.starts_with("invalid YAML"),
            "{}",
            problem.message
        );
    }
}
