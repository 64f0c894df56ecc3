"""An archive's manifest: every file's SHA-256 and size, and what made the site (the source
commit, CarePress's and the engine's versions, when it was built). The manifest is what
`carepress archive --verify` holds the folder to."""

from __future__ import annotations

import datetime as dt
import json
import platform
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..file_digest import sha256_of

MANIFEST = "manifest.json"
FORMAT = 1
# What may have built the site, by the names their packages are installed under.
ENGINE_PACKAGES = ("mkdocs", "properdocs", "zensical", "mkdocs-material")


def files_under(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file under `folder` (not the manifest), by its POSIX path relative to it."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(folder).as_posix()
            if relative != MANIFEST:
                yield relative, path


@dataclass
class Manifest:
    archived_at: str
    built_at: str
    source_commit: str
    source_changed: bool  # the working tree had changes the commit does not hold
    engines: dict[str, str]  # the engines and theme installed: package -> version
    carepress: str
    python: str
    site_url: str
    files: dict[str, dict[str, int | str]] = field(default_factory=dict)
    included: list[str] = field(default_factory=list)  # what besides the site it holds

    def as_json(self) -> str:
        return json.dumps({"format": FORMAT, **self.__dict__}, indent=2, sort_keys=True) + "\n"

    @classmethod
    def read(cls, path: Path) -> Manifest:
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("format", None)
        return cls(**data)


def describe(root: Path, site: Path, site_url: str, now: dt.datetime) -> Manifest:
    """What made the site, read from the hub (git) and the site itself (its pages' generator
    tag, its home page's time)."""
    home = site / "index.html"
    built = dt.datetime.fromtimestamp(home.stat().st_mtime, dt.UTC) if home.exists() else now
    commit, changed = _source(root)
    return Manifest(
        archived_at=now.isoformat(timespec="seconds"),
        built_at=built.isoformat(timespec="seconds"),
        source_commit=commit,
        source_changed=changed,
        engines=_installed(ENGINE_PACKAGES),
        carepress=__version__,
        python=platform.python_version(),
        site_url=site_url,
    )


def _installed(packages: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for package in packages:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return found


def _source(root: Path) -> tuple[str, bool]:
    """The hub's commit and whether its working tree differs ("unknown", False without git)."""
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                                text=True, timeout=30)  # fmt: skip
        if commit.returncode != 0:
            return "unknown", False
        status = subprocess.run(["git", "status", "--porcelain"], cwd=root,
                                capture_output=True, text=True, timeout=30)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return "unknown", False
    return commit.stdout.strip(), bool(status.stdout.strip())


@dataclass
class Differences:
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed or self.missing or self.added)


def compare(folder: Path, files: Mapping[str, Mapping[str, int | str]]) -> Differences:
    found = Differences()
    present = dict(files_under(folder))
    for relative, entry in sorted(files.items()):
        path = present.pop(relative, None)
        if path is None:
            found.missing.append(relative)
        elif path.stat().st_size != entry["bytes"] or sha256_of(path) != entry["sha256"]:
            found.changed.append(relative)
    found.added = sorted(present)
    return found
