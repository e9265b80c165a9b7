//! Reading review files: a bounded read of the header, or the whole file.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::{Error, Result};
use crate::front_matter::{self, Format, HEAD_BYTES, MAX_HEADER_BYTES, Parsed, Scan};

/// Read just enough of a file to hold its whole header (bounded by [`MAX_HEADER_BYTES`]).
pub(crate) fn read_header(path: &Path) -> Result<Vec<u8>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(read_error)?;
    // At least the head that readers past the header look at, so that `list` sees what `show` does.
    let mut buf = Vec::with_capacity(HEAD_BYTES);
    let mut chunk = HEAD_BYTES;
    loop {
        let before = buf.len();
        let read = (&mut file)
            .take(chunk as u64)
            .read_to_end(&mut buf)
            .map_err(read_error)?;
        let whole = read < chunk;
        match front_matter::scan(&buf, whole) {
            Scan::Unclosed { .. } if !whole => {}
            _ => return Ok(buf),
        }
        if before + read > MAX_HEADER_BYTES {
            return Err(front_matter::too_large().in_file(path));
        }
        chunk = (chunk * 4).min(MAX_HEADER_BYTES);
    }
}

/// Read the rest of a file whose first bytes, `head`, were read by [`read_header`].
pub(crate) fn read_rest(path: &Path, mut head: Vec<u8>) -> Result<Vec<u8>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(read_error)?;
    file.seek(SeekFrom::Start(head.len() as u64))
        .map_err(read_error)?;
    file.read_to_end(&mut head).map_err(read_error)?;
    Ok(head)
}

/// Read a whole file and parse it with its body, as `import` and `list --format letterboxd` do.
pub(crate) fn read_whole(path: &Path) -> Result<(Vec<u8>, Parsed)> {
    let bytes = read_rest(path, read_header(path)?)?;
    let parsed = front_matter::parse(&bytes, path, true);
    Ok((bytes, parsed))
}

/// A `wanted` for [`map_headers`] that wants every header: none is looked at before its parse.
pub(crate) const EVERY_HEADER: Option<fn(&Path, &str) -> bool> = None;

/// Read the header of each file on all cores, keeping the files' order. `wanted`, when there is
/// one, sees a file's path and its header's raw text (fences excluded) first and may skip the
/// parse of one that cannot match (`then` gets `None` for it); a header that the parse would
/// refuse is always parsed, so that its problem is reported whatever the filter. `then` gets the
/// file's index in `paths` and runs on the same core, so work done there is parallel too.
pub(crate) fn map_headers<P, T, W, F>(paths: &[P], wanted: Option<W>, then: F) -> Vec<T>
where
    P: AsRef<Path> + Sync,
    T: Send,
    W: Fn(&Path, &str) -> bool + Sync,
    F: Fn(usize, Option<Parsed>) -> T + Sync,
{
    let parse = |i: usize, path: &Path, head: Result<Vec<u8>>| {
        let bytes = match head {
            Ok(bytes) => bytes,
            Err(e) => return then(i, Some(Parsed::failed(e))),
        };
        if let Some(wanted) = &wanted
            && skippable(&bytes, |header| !wanted(path, header))
        {
            return then(i, None);
        }
        then(i, Some(front_matter::parse(&bytes, path, false)))
    };
    read_many(paths, read_header, parse)
}

/// Files read at once: a disk answers many requests together, and from the page cache these
/// threads only wait on the cores like any other.
pub(super) const READERS: usize = 32;

/// `then` of each path and what `read` gave for it, in the paths' order. Cached, the cores read
/// and handle each file; otherwise [`READERS`] threads of their own (fewer when the system gives
/// fewer) each read a file and handle it, so that many reads are in flight while the handling
/// runs on the cores.
fn read_many<P, R, D, F, T>(paths: &[P], read: R, then: F) -> Vec<T>
where
    P: AsRef<Path> + Sync,
    R: Fn(&Path) -> D + Sync,
    D: Send,
    F: Fn(usize, &Path, D) -> T + Sync,
    T: Send,
{
    // The first files tell whether the rest are cached: read from memory a header takes a few
    // microseconds, and the cores read as they parse; from a disk it takes milliseconds, and
    // the readers keep many reads in flight.
    let (first, cached) = probe(paths, &read);
    let probed = first.len();
    let mut done: Vec<T> = first
        .into_iter()
        .enumerate()
        .map(|(i, data)| then(i, paths[i].as_ref(), data))
        .collect();
    let rest = &paths[probed..];
    let then_rest = |i: usize, path: &Path, data: D| then(probed + i, path, data);
    if cached {
        done.extend(
            rest.par_iter()
                .enumerate()
                .map(|(i, path)| then_rest(i, path.as_ref(), read(path.as_ref())))
                .collect::<Vec<T>>(),
        );
    } else {
        done.extend(read_in_flight(rest, &read, &then_rest));
    }
    done
}

/// Files read one after another to see whether they are cached, and what a cached read takes at
/// most.
const PROBE: usize = 32;
const CACHED_READ: std::time::Duration = std::time::Duration::from_micros(100);

/// Do reads that took `took` look like reads from the page cache? The median decides: a thread
/// set aside for a few milliseconds by a busy machine slows a read or two, a disk slows them all
/// (and a wrong "uncached" would start [`READERS`] threads for the whole run).
pub(super) fn look_cached(took: &mut [std::time::Duration]) -> bool {
    took.sort_unstable();
    took.get(took.len() / 2)
        .is_none_or(|median| *median < CACHED_READ)
}

/// Set once files of this run have been found to come from a disk: every later batch is read
/// with its reads in flight, without probing again.
static UNCACHED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Say that this run's files come from a disk (the walk's own reads found so).
pub(super) fn mark_uncached() {
    UNCACHED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// As [`read_many`], on [`READERS`] threads of their own, each reading a file and then handling
/// it: the system runs the handling on the cores while other threads wait on the disk, with no
/// queue between them to wake threads for every file.
fn read_in_flight<P: AsRef<Path> + Sync, D: Send, T: Send>(
    paths: &[P],
    read: &(dyn Fn(&Path) -> D + Sync),
    then: &(dyn Fn(usize, &Path, D) -> T + Sync),
) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = paths.get(i) else {
                return done;
            };
            let path = path.as_ref();
            done.push((i, then(i, path, read(path))));
        }
    };
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let mut threads = Vec::new();
        for _ in 0..READERS.min(paths.len() / 16 + 1) {
            // The stack a parse has on the cores' threads (the default for Rust's threads).
            let spawned = std::thread::Builder::new()
                .stack_size(2 << 20)
                .spawn_scoped(scope, work);
            match spawned {
                Ok(thread) => threads.push(thread),
                Err(_) => break,
            }
        }
        // This thread reads too (alone, when no reader could start).
        let mut done = work();
        for thread in threads {
            match thread.join() {
                Ok(part) => done.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, value)| value).collect()
}

/// Can this file's parse be skipped because `unwanted` says its header's text cannot match?
/// Never for a header the parse would refuse, so that its problem is reported whatever the
/// filter.
fn skippable(bytes: &[u8], unwanted: impl FnOnce(&str) -> bool) -> bool {
    match front_matter::scan(bytes, true) {
        // TOML and JSON syntax errors are errors (YAML's are read line by line): those rarer
        // headers are always parsed.
        Scan::Complete(parts) if parts.format == Format::Yaml => {
            let header = &bytes[parts.header];
            // The filter first (cheap when there is none); then what would make the parse refuse
            // it, and inline fields and tags in the body, which may give what the filter asks about.
            header.len() <= MAX_HEADER_BYTES
                && std::str::from_utf8(header).is_ok_and(unwanted)
                && memchr::memchr(0, header).is_none()
                && !front_matter::may_have_inline_fields(bytes)
                && !front_matter::may_have_inline_tags(bytes)
        }
        _ => false,
    }
}

/// Files larger than this are not read whole for their text (a review is a few kilobytes).
pub(crate) const MAX_TEXT_BYTES: u64 = 16 << 20;

/// Read each file whole on all cores, keeping the files' order, for commands that look at the
/// text. `wanted` sees a file's path, its header's text and its bytes first (with a buffer to
/// reuse) and may skip its parse (`then` gets `None`), as in [`map_headers`]; `then` gets the
/// file's index, its bytes and the parse.
pub(crate) fn map_files<P, T, W, F>(paths: &[P], wanted: W, then: F) -> Vec<T>
where
    P: AsRef<Path> + Sync,
    T: Send,
    W: Fn(&Path, &str, &[u8], &mut Vec<u8>) -> bool + Sync,
    F: Fn(usize, &[u8], Option<Parsed>) -> T + Sync,
{
    let read = |path: &Path| {
        let mut bytes = Vec::new();
        read_text(path, &mut bytes).map(|()| bytes)
    };
    // Cached, each core reads into buffers of its own, the fastest from memory; otherwise the
    // readers keep many reads in flight.
    if probe(paths, read).1 {
        return paths
            .par_iter()
            .enumerate()
            .map_init(
                || (Vec::new(), Vec::new()),
                |(bytes, scratch), (i, path)| {
                    let path = path.as_ref();
                    bytes.clear();
                    if let Err(e) = read_text(path, bytes) {
                        return then(i, &[], Some(Parsed::failed(e)));
                    }
                    then(i, bytes, parse_text(path, bytes, scratch, &wanted))
                },
            )
            .collect();
    }
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let parse = |i: usize, path: &Path, text: Result<Vec<u8>>| {
        let bytes = match text {
            Ok(bytes) => bytes,
            Err(e) => return then(i, &[], Some(Parsed::failed(e))),
        };
        let parsed = SCRATCH.with_borrow_mut(|scratch| parse_text(path, &bytes, scratch, &wanted));
        then(i, &bytes, parsed)
    };
    read_in_flight(paths, &read, &parse)
}

/// A whole file's parse, or `None` when `wanted` says it cannot match and the parse may be
/// skipped.
fn parse_text<W>(path: &Path, bytes: &[u8], scratch: &mut Vec<u8>, wanted: &W) -> Option<Parsed>
where
    W: Fn(&Path, &str, &[u8], &mut Vec<u8>) -> bool,
{
    if skippable(bytes, |header| !wanted(path, header, bytes, scratch)) {
        return None;
    }
    Some(front_matter::parse(bytes, path, false))
}

/// What `read` gives for the first [`PROBE`] files, read one by one (and so cached for what reads
/// them next), and whether the files are in the page cache: from memory each takes a few
/// microseconds, from a disk milliseconds.
///
/// Once files have been found uncached, later batches of the same run are taken as uncached
/// too, without reading any one by one: the probe's serial reads would cost each batch a few
/// milliseconds a file.
fn probe<P: AsRef<Path>, D>(paths: &[P], read: impl Fn(&Path) -> D) -> (Vec<D>, bool) {
    use std::sync::atomic::Ordering;
    if UNCACHED.load(Ordering::Relaxed) {
        return (Vec::new(), false);
    }
    let count = paths.len().min(PROBE);
    let mut took = Vec::with_capacity(count);
    let first: Vec<D> = paths[..count]
        .iter()
        .map(|p| {
            let started = std::time::Instant::now();
            let data = read(p.as_ref());
            took.push(started.elapsed());
            data
        })
        .collect();
    let cached = look_cached(&mut took);
    if !cached {
        UNCACHED.store(true, Ordering::Relaxed);
    }
    (first, cached)
}

/// A whole file into `bytes`, in one read for a file of usual size, refused past
/// [`MAX_TEXT_BYTES`].
fn read_text(path: &Path, bytes: &mut Vec<u8>) -> Result<()> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    // Room for the whole file (and the read that finds its end) in one allocation; a buffer in
    // reuse has room already, and grows as it must, without a stat for every file.
    if bytes.capacity() == 0 {
        let size = file.metadata().map_or(0, |m| m.len()).min(MAX_TEXT_BYTES);
        bytes.reserve(size as usize + 1);
    }
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        bytes.clear();
        return Err(Error::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other("larger than 16 MiB, more than any review; not searched"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_or_two_held_up_do_not_make_a_cached_collection_look_uncached() {
        let us = std::time::Duration::from_micros;
        let mut held_up = vec![us(5); 32];
        held_up[3] = us(20_000);
        held_up[9] = us(8_000);
        assert!(look_cached(&mut held_up));
        let mut from_disk = vec![us(2_000); 32];
        from_disk[0] = us(5);
        assert!(!look_cached(&mut from_disk));
    }

    #[test]
    fn reads_in_flight_come_back_in_order_with_each_read() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<std::path::PathBuf> = (0..500)
            .map(|n| {
                let path = dir.path().join(format!("{n}.md"));
                std::fs::write(&path, format!("---\ntitle: T{n}\n---\n")).unwrap();
                path
            })
            .collect();
        let read = |path: &Path| std::fs::read_to_string(path).unwrap();
        let then = |i: usize, path: &Path, text: String| (i, path.to_path_buf(), text);
        let in_flight = read_in_flight(&paths, &read, &then);
        let cached = read_many(&paths, read, then);
        assert_eq!(in_flight, cached);
        for (n, (i, path, text)) in in_flight.iter().enumerate() {
            assert_eq!((*i, path), (n, &paths[n]));
            assert!(text.contains(&format!("title: T{n}\n")));
        }
    }
}
