"""What every page and every search entry carries, whatever engine built the site: the
footer's short disclaimer and its link to the crisis page on every HTML page, and a warned
post's warning at the start of each of its search entries (and after its own entry's title).
A practice may restyle the partials that write them (carepress-footer.html,
carepress-excerpt-warning.html), not empty them: a new-user tester replaced both and every
engine published the site, and `carepress verify` called it safe."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from ..engine import Post
from ..findings import Finding
from ..publish.search_warnings import INDEXES
from ..settings import Settings
from .rules import REBUILD, SAFEGUARD, site_finding
from .site_files import SiteFiles
from .text import shown_text

_FOOTER = re.compile(
    r"<(?P<tag>\w+)[^>]*\bclass=\"?[^\">]*\bcarepress-footer\b[^>]*>(?P<inside>.*?)</(?P=tag)>",
    re.S,
)
_HELP_LINK = re.compile(r"<a\b[^>]*\bclass=\"?[^\">]*\bcarepress-footer__help\b", re.S)
_OWN_PARTIALS = "keep overrides/partials/{} (restyle it, but keep what it says and links to)"


def footer_findings(files: SiteFiles, settings: Settings, shown_as: Callable[[str], str],
                    leaked: set[str]) -> list[Finding]:  # fmt: skip
    """Every HTML page has the footer, with the practice's short disclaimer and the link to
    the crisis page (safeguard_links.py checks where that link leads); `leaked`: pages
    already reported as not to be published at all."""
    short = shown_text(settings.practice.disclaimer.short)
    findings = []
    for relative in files.paths:
        if not relative.endswith(".html"):
            continue
        page = files.read(relative)
        if page is None or "<body" not in page.raw or shown_as(relative) in leaked:
            continue  # not a page a reader opens (a fragment of another tool's)
        footer = _FOOTER.search(page.raw)
        lacks = []
        if footer is None:
            lacks.append("the footer (the short disclaimer and the way to crisis help)")
        else:
            if short not in shown_text(footer.group("inside")):
                lacks.append("the practice's short disclaimer in its footer")
            if not _HELP_LINK.search(footer.group("inside")):
                lacks.append("the footer's link to the crisis page")
        if lacks:
            findings.append(site_finding(
                shown_as(relative), SAFEGUARD, f"the page lacks {' and '.join(lacks)}",
                f"{_OWN_PARTIALS.format('carepress-footer.html')}; {REBUILD}",
            ))  # fmt: skip
    return findings


def search_entry_findings(files: SiteFiles, published: Sequence[Post],
                          shown_as: Callable[[str], str]) -> list[Finding]:  # fmt: skip
    """Each search entry of a warned post starts with its warning, and the post's own entry
    names it after its title (publish/search_warnings.py wrote them)."""
    labels = {
        r.address.path: [w.label for w in r.safeguards.warnings]
        for r in published
        if r.address is not None and r.safeguards is not None and r.safeguards.warnings
    }
    findings = []
    for relative, key in INDEXES:
        index = files.read(relative.as_posix())
        if index is None or not labels:
            continue
        try:
            entries = json.loads(index.raw).get(key, [])
        except (ValueError, AttributeError):
            continue  # not an index this knows; leaks.py still reads its words
        bare: set[str] = set()
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            page, _, section = str(entry.get("location", "")).partition("#")
            if page not in labels:
                continue
            head = shown_text(str(entry.get("text", "")))[: 80 + 40 * len(labels[page])]
            warned = head.startswith("Content warning") and all(
                label in head for label in labels[page]
            )
            titled = section or all(label in shown_text(str(entry.get("title", "")))
                                    for label in labels[page])  # fmt: skip
            if not (warned and titled):
                bare.add(page)
        if bare:
            findings.append(site_finding(
                shown_as(relative.as_posix()), SAFEGUARD,
                f"search entries of {len(bare)} warned post(s) do not start with the post's "
                f"warning (first: {sorted(bare)[0]})",
                f"{_OWN_PARTIALS.format('carepress-excerpt-warning.html')}; {REBUILD}",
            ))  # fmt: skip
    return findings
