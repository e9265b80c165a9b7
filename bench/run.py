#!/usr/bin/env python3
"""Time `reviews` against floors measured in the same run, and print ratios.

    python3 bench/run.py [--sizes 10000 100000] [--runs 5] [--work /tmp/reviews-bench]
                         [--team-corpus ../shared/bench/gen_corpus.py]

For each size it makes a corpus (our own generator, `cargo run --example gen_corpus`, or the
team's script with --team-corpus), warms the page cache, then takes the median of --runs runs of:

  floor  cat          every file, whole             (reading everything)
  (and, once, `reviews show rust-and-bone` in the bundled collection against `cat` of the file)
  floor  head -n 16   every file's first 16 lines   (the I/O floor for headers)
  base   minimal      header-only serde_yaml reader on 2 threads (examples/minimal_reader.rs)
  base   python-frontmatter, when it is installed    (pip install python-frontmatter)
         reviews list --director Audiard
         reviews list
         reviews show rust-and-bone, against cat of that one file
         reviews list of the same files split into 3 collections (--dir thrice), against one
         folder, the two timed in turns
         reviews list in every other format (json, jsonl, csv, table) and by another sort,
         reviews show "rust and bone" (a title: every header is read), reviews check
         reviews search '"frozen bone"', against rg -l -i and grep -r -l -i (every file read whole)

With --pairs, instead: the table of issue 30, each command against its floor or its partner,
the two timed in turns (medians of --runs, at least 5), as a Markdown table for
docs/performance.md (ratio, both medians, peak memory, goal); with two sizes, also the largest
size against the smallest for `list` and `search`. The minimal reader is the team's yardstick
(../shared/bench/limit, built into target/limit).

With --cold (root only), each size also gets a table of the reading commands run from a cold page
cache (dropped before every run, the commands taking turns), against 64-way parallel xargs reads
of the same files; --baseline BIN adds the same commands run by another build, such as the one
before a change.

After the sizes, a table of peak memory per command and size: `list` keeps one compact row per
listed review, so its memory grows with the collection (under 64 MiB at 100,000 in every format).

Peak memory (max RSS) comes from GNU time (/usr/bin/time, Debian package `time`). Nothing here
runs in CI.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "reviews")
MINIMAL = os.path.join(ROOT, "target", "release", "examples", "minimal_reader")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen_corpus")
LIMIT_MANIFEST = os.path.join(ROOT, "..", "shared", "bench", "limit", "Cargo.toml")
LIMIT = os.path.join(ROOT, "target", "limit", "release", "limit")

PYTHON_FRONTMATTER = r"""
import os, sys, frontmatter
d = sys.argv[1]
hits = 0
for name in sorted(os.listdir(d)):
    post = frontmatter.load(os.path.join(d, name))
    directors = post.get("directed_by") or []
    if isinstance(directors, str):
        directors = [directors]
    hits += any("audiard" in str(x).lower() for x in directors)
print(hits)
"""


def run_once(cmd, shell=False, ok=(0, 1)):
    """(seconds, max RSS in MiB) of one run, output discarded. GNU time reports the peak memory
    of the command itself (not of this Python process it was forked from)."""
    if shell:
        cmd = ["bash", "-c", cmd]
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if done.returncode not in ok:
            sys.exit(f"failed ({done.returncode}): {cmd}")
        kib = int(rss.read().split()[-1])
    return elapsed, kib / 1024


def measure(cmd, runs, shell=False, ok=(0, 1)):
    run_once(cmd, shell, ok)  # warm-up
    samples = [run_once(cmd, shell, ok) for _ in range(runs)]
    return statistics.median(s for s, _ in samples), max(m for _, m in samples)


def alternate(cmds, runs):
    """Medians (seconds, peak MiB) of commands timed in turns, so that the machine's drift
    touches each alike: for a pair whose ratio is the figure."""
    for cmd in cmds:
        run_once(cmd)  # warm-up
    samples = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            samples[i].append(run_once(cmd))
    return [(statistics.median(s for s, _ in runs_of), max(m for _, m in runs_of)) for runs_of in samples]


def split_corpus(directory, parts):
    """The corpus's files as `parts` collections of about equal size (hard links, no copies),
    each its own folder: one library read from several places."""
    split = f"{directory}-in-{parts}"
    marker = os.path.join(split, ".complete")
    if not os.path.exists(marker):
        shutil.rmtree(split, ignore_errors=True)
        names = sorted(n for n in os.listdir(directory) if n.endswith(".md"))
        for part in range(parts):
            folder = os.path.join(split, f"part{part + 1}")
            os.makedirs(folder)
            for name in names[part::parts]:
                os.link(os.path.join(directory, name), os.path.join(folder, name))
        open(marker, "w").close()
    return [os.path.join(split, f"part{part + 1}") for part in range(parts)]


def drop_caches():
    """Empty the page cache, so that the next run reads from the disk (root only)."""
    subprocess.run(["sync"], check=True)
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
    except PermissionError:
        sys.exit("--cold drops the page cache before each run, which needs root")


def measure_cold(rows, runs, ok=(0, 1)):
    """Median seconds and peak MiB of each (name, cmd, shell) row, from runs that each start with
    the page cache dropped; the rows take turns, so that a drift of the disk's speed during the
    run touches them all alike."""
    samples = {name: [] for name, _, _ in rows}
    for _ in range(runs):
        for name, cmd, shell in rows:
            drop_caches()
            samples[name].append(run_once(cmd, shell, ok))
    return {name: (statistics.median(s for s, _ in runs_of), max(m for _, m in runs_of))
            for name, runs_of in samples.items()}


def make_corpus(directory, n, team_script):
    marker = os.path.join(directory, ".complete")
    if os.path.exists(marker):
        return
    shutil.rmtree(directory, ignore_errors=True)
    if team_script:
        subprocess.run([sys.executable, team_script, directory, str(n)], check=True, stdout=subprocess.DEVNULL)
    else:
        subprocess.run([GEN, directory, str(n)], check=True, stdout=subprocess.DEVNULL)
    open(marker, "w").close()


# (name, command, partner, how the two compare, goal). Commands are lists run with DIR replaced
# by the corpus; a string is run by bash. "ratio" is command / partner, "minus" the difference
# in milliseconds.
PAIRS = [
    ("`reviews list` / minimal reader", ["list"],
     [LIMIT, "list", "DIR", "--threads", "2", "--needle", ""], "ratio", "<= 1.1x"),
    ("`list --format json` / `list`", ["list", "--format", "json"], ["list"], "ratio",
     "<= 1.2x, peak < 64 MiB"),
    ("`list --format csv` / `list --format tsv`", ["list", "--format", "csv"],
     ["list", "--format", "tsv"], "ratio", "<= 1.05x"),
    ("`list --format table` / `list --format tsv`", ["list", "--format", "table"],
     ["list", "--format", "tsv"], "ratio", "<= 1.05x"),
    ("`search '\"frozen bone\"'` / `rg -l -i 'frozen bone'`", ["search", '"frozen bone"'],
     ["rg", "-l", "-i", "frozen bone", "DIR"], "ratio", "<= 1.0x"),
    ("`stats` / `list`", ["stats"], ["list"], "ratio", "<= 1.1x"),
    ("`check` / `list`", ["check"], ["list"], "ratio", "<= 1.1x"),
    ('`show "rust and bone"` minus `list --title "rust and bone"`', ["show", "rust and bone"],
     ["list", "--title", "rust and bone"], "minus", "<= +5 ms"),
    ("`list --director Audiard` / `head -q -n 16` of every file",
     ["list", "--director", "Audiard"], "find DIR -name '*.md' -print0 | xargs -0 head -q -n 16 > /dev/null",
     "ratio", "<= 0.75x"),
]


def command(spec, directory):
    """A pair's command for `directory`: reviews' arguments, another program, or a shell line."""
    if isinstance(spec, str):
        return spec.replace("DIR", directory), True
    if spec[0] in (LIMIT, "rg"):
        return [directory if a == "DIR" else a for a in spec], False
    return [BIN, "--dir", directory, *spec], False


def in_turns(cmds, runs, ok=(0, 1, 2)):
    """Like `alternate`, for (command, shell) pairs, exit 2 allowed (`show` by title may name
    several films)."""
    for cmd, shell in cmds:
        run_once(cmd, shell, ok)  # warm-up
    samples = [[] for _ in cmds]
    for _ in range(runs):
        for i, (cmd, shell) in enumerate(cmds):
            samples[i].append(run_once(cmd, shell, ok))
    return [(statistics.median(s for s, _ in runs_of), max(m for _, m in runs_of)) for runs_of in samples]


def pairs(args, kind):
    """The table of pairs, in Markdown, for each size; then largest size / smallest size."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", LIMIT_MANIFEST,
                    "--target-dir", os.path.join(ROOT, "target", "limit")], check=True)
    runs = max(args.runs, 5)
    machine = f"{os.cpu_count()} cores, {os.uname().release}"
    alone = {}
    for n in args.sizes:
        directory = os.path.join(args.work, f"{kind}-{n}")
        make_corpus(directory, n, args.team_corpus)
        directory = os.path.realpath(directory)
        subprocess.run(f"find {directory} -name '*.md' -print0 | xargs -0 cat > /dev/null",
                       shell=True, check=True)
        print(f"\n{n:,} files ({kind} generator), warm cache, {time.strftime('%Y-%m-%d')}, "
              f"{machine}, medians of {runs} in turns\n")
        print("| pair | figure | command | partner | peak MiB | goal |")
        print("|---|---:|---:|---:|---:|---|")
        for name, first, second, how, goal in PAIRS:
            program = second[0] if isinstance(second, list) and second[0] in (LIMIT, "rg") else None
            if program and not shutil.which(program) and not os.path.exists(program):
                print(f"| {name} | not measured: {program} is not installed | | | | {goal} |")
                continue
            (a, a_mib), (b, _) = in_turns([command(first, directory), command(second, directory)], runs)
            figure = f"{a / b:.2f}x" if how == "ratio" else f"{(a - b) * 1000:+.0f} ms"
            print(f"| {name} | {figure} | {a:.3f} s | {b:.3f} s | {a_mib:.0f} | {goal} |", flush=True)
        for name, spec in (("list", ["list"]), ("search", ["search", '"frozen bone"'])):
            alone.setdefault(name, []).append(in_turns([command(spec, directory)], runs)[0][0])
    if len(args.sizes) > 1:
        small, large = args.sizes[0], args.sizes[-1]
        print(f"\n| {large:,} files / {small:,} files | figure | goal |\n|---|---:|---|")
        for name, times in alone.items():
            goal = f"<= {large / small * 1.1:.1f}x"
            print(f"| `{name}` | {times[-1] / times[0]:.2f}x | {goal} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/reviews-bench")
    ap.add_argument("--team-corpus", help="path to the team's gen_corpus.py")
    ap.add_argument("--python-frontmatter", action="store_true", help="also time python-frontmatter")
    ap.add_argument("--cold", action="store_true",
                    help="also time the reading commands from a cold page cache (root only)")
    ap.add_argument("--pairs", action="store_true",
                    help="print the table of pairs (each command against its floor, in turns) and stop")
    ap.add_argument("--baseline", metavar="BIN",
                    help="with --cold, also time this build of reviews (say, the one before a change) in the same runs")
    args = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet", "--bins", "--examples"], cwd=ROOT, check=True)
    kind = "team" if args.team_corpus else "own"
    if args.pairs:
        return pairs(args, kind)
    bundled = os.path.join(ROOT, "reviews")
    cat_bundled = measure(["cat", os.path.join(bundled, "rust-and-bone.md")], args.runs)
    show_bundled = measure([BIN, "--dir", bundled, "show", "rust-and-bone"], args.runs)
    print(f"bundled collection: reviews show rust-and-bone {show_bundled[0]:.4f} s, "
          f"cat of the file {cat_bundled[0]:.4f} s: {show_bundled[0] / cat_bundled[0]:.2f}x, "
          f"{show_bundled[1]:.1f} MiB")
    memory = {}
    print(f"medians of {args.runs} runs, corpus: {kind} generator; times in seconds, memory = peak RSS")
    for n in args.sizes:
        directory = os.path.join(args.work, f"{kind}-{n}")
        make_corpus(directory, n, args.team_corpus)
        directory = os.path.realpath(directory)
        files = f"find {directory} -name '*.md' -print0 | xargs -0"
        subprocess.run(f"{files} cat > /dev/null", shell=True, check=True)  # warm the page cache

        cat = measure(f"{files} cat > /dev/null", args.runs, shell=True)
        head = measure(f"{files} head -q -n 16 > /dev/null", args.runs, shell=True)
        minimal = measure([MINIMAL, directory], args.runs)
        director = measure([BIN, "--dir", directory, "list", "--director", "Audiard"], args.runs)
        everything = measure([BIN, "--dir", directory, "list"], args.runs)
        one = os.path.join(directory, "rust-and-bone.md")
        cat_one = measure(["cat", one], args.runs)
        show = measure([BIN, "--dir", directory, "show", "rust-and-bone"], args.runs)
        json = measure([BIN, "--dir", directory, "list", "--format", "json"], args.runs)
        jsonl = measure([BIN, "--dir", directory, "list", "--format", "jsonl"], args.runs)
        csv = measure([BIN, "--dir", directory, "list", "--format", "csv"], args.runs)
        table = measure([BIN, "--dir", directory, "list", "--format", "table"], args.runs)
        by_director = measure([BIN, "--dir", directory, "list", "--sort", "director", "--reverse"], args.runs)
        # Several titles may hold the words (exit 2 names them): every header is read either way.
        by_title = measure([BIN, "--dir", directory, "show", "rust and bone"], args.runs, ok=(0, 1, 2))
        check = measure([BIN, "--dir", directory, "check"], args.runs)
        # Full-text search against ripgrep and grep over the same files, when they are there
        # (apt packages ripgrep and grep): the phrase is in titles and bodies of this corpus.
        search = measure([BIN, "--dir", directory, "search", '"frozen bone"'], args.runs)
        rg = shutil.which("rg") and measure(["rg", "-l", "-i", "frozen bone", directory], args.runs)
        grep = measure(["grep", "-r", "-l", "-i", "frozen bone", directory], args.runs)

        # One library from three folders, against the same files in one folder, timed in turns.
        parts = split_corpus(directory, 3)
        one_folder, three_folders = alternate(
            [[BIN, "--dir", directory, "list"],
             [BIN, *[a for part in parts for a in ("--dir", part)], "list"]], args.runs)

        print(f"\n{n:,} files")
        rows = [
            ("cat (all files)", cat, None),
            ("head -q -n 16 (all files)", head, None),
            ("minimal serde_yaml reader, 2 threads", minimal, None),
            ("reviews list --director Audiard", director, ("head -n 16", head[0])),
            ("reviews list", everything, ("minimal reader", minimal[0])),
            ("cat rust-and-bone.md", cat_one, None),
            ("reviews show rust-and-bone", show, ("cat of the file", cat_one[0])),
            ("reviews list --format json", json, ("list", everything[0])),
            ("reviews list --format jsonl", jsonl, ("list", everything[0])),
            ("reviews list --format csv", csv, ("list", everything[0])),
            ("reviews list --format table", table, ("list", everything[0])),
            ("reviews list --sort director --reverse", by_director, ("list", everything[0])),
            ("reviews list (one folder, in turns)", one_folder, None),
            (f"reviews list (3 folders of {n // 3:,})", three_folders, ("one folder", one_folder[0])),
            ('reviews show "rust and bone" (by title)', by_title, None),
            ("reviews check", check, None),
            ("grep -r -l -i 'frozen bone'", grep, None),
        ]
        if rg:
            rows.append(("rg -l -i 'frozen bone'", rg, None))
        floor = ("rg -l -i", rg[0]) if rg else ("grep -r -l -i", grep[0])
        rows.append(('reviews search \'"frozen bone"\'', search, floor))
        for name, (_, mib), _ in rows:
            if name.startswith("reviews"):
                memory.setdefault(name, []).append(mib)
        if args.python_frontmatter:
            script = os.path.join(args.work, "pf.py")
            with open(script, "w") as f:
                f.write(PYTHON_FRONTMATTER)
            pf = measure([sys.executable, script, directory], args.runs)
            rows.insert(3, ("python-frontmatter, --director Audiard", pf, None))
            rows.append(("python-frontmatter / list --director", (pf[0] / director[0], pf[1]), "x"))
        for name, (seconds, mib), against in rows:
            if against == "x":
                print(f"  {name:42} {seconds:8.1f}x faster")
                continue
            ratio = f"  {seconds / against[1]:5.2f}x {against[0]}" if against else ""
            print(f"  {name:42} {seconds:8.3f} s {mib:7.1f} MiB{ratio}")

        if args.cold:
            print(f"\n{n:,} files, cold page cache (dropped before each run)")
            cold_rows = [
                ("xargs -P 64 head -q -n 16", f"{files} -P 64 -n 500 head -q -n 16 > /dev/null", True),
                ("reviews list --director Audiard",
                 [BIN, "--dir", directory, "list", "--director", "Audiard"], False),
                ("xargs -P 64 grep -l -i 'frozen bone'",
                 f"{files} -P 64 -n 200 grep -l -i 'frozen bone' > /dev/null", True),
                ('reviews search \'"frozen bone"\'',
                 [BIN, "--dir", directory, "search", '"frozen bone"'], False),
            ]
            if rg:
                cold_rows.append(("rg -l -i 'frozen bone'", ["rg", "-l", "-i", "frozen bone", directory], False))
                cold_rows.append(("rg -l -i -j 64 'frozen bone'",
                                  ["rg", "-l", "-i", "-j", "64", "frozen bone", directory], False))
            floors = {"reviews list --director Audiard": "xargs -P 64 head -q -n 16",
                      'reviews search \'"frozen bone"\'': "xargs -P 64 grep -l -i 'frozen bone'"}
            if args.baseline:
                for name, cmd, shell in list(cold_rows):
                    if name.startswith("reviews"):
                        cold_rows.append((f"{name} (baseline)", [args.baseline, *cmd[1:]], shell))
                        floors[f"{name} (baseline)"] = floors[name]
            cold = measure_cold(cold_rows, args.runs, ok=(0, 1, 123))
            for name, (seconds, mib) in cold.items():
                floor = floors.get(name)
                ratio = f"  {seconds / cold[floor][0]:5.2f}x {floor}" if floor else ""
                print(f"  {name:42} {seconds:8.3f} s {mib:7.1f} MiB{ratio}")

    print("\npeak memory (MiB) by collection size")
    print(f"  {'':42}" + "".join(f"{n:>10,}" for n in args.sizes) + "   largest/smallest")
    for name, mibs in memory.items():
        print(f"  {name:42}" + "".join(f"{m:10.1f}" for m in mibs) + f"   {mibs[-1] / mibs[0]:.2f}x")


if __name__ == "__main__":
    main()
