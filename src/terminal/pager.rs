//! Paging long output through `less` or the user's pager.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// A pager to start: the program, its arguments, and variables to set for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pager {
    pub(crate) program: String,
    pub(crate) args: Vec<String>,
    pub(crate) env: Vec<(String, String)>,
}

impl Pager {
    /// A pager setting such as `less -FRX` or `sed 's/^/> /'`, split into words as a shell
    /// splits them (quotes and backslashes understood). `None` for an empty setting, or one
    /// no shell could split (an unclosed quote).
    pub(crate) fn from_setting(setting: &str) -> Option<Pager> {
        let mut words = shell_words::split(setting).ok()?.into_iter();
        Some(Pager {
            program: words.next()?,
            args: words.collect(),
            env: Vec::new(),
        })
    }

    /// Send `text` through the pager. When it cannot start, write to `out` instead; when the
    /// reader quits early, stop quietly.
    pub(crate) fn page(&self, text: &[u8], out: &mut dyn Write) -> io::Result<()> {
        let child = Command::new(&self.program)
            .args(&self.args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(setting: &str) -> Option<Vec<String>> {
        Pager::from_setting(setting).map(|p| [vec![p.program], p.args].concat())
    }

    #[test]
    fn a_pager_that_cannot_start_falls_back_to_printing() {
        let mut out = Vec::new();
        let pager = Pager::from_setting("/nonexistent/pager").unwrap();
        pager.page(b"text", &mut out).unwrap();
        assert_eq!(out, b"text");
    }

    #[test]
    fn settings_split_as_a_shell_splits_them() {
        assert_eq!(words("less -FRX").unwrap(), ["less", "-FRX"]);
        assert_eq!(words("sed 's/^/> /'").unwrap(), ["sed", "s/^/> /"]);
        assert_eq!(words(r#"my\ pager "-x y""#).unwrap(), ["my pager", "-x y"]);
        assert_eq!(words("  "), None);
        assert_eq!(words("sed 's/unclosed"), None);
    }
}
