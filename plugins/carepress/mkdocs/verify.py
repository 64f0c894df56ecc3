"""Fail closed: check each rendered post page for its safeguards.

Templates can be overridden by a practice, and a post's own HTML could hide what follows it
(an unclosed comment, say). So the build does not trust the templates: it parses the final
HTML and stops if the disclaimer, the content-warning banner or the crisis box is missing.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from ..safeguards import Safeguards

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)

# Safeguards are direct children of <article>: anything deeper means the post's own HTML
# left an element open around them (e.g. an unclosed <div hidden>), which could hide them.
_SAFEGUARD_DEPTH = 2


class _Markers(HTMLParser):
    """Records real elements carrying data-carepress: their nesting depth and their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int]] = []  # (marker, depth below <article>)
        self.text: dict[str, str] = {}
        self._open: list[tuple[str, str, int]] = []  # (tag, marker, depth)
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        self._depth += 1
        marker = dict(attrs).get("data-carepress")
        if marker:
            self.found.append((marker, self._depth))
            self._open.append((tag, marker, self._depth))
            self.text.setdefault(marker, "")

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag and self._open[-1][2] == self._depth:
            self._open.pop()
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        for _, marker, _ in self._open:
            self.text[marker] += data


def _norm(text: str) -> str:
    return " ".join(text.split())


def missing_safeguards(output: str, content: str, safeguards: Safeguards) -> list[str]:
    """What the rendered page lacks; an empty list means the page is safe to publish."""
    start = output.find('<article class="md-content__inner')
    # Safeguards live inside the article: the page's last </article> ends the search (any
    # </article> a post's own HTML holds comes before it).
    end = output.rfind("</article>")
    end = end + len("</article>") if end > start >= 0 else len(output)
    parser = _Markers()
    parser.feed(output[start if start >= 0 else 0 : end])
    parser.close()
    markers = [m for m, _ in parser.found]
    problems = [
        f"the post's HTML wraps the {marker.replace('-', ' ')} in an element it left open"
        for marker, depth in parser.found
        if marker in ("disclaimer", "content-warning", "crisis-box") and depth != _SAFEGUARD_DEPTH
    ]
    if markers.count("disclaimer") != 1:
        problems.append(f"the disclaimer appears {markers.count('disclaimer')} times, not once")
    elif _norm(html.unescape(safeguards.disclaimer)) not in _norm(parser.text["disclaimer"]):
        problems.append("the disclaimer element does not contain the practice's disclaimer text")
    if safeguards.warnings:
        if "content-warning" not in markers:
            problems.append("the content-warning banner is missing")
        else:
            banner = output.find('data-carepress="content-warning"')
            body = output.find(content[:200]) if content.strip() else -1
            if body != -1 and banner > body:
                problems.append("the content-warning banner comes after the post's text")
            labels = _norm(parser.text["content-warning"])
            for warning in safeguards.warnings:
                if warning.label not in labels:
                    problems.append(f"the content-warning banner does not name {warning.label!r}")
    if safeguards.crisis is not None:
        if "crisis-box" not in markers:
            problems.append("the crisis box is missing")
        else:
            first_line = safeguards.crisis.lines[0]
            if first_line.name not in parser.text["crisis-box"]:
                problems.append(f"the crisis box does not list {first_line.name!r}")
    return problems
