//! The one place where flags, environment and terminal are weighed into a [`Config`].

use super::environment::{choose_collections, editor_command, pager_command};
use super::global::ColorWhen;
use super::{Cli, CliCommand, Environment, complete, man};
use crate::config::{Collection, Command, Config, ListFormat, Warnings};
use crate::output::{Layout, WITH_COLLECTION};

impl Cli {
    /// Weigh flags, environment and terminal into a [`Config`].
    pub(crate) fn resolve(mut self, env: &Environment) -> Config {
        let global = self.command.take_global().or(self.global);
        let mut collections = choose_collections(global.dir, env.var("REVIEWS_DIR"));
        let several = collections.len() > 1;
        let chosen = choose_among(&mut collections, &global.collection);
        let terminal = env.stdout_terminal;
        let color = match global.color.unwrap_or(ColorWhen::Auto) {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            // NO_COLOR wins; CLICOLOR_FORCE colours a pipe; CLICOLOR=0 turns a terminal's off.
            ColorWhen::Auto => {
                let forced = env.var("CLICOLOR_FORCE").is_some_and(|v| v != "0");
                let refused = env.var("CLICOLOR") == Some("0");
                env.var("NO_COLOR").is_none()
                    && env.var("TERM") != Some("dumb")
                    && (forced || terminal && !refused)
            }
        };
        let screen = env.terminal_size.filter(|_| terminal);
        let width = global.width.map(usize::from).unwrap_or_else(|| {
            screen
                .map(|(w, _)| w)
                // As `--width` takes it: a value past its range is not a width.
                .or_else(|| {
                    env.var("COLUMNS")?
                        .parse()
                        .ok()
                        .filter(|w: &usize| (1..=usize::from(u16::MAX)).contains(w))
                })
                .unwrap_or(80)
        });
        let height = screen
            .map(|(_, h)| h)
            .filter(|&h| h > 0)
            .or_else(|| env.var("LINES")?.parse().ok())
            .filter(|_| terminal);
        let pager = match &self.command {
            CliCommand::Show(args) if terminal && !args.no_pager => pager_command(env),
            CliCommand::Search(args) if terminal && !args.no_pager => pager_command(env),
            _ => None,
        };
        let usage_or = |options: Result<Command, String>| options.unwrap_or_else(Command::Usage);
        let command = match (chosen, self.command) {
            (Err(message), _) => Command::Usage(message),
            (Ok(()), command) => match command {
                CliCommand::List(args) => usage_or(args.options(terminal).map(Command::List)),
                CliCommand::Show(args) => Command::Show(args.options()),
                CliCommand::Stats(args) => usage_or(args.options(terminal).map(Command::Stats)),
                CliCommand::Search(args) => usage_or(args.options(terminal).map(Command::Search)),
                CliCommand::Check(args) => Command::Check(args.paths),
                CliCommand::Import(args) => Command::Import(args.options()),
                CliCommand::New(args) => {
                    let editor = editor_command(env).filter(|_| terminal);
                    Command::New(args.options(editor))
                }
                CliCommand::Completions { shell } => Command::Print(complete::registration(shell)),
                CliCommand::Man { command, out } => match out {
                    Some(folder) => Command::Write {
                        folder,
                        files: man::every_page(),
                    },
                    None => Command::Print(man::page(command.as_deref())),
                },
            },
        };
        // Several collections: the table says which each review is in.
        let mut command = command;
        if let Command::List(options) = &mut command
            && several
            && options.format == ListFormat::Table
            && options.layout.is_standard()
            && let Ok(layout) = Layout::chosen(WITH_COLLECTION)
        {
            options.layout = layout;
        }
        let warnings = match (global.quiet, global.verbose) {
            (true, _) => Warnings::Silent,
            (_, true) => Warnings::Each,
            _ => Warnings::Counted,
        };
        Config {
            collections,
            warnings,
            terminal,
            color,
            hyperlinks: color && env.hyperlinks,
            width,
            height,
            pager,
            command,
        }
    }
}

/// Keep the collections `--collection` names (all when it names none); a name that is no
/// collection's is a usage error that lists theirs.
fn choose_among(collections: &mut Vec<Collection>, names: &[String]) -> Result<(), String> {
    if names.is_empty() {
        return Ok(());
    }
    if let Some(unknown) = names
        .iter()
        .find(|n| !collections.iter().any(|c| &c.name == *n))
    {
        let known: Vec<&str> = collections.iter().map(|c| c.name.as_str()).collect();
        return Err(format!(
            "no collection is named \"{unknown}\"; the collections are: {}",
            known.join(", ")
        ));
    }
    collections.retain(|c| names.contains(&c.name));
    Ok(())
}
