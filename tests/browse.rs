//! `reviews browse` as a person uses it: the real binary on a real terminal, through tmux
//! (`send-keys`, `capture-pane`). Without tmux these tests say so and pass, unless
//! `REVIEWS_REQUIRE_TMUX` is set, as `.ci/run` sets it after installing tmux.

mod common;
use common::{binary, reviews, write_review};

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own, with one window running a shell command.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// `script` run by sh in a `width`×`height` window; `None` when tmux is missing.
    fn start(name: &str, width: u16, height: u16, script: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("REVIEWS_REQUIRE_TMUX").is_none(),
                "tmux is required and missing"
            );
            eprintln!("tmux is not installed: the browser's terminal test {name} is skipped");
            return None;
        }
        let tmux = Tmux {
            socket: format!("reviews-test-{}-{name}", std::process::id()),
        };
        let status = tmux
            .command()
            .args([
                "new-session",
                "-d",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .args(["sh", "-c", script])
            .env("TERM", "xterm-256color")
            .status()
            .unwrap();
        assert!(status.success());
        Some(tmux)
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket, "-f", "/dev/null"]);
        cmd
    }

    fn keys(&self, keys: &[&str]) {
        let status = self.command().arg("send-keys").args(keys).status().unwrap();
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let out = self
            .command()
            .args(["capture-pane", "-p"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen once it shows `text` (ten seconds at most: far more than it should take).
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |screen| screen.contains(text))
    }

    /// The screen once `done` holds of it: a frame may be caught half drawn.
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never showed {what}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn resize(&self, width: u16, height: u16) {
        let status = self
            .command()
            .args([
                "resize-window",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").status();
    }
}

fn collection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let films = [
        ("heat", "Heat", "1995", "Michael Mann"),
        ("thief", "Thief", "1981", "Michael Mann"),
        ("rust-and-bone", "Rust and Bone", "2012", "Jacques Audiard"),
    ];
    for (slug, title, year, director) in films {
        write_review(
            dir.path(),
            slug,
            &[
                &format!("title: {title}"),
                &format!("year: {year}"),
                &format!("director: {director}"),
            ],
            format!("\nThe review of {title}.\n").as_bytes(),
        );
    }
    dir
}

/// `reviews --dir DIR ARGS` as a shell word list, with no config file.
fn browse(dir: &Path, args: &str) -> String {
    format!(
        "XDG_CONFIG_HOME=/nonexistent '{}' --dir '{}' browse {args}",
        binary().display(),
        dir.display()
    )
}

/// What the shell tells of its terminal after the browser: cooked mode and echo back on.
const AFTER: &str = "echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo; sleep 60";

#[test]
fn type_read_and_quit_and_the_screen_is_given_back() {
    let dir = collection();
    let script = format!("echo BEFORE; {}; {AFTER}", browse(dir.path(), ""));
    let Some(tmux) = Tmux::start("read", 90, 20, &script) else {
        return;
    };
    tmux.wait_for("3/3");
    tmux.keys(&["r", "s", "t", "b", "n"]);
    tmux.wait_until("Rust and Bone alone", |screen| {
        screen.contains("1/3") && screen.contains("Rust and Bone") && !screen.contains("Thief")
    });
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("The review of Rust and Bone.");
    assert!(
        screen.contains("rust-and-bone  1-"),
        "the reading view's line:\n{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("> rstbn");
    tmux.keys(&["Escape"]);
    tmux.wait_for("3/3");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("EXIT=0");
    assert!(
        screen.contains("BEFORE"),
        "the shell's screen is back:\n{screen}"
    );
    assert!(
        !screen.contains("Michael Mann"),
        "the browser is gone:\n{screen}"
    );
    tmux.wait_for("icanon echo");
}

/// What `x=$(reviews browse ARGS)` leaves in `x`, and its exit status, once `keys` are typed.
fn chosen(name: &str, dir: &Path, args: &str, keys: &[&str]) -> Option<String> {
    let script = format!(
        "x=$({}); echo \"CHOSEN=$x rc=$?\"; {AFTER}",
        browse(dir, args)
    );
    let tmux = Tmux::start(name, 90, 20, &script)?;
    tmux.wait_for("3/3");
    tmux.keys(keys);
    let screen = tmux.wait_for("CHOSEN=");
    tmux.wait_for("icanon echo");
    let line = screen.lines().find(|l| l.starts_with("CHOSEN=")).unwrap();
    Some(line.to_string())
}

#[test]
fn print_inside_command_substitution_prints_the_choice() {
    let dir = collection();
    let keys = ["t", "h", "i", "e", "f", "Enter"];
    let Some(slug) = chosen("slug", dir.path(), "--print", &keys) else {
        return;
    };
    assert_eq!(slug, "CHOSEN=thief rc=0");
    let path = chosen("path", dir.path(), "--print --format '{path}'", &keys).unwrap();
    let expected = format!("CHOSEN={} rc=0", dir.path().join("thief.md").display());
    assert_eq!(path, expected);
    let none = chosen("none", dir.path(), "--print", &["h", "e", "C-u", "Escape"]).unwrap();
    assert_eq!(none, "CHOSEN= rc=1", "quitting chooses nothing");
}

#[test]
fn resizing_down_to_10x3_and_back_redraws() {
    let dir = collection();
    let script = format!("{}; {AFTER}", browse(dir.path(), ""));
    let Some(tmux) = Tmux::start("resize", 100, 30, &script) else {
        return;
    };
    tmux.wait_for("3/3");
    tmux.resize(10, 3);
    tmux.wait_for(">");
    tmux.resize(200, 50);
    tmux.wait_for("Michael Mann");
    tmux.keys(&["C-c"]);
    tmux.wait_for("EXIT=0");
    tmux.wait_for("icanon echo");
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let dir = collection();
    let script = format!("{}; {AFTER}", browse(dir.path(), ""));
    let Some(tmux) = Tmux::start("term", 90, 20, &script) else {
        return;
    };
    tmux.wait_for("3/3");
    let status = Command::new("pkill")
        .args([
            "-TERM",
            "-f",
            "--",
            &format!("--dir {} browse", dir.path().display()),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let screen = tmux.wait_for("icanon echo");
    assert!(!screen.contains("Michael Mann"), "{screen}");
}

#[test]
fn e_opens_the_editor_and_the_file_is_read_again() {
    let dir = collection();
    let script = format!(
        "VISUAL='sed -i s/Heat/Heated/' {}; {AFTER}",
        browse(dir.path(), "")
    );
    let Some(tmux) = Tmux::start("edit", 90, 20, &script) else {
        return;
    };
    tmux.wait_for("3/3");
    tmux.keys(&["h", "e", "a", "t"]);
    tmux.wait_for("1/3");
    tmux.keys(&["C-e"]);
    tmux.wait_for("Heated (1995)");
    tmux.keys(&["C-c"]);
    tmux.wait_for("EXIT=0");
}

#[test]
fn without_a_terminal_it_says_what_to_use_instead() {
    let dir = collection();
    reviews()
        .arg("--dir")
        .arg(dir.path())
        .arg("browse")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("browse needs a terminal"))
        .stderr(predicates::str::contains("reviews list"));
    // No controlling terminal at all: `--print` cannot open /dev/tty.
    if Command::new("setsid").arg("--version").output().is_ok() {
        let out = Command::new("setsid")
            .arg(binary())
            .arg("--dir")
            .arg(dir.path())
            .args(["browse", "--print"])
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("/dev/tty"), "{stderr}");
    }
}
