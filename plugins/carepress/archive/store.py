"""Where archives live: one folder per archive, named by when it was made, whose files are
hard links into a store of objects named by their SHA-256. A file that did not change since
the last archive is the same object: no duplicate bytes. Archives are only ever added; each
one's manifest is logged (`archives.jsonl`) as it is made, so a manifest edited later shows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..file_digest import sha256_of
from .manifest import MANIFEST, Differences, Manifest, compare, files_under

LOG = "archives.jsonl"
OBJECTS = "objects"


class ArchiveError(Exception):
    pass


@dataclass
class Made:
    folder: Path
    files: int
    new: int
    new_bytes: int
    repaired: list[str]  # stored copies that no longer matched their hash: replaced
    first: bool  # the first archive in this folder


def make_archive(
    root: Path, site: Path, extras: Mapping[str, bytes], manifest: Manifest, now: dt.datetime
) -> Made:
    """`site` under site/, each of `extras` (name -> bytes) beside it, and the manifest.
    The archive folder is the owner's alone (it may hold the ledger and incident notes)."""
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(stat.S_IRWXU)
    first = not (root / LOG).exists()
    building = Path(tempfile.mkdtemp(prefix=".partial-", dir=root))
    new = new_bytes = 0
    repaired: list[str] = []
    try:
        entries: list[tuple[str, Path | bytes]] = [
            (f"site/{relative}", path) for relative, path in files_under(site)
        ]
        entries += list(extras.items())
        for relative, source in entries:
            stored = _store(root, source)
            _link(stored.path, building / relative)
            manifest.files[relative] = {"sha256": stored.digest, "bytes": stored.size}
            new += stored.added
            new_bytes += stored.size if stored.added else 0
            if stored.repaired:
                repaired.append(relative)
        manifest.included = sorted(extras)
        text = manifest.as_json()
        (building / MANIFEST).write_text(text, encoding="utf-8")
        folder = _settle(building, root, now)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    with (root / LOG).open("a", encoding="utf-8") as log:
        log.write(json.dumps({"archive": folder.name, "manifest_sha256":
                              hashlib.sha256(text.encode()).hexdigest()}) + "\n")  # fmt: skip
    return Made(folder, len(entries), new, new_bytes, repaired, first)


def _settle(building: Path, root: Path, now: dt.datetime) -> Path:
    """The finished archive under its dated name (another run in the same second: the next
    free name; a rename never replaces a folder that holds files)."""
    name = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    for number in range(1, 1000):
        folder = root / (name if number == 1 else f"{name}-{number}")
        if folder.exists():
            continue
        try:
            building.rename(folder)
        except OSError:
            continue
        return folder
    raise ArchiveError(f"{root}: no free name for an archive made at {name}")


@dataclass(frozen=True)
class _Stored:
    path: Path
    digest: str
    size: int
    added: bool
    repaired: bool


def _store(root: Path, source: Path | bytes) -> _Stored:
    """The object for a file or some bytes. One already stored is reused only when its
    bytes still have its name's hash: a copy edited since (archives share objects) is
    replaced, never passed on to a new archive."""
    if isinstance(source, bytes):
        digest, size = hashlib.sha256(source).hexdigest(), len(source)
    else:
        digest, size = sha256_of(source), source.stat().st_size
    target = root / OBJECTS / digest[:2] / digest
    repaired = False
    if target.exists():
        if target.stat().st_size == size and sha256_of(target) == digest:
            return _Stored(target, digest, size, False, False)
        repaired = True
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{digest[:12]}.", dir=target.parent)
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(source, bytes):
                out.write(source)
            else:
                with source.open("rb") as data:
                    shutil.copyfileobj(data, out)
        partial.chmod(stat.S_IRUSR)  # read-only, and the owner's alone
        os.replace(partial, target)  # (two runs storing the same bytes: either wins)
    finally:
        partial.unlink(missing_ok=True)
    return _Stored(target, digest, size, not repaired, repaired)


def _link(target: Path, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(target, path)
    except OSError:  # a file system without hard links: a copy (the bytes twice, still exact)
        shutil.copyfile(target, path)


def verify(folder: Path, log: Path | None = None) -> tuple[Differences, list[str]]:
    """The files that differ from the manifest, and problems with the manifest itself (held
    to its entry in `log`, by default the archives.jsonl beside the archive)."""
    path = folder / MANIFEST
    if not path.is_file():
        raise ArchiveError(f"{folder}: no {MANIFEST}: not a CarePress archive")
    try:
        manifest = Manifest.read(path)
    except (ValueError, TypeError) as exc:
        raise ArchiveError(f"{path}: not a manifest CarePress can read ({exc})") from None
    problems = []
    if log is not None and not log.is_file():
        raise ArchiveError(f"--log: there is no file {log}")
    logged = _logged(folder, log or folder.parent / LOG)
    if logged is None and log is not None:
        problems.append(f"{MANIFEST}: {folder.name} is not in {log}: give the {LOG} of the "
                        "archives folder it was made in")  # fmt: skip
    elif logged is None:
        problems.append(f"{MANIFEST}: not in {LOG} beside the archive, so it cannot be held to "
                        f"the record made with it. An archive copied on its own leaves that "
                        f"log behind: give it with --log FILE (the {LOG} of the folder it was "
                        "made in), and copy that file with the archives")  # fmt: skip
    elif logged != sha256_of(path):
        problems.append(f"{MANIFEST}: changed since the archive was made")
    return compare(folder, manifest.files), problems


def _logged(folder: Path, log: Path) -> str | None:
    if not log.is_file():
        return None
    found = None
    for line in log.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("archive") == folder.name:
            found = entry.get("manifest_sha256")
    return found
