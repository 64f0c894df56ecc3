"""Write every feed of a hub: RSS and Atom (feedgen), JSON Feed 1.1, per-platform social RSS.

Reproducible by construction: entries are sorted newest first with the source path as the
tie-break, and every date in a feed comes from the posts (feedgen would otherwise stamp
`lastBuildDate` and Atom `updated` with the time of the build). The same posts give
byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from collections.abc import Iterable, Sequence
from pathlib import Path

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from ..settings import Settings
from . import entry, jsonfeed
from .catalog import FeedCatalog, FeedLink
from .feed_plan import plan_feeds
from .platforms import PLATFORMS
from .post import FeedPost, Site
from .snippets import compose

# Material's script reads every <link rel="alternate"> in a page's head as a language
# alternate and fetches the sitemap.xml beside it: each feed folder a page advertises gets
# an empty one, so that fetch finds a file (~100 bytes) instead of the 404 page.
EMPTY_SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)
# The date of an empty hub's feeds: any fixed date keeps the output reproducible.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class _Entries:
    """Builds each post's entry parts once, however many feeds carry the post."""

    def __init__(self, site: Site, settings: Settings) -> None:
        self.site = site
        self.settings = settings
        self.options = settings.options.feeds
        self._content: dict[str, str] = {}

    def content(self, post: FeedPost) -> str:
        if post.key not in self._content:
            self._content[post.key] = entry.content_html(post, self.site, self.options)
        return self._content[post.key]

    def fill(self, fe: FeedEntry, post: FeedPost) -> None:
        guid = post.guid(self.site)
        fe.id(guid)
        fe.guid(guid, permalink=False)
        fe.title(entry.xml_safe(entry.title(post, self.options)))
        fe.link(href=post.url, rel="alternate")
        fe.published(post.published)
        fe.updated(post.updated)
        for name in post.author_names(self.settings.authors):
            fe.author({"name": entry.xml_safe(name)})
            fe.dc.dc_creator(entry.xml_safe(name))  # RSS <author> needs an e-mail address
        for term in post.terms():
            fe.category({"term": entry.xml_safe(term)})
        # RSS readers read <description> as HTML: plain text goes in escaped (Atom: type=html).
        fe.summary(html.escape(entry.xml_safe(entry.summary(post, self.options))), type="html")
        fe.content(self.content(post), type="html")


def _generator(link: FeedLink, site: Site, posts: Sequence[FeedPost], fallback: dt.datetime):
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(site.absolute(link.path))
    fg.title(entry.xml_safe(link.title))
    fg.description(entry.xml_safe(site.description or link.title))
    fg.author({"name": entry.xml_safe(site.author or site.title)})
    fg.language(site.language)
    fg.generator("CarePress")
    fg.link(href=site.absolute(link.path), rel="self", type=link.type)
    fg.link(href=site.url, rel="alternate")  # the last link() is the RSS channel's <link>
    # Sets Atom <updated> and RSS <lastBuildDate>: the newest post, never the build time.
    fg.updated(max((p.updated for p in posts), default=fallback))
    return fg


def _write(site_dir: Path, link: FeedLink, data: bytes) -> Path:
    path = site_dir / link.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_feeds(
    site_dir: Path,
    posts: Iterable[FeedPost],
    site: Site,
    settings: Settings,
    now: dt.datetime,
) -> FeedCatalog:
    """Write all feeds for the posts that are in feeds at `now`; return what was written."""
    plan = plan_feeds(posts, site.title, settings, now)
    catalog, newest = plan.catalog, plan.newest
    fallback = max((p.updated for p in plan.ordered), default=EPOCH)
    entries = _Entries(site, settings)

    def feed(link: FeedLink, chosen: Sequence[FeedPost]) -> None:
        fg = _generator(link, site, chosen, fallback)
        for post in chosen:
            entries.fill(fg.add_entry(order="append"), post)
        if link.format == "Atom":
            _write(site_dir, link, fg.atom_str(pretty=True))
        else:
            _write(site_dir, link, fg.rss_str(pretty=True))

    rss, atom, json_link = catalog.site
    feed(rss, newest)
    feed(atom, newest)
    _write(site_dir, json_link, jsonfeed.render(json_link, site, newest, entries))
    for link, chosen in plan.others:
        feed(link, chosen)
    for link, platform in zip(catalog.social, PLATFORMS, strict=True):
        _write(site_dir, link, _social_feed(link, site, settings, newest, fallback, platform))
    for folder in sorted({posixpath.dirname(link.path) for link in catalog.all}):
        (site_dir / folder / "sitemap.xml").write_bytes(EMPTY_SITEMAP)
    return catalog


def _social_feed(
    link: FeedLink,
    site: Site,
    settings: Settings,
    posts: Sequence[FeedPost],
    fallback: dt.datetime,
    platform: str,
) -> bytes:
    """One item per post whose description is the platform's ready-to-post text."""
    options = settings.options.feeds
    fg = _generator(link, site, posts, fallback)
    for post in posts:
        fe = fg.add_entry(order="append")
        guid = post.guid(site)
        fe.guid(guid, permalink=False)
        fe.title(entry.xml_safe(entry.title(post, options)))
        fe.link(href=post.url, rel="alternate")
        fe.published(post.published)
        text = entry.xml_safe(social_text(post, platform, settings))
        # Plain text where RSS-to-social tools read it (they post the description as text:
        # HTML-escaping it put "&amp;" into every link they posted), and the same text as
        # HTML paragraphs where readers that render HTML look first, so its blank lines
        # survive.
        fe.description(text)
        fe.content(_paragraphs(text), type="html")
    return fg.rss_str(pretty=True)


def _paragraphs(text: str) -> str:
    """Plain text as HTML: a paragraph per blank-line block, a <br> per line break."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
    )


# A post's text for one platform's syndication feed (feeds/social/<platform>.xml): the
# snippet the share kit shows, as RSS-to-social tools need it (Snippet.feed_text).
def social_text(post: FeedPost, platform: str, settings: Settings) -> str:
    snippet = post.snippets.get(platform) or compose(
        platform,
        post.front_matter,
        post.safeguards,
        post.url,
        post.slug,
        settings,
    )
    return snippet.feed_text
