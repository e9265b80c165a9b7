//! The examples in the README and in `docs/` are what the binary prints: every
//! ```` ```console ```` block is run, command by command, in bash from the repository's root (so
//! `reviews` is the bundled collection), and its output compared with the block.
//!
//! A block's fence says how it runs, and the sentence before it must say the same to the reader:
//! `console terminal=N` runs on an N-column pseudo-terminal (colour and the pager off), and
//! `console width=N` in a pipe with `COLUMNS=N`. A last output line `...` stands for the rest of
//! the output; nowhere else may lines be left out.

mod common;

use std::process::Command;

use common::binary;

/// One example: the command after `$ `, what it prints, and how it is run.
struct Example {
    file: String,
    line: usize,
    command: String,
    expected: Vec<String>,
    terminal: bool,
    width: u16,
}

fn examples(file: &str, readme: &str) -> Vec<Example> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut examples = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(info) = lines[i].strip_prefix("```console") else {
            i += 1;
            continue;
        };
        let fence = i + 1;
        let setting = |key: &str| {
            info.split_whitespace()
                .find_map(|word| word.strip_prefix(key)?.parse::<u16>().ok())
        };
        let (terminal, width) = match (setting("terminal="), setting("width=")) {
            (Some(width), None) => (true, width),
            (None, Some(width)) => (false, width),
            _ => panic!("{file}:{fence}: say `console terminal=N` or `console width=N`"),
        };
        // The reader is told the width too, in the paragraph before the block.
        let before = lines[..i]
            .iter()
            .rev()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            before.contains(&format!("{width} columns"))
                || before.contains(&format!("{width}-column")),
            "{file}:{fence}: the paragraph before the example does not say \"{width} columns\": {before}"
        );
        i += 1;
        while i < lines.len() && !lines[i].starts_with("```") {
            let command = lines[i]
                .strip_prefix("$ ")
                .unwrap_or_else(|| panic!("{file}:{}: expected `$ command`", i + 1));
            let line = i + 1;
            i += 1;
            let mut expected = Vec::new();
            while i < lines.len() && !lines[i].starts_with("```") && !lines[i].starts_with("$ ") {
                expected.push(lines[i].to_string());
                i += 1;
            }
            // A blank line between two commands separates them; it is not output.
            if i < lines.len()
                && lines[i].starts_with("$ ")
                && expected.last().is_some_and(|l| l.is_empty())
            {
                expected.pop();
            }
            examples.push(Example {
                file: file.to_string(),
                line,
                command: command.to_string(),
                expected,
                terminal,
                width,
            });
        }
        i += 1;
    }
    examples
}

/// What the example prints, stdout and stderr as a terminal shows them.
fn run(example: &Example) -> String {
    let folder = binary().parent().unwrap();
    let path = format!("{}:/usr/bin:/bin", folder.display());
    let mut cmd = if example.terminal {
        let inner = format!("stty cols {} rows 200; {}", example.width, example.command);
        let mut cmd = Command::new("script");
        cmd.args(["-qec", &inner, "/dev/null"]);
        cmd
    } else {
        let mut cmd = Command::new("bash");
        cmd.args(["-c", &format!("{{ {}\n}} 2>&1", example.command)]);
        cmd
    };
    cmd.env_clear()
        .env("PATH", path)
        .env("HOME", std::env::temp_dir())
        // Never a config file of the machine's: the examples read the bundled collection.
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("reviews-examples-no-config"),
        )
        .env("NO_COLOR", "1")
        .env("REVIEWS_PAGER", "")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null());
    if example.terminal {
        cmd.env("TERM", "xterm-256color");
    } else {
        cmd.env("COLUMNS", example.width.to_string());
    }
    let output = cmd.output().expect("bash and script (util-linux) run");
    String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n")
}

/// The README and every page of `docs/`, by their paths from the repository's root.
fn pages() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut names = vec!["README.md".to_string()];
    let mut docs: Vec<String> = std::fs::read_dir(format!("{root}/docs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    docs.sort();
    names.extend(docs);
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(format!("{root}/{name}")).unwrap();
            (name, text)
        })
        .collect()
}

#[test]
fn every_example_in_the_readme_and_the_docs_is_what_the_binary_prints() {
    let examples: Vec<Example> = pages()
        .iter()
        .flat_map(|(name, text)| examples(name, text))
        .collect();
    let in_docs = examples
        .iter()
        .filter(|e| e.file.starts_with("docs/"))
        .count();
    assert!(in_docs >= 10, "only {in_docs} examples in docs/");
    assert!(
        examples.iter().any(|e| e.file == "README.md"),
        "no example in the README"
    );
    let mut wrong = Vec::new();
    for example in &examples {
        let printed = run(example);
        let printed: Vec<&str> = printed.lines().collect();
        let expected = &example.expected;
        let matches = match expected.last().map(String::as_str) {
            Some("...") => {
                let shown = &expected[..expected.len() - 1];
                printed.len() > shown.len() && printed[..shown.len()] == shown[..]
            }
            _ => printed == expected[..],
        };
        if !matches {
            wrong.push(format!(
                "{}:{}: $ {}\n--- the page shows\n{}\n--- the binary prints\n{}",
                example.file,
                example.line,
                example.command,
                expected.join("\n"),
                printed.join("\n")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// A page that links to another page or a heading that is not there sends its reader nowhere.
#[test]
fn every_link_between_the_pages_arrives() {
    let pages = pages();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut broken = Vec::new();
    for (name, text) in &pages {
        let folder = std::path::Path::new(name).parent().unwrap();
        // Code spans show link syntax; they link nowhere.
        let prose: String = text
            .lines()
            .flat_map(|line| line.split('`').step_by(2).chain(["\n"]))
            .collect();
        for target in prose
            .split("](")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
        {
            if target.starts_with("http") || target.contains(' ') {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            let file = if file.is_empty() {
                name.clone()
            } else {
                folder.join(file).to_string_lossy().into_owned()
            };
            let Ok(page) = std::fs::read_to_string(format!("{root}/{file}")) else {
                broken.push(format!("{name}: {target}: no such file"));
                continue;
            };
            if !anchor.is_empty() && !headings(&page).iter().any(|h| h == anchor) {
                broken.push(format!("{name}: {target}: no such heading"));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// The anchors GitHub makes of a page's headings: lower case, spaces as `-`, punctuation gone.
fn headings(page: &str) -> Vec<String> {
    page.lines()
        .filter(|line| line.starts_with('#'))
        .map(|line| {
            line.trim_start_matches('#')
                .trim()
                .to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_readme_names_no_path_outside_the_repository() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        !readme.contains("../shared"),
        "README.md sends users to ../shared"
    );
    // The front door: the manual and the references live in docs/.
    let lines = readme.lines().count();
    assert!(lines <= 250, "README.md has {lines} lines; at most 250");
}
