//! The header's top-level `key: value` lines, found without a YAML parser.
//!
//! Two uses: telling which line and column each parsed key came from (serde_yaml's values carry no
//! positions), and reading a header that is not valid YAML line by line, as the seed review does.

/// One top-level `key: value` line of a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLine<'a> {
    /// The key, unquoted.
    pub key: &'a str,
    /// The rest of the line after the colon, trimmed; empty when the value is on later lines.
    pub value: &'a str,
    /// 1-based line within the whole file.
    pub line: usize,
    /// 1-based column (in characters) where the value starts, or just after the colon.
    pub column: usize,
}

/// Scan `header` (whose first line is line `first_line` of the file) for top-level keys.
pub fn scan(header: &str, first_line: usize) -> Vec<KeyLine<'_>> {
    header
        .lines()
        .enumerate()
        .filter_map(|(i, line)| key_line(line, first_line + i))
        .collect()
}

fn key_line(line: &str, number: usize) -> Option<KeyLine<'_>> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '[' | '{' | '}' | ']' | ':') {
        return None;
    }
    let (key, after_key) = if first == '"' || first == '\'' {
        let close = line[1..].find(first)? + 1;
        let rest = line[close + 1..].trim_start_matches([' ', '\t']);
        (&line[1..close], line.len() - rest.len())
    } else {
        // The key ends at the first colon followed by a blank or the end of the line.
        let colon = line
            .match_indices(':')
            .map(|(i, _)| i)
            .find(|&i| matches!(line.as_bytes().get(i + 1), None | Some(b' ' | b'\t')))?;
        (line[..colon].trim_end(), colon)
    };
    let rest = line[after_key..].strip_prefix(':')?;
    let value_start = line.len() - rest.trim_start().len();
    let value = line[value_start..].trim_end();
    Some(KeyLine {
        key,
        value,
        line: number,
        column: line[..value_start].chars().count() + 1,
    })
}

/// A plain value as the line-by-line reader takes it: one layer of matching quotes removed, a
/// trailing ` # comment` dropped from an unquoted value.
pub fn plain_value(value: &str) -> &str {
    let bytes = value.as_bytes();
    if bytes.len() >= 2
        && (bytes[0] == b'"' || bytes[0] == b'\'')
        && bytes[bytes.len() - 1] == bytes[0]
    {
        return &value[1..value.len() - 1];
    }
    match value.find(" #") {
        Some(i) => value[..i].trim_end(),
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_lines_and_value_columns() {
        let lines = scan("title: Rust and Bone\ndirected by: Jacques Audiard\n", 2);
        assert_eq!(lines[0].key, "title");
        assert_eq!((lines[0].line, lines[0].column), (2, 8));
        assert_eq!(lines[1].key, "directed by");
        assert_eq!(lines[1].value, "Jacques Audiard");
        assert_eq!((lines[1].line, lines[1].column), (3, 14));
    }

    #[test]
    fn colon_inside_value_and_url_keys() {
        let lines = scan(
            "movie title: Lara Croft: Tomb Raider\nlink: http://x.org/a\n",
            1,
        );
        assert_eq!(lines[0].key, "movie title");
        assert_eq!(lines[0].value, "Lara Croft: Tomb Raider");
        assert_eq!(lines[1].value, "http://x.org/a");
    }

    #[test]
    fn skips_nested_lines_comments_and_list_items() {
        let lines = scan("starring:\n  - A\n- B\n# note\ntags: [x]\n", 1);
        let keys: Vec<_> = lines.iter().map(|l| l.key).collect();
        assert_eq!(keys, ["starring", "tags"]);
        assert_eq!(lines[0].value, "");
    }

    #[test]
    fn quoted_keys_and_crlf() {
        let lines = scan("\"U.S. release\": 2012-11-23\r\n", 1);
        assert_eq!(lines[0].key, "U.S. release");
        assert_eq!(lines[0].value, "2012-11-23");
    }

    #[test]
    fn plain_values() {
        assert_eq!(plain_value("\"A: B\""), "A: B");
        assert_eq!(plain_value("8   # 1-10 scale"), "8");
        assert_eq!(plain_value("'Crocodile' Dundee"), "'Crocodile' Dundee");
    }
}
