"""Links that tell a third party who clicked them.

A link pasted from a newsletter tool or an ad dashboard often carries the tool with it: a
per-reader placeholder (`rid={{subscriber_id}}`, `*|EMAIL|*`), a click, share or affiliate id
(`fbclid`, `gclid`, `si`, `transactionId`, `ref`...), or the whole address routed through the
tracker (`https://trk.example/c?u=https%3A%2F%2Fwww.nimh.nih.gov%2F...`) or a link shortener
(`bit.ly`: the reader cannot see where it goes, and each click is counted). A reader who taps
it is counted by someone the practice never chose, on a page that promises no tracking. So a
link goes to the page it names, as itself (`html.tracking-link`); and a mailto: link sends
the reader's message only where it says (no cc or bcc, one address).

Read on the HTML the build publishes, like the other link checks: every way of writing a
link counts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..findings import Finding, line_naming, source_text
from ..sanitise import host_of
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare, post_check

RULE = "html.tracking-link"
declare(
    RuleInfo(RULE, "html", "error", "a link that tells a third party who clicked it: a "
             "per-reader placeholder, a tracker's or an affiliate's id, a redirect through a "
             "tracker or a link shortener, or a mailto: that copies the message elsewhere"),
)  # fmt: skip

MESSAGE = "a link tells a third party who clicked it"
HINT = "link to the page itself: copy its address from the browser after opening it"
_HREF = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"', re.IGNORECASE)
# Mail and ad tools' per-recipient fields: {{subscriber_id}}, *|EMAIL|*, %%email%%.
_PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}|\*\|[A-Z0-9_:]+\|\*|%%[A-Za-z0-9_]+%%", re.IGNORECASE)
# Parameters that identify one click, one recipient or one sharer (campaign tags such as
# utm_source name a campaign, not a person, and are left alone). Compared in lower case and
# without a trailing number ("subid3", "aff_sub2").
_CLICK_IDS = frozenset({
    # Ad and social platforms' click ids.
    "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "twclid", "ttclid",
    "igshid", "li_fat_id", "sc_cid", "epik", "rdt_cid",
    # Share ids: who shared the link (Spotify's and YouTube's "si", Instagram's "igsh").
    "si", "igsh",
    # Mail and marketing tools' per-recipient ids.
    "mc_eid", "mc_cid", "_hsenc", "_hsmi", "mkt_tok", "oly_enc_id", "oly_anon_id", "vero_id",
    "wickedid", "rb_clickid", "s_cid", "ml_subscriber", "ml_subscriber_hash", "_kx",
    "ck_subscriber_id",
    # Affiliate and referral networks: who earns from the click, and often which click
    # (Impact's irclickid, CJ's cjevent, Awin's awc, ShareASale's sscid, Rakuten's ranMID...).
    "transactionid", "transaction_id", "aff", "affid", "aff_id", "affiliate", "affiliateid",
    "affiliate_id", "aff_sub", "aff_click_id", "irclickid", "irgwc", "clickid", "click_id",
    "subid", "sub_id", "partnerid", "partner_id", "cjevent", "cjdata", "awc", "sscid",
    "ranmid", "raneaid", "ransiteid", "ref", "refid", "ref_id", "referral", "referralcode",
    "referral_code", "ref_code", "refcode", "referrer", "referrer_id",
})  # fmt: skip
# Link shorteners: the address hides where it goes, and the shortener counts each click.
SHORTENERS = frozenset({
    "bit.ly", "bitly.com", "tinyurl.com", "t.co", "ow.ly", "buff.ly", "is.gd", "v.gd",
    "rebrand.ly", "cutt.ly", "t.ly", "lnkd.in", "shorturl.at", "tiny.cc", "rb.gy", "s.id",
    "goo.gl", "bl.ink", "dub.sh", "trib.al", "amzn.to", "adf.ly", "shorte.st", "bit.do",
})  # fmt: skip
# A parameter wherever a server or the page's scripts read one: the query (after "&" or
# ";"), a path segment's (";gclid=..."), the fragment.
_PARAMETER = re.compile(r"(?:^|[?&;#/])([^=&;?#/]+)=([^&;#]*)")


def _parameters(href: str) -> list[tuple[str, str]]:
    try:
        parts = urlsplit(href)
    except ValueError:
        return []
    text = f"{parts.path}?{parts.query}#{parts.fragment}"
    return [(unquote(k), unquote(v)) for k, v in _PARAMETER.findall(text)]


def _mail_problem(href: str) -> str | None:
    """A mailto: link that sends the reader's message anywhere but where it says: a copy
    (cc, bcc) or more than one address (a subject or a prefilled body are fine)."""
    address, _, query = href.split(":", 1)[1].partition("?")
    fields = [(unquote(k).strip().lower(), unquote(v)) for k, v in
              (p.split("=", 1) for p in query.split("&") if "=" in p)]  # fmt: skip
    if copies := sorted({k for k, v in fields if k in ("cc", "bcc") and v.strip()}):
        return f"it copies the reader's message to someone else ({', '.join(copies)})"
    to = [a for part in [unquote(address)] + [v for k, v in fields if k == "to"]
          for a in re.split(r"[,;]", part) if a.strip()]  # fmt: skip
    if len(to) > 1:
        return f"it sends the reader's message to {len(to)} addresses at once"
    return None


def tracking_in(href: str) -> str | None:
    """Why a link's address tells a third party who clicked (or what the reader writes),
    or None."""
    try:
        urlsplit(href)
    except ValueError:
        return None
    if href.lower().startswith("mailto:"):
        return _mail_problem(href)
    readable = unquote(href)
    if found := _PLACEHOLDER.search(readable):
        return f"it holds a per-reader placeholder ({found.group(0)})"
    own = host_of(href)
    if shortener := next((s for s in SHORTENERS if own == s or own.endswith("." + s)), None):
        return (f"it goes through the link shortener {shortener}, which hides where it leads "
                "and counts each click")  # fmt: skip
    query = _parameters(href)
    if ids := sorted({key for key, _ in query
                      if key.strip().lower().rstrip("0123456789") in _CLICK_IDS}):  # fmt: skip
        return f"it carries a tracker's click id ({', '.join(ids)})"
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
