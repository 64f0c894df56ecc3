"""Links that leave the site get rel="noopener".

Readers follow source links from health articles; the page they land on must not get a handle
on the hub's window (`window.opener`). The referrer policy (overrides/main.html) already keeps
the article's address to itself. Post Markdown cannot carry attributes on links, so the final
HTML of each page is post-processed here: every `<a href="http(s)://...">` whose host is not the
site's own gets `noopener` added to its `rel` (other rel tokens are kept).

Only the start tags of links are rewritten, in place; everything else is left byte for byte.
Text inside <script>, <style>, <textarea> and comments is not markup and is never touched.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

# One pass over the page: regions whose contents are not markup (skipped whole), or an <a>
# start tag (quoted attribute values may contain '>'). Script bodies are ~10% of a page and
# skipped a run of non-'<' characters at a time, not by a lazy `.*?` that stops at each one:
# the scan takes half the time.
_TOKEN = re.compile(
    r"<(?:!--.*?-->|(script|style|textarea)\b[^<]*(?:<(?!/\1\s*>)[^<]*)*</\1\s*>"
    r"""|a(?=[\s>/])[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)""",
    re.DOTALL | re.IGNORECASE,
)
_ATTR = re.compile(
    r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""",
)


def _attributes(tag: str) -> list[re.Match[str]]:
    return list(_ATTR.finditer(tag[2:-1]))  # spans are relative to the tag without "<a"


def _value(match: re.Match[str]) -> str:
    raw = match.group("value") or ""
    if raw[:1] in ('"', "'"):
        raw = raw[1:-1]
    return html.unescape(raw)


def is_off_site(href: str, site_host: str | None) -> bool:
    """An absolute http(s) (or scheme-relative) address on another host than the site's own."""
    href = href.strip()
    if not href.lower().startswith(("http://", "https://", "//")):
        return False
    try:
        host = urlsplit(href).hostname
    except ValueError:
        return True  # a malformed address is not ours
    return not (site_host and host and host.lower() == site_host.lower())


def _with_noopener(tag: str, site_host: str | None) -> str:
    # An address to another site holds "//", or hides it behind a character reference:
    # most links (the site's own, relative ones) skip the attribute parsing.
    if "//" not in tag and "&" not in tag:
        return tag
    found = _attributes(tag)
    attrs = {m.group("name").lower(): m for m in reversed(found)}  # the first one counts
    href = attrs.get("href")
    if href is None or not is_off_site(_value(href), site_host):
        return tag
    rel = attrs.get("rel")
    if rel is None:
        at = found[-1].end() + 2  # right after the last attribute: spaces and "/>" stay
        return f'{tag[:at]} rel="noopener"{tag[at:]}'
    tokens = _value(rel).split()
    if "noopener" in (t.lower() for t in tokens):
        return tag
    new_value = html.escape(" ".join([*tokens, "noopener"]), quote=True)
    start, end = rel.start() + 2, rel.end() + 2
    return f'{tag[:start]}rel="{new_value}"{tag[end:]}'


def add_noopener(page_html: str, site_url: str | None) -> str:
    """The page with rel="noopener" on every link to another site."""
    site_host = urlsplit(site_url).hostname if site_url else None

    def rewrite(match: re.Match[str]) -> str:
        token = match.group(0)
        if token[1] in "aA":  # a link's start tag; otherwise a comment, script, style, textarea
            return _with_noopener(token, site_host)
        return token

    return _TOKEN.sub(rewrite, page_html)
