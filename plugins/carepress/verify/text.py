"""Text compared across formats: a post's sentences as Markdown against what a page, a feed
or a search index shows of them.

Both sides are reduced to their words (letters and digits, lower case, one space between):
typography, entities, escapes and tags then make no difference. Only sentences Markdown
prints word for word are compared (no links, emphasis, code, HTML, citations or symbols an
extension turns into something else), so a sentence that is missing means the output was
built from other words than the post holds now.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from ..prose import sentence_spans, without_code

_WORD = re.compile(r"[^\W_]+")
# A sentence Python-Markdown and the hub's extensions print with the same words: letters,
# digits, spaces and plain punctuation only.
_PLAIN = re.compile(r"[^\W_]|[\s.,;:!?'\"’‘“”()%–—-]")
# Plain-looking text an extension still rewrites: emoji shortcodes, (c) (r) (tm) symbols,
# admonition and details openers.
_REWRITTEN = re.compile(r":[a-z0-9_+-]+:|\((?:c|r|tm|p)\)|^\s*(?:!!!|\?\?\?)", re.IGNORECASE)
MIN_WORDS = 4
_TAG = re.compile(r"<[^>]*>")


def shown_text(markup: str) -> str:
    """What a reader reads of some HTML: its text, entities decoded, one space apart (case
    and punctuation kept: a label is looked for as it is written)."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def words(text: str) -> str:
    """The words of a text, lower case, one space apart, with a space at each end (so a
    containment test matches whole words only)."""
    found = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return " " + " ".join(found) + " "


@cache  # verify reads each post's sentences for its page, its feeds and the drafts' leaks
def plain_sentences(body: str) -> tuple[str, ...]:
    """The sentences of a Markdown body that any renderer prints word for word, as words."""
    chosen: list[str] = []
    # Split where code is blanked (a code span's full stop ends no sentence); judge the
    # sentence as written, so one that held code is left out rather than cut short.
    for start, end in sentence_spans(without_code(body)):
        sentence = body[start:end].strip()
        if _REWRITTEN.search(sentence):
            continue
        if not all(_PLAIN.match(char) for char in sentence):
            continue
        found = words(sentence)
        if found.count(" ") - 1 >= MIN_WORDS:
            chosen.append(found)
    return tuple(chosen)


def missing_sentences(sentences: Iterable[str], shown: str) -> list[str]:
    """The sentences (as `words` gives them) that `shown` (likewise) does not contain."""
    return [s for s in sentences if s not in shown]
