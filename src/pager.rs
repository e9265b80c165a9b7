//! Paging long output through `less` or the user's pager.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Send `text` through `pager` (a program and its arguments). When the pager cannot start,
/// write to `out` instead; when the reader quits early, stop quietly.
pub fn page(text: &[u8], pager: &[String], out: &mut dyn Write) -> io::Result<()> {
    let Some((program, args)) = pager.split_first() else {
        return out.write_all(text);
    };
    let child = Command::new(program)
        .args(args)
        .env("LESSCHARSET", "utf-8")
        .stdin(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return out.write_all(text);
    };
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    child.wait()?;
    Ok(())
}

/// Split a pager setting such as `less -FRX` into a program and its arguments.
pub fn parse_command(setting: &str) -> Option<Vec<String>> {
    let words: Vec<String> = setting.split_whitespace().map(str::to_string).collect();
    (!words.is_empty()).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pager_that_cannot_start_falls_back_to_printing() {
        let mut out = Vec::new();
        page(b"text", &["/nonexistent/pager".into()], &mut out).unwrap();
        assert_eq!(out, b"text");
    }

    #[test]
    fn pager_settings_split_on_spaces() {
        assert_eq!(
            parse_command("less -FRX"),
            Some(vec!["less".into(), "-FRX".into()])
        );
        assert_eq!(parse_command("  "), None);
    }
}
