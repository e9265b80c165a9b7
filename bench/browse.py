#!/usr/bin/env python3
"""Time `reviews browse` as a person meets it, on a real terminal (tmux), at 100,000 reviews.

    python3 bench/browse.py [--corpus /tmp/reviews-bench/own-100000] [--runs 5]

Prints, medians of --runs starts:
  first frame  from the start to a screen with rows on it (the list fills in as files are read)
  all read     from the start to the count no longer saying "reading…"
  keystroke    from a key sent to the screen showing its query and count, for each of a few keys
  peak memory  of the whole run (GNU time's max RSS)

The screen is polled every 2 ms with `tmux capture-pane`, which itself takes about 1-2 ms: the
figures carry that much error, and a keystroke's includes tmux's own passing of the key. Warm
cache. Nothing here runs in CI. Build first: cargo build --release.
"""

import argparse
import os
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "reviews")
SOCKET = f"reviews-bench-{os.getpid()}"


def tmux(*args, capture=False):
    done = subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args],
                          capture_output=capture, text=True, check=True)
    return done.stdout if capture else None


def screen():
    return tmux("capture-pane", "-p", capture=True)


def wait(done, start, limit=30.0):
    while True:
        text = screen()
        if done(text):
            return time.perf_counter() - start, text
        if time.perf_counter() - start > limit:
            raise SystemExit(f"gave up waiting; the screen:\n{text}")
        time.sleep(0.002)


def one_run(corpus, keys):
    rss = tempfile.NamedTemporaryFile("r", delete=False)
    command = (f"XDG_CONFIG_HOME=/nonexistent /usr/bin/time -f %M -o {rss.name} "
               f"{BIN} --dir {corpus} browse; sleep 60")
    start = time.perf_counter()
    tmux("new-session", "-d", "-x", "160", "-y", "50", "sh", "-c", command)
    first, _ = wait(lambda s: s.startswith(">") and "\n> " in s, start)
    loaded, text = wait(lambda s: "reading" not in s.splitlines()[0], start)
    total = text.splitlines()[0].split()[-1]
    typed = ""
    strokes = []
    for key in keys:
        typed += key
        sent = time.perf_counter()
        tmux("send-keys", key)
        def shows(s, typed=typed):
            top = s.splitlines()[0] if s else ""
            return top.startswith(f"> {typed} ") and top.split()[-1].endswith(total.split("/")[-1])
        took, _ = wait(shows, sent)
        strokes.append(took)
    tmux("send-keys", "C-c")
    time.sleep(0.3)
    tmux("kill-server")
    with open(rss.name) as f:
        peak = int(f.read().split()[-1]) / 1024
    os.unlink(rss.name)
    return first, loaded, strokes, peak, total


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="/tmp/reviews-bench/own-100000")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    corpus = os.path.realpath(args.corpus)
    subprocess.run(f"find {corpus} -name '*.md' -print0 | xargs -0 cat > /dev/null", shell=True, check=True)
    keys = list("rstbne")
    runs = [one_run(corpus, keys) for _ in range(args.runs)]
    med = lambda xs: statistics.median(xs) * 1000
    print(f"reviews browse on {corpus} ({runs[0][4]} reviews), medians of {args.runs} runs")
    print(f"  first frame with rows   {med([r[0] for r in runs]):7.0f} ms")
    print(f"  every file read         {med([r[1] for r in runs]):7.0f} ms")
    for i, key in enumerate(keys):
        worst = max(r[2][i] for r in runs) * 1000
        print(f"  key {key!r} ({''.join(keys[:i + 1])!r:9})   {med([r[2][i] for r in runs]):7.1f} ms (worst {worst:.1f})")
    print(f"  peak memory             {max(r[3] for r in runs):7.1f} MiB")


if __name__ == "__main__":
    main()
