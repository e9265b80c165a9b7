//! The `reviews` binary. The program lives in the library, beside the code it runs.

/// mimalloc: reading a header makes and frees many small values, and glibc's allocator slows as
/// the rows kept for the listing fragment its heap (a quarter of `list`'s time at 100,000 files).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    reviews::main()
}
