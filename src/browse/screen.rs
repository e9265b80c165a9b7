//! The terminal: `/dev/tty` taken over (raw mode, the alternate screen, the mouse) and always
//! given back as it was, on quit, Ctrl-C, SIGTERM, SIGHUP, a panic, and around the editor.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::draw::Drawer;
use super::keys::Key;
use super::state::{Browser, Outcome};
use super::{Entry, Shelf};

/// How long the loop waits for a key before it looks for more entries and signals.
const TICK: Duration = Duration::from_millis(25);

/// How long it waits while the finder works, so that its results are drawn as they come.
const FINDING_TICK: Duration = Duration::from_millis(1);

/// How long a key waits for its results before its query is drawn without them.
const ONE_FRAME: Duration = Duration::from_millis(12);

/// How often the list takes in what has been read while the reading goes on.
const REFILL: Duration = Duration::from_millis(150);

/// Entries read, sent to the browser as the reading goes on; the channel closes when all are.
pub(crate) struct Batch {
    pub(crate) entries: Vec<Entry>,
    pub(crate) unreadable: usize,
}

/// How the browser ended.
pub(crate) enum Ended {
    /// Enter, with `--print`.
    Picked(Entry),
    /// Quit without a choice.
    Quit,
    /// SIGTERM or SIGHUP.
    Signalled,
}

/// The terminal to draw on, or why there is none: `/dev/tty`, a terminal.
pub(crate) fn open_terminal() -> Result<File, String> {
    let tty = File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|e| format!("no terminal to browse on (/dev/tty: {e})"))?;
    if tty.is_terminal() {
        Ok(tty)
    } else {
        Err("no terminal to browse on (/dev/tty is not one)".into())
    }
}

/// Take the terminal, show the browser until it ends, and give the terminal back.
pub(crate) fn run(
    tty: File,
    mut browser: Browser,
    batches: Receiver<Batch>,
    shelf: &dyn Shelf,
    editor: Option<&[String]>,
) -> io::Result<Ended> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back();
        previous(info);
    }));
    take()?;
    // Buffered: a frame is one write, not one per cell.
    let mut terminal = Terminal::new(CrosstermBackend::new(BufWriter::new(tty)))?;
    let ended = event_loop(&mut terminal, &mut browser, &batches, shelf, editor, &stop);
    give_back();
    let _ = std::panic::take_hook();
    ended
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<BufWriter<File>>>,
    browser: &mut Browser,
    batches: &Receiver<Batch>,
    shelf: &dyn Shelf,
    editor: Option<&[String]>,
    stop: &AtomicBool,
) -> io::Result<Ended> {
    let mut drawer = Drawer::default();
    let mut dirty = true;
    // What has been read and not yet shown: shown at once at first, then every REFILL at most,
    // since each showing matches and sorts everything read so far.
    let mut more = Vec::new();
    let mut unreadable = 0;
    let mut shown_at: Option<Instant> = None;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(Ended::Signalled);
        }
        while browser.loading {
            match batches.try_recv() {
                Ok(batch) => {
                    more.extend(batch.entries);
                    unreadable += batch.unreadable;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    browser.loading = false;
                    dirty = true;
                }
            }
        }
        let due = shown_at.is_none_or(|at| at.elapsed() >= REFILL) || !browser.loading;
        if due && (!more.is_empty() || unreadable > 0) {
            browser.add(std::mem::take(&mut more), std::mem::take(&mut unreadable));
            shown_at = Some(Instant::now());
            dirty = true;
        }
        dirty |= browser.take_found();
        if dirty {
            terminal.draw(|frame| drawer.draw(frame, browser, shelf))?;
            dirty = false;
        }
        // While results are to come, look for them often.
        let tick = if browser.finding() {
            FINDING_TICK
        } else {
            TICK
        };
        if !event::poll(tick)? {
            continue;
        }
        let event = event::read()?;
        dirty = true;
        let Some(key) = Key::of(&event) else {
            continue;
        };
        let outcome = browser.handle(key);
        // The results of a key usually come within a frame: waited for, they are drawn with
        // its query in one frame, and no frame of the query alone takes a core from matching.
        if browser.finding() {
            browser.settle_by(Some(Instant::now() + ONE_FRAME));
        }
        match outcome {
            Outcome::Going => {}
            Outcome::Quit => return Ok(Ended::Quit),
            Outcome::Pick(index) => return Ok(Ended::Picked(browser.entries[index].clone())),
            Outcome::Edit(index) => {
                let Some(editor) = editor else { continue };
                let path = browser.entries[index].path.clone();
                give_back();
                let edited = edit(editor, &path);
                take()?;
                terminal.clear()?;
                drawer.forget();
                if edited && let Some(entry) = shelf.reread(&browser.entries[index]) {
                    browser.replace(index, entry);
                }
            }
        }
    }
}

/// Raw mode, the alternate screen, the mouse, no cursor until the prompt places it.
fn take() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut tty = File::options().write(true).open("/dev/tty")?;
    execute!(tty, EnterAlternateScreen, EnableMouseCapture, cursor::Hide)
}

/// The terminal as it was: the main screen, cooked mode, the cursor shown. Safe to call twice,
/// and from a panic.
fn give_back() {
    if let Ok(mut tty) = File::options().write(true).open("/dev/tty") {
        let _ = execute!(tty, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
        let _ = tty.flush();
    }
    let _ = terminal::disable_raw_mode();
}

/// Run the editor on `path` on the terminal; did it exit well?
fn edit(editor: &[String], path: &Path) -> bool {
    let Some((program, args)) = editor.split_first() else {
        return false;
    };
    let tty = |write: bool| File::options().read(!write).write(write).open("/dev/tty");
    let (Ok(input), Ok(output), Ok(errors)) = (tty(false), tty(true), tty(true)) else {
        return false;
    };
    std::process::Command::new(program)
        .args(args)
        .arg(path)
        .stdin(input)
        .stdout(output)
        .stderr(errors)
        .status()
        .is_ok_and(|s| s.success())
}
