#!/usr/bin/env python3
"""Time `reviews browse` as a person meets it, on a real terminal (tmux), at 100,000 reviews.

    python3 bench/browse.py [--corpus /tmp/reviews-bench/own-100000] [--runs 5]

Prints, medians of --runs starts:
  first frame  from the start to a screen with rows on it (the list fills in as files are read)
  all read     from the start to the count no longer saying "reading…"
  keystroke    from a key sent to the screen showing its query and its results' count, for
               each of a few keys
  peak memory  of the whole run (GNU time's max RSS)

The screen is read through one tmux client in control mode each time the pane writes, with no
process started per look; a keystroke's figure includes tmux's own passing of the key and the
reading of the screen (about 1-3 ms). "…" beside the count means results are still to come; the
keystroke's time runs until it is gone. Warm cache. Nothing here runs in CI. Build first: cargo build --release.
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


class Control:
    """One tmux client in control mode, kept open: keys are sent and the screen is read through
    it, and it says when the pane has new output, so the screen is read only then, with no
    process started per look (on two cores, polling with a process each took time from the
    browser)."""

    def __init__(self):
        self.client = subprocess.Popen(["tmux", "-L", SOCKET, "-f", "/dev/null", "-C", "attach"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.command("refresh-client -C 160x50")

    def command(self, text):
        """Run a tmux command; its output, line by line. Output notices on the way are noted."""
        self.client.stdin.write(text.encode() + b"\n")
        self.client.stdin.flush()
        lines, inside = [], False
        while True:
            line = self.client.stdout.readline().decode("utf-8", "replace").rstrip("\n")
            if not line and self.client.poll() is not None:
                raise SystemExit("the tmux client ended")
            if line.startswith("%begin"):
                inside = True
            elif inside and line.startswith(("%end", "%error")):
                return lines
            elif inside:
                lines.append(line)

    def screen(self):
        return "\n".join(self.command("capture-pane -p"))

    def next_output(self):
        """Wait until the pane writes something."""
        while not self.client.stdout.readline().startswith(b"%output"):
            pass

    def wait(self, done, start, limit=30.0):
        while True:
            text = self.screen()
            if done(text):
                return time.perf_counter() - start, text
            if time.perf_counter() - start > limit:
                raise SystemExit(f"gave up waiting; the screen:\n{text}")
            self.next_output()

    def close(self):
        self.client.stdin.close()
        self.client.wait()


def one_run(corpus, keys):
    rss = tempfile.NamedTemporaryFile("r", delete=False)
    command = (f"XDG_CONFIG_HOME=/nonexistent /usr/bin/time -f %M -o {rss.name} "
               f"{BIN} --dir {corpus} browse; sleep 60")
    start = time.perf_counter()
    tmux("new-session", "-d", "-x", "160", "-y", "50", "sh", "-c", command)
    control = Control()
    first, _ = control.wait(lambda s: s.startswith(">") and "\n> " in s, start)
    loaded, text = control.wait(lambda s: "reading" not in s.splitlines()[0] and "…" not in s.splitlines()[0], start)
    total = text.splitlines()[0].split()[-1]
    typed = ""
    strokes = []
    for key in keys:
        typed = typed[:-1] if key == "BSpace" else typed + key
        sent = time.perf_counter()
        control.command(f"send-keys {key}")
        def shows(s, typed=typed):
            top = s.splitlines()[0] if s else ""
            # "…" before the count while the results for the query are still to come.
            return (top.startswith(f"> {typed} ") and "…" not in top
                    and top.split()[-1].endswith(total.split("/")[-1]))
        took, _ = control.wait(shows, sent)
        strokes.append(took)
    control.command("send-keys C-c")
    control.close()
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
    keys = list("rstbne") + ["BSpace"] * 3
    runs = [one_run(corpus, keys) for _ in range(args.runs)]
    med = lambda xs: statistics.median(xs) * 1000
    print(f"reviews browse on {corpus} ({runs[0][4]} reviews), medians of {args.runs} runs")
    print(f"  first frame with rows   {med([r[0] for r in runs]):7.0f} ms")
    print(f"  every file read         {med([r[1] for r in runs]):7.0f} ms")
    for i, key in enumerate(keys):
        worst = max(r[2][i] for r in runs) * 1000
        typed = "".join(keys[:i + 1]).replace("BSpace", "\b")
        while "\b" in typed:
            at = typed.index("\b")
            typed = typed[:at - 1] + typed[at + 1:]
        print(f"  key {key!r:8} ({typed!r:8}) {med([r[2][i] for r in runs]):7.1f} ms (worst {worst:.1f})")
    print(f"  peak memory             {max(r[3] for r in runs):7.1f} MiB")


if __name__ == "__main__":
    main()
