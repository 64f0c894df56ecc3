"""Check posts in worker processes while the caller goes on.

A build needs every post's front matter at once (Material's blog plugin reads it in
`on_files`): `EarlyFronts` reads it in workers from `on_pre_build`, while MkDocs empties
site_dir and lists the files, and the build's process takes over what is left. The full
checks go to `PendingChecks`' workers on the other cores, which run while MkDocs reads and
renders the site; the build waits for their results before anything is written. One core,
few posts, or no `fork`: `worker_count` says 0 and the caller checks the posts itself.

``CAREPRESS_WORKERS`` sets the number of workers (0: never in the background).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .check import PostReport, check_front, check_post
from .findings import Finding
from .publish.snippets import PackedSnippets
from .settings import Settings

WORKERS_ENV = "CAREPRESS_WORKERS"
MIN_POSTS = 64  # below this, starting a worker costs more than it saves
CHUNK = 32  # posts per task: small enough to share the work out evenly

Result = tuple[list[Finding], PackedSnippets]

# What each kind of worker works with, by name. Set before the workers are forked, so they
# inherit it instead of having it pickled (compiled rule packs and all) for every task.
_jobs: dict[str, Any] = {}


def job(name: str) -> Any:
    """In a worker: what its pool was started with."""
    return _jobs[name]


class ForkedWorkers:
    """A pool of worker processes forked from this one, which inherit `job` (see `_jobs`).
    `cancel` stops them (a failed build does not wait for them) and forgets the job."""

    def __init__(self, name: str, work: Any, workers: int) -> None:
        self.name = name
        _jobs[name] = work
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork")
        )

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        assert self._pool is not None
        return self._pool.submit(fn, *args)

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _jobs.pop(self.name, None)


def front_only(path: Path, settings: Settings, now: dt.datetime) -> PostReport:
    """`check_front`, keeping only what a build publishes from (front matter, safeguards):
    whoever checks the prose reads the post's text again (on 5,000 posts, ~40 MB less)."""
    report = check_front(path, settings, now)
    report.post = None
    return report


def _front_chunk(start: int, stop: int) -> list[PostReport]:
    paths, settings, now = job("fronts")  # tasks are index ranges into the paths
    return [front_only(path, settings, now) for path in paths[start:stop]]


def _check_chunk(paths: Sequence[Path]) -> list[Result]:
    settings, now, each, html = job("checks")
    results = []
    for path in paths:
        report = check_post(path, settings, now, html=html)
        # Encoded once, here: the share-kit page below reads it, and the build gets the text.
        report.snippets = PackedSnippets.of(report.snippets)
        if each is not None:
            each(report)
        results.append((report.findings, report.snippets))
    return results


def worker_count(posts: int, keep_one: bool = True) -> int:
    """How many worker processes to check this many posts with (0: check in the caller).
    `keep_one`: leave a core to the caller (a build's MkDocs)."""
    if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        # Workers inherit the loaded settings: only fork gives them that cheaply (and on
        # macOS forking a process that has loaded system frameworks is not safe).
        return 0
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        if not configured.isdigit():
            raise ValueError(f"{WORKERS_ENV} must be a whole number, not {configured!r}")
        return int(configured)
    cores = os.cpu_count() or 1
    if posts < MIN_POSTS or cores < 2:
        return 0
    return min(cores - 1 if keep_one else cores, 4)


class PendingChecks(ForkedWorkers):
    """Full checks of some posts, running in worker processes; `results()` waits for them.
    `each` runs in the worker on every post's report (the build writes share-kit pages).
    `html`: render each post to judge its HTML (`carepress check`; a build judges MkDocs'
    own rendering instead)."""

    def __init__(
        self,
        paths: Sequence[Path],
        settings: Settings,
        now: dt.datetime,
        workers: int,
        each: Callable[[PostReport], None] | None = None,
        html: bool = False,
    ) -> None:
        super().__init__("checks", (settings, now, each, html), workers)
        self.paths = list(paths)
        self._results: dict[Path, Result] | None = None
        self._futures = [
            self.submit(_check_chunk, self.paths[i : i + CHUNK])
            for i in range(0, len(self.paths), CHUNK)
        ]

    def results(self) -> dict[Path, Result]:
        if self._results is None:
            try:
                chunks = [f.result() for f in self._futures]
            finally:
                self.cancel()
            flat = (result for chunk in chunks for result in chunk)
            self._results = dict(zip(self.paths, flat, strict=True))
        return self._results


class EarlyFronts(ForkedWorkers):
    """`front_only` of some posts in worker processes, started before the caller needs them.
    `reports()` takes the chunks no worker has reached yet from the end of the list and
    reads them itself, then waits for the rest: neither side idles while the other works."""

    def __init__(
        self, paths: Sequence[Path], settings: Settings, now: dt.datetime, workers: int
    ) -> None:
        self.paths = list(paths)
        self.settings, self.now = settings, now
        super().__init__("fronts", (self.paths, settings, now), workers)
        self._chunks = [
            (start, stop, self.submit(_front_chunk, start, stop))
            for start in range(0, len(self.paths), CHUNK)
            for stop in [min(start + CHUNK, len(self.paths))]
        ]

    def reports(self) -> dict[Path, PostReport]:
        found: dict[Path, PostReport] = {}
        chunks = list(self._chunks)
        try:
            while chunks and chunks[-1][2].cancel():  # not yet handed to a worker
                start, stop, _ = chunks.pop()
                self._read(start, stop, found)
            for start, stop, future in chunks:
                try:
                    found.update(zip(self.paths[start:stop], future.result(), strict=True))
                except Exception:  # a worker died: read them here (a real bug raises here)
                    self._read(start, stop, found)
        finally:
            self.cancel()
        return found

    def _read(self, start: int, stop: int, found: dict[Path, PostReport]) -> None:
        for path in self.paths[start:stop]:
            found[path] = front_only(path, self.settings, self.now)
