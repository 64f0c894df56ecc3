"""Feeds: RSS, Atom, JSON Feed and per-platform social feeds, built from real hubs."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import feedparser
from carepress.parallel import check_many
from carepress.publish import platforms
from carepress.publish.catalog import feed_catalog, tag_folder
from carepress.publish.feeds import social_text
from carepress.publish.platforms import PLATFORM_KEYS as PLATFORMS
from carepress.publish.post import FeedPost, in_feeds
from carepress.safeguards import safeguards_for
from carepress.settings import load_settings
from conftest import REPO, Hub, post_text

SITE_URL = "https://learn.riverbend-therapy.example.org/"
SITE_FEEDS = ("feeds/rss.xml", "feeds/atom.xml", "feeds/feed.json")
AUDIENCE_FEEDS = tuple(
    f"feeds/audience/{a}/{f}"
    for a in ("clients", "clinicians", "community")
    for f in ("rss.xml", "atom.xml")
)
SOCIAL_FEEDS = tuple(f"feeds/social/{p}.xml" for p in PLATFORMS)

HOSTILE_TITLE = 'Worry & "what ifs" < 5 minutes — it\'s <3 💜 &amp; more'
HOSTILE_DESCRIPTION = 'Tom said "stop" & Ann said <3; 5 < 6 > 4 — it\'s fine 🙂🏳️‍🌈 &lt;'
HOSTILE_TAG = 'Q&A "quick" 💜'
CANARIES = ("canaryDraftFd1", "canaryFutureFd2", "canaryExpiredFd3")


# --- helpers ------------------------------------------------------------------------------


def _feed_files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted((site / "feeds").rglob("*"))
        if p.is_file()
    }


def _parse(data: bytes) -> feedparser.FeedParserDict:
    # Unsanitised: the tests look at exactly what CarePress wrote.
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def _in_feed_reports(root: Path):
    settings = load_settings(root / "mkdocs.yml")
    now = dt.datetime.now(dt.UTC)
    reports = check_many(settings.post_files(), settings, now, html=True)
    return [r for r in reports if r.front_matter and in_feeds(r.front_matter, now)]


class _Head(HTMLParser):
    """The <link rel="alternate"> tags of a page's head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.alternates: list[dict[str, str]] = []
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "head":
            self._in_head = True
        elif tag == "link" and self._in_head and values.get("rel") == "alternate":
            self.alternates.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False


def _advertised(site: Path, page: Path) -> dict[str, dict[str, str]]:
    """Site-relative feed path -> link attributes, for every alternate link in the head."""
    head = _Head()
    head.feed(page.read_text(encoding="utf-8"))
    page_url = urljoin(SITE_URL, page.relative_to(site).as_posix())
    return {
        urlsplit(urljoin(page_url, link["href"])).path.lstrip("/"): link for link in head.alternates
    }


# --- the sample hub -----------------------------------------------------------------------


def test_sample_hub_has_every_feed_and_each_parses(sample_hub: Hub) -> None:
    published = _in_feed_reports(sample_hub.root)
    assert len(published) >= 12
    limit = 20
    files = _feed_files(sample_hub.site)
    tags = {t for r in published for t in r.front_matter.tags}
    tag_feeds = {f"feeds/tags/{tag_folder(t)}/rss.xml" for t in tags}
    expected = set(SITE_FEEDS) | set(AUDIENCE_FEEDS) | set(SOCIAL_FEEDS) | tag_feeds
    # Beside each feed, the empty sitemap Material's script looks for (no 404 on any page).
    folders = {path.rsplit("/", 1)[0] for path in expected}
    sitemaps = {f"{folder}/sitemap.xml" for folder in folders}
    assert set(files) == expected | sitemaps
    for sitemap in sitemaps:
        assert b"<urlset" in files[sitemap] and b"<url>" not in files[sitemap]

    newest = min(limit, len(published))
    for path in (*SITE_FEEDS[:2], *SOCIAL_FEEDS):
        assert len(_parse(files[path]).entries) == newest, path
    for audience in ("clients", "clinicians", "community"):
        count = min(limit, sum(audience in r.front_matter.audience for r in published))
        assert count > 0
        for kind in ("rss.xml", "atom.xml"):
            path = f"feeds/audience/{audience}/{kind}"
            assert len(_parse(files[path]).entries) == count, path
    for tag in tags:
        count = min(limit, sum(tag in r.front_matter.tags for r in published))
        assert len(_parse(files[f"feeds/tags/{tag_folder(tag)}/rss.xml"]).entries) == count

    document = json.loads(files["feeds/feed.json"])
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == SITE_URL + "feeds/feed.json"
    assert len(document["items"]) == newest
    for item in document["items"]:
        assert {"id", "url", "title", "content_html", "date_published"} <= set(item)


def test_entries_carry_their_safeguards_and_metadata(sample_hub: Hub) -> None:
    files = _feed_files(sample_hub.site)
    url = SITE_URL + "blog/how-to-ask-about-suicide/"
    guid = "tag:learn.riverbend-therapy.example.org,2026:posts/how-to-ask-about-suicide"

    atom = {e.link: e for e in _parse(files["feeds/atom.xml"]).entries}[url]
    rss = {e.link: e for e in _parse(files["feeds/rss.xml"]).entries}[url]
    item = {i["url"]: i for i in json.loads(files["feeds/feed.json"])["items"]}[url]
    title = "CW: suicide — How to Ask Someone If They Are Thinking About Suicide"
    assert atom.title == rss.title == item["title"] == title
    assert atom.id == rss.id == item["id"] == guid
    assert atom.author == rss.author == "Sam Okafor, PhD"  # name with credentials
    assert item["authors"] == [{"name": "Sam Okafor, PhD"}]
    assert {"Suicide Prevention", "warning-signs"} <= {t.term for t in atom.tags}
    assert {"Suicide Prevention", "warning-signs"} <= {t.term for t in rss.tags}
    assert atom.published == item["date_published"] == "2026-04-07T00:00:00+00:00"
    assert atom.summary.startswith("CW: suicide. Worried about someone?")
    assert item["summary"].startswith("CW: suicide. Worried about someone?")

    for content in (atom.content[0].value, rss.content[0].value, item["content_html"]):
        # The warning comes first, then the crisis lines, the article; the disclaimer last.
        assert content.startswith('<p data-carepress="content-warning">')
        assert content.index("Content warning") < content.index("988 Suicide &amp; Crisis")
        assert content.index("988 Suicide &amp; Crisis") < content.index("It's okay to ask")
        assert content.rstrip().endswith("</p>")
        assert content.rindex("Please note:") > content.index("Sources")
        assert "This article is for general education only." in content[-700:]
        # Links work outside the site: no relative addresses, no heading permalinks.
        assert 'href="../' not in content and 'href="#' not in content
        assert url + "#source-1" in content
        assert "headerlink" not in content and "<!-- more -->" not in content

    clinician = {e.link: e for e in _parse(files["feeds/atom.xml"]).entries}[
        SITE_URL + "blog/measurement-based-care/"
    ]
    assert not clinician.title.startswith("CW:")
    assert "For professional education." in clinician.content[0].value  # audience variant
    assert "If you need help now" not in clinician.content[0].value  # no crisis box needed


def test_social_feeds_carry_each_platforms_snippet(sample_hub: Hub) -> None:
    files = _feed_files(sample_hub.site)
    snippets = json.loads((sample_hub.site / "social" / "snippets.json").read_text())
    by_url = {p["url"]: p["snippets"] for p in snippets["posts"]}
    for platform in PLATFORMS:
        for entry in _parse(files[f"feeds/social/{platform}.xml"]).entries:
            text = html.unescape(entry.summary)  # <description> is HTML
            snippet = by_url[entry.link][platform]
            # The snippet's text for RSS-to-social tools: within the platform's limit as
            # they count (raw characters, before they cut), the warning first, as a feed
            # item has one text.
            assert text == snippet["feed_text"]
            assert len(text) <= snippet["limit"], (platform, entry.link)
            cw = snippet.get("spoiler_text")
            assert platforms.count(platform, snippet["text"], cw or "") <= snippet["limit"]
            if entry.title.startswith("CW: "):
                assert text.splitlines()[0] == entry.title.split(" — ")[0]
                assert text.splitlines()[0] == (cw or snippet["text"].splitlines()[0])
    x = {e.link: html.unescape(e.summary) for e in _parse(files["feeds/social/x.xml"]).entries}
    teen = x[SITE_URL + "blog/when-a-teen-self-harms/"]
    assert teen.splitlines()[0] == "CW: self-harm, suicide"
    assert "call or text 988" in teen

    posts = [_post("a", tags=["Self Care", "self-care"]).front_matter,
             _post("b", tags=["💜"]).front_matter]  # fmt: skip
    catalog = feed_catalog("Hub", posts)
    assert catalog.tags[0].path == "feeds/tags/self-care/rss.xml"
    assert catalog.by_tag["Self Care"] is catalog.by_tag["self-care"]
    assert catalog.by_tag["💜"].path.startswith("feeds/tags/tag-")


def test_social_text_is_the_snippet_with_its_safeguards() -> None:
    settings = load_settings(REPO / "mkdocs.yml")
    long = ("Grounding helps when panic rises and the room feels far away " * 5)[:300].strip()
    post = _post("long", description=long, content_warnings=["suicide", "self-harm"])
    for platform in PLATFORMS:
        text = social_text(post, platform, settings)
        assert text.startswith("CW: suicide, self-harm")
        assert "Need help now? In the US, call or text 988." in text
        assert len(text) <= platforms.limit(platform)  # as RSS-to-social tools count
        if platform != "instagram":  # (no links in an Instagram caption)
            # The link, campaign-tagged where there is room; bare where that keeps more of
            # the text.
            assert post.url + "?utm_source=" + platform in text or f"\n{post.url}\n" in text


def _post(slug: str, **overrides: object) -> FeedPost:
    """A FeedPost built from the conftest front matter, without a build."""
    from carepress.model import FrontMatter
    from conftest import front_matter

    settings = load_settings(REPO / "mkdocs.yml")
    meta = front_matter(slug=slug, **overrides)
    meta["date"] = dt.date.fromisoformat(str(meta["date"]))
    model = FrontMatter.model_validate(meta)
    return FeedPost(
        f"posts/{slug}.md", f"{SITE_URL}blog/{slug}/", model, safeguards_for(model, settings)
    )


# --- built test hubs ----------------------------------------------------------------------


def _canary_post(canary: str, **overrides: object) -> str:
    body = f"{canary} intro [@nimh-anxiety].\n\n<!-- more -->\n\n{canary} body.\n"
    return post_text(
        body=body,
        title=f"Post {canary}",
        description=f"About {canary}.",
        tags=[canary.lower()],
        slug=canary.lower(),
        **overrides,
    )


def test_escaping_and_canaries(hub: Hub) -> None:
    hub.write_post(
        "odd.md",
        post_text(
            slug="odd", title=HOSTILE_TITLE, description=HOSTILE_DESCRIPTION, tags=[HOSTILE_TAG]
        ),
    )
    hub.write_post("draft.md", _canary_post(CANARIES[0], draft=True))
    hub.write_post("future.md", _canary_post(CANARIES[1], date="2099-01-01"))
    hub.write_post("expired.md", _canary_post(CANARIES[2], expires="2026-03-20"))
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    files = _feed_files(hub.site)
    for path, data in files.items():
        text = data.decode("utf-8").lower()
        for canary in CANARIES:
            assert canary.lower() not in text, f"{canary} leaked into {path}"
        if path.endswith(".xml"):
            parsed = _parse(data)
            assert len(parsed.entries) <= 1, path
    atom = _parse(files["feeds/atom.xml"])
    [entry] = atom.entries
    assert entry.title == HOSTILE_TITLE
    assert HOSTILE_DESCRIPTION in html.unescape(entry.summary)
    rss = _parse(files["feeds/rss.xml"])
    assert rss.entries[0].title == HOSTILE_TITLE
    document = json.loads(files["feeds/feed.json"])
    assert document["items"][0]["title"] == HOSTILE_TITLE
    assert document["items"][0]["summary"].endswith(HOSTILE_DESCRIPTION)
    # Every social feed: the text with its "&", "<" and written "&amp;", escaped once.
    snippets = json.loads((hub.site / "social" / "snippets.json").read_text())
    by_url = {p["url"]: p["snippets"] for p in snippets["posts"]}
    for platform in PLATFORMS:
        raw = files[f"feeds/social/{platform}.xml"].decode()
        _descriptions_are_the_snippets(raw, by_url, platform)
    (odd,) = by_url.values()
    assert HOSTILE_DESCRIPTION in odd["linkedin"]["feed_text"]  # (the text held to its feed)


def test_two_builds_are_byte_identical(hub: Hub) -> None:
    hub.write_post("a.md", post_text(slug="a"))
    hub.write_post(
        "b.md",
        post_text(
            slug="b",
            date="2026-04-01",
            content_warnings=["suicide"],
            body="Intro [@nimh-anxiety].\n\n<!-- more -->\n\nCall 988 about suicide.\n",
        ),
    )
    # Two new interpreters, each with its own hash seed: no set's order can creep in.
    assert hub.build("--strict", fresh=True).returncode == 0
    first = _feed_files(hub.site)
    assert hub.build("--strict", fresh=True).returncode == 0
    assert _feed_files(hub.site) == first
    assert len(first) > 10


def test_ids_survive_title_and_slug_edits(hub: Hub) -> None:
    hub.write_post("steady.md", post_text(slug="steady", title="First title"))
    assert hub.build("--strict").returncode == 0
    [before] = _parse(_feed_files(hub.site)["feeds/atom.xml"]).entries
    hub.write_post("steady.md", post_text(slug="steady-renamed", title="A new title"))
    assert hub.build("--strict").returncode == 0
    [after] = _parse(_feed_files(hub.site)["feeds/atom.xml"]).entries
    assert before.id == after.id == "tag:learn.riverbend-therapy.example.org,2026:posts/steady"
    assert after.title == "A new title"


def test_summary_only_feeds_keep_the_safeguards(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("full_content: true", "full_content: false"))
    hub.write_post(
        "c.md",
        post_text(
            slug="c",
            content_warnings=["suicide"],
            body="Intro [@nimh-anxiety].\n\n<!-- more -->\n\nSecretBodyWord about suicide.\n",
        ),
    )
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    [entry] = _parse(_feed_files(hub.site)["feeds/atom.xml"]).entries
    content = entry.content[0].value
    assert "SecretBodyWord" not in content
    assert "Content warning" in content and "988" in content
    assert "does not create a therapeutic relationship" in content


def test_every_page_advertises_the_site_feeds(sample_hub: Hub) -> None:
    for page in (
        sample_hub.site / "index.html",
        sample_hub.site / "blog/index.html",
        sample_hub.site / "blog/what-is-anxiety/index.html",
    ):
        advertised = _advertised(sample_hub.site, page)
        for path in (*SITE_FEEDS, *AUDIENCE_FEEDS):
            assert path in advertised, (page, path)
    subscribe = _advertised(sample_hub.site, sample_hub.site / "subscribe" / "index.html")
    assert all(path in subscribe for path in SOCIAL_FEEDS)
    # A post page adds its tags' feeds, once each; pages at every depth (the 404 page
    # resolves from the site's root) point at the same files.
    post = sample_hub.site / "blog/what-is-anxiety/index.html"
    head = _Head()
    head.feed(post.read_text(encoding="utf-8"))
    tags = [
        f"feeds/tags/{tag}/rss.xml" for tag in ("anxiety", "anxiety-disorders", "coping-skills")
    ]
    advertised = list(_advertised(sample_hub.site, post))
    assert advertised == [*SITE_FEEDS, *AUDIENCE_FEEDS, *tags]
    assert len(head.alternates) == len(advertised), "no feed twice"
    assert {"title": "Riverbend Therapy Collective — Learn — anxiety (RSS)"}.items() <= (
        head.alternates[-3].items()
    )
    not_found = (sample_hub.site / "404.html").read_text(encoding="utf-8")
    assert 'href="/feeds/rss.xml"' in not_found


def test_feeds_past_their_limit_carry_the_newest_posts_whole(hub: Hub) -> None:
    """The build keeps only the bodies some feed carries: with a limit of 2, each feed
    still has its own two newest posts, each with its full content."""
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("limit: 20", "limit: 2"))
    posts = [  # (slug, date, audience, tag), oldest first
        ("p1", "2026-01-01", "clinicians", "worry"),
        ("p2", "2026-02-01", "clients", "sleep"),
        ("p3", "2026-03-01", "clinicians", "worry"),
        ("p4", "2026-04-01", "clients", "sleep"),
        ("p5", "2026-05-01", "clients", "sleep"),
    ]
    for slug, date, audience, tag in posts:
        body = f"Body of {slug} [@nimh-anxiety].\n\n<!-- more -->\n\nMore of {slug}.\n"
        hub.write_post(
            f"{slug}.md",
            post_text(slug=slug, title=f"Post {slug}", date=date, audience=[audience],
                      tags=[tag], body=body),
        )  # fmt: skip
    assert hub.build("--strict").returncode == 0
    files = _feed_files(hub.site)
    expected = {
        "feeds/atom.xml": ["p5", "p4"],
        "feeds/audience/clinicians/atom.xml": ["p3", "p1"],
        "feeds/audience/clients/atom.xml": ["p5", "p4"],
        "feeds/tags/worry/rss.xml": ["p3", "p1"],
        "feeds/tags/sleep/rss.xml": ["p5", "p4"],
    }
    for path, slugs in expected.items():
        entries = _parse(files[path]).entries
        assert [e.title for e in entries] == [f"Post {s}" for s in slugs], path
        for entry, slug in zip(entries, slugs, strict=True):
            assert f"More of {slug}." in entry.content[0].value, path


def test_social_feeds_are_plain_text_for_bridges_and_paragraphs_for_readers(
    sample_hub: Hub,
) -> None:
    """RSS-to-social tools post <description> as text: a link's "&" is escaped once (as XML
    needs), never twice; readers that render HTML get the same text as paragraphs in
    content:encoded, so the blank lines between warning, title and link survive."""
    snippets = json.loads((sample_hub.site / "social" / "snippets.json").read_text())
    by_url = {p["url"]: p["snippets"] for p in snippets["posts"]}
    descriptions = []
    for platform in PLATFORMS:
        raw = (sample_hub.site / "feeds" / "social" / f"{platform}.xml").read_text()
        items = re.findall(r"<description>(.*?)</description>", raw, re.S)[1:]  # items'
        # (content:encoded is HTML inside XML: its "&amp;" is rightly escaped again there.)
        assert items and all("&amp;amp;" not in d for d in items), platform
        descriptions += items
        _descriptions_are_the_snippets(raw, by_url, platform)
    # (Links are campaign-tagged where the text has room for it: an "&" to escape.)
    assert any("&amp;utm_medium=social" in d for d in descriptions)
    raw = (sample_hub.site / "feeds" / "social" / "mastodon.xml").read_text()
    for entry in _parse(raw.encode()).entries:
        html_text = entry.content[0].value
        assert html_text.startswith("<p>") and html_text.count("<p>") >= 4
        blocks = [b for b in html.unescape(entry.summary).split("\n\n") if b.strip()]
        assert html_text.count("<p>") == len(blocks)


def _descriptions_are_the_snippets(raw: str, by_url: dict[str, dict], platform: str) -> None:
    """Each item's <description>, read by an XML parser (the one unescaping a tool does),
    is the snippet's feed text exactly: escaped once, never twice."""
    items = ElementTree.fromstring(raw.encode()).findall("./channel/item")
    assert items, platform
    for item in items:
        snippet = by_url[item.findtext("link")][platform]
        assert item.findtext("description") == snippet["feed_text"], (platform, snippet["text"])


def test_json_feed_tags_name_each_term_once(sample_hub: Hub) -> None:
    document = json.loads((sample_hub.site / "feeds" / "feed.json").read_text())
    for item in document["items"]:
        folded = [t.casefold() for t in item.get("tags", [])]
        assert len(folded) == len(set(folded)), item["tags"]
    grief = next(i for i in document["items"]
                 if i["url"].endswith("/grief-does-not-follow-a-schedule/"))  # fmt: skip
    assert "Grief" in grief["tags"] and "grief" not in grief["tags"]


def test_the_subscribe_page_leads_with_one_plain_choice_per_audience(sample_hub: Hub) -> None:
    page = (sample_hub.site / "subscribe" / "index.html").read_text()
    article = page[page.index("<article") : page.rindex("</article>")]
    choose = article[article.index('id="feeds-choose"') : article.index("</section>")]
    headings = re.findall(r'type="application/rss\+xml">([^<]+)</a>', choose)
    assert headings == ["Articles for clients", "Articles for the community",
                        "Articles for clinicians", "Every article"]  # fmt: skip
    assert "including the articles written for clinicians" in choose
    assert "press and hold" in choose
    # No raw address to wrap mid-word on a phone, and no jargon before the reader opens
    # "Other formats".
    visible = re.sub(r"<details.*?</details>", "", article, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", visible)
    assert "https://" not in text and "feeds/" not in text
    assert not re.search(r"\b(RSS|Atom|JSON Feed)\b", text)
    # Every feed is still offered, tags and sharing tools behind their summaries.
    linked = set(re.findall(r'href="\.\./(feeds/[^"]+)"', article))
    assert set(SOCIAL_FEEDS) <= linked and set(SITE_FEEDS) <= linked
