"""`carepress publish SITE_DIR`: CarePress's own outputs written into a site another engine
built (Zensical runs no MkDocs plugin): the feeds, the share kits with snippets.json and
snippets.csv, and the social cards. The same writers as the MkDocs plugin's, from the same
posts; each post's body for the feeds is rendered as the hub renders it (its
markdown_extensions), with its citations and Sources list, through the HTML allowlist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound

from ..engine import Post
from ..inline_citations import cited_html, cited_markdown
from ..safeguards import WarningLabel
from ..settings import Settings
from ..theme_templates import theme_environment
from ..verify.safeguards import EXCERPT_WARNING, excerpt_warning_problem
from .cards import CardSpec, post_card, post_cards, write_cards
from .feed_plan import feed_members
from .feeds import write_feeds
from .post import FeedPost, Site, feed_post
from .search_warnings import warn_in_search_index
from .share_kits import TEMPLATE, ShareKitError, ShareKits, SiteLook
from .slides import NO_VISUALS, write_pdfs

CARD_CACHE = Path(".cache") / "carepress" / "cards"


class PublishError(Exception):
    """What stops `carepress publish` before it writes anything."""


@dataclass(frozen=True)
class Written:
    feeds: int
    share_kits: int
    cards: int


def body_html(report: Post, settings: Settings) -> str:
    """A post's body as its page shows it (before the safeguards around it)."""
    assert report.post is not None and report.front_matter is not None
    sources = list(report.front_matter.sources)
    rendered = settings.markdown.render(cited_markdown(report.post.body, sources))
    return cited_html(settings.sanitiser.clean(rendered).html, sources)


def _search_warnings(
    env: Any, warned: list[tuple[str, Sequence[WarningLabel]]]
) -> dict[str, str]:
    """Each warned post's address -> its one-line warning, as the plugin renders it for the
    blog's excerpts: Zensical's search entries get it as Material's do."""
    try:
        template = env.get_template(EXCERPT_WARNING)
    except TemplateNotFound as exc:
        raise PublishError(f"the theme overrides lack {exc.name}") from exc
    labels = {}
    for address, warnings in warned:
        label = template.render(warnings=warnings)
        problem = excerpt_warning_problem(label, [w.label for w in warnings])
        if problem:
            raise PublishError(problem)
        labels[address] = label
    return labels


def _published(reports: Sequence[Post], now: dt.datetime) -> list[Post]:
    return [r for r in reports if r.front_matter is not None and r.safeguards is not None
            and r.address is not None and r.is_published(now)]  # fmt: skip


def publish_outputs(
    site_dir: Path,
    settings: Settings,
    reports: Sequence[Post],
    now: dt.datetime,
    look: SiteLook,
    site: Site,
    config: Mapping[str, Any],
) -> Written:
    """`config`: mkdocs.yml as data, for the templates (the footer reads the practice)."""
    # As `mkdocs build` does: a post with errors stops it, published or not (a draft's
    # findings are information, so drafts do not), and nothing is written.
    broken = [r.display_path for r in reports if r.has_errors]
    if broken:
        raise PublishError(f"posts with errors: {', '.join(broken)} (see `carepress check`)")
    posts: dict[str, tuple[FeedPost, Post]] = {}
    cards: dict[str, CardSpec] = {}
    pdfs: dict[str, tuple[CardSpec, ...]] = {}
    for r in _published(reports, now):
        key = r.path.relative_to(settings.docs_dir).as_posix()  # MkDocs' src_uri: the guid
        post = feed_post(r, key)
        assert post is not None  # a published post with errors stopped publishing above
        posts[key] = (post, r)
        card = post_card(post.front_matter, post.safeguards, settings.practice.name,
                         settings.card_colours)  # fmt: skip
        cards.update(post_cards(card, post.slug, settings.options.snippets.portraits))
        visuals = r.visuals or NO_VISUALS  # its carousel and quote card, as checked
        cards.update(visuals.cards)
        if visuals.pdf:
            pdfs[visuals.pdf] = tuple(visuals.slides.values())
    # The theme's partials are rendered (and the excerpt warning held to its words) before
    # anything is written.
    kits = ShareKits(settings, reports, now)
    warned = [(r.address.path, r.safeguards.warnings) for _, r in posts.values()
              if r.address is not None and r.safeguards is not None and r.safeguards.warnings]
    search_labels: dict[str, str] = {}
    if warned or kits.enabled:
        if settings.custom_dir is None:
            raise PublishError("the share kits and the search entries' warnings need the "
                               "theme's custom_dir (overrides/)")  # fmt: skip
        env = theme_environment(settings.custom_dir)
        search_labels = _search_warnings(env, warned)
    feeds = 0
    if settings.options.feeds.enabled and settings.site_url:
        # Only the posts some feed carries need their bodies rendered.
        members = feed_members((p for p, _ in posts.values()), settings, now)
        with_bodies = [
            replace(p, body_html=body_html(r, settings)) if key in members else p
            for key, (p, r) in posts.items()
        ]
        feeds = len(write_feeds(site_dir, with_bodies, site, settings, now).all)
    if search_labels:
        warn_in_search_index(site_dir, search_labels)
    if kits.enabled:
        try:
            context = {"config": config, "carepress": {"crisis_page": settings.crisis_page}}
            kits.write(site_dir, env.get_template(TEMPLATE), look, context)
        except TemplateNotFound as exc:
            raise PublishError(f"the theme overrides lack {exc.name}") from exc
        except ShareKitError as exc:
            raise PublishError(str(exc)) from exc
    written = write_cards(site_dir, cards, settings.root / CARD_CACHE)
    write_pdfs(site_dir, pdfs, settings.root / CARD_CACHE)
    return Written(feeds, len(kits.posts), len(written.written))
