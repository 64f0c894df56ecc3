"""The rendered-page backstop: what a post's own HTML can do to the safeguards after it.

Each case is a post body placed where Material puts it, before the safeguards, in an article
like the theme renders. What would hide or swallow a safeguard in a browser must stop the
build; HTML a browser repairs without touching them must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from carepress.crisis import all_regions
from carepress.mkdocs.verify import missing_safeguards
from carepress.safeguards import Safeguards, Warning

DISCLAIMER = "For information only, not therapy."
SAFEGUARDS = Safeguards(
    warnings=(Warning("suicide", "Suicide"),),
    crisis=all_regions()["US"],
    collapsed=False,
    disclaimer=DISCLAIMER,
    disclaimer_position="bottom",
)


def page(body: str) -> str:
    line = SAFEGUARDS.crisis.lines[0].name if SAFEGUARDS.crisis else ""
    return (
        '<html><body><div class="md-content"><article class="md-content__inner md-typeset">'
        '<div data-carepress="content-warning">Content warning: Suicide</div>'
        f"{body}"
        f'<aside data-carepress="disclaimer"><p>{DISCLAIMER}</p></aside>'
        f'<aside data-carepress="crisis-box"><p>{line}</p></aside>'
        "</article></div></body></html>"
    )


@pytest.mark.parametrize(
    "body",
    [
        "<p>Talking about it openly helps.</p>",
        "<p>A <em>short</em> list:</p><ul><li>one</li><li>two</li></ul>",
        "<p>A stray end tag</p></div>",  # browsers drop it or close around it: still shown
        "<p><span>An unclosed span, closed with its paragraph</p>",
        "<p>Ends in a comment <!-- a note for the editor --></p>",
        "<div>" * 300 + "Deeply nested, and closed" + "</div>" * 300,  # past libxml2's 256
    ],
)
def test_html_a_browser_shows_the_safeguards_after_passes(body: str) -> None:
    assert missing_safeguards(page(body), body, SAFEGUARDS) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<div class="note"><p>Unclosed</p>', "in an element it left open"),
        ("<details><summary>More</summary><p>Collapsed</p>", "in an element it left open"),
        ("<table><tr><td>Cell", "in an element it left open"),
        ("<p>Then a comment that never ends <!-- oops", "the disclaimer appears 0 times"),
        ("<textarea>", "the disclaimer appears 0 times"),
        ("<title>", "the disclaimer appears 0 times"),
        ("<p>x</p></article>", "in an element it left open"),
    ],
)
def test_html_that_hides_or_swallows_what_follows_is_caught(body: str, expected: str) -> None:
    problems = missing_safeguards(page(body), body, SAFEGUARDS)
    assert any(expected in p for p in problems), problems


def test_a_disclaimer_without_the_practices_text_is_caught() -> None:
    output = page("<p>Hello</p>").replace(DISCLAIMER, "Our lawyers made us say this.")
    problems = missing_safeguards(output, "<p>Hello</p>", SAFEGUARDS)
    assert problems == ["the disclaimer element does not contain the practice's disclaimer text"]


def test_a_banner_after_the_posts_text_is_caught() -> None:
    body = "<p>Talking about it openly helps, and here is why it matters so much.</p>"
    banner = '<div data-carepress="content-warning">Content warning: Suicide</div>'
    output = page(body).replace(banner, "").replace(body, body + banner)
    problems = missing_safeguards(output, body, SAFEGUARDS)
    assert "the content-warning banner comes after the post's text" in problems


def test_the_page_finishing_worker_writes_each_safe_page_and_never_an_unsafe_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With check workers, on_post_page hands each page to PageFinisher and MkDocs writes
    nothing: the worker writes each page finished (rel="noopener"), in small chunks with at
    most AHEAD of them waiting, and never writes a page that fails verification."""
    from carepress.mkdocs import finishing

    monkeypatch.setattr(finishing, "CHUNK", 3)
    monkeypatch.setattr(finishing, "AHEAD", 1)
    good = page('<p>See <a href="https://example.org/help">help</a>.</p>')
    bad = good.replace(f"<p>{DISCLAIMER}</p>", "<p>Our lawyers made us say this.</p>")
    pages = {f"posts/p{i}.md": bad if i == 7 else good for i in range(20)}
    finisher = finishing.PageFinisher(
        {src: SAFEGUARDS for src in pages}, {}, "https://hub.example/", None, workers=1
    )
    left = [
        finisher.take(src, str(tmp_path / src.replace(".md", "/index.html")), output)
        for src, output in pages.items()
    ]
    assert finisher.take("empty.md", str(tmp_path / "empty.html"), "  \n") == "  \n", (
        "an empty page is MkDocs' to skip"
    )
    assert len(finisher._futures) <= finishing.AHEAD
    problems = finisher.results()
    assert left == [""] * 20, "MkDocs writes none of them"
    assert list(problems) == ["posts/p7.md"]
    assert "does not contain the practice's disclaimer text" in problems["posts/p7.md"][0]
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
    assert written == sorted(f"posts/p{i}/index.html" for i in range(20) if i != 7)
    html = (tmp_path / "posts/p0/index.html").read_text()
    assert '<a href="https://example.org/help" rel="noopener">' in html
