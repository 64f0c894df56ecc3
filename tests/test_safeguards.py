"""Disclaimer, content-warning banner and crisis box: on every post page, verified after
rendering, and a build that cannot show them fails."""

from __future__ import annotations

import html as html_module
import re

import pytest
from conftest import Hub, post_text

BODY = (
    "Talking about suicide openly can save lives.\n\n<!-- more -->\n\n"
    "## Asking directly\n\nAsking someone about suicidal thoughts does not plant the idea.\n"
)


def _set_option(hub: Hub, text: str) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - carepress:\n", f"  - carepress:\n{text}"))


def _replace_in_config(hub: Hub, old: str, new: str) -> None:
    config = hub.root / "mkdocs.yml"
    text = config.read_text()
    assert old in text
    config.write_text(text.replace(old, new))


def test_every_post_page_has_the_disclaimer_once_and_views_do_not(sample_hub: Hub) -> None:
    posts = [
        p
        for p in (sample_hub.site / "blog").glob("*/index.html")
        if p.parent.name not in ("archive", "category", "page")
    ]
    assert len(posts) >= 12
    for page in posts:
        html = page.read_text(encoding="utf-8")
        assert html.count('data-carepress="disclaimer"') == 1, page
    views = [
        sample_hub.site / "blog" / "index.html",
        *sample_hub.site.glob("blog/archive/*/index.html"),
        *sample_hub.site.glob("blog/category/*/index.html"),
    ]
    assert len(views) >= 5
    for view in views:
        html = view.read_text(encoding="utf-8")
        assert 'data-carepress="disclaimer"' not in html, view
        assert 'data-carepress="disclaimer-short"' in html, "the footer's short form is there"


def test_clinician_posts_get_the_professional_variant(sample_hub: Hub) -> None:
    html = sample_hub.page("blog/measurement-based-care")
    disclaimer = html[html.index('data-carepress="disclaimer"') :][:900]
    assert "For professional education." in disclaimer
    client = sample_hub.page("blog/what-is-anxiety")
    assert "For professional education." not in client
    assert "does not create a therapeutic relationship" in client


def test_warnings_show_on_excerpts_before_the_text(sample_hub: Hub) -> None:
    index = sample_hub.site.joinpath("blog/index.html").read_text(encoding="utf-8")
    for match in re.finditer(r'data-carepress="excerpt-warning"', index):
        assert "Content warning:" in index[match.start() : match.start() + 200]
    assert len(re.findall('data-carepress="excerpt-warning"', index)) >= 3


def test_declared_suicide_warning_shows_banner_then_crisis_box(hub: Hub) -> None:
    hub.write_post("talk.md", post_text(body=BODY, slug="talk", content_warnings=["suicide"]))
    assert hub.check().returncode == 0
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    html = hub.page("blog/talk")
    banner = html.index('data-carepress="content-warning"')
    crisis = html.index('data-carepress="crisis-box"')
    first_paragraph = html.index("<p>Talking about suicide openly")
    assert banner < crisis < first_paragraph
    assert re.search(r"This article discusses\s*<strong>suicide</strong>\.", html)
    box = html[crisis : html.index("</aside>", crisis)]
    assert "Call or text 988" in box and "741741" in box and "911" in box


def test_crisis_box_follows_the_practice_region(hub: Hub) -> None:
    _replace_in_config(hub, "crisis_region: US", "crisis_region: UK")
    hub.write_post("talk.md", post_text(body=BODY, slug="talk", content_warnings=["suicide"]))
    assert hub.build("--strict").returncode == 0
    html = hub.page("blog/talk")
    start = html.index('data-carepress="crisis-box"')
    box = html[start : html.index("</aside>", start)]
    assert "116 123" in box and "85258" in box and "999" in box
    assert "988" not in box
    # "Outside the United Kingdom?", not "Outside United Kingdom?" (a UK tester's report)
    assert "<p>Outside the United Kingdom? See" in box
    feed = (hub.site / "feeds" / "rss.xml").read_text(encoding="utf-8")
    assert "Outside the United Kingdom? See" in html_module.unescape(feed)


def test_an_international_crisis_box_has_no_outside(hub: Hub) -> None:
    """INTL's region is "Anywhere else": "Outside Anywhere else?" is no sentence."""
    _replace_in_config(hub, "crisis_region: US", "crisis_region: INTL")
    hub.write_post("talk.md", post_text(body=BODY, slug="talk", content_warnings=["suicide"]))
    assert hub.build("--strict").returncode == 0
    html = hub.page("blog/talk")
    start = html.index('data-carepress="crisis-box"')
    box = html[start : html.index("</aside>", start)]
    assert "findahelpline.com" in box and "Outside" not in box
    feed = (hub.site / "feeds" / "rss.xml").read_text(encoding="utf-8")
    assert "Find A Helpline" in feed and "Outside" not in feed


def test_posts_without_crisis_topics_have_no_crisis_box(hub: Hub) -> None:
    hub.write_post("plain.md", post_text(slug="plain"))
    hub.write_post(
        "grief.md",
        post_text(
            slug="grief",
            content_warnings=["death-and-grief"],
            body="Loss changes us.\n\n<!-- more -->\n\n## Grief\n\nGrief comes in waves.\n",
        ),
    )
    assert hub.build("--strict").returncode == 0
    assert 'data-carepress="crisis-box"' not in hub.page("blog/plain")
    assert 'data-carepress="content-warning"' not in hub.page("blog/plain")
    grief = hub.page("blog/grief")
    assert 'data-carepress="content-warning"' in grief
    assert 'data-carepress="crisis-box"' not in grief


def test_collapsed_body_and_disclaimer_on_top_when_configured(hub: Hub) -> None:
    _set_option(hub, "      collapse_warnings: [suicide]\n")
    _replace_in_config(hub, "    disclaimer:\n", "    disclaimer:\n      position: top\n")
    hub.write_post("talk.md", post_text(body=BODY, slug="talk", content_warnings=["suicide"]))
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    html = hub.page("blog/talk")
    gate = html.index('<details class="carepress-gate">')
    assert html.index('data-carepress="crisis-box"') < gate, "help stays visible"
    assert html.index('data-carepress="disclaimer"') < gate
    assert gate < html.index("<p>Talking about suicide openly")


@pytest.mark.parametrize(
    ("partial", "replacement", "expected"),
    [
        ("carepress-disclaimer.html", "", "the disclaimer appears 0 times"),
        (
            "carepress-disclaimer.html",
            '<aside data-carepress="disclaimer">Our lawyers made us say this.</aside>',
            "does not contain the practice's disclaimer text",
        ),
        ("carepress-crisis-box.html", "", "the crisis box is missing"),
        ("carepress-content-warning.html", "", "the content-warning banner is missing"),
    ],
)
@pytest.mark.parametrize("workers", ["0", "1"], ids=["in-process", "finishing-workers"])
def test_an_override_that_drops_a_safeguard_fails_the_build(
    hub: Hub, partial: str, replacement: str, expected: str, workers: str
) -> None:
    """Checked before MkDocs writes the page, or, in a build with check workers, by the
    worker that would write it: either way the page is never written."""
    (hub.root / "overrides" / "partials" / partial).write_text(replacement)
    hub.write_post("talk.md", post_text(body=BODY, slug="talk", content_warnings=["suicide"]))
    result = hub.build(env={"CAREPRESS_WORKERS": workers})
    assert result.returncode == 1
    assert "content/posts/talk.md: the rendered page is not safe to publish" in result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (hub.site / "blog" / "talk").exists(), "not even its folder"
    assert not (hub.site / "social").exists(), "no share kit for a stopped build"


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        ("{#- no excerpt warning -#}\n", "is not marked"),
        ('<p data-carepress="excerpt-warning">Please read with care.</p>\n',
         "does not name 'suicide'"),
    ],
)
def test_an_emptied_excerpt_warning_fails_the_build(
    hub: Hub, replacement: str, expected: str
) -> None:
    """The one-line warning on the blog's index, archive and category pages and in the search
    entries: a new-user tester emptied its partial and every engine published the site."""
    (hub.root / "overrides" / "partials" / "carepress-excerpt-warning.html").write_text(
        replacement
    )
    hub.write_post("talk.md", post_text(body=BODY, slug="talk", content_warnings=["suicide"]))
    result = hub.build()
    assert result.returncode == 1
    assert "overrides/partials/carepress-excerpt-warning.html" in result.stderr
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert not hub.site.exists()


def test_an_element_a_post_leaves_open_is_closed_before_the_safeguards(hub: Hub) -> None:
    """The post's HTML goes through the allowlist's HTML5 parser and serialiser, which close
    what it leaves open at the end of the post: the disclaimer and the crisis box stay outside
    it, where the reader sees them (the build's verification would stop it otherwise)."""
    hub.write_post(
        "open.md",
        post_text(
            slug="open",
            content_warnings=["suicide"],
            body=BODY.replace("## Asking", '<div class="note">\n\n## Asking'),
        ),
    )
    assert hub.check().returncode == 0
    result = hub.build()
    assert result.returncode == 0, result.stderr
    page = hub.page("blog/open")
    note = page.index('<div class="note">')
    disclaimer = page.index('data-carepress="disclaimer"')
    assert page.index("</div>", note) < disclaimer


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<div style="display:none">x</div>',
        "<p hidden>x</p>",
        '<img src=x onerror="alert(1)">',
        '<iframe src="https://x.example">',
    ],
)
def test_dangerous_raw_html_in_a_post_is_an_error(hub: Hub, snippet: str) -> None:
    hub.write_post(
        "raw.md",
        post_text(
            slug="raw",
            body=BODY.replace("## Asking", snippet + "\n\n## Asking").replace("suicid", "worr"),
        ),
    )
    check = hub.check("--format", "json")
    assert check.returncode == 1
    assert '"rule": "html.' in check.stdout
    hub.write_post(
        "raw.md",
        post_text(slug="raw", body=f"Shown as code: `{snippet}`.\n\n<!-- more -->\n\nFine.\n"),
    )
    assert hub.check().returncode == 0
