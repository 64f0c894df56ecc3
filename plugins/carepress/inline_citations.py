"""Inline citations: `[@id]`, `[@2]` (the second source), `[@a; @b]`.

Parsing and rendering live here (no MkDocs): the check reports unresolved citations, and
the plugin renders each citation as numbered links to the generated Sources list.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .model import Source
from .prose import Prose

CITATION_RE = re.compile(r"\[(@[\w.:-]+(?:\s*[;,]\s*@[\w.:-]+)*)\]")
_KEY_RE = re.compile(r"@([\w.:-]+)")


@dataclass(frozen=True)
class Citation:
    start: int  # offset in the body
    end: int
    keys: tuple[str, ...]


def find_citations(prose: Prose) -> list[Citation]:
    """Citations in prose only: `[@id]` inside code is an example, not a citation."""
    return [
        Citation(m.start(), m.end(), tuple(_KEY_RE.findall(m.group(1))))
        for m in CITATION_RE.finditer(prose.text)
    ]


def without_citations(prose: Prose) -> Prose:
    """The same prose with every citation blanked: what readers read as words."""
    text = CITATION_RE.sub(lambda m: " " * len(m.group(0)), prose.text)
    return Prose(text, prose.first_line)


def resolve(key: str, sources: list[Source]) -> int | None:
    """The 1-based number of the source a key names, or None: its id ("[@988]" names the
    source whose id is "988"), else its place in `sources` ("[@2]", the second)."""
    for number, source in enumerate(sources, start=1):
        if source.id == key:
            return number
    if key.isdigit():
        number = int(key)
        return number if 1 <= number <= len(sources) else None
    return None


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def source_href(source: Source) -> str:
    return source.url or doi_url(source.doi or "")


def render_citations(body: str, citations: list[Citation], sources: list[Source]) -> str:
    """Replace each citation with numbered links: Markdown links, so that Material's excerpt
    processor re-points them at the post when an excerpt is shown elsewhere; `superscript`
    then raises them in the HTML.

    Written as `<sup>` raw HTML here, each citation cost Markdown two stash entries a render
    (~0.04 ms; a post is rendered four times). Where the text around a citation could make
    Markdown read its brackets as part of a link (`[@a](...)`, `[text][@a]`, `![@a]`), it
    is still written as raw HTML."""
    out, last = [], 0
    for citation in citations:
        numbers = [resolve(k, sources) for k in citation.keys]
        if any(n is None for n in numbers):
            continue  # unresolved: the check reports it; the build never gets here
        links = f"[{', '.join(f'[{n}](#source-{n})' for n in dict.fromkeys(numbers))}]"
        before = body[citation.start - 1 : citation.start]
        after = body[citation.end : citation.end + 1]
        if before in ("]", "!") or after in ("(", "["):
            links = f"{_SUP}{links}</sup>"
        out += [body[last : citation.start], links]
        last = citation.end
    out.append(body[last:])
    return "".join(out)


_SUP = '<sup class="carepress-cite">'
_LINK = r'<a href="[^"<>]*#source-\d+">\d+</a>'
# A rendered citation's links, not yet raised (an excerpt's links point at the post).
_RENDERED = re.compile(rf"(?<!{re.escape(_SUP)})\[({_LINK}(?:, {_LINK})*)\]")


def superscript(html_text: str) -> str:
    """Rendered citations, raised: `[1, 2]` as `<sup class="carepress-cite">[1, 2]</sup>`."""
    if "#source-" not in html_text:
        return html_text
    return _RENDERED.sub(rf"{_SUP}[\1]</sup>", html_text)


def sources_html(sources: list[Source]) -> str:
    """The post's numbered Sources list, from front matter, every value escaped."""
    items = []
    for number, source in enumerate(sources, start=1):
        parts = [f"<cite>{html.escape(source.title)}</cite>"]
        if source.publisher:
            parts.append(html.escape(source.publisher))
        if source.year:
            parts.append(str(source.year))
        href = html.escape(source_href(source))
        label = html.escape(f"doi:{source.doi}" if source.doi and not source.url else href)
        parts.append(f'<a href="{href}" rel="noopener">{label}</a>')
        items.append(f'<li id="source-{number}">{". ".join(parts)}</li>')
    return (
        '<section class="carepress-sources" data-carepress="sources" '
        'aria-labelledby="carepress-sources-title">'
        '<h2 id="carepress-sources-title">Sources</h2>'
        f"<ol>{''.join(items)}</ol></section>"
    )


def cited_markdown(markdown: str, sources: list[Source]) -> str:
    """A post's Markdown with its citations as numbered links (before any renderer sees it:
    the MkDocs plugin's on_page_markdown, the carepress.markdown_safeguards extension)."""
    if not sources or "[@" not in markdown:
        return markdown
    from .prose import prose_of

    return render_citations(markdown, find_citations(prose_of(markdown, 1)), sources)


def cited_html(body_html: str, sources: list[Source]) -> str:
    """A post's rendered body with its citations raised and its Sources list after it."""
    if not sources:
        return body_html
    return superscript(body_html) + sources_html(sources)
