"""One YAML loader for every file CarePress reads (rule packs, crisis lines, authors,
mkdocs.yml, front matter): libyaml's parser when PyYAML was built with it, several times
faster than the pure-Python one and with the same results."""

from __future__ import annotations

from typing import Any

import yaml

FastSafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, FastSafeLoader)


def kept_load(text: str) -> Any:
    """`safe_load` for rule data, which every run reads whole (content_warnings.yml alone is
    160 KB, ~15 ms to parse): the result is kept, pickled, in the user's cache folder under
    a digest of the text, and loaded from there in a few hundred microseconds."""
    import hashlib
    import pickle

    from . import user_cache
    from .atomic_write import write_atomically

    base = user_cache.folder()
    if base is None:
        return safe_load(text)
    digest = hashlib.sha256(f"{yaml.__version__} {FastSafeLoader.__name__}\0{text}".encode())
    file = base / "yaml" / f"{digest.hexdigest()[:32]}.pickle"
    try:
        return pickle.loads(file.read_bytes())
    except Exception:  # missing or damaged: parsed again
        pass
    data = safe_load(text)
    try:
        write_atomically(file, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return data
    user_cache.forget_older(file.parent, "*.pickle", kept=64)
    return data
