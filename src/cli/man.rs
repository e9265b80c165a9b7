//! The man pages: `reviews(1)` and one page a command (`reviews-list(1)`, ...), from clap's
//! definitions and the sections below, which every page or the pages they concern share.

use clap::CommandFactory;

use super::Cli;
use crate::output::template::FIELDS;

/// The commands, each with a page of its own (a test checks this against clap's).
const COMMANDS: [&str; 11] = [
    "list",
    "show",
    "search",
    "browse",
    "stats",
    "check",
    "import",
    "new",
    "config",
    "completions",
    "man",
];

/// `reviews man COMMAND`'s possible values.
pub(super) fn page_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(COMMANDS)
}

/// The page of `command`, or `reviews(1)`.
pub(super) fn page(command: Option<&str>) -> Vec<u8> {
    // `reviews help` works, but has no page of its own.
    let mut program = Cli::command().disable_help_subcommand(true);
    program.build();
    match command.and_then(|name| program.find_subcommand(name)) {
        Some(sub) => render(sub, command.unwrap_or_default()),
        None => render(&program, ""),
    }
}

/// Every page, with its file name.
pub(super) fn every_page() -> Vec<(String, Vec<u8>)> {
    std::iter::once(("reviews.1".to_string(), page(None)))
        .chain(
            COMMANDS
                .iter()
                .map(|name| (format!("reviews-{name}.1"), page(Some(name)))),
        )
        .collect()
}

/// What each page holds besides clap's sections: `name` is the command's, empty for the program.
fn render(command: &clap::Command, name: &str) -> Vec<u8> {
    let man = clap_mangen::Man::new(command.clone())
        .manual("reviews manual")
        .source(concat!("reviews ", env!("CARGO_PKG_VERSION")));
    let mut page = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = man.render_title(&mut page);
    let _ = man.render_name_section(&mut page);
    let _ = man.render_synopsis_section(&mut page);
    let _ = man.render_description_section(&mut page);
    let mut text = String::new();
    let (notes, examples) = after_help(command);
    for paragraph in notes.split("\n\n").filter(|p| !p.trim().is_empty()) {
        text.push_str(".PP\n");
        text.push_str(&escape(&paragraph.replace('\n', " ")));
        text.push('\n');
    }
    page.extend_from_slice(text.as_bytes());
    if command.get_arguments().any(|arg| !arg.is_hide_set()) {
        let _ = man.render_options_section(&mut page);
    }
    if command.has_subcommands() {
        let _ = man.render_subcommands_section(&mut page);
    }
    let mut text = String::new();
    if matches!(name, "" | "list" | "search" | "stats") {
        text.push_str(FILTERS);
    }
    if let Some(formats) = formats(name) {
        text.push_str(&formats);
    }
    if matches!(name, "" | "check" | "import" | "new" | "show") {
        text.push_str(FILE_FORMAT);
    }
    if !examples.is_empty() {
        text.push_str(".SH EXAMPLES\n.RS 4\n.nf\n");
        for line in examples.lines() {
            text.push_str(&escape(line.trim()));
            text.push('\n');
        }
        text.push_str(".fi\n.RE\n");
    }
    text.push_str(ENVIRONMENT);
    text.push_str(FILES);
    text.push_str(EXIT_STATUS);
    text.push_str(&see_also(name));
    page.extend_from_slice(text.as_bytes());
    ascii(&String::from_utf8_lossy(&page))
}

/// The page in ASCII, each other character as roff's `\[uXXXX]`, so that groff reads it the same
/// whatever the locale (and `groff -ww` has nothing to say).
fn ascii(page: &str) -> Vec<u8> {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out.into_bytes()
}

/// A command's text after its options, split into notes and the examples that end it.
fn after_help(command: &clap::Command) -> (String, String) {
    let text = command
        .get_after_help()
        .map(|text| text.to_string())
        .unwrap_or_default();
    match text
        .split_once("Examples:\n")
        .or(text.split_once("Example:\n"))
    {
        Some((notes, examples)) => (notes.to_string(), examples.to_string()),
        None => (text, String::new()),
    }
}

/// Text as roff prints it: backslashes, hyphens and a leading dot or quote escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.starts_with(['.', '\'']) {
        out.push_str("\\&");
    }
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            c => out.push(c),
        }
    }
    out
}

fn see_also(name: &str) -> String {
    let this = if name.is_empty() {
        "reviews".to_string()
    } else {
        format!("reviews-{name}")
    };
    let pages: Vec<String> = std::iter::once("reviews".to_string())
        .chain(COMMANDS.iter().map(|c| format!("reviews-{c}")))
        .filter(|page| *page != this)
        .map(|page| format!(".BR {} (1)", escape(&page)))
        .collect();
    format!(".SH SEE ALSO\n{}\n", pages.join(" ,\n"))
}

fn formats(name: &str) -> Option<String> {
    let (intro, formats): (&str, &[(&str, &str)]) = match name {
        "list" => (
            "Default: table on a terminal, tsv in a pipe.",
            &[
                (
                    "table",
                    "aligned columns fitted to the width; the slug is never cut",
                ),
                (
                    "tsv",
                    "slug, title, year, directors, rating, runtime minutes, tab\\-separated, no header (with \\-\\-format tsv: a header row)",
                ),
                (
                    "csv",
                    "the table's columns with a header row, quoted as RFC 4180 says",
                ),
                ("json", "one array of records"),
                ("jsonl", "one record a line"),
                ("letterboxd", "the CSV Letterboxd's importer reads"),
                ("path", "each review's file, one a line"),
                ("TEMPLATE", "any text with {field}s, one line a review"),
            ],
        ),
        "search" => (
            "Default: text on a terminal, tsv in a pipe.",
            &[
                (
                    "text",
                    "title, year, directors and up to three snippets a review",
                ),
                ("tsv", "slug, title, year and the best matching line"),
                ("json", "one array of records, each with its matching lines"),
                ("jsonl", "one record a line"),
                ("path", "each review's file, one a line"),
                ("TEMPLATE", "any text with {field}s, one line a review"),
            ],
        ),
        "stats" => (
            "Default: table on a terminal, tsv in a pipe.",
            &[
                ("table", "name, count, average score, runtime and a bar"),
                (
                    "tsv",
                    "name, count, average score (0\\-100), runtime minutes",
                ),
                ("csv", "the same with a header row"),
                ("json", "an array of groups, or the summary as an object"),
            ],
        ),
        "show" => (
            "Default: text.",
            &[
                (
                    "text",
                    "the header aligned and the body rendered and wrapped",
                ),
                ("json", "the record with its body as written"),
                ("markdown", "the file exactly as written"),
            ],
        ),
        "" => (
            "Each reading command takes \\-\\-format: see reviews\\-list(1), reviews\\-search(1), reviews\\-stats(1) and reviews\\-show(1).",
            &[],
        ),
        _ => return None,
    };
    let mut text = format!(".SH FORMATS\n{intro}\n");
    for (format, what) in formats {
        text.push_str(&format!(".TP\n.B {format}\n{what}\n"));
    }
    if matches!(name, "list" | "search") {
        text.push_str(&format!(
            ".PP\nA template's fields, and \\-\\-columns', are {}, and {{extra.KEY}} for a key of extra.\n",
            FIELDS.join(", ")
        ));
    }
    Some(text)
}

const FILTERS: &str = r#".SH FILTERS
Text filters match a case\- and accent\-insensitive part of any name in the field (\-\-director almodovar finds Pedro Almodóvar).
One flag given twice means either; different flags must all hold.
.TP
.BI \-\-title " T"
the title or original title contains T
.TP
.BI \-\-director " D" "\fR, \fP\-\-writer " W "\fR, \fP\-\-cast " C
a director, writer or cast member's name contains the text
.TP
.BI \-\-tag " T"
a tag or genre contains T
.TP
.BI \-\-rating " R"
the certification is exactly R (G, PG, PG\-13, R, NC\-17, NR, ...)
.TP
.BI \-\-year " Y\fR|\fPFROM..TO"
the year is Y, or in the range, both ends included; 2010.. and ..1999 are open
.TP
.BI \-\-min\-score " S" "\fR, \fP\-\-max\-score " S
the score, on a scale of 0 to 100, is at least or at most S, itself any score shape (3/4, 7.5/10, B+, 80%, stars)
.TP
.B \-\-drafts
include drafts (draft: true, published: false), which are left out otherwise
"#;

const FILE_FORMAT: &str = r#".SH THE FILE FORMAT
A review is a file ending in .md, .markdown or .txt in the collection or a folder under it: a header of fields, then the review's text.
The header is YAML between \-\-\- lines, TOML between +++ lines, a JSON object, or, with no fences, a block of key: value lines near the top of the file.
Its slug is its file name without the extension (a Jekyll post's without its date).
.PP
.RS 4
.nf
\-\-\-
title: Rust and Bone
year: 2012
directed by: Jacques Audiard
starring: [Marion Cotillard, Matthias Schoenaerts]
rating: R
runtime: 120 min
score: 3.5/4
reviewed: 2013\-01\-15
\-\-\-
Sometimes a film can look like a potentially good watch ...
.fi
.RE
.PP
Fields: title, original_title, year, directed_by, written_by, produced_by, starring, rating, score, runtime, us_release, release_date, reviewed, watched, draft, reviewer, tags, genres, synopsis.
Keys match whatever their case or spacing, and common aliases work (director, cast, running time, date).
A value that does not fit its field is a warning, and is kept as written in extra, as is every key the reader does not know.
.B reviews check
names every problem with its file and line.
"#;

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
.B REVIEWS_DIR
The collections, separated by :, when \-\-dir is not given (default: the config file's, else ./reviews).
.TP
.B REVIEWS_CONFIG
The config file (default: $XDG_CONFIG_HOME/reviews/config.toml, else ~/.config/reviews/config.toml).
.TP
.B XDG_CONFIG_HOME
The folder of reviews/config.toml when REVIEWS_CONFIG is unset (default: ~/.config).
.TP
.B REVIEWS_PAGER
The pager for show and search on a terminal, split into words as a shell would; empty: no pager.
.TP
.B PAGER
The pager when REVIEWS_PAGER is unset (else the config file's [show] pager, else less \-FRX; less gets LESS=FRX when LESS is unset).
.TP
.B NO_COLOR
When set and not empty, no colour (\-\-color always still colours).
.TP
.B CLICOLOR
0 turns colour off on a terminal.
.TP
.B CLICOLOR_FORCE
When set and not 0, colour even in a pipe (unless NO_COLOR is set).
.TP
.B COLUMNS
The width when standard output is not a terminal and \-\-width is not given (default: 80).
.TP
.BR VISUAL ", " EDITOR
The editor new opens a review in (default: vi).
"#;

const FILES: &str = r#".SH FILES
.TP
.I ~/.config/reviews/config.toml
The config file (or $XDG_CONFIG_HOME/reviews/config.toml, or $REVIEWS_CONFIG): the collections
read when neither \-\-dir nor REVIEWS_DIR names one, and defaults for the flags.
A flag beats the environment, which beats the file.
.B reviews config
prints every setting in effect and where it came from;
.B reviews config init
writes a commented one.
"#;

const EXIT_STATUS: &str = r#".SH EXIT STATUS
.TP
.B 0
Something was found, or everything asked was done.
.TP
.B 1
Nothing matched, or there is no such review.
.TP
.B 2
An error: bad usage, no collection, a file that could not be read (the rest are still printed), several reviews matching show's query; for check, any problem.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_page() {
        let program = Cli::command();
        let commands: Vec<&str> = program
            .get_subcommands()
            .map(|sub| sub.get_name())
            .filter(|&name| name != "help")
            .collect();
        assert_eq!(commands, COMMANDS);
    }

    #[test]
    fn roff_escapes_what_it_would_read_as_requests() {
        assert_eq!(escape(".hidden -x \\n"), "\\&.hidden \\-x \\en");
        assert_eq!(ascii("★ó"), b"\\[u2605]\\[u00F3]");
    }
}
