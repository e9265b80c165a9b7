//! `reviews`: read a folder of film reviews (YAML front matter + text) into typed records, and
//! render them for people and for programs.

#![warn(missing_docs)]

pub mod app;
pub mod cli;
pub mod collection;
pub mod config;
pub mod error;
pub mod fields;
pub mod header;
pub mod json_reader;
pub mod keylines;
pub mod model;
pub mod output;
pub mod pager;
pub mod parse;
pub mod problem;
pub mod query;
pub mod report;
pub mod sanitize;
pub mod spill;
pub mod toml_reader;
pub mod values;
pub mod yaml;

pub use error::{Error, Result};
pub use model::Review;
