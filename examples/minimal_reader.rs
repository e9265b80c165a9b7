//! The baseline `list` is measured against: read each file's header (up to the closing fence)
//! and parse it with serde_yaml on two threads, doing nothing else.
//!
//!     cargo run --release --example minimal_reader -- DIR

use std::io::Read;

use rayon::prelude::*;

fn header(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    Some(&rest[..end + 1])
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: minimal_reader DIR");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a folder")
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    paths.sort();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let parsed: usize = pool.install(|| {
        paths
            .par_iter()
            .filter(|path| {
                let mut buf = Vec::with_capacity(4096);
                let Ok(file) = std::fs::File::open(path) else {
                    return false;
                };
                if file.take(4096).read_to_end(&mut buf).is_err() {
                    return false;
                }
                header(&buf).is_some_and(|h| serde_yaml::from_str::<serde_yaml::Value>(h).is_ok())
            })
            .count()
    });
    println!("{parsed} headers parsed");
}
