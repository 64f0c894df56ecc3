"""The last word on each page: a post page's safeguards verified, inline scripts held to the
Content-Security-Policy, rel="noopener" added.

`finish_page` is what `on_post_page` runs on every page. In a build with check workers the
build's process leaves it to `PageFinisher`: `on_post_page` hands each rendered page to a
worker on another core and gives MkDocs nothing to write; the worker verifies the page and
writes it with `rel="noopener"` (each page written once, by whoever finished it), or never
writes it if it fails verification, as the in-process check never lets MkDocs write it.
`results()` at `on_post_build` waits for the last pages, and the build stops on any failure.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import Future

from mkdocs.utils import write_file

from ..background import CHUNK, ForkedWorkers, job
from ..safeguards import Safeguards
from .content_security import ContentSecurity
from .external_links import add_noopener
from .verify import missing_safeguards

Problems = list[tuple[str, list[str]]]  # (src_uri, what its page lacks)
Page = tuple[str, str, str]  # (src_uri, where MkDocs would write it, the rendered page)

# Chunks handed to the workers and not yet finished, at most: the pages waiting for a worker
# are held in this process (~40 KB each); past this, on_post_page waits for the oldest chunk.
AHEAD = 4


def finish_page(
    output: str,
    content: str,
    safeguards: Safeguards | None,
    site_url: str | None,
    csp: ContentSecurity | None,
) -> tuple[str, list[str]]:
    """The page as it is published, and what is wrong with it: a post page's missing
    safeguards, and on any page an inline script its Content-Security-Policy would block."""
    problems = missing_safeguards(output, content, safeguards) if safeguards else []
    if csp is not None:
        problems += [
            f"an inline script the Content-Security-Policy does not allow ({start!r}...)"
            for start in csp.unlisted_scripts(output)
        ]
        if csp.meta() not in output:
            problems.append(
                "the page has no Content-Security-Policy (its template does not extend "
                "main.html, or a plugin rewrote its head)"
            )
    return (output if problems else add_noopener(output, site_url)), problems


def _finish_chunk(pages: Sequence[Page]) -> Problems:
    safeguards, contents, site_url, csp = job("finishing")
    problems: Problems = []
    for src_uri, dest, output in pages:
        finished, lacking = finish_page(
            output, contents.get(src_uri, ""), safeguards.get(src_uri), site_url, csp
        )
        if lacking:
            problems.append((src_uri, lacking))  # never written: never published
        else:  # as MkDocs writes a page
            write_file(finished.encode("utf-8", errors="xmlcharrefreplace"), dest)
    return problems


class _TakenPages(logging.Filter):
    """MkDocs logs "Page skipped ... Generated empty output." for each page a plugin leaves it
    nothing to write: not news for the pages a worker writes, so those lines are dropped."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: set[str] = set()

    def take(self, src_uri: str) -> None:
        self.messages.add(f"Page skipped: '{src_uri}'. Generated empty output.")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message in self.messages:
            self.messages.discard(message)
            return False
        return True


_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


class PageFinisher(ForkedWorkers):
    """Forked at on_env, once every page's body is rendered: the workers inherit each post's
    safeguards and body, and the site's address; each page comes to them as MkDocs
    rendered it."""

    def __init__(
        self,
        safeguards: Mapping[str, Safeguards],
        contents: Mapping[str, str],
        site_url: str | None,
        csp: ContentSecurity | None,
        workers: int,
    ) -> None:
        super().__init__("finishing", (safeguards, contents, site_url, csp), workers)
        self._pages: list[Page] = []
        self._futures: deque[Future[Problems]] = deque()
        self._problems: Problems = []
        self._taken = _TakenPages()
        _BUILD_LOG.addFilter(self._taken)

    def take(self, src_uri: str, dest: str, output: str) -> str:
        """In on_post_page: the page goes to a worker, which writes it once finished; what
        MkDocs is left to write ("": nothing, unless the page itself is empty)."""
        if not output.strip():
            return output  # MkDocs skips an empty page, and says so
        self._taken.take(src_uri)
        self._pages.append((src_uri, dest, output))
        if len(self._pages) >= CHUNK:
            self._hand_over()
        return ""

    def _hand_over(self) -> None:
        if self._pages:
            self._futures.append(self.submit(_finish_chunk, self._pages))
            self._pages = []
        while len(self._futures) > AHEAD:
            self._problems += self._futures.popleft().result()

    def results(self) -> dict[str, list[str]]:
        """In on_post_build: what each page that lacks a safeguard lacks, by src_uri (the
        workers wrote every other page)."""
        self._hand_over()
        try:
            while self._futures:
                self._problems += self._futures.popleft().result()
            return dict(self._problems)
        finally:
            self.cancel()

    def cancel(self) -> None:
        super().cancel()
        _BUILD_LOG.removeFilter(self._taken)
