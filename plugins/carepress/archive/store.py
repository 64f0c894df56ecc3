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


def make_archive(
    root: Path, site: Path, extras: Mapping[str, bytes], manifest: Manifest, now: dt.datetime
) -> Made:
    """`site` under site/, each of `extras` (name -> bytes) beside it, and the manifest."""
    root.mkdir(parents=True, exist_ok=True)
    folder = _new_folder(root, now)
    building = root / f".{folder.name}.partial"
    new = new_bytes = 0
    try:
        building.mkdir()
        entries: list[tuple[str, Path | bytes]] = [
            (f"site/{relative}", path) for relative, path in files_under(site)
        ]
        entries += list(extras.items())
        for relative, source in entries:
            digest, size, added = _store(root, source)
            _link(root / OBJECTS / digest[:2] / digest, building / relative)
            manifest.files[relative] = {"sha256": digest, "bytes": size}
            new += added
            new_bytes += size if added else 0
        manifest.included = sorted(extras)
        text = manifest.as_json()
        (building / MANIFEST).write_text(text, encoding="utf-8")
        building.rename(folder)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    with (root / LOG).open("a", encoding="utf-8") as log:
        log.write(json.dumps({"archive": folder.name, "manifest_sha256":
                              hashlib.sha256(text.encode()).hexdigest()}) + "\n")  # fmt: skip
    return Made(folder, len(entries), new, new_bytes)


def _new_folder(root: Path, now: dt.datetime) -> Path:
    name = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    folder, number = root / name, 1
    while folder.exists():  # two archives in one second: both kept
        number += 1
        folder = root / f"{name}-{number}"
    return folder


def _store(root: Path, source: Path | bytes) -> tuple[str, int, bool]:
    """The object for a file or some bytes: (its SHA-256, its size, whether it is new)."""
    if isinstance(source, bytes):
        digest, size = hashlib.sha256(source).hexdigest(), len(source)
    else:
        digest, size = sha256_of(source), source.stat().st_size
    target = root / OBJECTS / digest[:2] / digest
    if target.exists():
        return digest, size, False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{digest}.partial")
    if isinstance(source, bytes):
        partial.write_bytes(source)
    else:
        shutil.copyfile(source, partial)
    partial.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # an archive is not edited
    partial.rename(target)
    return digest, size, True


def _link(target: Path, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(target, path)
    except OSError:  # a file system without hard links: a copy (the bytes twice, still exact)
        shutil.copyfile(target, path)


def verify(folder: Path) -> tuple[Differences, list[str]]:
    """The files that differ from the manifest, and problems with the manifest itself."""
    path = folder / MANIFEST
    if not path.is_file():
        raise ArchiveError(f"{folder}: no {MANIFEST}: not a CarePress archive")
    try:
        manifest = Manifest.read(path)
    except (ValueError, TypeError) as exc:
        raise ArchiveError(f"{path}: not a manifest CarePress can read ({exc})") from None
    problems = []
    logged = _logged(folder)
    if logged is None:
        problems.append(f"{MANIFEST}: not in {LOG} beside the archive (it cannot be held to "
                        "the record made with it)")  # fmt: skip
    elif logged != sha256_of(path):
        problems.append(f"{MANIFEST}: changed since the archive was made")
    return compare(folder, manifest.files), problems


def _logged(folder: Path) -> str | None:
    log = folder.parent / LOG
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
