//! What the outside world says: the environment variables `reviews` reads, and the terminal.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::weigh::{Origin, Weighed};
use crate::config::Collection;
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
pub(super) const VARIABLES: [&str; 15] = [
    "REVIEWS_DIR",
    "REVIEWS_CONFIG",
    "XDG_CONFIG_HOME",
    "HOME",
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

/// The pager when nothing names one.
pub(super) const DEFAULT_PAGER: &str = "less -FRX";

/// `$REVIEWS_PAGER` (empty: no pager), else `$PAGER`, else the config file's `[show] pager`
/// (`false`: none), else `less -FRX`. As git does, `less` gets `LESS=FRX` when `$LESS` is unset,
/// so that styles show as styles.
pub(super) fn pager_command(
    env: &Environment,
    file: Option<(Option<Pager>, String)>,
    weighed: &mut Weighed,
) -> Option<Pager> {
    let (pager, origin) = match (env.vars.get("REVIEWS_PAGER"), env.var("PAGER"), file) {
        (Some(setting), _, _) => (
            Pager::from_setting(setting),
            Origin::Variable("REVIEWS_PAGER"),
        ),
        (None, Some(setting), _) => (Pager::from_setting(setting), Origin::Variable("PAGER")),
        (None, None, Some((pager, place))) => (pager, Origin::File(place)),
        (None, None, None) => (Pager::from_setting(DEFAULT_PAGER), Origin::Default),
    };
    let shown = pager.as_ref().map_or("none".to_string(), |p| {
        shell_words::join(std::iter::once(&p.program).chain(&p.args))
    });
    weighed.note("show.pager", shown, origin);
    let mut pager = pager?;
    if !env.vars.contains_key("LESS") {
        pager.env.push(("LESS".into(), "FRX".into()));
    }
    Some(pager)
}

/// The collections: each `--dir`, else each path of `$REVIEWS_DIR` (`variable`, separated by `:`
/// as `PATH` is), else `./reviews`; each named by its folder, and with how it was chosen, for
/// the error when it does not exist.
pub(super) fn choose_collections(given: Vec<PathBuf>, variable: Option<&str>) -> Vec<Collection> {
    let chosen: Vec<(PathBuf, String)> = if !given.is_empty() {
        given
            .into_iter()
            .map(|dir| {
                let origin = format!("{} (from --dir)", dir.display());
                (dir, origin)
            })
            .collect()
    } else if let Some(value) = variable {
        std::env::split_paths(value)
            .filter(|dir| !dir.as_os_str().is_empty())
            .map(|dir| {
                let origin = format!("{} (from $REVIEWS_DIR)", dir.display());
                (dir, origin)
            })
            .collect()
    } else {
        Vec::new()
    };
    if chosen.is_empty() {
        return vec![Collection::named("reviews")];
    }
    let mut collections: Vec<Collection> = Vec::with_capacity(chosen.len());
    for (path, origin) in chosen {
        let own = folder_name(&path);
        // Two folders of one name (`a/reviews`, `b/reviews`): the later is `reviews-2`.
        let mut name = own.clone();
        let mut n = 1;
        while collections.iter().any(|c| c.name == name) {
            n += 1;
            name = format!("{own}-{n}");
        }
        collections.push(Collection::at(path, name, origin));
    }
    collections
}

/// A folder's own name: its last component, or for `.` and `..` the name of the folder meant.
fn folder_name(path: &Path) -> String {
    let named = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    named(path)
        .or_else(|| std::fs::canonicalize(path).ok().as_deref().and_then(named))
        .unwrap_or_else(|| path.display().to_string())
}
