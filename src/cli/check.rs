//! `reviews check`: its arguments.

use std::path::PathBuf;

use clap::Args;

use super::global::GlobalArgs;

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    /// Files or folders to check [default: the collection]
    #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub(super) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}
