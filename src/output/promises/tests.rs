use std::path::Path;

use super::*;

/// Every file in these folders of the repository.
fn files_in(folders: &[&str]) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in folders {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            files.push((path, bytes));
        }
    }
    files
}

#[test]
fn every_format_keeps_its_promises_on_the_fuzz_seeds() {
    let seeds = files_in(&["fuzz/seeds"]);
    assert!(seeds.len() >= 10, "only {} seeds", seeds.len());
    for (path, bytes) in &seeds {
        check_every_format(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let hostile =
        "---\ntitle: \"a\\tb\\u001b[2Jc\\u202e\"\ndirector: \"x\\ny\"\n---\n\u{1b}]0;t\u{7}body";
    check_every_format(hostile.as_bytes()).unwrap();
}

#[test]
fn the_renderer_keeps_its_promises_on_the_fixtures_and_fuzz_seeds() {
    let files = files_in(&["tests/fixtures/bodies", "fuzz/seeds", "reviews"]);
    assert!(files.len() >= 20, "only {} files", files.len());
    for (path, bytes) in &files {
        check_body_rendering(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn an_escape_the_renderer_did_not_write_is_found() {
    assert_eq!(
        foreign_escape("\x1b[1mbold\x1b[0m \x1b]8;;https://a.b\x1b\\a\x1b]8;;\x1b\\"),
        None
    );
    assert_eq!(foreign_escape("a\x1b[2Jb").as_deref(), Some("\x1b[2Jb"));
    assert_eq!(foreign_escape("a\u{202e}b").as_deref(), Some("\u{202e}b"));
}
