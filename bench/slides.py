"""What carousel slides cost: a hub of N synthetic posts (default 500) with slides drawn from
every post's headings, built cold (an empty card cache) and again (everything cached), beside
the same hub with slides off. Prints seconds and the drawing time per post; no thresholds.

    .venv/bin/python bench/slides.py [--posts N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import make_hub

BIN = Path(sys.executable).parent


def build(hub: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / "carepress"), "build", "-q"], cwd=hub, check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=500)
    posts = parser.parse_args().posts
    with tempfile.TemporaryDirectory() as folder:
        timings = {}
        for carousels in (False, True):
            hub = make_hub(Path(folder) / f"hub-{carousels}", posts, carousels=carousels)
            shutil.rmtree(hub / ".cache", ignore_errors=True)
            cold = build(hub)
            warm = build(hub)
            slides = len(list((hub / "site" / "assets" / "cards" / "slides").rglob("*.png")))
            timings[carousels] = (cold, warm, slides)
    (off_cold, off_warm, _), (on_cold, on_warm, slides) = timings[False], timings[True]
    print(f"{posts} posts, {slides} slides ({slides / posts:.1f} a post) and {posts} PDFs")
    print(f"cold build: {on_cold:.1f} s with slides, {off_cold:.1f} s without: "
          f"{(on_cold - off_cold) / posts * 1000:.0f} ms a post to draw (on every core)")
    print(f"rebuild (all cached): {on_warm:.1f} s with slides, {off_warm:.1f} s without: "
          f"{(on_warm - off_warm) / posts * 1000:.1f} ms a post")


if __name__ == "__main__":
    main()
