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
#[derive(Clone)]
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
}

/// The flag's value, else the file's, with where it came from; `None` from the default when
/// neither gives one.
pub(super) fn first<T>(
    flag: Option<T>,
    flag_name: &'static str,
    file: Option<(T, String)>,
) -> (Option<T>, Origin) {
    match (flag, file) {
        (Some(value), _) => (Some(value), Origin::Flag(flag_name)),
        (None, Some((value, place))) => (Some(value), Origin::File(place)),
        (None, None) => (None, Origin::Default),
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
pub(super) fn config_file(file: &SettingsFile, weighed: &mut Weighed) {
    let origin = file.named_by.map_or(Origin::Default, Origin::Variable);
    let shown = match (&file.path, file.found) {
        (Some(path), true) => path.display().to_string(),
        (Some(path), false) => format!("{} (not there)", path.display()),
        (None, _) => "none (no $HOME)".to_string(),
    };
    weighed.note("config_file", shown, origin);
}

/// Whether `--dir` or `$REVIEWS_DIR` names the collections (the config file's are then not read).
pub(super) fn folders_named(dirs: &[PathBuf], env: &Environment) -> bool {
    !dirs.is_empty() || env.var("REVIEWS_DIR").is_some()
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
    if folders_named(&dirs, env) || configured.is_empty() {
        let origin = if !dirs.is_empty() {
            Origin::Flag("--dir")
        } else if env.var("REVIEWS_DIR").is_some() {
            Origin::Variable("REVIEWS_DIR")
        } else {
            Origin::Default
        };
        let collections = choose_collections(dirs, env.var("REVIEWS_DIR"));
        for collection in &collections {
            let name = format!("collections.{}", collection.name);
            weighed.note(&name, collection.path.display(), origin.clone());
        }
        return Ok(collections);
    }
    let mut collections = Vec::with_capacity(configured.len());
    for (name, settings) in configured {
        let written = settings.get_ref();
        let path = file.folder(written.path.get_ref(), env);
        let place = file.place(settings);
        weighed.note(
            &format!("collections.{name}"),
            path.display(),
            Origin::File(place.clone()),
        );
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
    }
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
