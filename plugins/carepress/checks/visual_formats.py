"""A post's carousel slides and quote card hold their text: what does not fit at the
smallest readable size is an error naming the slide (text is never cut off). Their words are
read by the language rules with the post's other published texts (published_texts.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..publish.slides import carousel_texts, layout, post_visuals
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare_family, post_check


@declare_family
def _rules(settings: Settings) -> Iterator[RuleInfo]:
    yield RuleInfo("social.slide-overflow", "social", "error",
                   "a carousel slide's or the quote card's text does not fit it",
                   enabled=settings.options.snippets.enabled)  # fmt: skip


@post_check(order=91)
def check_visual_formats(ctx: PostContext) -> list[Finding]:
    model, settings, post = ctx.front_matter, ctx.settings, ctx.post
    if not settings.options.snippets.enabled:
        return []
    options = settings.options.snippets
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
        if layout(spec) is not None:
            continue
        if spec.kind == "quote":
            where, what = ("social", "quote"), "the quote card"
            hint = "shorten the quote (about 25 words fit)"
        elif spec.index == 1:
            where, what = ("title",), f"slide 1 of {spec.count} (the title)"
            hint = "shorten the title"
        elif spec.index == spec.count:
            where, what = ("title",), f"slide {spec.index} of {spec.count} (the closing slide)"
            hint = "shorten the practice's social disclaimer or the post's address"
        elif written:
            where = ("social", "carousel", spec.index - 2)
            what = f"slide {spec.index} of {spec.count} (“{spec.headline}”)"
            hint = "shorten this point (a heading of a few words and one sentence fit)"
        else:  # a heading of the body: at its line
            point = points[spec.index - 2]
            where = ()
            line = post.body_line + post.body[: point.offset].count("\n")
            what = f"slide {spec.index} of {spec.count} (“{point.headline}”)"
            hint = ("shorten that heading or the first sentence under it, or write the "
                    "slides yourself in social.carousel")  # fmt: skip
        findings.append(Finding(post.path, post.line_of(where) if where else line, 1,
                                "social.slide-overflow",
                                "social", "error", f"{what}: the text does not fit the slide",
                                hint))  # fmt: skip
    return findings
