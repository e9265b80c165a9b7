//! Arbitrary bytes as a review file: parsing and every renderer must neither panic nor hang, and
//! text output without colour must hold no control character but newlines.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use reviews::output::{self, style::Painter};
use reviews::{header, parse};

fuzz_target!(|bytes: &[u8]| {
    let _ = header::scan(bytes, false);
    let parsed = parse::parse(bytes, Path::new("fuzz.md"), true);
    let Some(review) = parsed.review else {
        assert!(!parsed.errors.is_empty());
        return;
    };
    let line = output::tsv::line(&review);
    let lines = [line.as_str()];
    let mut text = Vec::new();
    output::text::write(&mut text, &review, 60, Painter { enabled: false }).unwrap();
    let mut widths = output::table::Widths::default();
    widths.measure(&line);
    let painter = Painter { enabled: false };
    output::table::write(&mut text, lines.iter(), &widths, 60, painter).unwrap();
    let rendered = String::from_utf8(text).expect("text output is UTF-8");
    assert!(
        !rendered.chars().any(|c| c.is_control() && c != '\n'),
        "control character in {rendered:?}"
    );
    let mut tsv = Vec::new();
    output::tsv::write(&mut tsv, lines.iter(), false).unwrap();
    let tsv = String::from_utf8(tsv).expect("TSV output is UTF-8");
    assert_eq!(tsv.lines().count(), 1, "one line per review: {tsv:?}");
    assert_eq!(tsv.matches('\t').count(), 5, "six fields: {tsv:?}");
    assert!(!tsv.chars().any(|c| c.is_control() && c != '\t' && c != '\n'));
    let mut other = Vec::new();
    output::text::write(&mut other, &review, 20, Painter { enabled: true }).unwrap();
    output::csv::write(&mut other, lines.iter()).unwrap();
    output::json::write_one(&mut other, &review).unwrap();
    let json = output::json::compact(&review);
    output::json::write_lines(&mut other, [json].iter()).unwrap();
});
