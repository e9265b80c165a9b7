//! A table's rows as reviews, and which of them a collection already has.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde_json::Value;

use super::{Export, Kind, Table, column, html};
use crate::diagnostics::{Error, Location};
use crate::query::fold;
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
    Ok(Review {
        title,
        year,
        directed_by: list(columns.get(row, "directors")),
        score: stars(columns, row, &at)?,
        reviewed: date(columns.get(row, "date"), &at)?,
        watched: date(columns.get(row, "watcheddate"), &at)?,
        tags: list(columns.get(row, "tags")),
        extra,
        body,
        ..Review::default()
    })
}

/// A film as compared across tables and with a collection: its folded title and its year.
type Film = (String, Option<i32>);

fn film(review: &Review) -> Film {
    (fold(&review.title), review.year)
}

fn uri(review: &Review) -> Option<&str> {
    review.extra.get(URI).and_then(Value::as_str)
}

/// What the export's tables give: the entries to write, the rows that could not be read, and
/// how many films with no review were left out (without `--all`).
pub(crate) struct Entries {
    pub(crate) entries: Vec<Entry>,
    pub(crate) errors: Vec<Error>,
    pub(crate) left_out: usize,
}

/// Every review of the export, and with `all` every other film once, from the most informative
/// table (diary, then ratings, then watched; a film's latest viewing in the diary), with the
/// score of ratings when its entry has none. A film with a review gets no other file.
pub(crate) fn entries(export: &Export, all: bool) -> Entries {
    let mut result = Entries {
        entries: Vec::new(),
        errors: Vec::new(),
        left_out: 0,
    };
    let mut films: Vec<(Entry, Kind)> = Vec::new();
    let mut film_places: HashMap<Film, usize> = HashMap::new();
    for table in &export.tables {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(table.text.as_slice());
        let columns = match reader.headers() {
            Ok(header) => Columns::new(header),
            Err(e) => {
                result.errors.push(csv_problem(table, &e));
                continue;
            }
        };
        // The line of the byte counted up to, 1-based.
        let (mut line, mut counted) = (1, 0);
        for (n, row) in reader.records().enumerate() {
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    result.errors.push(csv_problem(table, &e));
                    if e.is_io_error() {
                        break;
                    }
                    continue;
                }
            };
            // Lines counted here: after a CRLF line end the reader's record starts at the LF,
            // and its own count is one short.
            let mut start = row.position().map_or(counted, |p| p.byte() as usize);
            while matches!(table.text.get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            line += memchr::memchr_iter(b'\n', &table.text[counted..start.max(counted)]).count();
            counted = counted.max(start);
            if n == MAX_ROWS {
                let message =
                    "more than 100,000 rows, more than any Letterboxd table; the rest not read";
                result.errors.push(Error::header(
                    Location::new(&table.name, line, None),
                    message,
                ));
                break;
            }
            let review = match review(table, &columns, &row, line) {
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
                result.entries.push(entry);
            } else {
                let key = film(&entry.review);
                match film_places.get(&key) {
                    None => {
                        film_places.insert(key, films.len());
                        films.push((entry, table.kind));
                    }
                    Some(&at) => {
                        let (kept, kind) = &mut films[at];
                        let later = entry.review.watched > kept.review.watched;
                        if *kind == table.kind && later {
                            let score = kept.review.score.take();
                            *kept = entry;
                            kept.review.score = kept.review.score.take().or(score);
                        } else if kept.review.score.is_none() {
                            kept.review.score = entry.review.score;
                        }
                    }
                }
            }
        }
    }
    let reviewed: HashSet<Film> = result.entries.iter().map(|e| film(&e.review)).collect();
    let others = films
        .into_iter()
        .map(|(entry, _)| entry)
        .filter(|entry| !reviewed.contains(&film(&entry.review)));
    if all {
        result.entries.extend(others);
    } else {
        result.left_out = others.count();
    }
    result
}

fn csv_problem(table: &Table, error: &csv::Error) -> Error {
    let line = error.position().map_or(1, csv::Position::line);
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "expected UTF-8 text".to_string(),
        _ => error.to_string(),
    };
    Error::header(Location::new(&table.name, line as usize, None), message)
}

/// What a collection already holds of an export, so that importing it again adds nothing.
#[derive(Default)]
pub(crate) struct Seen {
    /// Letterboxd URI and watched date.
    logged: HashSet<(String, Option<Date>)>,
    /// Title, year and watched date, for rows with no URI.
    named: HashSet<(Film, Option<Date>)>,
    films: HashSet<Film>,
}

impl Seen {
    pub(crate) fn add(&mut self, review: &Review) {
        if let Some(uri) = uri(review) {
            self.logged.insert((uri.to_string(), review.watched));
        }
        self.named.insert((film(review), review.watched));
        self.films.insert(film(review));
    }

    /// Is this entry in the collection already?
    pub(crate) fn has(&self, entry: &Entry) -> bool {
        let review = &entry.review;
        let logged = match uri(review) {
            Some(uri) => self.logged.contains(&(uri.to_string(), review.watched)),
            None => self.named.contains(&(film(review), review.watched)),
        };
        logged || (entry.film_only && self.films.contains(&film(review)))
    }
}
