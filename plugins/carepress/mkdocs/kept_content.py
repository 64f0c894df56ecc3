"""Each page's body as the allowlist cleaned it, and what the checks of its links found, kept
between builds: a rebuild cleans and reads only the pages whose HTML changed.

A page is kept under a hash of its address, its HTML as Markdown (and any plugin before
CarePress) rendered it, and the hub (report_cache's hub key: the configuration, CarePress's
code and data, the packages it leans on). One file a page in `.cache/carepress/content/build/`
(a preview's in `.../serve/`), so nothing is held in memory but the page being built; a build
removes the files it did not use.
A page the allowlist changed is never kept: its removals are located afresh, at their lines.
It holds pickled objects, with the trust of the hub's own files, as the report cache does.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from pathlib import Path

from ..atomic_write import write_atomically
from ..findings import Finding

CONTENT_CACHE = Path(".cache") / "carepress" / "content"
FORMAT = b"1"


class KeptContent:
    def __init__(self, root: Path, hub: bytes, kind: str) -> None:
        # A build's and a preview's apart: a preview reads its posts' links whole, elsewhere.
        self.folder = root / CONTENT_CACHE / kind
        self._hub = hub
        self._used: set[str] = set()
        self.reused = 0

    def _name(self, src_uri: str, html: str) -> str:
        digest = hashlib.sha256(FORMAT + b"\0" + self._hub + b"\0" + src_uri.encode())
        digest.update(b"\0" + html.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, src_uri: str, html: str) -> tuple[str, list[Finding]] | None:
        """The cleaned HTML and its link findings, when kept."""
        name = self._name(src_uri, html)
        self._used.add(name)
        try:
            cleaned, findings = pickle.loads(zlib.decompress((self.folder / name).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return None
        if not isinstance(cleaned, str) or not isinstance(findings, list):
            return None
        self.reused += 1
        return cleaned, findings

    def keep(self, src_uri: str, html: str, cleaned: str, findings: list[Finding]) -> None:
        name = self._name(src_uri, html)
        self._used.add(name)
        data = zlib.compress(pickle.dumps((cleaned, findings), pickle.HIGHEST_PROTOCOL), 1)
        write_atomically(self.folder / name, data)

    def forget_the_rest(self) -> None:
        """Remove the pages no longer built (an edited page leaves its old HTML's file)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name not in self._used and not name.startswith("."):
                (self.folder / name).unlink(missing_ok=True)
