"""The HTML allowlist (sanitise.py) and the time budget (budget.py), unit by unit: what is
removed is named, what is kept is only re-serialised, and a budget interrupts work that
catches every Exception."""

from __future__ import annotations

import time

import pytest
from carepress.budget import OverBudget, time_budget
from carepress.sanitise import MAX_DEPTH, MAX_REFERENCES, Removal, Sanitiser

SITE = Sanitiser("https://learn.example.org/")


@pytest.mark.parametrize(
    ("html", "removal"),
    [
        ('<a href="javascript:alert(1)">x</a>', Removal("url", "a", "href", "javascript:alert(1)")),
        ('<a href="java&#x09;script:x">x</a>', Removal("url", "a", "href", "java\tscript:x")),
        ("<p onclick=\"x()\">x</p>", Removal("attribute", "p", "onclick", "x()")),
        ('<img src="https://other.example/p.png" alt="">',
         Removal("remote-media", "img", "src", "https://other.example/p.png")),
        ('<img src="//other.example/p.png" alt="">',
         Removal("remote-media", "img", "src", "//other.example/p.png")),
        ('<img src="/\\other.example/p.png" alt="">',
         Removal("remote-media", "img", "src", "/\\other.example/p.png")),
        ('<img src="/&#9;/other.example/p.png" alt="">',
         Removal("remote-media", "img", "src", "/\t/other.example/p.png")),
        ('<img src="data:image/png;base64,AA" alt="">',
         Removal("url", "img", "src", "data:image/png;base64,AA")),
        ("<svg><path d='M0'/></svg>", Removal("element", "svg")),
        ("<div id='__config'>x</div>", Removal("attribute", "div", "id", "__config")),
        # The safeguards' ids and the Sources list's (a red-team pass gave a decoy the crisis
        # box's title id, which the box's aria-labelledby names).
        ('<p id="carepress-crisis-title">Decoy</p>',
         Removal("attribute", "p", "id", "carepress-crisis-title")),
        ('<li id="source-1">x</li>', Removal("attribute", "li", "id", "source-1")),
        # Red-team pass 4: the theme shows `headerlink` only on hover (opacity 0), and an
        # element left open would take in the disclaimer after it.
        ('<b class="headerlink">x</b>', Removal("attribute", "b", "class", "headerlink")),
        # Red-team pass 5: the theme loads Mermaid from unpkg.com for this class.
        ('<div class="mermaid">graph TD; A--&gt;B</div>',
         Removal("attribute", "div", "class", "mermaid")),
        ('<table><tr><td style="color: red">x</td></tr></table>',
         Removal("attribute", "td", "style", "color: red")),
        ('<input type="text">', Removal("attribute", "input", "type", "text")),
        ("<div>" * (MAX_DEPTH + 1), Removal("too-complex", value=f"nests elements more than "
                                            f"{MAX_DEPTH} deep (<div> in <div> ...)")),
        ("&#" * (MAX_REFERENCES + 1), Removal("too-complex", value=f"holds {MAX_REFERENCES + 1:,} "
                                              f"character references (& ...), more than "
                                              f"{MAX_REFERENCES:,}")),
    ],
)  # fmt: skip
def test_what_the_allowlist_removes_is_named(html: str, removal: Removal) -> None:
    assert removal in SITE.clean(html).removals


@pytest.mark.parametrize(
    "html",
    [
        '<p>A <a href="https://example.org/">link</a>, <a href="../about/">a page</a>.</p>',
        '<p><img src="../assets/lake.png" alt="A lake"><img src="https://learn.example.org/a.png" alt=""></p>',  # noqa: E501
        '<table><thead><tr><th style="text-align: center;">a</th></tr></thead></table>',
        '<div class="admonition note"><p class="admonition-title">Note</p></div>',
        '<details class="tip"><summary>More</summary><p>Text</p></details>',
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>',
        '<label class="task-list-control"><input type="checkbox" disabled checked></label>',
        '<pre><code class="language-py"><span id="__span-0-1">x</span></code></pre>',
        '<p>a<br />b &amp; "c" &lt; d</p><hr />',
        '<a href="mailto:a@b.org">mail</a> <a href="tel:988">988</a> <a href="sms:741741">text</a>',
    ],
)
def test_what_markdown_writes_is_kept(html: str) -> None:
    once = SITE.clean(html)
    assert once.removals == ()
    assert SITE.clean(once.html) == once  # stable


# Red-team pass 7: hidden text in Material's `footnote-backref` (font-size 0, opacity 0), set
# by the writer's own HTML or attribute list. Classes are an allowlist: the writer's (admonition
# types, buttons, grids), and the extensions' own, each on its element, the hidden ones only as
# their extension writes them.
@pytest.mark.parametrize(
    ("html", "element", "value"),
    [
        ('<p>x<span class="footnote-backref"> Order pills</span></p>', "span",
         "footnote-backref"),
        ('<a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the '
         'text">Order pills</a>', "a", "footnote-backref"),
        ('<a class="footnote-backref" href="#fnref:1" title="Order pills">\u21a9</a>', "a",
         "footnote-backref"),
        ('<a class="footnote-backref" href="https://pharma.example/">\u21a9</a>', "a",
         "footnote-backref"),
        ('<p><a class="headerlink" href="#x" title="Permanent link">Order pills</a></p>', "a",
         "headerlink"),
        ('<p><a class="headerlink" href="#x" title="Permanent link">\u00b6</a></p>', "a",
         "headerlink"),
        ('<span class="footnote">x</span>', "span", "footnote"),
        ('<span class="admonition-title">x</span>', "span", "admonition-title"),
        ('<span class="tabbed-content">x</span>', "span", "tabbed-content"),
        ('<span class="twemoji">x</span>', "span", "twemoji"),
        ('<span class="sr-only">x</span>', "span", "sr-only"),
        ('<p class="note md-typeset">x</p>', "p", "note md-typeset"),
        ('<p class="carepress-disclaimer">x</p>', "p", "carepress-disclaimer"),
        ('<span class="critic-x">x</span>', "span", "critic-x"),
    ],
)  # fmt: skip
def test_a_class_the_writer_may_not_set_is_named(html: str, element: str, value: str) -> None:
    assert Removal("attribute", element, "class", value) in SITE.clean(html).removals
    assert f'class="{value}"' not in SITE.clean(html).html  # nor published


@pytest.mark.parametrize(
    "markdown",
    [
        "## Heading\n\nText[^1] and again[^1].\n\n[^1]: A note.\n",
        '!!! warning inline end "Careful"\n    Body\n\n??? tip "More"\n    Hidden\n',
        "```python\ndef f(x):\n    return 1\n```\n",
        '``` {.js linenums="1" title="a.js"}\nlet a = 1;\n```\n',
        "[Book a session](https://example.org/book){ .md-button .md-button--primary }\n",
        '<div class="grid cards" markdown>\n\n- One\n- Two\n\n</div>\n',
        "A paragraph.\n{: .note }\n",
    ],
)
def test_what_the_hub_s_extensions_write_passes(markdown: str) -> None:
    from carepress.settings import load_settings
    from conftest import REPO

    settings = load_settings(REPO / "mkdocs.yml")
    assert settings.sanitiser.clean(settings.render(markdown)).removals == ()


def test_a_budget_stops_work_that_catches_every_exception() -> None:
    started = time.monotonic()
    with pytest.raises(OverBudget), time_budget(0.2):
        while True:  # as a Markdown extension's `try: ... except Exception: pass` would
            try:  # noqa: SIM105 - the very shape that swallowed an Exception-based timeout
                sum(range(10_000))
            except Exception:
                pass
    assert time.monotonic() - started < 5


def test_an_inner_budget_gives_the_outer_one_back_what_is_left() -> None:
    with time_budget(5):
        with time_budget(0.1):
            pass
        with pytest.raises(OverBudget) as raised, time_budget(0.1):
            while True:
                pass
        assert raised.value.seconds == 0.1
        time.sleep(0.2)  # the outer budget (5 s) is armed again, not spent
