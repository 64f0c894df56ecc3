"""Work on many posts, on every core when there are many: the one seam for parallel work.

`check_many`: `carepress check` and a build's cache misses (report_cache.py) run the same
`check_post` on every post, in workers or not, and get the reports in order.
`InBackground`: work the build does not wait for until later (drawing social cards while
MkDocs renders), in workers on the other cores; without workers it runs when waited for.
Workers are forked, so they inherit what is loaded (settings, compiled rule packs, fonts)
instead of having it pickled for every task. One core, few posts, or no `fork`: the work
runs in this process.

``CAREPRESS_WORKERS`` sets the number of workers (0: never); tests force it both ways.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .engine import Post, check_post
from .publish.snippets import PackedSnippets
from .settings import Settings

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
WORKERS_ENV = "CAREPRESS_WORKERS"
MIN_POSTS = 64  # below this, starting a worker costs more than it saves
CHUNK = 32  # posts per task: small enough to share the work out evenly

# What the workers check with. Set before they are forked, so they inherit it.
_job: tuple[Settings, dt.datetime, bool, bool] | None = None


def worker_count(posts: int) -> int:
    """How many worker processes to check this many posts with (0: in this process)."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured and not configured.isdigit():
        raise ValueError(f"{WORKERS_ENV} must be a whole number, not {configured!r}")
    cores = os.cpu_count() or 1
    if not configured and (posts < MIN_POSTS or cores < 2):
        return 0  # (and the edit loop never loads multiprocessing)
    import multiprocessing

    if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        # Only fork hands the workers the loaded settings cheaply (and on macOS forking a
        # process that has loaded system frameworks is not safe).
        return 0
    return int(configured) if configured else min(cores, 4)


def _forked_pool(workers: int) -> ProcessPoolExecutor:
    """Workers forked from this process: they inherit what is loaded (see above). Imported
    here, so the edit loop never loads multiprocessing."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def _checked(
    path: Path, settings: Settings, now: dt.datetime, html: bool, keep_text: bool
) -> Post:
    report = check_post(path, settings, now, html=html)
    # Snippets travel and wait as their JSON text: one string a post, not ~30 objects.
    report.snippets = PackedSnippets.of(report.snippets)
    if not keep_text:
        report.post = None  # a build publishes from the front matter; ~8 KB a post less
    return report


def _check_chunk(paths: Sequence[Path]) -> list[Post]:
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
) -> list[Post]:
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
        with _forked_pool(min(workers, len(paths))) as pool:
            chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
            reports = []
            for chunk in pool.map(_check_chunk, chunks):
                reports += chunk
                if progress:
                    progress(len(reports), len(paths))
    finally:
        _job = None
    return reports


_alone: Callable[[], Any] | None = None  # what `apart` runs in its worker


def _run_alone() -> Any:
    assert _alone is not None
    return _alone()


def apart(task: Callable[[], T], posts: int, *, allowed: bool = True) -> T:
    """`task()` in one forked worker, its result handed back: memory the task needs only while
    it runs (the literal search and compiled patterns for a hub's own texts, ~20 MB) stays
    out of this long-lived process, whose peak a build's is. In this process for a hub
    `check_many` would check in-process (few posts, workers off, no fork), and where not
    `allowed` (a preview's server has threads, which forking does not copy)."""
    global _alone
    if not allowed or not worker_count(posts):
        return task()
    _alone = task
    try:
        with _forked_pool(1) as pool:
            return pool.submit(_run_alone).result()
    finally:
        _alone = None


_task: Callable[[Any], None] | None = None  # what InBackground's workers run


def _run_chunk(items: Sequence[Any]) -> None:
    assert _task is not None
    for item in items:
        _task(item)


class InBackground:
    """`task(item)` for every item, in worker processes started now (leaving one core to
    this process), while the caller goes on; `wait()` returns once all are done (and runs
    them itself when there are no workers). `cancel()` stops what has not started."""

    def __init__(self, task: Callable[[Any], None], items: Sequence[Any], workers: int) -> None:
        global _task
        self.task, self.items = task, list(items)
        self.given = len(self.items)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[None]] = []
        if workers and self.items:
            _task = task
            self._pool = _forked_pool(workers)
            self._futures = [
                self._pool.submit(_run_chunk, self.items[i : i + CHUNK])
                for i in range(0, len(self.items), CHUNK)
            ]

    @staticmethod
    def workers_beside_the_build(items: int) -> int:
        """Workers for work that runs while the build's process renders: one core fewer."""
        return min(worker_count(items), max((os.cpu_count() or 1) - 1, 1))

    def wait(self) -> None:
        if self._pool is None:
            for item in self.items:
                self.task(item)
            self.items = []
            return
        try:
            for future in self._futures:
                future.result()
        finally:
            self.cancel()

    def cancel(self) -> None:
        global _task
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self.items, self._futures, _task = [], [], None
