//! The `reviews` binary. The program lives in the library, beside the code it runs.

fn main() -> std::process::ExitCode {
    reviews::main()
}
