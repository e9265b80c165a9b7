//! The YAML reader: every call into serde_yaml to read a header lives here.

use serde_json::Value as Json;

use super::key_lines::{self, KeyLine};
use super::tree::{Document, MAX_NODES, TOO_MANY_NODES};
use crate::diagnostics::{self, Problem};
use crate::record::RawField;

/// Parse a YAML header into its top-level fields, in the order written; a repeated key keeps its
/// first value (the caller reports the repeat).
///
/// `first_line` is the file line of the header's first line, so that problems point into the file;
/// `lines` are the header's key lines ([`key_lines::scan`]), which say where each key stands.
pub(crate) fn parse(
    header: &str,
    first_line: usize,
    lines: &[KeyLine<'_>],
) -> Result<Vec<RawField>, Problem> {
    check_shape(header, first_line)?;
    let document: Document =
        serde_yaml::from_str(header).map_err(|e| syntax_problem(&e, header, first_line))?;
    match document {
        Document::Fields(fields) => Ok(key_lines::place(fields, lines, first_line)),
        Document::Other(Json::Null) => Ok(Vec::new()),
        Document::Other(other) => Err(Problem::header(
            first_line,
            Some(1),
            format!(
                "expected the header to be `key: value` lines, found {}",
                describe(&other)
            ),
        )),
    }
}

/// Deeper `[`/`{` nesting than any review needs is refused before parsing: the YAML parser's
/// time grows with the square of the depth.
const MAX_FLOW_DEPTH: usize = 64;

/// Refuse, before parsing, a header nested deeper than [`MAX_FLOW_DEPTH`] or holding more than
/// [`MAX_NODES`] values: the parser holds every event of a document at once (a few hundred bytes
/// each), and its time grows with the square of the nesting.
///
/// Depth is counted over the whole header, so brackets continued over many lines add up; quoted
/// scalars that close on their line and comments are skipped. Where it is unsure, the count errs
/// towards refusing: a refused header is still read, line by line.
fn check_shape(header: &str, first_line: usize) -> Result<(), Problem> {
    let bytes = header.as_bytes();
    // Each value counted below takes a byte at least, and each level a bracket: most headers are
    // shorter than the budget and hold few brackets, and need no scan.
    if bytes.len() <= MAX_NODES
        && memchr::memchr2_iter(b'[', b'{', bytes)
            .nth(MAX_FLOW_DEPTH)
            .is_none()
    {
        return Ok(());
    }
    let mut depth = 0usize;
    let mut values = 0usize;
    let mut line = first_line;
    let mut line_start = 0;
    // At the start of a token: the line's start, after a blank or after a flow indicator.
    let mut token_start = true;
    // Inside a plain scalar, where brackets and quotes are text.
    let mut in_plain = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next_is_blank = matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r' | b'\n'));
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                token_start = true;
                // A plain scalar in a flow collection goes on over line breaks.
                in_plain &= depth > 0;
                values += 1;
            }
            b' ' | b'\t' | b'\r' => token_start = true,
            b'#' if token_start => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'"' | b'\'' if token_start && !in_plain => {
                if let Some(end) = quoted_end(bytes, i) {
                    values += 1;
                    token_start = false;
                    i = end;
                    continue;
                }
                in_plain = true;
                token_start = false;
            }
            // An anchor, alias or tag: the node it belongs to may follow, after a blank.
            b'&' | b'*' | b'!' if token_start && !in_plain => {
                while i + 1 < bytes.len()
                    && !matches!(
                        bytes[i + 1],
                        b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'
                    )
                {
                    i += 1;
                }
                values += 1;
                token_start = false;
            }
            b'[' | b'{' if depth > 0 || (token_start && !in_plain) => {
                depth += 1;
                values += 1;
                token_start = true;
                in_plain = false;
                if depth > MAX_FLOW_DEPTH {
                    return Err(Problem::header(
                        line,
                        Some(header[line_start..i].chars().count() + 1),
                        format!("invalid YAML: nested more than {MAX_FLOW_DEPTH} levels deep"),
                    ));
                }
            }
            b']' | b'}' | b',' if depth > 0 => {
                if b != b',' {
                    depth -= 1;
                }
                values += 1;
                token_start = true;
                in_plain = false;
            }
            b'-' | b'?' | b':' if next_is_blank || (b == b':' && depth > 0) => {
                values += 1;
                token_start = true;
                in_plain = false;
            }
            _ => {
                in_plain |= token_start;
                token_start = false;
            }
        }
        i += 1;
    }
    if values > MAX_NODES {
        return Err(Problem::header(
            first_line,
            None,
            format!("invalid YAML: {TOO_MANY_NODES}"),
        ));
    }
    Ok(())
}

/// The end (exclusive) of the quoted scalar that opens at `start`, when it closes on its line.
fn quoted_end(bytes: &[u8], start: usize) -> Option<usize> {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => return None,
            // An escaped line break continues the scalar on the next line: not on its line.
            b'\\' if quote == b'"' && bytes.get(i + 1) == Some(&b'\n') => return None,
            b'\\' if quote == b'"' => i += 1,
            // '' is an apostrophe inside single quotes.
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            b if b == quote => return Some(i + 1),
            _ => {}
        }
        i += 1;
    }
    None
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
    // The reader's errors (a control character) give a byte offset in the header instead.
    let (message, offset) = match message.rsplit_once(" at position ") {
        Some((message, offset)) => (message, offset.parse::<usize>().ok()),
        None => (message, None),
    };
    if let Some(offset) = offset.filter(|&o| o <= header.len()) {
        let (line, column) = diagnostics::position(header.as_bytes(), offset, first_line);
        position = Some((line, Some(column)));
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

fn describe(value: &Json) -> &'static str {
    match value {
        Json::Null => "nothing",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a single string",
        Json::Array(_) => "a list",
        Json::Object(_) => "a mapping",
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
    fn depth_is_counted_past_anchors_tags_and_line_breaks() {
        for header in [
            format!("x: &a {}\n", "[".repeat(70)),
            format!("x: !t {}\n", "{a: ".repeat(70)),
            format!("x:\n{}", "- [\n".repeat(70)),
            format!("x: [a\n 'b, {} '\n", "[".repeat(70)),
        ] {
            let problem = parse(&header, 2).unwrap_err();
            assert!(problem.message.contains("64 levels"), "{header}");
        }
        // Brackets inside plain text, quotes and comments are text.
        let text =
            "t: Film [2012] [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n";
        assert!(parse(text, 2).is_ok());
        assert!(
            parse(
                &format!("t: '{}' # {}\n", "[".repeat(70), "{".repeat(70)),
                2
            )
            .is_ok()
        );
    }

    #[test]
    fn an_escaped_line_break_keeps_the_line_count() {
        let header = format!(
            "title: \"Heat \\\n  again\"\nyear: 1995\ntags: {}{}\n",
            "[".repeat(70),
            "]".repeat(70)
        );
        let problem = parse(&header, 2).unwrap_err();
        assert_eq!((problem.line, problem.column), (5, Some(71)));
    }

    #[test]
    fn control_characters_are_placed_by_line_and_column() {
        let problem = parse("title: X\nother: \"a\u{1}b\"\n", 2).unwrap_err();
        assert_eq!((problem.line, problem.column), (3, Some(10)));
        assert_eq!(
            problem.message,
            "invalid YAML: control characters are not allowed"
        );
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
