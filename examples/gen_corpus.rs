//! Make a deterministic N-file collection for benchmarks: review-shaped headers (~360 bytes) and
//! 6–9 KB bodies, about 2% directed by Jacques Audiard, names with accents.
//!
//!     cargo run --release --example gen_corpus -- DIR N

use std::fmt::Write as _;
use std::path::PathBuf;

/// A small deterministic generator (SplitMix64): the same N always gives the same files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Agnès",
    "Alain",
    "Céline",
    "Dario",
    "Émile",
    "Greta",
    "Hirokazu",
    "Jiří",
    "Léa",
    "Łukasz",
    "Mads",
    "Pedro",
    "Søren",
    "Věra",
    "Yasujirō",
    "Zoë",
    "Ana",
    "Ben",
    "Karim",
    "Naomi",
];
const LAST: &[&str] = &[
    "Almodóvar",
    "Bergström",
    "Carax",
    "Dardenne",
    "Farhadi",
    "Haneke",
    "Kaurismäki",
    "Kieślowski",
    "Larraín",
    "Östlund",
    "Petzold",
    "Reichardt",
    "Sciamma",
    "Téchiné",
    "Vinterberg",
    "Żuławski",
    "Lopes",
    "Moreau",
    "Costa",
    "Nakamura",
];
const WORDS: &[&str] = &[
    "the",
    "film",
    "camera",
    "night",
    "sea",
    "river",
    "mother",
    "silence",
    "light",
    "city",
    "tender",
    "brutal",
    "quiet",
    "performance",
    "score",
    "frame",
    "café",
    "déjà",
    "vu",
    "“memory”",
    "it’s",
    "winter",
    "road",
    "family",
    "letter",
    "escape",
];
const TITLE_WORDS: &[&str] = &[
    "Rust", "Bone", "Silent", "River", "Winter", "Light", "Harbour", "Letter", "Kingdom", "Road",
    "Night", "Glass", "Summer", "Stranger", "Mother",
];
const RATINGS: &[&str] = &["G", "PG", "PG-13", "R", "NC-17", "NR"];

fn name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

fn review(i: usize) -> (String, String) {
    let mut rng = Rng(i as u64);
    let title = if i == 0 {
        "Rust and Bone".to_string()
    } else {
        format!(
            "{} {} {}",
            rng.pick(TITLE_WORDS),
            rng.pick(&["and", "of", "in"]),
            rng.pick(TITLE_WORDS)
        )
    };
    let slug = if i == 0 {
        "rust-and-bone".to_string()
    } else {
        format!("review-{i:06}")
    };
    let director = if i == 0 || rng.below(50) == 0 {
        "Jacques Audiard".to_string()
    } else {
        name(&mut rng)
    };
    let year = 1920 + rng.below(106);
    let mut header = String::new();
    let _ = writeln!(
        header,
        "---\ntitle: \"{title}\"\nyear: {year}\nreviewed: {}-0{}-1{}",
        year + 1,
        1 + rng.below(9),
        rng.below(10)
    );
    let _ = writeln!(header, "written_by: [{}, {}]", director, name(&mut rng));
    let _ = writeln!(
        header,
        "produced_by: [{}, {}, {}]",
        name(&mut rng),
        name(&mut rng),
        name(&mut rng)
    );
    let _ = writeln!(
        header,
        "directed_by: [{director}]\nrating: {}",
        rng.pick(RATINGS)
    );
    let _ = writeln!(
        header,
        "rating_reason: for some violence and language throughout\nruntime: {}",
        70 + rng.below(130)
    );
    let _ = writeln!(
        header,
        "us_release: {year}-1{}-2{}\nstarring: [{}, {}]\n---",
        rng.below(3),
        rng.below(9),
        name(&mut rng),
        name(&mut rng)
    );
    let target = 6000 + rng.below(3000);
    let mut body = String::with_capacity(target + 200);
    while body.len() < target {
        for _ in 0..(8 + rng.below(16)) {
            body.push_str(rng.pick(WORDS));
            body.push(' ');
        }
        body.push_str(if rng.below(5) == 0 {
            "mood.\n\n"
        } else {
            "end. "
        });
    }
    (slug, header + &body)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (
        args.next(),
        args.next().and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen_corpus DIR N");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create the folder");
    for i in 0..n {
        let (slug, text) = review(i);
        std::fs::write(dir.join(format!("{slug}.md")), text).expect("write a review");
    }
    println!("wrote {n} reviews to {}", dir.display());
}
