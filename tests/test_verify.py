"""The rendered-page backstop: what a post's own HTML can do to the safeguards after it.

Each case is a post body placed where Material puts it, before the safeguards, in an article
like the theme renders. What would hide or swallow a safeguard in a browser must stop the
build; HTML a browser repairs without touching them must not.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from carepress.crisis import all_regions
from carepress.safeguards import Safeguards, WarningLabel
from carepress.verify.safeguards import missing_safeguards

DISCLAIMER = "For information only, not therapy."
SAFEGUARDS = Safeguards(
    warnings=(WarningLabel("suicide", "Suicide"),),
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


def test_a_page_judged_safe_is_reused_by_its_bytes_and_an_unsafe_one_never(
    tmp_path: Path,
) -> None:
    """PageVerdicts remembers the pages it found safe, between builds, by a hash of what it
    judged: the same page is not parsed again; a changed page, or one that failed, is."""
    from carepress.mkdocs.finishing import PageVerdicts

    good = page('<p>See <a href="https://example.org/help">help</a>.</p>')
    bad = good.replace(f"<p>{DISCLAIMER}</p>", "<p>Our lawyers made us say this.</p>")
    first = PageVerdicts(tmp_path, None, "https://hub.example/")
    finished, problems = first.finish(good, "", SAFEGUARDS)
    assert problems == [] and first.reused == 0
    assert '<a href="https://example.org/help" rel="noopener">' in finished
    _, problems = first.finish(bad, "", SAFEGUARDS)
    assert "does not contain the practice's disclaimer text" in problems[0]
    first.save()

    second = PageVerdicts(tmp_path, None, "https://hub.example/")
    assert second.finish(good, "", SAFEGUARDS) == (finished, [])
    assert second.reused == 1, "the same bytes: the same verdict, without parsing"
    _, problems = second.finish(bad, "", SAFEGUARDS)
    assert problems and second.reused == 1, "an unsafe page is judged again, every build"
    _, problems = second.finish(good, "", replace(SAFEGUARDS, crisis=None))
    assert second.reused == 1, "other safeguards: another verdict"
    second.save()
    assert len((tmp_path / ".cache/carepress/verified-pages").read_bytes()) == 2 * 32
