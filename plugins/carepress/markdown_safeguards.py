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

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .byline import byline_for
from .checks.html_safety import locate_removals
from .checks.pages import check_page_front, link_findings, read_page
from .checks.unpublished_links import links_in_posts
from .crisis import regions_for
from .engine import Post, check_post, utc_now
from .inline_citations import cited_html, cited_markdown
from .policy_pages import POLICY_PAGES, render_policy
from .sanitise import as_text
from .settings import CRISIS_SOURCE, ConfigError, Settings, load_settings
from .theme_templates import base_url_of, theme_environment

if TYPE_CHECKING:
    from jinja2 import Environment

POST_PARTIAL = "partials/carepress-post.html"
CRISIS_PARTIAL = "partials/carepress-crisis-lines.html"
POLICY_SOURCES = {page.source: page for page in POLICY_PAGES}  # the policy pages, likewise


class UnsafePost(Exception):
    """A post the checks refuse: the engine stops the build with this message."""


@cache
def _settings(config_file: str) -> Settings:
    return load_settings(Path(config_file))


@cache
def _checked(path: Path, mtime_ns: int, config_file: str) -> Post:
    return check_post(path, _settings(config_file), utc_now(), html=True)


def _rendering_page(md: Markdown) -> Any | None:
    """The page the engine says it is rendering (Zensical's context), or None (MkDocs)."""
    for processor in md.preprocessors:
        if type(processor).__name__ == "ContextPreprocessor" and hasattr(processor, "page"):
            return processor.page
    return None


def _environment(settings: Settings) -> Environment:
    if settings.custom_dir is None:
        raise UnsafePost("CarePress: the theme's custom_dir (overrides/) with its partials "
                         "is needed to place the safeguards")  # fmt: skip
    return theme_environment(settings.custom_dir)


def _errors(report: Post) -> str:
    lines = [f.one_line() for f in report.findings if f.is_error]
    return "\n".join(lines)


@dataclass(frozen=True)
class Rendering:
    """The page the engine renders: its file under docs_dir, and the hub's settings."""

    settings: Settings
    path: Path
    relative: str  # under docs_dir, with "/"

    @property
    def is_post(self) -> bool:
        return self.settings.is_post(self.relative)

    def checked(self, config_file: str) -> Post:
        report = _checked(self.path, self.path.stat().st_mtime_ns, config_file)
        if report.has_errors or report.safeguards is None or report.front_matter is None:
            raise UnsafePost(f"CarePress refuses {report.display_path}:\n{_errors(report)}")
        return report

    def allowlisted(self, page_html: str, report: Post | None = None) -> str:
        """The page's own HTML as the allowlist writes it; a page it would change, or one that
        links to a post the site leaves out, is refused at the lines of its source.
        `report`: the post's, when the page is one (a page is always published)."""
        settings = self.settings
        shown = settings.display_path(self.path)
        linking = report or Post(self.path, shown, post=None, front_matter=None)
        found = [finding for _, finding in links_in_posts([linking], settings, utc_now())]
        sanitised = settings.sanitiser.clean(page_html)
        # (a page the engine makes, such as the blog's archive, has no file)
        page, unread = read_page(self.path, shown) if self.path.is_file() else (None, [])
        body, line = (page.body, page.body_line) if page is not None else ("", 1)
        if sanitised.removals:
            found += locate_removals(shown, body, line, sanitised.removals, settings)
        if report is None:  # a page: its front matter (a title with markup) and help links
            found += unread + (check_page_front(page, settings) if page is not None else [])
            found += link_findings(sanitised.html, self.path, settings)
        found = [finding for finding in found if finding.is_error]
        if found:
            raise UnsafePost(f"CarePress refuses {shown}:\n" +
                             "\n".join(f.one_line() for f in found))  # fmt: skip
        return sanitised.html


def _rendering(md: Markdown, config_file: str) -> Rendering | None:
    page = _rendering_page(md)
    if page is None:
        return None  # MkDocs or ProperDocs: the plugin does all this
    settings = _settings(config_file)
    source = Path(str(page.path))
    path = source if source.is_absolute() else settings.docs_dir / source
    relative = path.relative_to(settings.docs_dir).as_posix()
    return Rendering(settings, path, relative)


class CitationsPreprocessor(Preprocessor):
    """A post's `[@id]` citations as numbered links, before Markdown reads the text."""

    def __init__(self, md: Markdown, config_file: str) -> None:
        super().__init__(md)
        self.config_file = config_file

    def run(self, lines: list[str]) -> list[str]:
        rendering = _rendering(self.md, self.config_file)
        if rendering is None or not rendering.is_post:
            return lines
        model = rendering.checked(self.config_file).front_matter
        assert model is not None
        return cited_markdown("\n".join(lines), list(model.sources)).split("\n")


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
        rendering = _rendering(self.md, self.config_file)
        if rendering is None:
            return text
        settings = rendering.settings
        report = rendering.checked(self.config_file) if rendering.is_post else None
        text = rendering.allowlisted(text, report)
        if rendering.relative == CRISIS_SOURCE:
            regions = regions_for(settings.practice.crisis_region)
            return text + self._render(settings, rendering, CRISIS_PARTIAL,
                                       crisis_regions=regions)  # fmt: skip
        if rendering.relative in POLICY_SOURCES:
            page = POLICY_SOURCES[rendering.relative]
            if settings.custom_dir is None:
                raise UnsafePost(f"CarePress: the page at {page.key}/ needs the theme's "
                                 f"custom_dir (overrides/) with {page.partial}")  # fmt: skip
            try:
                return text + render_policy(settings, page, base_url_of(rendering.relative))
            except ConfigError as exc:
                raise UnsafePost(f"CarePress: {exc}") from exc
        if report is None:
            return text
        assert report.front_matter is not None
        body = cited_html(text, list(report.front_matter.sources))
        byline = byline_for(report.front_matter, settings.authors, settings.post_date_format,
                            settings.addressing.language)
        return self._render(settings, rendering, POST_PARTIAL, safeguards=report.safeguards,
                            body=Markup(body), byline=byline)  # fmt: skip

    @staticmethod
    def _render(settings: Settings, rendering: Rendering, name: str, **context: Any) -> str:
        from jinja2 import TemplateNotFound  # loaded only once a template is rendered

        try:
            # Zensical reads a relative link in a page's HTML from the page's Markdown file
            # (and rewrites it for the page's address), so the way to the root starts there.
            return _environment(settings).get_template(name).render(
                base_url=base_url_of(rendering.relative),
                carepress={"crisis_page": settings.crisis_page,
                           "blog_index": settings.blog_index}, **context
            )
        except TemplateNotFound as exc:
            missing = exc.name or name  # the template itself, or one it includes
            raise UnsafePost(f"CarePress: the theme overrides lack {missing}; copy it from "
                             "the CarePress sample hub") from exc  # fmt: skip


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
