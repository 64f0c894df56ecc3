"""The files of a built site, as text a person (or a feed reader, or a search box) would read
from them: entities decoded in HTML and XML, every string of a JSON file, gzip opened."""

from __future__ import annotations

import gzip
import html
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .text import words

# Any file can carry a post's words (a calendar, a stylesheet, an SVG, a YAML file), so every
# file is read unless its first bytes hold a NUL: pictures, fonts and databases do, text never.
SNIFF_BYTES = 8192
# Past this a file is not read: no page or feed of a hub comes near it.
MAX_BYTES = 64 * 1024 * 1024


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@dataclass
class SiteFile:
    path: Path
    relative: str  # under the site, with "/"
    raw: str

    @cached_property
    def text(self) -> str:
        """Entities decoded; a JSON file's strings one per line."""
        name = self.relative.removesuffix(".gz")
        if name.endswith((".json", ".webmanifest")):
            try:
                return "\n".join(_strings(json.loads(self.raw)))
            except (ValueError, RecursionError):  # not JSON, or nested past reading
                pass
        return html.unescape(self.raw)

    @cached_property
    def words(self) -> str:
        return words(self.text)


@dataclass
class SiteFiles:
    root: Path

    @cached_property
    def paths(self) -> list[str]:
        """Every file of the site, relative, sorted."""
        return sorted(
            p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()
        )

    def exists(self, relative: str) -> bool:
        return (self.root / relative).is_file()

    def read(self, relative: str) -> SiteFile | None:
        """The file as text; None when it is missing, too large or not text."""
        path = self.root / relative
        try:
            if path.stat().st_size > MAX_BYTES:
                return None
            with path.open("rb") as file:
                data = file.read(SNIFF_BYTES)
                if relative.endswith(".gz"):
                    data += file.read()
                    # Read no further than a file would be read unzipped: a small archive
                    # can open into gigabytes.
                    with gzip.GzipFile(fileobj=io.BytesIO(data)) as archive:
                        data = archive.read(MAX_BYTES + 1)
                    if len(data) > MAX_BYTES:
                        return None
                elif b"\0" not in data:
                    data += file.read()
        except (OSError, EOFError, gzip.BadGzipFile):
            return None
        if b"\0" in data[:SNIFF_BYTES]:
            return None  # a picture, a font, a database: no text a reader reads
        return SiteFile(path, relative, data.decode("utf-8", "replace"))

    def texts(self) -> Iterator[SiteFile]:
        for relative in self.paths:
            found = self.read(relative)
            if found is not None:
                yield found
