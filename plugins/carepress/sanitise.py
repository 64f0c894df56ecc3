"""The allowlist every page's HTML must pass, enforced by nh3 (the Ammonia sanitiser).

A post reaches readers as the HTML that Markdown renders from it, so that HTML is what is
judged, not the Markdown: raw HTML hidden in a comment, an attribute list (`{onclick=...}`),
a `javascript:` link written with entities or tabs all end up as elements, attributes and
addresses, where an allowlist sees them as a browser would (Ammonia parses with html5ever,
a browser-grade HTML5 parser).

CarePress never strips silently: `Sanitiser.clean` returns the sanitised HTML *and* what
the allowlist removed, and the callers refuse the page when anything was. To tell a real
removal from mere re-serialisation (`<br />` becomes `<br>`), the same HTML is also cleaned
with an allowlist of everything it contains; what differs between the two is what the
real allowlist took out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import nh3

from .findings import shortened

if TYPE_CHECKING:
    import lxml.html

# Elements a post may contain: what Markdown and the usual extensions write (tables,
# footnotes, admonitions, details, task lists, content tabs, code highlighting) and the
# text-level HTML writers type. No scripts, styles, forms, frames, embeds, SVG or MathML
# (they can run code, load other sites or draw over the page), no landmarks (header,
# footer, nav, main, article: a screen reader would announce the post's as the page's).
TAGS = frozenset(
    {
        "a", "abbr", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
        "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
        "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "rp", "rt",
        "ruby", "s", "samp", "section", "small", "source", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "track", "u", "ul", "var", "video", "wbr",
    }
)  # fmt: skip

# Attributes per element ("*": on any). No event handlers, no `style` (but a table cell's
# alignment, which Markdown writes), no `hidden`, `srcset` or `ping`, no data-* attributes
# (the theme's scripts act on some of them) but pymdownx.tabbed's `data-tabs` on a tab set.
# Some pass only with the values in `ATTRIBUTE_VALUES`.
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir", "aria-label", "aria-hidden"},
    "a": {"href", "name", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "align"},
    "div": {"data-tabs"},  # pymdownx.tabbed: "set:tabs", e.g. "1:2"
    "video": {"src", "poster", "controls", "width", "height", "preload", "muted", "loop"},
    "audio": {"src", "controls", "preload", "muted", "loop"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "details": {"open"},
    "input": {"type", "checked", "disabled", "name"},  # task lists and content tabs
    "label": {"for"},
}

# The values some attributes may take (whole values, ASCII only): an image floated to a side
# (`{ align=left }`, Material's CSS), a link's language tag (`{ hreflang=es }`), the numbers
# pymdownx.tabbed writes on a tab set.
ATTRIBUTE_VALUES: dict[tuple[str, str], re.Pattern[str]] = {
    ("img", "align"): re.compile(r"left|right|center"),
    ("a", "hreflang"): re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,7}"),
    ("div", "data-tabs"): re.compile(r"[0-9]{1,6}:[0-9]{1,6}"),
}

# Link addresses a reader may follow; relative addresses (the site's own pages) pass.
URL_SCHEMES = frozenset({"https", "http", "mailto", "tel", "sms"})

# Where a browser fetches something as soon as the page loads: only from the site itself.
MEDIA_SOURCES = frozenset(
    {("img", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"),
     ("source", "src"), ("track", "src")}
)  # fmt: skip
URL_ATTRIBUTES = frozenset({"href", "src", "poster"})

# A table cell's alignment, exactly as Markdown writes it: the Content-Security-Policy
# allows these three style attributes by their hashes, and no other.
TABLE_ALIGNMENTS = frozenset(f"text-align: {side};" for side in ("left", "center", "right"))
_INPUT_TYPES = frozenset({"checkbox", "radio"})
# Ids the theme's own scripts look up (`__config`, `__search`...) start with "__": a post's
# element with such an id would come first in the page and be read instead. Code-block
# line anchors and content tabs use these prefixes.
_GENERATED_IDS = re.compile(r"__(?:codelineno|span|tabbed|code|fnref|fn)[-_]")
# CarePress's own ids: the safeguards' titles (which their aria-labelledby names) and the
# Sources list the citations jump to. A post's element holding one would come first.
_CAREPRESS_IDS = re.compile(r"carepress-|source-\d+$", re.I)
# Classes: an allowlist, never a blocklist. The theme's CSS and scripts act on classes (Material
# shows `footnote-backref` at font-size 0 and opacity 0, `headerlink` only on hover,
# `md-consent__overlay` is a fixed panel over the whole page), so a post's own HTML or
# attribute list (`{: .footnote-backref}`) could hide text that screen readers still read, or
# dress its text as the page's. What the allowlist lets through:
# - WRITER_CLASSES, on any element: the admonition and details types, Material's buttons and
#   grids, CarePress's citation marks (which it writes into the Markdown);
# - the classes Markdown's extensions write, each only on the element they write it on
#   (`GENERATED_CLASSES`, Pygments' token classes on <span>, `language-*` on <code>/<pre>,
#   and on the <div> of class `highlight` that pymdownx.highlight's `pygments_lang_class`
#   writes, there with ASCII letters, digits and + # . _ - only);
# - of those, the ones the theme hides (`_HIDDEN_CLASSES`) only exactly as their extension
#   writes them: a permalink's pilcrow at the end of a heading, a footnote's back arrow
#   (`hidden_class_removals`, after cleaning).
# Anything else (md-*, carepress-*, twemoji, sr-only, a class the hub's CSS does not know) is
# an `html.attribute` error.
WRITER_CLASSES = frozenset({
    # Admonition and details types (Material's), and the admonitions' placement modifiers.
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
    "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
    "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
    "inline", "end",
    # Material's buttons and card grids (documented layout helpers), its icon sizes
    # (`.lg .middle` in the grid cards' docs: an icon's size and vertical alignment only),
    # and content annotations (`{ .annotate }`: its script turns the numbered list after the
    # element into tooltips at the "(1)" markers; `annotation_removals` checks that every
    # item of that list has its marker, as the script hides the list).
    "md-button", "md-button--primary", "grid", "cards", "card", "lg", "middle", "annotate",
    # CarePress's citation marks (inline_citations.py).
    "carepress-cite",
})  # fmt: skip
GENERATED_CLASSES: dict[str, frozenset[str]] = {
    name: frozenset(elements.split())
    for name, elements in {
        # admonition, pymdownx.details
        "admonition": "div", "admonition-title": "p",
        # footnotes
        "footnote": "div", "footnote-ref": "a", "footnote-backref": "a",
        # toc
        "headerlink": "a", "toc": "div",
        # pymdownx.highlight / superfences / inlinehilite (Pygments' table of line numbers)
        "highlight": "div pre code", "highlighttable": "table", "filename": "th span",
        "linenos": "td", "linenodiv": "div", "normal": "span", "code": "td", "hll": "span",
        # pymdownx.tasklist
        "task-list": "ul", "task-list-item": "li", "task-list-control": "label",
        "task-list-indicator": "span",
        # pymdownx.tabbed
        "tabbed-set": "div", "tabbed-alternate": "div", "tabbed-labels": "div",
        "tabbed-content": "div", "tabbed-block": "div",
        # pymdownx.critic, pymdownx.keys
        "critic": "ins del mark span", "comment": "span", "break": "span", "keys": "span",
    }.items()
}  # fmt: skip
_HIDDEN_CLASSES = frozenset({"headerlink", "footnote-backref"})
_LANGUAGE_CLASS = re.compile(r"language-[\w+#.-]{1,40}")
# A Pygments lexer's alias, as pymdownx.highlight's `pygments_lang_class` writes it.
_HIGHLIGHT_LANGUAGE = re.compile(r"language-[A-Za-z0-9][A-Za-z0-9+#._-]{0,39}")
_KEY_CLASS = re.compile(r"key-[\w-]{1,40}")


def _pygments_classes() -> frozenset[str]:
    try:
        from pygments.token import STANDARD_TYPES
    except ImportError:  # no Pygments: no highlighted code either
        return frozenset()
    return frozenset(c for c in STANDARD_TYPES.values() if c)


PYGMENTS_CLASSES = _pygments_classes()


def class_allowed(element: str, name: str) -> bool:
    """Whether the allowlist lets an element carry a class (see WRITER_CLASSES)."""
    return (
        name in WRITER_CLASSES
        or element in GENERATED_CLASSES.get(name, ())
        or (element == "span" and name in PYGMENTS_CLASSES)
        or (element in ("code", "pre") and _LANGUAGE_CLASS.fullmatch(name) is not None)
        or (element == "kbd" and _KEY_CLASS.fullmatch(name) is not None)
    )


def refused_classes(element: str, value: str) -> list[str]:
    """The classes of a class attribute the allowlist refuses on that element, in order
    (`language-*` passes on a <div> only beside `highlight`, as pymdownx.highlight writes)."""
    names = value.split()
    return [
        name for name in names
        if not class_allowed(element, name)
        and not (element == "div" and "highlight" in names
                 and _HIGHLIGHT_LANGUAGE.fullmatch(name) is not None)
    ]  # fmt: skip


# The hidden classes exactly as toc and footnotes write them (after cleaning: attributes in
# double quotes, in the order written, the arrow and pilcrow as characters).
_HIDDEN_LINK = re.compile(r'<a\s[^>]*\bclass="([^"]*)"[^>]*>.*?</a>(?:\s*</h[1-6]>)?', re.S)
_AS_WRITTEN = (
    re.compile(r'<a class="headerlink" href="#[^"<>]*" title="Permanent link">'
               r'[^\w\s<>]{1,3}</a>\s*</h[1-6]>'),
    re.compile(r'<a class="footnote-backref" href="#fnref\d*:[^"<>]*" '
               r'title="Jump back to footnote \d+ in the text">\u21a9\ufe0e?</a>'),
)  # fmt: skip


def hidden_class_removals(cleaned: str) -> list[tuple[str, str]]:
    """The class attributes of each link that carries a class the theme hides but is not
    exactly what its extension writes ("<a class="footnote-backref">spam</a>"), as written."""
    found = []
    for match in _HIDDEN_LINK.finditer(cleaned):
        value = match.group(1)
        if _HIDDEN_CLASSES & set(value.split()) and not any(
            form.fullmatch(match.group(0)) for form in _AS_WRITTEN
        ):
            found.append((match.group(0), value))
    return found


# Content annotations (Material's script, for an element of class `annotate`): the ordered list
# after the element (past empty paragraphs) is hidden, and each item whose marker "(n)" is in
# the element's text moves into a tooltip at the marker; a marker "(n)!" replaces the whole
# text around it. So an item without its marker, or words beside a "(n)!", would be hidden
# from every reader: the element passes only without either.
_MARKER = re.compile(r"\((\d+)\)(!)?")
_COMMENT_CLASSES = frozenset({"c", "c1", "cm"})  # in code, markers are read in comments only


def annotation_removals(cleaned: str) -> list[Removal]:
    """The `annotate` elements whose annotations would hide text (see _MARKER)."""
    if "annotate" not in cleaned:
        return []
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    except (lxml.etree.ParserError, ValueError):  # nothing to parse: nothing to annotate
        return []
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        classes = (element.get("class") or "").split()
        if "annotate" not in classes or not _annotations_hide_text(element, classes):
            continue
        found.append(Removal("attribute", element.tag, "class", element.get("class")))
    return found


def _annotations_hide_text(element: lxml.html.HtmlElement, classes: list[str]) -> bool:
    listed = element.getnext()
    while listed is not None and listed.tag == "p" and len(listed) == 0:
        listed = listed.getnext()
    if listed is None or listed.tag != "ol":
        return False
    if "highlight" in classes:  # code: the markers in its comments
        texts = [t for span in element.iter("span")
                 if _COMMENT_CLASSES & set((span.get("class") or "").split())
                 for t in span.itertext()]  # fmt: skip
    else:
        texts = list(element.itertext())
    marked: set[int] = set()
    for text in texts:
        for match in _MARKER.finditer(text):
            marked.add(int(match.group(1)))
            if match.group(2) and re.search(r"\w", _MARKER.sub("", text)):
                return True  # words beside "(n)!" would be dropped
    items = [child for child in listed if child.tag == "li"]
    return any(n not in marked for n in range(1, len(items) + 1))


# Classes the theme's script answers by loading code from another site, and from where
# (Material and Zensical fetch Mermaid for any element of class "mermaid"; a CSP stops it
# under MkDocs only). The allowlist refuses them; `carepress verify` counts them as loads.
THEME_LOADING_CLASSES = {"mermaid": "https://unpkg.com/mermaid/dist/mermaid.min.js"}

# Removed together with their content (scripts and styles are never text).
CLEAN_CONTENT = frozenset({"script", "style", "template", "noscript"})

# Elements whose content the serialiser writes as raw text (not markup).
_RAW_TEXT = re.compile(
    r"(<(script|style|xmp|iframe|noembed|noframes|noscript)\b[^>]*>).*?(</\2>|\Z)", re.S | re.I
)
# A start tag as html5ever serialises it: attribute values always in double quotes.
_START_TAG = re.compile(r'<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE = re.compile(r'([^\s=>]+)(?:="([^"]*)")?')
# Bounded, and anchored where a run starts: linear on any text (a long run of letters or
# of "<a<a<a" would otherwise be rescanned from every position).
_TAG_NAME = re.compile(r"</?([a-zA-Z][^\t\n\f\r />]{0,63})")
_SCHEME = re.compile(r"(?<![a-zA-Z0-9+.\-])([a-zA-Z][a-zA-Z0-9+.\-]{0,63}):")
_WIDE_IN_TAG = re.compile(r"<[a-zA-Z][^<>]*[^\x00-\x7f]")
_TAG_SPAN = re.compile(r"<[a-zA-Z][^<>]*")
_LONG_TAG = re.compile(r"<[a-zA-Z][^<>]{10000}")
_ASCII_NAME_STARTS = frozenset(chr(c) for c in range(0x21, 0x7F))
_UNSEEN = re.compile(r"[\t\n\r]")  # what a browser drops from an address before reading it
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_COLON = re.compile(":")
_SCHEME_BEFORE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*)\Z")
_OPEN_OR_CLOSE = re.compile(r"<(/?)([a-zA-Z][^\t\n\f\r /<>]{0,63})")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
# html5ever's work grows with the square of the nesting depth (it checks the open elements'
# scope for each new one) and of the character references in a text (`&#`, `&amp;`), in
# Rust, where no time budget reaches. Real posts are far from either limit; past one, the
# HTML is refused as too complex before the parser sees it.
MAX_DEPTH = 512
MAX_REFERENCES = 20_000
MAX_TAGS = 50_000
MAX_TAG_LENGTH = 10_000  # characters in one start tag: its attributes, each checked
MAX_WIDE_IN_TAGS = 256  # distinct non-ASCII characters in tags (attribute names' starts)


@dataclass(frozen=True)
class Removal:
    """One thing the allowlist took out of a page."""

    kind: str  # "element" | "attribute" | "url" | "remote-media" | "too-complex"
    element: str = ""
    attribute: str = ""
    value: str = ""

    def describe(self) -> str:
        value = shortened(self.value)
        if self.kind == "too-complex":
            return f"HTML that {value}"
        if self.kind == "element":
            return f"the <{self.element}> element"
        if self.kind == "remote-media":
            return f"<{self.element} {self.attribute}> from another site ({value!r})"
        if self.kind == "url":
            return f"the address {value!r} (<{self.element} {self.attribute}>)"
        shown = f'{self.attribute}="{value}"' if self.value else self.attribute
        return f"the attribute {shown} on <{self.element}>"


@dataclass(frozen=True)
class Sanitised:
    html: str
    removals: tuple[Removal, ...]


class Sanitiser:
    """The allowlist, for one site (its own address counts as the site for media)."""

    def __init__(self, site_url: str = "") -> None:
        self.site_host = (urlsplit(site_url).hostname or "").lower() if site_url else ""

    @cached_property
    def _cleaner(self) -> nh3.Cleaner:
        return nh3.Cleaner(
            tags=set(TAGS),
            clean_content_tags=set(CLEAN_CONTENT),
            attributes={k: set(v) for k, v in ATTRIBUTES.items()},
            attribute_filter=self._filter,
            url_schemes=set(URL_SCHEMES),
            link_rel=None,
            strip_comments=True,
        )

    def is_own(self, url: str) -> bool:
        """A relative address, or an absolute one on the site's own host, read as a browser
        reads it (see `as_read`: a backslash as a slash makes `/<backslash>host/` another
        host's address, `//host/`)."""
        url = as_read(url)
        if not url.startswith("//") and not _SCHEME.match(url):
            return True
        try:
            parts = urlsplit(url if not url.startswith("//") else "https:" + url)
        except ValueError:
            return False
        host = (parts.hostname or "").lower()
        return parts.scheme in ("https", "http") and bool(host) and host == self.site_host

    def _filter(self, element: str, attribute: str, value: str) -> str | None:
        if (element, attribute) in MEDIA_SOURCES:
            return value if self.is_own(value) else None
        if attribute == "style":
            return value if value in TABLE_ALIGNMENTS else None
        if attribute == "class" and refused_classes(element, value):
            return None
        pattern = ATTRIBUTE_VALUES.get((element, attribute))
        if pattern is not None:
            return value if pattern.fullmatch(value) else None
        if attribute == "id" and value.startswith("__"):
            return value if _GENERATED_IDS.match(value) else None
        if attribute == "id" and _CAREPRESS_IDS.match(value):
            return None
        if element == "input" and attribute == "type":
            return value if value.lower() in _INPUT_TYPES else None
        return value

    def strict(self, page_html: str) -> str:
        """Only the sanitised HTML, for HTML already judged (a post's excerpt)."""
        if beyond_parser_limits(page_html):
            return ""
        cleaned = str(self._cleaner.clean(page_html))
        for link, value in hidden_class_removals(cleaned):
            cleaned = cleaned.replace(link, link.replace(f' class="{value}"', "", 1))
        return _without_annotations(cleaned) if annotation_removals(cleaned) else cleaned

    def clean(self, page_html: str) -> Sanitised:
        """The HTML as the allowlist lets it through, and what it removed."""
        beyond = beyond_parser_limits(page_html)
        if beyond is not None:
            return Sanitised("", (beyond,))
        cleaned = self._cleaner.clean(page_html)
        if "<" not in page_html:
            return Sanitised(cleaned, ())
        everything = _keep_everything(page_html)
        removals = self._removals(everything, cleaned)
        for link, value in hidden_class_removals(cleaned):
            removals.append(Removal("attribute", "a", "class", html.unescape(value)))
            cleaned = cleaned.replace(link, link.replace(f' class="{value}"', "", 1))
        annotations = annotation_removals(cleaned)
        if annotations:
            removals += annotations
            cleaned = _without_annotations(cleaned)
        return Sanitised(cleaned, tuple(dict.fromkeys(removals)))

    def _removals(self, everything: str, cleaned: str) -> list[Removal]:
        # The allowlist only removes (whole elements, by name, and attributes), so the kept
        # start tags are the others in order: one pass pairs them (a general diff is
        # quadratic on a page of thousands of elements).
        after = iter(_start_tags(cleaned))
        kept = next(after, None)
        removals: list[Removal] = []
        for tag, attrs in _start_tags(everything):
            if kept is None or kept[0] != tag:
                removals.append(Removal("element", tag))
                continue
            if attrs != kept[1]:  # as written: most tags keep every attribute
                left = _attributes(kept[1])
                for name, value in _attributes(attrs).items():
                    if left.get(name) != value:
                        removals.append(self._attribute_removal(tag, name, value))
            kept = next(after, None)
        return list(dict.fromkeys(removals))  # each once, in order

    def _attribute_removal(self, tag: str, name: str, value: str) -> Removal:
        allowed = name in ATTRIBUTES.get(tag, ()) or name in ATTRIBUTES["*"]
        if allowed and (tag, name) in MEDIA_SOURCES and not self.is_own(value):
            is_web = as_read(value).lower().startswith(("http://", "https://", "//"))
            return Removal("remote-media" if is_web else "url", tag, name, value)
        if allowed and name in URL_ATTRIBUTES:
            return Removal("url", tag, name, value)
        return Removal("attribute", tag, name, value)


def _without_annotations(cleaned: str) -> str:
    """The HTML with the class `annotate` taken off every element (its script then leaves the
    page's lists alone)."""

    def strip(match: re.Match[str]) -> str:
        names = match.group(1).split()
        kept = " ".join(n for n in names if n != "annotate")
        return f' class="{kept}"' if kept else ""

    return _START_TAG.sub(lambda tag: _ANNOTATE_CLASS.sub(strip, tag.group(0)), cleaned)


_ANNOTATE_CLASS = re.compile(r' class="([^"]*\bannotate\b[^"]*)"')


def as_read(url: str) -> str:
    """An address as a browser reads it: tabs and line breaks dropped, controls and spaces
    trimmed, each backslash a slash."""
    return _UNSEEN.sub("", url).strip(_C0_AND_SPACE).replace("\\", "/")


def host_of(url: str) -> str:
    """The host an address names, in lower case and without "www." ("" for none, or for an
    address no browser would go to: "//[::1")."""
    try:
        return (urlsplit(url).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


def as_text(fragment: str) -> str:
    """An HTML fragment as text: every tag and comment removed (and what script and style
    hold), the rest escaped; entities stay as written. For values a template prints as HTML
    that should only ever hold text."""
    if "<" not in fragment:
        return fragment  # text with entities: nothing to remove
    return str(nh3.clean(fragment, tags=set(), attributes={}, link_rel=None))


def beyond_parser_limits(page_html: str) -> Removal | None:
    """HTML past MAX_DEPTH (each start tag of an element that holds content opens a level,
    each end tag closes one) or MAX_REFERENCES: refused before the parser sees it."""
    references = page_html.count("&")
    if references > MAX_REFERENCES:
        return Removal("too-complex", value=f"holds {references:,} character references "
                       f"(& ...), more than {MAX_REFERENCES:,}")  # fmt: skip
    tags = page_html.count("<")
    if tags > MAX_TAGS:
        return Removal("too-complex", value=f"holds {tags:,} tags, more than {MAX_TAGS:,}")
    if _LONG_TAG.search(page_html):
        return Removal("too-complex", value=f"holds a tag longer than {MAX_TAG_LENGTH:,} "
                       "characters")  # fmt: skip
    if _WIDE_IN_TAG.search(page_html) and len(_wide_in_tags(page_html)) > MAX_WIDE_IN_TAGS:
        return Removal("too-complex", value=f"holds more than {MAX_WIDE_IN_TAGS} different "
                       "non-Latin characters inside its tags")  # fmt: skip
    if tags <= MAX_DEPTH:
        return None  # nearly every page: too few tags to nest that deep
    depth = 0
    for match in _OPEN_OR_CLOSE.finditer(page_html):
        if match.group(1):
            depth = max(depth - 1, 0)
        elif match.group(2).lower() not in _VOID:
            depth += 1
            if depth > MAX_DEPTH:
                name = match.group(2).lower()
                return Removal("too-complex", value=f"nests elements more than {MAX_DEPTH} deep "
                               f"(<{name}> in <{name}> ...)")  # fmt: skip
    return None


def _keep_everything(page_html: str) -> str:
    """The HTML cleaned with an allowlist of everything it holds: re-serialised as the real
    allowlist serialises it, with nothing removed (but comments, which are never shown)."""
    tags = {m.group(1).lower() for m in _TAG_NAME.finditer(page_html)} - TAGS
    # Schemes as the parser reads them: after character references (&#106;avascript:) and
    # without tabs and line breaks (java<tab>script:); most pages need neither step.
    decoded = html.unescape(page_html) if "&" in page_html else page_html
    schemes = _schemes(_UNSEEN.sub("", decoded)) - URL_SCHEMES
    # Every attribute name starts with a character that is not a space; those outside ASCII
    # are looked for only in pages whose tags hold one.
    wide = _wide_in_tags(page_html) if _WIDE_IN_TAG.search(page_html) else None
    return _everything_cleaner(frozenset(tags), frozenset(schemes), wide).clean(page_html)


def _wide_in_tags(page_html: str) -> frozenset[str]:
    """The non-ASCII characters inside tags (where an attribute name may start with one)."""
    return frozenset(c for tag in _TAG_SPAN.findall(page_html) for c in tag if c > "\x7f")


def _schemes(text: str) -> set[str]:
    """Every run of scheme characters before a colon (the few colons of a page are found,
    and each looked back from: a pattern run from every position costs far more)."""
    found = set()
    for colon in _COLON.finditer(text):
        end = colon.start()
        match = _SCHEME_BEFORE.search(text, max(0, end - 64), end)
        if match:
            found.add(match.group(1).lower())
    return found


@lru_cache(maxsize=256)
def _everything_cleaner(
    tags: frozenset[str], schemes: frozenset[str], wide: frozenset[str] | None
) -> nh3.Cleaner:
    """A cleaner that keeps every element, attribute and scheme named (cached: most pages
    hold the same few, and building a cleaner costs as much as cleaning a page)."""
    return nh3.Cleaner(
        tags=set(TAGS | tags),
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes=set(_ASCII_NAME_STARTS | (wide or frozenset())),
        url_schemes=set(URL_SCHEMES | schemes),
        link_rel=None,
        strip_comments=True,
    )


def _start_tags(serialised: str) -> list[tuple[str, str]]:
    """Each start tag's name and its attributes as written (html5ever's serialisation)."""
    text = _RAW_TEXT.sub(r"\1\3", serialised)
    return [(m.group(1).lower(), m.group(2)) for m in _START_TAG.finditer(text)]


def _attributes(written: str) -> dict[str, str]:
    return {a.group(1): html.unescape(a.group(2) or "") for a in _ATTRIBUTE.finditer(written)}
