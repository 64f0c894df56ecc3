"""Links that leave the site carry rel="noopener"; every page says which referrer policy holds."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import yaml
from carepress.mkdocs.noopener import add_noopener, is_off_site
from conftest import Hub, post_text

SITE = "https://learn.example.org/"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('<a href="https://x.org/a">x</a>', '<a href="https://x.org/a" rel="noopener">x</a>'),
        ("<a href='http://x.org'>x</a>", "<a href='http://x.org' rel=\"noopener\">x</a>"),
        ('<a href="//x.org/a">x</a>', '<a href="//x.org/a" rel="noopener">x</a>'),
        ("<A HREF=https://x.org/>x</A>", '<A HREF=https://x.org/ rel="noopener">x</A>'),
        ('<a href="https://x.org" />', '<a href="https://x.org" rel="noopener" />'),
        ('<a href="https://x.org" rel="me">', '<a href="https://x.org" rel="me noopener">'),
        ("<a rel='noopener' href='https://x.org'>", "<a rel='noopener' href='https://x.org'>"),
        ('<a href="https://x.org" rel="NoOpener">', '<a href="https://x.org" rel="NoOpener">'),
        ('<a title=">" href="https://x.io">', '<a title=">" href="https://x.io" rel="noopener">'),
        ('<a\nhref="https://x.org"\n>x</a>', '<a\nhref="https://x.org" rel="noopener"\n>x</a>'),
        ('<a href="https://x.io"><a href=/b>', '<a href="https://x.io" rel="noopener"><a href=/b>'),
        # Slashes written as character references still leave the site.
        ('<a href="https:&#x2F;&#x2F;x.org">', '<a href="https:&#x2F;&#x2F;x.org" rel="noopener">'),
        ('<a href="https:&sol;&sol;x.org">', '<a href="https:&sol;&sol;x.org" rel="noopener">'),
        # What follows a script is markup again; an unclosed <script> hides nothing.
        ('<script>a<b</script><a href="//x">', '<script>a<b</script><a href="//x" rel="noopener">'),
        ('<script>a<b<a href="//x.org">', '<script>a<b<a href="//x.org" rel="noopener">'),
        ('<scripts><a href="//x.org">', '<scripts><a href="//x.org" rel="noopener">'),
    ],
)  # fmt: skip
def test_off_site_links_get_noopener(before: str, after: str) -> None:
    assert add_noopener(before, SITE) == after


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="https://learn.example.org/blog/">ours</a>',
        '<a href="https://LEARN.example.org/">ours, any case</a>',
        '<a href="../crisis/">relative</a>',
        '<a href="/about/">rooted</a>',
        '<a href="#source-1">anchor</a>',
        '<a href="mailto:hello@example.org">mail</a>',
        '<a href="tel:988">call</a>',
        "<a>no href</a>",
        '<abbr title="https://a.example">abbr is not a link</abbr>',
        "<script>const a = '<a href=\"https://a.example\">';</script>",
        '<!-- <a href="https://a.example">commented out</a> -->',
        '<code>&lt;a href="https://a.example"&gt;</code>',
        # A script's body is skipped up to its own end tag, whatever '<' it holds before.
        "<script>if (a < b) x = '</scrip' + 't><a href=\"https://a.example\">';</script>",
        "<SCRIPT>a<b</script\n><style>a[href^='//x']::after{content:'<a href=//x>'}</STYLE >",
        '<textarea><a href="https://a.example"></textarea>',
    ],
)
def test_everything_else_is_left_byte_for_byte(markup: str) -> None:
    assert add_noopener(markup, SITE) == markup


def test_without_a_site_url_every_absolute_link_is_off_site() -> None:
    assert is_off_site("https://a.example/", None)
    assert not is_off_site("https://learn.example.org/x", "learn.example.org")
    assert not is_off_site("/about/", None)
    assert add_noopener('<a href="https://a.example">a</a>', None).endswith(' rel="noopener">a</a>')


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.referrer: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a":
            self.links.append(values)
        if tag == "meta" and values.get("name") == "referrer":
            self.referrer.append(values.get("content"))


def test_every_built_page_has_the_referrer_policy_and_noopener_links_out(
    sample_hub: Hub,
) -> None:
    site_url = yaml.safe_load((sample_hub.root / "mkdocs.yml").read_text())["site_url"]
    site_host = urlsplit(site_url).hostname
    pages = sorted(sample_hub.site.rglob("*.html"))
    assert len(pages) > 20
    links_out = 0
    for path in pages:
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.referrer == ["strict-origin-when-cross-origin"], path
        for link in parser.links:
            if is_off_site(link.get("href") or "", site_host):
                links_out += 1
                assert "noopener" in (link.get("rel") or "").split(), (path, link)
    assert links_out > 20, "the sample posts link to their sources"


def test_a_markdown_link_in_a_post_gets_noopener(hub: Hub) -> None:
    body = (
        "See [the NIMH page](https://www.nimh.nih.gov/health) and [our crisis page](../crisis.md)."
        "\n\n<!-- more -->\n\n## More\n\nRead the [WHO fact sheet](https://www.who.int/x).\n"
    )
    hub.write_post("links.md", post_text(body=body, slug="links"))
    result = hub.build()
    assert result.returncode == 0, result.stderr
    html = hub.page("blog/links")
    assert '<a href="https://www.nimh.nih.gov/health" rel="noopener">the NIMH page</a>' in html
    assert '<a href="https://www.who.int/x" rel="noopener">WHO fact sheet</a>' in html
    assert re.search(r'<a href="\.\./\.\./crisis/">our crisis page</a>', html)
    # The blog index shows the excerpt, whose link goes out too.
    index = hub.site.joinpath("blog/index.html").read_text(encoding="utf-8")
    assert '<a href="https://www.nimh.nih.gov/health" rel="noopener">' in index
