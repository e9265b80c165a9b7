//! Sorting more records than memory should hold: when the records kept pass a budget, they are
//! sorted and written to an anonymous temporary file (a run), and the runs are merged back at the
//! end. Memory stays flat however large the collection; the files vanish when the process ends,
//! however it ends.

use std::cmp::Ordering;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use rayon::slice::ParallelSliceMut;

/// Bytes of records kept in memory before they spill to a run, unless configured otherwise.
/// Small, as spilling is cheap next to reading the files: 100,000 rows make about 35 runs.
pub const DEFAULT_BUDGET: usize = 1 << 20;

/// Runs kept before they are merged into one: bounds the open files and the read buffers.
const MAX_RUNS: usize = 64;

/// A record that can be written to a run and read back.
pub trait Record: Sized + Send {
    /// Roughly the bytes this record holds on the heap, counted against the budget.
    fn heap_size(&self) -> usize;
    /// Write the record.
    fn write_to(&self, w: &mut impl Write) -> io::Result<()>;
    /// Read a record written by [`Record::write_to`].
    fn read_from(r: &mut impl BufRead) -> io::Result<Self>;
}

/// A stable sort of records pushed one at a time, in memory while they fit the budget. A full
/// buffer is sorted and written by a helper thread while the next one fills, so at most about
/// twice the budget is held.
pub struct Sorter<T, F> {
    buffer: Vec<(u64, T)>,
    used: usize,
    budget: usize,
    pushed: u64,
    runs: Vec<File>,
    writing: Option<JoinHandle<io::Result<File>>>,
    compare: Arc<F>,
}

impl<T, F> Sorter<T, F>
where
    T: Record + 'static,
    F: Fn(&T, &T) -> Ordering + Send + Sync + 'static,
{
    /// A sorter keeping at most about `budget` bytes of records in memory.
    pub fn new(budget: usize, compare: F) -> Self {
        Sorter {
            buffer: Vec::new(),
            used: 0,
            budget,
            pushed: 0,
            runs: Vec::new(),
            writing: None,
            compare: Arc::new(compare),
        }
    }

    /// Add a record; may start writing a run.
    pub fn push(&mut self, record: T) -> io::Result<()> {
        self.used += record.heap_size() + std::mem::size_of::<(u64, T)>();
        self.buffer.push((self.pushed, record));
        self.pushed += 1;
        if self.used > self.budget {
            self.spill()?;
        }
        Ok(())
    }

    /// How many records were pushed.
    pub fn len(&self) -> u64 {
        self.pushed
    }

    /// Nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.pushed == 0
    }

    /// Hand the buffer to a helper thread that sorts it and writes it as a run.
    fn spill(&mut self) -> io::Result<()> {
        self.wait_for_writing()?;
        let Some(file) = temp_file_or_memory(&mut self.budget) else {
            return Ok(());
        };
        let capacity = self.buffer.len();
        let mut buffer = std::mem::replace(&mut self.buffer, Vec::with_capacity(capacity));
        self.used = 0;
        let compare = Arc::clone(&self.compare);
        self.writing = Some(std::thread::spawn(move || {
            buffer.sort_unstable_by(|a, b| by_record_then_push(&*compare, a, b));
            write_run(file, buffer.into_iter())
        }));
        Ok(())
    }

    /// Take the run being written, if any; past [`MAX_RUNS`], merge the runs into one.
    fn wait_for_writing(&mut self) -> io::Result<()> {
        let Some(writing) = self.writing.take() else {
            return Ok(());
        };
        let run = writing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        self.runs.push(run);
        if self.runs.len() == MAX_RUNS {
            let file = tempfile::tempfile()?;
            let compare = &*self.compare;
            let mut merge = Merge::new(std::mem::take(&mut self.runs), compare)?;
            let merged = std::iter::from_fn(|| merge.next_entry(compare).transpose());
            let mut failed = None;
            let run = write_run(
                file,
                merged.map_while(|r| r.map_err(|e| failed = Some(e)).ok()),
            );
            if let Some(e) = failed {
                return Err(e);
            }
            self.runs.push(run?);
        }
        Ok(())
    }

    /// The records in order.
    pub fn finish(mut self) -> io::Result<Sorted<T, F>> {
        self.wait_for_writing()?;
        if self.runs.is_empty() {
            let compare = &*self.compare;
            // The push order breaks ties, so the sort is stable.
            self.buffer
                .par_sort_unstable_by(|a, b| by_record_then_push(compare, a, b));
            let records = std::mem::take(&mut self.buffer).into_iter();
            return Ok(Sorted::Memory(records));
        }
        if !self.buffer.is_empty() {
            self.spill()?;
            self.wait_for_writing()?;
        }
        Ok(Sorted::Merge(
            Merge::new(std::mem::take(&mut self.runs), &*self.compare)?,
            Arc::clone(&self.compare),
        ))
    }
}

/// The order of records in runs: by record, then by push order, so that sorting is stable.
fn by_record_then_push<T>(
    compare: impl Fn(&T, &T) -> Ordering,
    a: &(u64, T),
    b: &(u64, T),
) -> Ordering {
    compare(&a.1, &b.1).then(a.0.cmp(&b.0))
}

/// Write sorted records to `file` as a run, ready to be read from its start.
fn write_run<T: Record>(file: File, records: impl Iterator<Item = (u64, T)>) -> io::Result<File> {
    let mut w = BufWriter::new(file);
    for (seq, record) in records {
        w.write_all(&seq.to_le_bytes())?;
        record.write_to(&mut w)?;
    }
    let mut file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.rewind()?;
    Ok(file)
}

/// A new temporary file; if none can be made (no writable temporary folder), the budget is
/// lifted instead: better to use the memory than to fail.
fn temp_file_or_memory(budget: &mut usize) -> Option<File> {
    let file = tempfile::tempfile().ok();
    if file.is_none() {
        *budget = usize::MAX;
    }
    file
}

/// Runs being merged: a reader and the next record of each, and a binary heap of the runs that
/// have one, least record on top.
pub struct Merge<T> {
    readers: Vec<BufReader<File>>,
    heads: Vec<Option<(u64, T)>>,
    heap: Vec<usize>,
}

impl<T: Record> Merge<T> {
    fn new(runs: Vec<File>, compare: impl Fn(&T, &T) -> Ordering) -> io::Result<Self> {
        let mut readers: Vec<BufReader<File>> = runs
            .into_iter()
            .map(|file| BufReader::with_capacity(16 << 10, file))
            .collect();
        let heads: Vec<_> = readers
            .iter_mut()
            .map(read_entry)
            .collect::<io::Result<_>>()?;
        let heap = (0..heads.len()).filter(|&i| heads[i].is_some()).collect();
        let mut merge = Merge {
            readers,
            heads,
            heap,
        };
        for pos in (0..merge.heap.len() / 2).rev() {
            merge.sift_down(&compare, pos);
        }
        Ok(merge)
    }

    /// Does run `i`'s head come before run `j`'s?
    fn before(&self, compare: impl Fn(&T, &T) -> Ordering, i: usize, j: usize) -> bool {
        match (&self.heads[i], &self.heads[j]) {
            (Some(a), Some(b)) => by_record_then_push(compare, a, b) == Ordering::Less,
            _ => false,
        }
    }

    fn sift_down(&mut self, compare: &impl Fn(&T, &T) -> Ordering, mut pos: usize) {
        loop {
            let left = 2 * pos + 1;
            if left >= self.heap.len() {
                return;
            }
            let right = left + 1;
            let child = if right < self.heap.len()
                && self.before(compare, self.heap[right], self.heap[left])
            {
                right
            } else {
                left
            };
            if !self.before(compare, self.heap[child], self.heap[pos]) {
                return;
            }
            self.heap.swap(child, pos);
            pos = child;
        }
    }

    /// The least record of all runs, with its push number.
    fn next_entry(
        &mut self,
        compare: &impl Fn(&T, &T) -> Ordering,
    ) -> io::Result<Option<(u64, T)>> {
        let Some(&top) = self.heap.first() else {
            return Ok(None);
        };
        let next = read_entry(&mut self.readers[top])?;
        let entry = std::mem::replace(&mut self.heads[top], next);
        if self.heads[top].is_none() {
            self.heap.swap_remove(0);
        }
        self.sift_down(compare, 0);
        Ok(entry)
    }
}

/// Records in order, from memory or merged from runs.
pub enum Sorted<T, F> {
    /// Every record fitted in memory.
    Memory(std::vec::IntoIter<(u64, T)>),
    /// Records merged from runs on disk, and their order.
    Merge(Merge<T>, Arc<F>),
}

impl<T, F> Iterator for Sorted<T, F>
where
    T: Record,
    F: Fn(&T, &T) -> Ordering,
{
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        match self {
            Sorted::Memory(records) => records.next().map(|(_, record)| Ok(record)),
            Sorted::Merge(merge, compare) => merge
                .next_entry(&&**compare)
                .transpose()
                .map(|entry| entry.map(|(_, record)| record)),
        }
    }
}

/// The next record of a run, `None` at its end.
fn read_entry<T: Record>(r: &mut BufReader<File>) -> io::Result<Option<(u64, T)>> {
    if r.fill_buf()?.is_empty() {
        return Ok(None);
    }
    let seq = read_u64(r)?;
    Ok(Some((seq, T::read_from(r)?)))
}

/// Write a number.
pub fn write_u64(w: &mut impl Write, n: u64) -> io::Result<()> {
    w.write_all(&n.to_le_bytes())
}

/// Read a number written by [`write_u64`].
pub fn read_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut bytes = [0; 8];
    r.read_exact(&mut bytes)?;
    Ok(u64::from_le_bytes(bytes))
}

/// Write bytes, length first.
pub fn write_bytes(w: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    write_u64(w, bytes.len() as u64)?;
    w.write_all(bytes)
}

/// Read bytes written by [`write_bytes`].
pub fn read_bytes(r: &mut impl Read) -> io::Result<Vec<u8>> {
    let len = read_u64(r)?;
    let mut bytes = Vec::new();
    r.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(bytes)
}

/// Read text written by [`write_bytes`].
pub fn read_string(r: &mut impl Read) -> io::Result<String> {
    String::from_utf8(read_bytes(r)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Write a path, byte for byte where the platform allows.
pub fn write_path(w: &mut impl Write, path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str());
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy();
    #[cfg(not(unix))]
    let bytes = bytes.as_bytes();
    write_bytes(w, bytes)
}

/// Read a path written by [`write_path`].
pub fn read_path(r: &mut impl Read) -> io::Result<PathBuf> {
    #[cfg(unix)]
    return Ok(PathBuf::from(
        <std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(read_bytes(r)?),
    ));
    #[cfg(not(unix))]
    return read_string(r).map(PathBuf::from);
}

/// Numbers in a sorter, as [`crate::collection`] sorts hashes of slugs.
impl Record for u64 {
    fn heap_size(&self) -> usize {
        0
    }

    fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        write_u64(w, *self)
    }

    fn read_from(r: &mut impl BufRead) -> io::Result<Self> {
        read_u64(r)
    }
}

/// Bytes written once and read back in order, as many times as wanted: in memory up to a budget,
/// past it in an anonymous temporary file.
pub struct Tape {
    memory: Vec<u8>,
    file: Option<BufWriter<File>>,
    budget: usize,
}

impl Tape {
    /// An empty tape keeping up to `budget` bytes in memory.
    pub fn new(budget: usize) -> Self {
        Tape {
            memory: Vec::new(),
            file: None,
            budget,
        }
    }

    /// Append a record.
    pub fn push(&mut self, record: &impl Record) -> io::Result<()> {
        match &mut self.file {
            Some(file) => record.write_to(file),
            None => {
                record.write_to(&mut self.memory)?;
                if self.memory.len() > self.budget
                    && let Some(file) = temp_file_or_memory(&mut self.budget)
                {
                    let mut file = BufWriter::new(file);
                    file.write_all(&self.memory)?;
                    self.memory = Vec::new();
                    self.file = Some(file);
                }
                Ok(())
            }
        }
    }

    /// Done writing: the tape, ready to be read.
    pub fn finish(self) -> io::Result<Recorded> {
        Ok(match self.file {
            None => Recorded::Memory(self.memory),
            Some(file) => {
                Recorded::File(file.into_inner().map_err(io::IntoInnerError::into_error)?)
            }
        })
    }
}

/// A finished [`Tape`].
#[derive(Debug)]
pub enum Recorded {
    /// Every record fitted in memory.
    Memory(Vec<u8>),
    /// The records are in this file.
    File(File),
}

impl Recorded {
    /// Call `f` with each record, in the order they were pushed, until it returns `false`.
    pub fn replay<T: Record>(&self, mut f: impl FnMut(T) -> bool) -> io::Result<()> {
        fn each<T: Record>(r: &mut impl BufRead, f: &mut impl FnMut(T) -> bool) -> io::Result<()> {
            while !r.fill_buf()?.is_empty() {
                if !f(T::read_from(r)?) {
                    break;
                }
            }
            Ok(())
        }
        match self {
            Recorded::Memory(bytes) => each(&mut &bytes[..], &mut f),
            Recorded::File(file) => {
                let mut file = file;
                file.rewind()?;
                each(&mut BufReader::with_capacity(64 << 10, file), &mut f)
            }
        }
    }
}

/// Paths in a sorter, as [`crate::collection`] keeps them to find repeated slugs.
impl Record for PathBuf {
    fn heap_size(&self) -> usize {
        self.as_os_str().len()
    }

    fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        write_path(w, self)
    }

    fn read_from(r: &mut impl BufRead) -> io::Result<Self> {
        read_path(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Item {
        key: u8,
        text: String,
    }

    impl Record for Item {
        fn heap_size(&self) -> usize {
            self.text.len()
        }
        fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
            write_u64(w, self.key.into())?;
            write_bytes(w, self.text.as_bytes())
        }
        fn read_from(r: &mut impl BufRead) -> io::Result<Self> {
            Ok(Item {
                key: read_u64(r)? as u8,
                text: read_string(r)?,
            })
        }
    }

    fn sorted(items: &[Item], budget: usize) -> (Vec<Item>, usize) {
        let mut sorter = Sorter::new(budget, |a: &Item, b: &Item| a.key.cmp(&b.key));
        let mut runs = 0;
        for item in items {
            sorter.push(item.clone()).unwrap();
            runs = runs.max(sorter.runs.len());
        }
        let out = sorter.finish().unwrap().collect::<io::Result<Vec<_>>>();
        (out.unwrap(), runs)
    }

    proptest! {
        /// Spilled or not, the result is the standard library's stable sort.
        #[test]
        fn equals_a_stable_sort(
            keys in proptest::collection::vec((0u8..8, "[a-zé\n\t]{0,12}"), 0..300),
            budget in 0usize..4000,
        ) {
            let items: Vec<Item> = keys.into_iter().map(|(key, text)| Item { key, text }).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|i| i.key);
            prop_assert_eq!(sorted(&items, budget).0, expected);
        }
    }

    #[test]
    fn a_small_budget_spills_and_a_large_one_does_not() {
        let items: Vec<Item> = (0..1000)
            .map(|i| Item {
                key: (i * 7 % 13) as u8,
                text: format!("item {i}"),
            })
            .collect();
        let (spilled, runs) = sorted(&items, 2000);
        assert!(runs > 10, "{runs} runs");
        // One record per run: more runs than are kept open, so they are merged on the way.
        let (one_each, runs) = sorted(&items, 0);
        assert_eq!(runs, MAX_RUNS - 1);
        assert_eq!(one_each, spilled);
        let (in_memory, runs) = sorted(&items, 1 << 20);
        assert_eq!(runs, 0);
        assert_eq!(spilled, in_memory);
    }

    #[test]
    fn a_tape_replays_what_was_pushed_from_memory_or_from_a_file() {
        let paths: Vec<PathBuf> = (0..500)
            .map(|i| PathBuf::from(format!("d/{i}.md")))
            .collect();
        for budget in [0, 100, 1 << 20] {
            let mut tape = Tape::new(budget);
            for path in &paths {
                tape.push(path).unwrap();
            }
            let recorded = tape.finish().unwrap();
            assert_eq!(matches!(recorded, Recorded::File(_)), budget < 1 << 20);
            for _ in 0..2 {
                let mut back = Vec::new();
                recorded
                    .replay(|p: PathBuf| {
                        back.push(p);
                        true
                    })
                    .unwrap();
                assert_eq!(back, paths);
            }
        }
    }

    #[test]
    fn paths_round_trip() {
        let path = PathBuf::from("reviews/été/rust and bone.md");
        let mut bytes = Vec::new();
        path.write_to(&mut bytes).unwrap();
        assert_eq!(PathBuf::read_from(&mut &bytes[..]).unwrap(), path);
    }
}
