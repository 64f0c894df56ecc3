"""Publishing outputs built from the core model: RSS, Atom and JSON feeds, social text.

Never imports MkDocs: the plugin (``carepress.mkdocs.feeds``) hands over plain data
(``FeedPost``, ``Site``) and these modules write files. Import from the modules themselves
(``carepress.publish.feeds``, ``.snippets``, ...): this package loads none of them, so
`carepress check` does not pay for the feed writer (feedgen, lxml) it never uses.
"""
