#!/usr/bin/env python3
"""Benchmark: how long writing the feeds takes in a build of a large hub (not a test).

    python bench/feeds.py [--posts 2000]

Generates N synthetic posts into a temporary copy of the sample hub, runs `mkdocs build`,
and prints the build's wall time and the time the carepress plugin spent writing the feeds
(reported by the plugin through CAREPRESS_FEEDS_TIMING_FILE), with its share of the build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from conftest import ENV, make_hub, post_text  # noqa: E402

TAGS = [f"topic-{n}" for n in range(60)]
AUDIENCES = [["clients"], ["community"], ["clinicians"], ["clients", "community"]]


def generate(hub_root: Path, count: int) -> None:
    hub = make_hub(hub_root)
    start = dt.date(2020, 1, 1)
    for n in range(count):
        hub.write_post(
            f"p{n:05d}.md",
            post_text(
                title=f"Synthetic article number {n}",
                description=f"A synthetic article, number {n}, for the feeds benchmark.",
                slug=f"p{n:05d}",
                date=(start + dt.timedelta(days=n % 2000)).isoformat(),
                tags=[TAGS[n % 60], TAGS[(n * 7) % 60], TAGS[(n * 13) % 60]],
                audience=AUDIENCES[n % 4],
                content_warnings=["suicide"] if n % 5 == 0 else [],
            ),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="carepress-bench-feeds-") as tmp:
        root = Path(tmp) / "hub"
        generate(root, args.posts)
        timing = Path(tmp) / "feeds-seconds.txt"
        env = {**ENV, "CAREPRESS_FEEDS_TIMING_FILE": str(timing)}
        mkdocs = Path(sys.executable).parent / "mkdocs"
        started = time.perf_counter()
        result = subprocess.run(
            [str(mkdocs), "build", "--site-dir", "site"],
            cwd=root, env=env, capture_output=True, text=True,
        )  # fmt: skip
        total = time.perf_counter() - started
        if result.returncode != 0:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        feeds = float(timing.read_text(encoding="utf-8"))
        files = [p for p in (root / "site" / "feeds").rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        print(f"posts:               {args.posts}")
        print(f"build (wall):        {total:8.2f} s")
        print(f"feed writing:        {feeds:8.3f} s  ({100 * feeds / total:.2f} % of the build)")
        print(f"feed files:          {len(files)} ({size / 1024:.0f} KiB)")
        print(f"cpus:                {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
