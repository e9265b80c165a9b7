//! Diagnostics: the one error type, problems found inside a file, and the one printer.

mod error;
mod problem;
mod report;

pub use error::{Error, Location, Result};
pub(crate) use problem::{Problem, position};
pub(crate) use report::{Note, Printer, Severity, Warnings};
