//! Running a command: the collection, the query, and the output, with no clap in sight.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::collection::{self, Collection, Entry};
use crate::config::{Command, Config, ListFormat, ListOptions, ShowFormat, ShowOptions};
use crate::error::Result;
use crate::output::{self, style::Painter};
use crate::parse;
use crate::query::{Matcher, SortKeys, fold};
use crate::{pager, report};

/// How a run ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found and printed.
    Found,
    /// Nothing matched.
    NothingFound,
    /// Some files could not be read (what could be read was printed).
    FileErrors,
}

impl Outcome {
    /// grep's convention: 0 found, 1 nothing found, 2 an error.
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Found => 0,
            Outcome::NothingFound => 1,
            Outcome::FileErrors => 2,
        }
    }
}

/// Run the configured command, writing data to `out` and messages to `err`.
pub fn run(config: &Config, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    match &config.command {
        Command::List(options) => list(config, options, out, err),
        Command::Show(options) => show(config, options, out, err),
        Command::Check(paths) => check(config, paths, out, err),
        Command::Print(text) => {
            out.write_all(text)?;
            Ok(Outcome::Found)
        }
    }
}

/// Files read at a time: enough to keep both cores busy, few enough that parsed records never
/// pile up (only the compact rows outlive a chunk).
const CHUNK: usize = 4096;

/// A listed review, kept compact until output: its sort keys and its rendered row (a TSV line,
/// or compact JSON).
struct Row {
    keys: SortKeys,
    text: Box<str>,
}

/// What one file gave `list`: its problems, and its row if it matched.
#[derive(Default)]
struct Listed {
    errors: Vec<crate::Error>,
    warnings: Vec<crate::Error>,
    row: Option<Row>,
}

fn list(
    config: &Config,
    options: &ListOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let collection = Collection::open(&config.dir, &config.dir_origin)?;
    let listing = collection.list();
    let mut had_errors = !listing.errors.is_empty();
    for error in &listing.errors {
        report::print(err, error);
    }
    let matcher = Matcher::new(&options.filter);
    let json = matches!(options.format, ListFormat::Json | ListFormat::Jsonl);
    // Rows are made on the reading cores, a chunk of files at a time;
    // only compact rows are kept, never whole records.
    let mut rows = Vec::new();
    for chunk in listing.entries.chunks(CHUNK) {
        let listed = collection::map_headers(
            chunk,
            |raw| matcher.may_match(raw),
            |parsed| {
                let Some(parsed) = parsed else {
                    return Listed::default();
                };
                let row = parsed
                    .review
                    .filter(|r| matcher.matches(r))
                    .map(|review| Row {
                        keys: SortKeys::new(&review, options.sort),
                        text: if json {
                            output::json::compact(&review)
                        } else {
                            output::tsv::line(&review)
                        }
                        .into_boxed_str(),
                    });
                Listed {
                    errors: parsed.errors,
                    warnings: parsed.warnings,
                    row,
                }
            },
        );
        for file in listed {
            had_errors |= !file.errors.is_empty();
            report::print_file(err, &file.errors, &file.warnings);
            rows.extend(file.row);
        }
    }
    rows.sort_by(|a, b| a.keys.compare(&b.keys, options.sort, options.reverse));
    if let Some(limit) = options.limit {
        rows.truncate(limit);
    }
    let lines: Vec<&str> = rows.iter().map(|r| &*r.text).collect();
    let painter = Painter {
        enabled: config.color,
    };
    match options.format {
        ListFormat::Table => output::table::write(out, &lines, config.width, painter)?,
        ListFormat::Tsv => output::tsv::write(out, &lines, options.header_row)?,
        ListFormat::Csv => output::csv::write(out, &lines)?,
        ListFormat::Json => output::json::write_array(out, &lines)?,
        ListFormat::Jsonl => output::json::write_lines(out, &lines)?,
    }
    Ok(if had_errors {
        Outcome::FileErrors
    } else if rows.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// What looking a query up in the collection found.
enum Lookup {
    Found(Entry),
    NotFound(Vec<String>),
}

/// A review `show` might mean: only what finding it needs, so a large collection stays cheap.
struct Candidate {
    slug: String,
    folded_title: String,
    path: std::path::PathBuf,
}

/// Slug, else title, else a unique part of a title; otherwise the closest slugs.
fn lookup(collection: &Collection, query: &str) -> Lookup {
    if let Some(entry) = collection.direct(query) {
        return Lookup::Found(entry);
    }
    let listing = collection.list();
    if let Some(entry) = listing.entries.iter().find(|e| e.slug() == query) {
        return Lookup::Found(entry.clone());
    }
    let candidates: Vec<Candidate> = collection::map_headers(
        &listing.entries,
        |_| true,
        |parsed| {
            let review = parsed?.review?;
            Some(Candidate {
                folded_title: fold(&review.title),
                slug: review.slug,
                path: review.path,
            })
        },
    )
    .into_iter()
    .flatten()
    .collect();
    let wanted = fold(query);
    let by_title: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.folded_title == wanted)
        .collect();
    let partial: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| !wanted.is_empty() && c.folded_title.contains(&wanted))
        .collect();
    let found = |c: &Candidate| {
        Lookup::Found(Entry {
            path: c.path.clone(),
        })
    };
    match (by_title.as_slice(), partial.as_slice()) {
        ([one], _) | ([], [one]) => found(one),
        ([], []) => Lookup::NotFound(suggestions(&candidates, &wanted)),
        ([], several) | (several, _) => {
            Lookup::NotFound(several.iter().take(3).map(|c| c.slug.clone()).collect())
        }
    }
}

/// Up to three slugs closest to the query, by slug or by title.
fn suggestions(candidates: &[Candidate], wanted: &str) -> Vec<String> {
    use rayon::prelude::*;
    let mut scored: Vec<(f64, &str)> = candidates
        .par_iter()
        .map(|c| {
            let score = strsim::jaro_winkler(wanted, &fold(&c.slug))
                .max(strsim::jaro_winkler(wanted, &c.folded_title));
            (score, c.slug.as_str())
        })
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, s)| s.to_string())
        .collect()
}

fn show(
    config: &Config,
    options: &ShowOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let collection = Collection::open(&config.dir, &config.dir_origin)?;
    let entry = match lookup(&collection, &options.query) {
        Lookup::Found(entry) => entry,
        Lookup::NotFound(suggestions) => {
            let query = crate::sanitize::clean(&options.query, false);
            let _ = writeln!(err, "reviews: no review matches \"{query}\"");
            if !suggestions.is_empty() {
                let slugs = crate::sanitize::clean(&suggestions.join(", "), false).into_owned();
                let _ = writeln!(err, "  did you mean: {slugs}?");
            }
            return Ok(Outcome::NothingFound);
        }
    };
    let bytes = collection::read_whole(&entry.path)?;
    let parsed = parse::parse(&bytes, &entry.path, true);
    report::print_file(err, &parsed.errors, &parsed.warnings);
    let Some(review) = parsed.review else {
        return Ok(Outcome::FileErrors);
    };
    match options.format {
        ShowFormat::Json => output::json::write_one(out, &review)?,
        ShowFormat::Markdown => output::markdown::write(out, &bytes, config.terminal)?,
        ShowFormat::Text => {
            let mut text = Vec::new();
            output::text::write(
                &mut text,
                &review,
                config.width,
                Painter {
                    enabled: config.color,
                },
            )?;
            let lines = text.iter().filter(|&&b| b == b'\n').count();
            match (&config.pager, config.height) {
                (Some(pager), Some(height)) if lines >= height => {
                    out.flush()?;
                    pager::page(&text, pager, out)?;
                }
                _ => out.write_all(&text)?,
            }
        }
    }
    Ok(Outcome::Found)
}

/// Validate files strictly: every problem on stdout, one line each in file and line order, then
/// a summary on stderr.
fn check(
    config: &Config,
    paths: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    if paths.is_empty() {
        let listing = Collection::open(&config.dir, &config.dir_origin)?.list();
        entries = listing.entries;
        problems.extend(listing.errors);
    }
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let listing = Collection::open(path, "")?.list();
                entries.extend(listing.entries);
                problems.extend(listing.errors);
            }
            Ok(meta) if meta.is_file() => entries.push(Entry { path: path.clone() }),
            // A FIFO or device would block or never end: refuse it.
            Ok(_) => problems.push(crate::Error::Read {
                path: path.clone(),
                source: std::io::Error::other("not a regular file or folder"),
            }),
            Err(source) => problems.push(crate::Error::Read {
                path: path.clone(),
                source,
            }),
        }
    }
    problems.extend(collection::duplicate_slugs(&mut entries));
    // Only the problems are kept, not the records.
    let found = collection::map_headers(
        &entries,
        |_| true,
        |parsed| {
            parsed
                .map(|mut p| {
                    p.errors.append(&mut p.warnings);
                    p.errors
                })
                .unwrap_or_default()
        },
    );
    problems.extend(found.into_iter().flatten());
    problems.sort_by(|a, b| a.path().cmp(&b.path()).then(a.line().cmp(&b.line())));
    for problem in &problems {
        report::write(out, problem)?;
    }
    let bad: BTreeSet<&Path> = problems.iter().filter_map(|p| p.path()).collect();
    let mut all = bad.clone();
    all.extend(entries.iter().map(|e| e.path.as_path()));
    let plural = if bad.len() == 1 { "" } else { "s" };
    let _ = writeln!(
        err,
        "{} file{plural} with problems, {} ok",
        bad.len(),
        all.len() - bad.len()
    );
    Ok(if problems.is_empty() {
        Outcome::Found
    } else {
        Outcome::FileErrors
    })
}
