#!/usr/bin/env python3
"""Check that two builds of `reviews` print the same thing, byte for byte, for every command.

    python3 bench/same_output.py BEFORE [AFTER] [--files 5000] [--work /tmp/reviews-same]

BEFORE and AFTER are `reviews` binaries (AFTER defaults to target/release/reviews). Each command
below runs with both, on the bundled `reviews/` folder, on the repository's test fixtures and on
a generated bench corpus (`examples/gen_corpus`, built with `cargo build --release --examples`),
and its stdout, stderr and exit status are compared. A restructure or a speed-up must leave every
one of them as it was; the script prints each difference and exits 1 when there is one.

Nothing here runs in CI: it needs the build from before the change.
"""

import argparse
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AFTER = os.path.join(ROOT, "target", "release", "reviews")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen_corpus")

LIST_FORMATS = ["tsv", "table", "csv", "json", "jsonl", "letterboxd", "path", "{title} ({year}) {score}"]
WIDTHS = ["--width", "100"]


def commands():
    """(collection, arguments) pairs; the collection is a key of `collections()`."""
    every = []
    for where in ["bundled", "fixtures-mixed", "fixtures-shapes", "fixtures-bodies", "corpus"]:
        for fmt in LIST_FORMATS:
            every.append((where, ["list", "--format", fmt] + WIDTHS))
        every += [
            (where, ["list"]),
            (where, ["list", "--director", "Audiard"]),
            (where, ["list", "--sort", "year", "--reverse", "--limit", "50"]),
            (where, ["list", "--sort", "score", "--format", "json"]),
            (where, ["list", "--min-score", "3/4", "--format", "table", "--width", "70"]),
            (where, ["list", "--year", "2000..2012", "--tag", "drama"]),
            (where, ["list", "--columns", "slug,title,starring,extra.mood", "--format", "csv"]),
            (where, ["list", "--format", "table", "--color", "always", "--width", "60"]),
            (where, ["show", "rust-and-bone"]),
            (where, ["show", "rust and bone", "--format", "json"]),
            (where, ["show", "rust-and-bone", "--color", "always", "--width", "50", "--no-pager"]),
            (where, ["show", "prophet", "--format", "markdown"]),
            (where, ["show", "rust and bonne"]),
            (where, ["show", "heat 1995"]),
            (where, ["search", "bone"]),
            (where, ["search", '"frozen bone"']),
            (where, ["search", "audiard", "--format", "json"]),
            (where, ["search", "the", "--format", "text", "--color", "always", "--no-pager"]),
            (where, ["stats"]),
            (where, ["stats", "--by", "director", "--format", "table", "--width", "90"]),
            (where, ["stats", "--by", "decade", "--format", "json"]),
            (where, ["stats", "--by", "tag", "--sort", "name"]),
            (where, ["check"]),
            (where, ["check", "-v"]),
        ]
    for name in sorted(os.listdir(os.path.join(ROOT, "tests", "fixtures", "bodies"))):
        stem = os.path.splitext(name)[0]
        every.append(("fixtures-bodies", ["show", stem, "--width", "72"]))
        every.append(("fixtures-bodies", ["show", stem, "--color", "always", "--no-pager"]))
    every += [
        ("bundled", ["import", "--dry-run", os.path.join(ROOT, "tests", "fixtures", "letterboxd", "export")]),
        ("bundled", ["import", "--dry-run"] + sorted(
            os.path.join(ROOT, "tests", "fixtures", "shapes", n)
            for n in os.listdir(os.path.join(ROOT, "tests", "fixtures", "shapes")))),
        ("bundled", ["completions", "bash"]),
        ("bundled", ["man"]),
        ("bundled", ["man", "list"]),
        ("bundled", ["--help"]),
        ("bundled", ["list", "--help"]),
        ("bundled", ["search", "--help"]),
        ("bundled", ["show", "nothing-like-this"]),
        ("bundled", ["list", "--format", "nope"]),
    ]
    return every


def collections(work, files):
    corpus = os.path.join(work, "corpus")
    if not os.path.isdir(corpus):
        if not os.path.exists(GEN):
            sys.exit(f"{GEN} is missing: cargo build --release --examples")
        subprocess.run([GEN, corpus, str(files)], check=True, stdout=subprocess.DEVNULL)
    fixtures = os.path.join(ROOT, "tests", "fixtures")
    return {
        "bundled": os.path.join(ROOT, "reviews"),
        "fixtures-mixed": os.path.join(fixtures, "mixed"),
        "fixtures-shapes": os.path.join(fixtures, "shapes"),
        "fixtures-bodies": os.path.join(fixtures, "bodies"),
        "corpus": corpus,
    }


def run(binary, folder, args):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "REVIEWS_DIR", "COLUMNS")}
    env["REVIEWS_PAGER"] = ""
    done = subprocess.run([binary, "--dir", folder] + args if args[0] not in ("completions", "man", "--help")
                          else [binary] + args,
                          cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True)
    return done.returncode, done.stdout, done.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before")
    ap.add_argument("after", nargs="?", default=AFTER)
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--work", default="/tmp/reviews-same")
    ap.add_argument("--fresh", action="store_true", help="make the corpus anew")
    a = ap.parse_args()
    if a.fresh and os.path.isdir(a.work):
        shutil.rmtree(a.work)
    os.makedirs(a.work, exist_ok=True)
    where = collections(a.work, a.files)
    # Help names the program as it was called: both are called `reviews`.
    binaries = []
    for side, path in (("before", a.before), ("after", a.after)):
        os.makedirs(os.path.join(a.work, side), exist_ok=True)
        binaries.append(shutil.copy(path, os.path.join(a.work, side, "reviews")))
    differ = 0
    checked = 0
    for key, args in commands():
        before = run(binaries[0], where[key], args)
        after = run(binaries[1], where[key], args)
        checked += 1
        if before != after:
            differ += 1
            print(f"DIFFERS on {key}: reviews {' '.join(args)}")
            for name, b, c in zip(("exit", "stdout", "stderr"), before, after):
                if b != c:
                    print(f"  {name}: before {str(b)[:300]}\n  {name}: after  {str(c)[:300]}")
    print(f"{checked} commands, {differ} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
