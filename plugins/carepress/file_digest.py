"""A file's SHA-256, read in blocks (a year of access logs, a site's largest file): how an
imported file is known again and how an archive's files are held to their manifest."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
