//! `reviews stats`: reviews counted by a field's values, or summed up.

use std::io::Write;

use super::{CHUNK, Outcome, open_listing, say_nothing_matched};
use crate::collection::map_headers;
use crate::config::{Config, StatsFormat, StatsOptions};
use crate::diagnostics::{Note, Printer, Result, Severity};
use crate::output::{self, style::Painter};
use crate::query::Matcher;
use crate::query::stats::{self, Facts, GroupOrder};

pub(super) fn stats(
    config: &Config,
    options: &StatsOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let (listing, mut notes) = open_listing(config)?;
    let matcher = Matcher::new(&options.filter);
    let mut facts: Vec<Facts> = Vec::new();
    for chunk in listing.paths().chunks(CHUNK) {
        let read = map_headers(chunk, matcher.header_look(), |_, parsed| {
            let Some(parsed) = parsed else {
                return (Vec::new(), None);
            };
            let mut notes = Note::each(&parsed.errors, Severity::Error);
            let facts = parsed
                .review
                .filter(|r| matcher.matches(r))
                .map(|r| Facts::new(&r, options.by));
            if facts.is_some() {
                notes.extend(Note::each(&parsed.warnings, Severity::Warning));
            }
            (notes, facts)
        });
        for (file_notes, file_facts) in read {
            notes.extend(file_notes);
            facts.extend(file_facts);
        }
    }
    Printer::new(err).report(&mut notes, config.warnings);
    let painter = Painter {
        enabled: config.color,
    };
    let any = match options.by {
        Some(by) => {
            let order = options.order.unwrap_or(GroupOrder::Count);
            let mut groups = match by {
                stats::GroupBy::Score => stats::score_groups(&facts, order, options.reverse),
                _ => stats::groups(&facts, order, options.reverse),
            };
            groups.truncate(options.limit.unwrap_or(usize::MAX));
            let name = by_header(by);
            match options.format {
                StatsFormat::Table => {
                    output::stats::table(out, name, &groups, config.width, painter)?
                }
                StatsFormat::Tsv => output::stats::tsv(out, &groups)?,
                StatsFormat::Csv => output::stats::csv(out, &groups)?,
                StatsFormat::Json => output::stats::json(out, &groups)?,
            }
            !groups.is_empty()
        }
        None => {
            let summary = stats::summary(&facts);
            match options.format {
                StatsFormat::Table => output::stats::summary_text(out, &summary, painter)?,
                StatsFormat::Tsv => output::stats::summary_tsv(out, &summary)?,
                StatsFormat::Csv => output::stats::summary_csv(out, &summary)?,
                StatsFormat::Json => output::stats::json(out, &summary)?,
            }
            summary.reviews > 0
        }
    };
    if !any {
        say_nothing_matched(config, &options.filter.asked, err);
    }
    Ok(Outcome::of(&notes, any))
}

/// The table's first header for a grouping.
fn by_header(by: stats::GroupBy) -> &'static str {
    use stats::GroupBy::*;
    match by {
        Director => "DIRECTOR",
        Writer => "WRITER",
        Cast => "CAST",
        Year => "YEAR",
        Decade => "DECADE",
        Rating => "RATING",
        Score => "SCORE",
        Tag => "TAG",
        Reviewed => "REVIEWED",
    }
}
