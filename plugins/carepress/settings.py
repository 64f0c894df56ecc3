"""The hub's settings, read the same way by the CLI (from mkdocs.yml) and the MkDocs plugin.

``settings_from_options`` is the single place that turns option dictionaries into
``Settings``; the CLI feeds it the raw YAML, the plugin feeds it MkDocs' validated config.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import importlib.util
import os
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .authors import AuthorsError, load_authors
from .content import DEFAULT_MAX_BYTES
from .crisis import all_regions
from .findings import CATEGORIES, Finding, Level
from .practice import Day, Practice
from .prefilter import LiteralSearch, recall_literals, remember_literals, user_cache_file
from .publish.address import PostAddress, PostAddressing, address_of, url_path
from .publish.card_colours import DEFAULT_COLOURS, CardColours, card_colours
from .rendering import MarkdownSetup, RenderError
from .rulepack import Rule, load_rules
from .rules import RuleFileError
from .sanitise import Sanitiser
from .topics import Topic, load_topics, topic_labels
from .yaml_loading import FastSafeLoader

if TYPE_CHECKING:
    from .checks.registry import RuleInfo
    from .model import FrontMatter

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # mkdocs.utils' list

DEFAULT_CONTENT_WARNINGS = (
    "suicide",
    "self-harm",
    "eating-disorders",
    "sexual-violence",
    "abuse",
    "substance-use",
    "death-and-grief",
    "trauma",
)


class ConfigError(Exception):
    """The hub's configuration is unusable (CLI exit status 2, PluginError in a build)."""




class SourceDomains(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    allow: list[str] = Field(default_factory=list)  # if set, other domains get a warning
    deny: list[str] = Field(default_factory=list)  # an error
    warn: list[str] = Field(
        default_factory=lambda: [
            "facebook.com",
            "instagram.com",
            "tiktok.com",
            "x.com",
            "twitter.com",
            "youtube.com",
            "reddit.com",
            "pinterest.com",
            "threads.net",
            "bsky.app",
            "linkedin.com",
            "quora.com",
            "medium.com",
        ]
    )


class FeedOptions(BaseModel):
    """`feeds:` in the carepress plugin's options: RSS, Atom, JSON Feed and social feeds."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    enabled: bool = True
    limit: int = Field(default=20, gt=0)  # the newest N posts in each feed
    full_content: bool = True  # the whole article, or its description and a link
    # How a post with content warnings is titled in feeds, and the line that opens its
    # summary and its social text ({warnings}: the labels, e.g. "suicide, self-harm").
    title_warning_format: str = "CW: {warnings} — {title}"
    warning_format: str = "CW: {warnings}"

    @field_validator("title_warning_format", "warning_format")
    @classmethod
    def _placeholders(cls, value: str, info: ValidationInfo) -> str:
        wanted = (
            {"warnings", "title"} if info.field_name == "title_warning_format" else {"warnings"}
        )
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a valid format: {exc}") from exc
        if used != wanted:
            names = " and ".join("{" + n + "}" for n in sorted(wanted))
            raise ValueError(f"{value!r} must use {names} (and no other placeholders)")
        return value


class RuleOptions(BaseModel):
    """The practice's say over the language rule packs."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    disable: list[str] = Field(default_factory=list)  # rule ids, or a whole pack's name
    files: list[str] = Field(default_factory=list)  # the practice's own rule packs


class ReadabilityOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    # Highest reading grade per audience; audiences not listed are not graded.
    max_grade: dict[str, float] = Field(default_factory=lambda: {"clients": 8, "community": 8})
    max_sentence_words: int = Field(default=30, gt=5)


class SnippetOptions(BaseModel):
    """Social snippets: what every post's ready-to-post text carries."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    enabled: bool = True
    disclaimer: bool = True  # end every snippet with the practice's short (or social) disclaimer
    mastodon_limit: int = Field(default=500, ge=100)  # servers may allow more
    max_hashtags: int = Field(default=3, ge=0)
    utm: bool = True  # utm_source=<platform>&utm_medium=social&utm_campaign=<slug>
    # A 1080x1350 card per post for Instagram's feed. Off by default: each costs ~40 ms to
    # draw (kept in the card cache after), so a first build of a large hub takes longer.
    portrait_cards: bool = False
    # Carousel slides from every post's `##` headings (publish/slides.py), where the writer
    # gave no `social.carousel` (those, and quote cards, are drawn whenever given). Off by
    # default for the same reason: ~25 ms a slide, a first build draws them all.
    carousels: bool = False

    @property
    def portraits(self) -> bool:
        return self.enabled and self.portrait_cards

    @property
    def carousels_from_headings(self) -> bool:
        return self.enabled and self.carousels


def _server_address(value: str) -> str:
    """An https:// address (plain http only for a server on this machine, as in tests)."""
    parts = urlsplit(value)
    local = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if not parts.hostname or not (parts.scheme == "https" or (parts.scheme == "http" and local)):
        raise ValueError(f"{value!r} is not an https:// address")
    return value.rstrip("/")


ServerAddress = Annotated[str, AfterValidator(_server_address)]


# Where `carepress post` finds the accounts' secrets (or the system keyring): never in
# mkdocs.yml, which is committed, and often public.
MASTODON_TOKEN = "CAREPRESS_MASTODON_TOKEN"
BLUESKY_APP_PASSWORD = "CAREPRESS_BLUESKY_APP_PASSWORD"


def _no_secret(value: Any, variable: str) -> Any:
    """A key that would hold a secret is refused by name, saying where the secret goes (an
    unknown key's message would not)."""
    if isinstance(value, Mapping):
        for key in value:
            if any(word in str(key).lower() for word in ("token", "password", "secret")):
                raise ValueError(
                    f"{key}: a secret never goes in mkdocs.yml (the repository keeps it, and "
                    f"may publish it): remove it, revoke it if it was committed, and set the "
                    f"environment variable {variable} instead (or store it in the system "
                    "keyring)"
                )
    return value


class MastodonAccountOptions(BaseModel):
    """Where `carepress post` posts on Mastodon (its token: CAREPRESS_MASTODON_TOKEN)."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    server: ServerAddress  # https://mastodon.example
    account: str  # @practice@mastodon.example: how the ledger names it

    @model_validator(mode="before")
    @classmethod
    def _no_token(cls, value: Any) -> Any:
        return _no_secret(value, MASTODON_TOKEN)


class BlueskyAccountOptions(BaseModel):
    """Where `carepress post` posts on Bluesky (an app password:
    CAREPRESS_BLUESKY_APP_PASSWORD)."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    handle: str  # practice.bsky.social
    service: ServerAddress = "https://bsky.social"  # the account's PDS

    @model_validator(mode="before")
    @classmethod
    def _no_password(cls, value: Any) -> Any:
        return _no_secret(value, BLUESKY_APP_PASSWORD)


class PostingOptions(BaseModel):
    """`carepress post`: the accounts, the ledger, the pace."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    mastodon: MastodonAccountOptions | None = None
    bluesky: BlueskyAccountOptions | None = None
    ledger: str = "records/posted.sqlite3"  # in the hub: the record of what went where
    # Posts dated before this are never posted by CarePress (shared by hand before it).
    start: dt.date | None = None
    max_per_run: int = Field(default=1, ge=1)  # per account: a steady pace, never a flood
    # Bluesky's self-labels describe media (sexual, nudity, porn, graphic-media), none a
    # text's topic: a practice may map a warning to one; none is applied by default.
    bluesky_self_labels: dict[str, Literal["sexual", "nudity", "porn", "graphic-media"]] = (
        Field(default_factory=dict)
    )

    @model_validator(mode="before")
    @classmethod
    def _no_secret_here(cls, value: Any) -> Any:
        return _no_secret(value, f"{MASTODON_TOKEN} or {BLUESKY_APP_PASSWORD}")


class CadenceOptions(BaseModel):
    """A sustainable pace (`carepress calendar`): a kind word when a week asks for more."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    max_posts_per_week: int = Field(default=2, ge=1, le=21)
    quiet_days: list[Day] = Field(default_factory=lambda: ["sat", "sun"])


class CarePressOptions(BaseModel):
    """Options of the `carepress` plugin in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    content_warnings: list[str] = Field(default_factory=lambda: list(DEFAULT_CONTENT_WARNINGS))
    # Posts with these warnings get a crisis box with the region's crisis lines.
    crisis_warnings: list[str] = Field(default_factory=lambda: ["suicide", "self-harm"])
    # Posts with these warnings start with their body collapsed behind the warning.
    collapse_warnings: list[str] = Field(default_factory=list)
    content_warning_detection: Literal["error", "warning", "off"] = "error"
    # The practice's own term files (same shape as data/rules/content_warnings.yml).
    content_warning_rules: list[str] = Field(default_factory=list)
    max_post_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0)
    # Checking (and in a build, rendering) one post: past this, the post is an error.
    max_seconds_per_post: float = Field(default=10.0, gt=0)
    # Evidence: minimum sources per post type, trusted domains, age, uncited claims.
    min_sources: dict[str, int] = Field(
        default_factory=lambda: {"article": 1, "resource": 0, "testimonial": 0, "case-vignette": 0}
    )
    rules: RuleOptions = Field(default_factory=RuleOptions)
    snippets: SnippetOptions = Field(default_factory=SnippetOptions)
    readability: ReadabilityOptions = Field(default_factory=ReadabilityOptions)
    source_domains: SourceDomains = Field(default_factory=SourceDomains)
    source_max_age_years: int | None = Field(default=None, gt=0)
    uncited_claims: dict[str, Level] = Field(
        default_factory=lambda: {"clients": "error", "community": "error", "clinicians": "warning"}
    )
    feeds: FeedOptions = Field(default_factory=FeedOptions)
    posting: PostingOptions = Field(default_factory=PostingOptions)
    cadence: CadenceOptions = Field(default_factory=CadenceOptions)
    # A clinical review runs out after this many months (frontmatter.review-due).
    review_every_months: int = Field(default=12, ge=1, le=120)


# The crisis page, under docs_dir: every page links to it (Settings.crisis_page).
CRISIS_SOURCE = Path("crisis").with_suffix(".md").as_posix()  # (spelt so: not a rule id)

@dataclass(frozen=True)
class Settings:
    root: Path
    docs_dir: Path
    post_dir: Path
    authors: Mapping[str, Mapping[str, Any]]
    categories_allowed: tuple[str, ...]
    content_warnings: tuple[str, ...]
    max_post_bytes: int
    practice: Practice
    allowed_phone_digits: frozenset[str]
    allowed_emails: frozenset[str]
    future_posts_are_drafts: bool = True
    excerpt_separator: str = "<!-- more -->"
    excerpt_required: bool = False
    options: CarePressOptions = field(default_factory=CarePressOptions)
    site_url: str = ""  # absolute, ending in "/" (or "" when mkdocs.yml has none)
    site_name: str = ""
    # Material's blog treats every page whose path in docs_dir starts with this as a post
    # (a plain prefix: "posts" also covers posts-archive/ and postscript.md), so CarePress
    # checks exactly those pages: a page Material publishes as a post never skips the checks.
    post_prefix: str = "blog/posts"
    # How the blog plugin makes a post's address (publish/address.py).
    addressing: PostAddressing = field(default_factory=PostAddressing)
    markdown: MarkdownSetup = field(default_factory=MarkdownSetup)  # the hub's extensions
    # The theme's folders, the practice's overrides (custom_dir) first: what templates and
    # icons exist, and which scripts and stylesheets are the theme's own.
    theme_dirs: tuple[Path, ...] = ()
    custom_dir: Path | None = None
    authors_file: Path | None = None
    # The cards' colours, from the theme's palette (publish/card_colours.py).
    card_colours: CardColours = DEFAULT_COLOURS
    # The name of Material's meta files (its meta plugin's `meta_file`): front matter that
    # plugin merges into every page of a folder, which CarePress refuses for posts.
    meta_file: str = ".meta.yml"
    # The blog plugin's `post_date_format` (Material's default "long"): CarePress's byline
    # writes dates as the blog does, in the theme's language (byline.py).
    post_date_format: str = "long"

    @property
    def shipped_theme_dirs(self) -> tuple[Path, ...]:
        """The theme's own folders, without the hub's overrides."""
        return tuple(d for d in self.theme_dirs if d != self.custom_dir)

    def theme_has(self, relative: str) -> bool:
        """Whether the theme (or the hub's overrides) has this file; True when unknown."""
        return not self.theme_dirs or any((d / relative).is_file() for d in self.theme_dirs)

    @cached_property
    def sanitiser(self) -> Sanitiser:
        """The HTML allowlist; the site's own address counts as the site for pictures."""
        return Sanitiser(self.site_url)

    def render(self, markdown_text: str) -> str:
        """Markdown as the hub's MkDocs renders it (its markdown_extensions)."""
        try:
            return self.markdown.render(markdown_text)
        except RenderError as exc:
            raise ConfigError(str(exc)) from exc

    def preprocessor(self, name: str) -> Any | None:
        """A preprocessor of the hub's markdown_extensions, by name (rendering.py)."""
        try:
            return self.markdown.preprocessor(name)
        except RenderError as exc:
            raise ConfigError(str(exc)) from exc

    @property
    def crisis_page(self) -> str:
        """The crisis page's address under the site, as MkDocs' File.url gives it (crisis/,
        or crisis.html without directory URLs): what the footer, the crisis box, the
        policies and the feeds link to. A build holds it to MkDocs' own File for the page
        (mkdocs/plugin.py) and stops if the two ever differ."""
        return url_path(CRISIS_SOURCE, self.addressing.directory_urls)

    @property
    def blog_index(self) -> str:
        """The blog's index page under the site (blog/): where a warned post's banner lets a
        reader skip the article to."""
        return url_path(f"{self.addressing.blog_dir}/index.md", self.addressing.directory_urls)

    def address(self, model: FrontMatter, source: Path) -> PostAddress:
        """Where this post lands (publish/address.py)."""
        return address_of(model, source, self.addressing, self.site_url)

    @cached_property
    def rule_index(self) -> Mapping[str, RuleInfo]:
        """Every rule a finding can carry in this hub (checks/registry.py)."""
        from .checks.registry import rules_for  # local: the checks import this module

        return rules_for(self)

    @cached_property
    def severity_overrides(self) -> Mapping[str, str]:
        """The practice's severity for each rule it names; "off" for a rule it disabled
        (a disabled rule of a pack never runs: it is not in `rules`)."""
        rules = self.options.rules
        levels: dict[str, str] = dict(rules.severity)
        levels |= {r: "off" for r in rules.disable if r not in self.every_pack_rule}
        return levels

    def adjusted(self, findings: list[Finding]) -> list[Finding]:
        """Findings with the practice's severities applied (and disabled rules left out):
        the one place they apply, for every kind of finding a check reports."""
        levels = self.severity_overrides
        if not levels:
            return findings
        return [
            dataclasses.replace(f, severity=levels[f.rule]) if f.rule in levels else f  # type: ignore[arg-type]
            for f in findings
            if levels.get(f.rule) != "off"
        ]

    def check_rule_options(self) -> None:
        """Every id under plugins > carepress > rules names a rule a practice may adjust."""
        named = [*self.options.rules.severity, *self.options.rules.disable]
        if not named:
            return  # (the rule index imports every check: a rebuild may need none of them)
        from .rulepack import PACKS

        index = self.rule_index
        unknown = sorted(r for r in named if r not in index and r not in PACKS)
        if unknown:
            from .suggest import did_you_mean

            names = [*index, *PACKS]
            hints = " ".join(filter(None, (did_you_mean(r, names) for r in unknown)))
            raise ConfigError(
                f"mkdocs.yml: plugins > carepress > rules: unknown rule ids: {', '.join(unknown)}"
                f" ({hints + ' ' if hints else ''}`carepress rules` lists them)"
            )
        fixed = sorted(r for r in named if r in index and not index[r].adjustable)
        if fixed:
            raise ConfigError(
                f"mkdocs.yml: plugins > carepress > rules: {', '.join(fixed)} cannot be "
                "switched off or changed: the build refuses such a page whatever the settings"
            )

    @cached_property
    def practice_domains(self) -> frozenset[str]:
        """The site's own domains (its host, and the domain it is a part of:
        "learn.practice.org" is practice.org's): an address there is the practice's (intake@,
        a colleague's). Not the domain of extra.practice.email, which may be a provider's."""
        host = urlsplit(self.site_url).hostname or ""
        return frozenset(d for d in (host, host.partition(".")[2]) if "." in d)

    @cached_property
    def _rule_packs(self) -> tuple[Mapping[str, Topic], Mapping[str, Rule], Mapping[str, Rule]]:
        """The content-warning topics and the rule packs, read when first needed: a rebuild
        whose posts are all unchanged checks nothing and never holds them (~5 MB). A
        practice's own rule files are read at load_settings, so their errors come first."""
        options = self.options
        try:
            topics = load_topics(
                options.content_warnings, [self.root / p for p in options.content_warning_rules]
            )
            rules, every_pack_rule = load_rules(
                [self.root / p for p in options.rules.files], CATEGORIES, options.rules.disable
            )
        except RuleFileError as exc:
            raise ConfigError(str(exc)) from exc
        return topics, rules, every_pack_rule

    @property
    def topics(self) -> Mapping[str, Topic]:
        return self._rule_packs[0]

    @cached_property
    def topic_labels(self) -> Mapping[str, str]:
        """Each content warning's label, as readers see it (the topics' own, without
        loading the rule packs: a build reads every post's safeguards before any check)."""
        options = self.options
        try:
            return topic_labels(
                options.content_warnings, [self.root / p for p in options.content_warning_rules]
            )
        except RuleFileError as exc:
            raise ConfigError(str(exc)) from exc

    @property
    def rules(self) -> Mapping[str, Rule]:
        """The rule packs' rules that are on."""
        return self._rule_packs[1]

    @property
    def every_pack_rule(self) -> Mapping[str, Rule]:
        """The rule packs' rules, disabled ones too."""
        return self._rule_packs[2]

    @cached_property
    def literal_search(self) -> LiteralSearch:
        """Every literal some rule, content-warning topic, claim or client-story context
        needs (see prefilter.py), found in one pass: what a post's paragraphs are indexed by."""
        from .checks.claims import claim_parts  # local: both import this module
        from .checks.client_stories import context_parts

        cache = user_cache_file()
        if cache:
            recall_literals(cache)
        terms = [term for topic in self.topics.values() for term in topic.terms.patterns]
        parts = [part for rule in self.rules.values() for part in rule.parts.patterns]
        needs = [*parts, *terms, *claim_parts(), *context_parts()]
        markers = [r.needed_literals for r in self.rules.values() if r.kind == "together"]
        folder = cache.parent if cache else None
        search = LiteralSearch.kept([*(need.literals for need in needs), *markers], folder)
        if cache:
            remember_literals(cache)
        return search

    @cached_property
    def _resolved_root(self) -> Path:
        return self.root.resolve()

    @property
    def practice_zone(self) -> ZoneInfo | None:
        """Where the practice is (its social hours' time zone), for its days and hours."""
        hours = self.practice.social_hours
        return ZoneInfo(hours.time_zone) if hours else None

    def local_date(self, now: dt.datetime) -> dt.date:
        """The practice's date at `now` (its social hours' time zone, else UTC): what "today"
        is for the calendar, posting and impact. A post's bare `date:` still goes live at
        midnight UTC, as Material's blog decides (README, "Writing a post")."""
        zone = self.practice_zone
        return now.astimezone(zone).date() if zone else now.astimezone(dt.UTC).date()

    def display_path(self, path: Path) -> str:
        """A post's path as writers see it: relative to the hub (mkdocs.yml) when possible."""
        root = self._resolved_root
        # As given when it is plainly under the hub (no file-system calls: a build asks once
        # per post); otherwise resolved (relative paths, "..", symbolic links).
        if ".." not in path.parts and path.is_relative_to(root):
            return path.relative_to(root).as_posix()
        resolved = path.resolve()
        return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(path)

    def is_post(self, src_path: str) -> bool:
        """Whether Material's blog plugin takes this page (its path in docs_dir, with the
        system's separators, as MkDocs gives it) for a post."""
        return src_path.startswith(self.post_prefix)

    @cached_property
    def _resolved_docs_dir(self) -> Path:
        return self.docs_dir.resolve()

    @cached_property
    def _meta_folders(self) -> tuple[tuple[str, Path], ...]:
        """Each meta file in docs_dir (`meta_file`), with its folder in docs_dir as the meta
        plugin reads it (os.path.dirname of its src_path; "" at the top)."""
        if not self.docs_dir.is_dir():
            return ()
        return tuple(
            (os.path.dirname(path.relative_to(self.docs_dir)), path)
            for path in sorted(self.docs_dir.rglob(self.meta_file))
            if path.is_file()
        )

    def meta_files_over(self, path: Path) -> list[Path]:
        """The meta files Material's meta plugin would merge into this page's front matter:
        each whose folder its path in docs_dir starts with (the plugin's own rule, a plain
        prefix: posts/wip/ also covers posts/wip-2.md). None for a file outside docs_dir."""
        if not self._meta_folders:
            return []
        try:
            inside = str(path.resolve().relative_to(self._resolved_docs_dir))
        except ValueError:
            return []
        return [meta for folder, meta in self._meta_folders if inside.startswith(folder)]

    def post_files(self, folder: Path | None = None) -> list[Path]:
        """Every post under `folder` (docs_dir by default) that MkDocs reads as a page (its
        suffixes, case and all): inside docs_dir, by the blog plugin's rule (see
        `post_prefix`: about.md is a page, not a post); outside it, every one (a folder of
        drafts, say)."""
        folder = self.docs_dir if folder is None else folder
        try:  # the folder resolved once; its files taken as MkDocs lists them
            inside: Path | None = folder.resolve().relative_to(self._resolved_docs_dir)
        except ValueError:
            inside = None
        return sorted(
            path
            for path in folder.rglob("*")
            if path.name.endswith(MARKDOWN_SUFFIXES)
            and path.is_file()
            and (inside is None or self.is_post(str(inside / path.relative_to(folder))))
        )


class _TolerantLoader(FastSafeLoader):  # type: ignore[misc, valid-type]
    """Reads mkdocs.yml without executing its !!python/name or !ENV tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    """`!!python/name:module.attr`, as MkDocs reads it (Markdown extensions' options such as
    pymdownx.emoji's index name functions this way); left as text when it cannot be imported."""
    module_name, _, attribute = suffix.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError):
        return suffix


def _python_apply(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    """`!!python/object/apply:module.function {kwds: ...}`: how Material's docs configure
    post_slugify (`pymdownx.slugs.slugify` with its options). MkDocs calls it when it reads
    mkdocs.yml, and so does the CLI, to compute the same addresses; None if it cannot."""
    function = _python_name(loader, suffix, node)
    if not callable(function):
        return None
    if isinstance(node, yaml.SequenceNode):
        args, kwds = loader.construct_sequence(node, deep=True), {}
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
        args, kwds = value.get("args", []), value.get("kwds", {})
    else:
        args, kwds = [], {}
    try:
        return function(*args, **kwds)
    except Exception:  # the practice's function; MkDocs will report it in its own words
        return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", _python_apply)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def plugin_options(plugins: Any, *names: str) -> dict[str, Any] | None:
    for entry in plugins or []:
        if isinstance(entry, str) and entry in names:
            return {}
        if isinstance(entry, dict):
            for name, opts in entry.items():
                if name in names:
                    return dict(opts or {})
    if isinstance(plugins, dict):  # mapping form of the plugins list
        for name in names:
            if name in plugins:
                return dict(plugins[name] or {})
    return None


def _authors(path: Path, docs_dir: Path, site_url: str) -> dict[str, dict[str, Any]]:
    try:
        return load_authors(path, docs_dir, site_url)
    except AuthorsError as exc:
        raise ConfigError(str(exc)) from exc


def _allowed_phones(practice: Practice) -> frozenset[str]:
    """Digits of every crisis line and helpline, and of the practice's own number (national
    part only)."""
    lines = [line for r in all_regions().values() for line in (*r.lines, *r.helplines)]
    numbers = [line.call for line in lines] + [line.text for line in lines]
    numbers.append(practice.phone)
    digits = {re.sub(r"\D", "", n) for n in numbers if n}
    return frozenset(d[-10:] for d in digits if len(d) >= 7)


def settings_from_options(
    root: Path,
    docs_dir: Path,
    blog: Mapping[str, Any],
    carepress: Mapping[str, Any],
    extra: Mapping[str, Any],
    site_url: str = "",
    site_name: str = "",
    markdown: MarkdownSetup | None = None,
    theme_dirs: tuple[Path, ...] = (),
    custom_dir: Path | None = None,
    language: str = "en",
    directory_urls: bool = True,
    palette: Any = None,
    meta_file: str = ".meta.yml",
) -> Settings:
    try:
        options = CarePressOptions.model_validate(dict(carepress))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        )
        raise ConfigError(f"mkdocs.yml: plugins > carepress: {problems}") from exc
    try:
        practice = Practice.model_validate(dict(extra or {}).get("practice") or {})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"mkdocs.yml: extra > practice: {problems}") from exc

    from .publish.platforms import PLATFORM_KEYS

    unknown_platforms = set(practice.disclaimer.social_by_platform) - set(PLATFORM_KEYS)
    if unknown_platforms:
        raise ConfigError(
            f"mkdocs.yml: extra > practice > disclaimer > social_by_platform: "
            f"{sorted(unknown_platforms)} are not platforms (one of {', '.join(PLATFORM_KEYS)})"
        )
    for option in ("crisis_warnings", "collapse_warnings"):
        unknown = set(getattr(options, option)) - set(options.content_warnings)
        if unknown:
            raise ConfigError(
                f"mkdocs.yml: plugins > carepress > {option}: {sorted(unknown)} "
                "not in content_warnings"
            )
    from .checks.theme_files import language_problem

    problem = language_problem(language, theme_dirs)
    if problem:
        raise ConfigError(problem)
    blog_dir = str(blog.get("blog_dir") or "blog")
    post_dir = str(blog.get("post_dir") or "{blog}/posts").format(blog=blog_dir)
    authors_file = str(blog.get("authors_file") or "{blog}/.authors.yml").format(blog=blog_dir)
    settings = Settings(
        root=root,
        docs_dir=docs_dir,
        post_dir=docs_dir / post_dir,
        authors=_authors(docs_dir / authors_file, docs_dir, site_url),
        categories_allowed=tuple(blog.get("categories_allowed") or ()),
        content_warnings=tuple(options.content_warnings),
        max_post_bytes=options.max_post_bytes,
        practice=practice,
        allowed_phone_digits=_allowed_phones(practice),
        allowed_emails=frozenset(e.lower() for e in [practice.email] if e),
        future_posts_are_drafts=bool(blog.get("draft_if_future_date", False)),
        excerpt_separator=str(blog.get("post_excerpt_separator") or "<!-- more -->"),
        excerpt_required=blog.get("post_excerpt") == "required",
        options=options,
        site_url=(site_url or "").rstrip("/") + "/" if site_url else "",
        site_name=site_name,
        post_prefix=os.path.normpath(post_dir),
        addressing=_addressing(blog, blog_dir, language, directory_urls),
        markdown=markdown or MarkdownSetup(),
        theme_dirs=theme_dirs,
        custom_dir=custom_dir,
        authors_file=docs_dir / authors_file,
        card_colours=card_colours(palette, theme_dirs),
        meta_file=meta_file,
        post_date_format=str(blog.get("post_date_format") or "long"),
    )
    rule_options = options.rules
    if (options.content_warning_rules or rule_options.files or rule_options.severity
            or rule_options.disable):  # fmt: skip
        settings.check_rule_options()  # reads the rule packs: a practice's file's errors now
    return settings


def _addressing(
    blog: Mapping[str, Any], blog_dir: str, language: str, directory_urls: bool
) -> PostAddressing:
    """The blog plugin's address options, with Material's defaults; a slugify function
    must be one (the CLI reads mkdocs.yml's !!python tags as MkDocs does)."""
    defaults = PostAddressing()
    options: dict[str, Any] = {}
    for name, key in (
        ("url_format", "post_url_format"), ("url_date_format", "post_url_date_format"),
        ("max_categories", "post_url_max_categories"), ("slugify", "post_slugify"),
        ("slugify_separator", "post_slugify_separator"),
        ("categories_slugify", "categories_slugify"),
        ("categories_slugify_separator", "categories_slugify_separator"),
    ):  # fmt: skip
        value = blog.get(key)
        if value is None:
            continue
        expected = getattr(defaults, name)
        if callable(expected) and not callable(value):
            raise ConfigError(
                f"mkdocs.yml: plugins > blog > {key}: {value!r} is not a function CarePress can "
                "load (write it as !!python/name:module.function, and install its package)"
            )
        if not callable(expected) and not isinstance(value, type(expected)):
            raise ConfigError(f"mkdocs.yml: plugins > blog > {key}: {value!r} is not valid")
        options[name] = value
    return PostAddressing(
        blog_dir=blog_dir, language=language, directory_urls=directory_urls, **options
    )


def _read_config(config_file: Path) -> dict[str, Any]:
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8-sig"), _TolerantLoader) or {}
    except FileNotFoundError as exc:
        raise ConfigError(
            f"{config_file}: not found; run carepress in the hub's folder or pass --config"
        ) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{config_file}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{config_file}: expected a mapping of settings")
    return data


def hub_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as data (its !!python tags read as plain values)."""
    return _read_config(config_file)


def configured_site_dir(config_file: Path) -> Path:
    """Where mkdocs.yml has its site built (MkDocs' default: site/ beside it)."""
    site_dir = str(_read_config(config_file).get("site_dir") or "site")
    return config_file.resolve().parent / site_dir


def configured_site_url(config_file: Path) -> str:
    """The site_url mkdocs.yml sets. `mkdocs serve` replaces config.site_url with its own
    local address, but snippets are counted (and shown) with the address they will carry."""
    return str(_read_config(config_file).get("site_url") or "")


def load_settings(config_file: Path) -> Settings:
    """Read a hub's mkdocs.yml without MkDocs (for the CLI)."""
    data = _read_config(config_file)
    root = config_file.resolve().parent
    docs_dir = root / str(data.get("docs_dir") or "docs")
    plugins = data.get("plugins")
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    custom_dir = root / str(theme["custom_dir"]) if theme.get("custom_dir") else None
    blog = plugin_options(plugins, "blog", "material/blog")
    carepress = plugin_options(plugins, "carepress")
    meta = plugin_options(plugins, "meta", "material/meta") or {}
    if blog is None:
        raise ConfigError(
            f"{config_file}: the Material blog plugin is not enabled (plugins: - blog)"
        )
    return settings_from_options(
        root,
        docs_dir,
        blog,
        carepress or {},
        data.get("extra") or {},
        site_url=str(data.get("site_url") or ""),
        site_name=str(data.get("site_name") or ""),
        markdown=MarkdownSetup.from_config(data.get("markdown_extensions")),
        theme_dirs=tuple(d for d in (custom_dir, material_templates()) if d is not None),
        custom_dir=custom_dir,
        language=str(theme.get("language") or "en"),
        directory_urls=data.get("use_directory_urls", True) is not False,
        palette=theme.get("palette"),
        meta_file=str(meta.get("meta_file") or ".meta.yml"),
    )


def _material_templates() -> Path | None:
    return material_templates()


def material_templates() -> Path | None:
    """Material's own templates folder, found without importing MkDocs or Material."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates"
