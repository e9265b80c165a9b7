//! What the outside world says: the environment variables `reviews` reads, and the terminal.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use crate::terminal::pager::Pager;

/// What the outside world says: the environment variables read, and the terminal.
#[derive(Debug, Clone, Default)]
pub(crate) struct Environment {
    /// The variables that matter, by name.
    pub(super) vars: HashMap<String, String>,
    pub(super) stdout_terminal: bool,
    /// The terminal's (columns, rows), when known.
    pub(super) terminal_size: Option<(usize, usize)>,
    /// The terminal is known to show OSC 8 hyperlinks (or `FORCE_HYPERLINK` says so).
    pub(super) hyperlinks: bool,
}

/// The environment variables `reviews` reads.
pub(super) const VARIABLES: [&str; 12] = [
    "REVIEWS_DIR",
    "REVIEWS_PAGER",
    "PAGER",
    "LESS",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLUMNS",
    "LINES",
    "VISUAL",
    "EDITOR",
];

impl Environment {
    /// Read this process's environment and terminal.
    pub(crate) fn from_process() -> Self {
        let vars = VARIABLES
            .iter()
            .filter_map(|name| Some((name.to_string(), std::env::var(name).ok()?)))
            .collect();
        let stdout_terminal = std::io::stdout().is_terminal();
        let stdout = std::io::stdout();
        let terminal_size = (stdout_terminal)
            .then(|| rustix::termios::tcgetwinsize(&stdout).ok())
            .flatten()
            .map(|size| (usize::from(size.ws_col), usize::from(size.ws_row)))
            // Some containers report the width and 0 rows (`stty cols 120`): the width still holds.
            .filter(|&(w, _)| w > 0);
        Environment {
            vars,
            stdout_terminal,
            terminal_size,
            hyperlinks: supports_hyperlinks::supports_hyperlinks(),
        }
    }

    /// A variable's value, when set and not empty.
    pub(super) fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// `$VISUAL`, else `$EDITOR`, else `vi`, split into words as a shell would.
pub(super) fn editor_command(env: &Environment) -> Option<Vec<String>> {
    let setting = env
        .var("VISUAL")
        .filter(|v| !v.trim().is_empty())
        .or_else(|| env.var("EDITOR").filter(|v| !v.trim().is_empty()))
        .unwrap_or("vi");
    shell_words::split(setting).ok().filter(|w| !w.is_empty())
}

/// `$REVIEWS_PAGER` (empty: no pager), else `$PAGER`, else `less -FRX`. As git does, `less`
/// gets `LESS=FRX` when `$LESS` is unset, so that styles show as styles.
pub(super) fn pager_command(env: &Environment) -> Option<Pager> {
    let mut pager = match env.vars.get("REVIEWS_PAGER") {
        Some(setting) => Pager::from_setting(setting),
        None => env
            .var("PAGER")
            .and_then(Pager::from_setting)
            .or_else(|| Pager::from_setting("less -FRX")),
    }?;
    if !env.vars.contains_key("LESS") {
        pager.env.push(("LESS".into(), "FRX".into()));
    }
    Some(pager)
}

/// The collection: `--dir`, else `$REVIEWS_DIR` (`variable`, when set and not empty), else
/// `./reviews`; and how it was chosen, for the error when it does not exist.
pub(super) fn choose_collection(
    given: Option<PathBuf>,
    variable: Option<&str>,
) -> (PathBuf, String) {
    match (given, variable) {
        (Some(dir), _) => {
            let origin = format!("{} (from --dir)", dir.display());
            (dir, origin)
        }
        (None, Some(dir)) => (PathBuf::from(dir), format!("{dir} (from $REVIEWS_DIR)")),
        (None, None) => (
            PathBuf::from("reviews"),
            "./reviews (the default; set --dir or $REVIEWS_DIR)".to_string(),
        ),
    }
}
