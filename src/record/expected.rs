//! What every value parser shares: its complaint (what was expected, what was found), and text
//! that is not empty. Kept apart so that the parsers of dates, scores and other values need not
//! call one another for it.

use serde_json::Value;

/// A parser's complaint: what was expected, what was found.
pub(crate) type Expected = String;

/// How a value reads in a message: strings quoted, containers named.
pub(crate) fn found(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
        Value::Null => "nothing".into(),
        other => other.to_string(),
    }
}

/// The text, unless it is empty.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}
