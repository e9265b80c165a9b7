use super::*;

fn messages(parsed: Parsed) -> Vec<String> {
    assert!(parsed.review.is_none());
    parsed.errors.iter().map(ToString::to_string).collect()
}

fn warnings(parsed: &Parsed) -> Vec<String> {
    parsed.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn reads_a_review_with_its_body() {
    let text = "---\ntitle: Rust and Bone\nruntime: 120 min.\n---\nText.\n";
    let review = parse(text.as_bytes(), Path::new("r/rust-and-bone.md"), true)
        .review
        .unwrap();
    assert_eq!(review.slug, "rust-and-bone");
    assert_eq!(review.runtime, Some(120));
    assert_eq!(review.body.as_deref(), Some("Text.\n"));
}

#[test]
fn field_warnings_name_file_line_column_and_field() {
    let text = "---\ntitle: X\nyear: 2012\nruntime: forever\n---\n";
    let parsed = parse(text.as_bytes(), Path::new("r/x.md"), false);
    assert_eq!(
        warnings(&parsed),
        [
            "r/x.md:4:10: runtime: expected minutes such as \"120\" or \"1 hr 41 min\", found \"forever\"; kept as written in \"extra\""
        ]
    );
    let review = parsed.review.unwrap();
    assert_eq!(review.runtime, None);
    assert_eq!(review.extra["runtime"], "forever");
}

#[test]
fn conventions_of_jekyll_hugo_and_obsidian() {
    let jekyll = parse(
        b"---\nlayout: post\n---\n",
        Path::new("_posts/2023-05-14-heat.md"),
        false,
    );
    let review = jekyll.review.unwrap();
    assert_eq!(
        (review.slug.as_str(), review.title.as_str()),
        ("heat", "heat")
    );
    assert_eq!(
        review.reviewed.map(|d| d.to_string()),
        Some("2023-05-14".into())
    );
    let hugo = parse(
        b"+++\ntitle = 'Heat'\n[params]\ndirector = 'Michael Mann'\n+++\n",
        Path::new("content/heat/index.md"),
        false,
    );
    let review = hugo.review.unwrap();
    assert_eq!(review.slug, "heat");
    assert_eq!(review.directed_by, ["Michael Mann"]);
    let note = parse(
        b"# A Bug's Life\n\ndirector:: [[John Lasseter]], [[Andrew Stanton]]\nyear:: 1998\nrating::\n",
        Path::new("notes/a-bugs-life.md"),
        true,
    );
    assert!(note.errors.is_empty() && note.warnings.is_empty());
    let review = note.review.unwrap();
    assert_eq!(review.directed_by, ["John Lasseter", "Andrew Stanton"]);
    assert_eq!(review.year, Some(1998));
    assert!(review.body.unwrap().starts_with("# A Bug's Life"));
    let year = parse(
        b"---\nrating: R\n---\n",
        Path::new("nightmare-honeymoon-1973.md"),
        false,
    );
    let review = year.review.unwrap();
    assert_eq!(
        (review.title.as_str(), review.year),
        ("nightmare-honeymoon", Some(1973))
    );
}

#[test]
fn header_errors() {
    assert_eq!(
        messages(parse(b"no header\n", Path::new("a.md"), false)),
        ["a.md:1: expected a front-matter header: the first line should be \"---\""]
    );
    assert_eq!(
        messages(parse(
            b"---\ntitle: X\nyear: 2012\n",
            Path::new("c.md"),
            false
        )),
        ["c.md:1: header is never closed: expected a closing \"---\" line"]
    );
}

#[test]
fn non_utf8_header_is_an_error_but_body_is_repaired() {
    let errors = messages(parse(
        b"---\ntitle: Caf\xe9\n---\n",
        Path::new("d.md"),
        true,
    ));
    assert_eq!(
        errors,
        ["d.md:2:11: expected UTF-8 text in the header, found a byte that is not UTF-8"]
    );
    let review = parse(b"---\ntitle: X\n---\nCaf\xe9\n", Path::new("e.md"), true)
        .review
        .unwrap();
    assert_eq!(review.body.as_deref(), Some("Caf\u{FFFD}\n"));
}

#[test]
fn bom_and_crlf_files_read() {
    let text = "\u{feff}---\r\ntitle: X\r\ndirector: A and B\r\n---\r\nBody\r\n";
    let review = parse(text.as_bytes(), Path::new("x.md"), true)
        .review
        .unwrap();
    assert_eq!(review.title, "X");
    assert_eq!(review.directed_by, ["A", "B"]);
}

#[test]
fn invalid_yaml_is_read_line_by_line_with_a_warning() {
    let parsed = parse(
        b"---\nmovie title: Lara Croft: Tomb Raider\nrating: 3\n---\n",
        Path::new("f.md"),
        false,
    );
    let review = parsed.review.as_ref().unwrap();
    assert_eq!(review.title, "Lara Croft: Tomb Raider");
    assert_eq!(
        review.score,
        Some(crate::record::Score::Points {
            value: 3.0,
            max: None
        })
    );
    assert_eq!(
        warnings(&parsed),
        [
            "f.md:2:24: invalid YAML: mapping values are not allowed in this context (a value containing \": \" must be quoted); read line by line as `key: value` instead"
        ]
    );
}

#[test]
fn repeated_keys_warn_once_and_keep_the_first() {
    let parsed = parse(
        b"---\nlayout: a\ntitle: X\nlayout: b\n---\n",
        Path::new("g.md"),
        false,
    );
    assert_eq!(parsed.review.as_ref().unwrap().extra["layout"], "a");
    assert_eq!(
        warnings(&parsed),
        ["g.md:4:1: layout: key given twice (first on line 2); the first value is used"]
    );
}

#[test]
fn a_missing_title_becomes_the_file_name_without_a_word() {
    let parsed = parse(
        b"---\nyear: 2001\n---\n",
        Path::new("dir/my-film.md"),
        false,
    );
    assert_eq!(parsed.review.as_ref().unwrap().title, "my-film");
    assert!(warnings(&parsed).is_empty());
}

#[test]
fn toml_headers_read() {
    let parsed = parse(
        b"+++\ntitle = \"Ran\"\ndate = \"2006-10-12T20:45:00-05:00\"\n+++\nBody",
        Path::new("t.md"),
        false,
    );
    let review = parsed.review.unwrap();
    assert_eq!(review.title, "Ran");
    assert_eq!(
        review.reviewed.map(|d| d.to_string()),
        Some("2006-10-12".into())
    );
}

#[test]
fn nul_bytes_and_huge_headers_are_refused() {
    assert_eq!(
        messages(parse(
            b"---\ntitle: a\x00b\n---\n",
            Path::new("n.md"),
            false
        )),
        ["n.md:2:9: expected text in the header, found a NUL byte"]
    );
    let mut huge = b"---\ntitle: x\n".to_vec();
    huge.extend(std::iter::repeat_n(b"# padding\n".as_slice(), 120_000).flatten());
    huge.extend_from_slice(b"---\n");
    assert!(
        messages(parse(&huge, Path::new("h.md"), true))[0].contains("header is larger than 1 MiB")
    );
}
