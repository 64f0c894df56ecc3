"""The repository's sample hub: builds strictly, publishes exactly its published posts."""

from __future__ import annotations

import datetime as dt
import posixpath
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


def _search_docs(hub: Hub) -> list[dict]:
    import json

    index = hub.site / "search" / "search_index.json"
    return json.loads(index.read_text(encoding="utf-8"))["docs"]


def test_search_entries_of_warned_posts_start_with_the_warning(sample_hub: Hub) -> None:
    """Every entry of a warned post in the search index (the post, each of its sections)
    starts with the one-line warning the blog's index shows above its excerpt; posts without
    warnings and other pages are as Material wrote them."""
    docs = _search_docs(sample_hub)
    now = dt.datetime.now(dt.UTC)
    warned = {}
    for report in _reports():
        if report.is_published(now):
            labels = [w.label for w in report.safeguards.warnings]
            warned[f"blog/{report.front_matter.slug}/"] = labels
    assert any(warned.values()) and not all(warned.values())
    checked = 0
    for doc in docs:
        page = doc["location"].partition("#")[0]
        if page not in warned:
            assert "Content warning:" not in doc["text"][:80], doc["location"]
            continue
        labels = warned[page]
        if labels:
            head = " ".join(re.sub(r"<[^>]+>", " ", doc["text"]).split()).split(".")[0]
            assert head.startswith("Content warning:"), doc["location"]
            for label in labels:  # the banner's own words (the warning's label)
                assert label in head.split("Content warning:")[1][: 30 * len(labels)], doc
            # Material shows a result's matching blocks only, but always its page's title.
            if "#" not in doc["location"]:
                said = doc["title"].split(" — Content warning: ")[1]
                assert all(label in said for label in labels), doc["title"]
            checked += 1
        else:
            assert not doc["text"].startswith('<p class="carepress-cw-label"'), doc["location"]
        if not labels or "#" in doc["location"]:
            assert "Content warning" not in doc["title"], doc["location"]
    assert checked > 10


def test_a_pages_warning_reaches_its_own_new_search_entries_only() -> None:
    """As Material indexes a page (its entries added together, last), the page's warning is
    given to those entries and no others, once however often it is asked."""
    from carepress.publish.search_warnings import warn_new_entries

    entries = [
        {"location": "blog/warned/", "title": "Warned", "text": "<p>Earlier build</p>"},
        {"location": "blog/other/", "title": "Other", "text": "<p>Other post</p>"},
        {"location": "blog/warned/", "title": "Warned", "text": "<p>Intro</p>"},
        {"location": "blog/warned/#signs", "title": "Signs", "text": "<p>Signs</p>"},
    ]
    label = "<p>Content warning: suicide.</p>"
    assert warn_new_entries(entries, "blog/warned/", label) == 2
    assert [e["text"].startswith(label) for e in entries] == [False, False, True, True]
    assert entries[2]["title"] == "Warned — Content warning: suicide."
    assert entries[3]["title"] == "Signs"  # a section's title is its own
    assert warn_new_entries(entries, "blog/warned/", label) == 0


def test_readers_searching_in_distress_are_led_to_the_crisis_page(sample_hub: Hub) -> None:
    """The crisis page is boosted in Material's search (its `search: boost:`), names in
    plain words what readers in distress search for, and the staff's crisis protocol is
    ranked below it (the browser test searches as a reader does)."""
    docs = _search_docs(sample_hub)
    crisis = [d for d in docs if d["location"].startswith("crisis/")]
    protocol = [d for d in docs if d["location"].startswith("crisis-protocol/")]
    assert crisis and all(d.get("boost", 1) >= 1000 for d in crisis)
    assert protocol and all(d.get("boost", 1) < 1 for d in protocol)
    text = " ".join(d["title"] + " " + d["text"] for d in crisis).lower()
    for words in ("suicide", "suicidal", "self-harm", "hopeless", "hotline", "988",
                  "emergency", "killing yourself", "ending your life"):  # fmt: skip
        assert words in text, words


def test_the_crisis_page_opens_with_a_number_to_call_and_each_countrys_lines(
    sample_hub: Hub,
) -> None:
    page = sample_hub.page("crisis")
    top = page.index('class="admonition danger carepress-crisis-now"')
    # Right under the title, before the page's own text and the lists by country.
    assert page.index("<h1") < top < page.index('<h2 id="if-you-are-thinking-about-suicide')
    now = page[top : page.index("</nav>", top)]
    assert 'href="tel:911"' in now and 'href="tel:988"' in now
    jumps = re.findall(r'href="#(crisis-[a-z]+)"', now)
    assert jumps[0] == "crisis-us" and len(jumps) >= 6
    for anchor in jumps:
        assert f'id="{anchor}"' in page


def test_every_theme_page_has_a_crisis_link_in_its_header(sample_hub: Hub) -> None:
    for page in sample_hub.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'class="md-header' not in html or "carepress-kit__home" in html:
            continue  # the share kits: the staff's pages, with a header of their own
        header = html[html.index('class="md-header') : html.index("</header>")]
        link = re.search(r'<a href="([^"]*)" class="md-header__button carepress-header-crisis"',
                         header)  # fmt: skip
        assert link, page
        where = page.relative_to(sample_hub.site).parent.as_posix() + "/"
        assert posixpath.normpath(posixpath.join(where, link.group(1))).lstrip("/") == "crisis"


def test_skip_to_content_on_a_post_reaches_its_warning_or_its_title(sample_hub: Hub) -> None:
    now = dt.datetime.now(dt.UTC)
    seen = set()
    for report in _reports():
        if not report.is_published(now):
            continue
        html = (sample_hub.site / "blog" / report.front_matter.slug / "index.html").read_text()
        skip = re.search(r'<a href="#([^"]+)" class="md-skip"', html).group(1)
        expected = "carepress-cw" if report.safeguards.warnings else "carepress-title"
        assert skip == expected, report.display_path
        assert f'id="{expected}"' in html
        seen.add(expected)
    assert seen == {"carepress-cw", "carepress-title"}
