"""The way to crisis help leads there: the footer on every page, each crisis box, the
policies, the share kits and every feed link to the crisis page where MkDocs wrote it, with
directory URLs or without (crisis/ or crisis.html) and under a site_url with a sub-path.
`carepress verify` reports a safeguard's link to an address the site has no file at."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import Hub, make_hub

CASES = {
    "directory-urls": (True, "https://learn.riverbend-therapy.example.org/"),
    "no-directory-urls": (False, "https://learn.riverbend-therapy.example.org/"),
    "sub-path": (True, "https://riverbend-therapy.example.org/learn/"),
    "sub-path-no-directory-urls": (False, "https://riverbend-therapy.example.org/learn/"),
}


def _configure(hub: Hub, directory_urls: bool, site_url: str) -> None:
    config = hub.root / "mkdocs.yml"
    text = re.sub(r"^site_url:.*$", f"site_url: {site_url}\nuse_directory_urls: "
                  f"{'true' if directory_urls else 'false'}", config.read_text(), flags=re.M)
    config.write_text(text)


def _crisis_links(html: str) -> list[str]:
    """The footer's and the crisis box's links to the crisis page."""
    return re.findall(r'<a (?:class="[^"]*" )?href="([^"]*)">(?:Find crisis lines and emergency '
                      r"help|crisis lines in other countries)</a>", html)


def _reached(site: Path, page: str, href: str) -> Path:
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return site / (path + "/index.html" if href.endswith("/") else path)


@pytest.fixture(scope="module", params=list(CASES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    directory_urls, site_url = CASES[request.param]
    hub = make_hub(tmp_path_factory.mktemp(request.param) / "hub", with_sample_posts=True)
    _configure(hub, directory_urls, site_url)
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    return hub, directory_urls, site_url


def test_every_crisis_link_reaches_the_crisis_page(built: tuple) -> None:
    hub, directory_urls, site_url = built
    site = hub.site
    crisis = site / ("crisis/index.html" if directory_urls else "crisis.html")
    assert crisis.is_file()
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    boxes = 0
    for page in pages:
        html = (site / page).read_text(encoding="utf-8")
        links = _crisis_links(html)
        if page != "404.html":  # (the 404 page's links are absolute, from site_url)
            assert links, f"{page}: no link to the crisis page"
        boxes += "crisis lines in other countries" in html
        for href in links:
            if href.startswith("/"):
                assert href == urlsplit(site_url).path + crisis.relative_to(site).as_posix() \
                    .removesuffix("index.html"), page
                continue
            assert _reached(site, page, href) == crisis, f"{page}: {href}"
    assert boxes >= 2, "the sample's posts on suicide and self-harm have crisis boxes"
    expected = site_url + ("crisis/" if directory_urls else "crisis.html")
    feed = (site / "feeds" / "rss.xml").read_text(encoding="utf-8")
    assert f'href="{expected}"' in feed.replace("&quot;", '"')
    assert "crisis/" not in feed.replace(expected, "") or directory_urls
    verified = hub.carepress("verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_verify_reports_a_safeguard_link_to_nowhere(tmp_path: Path) -> None:
    """The tester's site: built without directory URLs by templates that link to crisis/."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    _configure(hub, False, "https://learn.riverbend-therapy.example.org/")
    footer = hub.root / "overrides" / "partials" / "carepress-footer.html"
    text, n = re.subn(r'href="\{\{ crisis_page \| url \}\}">',
                      "href=\"{{ 'crisis/' | url }}\">", footer.read_text())
    assert n == 1
    footer.write_text(text)
    assert hub.build().returncode == 0
    feed = hub.site / "feeds" / "rss.xml"
    feed.write_text(feed.read_text().replace("example.org/crisis.html", "example.org/crisis/"))
    verified = hub.carepress("verify")
    assert verified.returncode == 1
    broken = [line for line in verified.stdout.splitlines() if "site.broken-safeguard-link" in line]
    assert any(line.startswith("site/index.html:") and "links to crisis/," in line
               for line in broken), verified.stdout
    assert any(line.startswith("site/feeds/rss.xml:") for line in broken), verified.stdout
    assert "safe to publish" not in verified.stdout
