//! The review record: the model, the names its fields go by, and the parsers that type each
//! value as people write it.

mod aliases;
mod build;
mod dates;
mod expected;
mod review;
mod scores;
mod values;

use std::borrow::Cow;
use std::path::Path;

pub(crate) use aliases::{Field, field_for};
pub(crate) use build::{RawField, build, title_and_year};
pub(crate) use dates::{parse_date, with_note};
pub(crate) use review::lossy_path;
pub(crate) use review::{CERTIFICATIONS, certification_rank};
pub use review::{Rating, Review, Score};
pub(crate) use scores::score_on_scale;
#[cfg(test)]
pub(crate) use values::is_placeholder;

/// A review's slug: its file name without the extension, and without a Jekyll post's date
/// (`2023-05-14-heat.md` is `heat`); a page bundle's `NAME/index.md` is `NAME`.
pub(crate) fn slug(path: &Path) -> Cow<'_, str> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    if stem == "index"
        && let Some(folder) = path.parent().and_then(Path::file_name)
    {
        return folder.to_string_lossy();
    }
    match jekyll_date(&stem) {
        Some((_, rest)) => Cow::Owned(rest.to_string()),
        None => stem,
    }
}

/// A Jekyll post's name, `YYYY-MM-DD-slug`: the date and the slug.
fn jekyll_date(stem: &str) -> Option<(jiff::civil::Date, &str)> {
    let bytes = stem.as_bytes();
    if bytes.len() < 12 || bytes[10] != b'-' || !stem.is_char_boundary(11) {
        return None;
    }
    let date = dates::parse_date(&stem[..10])?;
    Some((date, &stem[11..]))
}

/// The date a file's name gives (Jekyll's `YYYY-MM-DD-slug`), for a header without one.
pub(crate) fn date_in_file_name(path: &Path) -> Option<jiff::civil::Date> {
    let stem = path.file_stem()?.to_str()?;
    jekyll_date(stem).map(|(date, _)| date)
}

/// The title a file name gives a header without one: the slug, less a year at its end
/// (`nightmare-honeymoon-1973`), which is returned beside it.
pub(crate) fn title_from_slug(slug: &str) -> (String, Option<i32>) {
    if let Some((title, year)) = slug.rsplit_once(['-', '_', ' '])
        && let Ok(year) = year.parse::<i32>()
        && (1870..=2200).contains(&year)
        && !title.is_empty()
    {
        return (title.to_string(), Some(year));
    }
    (slug.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_of_jekyll_posts_and_page_bundles() {
        assert_eq!(slug(Path::new("r/rust-and-bone.md")), "rust-and-bone");
        assert_eq!(slug(Path::new("_posts/2023-05-14-heat.md")), "heat");
        assert_eq!(slug(Path::new("content/heat/index.md")), "heat");
        assert_eq!(slug(Path::new("1900-1924.md")), "1900-1924");
        assert_eq!(
            date_in_file_name(Path::new("2023-05-14-heat.md")).map(|d| d.to_string()),
            Some("2023-05-14".into())
        );
    }

    #[test]
    fn a_year_at_the_end_of_a_file_name() {
        assert_eq!(
            title_from_slug("nightmare-honeymoon-1973"),
            ("nightmare-honeymoon".into(), Some(1973))
        );
        assert_eq!(title_from_slug("film-12"), ("film-12".into(), None));
        assert_eq!(title_from_slug("2001"), ("2001".into(), None));
    }
}
