//! The `reviews` binary. The program lives in the library, beside the code it runs.

/// mimalloc: reading a header allocates and frees many small strings, which glibc's allocator
/// spent 14% of `list`'s time on.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    reviews::main()
}
