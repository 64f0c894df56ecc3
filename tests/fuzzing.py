"""What the fuzz suite (tests/test_fuzz.py) and its longer run (bench/fuzz.py) generate:
post bodies made of the pieces hostile Markdown and HTML are made of, and front matter of
every YAML type and tag, near-valid or not at all. Shared, so both run the same cases."""

from __future__ import annotations

import re
import string

from conftest import front_matter, post_text
from hypothesis import strategies as st

# The pieces of the security review's payloads, of Markdown's own syntax, and of text that
# trips the language checks, to be put together in any order.
MARKUP = [
    "<", ">", "</", "<a ", '<a href="', "<img src=x ", "<img ", " onerror=alert(1)", " onclick=",
    "javascript:", "java\tscript:", "&#106;avascript:", "java&#x09;script:", "<svg", "<svg/onload=",
    "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "<style>", "<iframe ", "<form ",
    "<details open ontoggle=", "<textarea>", "<title>", "<div>", "</div>", '<div markdown="1">',
    "<video poster=", "<use href=", " ping=", " srcset=", ' style="display:none"', " hidden",
    "[", "]", "](", "![", "]: ", "(", ")", "{", "}", "{: ", '{onclick="x"}', "{: .note #__config}",
    '"', "'", "`", "``", "```", "~~~", "\n", "\n\n", "    ", "\t", "> ", "- ", "1. ", "* ", "|",
    "| a | b |\n|:-:|--:|\n", "---", "# ", "## ", "**", "_", "~~", "==", "!!! note\n    ",
    "[^1]", "[^1]: ", "[@nimh-anxiety]", "[@", "http://", "https://", "https://tracker.example/p.png",
    "//tracker.example/x", "data:text/html,", "mailto:", "tel:988", "<http://x.org>", "&amp;",
    "&lt;", "&#0;", "&#x202e;", "\u2028", "\u202e", "\ufeff", "💜", "é", "漢", "\r", "\x0b",
]  # fmt: skip
WORDS = ["Worry", "is", "common", "and", "treatable", "we", "talk", "about", "sleep", "calm", "."]
# Words the prose checks act on (a claim needs a source, a topic needs its warning).
FLAGGED = ["suicide", "my client Jenna, 34,", "42% of adults", "crazy", "stop taking your meds"]

# Whole constructs too, so that most bodies hold something the allowlist must take out.
_URLS = st.sampled_from(
    [
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:x", "&#106;avascript:x",
        "data:text/html,<b>x</b>", "vbscript:x", "https://tracker.example/p.png",
        "//tracker.example/p.png", "http://example.org/", "mailto:a@b.org", "tel:988",
        "../assets/authors/mei-lin.svg", "#source-1", "/about/", "x:y", "",
    ]
)  # fmt: skip
_TAGS = st.sampled_from(
    ["a", "img", "svg", "div", "details", "script", "iframe", "video", "textarea", "p", "span",
     "form", "input", "table", "td", "use", "animate", "object", "style", "base", "meta", "b"]
)  # fmt: skip
_ATTRS = st.sampled_from(
    ["href", "src", "onclick", "onerror", "onload", "style", "hidden", "srcset", "ping",
     "poster", "id", "class", "markdown", "data-x", "xlink:href", "formaction", "type"]
)  # fmt: skip
_VALUES = st.one_of(_URLS, st.sampled_from(["alert(1)", "display:none", "__config", "1", "x"]))
_QUOTE = st.sampled_from(['"', "'", ""])


@st.composite
def _html_tag(draw: st.DrawFn) -> str:
    tag = draw(_TAGS)
    attrs = "".join(
        f" {name}={q}{value}{q}"
        for name, value, q in draw(st.lists(st.tuples(_ATTRS, _VALUES, _QUOTE), max_size=3))
    )
    close = draw(st.sampled_from([">", "/>", "", f"></{tag}>", ">text</" + tag + ">"]))
    return f"<{tag}{attrs}{close}"


@st.composite
def _md_link(draw: st.DrawFn) -> str:
    bang = draw(st.sampled_from(["", "!"]))
    url = draw(_URLS)
    attrs = draw(st.lists(st.tuples(_ATTRS, _VALUES), max_size=2))
    listed = "{" + " ".join(f'{n}="{v}"' for n, v in attrs) + "}" if attrs else ""
    if draw(st.booleans()):
        return f"{bang}[text]({url}){listed}"
    return f"{bang}[text][r]\n\n[r]: {url}\n"


piece = st.one_of(
    st.sampled_from(MARKUP),
    st.sampled_from(WORDS).map(lambda w: w + " "),
    st.sampled_from(FLAGGED),
    st.text(alphabet=string.printable, max_size=6),
    _html_tag(),
    _md_link(),
)
bodies = st.lists(piece, max_size=120).map("".join)

# YAML a writer (or an attacker) could put in front matter, value by value.
_HOSTILE_TEXT = st.sampled_from(
    [
        '"><script>alert(1)</script>', "javascript:alert(1)", "java\tscript:x", "a\x00b",
        "line\u2028sep", "]]>", "Q&A \"quick\" 💜", "' onmouseover='x", "{{ config }}",
        "{% include 'x' %}", "../../etc/passwd", "a" * 300, "", " ", "\n", "yes", "null",
    ]
)  # fmt: skip
_SCALAR = st.one_of(
    st.text(max_size=20),
    _HOSTILE_TEXT,
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(),
)
values = st.recursive(
    _SCALAR,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_KEYS = [
    "title", "description", "date", "draft", "slug", "authors", "categories", "tags", "audience",
    "content_warnings", "sources", "reviewed", "type", "consent", "social", "expires", "links",
    "hide", "search", "icon", "status", "subtitle", "readtime", "pin", "template", "x",
]  # fmt: skip
# Raw YAML that no dumper writes: tags, anchors and aliases, a key that is not text, a
# number past Python's 4,300 digits, flow and block syntax cut short.
RAW_YAML = [
    "subtitle: !!timestamp x", "subtitle: !!binary ???", "tags: !!set {a, b}",
    "subtitle: !!python/object:os.system x", "subtitle: !custom x", "1: x", "true: x",
    "null: x", "[a, b]: x", "? complex\n: key", "a: &a [1, *a]", "b: *nope", "subtitle: *a",
    f"readtime: {'9' * 5000}", "title: 'unclosed", 'title: "unclosed', "tags: [a, b",
    "audience: {clients", "\ttitle: tab", "%YAML 1.1", "...", "---", "title: |\n  multi\n  line",
    "description: >\n  folded", "date: 2026-02-30", "date: 99999-01-01", "date: !!int x",
    "subtitle: !!float y", "links:\n  - Rest: javascript:alert(1)", "links: [drafts/x.md]",
]  # fmt: skip


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    """A valid post's front matter with keys replaced by any values, and raw YAML lines
    inserted anywhere."""
    import yaml

    meta = front_matter()
    if draw(st.booleans()):  # half the posts: valid front matter, for the body's checks
        return post_text(body="").split("---\n")[1]
    for key, value in draw(st.dictionaries(st.sampled_from(_KEYS), values, max_size=4)).items():
        meta[key] = value
    for key in draw(st.lists(st.sampled_from(list(meta)), max_size=2)):
        meta.pop(key, None)
    try:
        text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    except yaml.YAMLError:
        text = "title: x\n"
    lines = text.splitlines()
    for raw in draw(st.lists(st.sampled_from(RAW_YAML), max_size=3)):
        lines.insert(draw(st.integers(0, len(lines))), raw)
    return "\n".join(lines) + "\n"


@st.composite
def posts(draw: st.DrawFn) -> str:
    intro = "Worry is common.\n\n<!-- more -->\n\n"
    return f"---\n{draw(front_matters())}---\n\n{intro}{draw(bodies)}\n"


# What the output of the allowlist must never hold, checked on its own serialisation.
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>]+(?:=\"[^\"]*\")?)*)\s*/?>")
_ATTRIBUTE = re.compile(r'([^\s=>]+)(?:="([^"]*)")?')
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def hazards(sanitised: str, site_host: str) -> list[str]:
    """Anything in sanitised HTML that could run script or load another host."""
    import html

    found = []
    text = re.sub(r"<(script|style)\b.*?</\1>", "", sanitised, flags=re.S | re.I)
    for match in _START_TAG.finditer(text):
        tag = match.group(1).lower()
        if tag in ("script", "style", "iframe", "object", "embed", "svg", "math", "form", "base"):
            found.append(tag)
        for attribute in _ATTRIBUTE.finditer(match.group(2)):
            name = attribute.group(1).lower()
            value = html.unescape(attribute.group(2) or "")
            # As a browser reads an address: C0 controls and spaces trimmed, tabs and line
            # breaks removed (spaces inside are kept: "java script:" is no scheme).
            compact = re.sub(r"[\t\n\r]", "", value.strip(_C0_AND_SPACE)).lower()
            risky = name.startswith("on") or name in ("style", "srcset", "ping", "formaction")
            if risky and not (name == "style" and value.startswith("text-align: ")):
                found.append(f"{tag} {name}")
            scheme = _SCHEME.match(compact)
            if name in ("href", "src", "poster") and scheme and scheme.group(1) not in (
                "https", "http", "mailto", "tel", "sms"
            ):
                found.append(f"{tag} {name}={value[:30]}")
            remote = name in ("src", "poster") and compact.startswith(("http", "//"))
            if remote and site_host not in compact.split("/")[2:3]:
                found.append(f"{tag} {name}={value[:40]}")
    return found
