//! Micro-benchmarks of reading one review through the library: `cargo bench` (not run in CI).

use reviews::{Query, Review, read_bytes};

const SEED: &[u8] = include_bytes!("../reviews/rust-and-bone.md");
const INVALID_YAML: &[u8] = b"---\nmovie title: Lara Croft: Tomb Raider\ncomment title: Angelina\nrating: 3\nlayout: comment\n---\nBody\n";
const TOML: &[u8] = b"+++\ntitle = \"Ran (1985)\"\ndate = \"2006-10-12T20:45:00-05:00\"\ntags = [\"akira kurosawa\", \"ran\"]\n+++\nBody\n";

fn main() {
    divan::main();
}

/// The seed review, header and body, to a typed record.
#[divan::bench]
fn read_seed() -> Review {
    read_bytes(divan::black_box(SEED), "x.md").unwrap()
}

/// A header that is not valid YAML, read line by line instead.
#[divan::bench]
fn read_invalid_yaml() -> Review {
    read_bytes(divan::black_box(INVALID_YAML), "x.md").unwrap()
}

/// A Hugo TOML header.
#[divan::bench]
fn read_toml() -> Review {
    read_bytes(divan::black_box(TOML), "x.md").unwrap()
}

/// A query's test of one record, as every listed review is tested.
#[divan::bench]
fn match_director(bencher: divan::Bencher) {
    let review = read_bytes(SEED, "x.md").unwrap();
    let query = Query::new().director("audiard").years(2010..);
    bencher.bench(|| query.matches(divan::black_box(&review)));
}
