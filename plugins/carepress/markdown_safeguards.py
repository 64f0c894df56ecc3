"""`carepress.markdown_safeguards`: CarePress's safeguards placed by Python-Markdown itself,
for engines that run no MkDocs plugins (Zensical reads `markdown_extensions` from mkdocs.yml
and renders every page with them, but skips the `carepress` plugin without a word).

Listed in `markdown_extensions`, it does nothing under MkDocs or ProperDocs (the plugin
places the safeguards there, through the theme's content.html). Under an engine that tells
the renderer which page it renders (Zensical's rendering context), it

- checks each post as `carepress check` does, links to posts the site leaves out included,
  and stops the build on an error (fail closed: the engine prints the message and writes no
  site);
- puts every page's own HTML through the allowlist, as the plugin does under MkDocs: a page
  it would change stops the build, and the rest is published as the allowlist writes it
  (which closes what the page left open: an unclosed `<b>` would take in the disclaimer);
- makes each heading's entry in the table of contents text (Zensical prints an entry's
  HTML, or its `data-toc-label`, as it is);
- renders its citations and Sources list as the plugin does (inline_citations.py);
- lays the post out with the hub's own partial (overrides/partials/carepress-post.html):
  the warning banner and crisis box before the text, the disclaimer, the fold;
- lists the crisis lines on the crisis page (partials/carepress-crisis-lines.html), and
  adds the text of each policy page (policy_pages.py: its partial, with the crisis lines of
  the practice's region).

Feeds, snippets, share kits and cards are then written by `carepress publish SITE_DIR`, and
`carepress verify` holds the result to the posts.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .sanitise import as_text

# The work itself is in zensical_pages.py, imported only under an engine that needs it.


def _rendering_page(md: Markdown) -> Any | None:
    """The page the engine says it is rendering (Zensical's context), or None (MkDocs)."""
    for processor in md.preprocessors:
        if type(processor).__name__ == "ContextPreprocessor" and hasattr(processor, "page"):
            return processor.page
    return None


class CitationsPreprocessor(Preprocessor):
    """A post's `[@id]` citations as numbered links, before Markdown reads the text."""

    def __init__(self, md: Markdown, config_file: str) -> None:
        super().__init__(md)
        self.config_file = config_file

    def run(self, lines: list[str]) -> list[str]:
        page = _rendering_page(self.md)
        if page is None:
            return lines  # MkDocs or ProperDocs: the plugin does this
        from .zensical_pages import cited_lines

        return cited_lines(page, self.config_file, lines)


class DocumentDone(Treeprocessor):
    """Runs after every other tree step: what the postprocessors see next is the whole page
    (the toc extension runs them on each heading's text before this)."""

    def __init__(self, md: Markdown, postprocessor: SafeguardsPostprocessor) -> None:
        super().__init__(md)
        self.postprocessor = postprocessor

    def run(self, root: Any) -> None:
        self.postprocessor.whole_page_next = True
        _toc_as_text(getattr(self.md, "toc_tokens", None) or [])


def _toc_as_text(tokens: list[dict[str, Any]]) -> None:
    """Each entry's title, HTML and label as text: Python-Markdown makes them from the
    heading by stripping tags with regular expressions, and Zensical prints them as HTML
    (after more regular expressions, which can turn an attribute's value into a new one)."""
    for token in tokens:
        for key in ("name", "html", "data-toc-label"):
            if isinstance(token.get(key), str):
                token[key] = as_text(token[key])
        _toc_as_text(token.get("children") or [])


class SafeguardsPostprocessor(Postprocessor):
    def __init__(self, md: Markdown, config_file: str) -> None:
        super().__init__(md)
        self.config_file = config_file
        self.whole_page_next = False

    def run(self, text: str) -> str:
        if not self.whole_page_next:
            return text  # a heading's text for the table of contents
        self.whole_page_next = False
        page = _rendering_page(self.md)
        if page is None:
            return text  # MkDocs or ProperDocs: the plugin does all this
        from .zensical_pages import finished_page

        return finished_page(page, self.config_file, text)


class SafeguardsExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"config_file": ["mkdocs.yml", "the hub's mkdocs.yml"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Last of all: the text is the page's finished HTML.
        config_file = str(self.getConfig("config_file"))
        # Before raw HTML is stashed (20): a citation may be written as <sup> HTML.
        md.preprocessors.register(CitationsPreprocessor(md, config_file), "carepress", 25)
        postprocessor = SafeguardsPostprocessor(md, config_file)
        md.postprocessors.register(postprocessor, "carepress", 0)
        md.treeprocessors.register(DocumentDone(md, postprocessor), "carepress-done", -100)


def makeExtension(**kwargs: Any) -> SafeguardsExtension:
    return SafeguardsExtension(**kwargs)
