"""Search results of a post with content warnings start with its warning.

Material's search plugin indexes each page's body and writes `search/search_index.json` in
its own `on_post_build`; a reader searching sees an entry's text as its excerpt, and a
warned post's entries (the post and each of its sections) would show the article's words
with no warning. Once the index is written, each entry of a warned post gets, before its
text, the one-line warning the blog's index shows above the post's excerpt
(overrides/partials/carepress-excerpt-warning.html, rendered once per post): one fact, in
one place.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic_write import write_atomically

INDEX = Path("search") / "search_index.json"


def warn_in_search_index(site_dir: str | Path, warnings: dict[str, str]) -> int:
    """Put each warned page's label (`warnings`: the page's URL under the site, as MkDocs
    gives it, -> the rendered one-line warning) before the text of its entries in the
    search index, if the site has one. Returns how many entries were changed."""
    index_file = Path(site_dir) / INDEX
    if not warnings or not index_file.is_file():
        return 0
    index = json.loads(index_file.read_text(encoding="utf-8"))
    changed = 0
    for doc in index.get("docs", []):
        label = warnings.get(str(doc.get("location", "")).partition("#")[0])
        label = " ".join(label.split()) if label else label
        if label and not str(doc.get("text", "")).startswith(label):
            doc["text"] = label + str(doc.get("text", ""))
            changed += 1
    if changed:
        data = json.dumps(index, separators=(",", ":"))  # as Material writes it
        write_atomically(index_file, data.encode("utf-8"))
    return changed
