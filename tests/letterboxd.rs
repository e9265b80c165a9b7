//! Letterboxd both ways: `import` of an export (zip, folder, one CSV) and `list --format
//! letterboxd`, on fixtures in Letterboxd's shapes (`tests/fixtures/letterboxd`).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{fixture, reviews, write_review};
use serde_json::Value;

fn export() -> PathBuf {
    fixture("letterboxd/export")
}

fn import(sources: &[&Path], to: &Path, extra: &[&str]) -> Output {
    reviews()
        .arg("import")
        .args(sources)
        .arg("--to")
        .arg(to)
        .args(extra)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn summary(output: &Output) -> String {
    stderr(output)
        .lines()
        .find(|l| l.contains(" already there, "))
        .unwrap_or_default()
        .to_string()
}

/// Every review of a folder as JSON records, by file name.
fn records(dir: &Path) -> BTreeMap<String, Value> {
    let out = reviews()
        .arg("--dir")
        .arg(dir)
        .args(["list", "--format", "json", "--sort", "title"])
        .output()
        .unwrap();
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    all.into_iter()
        .map(|r| {
            let name = Path::new(r["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, r)
        })
        .collect()
}

/// Each file's bytes, by name: what a run changed.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The export folder as Letterboxd's zip, built here; `extra` members are added as they are.
fn zip_of(folder: &Path, zip_path: &Path, extra: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut add = |name: &str, bytes: &[u8]| {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    };
    for sub in ["", "deleted/", "orphaned/", "lists/"] {
        for entry in fs::read_dir(folder.join(sub)).unwrap() {
            let entry = entry.unwrap();
            if entry.path().is_file() {
                let name = format!("{sub}{}", entry.file_name().to_string_lossy());
                add(&name, &fs::read(entry.path()).unwrap());
            }
        }
    }
    for (name, bytes) in extra {
        add(name, bytes);
    }
    zip.finish().unwrap();
}

#[test]
fn each_review_becomes_a_file_with_its_fields_and_its_text_as_markdown() {
    let to = tempfile::tempdir().unwrap();
    let run = import(&[&export()], to.path(), &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(summary(&run), "5 written, 0 already there, 0 failed");
    assert!(
        stderr(&run).contains("4 films logged, rated or watched with no review were left out"),
        "{}",
        stderr(&run)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    let line = format!(
        "{}:2\t{}",
        export().join("reviews.csv").display(),
        to.path().join("rust-and-bone.md").display()
    );
    assert!(
        stdout.lines().any(|l| l == line),
        "SOURCE:LINE<TAB>WRITTEN: {stdout}"
    );

    let records = records(to.path());
    let names: Vec<&str> = records.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "a-film-with-no-year.md",
            "amelie-2001.md",
            "amelie.md",
            "rust-and-bone.md",
            "東京物語.md"
        ],
        "a rewatch reviewed twice gives two files; deleted/ and orphaned/ are not read"
    );
    let rust = &records["rust-and-bone.md"];
    assert_eq!(rust["title"], "Rust and Bone");
    assert_eq!(rust["year"], 2012);
    assert_eq!(rust["score"]["value"], 4.5);
    assert_eq!(rust["score"]["max"], 5.0);
    assert_eq!(rust["score"]["normalized"], 90.0);
    assert_eq!(rust["watched"], "2024-01-02");
    assert_eq!(rust["reviewed"], "2024-01-03");
    assert_eq!(rust["tags"], serde_json::json!(["in-theaters", "french"]));
    assert_eq!(rust["extra"]["letterboxd_uri"], "https://boxd.it/aaa1");
    let text = fs::read_to_string(to.path().join("rust-and-bone.md")).unwrap();
    assert!(
        text.ends_with(
            "---\n\nAudiard, at his most tender. *Cotillard* is **fearless**.\n\n\
             A second paragraph, with \"quotes\" and a line\nbroken by hand.\n"
        ),
        "quoted commas, quotes and newlines kept, HTML as Markdown: {text}"
    );

    let unrated = &records["amelie.md"];
    assert_eq!(unrated["score"], Value::Null);
    assert!(unrated["extra"].get("rewatch").is_none());
    let amelie = fs::read_to_string(to.path().join("amelie.md")).unwrap();
    assert!(
        amelie.contains("Unrated, on purpose:\n\n> Times are hard for dreamers.\n\nStill true."),
        "{amelie}"
    );
    let rewatch = &records["amelie-2001.md"];
    assert_eq!(rewatch["extra"]["rewatch"], true);
    let again = fs::read_to_string(to.path().join("amelie-2001.md")).unwrap();
    assert!(
        again.contains("See [the film's page](https://letterboxd.com/film/amelie/) & weep."),
        "{again}"
    );
    let ozu = fs::read_to_string(to.path().join("東京物語.md")).unwrap();
    assert!(
        ozu.contains("Ozu's quiet masterpiece.\nNothing happens"),
        "{ozu}"
    );
    let no_year = &records["a-film-with-no-year.md"];
    assert_eq!(
        no_year["year"],
        Value::Null,
        "an empty Year is still imported"
    );
    assert!(no_year["extra"].get("letterboxd_uri").is_none());
}

#[test]
fn importing_again_adds_nothing_and_changes_nothing() {
    let to = tempfile::tempdir().unwrap();
    for all in [&[][..], &["--all"][..]] {
        let first = import(&[&export()], to.path(), all);
        assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
        let before = snapshot(to.path());
        // A file edited since is still the same entry.
        let rust = to.path().join("rust-and-bone.md");
        let edited = fs::read_to_string(&rust).unwrap().replacen(
            "year: 2012\n",
            "year: 2012\ndirected_by: Jacques Audiard\n",
            1,
        );
        fs::write(&rust, &edited).unwrap();
        let mut before = before;
        before.insert("rust-and-bone.md".into(), edited.into_bytes());
        let second = import(&[&export()], to.path(), all);
        assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
        assert_eq!(second.stdout, b"", "nothing written");
        let there = before.len();
        assert_eq!(
            summary(&second),
            format!("0 written, {there} already there, 0 failed")
        );
        assert_eq!(snapshot(to.path()), before, "nothing changed");
    }
}

#[test]
fn all_takes_every_other_film_once_from_its_most_informative_table() {
    let to = tempfile::tempdir().unwrap();
    let run = import(&[&export()], to.path(), &["--all"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(summary(&run), "9 written, 0 already there, 0 failed");
    let records = records(to.path());
    for name in [
        "heat.md",
        "paris-is-burning.md",
        "stalker.md",
        "crouching-tiger-hidden-dragon.md",
    ] {
        assert!(records.contains_key(name), "{name}: {:?}", records.keys());
    }
    assert!(
        !records.contains_key("rust-and-bone-2012.md"),
        "a reviewed film gets no second file from the diary"
    );
    assert!(
        !records.contains_key("not-seen-yet.md"),
        "the watchlist is not read"
    );
    let heat = &records["heat.md"];
    assert_eq!(
        heat["watched"], "2024-05-30",
        "the latest viewing in the diary"
    );
    assert_eq!(heat["extra"]["rewatch"], true);
    assert_eq!(heat["score"]["value"], 5.0, "the rating from ratings.csv");
    assert_eq!(heat["tags"], serde_json::json!(["on-bluray"]));
    let heat_text = fs::read_to_string(to.path().join("heat.md")).unwrap();
    assert!(heat_text.ends_with("---\n"), "an empty body: {heat_text}");
    assert_eq!(records["paris-is-burning.md"]["score"]["value"], 3.5);
    assert_eq!(records["stalker.md"]["score"]["value"], 4.0);
    assert_eq!(
        records["crouching-tiger-hidden-dragon.md"]["title"],
        "Crouching Tiger, Hidden Dragon"
    );
}

#[test]
fn the_zip_as_downloaded_reads_as_its_folder_and_writes_no_member() {
    let work = tempfile::tempdir().unwrap();
    let zip_path = work
        .path()
        .join("letterboxd-someone-2026-12-01-10-00-utc.zip");
    zip_of(
        &export(),
        &zip_path,
        &[
            ("../escape.csv", b"Date,Name\n"),
            ("../../escape.md", b"---\ntitle: Out\n---\n"),
        ],
    );
    let from_zip = work.path().join("from-zip");
    let run = import(&[&zip_path], &from_zip, &["--all"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let from_folder = work.path().join("from-folder");
    import(&[&export()], &from_folder, &["--all"]);
    assert_eq!(
        snapshot(&from_zip).keys().collect::<Vec<_>>(),
        snapshot(&from_folder).keys().collect::<Vec<_>>()
    );
    let mut names: Vec<_> = fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "from-folder",
            "from-zip",
            zip_path.file_name().unwrap().to_str().unwrap()
        ],
        "no member is written under its own path"
    );
    assert!(!work.path().parent().unwrap().join("escape.md").exists());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains(".zip/reviews.csv:2\t"),
        "rows are named inside the zip: {stdout}"
    );
}

#[test]
fn a_bad_row_is_named_with_its_file_and_line_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("reviews.csv");
    fs::write(
        &csv,
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\r\n\
         2024-01-01,Good One,2001,https://boxd.it/x1,4,,Fine.,,2024-01-01\r\n\
         2024-01-02,Too Many Stars,2002,https://boxd.it/x2,7,,Hm.,,2024-01-02\r\n\
         2024-01-03,Bad Date,2003,https://boxd.it/x3,,,Hm.,,yesterday\r\n\
         2024-01-04,,2004,https://boxd.it/x4,,,No title.,,2024-01-04\r\n\
         2024-01-05,Good Two,2005,https://boxd.it/x5,2.5,,\"Two\r\nlines.\",,2024-01-05\r\n",
    )
    .unwrap();
    let to = dir.path().join("out");
    let run = import(&[&csv], &to, &[]);
    assert_eq!(run.status.code(), Some(2));
    let err = stderr(&run);
    let shown = csv.display();
    for line in [
        format!("{shown}:3: Rating: expected 0.5 to 5, found \"7\""),
        format!("{shown}:4: Watched Date: expected a date (YYYY-MM-DD), found \"yesterday\""),
        format!("{shown}:5: Name: expected the film's title, found nothing"),
    ] {
        assert!(err.contains(&line), "{line}\nin:\n{err}");
    }
    assert_eq!(summary(&run), "2 written, 0 already there, 3 failed");
    let two = fs::read_to_string(to.join("good-two.md")).unwrap();
    assert!(
        two.ends_with("\nTwo\nlines.\n"),
        "CRLF read as line ends: {two:?}"
    );
}

#[test]
fn one_csv_is_known_by_its_header_and_from_forces_the_reading() {
    let to = tempfile::tempdir().unwrap();
    let diary = export().join("diary.csv");
    let run = import(&[&diary], to.path(), &["--dry-run"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(
        summary(&run),
        "0 would be written, 0 already there, 0 failed"
    );
    assert!(
        stderr(&run).contains("`--all` imports them"),
        "{}",
        stderr(&run)
    );
    let run = import(&[&diary], to.path(), &["--all", "--dry-run"]);
    assert_eq!(
        summary(&run),
        "3 would be written, 0 already there, 0 failed"
    );
    assert_eq!(
        fs::read_dir(to.path()).unwrap().count(),
        0,
        "a dry run writes nothing"
    );

    let list = export().join("lists/favourites.csv");
    let watchlist = export().join("watchlist.csv");
    let run = import(&[&list, &watchlist], to.path(), &["--all"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(summary(&run), "0 written, 0 already there, 0 failed");
    assert!(
        stderr(&run)
            .contains("favourites.csv: warning: is a Letterboxd list, not films seen; skipped"),
        "{}",
        stderr(&run)
    );
    assert!(stderr(&run).contains("watchlist.csv: warning: is a Letterboxd watchlist"));

    let plain = tempfile::tempdir().unwrap();
    write_review(plain.path(), "heat", &["title: Heat"], b"\nText.\n");
    let run = import(
        &[&plain.path().join("heat.md")],
        to.path(),
        &["--from", "letterboxd"],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("heat.md: expected a Letterboxd export"),
        "{}",
        stderr(&run)
    );
    let run = import(&[plain.path()], to.path(), &["--from", "letterboxd"]);
    assert!(stderr(&run).contains("expected a Letterboxd export"));
}

#[test]
fn the_importers_csv_imports_in_any_column_order() {
    let to = tempfile::tempdir().unwrap();
    let run = import(&[&fixture("letterboxd/importer.csv")], to.path(), &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let records = records(to.path());
    let stalker = &records["stalker.md"];
    assert_eq!(
        stalker["directed_by"],
        serde_json::json!(["Andrei Tarkovsky"])
    );
    assert_eq!(stalker["score"]["value"], 4.0, "Rating10 8 is 4 stars");
    assert_eq!(stalker["watched"], "2024-08-01");
    assert_eq!(stalker["tags"], serde_json::json!(["slow", "soviet"]));
    assert_eq!(stalker["extra"]["imdb_id"], "tt0079944");
    assert_eq!(records["heat.md"]["score"], Value::Null);
}

#[test]
fn export_then_import_gives_back_titles_years_scores_dates_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    let collection = dir.path().join("collection");
    fs::create_dir(&collection).unwrap();
    let reviews_of = [
        (
            "rust-and-bone",
            vec![
                "title: Rust and Bone",
                "year: 2012",
                "directed_by: Jacques Audiard",
                "score: 3.5/4",
                "watched: 2024-01-02",
                "tags: [french, \"in theaters\"]",
                "rewatch: true",
            ],
            "\nA review wrapped\nby hand.\n\nAnd a second paragraph.\n",
        ),
        (
            "amelie",
            vec![
                "title: \"Amélie, or: Le Fabuleux\"",
                "year: 2001",
                "directed_by: [Jean-Pierre Jeunet]",
                "score: B+",
                "reviewed: 2024-02-09",
            ],
            "\nWith \"quotes\", commas.\n",
        ),
        (
            "heat",
            vec!["title: Heat", "year: 1995", "score: ★★★★½"],
            "",
        ),
        ("no-score", vec!["title: No Score"], "\nJust words.\n"),
    ];
    for (name, header, body) in &reviews_of {
        write_review(&collection, name, header, body.as_bytes());
    }
    let exported = reviews()
        .arg("--dir")
        .arg(&collection)
        .args(["list", "--format", "letterboxd", "--sort", "title"])
        .output()
        .unwrap();
    assert_eq!(exported.status.code(), Some(0));
    let csv_text = String::from_utf8(exported.stdout).unwrap();
    let mut lines = csv_text.lines();
    assert_eq!(
        lines.next(),
        Some("Title,Year,Directors,Rating,WatchedDate,Rewatch,Tags,Review")
    );
    assert!(
        csv_text.contains(
            "Rust and Bone,2012,Jacques Audiard,4.5,2024-01-02,true,\"french, in theaters\",\"A review wrapped by hand.\n\nAnd a second paragraph.\"",
        ),
        "{csv_text}"
    );
    assert!(
        csv_text.contains("No Score,,,,,,,Just words."),
        "{csv_text}"
    );
    let file = dir.path().join("export.csv");
    fs::write(&file, &csv_text).unwrap();
    let back = dir.path().join("back");
    let run = import(&[&file], &back, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let before = records(&collection);
    let after = records(&back);
    assert_eq!(before.len(), after.len());
    for (a, b) in before.values().zip(after.values()) {
        assert_eq!(a["title"], b["title"]);
        assert_eq!(a["year"], b["year"]);
        assert_eq!(a["tags"], b["tags"]);
        assert_eq!(a["directed_by"], b["directed_by"]);
        let date = |r: &Value| {
            r["watched"]
                .as_str()
                .or(r["reviewed"].as_str())
                .map(str::to_string)
        };
        assert_eq!(date(a), b["watched"].as_str().map(str::to_string));
        let stars = |r: &Value| {
            r["score"]["normalized"]
                .as_f64()
                .map(|n| (n / 10.0).round() / 2.0)
        };
        assert_eq!(stars(a), b["score"]["value"].as_f64(), "{}", a["title"]);
    }
}

#[test]
fn every_list_filter_and_sort_applies_to_the_letterboxd_format() {
    let out = reviews()
        .args(["list", "--format", "letterboxd", "--director", "Audiard"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert!(!titles.is_empty());
    let all = reviews()
        .args(["list", "--director", "Audiard"])
        .output()
        .unwrap();
    assert_eq!(
        titles.len(),
        String::from_utf8_lossy(&all.stdout).lines().count()
    );
}

#[test]
fn a_folder_holding_an_export_says_how_to_import_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["reviews.csv", "diary.csv"] {
        fs::copy(export().join(name), dir.path().join(name)).unwrap();
    }
    let list = reviews()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(list.status.code(), Some(1));
    let shown = dir.path().display().to_string();
    assert!(
        stderr(&list).contains(&format!(
            "{shown} holds a Letterboxd export: `reviews import "
        )),
        "{}",
        stderr(&list)
    );
    let check = reviews().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stderr(&check).contains("holds a Letterboxd export"),
        "{}",
        stderr(&check)
    );
}

/// A zip of under 1 MiB whose `reviews.csv` inflates to 80 MiB, its directory saying so or, when
/// `lying`, saying it holds 100 bytes.
fn zip_bomb(dir: &Path, lying: bool) -> PathBuf {
    let zip_path = dir.join("bomb.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("reviews.csv", options).unwrap();
    zip.write_all(b"Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n")
        .unwrap();
    let block = vec![b'a'; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&block).unwrap();
    }
    zip.finish().unwrap();
    let mut bytes = fs::read(&zip_path).unwrap();
    assert!(bytes.len() < 1 << 20);
    if lying {
        // The uncompressed size, in the member's local header and in the directory's entry.
        let central = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        for at in [22, central + 24] {
            bytes[at..at + 4].copy_from_slice(&100u32.to_le_bytes());
        }
        fs::write(&zip_path, bytes).unwrap();
    }
    zip_path
}

#[test]
fn a_member_that_inflates_past_any_export_is_refused_in_bounded_memory() {
    for lying in [false, true] {
        let work = tempfile::tempdir().unwrap();
        let zip_path = zip_bomb(work.path(), lying);
        let to = work.path().join("out");
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v {}; exec timeout 60 '{}' import '{}' --to '{}'",
                256 * 1024,
                common::binary().display(),
                zip_path.display(),
                to.display()
            ))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("reviews.csv: is larger than any Letterboxd table"),
            "lying: {lying}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_table_past_any_exports_rows_is_read_to_the_bound_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("diary.csv");
    let mut text = String::from("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n");
    for n in 0..100_005 {
        text.push_str(&format!("2024-01-01,F{n},2000,,,,,2024-01-01\n"));
    }
    fs::write(&csv, text).unwrap();
    let run = import(&[&csv], &dir.path().join("out"), &["--dry-run"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("diary.csv:100002: more than 100,000 rows"),
        "{}",
        stderr(&run)
    );
    assert!(
        stderr(&run).contains("100000 films logged, rated or watched with no review were left out"),
        "{}",
        stderr(&run)
    );
}

const REVIEWS_HEADER: &str =
    "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n";
const DIARY_HEADER: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n";

#[test]
fn a_review_of_a_film_imported_without_one_still_comes_in_whatever_the_order() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old"), dir.path().join("new"));
    for folder in [&old, &new] {
        fs::create_dir(folder).unwrap();
        fs::write(
            folder.join("diary.csv"),
            format!("{DIARY_HEADER}2024-01-02,Roma,2018,https://boxd.it/r1,4,,,2024-01-01\n"),
        )
        .unwrap();
    }
    fs::write(
        new.join("reviews.csv"),
        format!(
            "{REVIEWS_HEADER}2024-01-05,Roma,2018,https://boxd.it/r1,4,,My review.,,2024-01-01\n"
        ),
    )
    .unwrap();
    // The diary named first, in one run: the film is known as reviewed.
    let one_run = dir.path().join("one-run");
    let run = import(
        &[&new.join("diary.csv"), &new.join("reviews.csv")],
        &one_run,
        &["--all"],
    );
    assert_eq!(summary(&run), "1 written, 0 already there, 0 failed");
    assert!(
        fs::read_to_string(one_run.join("roma.md"))
            .unwrap()
            .ends_with("\nMy review.\n")
    );
    // The film first imported with no review, then its review in a newer export.
    let to = dir.path().join("collection");
    import(&[&old], &to, &["--all"]);
    let run = import(&[&new], &to, &[]);
    assert_eq!(summary(&run), "1 written, 0 already there, 0 failed");
    assert!(
        stderr(&run).contains(
            "roma.md: warning: has no review: its review, new in this export, is written to"
        ),
        "{}",
        stderr(&run)
    );
    let again = import(&[&new], &to, &["--all"]);
    assert_eq!(summary(&again), "0 written, 1 already there, 0 failed");
}

#[test]
fn the_same_film_reviewed_twice_without_a_uri_gives_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("import.csv");
    fs::write(
        &csv,
        "Title,Year,Rating,Review\nAmelie,2001,4,first take\nAmelie,2001,5,second take\n",
    )
    .unwrap();
    let to = dir.path().join("out");
    assert_eq!(
        summary(&import(&[&csv], &to, &[])),
        "2 written, 0 already there, 0 failed"
    );
    assert_eq!(
        summary(&import(&[&csv], &to, &[])),
        "0 written, 2 already there, 0 failed"
    );
}

#[test]
fn the_rating_of_ratings_csv_fills_a_viewing_that_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export");
    fs::create_dir(&export).unwrap();
    fs::write(
        export.join("diary.csv"),
        format!(
            "{DIARY_HEADER}2020-01-02,Alien,1979,u1,2,,,2020-01-01\n2024-01-02,Alien,1979,u2,,Yes,,2024-01-01\n"
        ),
    )
    .unwrap();
    fs::write(
        export.join("ratings.csv"),
        "Date,Name,Year,Letterboxd URI,Rating\n2024-01-02,Alien,1979,uf,4.5\n",
    )
    .unwrap();
    let to = dir.path().join("out");
    import(&[&export], &to, &["--all"]);
    let alien = &records(&to)["alien.md"];
    assert_eq!(alien["watched"], "2024-01-01");
    assert_eq!(alien["score"]["value"], 4.5);
}

#[test]
fn exported_films_imported_into_their_own_collection_add_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("collection");
    import(&[&export()], &to, &["--all"]);
    let back = dir.path().join("back.csv");
    let exported = reviews()
        .arg("--dir")
        .arg(&to)
        .args(["list", "--format", "letterboxd"])
        .output()
        .unwrap();
    fs::write(&back, exported.stdout).unwrap();
    let before = snapshot(&to);
    let run = import(&[&back], &to, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(summary(&run), "0 written, 9 already there, 0 failed");
    assert_eq!(snapshot(&to), before);
}

#[test]
fn a_quote_left_open_is_named_not_swallowed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("reviews.csv");
    fs::write(
        &csv,
        format!(
            "{REVIEWS_HEADER}2024-01-01,A,2020,u1,,,\"unterminated,,2024-01-01\n2024-01-01,B,2020,u2,,,ok,,2024-01-01\n"
        ),
    )
    .unwrap();
    let run = import(&[&csv], &dir.path().join("out"), &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("reviews.csv:2: expected 9 fields, found 7 (a quote left open?)"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn nothing_waits_on_a_fifo_named_like_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("reviews.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let timeout = |args: &[&str]| {
        std::process::Command::new("timeout")
            .arg("10")
            .arg(common::binary())
            .args(args)
            .output()
            .unwrap()
    };
    let dir_arg = dir.path().to_str().unwrap();
    let list = timeout(&["--dir", dir_arg, "list"]);
    assert_eq!(list.status.code(), Some(1), "no hang: {}", stderr(&list));
    let check = timeout(&["check", dir_arg]);
    assert_ne!(check.status.code(), Some(124));
    let out = dir.path().join("out");
    let run = timeout(&[
        "import",
        fifo.to_str().unwrap(),
        "--to",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("is not a regular file"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn the_letterboxd_format_carries_no_terminal_sequences() {
    let dir = tempfile::tempdir().unwrap();
    write_review(
        dir.path(),
        "d",
        &["title: \"D\\e[31mred\\a\"", "tags: [\"\\e]0;pwned\\a\"]"],
        b"\nbody \x1b[2J\n",
    );
    let out = reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["list", "--format", "letterboxd"])
        .output()
        .unwrap();
    assert!(
        !out.stdout.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!out.stdout.contains(&0x07));
}

#[test]
fn the_letterboxd_format_writes_paragraphs_and_tags_whatever_the_file_holds() {
    let dir = tempfile::tempdir().unwrap();
    let body = "# Verdict\r\n\r\nA wrapped\r\nparagraph.\r\n\r\n| Film | Year |\r\n|---|---|\r\n| Heat | 1995 |\r\n\r\nLast, with a note.[^1]\r\n\r\n[^1]: Seen twice.\r\n";
    let mut file = b"---\r\ntitle: Heat\r\ntags: [LA]\r\ngenres: [Crime, la]\r\n---\r\n".to_vec();
    file.extend_from_slice(body.as_bytes());
    std::fs::write(dir.path().join("heat.md"), file).unwrap();
    let out = common::reviews()
        .arg("--dir")
        .arg(dir.path())
        .args(["list", "--format", "letterboxd"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let row = rows.records().next().unwrap().unwrap();
    assert_eq!(&row[6], "LA, Crime", "genres after the tags, each once");
    assert_eq!(
        &row[7],
        "<b>Verdict</b>\n\nA wrapped paragraph.\n\nFilm · Year\nHeat · 1995\n\nLast, with a note.[1]\n\n[1] Seen twice."
    );
}
