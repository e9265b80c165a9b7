use super::{letterboxd as review_text, plain};

#[test]
fn paragraphs_are_joined_lines_whatever_the_line_endings() {
    let lf = "One wrapped\nparagraph.\n\nAnother\none.\n";
    assert_eq!(review_text(lf), "One wrapped paragraph.\n\nAnother one.");
    assert_eq!(review_text(&lf.replace('\n', "\r\n")), review_text(lf));
}

#[test]
fn markdown_becomes_the_tags_letterboxd_shows() {
    let body = "# A heading\n\nSome *em*, **strong**, `code` and [a link](https://e.org/x?a=1&b=2).\n\n> quoted\n> text\n\n- one\n- two\n  1. nested\n\nAfter.";
    assert_eq!(
        review_text(body),
        "<b>A heading</b>\n\nSome <i>em</i>, <b>strong</b>, code and <a href=\"https://e.org/x?a=1&amp;b=2\">a link</a>.\n\n<blockquote>quoted text</blockquote>\n\n- one\n- two\n  1. nested\n\nAfter."
    );
}

#[test]
fn tables_and_footnotes_are_plain_lines() {
    let body = "Intro.[^n]\n\n| Film | Year |\n|---|---|\n| Heat | 1995 |\n| Ran | 1985 |\n\n[^n]: A note.\n";
    assert_eq!(
        review_text(body),
        "Intro.[1]\n\nFilm · Year\nHeat · 1995\nRan · 1985\n\n[1] A note."
    );
}

#[test]
fn html_keeps_its_shown_tags_and_drops_the_rest() {
    let body = "<p>A <em>fine</em> <span class=\"x\">film</span>.</p><script>alert(1)</script><p>See <a href=\"javascript:x\">this</a>.</p>";
    assert_eq!(review_text(body), "A <i>fine</i> film.\n\nSee this.");
    assert_eq!(
        review_text("I <3 R&D, `&amp;` and <b>this</b>"),
        "I <3 R&D, &amp;amp; and <b>this</b>"
    );
}

#[test]
fn html_headings_lists_and_rows_are_lines() {
    let body = "<p>Intro.</p><h3>What works</h3><ul><li>one</li><li>two</li></ul><table><tr><td>Heat</td><td>1995</td></tr><tr><td>Ran</td><td>1985</td></tr></table>";
    assert_eq!(
        review_text(body),
        "Intro.\n\n<b>What works</b>\n\n- one\n- two\n\nHeat · 1995\nRan · 1985"
    );
}

#[test]
fn plain_prose_has_no_markup_and_every_block_is_a_paragraph() {
    let body = "# A heading\r\n\r\nSee [the page](https://e.org/x) and **this**, <i>and</i> `that`.\r\n\r\n- one\r\n- two &amp; three\r\n\r\n> quoted\r\n";
    assert_eq!(
        plain(body),
        "A heading\n\nSee the page and this, and that.\n\none\n\ntwo & three\n\nquoted"
    );
    assert_eq!(plain("<ul><li>a</li><li>b</li></ul>"), "a\n\nb");
}
