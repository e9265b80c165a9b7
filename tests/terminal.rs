//! What a person sees: the binary run under a real pseudo-terminal (util-linux `script`).

mod common;

use std::process::Command;

use common::{binary, write_review};

/// Run `reviews ARGS` on a `cols`×`rows` pseudo-terminal; returns what the terminal received.
fn on_terminal(cols: u16, rows: u16, args: &str, vars: &[(&str, &str)]) -> String {
    let inner = format!(
        "stty cols {cols} rows {rows}; '{}' {args}",
        binary().display()
    );
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &inner, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap())
        .env("TERM", "xterm-256color")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd
        .output()
        .expect("the `script` command (util-linux) runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

/// The text without SGR colour sequences.
fn without_colour(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find('m').expect("an SGR sequence ends in m");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

fn display_width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

#[test]
fn list_draws_a_coloured_table_that_fits_80_and_60_columns() {
    for cols in [80, 60] {
        let screen = on_terminal(cols, 40, "list", &[]);
        assert!(screen.contains("\x1b["), "colour on a terminal");
        let plain = without_colour(&screen);
        let lines: Vec<&str> = plain.lines().collect();
        assert!(lines[0].starts_with("SLUG"), "{plain}");
        assert!(lines[0].contains("TITLE") && lines[0].contains("YEAR"));
        assert_eq!(lines.len(), 6, "a header and five reviews:\n{plain}");
        for line in &lines {
            assert!(
                display_width(line) <= usize::from(cols),
                "{line:?} wider than {cols}"
            );
        }
        assert!(!plain.contains('\t'), "a table, not TSV");
    }
}

#[test]
fn no_color_and_dumb_terminals_get_no_colour() {
    for vars in [&[("NO_COLOR", "1")][..], &[("TERM", "dumb")]] {
        let screen = on_terminal(80, 40, "list", vars);
        assert!(!screen.contains('\x1b'), "{vars:?}");
        assert!(screen.starts_with("SLUG"));
    }
    let forced = on_terminal(80, 40, "--color never list", &[]);
    assert!(!forced.contains('\x1b'));
}

#[test]
fn show_is_wrapped_to_the_terminal_and_capped_at_100() {
    let narrow = without_colour(&on_terminal(60, 500, "show rust-and-bone", &[]));
    assert!(narrow.lines().all(|l| display_width(l) <= 60));
    assert!(narrow.lines().any(|l| display_width(l) > 55));
    let wide = without_colour(&on_terminal(160, 500, "show rust-and-bone", &[]));
    assert!(wide.lines().all(|l| display_width(l) <= 100));
    assert!(wide.lines().any(|l| display_width(l) > 95));
}

#[test]
fn a_tall_review_goes_through_the_pager() {
    let paged = on_terminal(
        80,
        10,
        "show rust-and-bone",
        &[("REVIEWS_PAGER", "sed s/^/paged:/")],
    );
    assert!(paged.lines().all(|l| l.starts_with("paged:")), "{paged}");
    let unpaged = on_terminal(
        80,
        10,
        "show rust-and-bone --no-pager",
        &[("PAGER", "sed s/^/paged:/")],
    );
    assert!(!unpaged.contains("paged:"));
    let short = on_terminal(
        80,
        500,
        "show rust-and-bone",
        &[("PAGER", "sed s/^/paged:/")],
    );
    assert!(!short.contains("paged:"), "fits the screen: no pager");
    let broken = on_terminal(
        80,
        10,
        "show rust-and-bone",
        &[("PAGER", "/nonexistent/pager")],
    );
    assert!(
        without_colour(&broken).starts_with("Rust and Bone (2012)"),
        "falls back to printing"
    );
}

#[test]
fn hostile_text_is_cleaned_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "hostile",
        &["title: \"Evil \\e]0;pwned\\a\""],
        b"Body \x1b]0;pwned\x07with \x1b[2Jescapes and a caf\xe9.\n",
    );
    let dir = dir.path().display();
    for args in [
        format!("--dir '{dir}' show hostile"),
        format!("--dir '{dir}' list"),
    ] {
        let screen = on_terminal(80, 40, &args, &[("NO_COLOR", "1")]);
        assert!(
            !screen.contains('\x1b') && !screen.contains('\x07'),
            "{args}: {screen:?}"
        );
    }
    let screen = on_terminal(
        80,
        40,
        &format!("--dir '{dir}' show hostile"),
        &[("NO_COLOR", "1")],
    );
    assert!(
        screen.contains("Body with escapes and a caf\u{FFFD}."),
        "{screen:?}"
    );
}

#[test]
fn a_pager_setting_with_quotes_runs_as_a_shell_would_split_it() {
    let paged = on_terminal(
        80,
        10,
        "show rust-and-bone",
        &[("REVIEWS_PAGER", "sed 's/^/> /'")],
    );
    assert!(
        paged.lines().all(|l| l.starts_with("> ")),
        "every line through sed: {paged}"
    );
    assert!(without_colour(&paged).starts_with("> Rust and Bone (2012)"));
}

#[test]
fn the_pager_gets_less_frx_only_when_less_is_unset() {
    // A pager that reports the LESS it was given, then drains its input.
    let reporter = "sh -c 'echo \"LESS=[$LESS]\"; cat >/dev/null'";
    let unset = on_terminal(80, 10, "show rust-and-bone", &[("PAGER", reporter)]);
    assert_eq!(unset.trim(), "LESS=[FRX]");
    let own = on_terminal(
        80,
        10,
        "show rust-and-bone",
        &[("PAGER", reporter), ("LESS", "-S")],
    );
    assert_eq!(own.trim(), "LESS=[-S]");
}

#[test]
fn clicolor_0_turns_colour_off_and_color_always_still_wins() {
    let off = on_terminal(80, 40, "list", &[("CLICOLOR", "0")]);
    assert!(!off.contains('\x1b'), "{off:?}");
    assert!(off.contains("Rust and Bone"), "{off}");
    let on = on_terminal(80, 40, "--color always list", &[("CLICOLOR", "0")]);
    assert!(on.contains("\x1b["));
}

#[test]
fn bidirectional_overrides_never_reach_the_table() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "turned",
        &["title: \"Left \u{202e}thgir\u{202c} and \u{2067}isolated\u{2069}\""],
        b"",
    );
    let screen = on_terminal(
        80,
        40,
        &format!("--dir '{}' list", dir.path().display()),
        &[("NO_COLOR", "1")],
    );
    assert!(screen.contains("Left thgir and isolated"), "{screen:?}");
    for control in ['\u{202e}', '\u{202c}', '\u{2067}', '\u{2069}'] {
        assert!(!screen.contains(control), "{control:?} in {screen:?}");
    }
}

#[test]
fn new_opens_the_editor_on_a_terminal_and_checks_the_file_after() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().display().to_string();
    // The "editor" changes the file; `new` reads it back when the editor exits (clean: silent).
    let out = on_terminal(
        80,
        24,
        &format!("new Heat --year 1995 --to '{to}'"),
        &[("VISUAL", "sed -i s/^year:.*/runtime:\\ 170/")],
    );
    let path = dir.path().join("heat.md");
    assert_eq!(out, format!("{}\n", path.display()));
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains("runtime: 170") && !text.contains("year:"),
        "{text}"
    );
}

#[test]
fn nothing_matched_on_a_terminal_says_so_instead_of_a_bare_header() {
    let screen = on_terminal(80, 24, "list --director zzz; echo exit=$?", &[]);
    assert_eq!(screen, "reviews: no reviews match --director zzz\nexit=1\n");
    let screen = on_terminal(
        80,
        24,
        "--dir tests/fixtures/shapes stats --by cast --year 1900; true",
        &[],
    );
    assert_eq!(screen, "reviews: no reviews match --year 1900\n");
}

#[test]
fn a_terminal_that_reports_0_rows_still_gives_its_width() {
    // Some containers set the width alone (`stty cols 120`), leaving 0 rows.
    let table = without_colour(&on_terminal(120, 0, "list", &[]));
    let widest = table.lines().map(display_width).max().unwrap();
    assert!(widest > 80, "drawn at 80 columns, not 120:\n{table}");
    assert!(widest <= 120, "{table}");
}
