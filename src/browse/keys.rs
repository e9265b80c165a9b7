//! The terminal's key and mouse events as the browser's keys.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

/// A key as the browser understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Char(char),
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Tab,
    Backspace,
    /// Ctrl-W: the last word of the query.
    EraseWord,
    /// Ctrl-U: the whole query.
    EraseLine,
    Escape,
    /// Ctrl-C.
    Interrupt,
    /// Ctrl-E: open the file in the editor.
    Edit,
    /// Ctrl-S: the next sort.
    Sort,
    /// F1: the keys.
    Help,
    WheelUp,
    WheelDown,
    Other,
}

impl Key {
    /// The key of a terminal event; `None` for one that changes nothing (a release, a resize is
    /// handled by redrawing).
    pub(crate) fn of(event: &Event) -> Option<Key> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => Some(Key::of_key(key)),
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::ScrollUp => Some(Key::WheelUp),
                MouseEventKind::ScrollDown => Some(Key::WheelDown),
                _ => None,
            },
            Event::Paste(_) => Some(Key::Other),
            _ => None,
        }
    }

    fn of_key(key: &KeyEvent) -> Key {
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char(c) if control => match c.to_ascii_lowercase() {
                'c' => Key::Interrupt,
                'n' | 'j' => Key::Down,
                'p' | 'k' => Key::Up,
                'w' | 'h' => Key::EraseWord,
                'u' => Key::EraseLine,
                'e' => Key::Edit,
                's' => Key::Sort,
                'd' => Key::PageDown,
                'b' => Key::PageUp,
                _ => Key::Other,
            },
            KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::ALT) => match c {
                'e' => Key::Edit,
                's' => Key::Sort,
                _ => Key::Other,
            },
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Enter => Key::Enter,
            KeyCode::Tab | KeyCode::BackTab => Key::Tab,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Esc => Key::Escape,
            KeyCode::F(1) => Key::Help,
            _ => Key::Other,
        }
    }
}
