"""A post's carousel slides and quote card hold their text: what does not fit at the
smallest readable size is an error naming the slide (text is never cut off). Their words are
read by the language rules with the post's other published texts (published_texts.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..findings import Finding
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare_family, post_check

if TYPE_CHECKING:
    from ..content import PostFile
    from ..publish.cards import CardSpec
    from ..publish.slides import SlideText


@declare_family
def _rules(settings: Settings) -> Iterator[RuleInfo]:
    yield RuleInfo("social.slide-overflow", "social", "error",
                   "a carousel slide's or the quote card's text does not fit it",
                   enabled=settings.options.snippets.enabled)
    yield RuleInfo("social.slide-script", "social", "error",
                   "a carousel slide or the quote card has letters its font cannot draw",
                   enabled=settings.options.snippets.enabled)  # fmt: skip


@post_check(order=91)
def check_visual_formats(ctx: PostContext) -> list[Finding]:
    model, settings, post = ctx.front_matter, ctx.settings, ctx.post
    if not settings.options.snippets.enabled:
        return []
    options = settings.options.snippets
    if not (model.social.carousel or model.social.quote or options.carousels_from_headings):
        return []  # (and Pillow is not even imported: the one-post edit loop stays quick)
    from ..publish.slides import carousel_texts, layout, post_visuals, undrawn_letters

    visuals = post_visuals(model, ctx.safeguards, post.body, ctx.address.slug, ctx.address.url,
                           settings.practice.name,
                           settings.practice.disclaimer.for_platform("instagram"),
                           options.carousels_from_headings, settings.card_colours)  # fmt: skip
    ctx.visuals = visuals
    if not visuals.cards:
        return []
    written = bool(model.social.carousel)
    points = carousel_texts(model, post.body) if visuals.slides else []
    findings = []
    line = 1
    for spec in visuals.cards.values():
        where, what, line = _place(spec, written, points, post)
        missing = undrawn_letters(" ".join((spec.title, spec.headline, spec.body)))
        if missing:
            findings.append(Finding(
                post.path, post.line_of(where) if where else line, 1, "social.slide-script",
                "social", "error", f"{what}: the slide's font cannot draw {missing!r}",
                "write it in Latin, Greek or Cyrillic letters (the script DejaVu Sans covers), "
                "or leave the carousel and quote out of social: for this post",
            ))  # fmt: skip
            continue
        if layout(spec) is None:
            findings.append(Finding(post.path, post.line_of(where) if where else line, 1,
                                    "social.slide-overflow", "social", "error",
                                    f"{what}: the text does not fit the slide",
                                    _hint(spec, written)))  # fmt: skip
    return findings


def _place(
    spec: CardSpec, written: bool, points: list[SlideText], post: PostFile
) -> tuple[tuple, str, int]:
    """Where a slide's words are written (a front-matter key, or a line of the body), and
    how to name the slide."""
    if spec.kind == "quote":
        return ("social", "quote"), "the quote card", 1
    if spec.index == 1:
        return ("title",), f"slide 1 of {spec.count} (the title)", 1
    if spec.index == spec.count:
        return ("title",), f"slide {spec.index} of {spec.count} (the closing slide)", 1
    if written:
        return (("social", "carousel", spec.index - 2),
                f"slide {spec.index} of {spec.count} (“{spec.headline}”)", 1)  # fmt: skip
    point = points[spec.index - 2]
    line = post.body_line + post.body[: point.offset].count("\n")
    return (), f"slide {spec.index} of {spec.count} (“{point.headline}”)", line


def _hint(spec: CardSpec, written: bool) -> str:
    if spec.kind == "quote":
        return "shorten the quote (about 25 words fit)"
    if spec.index == 1:
        return "shorten the title"
    if spec.index == spec.count:
        return ("shorten the practice's social disclaimer; for a long address, give the post "
                "a short slug:")  # fmt: skip
    if written:
        return "shorten this point (a heading of a few words and one sentence fit)"
    return ("shorten that heading or the first sentence under it, or write the slides "
            "yourself in social.carousel")  # fmt: skip
