"""A post's ready-to-post text for one platform, for the per-platform syndication feeds
(feeds/social/<platform>.xml): exactly the snippet the share kit shows, so an RSS-to-social
bridge posts the reviewed text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .snippets import compose

if TYPE_CHECKING:
    from ..settings import Settings
    from .post import FeedPost

def social_text(post: FeedPost, platform: str, settings: Settings) -> str:
    snippet = post.snippets.get(platform) or compose(
        platform,
        post.front_matter,
        post.safeguards,
        post.url,
        post.slug,
        settings,
    )
    # Mastodon's CW travels in its own field; a feed item has only one text, so lead with it.
    if snippet.spoiler_text:
        return f"{snippet.spoiler_text}\n\n{snippet.text}"
    return snippet.text
