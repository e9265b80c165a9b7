//! The one place where flags, environment and terminal are weighed into a [`Config`].

use super::environment::{choose_collection, editor_command, pager_command};
use super::global::ColorWhen;
use super::{Cli, CliCommand, Environment, complete, man};
use crate::config::{Command, Config, Warnings};

impl Cli {
    /// Weigh flags, environment and terminal into a [`Config`].
    pub(crate) fn resolve(mut self, env: &Environment) -> Config {
        let global = self.command.take_global().or(self.global);
        let (dir, dir_origin) = choose_collection(global.dir, env.var("REVIEWS_DIR"));
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
        let command = match self.command {
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
        };
        let warnings = match (global.quiet, global.verbose) {
            (true, _) => Warnings::Silent,
            (_, true) => Warnings::Each,
            _ => Warnings::Counted,
        };
        Config {
            dir,
            dir_origin,
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
