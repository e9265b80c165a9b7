//! The browser's screens on ratatui's `TestBackend`, as snapshots, and its state as keys move it.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::draw::Drawer;
use super::keys::Key;
use super::state::{Browser, Outcome, Sort, View};
use super::{Entry, Shelf};
use crate::output::{self, body::Ink};
use crate::record::{Review, Score};

/// Reviews kept in memory, previewed as `show` renders them.
struct Films(Vec<Review>);

impl Shelf for Films {
    fn preview(&self, entry: &Entry, width: usize) -> Vec<String> {
        let review = self.0.iter().find(|r| r.path == entry.path).unwrap();
        let mut text = Vec::new();
        output::text::write(&mut text, review, width, Ink::new(false, false)).unwrap();
        String::from_utf8(text)
            .unwrap()
            .lines()
            .map(String::from)
            .collect()
    }

    fn reread(&self, entry: &Entry) -> Option<Entry> {
        Some(entry.clone())
    }
}

fn review(slug: &str, title: &str, year: i32, director: &str, score: Option<f64>) -> Review {
    Review {
        slug: slug.into(),
        path: format!("{slug}.md").into(),
        title: title.into(),
        year: Some(year),
        directed_by: vec![director.into()],
        starring: vec!["Marion Cotillard".into()],
        score: score.map(|value| Score::Points {
            value,
            max: Some(4.0),
        }),
        body: Some(format!(
            "The review of {title}, which is long enough to wrap in a pane.\n"
        )),
        ..Review::default()
    }
}

/// A key, as the loop gives it, with the finder's results waited for.
fn press(browser: &mut Browser, key: Key) -> Outcome {
    let outcome = browser.handle(key);
    browser.settle();
    outcome
}

fn films() -> Films {
    Films(vec![
        review(
            "rust-and-bone",
            "Rust and Bone",
            2012,
            "Jacques Audiard",
            Some(3.5),
        ),
        review("a-prophet", "A Prophet", 2009, "Jacques Audiard", Some(4.0)),
        review("bullhead", "Bullhead", 2011, "Michaël R. Roskam", None),
        review("heat", "Heat", 1995, "Michael Mann", Some(4.0)),
        review("thief", "Thief", 1981, "Michael Mann", Some(3.0)),
    ])
}

/// A browser holding `films`, read in full.
fn browser(films: &Films, picking: bool) -> Browser {
    let mut browser = Browser::new(picking);
    browser.add(films.0.iter().map(|r| Entry::new(r, false)).collect(), 0);
    browser.settle();
    browser.loading = false;
    browser
}

fn drawn(browser: &mut Browser, films: &Films, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut drawer = Drawer::default();
    terminal
        .draw(|frame| drawer.draw(frame, browser, films))
        .unwrap();
    terminal
}

fn typed(browser: &mut Browser, text: &str) {
    for c in text.chars() {
        assert_eq!(press(browser, Key::Char(c)), Outcome::Going);
    }
}

fn titles(browser: &Browser) -> Vec<&str> {
    browser
        .shown
        .iter()
        .map(|&i| &*browser.entries[i as usize].title)
        .collect()
}

#[test]
fn the_list_beside_the_preview() {
    let films = films();
    let mut browser = browser(&films, false);
    insta::assert_snapshot!(drawn(&mut browser, &films, 80, 12).backend());
}

#[test]
fn a_typed_query_narrows_the_list_fuzzily() {
    let films = films();
    let mut browser = browser(&films, false);
    typed(&mut browser, "rstbne");
    assert_eq!(titles(&browser), ["Rust and Bone"]);
    insta::assert_snapshot!(drawn(&mut browser, &films, 80, 8).backend());
}

#[test]
fn matching_is_smart_case_exact_with_a_quote_and_every_word_must_match() {
    let films = films();
    let mut browser = browser(&films, false);
    typed(&mut browser, "mann");
    assert_eq!(titles(&browser), ["Heat", "Thief"]);
    press(&mut browser, Key::EraseLine);
    typed(&mut browser, "Mann");
    assert_eq!(titles(&browser), ["Heat", "Thief"]);
    press(&mut browser, Key::EraseLine);
    typed(&mut browser, "MANN");
    assert!(
        titles(&browser).is_empty(),
        "an upper-case letter asks for its case"
    );
    press(&mut browser, Key::EraseLine);
    typed(&mut browser, "audiard 2009");
    assert_eq!(titles(&browser), ["A Prophet"]);
    press(&mut browser, Key::EraseLine);
    typed(&mut browser, "'rst");
    assert!(
        titles(&browser).is_empty(),
        "a quoted word is matched exactly"
    );
    press(&mut browser, Key::EraseWord);
    typed(&mut browser, "cotillard");
    assert_eq!(titles(&browser).len(), 5, "the cast is matched");
}

#[test]
fn narrow_the_preview_is_hidden_and_tab_shows_it() {
    let films = films();
    let mut browser = browser(&films, false);
    insta::assert_snapshot!("narrow_list", drawn(&mut browser, &films, 50, 8).backend());
    press(&mut browser, Key::Tab);
    insta::assert_snapshot!(
        "narrow_preview",
        drawn(&mut browser, &films, 50, 8).backend()
    );
    // With the preview focused, letters are commands.
    assert_eq!(press(&mut browser, Key::Char('q')), Outcome::Quit);
}

#[test]
fn question_mark_shows_the_keys() {
    let films = films();
    let mut browser = browser(&films, false);
    press(&mut browser, Key::Char('?'));
    assert_eq!(browser.view, View::Help);
    insta::assert_snapshot!(drawn(&mut browser, &films, 80, 16).backend());
    press(&mut browser, Key::Char('x'));
    assert!(matches!(browser.view, View::List { .. }));
}

#[test]
fn enter_reads_full_screen_and_keys_scroll_it() {
    let films = films();
    let mut browser = browser(&films, false);
    press(&mut browser, Key::Down);
    press(&mut browser, Key::Enter);
    assert_eq!(browser.view, View::Reading { scroll: 0 });
    insta::assert_snapshot!(drawn(&mut browser, &films, 40, 5).backend());
    press(&mut browser, Key::Char(' '));
    assert!(matches!(browser.view, View::Reading { scroll } if scroll > 0));
    press(&mut browser, Key::Char('g'));
    assert_eq!(browser.view, View::Reading { scroll: 0 });
    press(&mut browser, Key::Char('q'));
    assert!(matches!(browser.view, View::List { .. }));
}

#[test]
fn nothing_matching_says_so() {
    let films = films();
    let mut browser = browser(&films, false);
    typed(&mut browser, "zzzz");
    insta::assert_snapshot!(drawn(&mut browser, &films, 70, 5).backend());
}

#[test]
fn unreadable_files_are_counted_at_the_bottom() {
    let films = films();
    let mut browser = browser(&films, false);
    browser.add(Vec::new(), 2);
    browser.settle();
    let terminal = drawn(&mut browser, &films, 100, 5);
    let bottom: String = (0..100)
        .map(|x| terminal.backend().buffer()[(x, 4)].symbol().to_string())
        .collect();
    assert!(
        bottom.starts_with("2 unreadable, see reviews check"),
        "{bottom}"
    );
}

#[test]
fn keys_move_the_cursor_and_sort_cycles() {
    let films = films();
    let mut browser = browser(&films, true);
    assert_eq!(
        titles(&browser)[0],
        "A Prophet",
        "relevance with no query: by title"
    );
    press(&mut browser, Key::End);
    assert_eq!(browser.cursor, 4);
    press(&mut browser, Key::Down);
    assert_eq!(browser.cursor, 4, "the last row stays the last");
    press(&mut browser, Key::Home);
    assert_eq!(browser.cursor, 0);
    press(&mut browser, Key::Sort);
    assert_eq!(browser.sort, Sort::Title);
    press(&mut browser, Key::Sort);
    assert_eq!(browser.sort, Sort::Year);
    assert_eq!(titles(&browser)[0], "Rust and Bone", "the newest first");
    press(&mut browser, Key::Sort);
    assert_eq!(
        titles(&browser)[..2],
        ["A Prophet", "Heat"],
        "the best score first"
    );
    assert_eq!(titles(&browser)[4], "Bullhead", "no score comes last");
    // Picking: Enter is the choice.
    let chosen = browser.selected().unwrap();
    assert_eq!(press(&mut browser, Key::Enter), Outcome::Pick(chosen));
    // Typed ahead of the results, Enter picks among what was typed.
    for c in "thief".chars() {
        browser.handle(Key::Char(c));
    }
    let Outcome::Pick(index) = browser.handle(Key::Enter) else {
        panic!("Enter picks");
    };
    assert_eq!(&*browser.entries[index].title, "Thief");
    press(&mut browser, Key::EraseLine);
    // Esc erases the query, then quits.
    typed(&mut browser, "he");
    assert_eq!(press(&mut browser, Key::Escape), Outcome::Going);
    assert_eq!(browser.query, "");
    assert_eq!(press(&mut browser, Key::Escape), Outcome::Quit);
    assert_eq!(press(&mut browser, Key::Interrupt), Outcome::Quit);
}

#[test]
fn any_size_is_drawn_without_a_panic() {
    let films = films();
    let mut browser = browser(&films, false);
    for (width, height) in [(10, 3), (1, 1), (2, 1), (59, 4), (60, 4), (500, 200)] {
        drawn(&mut browser, &films, width, height);
        press(&mut browser, Key::Enter);
        drawn(&mut browser, &films, width, height);
        press(&mut browser, Key::Char('?'));
        drawn(&mut browser, &films, width, height);
        press(&mut browser, Key::Escape);
        press(&mut browser, Key::Escape);
    }
}

#[test]
fn hostile_titles_are_drawn_cleaned_and_cut() {
    let long = "x".repeat(5000);
    let hostile = format!("Evil\u{1b}]52;c;aGk=\u{7}\u{1b}[31m \u{202e}Title\r\n{long}");
    let films = Films(vec![review(
        "evil",
        &hostile,
        2020,
        "\u{1b}[2JNobody",
        None,
    )]);
    let mut browser = browser(&films, false);
    let terminal = drawn(&mut browser, &films, 60, 4);
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{202e}'),
        "{screen:?}"
    );
    assert!(screen.contains("Evil Title"), "{screen:?}");
    assert!(browser.entries[0].title.chars().count() <= 300);
}
