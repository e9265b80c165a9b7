use super::*;

fn search(words: &[&str], without: &[&str]) -> Search {
    let strings = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Search::new(&strings(words), &strings(without)).unwrap()
}

fn found(s: &Search, text: &str) -> Option<usize> {
    let mut scratch = Vec::new();
    let exact = s.matches("", text).map(|m| m.count);
    if exact.is_some() {
        assert!(
            s.may_match("", text.as_bytes(), &mut scratch),
            "sound: {text}"
        );
    }
    exact
}

#[test]
fn words_match_at_the_start_of_words_folded() {
    let shot = search(&["shot"], &[]);
    assert_eq!(found(&shot, "Two shots, one shot."), Some(2));
    assert_eq!(found(&shot, "an upshot"), None);
    assert_eq!(found(&search(&["cafe"], &[]), "Le Café de Flore"), Some(1));
    assert_eq!(found(&search(&["PROTEGE"], &[]), "her protégé"), Some(1));
    assert_eq!(
        found(&search(&["cafe"], &[]), "Le Cafe\u{301}"),
        Some(1),
        "NFD"
    );
    assert_eq!(
        found(&search(&["final"], &[]), "The \u{fb01}nal Cut"),
        Some(1)
    );
    assert_eq!(found(&search(&["amour"], &[]), "l’amour fou"), Some(1));
    assert_eq!(found(&search(&["東京"], &[]), "Ozu: 東京物語"), Some(1));
    assert_eq!(found(&search(&["strasse"], &[]), "Die Straße"), Some(1));
}

#[test]
fn phrases_are_words_side_by_side_and_every_term_must_match() {
    let phrase = search(&["\"stolen bicycle\""], &[]);
    assert_eq!(found(&phrase, "the Stolen\n  Bicycles of Rome"), Some(1));
    assert_eq!(
        found(&phrase, "stolen: bicycle"),
        Some(1),
        "punctuation is a space"
    );
    assert_eq!(found(&phrase, "a bicycle stolen"), None);
    let both = search(&["frozen", "bone"], &[]);
    assert_eq!(found(&both, "bone, then frozen"), Some(2));
    assert_eq!(found(&both, "frozen only"), None);
    let without = search(&["bone"], &["frozen"]);
    assert_eq!(found(&without, "bone"), Some(1));
    assert_eq!(found(&without, "bone frozen"), None);
}

#[test]
fn the_quick_look_finds_phrases_across_any_separators() {
    let phrase = search(&["\"frozen bone\""], &[]);
    let mut scratch = Vec::new();
    let mut may = |text: &str| phrase.may_match("", text.as_bytes(), &mut scratch);
    assert!(may("a Frozen,\n  Bones"));
    assert!(!may("frozen and bone"));
    assert!(!may("unfrozen bone"));
    assert!(!may("frozenbone"));
    assert!(may("x\u{2019}frozen\u{2014}bone"));
    assert!(search(&["x2"], &[]).may_match("", "X\u{2082}".as_bytes(), &mut Vec::new()));
    assert!(search(&["amelie"], &[]).may_match("", "AME\u{301}LIE".as_bytes(), &mut Vec::new()));
    assert!(search(&["zanzibar"], &[]).may_match(
        "zanzibar-nights",
        b"---\n---\n",
        &mut Vec::new()
    ));
}

#[test]
fn a_phrase_inside_a_word_does_not_hide_the_next() {
    assert_eq!(
        found(&search(&["\"bye bye\""], &[]), "goodbye bye bye"),
        Some(1)
    );
    assert_eq!(found(&search(&["\"ha ha\""], &[]), "Aha ha ha"), Some(1));
}

#[test]
fn spans_point_into_the_original_text() {
    let text = "Un café, deux CAFÉS.";
    let m = search(&["cafe"], &[]).matches("", text).unwrap();
    let spans: Vec<&str> = m.spans.iter().map(|s| &text[s.clone()]).collect();
    assert_eq!(spans, ["café", "CAFÉ"]);
}

#[test]
fn the_title_counts() {
    let s = search(&["rust"], &[]);
    assert_eq!(
        s.matches("Rust and Bone", "no such word").map(|m| m.count),
        Some(1)
    );
}

#[test]
fn a_query_with_no_word_is_refused() {
    assert!(Search::new(&["!!!".to_string()], &[]).is_err());
    assert!(Search::new(&[], &[]).is_err());
}

/// The raw look says a word is in a text exactly when the text's quick fold holds it.
fn raw_look_agrees(word: &str, text: &[u8]) -> Result<(), proptest::test_runner::TestCaseError> {
    let mut quick = Vec::new();
    quick::quick_fold(text, &mut quick);
    let folded = memchr::memmem::find(&quick, word.as_bytes()).is_some();
    let look = raw::RawWord::new(word).expect("an ASCII word");
    proptest::prop_assert_eq!(
        look.is_in(text, &mut Vec::new()),
        folded,
        "{:?} in {:?}",
        word,
        String::from_utf8_lossy(text)
    );
    Ok(())
}

#[test]
fn the_raw_look_finds_words_however_they_are_written() {
    for (word, text) in [
        ("frozen", "FRÖZEN"),
        ("frozen", "fro\u{17e}en"),
        ("frozen", "fro\u{ff5a}en"),
        ("frozen", "“Frozen”"),
        ("zoe", "Zoë"),
        ("strasse", "STRAßE"),
        ("fin", "\u{fb01}n"),
        ("x2", "X\u{2082}"),
        ("zz", "z\u{301}z"),
        ("frozen", "frozenly"),
        ("frozen", "frozn"),
        ("zulawski", "Żuławski"),
    ] {
        raw_look_agrees(word, text.as_bytes()).unwrap();
    }
    raw_look_agrees("abc", b"ab\xffc").unwrap();
    raw_look_agrees("abc", b"\xc3abc").unwrap();
}

#[test]
fn the_raw_look_finds_a_character_at_every_place_in_a_block() {
    // Blocks are 64 bytes: each place in the first three, after ASCII and after curly quotes.
    for (word, c) in [("z", "ż"), ("s", "ſ"), ("z", "ⓩ"), ("z", "ｚ"), ("0", "⁰")] {
        for filler in ["x", "’"] {
            for at in 0..192 {
                let mut text = filler.repeat(at);
                text.truncate(at - at % filler.len());
                text.push(' ');
                text.push_str(c);
                raw_look_agrees(word, text.as_bytes()).unwrap();
                assert!(
                    raw::RawWord::new(word)
                        .unwrap()
                        .is_in(text.as_bytes(), &mut Vec::new())
                );
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
    #[test]
    fn the_raw_look_agrees_with_the_quick_fold(
        word in "[a-z0-9]{1,4}",
        text in proptest::collection::vec(proptest::sample::select(vec![
            "a", "b", "z", "Z", "0", "2", " ", "-", "é", "É", "ż", "Ž", "ß", "ﬁ", "ｚ", "Ａ",
            "₂", "’", "“", "\u{301}", "ł", "Ø", "東", "\u{1d433}", "\u{fdfa}", "ᴬ", "Ⓩ", "²",
            "⁰", "ⁿ", "abcdefghij",
        ]), 0..48),
        invalid in proptest::option::of(0..160usize),
    ) {
        let mut text = text.concat().into_bytes();
        if let Some(at) = invalid {
            text.insert(at.min(text.len()), 0xC5);
        }
        raw_look_agrees(&word, &text)?;
    }
}
