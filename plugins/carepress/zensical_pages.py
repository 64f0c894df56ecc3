"""What `carepress.markdown_safeguards` does to a page under an engine that runs no MkDocs
plugins (Zensical): the post checked as `carepress check` checks it, the page's HTML through
the allowlist, the citations, and the hub's partials around the text. Loaded only when an
engine says which page it renders, so a MkDocs build never imports the checks from here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .byline import byline_for
from .checks.html_safety import locate_removals
from .checks.pages import check_page_front, link_findings, read_page
from .checks.unpublished_links import links_in_posts
from .crisis import regions_for
from .engine import Post, check_post, utc_now
from .inline_citations import cited_html, cited_markdown
from .policy_pages import POLICY_PAGES, render_policy
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


def _rendering(page: Any, config_file: str) -> Rendering:
    settings = _settings(config_file)
    source = Path(str(page.path))
    path = source if source.is_absolute() else settings.docs_dir / source
    relative = path.relative_to(settings.docs_dir).as_posix()
    return Rendering(settings, path, relative)


def cited_lines(page: Any, config_file: str, lines: list[str]) -> list[str]:
    """A post's `[@id]` citations as numbered links, before Markdown reads the text."""
    rendering = _rendering(page, config_file)
    if not rendering.is_post:
        return lines
    model = rendering.checked(config_file).front_matter
    assert model is not None
    return cited_markdown("\n".join(lines), list(model.sources)).split("\n")


def finished_page(page: Any, config_file: str, text: str) -> str:
    """The page's whole HTML, allowlisted, with the hub's partials it needs around it."""
    rendering = _rendering(page, config_file)
    settings = rendering.settings
    report = rendering.checked(config_file) if rendering.is_post else None
    text = rendering.allowlisted(text, report)
    if rendering.relative == CRISIS_SOURCE:
        regions = regions_for(settings.practice.crisis_region)
        return text + _render(settings, rendering, CRISIS_PARTIAL, crisis_regions=regions)
    if rendering.relative in POLICY_SOURCES:
        policy = POLICY_SOURCES[rendering.relative]
        if settings.custom_dir is None:
            raise UnsafePost(f"CarePress: the page at {policy.key}/ needs the theme's "
                             f"custom_dir (overrides/) with {policy.partial}")  # fmt: skip
        try:
            return text + render_policy(settings, policy, base_url_of(rendering.relative))
        except ConfigError as exc:
            raise UnsafePost(f"CarePress: {exc}") from exc
    if report is None:
        return text
    assert report.front_matter is not None
    body = cited_html(text, list(report.front_matter.sources))
    byline = byline_for(
        report.front_matter,
        settings.authors,
        settings.post_date_format,
        settings.addressing.language,
    )
    return _render(settings, rendering, POST_PARTIAL, safeguards=report.safeguards,
                   body=Markup(body), byline=byline)  # fmt: skip


def _render(settings: Settings, rendering: Rendering, name: str, **context: Any) -> str:
    from jinja2 import TemplateNotFound  # loaded only once a template is rendered

    try:
        # Zensical reads a relative link in a page's HTML from the page's Markdown file
        # (and rewrites it for the page's address), so the way to the root starts there.
        return (
            _environment(settings)
            .get_template(name)
            .render(
                base_url=base_url_of(rendering.relative),
                carepress={"crisis_page": settings.crisis_page, "blog_index": settings.blog_index},
                **context,
            )
        )
    except TemplateNotFound as exc:
        missing = exc.name or name  # the template itself, or one it includes
        raise UnsafePost(f"CarePress: the theme overrides lack {missing}; copy it from "
                         "the CarePress sample hub") from exc  # fmt: skip
