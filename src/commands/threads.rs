//! The pool of threads that read and parse files, started once for a command that lists.

/// The reading threads: as many as rayon would start (one per core, or `RAYON_NUM_THREADS`), but
/// when the system refuses that many (a `ulimit`), as many as it gives, down to this thread alone,
/// instead of rayon's panic at the first parallel call.
fn reading_threads() -> Option<rayon::ThreadPool> {
    // What rayon would choose; asking rayon itself would start its global pool first.
    let mut threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n: &usize| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1)
        .min(address_space_allows());
    while threads > 1 {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
        if let Ok(pool) = pool {
            return Some(pool);
        }
        threads /= 2;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .ok()
}

/// The address space a reading thread is given room for: its stack (std's default, 2 MiB), its
/// signal stack, and as much again for what it reads.
const ADDRESS_SPACE_PER_THREAD: u64 = 8 << 20;

/// Under a bound on the address space (`ulimit -v`), only the threads it has room for. Asking for
/// more uses it all up, and then a thread that did start cannot map its signal stack: std
/// panics, and nothing can catch it.
fn address_space_allows() -> usize {
    use rustix::process::{Resource, getrlimit};
    getrlimit(Resource::As).current.map_or(usize::MAX, |limit| {
        usize::try_from(limit / ADDRESS_SPACE_PER_THREAD)
            .unwrap_or(usize::MAX)
            .max(1)
    })
}

/// Run `work` on the reading threads, started for it.
pub(crate) fn on_reading_threads<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    match reading_threads() {
        Some(pool) => pool.install(work),
        None => work(),
    }
}
