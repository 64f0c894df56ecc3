"""Which hub post a figure is about: by its address, its path, its slug, its source file as the
rest of CarePress names it (`posts/x.md` as the ledger does, `content/posts/x.md` as `check`
and `calendar` do, `x.md`), an old address a redirect keeps alive (mkdocs-redirects'
`redirect_maps`), or, for a platform's own export that names only the platform's post, by a
link to the hub or a post's title in the post's text. Figures are for published posts: a
draft or a post dated to come is named, so the row can be refused saying why."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .csv_files import RowProblem

if TYPE_CHECKING:
    from ..engine import Post

_LINK = re.compile(r"https?://[^\s<>\"')\]]+")
_SHORTEST_TITLE = 12  # a shorter title ("Grief") would name posts that only mention it


@dataclass(frozen=True)
class PostMatcher:
    names: Mapping[str, str]  # every way a row may name a post -> its slug
    titles: Mapping[str, str]  # a post's title, case-folded -> its slug
    created: Mapping[str, str] = field(default_factory=dict)  # slug -> its date, YYYY-MM-DD
    # slug -> why the site leaves it out ("a draft", "a post dated ..., in the future")
    unpublished: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # source file, resolved -> slug

    @classmethod
    def of(cls, reports: Sequence[Post], redirects: Mapping[str, str] | None = None,
           now: dt.datetime | None = None) -> PostMatcher:  # fmt: skip
        """`now`: when drafts and posts dated to come are told apart (None: never)."""
        names: dict[str, str] = {}
        titles: dict[str, str] = {}
        created: dict[str, str] = {}
        unpublished: dict[str, str] = {}
        sources: dict[str, str] = {}
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
            sources[report.path.resolve().as_posix()] = address.slug
            left_out = front.left_out_because(now) if now is not None else None
            if left_out is not None:
                unpublished[address.slug] = left_out
            elif len(front.title) >= _SHORTEST_TITLE:  # (a draft's title names nothing)
                titles[front.title.casefold()] = address.slug
        for old, new in (redirects or {}).items():
            slug = by_source.get(new) or _by_tail(new, by_source) or cls(names, {}).named(new)
            if slug is not None:
                for form in _page_forms(old):
                    names.setdefault(form, slug)
        return cls(names, titles, created, unpublished, sources)

    def named(self, reference: str) -> str | None:
        """The post a reference names: an address, a path, a slug, or its source file."""
        reference = reference.strip()
        if not reference:
            return None
        if reference.lower().endswith(".md"):
            found = self.by_file(reference)
            return found[0] if len(found) == 1 else None
        path = urlsplit(reference).path if "://" in reference else reference.split("?")[0]
        tail = path.strip("/").rsplit("/", 1)[-1]
        for candidate in (reference, path, path.strip("/"), tail):
            if candidate in self.names:
                return self.names[candidate]
        return None

    def by_file(self, reference: str) -> list[str]:
        """The posts whose source file a path names: the file itself (relative to the
        working folder, or absolute), else every source whose path ends with it
        ("posts/x.md" under docs_dir, "content/posts/x.md" in the hub, "x.md")."""
        exact = self.sources.get(Path(reference).resolve().as_posix())
        if exact is not None:
            return [exact]
        tail = "/" + reference.replace("\\", "/").lstrip("./").lstrip("/")
        return sorted({slug for source, slug in self.sources.items() if source.endswith(tail)})

    def not_found(self, reference: str) -> str:
        """Why a reference names no post, for a row's message."""
        if reference.lower().endswith(".md") and len(found := self.by_file(reference)) > 1:
            return (
                f"post: {reference!r} could be any of {len(found)} posts "
                f"({', '.join(found)}); give its path under docs_dir or its slug"
            )
        return (
            f"post: {reference!r} is no post of this hub (give its address, its path, its "
            "source file or its slug)"
        )

    def check_published(self, slug: str, reference: str) -> None:
        """Refuse figures for a post the site does not show (a draft, one dated to come):
        its title would go into the report as if it had been out."""
        why = self.unpublished.get(slug)
        if why is not None:
            raise RowProblem(f"post: {reference!r} is {why}, not published: figures are "
                             "for published posts")  # fmt: skip

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
