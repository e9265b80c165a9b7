//! Micro-benchmarks of the header parser: `cargo bench` (not run in CI).

use std::path::Path;

use reviews::{Parsed, Scan, fold, parse, scan};

const SEED: &[u8] = include_bytes!("../reviews/rust-and-bone.md");
const INVALID_YAML: &[u8] = b"---\nmovie title: Lara Croft: Tomb Raider\ncomment title: Angelina\nrating: 3\nlayout: comment\n---\nBody\n";
const TOML: &[u8] = b"+++\ntitle = \"Ran (1985)\"\ndate = \"2006-10-12T20:45:00-05:00\"\ntags = [\"akira kurosawa\", \"ran\"]\n+++\nBody\n";

fn main() {
    divan::main();
}

/// Finding the fences.
#[divan::bench]
fn split_header() -> Scan {
    scan(divan::black_box(SEED), true)
}

/// The seed review's header to a typed record, as `list` does.
#[divan::bench]
fn parse_seed() -> Parsed {
    parse(divan::black_box(SEED), Path::new("x.md"), false)
}

/// A header that is not valid YAML, read line by line instead.
#[divan::bench]
fn parse_invalid_yaml() -> Parsed {
    parse(divan::black_box(INVALID_YAML), Path::new("x.md"), false)
}

/// A Hugo TOML header.
#[divan::bench]
fn parse_toml() -> Parsed {
    parse(divan::black_box(TOML), Path::new("x.md"), false)
}

/// The prefilter's folding of a header's text.
#[divan::bench]
fn fold_header() -> String {
    let end = SEED.windows(5).position(|w| w == b"\n---\n").unwrap();
    fold(divan::black_box(std::str::from_utf8(&SEED[..end]).unwrap()))
}
