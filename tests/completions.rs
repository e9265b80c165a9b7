//! Shell completion: the scripts, and the completer they call back, run as the shells run it.

mod common;

use common::{binary, fixture, reviews, stdout_of};

/// The candidates the completer gives `shell` for the words of a command line (the last one is
/// the word being completed).
fn candidates(shell: &str, words: &[&str]) -> String {
    let mut cmd = reviews();
    cmd.env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words);
    stdout_of(cmd)
}

#[test]
fn every_shell_gets_a_script_that_calls_reviews_back() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(reviews().args(["completions", shell]));
        assert!(script.contains("reviews"), "{shell}: {script}");
        assert!(script.contains("COMPLETE"), "{shell}: {script}");
    }
}

#[test]
fn show_completes_slugs_with_their_titles_and_titles() {
    let fish = candidates("fish", &["reviews", "show", "ru"]);
    assert!(
        fish.contains("rust-and-bone\tRust and Bone (2012)\n"),
        "{fish}"
    );
    assert!(fish.lines().any(|line| line == "Rust and Bone"), "{fish}");
    assert!(!fish.contains("a-prophet"), "{fish}");
    let dir = fixture("shapes");
    let dir = dir.to_str().unwrap();
    let fish = candidates("fish", &["reviews", "--dir", dir, "show", ""]);
    assert!(fish.contains("seed-style\tSeed Style (2012)"), "{fish}");
    assert!(!fish.contains("rust-and-bone"), "{fish}");
}

#[test]
fn people_filters_complete_names_from_the_collection_not_files() {
    let fish = candidates("fish", &["reviews", "list", "--director", "aud"]);
    assert_eq!(fish, "Jacques Audiard\n");
    let fish = candidates("fish", &["reviews", "search", "x", "--cast", "coti"]);
    assert_eq!(fish, "Marion Cotillard\n");
    let zsh = candidates("zsh", &["reviews", "stats", "--writer", "bideg"]);
    assert_eq!(zsh, "Thomas Bidegain");
}

#[test]
fn options_are_completed_and_nothing_hidden_is() {
    let fish = candidates("fish", &["reviews", "list", "--"]);
    for option in [
        "--director\t",
        "--columns\t",
        "--format\t",
        "--dir\t",
        "--width\t",
    ] {
        assert!(fish.contains(option), "{option} in {fish}");
    }
    assert!(!fish.contains("--sort-memory"), "{fish}");
    let commands = candidates("fish", &["reviews", ""]);
    for command in ["list", "show", "search", "stats", "man", "completions"] {
        assert!(commands.contains(&format!("{command}\t")), "{command}");
    }
}

#[test]
fn bash_completes_a_name_with_spaces_as_one_word() {
    let script = stdout_of(reviews().args(["completions", "bash"]));
    let folder = binary().parent().unwrap();
    let path = format!("{}:{}", folder.display(), std::env::var("PATH").unwrap());
    let test = format!(
        "{script}\nCOMP_WORDS=(reviews list --director aud); COMP_CWORD=3; COMP_TYPE=9\n\
         _clap_complete_reviews reviews aud reviews\nprintf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let mut bash = std::process::Command::new("bash");
    bash.args(["--norc", "-c", &test])
        .env("PATH", path)
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    let output = bash.output().unwrap();
    let replies = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        replies,
        "'Jacques Audiard'\n",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // As bash reads the line back, it is one word.
    let words = shell_words::split(replies.trim()).unwrap();
    assert_eq!(words, ["Jacques Audiard"]);
}
