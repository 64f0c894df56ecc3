"""The `carepress` MkDocs plugin: validate every post before Material's blog plugin reads it."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..budget import RENDERS_PER_POST
from ..byline import byline_for
from ..checks.collisions import duplicate_addresses, page_collisions
from ..checks.crisis_page import crisis_page_message
from ..checks.pages import link_findings
from ..checks.site_url import site_url_message
from ..checks.unpublished_links import LinksInPages, nav_findings
from ..crisis import regions_for
from ..engine import Post, check_front, utc_now
from ..findings import Finding, in_reading_order, summary
from ..hub_findings import HubFindings
from ..inline_citations import cited_html, cited_markdown, superscript
from ..model import FrontMatter
from ..parallel import Checking, InBackground
from ..policy_pages import policy_values
from ..publish.card_colours import unmatched_primary
from ..publish.platforms import PLATFORMS
from ..publish.search_warnings import warn_in_search_index, warn_new_entries
from ..publish.share_kits import ShareKits
from ..rendering import MarkdownSetup
from ..report_cache import ReportCache
from ..safeguards import Safeguards
from ..settings import (
    CRISIS_SOURCE,
    CarePressOptions,
    ConfigError,
    Settings,
    configured_site_url,
    settings_from_options,
)
from ..verify.safeguards import (
    CRISIS_LINE_PAGES,
    EXCERPT_WARNING,
    crisis_page_problem,
    excerpt_warning_problem,
)
from .cards_and_meta import CardsAndMeta
from .content_security import ContentSecurity
from .feeds import FeedCollector, FeedLinks
from .finishing import PageVerdicts
from .kept_content import KeptContent
from .other_plugins import (
    OFFLINE_UNSUPPORTED,
    enabled_plugins,
    inline_script_plugin,
    offline_enabled,
)
from .pages import address_problems, check_pages, missing_templates
from .preview import notice_html, stop_on_sigterm, write_sanitised
from .render_guard import guard_render
from .share_kit import write_share_kits
from .staged_site import StagedSite
from .theme_values import (
    BANNER_ID,
    TITLE_ID,
    escape_authors,
    escape_links,
    escape_page,
    escape_page_titles,
    escape_title_from_heading,
    skip_to_the_top,
    toc_as_text,
)
from .unsafe_html import UnsafeHtml

log = get_plugin_logger(__name__)
TEMPLATE_CACHE = Path(".cache") / "carepress" / "templates"


def _meta_file(config: MkDocsConfig) -> str:
    """The name of the meta plugin's files (its `meta_file` option, when it is on)."""
    meta = config.plugins.get("material/meta")
    return str(getattr(meta, "config", {}).get("meta_file") or ".meta.yml")


@dataclass
class PendingChecks:
    """The posts' checks started in on_files, what they are kept in, and the hub's own."""

    checking: Checking
    cache: ReportCache
    hub: HubFindings
    posts: dict[str, Path]  # src_uri -> file
    files: Files
    config: MkDocsConfig


class CarePressPlugin(BasePlugin):
    # Every option of carepress.settings.CarePressOptions, passed through untouched: the core
    # validates them (with the same messages as `carepress check`), so there is one schema.
    config_scheme = tuple(
        (name, c.Optional(c.Type(object))) for name in CarePressOptions.model_fields
    )
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.command = ""  # build, serve, gh-deploy (on_startup tells)
        self.cleans = False  # whether MkDocs empties site_dir first (on_startup tells)
        self.settings: Settings | None = None
        self.reports: dict[str, Post] = {}
        self.env: Environment | None = None
        self._temp_dir: Path | None = None
        self._now = utc_now()
        self.feeds: FeedCollector | None = None
        self.sharing: CardsAndMeta | None = None
        self.share_kits: ShareKits | None = None
        self._hub_key: bytes | None = None  # the report cache's hash of the hub (on_files)
        self._kept_content: KeptContent | None = None  # pages' cleaned bodies (on_files)
        self._files: Files | None = None
        self._excerpt_warnings: dict[str, str] = {}  # src_uri -> rendered label, per build
        self._search_warnings: dict[str, str] = {}  # a warned post's URL -> its label
        self._verdicts: PageVerdicts | None = None  # pages verified before, by their bytes
        self._site = StagedSite()
        self.unsafe_html: UnsafeHtml | None = None
        self.csp: ContentSecurity | None = None  # the site's policy, from on_env
        self._page_findings: list[Finding] = []  # pages that are not posts, per build
        self._unpublished_links: LinksInPages | None = None  # from on_nav
        # Links to posts left out, and crisis links that mislead: per build, until on_env.
        self._link_findings: list[Finding] = []
        self._plugins: frozenset[str] = frozenset()  # the enabled plugins' names (on_config)
        self._checks: PendingChecks | None = None  # from on_files until on_env at the latest

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[Any, Any]:
        """Material's search plugin renders the language's partial in its own on_config,
        before CarePress's: a theme.language Material lacks is refused here, while MkDocs
        reads the configuration, with CarePress's message instead of Jinja's traceback."""
        result = super().load_config(options, config_file_path)
        if config_file_path:
            from mkdocs.config.base import ValidationError

            from ..checks.theme_files import language_problem
            from ..settings import hub_config, material_templates

            theme = hub_config(Path(config_file_path)).get("theme")
            language = theme.get("language") if isinstance(theme, dict) else None
            templates = material_templates()
            problem = language_problem(str(language), [templates]) if templates else None
            if language and problem:
                raise ValidationError(f"CarePress: {problem}")
        return result

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.serving = command == "serve"
        self.cleans = not dirty
        if self.serving:
            stop_on_sigterm()  # so on_shutdown removes the preview's sanitised copies

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._now = utc_now()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        blog = config.plugins.get("material/blog")
        if blog is None:
            raise PluginError("CarePress needs Material's blog plugin: add '- blog' to plugins")
        if offline_enabled(config.plugins):
            raise PluginError(OFFLINE_UNSUPPORTED)
        self._plugins = enabled_plugins(config.plugins)
        if not config.site_url:  # (`mkdocs serve` sets the preview's own)
            raise PluginError(f"CarePress: {site_url_message(Path(config.config_file_path).name)}")
        options = {k: v for k, v in self.config.items() if v is not None}
        try:
            config_file = Path(config.config_file_path)
            # While serving, config.site_url is the preview's local address; a link to
            # http://127.0.0.1:8000/... would be counted as written, not as X's 23.
            site_url = configured_site_url(config_file) if self.serving else config.site_url
            if not site_url:  # serving: the preview works, a build will stop on it
                log.warning(f"{site_url_message(config_file.name)} (`mkdocs build` stops "
                            "on this; the preview goes on)")  # fmt: skip
            self.settings = settings_from_options(
                config_file.parent,
                Path(config.docs_dir),
                dict(blog.config),
                options,
                config.extra,
                site_url=site_url or "",
                site_name=config.site_name,
                markdown=MarkdownSetup(tuple(config.markdown_extensions), config.mdx_configs),
                theme_dirs=tuple(Path(d) for d in config.theme.dirs),
                custom_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
                language=str(config.theme.get("language") or "en"),
                directory_urls=bool(config.use_directory_urls),
                palette=config.theme.get("palette"),
                meta_file=_meta_file(config),
            )
        except ConfigError as exc:
            raise PluginError(str(exc)) from exc
        from ..checks.site_url import site_url_problems

        for severity, message, fix in site_url_problems(site_url, self.settings.practice.name):
            text = f"{config_file.name}: site_url: {message}. To fix it, {fix}."
            if severity == "error" and not self.serving:  # a preview goes on
                raise PluginError(f"CarePress: {text}")
            log.warning(text)
        from ..checks.sample_leftovers import hub_leftovers

        for leftover in hub_leftovers(self.settings, config_file):
            log.warning(f"{leftover.path}:{leftover.line}: {leftover.message}. To fix it, "
                        f"{leftover.hint}.")
        from ..checks.theme_files import theme_problems

        problems = theme_problems(self.settings)
        if problems:
            raise PluginError("CarePress: " + "\n".join(problems))
        unmatched = unmatched_primary(config.theme.get("palette"), self.settings.theme_dirs)
        if unmatched:
            log.info(f"the cards keep CarePress's teal: the palette's primary {unmatched!r} is "
                     "not one of Material's named colours (a custom colour is set in CSS, "
                     "which the cards cannot read)")  # fmt: skip
        self.unsafe_html = UnsafeHtml(self.settings)
        if self.command == "build" and self.cleans:
            # The site is built beside site_dir and replaces it only if the build succeeds.
            config.site_dir = self._site.begin(config.site_dir)
        if not self.settings.future_posts_are_drafts:
            raise PluginError(
                "CarePress needs 'draft_if_future_date: true' in the blog plugin, "
                "so future-dated posts are never published early"
            )
        return config

    # Before the blog plugin (priority -50) reads the posts with its own, less forgiving parser.
    @event_priority(100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        self.reports = {}
        self._newest: str | None = None  # the newest published post's date (the sitemap's)
        settings = self.settings
        config_file = Path(config.config_file_path)
        # A build's reports and a preview's (which renders each post) are kept apart.
        cache = ReportCache(settings, config_file, html=self.serving)
        self._hub_key = cache.hub
        kind = "serve" if self.serving else "build"
        self._kept_content = KeptContent(settings.root, cache.hub, kind)
        self._page_findings = page_collisions(settings)
        left_out, findings = check_pages(files, self.settings, drafts=not self.serving)
        self._page_findings += findings
        for shown in left_out:
            log.info(f"{shown}: a draft (draft: true), left out of the site")
        posts = {
            file.src_uri: Path(file.abs_src_path or "")
            for file in files.documentation_pages()
            if self.settings.is_post(file.src_path)  # the blog plugin's own rule
        }
        self.reports, self._checks = self._start_checks(posts, cache, files, config)
        if not self.cleans and not self.serving:
            self._refuse_pages_left_online(Path(config.site_dir))
        self._hold_crisis_page_to_mkdocs(files)
        self.feeds = FeedCollector(
            self.settings, config, self.reports, self._now, (cache.hub, cache.key_of)
        )
        self.sharing = CardsAndMeta(self.settings, config, self.reports, self._now)
        # Material's blog plugin would trip over a broken post's front matter: stop before
        # it reads it, with every finding of every post (as `carepress check` reports them).
        # A preview shows each post's findings on its page: it waits for them here too.
        if self.serving or any(report.has_errors for report in self.reports.values()):
            self._finish_post_checks()
        return files

    def _start_checks(
        self, posts: dict[str, Path], cache: ReportCache, files: Files, config: MkDocsConfig
    ) -> tuple[dict[str, Post], PendingChecks]:
        """Every post's report as far as the blog needs it now (kept from the last build
        where nothing it depends on changed, report_cache.py; else its front matter), and
        the rest of its checks started on the other cores, while MkDocs reads and renders
        the site (a preview, with other threads that forking does not copy, checks here).
        A build judges the HTML MkDocs renders (on_page_content); a preview also renders
        each post in its check, to show its problems at their lines."""
        assert self.settings is not None
        kept, missing = cache.lookup(list(posts.values()), self._now)
        config_file = Path(config.config_file_path)
        hub = HubFindings(cache, self.settings, config_file)  # the practice's texts: kept, or
        try:  # checked by one of the workers
            checking = Checking(
                missing, self.settings, self._now, html=self.serving, keep_text=self.serving,
                also=hub.task, workers=0 if self.serving else None,
            )  # fmt: skip
        except ValueError as exc:  # CAREPRESS_WORKERS=many
            raise PluginError(f"CarePress: {exc}") from exc
        fronts = {path: self._front(path) for path in missing}
        reports = {src_uri: kept.get(path) or fronts[path] for src_uri, path in posts.items()}
        return reports, PendingChecks(checking, cache, hub, posts, files, config)

    def _front(self, path: Path) -> Post:
        """A post's front matter, until its whole report comes (a build keeps no text)."""
        assert self.settings is not None
        report = check_front(path, self.settings, self._now)
        if not self.serving:
            report.post = None
        return report

    def _finish_post_checks(self) -> None:
        """Wait for the posts' checks (and the practice's texts), keep them for the next
        build, then report every finding; stop a build on errors (or, serving, preview the
        posts). Before any page is written: on_env at the latest."""
        pending, self._checks = self._checks, None
        if pending is None:
            return
        assert self.settings is not None
        try:
            fresh, practice = pending.checking.wait()
            self._page_findings += pending.hub.finish(practice)
        except ConfigError as exc:  # a policy page's text that cannot be rendered
            raise PluginError(f"CarePress: {exc}") from exc
        pending.cache.keep(fresh, self._now)
        pending.cache.store()
        checked = {report.path: report for report in fresh}
        kept = len(pending.posts) - len(checked)
        log.debug(f"{len(checked)} posts checked, {kept} unchanged since the last build")
        for src_uri, path in pending.posts.items():
            if path in checked:
                self.reports[src_uri] = checked[path]
        for report, finding in duplicate_addresses(self.reports.values(), self.settings, self._now):
            report.findings.append(finding)
        self._judge(pending.files, pending.config)
        if not self.serving and self.sharing is not None:
            self.sharing.start_drawing(InBackground.workers_beside_the_build(len(self.reports)))

    def _hold_crisis_page_to_mkdocs(self, files: Files) -> None:
        """Every page's footer, each crisis box, the policies and the feeds link to the
        crisis page at Settings.crisis_page; MkDocs' own File for the page says where it is
        (use_directory_urls decides). They must be one, or every crisis link is a 404."""
        assert self.settings is not None
        crisis = files.get_file_from_path(CRISIS_SOURCE)
        if crisis is None:
            if self.serving:
                return
            shown = self.settings.display_path(self.settings.docs_dir / CRISIS_SOURCE)
            raise PluginError(f"CarePress: {crisis_page_message(shown)}")
        if crisis.url != self.settings.crisis_page:
            raise PluginError(
                f"CarePress: MkDocs publishes the crisis page at {crisis.url}, but CarePress "
                f"links to {self.settings.crisis_page}: a plugin changed use_directory_urls "
                "after CarePress read it. Remove that plugin, or please report this."
            )

    def _refuse_pages_left_online(self, site_dir: Path) -> None:
        """`--dirty` updates site_dir in place: a post published before and left out now (made
        a draft again, or dated forward) would keep its page, its place on the blog's
        pages, its tag feeds, its card and its share kit. Any of them still there (the page
        deleted by hand leaves the rest: a sixth red team) refuses the build."""
        left_out = [
            report for report in self.reports.values()
            if report.address is not None and report.left_out_because(self._now)
        ]  # fmt: skip
        if not left_out:
            return
        listings = "".join(
            path.read_text(encoding="utf-8", errors="replace")
            for path in (site_dir / "sitemap.xml", site_dir / "search" / "search_index.json")
            if path.is_file()
        )
        online = sorted(
            report.display_path for report in left_out
            if (address := report.address) is not None
            and ((site_dir / address.page_file.lstrip("/")).is_file()
                 or (site_dir / address.card_path).is_file()
                 or (site_dir / "social" / address.slug).is_dir()
                 or f"{address.path}<" in listings or f'"{address.path}"' in listings
                 or f'"{address.path}#' in listings)
        )  # fmt: skip
        if online:
            raise PluginError(
                f"CarePress: {', '.join(online)} is no longer published, but its page, card, "
                "share kit or entries from an earlier build are in site_dir, and --dirty would "
                "leave them online with its entries in the blog's pages and feeds: build "
                "without --dirty."
            )

    def _safeguards(self, src_uri: str) -> Safeguards | None:
        report = self.reports.get(src_uri)
        return report.safeguards if report is not None else None

    def _judge(self, files: Files, config: MkDocsConfig) -> None:
        """Report every finding; stop a build on errors (or, serving, preview the posts)."""
        findings = [f for r in self.reports.values() for f in r.findings]
        self._report(findings + self._page_findings)
        broken = [r for r in self.reports.values() if r.has_errors]
        if broken and self.serving:
            self._swap_for_preview(files, config)

    def _report(self, findings: list[Finding]) -> None:
        """Log these findings; stop a build if any is an error."""
        for finding in in_reading_order(findings):
            {"error": log.error, "warning": log.warning, "info": log.info}[finding.severity](
                finding.one_line()
            )
        if any(f.is_error for f in findings) and not self.serving:
            raise PluginError(
                f"CarePress: {summary(findings)} Fix them (or run `carepress check`); "
                "nothing was published."
            )

    def _finish_checks(self, config: MkDocsConfig) -> None:
        """In on_env, after MkDocs has rendered every page's body and before it writes any:
        stop if the HTML allowlist found errors, or a page links to a post left out."""
        assert self.unsafe_html is not None
        posts, pages = self.unsafe_html.findings(self.reports)
        links, self._link_findings = self._link_findings, []
        self._report(posts + pages + links)  # the rest were reported in on_files
        self._page_findings += pages + links
        self.share_kits = ShareKits(self.settings, self.reports.values(), self._now)
        if self._hub_key is not None:
            self.share_kits.keep_pages(self.settings, self._hub_key)

    def _temp(self) -> Path:
        """Where sanitised copies of broken posts live while serving; removed at shutdown."""
        if self._temp_dir is None:
            self._temp_dir = Path(tempfile.mkdtemp(prefix="carepress-"))
        return self._temp_dir

    def _swap_for_preview(self, files: Files, config: MkDocsConfig) -> None:
        for src_uri, report in self.reports.items():
            if not report.has_errors:
                continue
            original = files.get_file_from_path(src_uri)
            if original is None:
                continue
            files.remove(original)
            copy = write_sanitised(report, self.settings, self._temp(), src_uri, self._now.date())
            files.append(File.generated(config, src_uri, abs_src_path=str(copy)))

    # After the blog plugin has computed URLs from titles (on_files) and attached posts (on_nav),
    # before anything is rendered: what Material prints without escaping is escaped once, at
    # its source (theme_values.py). Feeds and snippets read the core model instead.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._hold_to_materials_posts(config.plugins.get("material/blog"))
        self._hold_to_materials_addresses(files)
        assert self.settings is not None
        left_out = {}  # the posts the blog plugin has just left out, by their addresses
        for file in files.documentation_pages(inclusion=lambda level: level.is_excluded()):
            report = self.reports.get(file.src_uri)
            why = report.left_out_because(self._now) if report is not None else None
            if why is not None:
                left_out[file.url] = (report.path, why)
        published = [file.url for file in files.documentation_pages()]
        self._unpublished_links = LinksInPages(left_out, self.settings, published)
        # Reported with the pages' links (on_env), before any page is written.
        self._link_findings += nav_findings(
            config.nav, Path(config.config_file_path), self.settings, self._unpublished_links
        )
        escape_page_titles(files)
        blog = config.plugins.get("material/blog")
        escape_authors(getattr(blog, "authors", {}).values())
        escape_links(getattr(getattr(blog, "blog", None), "posts", []))
        return nav

    def _hold_to_materials_addresses(self, files: Files) -> None:
        """Every snippet, share kit, card and address check used the address CarePress
        computed (publish/address.py, before Material's on_files); Material's own is the
        one readers reach. They must be one: if they ever differ (a blog option or a
        slugify CarePress reads otherwise), stop rather than publish links to nowhere."""
        differ = []
        for src_uri, report in self.reports.items():
            file = files.get_file_from_path(src_uri)
            if report.address is None or file is None or file.url == report.address.path:
                continue
            if report.front_matter is not None and report.front_matter.draft:
                continue  # never published, never linked
            differ.append(f"{report.display_path}: Material publishes it at {file.url}, "
                          f"CarePress computed {report.address.path}")  # fmt: skip
        if differ:
            raise PluginError(
                "CarePress: the blog plugin and CarePress disagree on where posts land, so "
                "snippets and share kits would link elsewhere; please report this with your "
                "blog plugin's options:\n  " + "\n  ".join(differ)
            )

    def _hold_to_materials_posts(self, blog: Any) -> None:
        """The blog plugin's own posts are what the site publishes; CarePress's outputs
        (feeds, share kits, snippets, calendar) follow each post's front matter. A post the
        blog left out that its front matter calls published (made a draft or dated by
        something else: a meta file, another plugin) would have those outputs without a
        page: stop, rather than publish them."""
        listed = getattr(getattr(blog, "blog", None), "posts", None)
        if listed is None or self.serving:  # (a preview shows drafts: draft_on_serve)
            return
        published = {post.file.src_uri for post in listed}
        left_out = sorted(
            report.display_path for src_uri, report in self.reports.items()
            if src_uri not in published and report.is_published(self._now)
        )  # fmt: skip
        if left_out:
            raise PluginError(
                f"CarePress: {', '.join(left_out)}: the blog leaves this post out of the site, "
                "but its own front matter says it is published (a value from elsewhere, "
                "such as a meta file or another plugin, made it a draft or changed its "
                "date), so its share kit, snippets and feed entries would still be "
                "written. Put `draft: true` (or its date) in the post's own front matter; "
                "nothing was published."
            )

    # Citations become numbered links in the post and in its excerpts (Material's excerpt
    # processor re-points "#source-N" links at the post); the Sources list is added to the
    # post page only, in on_page_content.
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.settings is not None
        # MkDocs renders the page right after this event: under the time budget.
        budget = self.settings.options.max_seconds_per_post
        if page.file.src_uri in self.reports:  # a post, which Material renders four times
            budget /= RENDERS_PER_POST
        guard_render(page, budget, self.serving)
        if page.file.src_uri not in self.reports:  # a post's were escaped in on_nav
            escape_page(page)
        report = self.reports.get(page.file.src_uri)
        if report is None or report.front_matter is None or not report.front_matter.sources:
            return markdown
        return cited_markdown(markdown, list(report.front_matter.sources))

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        assert self.settings is not None
        # The theme's templates compiled once, not on every build or preview reload: Jinja
        # keeps each one's code under its name and checks it against its source on load.
        templates = self.settings.root / TEMPLATE_CACHE
        templates.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(templates))
        self._finish_post_checks()
        self._finish_checks(config)
        self.csp = ContentSecurity.for_site(env, config, files)
        self._report(missing_templates(files, env, self.settings))
        problems = address_problems(files)  # every file placed, by every plugin
        for problem in problems:
            log.error(f"CarePress: {problem}")
        if problems and not self.serving:
            raise PluginError("CarePress: pages at one address (above); nothing was published.")
        self._files = files
        self._verdicts = PageVerdicts(self.settings.root, self.csp, config.site_url)
        catalog = self.feeds.catalog if self.feeds else None  # none: no site_url, or feeds off
        env.globals["carepress"] = {
            "practice": self.settings.practice,
            "crisis_regions": regions_for(self.settings.practice.crisis_region),
            "crisis_page": self.settings.crisis_page,  # held to MkDocs' File in on_files
            "blog_index": self.settings.blog_index,  # a warned post's banner's way out
            # What the policy pages' partials read (policy_pages.py).
            "policy": policy_values(self.settings),
            "feeds": catalog,
            "feed_links": FeedLinks(catalog) if catalog else None,
            "platforms": PLATFORMS,
            "csp_meta": self.csp.meta(),
        }
        self.env = env
        self._excerpt_warnings = {}
        self._search_warnings = {}
        return env

    # After the blog plugin (-100) has rendered the excerpts of a blog index, archive or
    # category page: each excerpt of a post with warnings gets a one-line warning.
    @event_priority(-110)
    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        toc_as_text(page.toc)
        safeguards = self._safeguards(page.file.src_uri)
        if safeguards is not None:
            context["carepress_post"] = safeguards
            # "Skip to content" reaches the banner (or the title), not the first section.
            skip_to_the_top(page.toc, BANNER_ID if safeguards.warnings else TITLE_ID,
                            page.title or "")  # fmt: skip
            label = self._excerpt_warning(page.file.src_uri)
            if label:  # its entries in the search index start with it
                self._warn_in_search(config, page.url, label)
            report = self.reports[page.file.src_uri]
            if report.front_matter is not None and self.settings is not None:
                context["carepress_byline"] = byline_for(
                    report.front_matter, self.settings.authors,
                    self.settings.post_date_format, self.settings.addressing.language,
                )
        # Open Graph, Twitter and JSON-LD (PageMeta.html, printed by overrides/main.html).
        if self.sharing is not None:
            context["carepress_meta"] = self.sharing.page_meta(page)
        for excerpt in context.get("posts") or []:
            assert self.unsafe_html is not None
            excerpt.content = superscript(self.unsafe_html.excerpt(excerpt.content))
            label = self._excerpt_warning(excerpt.file.src_uri)
            if label:
                # Right under the excerpt's title, before its first words.
                head, sep, rest = excerpt.content.partition("</h2>")
                excerpt.content = head + sep + label + rest if sep else label + excerpt.content
        return context

    def _warn_in_search(self, config: MkDocsConfig, page_url: str, label: str) -> None:
        """Material's search plugin has just indexed the page (its on_page_context runs
        before this one): its entries get the warning now. Another search plugin's index is
        warned once written (on_post_build)."""
        search = config.plugins.get("material/search") or config.plugins.get("search")
        entries = getattr(getattr(search, "search_index", None), "entries", None)
        if type(search).__module__.startswith("material.") and isinstance(entries, list):
            warn_new_entries(entries, page_url, label)
        else:
            self._search_warnings[page_url] = label

    def _excerpt_warning(self, src_uri: str) -> str:
        """The one-line warning an excerpt of this post carries ("" for none); rendered once
        per post, though the post's excerpt is shown on the index, archive and categories."""
        if src_uri not in self._excerpt_warnings:
            safeguards = self._safeguards(src_uri)
            label = ""
            if safeguards and safeguards.warnings and self.env is not None:
                label = self.env.get_template(EXCERPT_WARNING).render(
                    warnings=safeguards.warnings
                )
                problem = excerpt_warning_problem(label, [w.label for w in safeguards.warnings])
                if problem:
                    raise PluginError(f"CarePress: {problem}")
            self._excerpt_warnings[src_uri] = label
        return self._excerpt_warnings[src_uri]

    # Last: the page is verified as it is published, after any other plugin's changes.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        assert self.settings is not None
        src_uri = page.file.src_uri
        if page.file.dest_uri in CRISIS_LINE_PAGES:  # the crisis page, the policy pages
            regions = regions_for(self.settings.practice.crisis_region)
            problem = crisis_page_problem(output, regions, page.file.dest_uri)
            if problem and not self.serving:
                raise PluginError(f"CarePress: {page.file.src_uri}: {problem}")
        assert self._verdicts is not None
        safeguards = self._safeguards(src_uri)
        finished, problems = self._verdicts.finish(output, page.content or "", safeguards)
        if problems:
            raise self._unsafe(src_uri, problems)
        return finished

    def _unsafe(self, src_uri: str, problems: list[str]) -> PluginError:
        report = self.reports.get(src_uri)
        shown = report.display_path if report is not None else src_uri
        named = [name for name, word in (("content warning", "content-warning"),
                                         ("crisis box", "crisis"), ("disclaimer", "disclaimer"))
                 if any(word in p for p in problems)]  # fmt: skip
        category = ", ".join(named) or "safeguards"
        if any("no Content-Security-Policy" in p for p in problems):
            category = "security policy"
            fix = "Give the page a template that extends main.html (or leave `template:` out)."
        elif any("Content-Security-Policy" in p for p in problems):
            category = "script"
            fix = inline_script_plugin(problems, self._plugins) or (
                "A template override or a plugin added a script to the page: move it into a "
                "file under assets/javascripts/ and list it in extra_javascript."
            )
        elif any("left open" in p or "hidden" in p for p in problems):
            # The post's own HTML comes through the allowlist with every element closed and
            # nothing hidden: what wraps or hides a safeguard is the theme's.
            fix = ("A theme override wraps or hides a CarePress safeguard: close what it opens "
                   "and keep the safeguards visible in overrides/partials/carepress-post.html, "
                   "content.html and the carepress-*.html partials (restyle them freely).")
        else:
            fix = ("A theme override removed or moved a CarePress safeguard: restore "
                   "overrides/partials/content.html, carepress-post.html (the banner and the "
                   "crisis box before the text) and the carepress-*.html partials.")
        return PluginError(
            f"{shown}: the rendered page is not safe to publish "
            f"({category}): {'; '.join(problems)}. {fix}"
        )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.unsafe_html is not None
        # Every page, as Markdown (and any plugin before this one) rendered it: readers get
        # only what the allowlist lets through, and the build stops if it removed anything.
        source = Path(page.file.abs_src_path or "")
        src_uri = page.file.src_uri
        kept = self._kept_content.get(src_uri, html) if self._kept_content else None
        if kept is not None:
            html, found = kept
        else:
            rendered = html
            html = self.unsafe_html.clean(html, src_uri, source)
            assert self.settings is not None
            # (a preview checks its posts whole, help links included, at their own lines)
            in_preview = self.serving and src_uri in self.reports
            found = [] if in_preview else link_findings(html, source, self.settings)
            if self._kept_content and not self.unsafe_html.removed_from(src_uri):
                self._kept_content.keep(src_uri, rendered, html, found)
        self._link_findings += found
        if self._unpublished_links is not None:
            self._link_findings += self._unpublished_links.look(html, page.file.url, source)
        assert self.settings is not None
        report = self.reports.get(page.file.src_uri)
        # The sitemap's lastmod: a post's own date, never the build's (which MkDocs gives
        # every page); the other pages (home, lists, crisis) last changed with the newest post.
        page.update_date = self._last_changed(report)
        if report is None:
            escape_title_from_heading(page)
            return html
        if not self.serving and not report.is_published(self._now):
            # Backstop: Material should never render a draft or future post in a build.
            raise PluginError(
                f"{report.display_path}: a draft or future-dated post was about "
                "to be published; the build was stopped"
            )
        if report.front_matter is not None and report.front_matter.sources:
            sources = list(report.front_matter.sources)
            html = cited_html(html, sources)
            # Tell MkDocs' link validation about the anchors the list adds.
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.update(f"source-{n}" for n in range(1, len(sources) + 1))
        if self.feeds is not None:
            self.feeds.add(page, html)
        if self.serving and report.findings:
            return notice_html(report.findings) + html
        return html

    def _last_changed(self, report: Post | None) -> str:
        def changed(model: FrontMatter) -> str:
            return (model.date.updated or model.created).date().isoformat()

        if report is not None and report.front_matter is not None:
            return changed(report.front_matter)
        if self._newest is None:
            dates = [changed(r.front_matter) for r in self.reports.values()
                     if r.front_matter is not None and r.is_published(self._now)]  # fmt: skip
            self._newest = max(dates, default=self._now.date().isoformat())
        return self._newest

    # First: every page is in the site before another plugin's on_post_build looks for it.
    @event_priority(100)
    def _on_post_build_first(self, *, config: MkDocsConfig) -> None:
        if self._kept_content is not None:
            self._kept_content.forget_the_rest()
            log.debug(f"pages cleaned: {self._kept_content.reused} kept from the last build")
        if self._verdicts is not None:
            self._verdicts.save()
            log.debug(f"pages verified: {self._verdicts.reused} unchanged since the last build")
        if self.csp is not None:
            self.csp.write_headers(config.site_dir)
        if self.feeds is not None:
            self.feeds.write(config.site_dir)
        if self.sharing is not None:
            self.sharing.write(config.site_dir)
        if self.share_kits is not None and self.env is not None and self._files is not None:
            write_share_kits(self.share_kits, config.site_dir, self.env, config, self._files)

    # Last: once Material's search plugin has written its index (its on_post_build).
    @event_priority(-100)
    def _on_post_build_last(self, *, config: MkDocsConfig) -> None:
        warn_in_search_index(config.site_dir, self._search_warnings)

    on_post_build = CombinedEvent(_on_post_build_first, _on_post_build_last)

    def on_build_error(self, *, error: Exception) -> None:
        # MkDocs stopped (a post's include it cannot find, another plugin) before CarePress
        # reported: what the checks found says why, at the file and line, in its own words.
        if self._checks is not None:
            try:
                self._finish_post_checks()
            except PluginError:
                pass  # its findings are logged; MkDocs' own error is raised next
            except Exception as exc:  # (nor is MkDocs' error hidden by one of CarePress's)
                log.warning(f"CarePress could not finish checking the posts: {exc!r}")
        if self.sharing is not None:
            self.sharing.cancel()
        self._site.fail()  # and site_dir stays as it was

    def on_shutdown(self) -> None:
        self._site.finish()  # the build ended well: its site replaces the last one
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None
