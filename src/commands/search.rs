//! `reviews search`: the reviews whose title and text hold every word, best first.

use std::io::Write;

use super::{CHUNK, Outcome, open_listing, say_nothing_matched};
use crate::collection::map_files;
use crate::config::{Config, SearchFormat, SearchOptions};
use crate::diagnostics::{Note, Printer, Result, Severity};
use crate::front_matter;
use crate::output::matches::{self, Hit};
use crate::output::style::Painter;
use crate::query::{Matcher, Order, SortKey, SortKeys};
use crate::record::Review;
use crate::terminal::pager::Paged;

/// A review found, as its format prints it, with what it sorts by.
struct Found {
    keys: SortKeys,
    count: usize,
    output: Vec<u8>,
}

pub(super) fn search(
    config: &Config,
    options: &SearchOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let (listing, mut notes) = open_listing(config)?;
    let matcher = Matcher::new(&options.filter);
    let search = &options.search;
    let key = options.order.map_or(SortKey::Title, |o| o.key);
    let painter = Painter {
        enabled: config.color,
    };
    // A record with nothing known passes the filters only when they ask nothing.
    let search_unread = matcher.matches(&Review::default());
    let mut found: Vec<Found> = Vec::new();
    for chunk in listing.paths().chunks(CHUNK) {
        let results = map_files(
            chunk,
            // A title may not be in the file as written: taken from the file's name, or spelled
            // with YAML's escapes (`Caf\u00e9`); such a header is parsed.
            |path, header, bytes, scratch| {
                header.contains('\\')
                    || search.may_match(&crate::record::slug(path), bytes, scratch)
            },
            |i, bytes, parsed| {
                let Some(parsed) = parsed else {
                    return (Vec::new(), None);
                };
                let mut notes = Note::each(&parsed.errors, Severity::Error);
                let path = &chunk[i];
                // A file whose header cannot be read is text all the same: searched whole and
                // shown by its path, its error on stderr, when the filters ask nothing of it.
                let (mut review, body, first_line, unread) = match parsed.review {
                    Some(review) if matcher.matches(&review) => {
                        let range = front_matter::body_range(bytes);
                        let first_line =
                            1 + memchr::memchr_iter(b'\n', &bytes[..range.start]).count();
                        (
                            review,
                            String::from_utf8_lossy(&bytes[range]),
                            first_line,
                            false,
                        )
                    }
                    None if search_unread && !parsed.index_page && !bytes.is_empty() => {
                        // Titled by its file name, as a header without a title is.
                        let slug = crate::record::slug(path).into_owned();
                        let (title, year) = crate::record::title_from_slug(&slug);
                        let review = Review {
                            slug,
                            path: path.clone(),
                            title,
                            year,
                            ..Review::default()
                        };
                        (review, String::from_utf8_lossy(bytes), 1, true)
                    }
                    _ => return (notes, None),
                };
                let Some(matched) = search.matches(&review.title, &body) else {
                    return (notes, None);
                };
                // Warnings of the reviews found only, as `list` counts those it lists.
                notes.extend(Note::each(&parsed.warnings, Severity::Warning));
                listing.name(path, &mut review);
                let hit = Hit {
                    review: &review,
                    unread,
                    body: &body,
                    first_line,
                    spans: &matched.spans,
                };
                let found = Found {
                    keys: SortKeys::new(&review, key),
                    count: matched.count,
                    output: written(config, options, painter, &hit),
                };
                (notes, Some(found))
            },
        );
        for (file_notes, hit) in results {
            notes.extend(file_notes);
            found.extend(hit);
        }
    }
    // Files come in a fixed order and the sort is stable: ties keep it.
    let by_title = Order {
        key: SortKey::Title,
        reverse: false,
    };
    match options.order {
        Some(order) => found.sort_by(|a, b| a.keys.compare(&b.keys, order)),
        None => found.sort_by(|a, b| {
            let most = b.count.cmp(&a.count);
            let most = if options.reverse {
                most.reverse()
            } else {
                most
            };
            most.then_with(|| a.keys.compare(&b.keys, by_title))
        }),
    }
    found.truncate(options.limit.unwrap_or(usize::MAX));
    Printer::new(err).report(&mut notes, config.warnings);
    let outputs = found.into_iter().map(|f| f.output);
    let any = match options.format {
        SearchFormat::Json => {
            let outputs: Vec<Vec<u8>> = outputs.collect();
            let any = !outputs.is_empty();
            crate::output::json::write_array(out, outputs)?;
            any
        }
        SearchFormat::Jsonl => {
            let mut any = false;
            crate::output::json::write_lines(out, outputs.inspect(|_| any = true))?;
            any
        }
        SearchFormat::Tsv | SearchFormat::Path | SearchFormat::Template => {
            let mut any = false;
            for output in outputs {
                out.write_all(&output)?;
                any = true;
            }
            any
        }
        SearchFormat::Text => {
            let mut paged = Paged::new(out, config.pager.as_ref(), config.height);
            let mut any = false;
            for output in outputs {
                paged.write_all(&output)?;
                any = true;
            }
            paged.finish()?;
            any
        }
    };
    if !any {
        say_nothing_matched(config, &options.filter.asked, err);
    }
    Ok(Outcome::of(&notes, any))
}

/// One review found, in the format asked for.
fn written(config: &Config, options: &SearchOptions, painter: Painter, hit: &Hit) -> Vec<u8> {
    let mut output = Vec::new();
    let end = options.lines.end();
    // Writing to memory cannot fail.
    let _ = match options.format {
        SearchFormat::Tsv => matches::tsv(&mut output, hit, end),
        SearchFormat::Path => {
            crate::output::path::write(&mut output, &hit.review.path, end, config.terminal)
        }
        SearchFormat::Template => {
            if let Some(template) = &options.lines.template {
                output.extend_from_slice(template.render(hit.review).as_bytes());
                output.extend_from_slice(end);
            }
            Ok(())
        }
        SearchFormat::Text => {
            // Snippets read as the text does, its markup gone, unless the words are only in the
            // markup (a link's address).
            let prose = crate::output::prose::plain(hit.body);
            let spans = options.search.spans(&prose);
            if spans.is_empty() {
                matches::text(&mut output, hit, painter)
            } else {
                let shown = Hit {
                    body: &prose,
                    spans: &spans,
                    ..*hit
                };
                matches::text(&mut output, &shown, painter)
            }
        }
        SearchFormat::Json | SearchFormat::Jsonl => {
            output = matches::json(hit);
            Ok(())
        }
    };
    output
}
