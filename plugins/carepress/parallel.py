"""Checking many posts, on every core when there are many: the one seam for parallel work.

`carepress check` and a build's cache misses (report_cache.py) both call `check_many`; with
workers or without, it runs the same `check_post` on every post and returns the reports in
order. Workers are forked, so they inherit the loaded settings (compiled rule packs and all)
instead of having them pickled for every task. One core, few posts, or no `fork`: the
posts are checked in this process.

``CAREPRESS_WORKERS`` sets the number of workers (0: never); tests force it both ways.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .check import PostReport, check_post
from .publish.snippets import PackedSnippets
from .settings import Settings

WORKERS_ENV = "CAREPRESS_WORKERS"
MIN_POSTS = 64  # below this, starting a worker costs more than it saves
CHUNK = 32  # posts per task: small enough to share the work out evenly

# What the workers check with. Set before they are forked, so they inherit it.
_job: tuple[Settings, dt.datetime, bool, bool] | None = None


def worker_count(posts: int) -> int:
    """How many worker processes to check this many posts with (0: in this process)."""
    if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        # Only fork hands the workers the loaded settings cheaply (and on macOS forking a
        # process that has loaded system frameworks is not safe).
        return 0
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        if not configured.isdigit():
            raise ValueError(f"{WORKERS_ENV} must be a whole number, not {configured!r}")
        return int(configured)
    cores = os.cpu_count() or 1
    if posts < MIN_POSTS or cores < 2:
        return 0
    return min(cores, 4)


def _checked(
    path: Path, settings: Settings, now: dt.datetime, html: bool, keep_text: bool
) -> PostReport:
    report = check_post(path, settings, now, html=html)
    # Snippets travel and wait as their JSON text: one string a post, not ~30 objects.
    report.snippets = PackedSnippets.of(report.snippets)
    if not keep_text:
        report.post = None  # a build publishes from the front matter; ~8 KB a post less
    return report


def _check_chunk(paths: Sequence[Path]) -> list[PostReport]:
    assert _job is not None
    settings, now, html, keep_text = _job
    return [_checked(path, settings, now, html, keep_text) for path in paths]


def check_many(
    paths: Sequence[Path],
    settings: Settings,
    now: dt.datetime,
    *,
    html: bool,
    keep_text: bool = True,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> list[PostReport]:
    """`check_post` on every path, in order. `keep_text`: keep each post's text in its
    report (the CLI reports lines from it; a build does not need it). `workers`: how many
    processes (None: `worker_count`'s choice)."""
    global _job
    paths = list(paths)
    workers = worker_count(len(paths)) if workers is None else workers
    if not workers or not paths:
        reports = []
        for done, path in enumerate(paths, start=1):
            reports.append(_checked(path, settings, now, html, keep_text))
            if progress:
                progress(done, len(paths))
        return reports
    _job = (settings, now, html, keep_text)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(workers, len(paths)), mp_context=context) as pool:
            chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
            reports = []
            for chunk in pool.map(_check_chunk, chunks):
                reports += chunk
                if progress:
                    progress(len(reports), len(paths))
    finally:
        _job = None
    return reports
