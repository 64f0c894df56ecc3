"""The last word on each page: a post page's safeguards verified, rel="noopener" added.

`finish_page` is what `on_post_page` runs on every page. In a build with check workers the
build's process leaves it to `PageFinisher`: once MkDocs has written a page, a worker on
another core reads it back, verifies it and rewrites it with `rel="noopener"`, or removes it
from the site if it fails verification (as the in-process check never lets MkDocs write
it); `results()` at `on_post_build` waits for the last pages, and the build stops on any.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path

from ..background import CHUNK, ForkedWorkers, job
from ..safeguards import Safeguards
from .external_links import add_noopener
from .verify import missing_safeguards

Problems = list[tuple[str, list[str]]]  # (src_uri, what its page lacks)


def finish_page(
    output: str, content: str, safeguards: Safeguards | None, site_url: str | None
) -> tuple[str, list[str]]:
    """The page as it is published, and what it lacks (a post page's safeguards)."""
    problems = missing_safeguards(output, content, safeguards) if safeguards else []
    return (output if problems else add_noopener(output, site_url)), problems


def _finish_chunk(pages: Sequence[tuple[str, str]]) -> Problems:
    safeguards, contents, site_url = job("finishing")
    problems: Problems = []
    for src_uri, dest in pages:
        path = Path(dest)
        try:
            written = path.read_bytes()
        except FileNotFoundError:  # MkDocs skips a page whose output is empty
            continue
        output = written.decode("utf-8")
        finished, lacking = finish_page(
            output, contents.get(src_uri, ""), safeguards.get(src_uri), site_url
        )
        if lacking:
            path.unlink()  # never published
            problems.append((src_uri, lacking))
        elif finished != output:
            path.write_bytes(finished.encode("utf-8", errors="xmlcharrefreplace"))
    return problems


class PageFinisher(ForkedWorkers):
    """Forked at on_env, once every page's body is rendered: the workers inherit each post's
    safeguards and body, and the site's address."""

    def __init__(
        self,
        safeguards: Mapping[str, Safeguards],
        contents: Mapping[str, str],
        site_url: str | None,
        workers: int,
    ) -> None:
        super().__init__("finishing", (safeguards, contents, site_url), workers)
        self._written: list[tuple[str, str]] = []
        self._futures: list[Future[Problems]] = []

    def add(self, src_uri: str, dest: str) -> None:
        """In on_post_page, before MkDocs writes the page: every page added before it is
        written by now, so those are handed to a worker, a chunk at a time."""
        if len(self._written) >= CHUNK:
            self._hand_over()
        self._written.append((src_uri, dest))

    def _hand_over(self) -> None:
        if self._written:
            self._futures.append(self.submit(_finish_chunk, self._written))
            self._written = []

    def results(self) -> dict[str, list[str]]:
        """In on_post_build: what each page that lacks a safeguard lacks, by src_uri (the
        workers removed those pages from the site)."""
        self._hand_over()
        try:
            return {src: lacking for future in self._futures for src, lacking in future.result()}
        finally:
            self.cancel()
