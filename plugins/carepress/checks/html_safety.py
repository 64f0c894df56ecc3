"""What the allowlist (sanitise.py) would take out of a post's HTML, found at its line.

The HTML is Markdown's, not the writer's text: the finding still has to name the line that
produced it. Rendering a post's first k blocks shows what those blocks alone produce, and
that only grows with k, so each removal is found at the block that first produces it by
bisection (a few renders, and only for a post that has a problem).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..findings import Finding
from ..prose import BLOCK_RE, Lines
from ..sanitise import Removal
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare, post_check

# Renders spent finding lines, at most, per post (a clean post needs none).
MAX_RENDERS = 48

_RULES = {
    "element": (
        "html.element",
        "is not allowed in a post or page: it could run code in readers' browsers, reach another "
        "site or hide the disclaimer and warnings",
        "remove it, or show it as code between backticks; headings, lists, tables, links, "
        "quotes, details and images from the site are all written in Markdown",
    ),
    "attribute": (
        "html.attribute",
        "is not allowed: event handlers, styles, `hidden`, `srcset`, `ping` and the "
        "theme's own ids could run code, hide text or tell another site who reads the post",
        "remove the attribute (in raw HTML, or in a `{...}` attribute list)",
    ),
    "url": (
        "html.unsafe-url",
        "is not allowed: links may go to https, http, mailto, tel and sms addresses and to "
        "the site's own pages, and pictures and media come from the site itself",
        "link to a web address (https://...) or a page of the site, or remove the link",
    ),
    "too-complex": (
        "html.too-complex",
        "is more than the HTML parser can take in a reasonable time",
        "close each element you open (<div> ... </div>), or show such text as code",
    ),
    "remote-media": (
        "html.remote-media",
        "would make every reader's browser ask that site for it on opening the page, telling "
        "it who reads this post",
        "save the file under content/assets/ and use its path, e.g. "
        "![what it shows](../assets/picture.png)",
    ),
}


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def removal_finding(path: str, line: int, removal: Removal) -> Finding:
    rule, why, hint = _RULES[removal.kind]
    if removal.attribute == "id" and removal.element in _HEADINGS:
        # Most often not written at all: the heading's words made it ("## Source 1").
        why = ("is an id the page's own safeguards use (a heading's words make its id, "
               "\"## Source 1\" makes id=\"source-1\")")  # fmt: skip
        hint = "reword the heading, or give it an id of its own: ## Heading {#another-id}"
    return Finding(path, line, 1, rule, "html", "error", f"{removal.describe()} {why}", hint)


@dataclass(frozen=True)
class _Block:
    end: int  # offset in the body just past the block
    line: int  # the block's first line in the file


def _blocks(body: str, first_line: int) -> list[_Block]:
    lines = Lines(body, first_line)
    return [_Block(m.end(), lines.line(m.start())) for m in BLOCK_RE.finditer(body)]


def locate(
    body: str,
    first_line: int,
    removals: Sequence[Removal],
    removals_of: Callable[[str], set[Removal]],
) -> dict[Removal, int]:
    """The line of the block that first produces each removal, rendering body prefixes
    (`removals_of(text)`); past MAX_RENDERS, the rest get the last bound known."""
    blocks = _blocks(body, first_line)
    wanted = set(removals)
    found: dict[Removal, int] = {}
    renders = 0

    def search(lo: int, hi: int, at_lo: set[Removal], at_hi: set[Removal]) -> None:
        # Every removal in at_hi - at_lo first appears in blocks lo+1 .. hi (1-based).
        nonlocal renders
        new = (at_hi - at_lo) & wanted
        if not new:
            return
        if hi - lo == 1 or renders >= MAX_RENDERS:
            for removal in new:
                found.setdefault(removal, blocks[hi - 1].line)
            return
        mid = (lo + hi) // 2
        renders += 1
        at_mid = removals_of(body[: blocks[mid - 1].end])
        search(lo, mid, at_lo, at_mid)
        search(mid, hi, at_mid, at_hi)

    if blocks:
        search(0, len(blocks), set(), wanted)
    return {r: found.get(r, first_line) for r in removals}


# Removals located and reported one by one per post; the rest are summed up in one finding.
MAX_FINDINGS = 20


declare(
    RuleInfo("html.element", "html", "error",
             "an HTML element the allowlist does not allow (script, iframe, style...)",
             adjustable=False),
    RuleInfo("html.attribute", "html", "error",
             "an attribute the allowlist does not allow (onclick, style, hidden...)",
             adjustable=False),
    RuleInfo("html.unsafe-url", "html", "error",
             "a link or media address with a scheme that is not allowed (javascript:...)",
             adjustable=False),
    RuleInfo("html.remote-media", "html", "error",
             "a picture or media file from another site (a tracker on page load)",
             adjustable=False),
)  # fmt: skip


@post_check(order=0, needs_front_matter=False)
def check_html_safety(ctx: PostContext) -> list[Finding]:
    if not ctx.render_html:  # a build judges the HTML MkDocs renders instead
        return []
    removals = ctx.sanitised.removals
    return locate_removals(ctx.post.path, ctx.own_body, ctx.post.body_line, removals,
                           ctx.settings)  # fmt: skip


def locate_removals(
    path: str, body: str, first_line: int, removals: Sequence[Removal], settings: Settings
) -> list[Finding]:
    if not removals:
        return []

    def removals_of(text: str) -> set[Removal]:
        return set(settings.sanitiser.clean(settings.render(text)).removals)

    shown = list(removals[:MAX_FINDINGS])
    lines = locate(body, first_line, shown, removals_of)
    findings = [removal_finding(path, lines[r], r) for r in shown]
    if len(removals) > len(shown):
        rest = len(removals) - len(shown)
        first = findings[0]
        findings.append(
            Finding(
                path, first.line, 1, first.rule, "html", "error",
                f"and {rest} more HTML element(s), attribute(s) or address(es) that are not "
                "allowed (fix the ones above and check again)",
                first.hint,
            )
        )  # fmt: skip
    return sorted(findings, key=lambda f: f.line)

