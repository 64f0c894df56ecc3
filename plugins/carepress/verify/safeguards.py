"""Fail closed: check each rendered post page for its safeguards.

Templates can be overridden by a practice, and a post's own HTML could hide what follows it
(an unclosed comment, say). So neither the build nor `carepress verify` trusts the templates:
they parse the final HTML and refuse a page whose disclaimer, content-warning banner or
crisis box is missing, altered, hidden, or wrapped in an element the post left open.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..crisis import Region
from ..policy_pages import POLICY_PAGES
from ..safeguards import Safeguards
from .text import shown_text, words

if TYPE_CHECKING:
    from lxml import etree

def _pages_listing_crisis_lines() -> dict[str, tuple[str, str]]:
    """Each page that must list the crisis lines, by its file in the site (with directory
    URLs and without): its address, and what makes it list them."""
    pages = {"crisis": "it must be content/crisis.md with `template: crisis.html`"}
    for policy in POLICY_PAGES:
        pages[policy.key] = (
            f"it must be content/{policy.source} with `template: {policy.template}`, and "
            f"overrides/{policy.partial} must keep "
            '`{% include "partials/carepress-crisis-lines.html" %}`'
        )
    found = {}
    for key, fix in pages.items():
        found[f"{key}/index.html"] = found[f"{key}.html"] = (f"{key}/", fix)
    return found


# The crisis page and the practice's policy pages (policy_pages.py).
CRISIS_LINE_PAGES = _pages_listing_crisis_lines()

# Safeguards are direct children of <article>: anything deeper means the post's own HTML
# left an element open around them (e.g. an unclosed <div hidden>), which could hide them.
_SAFEGUARD_DEPTH = 2

# libxml2's HTML parser (C): ten times faster than html.parser on a post's article, and
# like a browser it nests what follows an unclosed element inside it, and hides what follows
# an unclosed comment, <textarea> or <title>. A stray end tag is dropped, as browsers drop or
# close around it: what follows stays visible. `huge_tree`: libxml2's default limits (256
# levels deep, 10 MB of text) would drop the rest of a long or deeply nested post silently.
# Made on first use: a rebuild whose pages are unchanged parses none and never loads lxml.
@cache
def _parser() -> etree.HTMLParser:
    from lxml import etree

    return etree.HTMLParser(no_network=True, huge_tree=True)


_BANNER = re.compile(r"""data-carepress=["']?content-warning\b""")
_TAG = re.compile(r"<[^>]*>")

# What hides an element from readers (or from screen readers) without removing it.
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)"
    r"|content-visibility\s*:\s*hidden|(?:^|;)\s*(?:height|max-height|width|font-size)\s*:\s*0",
    re.IGNORECASE,
)


def _hidden(element: etree._Element) -> bool:
    """Whether this element or one around it is hidden (`hidden`, `aria-hidden`, `inert`,
    an inline style that hides it)."""
    node: etree._Element | None = element
    while node is not None:
        if node.get("hidden") is not None or node.get("inert") is not None:
            return True
        if (node.get("aria-hidden") or "").strip().lower() == "true":
            return True
        if _HIDING_STYLE.search(node.get("style") or ""):
            return True
        node = node.getparent()
    return False


def _markers(article: str) -> tuple[list[tuple[str, int]], dict[str, str], set[str]]:
    """Each real element carrying data-carepress: its marker, its depth below <article>
    (the article's children are at depth 2), the text of the elements per marker, and the
    markers of the ones that are hidden."""
    from lxml import etree

    root = etree.fromstring(article, _parser()) if article.strip() else None
    found: list[tuple[str, int]] = []
    text: dict[str, str] = {}
    hidden: set[str] = set()
    if root is None:
        return found, text, hidden
    for element in root.iter(tag=etree.Element):
        marker = element.get("data-carepress")
        if not marker:
            continue
        depth, parent = 0, element
        while parent is not None and parent.tag not in ("body", "html"):
            depth += 1
            parent = parent.getparent()
        found.append((marker, depth))
        text[marker] = text.get(marker, "") + "".join(element.itertext())
        if _hidden(element):
            hidden.add(marker)
    return found, text, hidden


def _norm(text: str) -> str:
    return " ".join(text.split())


def _banner_after_text(output: str, start: int, content: str, first_words: str) -> bool:
    """Whether the post's text begins before its content-warning banner: found by the body's
    HTML (the build has it), else by the words of its first sentence (`carepress verify`
    has only the post's Markdown)."""
    banner = _BANNER.search(output, max(start, 0))  # quoted or not: a minifier drops quotes
    if banner is None:
        return False
    body = output.find(content[:200]) if content.strip() else -1
    if body != -1:
        return banner.start() > body
    before = html.unescape(_TAG.sub("", output[max(start, 0) : banner.start()]))
    return bool(first_words) and first_words in words(before)


def missing_safeguards(
    output: str, content: str, safeguards: Safeguards, first_words: str = ""
) -> list[str]:
    """What the rendered page lacks; an empty list means the page is safe to publish.
    `content`: the post's body HTML as rendered; `first_words`: its first sentence as
    `verify.text.words` gives it, for a page whose body HTML is not at hand."""
    start = output.find('<article class="md-content__inner')
    # Safeguards live inside the article: the page's last </article> ends the search (any
    # </article> a post's own HTML holds comes before it).
    end = output.rfind("</article>")
    end = end + len("</article>") if end > start >= 0 else len(output)
    found, text, hidden = _markers(output[start if start >= 0 else 0 : end])
    markers = [m for m, _ in found]
    problems = [
        f"the post's HTML wraps the {marker.replace('-', ' ')} in an element it left open"
        for marker, depth in found
        if marker in ("disclaimer", "content-warning", "crisis-box") and depth != _SAFEGUARD_DEPTH
    ]
    problems += [
        f"the {marker.replace('-', ' ')} is hidden from readers"
        for marker in ("disclaimer", "content-warning", "crisis-box")
        if marker in hidden
    ]
    if markers.count("disclaimer") != 1:
        problems.append(f"the disclaimer appears {markers.count('disclaimer')} times, not once")
    elif _norm(html.unescape(safeguards.disclaimer)) not in _norm(text["disclaimer"]):
        problems.append("the disclaimer element does not contain the practice's disclaimer text")
    if safeguards.warnings:
        if "content-warning" not in markers:
            problems.append("the content-warning banner is missing")
        else:
            if _banner_after_text(output, start, content, first_words):
                problems.append("the content-warning banner comes after the post's text")
            labels = _norm(text["content-warning"])
            for warning in safeguards.warnings:
                if warning.label not in labels:
                    problems.append(f"the content-warning banner does not name {warning.label!r}")
    if safeguards.crisis is not None:
        if "crisis-box" not in markers:
            problems.append("the crisis box is missing")
        else:
            first_line = safeguards.crisis.lines[0]
            if first_line.name not in text["crisis-box"]:
                problems.append(f"the crisis box does not list {first_line.name!r}")
    return problems


EXCERPT_WARNING = "partials/carepress-excerpt-warning.html"


def excerpt_warning_problem(rendered: str, labels: Sequence[str]) -> str:
    """What the one-line warning of a post's excerpts and search entries lacks, as the
    practice's partial renders it ('' when it is marked and names every warning): a
    practice may restyle it, not empty it (a new-user tester's)."""
    shown = shown_text(rendered)
    missing = [label for label in labels if label not in shown]
    if "excerpt-warning" in rendered and not missing:
        return ""
    said = " and ".join(
        ([f"does not name {', '.join(map(repr, missing))}"] if missing else [])
        + ([] if "excerpt-warning" in rendered else ["is not marked"])
    )
    return (f"overrides/{EXCERPT_WARNING} {said}: it is the warning on every excerpt of a "
            "warned post (the blog's index, archive and category pages) and in its search "
            "entries; restyle it, but keep data-carepress=\"excerpt-warning\" and "
            "{{ warnings | map(attribute=\"label\") | ... }} in it")  # fmt: skip


def crisis_page_problem(output: str, regions: list[Region], page: str) -> str:
    """The page at crisis/ must list the crisis lines (its template, crisis.html, adds them
    from CarePress's data), and so must each policy page (`page`: its file in the site, a
    key of CRISIS_LINE_PAGES): '' when it does."""
    first = regions[0].lines[0].name if regions and regions[0].lines else ""
    if "carepress-crisis-region" in output and html.escape(first) in output:
        return ""
    address, fix = CRISIS_LINE_PAGES[page]
    return (
        f"the page at {address} does not list the crisis lines (it should name {first!r}): "
        f"{fix}"
    )
