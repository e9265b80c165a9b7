//! Running a command: the collection, the query, and the output, with no clap in sight.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::collection::{self, Collection, Entry, Listing};
use crate::config::{Command, Config, ListFormat, ListOptions, ShowFormat, ShowOptions};
use crate::error::Result;
use crate::output::{self, style::Painter};
use crate::parse;
use crate::query::{Matcher, SortKeys, fold};
use crate::report::Note;
use crate::spill::{self, Record, Sorter};
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
/// pile up (only the compact rows outlive a batch).
const CHUNK: usize = 4096;

/// A listed review, kept compact until output: its sort keys and its rendered row (a TSV line,
/// or compact JSON).
struct Row {
    keys: SortKeys,
    text: Box<str>,
}

impl Record for Row {
    fn heap_size(&self) -> usize {
        self.keys.heap_size() + self.text.len()
    }

    fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        self.keys.write_to(w)?;
        spill::write_bytes(w, self.text.as_bytes())
    }

    fn read_from(r: &mut impl BufRead) -> io::Result<Self> {
        Ok(Row {
            keys: SortKeys::read_from(r)?,
            text: spill::read_string(r)?.into_boxed_str(),
        })
    }
}

/// What one file gave `list`: its problems, and its row if it matched.
#[derive(Default)]
struct Listed {
    errors: Vec<crate::Error>,
    warnings: Vec<crate::Error>,
    row: Option<Row>,
}

/// Push a file's problems, errors before warnings (the sort keeps that order within a line).
fn push_notes<F>(
    notes: &mut Sorter<Note, F>,
    errors: &[crate::Error],
    warnings: &[crate::Error],
) -> Result<()>
where
    F: Fn(&Note, &Note) -> std::cmp::Ordering + Send + Sync + 'static,
{
    let all = errors
        .iter()
        .map(Note::error)
        .chain(warnings.iter().map(Note::warning));
    for note in all {
        notes.push(note).map_err(crate::Error::temp_file)?;
    }
    Ok(())
}

fn list(
    config: &Config,
    options: &ListOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let collection = Collection::open(&config.dir, &config.dir_origin)?;
    let listing = collection.listing(config.sort_memory)?;
    let mut notes = Sorter::new(config.sort_memory, Note::order);
    push_notes(&mut notes, &listing.errors, &[])?;
    let matcher = Matcher::new(&options.filter);
    let json = matches!(options.format, ListFormat::Json | ListFormat::Jsonl);
    let (sort, reverse) = (options.sort, options.reverse);
    // Rows are made on the reading cores, a batch of files at a time; only compact rows are
    // kept, and past the memory budget they wait, sorted, in temporary files.
    let mut rows = Sorter::new(config.sort_memory, move |a: &Row, b: &Row| {
        a.keys.compare(&b.keys, sort, reverse)
    });
    let mut widths = output::table::Widths::default();
    listing.for_each_batch(CHUNK, |batch| {
        let listed = collection::map_headers(
            batch,
            |raw| matcher.may_match(raw),
            |parsed| {
                let Some(parsed) = parsed else {
                    return Listed::default();
                };
                let row = parsed
                    .review
                    .filter(|r| matcher.matches(r))
                    .map(|review| Row {
                        keys: SortKeys::new(&review, sort),
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
            push_notes(&mut notes, &file.errors, &file.warnings)?;
            if let Some(row) = file.row {
                if options.format == ListFormat::Table {
                    widths.measure(&row.text);
                }
                rows.push(row).map_err(crate::Error::temp_file)?;
            }
        }
        Ok(())
    })?;
    let mut had_errors = false;
    for note in notes.finish().map_err(crate::Error::temp_file)? {
        let note = note.map_err(crate::Error::temp_file)?;
        had_errors |= note.is_error;
        let _ = writeln!(err, "{}", note.text);
    }
    let limit = options.limit.unwrap_or(usize::MAX);
    let found = !rows.is_empty() && limit > 0;
    let mut unreadable = None;
    let lines = rows
        .finish()
        .map_err(crate::Error::temp_file)?
        .map_while(|row| row.map_err(|e| unreadable = Some(e)).ok())
        .map(|row| row.text)
        .take(limit);
    let painter = Painter {
        enabled: config.color,
    };
    match options.format {
        ListFormat::Table => output::table::write(out, lines, &widths, config.width, painter)?,
        ListFormat::Tsv => output::tsv::write(out, lines, options.header_row)?,
        ListFormat::Csv => output::csv::write(out, lines)?,
        ListFormat::Json => output::json::write_array(out, lines)?,
        ListFormat::Jsonl => output::json::write_lines(out, lines)?,
    }
    if let Some(e) = unreadable {
        return Err(crate::Error::temp_file(e));
    }
    Ok(if had_errors {
        Outcome::FileErrors
    } else if found {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}

/// What looking a query up in the collection found.
enum Lookup {
    Found(Entry),
    NotFound(Vec<String>),
}

/// Reviews a query matches, counted, with the first few (by path) kept for the message.
#[derive(Default)]
struct Matches {
    count: usize,
    first: Vec<(PathBuf, String)>,
}

impl Matches {
    const KEPT: usize = 3;

    fn add(&mut self, path: &Path, slug: &str) {
        self.count += 1;
        self.first.push((path.to_path_buf(), slug.to_string()));
        self.first.sort();
        self.first.truncate(Self::KEPT);
    }

    fn only(&self) -> Option<Entry> {
        (self.count == 1).then(|| Entry {
            path: self.first[0].0.clone(),
        })
    }

    fn slugs(&self) -> Vec<String> {
        self.first.iter().map(|(_, slug)| slug.clone()).collect()
    }
}

/// What `show` learns of one review while it searches: only enough to decide, so that searching
/// a large collection keeps nothing per file.
struct Candidate {
    slug: String,
    path: PathBuf,
    exact: bool,
    partial: bool,
    closeness: f64,
}

/// Slug, else title, else a unique part of a title; otherwise the closest slugs.
fn lookup(collection: &Collection, query: &str, budget: usize) -> Result<Lookup> {
    if let Some(entry) = collection.direct(query) {
        return Ok(Lookup::Found(entry));
    }
    let listing = collection.listing(budget)?;
    let wanted = fold(query);
    let mut by_slug: Option<PathBuf> = None;
    let (mut exact, mut partial) = (Matches::default(), Matches::default());
    let mut closest: Vec<(f64, String)> = Vec::new();
    listing.for_each_batch(CHUNK, |batch| {
        for entry in batch.iter().filter(|e| e.slug() == query) {
            if by_slug.as_ref().is_none_or(|p| entry.path < *p) {
                by_slug = Some(entry.path.clone());
            }
        }
        let candidates = collection::map_headers(
            batch,
            |_| true,
            |parsed| {
                let review = parsed?.review?;
                let title = fold(&review.title);
                let closeness = strsim::jaro_winkler(&wanted, &fold(&review.slug))
                    .max(strsim::jaro_winkler(&wanted, &title));
                Some(Candidate {
                    exact: title == wanted,
                    partial: !wanted.is_empty() && title.contains(&wanted),
                    closeness,
                    slug: review.slug,
                    path: review.path,
                })
            },
        );
        for c in candidates.into_iter().flatten() {
            if c.exact {
                exact.add(&c.path, &c.slug);
            }
            if c.partial {
                partial.add(&c.path, &c.slug);
            }
            if c.closeness >= 0.75 {
                closest.push((c.closeness, c.slug));
                closest.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                closest.truncate(3);
            }
        }
        Ok(())
    })?;
    if let Some(path) = by_slug {
        return Ok(Lookup::Found(Entry { path }));
    }
    Ok(match (exact.count, partial.count) {
        (1, _) => Lookup::Found(exact.only().expect("one match")),
        (0, 1) => Lookup::Found(partial.only().expect("one match")),
        (0, 0) => Lookup::NotFound(closest.into_iter().map(|(_, slug)| slug).collect()),
        (0, _) => Lookup::NotFound(partial.slugs()),
        _ => Lookup::NotFound(exact.slugs()),
    })
}

fn show(
    config: &Config,
    options: &ShowOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let collection = Collection::open(&config.dir, &config.dir_origin)?;
    let entry = match lookup(&collection, &options.query, config.sort_memory)? {
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
    let sources = if paths.is_empty() {
        Collection::open(&config.dir, &config.dir_origin)?;
        vec![config.dir.clone()]
    } else {
        paths.to_vec()
    };
    let listing = Listing::new(&sources, config.sort_memory)?;
    let mut notes = Sorter::new(config.sort_memory, Note::order);
    push_notes(&mut notes, &listing.errors, &[])?;
    // Listed files with problems: repeated slugs, and those counted below.
    let mut bad_files = listing.repeated();
    listing.for_each_batch(CHUNK, |batch| {
        // Only the problems are kept, not the records; warnings count as problems here.
        let found = collection::map_headers(
            batch,
            |_| true,
            |parsed| {
                let mut parsed = parsed.unwrap_or_default();
                parsed.errors.append(&mut parsed.warnings);
                parsed.errors
            },
        );
        for problems in found {
            bad_files += u64::from(!problems.is_empty());
            push_notes(&mut notes, &problems, &[])?;
        }
        Ok(())
    })?;
    // Problems sort by path, so each path's are together: count the paths as they pass.
    let mut bad = 0;
    let mut last_path = None;
    for note in notes.finish().map_err(crate::Error::temp_file)? {
        let note = note.map_err(crate::Error::temp_file)?;
        writeln!(out, "{}", note.text)?;
        if note.path.is_some() && note.path != last_path {
            bad += 1;
            last_path = note.path;
        }
    }
    let plural = if bad == 1 { "" } else { "s" };
    let ok = listing.files - bad_files;
    let _ = writeln!(err, "{bad} file{plural} with problems, {ok} ok");
    Ok(if bad == 0 {
        Outcome::Found
    } else {
        Outcome::FileErrors
    })
}
