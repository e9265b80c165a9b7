//! A table's rows as reviews.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde_json::Value;

use super::{Export, Kind, Table, column, html};
use crate::diagnostics::{Error, Location};
use crate::query::films::{Film, film};
use crate::record::{Review, Score, parse_date};

/// The columns of the CSV that Letterboxd's importer reads, as [`column`] gives them.
pub(crate) const IMPORTER_COLUMNS: [&str; 12] = [
    "title",
    "year",
    "directors",
    "rating",
    "rating10",
    "watcheddate",
    "rewatch",
    "tags",
    "review",
    "letterboxduri",
    "tmdbid",
    "imdbid",
];

/// Columns kept in `extra`, under these keys.
const EXTRA_COLUMNS: [(&str, &str); 3] = [
    ("letterboxduri", "letterboxd_uri"),
    ("tmdbid", "tmdb_id"),
    ("imdbid", "imdb_id"),
];

/// No table has more rows than this (the most prolific users log a few tens of thousands): a
/// bound on the records one table can make this keep.
const MAX_ROWS: usize = 100_000;

/// A field other than the review is at most this long, and a row has at most this many tags:
/// what a review file's header holds within the reader's bounds.
const MAX_FIELD_BYTES: usize = 4096;
const MAX_TAGS: usize = 1000;

/// The key under which the Letterboxd URI is kept.
pub(crate) const URI: &str = "letterboxd_uri";

/// One film to write: a review, or with `--all` a film logged, rated or watched.
pub(crate) struct Entry {
    /// Where it was read: `export.zip/reviews.csv:14`.
    pub(crate) source: String,
    /// The record, with the review text as its body (`None` for a film that has none).
    pub(crate) review: Review,
    /// A film with no review, taken once whatever its entries: the collection has it when it
    /// has the same title and year.
    pub(crate) film_only: bool,
}

/// A table's header: each column's place, by its compared name, and its name as written.
struct Columns {
    places: HashMap<String, usize>,
    written: Vec<String>,
}

impl Columns {
    fn new(header: &csv::StringRecord) -> Columns {
        let mut places = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            places.entry(column(name)).or_insert(i);
        }
        Columns {
            places,
            written: header.iter().map(str::to_string).collect(),
        }
    }

    /// The column's value in `row`, trimmed, and its name as written.
    fn get<'r>(&self, row: &'r csv::StringRecord, name: &str) -> Option<(&'r str, &str)> {
        let &at = self.places.get(name)?;
        let value = row.get(at).unwrap_or("").trim();
        (!value.is_empty()).then(|| (value, self.written[at].as_str()))
    }
}

/// A row's problem: its table, line and column.
fn problem(table: &Table, line: usize, field: &str, message: String) -> Error {
    Error::field(Location::new(&table.name, line, None), field, message)
}

/// A date as Letterboxd writes it.
fn date(
    value: Option<(&str, &str)>,
    at: &dyn Fn(&str, String) -> Error,
) -> Result<Option<Date>, Error> {
    let Some((text, field)) = value else {
        return Ok(None);
    };
    parse_date(text).map(Some).ok_or_else(|| {
        at(
            field,
            format!("expected a date (YYYY-MM-DD), found \"{text}\""),
        )
    })
}

/// Letterboxd's stars: 0.5 to 5 in halves, or the importer's `Rating10` (1 to 10) halved.
fn stars(
    columns: &Columns,
    row: &csv::StringRecord,
    at: &dyn Fn(&str, String) -> Error,
) -> Result<Option<Score>, Error> {
    let halves = |text: &str, top: f64| {
        text.parse::<f64>()
            .ok()
            .filter(|v| (v * 2.0).fract() == 0.0 && (0.5..=top).contains(v))
    };
    let out_of_5 = |value| {
        Some(Score::Points {
            value,
            max: Some(5.0),
        })
    };
    if let Some((text, field)) = columns.get(row, "rating") {
        return match halves(text, 5.0) {
            Some(value) => Ok(out_of_5(value)),
            None => Err(at(field, format!("expected 0.5 to 5, found \"{text}\""))),
        };
    }
    if let Some((text, field)) = columns.get(row, "rating10") {
        return match text.parse::<u8>().ok().filter(|v| (1..=10).contains(v)) {
            Some(value) => Ok(out_of_5(f64::from(value) / 2.0)),
            None => Err(at(field, format!("expected 1 to 10, found \"{text}\""))),
        };
    }
    Ok(None)
}

/// A comma-separated list (tags, directors).
fn list(value: Option<(&str, &str)>) -> Vec<String> {
    value.map_or_else(Vec::new, |(text, _)| {
        text.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    })
}

/// One row as a review.
fn review(
    table: &Table,
    columns: &Columns,
    row: &csv::StringRecord,
    line: usize,
) -> Result<Review, Error> {
    let at = |field: &str, message: String| problem(table, line, field, message);
    if row.len() < columns.written.len() {
        return Err(Error::header(
            Location::new(&table.name, line, None),
            format!(
                "expected {} fields, found {} (a quote left open?); the row is not read",
                columns.written.len(),
                row.len()
            ),
        ));
    }
    // What the review file's header could not hold within the reader's bounds.
    for (i, value) in row.iter().enumerate() {
        let name = &columns.written[i.min(columns.written.len() - 1)];
        if column(name) != "review" && value.len() > MAX_FIELD_BYTES {
            return Err(at(
                name,
                "longer than 4 KiB, more than any field of Letterboxd's".into(),
            ));
        }
    }
    let title = columns
        .get(row, "name")
        .or_else(|| columns.get(row, "title"))
        .map(|(t, _)| t.to_string())
        .ok_or_else(|| {
            let field = if columns.places.contains_key("name") {
                "Name"
            } else {
                "Title"
            };
            at(
                field,
                "expected the film's title, found nothing".to_string(),
            )
        })?;
    let year = match columns.get(row, "year") {
        None => None,
        Some((text, field)) => Some(
            text.parse::<i32>()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| at(field, format!("expected a year, found \"{text}\"")))?,
        ),
    };
    let rewatch = match columns.get(row, "rewatch") {
        None => false,
        Some((text, field)) => match text.to_lowercase().as_str() {
            "yes" | "true" | "1" => true,
            "no" | "false" | "0" => false,
            _ => {
                return Err(at(
                    field,
                    format!("expected Yes or nothing, found \"{text}\""),
                ));
            }
        },
    };
    let mut extra = serde_json::Map::new();
    for (name, key) in EXTRA_COLUMNS {
        if let Some((value, _)) = columns.get(row, name) {
            extra.insert(key.to_string(), Value::from(value));
        }
    }
    if rewatch {
        extra.insert("rewatch".to_string(), Value::Bool(true));
    }
    let body = columns
        .get(row, "review")
        .map(|(text, _)| html::to_markdown(text))
        .filter(|text| !text.is_empty());
    let tags = list(columns.get(row, "tags"));
    if tags.len() > MAX_TAGS {
        return Err(at("Tags", "more than 1,000 tags".to_string()));
    }
    Ok(Review {
        title,
        year,
        directed_by: list(columns.get(row, "directors")),
        score: stars(columns, row, &at)?,
        reviewed: date(columns.get(row, "date"), &at)?,
        watched: date(columns.get(row, "watcheddate"), &at)?,
        tags,
        extra,
        body,
        ..Review::default()
    })
}

/// A film as compared across tables and with a collection: its folded title and its year.
pub(super) fn uri(review: &Review) -> Option<&str> {
    review.extra.get(URI).and_then(Value::as_str)
}

/// The date an entry is known by: when it was watched, else (for a file whose review has no
/// watched date, which `--format letterboxd` gives as WatchedDate) when it was reviewed.
pub(super) fn entry_date(review: &Review) -> Option<Date> {
    review.watched.or(review.reviewed)
}

/// What the export's tables give: the reviews, the other films (once each, for `--all`), and
/// the rows that could not be read.
pub(crate) struct Entries {
    pub(crate) reviews: Vec<Entry>,
    pub(crate) films: Vec<Entry>,
    pub(crate) errors: Vec<Error>,
}

/// Lines of a table counted as its rows are met, so that each is found once: the reader's own
/// count is one short after a CRLF line end (its record starts at the LF).
struct Lines {
    line: usize,
    counted: usize,
}

impl Lines {
    /// The line of the row starting at `byte` (at or after the last one asked for).
    fn at(&mut self, text: &[u8], mut byte: usize) -> usize {
        while matches!(text.get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        let byte = byte.clamp(self.counted, text.len());
        self.line += memchr::memchr_iter(b'\n', &text[self.counted..byte]).count();
        self.counted = byte;
        self.line
    }
}

/// Every review of the export, and every other film once, from the most informative table
/// (diary, then ratings, then watched; a film's latest viewing in the diary), with the rating
/// of ratings.csv when its entry has none. A film with a review is not among the others.
pub(crate) fn entries(export: Export) -> Entries {
    let mut result = Entries {
        reviews: Vec::new(),
        films: Vec::new(),
        errors: export.errors,
    };
    let mut films: Vec<(Entry, Kind)> = Vec::new();
    let mut film_places: HashMap<Film, usize> = HashMap::new();
    let mut ratings: HashMap<Film, Score> = HashMap::new();
    // Each table's text is let go once its rows are read.
    for table in export.tables {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(table.text.as_slice());
        let columns = match reader.headers() {
            Ok(header) => Columns::new(header),
            Err(e) => {
                result.errors.push(csv_problem(&table, &e, 1));
                continue;
            }
        };
        let mut lines = Lines {
            line: 1,
            counted: 0,
        };
        for (n, row) in reader.records().enumerate() {
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    let byte = e.position().map_or(lines.counted, |p| p.byte() as usize);
                    let line = lines.at(&table.text, byte);
                    result.errors.push(csv_problem(&table, &e, line));
                    if e.is_io_error() {
                        break;
                    }
                    continue;
                }
            };
            let byte = row.position().map_or(lines.counted, |p| p.byte() as usize);
            let line = lines.at(&table.text, byte);
            if n == MAX_ROWS {
                let message =
                    "more than 100,000 rows, more than any Letterboxd table; the rest not read";
                result.errors.push(Error::header(
                    Location::new(&table.name, line, None),
                    message,
                ));
                break;
            }
            let review = match review(&table, &columns, &row, line) {
                Ok(review) => review,
                Err(e) => {
                    result.errors.push(e);
                    continue;
                }
            };
            let entry = Entry {
                source: format!("{}:{line}", table.name.display()),
                review,
                film_only: !table.kind.is_reviews(),
            };
            if table.kind.is_reviews() {
                result.reviews.push(entry);
                continue;
            }
            let key = film(&entry.review);
            if table.kind == Kind::Ratings
                && let Some(score) = &entry.review.score
            {
                ratings.insert(key.clone(), score.clone());
            }
            match film_places.get(&key) {
                None => {
                    film_places.insert(key, films.len());
                    films.push((entry, table.kind));
                }
                Some(&at) => {
                    let (kept, kind) = &mut films[at];
                    if *kind == table.kind && entry.review.watched > kept.review.watched {
                        *kept = entry;
                    }
                }
            }
        }
    }
    let reviewed: HashSet<Film> = result.reviews.iter().map(|e| film(&e.review)).collect();
    result.films = films
        .into_iter()
        .map(|(mut entry, _)| {
            if entry.review.score.is_none() {
                entry.review.score = ratings.get(&film(&entry.review)).cloned();
            }
            entry
        })
        .filter(|entry| !reviewed.contains(&film(&entry.review)))
        .collect();
    result
}

fn csv_problem(table: &Table, error: &csv::Error, line: usize) -> Error {
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "expected UTF-8 text".to_string(),
        _ => error.to_string(),
    };
    Error::header(Location::new(&table.name, line, None), message)
}
