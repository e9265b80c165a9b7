//! Reads that overlap the walk: while the walk still lists folders, the files it has already
//! found are read from the disk, so that their reads are in flight beside the walk's own.
//!
//! Only from a disk: the first files found are read one by one (as [`super::read`]'s probe
//! would read them anyway), and only when that is slower than a cached read do readers start.
//! What they read stays in the page cache for the reading pass, which is then told the files
//! are not cached and keeps its own reads in flight from the start.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::read::{READERS, look_cached, mark_uncached};

/// Files read one by one to tell whether the files come from a disk: few, since the walk goes
/// on meanwhile and every millisecond of the verdict is one without reads in flight.
const PROBE: usize = 8;

/// Files handed to the readers at most: the walk outruns them many times over, so a longer queue
/// would only hold paths that the reading pass reaches first.
const MAX_QUEUED: usize = 16_384;

/// Bytes read of each file: a review's header and most of its text.
const HEAD: usize = 16 << 10;

const UNKNOWN: u8 = 0;
const CACHED: u8 = 1;
const FROM_DISK: u8 = 2;

/// What the readers share: the verdict, the queue, and when to stop.
struct Shared {
    verdict: AtomicU8,
    stop: AtomicBool,
    queue: Mutex<Receiver<PathBuf>>,
}

/// The walk's companion: give it each file found, in order, and finish it when the walk ends.
pub(super) struct Prefetch {
    shared: Arc<Shared>,
    sender: Sender<PathBuf>,
    /// The first files found, until there are enough to tell whether they are cached.
    first: Vec<PathBuf>,
    queued: usize,
    scout: Option<JoinHandle<()>>,
}

impl Prefetch {
    pub(super) fn new() -> Prefetch {
        let (sender, receiver) = channel();
        Prefetch {
            shared: Arc::new(Shared {
                verdict: AtomicU8::new(UNKNOWN),
                stop: AtomicBool::new(false),
                queue: Mutex::new(receiver),
            }),
            sender,
            first: Vec::with_capacity(PROBE),
            queued: 0,
            scout: None,
        }
    }

    /// A file the walk found.
    pub(super) fn found(&mut self, path: &Path) {
        if self.first.len() < PROBE {
            self.first.push(path.to_path_buf());
            if self.first.len() == PROBE {
                self.scout = start_scout(&self.shared, self.first.clone());
            }
            return;
        }
        if self.queued < MAX_QUEUED && self.shared.verdict.load(Ordering::Relaxed) != CACHED {
            // The readers may be gone (a thread that could not start): the walk goes on alone.
            let _ = self.sender.send(path.to_path_buf());
            self.queued += 1;
        }
    }

    /// The walk is over: the readers stop at their next file, and the verdict is in (the reading
    /// pass depends on it).
    pub(super) fn finish(self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        if let Some(scout) = self.scout {
            let _ = scout.join();
        }
    }
}

/// A thread that reads the first files one by one and, when they come from a disk, says so to
/// the reading pass and starts the readers (itself one of them).
fn start_scout(shared: &Arc<Shared>, first: Vec<PathBuf>) -> Option<JoinHandle<()>> {
    let shared = Arc::clone(shared);
    std::thread::Builder::new()
        .stack_size(64 << 10)
        .spawn(move || {
            let mut buffer = vec![0; HEAD];
            let mut took: Vec<_> = first
                .iter()
                .map(|path| {
                    let started = std::time::Instant::now();
                    read_head(path, &mut buffer);
                    started.elapsed()
                })
                .collect();
            if look_cached(&mut took) {
                shared.verdict.store(CACHED, Ordering::Relaxed);
                return;
            }
            shared.verdict.store(FROM_DISK, Ordering::Relaxed);
            mark_uncached();
            if shared.stop.load(Ordering::Relaxed) {
                return;
            }
            for _ in 1..READERS {
                let shared = Arc::clone(&shared);
                let spawned = std::thread::Builder::new()
                    .stack_size(64 << 10)
                    .spawn(move || read_queue(&shared, &mut vec![0; HEAD]));
                if spawned.is_err() {
                    break;
                }
            }
            read_queue(&shared, &mut buffer);
        })
        .ok()
}

/// Read the queued files' heads until the walk ends.
fn read_queue(shared: &Shared, buffer: &mut [u8]) {
    while !shared.stop.load(Ordering::Relaxed) {
        let next = match shared.queue.lock() {
            Ok(queue) => queue.recv_timeout(std::time::Duration::from_millis(5)),
            Err(_) => return,
        };
        match next {
            Ok(path) => read_head(&path, buffer),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Read a file's first bytes into the page cache; what they are does not matter here, and a
/// file that cannot be read is named by the reading pass.
fn read_head(path: &Path, buffer: &mut [u8]) {
    if let Ok(mut file) = File::open(path) {
        let _ = file.read(buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_stop_when_the_walk_ends_whatever_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let (sender, receiver) = channel();
        for n in 0..100 {
            let path = dir.path().join(format!("{n}.md"));
            std::fs::write(&path, "---\ntitle: T\n---\n").unwrap();
            sender.send(path).unwrap();
        }
        let shared = Arc::new(Shared {
            verdict: AtomicU8::new(FROM_DISK),
            stop: AtomicBool::new(false),
            queue: Mutex::new(receiver),
        });
        let reader = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || read_queue(&shared, &mut vec![0; HEAD]))
        };
        shared.stop.store(true, Ordering::Relaxed);
        // With the sender still open, only the stop can end the reader.
        reader.join().unwrap();
        drop(sender);
    }

    #[test]
    fn fewer_files_than_the_probe_start_no_thread() {
        let mut prefetch = Prefetch::new();
        for n in 0..PROBE - 1 {
            prefetch.found(Path::new(&format!("{n}.md")));
        }
        assert!(prefetch.scout.is_none());
        prefetch.finish();
    }
}
