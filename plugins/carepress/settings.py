"""The hub's settings, read the same way by the CLI (from mkdocs.yml) and the MkDocs plugin.

``settings_from_options`` is the single place that turns option dictionaries into
``Settings``; the CLI feeds it the raw YAML, the plugin feeds it MkDocs' validated config.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .content import DEFAULT_MAX_BYTES
from .practice import Practice
from .rules import RuleFileError
from .topics import Topic, load_topics

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


Severity = Literal["error", "warning", "info", "off"]


class SourceDomains(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    allow: list[str] = Field(default_factory=list)  # if set, other domains get a warning
    deny: list[str] = Field(default_factory=list)  # an error
    warn: list[str] = Field(
        default_factory=lambda: [
            "facebook.com", "instagram.com", "tiktok.com", "x.com", "twitter.com",
            "youtube.com", "reddit.com", "pinterest.com", "threads.net", "bsky.app",
            "linkedin.com", "quora.com", "medium.com",
        ]
    )  # fmt: skip


class CarePressOptions(BaseModel):
    """Options of the `carepress` plugin in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", strict=True)
    content_warnings: list[str] = Field(default_factory=lambda: list(DEFAULT_CONTENT_WARNINGS))
    # Posts with these warnings get a crisis box with the region's crisis lines.
    crisis_warnings: list[str] = Field(default_factory=lambda: ["suicide", "self-harm"])
    # Posts with these warnings start with their body collapsed behind the warning.
    collapse_warnings: list[str] = Field(default_factory=list)
    content_warning_detection: Literal["error", "warning", "off"] = "error"
    # The practice's own term files (same shape as data/rules/content_warnings.yml).
    content_warning_rules: list[str] = Field(default_factory=list)
    max_post_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0)
    # Evidence: minimum sources per post type, trusted domains, age, uncited claims.
    min_sources: dict[str, int] = Field(
        default_factory=lambda: {"article": 1, "resource": 0, "testimonial": 0,
                                 "case-vignette": 0}
    )  # fmt: skip
    source_domains: SourceDomains = Field(default_factory=SourceDomains)
    source_max_age_years: int | None = Field(default=None, gt=0)
    uncited_claims: dict[str, Severity] = Field(
        default_factory=lambda: {"clients": "error", "community": "error",
                                 "clinicians": "warning"}
    )  # fmt: skip


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
    topics: Mapping[str, Topic]
    future_posts_are_drafts: bool = True
    excerpt_separator: str = "<!-- more -->"
    excerpt_required: bool = False
    options: CarePressOptions = field(default_factory=CarePressOptions)

    def display_path(self, path: Path) -> str:
        """A post's path as writers see it: relative to the hub (mkdocs.yml) when possible."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def post_files(self) -> list[Path]:
        return sorted(p for p in self.post_dir.rglob("*.md") if p.is_file())


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its !!python/name or !ENV tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def _plugin_options(plugins: Any, *names: str) -> dict[str, Any] | None:
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


def load_authors(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the authors file: {exc}") from exc
    authors = data.get("authors") if isinstance(data, dict) else None
    if not isinstance(authors, dict):
        raise ConfigError(f"{path}: expected a mapping 'authors:' of author ids")
    return {str(k): (v if isinstance(v, dict) else {}) for k, v in authors.items()}


def settings_from_options(
    root: Path,
    docs_dir: Path,
    blog: Mapping[str, Any],
    carepress: Mapping[str, Any],
    extra: Mapping[str, Any],
) -> Settings:
    try:
        options = CarePressOptions.model_validate(dict(carepress))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"mkdocs.yml: plugins > carepress: {problems}") from exc
    try:
        practice = Practice.model_validate(dict(extra or {}).get("practice") or {})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"mkdocs.yml: extra > practice: {problems}") from exc

    for option in ("crisis_warnings", "collapse_warnings"):
        unknown = set(getattr(options, option)) - set(options.content_warnings)
        if unknown:
            raise ConfigError(
                f"mkdocs.yml: plugins > carepress > {option}: {sorted(unknown)} "
                "not in content_warnings"
            )
    try:
        topics = load_topics(
            options.content_warnings, [root / p for p in options.content_warning_rules]
        )
    except RuleFileError as exc:
        raise ConfigError(str(exc)) from exc

    blog_dir = str(blog.get("blog_dir") or "blog")
    post_dir = str(blog.get("post_dir") or "{blog}/posts").format(blog=blog_dir)
    authors_file = str(blog.get("authors_file") or "{blog}/.authors.yml").format(blog=blog_dir)
    return Settings(
        root=root,
        docs_dir=docs_dir,
        post_dir=docs_dir / post_dir,
        authors=load_authors(docs_dir / authors_file),
        categories_allowed=tuple(blog.get("categories_allowed") or ()),
        content_warnings=tuple(options.content_warnings),
        max_post_bytes=options.max_post_bytes,
        practice=practice,
        topics=topics,
        future_posts_are_drafts=bool(blog.get("draft_if_future_date", False)),
        excerpt_separator=str(blog.get("post_excerpt_separator") or "<!-- more -->"),
        excerpt_required=blog.get("post_excerpt") == "required",
        options=options,
    )


def load_settings(config_file: Path) -> Settings:
    """Read a hub's mkdocs.yml without MkDocs (for the CLI)."""
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
    root = config_file.resolve().parent
    docs_dir = root / str(data.get("docs_dir") or "docs")
    plugins = data.get("plugins")
    blog = _plugin_options(plugins, "blog", "material/blog")
    carepress = _plugin_options(plugins, "carepress")
    if blog is None:
        raise ConfigError(
            f"{config_file}: the Material blog plugin is not enabled (plugins: - blog)"
        )
    return settings_from_options(root, docs_dir, blog, carepress or {}, data.get("extra") or {})
