"""Publishing outputs built from the core model: RSS, Atom and JSON feeds, social text.

Never imports MkDocs: the plugin (``carepress.mkdocs.feeds``) hands over plain data
(``FeedPost``, ``Site``) and these modules write files.
"""

from .catalog import FeedCatalog, FeedLink, feed_catalog
from .feeds import write_feeds
from .post import FeedPost, Site, in_feeds
from .social_text import social_text

__all__ = [
    "FeedCatalog",
    "FeedLink",
    "FeedPost",
    "Site",
    "feed_catalog",
    "in_feeds",
    "social_text",
    "write_feeds",
]
