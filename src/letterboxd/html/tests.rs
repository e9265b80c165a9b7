use super::to_markdown;

#[test]
fn the_subset_becomes_markdown() {
    assert_eq!(
        to_markdown("A <i>great</i> film, <b>truly</b>."),
        "A *great* film, **truly**."
    );
    assert_eq!(to_markdown("<em> spaced </em>out"), "*spaced* out");
    assert_eq!(to_markdown("<strong>Bold</strong>"), "**Bold**");
    assert_eq!(
        to_markdown("one<br/>two<br />three<br>four"),
        "one\ntwo\nthree\nfour"
    );
    assert_eq!(
        to_markdown("See <a href=\"https://letterboxd.com/film/roma/\">Roma</a>."),
        "See [Roma](https://letterboxd.com/film/roma/)."
    );
    assert_eq!(
        to_markdown("<a href=\"https://x.org/\"></a>"),
        "<https://x.org/>"
    );
    assert_eq!(
        to_markdown("Tom &amp; Jerry &lt;3 &quot;hi&quot; &#039;x&#39; &#x2014; &rsquo;"),
        "Tom & Jerry <3 \"hi\" 'x' — ’"
    );
}

#[test]
fn quotes_mark_every_line_and_stand_apart() {
    assert_eq!(
        to_markdown("<blockquote>\n[clucking]\n[screams]\nToot!</blockquote>Love it."),
        "> [clucking]\n> [screams]\n> Toot!\n\nLove it."
    );
    assert_eq!(
        to_markdown("Before<blockquote>a\n\nb</blockquote>"),
        "Before\n\n> a\n>\n> b"
    );
}

#[test]
fn nesting_is_bounded_and_prose_angles_cost_nothing() {
    let deep = to_markdown(&"<blockquote>x".repeat(20_000));
    assert!(deep.len() < 20_000 * 30, "{}", deep.len());
    assert!(deep.lines().all(|l| l.len() <= 2 * 8 + 1));
    let start = std::time::Instant::now();
    let angles = to_markdown(&"<".repeat(1 << 20));
    assert_eq!(angles.len(), 1 << 20);
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn newlines_are_kept_and_lines_trimmed() {
    assert_eq!(
        to_markdown("First paragraph. \n\nSecond\nline.\n"),
        "First paragraph.\n\nSecond\nline."
    );
    assert_eq!(to_markdown("a\r\nb"), "a\nb");
}

#[test]
fn what_is_outside_the_subset_is_kept() {
    assert_eq!(to_markdown("x < y and y > z"), "x < y and y > z");
    assert_eq!(to_markdown("<span>hi</span>"), "<span>hi</span>");
    assert_eq!(to_markdown("AT&T &bogus; &#27;"), "AT&T &bogus; &#27;");
    assert_eq!(to_markdown("<a href=\"u\">open"), "[open");
    assert_eq!(
        to_markdown("It was <a lot of fun> really. x <p or q> y"),
        "It was <a lot of fun> really. x <p or q> y"
    );
    assert_eq!(to_markdown("<i think> it"), "<i think> it");
    assert_eq!(
        to_markdown("a</i> b <a>c</a>"),
        "a b c",
        "stray closers, a bare link"
    );
    assert_eq!(
        to_markdown("<a href=\"http://x.org/a>b\">gt</a> <a href=http://bare.org/>u</a>"),
        "[gt](http://x.org/a>b) [u](http://bare.org/)"
    );
    assert_eq!(
        to_markdown("&#x200f;"),
        "&#x200f;",
        "bidi controls stay entities"
    );
}
