//! Field names: the fields the reader knows, and the many ways people spell their keys.

/// The fields the reader knows; every other key goes to `extra`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    OriginalTitle,
    Year,
    DirectedBy,
    WrittenBy,
    ProducedBy,
    Starring,
    Rating,
    RatingReason,
    Score,
    Runtime,
    UsRelease,
    ReleaseDate,
    Reviewed,
    /// The day the film was seen (the review may be written later).
    Watched,
    Reviewer,
    Tags,
    Genres,
    /// `draft: true` (Hugo, Jekyll, Astro).
    Draft,
    /// What the film is about, in a sentence or two.
    Synopsis,
}

/// Normalised key → field. Keys are normalised by [`normalize_key`] before the lookup.
const ALIASES: &[(&str, Field)] = &[
    ("title", Field::Title),
    ("movie_title", Field::Title),
    ("film_title", Field::Title),
    ("film", Field::Title),
    ("movie", Field::Title),
    ("original_title", Field::OriginalTitle),
    ("year", Field::Year),
    ("directed_by", Field::DirectedBy),
    ("director", Field::DirectedBy),
    ("directors", Field::DirectedBy),
    ("written_by", Field::WrittenBy),
    ("writer", Field::WrittenBy),
    ("writers", Field::WrittenBy),
    ("screenplay", Field::WrittenBy),
    ("screenplay_by", Field::WrittenBy),
    ("produced_by", Field::ProducedBy),
    ("producer", Field::ProducedBy),
    ("producers", Field::ProducedBy),
    ("starring", Field::Starring),
    ("cast", Field::Starring),
    // `stars:` is the score or the cast, as its value says: see `build`.
    ("stars", Field::Starring),
    ("actors", Field::Starring),
    ("rating", Field::Rating),
    ("rated", Field::Rating),
    ("mpaa", Field::Rating),
    ("mpaa_rating", Field::Rating),
    ("certification", Field::Rating),
    ("content_rating", Field::Rating),
    ("rating_reason", Field::RatingReason),
    ("score", Field::Score),
    ("grade", Field::Score),
    ("my_rating", Field::Score),
    ("rating_emoji", Field::Score),
    ("runtime", Field::Runtime),
    ("running_time", Field::Runtime),
    ("run_time", Field::Runtime),
    ("length", Field::Runtime),
    ("duration", Field::Runtime),
    ("runtime_mins", Field::Runtime),
    ("us_release", Field::UsRelease),
    ("us_release_date", Field::UsRelease),
    ("u_s_release", Field::UsRelease),
    ("u_s_release_date", Field::UsRelease),
    ("release_date", Field::ReleaseDate),
    ("released", Field::ReleaseDate),
    ("release", Field::ReleaseDate),
    ("reviewed", Field::Reviewed),
    ("date", Field::Reviewed),
    ("published", Field::Reviewed),
    ("published_date", Field::Reviewed),
    ("publish_date", Field::Reviewed),
    ("review_date", Field::Reviewed),
    ("reviewed_on", Field::Reviewed),
    ("watched", Field::Watched),
    ("watched_date", Field::Watched),
    ("watched_on", Field::Watched),
    ("viewing_date", Field::Watched),
    ("date_watched", Field::Watched),
    ("seen", Field::Watched),
    ("reviewer", Field::Reviewer),
    ("author", Field::Reviewer),
    ("tags", Field::Tags),
    ("tag", Field::Tags),
    ("genres", Field::Genres),
    ("genre", Field::Genres),
    ("draft", Field::Draft),
    ("synopsis", Field::Synopsis),
    ("summary", Field::Synopsis),
    ("plot", Field::Synopsis),
    ("logline", Field::Synopsis),
];

/// Lower-case a key and treat spaces, hyphens, dots, underscores and camelCase humps alike:
/// `U.S. release date`, `us-release-date` and `usReleaseDate` all become `u_s_release_date` or
/// `us_release_date`. A leading `:` (a Ruby symbol key, `:movie:`) is not part of the key.
pub(crate) fn normalize_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut previous_lower = false;
    for c in key
        .trim()
        .trim_start_matches(':')
        .trim_end_matches(':')
        .chars()
    {
        if matches!(c, ' ' | '-' | '.' | '_' | '\t') {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            previous_lower = false;
        } else {
            if c.is_uppercase() && previous_lower && !out.ends_with('_') {
                out.push('_');
            }
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
            out.extend(c.to_lowercase());
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// The field a key means, if the reader knows it.
pub(crate) fn field_for(key: &str) -> Option<Field> {
    // The table hashed, made once: every key of every header is looked up here, and a binary
    // search's string comparisons cost more than one hash.
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&str, Field>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| ALIASES.iter().copied().collect());
    let lookup = |key: &str| table.get(key).copied();
    // Most keys are written in canonical form already: look them up without a copy.
    if key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        && let Some(field) = lookup(key)
    {
        return Some(field);
    }
    lookup(&normalize_key(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file format's page lists every spelling in its field's row (a field's first spelling
    /// here is its name), so it cannot fall behind this table.
    #[test]
    fn every_spelling_is_in_the_file_format_page() {
        let page = include_str!("../../docs/file-format.md");
        let page = &page[page.find("## Keys and their synonyms").unwrap()..];
        let missing: Vec<&str> = ALIASES
            .iter()
            .filter(|(key, field)| {
                let (name, _) = ALIASES.iter().find(|(_, f)| f == field).unwrap();
                let row = page
                    .lines()
                    .find(|line| line.starts_with(&format!("| `{name}` |")));
                !row.is_some_and(|row| row.contains(&format!("`{key}`")))
            })
            .map(|(key, _)| *key)
            .collect();
        assert!(missing.is_empty(), "docs/file-format.md lacks {missing:?}");
    }

    #[test]
    fn each_spelling_means_one_field() {
        let mut spellings: Vec<&str> = ALIASES.iter().map(|(alias, _)| *alias).collect();
        spellings.sort_unstable();
        let before = spellings.len();
        spellings.dedup();
        assert_eq!(spellings.len(), before, "a spelling is in the table twice");
        // Every spelling is found as written, and means its own field.
        for (alias, field) in ALIASES {
            assert_eq!(field_for(alias), Some(*field), "{alias}");
        }
    }

    #[test]
    fn keys_normalise() {
        assert_eq!(normalize_key("Directed By"), "directed_by");
        assert_eq!(normalize_key("U.S. release date"), "u_s_release_date");
        assert_eq!(normalize_key("watchedDate"), "watched_date");
        assert_eq!(normalize_key("running-time"), "running_time");
        assert_eq!(normalize_key("publishDate"), "publish_date");
    }

    #[test]
    fn aliases() {
        for (key, field) in [
            ("director", Field::DirectedBy),
            ("Directors", Field::DirectedBy),
            ("directed by", Field::DirectedBy),
            ("writers", Field::WrittenBy),
            ("Screenplay", Field::WrittenBy),
            ("written by", Field::WrittenBy),
            ("producers", Field::ProducedBy),
            ("produced by", Field::ProducedBy),
            ("cast", Field::Starring),
            // `stars:` is the score or the cast, as its value says: see `build`.
            ("stars", Field::Starring),
            ("running time", Field::Runtime),
            ("release date", Field::ReleaseDate),
            ("released", Field::ReleaseDate),
            ("U.S. release date", Field::UsRelease),
            ("date", Field::Reviewed),
            ("published", Field::Reviewed),
            ("movie title", Field::Title),
            (":movie", Field::Title),
            (":grade", Field::Score),
            ("watchedDate", Field::Watched),
            ("Viewing Date", Field::Watched),
            ("seen", Field::Watched),
            ("ratingEmoji", Field::Score),
        ] {
            assert_eq!(field_for(key), Some(field), "{key}");
        }
        assert_eq!(field_for("layout"), None);
    }
}
