"""Front-matter validation: types and values (pydantic), hub vocabularies, HTML, dates."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import ValidationError

from ..content import InvalidScalar, KeyPath, PostFile, read_post
from ..findings import Finding, shortened
from ..model import AUDIENCES, FIELD_NAMES, SOCIAL_KEYS, TYPES_NEEDING_CONSENT, FrontMatter
from ..settings import MARKDOWN_SUFFIXES, Settings
from ..suggest import did_you_mean, one_of
from ..yaml_loading import safe_load
from .registry import RuleInfo, declare


def _front_matter_rule(name: str, summary: str) -> RuleInfo:
    return RuleInfo(f"frontmatter.{name}", "frontmatter", "error", summary, adjustable=False)


# Reading the file (content.py) and its front matter: what the build needs to read a post at
# all, so never the writer's to switch off.
declare(
    *(
        _front_matter_rule(name, summary)
        for name, summary in (
            ("unreadable", "the file cannot be read, or is not a regular file"),
            ("file-too-large", "the file is larger than max_post_bytes"),
            ("empty-file", "the file is empty"),
            ("encoding", "the file is not UTF-8 text"),
            ("absent", "the post has no front matter (--- ... --- at the top)"),
            ("unclosed", "the front matter has no closing ---"),
            ("not-a-mapping", "the front matter is not a set of 'key: value' lines"),
            ("yaml-syntax", "the front matter is not valid YAML"),
            ("yaml-alias", "the front matter uses a YAML alias (*name)"),
            ("too-deep", "the front matter nests deeper than 32 levels"),
            ("key-not-text", "a front-matter key is not text"),
            ("duplicate-key", "a front-matter key appears twice"),
            ("cut-by-comment", "an unquoted text with ' #' in it: YAML drops the rest"),
            ("ambiguous-boolean", "yes/no/on/off: YAML 1.1 reads them as true/false"),
            ("control-character", "a value holds a control or bidi-override character"),
            ("html", "a value holds markup or a javascript: address"),
            ("required", "a required key is missing"),
            ("unknown-key", "a key CarePress does not know (a typo?)"),
            ("unknown-value", "a value outside its vocabulary"),
            ("unknown-content-warnings", "a content warning not in the hub's list"),
            ("unknown-authors", "an author not in the authors file"),
            ("unknown-categories", "a category not in the blog's categories_allowed"),
            ("too-few", "a list with too few items"),
            ("too-many", "a list with too many items"),
            ("too-long", "a text longer than its limit"),
            ("empty", "an empty text"),
            ("out-of-range", "a number out of range"),
            ("invalid-value", "a value of the right type that is not valid"),
            ("invalid-number", "a number that is not a number CarePress can read"),
            ("invalid-date", "a date that does not exist (2026-02-30)"),
            ("wrong-type", "a value of the wrong type (text for a list...)"),
            ("links", "a links: item that is not a page of the hub or a web address"),
            ("future-not-draft", "draft: false on a post dated in the future"),
            ("date-order", "dates in the wrong order (updated before created...)"),
            ("review-in-future", "a clinical review dated in the future"),
            ("empty-body", "the post has no body"),
            ("no-excerpt-separator", "no excerpt separator where the blog requires one"),
            ("multimarkdown", "MultiMarkdown 'Key: value' metadata, which CarePress cannot check"),
            ("duplicate-address", "two pages or posts at one address or slug"),
            ("empty-slug", "a slug that is empty (a title of only punctuation or emoji)"),
            ("meta-file", "a meta file (.meta.yml) would set front matter for posts"),
        )
    ),
    RuleInfo("consent.missing", "consent", "error",
             "a testimonial or case vignette without a consent reference", adjustable=False),
    RuleInfo("consent.not-a-record", "consent", "error",
             "a consent that names no written record ('n/a', 'verbal', a sentence)",
             adjustable=False),
)  # fmt: skip

# A consent reference is the id of a signed record in the practice's files ("CR-2026-014",
# "2026/14"): one token with a digit. "n/a", "verbal - she said it was fine" or "yes" name
# no record anybody could produce (an outside red team published identifying stories so).
CONSENT_RECORD_RE = re.compile(r"(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9._/#:-]{0,39}")

# Markup or script in a front-matter value: tags, comments, javascript: URLs.
HTML_RE = re.compile(r"</?[a-zA-Z!?][^<>\s]{0,20}>?|javascript\s*:", re.IGNORECASE)

# Characters nobody types on purpose, which break feeds, spreadsheets and scripts unseen:
# C0/C1 controls (but tab and line break), line/paragraph separators, non-characters, and
# the bidirectional embeddings and overrides that make text read other than it is stored.
CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\ufeff\ufffe\uffff]"
)

# pydantic error types -> CarePress rule ids (stable names, independent of pydantic).
_RULES = {
    "missing": "required",
    "extra_forbidden": "unknown-key",
    "literal_error": "unknown-value",
    "too_short": "too-few",
    "too_long": "too-many",
    "string_too_long": "too-long",
    "string_too_short": "empty",
    "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range",
    "value_error": "invalid-value",
}

_TYPE_NAMES = {
    "string_type": "text",
    "list_type": "a list",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "dict_type": "a set of 'key: value' lines",
    "model_type": "a set of 'key: value' lines",
    "date_type": "a date (YYYY-MM-DD)",
    "datetime_type": "a date (YYYY-MM-DD)",
}


@dataclass
class FrontMatterResult:
    model: FrontMatter | None
    findings: list[Finding] = field(default_factory=list)
    bad_keys: set[str] = field(default_factory=set)
    # With errors: the valid keys and stand-ins for the rest, so that the content checks
    # still run and the writer sees every finding at once (never published).
    salvaged: FrontMatter | None = None


def _stand_ins(now: dt.datetime) -> dict[str, Any]:
    """Values for required keys that are missing or wrong: the strictest reading (every
    audience), and texts no check reports on."""
    return {
        "title": "untitled",
        "description": "untitled",
        "date": now.date(),
        "authors": ["unknown"],
        "audience": list(AUDIENCES),
    }


def salvage(meta: dict[Any, Any], bad_keys: set[str], now: dt.datetime) -> FrontMatter | None:
    """The front matter with its bad keys left out and stand-ins for required ones."""
    kept = {k: v for k, v in meta.items() if k in FIELD_NAMES and k not in bad_keys}
    try:
        return FrontMatter.model_validate({**_stand_ins(now), **kept})
    except ValidationError:
        return None


# What a content check reports from a key that was left out (its stand-in would only repeat
# the key's own finding): dropped from a salvaged post's findings.
RULES_READING_KEY = {
    "sources": ("citation.unresolved", "citation.too-few-sources", "citation.unused-source"),
    "content_warnings": ("content-warning.undeclared-",),
    "type": ("consent.",),
    "consent": ("consent.",),
    # The stand-in audience is every audience: whether a review is owed is the real key's.
    "audience": ("frontmatter.unreviewed",),
    "reviewed": ("frontmatter.unreviewed",),
}


def _describe(value: Any) -> str:
    if isinstance(value, InvalidScalar):
        text = repr(value.text)
        return shortened(text, end="...'")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of keys"
    text = repr(value)
    return shortened(text, end="...'")


def _field_name(loc: tuple[Any, ...], meta: dict[str, Any]) -> str:
    parts: list[str] = []
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, int) and not isinstance(part, bool) and parts:
            parts[-1] = f"{parts[-1]}[{part + 1}]"
        else:
            parts.append(str(part))
    # A scalar `date:` is validated as date.created; show the key the writer wrote.
    if parts and parts[0] == "date" and not isinstance(meta.get("date"), dict):
        parts = ["date"]
    return ".".join(parts)


def pydantic_finding(post: PostFile, err: dict[str, Any]) -> Finding:
    loc = tuple(p for p in err["loc"])
    key_path: KeyPath = tuple(p for p in loc if p != "[key]")
    name = _field_name(loc, post.meta)
    value = err.get("input")
    kind = err["type"]
    line = post.line_of(key_path)
    hint = ""
    if isinstance(value, InvalidScalar) and value.kind == "number":
        message = f"{name}: {_describe(value)} is {value.reason}"
        hint = "write a whole number of a few digits, or put text in quotes"
    elif isinstance(value, InvalidScalar):
        message = f"{name}: {_describe(value)} is not a real date ({value.reason})"
        hint = "write the date as YYYY-MM-DD, e.g. 2026-03-14"
    elif kind == "missing":
        message = f"{name}: this required field is missing"
        hint = _missing_hint(name)
        line = post.line_of(key_path[:-1]) if len(key_path) > 1 else 1
    elif kind == "extra_forbidden":
        key = str(key_path[-1])
        message = f"{name}: unknown key '{key}'"
        known = (FIELD_NAMES if len(key_path) == 1
                 else SOCIAL_KEYS if tuple(key_path[:-1]) == ("social",) else ())  # fmt: skip
        hint = did_you_mean(key, known) or (
            "remove it, or check the spelling against the front-matter reference in the README"
        )
    elif kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "").replace("'", "")
        choices = [c.strip() for c in re.split(r",| or ", allowed) if c.strip()]
        message = f"{name}: {_describe(value)} is not one of {one_of(choices)}"
        hint = did_you_mean(str(value), choices)
    elif kind in _TYPE_NAMES and value is None:  # `title:` with nothing after it
        message = f"{name} is empty"
        hint = _missing_hint(name).replace("add ", "write ", 1)
    elif kind in _TYPE_NAMES:
        message = f"{name}: expected {_TYPE_NAMES[kind]}, got {_describe(value)}"
        hint = _type_hint(name, kind)
    elif kind in ("too_short", "too_long", "string_too_long", "string_too_short"):
        limit = err.get("ctx", {}).get("max_length") or err.get("ctx", {}).get("min_length")
        items = "item" + ("s" if limit != 1 else "")
        if kind == "too_short":
            message = f"{name}: must have at least {limit} {items}"
            hint = _missing_hint(name)
        elif kind == "string_too_short":
            message = f"{name} is empty"
            hint = _missing_hint(name).replace("add ", "write ", 1)
        elif kind == "too_long" and not isinstance(value, str):
            count = len(value) if isinstance(value, list | tuple | dict) else "too many"
            message = f"{name}: has {count} items; at most {limit}"
            hint = f"keep at most {limit}"
        else:
            message = f"{name}: is too long (at most {limit} characters)"
            hint = "shorten it" + (
                "; the description is what feeds and social snippets show"
                if name == "description" else ""
            )  # fmt: skip
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = f"{name}: {_describe(value)} is out of range ({err['msg'].lower()})"
    else:
        message = f"{name}: {err['msg'].removeprefix('Value error, ')}"
    rule = (
        ("invalid-number" if value.kind == "number" else "invalid-date")
        if isinstance(value, InvalidScalar)
        else _RULES.get(kind, "wrong-type" if kind in _TYPE_NAMES else "invalid-value")
    )
    return Finding(post.path, line, 1, f"frontmatter.{rule}", "frontmatter", "error", message, hint)


def _missing_hint(name: str) -> str:
    examples = {
        "title": 'add title: "What anxiety is"',
        "description": 'add description: "One or two sentences for feeds and social posts."',
        "date": "add date: 2026-03-14",
        "authors": "add authors: [your-author-id] (ids are listed in content/.authors.yml)",
        "audience": f"add audience: [clients] (one or more of {one_of(AUDIENCES)})",
    }
    return examples.get(name.split(".")[0], f"add {name}:")


# What a list of each kind looks like, for the hint of a value that is not one.
_LIST_EXAMPLES = {
    "sources": "one '- id: ...' item per source, each with its id, title and url (the "
               "`carepress new` template shows one)",
    "audience": f"audience: [clients] (one or more of {one_of(AUDIENCES)})",
    "authors": "authors: [your-author-id]",
    "content_warnings": "content_warnings: [suicide]",
}  # fmt: skip


def _type_hint(name: str, kind: str) -> str:
    if kind == "list_type":
        example = _LIST_EXAMPLES.get(name.split(".")[0], f"{name}: [first, second]")
        return f"write it as a list, e.g. {example}"
    if kind == "bool_type":
        return f"write {name}: true or {name}: false"
    if kind == "string_type":
        return "put the value in quotes"
    return ""


def _walk_strings(value: Any, path: KeyPath):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_strings(item, (*path, index))


def markup_findings(post: PostFile) -> list[Finding]:
    findings = []
    for key_path, text in _walk_strings(post.meta, ()):
        control = CONTROL_RE.search(text)
        if control:
            findings.append(
                Finding(
                    post.path, post.line_of(key_path), 1, "frontmatter.control-character",
                    "frontmatter", "error",
                    f"{_field_name(key_path, post.meta)}: contains an invisible control "
                    f"character (U+{ord(control.group(0)):04X})",
                    "retype the value, or remove the escape (such as \\0) from the quotes: "
                    "it would reach pages, feeds and spreadsheets unseen",
                )
            )  # fmt: skip
        match = HTML_RE.search(text)
        if match:
            name = _field_name(key_path, post.meta)
            findings.append(
                Finding(
                    post.path,
                    post.line_of(key_path),
                    1,
                    "frontmatter.html",
                    "frontmatter",
                    "error",
                    f"{name}: HTML or script is not allowed in front matter "
                    f"(found {match.group(0)!r})",
                    "write plain text; CarePress adds all markup itself",
                )
            )
    return findings


def _vocabulary_findings(
    post: PostFile, model: FrontMatter, settings: Settings
) -> list[tuple[str, Finding]]:
    findings: list[tuple[str, Finding]] = []

    def bad(key: str, index: int, message: str, hint: str) -> None:
        findings.append(
            (
                key,
                Finding(
                    post.path,
                    post.line_of((key, index)),
                    1,
                    f"frontmatter.unknown-{key.replace('_', '-')}",
                    "frontmatter",
                    "error",
                    message,
                    hint,
                ),
            )
        )

    for i, cw in enumerate(model.content_warnings):
        if cw not in settings.content_warnings:
            bad(
                "content_warnings",
                i,
                f"content_warnings: '{cw}' is not one of {one_of(settings.content_warnings)}",
                did_you_mean(cw, settings.content_warnings)
                or "use a listed warning, or add it to plugins > carepress > content_warnings",
            )
    for i, author in enumerate(model.authors):
        if author not in settings.authors:
            known = list(settings.authors)
            bad(
                "authors",
                i,
                f"authors: '{author}' is not in the authors file",
                did_you_mean(author, known)
                or f"use one of {one_of(known) or '(none yet)'}, or add the author to .authors.yml",
            )
    if settings.categories_allowed:
        for i, category in enumerate(model.categories):
            if category not in settings.categories_allowed:
                bad(
                    "categories",
                    i,
                    f"categories: '{category}' is not one of {one_of(settings.categories_allowed)}",
                    did_you_mean(category, settings.categories_allowed)
                    or "use a listed category, or add it to the blog plugin's categories_allowed",
                )
    return findings


# Characters a link address never needs, which would break out of the theme's href="...".
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>`\\{}|^]")
_LINK_HINT = (
    "each item is a page of the hub (posts/other-post.md), a web address (https://...), "
    "or 'Title: address'"
)


def _links_findings(
    post: PostFile, model: FrontMatter, settings: Settings, now: dt.datetime
) -> list[Finding]:
    """`links:` (Material prints each title and address into the post's sidebar as they
    are, and the title of each page it names): plain titles, http(s) addresses or pages of
    the hub, and only pages that are published."""
    findings: list[Finding] = []

    def bad(path: KeyPath, message: str, hint: str = _LINK_HINT) -> None:
        findings.append(
            Finding(post.path, post.line_of(path), 1, "frontmatter.links", "frontmatter",
                    "error", f"{_field_name(path, post.meta)}: {message}", hint)
        )  # fmt: skip

    def target(address: str, path: KeyPath) -> None:
        if not address.strip() or _UNSAFE_IN_URL.search(address):
            bad(path, f"{address!r} is not an address (spaces, quotes or brackets)")
            return
        parts = urlsplit(address)
        if parts.scheme:
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                bad(path, f"{address!r}: links may go to https:// or http:// addresses only")
            return
        page = settings.docs_dir / parts.path.lstrip("/")
        if not parts.path or not page.is_file():
            bad(path, f"{parts.path!r} is not a file of the hub (paths start from content/)")
        elif page.name.endswith(MARKDOWN_SUFFIXES) and not _is_published_page(page, now):
            bad(
                path,
                f"{parts.path!r} is a draft or not yet published: its title would appear "
                "on this post's page",
                "link it once it is published, or remove the link",
            )

    def as_a_link(title: str, address: str, path: KeyPath) -> None:
        """A sidebar link is a link: its title offers a crisis line only if it goes there,
        and it tells no third party who clicked it."""
        from . import help_links, tracking_links

        link = f'<a href="{html.escape(address)}">{html.escape(title)}</a>'
        field = _field_name(path, post.meta)
        for rule, message, _ in help_links.help_link_problems(link, settings):
            findings.append(Finding(post.path, post.line_of(path), 1, rule, "crisis", "error",
                                    f"{field}: {message}", help_links.HINT))  # fmt: skip
        if (why := tracking_links.tracking_in(address)) is not None:
            findings.append(Finding(post.path, post.line_of(path), 1, tracking_links.RULE,
                                    "html", "error", f"{field}: {tracking_links.MESSAGE}: {why}",
                                    tracking_links.HINT))  # fmt: skip

    def walk(items: Any, path: KeyPath, depth: int) -> None:
        if not isinstance(items, list):
            bad(path, "expected a list of links")
            return
        for index, item in enumerate(items):
            item_path = (*path, index)
            if isinstance(item, str):
                target(item, item_path)
            elif isinstance(item, dict) and len(item) == 1:
                title, value = next(iter(item.items()))
                if HTML_RE.search(str(title)) or CONTROL_RE.search(str(title)):
                    bad(item_path, f"the title {title!r} holds markup or a control character")
                if isinstance(value, str):
                    target(value, (*item_path, title))
                    as_a_link(str(title), value, (*item_path, title))
                elif isinstance(value, list) and depth < 2:
                    walk(value, (*item_path, title), depth + 1)
                else:
                    bad(item_path, "expected an address, or a list of links one level deep")
            else:
                bad(item_path, "expected a link")

    if model.links is not None:
        walk(model.links, ("links",), 0)
    return findings


def _is_published_page(page: Path, now: dt.datetime) -> bool:
    """Whether a page of the hub is published: not a draft, and not dated in the future."""
    linked, _ = read_post(page)
    if linked is None:
        return True  # no front matter: an ordinary page
    meta = linked.meta
    if meta.get("draft") is True:
        return False
    created = meta.get("date")
    if isinstance(created, dict):
        created = created.get("created")
    if isinstance(created, dt.date) and not isinstance(created, dt.datetime):
        created = dt.datetime.combine(created, dt.time(), tzinfo=dt.UTC)
    if isinstance(created, dt.datetime):
        created = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
        return created <= now
    return True


def theme_findings(page: PostFile, settings: Settings) -> list[Finding]:
    """An `icon:` or `template:` the theme does not have: MkDocs would stop with a traceback
    when it renders the page."""
    findings = []
    for key, wanted in (("icon", ".icons/{}.svg"), ("template", "{}")):
        value = page.meta.get(key)
        if isinstance(value, str) and not settings.theme_has(wanted.format(value)):
            findings.append(
                Finding(page.path, page.line_of((key,)), 1, "frontmatter.unknown-value",
                        "frontmatter", "error", f"{key}: the theme has no {value!r}",
                        "check the spelling" + (" against the icons in Material's "
                        "documentation" if key == "icon" else ""))
            )  # fmt: skip
    return findings


def _consistency_findings(post: PostFile, model: FrontMatter, now: dt.datetime) -> list[Finding]:
    """Fields that are each valid but do not fit together (or with today)."""
    dates = model.date
    # (whether it is wrong, where, rule, category, message, hint)
    problems = [
        (model.type in TYPES_NEEDING_CONSENT and not model.consent, ("type",), "consent.missing",
         "consent", f"type: a {model.type} needs a consent reference",
         "add consent: <id of the signed consent record> (never the person's name)"),
        (bool(model.consent and not CONSENT_RECORD_RE.fullmatch(model.consent.strip())),
         ("consent",), "consent.not-a-record", "consent",
         f"consent: {model.consent.strip()[:40]!r} names no consent record" if model.consent
         else "", "give the id of the signed, written consent record (e.g. CR-2026-014: one "
         "word with a number, never the person's name); without one, do not publish it"),
        (model.draft is False and model.created > now, ("draft",), "frontmatter.future-not-draft",
         "frontmatter", "draft: false would publish a post dated in the future now",
         "remove the draft line; a future-dated post is published on its date automatically"),
        (bool(dates.updated and dates.updated > max(now, dates.created)), ("date", "updated"),
         "frontmatter.date-order", "frontmatter", "date.updated: is in the future",
         "use the date the post was last changed (today at the latest)"),
        (bool(dates.updated and dates.updated < dates.created), ("date", "updated"),
         "frontmatter.date-order", "frontmatter", "date.updated: is before date.created",
         "the update date must be on or after the date the post was created"),
        (bool(model.expires and model.expires <= dates.created), ("expires",),
         "frontmatter.date-order", "frontmatter", "expires: is not after the post's date",
         "the post would never appear in a feed; use a later date or remove the line"),
        (bool(model.reviewed and model.reviewed.on > now), ("reviewed", "on"),
         "frontmatter.review-in-future", "frontmatter",
         "reviewed.on: a review cannot be dated in the future",
         "use the date the clinical review actually happened"),
    ]  # fmt: skip
    return [
        Finding(post.path, post.line_of(keys), 1, rule, category, "error", message, hint)
        for wrong, keys, rule, category, message, hint in problems
        if wrong
    ]


def meta_file_findings(path: Path, shown: str, settings: Settings) -> list[Finding]:
    """A post that a meta file covers (Material's meta plugin merges `.meta.yml` into the
    front matter of every page in its folder and below). CarePress reads each post's own
    front matter only, so a `draft: true` there would keep the page off the site but not
    the share kit, snippets, calendar or `carepress post`: refused, for every post it covers."""
    findings = []
    for meta in settings.meta_files_over(path):
        shown_meta = settings.display_path(meta)
        try:
            data = safe_load(meta.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            data = None
        keys = [str(k) for k in data] if isinstance(data, dict) else []
        sets = f" (it sets {', '.join(keys)})" if keys else ""
        findings.append(
            Finding(shown, 1, 1, "frontmatter.meta-file", "frontmatter", "error",
                    f"{shown_meta} would set front matter for this post{sets}, and CarePress "
                    "reads a post's own front matter only: a draft or date set there would "
                    "keep the page off the site but not its share kit, snippets or social "
                    "posts",
                    f"write those keys in the front matter of each post it covers, then "
                    f"delete {shown_meta} (or move it to a folder with no posts)")
        )  # fmt: skip
    return findings


def check_front_matter(post: PostFile, settings: Settings, now: dt.datetime) -> FrontMatterResult:
    findings: list[Finding] = []
    for key_path, line in post.duplicate_keys:
        findings.append(
            Finding(
                post.path,
                line,
                1,
                "frontmatter.duplicate-key",
                "frontmatter",
                "error",
                f"{_field_name(key_path, post.meta)}: appears twice",
                "keep one; the later value would silently win",
            )
        )
    for key_path, line, kept, written in post.cut_by_comment:
        name = _field_name(key_path, post.meta)
        quoted = written.replace('"', '\\"')
        findings.append(
            Finding(post.path, line, 1, "frontmatter.cut-by-comment", "frontmatter", "error",
                    f"{name} is read as {kept!r}: YAML takes ' #' and what follows for a "
                    "comment", f'put the whole value in quotes: {name}: "{quoted}"')
        )  # fmt: skip
    findings += markup_findings(post)
    result = FrontMatterResult(model=None)
    model: FrontMatter | None
    try:
        model, errors = FrontMatter.model_validate(post.meta), []
    except ValidationError as exc:
        model, errors = None, exc.errors()
    # A key whose YAML could not be read leaves the rest only salvaged: valid without it,
    # the post still lacks what the writer meant that key to say.
    if model is None or post.unreadable_keys:
        seen: set[tuple[Any, ...]] = set()
        result.bad_keys |= post.unreadable_keys  # their YAML finding says what is wrong
        for err in errors:
            loc = tuple(err["loc"])
            if loc in seen or str(loc[0]) in post.unreadable_keys:
                continue
            seen.add(loc)
            findings.append(pydantic_finding(post, err))
            result.bad_keys.add(str(loc[0]))
        result.salvaged = salvage(post.meta, result.bad_keys, now)
        if result.salvaged is not None:
            given = set(post.meta) - result.bad_keys  # not a stand-in
            for key, finding in _vocabulary_findings(post, result.salvaged, settings):
                if key in given:
                    findings.append(finding)
                    result.bad_keys.add(key)
    else:
        result.model = model
        for key, finding in _vocabulary_findings(post, model, settings):
            findings.append(finding)
            result.bad_keys.add(key)
        findings += _consistency_findings(post, model, now)
        findings += _links_findings(post, model, settings, now)
        findings += theme_findings(post, settings)
    if not post.body.strip():
        findings.append(
            Finding(
                post.path,
                post.body_line,
                1,
                "frontmatter.empty-body",
                "frontmatter",
                "error",
                "the post has no text after the front matter",
                "write the post below the closing '---' line",
            )
        )
    elif settings.excerpt_required and settings.excerpt_separator not in post.body:
        findings.append(
            Finding(
                post.path,
                post.body_line,
                1,
                "frontmatter.no-excerpt-separator",
                "frontmatter",
                "error",
                f"the post has no '{settings.excerpt_separator}' line",
                f"add a line '{settings.excerpt_separator}' after the introduction: "
                "the text above it "
                "is what the blog's front page shows",
            )
        )
    result.findings = sorted(findings, key=lambda f: (f.line, f.rule))
    return result
