//! The config file: where it is, and what it says, typed. It is read once, before anything else,
//! and weighed with the flags and the environment in `resolve`: flag, then environment, then
//! this file, then the built-in default.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use super::environment::Environment;
use crate::diagnostics::position;

/// The largest config file read: a few dozen lines are usual.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// What the file says. Every key is optional; one it does not know is an error naming it and the
/// keys allowed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    /// `auto`, `always` or `never`, as `--color`.
    pub(super) color: Option<Spanned<String>>,
    /// Columns to fit output to, as `--width`.
    pub(super) width: Option<Spanned<u16>>,
    /// `written` or a number, as `--score-scale`.
    pub(super) score_scale: Option<Spanned<ScaleSetting>>,
    /// The collections read when neither `--dir` nor `$REVIEWS_DIR` names one, in order.
    #[serde(default)]
    pub(super) collections: IndexMap<String, Spanned<CollectionSettings>>,
    #[serde(default)]
    pub(super) list: ListSettings,
    #[serde(default)]
    pub(super) show: ShowSettings,
}

/// A scale as the file may write it: `10` or `"written"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum ScaleSetting {
    Number(i64),
    Word(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CollectionSettings {
    /// The folder: `~` is the home folder, and a relative path is from the config file's folder.
    pub(super) path: Spanned<String>,
    /// Only the files these globs match (relative to the folder), when given.
    #[serde(default)]
    pub(super) include: Vec<Spanned<String>>,
    /// Not the files these globs match.
    #[serde(default)]
    pub(super) exclude: Vec<Spanned<String>>,
    /// Tags added to every review of the collection.
    #[serde(default)]
    pub(super) tags: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ListSettings {
    pub(super) sort: Option<Spanned<String>>,
    pub(super) reverse: Option<Spanned<bool>>,
    pub(super) format: Option<Spanned<String>>,
    pub(super) columns: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ShowSettings {
    /// Columns to fit `show` to, before the global width.
    pub(super) width: Option<Spanned<u16>>,
    /// The pager command, or `false` for none (`true`: the default pager).
    pub(super) pager: Option<Spanned<PagerSetting>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(super) enum PagerSetting {
    Enabled(bool),
    Command(String),
}

/// The config file read: its path, its text (for the lines settings are on) and what it says.
#[derive(Debug, Default)]
pub(crate) struct SettingsFile {
    /// Where the file is, or would be: `None` when no folder for it is known (no `$HOME`).
    pub(super) path: Option<PathBuf>,
    /// The variable that named the path, if one did.
    pub(super) named_by: Option<&'static str>,
    /// The file was there.
    pub(super) found: bool,
    text: String,
    pub(super) settings: Settings,
}

impl SettingsFile {
    /// `$REVIEWS_CONFIG`, else `$XDG_CONFIG_HOME/reviews/config.toml`, else
    /// `~/.config/reviews/config.toml`, read; no file is no settings. A file that cannot be read
    /// or parsed is the message naming it, its line and column, and what was expected.
    pub(crate) fn load(env: &Environment) -> Result<SettingsFile, String> {
        let Some((path, named_by)) = config_path(env) else {
            return Ok(SettingsFile::default());
        };
        let text = match std::fs::File::open(&path) {
            Ok(file) => {
                let mut text = String::new();
                std::io::Read::read_to_string(
                    &mut std::io::Read::take(file, MAX_FILE_BYTES),
                    &mut text,
                )
                .map_err(|e| format!("{}: {e}", path.display()))?;
                text
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(SettingsFile {
                    path: Some(path),
                    named_by,
                    ..SettingsFile::default()
                });
            }
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let settings: Settings = toml::from_str(&text).map_err(|e| {
            let place = e.span().map_or(String::new(), |span| {
                let (line, column) = position(text.as_bytes(), span.start, 1);
                format!(":{line}:{column}")
            });
            format!("{}{place}: {}", path.display(), e.message().trim())
        })?;
        Ok(SettingsFile {
            path: Some(path),
            named_by,
            found: true,
            text,
            settings,
        })
    }

    /// Where a value is: `path:line`.
    pub(super) fn place<T>(&self, value: &Spanned<T>) -> String {
        let (path, line, _) = self.position(value);
        format!("{path}:{line}")
    }

    /// Where a value is, with its column, for an error: `path:line:column`.
    pub(super) fn place_exactly<T>(&self, value: &Spanned<T>) -> String {
        let (path, line, column) = self.position(value);
        format!("{path}:{line}:{column}")
    }

    /// The file's path, and the 1-based line and column (in characters) of `value`.
    fn position<T>(&self, value: &Spanned<T>) -> (std::path::Display<'_>, usize, usize) {
        let path = self.path.as_deref().unwrap_or(Path::new("config.toml"));
        let (line, column) = position(self.text.as_bytes(), value.span().start, 1);
        (path.display(), line, column)
    }

    /// A path as the file means it: `~/` from the home folder, relative from the file's folder.
    pub(super) fn folder(&self, written: &str, env: &Environment) -> PathBuf {
        if let Some(rest) = written.strip_prefix("~/").or(written.strip_prefix("~\\"))
            && let Some(home) = env.var("HOME")
        {
            return Path::new(home).join(rest);
        }
        if written == "~"
            && let Some(home) = env.var("HOME")
        {
            return PathBuf::from(home);
        }
        let written = Path::new(written);
        match self.path.as_deref().and_then(Path::parent) {
            Some(folder) if written.is_relative() => folder.join(written),
            _ => written.to_path_buf(),
        }
    }
}

/// The config file's path (whether or not it exists), and the variable that named it.
pub(super) fn config_path(env: &Environment) -> Option<(PathBuf, Option<&'static str>)> {
    if let Some(named) = env.var("REVIEWS_CONFIG") {
        return Some((PathBuf::from(named), Some("REVIEWS_CONFIG")));
    }
    let (folder, named_by) = match env.var("XDG_CONFIG_HOME") {
        Some(config) if Path::new(config).is_absolute() => {
            (PathBuf::from(config), Some("XDG_CONFIG_HOME"))
        }
        _ => (Path::new(env.var("HOME")?).join(".config"), None),
    };
    Some((folder.join("reviews").join("config.toml"), named_by))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, String> {
        toml::from_str(text).map_err(|e| e.message().to_string())
    }

    #[test]
    fn every_key_is_known_or_named() {
        let settings = parse(
            "color = \"never\"\n[collections.blog]\npath = \"~/blog\"\ntags = [\"blog\"]\n\
             [collections.films]\npath = \"films\"\n[list]\nsort = \"year\"\n[show]\npager = false\n",
        )
        .unwrap();
        let names: Vec<&str> = settings.collections.keys().map(String::as_str).collect();
        assert_eq!(names, ["blog", "films"], "in the file's order");
        assert!(matches!(
            settings.show.pager.map(Spanned::into_inner),
            Some(PagerSetting::Enabled(false))
        ));
        let unknown = parse("[list]\nsortt = \"year\"\n").unwrap_err();
        assert!(unknown.contains("unknown field `sortt`"), "{unknown}");
        assert!(
            unknown.contains("`sort`, `reverse`, `format`, `columns`"),
            "{unknown}"
        );
    }
}
