//! `reviews config`: its arguments, and the starter file `config init` writes.

use clap::{Args, Subcommand};

use super::global::GlobalArgs;
use crate::config::Collection;

pub(super) const CONFIG_HELP: &str = "\
The file is $REVIEWS_CONFIG, else $XDG_CONFIG_HOME/reviews/config.toml, else
~/.config/reviews/config.toml. A flag beats the environment, which beats the file, which beats
the built-in default.

Examples:
  reviews config
  reviews config --path
  reviews --dir ~/blog/content/reviews --dir ~/films config init";

#[derive(Debug, Args)]
pub(super) struct ConfigArgs {
    #[command(subcommand)]
    pub(super) action: Option<ConfigAction>,
    /// Print the config file's path (whether or not it exists)
    #[arg(long)]
    pub(super) path: bool,
    #[command(flatten)]
    pub(super) global: GlobalArgs,
}

#[derive(Debug, Subcommand)]
pub(super) enum ConfigAction {
    /// Write a commented starter file with the collections given (--dir, $REVIEWS_DIR, else
    /// ./reviews when it is there, else this folder); never over an existing one
    Init,
}

/// A starter config file: every setting commented out at its default, and the collections:
/// those `given` (`--dir`, `$REVIEWS_DIR`), else ./reviews when it is there, else this folder.
pub(super) fn starter_file(collections: &[Collection], given: bool) -> String {
    // Keys outside a table come first: after `[collections.x]` they would be that table's.
    let mut text = String::from(
        "# reviews' config file. A flag beats the environment, which beats this file.\n\
         # `reviews config` prints every setting in effect and where it came from.\n\n\
         # color = \"auto\"      # auto, always or never, as --color\n\
         # width = 100         # as --width; the terminal's width bounds it\n\
         # score_scale = 10    # as --score-scale: every score out of 10 (default \"written\")\n\n\
         # The collections read when neither --dir nor $REVIEWS_DIR names one, in this order\n\
         # (`import` and `new` write to the first). `path` may start with ~ and is relative to\n\
         # this file's folder; `include` and `exclude` are globs of the files within it; `tags`\n\
         # are added to each of its reviews.\n",
    );
    // Named, the collections given; else ./reviews when it is there, else this folder.
    let here;
    let collections = match collections {
        _ if given => collections,
        [default] if default.path.is_dir() => collections,
        _ => {
            let folder = std::env::current_dir().unwrap_or_else(|_| ".".into());
            let name = folder
                .file_name()
                .map_or("reviews".into(), |n| n.to_string_lossy().into_owned());
            here = [Collection::at(folder, name, String::new())];
            &here[..]
        }
    };
    for collection in collections {
        let path = std::fs::canonicalize(&collection.path).unwrap_or(collection.path.clone());
        text.push_str(&format!(
            "[collections.{}]\npath = {}\n# include = [\"**/*.md\"]\n# exclude = [\"drafts/**\"]\n# tags = []\n\n",
            toml_key(&collection.name),
            toml_string(&path.to_string_lossy()),
        ));
    }
    text.push_str(
        "[list]\n\
         # sort = \"title\"      # as --sort\n\
         # reverse = false     # as --reverse\n\
         # format = \"table\"    # as --format; a template such as \"{title} ({year})\" too\n\
         # columns = \"slug,title,year,directed_by,rating,runtime,score\"\n\n\
         [show]\n\
         # width = 72          # show's width, before the global one\n\
         # pager = \"less -FRX\" # or false for none, as --no-pager\n",
    );
    text
}

/// A collection's name as a TOML key: bare when it can be.
fn toml_key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare {
        name.to_string()
    } else {
        toml_string(name)
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}
