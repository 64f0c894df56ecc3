"""A post's visual formats beside its card: carousel slides (1080x1350, Instagram's feed and
LinkedIn's document posts; also one PDF of them) and a square quote card (1080x1080).

A carousel is the title slide (with the post's content warning, when it has one), one slide
per point (the front matter's `social.carousel`, else the post's `##` headings with the first
sentence under each), and the closing slide (the region's crisis line for a post that needs
a crisis box, where to read the post, the practice's short disclaimer). Text never shrinks
past a readable size and is never cut: a slide whose text does not fit is an error that
names it (checks/visual_formats.py). Drawn with the card's background, font and colours (cards.py);
cached by the same key."""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic_write import link_or_copy, write_atomically
from .card_colours import DEFAULT_COLOURS, CardColours
from .cards import (
    LINE_SPACING,
    TITLE_COLOUR,
    CardShape,
    CardSpec,
    _background,
    _encode,
    _warning_label,
    balance,
    card_key,
    curly_quotes,
    drawable,
    font,
    pack,
    render_card,
    width_of,
    wrap,
)
from .outputs import CARD_DIR

if TYPE_CHECKING:
    from PIL import Image

    from ..model import FrontMatter
    from ..safeguards import Safeguards

SLIDE = CardShape("slide", 1080, 1350, 96, 120, 1190, 1222, range(96, 55, -4))
SQUARE = CardShape("square", 1080, 1080, 96, 110, 930, 962, range(72, 39, -4))
SLIDE_DIR = f"{CARD_DIR}/slides"  # assets/cards/slides/<slug>/<n>.png and <slug>.pdf
QUOTE_DIR = f"{CARD_DIR}/quotes"  # assets/cards/quotes/<slug>.png
MOST_POINTS = 8  # with the title and closing slides: at most 10, Instagram's limit
HEADLINE_SIZES = range(76, 47, -4)
BODY_SIZES = range(52, 33, -2)  # 34 px on a 1080 px slide: still readable on a phone
CLOSING_SIZES = range(44, 29, -2)
_PDF_DATE = time.gmtime(946_684_800)  # 2000-01-01: equal slides give equal PDF bytes


@dataclass(frozen=True)
class SlideText:
    headline: str
    body: str = ""
    offset: int = -1  # where its heading is in the post's body (-1: the front matter's)


def slide_path(slug: str, number: int) -> str:
    return f"{SLIDE_DIR}/{slug}/{number}.png"


def pdf_path(slug: str) -> str:
    return f"{SLIDE_DIR}/{slug}.pdf"


def quote_path(slug: str) -> str:
    return f"{QUOTE_DIR}/{slug}.png"


# --- What the slides say --------------------------------------------------------------------

_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t#]*$", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s")


def _plain(markdown: str) -> str:
    """A paragraph's words without its markup: links keep their text, citations and
    footnotes go, emphasis and code marks go."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\s*(?:\[@[^\]]*\]|\[\^[^\]]*\])", "", text)  # (and the space before)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def headings_and_first_sentences(body: str) -> list[SlideText]:
    """A point per `##` heading: the heading, and the first sentence of its first paragraph."""
    points = []
    matches = list(_HEADING.finditer(body))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        section = body[match.end() : end]
        paragraph = next((p for p in re.split(r"\n\s*\n", section)
                          if p.strip() and not p.lstrip().startswith(("#", "!!!", "???", "<",
                                                                      "|", "```", "---"))),
                         "")  # fmt: skip
        first = _plain(paragraph.strip().lstrip("-*+> ").strip())
        cut = _SENTENCE_END.search(first)
        sentence = first[: cut.start() + 1].strip() if cut else first
        points.append(SlideText(_plain(match.group(1)), sentence, match.start()))
    return points[:MOST_POINTS]


def carousel_texts(model: FrontMatter, body: str) -> list[SlideText]:
    """The points between the title and closing slides: the writer's, else the headings'."""
    if model.social.carousel:
        return [SlideText(s.title, s.text) for s in model.social.carousel]
    return headings_and_first_sentences(body)


@dataclass(frozen=True)
class Closing:
    crisis: str  # the region's line for social posts, when the post needs a crisis box
    link: str  # where the post is, as a reader would type it
    disclaimer: str


def closing_for(safeguards: Safeguards, address: str, disclaimer: str) -> Closing:
    crisis = safeguards.crisis.short if safeguards.crisis is not None else ""
    link = re.sub(r"^https?://", "", address).rstrip("/")
    return Closing(crisis, link, disclaimer)


def carousel(
    model: FrontMatter, safeguards: Safeguards, body: str, practice: str, closing: Closing,
    colours: CardColours = DEFAULT_COLOURS,
) -> tuple[CardSpec, ...]:  # fmt: skip
    """The slides of a post, in order; none when it has fewer than one point (a post with no
    `##` headings and no `social.carousel`)."""
    points = carousel_texts(model, body)
    if not points:
        return ()
    warnings = tuple(w.label for w in safeguards.warnings)
    count = len(points) + 2
    base = CardSpec(model.title, practice, shape=SLIDE, kind="slide", count=count,
                    colours=colours)  # fmt: skip
    slides = [replace(base, warnings=warnings, index=1)]
    slides += [replace(base, index=i + 2, headline=p.headline, body=p.body)
               for i, p in enumerate(points)]  # fmt: skip
    # Always three: the crisis line ("" when the post needs none), the link, the disclaimer.
    lines = (closing.crisis, closing.link, closing.disclaimer)
    slides.append(replace(base, index=count, headline="Read the full article at", lines=lines))
    return tuple(slides)


def quote_card(
    model: FrontMatter, safeguards: Safeguards, practice: str,
    colours: CardColours = DEFAULT_COLOURS,
) -> CardSpec | None:  # fmt: skip
    if not model.social.quote:
        return None
    return CardSpec(model.title, practice, tuple(w.label for w in safeguards.warnings),
                    shape=SQUARE, kind="quote", body=model.social.quote,
                    colours=colours)  # fmt: skip


@dataclass(frozen=True)
class Visuals:
    """A post's slides (in order) and quote card, by their paths in the site."""

    slides: dict[str, CardSpec]
    quote: dict[str, CardSpec]
    pdf: str  # the slides' PDF, "" without slides

    @property
    def cards(self) -> dict[str, CardSpec]:
        return {**self.slides, **self.quote}


NO_VISUALS = Visuals({}, {}, "")


def post_visuals(
    model: FrontMatter, safeguards: Safeguards, body: str, slug: str, url: str,
    practice: str, disclaimer: str, from_headings: bool,
    colours: CardColours = DEFAULT_COLOURS,
) -> Visuals:  # fmt: skip
    """What a post gets beside its card: slides when the writer gave `social.carousel` (or
    the hub draws them from headings), a quote card when the writer gave `social.quote`."""
    slides: tuple[CardSpec, ...] = ()
    if model.social.carousel or from_headings:
        closing = closing_for(safeguards, url, disclaimer)
        slides = carousel(model, safeguards, body, practice, closing, colours)
        # Slides from headings in a script the font lacks would show nothing: none are
        # drawn (the writer's own carousel is an error instead: checks/visual_formats.py).
        if not model.social.carousel and any(
            undrawn_letters(" ".join((s.title, s.headline, s.body))) for s in slides
        ):
            slides = ()
    quote = quote_card(model, safeguards, practice, colours)
    return Visuals(
        {slide_path(slug, s.index): s for s in slides},
        {quote_path(slug): quote} if quote is not None else {},
        pdf_path(slug) if slides else "",
    )


def alt_text(spec: CardSpec) -> str:
    """What a slide or quote card says, exactly, for its alt text."""
    if spec.kind == "quote":
        text = f"Quote: “{spec.body}” — from “{spec.title}”, {spec.practice}."
    elif spec.index == 1:
        text = f"Slide 1 of {spec.count}: {spec.title} — {spec.practice}."
    elif spec.lines:
        crisis, link, disclaimer = spec.lines
        text = f"Slide {spec.index} of {spec.count}: {spec.headline} {link}. {disclaimer}"
        text += f" {crisis}" if crisis else ""
    else:
        text = f"Slide {spec.index} of {spec.count}: {spec.headline}."
        text += f" {spec.body}" if spec.body else ""
    if spec.warnings:
        text += f" {spec.warning_line}."
    return text


# --- Layout ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    size: int
    lines: tuple[str, ...]
    bold: bool
    balance_width: int = 0  # lines evened out at this width when drawn; 0: drawn as they are

    @property
    def height(self) -> int:
        return len(self.lines) * round(self.size * LINE_SPACING)

    def drawn_lines(self) -> list[str]:
        """The lines as drawn: balancing keeps their number (and so the layout), and only
        drawing needs it, not the overflow check."""
        if not self.balance_width or len(self.lines) < 2:
            return list(self.lines)
        return balance(" ".join(self.lines), font(self.size, self.bold), self.balance_width)


def fit(text: str, width: int, height: int, sizes: range, bold: bool) -> Block | None:
    """The largest size at which `text` fits the box without breaking a word; None when it
    does not fit even at the smallest (text is never cut)."""
    for size in sizes:
        face = font(size, bold)
        if any(width_of(face, word) > width for word in text.split()):
            continue
        lines = wrap(text, face, width)
        if len(lines) * round(size * LINE_SPACING) <= height:
            return Block(size, tuple(lines), bold, balance_width=width)
    return None


def fit_link(link: str, width: int, height: int) -> Block | None:
    """An address broken only after a "/" or "-" (never with a space that is not in it)."""
    parts = re.split(r"(?<=[/-])", link)
    for size in CLOSING_SIZES:
        face = font(size, True)
        lines = pack(parts, face, width) or [""]
        if all(width_of(face, line) <= width for line in lines) and \
                len(lines) * round(size * LINE_SPACING) <= height:  # fmt: skip
            return Block(size, tuple(lines), True)
    return None


def _content_box(spec: CardSpec) -> tuple[int, int, int]:
    shape = spec.shape
    top = shape.top + 90  # below the slide number or the warning label
    return shape.width - 2 * shape.margin_x, top, shape.footer_rule_y - 48


def layout(spec: CardSpec) -> list[Block] | None:
    """The blocks a slide or quote card draws, top to bottom; None when its text does not fit."""
    width, top, bottom = _content_box(spec)
    room = bottom - top
    if spec.kind == "quote":
        quote = fit(f"“{curly_quotes(drawable(spec.body))}”", width, room - 120,
                    range(72, 33, -2), bold=True)  # fmt: skip
        source = fit(f"From “{drawable(spec.title)}”", width, 110, range(36, 25, -2), False)
        return None if quote is None or source is None else [quote, source]
    if spec.index == 1:
        title = fit(curly_quotes(drawable(spec.title)), width, room, spec.shape.title_sizes, True)
        return None if title is None else [title]
    if spec.lines:
        crisis, link, disclaimer = spec.lines
        found = [fit(drawable(spec.headline), width, 120, CLOSING_SIZES, True),
                 fit_link(link, width, 200),
                 fit(drawable(disclaimer), width, 220, CLOSING_SIZES, False)]  # fmt: skip
        if crisis:  # first and largest: the one a reader in distress needs
            found.insert(0, fit(drawable(crisis), width, 260, HEADLINE_SIZES[-3:], True))
        return None if any(b is None for b in found) else found  # type: ignore[return-value]
    headline = fit(curly_quotes(drawable(spec.headline)), width, room // 2, HEADLINE_SIZES, True)
    if headline is None:
        return None
    if not spec.body:
        return [headline]
    body = fit(curly_quotes(drawable(spec.body)), width, room - headline.height - 56,
               BODY_SIZES, bold=False)  # fmt: skip
    return None if body is None else [headline, body]


def undrawn_letters(text: str) -> str:
    """The letters of `text` the font cannot draw (a script it does not cover): a slide
    would show them as nothing. Emoji and symbols are left out of pictures quietly."""
    return "".join(c for c in dict.fromkeys(text) if _undrawn_letter(c))


@cache
def _undrawn_letter(char: str) -> bool:
    return unicodedata.category(char).startswith("L") and not drawable(char)


# --- Drawing --------------------------------------------------------------------------------


def render_slide(spec: CardSpec) -> Image.Image:
    from PIL import ImageDraw

    shape = spec.shape
    image = _background(shape, spec.colours).copy()
    draw = ImageDraw.Draw(image)
    margin = shape.margin_x
    width, top, bottom = _content_box(spec)
    blocks = layout(spec)
    if blocks is None:  # the checks stop the build first; drawn smallest, never cut, if asked
        blocks = [Block(30, tuple(wrap(drawable(spec.headline or spec.title), font(30), width)),
                        False)]  # fmt: skip
    if spec.kind == "slide" and spec.index > 1:
        draw.text((margin, shape.top), f"{spec.index}/{spec.count}", font=font(34),
                  fill=spec.colours.footer)  # fmt: skip
    if spec.warnings:
        _warning_label(draw, drawable(spec.warning_line), margin, shape.top, shape)
    total = sum(b.height for b in blocks) + 56 * (len(blocks) - 1)
    y = top + max(0, (bottom - top - total) // 2)
    for number, block in enumerate(blocks):
        face = font(block.size, block.bold)
        colour = TITLE_COLOUR if number == 0 or spec.kind == "slide" else spec.colours.footer
        for line in block.drawn_lines():
            draw.text((margin, y), line, font=face, fill=colour)
            y += round(block.size * LINE_SPACING)
        y += 56
    rule_y = shape.footer_rule_y
    draw.rounded_rectangle((margin, rule_y, margin + 72, rule_y + 6), radius=3,
                           fill=spec.colours.accent)  # fmt: skip
    footer = drawable(spec.practice)
    if spec.kind == "slide" and spec.index < spec.count:
        footer = f"{footer}  ·  swipe for more" if footer else "swipe for more"
    face = font(34)
    while footer and width_of(face, footer) > width:
        footer = footer[:-1]
    draw.text((margin, shape.footer_text_y), footer, font=face, fill=spec.colours.footer)
    return image


def slides_pdf(pngs: list[bytes]) -> bytes:
    """The slides as one PDF, a page each (LinkedIn's document posts), made offline."""
    from PIL import Image

    return _pdf_of([Image.open(BytesIO(png)).convert("RGB") for png in pngs])


def _pdf_of(images: list[Image.Image]) -> bytes:
    out = BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=144,
                   quality=90, creationDate=_PDF_DATE, modDate=_PDF_DATE,
                   producer="CarePress")  # fmt: skip
    return out.getvalue()


def pdf_key(slides: Sequence[CardSpec]) -> str:
    return hashlib.sha256(" ".join(card_key(s) for s in slides).encode()).hexdigest()


@dataclass(frozen=True)
class CarouselJob:
    """A post's slides and their PDF, drawn into the cache together (the PDF from the
    pictures just drawn, not read back from their files)."""

    slides: tuple[tuple[CardSpec, Path], ...]
    pdf: Path


def carousel_job(slides: Sequence[CardSpec], cache_dir: Path) -> CarouselJob:
    return CarouselJob(tuple((s, cache_dir / f"{card_key(s)}.png") for s in slides),
                       cache_dir / f"{pdf_key(slides)}.pdf")  # fmt: skip


def draw_carousel_into_cache(job: CarouselJob) -> None:
    from PIL import Image

    images = []
    for spec, path in job.slides:
        if path.is_file():
            with Image.open(path) as cached:
                images.append(cached.convert("RGB"))
            continue
        image = render_card(spec)
        _encode(image, path, card_key(spec))
        images.append(image)
    if not job.pdf.is_file():
        write_atomically(job.pdf, _pdf_of(images))


def write_pdfs(
    site_dir: Path, pdfs: Mapping[str, tuple[CardSpec, ...]], cache_dir: Path | None
) -> None:
    """Each carousel's PDF (path under the site -> its slides, in order), from the cache
    (drawn there with its slides) or made now from the slides written to the site."""
    for relative, slides in sorted(pdfs.items()):
        cached = cache_dir / f"{pdf_key(slides)}.pdf" if cache_dir is not None else None
        target = site_dir / relative
        target.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        if cached is not None and cached.is_file():
            link_or_copy(cached, target)
            continue
        folder = site_dir / relative.removesuffix(".pdf")
        data = slides_pdf([(folder / f"{s.index}.png").read_bytes() for s in slides])
        if cached is not None:
            try:
                write_atomically(cached, data)
                link_or_copy(cached, target)
                continue
            except OSError:
                pass  # a read-only hub still gets its PDFs, just not cached
        target.write_bytes(data)
