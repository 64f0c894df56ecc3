"""One YAML loader for every file CarePress reads (rule packs, crisis lines, authors,
mkdocs.yml, front matter): libyaml's parser when PyYAML was built with it, several times
faster than the pure-Python one and with the same results."""

from __future__ import annotations

import hashlib
from typing import Any

import yaml

from . import user_cache

FastSafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, FastSafeLoader)


def kept_load(text: str) -> Any:
    """`safe_load` for rule data, which every run reads whole (content_warnings.yml alone is
    160 KB, ~15 ms to parse): the result is kept, pickled, in the user's cache folder under
    a digest of the text, and loaded from there in a few hundred microseconds."""
    base = user_cache.folder()
    digest = hashlib.sha256(f"{yaml.__version__} {FastSafeLoader.__name__}\0{text}".encode())
    file = base / "yaml" / f"{digest.hexdigest()[:32]}.pickle" if base else None
    data, written = user_cache.kept(file, lambda: safe_load(text))
    if written and file is not None:
        user_cache.forget_older(file.parent, "*.pickle", kept=64)
    return data
