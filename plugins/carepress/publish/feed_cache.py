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


# Feeds of this many configurations are kept: a `mkdocs serve` and a build of one hub (each
# with its own key) can run at once without removing what the other is copying.
KEPT = 4


def feeds_into(site_dir: Path, root: Path, key: str, write: Callable[[Path], object]) -> None:
    """The feeds for `key` in the site: copied from the cache, or written into it first (the
    older entries beyond the newest `KEPT` are removed)."""
    folder = root / FEED_CACHE / key
    if not folder.is_dir():
        _keep(folder, write)
    try:
        _copy_tree(folder, site_dir)
    except FileNotFoundError:  # removed by another build meanwhile: write them here
        write(site_dir)


def _keep(folder: Path, write: Callable[[Path], object]) -> None:
    cache = folder.parent
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cache, prefix=".writing-"))
    try:
        write(staging)
        os.chmod(staging, 0o755)  # mkdtemp makes 0700; a cache is shared like the site
        staging.rename(folder)
    except OSError:
        if not folder.is_dir():  # another build kept the same feeds first: theirs will do
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    kept = sorted((p for p in cache.iterdir() if not p.name.startswith(".")),
                  key=lambda p: p.stat().st_mtime, reverse=True)  # fmt: skip
    for old in kept[KEPT:]:
        shutil.rmtree(old, ignore_errors=True)


def _copy_tree(folder: Path, site_dir: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            target = site_dir / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
