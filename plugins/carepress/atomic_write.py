"""A file written whole or not at all (a cache or a site file another process may read), a
kept file put into the site, and a cache's folders beyond the newest few forgotten."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# A cache is shared like the site; a private record (0o600) is its owner's alone.
SHARED, PRIVATE = 0o644, 0o600


def write_atomically(path: Path, data: bytes, mode: int = SHARED) -> None:
    """Write `path` whole or not at all, replacing what was there; OSError when it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if mode != PRIVATE:  # mkstemp already made it 0600
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def link_or_copy(cached: Path, target: Path) -> None:
    """A cached file is never changed in place (a new one replaces it atomically), so the
    site can share it: a hard link costs a fifteenth of a copy. Copied where the cache and
    the site are on different file systems, or links are not allowed."""
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


# Folders of this many configurations are kept in a cache (a build's and a preview's of one
# hub can run at once, each with its own key, without removing what the other is reading).
KEPT_CONFIGURATIONS = 4


def keep_newest(in_use: Path, kept: int = KEPT_CONFIGURATIONS) -> None:
    """Mark `in_use` as the newest of its cache's folders, and remove all but the newest
    `kept` of them."""
    os.utime(in_use)
    folders = sorted((p for p in in_use.parent.iterdir() if p.is_dir() and p.name[0] != "."),
                     key=lambda p: p.stat().st_mtime, reverse=True)  # fmt: skip
    for old in folders[kept:]:
        shutil.rmtree(old, ignore_errors=True)
