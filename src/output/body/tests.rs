use super::*;

fn render(body: &str, width: usize) -> String {
    let mut out = Vec::new();
    write(&mut out, body, width, Ink::new(false, false)).unwrap();
    String::from_utf8(out).unwrap()
}

fn styled(body: &str, hyperlinks: bool) -> String {
    let mut out = Vec::new();
    write(&mut out, body, 40, Ink::new(true, hyperlinks)).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn hard_wrapped_paragraphs_reflow_and_lists_keep_their_items() {
    assert_eq!(
        render(
            "one two\nthree four\n\n- item one\n- item two\n\nAfter.\n\n    code  here\n",
            40
        ),
        "one two three four\n\n• item one\n• item two\n\nAfter.\n\n    code  here\n"
    );
}

#[test]
fn markup_becomes_style_and_never_shows() {
    let out = render(
        "## First impressions\n\nA **bold** and _quiet_ film, `code`, ~~no~~.\n\n> quoted\n> text\n\n---\n",
        30,
    );
    assert_eq!(
        out,
        "First impressions\n\nA bold and quiet film, code,\nno.\n\n│ quoted text\n\n──────────────────────────────\n"
    );
    let out = styled("A **bold** and _quiet_ film.", false);
    assert!(out.contains("\x1b[1mbold\x1b[0m"), "{out:?}");
    assert!(out.contains("\x1b[3mquiet\x1b[0m"), "{out:?}");
}

#[test]
fn wrapped_list_lines_hang_under_their_text_and_numbers_are_kept() {
    assert_eq!(
        render("3. one two three four five\n4. six\n", 20),
        "3. one two three\n   four five\n4. six\n"
    );
    assert_eq!(
        render("- a\n  - b c d e f g h i j k\n", 20),
        "• a\n  ◦ b c d e f g h i\n    j k\n"
    );
}

#[test]
fn quotes_bar_every_wrapped_line() {
    assert_eq!(
        render("> one two three four five six seven\n>\n> eight\n", 20),
        "│ one two three four\n│ five six seven\n│\n│ eight\n"
    );
}

#[test]
fn links_show_their_address_or_are_hyperlinks_but_never_both() {
    let body = "See [the painting](https://example.com/p) and <https://example.com>.";
    assert_eq!(
        render(body, 80),
        "See the painting [https://example.com/p] and https://example.com.\n"
    );
    let linked = styled(body, true);
    assert!(
        linked.contains("\x1b]8;;https://example.com/p\x1b\\"),
        "{linked:?}"
    );
    assert!(!linked.contains("[https://example.com/p]"), "{linked:?}");
    // An address that is not a plain web address is shown as text, cleaned, never sent.
    let hostile = styled("[x](javascript:alert\u{1b}]0;t\u{7})", true);
    assert!(!hostile.contains("\x1b]8;;j"), "{hostile:?}");
    assert!(hostile.contains("javascript:alert"), "{hostile:?}");
    assert_eq!(crate::foreign_escape(&hostile), None);
}

#[test]
fn images_and_footnotes() {
    assert_eq!(
        render("![A still](still.jpg) and ![](x.png)\n", 80),
        "[image: A still] and [image]\n"
    );
    assert_eq!(
        render(
            "A claim.[^a] Another.[^b]\n\n[^a]: The source.\n[^b]: Another source.\n",
            80
        ),
        "A claim.[1] Another.[2]\n\n[1] The source.\n\n[2] Another source.\n"
    );
}

#[test]
fn code_blocks_keep_their_lines_and_are_cut_at_the_width() {
    assert_eq!(
        render(
            "```\nfn main() {\n    let x = 1234567890123456789;\n}\n```\n",
            30
        ),
        "    fn main() {\n        let x = 12345678901234\n        56789;\n    }\n"
    );
}

#[test]
fn tables_are_aligned_in_columns() {
    let out = render(
        "| Film | Year | Score |\n|:-----|:----:|------:|\n| Rust and Bone | 2012 | 8 |\n| A Prophet | 2009 | 10 |\n",
        80,
    );
    assert_eq!(
        out,
        "Film           Year  Score\n─────────────  ────  ─────\nRust and Bone  2012      8\nA Prophet      2009     10\n"
    );
}

#[test]
fn html_bodies_render_like_markdown() {
    assert_eq!(
        render(
            "<p>A <em>quiet</em> film &mdash; <b>loud</b> too.</p>\n<p>Second<br />line &amp; more.</p>\n<ul><li>one<li>two</ul>\n<script>alert(1)</script><custom>kept</custom>\n",
            80
        ),
        "A quiet film — loud too.\n\nSecond\nline & more.\n\n• one\n• two\n\nkept\n"
    );
    assert_eq!(
        render("Letterboxd<br />\n<br />\n<i>next</i> paragraph", 80),
        "Letterboxd\n\nnext paragraph\n"
    );
}

#[test]
fn nesting_past_the_bound_keeps_its_text_within_the_width() {
    let body = format!("{}deep text here", "> ".repeat(500));
    let out = render(&body, 40);
    assert!(out.contains("deep text here"), "{out}");
    assert!(out.lines().all(|l| lines::width_of(l) <= 40), "{out}");
    let items = format!("{}item\n", "- ".repeat(500));
    let out = render(&items, 40);
    assert!(out.contains("item"));
    assert!(out.lines().all(|l| lines::width_of(l) <= 40), "{out}");
}

#[test]
fn escapes_in_the_file_never_reach_the_terminal() {
    let body = "A \u{1b}[31mred\u{1b}[0m word, `\u{1b}]52;c;x\u{7}code`, <a href=\"https://x.org/\u{1b}[2J\">link</a> \u{9b}2J.";
    let out = styled(body, true);
    assert_eq!(crate::foreign_escape(&out), None, "{out:?}");
    assert!(out.contains("red"));
    assert!(out.contains("code"));
}

#[test]
fn code_cut_at_a_space_leaves_no_trailing_space() {
    let out = render("```\nabcdefghijklmnop qrstuvwxyz\n```\n", 20);
    assert_eq!(out, "    abcdefghijklmnop\n     qrstuvwxyz\n");
}
