"""A file's SHA-256, read in blocks (a year of access logs, a site's largest file): how an
imported file is known again and how an archive's files are held to their manifest. And the
SHA-256 of several inputs, by which a cache keeps what they made."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return sha256_of_stream(handle)


def sha256_of_stream(handle: BinaryIO) -> str:
    """Of what a binary stream gives (a gzipped file's text, say), a block at a time."""
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def sha256_of_parts(parts: Iterable[bytes]) -> bytes:
    """Of several inputs, each with its length, so that no two different lists of inputs
    give the same bytes to hash."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.digest()
