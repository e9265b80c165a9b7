//! `--format`: a format's name or a template, as `list` and `search` take it.

use clap::ValueEnum;

use crate::output::template::Template;

/// `--format`: a format's name, or a template (any text with a `{`).
#[derive(Debug, Clone)]
pub(super) enum FormatArg<F> {
    Named(F),
    Template(Template),
}

pub(super) fn format_arg<F: ValueEnum + Clone + Send + Sync + 'static>(
    text: &str,
) -> Result<FormatArg<F>, String> {
    if text.contains('{') {
        return Template::parse(text).map(FormatArg::Template);
    }
    F::from_str(text, true).map(FormatArg::Named).map_err(|_| {
        let names: Vec<String> = F::value_variants()
            .iter()
            .filter_map(|v| Some(v.to_possible_value()?.get_name().to_string()))
            .collect();
        format!(
            "expected {}, or a template with {{field}}s such as '{{title}} ({{year}})'",
            names.join(", ")
        )
    })
}

/// The named format, and the template when it is one.
pub(super) fn resolve_format<F>(
    format: Option<FormatArg<F>>,
    template_format: F,
) -> (Option<F>, Option<Template>) {
    match format {
        None => (None, None),
        Some(FormatArg::Named(format)) => (Some(format), None),
        Some(FormatArg::Template(template)) => (Some(template_format), Some(template)),
    }
}

/// The usage error of `-0` with a format whose lines it cannot end.
pub(super) const NULL_FORMATS: &str =
    "-0/--null ends the lines of tsv, path and templates: give one of them";
