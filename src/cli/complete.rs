//! Shell completion: the shell's script calls `reviews` back (`COMPLETE=bash reviews -- WORDS`),
//! so that options come from clap's definitions and slugs, titles and names from the collection.

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};
use clap_complete::{ArgValueCompleter, CompletionCandidate, Shell};

use super::Cli;
use crate::collection::{EVERY_HEADER, Folder, Listing, map_headers};
use crate::config::Collection;
use crate::query::{Filter, Matcher, fold};
use crate::record::Review;
use crate::terminal::clean;

/// The variable the shell's script sets when it asks for candidates.
const VARIABLE: &str = "COMPLETE";

/// Candidates offered at most: a shell lists them all, and a huge collection would bury it.
const MAX_CANDIDATES: usize = 1000;

/// Bash puts a candidate into the line as it is: one with a space would become two words, so
/// it gets a shell's quoting here (zsh and fish quote for themselves).
struct QuotingBash;

impl EnvCompleter for QuotingBash {
    fn name(&self) -> &'static str {
        Bash.name()
    }
    fn is(&self, name: &str) -> bool {
        Bash.is(name)
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        Bash.write_registration(var, name, bin, completer, buf)
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let index = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse().ok())
            .unwrap_or_default();
        let separator = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".to_string());
        let candidates = clap_complete::engine::complete(cmd, args, index, current_dir)?;
        for (i, candidate) in candidates.iter().enumerate() {
            if i != 0 {
                buf.write_all(separator.as_bytes())?;
            }
            let value = candidate.get_value().to_string_lossy();
            buf.write_all(shell_words::quote(&value).as_bytes())?;
        }
        Ok(())
    }
}

const SHELLS: Shells<'static> = Shells(&[&QuotingBash, &Elvish, &Fish, &Powershell, &Zsh]);

/// Answer the shell and exit, when it is the shell asking (`COMPLETE` is set); else return.
pub(crate) fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(VARIABLE)
        .shells(SHELLS)
        .complete();
}

/// The script `reviews completions SHELL` prints: it calls `reviews` on the `PATH` back.
pub(super) fn registration(shell: Shell) -> Vec<u8> {
    let name = match shell {
        Shell::Bash => "bash",
        Shell::Elvish => "elvish",
        Shell::Fish => "fish",
        Shell::PowerShell => "powershell",
        _ => "zsh",
    };
    let mut script = Vec::new();
    if let Some(completer) = SHELLS.completer(name) {
        // Writing into a Vec cannot fail.
        let _ =
            completer.write_registration(VARIABLE, "reviews", "reviews", "reviews", &mut script);
    }
    script
}

/// The fields whose values the filters complete.
#[derive(Debug, Clone, Copy)]
pub(super) enum Field {
    Directors,
    Writers,
    Cast,
    Tags,
    Genres,
}

impl Field {
    /// The field's values in a review (tags and genres both, as `--tag` reads them).
    fn values(self, review: &Review) -> impl Iterator<Item = &String> {
        let (values, more): (&[String], &[String]) = match self {
            Field::Directors => (&review.directed_by, &[]),
            Field::Writers => (&review.written_by, &[]),
            Field::Cast => (&review.starring, &[]),
            Field::Tags => (&review.tags, &review.genres),
            Field::Genres => (&review.genres, &[]),
        };
        values.iter().chain(more)
    }

    /// The filter that keeps the reviews with a value containing `typed`, as `list` would.
    fn filter(self, typed: &str) -> Filter {
        let mut filter = Filter::default();
        let values = match self {
            Field::Directors => &mut filter.directors,
            Field::Writers => &mut filter.writers,
            Field::Cast => &mut filter.cast,
            // Tags match whole: what is typed may be any part of one.
            Field::Tags => {
                filter.tags.push(format!("*{typed}*"));
                return filter;
            }
            Field::Genres => {
                filter.genres.push(format!("*{typed}*"));
                return filter;
            }
        };
        values.push(typed.to_string());
        filter
    }
}

/// A filter's completion: the names in the field, across the collection, that contain what is
/// typed (as the filter matches: ignoring case and accents).
pub(super) fn people(field: Field) -> ArgValueCompleter {
    ArgValueCompleter::new(move |current: &OsStr| {
        let typed = fold(&current.to_string_lossy());
        // Headers that cannot hold the name are not parsed, as `list --director` skips them.
        let matcher = Matcher::new(&field.filter(&typed));
        let found = read_collection(matcher.header_look(), |review| {
            let names = field.values(&review);
            names
                .filter(|name| fold(name).contains(&typed))
                .map(|name| clean(name, false).into_owned())
                .collect::<Vec<String>>()
        });
        let names: BTreeSet<String> = found.into_iter().flatten().collect();
        names
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(CompletionCandidate::new)
            .collect()
    })
}

/// `show`'s completion: the slugs that start with what is typed, each with its title as help,
/// and the titles that do (ignoring case and accents).
pub(super) fn reviews() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let current = current.to_string_lossy();
        let typed = fold(&current);
        let found = read_collection(EVERY_HEADER, |review| {
            let title = clean(&review.title, false).into_owned();
            let slug = review.slug.starts_with(current.as_ref()).then(|| {
                let help = match review.year {
                    Some(year) => format!("{title} ({year})"),
                    None => title.clone(),
                };
                (clean(&review.slug, false).into_owned(), help)
            });
            (slug, fold(&title).starts_with(&typed).then_some(title))
        });
        let mut slugs = Vec::new();
        let mut titles = BTreeSet::new();
        for (slug, title) in found {
            slugs.extend(slug);
            titles.extend(title);
        }
        slugs.sort();
        let slugs = (slugs.into_iter())
            .map(|(slug, help)| CompletionCandidate::new(slug).help(Some(help.into())));
        slugs
            .chain(titles.into_iter().map(CompletionCandidate::new))
            .take(MAX_CANDIDATES)
            .collect()
    })
}

/// What `keep` takes from each readable review of the collection the line being completed names
/// (its `--dir`, else `$REVIEWS_DIR`, else `./reviews`, as a run would choose), on the reading
/// cores; `wanted` may skip a header's parse, as in `list`. Drafts are left out, and files that
/// cannot be read are passed over in silence: the shell is no place for errors.
fn read_collection<T: Send>(
    wanted: Option<impl Fn(&Path, &str) -> bool + Sync>,
    keep: impl Fn(Review) -> T + Sync,
) -> Vec<T> {
    let folders: Vec<Folder> = collection_dirs(std::env::args_os())
        .iter()
        .filter_map(|c| c.open().ok())
        .collect();
    let listing = Listing::of(&folders);
    let paths = listing.paths();
    map_headers(paths, wanted, |i, parsed| {
        let mut review = parsed?.review.filter(|review| !review.draft)?;
        listing.name(&paths[i], &mut review);
        Some(keep(review))
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The collections the words being completed name (every `--dir` among them), as a run would
/// choose them.
fn collection_dirs(args: impl IntoIterator<Item = OsString>) -> Vec<Collection> {
    let words: Vec<String> = args
        .into_iter()
        .skip_while(|word| word != "--")
        .map(|word| word.to_string_lossy().into_owned())
        .collect();
    let given = words.windows(2).filter_map(|pair| {
        let value = match pair[0].strip_prefix("--dir=") {
            Some(value) => value,
            None if pair[0] == "--dir" => &pair[1],
            None => return None,
        };
        Some(value.to_string())
    });
    // The shell passes `~` as typed.
    let given = given
        .map(
            |dir| match (dir.strip_prefix("~/"), std::env::var_os("HOME")) {
                (Some(rest), Some(home)) => Path::new(&home).join(rest),
                _ => PathBuf::from(dir),
            },
        )
        .collect();
    // As a run chooses them: the config file's collections when no folder is named.
    let env = super::Environment::from_process();
    let file = super::SettingsFile::load(&env).unwrap_or_default();
    super::weigh::collections(given, &env, &file, &mut super::weigh::Weighed::default())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &[&str]) -> Vec<OsString> {
        line.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_collections_are_every_dir_on_the_line() {
        let dirs = |line: &[&str]| -> Vec<PathBuf> {
            collection_dirs(words(line))
                .into_iter()
                .map(|c| c.path)
                .collect()
        };
        assert_eq!(
            dirs(&["reviews", "--", "reviews", "--dir", "a", "show", "x"]),
            [PathBuf::from("a")]
        );
        assert_eq!(
            dirs(&[
                "reviews",
                "--",
                "reviews",
                "--dir=a",
                "list",
                "--dir",
                "b",
                "--director",
                ""
            ]),
            [PathBuf::from("a"), PathBuf::from("b")]
        );
    }
}
