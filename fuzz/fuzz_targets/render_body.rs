//! Arbitrary bytes as a review's body: the renderer must neither panic nor hang, and must keep
//! the promises `check_body_rendering` checks (no escape from the input on output, no
//! line wider than the width).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(broken) = reviews::fuzzing::check_body_rendering(bytes) {
        panic!("{broken}");
    }
});
