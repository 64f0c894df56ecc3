"""The previous build's share kits and cards, deleted on the side while the build goes on.

MkDocs empties site_dir at the start of every build, one entry at a time, in the build's own
process. CarePress's outputs are most of those entries: a share-kit folder and a card per
post (6,000 entries at 2,000 posts, ~0.6 s of deleting). Before MkDocs cleans, each of them
is renamed out of the site into a folder beside it (one rename, on the same file system),
and a separate process deletes that folder. Every build writes these outputs again, whole.

Only for builds that clean: a `--dirty` build keeps what is in site_dir.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
from pathlib import Path

TRASH_PREFIX = ".carepress-trash-"

# Run by a fresh interpreter: no fork of the build's process (which may have threads).
_REMOVE = "import shutil, sys\nfor p in sys.argv[1:]: shutil.rmtree(p, ignore_errors=True)"


class StaleOutputs:
    """Moves CarePress's folders out of site_dir and deletes them in another process."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None

    def remove(self, site_dir: Path, folders: tuple[str, ...]) -> None:
        """Before MkDocs cleans site_dir: move `folders` (relative to it) out of the site and
        start deleting them."""
        self.wait()
        parent = site_dir.parent
        # Trash a build left behind (stopped before its deleting finished) goes too.
        trash = sorted(parent.glob(TRASH_PREFIX + "*")) if parent.is_dir() else []
        present = [site_dir / f for f in folders if _is_real_dir(site_dir / f)]
        if present:
            try:
                bin_ = Path(tempfile.mkdtemp(prefix=TRASH_PREFIX, dir=parent))
            except OSError:  # the site's parent is not writable: MkDocs deletes them
                bin_ = None
            if bin_ is not None:
                for number, folder in enumerate(present):
                    with contextlib.suppress(OSError):  # else left to MkDocs' own cleaning
                        folder.rename(bin_ / str(number))
                trash.append(bin_)
        if trash:
            self._process = subprocess.Popen(
                [sys.executable, "-c", _REMOVE, *map(str, trash)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def wait(self) -> None:
        """Wait for the deleting to end (it ends long before the build does)."""
        if self._process is not None:
            self._process.wait()
            self._process = None


def _is_real_dir(path: Path) -> bool:
    # A symlinked folder is the practice's own arrangement: left to MkDocs.
    return path.is_dir() and not path.is_symlink()
