"""How fast `carepress impact import` counts a web server's access log, and in how much
memory: a synthetic Combined Log Format file of N lines (default 1,000,000; the issue's
target is 5,000,000 in under a minute, in constant memory). Prints numbers; no thresholds.

    .venv/bin/python bench/impact.py [--lines N]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from carepress.impact.access_logs import count_visits

AGENTS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/605.1",
          "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0",
          "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"]  # fmt: skip
PATHS = [f"/blog/post-{i:05d}/" for i in range(500)] + ["/", "/assets/stylesheets/main.css"]


def write_log(path: Path, lines: int) -> None:
    rng = random.Random(7)
    with path.open("w") as out:
        for i in range(lines):
            day = 1 + (i * 365 // lines) % 28
            page = rng.choice(PATHS)
            query = rng.choice(["", "?utm_source=mastodon", "?utm_source=bluesky"])
            out.write(f'203.0.113.{i % 250} - - [{day:02d}/Nov/2026:{i % 24:02d}:00:00 +0000] '
                      f'"GET {page}{query} HTTP/1.1" 200 5120 "-" "{rng.choice(AGENTS)}"\n')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    lines = parser.parse_args().lines
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "access.log"
        write_log(log, lines)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        counts = count_visits(log, None, "access.log")
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{lines:,} lines in {seconds:.1f} s ({lines / seconds:,.0f} lines/s; "
          f"5,000,000 would take ~{5_000_000 / (lines / seconds):.0f} s); "
          f"{len(counts.visits):,} page/day/campaign counts; peak RSS {peak:.0f} MB "
          f"({before:.0f} MB before counting)")


if __name__ == "__main__":
    main()
