"""The repository's sample hub: builds strictly, publishes exactly its published posts."""

from __future__ import annotations

import datetime as dt
import re

from carepress.engine import utc_now
from carepress.parallel import check_many
from carepress.settings import load_settings
from conftest import REPO, Hub


def _reports():
    settings = load_settings(REPO / "mkdocs.yml")
    return check_many(settings.post_files(), settings, utc_now(), html=True)


def test_sample_content_is_substantial_and_clean() -> None:
    reports = _reports()
    now = dt.datetime.now(dt.UTC)
    published = [r for r in reports if r.is_published(now)]
    drafts = [r for r in reports if r.front_matter and r.front_matter.draft]
    future = [
        r
        for r in reports
        if r.front_matter and not r.front_matter.draft and r.front_matter.created > now
    ]
    assert [f for r in reports for f in r.findings if f.is_error] == []
    assert len(published) >= 12
    assert len(drafts) >= 2
    assert len(future) >= 1
    audiences = {a for r in published for a in r.front_matter.audience}
    assert audiences == {"clients", "clinicians", "community"}
    assert any("suicide" in r.front_matter.content_warnings for r in published)
    for report in reports:
        assert report.front_matter.sources, f"{report.display_path} has no sources"
        words = len(re.findall(r"\b\w+\b", report.post.body))
        assert 600 <= words <= 1300, f"{report.display_path}: {words} words"


def test_every_published_post_has_a_page_and_no_other_post_does(sample_hub: Hub) -> None:
    now = dt.datetime.now(dt.UTC)
    sitemap = (sample_hub.site / "sitemap.xml").read_text(encoding="utf-8")
    for report in _reports():
        slug = report.front_matter.slug
        page = sample_hub.site / "blog" / slug / "index.html"
        if report.is_published(now):
            assert page.is_file(), report.display_path
            assert f"/blog/{slug}/" in sitemap
        else:
            assert not page.exists(), f"unpublished {report.display_path} was built"
            assert f"/blog/{slug}/" not in sitemap


def test_hub_pages_exist_and_carry_the_practice_profile(sample_hub: Hub) -> None:
    about = sample_hub.page("about")
    assert "Riverbend Therapy Collective" in about
    assert 'data-carepress="disclaimer-full"' in about
    assert "LCSW" in about and "LMFT" in about
    crisis = sample_hub.page("crisis")
    for number in ("988", "741741", "116 123", "13 11 14", "1737", "findahelpline.com"):
        assert number in crisis
    # The practice's region comes first.
    assert crisis.index("United States") < crisis.index("Canada") < crisis.index("Anywhere else")
    home = sample_hub.site.joinpath("index.html").read_text(encoding="utf-8")
    assert "not therapy" in home
    for path in ("blog/archive/2026", "blog/category/anxiety"):
        assert (sample_hub.site / path / "index.html").is_file()


def test_every_page_has_the_footer_disclaimer_and_crisis_link(sample_hub: Hub) -> None:
    pages = list(sample_hub.site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'data-carepress="disclaimer-short"' in html, page
        assert 'crisis/"' in html, page


def test_no_third_party_assets_in_the_build(sample_hub: Hub) -> None:
    """Offline and private: no font or script from another host (the browser test goes further)."""
    for page in sample_hub.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        for src in re.findall(
            r'<(?:script|link|img)\b[^>]*?(?:src|href)="(https?:)?//([^/"]+)', html
        ):
            host = src[1]
            assert host == "learn.riverbend-therapy.example.org", f"{page}: asset from {host}"
