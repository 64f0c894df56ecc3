"""`carepress new`: write a post with a complete, commented front-matter template."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from .checks.frontmatter import HTML_RE
from .model import AUDIENCES, ascii_slug
from .settings import Settings
from .suggest import did_you_mean, one_of

TEMPLATE = "templates/new-post.md.j2"
# The placeholder description; checks/placeholders.py refuses it in a post that is not a draft.
DESCRIPTION = "A short summary of “{title}” for feeds and social posts."


def template_text() -> str:
    return files("carepress").joinpath(TEMPLATE).read_text(encoding="utf-8")


class NewPostError(Exception):
    """The request cannot be honoured (bad value, file exists): exit status 2."""


@dataclass(frozen=True)
class NewPost:
    path: Path
    slug: str


def slugify(title: str) -> str:
    """The new post's file name and `slug:` (which allows only ASCII: model.SLUG_RE)."""
    return ascii_slug(title)[:60].rstrip("-") or "post"


def _validated(values: list[str], allowed: tuple[str, ...], option: str) -> list[str]:
    for value in values:
        if value not in allowed:
            hint = did_you_mean(value, allowed)
            raise NewPostError(
                f"{option} {value!r} is not one of {one_of(allowed)}"
                + (f"; {hint}" if hint else "")
            )
    return values


# Replaced by the post's address once the file can be read as the build reads it.
PLACEHOLDER_HINT = "(its address, once the post is published)"


def create_post(
    settings: Settings,
    title: str,
    audience: list[str],
    warnings: list[str],
    author: str | None = None,
    category: str | None = None,
    today: dt.date | None = None,
) -> NewPost:
    title = title.strip()
    if not title or "\n" in title:
        raise NewPostError("the title must be one line of text")
    if HTML_RE.search(title):
        raise NewPostError("the title must be plain text, without HTML")
    audience = _validated(audience or ["clients"], AUDIENCES, "--audience")
    warnings = _validated(warnings, settings.content_warnings, "--cw")
    authors = list(settings.authors)
    if author:
        _validated([author], tuple(authors), "--author")
    elif not authors:
        raise NewPostError("no authors yet: add one to the authors file (.authors.yml) first")
    if category and settings.categories_allowed:
        _validated([category], settings.categories_allowed, "--category")

    slug = slugify(title)
    path = settings.post_dir / f"{slug}.md"
    if path.exists():
        raise NewPostError(
            f"{settings.display_path(path)} already exists; choose another title or edit that post"
        )
    import jinja2  # here: the checks read this module's template text, not its renderer

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(template_text())
    text = template.render(
        # JSON strings are valid YAML double-quoted scalars: safe for any title.
        title_yaml=json.dumps(title, ensure_ascii=False),
        description_yaml=json.dumps(DESCRIPTION.format(title=title), ensure_ascii=False),
        date=(today or dt.date.today()).isoformat(),
        slug=slug,
        site_hint=PLACEHOLDER_HINT,
        authors=[author or authors[0]],
        audience=audience,
        warnings=warnings,
        vocabulary=settings.content_warnings,
        categories=[json.dumps(category, ensure_ascii=False)] if category else [],
    )
    settings.post_dir.mkdir(parents=True, exist_ok=True)
    # "x" mode: never overwrite, even if the file appeared since the check above.
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    # Where the post will land, as the build works it out from the hub's blog options
    # (blog_dir, post_url_format...): the one place addresses come from.
    from .engine import check_front

    address = check_front(path, settings).address
    if address is not None:
        path.write_text(text.replace(PLACEHOLDER_HINT, f".../{address.path}", 1), "utf-8")
    return NewPost(path, slug)
