"""One YAML loader for every file CarePress reads (rule packs, crisis lines, authors,
mkdocs.yml, front matter): libyaml's parser when PyYAML was built with it, several times
faster than the pure-Python one and with the same results."""

from __future__ import annotations

import hashlib
from typing import Any

import yaml

from . import user_cache

FastSafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What kept_load keeps is this module's, PyYAML's and the loader's (another version of
# CarePress on the machine names its files otherwise).
_KEPT_BY = f"{user_cache.version_of(__file__)} {yaml.__version__} {FastSafeLoader.__name__}"


def safe_load(text: str) -> Any:
    return yaml.load(text, FastSafeLoader)


def kept_load(text: str) -> Any:
    """`safe_load` for rule data, which every run reads whole (content_warnings.yml alone is
    160 KB, ~15 ms to parse): the result is kept, pickled, in the user's cache folder under
    a digest of the text, and loaded from there in a few hundred microseconds."""
    base = user_cache.folder()
    digest = hashlib.sha256(f"{_KEPT_BY}\0{text}".encode())
    name = digest.hexdigest()[:32]
    file = base / "yaml" / f"{name}.pickle" if base else None
    # Kept with its name: a damaged file that still unpickles (to anything) is not taken.
    (_, data), written = user_cache.kept(
        file,
        lambda: (name, safe_load(text)),
        lambda found: isinstance(found, tuple) and len(found) == 2 and found[0] == name,
    )
    if written and file is not None:
        user_cache.forget_older(file.parent, "*.pickle", kept=64)
    return data
