"""Ready-to-post text for each platform, within each platform's rules.

What a snippet carries, in order: the content warning (Mastodon: as the CW field), the hook
(the title, or the writer's override), the description, the crisis line for posts on suicide
or self-harm, the link (with UTM parameters; Instagram: "link in bio"), the short disclaimer,
hashtags. When it is too long, the description shrinks at a word or sentence boundary, then
hashtags go, then the warning names fewer topics ("CW: suicide, self-harm and 5 more": it
still warns), then the hook is cut at a word; the crisis line, the link and the disclaimer
never go. If even that does not fit (a practice's very long disclaimer), the post cannot be
shared on that platform as written: a `social` finding.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlencode

from .. import kept_patterns
from ..model import FrontMatter
from ..safeguards import Safeguards
from ..settings import Settings
from ..yaml_loading import safe_load
from . import counting, platforms

ELLIPSIS = "…"
LINK_IN_BIO = "Read the full article: link in bio."


class SnippetError(Exception):
    """Even the minimum (warning, hook, crisis line, link, disclaimer) is over the limit."""

    def __init__(self, platform: str, message: str) -> None:
        super().__init__(message)
        self.platform = platform


@dataclass(frozen=True)
class Snippet:
    platform: str
    text: str
    length: int
    limit: int
    link: str | None
    hashtags: tuple[str, ...]
    spoiler_text: str = ""
    sensitive: bool = False
    overridden: bool = False
    shortened: bool = False
    facets: list[dict[str, Any]] = field(default_factory=list)
    embed: dict[str, Any] | None = None
    # The text for RSS-to-social tools (feeds/social/<platform>.xml): the warning in its
    # first line (RSS has no content-warning field), and within the limit counted as those
    # tools count, in raw characters (a link is not 23 for them; past it they cut).
    feed_text: str = ""
    # A writer's poll and the replies that follow the post (Mastodon, `carepress post`).
    poll: dict[str, Any] | None = None
    thread: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "platform": self.platform,
            "text": self.text,
            "feed_text": self.feed_text,
            "length": self.length,
            "limit": self.limit,
            "link": self.link,
            "hashtags": list(self.hashtags),
            "overridden": self.overridden,
            "shortened": self.shortened,
        }
        record = platforms.platform(self.platform)
        if record.warning_field:
            data |= {"spoiler_text": self.spoiler_text, "sensitive": self.sensitive}
        if record.rich_text:
            data |= {"facets": self.facets, "embed": self.embed}
        if record.polls_and_threads:
            data |= {"poll": self.poll, "thread": list(self.thread)}
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], sensitive: bool) -> Snippet:
        """The inverse of `as_dict`, which prints `sensitive` for Mastodon only: every other
        platform's flag is the post's (it has content warnings), given here."""
        return cls(
            data["platform"],
            data["text"],
            data["length"],
            data["limit"],
            data["link"],
            tuple(data["hashtags"]),
            data.get("spoiler_text", ""),
            data.get("sensitive", sensitive),
            data["overridden"],
            data["shortened"],
            data.get("facets", []),
            data.get("embed"),
            data["feed_text"],
            data.get("poll"),
            tuple(data.get("thread", ())),
        )


class PackedSnippets(Mapping[str, Snippet]):
    """A post's snippets by platform, held as the JSON social/snippets.json prints for them,
    compressed. How they travel from a check (a worker, or the report cache) to the build
    and wait there for the share kit: one bytes object a post, where Snippet objects were
    ~30 (58,000 at 2,000 posts) to unpickle, keep, and have the garbage collector walk on
    every full pass. The seven platforms' texts repeat one another, so zlib keeps a post's
    7 KB in under 1 KB (bench/PROFILE.md). Decoded where read (a share-kit page, the few
    posts of the syndication feeds), and not kept decoded."""

    __slots__ = ("packed", "sensitive")

    def __init__(self, json_text: str | bytes, sensitive: bool) -> None:
        """`json_text`: the JSON, or (as unpickled) the bytes `packed` holds."""
        self.packed = (
            zlib.compress(json_text.encode(), 1) if isinstance(json_text, str) else json_text
        )
        self.sensitive = sensitive

    @property
    def json(self) -> str:
        return zlib.decompress(self.packed).decode()

    @classmethod
    def of(cls, snippets: Mapping[str, Snippet]) -> PackedSnippets:
        if isinstance(snippets, PackedSnippets):
            return snippets
        data = {platform: snippet.as_dict() for platform, snippet in snippets.items()}
        sensitive = any(snippet.sensitive for snippet in snippets.values())
        return cls(json.dumps(data, ensure_ascii=False), sensitive)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PackedSnippets, (self.packed, self.sensitive))

    def __repr__(self) -> str:  # what they say, never where they are: a share kit's cache key
        return f"PackedSnippets({self.json!r}, {self.sensitive!r})"

    def _data(self) -> dict[str, Any]:
        return json.loads(self.json)

    def decoded(self) -> dict[str, Snippet]:
        return {
            platform: Snippet.from_dict(data, self.sensitive)
            for platform, data in self._data().items()
        }

    def __getitem__(self, platform: str) -> Snippet:
        return self.decoded()[platform]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def items(self):  # type: ignore[override]  # one decoding for a whole share-kit page
        return self.decoded().items()


_NOT_WORD = kept_patterns.compile(r"[^\p{L}\p{N}]+")
_SPACES = kept_patterns.compile(r"\s+")


@cache
def restricted_hashtags(platform: str) -> frozenset[str]:
    """The hashtags `platform` hides or restricts (data/restricted_hashtags.yml), folded."""
    text = files("carepress").joinpath("data/restricted_hashtags.yml").read_text("utf-8")
    data = safe_load(text)
    return frozenset(str(t).casefold() for t in (data or {}).get(platform, []))


@functools.lru_cache(maxsize=4096)  # a hub has a few dozen tags, each used on many posts
def hashtag(tag: str) -> str:
    """ "coping-skills" -> "#CopingSkills" (camel case reads better in screen readers)."""
    words = [w for w in _NOT_WORD.split(tag) if w]
    joined = "".join(w[:1].upper() + w[1:] for w in words)
    return f"#{joined}" if joined and not joined.isdigit() else ""


def _with_query(url: str, query: dict[str, str]) -> str:
    return f"{url}{'&' if '?' in url else '?'}{urlencode(query)}"


def tracked_link(url: str, platform: str, slug: str, utm: bool) -> str:
    if not utm:
        return url
    return _with_query(url, {"utm_source": platform, "utm_medium": "social", "utm_campaign": slug})


# A title keeps this many words before the warning names fewer topics ("and 5 more"); only
# when the fewest names leave no room is it cut shorter, to its first word, then left out.
TITLE_MIN_WORDS = 4


def _cut_points(text: str, min_words: int) -> list[int]:
    """Word boundaries of text that keep at least `min_words` words, longest first."""
    ends = [m.start() for m in _SPACES.finditer(text.rstrip())]
    return sorted(ends[max(min_words, 1) - 1 :], reverse=True)


def _sentence_ends(text: str) -> list[int]:
    """Where the description's whole sentences end, longest first. A description is cut
    only there: a cut inside a sentence can drop the word that made it true ("...is common
    and" without "treatable")."""
    return sorted((m.end() for m in _SENTENCE_END.finditer(text.rstrip())), reverse=True)


_SENTENCE_END = kept_patterns.compile(r"[.!?][\"”’)]*(?=\s+\S)")


def _shorten(text: str, end: int) -> str:
    """A title cut at a word, with an ellipsis (it still says what the link is)."""
    kept = text[:end].rstrip(" \t,;:—–-")
    return kept if kept.endswith((".", "!", "?")) else kept + ELLIPSIS


@dataclass(frozen=True)
class _Parts:
    warning: str
    hook: str
    description: str
    crisis: str
    link_line: str
    disclaimer: str
    hashtags: tuple[str, ...]
    hook_is_title: bool = True  # the writer's own override text is never cut

    def text(self, description: str, hashtags: tuple[str, ...]) -> str:
        lines = [
            self.warning,
            self.hook,
            description,
            self.crisis,
            self.link_line,
            self.disclaimer,
            " ".join(hashtags),
        ]
        return "\n\n".join(line for line in lines if line)


def _longest_fitting(
    cuts: list[int], compose: Callable[[int], str], fits: Callable[[str], bool]
) -> str | None:
    """The composed snippet with a text cut at the latest of `cuts` that still fits.
    Cut points run longest first and a shorter text never counts more, so a binary search
    finds it in a handful of counts."""
    low, high, best = 0, len(cuts) - 1, None
    while low <= high:
        middle = (low + high) // 2
        candidate = compose(cuts[middle])
        if fits(candidate):
            best, high = candidate, middle - 1
        else:
            low = middle + 1
    return best


Length = Callable[[str, str], int]  # (text, content-warning field) -> a platform's units


def _fit(
    platform: str, parts: _Parts, spoiler: str, limit: int, count: Length, min_words: int
) -> tuple[str, bool, int]:
    def length(text: str) -> int:
        return count(text, spoiler)

    full = parts.text(parts.description, parts.hashtags)
    full_length = length(full)
    if full_length <= limit:
        return full, False, full_length
    # Give way in this order: the description's last sentences, then hashtags, then the
    # description.
    tag_choices = [parts.hashtags[:k] for k in range(len(parts.hashtags), -1, -1)]
    for tags in tag_choices:
        best = _longest_fitting(
            _sentence_ends(parts.description),
            lambda cut, tags=tags: parts.text(parts.description[:cut], tags),
            lambda text: length(text) <= limit,
        )
        if best is not None:
            return best, True, length(best)
    for tags in tag_choices:
        bare = parts.text("", tags)
        if length(bare) <= limit:
            return bare, True, length(bare)
    # Last, the hook: a long title cut at a word still says what the link is; and where
    # even its first word does not fit (a long address counted in full), the link's own
    # preview names the post. Warnings, crisis line and disclaimer are never given up.
    if parts.hook_is_title:
        best = _longest_fitting(
            _cut_points(parts.hook, min_words),
            lambda cut: replace(parts, hook=_shorten(parts.hook, cut)).text("", ()),
            lambda text: length(text) <= limit,
        )
        if best is None and min_words == 0 and parts.link_line != LINK_IN_BIO:
            untitled = replace(parts, hook="").text("", ())
            best = untitled if length(untitled) <= limit else None
        if best is not None:
            return best, True, length(best)
    raise SnippetError(
        platform,
        f"even without the description and hashtags the {platform} post is "
        f"{length(parts.text('', ()))} long (limit {limit})",
    )


@dataclass(frozen=True)
class _Fitted:
    text: str
    shortened: bool
    length: int
    link: str | None
    spoiler: str


def _fit_warned(
    platform: str,
    parts: _Parts,
    warnings: list[str],
    links: list[str | None],
    limit: int,
    count: Length,
    spoiler_field: bool,
) -> _Fitted:
    """The fullest text that fits: every warning's name before fewer ("CW: suicide and 5
    more"), and with each link, the campaign-tagged one first, before a shorter form of the
    link where that keeps more of the text (a link counts in full for Bluesky and for the
    RSS-to-social tools)."""
    error: SnippetError | None = None
    tries = [(m, i, w) for m in (TITLE_MIN_WORDS, 0) for i, w in enumerate(warnings)]
    for min_words, fewer_names, warning in tries:
        spoiler = warning if spoiler_field else ""
        warned = replace(parts, warning="" if spoiler else warning)
        fitted: _Fitted | None = None
        previous_full = None
        for link in links:
            linked = replace(warned, link_line=link or LINK_IN_BIO)
            full = count(linked.text(linked.description, linked.hashtags), spoiler)
            if fitted is not None and previous_full is not None and full >= previous_full:
                continue  # a shorter link that counts the same (23 per link) gains nothing
            previous_full = full
            try:
                text, shortened, length = _fit(
                    platform, linked, spoiler, limit, count, min_words
                )
            except SnippetError as exc:
                error = exc
                continue
            fitted = _Fitted(text, shortened or fewer_names > 0, length, link, spoiler)
            if not shortened:
                break
        if fitted is not None:
            return fitted
    assert error is not None
    raise error


def link_forms(url: str, platform: str, slug: str, utm: bool) -> list[str]:
    """The post's link, longest first: campaign-tagged, tagged with the platform only
    (the slug is in the path already), bare."""
    if not utm:
        return [url]
    return [tracked_link(url, platform, slug, utm), _with_query(url, {"utm_source": platform}), url]


def _raw_length(text: str, spoiler_text: str = "") -> int:
    return len(text)  # as feed2toot and feediverse count (Python's len), before they cut


def compose(
    platform: str,
    model: FrontMatter,
    safeguards: Safeguards,
    url: str,
    slug: str,
    settings: Settings,
) -> Snippet:
    options = settings.options.snippets
    record = platforms.platform(platform)
    override = model.social.get(platform)  # type: ignore[call-overload]
    # Every warning's name, or when that cannot fit, a shorter form that still warns.
    warnings = [
        settings.options.feeds.warning_format.format(warnings=labels)
        for labels in safeguards.warning_label_forms()
    ] or [""]
    crisis = ""
    if safeguards.crisis is not None:
        crisis = safeguards.crisis.short
    links: list[str | None] = (
        [None] if record.links == "none" else list(link_forms(url, platform, slug, options.utm))
    )
    disclaimer = settings.practice.disclaimer.for_platform(platform) if options.disclaimer else ""
    source_tags = override.hashtags if override and override.hashtags else model.tags
    tags = tuple(
        dict.fromkeys(
            h for h in (hashtag(t) if not t.startswith("#") else t for t in source_tags) if h
        )
    )
    restricted = restricted_hashtags(platform)
    tags = tuple(t for t in tags if t[1:].casefold() not in restricted)
    max_tags = min(options.max_hashtags, record.max_hashtags or options.max_hashtags)
    parts = _Parts(
        warning="",
        hook=override.text.strip() if override and override.text else model.title,
        description="" if override and override.text else model.description,
        crisis=crisis,
        link_line=LINK_IN_BIO,
        disclaimer=disclaimer,
        hashtags=tags[:max_tags],
        hook_is_title=not (override and override.text),
    )
    limit = record.limit_for(options.mastodon_limit)
    post = _fit_warned(
        platform, parts, warnings, links, limit, record.length, record.warning_field
    )
    feed = _fit_warned(platform, parts, warnings, links, limit, _raw_length, False)
    text = post.text
    if record.max_links is not None and (found := counting.link_count(text)) > record.max_links:
        raise SnippetError(platform, f"{found} links; {record.label} allows {record.max_links}")
    snippet = Snippet(
        platform,
        text,
        post.length,
        limit,
        post.link,
        tuple(t for t in parts.hashtags if t in text.split()),
        post.spoiler,
        bool(safeguards.warnings),
        bool(override and override.text),
        post.shortened,
        feed_text=feed.text,
    )
    if record.polls_and_threads and override is not None:
        snippet = replace(
            snippet,
            poll=override.poll.model_dump() if override.poll else None,
            thread=tuple(part.strip() for part in override.thread),
        )
    if record.rich_text:
        link = post.link or url
        snippet = replace(
            snippet,
            # What Bluesky's composer detects in the text, as a pasted text is linked too.
            facets=counting.bluesky_facets(text),
            embed=counting.bluesky_embed(link, model.title, model.description),
        )
    return snippet


def compose_all(
    model: FrontMatter, safeguards: Safeguards, url: str, slug: str, settings: Settings
) -> tuple[dict[str, Snippet], list[SnippetError]]:
    snippets, errors = {}, []
    for platform in platforms.PLATFORMS:
        try:
            snippets[platform] = compose(platform, model, safeguards, url, slug, settings)
        except SnippetError as exc:
            errors.append(exc)
    return snippets, errors
