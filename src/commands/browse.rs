//! `reviews browse`: the collection read on a thread, in batches, while the browser shows what
//! has been read; then the choice printed, with `--print`.

use std::io::{IsTerminal, Write};
use std::sync::mpsc;

use super::{CHUNK, Outcome, open_listing};
use crate::browse::{self, Batch, Browser, Ended, Entry, Shelf};
use crate::collection::{Listing, map_headers, read_header, read_whole};
use crate::config::{BrowseOptions, Config, ScoreScale};
use crate::diagnostics::{Printer, Result};
use crate::front_matter;
use crate::output::{self, body::Ink};
use crate::query::Matcher;
use crate::record::Review;

/// Files read before the first rows are shown.
const FIRST_BATCH: usize = 256;

pub(super) fn browse(
    config: &Config,
    options: &BrowseOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let mut printer = Printer::new(err);
    let tty = match browse::open_terminal() {
        Ok(tty) if options.print || std::io::stdin().is_terminal() => tty,
        Ok(_) => {
            return Ok(no_terminal(
                &mut printer,
                "standard input is not a terminal",
            ));
        }
        Err(why) => return Ok(no_terminal(&mut printer, &why)),
    };
    let (listing, _) = open_listing(config)?;
    let shelf = Collection {
        listing: &listing,
        scale: config.score_scale,
        qualified: config.collections.len() > 1,
    };
    let matcher = Matcher::new(&options.filter);
    let (sender, batches) = mpsc::channel();
    let ended = std::thread::scope(|scope| {
        scope.spawn(|| {
            // Dropped when all is read, which tells the browser.
            let sender = sender;
            // A small first batch, so that rows are on screen at once; then the usual chunks.
            let paths = listing.paths();
            let (first, rest) = paths.split_at(paths.len().min(FIRST_BATCH));
            for chunk in std::iter::once(first).chain(rest.chunks(CHUNK)) {
                let read = map_headers(chunk, matcher.header_look(), |i, parsed| {
                    let parsed = parsed?;
                    match parsed.review {
                        Some(review) if matcher.matches(&review) => {
                            Some(Ok(shelf.entry(&chunk[i], review)))
                        }
                        None if !parsed.errors.is_empty() => Some(Err(())),
                        _ => None,
                    }
                });
                let unreadable = read.iter().filter(|r| matches!(r, Some(Err(())))).count();
                let entries = read.into_iter().flatten().flatten().collect();
                // The browser has ended: nothing more to read.
                if sender
                    .send(Batch {
                        entries,
                        unreadable,
                    })
                    .is_err()
                {
                    return;
                }
            }
        });
        let browser = Browser::new(options.print);
        browse::run(tty, browser, batches, &shelf, options.editor.as_deref())
    })?;
    match ended {
        Ended::Picked(entry) => {
            let line = match &options.template {
                None => entry.name.to_string(),
                Some(template) => match shelf.review(&entry.path) {
                    Some(review) => template.render(&review),
                    None => {
                        printer.message(&format!("{} can no longer be read", entry.path.display()));
                        return Ok(Outcome::FileErrors);
                    }
                },
            };
            writeln!(out, "{line}")?;
            Ok(Outcome::Found)
        }
        Ended::Quit if options.print => Ok(Outcome::NothingFound),
        Ended::Quit => Ok(Outcome::Found),
        Ended::Signalled => Ok(Outcome::FileErrors),
    }
}

/// Said when there is no terminal to draw on: what to use instead, exit 2.
fn no_terminal(printer: &mut Printer, why: &str) -> Outcome {
    printer.message(&format!("browse needs a terminal: {why}"));
    printer.hint("`reviews list` lists and filters, `reviews show NAME` prints one review");
    Outcome::FileErrors
}

/// The collection as the browser sees it.
struct Collection<'a> {
    listing: &'a Listing,
    scale: ScoreScale,
    qualified: bool,
}

impl Collection<'_> {
    /// A review as the browser shows it: named as the listing names it, its score on the scale
    /// asked for.
    fn shown(&self, path: &std::path::Path, mut review: Review) -> Review {
        self.listing.name(path, &mut review);
        self.scale.show(&mut review);
        review
    }

    fn entry(&self, path: &std::path::Path, review: Review) -> Entry {
        Entry::new(&self.shown(path, review), self.qualified)
    }

    /// The review of `path`'s header, as the browser shows it.
    fn review(&self, path: &std::path::Path) -> Option<Review> {
        let head = read_header(path).ok()?;
        let review = front_matter::parse(&head, path, false).review?;
        Some(self.shown(path, review))
    }
}

impl Shelf for Collection<'_> {
    fn preview(&self, entry: &Entry, width: usize) -> Vec<String> {
        let Ok((bytes, parsed)) = read_whole(&entry.path) else {
            return vec![format!("{} cannot be read now", entry.path.display())];
        };
        let Some(review) = parsed.review else {
            return vec![format!("{} is no longer a review", entry.path.display())];
        };
        let mut review = self.shown(&entry.path, review);
        let body = front_matter::body_text(&bytes, &parsed.lifted);
        review.body = Some(String::from_utf8_lossy(&body).into_owned());
        let mut text = Vec::new();
        // Into memory, which cannot fail.
        let _ = output::text::write(&mut text, &review, width, Ink::new(false, false));
        String::from_utf8_lossy(&text)
            .lines()
            .map(String::from)
            .collect()
    }

    fn reread(&self, entry: &Entry) -> Option<Entry> {
        Some(Entry::new(&self.review(&entry.path)?, self.qualified))
    }
}
