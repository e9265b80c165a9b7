//! Paging long output through `less` or the user's pager.

use std::io::{self, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

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

    /// Spawn the pager, reading from a pipe; `None` when it cannot start.
    fn spawn(&self) -> Option<(Child, ChildStdin)> {
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .env("LESSCHARSET", "utf-8")
            .stdin(Stdio::piped())
            .spawn()
            .ok()?;
        let stdin = child.stdin.take()?;
        Some((child, stdin))
    }
}

/// Output that goes straight to `out` when it fits on the screen, and through the pager as soon as
/// it is known not to: lines are held only until the screen is full, then streamed, so that a long
/// text is never held whole. When the pager cannot start, everything goes to `out`; when the reader
/// quits it, writes fail with `BrokenPipe`, which ends the run quietly.
pub(crate) struct Paged<'a> {
    out: &'a mut dyn Write,
    /// The pager and the screen's height, while output may still fit.
    pending: Option<(&'a Pager, usize)>,
    held: Vec<u8>,
    lines: usize,
    pager: Option<(Child, ChildStdin)>,
}

impl<'a> Paged<'a> {
    /// Page through `pager` what is longer than `height` lines; with no pager, write to `out`.
    pub(crate) fn new(
        out: &'a mut dyn Write,
        pager: Option<&'a Pager>,
        height: Option<usize>,
    ) -> Self {
        Paged {
            out,
            pending: pager.zip(height),
            held: Vec::new(),
            lines: 0,
            pager: None,
        }
    }

    /// Write what is held, close the pager's input and wait for the reader to quit it.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        if let Some((mut child, stdin)) = self.pager.take() {
            drop(stdin);
            child.wait()?;
            return Ok(());
        }
        self.out.write_all(&self.held)?;
        self.out.flush()
    }
}

impl Write for Paged<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some((_, stdin)) = &mut self.pager {
            return stdin.write(buf);
        }
        let Some((pager, height)) = self.pending else {
            return self.out.write(buf);
        };
        self.held.extend_from_slice(buf);
        self.lines += memchr::memchr_iter(b'\n', buf).count();
        if self.lines >= height {
            self.pending = None;
            let held = std::mem::take(&mut self.held);
            match pager.spawn() {
                Some((child, mut stdin)) => {
                    self.out.flush()?;
                    stdin.write_all(&held)?;
                    self.pager = Some((child, stdin));
                }
                None => self.out.write_all(&held)?,
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.pager {
            Some((_, stdin)) => stdin.flush(),
            None if self.pending.is_some() => Ok(()),
            None => self.out.flush(),
        }
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
        let mut paged = Paged::new(&mut out, Some(&pager), Some(2));
        paged.write_all(b"one\ntwo\nthree\n").unwrap();
        paged.finish().unwrap();
        assert_eq!(out, b"one\ntwo\nthree\n");
    }

    #[test]
    fn what_fits_on_the_screen_is_never_paged() {
        let mut out = Vec::new();
        let pager = Pager::from_setting("false").unwrap();
        let mut paged = Paged::new(&mut out, Some(&pager), Some(3));
        paged.write_all(b"one\ntwo\n").unwrap();
        paged.finish().unwrap();
        assert_eq!(out, b"one\ntwo\n");
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
