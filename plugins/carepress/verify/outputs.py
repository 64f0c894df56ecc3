"""CarePress's own outputs in a built site, held to the posts as they are now: every feed
carries exactly the posts it should, each with its current title, summary, safeguards and
words; snippets.json, each share kit and each card say what the check composes today."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from PIL import Image, UnidentifiedImageError

from ..calendar.site_calendar import SITE_CALENDAR, site_calendar
from ..engine import Post
from ..findings import Finding
from ..publish import entry
from ..publish.cards import CARD_KEY_CHUNK, card_key, post_card, post_cards
from ..publish.catalog import FeedLink
from ..publish.feed_plan import plan_feeds
from ..publish.feeds import social_text
from ..publish.outputs import SHARE_DIR
from ..publish.platforms import PLATFORMS
from ..publish.post import FeedPost, feed_post
from ..publish.profile import profile_kit
from ..publish.slides import NO_VISUALS
from ..publish.snippet_files import SharedPost, post_json, shared_post
from ..settings import Settings
from .rules import OUTPUT_MISSING, STALE, UNPUBLISHED, site_finding
from .site_files import SiteFiles
from .text import missing_sentences, plain_sentences, words

Shown = Callable[[str], str]
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str
    summary: str  # as the feed holds it (HTML-escaped text in the site's feeds)
    content: str  # HTML


def _text(element: Any) -> str:
    return element.text or "" if element is not None else ""


def _items(raw: bytes, link: FeedLink) -> list[FeedItem]:
    """A feed's entries, read as a feed reader reads them. Raises ValueError if unreadable."""
    if link.format == "JSON Feed":
        document = json.loads(raw)
        return [
            FeedItem(str(i.get("url", "")), str(i.get("title", "")), str(i.get("summary", "")),
                     str(i.get("content_html", "")))
            for i in document.get("items", [])
        ]  # fmt: skip
    try:
        root = etree.fromstring(raw, _XML)
    except etree.XMLSyntaxError as exc:
        raise ValueError(str(exc)) from exc
    if link.format == "Atom":
        found = []
        for e in root.iter(f"{_ATOM}entry"):
            href = next((a.get("href", "") for a in e.iter(f"{_ATOM}link")
                         if a.get("rel", "alternate") == "alternate"), "")  # fmt: skip
            found.append(FeedItem(href, _text(e.find(f"{_ATOM}title")),
                                  _text(e.find(f"{_ATOM}summary")),
                                  _text(e.find(f"{_ATOM}content"))))  # fmt: skip
        return found
    return [
        FeedItem(_text(i.find("link")), _text(i.find("title")),
                 _text(i.find("description")), _text(i.find(_RSS_CONTENT)))
        for i in root.iter("item")
    ]  # fmt: skip


class _Expected:
    def __init__(self, settings: Settings, reports: Sequence[Post]) -> None:
        self.settings = settings
        self.options = settings.options.feeds
        self.by_url = {r.address.url: r for r in reports if r.address is not None}

    def item_problems(self, item: FeedItem, post: FeedPost, report: Post) -> list[str]:
        problems = []
        if item.title != entry.xml_safe(entry.title(post, self.options)):
            problems.append(f"its title is {item.title!r}")
        if " ".join(html.unescape(item.summary).split()) != " ".join(
            entry.xml_safe(entry.summary(post, self.options)).split()
        ):
            problems.append("its summary is not the post's description")
        shown = words(html.unescape(item.content))
        needed = [words(post.safeguards.disclaimer)]
        needed += [words(w.label) for w in post.safeguards.warnings]
        if post.safeguards.crisis is not None:
            needed.append(words(post.safeguards.crisis.lines[0].name))
        if any(n not in shown for n in needed):
            problems.append("its content lacks a safeguard")
        if self.options.full_content:
            body = report.post.body if report.post is not None else ""
            if missing_sentences(plain_sentences(body), shown):
                problems.append("its content is not the post's text")
        elif words(post.front_matter.description) not in shown:
            problems.append("its content is not the post's description")
        return problems


def feed_findings(
    files: SiteFiles, reports: Sequence[Post], settings: Settings, now: dt.datetime, shown_as: Shown
) -> list[Finding]:
    """Every feed the catalog lists, with exactly the posts `write_feeds` gives it."""
    if not settings.options.feeds.enabled or not settings.site_url:
        return []
    posts = [p for r in reports if (p := feed_post(r, r.display_path)) is not None]
    plan = plan_feeds(posts, settings.site_name, settings, now)
    catalog, newest = plan.catalog, plan.newest
    wanted: list[tuple[FeedLink, list[FeedPost]]] = [(link, newest) for link in catalog.site]
    wanted += plan.others
    expected = _Expected(settings, reports)
    findings: list[Finding] = []
    for link, posts in wanted:
        findings += _one_feed(files, link, posts, expected, shown_as, now)
    for link, platform in zip(catalog.social, PLATFORMS, strict=True):
        findings += _social_feed(files, link, newest, platform, expected, shown_as)
    return findings


def _read_items(files: SiteFiles, link: FeedLink, shown_as: Shown) -> list[FeedItem] | Finding:
    where = shown_as(link.path)
    try:
        raw = (files.root / link.path).read_bytes()
    except OSError:
        return site_finding(where, OUTPUT_MISSING, f"the feed {link.path} is missing")
    try:
        return _items(raw, link)
    except ValueError as exc:
        return site_finding(where, STALE, f"the feed {link.path} cannot be read: {exc}")


def _membership(
    link: FeedLink, items: list[FeedItem], posts: Sequence[FeedPost], expected: _Expected,
    now: dt.datetime, where: str,
) -> list[Finding]:
    findings = []
    urls = {item.url for item in items}
    for post in posts:
        if post.url not in urls:
            findings.append(site_finding(where, STALE,
                                         f"the feed lacks {post.key} ({post.url})"))  # fmt: skip
    wanted = {post.url for post in posts}
    for url in sorted(urls - wanted):
        report = expected.by_url.get(url)
        model = report.front_matter if report is not None else None
        if model is not None and (not model.is_published(now) or model.is_expired(now)):
            why = "a draft" if model.draft else "not published or expired"
            shown = report.display_path if report is not None else url
            findings.append(site_finding(where, UNPUBLISHED, f"the feed carries {shown}, {why}"))
        else:
            extra = f"the feed carries {url}, which it should not now"
            findings.append(site_finding(where, STALE, extra))
    return findings


def _one_feed(
    files: SiteFiles, link: FeedLink, posts: Sequence[FeedPost], expected: _Expected,
    shown_as: Shown, now: dt.datetime,
) -> list[Finding]:
    items = _read_items(files, link, shown_as)
    if isinstance(items, Finding):
        return [items]
    where = shown_as(link.path)
    findings = _membership(link, items, posts, expected, now, where)
    by_url = {item.url: item for item in items}
    for post in posts:
        item = by_url.get(post.url)
        if item is None:
            continue
        problems = expected.item_problems(item, post, expected.by_url[post.url])
        if problems:
            findings.append(site_finding(
                where, STALE, f"the entry of {post.key} differs from the post now: "
                + "; ".join(problems)))  # fmt: skip
    return findings


def _social_feed(
    files: SiteFiles, link: FeedLink, posts: Sequence[FeedPost], platform: str,
    expected: _Expected, shown_as: Shown,
) -> list[Finding]:
    items = _read_items(files, link, shown_as)
    if isinstance(items, Finding):
        return [items]
    where = shown_as(link.path)
    never = dt.datetime.max.replace(tzinfo=dt.UTC)  # its posts are the site feed's, chosen
    findings = _membership(link, items, posts, expected, never, where)
    by_url = {item.url: item for item in items}
    for post in posts:
        item = by_url.get(post.url)
        wanted = entry.xml_safe(social_text(post, platform, expected.settings))
        if item is not None and item.summary != wanted:
            stale = f"the {platform} text of {post.key} is not what the check composes now"
            findings.append(site_finding(where, STALE, stale))
    return findings


def shared_findings(
    files: SiteFiles, reports: Iterable[Post], settings: Settings, now: dt.datetime, shown_as: Shown
) -> list[Finding]:
    """snippets.json and each share kit page: the posts shared now, with today's texts."""
    if not settings.options.snippets.enabled:
        return []
    shared = {p.slug: p for r in reports if (p := shared_post(r, settings, now)) is not None}
    findings = _snippets_json(files, shared, settings, shown_as)
    for slug, post in shared.items():
        for relative in (f"{SHARE_DIR}/{slug}/index.html", f"{SHARE_DIR}/{slug}.html"):
            kit = files.read(relative)
            if kit is not None:
                break
        if kit is None:
            findings.append(site_finding(shown_as(f"{SHARE_DIR}/{slug}/"), OUTPUT_MISSING,
                                         f"the share kit of {post.url} is missing"))  # fmt: skip
            continue
        texts = [s["text"] for s in json.loads(post.snippets.json).values()]
        if missing_sentences([words(t) for t in texts], kit.words):
            findings.append(site_finding(shown_as(relative), STALE,
                                         f"the share kit of {post.url} shows other texts "
                                         "than the check composes now"))  # fmt: skip
    return findings


def _snippets_json(
    files: SiteFiles, shared: dict[str, SharedPost], settings: Settings, shown_as: Shown
) -> list[Finding]:
    relative = f"{SHARE_DIR}/snippets.json"
    where = shown_as(relative)
    try:
        document = json.loads((files.root / relative).read_bytes())
        listed = {str(p.get("slug")): p for p in document.get("posts", [])}
    except OSError:
        return [site_finding(where, OUTPUT_MISSING, "social/snippets.json is missing")]
    except (ValueError, AttributeError, TypeError) as exc:
        return [site_finding(where, STALE, f"social/snippets.json cannot be read: {exc}")]
    findings = []
    for slug, post in shared.items():
        if slug not in listed:
            findings.append(site_finding(where, STALE, f"snippets.json lacks {post.url}"))
        elif listed[slug] != json.loads(post_json(post)):
            findings.append(site_finding(where, STALE, f"the snippets of {post.url} are not "
                                         "what the check composes now"))  # fmt: skip
    for slug in sorted(set(listed) - set(shared)):
        findings.append(site_finding(where, UNPUBLISHED, f"snippets.json lists {slug!r}, a "
                                     "post that is not shared now (a draft, future, expired "
                                     "or broken post)"))  # fmt: skip
    if document.get("profile") != json.loads(json.dumps(profile_kit(settings))):
        findings.append(site_finding(where, STALE, "the profile kit in snippets.json is not "
                                     "the practice's profile now"))  # fmt: skip
    return findings


def calendar_findings(
    files: SiteFiles, reports: Sequence[Post], settings: Settings, now: dt.datetime,
    shown_as: Shown,
) -> list[Finding]:  # fmt: skip
    """social/calendar.ics: this year's observances and the published posts' reviews."""
    if not settings.options.snippets.enabled:
        return []
    relative = f"{SHARE_DIR}/{SITE_CALENDAR}"
    try:
        found = (files.root / relative).read_bytes()
    except OSError:
        return [site_finding(shown_as(relative), OUTPUT_MISSING, f"{relative} is missing")]
    if found != site_calendar(reports, settings, now):
        return [site_finding(shown_as(relative), STALE, f"{relative} is not the practice's "
                             "calendar now (observances and reviews)")]  # fmt: skip
    return []


def card_findings(
    files: SiteFiles, published: Iterable[Post], settings: Settings, shown_as: Shown
) -> list[Finding]:
    """Each published post's card (and its portrait twin with the share kits on, its
    carousel slides and their PDF, its quote card): there, and drawn from what the post
    shows now."""
    findings = []
    for report in published:
        assert report.front_matter is not None and report.safeguards is not None
        assert report.address is not None
        spec = post_card(report.front_matter, report.safeguards, settings.practice.name,
                         settings.card_colours)  # fmt: skip
        portraits = settings.options.snippets.portraits
        visuals = report.visuals or NO_VISUALS  # its slides and quote card, as checked
        wanted_cards = {**post_cards(spec, report.address.slug, portraits), **visuals.cards}
        if visuals.pdf and not (files.root / visuals.pdf).is_file():
            missing = f"the carousel PDF of {report.display_path} is missing"
            findings.append(site_finding(shown_as(visuals.pdf), OUTPUT_MISSING, missing))
        for relative, wanted in wanted_cards.items():
            try:
                with Image.open(files.root / relative) as image:
                    key = image.info.get(CARD_KEY_CHUNK)
            except (OSError, UnidentifiedImageError):
                missing = f"the card of {report.display_path} is missing"
                findings.append(site_finding(shown_as(relative), OUTPUT_MISSING, missing))
                continue
            if key != card_key(wanted):
                stale = (f"the card of {report.display_path} shows another title or other "
                         "warnings than the post now")  # fmt: skip
                findings.append(site_finding(shown_as(relative), STALE, stale))
    return findings
