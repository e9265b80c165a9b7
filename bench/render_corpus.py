#!/usr/bin/env python3
"""Show every review of the blog corpora rendered, piped and on an 80-column terminal, and count
what is left over: markup the source used that reached the output, lines wider than 80 columns,
and escapes the renderer did not write.

    python3 bench/render_corpus.py [--binary target/release/reviews] [--corpus ../shared/corpus]

Markup inside code (a code span or block shows its text as written) is not counted: a token is
left over only when it appears in the output outside the lines the renderer drew as code.
"""

import argparse
import os
import pty
import re
import select
import struct
import subprocess
import sys
import fcntl
import termios
import unicodedata
from pathlib import Path

BLOGS = [
    "filmsfolded-filmsfolded.github.com",
    "johnpaulwelsh-hakyll-movie-blog",
    "JamesSkemp-words",
    "robinmetral-website",
    "rajatbhagat-movie-review-site",
    "michaeo04-michaeo04.github.io",
    "quicoto-reviews",
    "fshowalter-franksmovielog.com-old",
]
MARKUP = ["**", "__", "](", "<p", "<br", "&amp;", "&mdash;"]
OURS = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;;[\x21-\x7e]*\x1b\\")
WIDTH = 80


def columns(line):
    total = 0
    for c in line:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return total


def on_terminal(argv):
    """Run argv on a pseudo-terminal of WIDTH columns; return what it wrote."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, WIDTH, 0, 0))
    out = bytearray()
    while True:
        ready, _, _ = select.select([fd], [], [], 20)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    os.close(fd)
    os.waitpid(pid, 0)
    # The terminal turns each newline into CR LF.
    return out.decode("utf-8", "replace").replace("\r\n", "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="target/release/reviews")
    parser.add_argument("--corpus", default="../shared/corpus")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    checked = 0
    left = []
    for blog in BLOGS:
        folder = Path(args.corpus) / blog
        if not folder.is_dir():
            continue
        paths = subprocess.run(
            [binary, "--dir", str(folder), "list", "--format", "path", "-q"],
            capture_output=True, text=True,
        ).stdout.splitlines()
        for path in paths:
            checked += 1
            source = Path(path).read_text("utf-8", "replace")
            piped = subprocess.run(
                [binary, "--dir", str(folder), "show", path, "--width", str(WIDTH), "-q"],
                capture_output=True, text=True, errors="replace",
            ).stdout
            shown = on_terminal([binary, "--dir", str(folder), "show", path, "--no-pager", "-q"])
            problems = []
            # Code is drawn indented four columns and dimmed: on the terminal, a dimmed line.
            code = {OURS.sub("", l).strip() for l in shown.split("\n") if l.lstrip(" ").startswith("\x1b[2m")}
            for token in MARKUP:
                if token in source:
                    hits = [l for l in piped.split("\n") if token in l and l.strip() not in code]
                    if hits:
                        problems.append(f"{token!r} in {hits[0].strip()[:70]!r}")
            for name, text in (("piped", piped), ("terminal", shown)):
                plain = OURS.sub("", text)
                wide = [l for l in plain.split("\n") if columns(l) > WIDTH]
                if wide:
                    problems.append(f"{name}: {len(wide)} lines over {WIDTH} columns: {wide[0][:90]!r}")
            if "\x1b" in piped:
                problems.append("piped output holds an escape")
            foreign = [c for c in OURS.sub("", shown) if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]
            if foreign:
                problems.append(f"foreign control characters: {sorted(set(foreign))!r}")
            if problems:
                left.append((path, problems))
    print(f"files checked: {checked}")
    print(f"files left over: {len(left)}")
    for path, problems in left:
        print(f"- {path}")
        for problem in problems:
            print(f"    {problem}")
    return 0 if not left else 1


if __name__ == "__main__":
    sys.exit(main())
