"""What the allowlist (sanitise.py) would take out of a post's HTML, found at its line.

The HTML is Markdown's, not the writer's text: the finding still has to name the line that
produced it. Rendering a post's first k blocks shows what those blocks alone produce, and
that only grows with k, so each removal is found at the block that first produces it by
bisection (a few renders, and only for a post that has a problem).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..findings import Finding
from ..prose import BLOCK_RE, Lines
from ..sanitise import (
    ATTRIBUTE_VALUES,
    GENERATED_CLASSES,
    THEME_LOADING_CLASSES,
    Removal,
    host_of,
    refused_classes,
)
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
        'is not on the allowlist of attributes (README.md, "What reaches a reader")',
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
_REMOVE = "remove the attribute (in raw HTML, or in a `{...}` attribute list)"
_CLASSES_HINT = (
    'remove it; the classes a post may set are listed in README.md, "What reaches a '
    'reader" (admonition types such as `note`, `md-button`, `grid cards`, `annotate`, '
    "`lg`, `middle`)"
)
# What an attribute a writer typed would do (why it is refused), by name.
_ATTRIBUTE_REASONS = {
    "style": "is not allowed: a style can hide text or draw over the page (only a table "
             "cell's alignment passes)",
    "hidden": "is not allowed: it hides the text from sighted readers",
    "srcset": "is not allowed: it makes browsers fetch pictures, from any site",
    "ping": "is not allowed: it tells another site who follows the link",
    "target": "is not allowed: links open in the reader's tab, where Back returns to the post "
              "and its safeguards (a new tab or frame does not)",
}  # fmt: skip
_VALUE_REASONS = {
    ("img", "align"): "may only be left, right or center",
    ("a", "hreflang"): "must be a language tag such as es or pt-BR",
    ("div", "data-tabs"): 'may only be the numbers pymdownx.tabbed writes ("1:2")',
}
# Attributes extensions write that the allowlist refuses: the mkdocs.yml option that makes them.
_EXTENSION_ATTRIBUTES = {
    ("span", "data-linenos"): "pymdownx.highlight's `linenums_style: pymdownx-inline`",
    ("span", "style"): "pymdownx.highlight's `noclasses: true`",
    ("pre", "style"): "pymdownx.highlight's `noclasses: true`",
    ("div", "style"): "pymdownx.highlight's `noclasses: true`",
}
_EMOJI_CLASSES = frozenset({"twemoji", "emojione", "gemoji"})
_TO_ALT = "`emoji_generator: !!python/name:pymdownx.emoji.to_alt`"
_ICON = (
    "renders as inline SVG (pymdownx.emoji's `emoji_generator`, Material's icons), which the "
    "allowlist refuses: SVG can hold links and scripts",
    f"remove the shortcode, or for Unicode emoji set pymdownx.emoji's {_TO_ALT} in mkdocs.yml",
)
_EMOJI_IMAGE = (
    "renders as a picture from another site (pymdownx.emoji's `emoji_generator` in mkdocs.yml): "
    "every reader's browser would ask that site for it, telling it who reads the post",
    f"set pymdownx.emoji's {_TO_ALT} in mkdocs.yml: emoji become Unicode characters, loaded "
    "from nowhere",
)
_ICON_SHORTCODE = re.compile(r":(?:material|fontawesome|octicons|simple)-[\w-]+:")
_EMOJI_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_EMOJI_HOSTS = frozenset({"cdn.jsdelivr.net", "cdnjs.cloudflare.com", "github.githubassets.com"})


def _shortcode(body: str | None, icon: bool) -> str:
    """The first icon (or emoji) shortcode of the post, to name in the message."""
    pattern = _ICON_SHORTCODE if icon else _EMOJI_SHORTCODE
    found = [m.group(0) for m in pattern.finditer(body or "")]
    found = [code for code in found if icon or not _ICON_SHORTCODE.fullmatch(code)]
    example = found[0] if found else (":material-phone:" if icon else ":tada:")
    return f"the {'icon' if icon else 'emoji'} shortcode `{example}`"


def _written(body: str, text: str) -> bool:
    """Whether the writer's Markdown holds `text` (otherwise an extension wrote it)."""
    return text.lower() in body.lower()


def _explain(removal: Removal, body: str | None) -> tuple[str, str, str] | None:
    """A message and hint that fit what was refused (None: the kind's own)."""
    kind, element, name, value = removal.kind, removal.element, removal.attribute, removal.value
    written = (lambda text: True) if body is None else (lambda text: _written(body, text))
    if kind == "element" and element in ("svg", "path") and not written(f"<{element}"):
        return (_shortcode(body, icon=True), *_ICON)
    if kind == "remote-media" and host_of(value) in _EMOJI_HOSTS and not written(value):
        return (_shortcode(body, icon=False), *_EMOJI_IMAGE)
    if kind != "attribute":
        return None
    shown = removal.describe()
    if name == "id" and element in _HEADINGS:
        # Most often not written at all: the heading's words made it ("## Source 1").
        return (
            shown,
            "is an id the page's own safeguards use (a heading's words make its "
            'id, "## Source 1" makes id="source-1")',
            "reword the heading, or give it an id of its own: ## Heading {#another-id}",
        )
    if name == "class":
        return _explain_class(element, value, written, body)
    if (element, name) in ATTRIBUTE_VALUES:
        return (shown, f"is not allowed: {name} on <{element}> {_VALUE_REASONS[element, name]}",
                "write one of those values, or remove the attribute")  # fmt: skip
    if not written(name):
        option = _EXTENSION_ATTRIBUTES.get((element, name), "an extension in mkdocs.yml's "
                                           "`markdown_extensions`")  # fmt: skip
        return (
            shown,
            f"is written by {option}, not by the post, and the allowlist cannot allow it",
            "remove that option from mkdocs.yml",
        )
    if name.startswith("on"):
        return (shown, "is not allowed: an event handler runs script in readers' browsers", _REMOVE)
    if name.startswith("data-"):
        return (shown, "is not allowed: the theme's scripts act on data- attributes", _REMOVE)
    if name == "id":
        return (
            shown,
            "is not allowed: ids starting with __ or carepress- belong to the theme "
            "and the safeguards, whose scripts and links look them up",
            "choose another id",
        )
    if name in _ATTRIBUTE_REASONS:
        return (shown, _ATTRIBUTE_REASONS[name], _REMOVE)
    return None


def _explain_class(
    element: str, value: str, written: Callable[[str], bool], body: str | None
) -> tuple[str, str, str]:
    refused = refused_classes(element, value) or value.split()
    first = refused[0]
    shown = f'the class "{first}" on <{element}>'
    if first in THEME_LOADING_CLASSES:
        host = host_of(THEME_LOADING_CLASSES[first])
        return (f"a {first} diagram (class \"{first}\")", f"is not allowed: Material draws it "
                f"with a script it loads from a CDN ({host}), telling that site who reads the "
                "post", "show the diagram as a picture saved under content/assets/, or "
                "describe it in words")  # fmt: skip
    if first in _EMOJI_CLASSES and not written(first):
        icon = element == "span"
        return (_shortcode(body, icon), *(_ICON if icon else _EMOJI_IMAGE))
    if "annotate" in value.split() and not refused_classes(element, value):
        return (
            f'the annotations of <{element} class="{value}">',
            "would hide text: Material "
            "hides the numbered list after it but for the items whose marker (1), (2) ... "
            'is in its text, and drops the words beside a marker with "!"',
            'give every item of the list its marker, and write "(1)!" only on its own',
        )
    if first in GENERATED_CLASSES and not refused_classes(element, value):
        return (shown, "is hidden by the theme; only its extension may set it, exactly as it "
                "writes it", "remove the class")  # fmt: skip
    where = GENERATED_CLASSES.get(first)
    if where and written(first):
        elements = ", ".join(f"<{e}>" for e in sorted(where))
        return (
            shown,
            f"is not allowed: classes are an allowlist, and extensions write "
            f'"{first}" on {elements} only',
            _CLASSES_HINT,
        )
    if not written(first):
        return (
            shown,
            "is written by an extension in mkdocs.yml's `markdown_extensions`, not "
            "by the post, and is not on the allowlist of classes",
            "remove that extension or option from mkdocs.yml",
        )
    more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
    return (
        shown + more,
        "is not allowed: classes are an allowlist (the theme's CSS and "
        "scripts act on classes, and some hide text)",
        _CLASSES_HINT,
    )


def removal_finding(path: str, line: int, removal: Removal, body: str | None = None) -> Finding:
    """The finding for one removal; `body` (the post's Markdown) tells what the writer wrote
    from what an extension wrote."""
    rule, why, hint = _RULES[removal.kind]
    shown = removal.describe()
    explained = _explain(removal, body)
    if explained is not None:
        shown, why, hint = explained
    return Finding(path, line, 1, rule, "html", "error", f"{shown} {why}", hint)


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
    # One finding per line and message: an icon's <svg>, <path> and class are one problem.
    findings = list({
        (f.line, f.message): f for f in (removal_finding(path, lines[r], r, body) for r in shown)
    }.values())  # fmt: skip
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
