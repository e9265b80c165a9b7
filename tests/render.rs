//! `reviews show` renders Markdown and HTML bodies: styled on a terminal, plain prose in a pipe,
//! never a marker, an entity or an escape from the file.

mod common;

use common::{foreign_escape, in_fixture, stdout_of};

fn show(name: &str, width: u16, colour: bool) -> String {
    let width = width.to_string();
    let colour = if colour { "always" } else { "never" };
    stdout_of(in_fixture(
        "bodies",
        &["show", name, "--width", &width, "--color", colour],
    ))
}

/// Escapes made visible, so that a snapshot of styled output can be read.
fn visible(text: &str) -> String {
    text.replace('\u{1b}', "␛")
}

#[test]
fn markdown_at_80_columns() {
    insta::assert_snapshot!(show("markdown", 80, false));
}

#[test]
fn markdown_at_40_columns() {
    insta::assert_snapshot!(show("markdown", 40, false));
}

#[test]
fn markdown_at_80_columns_in_colour() {
    insta::assert_snapshot!(visible(&show("markdown", 80, true)));
}

#[test]
fn markdown_at_40_columns_in_colour() {
    insta::assert_snapshot!(visible(&show("markdown", 40, true)));
}

#[test]
fn html_at_80_columns() {
    insta::assert_snapshot!(show("html", 80, false));
}

#[test]
fn html_at_40_columns() {
    insta::assert_snapshot!(show("html", 40, false));
}

#[test]
fn html_at_80_columns_in_colour() {
    insta::assert_snapshot!(visible(&show("html", 80, true)));
}

#[test]
fn html_at_40_columns_in_colour() {
    insta::assert_snapshot!(visible(&show("html", 40, true)));
}

#[test]
fn piped_output_is_prose_with_no_markup_within_the_width() {
    for name in ["markdown", "html"] {
        for width in [20, 40, 80] {
            let out = show(name, width, false);
            for marker in [
                "**", "__", "](", "<p", "<br", "<li", "&amp;", "&mdash;", "## ", "```",
            ] {
                assert!(
                    !out.contains(marker),
                    "{name} at {width}: {marker:?} in\n{out}"
                );
            }
            assert!(!out.contains('\u{1b}'), "{name}: an escape in a pipe");
            for line in out.lines() {
                let columns = unicode_width::UnicodeWidthStr::width(line);
                assert!(
                    columns <= usize::from(width),
                    "{name}: {line:?} is {columns} wide"
                );
                assert_eq!(line, line.trim_end(), "{name}: trailing space in {line:?}");
            }
        }
    }
    let html = show("html", 80, false);
    assert!(html.contains("for his father — and"), "{html}");
    assert!(
        !html.contains("never shown") && !html.contains("color: red"),
        "{html}"
    );
    assert!(html.contains("Kept text from an unknown tag."), "{html}");
}

#[test]
fn a_hostile_file_writes_no_escape_of_its_own() {
    for colour in [false, true] {
        for hyperlinks in ["0", "1"] {
            let out = stdout_of(
                in_fixture(
                    "bodies",
                    &[
                        "show",
                        "hostile",
                        "--color",
                        if colour { "always" } else { "never" },
                    ],
                )
                .env("FORCE_HYPERLINK", hyperlinks),
            );
            assert_eq!(foreign_escape(&out), None, "{out:?}");
            for text in [
                "link",
                "another",
                "copy",
                "red",
                "html link",
                "alt text",
                "code block",
            ] {
                assert!(out.contains(text), "{text:?} lost from {out:?}");
            }
            if !colour {
                assert!(!out.contains('\u{1b}'), "{out:?}");
            }
        }
    }
}

#[test]
fn links_are_hyperlinks_only_where_the_terminal_shows_them() {
    let run = |force: &str| {
        stdout_of(
            in_fixture("bodies", &["show", "markdown", "--color", "always"])
                .env("FORCE_HYPERLINK", force),
        )
    };
    let linked = run("1");
    assert!(linked.contains("\u{1b}]8;;https://example.org/prophet-screenplay\u{1b}\\"));
    assert!(!linked.contains("[https://example.org/prophet-screenplay]"));
    let plain = run("0");
    assert!(!plain.contains("\u{1b}]8;;"));
    assert!(plain.contains("[https://example.org/prophet-screenplay]"));
    // Piped, never: colour is off.
    let piped = stdout_of(in_fixture("bodies", &["show", "markdown"]).env("FORCE_HYPERLINK", "1"));
    assert!(!piped.contains('\u{1b}'));
}

#[test]
fn markdown_and_json_keep_the_body_as_written() {
    let file = std::fs::read_to_string(common::fixture("bodies").join("html.md")).unwrap();
    let markdown = stdout_of(in_fixture(
        "bodies",
        &["show", "html", "--format", "markdown"],
    ));
    assert_eq!(markdown, file);
    let json = stdout_of(in_fixture("bodies", &["show", "html", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let body = value["body"].as_str().unwrap();
    assert!(file.ends_with(body), "{body:?}");
    assert!(body.contains("<p>The Dardennes&rsquo; film"));
}
