//! `reviews new`: its arguments, and the options they make.

use std::path::PathBuf;

use clap::Args;

use super::global::GlobalArgs;
use crate::config::NewOptions;

#[derive(Debug, Args)]
pub(super) struct NewArgs {
    /// The film's title
    #[arg(required = true, value_name = "TITLE")]
    title: Vec<String>,
    /// The film's year
    #[arg(long, value_name = "Y")]
    year: Option<i32>,
    /// A director (repeat for several)
    #[arg(long, value_name = "D")]
    director: Vec<String>,
    /// The certification (R, PG-13, ...)
    #[arg(long, value_name = "R")]
    rating: Option<String>,
    /// Your score (3.5/4, 8/10, B+, ...)
    #[arg(long, value_name = "S")]
    score: Option<String>,
    /// The folder to write into [default: the collection]
    #[arg(long, value_name = "DIR")]
    to: Option<PathBuf>,
    /// Only write the file; do not open an editor
    #[arg(long)]
    no_edit: bool,
    /// Write a new file even when the collection already reviews this film
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

impl NewArgs {
    /// The options of `new`; `editor` is the one to open on a terminal, if any.
    pub(super) fn options(self, editor: Option<Vec<String>>) -> NewOptions {
        NewOptions {
            title: self.title.join(" "),
            year: self.year,
            directors: self.director,
            rating: self.rating,
            score: self.score,
            to: self.to,
            editor: editor.filter(|_| !self.no_edit),
            force: self.force,
        }
    }
}
