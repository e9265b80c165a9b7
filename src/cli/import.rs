//! `reviews import`: its arguments, and the options they make.

use std::path::PathBuf;

use clap::Args;

use super::global::GlobalArgs;
use crate::config::ImportOptions;

#[derive(Debug, Args)]
pub(super) struct ImportArgs {
    /// Review files, or a Letterboxd export
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The folder to write into [default: the collection]
    #[arg(long, value_name = "DIR")]
    to: Option<PathBuf>,
    /// Say what would be written where, and write nothing
    #[arg(long)]
    dry_run: bool,
    /// Read every FILE as this kind of export, whatever its content
    #[arg(long, value_name = "SOURCE")]
    from: Option<ImportSource>,
    /// From a Letterboxd export, also each film logged, rated or watched with no review
    /// (as a file with an empty body)
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

/// What `import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ImportSource {
    /// Letterboxd's export: its zip, its folder or one of its CSV files
    Letterboxd,
}

impl ImportArgs {
    pub(super) fn options(self) -> ImportOptions {
        ImportOptions {
            files: self.files,
            to: self.to,
            dry_run: self.dry_run,
            from_letterboxd: self.from == Some(ImportSource::Letterboxd),
            all: self.all,
        }
    }
}
