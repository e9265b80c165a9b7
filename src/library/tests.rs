use std::path::Path;

use super::*;

fn bundled() -> Collection {
    Collection::open([Path::new(env!("CARGO_MANIFEST_DIR")).join("reviews")]).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn every_review_of_the_bundled_collection_in_path_order() {
    let slugs: Vec<String> = bundled().reviews().map(|r| r.unwrap().slug).collect();
    assert_eq!(
        slugs,
        [
            "a-prophet",
            "bullhead",
            "madagascar-3",
            "rust-and-bone",
            "the-kid-with-the-bike"
        ]
    );
}

#[test]
fn a_query_keeps_what_list_keeps() {
    let audiard: Vec<(String, Option<String>)> = bundled()
        .filter(&Query::new().director("AUDIARD"))
        .map(|r| r.unwrap())
        .map(|r| (r.title, r.score.map(|s| s.to_string())))
        .collect();
    assert_eq!(
        audiard,
        [
            ("A Prophet".to_string(), Some("4/4".to_string())),
            ("Rust and Bone".to_string(), None),
        ]
    );
    let scored = Query::new().min_score("3/4").unwrap();
    assert_eq!(bundled().filter(&scored).count(), 2);
    assert_eq!(
        bundled().filter(&Query::new().years(2011..=2011)).count(),
        2
    );
    assert_eq!(
        bundled()
            .filter(&Query::new().year(2012).rating("pg"))
            .count(),
        1
    );
    assert_eq!(bundled().filter(&Query::new().title("prophet")).count(), 1);
}

#[test]
fn a_bad_file_is_an_error_that_hides_no_other() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "good.md",
        "---\ntitle: Good\nyear: 2001\n---\nText\n",
    );
    write(dir.path(), "bad.md", "---\ntitle: Bad\n");
    write(
        dir.path(),
        "odd.md",
        "---\ntitle: Odd\nrunning time: long\n---\n",
    );
    let read: Vec<Result<Review>> = Collection::open([dir.path()]).unwrap().reviews().collect();
    assert_eq!(read.len(), 3);
    let error = read[0].as_ref().unwrap_err();
    assert_eq!(error.path(), Some(dir.path().join("bad.md").as_path()));
    assert!(error.to_string().contains("bad.md:1"), "{error}");
    assert_eq!(read[1].as_ref().unwrap().title, "Good");
    assert_eq!(read[1].as_ref().unwrap().body, None, "headers only");
    let odd = read[2].as_ref().unwrap();
    assert_eq!(odd.title, "Odd");
}

#[test]
fn several_folders_are_one_library() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write(a.path(), "one.md", "---\ntitle: One\n---\n");
    write(b.path(), "two.md", "---\ntitle: Two\n---\n");
    let collection = Collection::open([a.path(), b.path()]).unwrap();
    assert_eq!(collection.folders().len(), 2);
    let mut titles: Vec<String> = collection.reviews().map(|r| r.unwrap().title).collect();
    titles.sort();
    assert_eq!(titles, ["One", "Two"]);
}

#[test]
fn opening_a_file_or_nothing_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "---\ntitle: A\n---\n");
    assert!(matches!(
        Collection::open([dir.path().join("a.md")]),
        Err(Error::NotAFolder { .. })
    ));
    assert!(matches!(
        Collection::open([dir.path().join("missing")]),
        Err(Error::NoCollection { .. })
    ));
    assert!(Collection::open(Vec::<PathBuf>::new()).is_err());
}

#[test]
fn one_file_is_read_whole() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("reviews/rust-and-bone.md");
    let review = read_file(&path).unwrap();
    assert_eq!(review.slug, "rust-and-bone");
    assert!(review.body.unwrap().contains("Audiard"));
    let from_bytes = read_bytes(b"title: Heat\nyear: 1995\n", "heat.txt");
    assert!(from_bytes.is_ok() || from_bytes.is_err(), "never a panic");
    assert!(read_file(path.with_file_name("missing.md")).is_err());
}

#[test]
fn a_score_that_is_no_score_is_refused() {
    let error = Query::new().min_score("lots").unwrap_err();
    assert!(matches!(error, Error::Query { .. }), "{error}");
    assert!(error.to_string().starts_with("\"lots\": "), "{error}");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let draft = read_bytes(b"---\ntitle: D\ndraft: true\n---\n", "d.md").unwrap();
    assert!(!Query::new().matches(&draft));
    assert!(Query::new().drafts(true).matches(&draft));
}
