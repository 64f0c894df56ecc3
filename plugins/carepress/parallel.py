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
from typing import TYPE_CHECKING, Any

from . import collector
from .engine import Post, check_post
from .publish.snippets import PackedSnippets
from .settings import Settings

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

WORKERS_ENV = "CAREPRESS_WORKERS"
MIN_POSTS = 64  # below this, starting a worker costs more than it saves
CHUNK = 32  # posts per task: small enough to share the work out evenly

# What the workers check with. Set before they are forked, so they inherit it.
_job: tuple[Settings, dt.datetime, bool, bool] | None = None
_alone: Callable[[], Any] | None = None  # a Checking's `also`


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
    collector.resume()  # all is loaded now (collector.py)
    # Snippets travel and wait as their JSON text: one string a post, not ~30 objects.
    report.snippets = PackedSnippets.of(report.snippets)
    if not keep_text:
        report.post = None  # a build publishes from the front matter; ~8 KB a post less
    return report


def _check_chunk(paths: Sequence[Path]) -> list[Post]:
    assert _job is not None
    settings, now, html, keep_text = _job
    return [_checked(path, settings, now, html, keep_text) for path in paths]


class Checking:
    """`check_post` on every path, started now: in forked workers when there are many (they
    go on while the caller does other work: a build lets MkDocs read and render the site
    meanwhile), else in this process when `wait` is called. `also`: one more task, run by
    one of the same workers (a hub's own texts) or here. `keep_text`: keep each post's text
    in its report (the CLI reports lines from it; a build does not need it). `workers`: how
    many processes (None: `worker_count`'s choice)."""

    def __init__(
        self,
        paths: Sequence[Path],
        settings: Settings,
        now: dt.datetime,
        *,
        html: bool,
        keep_text: bool = True,
        also: Callable[[], Any] | None = None,
        workers: int | None = None,
    ) -> None:
        global _job, _alone
        self.paths, self.also = list(paths), also
        self._job = (settings, now, html, keep_text)
        self._pool: ProcessPoolExecutor | None = None
        self._chunks: list[Future[list[Post]]] = []
        self._also: Future[Any] | None = None
        workers = worker_count(len(self.paths)) if workers is None else workers
        if not workers or not self.paths:
            return
        _job, _alone = self._job, also
        try:  # the pool forks its workers on the first task: they inherit both
            self._pool = _forked_pool(min(workers, len(self.paths) + bool(also)))
            if also is not None:  # first: it takes one worker while the others check
                self._also = self._pool.submit(_run_alone)
            self._chunks = [
                self._pool.submit(_check_chunk, self.paths[i : i + CHUNK])
                for i in range(0, len(self.paths), CHUNK)
            ]
        finally:
            _job = _alone = None

    def wait(
        self, progress: Callable[[int, int], None] | None = None
    ) -> tuple[list[Post], Any]:
        """Every post's report, in order, and what `also` returned (None without it)."""
        if self._pool is None:
            settings, now, html, keep_text = self._job
            reports = []
            for done, path in enumerate(self.paths, start=1):
                reports.append(_checked(path, settings, now, html, keep_text))
                if progress:
                    progress(done, len(self.paths))
            return reports, self.also() if self.also is not None else None
        try:
            reports = []
            for chunk in self._chunks:
                reports += chunk.result()
                if progress:
                    progress(len(reports), len(self.paths))
            return reports, self._also.result() if self._also is not None else None
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop what has not started (a build that failed meanwhile)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


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
    """`check_post` on every path, in order (`Checking`, waited for at once)."""
    checking = Checking(paths, settings, now, html=html, keep_text=keep_text, workers=workers)
    return checking.wait(progress)[0]


def _run_alone() -> Any:
    assert _alone is not None
    return _alone()


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
