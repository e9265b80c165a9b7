//! The filters `list`, `search` and `stats` share, as flags.

use clap::Args;

use super::complete;
use crate::query::{Filter, YearRange};

/// The filters `list`, `search` and `stats` share.
#[derive(Debug, Args)]
pub(super) struct FilterArgs {
    /// Keep titles containing T (case- and accent-insensitive; repeat for "any of")
    #[arg(long, value_name = "T")]
    title: Vec<String>,
    /// Keep films with a director whose name contains D
    #[arg(long, value_name = "D", add = complete::people(complete::Field::Directors))]
    director: Vec<String>,
    /// Keep films rated exactly R (G, PG, PG-13, R, NC-17, NR, ...): the certificate, not a score
    #[arg(long, value_name = "R")]
    rating: Vec<String>,
    /// Keep films from year Y, or from FROM..TO (both included; either end may be left open)
    #[arg(long, value_name = "Y|FROM..TO")]
    year: Vec<YearRange>,
    /// Keep films with a writer whose name contains W
    #[arg(long, value_name = "W", add = complete::people(complete::Field::Writers))]
    writer: Vec<String>,
    /// Keep films with a cast member whose name contains C
    #[arg(long, value_name = "C", add = complete::people(complete::Field::Cast))]
    cast: Vec<String>,
    /// Keep reviews tagged T, or of genre T (the whole tag, case- and accent-insensitive; `la*` for a prefix)
    #[arg(long, value_name = "T", add = complete::people(complete::Field::Tags))]
    tag: Vec<String>,
    /// Keep reviews of genre G (the whole genre; `*` for any text)
    #[arg(long, value_name = "G", add = complete::people(complete::Field::Genres))]
    genre: Vec<String>,
    /// Keep reviews scored at least S (any score shape: 3/4, 7.5/10, B+, 80%, stars; compared 0-100)
    #[arg(long, value_name = "S", value_parser = score_bound)]
    min_score: Option<(f64, String)>,
    /// Keep reviews scored at most S
    #[arg(long, value_name = "S", value_parser = score_bound)]
    max_score: Option<(f64, String)>,
    /// Include drafts (`draft: true`, `published: false`), which are left out as site generators do
    #[arg(long)]
    drafts: bool,
}

impl FilterArgs {
    /// The filter, or the usage error of a value that cannot be what its flag asks for.
    pub(super) fn filter(self) -> Result<Filter, String> {
        let args = self;
        for rating in &args.rating {
            certificate(rating)?;
        }
        // The filters as given, for the message that nothing matched them.
        let mut asked = Vec::new();
        let mut say = |flag: &str, values: &[String]| {
            for value in values {
                asked.push(format!("--{flag} {}", shell_words::quote(value)));
            }
        };
        say("title", &args.title);
        say("director", &args.director);
        say("writer", &args.writer);
        say("cast", &args.cast);
        say("tag", &args.tag);
        say("genre", &args.genre);
        say("rating", &args.rating);
        let years: Vec<String> = args.year.iter().map(YearRange::to_string).collect();
        say("year", &years);
        for (flag, bound) in [
            ("min-score", &args.min_score),
            ("max-score", &args.max_score),
        ] {
            if let Some((_, text)) = bound {
                say(flag, std::slice::from_ref(text));
            }
        }
        Ok(Filter {
            titles: args.title,
            directors: args.director,
            writers: args.writer,
            cast: args.cast,
            tags: args.tag,
            genres: args.genre,
            ratings: args.rating,
            years: args.year,
            drafts: args.drafts,
            min_score: args.min_score.map(|(value, _)| value),
            max_score: args.max_score.map(|(value, _)| value),
            asked: asked.join(" "),
        })
    }
}

/// A score bound: its value on the 0-100 scale, and the text as given (for messages).
fn score_bound(text: &str) -> Result<(f64, String), String> {
    Ok((crate::record::score_on_scale(text)?, text.to_string()))
}

/// A certificate for `--rating`. A value only a score can be (`4/5`, `80%`, `3.5`, stars) is a
/// usage error that points to `--min-score`, instead of a filter that silently keeps nothing.
/// Bare numbers and letters stay certificates: `15` and `18` are British ones, `A` and `B` others.
fn certificate(text: &str) -> Result<(), String> {
    let only_a_score = text.contains(['/', '%', '.', '★', '⭐', '☆']) || text.contains(" of ");
    if only_a_score && crate::record::score_on_scale(text).is_ok() {
        return Err(format!(
            "--rating {text}: --rating is the certificate (PG-13, R), and {text} is a score; \
             for reviews scored at least {text}, use --min-score {}",
            shell_words::quote(text)
        ));
    }
    Ok(())
}
