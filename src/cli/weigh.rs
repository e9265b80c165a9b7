//! Each setting weighed the one way, everywhere: the flag, then the environment, then the config
//! file, then the built-in default; with where the value came from, for `reviews config`.

use std::path::PathBuf;

use globset::{Glob, GlobSet, GlobSetBuilder};
use toml::Spanned;

use super::environment::{Environment, choose_collections};
use super::settings::SettingsFile;
use crate::collection::Choice;
use crate::config::{Collection, Setting};

/// Where a setting's value came from.
pub(super) enum Origin {
    Flag(&'static str),
    Variable(&'static str),
    File(String),
    Default,
}

impl Origin {
    fn describe(&self) -> String {
        match self {
            Origin::Flag(flag) => format!("the flag {flag}"),
            Origin::Variable(name) => format!("${name}"),
            Origin::File(place) => place.clone(),
            Origin::Default => "default".to_string(),
        }
    }
}

/// The settings in effect, as `reviews config` prints them.
#[derive(Default)]
pub(super) struct Weighed {
    pub(super) settings: Vec<Setting>,
}

impl Weighed {
    /// Note a setting's value and origin.
    pub(super) fn note(&mut self, name: &str, value: impl ToString, origin: Origin) {
        self.settings.push(Setting {
            name: name.to_string(),
            value: value.to_string(),
            origin: origin.describe(),
        });
    }

    /// The first of the flag, the file's value and the default, noted.
    pub(super) fn pick<T: Clone + ToString>(
        &mut self,
        name: &str,
        flag: Option<(T, &'static str)>,
        file: Option<(T, String)>,
        default: T,
    ) -> T {
        let (value, origin) = match (flag, file) {
            (Some((value, flag)), _) => (value, Origin::Flag(flag)),
            (None, Some((value, place))) => (value, Origin::File(place)),
            (None, None) => (default, Origin::Default),
        };
        self.note(name, value.clone(), origin);
        value
    }
}

/// A value of the file, parsed by `parse`; a value it refuses is the usage error naming the
/// file, line and column, the key, and what `parse` expected.
pub(super) fn from_file<T, V>(
    file: &SettingsFile,
    key: &str,
    value: Option<&Spanned<V>>,
    parse: impl Fn(&V) -> Result<T, String>,
) -> Result<Option<(T, String)>, String> {
    let Some(value) = value else {
        return Ok(None);
    };
    match parse(value.get_ref()) {
        Ok(parsed) => Ok(Some((parsed, file.place(value)))),
        Err(message) => Err(format!("{}: {key}: {message}", file.place_exactly(value))),
    }
}

/// Note the config file: its path, and whether it is there.
pub(super) fn config_file(file: &SettingsFile, env: &Environment, weighed: &mut Weighed) {
    let origin = if env.var("REVIEWS_CONFIG").is_some() {
        Origin::Variable("REVIEWS_CONFIG")
    } else if env
        .var("XDG_CONFIG_HOME")
        .is_some_and(|folder| std::path::Path::new(folder).is_absolute())
    {
        Origin::Variable("XDG_CONFIG_HOME")
    } else {
        Origin::Default
    };
    let shown = match (&file.path, file.found) {
        (Some(path), true) => path.display().to_string(),
        (Some(path), false) => format!("{} (not there)", path.display()),
        (None, _) => "none (no $HOME)".to_string(),
    };
    weighed.note("config_file", shown, origin);
}

/// The collections: every `--dir`, else `$REVIEWS_DIR`, else the config file's, else
/// `./reviews`; each noted.
pub(super) fn collections(
    dirs: Vec<PathBuf>,
    env: &Environment,
    file: &SettingsFile,
    weighed: &mut Weighed,
) -> Result<Vec<Collection>, String> {
    let configured = &file.settings.collections;
    let collections =
        if dirs.is_empty() && env.var("REVIEWS_DIR").is_none() && !configured.is_empty() {
            let mut collections = Vec::new();
            for (name, settings) in configured {
                let written = settings.get_ref();
                let path = file.folder(written.path.get_ref(), env);
                let place = file.place(settings);
                collections.push(Collection {
                    name: name.clone(),
                    origin: format!("{} (collection \"{name}\" of {place})", path.display()),
                    path,
                    choice: Choice {
                        include: globs(file, &written.include)?,
                        exclude: globs(file, &written.exclude)?,
                    },
                    tags: written.tags.clone(),
                });
                weighed.note(
                    &format!("collections.{name}"),
                    collections
                        .last()
                        .map_or(String::new(), |c| c.path.display().to_string()),
                    Origin::File(place),
                );
            }
            return Ok(collections);
        } else {
            let origin = if !dirs.is_empty() {
                Origin::Flag("--dir")
            } else if env.var("REVIEWS_DIR").is_some() {
                Origin::Variable("REVIEWS_DIR")
            } else {
                Origin::Default
            };
            let collections = choose_collections(dirs, env.var("REVIEWS_DIR"));
            for collection in &collections {
                let origin = match &origin {
                    Origin::Flag(flag) => Origin::Flag(flag),
                    Origin::Variable(name) => Origin::Variable(name),
                    _ => Origin::Default,
                };
                weighed.note(
                    &format!("collections.{}", collection.name),
                    collection.path.display(),
                    origin,
                );
            }
            collections
        };
    Ok(collections)
}

/// The globs of `include` or `exclude`, as one set; `None` for none. A glob that cannot be read
/// is the error naming its place.
fn globs(file: &SettingsFile, written: &[Spanned<String>]) -> Result<Option<GlobSet>, String> {
    if written.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for glob in written {
        let parsed = Glob::new(glob.get_ref()).map_err(|e| {
            format!(
                "{}: expected a glob such as \"drafts/**\": {e}",
                file.place_exactly(glob)
            )
        })?;
        set.add(parsed);
    }
    set.build()
        .map(Some)
        .map_err(|e| format!("{}: {e}", file.place_exactly(&written[0])))
}
