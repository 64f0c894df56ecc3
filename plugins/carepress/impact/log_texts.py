"""A server log read again after it grew: only its new lines count.

A web server appends to its access log, so `access.log` imported today begins with every
byte it held when it was imported last week. For each log it imports, the database keeps
the SHA-256 of the log's text and its length in bytes: nothing of any line, nothing of a
reader. A log whose first N bytes have the SHA-256 of an N-byte log imported before is that
log, grown: only what follows those bytes is read. A log that begins any other way (a new
file after rotation, another server's) is read whole; one that is byte for byte a log
imported before adds nothing. One pass over the file tells all three, however many logs
were imported before (the digest of each length they had, taken as the pass goes by).
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .csv_files import FormatError


@dataclass(frozen=True)
class Text:
    sha256: str
    size: int  # bytes (of the text: a gzipped log's once unzipped)
    lines: int  # how many lines its bytes end (a last line without "\n" not counted)
    ends_a_line: bool  # its last byte is "\n" (else a line was being written when copied)


def open_text(path: Path) -> BinaryIO:
    """A log's text as bytes, a gzipped log's unzipped."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_text(
    path: Path, shown: str, earlier: Iterable[tuple[str, int]]
) -> tuple[Text, Text | None]:
    """The log's text, and the longest text imported before that it begins with (None:
    none; the same text when it is byte for byte one imported before). `earlier`: the
    (SHA-256, bytes) of every log imported before."""
    known: dict[int, set[str]] = {}
    for digest, size in earlier:
        known.setdefault(size, set()).add(digest)
    sizes = sorted(size for size in known if size > 0)
    digest = hashlib.sha256()
    size = lines = 0
    last = b"\n"
    found: Text | None = None
    next_size = 0  # index into sizes
    try:
        with open_text(path) as handle:
            while True:
                limit = 1 << 20
                if next_size < len(sizes):
                    limit = min(limit, sizes[next_size] - size)
                block = handle.read(limit)
                if not block:
                    break
                digest.update(block)
                size += len(block)
                lines += block.count(b"\n")
                last = block[-1:]
                while next_size < len(sizes) and sizes[next_size] == size:
                    if digest.copy().hexdigest() in known[size]:
                        found = Text(digest.copy().hexdigest(), size, lines, last == b"\n")
                    next_size += 1
    except (OSError, EOFError) as exc:
        if not path.name.lower().endswith(".gz"):
            raise
        raise FormatError(f"{shown}: not a whole gzip file ({exc})") from None
    return Text(digest.hexdigest(), size, lines, last == b"\n"), found
