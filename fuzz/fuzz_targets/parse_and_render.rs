//! Arbitrary bytes as a review file: parsing and every renderer must neither panic nor hang, and
//! must keep the promises `check_every_format` checks.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(broken) = reviews::fuzzing::check_every_format(bytes) {
        panic!("{broken}");
    }
});
