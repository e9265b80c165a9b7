//! Read the bundled `reviews/` folder and print Jacques Audiard's films with their scores:
//!
//!     cargo run --example read_collection [FOLDER]

use std::process::ExitCode;

use reviews::{Collection, Query};

fn main() -> ExitCode {
    let folder = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "reviews".to_string());
    let collection = match Collection::open([&folder]) {
        Ok(collection) => collection,
        Err(error) => {
            eprintln!("read_collection: {error}");
            return ExitCode::from(2);
        }
    };
    let mut films = Vec::new();
    for review in collection.filter(&Query::new().director("Audiard")) {
        match review {
            Ok(review) => films.push(review),
            // One file that cannot be read is named, and the others are still printed.
            Err(error) => eprintln!("read_collection: {error}"),
        }
    }
    films.sort_by_key(|r| r.year);
    for film in &films {
        let year = film.year.map(|y| y.to_string()).unwrap_or_default();
        let score = match &film.score {
            Some(score) => format!("{score} ({} of 100)", score.normalized().unwrap_or(0.0)),
            None => "not scored".to_string(),
        };
        println!("{}\t{year}\t{score}", film.title);
    }
    ExitCode::SUCCESS
}
