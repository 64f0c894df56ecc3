"""The hub's feeds kept between builds, in `.cache/carepress/feeds/<key>/`: a rebuild whose
feeds would come out byte for byte the same (the same posts, bodies and addresses, the same
configuration and CarePress) copies them into the site instead of writing them again, and
never loads feedgen and lxml. The key hashes everything a feed is made from; the feeds are
reproducible by construction (publish/feeds.py), so the kept files are the ones a writer
would write now. Copied, not linked: a file in the site may be edited in place (by another
plugin, or by hand), and the kept one must stay as it was written."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..atomic_write import keep_newest

FEED_CACHE = Path(".cache") / "carepress" / "feeds"


def feeds_into(site_dir: Path, root: Path, key: str, write: Callable[[Path], object]) -> None:
    """The feeds for `key` in the site: copied from the cache, or written into it first."""
    folder = root / FEED_CACHE / key
    try:
        if not folder.is_dir():
            _keep(folder, write)
        keep_newest(folder)
        _copy_tree(folder, site_dir)
    except FileNotFoundError:  # removed by another build meanwhile: write them here
        write(site_dir)


def _keep(folder: Path, write: Callable[[Path], object]) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".writing-"))
    try:
        write(staging)
        os.chmod(staging, 0o755)  # mkdtemp makes 0700; a cache is shared like the site
        staging.rename(folder)
    except OSError:
        if not folder.is_dir():  # another build kept the same feeds first: theirs will do
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _copy_tree(folder: Path, site_dir: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            target = site_dir / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
