"""The social platforms, one record each: everything CarePress knows about a platform.

Snippets, the counting of their length, share kits, the profile kit's bios, the per-platform
feeds and the front matter's `social:` keys all read this table; adding a platform is one
record here (and its tests). Limits as the platforms state them (see the design notes);
check them yearly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from . import counting

Links = Literal["full", "none"]


@dataclass(frozen=True)
class Platform:
    key: str  # the key in front matter (`social: {x: ...}`), snippets.json and feed names
    label: str  # what a person reads
    limit: int  # a post's text, in the platform's own units
    length: Callable[[str, str], int]  # (text, content-warning field) -> those units
    count_note: str  # how `length` counts, where it is not plain characters (share kits)
    bio_limit: int  # the profile's bio (or "About"), as the platform counts it
    bio_length: Callable[[str], int] = len
    # How a snippet carries the post's link: the address in full (Bluesky's composer links
    # only a full address when a text is pasted); none, the profile's link instead (Instagram).
    links: Links = "full"
    max_links: int | None = None
    max_hashtags: int | None = None  # the platform's own cap (the hub's is lower or equal)
    warning_field: bool = False  # a content-warning field of its own (Mastodon's spoiler_text)
    rich_text: bool = False  # link facets and a link card travel with the text (Bluesky)
    server_limit: bool = False  # each server sets it (snippets > mastodon_limit)
    polls_and_threads: bool = False  # `carepress post` sends a writer's poll and thread

    def limit_for(self, mastodon_limit: int = 500) -> int:
        return mastodon_limit if self.server_limit else self.limit


def _no_warning_field(count: Callable[[str], int]) -> Callable[[str, str], int]:
    def length(text: str, spoiler_text: str = "") -> int:
        return count(text)

    return length


_PLATFORMS = (
    Platform("x", "X", 280, _no_warning_field(counting.x_length), "(weighted)",
             160, counting.x_length),
    Platform("bluesky", "Bluesky", 300, _no_warning_field(counting.bluesky_length),
             "(graphemes)", 256, counting.bluesky_length, rich_text=True),
    Platform("mastodon", "Mastodon", 500, counting.mastodon_length, "", 500,
             warning_field=True, server_limit=True, polls_and_threads=True),
    Platform("threads", "Threads", 500, _no_warning_field(counting.threads_length),
             "", 150, max_links=5, max_hashtags=1),
    Platform("linkedin", "LinkedIn", 3000, _no_warning_field(counting.utf16_units),
             "", 2600),  # the bio: the "About" section
    Platform("facebook", "Facebook", 63206, _no_warning_field(counting.utf16_units),
             "", 101),  # the bio: the Page intro
    Platform("instagram", "Instagram", 2200, _no_warning_field(counting.utf16_units),
             "", 150, links="none", max_hashtags=5),
)  # fmt: skip

PLATFORMS: dict[str, Platform] = {platform.key: platform for platform in _PLATFORMS}
PLATFORM_KEYS: tuple[str, ...] = tuple(PLATFORMS)


def platform(key: str) -> Platform:
    try:
        return PLATFORMS[key]
    except KeyError:
        raise ValueError(f"unknown platform {key!r}; known: {', '.join(PLATFORMS)}") from None


def limit(key: str, mastodon_limit: int = 500) -> int:
    return platform(key).limit_for(mastodon_limit)


def count(key: str, text: str, spoiler_text: str = "", mastodon_limit: int = 500) -> int:
    """``text``'s length on the platform, in its own units.

    ``spoiler_text`` is Mastodon's content-warning field; the other platforms have none (their
    warning belongs in ``text``), so passing one for them is a mistake and raises. The count
    never depends on ``mastodon_limit``; it is accepted so that callers can hand the same
    arguments to ``count``, ``limit`` and ``fits``.
    """
    record = platform(key)
    if spoiler_text and not record.warning_field:
        raise ValueError(f"{key} has no content-warning field; put the warning in the text")
    return record.length(text, spoiler_text)


def fits(key: str, text: str, spoiler_text: str = "", mastodon_limit: int = 500) -> bool:
    """Within the length limit, and within the link and hashtag limits where they exist."""
    record = platform(key)
    if count(key, text, spoiler_text) > record.limit_for(mastodon_limit):
        return False
    if record.max_links is not None and counting.link_count(text) > record.max_links:
        return False
    return record.max_hashtags is None or counting.hashtag_count(text) <= record.max_hashtags
