"""How long `carepress impact report` takes on a busy practice's figures: a hub of N posts
(default 500) with a row of totals for every post, on each of two platforms, every day for
three years, daily followers, and daily visits of every post's page from two campaign tags.
The issue's target: under 5 seconds. Prints numbers; no thresholds.

    .venv/bin/python bench/impact_report.py [--posts N] [--days D]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from carepress.impact.store import ImpactStore
from generate import make_hub

BIN = Path(sys.executable).parent


def fill(database: Path, slugs: list[str], days: int) -> int:
    rng = random.Random(7)
    start = dt.date(2024, 1, 1)
    store = ImpactStore(database)
    rows = 0
    with store.connect() as db:
        for offset in range(days):
            day = (start + dt.timedelta(days=offset)).isoformat()
            growth = offset * 2
            engagement = []
            visits = {}
            for slug in slugs:
                shown = 100 + growth + rng.randrange(400)
                engagement.append(("linkedin", slug, day, shown, shown * 8 // 10,
                                   rng.randrange(30), rng.randrange(5), rng.randrange(5), None,
                                   rng.randrange(20)))  # fmt: skip
                engagement.append(("mastodon", slug, day, None, None, rng.randrange(10),
                                   rng.randrange(3), rng.randrange(4), None, None))  # fmt: skip
                for campaign in ("linkedin", "mastodon"):
                    visits[(day, f"/blog/{slug}/", campaign)] = rng.randrange(6)
            store.put_engagement(db, engagement)
            store.add_visits(db, visits, "access logs")
            store.put_followers(db, [("linkedin", day, 400 + growth),
                                     ("mastodon", day, 120 + offset)])  # fmt: skip
            rows += len(engagement) + len(visits) + 2
        store.put_published(db, [
            (platform, slug, f"2024-01-{1 + i % 28:02d}T{9 + i % 9:02d}:00",
             rng.choice(["image", "link", "carousel"]))
            for i, slug in enumerate(slugs) for platform in ("linkedin", "mastodon")
        ])  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--days", type=int, default=3 * 365)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        hub = make_hub(Path(folder) / "hub", args.posts)
        slugs = [p.stem for p in sorted((hub / "content" / "posts").glob("*.md"))]
        database = hub / "records" / "impact.sqlite3"
        started = time.perf_counter()
        rows = fill(database, slugs, args.days)
        filled = time.perf_counter() - started
        times = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([str(BIN / "carepress"), "impact", "report"], cwd=hub, check=True,
                           capture_output=True)  # fmt: skip
            times.append(time.perf_counter() - started)
        size = database.stat().st_size / 1e6
    print(f"{len(slugs)} posts x {args.days} days: {rows:,} rows ({size:.0f} MB, written in "
          f"{filled:.0f} s); carepress impact report: {min(times):.2f} s best of 3 "
          f"({', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
