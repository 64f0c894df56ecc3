"""How fast is `carepress check`? Per-file times over the sample posts, throughput, and the
edit loop (one post, process start included). Prints numbers; not a test.

    .venv/bin/python bench/check_speed.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from carepress.engine import check_post, utc_now
from carepress.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per file (median is shown)")
    args = parser.parse_args()

    started = time.perf_counter()
    settings = load_settings(ROOT / "mkdocs.yml")
    setup = time.perf_counter() - started
    now = utc_now()
    posts = settings.post_files()
    print(f"settings and rule packs loaded in {setup * 1000:.0f} ms\n")
    print(f"| post | words | ms (median of {args.repeat}) |")
    print("|---|---:|---:|")
    medians = []
    for path in posts:
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            report = check_post(path, settings, now)
            times.append(time.perf_counter() - t0)
        words = len(report.post.body.split()) if report.post else 0
        medians.append(statistics.median(times))
        print(f"| {settings.display_path(path)} | {words} | {medians[-1] * 1000:.2f} |")
    total = sum(medians)
    print(
        f"\n{len(posts)} posts: {total * 1000:.1f} ms in all, "
        f"{len(posts) / total:.0f} posts/s in one process"
    )

    one = posts[0]
    loop = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).parent / "carepress"), "check", str(one)],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        loop.append(time.perf_counter() - t0)
    print(
        f"edit loop (`carepress check {settings.display_path(one)}`, process start included): "
        f"median {statistics.median(loop):.2f} s over 5 runs"
    )


if __name__ == "__main__":
    main()
