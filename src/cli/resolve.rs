//! The one place where flags, environment, config file and terminal are weighed into a
//! [`Config`]: the flag, then the environment, then the file, then the built-in default.

use clap::ValueEnum;

use super::config_command::{ConfigAction, starter_file};
use super::environment::{DEFAULT_PAGER, editor_command, pager_command};
use super::global::{ColorWhen, MIN_WIDTH};
use super::list::{ListArgs, ListDefaults};
use super::settings::{PagerSetting, ScaleSetting, SettingsFile, config_path};
use super::weigh::{self, Origin, Weighed};
use super::{Cli, CliCommand, Environment, complete, man};
use crate::config::{Collection, Command, Config, ListFormat, ScoreScale, Warnings};
use crate::output::{Layout, WITH_COLLECTION};
use crate::terminal::pager::Pager;

impl Cli {
    /// Weigh flags, environment, the config file (or why it cannot be read) and terminal into a
    /// [`Config`].
    pub(crate) fn resolve(self, env: &Environment, file: Result<SettingsFile, String>) -> Config {
        let is_config_path = matches!(&self.command, CliCommand::Config(args) if args.path);
        match file {
            Ok(file) => self.resolve_with(env, &file),
            // `config --path` says where the file is even when it is broken.
            Err(message) => {
                let mut config = self.resolve_with(env, &SettingsFile::default());
                config.command = match config_path(env) {
                    Some((path, _)) if is_config_path => {
                        Command::Print(format!("{}\n", path.display()).into_bytes())
                    }
                    _ => Command::Usage(message),
                };
                config
            }
        }
    }

    fn resolve_with(mut self, env: &Environment, file: &SettingsFile) -> Config {
        let global = self.command.take_global().or(self.global);
        let mut weighed = Weighed::default();
        weigh::config_file(file, &mut weighed);
        let mut problems = Vec::new();
        let given = weigh::folders_named(&global.dir, env);
        let collections = weigh::collections(global.dir, env, file, &mut weighed);
        let mut collections = or_problem(collections, &mut problems);
        let several = collections.len() > 1;
        if let Err(message) = choose_among(&mut collections, &global.collection) {
            problems.push(message);
        }
        let terminal = env.stdout_terminal;
        let settings = &file.settings;
        let file_color = weigh::from_file(file, "color", settings.color.as_ref(), |v| {
            ColorWhen::from_str(v, true).map_err(|_| "expected auto, always or never".into())
        });
        let file_color = or_problem(file_color, &mut problems);
        let color = color(global.color, file_color, env, terminal, &mut weighed);
        let screen = env.terminal_size.filter(|_| terminal);
        let is_show = matches!(self.command, CliCommand::Show(_));
        let (key, file_width) = match (&settings.show.width, &settings.width) {
            (Some(width), _) if is_show => ("show.width", Some(width)),
            (_, width) => ("width", width.as_ref()),
        };
        // As `--width` takes it.
        let file_width = weigh::from_file(file, key, file_width, |&w: &u16| match w {
            MIN_WIDTH.. => Ok(usize::from(w)),
            _ => Err(format!("expected {MIN_WIDTH} or more columns")),
        });
        let file_width = or_problem(file_width, &mut problems);
        let width = match (global.width, file_width) {
            (Some(width), _) => {
                weighed.note("width", width, Origin::Flag("--width"));
                usize::from(width)
            }
            // The terminal's width bounds the file's: a line past it would wrap.
            (None, Some((width, place))) => {
                let width = screen.map_or(width, |(w, _)| width.min(w));
                weighed.note("width", width, Origin::File(place));
                width
            }
            (None, None) => {
                let (width, origin) = match screen {
                    Some((w, _)) => (w, Origin::Default),
                    None => match env.var("COLUMNS").and_then(|c| c.parse::<usize>().ok()) {
                        // As `--width` takes it: a value past its range is not a width.
                        Some(w) if (1..=usize::from(u16::MAX)).contains(&w) => {
                            (w, Origin::Variable("COLUMNS"))
                        }
                        _ => (80, Origin::Default),
                    },
                };
                weighed.note("width", width, origin);
                width
            }
        };
        let height = screen
            .map(|(_, h)| h)
            .filter(|&h| h > 0)
            .or_else(|| env.var("LINES")?.parse().ok())
            .filter(|_| terminal);
        let file_pager = settings.show.pager.as_ref().map(|p| {
            let pager = match p.get_ref() {
                PagerSetting::Enabled(false) => None,
                PagerSetting::Enabled(true) => Pager::from_setting(DEFAULT_PAGER),
                PagerSetting::Command(command) => Pager::from_setting(command),
            };
            (pager, file.place(p))
        });
        let pages = match &self.command {
            CliCommand::Show(args) => !args.no_pager,
            CliCommand::Search(args) => !args.no_pager,
            _ => false,
        };
        let pager = pager_command(env, file_pager, &mut weighed).filter(|_| terminal && pages);
        let file_scale =
            weigh::from_file(file, "score_scale", settings.score_scale.as_ref(), |s| {
                ScoreScale::parse(&match s {
                    ScaleSetting::Number(n) => n.to_string(),
                    ScaleSetting::Word(word) => word.clone(),
                })
            });
        let file_scale = or_problem(file_scale, &mut problems);
        let (score_scale, origin) = weigh::first(global.score_scale, "--score-scale", file_scale);
        let score_scale = score_scale.unwrap_or_default();
        weighed.note("score_scale", score_scale, origin);
        let list_defaults = or_problem(ListDefaults::read(file, &settings.list), &mut problems);
        let usage_or = |options: Result<Command, String>| options.unwrap_or_else(Command::Usage);
        let mut command = match self.command {
            CliCommand::List(args) => usage_or(
                args.options(terminal, list_defaults, &mut weighed)
                    .map(Command::List),
            ),
            CliCommand::Show(args) => Command::Show(args.options()),
            CliCommand::Stats(args) => usage_or(args.options(terminal).map(Command::Stats)),
            CliCommand::Search(args) => usage_or(args.options(terminal).map(Command::Search)),
            CliCommand::Browse(args) => {
                let editor = editor_command(env);
                usage_or(args.options(editor).map(Command::Browse))
            }
            CliCommand::Check(args) => Command::Check(args.paths),
            CliCommand::Import(args) => Command::Import(args.options()),
            CliCommand::New(args) => {
                let editor = editor_command(env).filter(|_| terminal);
                Command::New(args.options(editor))
            }
            CliCommand::Config(args) => match (args.path, args.action) {
                (true, _) => Command::Print(match &file.path {
                    Some(path) => format!("{}\n", path.display()).into_bytes(),
                    None => Vec::new(),
                }),
                (false, Some(ConfigAction::Init)) => match &file.path {
                    Some(path) => Command::Init {
                        path: path.clone(),
                        text: starter_file(&collections, given),
                    },
                    None => Command::Usage(
                        "no folder for the config file: set $REVIEWS_CONFIG or $HOME".into(),
                    ),
                },
                (false, None) => {
                    // `list`'s settings, as a `list` with no flags would weigh them.
                    if let Err(problem) =
                        ListArgs::unset().options(terminal, list_defaults, &mut weighed)
                    {
                        problems.push(problem);
                    }
                    if let Some(width) = &settings.show.width {
                        let place = file.place(width);
                        weighed.note("show.width", width.get_ref(), Origin::File(place));
                    }
                    Command::Settings(Vec::new())
                }
            },
            CliCommand::Completions { shell } => Command::Print(complete::registration(shell)),
            CliCommand::Man { command, out } => match out {
                Some(folder) => Command::Write {
                    folder,
                    files: man::every_page(),
                },
                None => Command::Print(man::page(command.as_deref())),
            },
        };
        // Several collections: the table says which each review is in.
        if let Command::List(options) = &mut command
            && several
            && options.format == ListFormat::Table
            && options.layout.is_standard()
            && let Ok(layout) = Layout::chosen(WITH_COLLECTION)
        {
            options.layout = layout;
        }
        if let Command::Settings(shown) = &mut command {
            *shown = std::mem::take(&mut weighed.settings);
        }
        // A bad setting or `--collection` stops the run before anything is read.
        if let Some(problem) = problems.into_iter().next() {
            command = Command::Usage(problem);
        }
        if collections.is_empty() {
            collections.push(Collection::named("reviews"));
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
            score_scale,
            command,
        }
    }
}

/// The value, or its default with the problem kept: every problem found stops the run, the first
/// is said.
fn or_problem<T: Default>(result: Result<T, String>, problems: &mut Vec<String>) -> T {
    result.unwrap_or_else(|problem| {
        problems.push(problem);
        T::default()
    })
}

/// Colour: `--color`, else what the environment says (`NO_COLOR` wins, `CLICOLOR_FORCE` colours
/// a pipe, `CLICOLOR=0` turns a terminal's off, a dumb terminal has none), else the file's
/// `color`, else on a terminal.
fn color(
    flag: Option<ColorWhen>,
    file: Option<(ColorWhen, String)>,
    env: &Environment,
    terminal: bool,
    weighed: &mut Weighed,
) -> bool {
    let forced = env.var("CLICOLOR_FORCE").is_some_and(|v| v != "0");
    let refused = env.var("CLICOLOR") == Some("0");
    let said = [
        ("NO_COLOR", env.var("NO_COLOR").is_some(), false),
        ("TERM", env.var("TERM") == Some("dumb"), false),
        ("CLICOLOR_FORCE", forced, true),
        ("CLICOLOR", refused && terminal, false),
    ]
    .into_iter()
    .find(|(_, said, _)| *said);
    let (on, origin) = match (flag, said, file) {
        (Some(ColorWhen::Always), _, _) => (true, Origin::Flag("--color")),
        (Some(ColorWhen::Never), _, _) => (false, Origin::Flag("--color")),
        (_, Some((name, _, on)), _) => (on, Origin::Variable(name)),
        (_, None, Some((ColorWhen::Always, place))) => (true, Origin::File(place)),
        (_, None, Some((ColorWhen::Never, place))) => (false, Origin::File(place)),
        _ => (terminal, Origin::Default),
    };
    weighed.note("color", if on { "on" } else { "off" }, origin);
    on
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
