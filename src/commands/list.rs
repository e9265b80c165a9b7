//! `reviews list`: every review that passes the filters, sorted, in one format.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CHUNK, Outcome, open_listing, point_at_exports, say_nothing_matched};
use rayon::prelude::*;

use crate::collection::{EVERY_HEADER, Listing, map_headers, read_whole};
use crate::config::{Config, ListFormat, ListOptions};
use crate::diagnostics::{Note, Printer, Result, Severity};
use crate::front_matter;
use crate::output::{self, style::Painter};
use crate::query::{Matcher, Ranking, SortKeys};
use crate::record::Review;

pub(super) fn list(
    config: &Config,
    options: &ListOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let (listing, mut notes) = open_listing(config)?;
    let painter = Painter {
        enabled: config.color,
    };
    let matched = match options.format {
        // One pass: each review's JSON is made on the reading cores, and kept packed.
        ListFormat::Json | ListFormat::Jsonl => {
            let paths = listing.paths();
            let pack = |i: usize, review: Review| {
                let slug = listing.slug(&paths[i]);
                (
                    i,
                    output::json::Packed::new(&review, &names(&listing, &paths[i], &slug)),
                )
            };
            let (rows, matched) = gather(&listing, options, &mut notes, pack);
            Printer::new(err).report(&mut notes, config.warnings);
            let unpack = |(i, row): &(usize, output::json::Packed), buffer: &mut Vec<u8>| {
                let slug = listing.slug(&paths[*i]);
                row.unpack_onto(&names(&listing, &paths[*i], &slug), buffer);
            };
            let shape = match options.format {
                ListFormat::Json => output::json::Shape::Array,
                _ => output::json::Shape::Lines,
            };
            output::json::write_made(out, rows, shape, unpack)?;
            matched
        }
        // A path needs nothing read again.
        ListFormat::Path => {
            let (found, matched) = gather(&listing, options, &mut notes, |i, _| i);
            Printer::new(err).report(&mut notes, config.warnings);
            let paths = listing.paths();
            for i in found {
                output::path::write(out, &paths[i], options.lines.end(), config.terminal)?;
            }
            matched
        }
        // A template may name any field: as JSON does, the listed headers are read again.
        ListFormat::Template => {
            let (found, matched) = gather(&listing, options, &mut notes, |i, _| i);
            Printer::new(err).report(&mut notes, config.warnings);
            let paths = listing.paths();
            let template = options.lines.template.as_ref();
            for chunk in found.chunks(CHUNK) {
                let chunk: Vec<&PathBuf> = chunk.iter().map(|&i| &paths[i]).collect();
                let lines = map_headers(&chunk, EVERY_HEADER, |i, parsed| {
                    let mut review = parsed?.review?;
                    listing.name(chunk[i], &mut review);
                    config.score_scale.show(&mut review);
                    Some(template?.render(&review))
                });
                for line in lines.into_iter().flatten() {
                    out.write_all(line.as_bytes())?;
                    out.write_all(options.lines.end())?;
                }
            }
            matched
        }
        // Letterboxd's rows carry the review text: each file is read again whole as it prints.
        ListFormat::Letterboxd => {
            let (found, matched) = gather(&listing, options, &mut notes, |i, _| i);
            Printer::new(err).report(&mut notes, config.warnings);
            let paths = listing.paths();
            let mut writer = output::letterboxd::Writer::new(out)?;
            for chunk in found.chunks(CHUNK) {
                let rows: Vec<Option<(Review, String)>> = chunk
                    .par_iter()
                    .map(|&i| {
                        let (bytes, parsed) = read_whole(&paths[i]).ok()?;
                        let body = front_matter::body_text(&bytes, &parsed.lifted);
                        Some((parsed.review?, String::from_utf8_lossy(&body).into_owned()))
                    })
                    .collect();
                for (review, body) in rows.iter().flatten() {
                    writer.row(review, body)?;
                }
            }
            writer.finish()?;
            matched
        }
        // A tab-separated line is made on the reading cores, and kept as it prints.
        ListFormat::Tsv => {
            let layout = &options.layout;
            let (lines, matched) = gather(&listing, options, &mut notes, |_, mut review| {
                config.score_scale.show(&mut review);
                output::tsv::line(layout, &layout.row(review))
            });
            Printer::new(err).report(&mut notes, config.warnings);
            let end = options.lines.end();
            output::tsv::write_lines(out, layout, &lines, options.header_row, end)?;
            matched
        }
        // The other formats keep a row of their columns.
        ListFormat::Table | ListFormat::Csv => {
            let (rows, matched) = gather(&listing, options, &mut notes, |_, mut review| {
                config.score_scale.show(&mut review);
                options.layout.row(review)
            });
            Printer::new(err).report(&mut notes, config.warnings);
            match options.format {
                ListFormat::Table => {
                    output::table::write(out, &options.layout, &rows, config.width, painter)?
                }
                _ => output::csv::write(out, &options.layout, &rows)?,
            }
            matched
        }
    };
    if matched == 0
        && !point_at_exports(
            &config
                .collections
                .iter()
                .map(|c| c.path.clone())
                .collect::<Vec<_>>(),
            &mut Printer::new(err),
        )
    {
        say_nothing_matched(config, &options.filter.asked, err);
    }
    Ok(Outcome::of(&notes, matched > 0 && options.limit != Some(0)))
}

/// How the listing names the review read from `path`, as its JSON begins.
fn names<'a>(listing: &'a Listing, path: &'a Path, slug: &'a str) -> output::json::Names<'a> {
    output::json::Names {
        slug,
        path,
        collection: listing.collection_of(path),
    }
}

/// What one file gave `list`: its problems, and its row if it matched.
struct Listed<T> {
    notes: Vec<Note>,
    row: Option<(SortKeys, T)>,
}

/// Read every header, keep what `keep` makes of each review that passes the filters (given its
/// index in the listing), and return the best of them in order, with how many matched. Problems
/// are added to `notes`.
fn gather<T: Send>(
    listing: &Listing,
    options: &ListOptions,
    notes: &mut Vec<Note>,
    keep: impl Fn(usize, Review) -> T + Sync,
) -> (Vec<T>, u64) {
    let matcher = Matcher::new(&options.filter);
    let order = options.order;
    let mut ranking = Ranking::new(order, options.limit, listing.paths().len());
    for (n, chunk) in listing.paths().chunks(CHUNK).enumerate() {
        // Rows are made on the reading cores; a file's errors come before its warnings.
        let listed = map_headers(chunk, matcher.header_look(), |i, parsed| {
            let Some(parsed) = parsed else {
                return Listed {
                    notes: Vec::new(),
                    row: None,
                };
            };
            // Errors always; warnings of the reviews listed only, so that a filter (or a
            // hidden draft) never counts what it leaves out.
            let mut notes = Note::each(&parsed.errors, Severity::Error);
            let row = parsed
                .review
                .filter(|review| matcher.matches(review))
                .map(|mut review| {
                    listing.name(&chunk[i], &mut review);
                    (
                        SortKeys::new(&review, order.key),
                        keep(n * CHUNK + i, review),
                    )
                });
            if row.is_some() {
                notes.extend(Note::each(&parsed.warnings, Severity::Warning));
            }
            Listed { notes, row }
        });
        for file in listed {
            notes.extend(file.notes);
            if let Some((keys, row)) = file.row {
                ranking.push(keys, row);
            }
        }
    }
    let matched = ranking.pushed();
    (ranking.into_sorted(), matched)
}
