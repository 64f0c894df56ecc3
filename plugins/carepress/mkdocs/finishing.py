"""The last word on each page: a post page's safeguards verified, inline scripts held to the
Content-Security-Policy, rel="noopener" added.

`finish_page` is what `on_post_page` runs on every page; it returns the finished page for
MkDocs to write (and any plugin after CarePress to see). `PageVerdicts` remembers, between
builds, the pages it found safe, by a hash of exactly what it judged (the page, its body,
the post's safeguards and the site's policy): the same bytes get the same verdict, so a
rebuild parses only the pages that changed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from ..safeguards import Safeguards
from ..verify.safeguards import missing_safeguards
from .content_security import ContentSecurity
from .noopener import add_noopener

VERDICTS_FILE = Path(".cache") / "carepress" / "verified-pages"
_DIGEST = 32  # bytes of a SHA-256


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
        if not csp.carried_by(output):
            problems.append(
                "the page has no Content-Security-Policy (its template does not extend "
                "main.html, or a plugin rewrote its head)"
            )
    return (output if problems else add_noopener(output, site_url)), problems


class PageVerdicts:
    """`finish_page`, skipping the verification of a page judged safe before."""

    def __init__(self, root: Path, csp: ContentSecurity | None, site_url: str | None) -> None:
        self.file = root / VERDICTS_FILE
        self.csp, self.site_url = csp, site_url
        self._policy = (csp.meta() if csp is not None else "").encode()
        try:
            data = self.file.read_bytes()
        except OSError:
            data = b""
        self._known = {data[i : i + _DIGEST] for i in range(0, len(data), _DIGEST)}
        self._safe: set[bytes] = set()  # this build's: what the file keeps
        self.reused = 0

    def _digest(self, output: str, content: str, safeguards: Safeguards | None) -> bytes:
        digest = hashlib.sha256(self._policy)
        for part in (repr(safeguards), content, output):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def finish(
        self, output: str, content: str, safeguards: Safeguards | None
    ) -> tuple[str, list[str]]:
        key = self._digest(output, content, safeguards)
        if key in self._known:
            self.reused += 1
            self._safe.add(key)
            return add_noopener(output, self.site_url), []
        finished, problems = finish_page(output, content, safeguards, self.site_url, self.csp)
        if not problems:
            self._safe.add(key)
        return finished, problems

    def save(self) -> None:
        """Keep this build's safe pages (only these: the file never grows past the site)."""
        self.file.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=self.file.parent, prefix=".verified.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(b"".join(sorted(self._safe)))
            os.replace(temp, self.file)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
