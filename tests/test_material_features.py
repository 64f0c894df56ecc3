"""Material's ordinary features pass the allowlist (a new user's tester found them refused):
content tabs, highlighted code with `pygments_lang_class`, content annotations, images
floated to a side, a link's `hreflang`, the icon size helpers. What stays refused says why
and what to do: icons (inline SVG), Twemoji pictures (another site), Mermaid (a CDN),
`target="_blank"`, and attributes an extension writes rather than the post."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from carepress.checks.html_safety import removal_finding
from carepress.cli import main
from carepress.sanitise import Removal, Sanitiser
from conftest import Hub, build_in_process, post_text

SITE = Sanitiser("https://learn.example.org/")
INTRO = "Worry is a normal part of life.\n\n<!-- more -->\n\n"


@pytest.mark.parametrize(
    "html",
    [
        # pymdownx.tabbed (both styles) numbers each tab set: "set:tabs".
        '<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input type="radio"></div>',
        '<div class="tabbed-set" data-tabs="12:3">x</div>',
        # pymdownx.highlight with pygments_lang_class: true.
        '<div class="language-text highlight"><pre><code>x</code></pre></div>',
        '<div class="language-c++ highlight"><pre><code>x</code></pre></div>',
        '<div class="language-python highlight annotate"><pre><code>x</code></pre></div>',
        # Content annotations: every item has its marker.
        '<p class="annotate">Breathe (1) and rest (2).</p><ol><li>In.</li><li>Out.</li></ol>',
        '<div class="annotate"><p>Breathe (1)</p></div><p></p><ol><li>In for 4.</li></ol>',
        '<p class="annotate">Breathe <b>(1)!</b></p><ol><li>In for 4.</li></ol>',
        '<p class="annotate">No list after it (1).</p>',
        # Images to a side, a link's language, Material's icon sizes.
        '<p><img src="../a.png" alt="" align="left"><img src="a.png" alt="" align="right">'
        '<img src="a.png" alt="" align="center"></p>',
        '<a href="https://example.org/es/" hreflang="es">Hablemos</a>',
        '<a href="/pt/" hreflang="pt-BR">x</a> <a href="/" hreflang="zh-Hant-TW">x</a>',
        '<strong class="lg middle">Keep a rhythm</strong>',
    ],
)
def test_what_material_writers_use_is_kept(html: str) -> None:
    once = SITE.clean(html)
    assert once.removals == (), once.removals
    assert SITE.clean(once.html) == once


@pytest.mark.parametrize(
    ("html", "removal"),
    [
        # data-tabs: only digits:digits, only on <div>; no other data-*.
        ('<div data-tabs="1:2;x">x</div>', Removal("attribute", "div", "data-tabs", "1:2;x")),
        ('<div data-tabs="1">x</div>', Removal("attribute", "div", "data-tabs", "1")),
        ('<div data-tabs="">x</div>', Removal("attribute", "div", "data-tabs", "")),
        ('<div data-tabs="\uff11:2">x</div>',
         Removal("attribute", "div", "data-tabs", "\uff11:2")),
        ('<div data-tabs="1:2 ">x</div>', Removal("attribute", "div", "data-tabs", "1:2 ")),
        ('<span data-tabs="1:2">x</span>', Removal("attribute", "span", "data-tabs", "1:2")),
        ('<section data-tabs="1:2">x</section>',
         Removal("attribute", "section", "data-tabs", "1:2")),
        ('<div data-md-component="x">x</div>',
         Removal("attribute", "div", "data-md-component", "x")),
        ('<div data-tab="1:2">x</div>', Removal("attribute", "div", "data-tab", "1:2")),
        # language-*: on <div> only beside `highlight`, and ASCII token characters only.
        ('<div class="language-text">x</div>',
         Removal("attribute", "div", "class", "language-text")),
        ('<div class="language-a:b highlight">x</div>',
         Removal("attribute", "div", "class", "language-a:b highlight")),
        ('<div class="language-\u00f1 highlight">x</div>',
         Removal("attribute", "div", "class", "language-\u00f1 highlight")),
        ('<div class="language- highlight">x</div>',
         Removal("attribute", "div", "class", "language- highlight")),
        ('<div class="language-x\u202e highlight">x</div>',
         Removal("attribute", "div", "class", "language-x\u202e highlight")),
        ('<p class="language-text highlight">x</p>',
         Removal("attribute", "p", "class", "language-text highlight")),
        ('<span class="language-text highlight">x</span>',
         Removal("attribute", "span", "class", "language-text highlight")),
        # align: left, right, center, on <img> only.
        ('<img src="a.png" alt="" align="top">', Removal("attribute", "img", "align", "top")),
        ('<img src="a.png" alt="" align="Left">', Removal("attribute", "img", "align", "Left")),
        ('<img src="a.png" alt="" align="left;">',
         Removal("attribute", "img", "align", "left;")),
        ('<p align="left">x</p>', Removal("attribute", "p", "align", "left")),
        ('<div align="center">x</div>', Removal("attribute", "div", "align", "center")),
        # hreflang: a language tag, on <a> only.
        ('<a href="/" hreflang="es x">x</a>', Removal("attribute", "a", "hreflang", "es x")),
        ('<a href="/" hreflang="javascript:x">x</a>',
         Removal("attribute", "a", "hreflang", "javascript:x")),
        ('<a href="/" hreflang="">x</a>', Removal("attribute", "a", "hreflang", "")),
        ('<span hreflang="es">x</span>', Removal("attribute", "span", "hreflang", "es")),
        # Classes outside the list; target stays refused.
        ('<span class="xl">x</span>', Removal("attribute", "span", "class", "xl")),
        ('<span class="lg twemoji">x</span>', Removal("attribute", "span", "class", "lg twemoji")),
        ('<p class="annotate md-annotation">x</p>',
         Removal("attribute", "p", "class", "annotate md-annotation")),
        ('<a href="/" target="_blank">x</a>', Removal("attribute", "a", "target", "_blank")),
        # Annotations that would hide text: an item without its marker (the script hides
        # the list), words beside a "(1)!" (the script drops them).
        ('<p class="annotate">Breathe (1).</p><ol><li>In.</li><li>Hidden words.</li></ol>',
         Removal("attribute", "p", "class", "annotate")),
        ('<p class="annotate">Hidden words (1)! here</p><ol><li>In.</li></ol>',
         Removal("attribute", "p", "class", "annotate")),
        ('<div class="annotate"><p>Breathe</p></div><p>Text</p><ol><li>Hidden.</li></ol>',
         Removal("attribute", "div", "class", "annotate")),
    ],
)  # fmt: skip
def test_near_misses_stay_refused(html: str, removal: Removal) -> None:
    cleaned = SITE.clean(html)
    assert removal in cleaned.removals, cleaned.removals
    if removal.attribute == "class" and "annotate" in removal.value.split():
        assert "annotate" not in cleaned.html  # nor published: the script leaves the list
        assert "annotate" not in SITE.strict(html)


def _message(removal: Removal, body: str) -> tuple[str, str, str]:
    finding = removal_finding("content/posts/p.md", 9, removal, body)
    return finding.rule, finding.message, finding.hint


def test_a_class_says_classes_are_an_allowlist_and_where_the_list_is() -> None:
    rule, message, hint = _message(Removal("attribute", "p", "class", "note sr-only"),
                                   "Text.\n{: .note .sr-only }\n")  # fmt: skip
    assert rule == "html.attribute"
    assert message.startswith('the class "sr-only" on <p> is not allowed: classes are an allowlist')
    assert 'README.md, "What reaches a reader"' in hint and "`annotate`" in hint
    assert "event handlers" not in message


def test_an_attribute_an_extension_wrote_names_the_option() -> None:
    body = "```text\nx\n```\n"  # the writer wrote no data-linenos
    _, message, hint = _message(Removal("attribute", "span", "data-linenos", "1 "), body)
    assert "pymdownx.highlight's `linenums_style: pymdownx-inline`" in message
    assert "cannot allow it" in message and hint == "remove that option from mkdocs.yml"
    assert "attribute list" not in hint
    # Written by the writer: the usual advice.
    _, message, hint = _message(Removal("attribute", "span", "data-x", "1"),
                                '<span data-x="1">x</span>')  # fmt: skip
    assert "data- attributes" in message and "attribute list" in hint


def test_a_value_out_of_range_says_which_values_pass() -> None:
    _, message, _ = _message(Removal("attribute", "img", "align", "top"), "{ align=top }")
    assert "align on <img> may only be left, right or center" in message


@pytest.fixture
def with_extensions(hub: Hub) -> Hub:
    """The hub with Material's recommended extensions (above carepress.markdown_safeguards)."""
    config = hub.root / "mkdocs.yml"
    extensions = (
        "  - pymdownx.tabbed:\n      alternate_style: true\n"
        "  - pymdownx.highlight:\n      pygments_lang_class: true\n      anchor_linenums: true\n"
        "  - pymdownx.inlinehilite\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
    )
    marker = "  - carepress.markdown_safeguards\n"
    text = config.read_text()
    config.write_text(text.replace(marker, extensions + marker, 1))
    return hub


FEATURES = (
    '## Try this\n\n=== "Before bed"\n\n    Dim the lights.\n\n=== "In the morning"\n\n'
    "    Open the curtains.\n\n"
    '## A diary\n\n``` text title="diary.txt" linenums="1"\nDate:\n```\n\n'
    "## Breathe\n\nBefore bed, try a slow breath (1) for a few minutes.\n{ .annotate }\n\n"
    "1.  Breathe in for a count of 4, then out for a count of 6.\n\n"
    '<div class="annotate" markdown>\n\nAnd rest (1).\n\n</div>\n\n1.  Lie down.\n\n'
    "## A room\n\n![A calm room](../assets/authors/mei-lin.svg){ align=left width=200 }\n"
    "![A calm room](../assets/authors/mei-lin.svg){ align=right }\n\n"
    "We also see clients in Spanish: [Hablemos](https://example.org/es/){ hreflang=es lang=es }."
    "\n\n**Keep a rhythm**{ .lg .middle } and wind down.\n"
)


def _checked(hub: Hub, capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list]:
    status = main(["--config", str(hub.root / "mkdocs.yml"), "check", "--format", "json",
                   str(path)])  # fmt: skip
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return status, json.loads(out.out) if out.out.strip() else []


def test_material_s_features_check_and_build(
    with_extensions: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = with_extensions
    path = hub.write_post("features.md", post_text(body=INTRO + FEATURES, slug="features"))
    status, findings = _checked(hub, capsys, path)
    assert status == 0 and not [f for f in findings if f["severity"] == "error"], findings
    built = build_in_process(hub.root)
    assert built.ok, built.log
    page = hub.page("blog/features")
    for written in ('data-tabs="1:2"', 'class="language-text highlight"', 'align="left"',
                    'align="right"', 'hreflang="es"', 'class="lg middle"', 'class="annotate"'):
        assert written in page, written  # fmt: skip


@pytest.mark.parametrize(
    ("payload", "rule", "says", "hint"),
    [
        (":material-phone: Call us.", "html.element", "the icon shortcode `:material-phone:` "
         "renders as inline SVG", "pymdownx.emoji.to_alt"),
        ("A small win :tada:.", "html.remote-media", "the emoji shortcode `:tada:` renders as a "
         "picture from another site", "pymdownx.emoji.to_alt"),
        ("```mermaid\ngraph LR\n  A --> B\n```", "html.attribute",
         "Material draws it with a script it loads from a CDN", "picture saved under content"),
        ('[Book](https://example.org/book){ target="_blank" }', "html.attribute",
         'target="_blank" on <a> is not allowed: links open in the reader\'s tab', "remove"),
        ("Breathe (1).\n{ .annotate }\n\n1.  In.\n2.  Hidden words.", "html.attribute",
         "would hide text", "give every item of the list its marker"),
    ],
)  # fmt: skip
def test_what_stays_refused_says_why_and_what_to_do(
    with_extensions: Hub, capsys: pytest.CaptureFixture[str], payload: str, rule: str,
    says: str, hint: str,
) -> None:  # fmt: skip
    hub = with_extensions
    if "mermaid" in payload:
        config = hub.root / "mkdocs.yml"
        config.write_text(config.read_text().replace(
            "  - pymdownx.superfences\n",
            "  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
            "          class: mermaid\n          format: !!python/name:pymdownx.superfences"
            ".fence_code_format\n", 1))  # fmt: skip
    text = post_text(body=INTRO + payload + "\n", slug="refused")
    path = hub.write_post("refused.md", text)
    status, findings = _checked(hub, capsys, path)
    assert status == 1
    errors = [f for f in findings if f["severity"] == "error"]
    assert len(errors) == 1, errors  # an icon's <svg>, <path> and class: one finding
    assert errors[0]["rule"] == rule and says in errors[0]["message"], errors[0]
    assert hint in errors[0]["hint"], errors[0]
    assert "save the file under content/assets" not in errors[0]["hint"]
    # At the payload's lines (a fence's or an annotated list's: where it is first refused).
    first = text.splitlines().index(payload.splitlines()[0]) + 1
    assert first <= errors[0]["line"] < first + len(payload.splitlines()), errors[0]
    built = build_in_process(hub.root)
    assert not built.ok and says in built.log
