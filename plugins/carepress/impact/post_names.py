"""Which hub post a figure is about: by its address, its path, its slug, an old address a
redirect keeps alive (mkdocs-redirects' `redirect_maps`), or, for a platform's own export
that names only the platform's post, by a link to the hub or a post's title in the post's
text."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..engine import Post

_LINK = re.compile(r"https?://[^\s<>\"')\]]+")
_SHORTEST_TITLE = 12  # a shorter title ("Grief") would name posts that only mention it


@dataclass(frozen=True)
class PostMatcher:
    names: Mapping[str, str]  # every way a row may name a post -> its slug
    titles: Mapping[str, str]  # a post's title, case-folded -> its slug
    created: Mapping[str, str] = field(default_factory=dict)  # slug -> its date, YYYY-MM-DD

    @classmethod
    def of(cls, reports: Sequence[Post], redirects: Mapping[str, str] | None = None) -> PostMatcher:
        names: dict[str, str] = {}
        titles: dict[str, str] = {}
        created: dict[str, str] = {}
        by_source: dict[str, str] = {}
        for report in reports:
            address, front = report.address, report.front_matter
            if address is None or front is None:
                continue
            for form in (address.url, address.path, address.path.strip("/"), address.slug):
                names[form] = address.slug
            created[address.slug] = front.created.date().isoformat()
            by_source[report.display_path] = address.slug
            by_source[report.path.name] = address.slug
            if len(front.title) >= _SHORTEST_TITLE:
                titles[front.title.casefold()] = address.slug
        for old, new in (redirects or {}).items():
            slug = by_source.get(new) or _by_tail(new, by_source) or cls(names, {}).named(new)
            if slug is not None:
                for form in _page_forms(old):
                    names.setdefault(form, slug)
        return cls(names, titles, created)

    def named(self, reference: str) -> str | None:
        """The post a reference names: an address, a path or a slug."""
        reference = reference.strip()
        if not reference:
            return None
        path = urlsplit(reference).path if "://" in reference else reference.split("?")[0]
        tail = path.strip("/").rsplit("/", 1)[-1]
        for candidate in (reference, path, path.strip("/"), tail):
            if candidate in self.names:
                return self.names[candidate]
        return None

    def in_text(self, text: str) -> str | None:
        """The post a platform post's text links to, or failing that, whose title it has."""
        for link in _LINK.findall(text):
            found = self.named(link.rstrip(".,;:!?"))
            if found is not None:
                return found
        folded = text.casefold()
        for title in sorted(self.titles, key=len, reverse=True):
            if title in folded:
                return self.titles[title]
        return None


def _page_forms(page: str) -> tuple[str, ...]:
    """An old page's source name in redirect_maps ("blog/old.md", "old/index.md") as the
    addresses it had."""
    stem = page.strip("/").removesuffix(".md").removesuffix("index").strip("/")
    return (stem, stem + "/", "/" + stem + "/", stem.rsplit("/", 1)[-1])


def _by_tail(target: str, by_source: Mapping[str, str]) -> str | None:
    """A redirect's target as a source file relative to docs_dir ("blog/posts/x.md")."""
    for source, slug in by_source.items():
        if source.endswith("/" + target.lstrip("/")) or source == target:
            return slug
    return None
