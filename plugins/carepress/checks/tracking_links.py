"""Links that tell a third party who clicked them.

A link pasted from a newsletter tool or an ad dashboard often carries the tool with it: a
per-reader placeholder (`rid={{subscriber_id}}`, `*|EMAIL|*`), a click id a tracker adds
(`fbclid`, `gclid`, `mc_eid`...), or the whole address routed through the tracker
(`https://trk.example/c?u=https%3A%2F%2Fwww.nimh.nih.gov%2F...`). A reader who taps it is
counted by someone the practice never chose, on a page that promises no tracking. So a link
goes to the page it names, as itself (`html.tracking-link`).

Read on the HTML the build publishes, like the other link checks: every way of writing a
link counts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from ..findings import Finding, line_naming, source_text
from ..sanitise import host_of
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare, post_check

RULE = "html.tracking-link"
declare(
    RuleInfo(RULE, "html", "error", "a link that tells a third party who clicked it: a "
             "per-reader placeholder, a tracker's click id, or a redirect through a tracker"),
)  # fmt: skip

MESSAGE = "a link tells a third party who clicked it"
HINT = "link to the page itself: copy its address from the browser after opening it"
_HREF = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"', re.IGNORECASE)
# Mail and ad tools' per-recipient fields: {{subscriber_id}}, *|EMAIL|*, %%email%%.
_PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}|\*\|[A-Z0-9_:]+\|\*|%%[A-Za-z0-9_]+%%", re.IGNORECASE)
# Parameters that identify one click or one recipient (campaign tags such as utm_source name
# a campaign, not a person, and are left alone).
_CLICK_IDS = frozenset({
    "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "twclid", "ttclid",
    "igshid", "li_fat_id", "mc_eid", "mc_cid", "_hsenc", "_hsmi", "mkt_tok", "oly_enc_id",
    "oly_anon_id", "vero_id", "wickedid", "rb_clickid", "s_cid", "ml_subscriber",
    "ml_subscriber_hash", "_kx", "ck_subscriber_id", "sc_cid",
})  # fmt: skip


def tracking_in(href: str) -> str | None:
    """Why a link's address tells a third party who clicked, or None."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    readable = unquote(href)
    if found := _PLACEHOLDER.search(readable):
        return f"it holds a per-reader placeholder ({found.group(0)})"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if ids := sorted({key for key, _ in query if key.lower() in _CLICK_IDS}):
        return f"it carries a tracker's click id ({', '.join(ids)})"
    own = host_of(href)
    for _, value in query:
        target = host_of(value) if value.lower().startswith(("http://", "https://")) else ""
        if own and target and target != own and not target.endswith("." + own):
            return f"it goes through {own} to reach {target}: link to {target} directly"
    return None


def _problems(page_html: str) -> dict[str, str]:
    """The address as written -> why, for each tracking link of a page's HTML."""
    found = {}
    for match in _HREF.finditer(page_html):
        href = html.unescape(match.group(1))
        why = tracking_in(href)
        if why is not None:
            found.setdefault(href, why)
    return found


def _findings(problems: dict[str, str], path: str, body: str, first_line: int) -> list[Finding]:
    return [
        Finding(
            path, line_naming(body, (href, urlsplit(href).netloc), first_line), 1, RULE, "html",
            "error", f"{MESSAGE}: {why}", HINT,
        )
        for href, why in problems.items()
    ]  # fmt: skip


@post_check(order=5, needs_front_matter=False)
def check_tracking_links(ctx: PostContext) -> list[Finding]:
    if not ctx.render_html:  # a build judges the HTML MkDocs renders instead
        return []
    problems = _problems(ctx.sanitised.html)
    return _findings(problems, ctx.post.path, ctx.post.body, ctx.post.body_line)


def page_findings(page_html: str, source: Path, settings: Settings) -> list[Finding]:
    """The build's reading, on a page's published HTML; its file is read only for a problem."""
    problems = _problems(page_html)
    if not problems:
        return []
    return _findings(problems, settings.display_path(source), source_text(source), 1)
