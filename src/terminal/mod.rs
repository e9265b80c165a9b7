//! The terminal: text from files made safe to print, and paging long output.

pub(crate) mod pager;
pub(crate) mod sanitize;

pub(crate) use sanitize::clean;
