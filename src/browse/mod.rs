//! `reviews browse`: the films as a list beside the review under the cursor, narrowed as one
//! types. The state and the drawing are plain code, tested on ratatui's `TestBackend`; `screen`
//! owns the terminal and gives it back as it found it.

mod draw;
mod entry;
mod finder;
mod keys;
mod matching;
mod screen;
mod state;
#[cfg(test)]
mod tests;

pub(crate) use entry::Entry;
pub(crate) use screen::{Batch, Ended, open_terminal, run};
pub(crate) use state::Browser;

/// What the browser asks of the collection: a review as `show` renders it, and a file read
/// again after it was edited.
pub(crate) trait Shelf: Sync {
    /// The review of `entry` as `show` prints it, `width` columns wide, line by line.
    fn preview(&self, entry: &Entry, width: usize) -> Vec<String>;
    /// The entry read again from its file (`None` when it cannot be read now).
    fn reread(&self, entry: &Entry) -> Option<Entry>;
}
