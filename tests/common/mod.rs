//! Helpers shared by the integration tests: the real binary, in a clean environment.

#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;

/// The `reviews` binary, run from the repo root with nothing leaking in from the environment
/// (`NO_COLOR`, `PAGER`, `COLUMNS`, `REVIEWS_*`, ...): only `PATH` is kept.
pub fn reviews() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("reviews");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// A fixture collection under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `reviews --dir FIXTURE ARGS...`.
pub fn in_fixture(name: &str, args: &[&str]) -> Command {
    let mut cmd = reviews();
    cmd.arg("--dir").arg(fixture(name)).args(args);
    cmd
}

/// Standard output of a run, as text.
pub fn stdout_of(mut cmd: impl std::borrow::BorrowMut<Command>) -> String {
    String::from_utf8(cmd.borrow_mut().output().unwrap().stdout).unwrap()
}

/// The first column (slugs) of tab-separated `list` output.
pub fn slugs(tsv: &str) -> Vec<String> {
    tsv.lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

/// Write `NAME.md` with the given header lines and body into `dir`.
pub fn write_review(dir: &std::path::Path, name: &str, header: &[&str], body: &[u8]) {
    let mut bytes = b"---\n".to_vec();
    for line in header {
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(b"---\n");
    bytes.extend_from_slice(body);
    std::fs::write(dir.join(format!("{name}.md")), bytes).unwrap();
}

/// The path of the built binary, for shell pipelines.
pub fn binary() -> &'static std::path::Path {
    assert_cmd::cargo::cargo_bin!("reviews")
}

/// Every command `reviews --help` lists (but `help`), each with its own help and man page: read
/// from the binary, so the tests follow the program rather than a copy of its list.
pub fn commands() -> Vec<String> {
    let help = stdout_of(reviews().arg("--help"));
    let listed = help
        .split_once("Commands:\n")
        .expect("a Commands section")
        .1
        .split("\n\n")
        .next()
        .unwrap();
    let names: Vec<String> = listed
        .lines()
        // A command's line is indented two spaces; a wrapped description, further.
        .filter_map(|l| l.strip_prefix("  ").filter(|l| !l.starts_with(' ')))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|&name| name != "help")
        .map(str::to_string)
        .collect();
    assert!(names.len() >= 9, "{names:?}");
    names
}

/// The first control character in `text` that is not part of an escape the renderer may write
/// (an SGR style, `ESC [ 1;4 m`, or an OSC 8 hyperlink to printable ASCII, closed by `ESC \`),
/// or a bidirectional control: what no output may carry from a file. The tests' own reading of
/// the promise, apart from the program's.
pub fn foreign_escape(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        let foreign = bidi || c.is_control() && c != '\n';
        if !foreign {
            i += 1;
            continue;
        }
        let rest: String = chars[i..].iter().collect();
        let skip = if let Some(params) = rest.strip_prefix("\u{1b}[") {
            let digits = params
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ';')
                .count();
            params[digits..].starts_with('m').then_some(2 + digits + 1)
        } else if let Some(link) = rest.strip_prefix("\u{1b}]8;;") {
            link.split_once("\u{1b}\\")
                .filter(|(address, _)| address.chars().all(|c| c.is_ascii_graphic()))
                .map(|(address, _)| 5 + address.chars().count() + 2)
        } else {
            None
        };
        match skip {
            Some(n) => i += n,
            None => return Some(rest.chars().take(24).collect()),
        }
    }
    None
}
