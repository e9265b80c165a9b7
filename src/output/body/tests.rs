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
    assert_eq!(crate::output::promises::foreign_escape(&hostile), None);
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
    assert_eq!(
        crate::output::promises::foreign_escape(&out),
        None,
        "{out:?}"
    );
    assert!(out.contains("red"));
    assert!(out.contains("code"));
}

#[test]
fn code_cut_at_a_space_leaves_no_trailing_space() {
    let out = render("```\nabcdefghijklmnop qrstuvwxyz\n```\n", 20);
    assert_eq!(out, "    abcdefghijklmnop\n     qrstuvwxyz\n");
}

#[test]
fn html_nested_past_the_bound_leaves_later_markdown_alone() {
    let body = format!(
        "{}x{}\n\n**y** z\n\nlater",
        "<b>".repeat(40),
        "</b>".repeat(40)
    );
    let out = styled(&body, false);
    assert!(out.ends_with("\x1b[1my\x1b[0m z\n\nlater\n"), "{out:?}");
    let quotes = format!(
        "{}q{}\n\n> quoted\n\nafter",
        "<blockquote>".repeat(40),
        "</blockquote>".repeat(40)
    );
    assert!(render(&quotes, 40).ends_with("│ quoted\n\nafter\n"));
}

#[test]
fn html_spans_left_open_end_with_their_block_and_links_keep_their_address() {
    assert_eq!(
        render("<p>See <a href=\"https://x.org\">this</p>\n\nnext", 80),
        "See this [https://x.org]\n\nnext\n"
    );
    let out = styled("<ul><li><b>x</ul>\n\n- y\n- z", false);
    assert!(out.ends_with("• y\n• z\n"), "{out:?}");
}

#[test]
fn a_hyperlink_with_nothing_to_click_shows_its_address() {
    let out = styled("a [](https://x.org/e) b", true);
    assert!(out.contains("\x1b]8;;https://x.org/e\x1b\\"), "{out:?}");
    assert!(out.contains("https://x.org/e\x1b[0m"), "{out:?}");
    let image = styled("<a href=\"https://x.org/i\"><img src=p.jpg></a>", true);
    assert!(image.contains("\x1b]8;;https://x.org/i\x1b\\"), "{image:?}");
    assert!(image.contains("[image]"), "{image:?}");
    assert_eq!(
        render("a [](https://x.org/e) b", 80),
        "a [https://x.org/e] b\n"
    );
}

#[test]
fn empty_items_keep_their_markers() {
    assert_eq!(render("-\n- b\n", 40), "•\n• b\n");
    assert_eq!(render("1.\n2. b\n", 40), "1.\n2. b\n");
}

#[test]
fn code_blocks_have_one_gap_around_them_and_no_blank_lines_at_their_ends() {
    assert_eq!(render("a\n\n```\n```\n\nb", 40), "a\n\nb\n");
    assert_eq!(
        render("a\n\n```\n\ncode\n\n\n```\n\nb", 40),
        "a\n\n    code\n\nb\n"
    );
    assert_eq!(render("```\none\n\ntwo\n```\n", 40), "    one\n\n    two\n");
}

#[test]
fn blank_lines_inside_nested_containers_trail_no_space() {
    let out = render("> - ```\n>   a\n>\n>   b\n>   ```\n", 40);
    assert!(out.lines().all(|l| l == l.trim_end()), "{out:?}");
    assert!(out.contains("\n│\n"), "{out:?}");
}

#[test]
fn code_in_items_with_wide_markers_stays_within_the_width() {
    for body in [
        "999999999. x\n\n           ```\n               映画abc\n           ```\n",
        "<ol start=999999999><li>a<li><pre>        映画映画</pre></ol>",
        "999999999. a\n999999999. b\n",
    ] {
        let out = render(body, 20);
        assert!(out.lines().all(|l| lines::width_of(l) <= 20), "{out}");
    }
}

#[test]
fn a_body_cut_into_pieces_keeps_its_blocks() {
    let code = format!("```\n{}```\n\nafter *em*\n", "# x = 1 *a*\n".repeat(25_000));
    let out = render(&code, 40);
    assert_eq!(out.matches("    # x = 1 *a*\n").count(), 25_000);
    assert!(
        out.ends_with("    # x = 1 *a*\n\nafter em\n"),
        "{}",
        &out[out.len() - 60..]
    );
    let table = format!("|a|b|\n|-|-|\n{}", "|x|y|\n".repeat(60_000));
    let out = render(&table, 40);
    assert!(!out.contains('|'));
    assert_eq!(out.matches("x  y\n").count(), 60_000);
    let html =
        "wwwwwwwww ".repeat(26_214) + "<a href=\"https://e.org\" title=\"a b\">link</a> after";
    let out = render(&html, 80);
    assert!(
        out.ends_with("link [https://e.org] after\n"),
        "{}",
        &out[out.len() - 60..]
    );
}
