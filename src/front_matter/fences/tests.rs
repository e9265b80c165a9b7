use super::*;

#[test]
fn utf16_and_lone_carriage_returns_are_named() {
    let message = |bytes: &[u8]| split(bytes).unwrap_err().message;
    let utf16le: Vec<u8> = "\u{feff}---\ntitle: X\n---\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert!(message(&utf16le).contains("encoded as UTF-16 (little-endian)"));
    let utf16be: Vec<u8> = "---\ntitle: X\n---\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert!(message(&utf16be).contains("encoded as UTF-16 (big-endian)"));
    assert!(message(b"---\rtitle: X\r---\rBody\r").contains("lone carriage return"));
    assert!(message(b"Plain text\n").contains("the first line should be"));
}

fn parts(text: &str) -> (String, String, usize) {
    let p = split(text.as_bytes()).unwrap();
    (
        text[p.header.clone()].to_string(),
        text[p.body_start..].to_string(),
        p.body_line,
    )
}

#[test]
fn plain_yaml_header() {
    let (h, b, line) = parts("---\ntitle: X\n---\nBody\n");
    assert_eq!(h, "title: X\n");
    assert_eq!(b, "Body\n");
    assert_eq!(line, 4);
}

#[test]
fn bom_and_crlf() {
    let (h, b, _) = parts("\u{feff}---\r\ntitle: X\r\n---\r\nBody\r\n");
    assert_eq!(h, "title: X\r\n");
    assert_eq!(b, "Body\r\n");
}

#[test]
fn four_dashes_dots_and_trailing_spaces() {
    assert_eq!(parts("---- \ntitle: X\n----\n").0, "title: X\n");
    assert_eq!(parts("---\ntitle: X\n...\nB").1, "B");
}

#[test]
fn toml_fences() {
    let p = split(b"+++\ntitle = \"X\"\n+++\n").unwrap();
    assert_eq!(p.format, Format::Toml);
}

#[test]
fn language_tags_and_bare_json() {
    assert_eq!(
        split(b"---yaml\ntitle: X\n---\n").unwrap().format,
        Format::Yaml
    );
    assert_eq!(
        split(b"--- json\n{\"title\": \"X\"}\n---\n")
            .unwrap()
            .format,
        Format::Json
    );
    assert_eq!(
        split(b"--- coffee\ntitle = 'X'\n---\n").unwrap().format,
        Format::Unsupported
    );
    let text = "{\n  \"title\": \"A } brace\"\n}\nBody\n";
    let parts = split(text.as_bytes()).unwrap();
    assert_eq!(parts.format, Format::Json);
    assert_eq!(
        &text[parts.header.clone()],
        "{\n  \"title\": \"A } brace\"\n}"
    );
    assert_eq!(&text[parts.body_start..], "Body\n");
    assert_eq!(parts.body_line, 4);
    assert_eq!(
        split(b"{ never closed").unwrap_err(),
        unclosed(Format::Json)
    );
    assert_eq!(split(b"---x-y\n").unwrap_err(), no_header());
}

#[test]
fn empty_header_and_no_body() {
    let (h, b, _) = parts("---\n---");
    assert_eq!((h.as_str(), b.as_str()), ("", ""));
}

#[test]
fn dashes_inside_a_value_do_not_close() {
    assert_eq!(
        parts("---\ntitle: Foo --- Bar\n---\n").0,
        "title: Foo --- Bar\n"
    );
}

#[test]
fn no_header_and_unclosed() {
    assert_eq!(split(b"Just text\n").unwrap_err(), no_header());
    assert_eq!(split(b"").unwrap_err(), no_header());
    assert_eq!(
        split(b"---\ntitle: X\n").unwrap_err(),
        unclosed(Format::Yaml)
    );
    assert!(
        unclosed(Format::Yaml)
            .message
            .contains("expected a closing \"---\"")
    );
}

#[test]
fn a_prefix_cut_inside_the_closing_fence_is_unclosed() {
    assert!(matches!(
        scan(b"---\ntitle: X\n---", false),
        Scan::Unclosed { .. }
    ));
    assert!(matches!(
        scan(b"---\ntitle: X\n---", true),
        Scan::Complete(_)
    ));
    assert!(matches!(
        scan(b"---\ntitle: X\n---\n", false),
        Scan::Complete(_)
    ));
}
