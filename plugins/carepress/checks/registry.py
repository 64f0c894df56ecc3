"""The registry of checks and rules: every rule id a finding can carry is declared here once.

A check module declares its rules (`declare`, or `declare_family` for ids made from the
hub's settings, such as one per content-warning topic) and, if it judges one post, registers
one function with `post_check`: a `PostContext` in, findings out. The engine
(`check.py`) is a loop over `post_checks()`; suppressions, severity overrides and
`carepress rules` read `rules_for(settings)`. Every module of `carepress.checks` is loaded
by `load_all()`, so adding a check is adding one module.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..findings import CATEGORIES, Finding, Severity

if TYPE_CHECKING:
    from ..content import PostFile
    from ..inline_citations import Citation
    from ..model import FrontMatter
    from ..prefilter import LiteralIndex
    from ..prose import Prose
    from ..publish.address import PostAddress
    from ..publish.slides import Visuals
    from ..publish.snippets import Snippet
    from ..published_texts import TextsProse
    from ..safeguards import Safeguards
    from ..sanitise import Sanitised
    from ..settings import Settings


@dataclass(frozen=True)
class RuleInfo:
    id: str
    category: str
    severity: Severity | str  # a default; "depends" where the hub's settings decide
    summary: str
    source: str = ""  # the guidance the rule comes from
    # Whether a practice may switch it off or change its severity (in mkdocs.yml or with a
    # comment in a post). What makes a page unsafe to render is judged on the rendered HTML
    # by the build itself, which reads no comments.
    adjustable: bool = True
    enabled: bool = True

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.id}: unknown category {self.category!r}")


@dataclass
class PostContext:
    """What a post check reads: the post, its validated front matter, and what several
    checks share, computed once on first use."""

    post: PostFile
    front_matter: FrontMatter
    safeguards: Safeguards
    address: PostAddress
    settings: Settings
    now: dt.datetime
    render_html: bool = True
    # What the social check composes, for the share kit and the social feeds.
    snippets: Mapping[str, Snippet] = field(default_factory=dict)
    visuals: Visuals | None = None  # what the visual-formats check lays out, for the build
    # What the checks before this one found (the engine fills it as they run).
    found: list[Finding] = field(default_factory=list)

    @cached_property
    def prose(self) -> Prose:
        from ..prose import prose_of

        return prose_of(self.post.body, self.post.body_line, self.post.as_read)

    @cached_property
    def words(self) -> Prose:
        """Prose without citation keys ([@va-ptsd]): references, not words a reader sees."""
        from ..inline_citations import without_citations

        return without_citations(self.prose)

    @cached_property
    def index(self) -> LiteralIndex:
        from ..prefilter import LiteralIndex

        return LiteralIndex(self.words.text, self.settings.literal_search)

    @cached_property
    def published(self) -> TextsProse:
        """The post's other published texts: title, description, source titles, alt text..."""
        from ..published_texts import published_texts

        return published_texts(self.post, self.front_matter)

    @cached_property
    def published_index(self) -> LiteralIndex:
        from ..prefilter import LiteralIndex

        return LiteralIndex(self.published.text, self.settings.literal_search)

    @cached_property
    def shown(self) -> TextsProse:
        """The published texts less source titles (references, not claims or topics)."""
        return self.published.without_references()

    @cached_property
    def shown_index(self) -> LiteralIndex:
        from ..prefilter import LiteralIndex

        return LiteralIndex(self.shown.text, self.settings.literal_search)

    @cached_property
    def own_body(self) -> str:
        """The body with its snippet includes shown as text, not read from their files (a
        post may include none: checks/snippet_includes.py): what the HTML checks render."""
        from .snippet_includes import without_includes

        return without_includes(self.post.body, self.settings)

    @cached_property
    def rendered(self) -> str:
        """The body as the build renders it (the hub's markdown_extensions), under the share
        of the post's time budget the build gives each of its four renderings."""
        from ..budget import RENDERS_PER_POST, time_budget

        with time_budget(self.settings.options.max_seconds_per_post / RENDERS_PER_POST):
            return self.settings.render(self.own_body)

    @cached_property
    def sanitised(self) -> Sanitised:
        """The rendered body through the HTML allowlist: what readers get, and what it removed."""
        return self.settings.sanitiser.clean(self.rendered)

    @cached_property
    def citations(self) -> list[Citation]:
        from ..inline_citations import find_citations

        # Only outside code (blanked there in `code_free`): a key written in code shows the
        # syntax, and renders as written.
        code_free = self.post.code_free
        return [c for c in find_citations(self.prose) if code_free[c.start] == "["]


PostCheckFunction = Callable[[PostContext], list[Finding]]


@dataclass(frozen=True)
class PostCheck:
    name: str
    order: int  # findings come out in this order (then by line)
    run: PostCheckFunction
    # False: runs on every readable post (the HTML allowlist); True: needs valid front matter.
    needs_front_matter: bool = True


_RULES: dict[str, RuleInfo] = {}
_FAMILIES: list[Callable[[Settings], Iterable[RuleInfo]]] = []
_CHECKS: dict[str, PostCheck] = {}


def declare(*rules: RuleInfo) -> tuple[RuleInfo, ...]:
    for rule in rules:
        if _RULES.get(rule.id, rule) != rule:
            raise ValueError(f"rule {rule.id!r} is declared twice")
        _RULES[rule.id] = rule
    return rules


def declare_family(
    family: Callable[[Settings], Iterable[RuleInfo]],
) -> Callable[[Settings], Iterable[RuleInfo]]:
    """Rules whose ids depend on the hub (a topic list, the rule packs, the platforms)."""
    if family not in _FAMILIES:
        _FAMILIES.append(family)
    return family


def post_check(
    order: int, *, needs_front_matter: bool = True
) -> Callable[[PostCheckFunction], PostCheckFunction]:
    def register(function: PostCheckFunction) -> PostCheckFunction:
        name = function.__module__.rsplit(".", 1)[-1]
        _CHECKS[f"{name}.{function.__name__}"] = PostCheck(
            name, order, function, needs_front_matter
        )
        return function

    return register


_LOADED = False


def load_all() -> None:
    """Import every module of `carepress.checks` (each registers itself), once."""
    global _LOADED
    if _LOADED:
        return
    package = importlib.import_module("carepress.checks")
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"carepress.checks.{module.name}")
    importlib.import_module("carepress.verify.rules")  # what a built site is held to
    _LOADED = True


def post_checks() -> list[PostCheck]:
    load_all()
    return sorted(_CHECKS.values(), key=lambda check: check.order)


def rules_for(settings: Settings) -> dict[str, RuleInfo]:
    """Every rule a finding can carry in this hub, by id."""
    load_all()
    rules = dict(_RULES)
    for family in _FAMILIES:
        for rule in family(settings):
            rules[rule.id] = rule
    return dict(sorted(rules.items()))


# The engine's own rules: a suppression comment's problems, and a post no check could finish.
declare(
    RuleInfo("suppression.unnamed", "suppression", "error",
             "a carepress-disable comment names no rule", adjustable=False),
    RuleInfo("suppression.unknown-rule", "suppression", "error",
             "a carepress-disable comment names a rule that does not exist", adjustable=False),
    RuleInfo("suppression.not-allowed", "suppression", "error",
             "a carepress-disable comment names a rule no post may switch off", adjustable=False),
    RuleInfo("suppression.unused", "suppression", "warning",
             "a carepress-disable comment suppresses nothing (stale)", adjustable=False),
    RuleInfo("suppression.no-reason", "suppression", "error",
             "a carepress-disable comment switches off an error that keeps readers safe "
             "without a reason after '--'", adjustable=False),
    RuleInfo("suppression.safety-rule-off", "suppression", "info",
             "a rule that keeps readers safe is switched off here, with the reason given",
             adjustable=False),
    RuleInfo("internal.error", "internal", "error",
             "CarePress could not check the post (a bug); the post is not published",
             adjustable=False),
    RuleInfo("html.too-complex", "html", "error",
             "the post takes longer than max_seconds_per_post to check or render, or nests "
             "too deeply for Markdown", adjustable=False),
)  # fmt: skip
