"""The hub's feeds kept between builds, in `.cache/carepress/feeds/<key>/`: a rebuild whose
feeds would come out byte for byte the same (the same posts, bodies and addresses, the same
configuration and CarePress) copies them into the site instead of writing them again, and
never loads feedgen and lxml. The key hashes everything a feed is made from; the feeds are
reproducible by construction (publish/feeds.py), so the kept files are the ones a writer
would write now. Copied, not linked: a file in the site may be edited in place (by another
plugin, or by hand), and the kept one must stay as it was written."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

FEED_CACHE = Path(".cache") / "carepress" / "feeds"


def feeds_key(parts: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)  # (lengths: no two inputs collide)
    return digest.hexdigest()


def cached_feeds(root: Path, key: str, write: Callable[[Path], object]) -> Path:
    """The folder holding the feeds for `key`: the one kept from a build before, or written
    now by `write` into a folder of its own (which then replaces the older one whole)."""
    cache = root / FEED_CACHE
    folder = cache / key
    if folder.is_dir():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cache, prefix=".writing-"))
    try:
        write(staging)
        os.chmod(staging, 0o755)  # mkdtemp makes 0700; a cache is shared like the site
        for old in cache.iterdir():
            if old != staging and not old.name.startswith(".writing-"):
                shutil.rmtree(old, ignore_errors=True)
        staging.rename(folder)
    except OSError:
        if not folder.is_dir():  # another build kept the same feeds first: theirs will do
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def copy_feeds(folder: Path, site_dir: Path) -> int:
    """Every kept feed file into the site at its place; how many."""
    count = 0
    for path in folder.rglob("*"):
        if path.is_file():
            target = site_dir / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            count += 1
    return count
