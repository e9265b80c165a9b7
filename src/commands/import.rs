//! `reviews import` and `reviews new`: review files written in canonical form, named from their
//! titles, never over another file.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::Outcome;
use crate::collection::{read_header, read_rest};
use crate::config::{Config, ImportOptions, NewOptions};
use crate::diagnostics::{Error, Note, Printer, Result, Severity};
use crate::front_matter::{self, Parsed};
use crate::output::to_front_matter;
use crate::query::fold;
use crate::record::{RawField, Review, build};

/// File names made from titles are at most this many bytes before `.md`, which leaves room for a
/// year, a number and the temporary name's additions within a file system's 255.
const MAX_NAME: usize = 150;

/// Another name is tried this many times at most before giving up on a title.
const MAX_TRIES: usize = 1000;

/// A file name for a title: folded (lower case, accents dropped), its letters and digits in any
/// script kept, the words between joined by `-`.
fn file_stem_for(title: &str) -> String {
    let mut stem = String::new();
    for c in fold(title).chars() {
        if stem.len() + c.len_utf8() > MAX_NAME {
            break;
        }
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "untitled".to_string()
    } else {
        stem.to_string()
    }
}

/// A review as it will be written: the canonical header, then the body byte for byte.
fn canonical(review: &Review, body: &[u8]) -> Vec<u8> {
    let mut text = to_front_matter(review).into_bytes();
    text.extend_from_slice(body);
    text
}

/// Where a review goes.
enum Place {
    /// A free name.
    New(PathBuf),
    /// A file that already reads to the same review.
    Already(PathBuf),
}

/// The same review, wherever it was read from?
fn same_review(a: &Review, b: &Review) -> bool {
    let strip = |r: &Review| Review {
        slug: String::new(),
        path: PathBuf::new(),
        ..r.clone()
    };
    strip(a) == strip(b)
}

/// Read a file as `import` and `new` do: the whole of it, parsed with its body.
fn read(path: &Path) -> Result<(Vec<u8>, Parsed)> {
    let bytes = read_rest(path, read_header(path)?)?;
    let parsed = front_matter::parse(&bytes, path, true);
    Ok((bytes, parsed))
}

/// The name for `review` in `dir`: its title's, else with its year, else with a number; a name
/// taken on disk or earlier in this run by a different review is passed over, and one taken by
/// the same review is that review's place when `same_is_there`.
fn place(
    dir: &Path,
    review: &Review,
    taken: &HashMap<PathBuf, Review>,
    same_is_there: bool,
) -> Option<Place> {
    let stem = file_stem_for(&review.title);
    let year = review.year.map(|y| format!("{stem}-{y}"));
    let names = std::iter::once(stem.clone())
        .chain(year)
        .chain((2..).map(|n| format!("{stem}-{n}")))
        .take(MAX_TRIES);
    for name in names {
        let path = dir.join(format!("{name}.md"));
        if let Some(earlier) = taken.get(&path) {
            if same_is_there && same_review(earlier, review) {
                return Some(Place::Already(path));
            }
            continue;
        }
        // Only a plain file is read to compare: a link, a FIFO or a device is a taken name.
        match path.symlink_metadata() {
            Err(_) => return Some(Place::New(path)),
            Ok(meta) if !meta.is_file() => continue,
            Ok(_) => {}
        }
        if same_is_there {
            if let Ok((_, parsed)) = read(&path) {
                if parsed
                    .review
                    .as_ref()
                    .is_some_and(|r| same_review(r, review))
                {
                    return Some(Place::Already(path));
                }
            }
        }
    }
    None
}

/// Write `bytes` to `path`, which must not exist: through a temporary file and a link, so that no
/// half file is ever seen and nothing is overwritten, even by a file made meanwhile.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let failed = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    // A name of our own, made with O_EXCL: nothing planted under it is ever written through.
    let mut attempt = 0u32;
    let (temporary, mut file) = loop {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let temporary = dir.join(format!(
            ".reviews-import.{}.{nanos}.{attempt}.tmp",
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => break (temporary, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(failed(e)),
        }
    };
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::hard_link(&temporary, path));
    let _ = fs::remove_file(&temporary);
    written.map_err(failed)
}

/// The folder to write into, made when missing.
fn target_dir(config: &Config, to: &Option<PathBuf>, dry_run: bool) -> Result<PathBuf> {
    let dir = to.clone().unwrap_or_else(|| config.dir.clone());
    if !dry_run && !dir.is_dir() {
        fs::create_dir_all(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
    }
    Ok(dir)
}

pub(super) fn import(
    config: &Config,
    options: &ImportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let dir = target_dir(config, &options.to, options.dry_run)?;
    let mut printer = Printer::new(err);
    let mut notes = Vec::new();
    let mut taken = HashMap::new();
    let (mut written, mut already, mut failed) = (0, 0, 0);
    for source in &options.files {
        let (bytes, parsed) = match read(source) {
            Ok(read) => read,
            Err(error) => {
                notes.push(Note::new(&error, Severity::Error));
                failed += 1;
                continue;
            }
        };
        notes.extend(parsed.notes(false));
        let Some(mut review) = parsed.review else {
            failed += 1;
            continue;
        };
        let body = bytes[front_matter::body_range(&bytes)].to_vec();
        review.body = Some(String::from_utf8_lossy(&body).into_owned());
        let Some(place) = place(&dir, &review, &taken, true) else {
            notes.push(Note::new(
                &Error::Write {
                    path: dir.join(format!("{}.md", file_stem_for(&review.title))),
                    source: std::io::Error::other("every name for this title is taken"),
                },
                Severity::Error,
            ));
            failed += 1;
            continue;
        };
        match place {
            Place::Already(path) => {
                already += 1;
                taken.insert(path, review);
            }
            Place::New(path) => {
                let result = if options.dry_run {
                    Ok(())
                } else {
                    write_new(&path, &canonical(&review, &body))
                };
                match result {
                    Ok(()) => {
                        writeln!(out, "{}\t{}", source.display(), path.display())?;
                        written += 1;
                        taken.insert(path, review);
                    }
                    Err(error) => {
                        notes.push(Note::new(&error, Severity::Error));
                        failed += 1;
                    }
                }
            }
        }
    }
    printer.report(&mut notes, config.warnings);
    let verb = if options.dry_run {
        "would be written"
    } else {
        "written"
    };
    printer.summary(&format!(
        "{written} {verb}, {already} already there, {failed} failed"
    ));
    Ok(if failed > 0 {
        Outcome::FileErrors
    } else {
        Outcome::Found
    })
}

/// Today, as a date in UTC.
fn today() -> String {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
        .to_string()
}

pub(super) fn new(
    config: &Config,
    options: &NewOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let dir = target_dir(config, &options.to, false)?;
    let field = |key: &str, value: Value| RawField {
        key: key.to_string(),
        value,
        raw: None,
        line: 1,
        column: None,
    };
    let mut fields = vec![field("title", Value::from(options.title.as_str()))];
    fields.extend(options.year.map(|y| field("year", Value::from(y))));
    if !options.directors.is_empty() {
        fields.push(field("directed_by", Value::from(options.directors.clone())));
    }
    fields.extend(
        options
            .rating
            .as_deref()
            .map(|r| field("rating", Value::from(r))),
    );
    fields.extend(
        options
            .score
            .as_deref()
            .map(|s| field("score", Value::from(s))),
    );
    fields.push(field("reviewed", Value::from(today())));
    let built = build(fields);
    let mut printer = Printer::new(err);
    if let Some(problem) = built.warnings.first() {
        let message = problem
            .message
            .split("; kept as written")
            .next()
            .unwrap_or_default();
        let flag = problem
            .field
            .as_deref()
            .unwrap_or_default()
            .replace('_', "-");
        printer.message(&format!("--{flag}: {message}"));
        return Ok(Outcome::FileErrors);
    }
    let mut review = built.review;
    review.body = Some("\n".to_string());
    // `new` always writes a file of its own.
    let Some(Place::New(path)) = place(&dir, &review, &HashMap::new(), false) else {
        printer.message("every name for this title is taken");
        return Ok(Outcome::FileErrors);
    };
    write_new(&path, &canonical(&review, b"\n"))?;
    writeln!(out, "{}", path.display())?;
    let Some(editor) = &options.editor else {
        return Ok(Outcome::Found);
    };
    out.flush()?;
    let status = Command::new(&editor[0])
        .args(&editor[1..])
        .arg(&path)
        .status();
    if status.is_err() {
        printer.message(&format!("could not start the editor \"{}\"", editor[0]));
        return Ok(Outcome::FileErrors);
    }
    // Checked as `check` would.
    let (_, parsed) = read(&path)?;
    let mut notes = parsed.notes(true);
    let problems = !notes.is_empty();
    printer.report(&mut notes, crate::config::Warnings::Each);
    Ok(if problems {
        Outcome::FileErrors
    } else {
        Outcome::Found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_titles() {
        assert_eq!(file_stem_for("Rust and Bone"), "rust-and-bone");
        assert_eq!(file_stem_for("Amélie"), "amelie");
        assert_eq!(file_stem_for("8½ (1963)"), "81-2-1963");
        assert_eq!(file_stem_for("!!!"), "untitled");
        assert!(file_stem_for(&"long ".repeat(50)).len() <= MAX_NAME);
        assert!(file_stem_for(&"映".repeat(90)).len() <= MAX_NAME);
        assert_eq!(file_stem_for("東京物語"), "東京物語");
    }
}
