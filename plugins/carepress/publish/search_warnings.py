"""Search results of a post with content warnings start with its warning.

Material's search plugin indexes each page's body and writes `search/search_index.json` in
its own `on_post_build`; a reader searching sees an entry's text as its excerpt, and a
warned post's entries (the post and each of its sections) would show the article's words
with no warning. So each entry of a warned post gets, before its text, the one-line
warning the blog's index shows above the post's excerpt
(overrides/partials/carepress-excerpt-warning.html, rendered once per post): one fact, in
one place. Material's results show only the blocks of an entry that match the query, but
always the page's title over its group: the post's own entry gets the warning's words after
its title too.

Under MkDocs the plugin gives Material's index its warnings as each page is indexed
(`warn_new_entries`), before the index is written: reading the written index back and
writing it again held a second copy of it, the peak of a build's memory. The file pass
(`warn_in_search_index`) is for `carepress publish` after Zensical, and for a search plugin
that is not Material's.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from ..atomic_write import write_atomically
from ..verify.text import shown_text

# Material's search index and Zensical's: the same entries (location, title, text), under
# "docs" in one and "items" in the other.
INDEXES = ((Path("search") / "search_index.json", "docs"), (Path("search.json"), "items"))


def warn_in_search_index(site_dir: str | Path, warnings: dict[str, str]) -> int:
    """Put each warned page's label (`warnings`: the page's URL under the site, as MkDocs
    gives it, -> the rendered one-line warning) before the text of its entries in the
    site's search index (Material's or Zensical's), if it has one. Returns how many entries
    were changed."""
    changed = 0
    for relative, key in INDEXES:
        index_file = Path(site_dir) / relative
        if not warnings or not index_file.is_file():
            continue
        index = json.loads(index_file.read_text(encoding="utf-8"))
        entries = index.get(key, []) if isinstance(index, dict) else []
        changed_here = sum(
            _warned(doc, warnings[page])
            for doc in entries
            if isinstance(doc, dict) and (page := _page(doc)) in warnings
        )
        if changed_here:
            data = json.dumps(index, separators=(",", ":"))  # as Material writes it
            write_atomically(index_file, data.encode("utf-8"))
        changed += changed_here
    return changed


def warn_new_entries(entries: list[dict], page_url: str, label: str) -> int:
    """Warn the entries a search index has just added for this page (the last ones, while
    their location is on it), as Material's search plugin adds a page's entries together.
    Returns how many changed."""
    changed = 0
    for doc in reversed(entries):
        if _page(doc) != page_url:
            break
        changed += _warned(doc, label)
    return changed


def _page(doc: dict) -> str:
    """The page an entry is on (its location without the section)."""
    return str(doc.get("location", "")).partition("#")[0]


def _warned(doc: dict, label: str) -> bool:
    """Give one entry its page's warning (before its text; after its title, for the page's
    own entry); whether it changed."""
    if not label:
        return False
    label = " ".join(label.split())
    before = dict(doc)
    if not str(doc.get("text", "")).startswith(label):
        doc["text"] = label + str(doc.get("text", ""))
    if not str(doc.get("location", "")).partition("#")[2]:  # the page's own entry
        # The label's words, escaped as the index's titles are (Material shows them as HTML).
        title, said = str(doc.get("title", "")), f" — {html.escape(shown_text(label))}"
        if not title.endswith(said):
            doc["title"] = title + said
    return doc != before
