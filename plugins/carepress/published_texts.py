"""The texts of a post that readers see besides its body's prose: the title, description
and the other front-matter texts that reach pages, feeds, link previews and snippets, and
the image and link texts inside the body's markup (alt and title attributes). The language,
content-warning and claim checks read them as they read the body, each finding at the
text's own line (checks/language.py, content_warnings.py, claims.py)."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from .content import KeyPath, PostFile
from .disguise import undisguised
from .model import FrontMatter
from .prose import Lines

# Markup texts prose_of blanks: alt, title and aria-label attributes (HTML tags and
# attribute lists) and the "title" of a Markdown link, image or reference definition.
_ATTRIBUTE_TEXT_RE = re.compile(
    r"""(?<![\w-])(?:alt|title|aria-label)[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)')""", re.I
)
_LINK_TITLE_RE = re.compile(r"""(?:\]\(|\]:[ \t]*)[^()\s]*[ \t]+(?:"([^"\n]*)"|'([^'\n]*)')""")


@dataclass(frozen=True)
class PlacedText:
    text: str
    line: int
    column: int = 1
    # A source's title names a reference: it is no claim, and it does not make the post
    # touch its topic ("988 Suicide & Crisis Lifeline" in a post about anxiety).
    reference: bool = False
    # A text written over several lines of its file (a folded YAML scalar): for each line,
    # the offset in the text (its words joined by single spaces) where the line's words
    # start, with that line and column.
    breaks: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class TextsProse:
    """Several texts as one prose (a paragraph each, so no sentence or paragraph rule spans
    two of them), with each offset mapped back to its text's place in the file."""

    texts: tuple[PlacedText, ...]

    @cached_property
    def _flat(self) -> list[str]:
        """Each text on one line, so that it is one paragraph of the prose."""
        return [undisguised(" ".join(t.text.split())) for t in self.texts]

    @cached_property
    def text(self) -> str:
        return "\n\n".join(self._flat)

    @cached_property
    def _starts(self) -> list[int]:
        return list(itertools.accumulate((len(t) + 2 for t in self._flat[:-1]), initial=0))

    def line_col(self, offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        placed = self.texts[index]
        offset -= self._starts[index]
        at = bisect.bisect_right(placed.breaks, (offset, float("inf"))) - 1
        if at >= 0:
            start, line, column = placed.breaks[at]
            return line, column + offset - start
        return placed.line, placed.column + offset

    def without_references(self) -> TextsProse:
        return TextsProse(tuple(t for t in self.texts if not t.reference))

    def __bool__(self) -> bool:
        return bool(self.texts)


_WORD_JOINS_RE = re.compile(r"[-_#]+|(?<=[a-z])(?=[A-Z])")


def _as_words(tag: str) -> str:
    """A tag or hashtag as words: "took-his-own-life", "#TookHisOwnLife" and
    "took_his_own_life" are "took his own life" (and a rule's "self[- ]?harm" reads "self
    harm")."""
    return " ".join(_WORD_JOINS_RE.sub(" ", tag).split())


def _field(
    post: PostFile, key: KeyPath, value: str | None, reference: bool = False
) -> list[PlacedText]:
    return [PlacedText(value, post.line_of(key), 1, reference)] if value and value.strip() else []


def front_matter_texts(post: PostFile, model: FrontMatter) -> list[PlacedText]:
    texts = _field(post, ("title",), model.title)
    texts += _field(post, ("subtitle",), model.subtitle)
    texts += _field(post, ("description",), model.description)
    for platform, override in model.social.items():
        texts += _field(post, ("social", platform, "text"), override.text)
        for i, part in enumerate(override.thread):
            texts += _field(post, ("social", platform, "thread", i), part)
        for i, option in enumerate(override.poll.options if override.poll else ()):
            texts += _field(post, ("social", platform, "poll", "options", i), option)
    for i, slide in enumerate(model.social.carousel):  # drawn on the carousel's slides
        texts += _field(post, ("social", "carousel", i), slide.title)
        texts += _field(post, ("social", "carousel", i), slide.text)
    texts += _field(post, ("social", "quote"), model.social.quote)
    # Tags and hashtags are published as words run together (#TookHisOwnLife, tag pages,
    # feeds' categories): read as the words they are.
    for i, tag in enumerate(model.tags):
        texts += _field(post, ("tags", i), _as_words(tag))
    for platform, override in model.social.items():
        for i, hashtag in enumerate(override.hashtags):
            texts += _field(post, ("social", platform, "hashtags", i), _as_words(hashtag))
    for i, source in enumerate(model.sources):
        texts += _field(post, ("sources", i, "title"), source.title, reference=True)
    return texts


def markup_texts(post: PostFile) -> list[PlacedText]:
    """alt/title attributes and Markdown link titles, from the body without code."""
    body = post.code_free
    if "=" not in body and '"' not in body and "'" not in body:
        return []
    lines = Lines(body, post.body_line)
    placed = []
    for pattern in (_ATTRIBUTE_TEXT_RE, _LINK_TITLE_RE):
        for match in pattern.finditer(body):
            group = 1 if match.group(1) is not None else 2
            if match.group(group).strip():
                line, column = lines.line_col(match.start(group))
                placed.append(PlacedText(match.group(group), line, column))
    return placed


def published_texts(post: PostFile, model: FrontMatter) -> TextsProse:
    return TextsProse(tuple(front_matter_texts(post, model) + markup_texts(post)))
