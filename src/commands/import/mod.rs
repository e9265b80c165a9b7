//! `reviews import` and `reviews new`: review files written in canonical form, named from their
//! titles, never over another file.
//! One file per source (review files, Letterboxd), and the writer they share.

mod export;
mod files;
pub(in crate::commands) mod writer;

use self::export::import_export;
use self::files::import_file;
use self::writer::Writer;

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::PathBuf;

use crate::commands::Outcome;
use crate::config::{Config, ImportOptions, Warnings};
use crate::diagnostics::{Error, Printer, Result, Severity};
use crate::letterboxd::{self, Recognised};

/// The folder to write into, made when missing.
pub(in crate::commands) fn target_dir(
    config: &Config,
    to: &Option<PathBuf>,
    dry_run: bool,
) -> Result<PathBuf> {
    let dir = to.clone().unwrap_or_else(|| config.home().path.clone());
    if !dry_run && !dir.is_dir() {
        fs::create_dir_all(&dir).map_err(|source| Error::write(&dir, source))?;
    }
    Ok(dir)
}

pub(super) fn import(
    config: &Config,
    options: &ImportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let dir = target_dir(config, &options.to, options.dry_run)?;
    let mut writer = Writer {
        dir,
        dry_run: options.dry_run,
        out,
        taken: HashMap::new(),
        known: None,
        notes: Vec::new(),
        said: Vec::new(),
        written: 0,
        already: 0,
        failed: 0,
    };
    // Exports are read as one after the review files, their reviews first.
    let mut exports = Vec::new();
    for source in &options.files {
        match letterboxd::recognise(source, options.from_letterboxd) {
            Err(error) => writer.failed(&error),
            Ok(Recognised::NotFilms(why)) => writer.said.push(why),
            Ok(Recognised::Export(export)) => exports.push(export),
            Ok(Recognised::ReviewFile) => import_file(source, &mut writer)?,
        }
    }
    let mut left_out = 0;
    if !exports.is_empty() {
        let export = letterboxd::Export::merge(exports);
        left_out = import_export(export, options.all, &mut writer)?;
    }
    // The summary closes the report: what stdout holds goes out first.
    writer.out.flush()?;
    let mut printer = Printer::new(err);
    printer.report(&mut writer.notes, config.warnings);
    if config.warnings != Warnings::Silent {
        for why in &writer.said {
            printer.problem(why, Severity::Warning);
        }
    }
    let verb = if options.dry_run {
        "would be written"
    } else {
        "written"
    };
    printer.summary(&format!(
        "{} {verb}, {} already there, {} failed",
        writer.written, writer.already, writer.failed
    ));
    if left_out > 0 {
        printer.hint(&format!(
            "{left_out} films logged, rated or watched with no review were left out: `--all` imports them too"
        ));
    }
    Ok(if writer.failed > 0 {
        Outcome::FileErrors
    } else {
        Outcome::Found
    })
}
