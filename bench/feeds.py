#!/usr/bin/env python3
"""Benchmark: how long writing the feeds takes in a build of a large hub (not a test).

    python bench/feeds.py [--posts 2000]

Generates N synthetic posts into a temporary copy of the sample hub, runs `mkdocs build` in
this process with the plugin's feed writer timed (wrapped from here: the plugin carries no
benchmark hook), and prints the build's wall time and the feeds' share of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from carepress.mkdocs.feeds import FeedCollector

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from conftest import build_in_process, make_hub, post_text  # noqa: E402

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
        spent: list[float] = []
        write = FeedCollector.write

        def timed(self: FeedCollector, site_dir: str) -> None:
            started = time.perf_counter()
            write(self, site_dir)
            spent.append(time.perf_counter() - started)

        FeedCollector.write = timed  # type: ignore[method-assign]
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        started = time.perf_counter()
        built = build_in_process(root)
        total = time.perf_counter() - started
        if not built.ok:
            print(built.log, file=sys.stderr)
            return 1
        feeds = spent[0]
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
