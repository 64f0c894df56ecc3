"""Each post's check, kept between builds: a rebuild (or a `mkdocs serve` reload) checks only
the posts that changed.

A report is kept under a key that hashes everything it depends on: the post's path and
bytes, the hub's configuration files (mkdocs.yml, the authors file, the practice's rule
files), the names in its theme overrides, CarePress's own code and data, and the versions
of the packages that shape a check. Time matters too (a post dated tomorrow is an error with
`draft: false` today, and fine tomorrow): each report is kept until the next date in its
front matter, or the new year (a source's age), whichever comes first. What cannot be
known from those is never kept: a post with `links:` (it depends on other pages), and a
check that ran out of time or hit a bug.

The cache is one file per use in `.cache/carepress/` in the hub (beside the card cache):
`reports.pickle` for a build, `reports.serve.pickle` for a preview (which renders each post)
and `reports.check.pickle` for `carepress check` of a whole hub. Each is read once a run and
written back with the reports of the posts that exist now.
It holds pickled objects, so it has the trust of the hub's own files (like mkdocs.yml,
whose !!python tags MkDocs runs): a file that does not unpickle is ignored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from . import user_cache
from .engine import Post
from .file_digest import sha256_of_parts
from .findings import Finding
from .settings import Settings

CACHE_FILE = Path(".cache") / "carepress" / "reports.pickle"
FORMAT = 3  # 3: snippets kept compressed
# Packages whose behaviour a post's report depends on (rendering, validation, counting).
PACKAGES = ("mkdocs-material", "Markdown", "pymdown-extensions", "pydantic", "regex", "nh3")
# Findings that say more about this run than about the post.
NOT_KEPT = frozenset({"internal.error", "html.too-complex"})


# Every kind of file the package ships (code, rule data, templates, the names list, the
# fonts, which decide what fits a slide, the second reader's tokenizer and metadata): a change
# to any of them is a change to what a check finds. The second reader's arrays (12 MB, too
# much to hash on every run) are named with their digests in its meta.json.
FINGERPRINTED = (".py", ".yml", ".j2", ".txt", ".ttf", ".json")
DIGESTS_IN_META = (".npy", ".npz")


@cache
def _code_fingerprint() -> bytes:
    """CarePress's own code and data, and the versions of the packages it leans on."""
    return package_fingerprint(Path(__file__).parent)


def package_fingerprint(package: Path) -> bytes:
    """The digest of a package's files (FINGERPRINTED) and of PACKAGES' versions. Hashing
    CarePress's 4 MB takes ~13 ms a run; the digest is kept in the user's cache under the
    files' names, sizes and modification times, so it is read again only after a change."""
    files = _fingerprinted_files(package)
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} absent")
    named = "\0".join(versions).encode()
    stamp = hashlib.sha256(named)
    for path in files:
        found = path.stat()
        stamp.update(f"\0{path}\0{found.st_size}\0{found.st_mtime_ns}".encode())
    base = user_cache.folder()
    kept_in = None if base is None else base / "code-fingerprints"
    file = None if kept_in is None else kept_in / (stamp.hexdigest()[:32] + ".pickle")
    digest, written = user_cache.kept(
        file, lambda: _hash_files(package, files, named),
        lambda found: isinstance(found, bytes) and len(found) == 32,
    )  # fmt: skip
    if written and kept_in is not None:
        user_cache.forget_older(kept_in, "*.pickle")
    return digest


def _fingerprinted_files(package: Path) -> list[Path]:
    found = []
    for folder, folders, names in os.walk(package):
        folders[:] = [f for f in folders if f != "__pycache__"]
        found += [Path(folder, n) for n in names if Path(n).suffix in FINGERPRINTED]
    return sorted(found, key=lambda path: path.relative_to(package).as_posix())


def _hash_files(package: Path, files: list[Path], versions: bytes) -> bytes:
    digest = hashlib.sha256(versions)
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.digest()


def file_bytes(path: Path | None) -> bytes:
    if path is None:
        return b""
    try:
        return path.read_bytes()
    except OSError:
        return b"(unreadable)"


def hub_fingerprint(settings: Settings, config_file: Path, html: bool) -> bytes:
    digest = hashlib.sha256(_code_fingerprint())
    digest.update(b"html" if html else b"no-html")
    digest.update(settings.site_url.encode())
    options = settings.options
    files = [config_file, settings.authors_file]
    files += [settings.root / p for p in (*options.rules.files, *options.content_warning_rules)]
    for path in files:
        digest.update(str(path).encode() + b"\0" + file_bytes(path) + b"\0")
    if settings.custom_dir is not None and settings.custom_dir.is_dir():
        # A post's `template:`-free front matter can still name an icon the overrides add.
        names = sorted(p.relative_to(settings.custom_dir).as_posix()
                       for p in settings.custom_dir.rglob("*"))  # fmt: skip
        digest.update("\n".join(names).encode())
    return digest.digest()


def valid_until(report: Post, now: dt.datetime) -> dt.datetime:
    """When this report may first differ: the next date in the front matter after `now`,
    or the new year."""
    later = [dt.datetime(now.year + 1, 1, 1, tzinfo=dt.UTC)]
    model = report.front_matter
    if model is not None:
        dates: list[dt.datetime | None] = [model.date.created, model.date.updated, model.expires]
        dates.append(model.reviewed.on if model.reviewed else None)
        dates += [source.accessed for source in model.sources]
        later += [d for d in dates if d is not None and d > now]
    return min(later)


def keepable(report: Post) -> bool:
    if any(f.rule in NOT_KEPT for f in report.findings):
        return False
    return report.front_matter is None or report.front_matter.links is None


class ReportCache:
    """`lookup` the posts whose reports are kept, `keep` the ones checked now, `store`."""

    def __init__(
        self, settings: Settings, config_file: Path, html: bool, *, use: str = ""
    ) -> None:
        # A build's reports and a preview's (which renders each post) are kept apart, and
        # the check command's from both (each run forgets the posts it did not see).
        suffix = f".{use}.pickle" if use else ".serve.pickle" if html else ".pickle"
        self.file = settings.root / CACHE_FILE.with_suffix(suffix)
        self._hub = hub_fingerprint(settings, config_file, html)
        self._max_bytes = settings.max_post_bytes
        self._settings = settings
        self._entries: dict[bytes, tuple[dt.datetime, Post]] = {}
        self._keys: dict[Path, bytes] = {}
        self._stored_keys: set[bytes] = set()
        # Hub-wide findings by name ("practice", "docs_dir"): the key they were found for.
        self._stored_kept: dict[str, tuple[bytes, list[Finding]]] = {}
        self._kept: dict[str, tuple[bytes, list[Finding]]] = {}

    @property
    def hub(self) -> bytes:
        """The hash of everything but the posts that a post's report depends on."""
        return self._hub

    def key_of(self, path: Path) -> bytes | None:
        """The hash of everything a post's report depends on (after `lookup`); None for a
        file the check refuses unread."""
        return self._keys.get(path)

    def _key(self, path: Path) -> bytes | None:
        """None for a file the check refuses unread (not a regular file, or too large)."""
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode) or status.st_size > self._max_bytes:
                return None
            data = path.read_bytes()
        except OSError:
            return None  # the check will say why
        digest = hashlib.sha256(self._hub)
        digest.update(str(path).encode() + b"\0" + data)
        for meta in self._settings.meta_files_over(path):  # (frontmatter.meta-file)
            digest.update(b"\0meta\0" + str(meta).encode() + b"\0" + file_bytes(meta))
        return digest.digest()

    def _load(self) -> dict[bytes, tuple[dt.datetime, Post]]:
        try:
            with self.file.open("rb") as stream:
                stored: Any = pickle.load(stream)
        except FileNotFoundError:
            return {}
        except Exception:  # an older CarePress's file, a cut-short write: start again
            return {}
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            return {}
        kept = stored.get("kept")
        self._stored_kept = dict(kept) if isinstance(kept, dict) else {}
        self._kept = dict(self._stored_kept)
        return stored.get("entries", {})

    def lookup(
        self, paths: Iterable[Path], now: dt.datetime, *, fresh: bool = False
    ) -> tuple[dict[Path, Post], list[Path]]:
        """The kept reports (as of `now`), and the paths to check (`fresh`: all of them, and
        every hub-wide finding worked out again; the file is not read)."""
        stored = {} if fresh else self._load()
        self._stored_keys = set(stored)
        found: dict[Path, Post] = {}
        missing: list[Path] = []
        for path in paths:
            key = self._key(path)
            entry = stored.get(key) if key is not None else None
            if key is not None:
                self._keys[path] = key
            if entry is not None and now < entry[0]:
                # A copy: the caller adds hub-wide findings to it.
                found[path] = replace(entry[1], findings=list(entry[1].findings))
                self._entries[key] = entry  # type: ignore[index]
            else:
                missing.append(path)
        return found, missing

    def kept_findings(
        self, name: str, compute: Callable[[], list[Finding]], depends_on: Iterable[bytes] = ()
    ) -> list[Finding]:
        """Hub-wide findings that depend on the hub's files and CarePress's code alone, and
        on `depends_on` (the bytes of what else they read): kept from the last build, or
        computed now. Call after `lookup`, before `store`."""
        depends_on = list(depends_on)
        kept = self.findings_kept(name, depends_on)
        if kept is not None:
            return kept
        findings = compute()
        self.keep_findings(name, depends_on, findings)
        return findings

    def findings_kept(self, name: str, depends_on: Iterable[bytes]) -> list[Finding] | None:
        """`kept_findings` when they are kept, else None (the caller computes and keeps them
        with `keep_findings`)."""
        kept = self._kept.get(name)
        if kept is not None and kept[0] == sha256_of_parts([self._hub, *depends_on]):
            return list(kept[1])
        return None

    def keep_findings(
        self, name: str, depends_on: Iterable[bytes], findings: list[Finding]
    ) -> None:
        self._kept[name] = (sha256_of_parts([self._hub, *depends_on]), list(findings))

    def keep(self, reports: Iterable[Post], now: dt.datetime) -> None:
        """Keep these reports (as checked, before any hub-wide finding is added) with the
        ones `lookup` found."""
        for report in reports:
            key = self._keys.get(report.path)
            if key is not None and keepable(report):
                self._entries[key] = (valid_until(report, now), replace(report))

    def store(self) -> None:
        """Write what was kept; every other post's report is forgotten."""
        if set(self._entries) == self._stored_keys and self._kept == self._stored_kept:
            return  # nothing new, nothing gone: the file is already this
        self.file.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=self.file.parent, prefix=".reports.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(
                    {"format": FORMAT, "entries": self._entries, "kept": self._kept},
                    stream,
                    protocol=5,
                )
            os.replace(temp, self.file)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
