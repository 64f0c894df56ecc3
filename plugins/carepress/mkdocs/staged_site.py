"""A build writes its site beside site_dir, and replaces site_dir only if it succeeds.

MkDocs empties site_dir when a build starts and writes into it as it goes: a build that
stops (a post with an error, a warning under --strict) leaves an empty or half-written
site, and a practice that uploads site/ by hand loses its last good copy. So `mkdocs build`
builds into a folder beside site_dir (`.carepress-building-*`, on the same file system);
once the build has ended well (after MkDocs' own --strict check, in on_shutdown), one
rename puts it in place and the previous site is deleted. A failed build deletes only its
own folder: site_dir is left exactly as it was.

Only `mkdocs build` without --dirty (a dirty build updates site_dir in place; `serve`
builds into a folder of its own). Where site_dir cannot be renamed (a symbolic link, a
mount point, a parent folder that is not writable) the build writes in place, as MkDocs
does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

STAGING_PREFIX = ".carepress-building-"
PREVIOUS_PREFIX = ".carepress-previous-"


class StagedSite:
    def __init__(self) -> None:
        self.final: Path | None = None
        self.staging: Path | None = None
        self.failed = False

    def begin(self, site_dir: str) -> str:
        """Where MkDocs should build instead of site_dir (site_dir itself when it cannot be
        replaced by a rename)."""
        final = Path(site_dir)
        parent = final.parent
        # What a build that was killed left behind.
        for leftover in (*parent.glob(STAGING_PREFIX + "*"), *parent.glob(PREVIOUS_PREFIX + "*")):
            shutil.rmtree(leftover, ignore_errors=True)
        if final.is_symlink() or (final.exists() and os.path.ismount(final)):
            return site_dir
        try:
            parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
        except OSError:
            return site_dir
        # mkdtemp makes a private folder; the site is read by a web server.
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        self.final, self.staging, self.failed = final, staging, False
        return str(staging)

    def fail(self) -> None:
        """on_build_error: the build's folder goes, site_dir stays as it was."""
        self.failed = True
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def finish(self) -> None:
        """on_shutdown, after MkDocs' last check: put the new site in place."""
        staging, final = self.staging, self.final
        self.staging = None
        if staging is None or final is None or self.failed or not staging.is_dir():
            return
        previous = None
        if final.exists():
            previous = Path(tempfile.mkdtemp(prefix=PREVIOUS_PREFIX, dir=final.parent))
            final.rename(previous / "site")
        try:
            staging.rename(final)
        except OSError:
            if previous is not None:  # put the old site back rather than have none
                (previous / "site").rename(final)
            raise
        finally:
            if previous is not None:
                _delete_later(previous)


def _delete_later(folder: Path) -> None:
    """The last site can hold thousands of files (share kits, cards): another process
    deletes it, so the command returns as soon as the new site is in place. A build that
    finds it still there deletes it first (`begin`)."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)",
             str(folder)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
    except OSError:
        with contextlib.suppress(OSError):
            shutil.rmtree(folder)
