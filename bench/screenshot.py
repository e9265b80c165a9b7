#!/usr/bin/env python3
"""Make docs/images/browse.svg: a real `reviews browse` on the bundled collection, run on tmux,
its screen captured and drawn as SVG text (the selected row in reverse, as the terminal shows it).

    cargo build --release && python3 bench/screenshot.py
"""

import html
import os
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "reviews")
OUT = os.path.join(ROOT, "docs", "images", "browse.svg")
SOCKET = f"reviews-shot-{os.getpid()}"
WIDTH, HEIGHT = 100, 24


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args],
                          capture_output=True, text=True, check=True).stdout


def main():
    command = f"cd {ROOT} && XDG_CONFIG_HOME=/nonexistent {BIN} --dir reviews browse; sleep 5"
    tmux("new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT), "sh", "-c", command)
    time.sleep(1.0)
    for key in "audiard":
        tmux("send-keys", key)
    time.sleep(0.5)
    lines = tmux("capture-pane", "-p").splitlines()
    tmux("send-keys", "C-c")
    time.sleep(0.2)
    tmux("kill-server")
    char_w, line_h = 8.4, 17
    width, height = WIDTH * char_w + 20, HEIGHT * line_h + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
           f'font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">',
           f'<rect width="100%" height="100%" rx="6" fill="#1e1e1e"/>']
    for row, line in enumerate(lines[:HEIGHT]):
        y = 10 + (row + 1) * line_h - 4
        if line.startswith("> ") and row > 0:
            # The selected row: drawn reversed, as the terminal shows it.
            end = line.find("│") if "│" in line else len(line)
            out.append(f'<rect x="{10 + 2 * char_w}" y="{y - line_h + 5}" width="{(end - 2) * char_w}" '
                       f'height="{line_h}" fill="#d4d4d4"/>')
            out.append(f'<text x="10" y="{y}" fill="#d4d4d4" xml:space="preserve">&gt; </text>')
            out.append(f'<text x="{10 + 2 * char_w}" y="{y}" fill="#1e1e1e" xml:space="preserve">'
                       f'{html.escape(line[2:end])}</text>')
            out.append(f'<text x="{10 + end * char_w}" y="{y}" fill="#d4d4d4" xml:space="preserve">'
                       f'{html.escape(line[end:])}</text>')
        else:
            fill = "#888888" if row == HEIGHT - 1 else "#d4d4d4"
            out.append(f'<text x="10" y="{y}" fill="{fill}" xml:space="preserve">{html.escape(line)}</text>')
    out.append("</svg>")
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print(OUT)


if __name__ == "__main__":
    main()
