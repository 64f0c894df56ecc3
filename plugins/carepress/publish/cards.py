"""Social cards: one 1200x630 PNG per published post, drawn offline with Pillow.

The font is DejaVu Sans, shipped with CarePress (data/fonts/, under its own licence): nothing
is downloaded, no Cairo, no system fonts, so every machine draws the same pixels. It covers
Latin (Vietnamese and every accent), Greek and Cyrillic; a character it lacks (an emoji,
a script it does not cover) is mapped to a close form or left out of the *picture* (the alt
text keeps the exact title), so no title ever breaks a build.

Cards are cached by a hash of what is drawn plus the renderer's and Pillow's versions
(``card_key``): an unchanged post is copied from the cache, not drawn again, and the same
inputs always give the same bytes. Never imports MkDocs.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic_write import link_or_copy, write_atomically
from .address import card_path
from .card_colours import DEFAULT_COLOURS, CardColours
from .outputs import CARD_DIR

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

    from ..model import FrontMatter
    from ..safeguards import Safeguards

WIDTH, HEIGHT = 1200, 630
# Bump when the drawing changes, so cached cards are drawn again.
RENDERER_VERSION = "6"  # 5: DejaVu Sans, bold titles; 6: publish/png.py encodes
# Where the build puts the cards, relative to the site: assets/cards/<slug>.png.

# Colours: white titles on the practice's primary colour, darkened for contrast (see
# card_colours.py); a warm amber label with near-black text (13:1) for content warnings.
RING = (255, 255, 255, 20)
TITLE_COLOUR = (255, 255, 255)
WARNING_FILL = (255, 200, 87)
WARNING_TEXT = (31, 26, 16)

MARGIN_X = 88
TOP = 76
FOOTER_RULE_Y = 478
FOOTER_TEXT_Y = 508
TITLE_SIZES = range(76, 39, -4)  # the largest size that fits wins
LINE_SPACING = 1.2
TITLE_GAP_BELOW = 44  # between the title block and the footer rule


@dataclass(frozen=True)
class CardShape:
    """A card's size and layout: the link-preview card, and Instagram's portrait feed size."""

    name: str
    width: int
    height: int
    margin_x: int
    top: int
    footer_rule_y: int
    footer_text_y: int
    title_sizes: range  # the largest size that fits wins


LANDSCAPE = CardShape("landscape", WIDTH, HEIGHT, MARGIN_X, TOP, FOOTER_RULE_Y, FOOTER_TEXT_Y,
                      TITLE_SIZES)  # fmt: skip
PORTRAIT = CardShape("portrait", 1080, 1350, 96, 132, 1140, 1172, range(104, 51, -4))
PORTRAIT_DIR = f"{CARD_DIR}/portrait"  # assets/cards/portrait/<slug>.png


def portrait_path(slug: str) -> str:
    """A post's portrait card (Instagram's 1080x1350 feed size), relative to the site."""
    return f"{PORTRAIT_DIR}/{slug}.png"


@dataclass(frozen=True)
class CardSpec:
    """Everything a card shows; its hash is the cache key."""

    title: str
    practice: str
    warnings: tuple[str, ...] = ()  # content-warning labels, e.g. ("suicide",)
    shape: CardShape = LANDSCAPE
    # A carousel slide or a quote card (publish/slides.py) says more than a title.
    kind: str = "card"  # "card", "slide" or "quote"
    index: int = 0  # a slide's place (1 is the title slide) and how many there are
    count: int = 0
    headline: str = ""
    body: str = ""  # a point's sentence, or the quote
    lines: tuple[str, ...] = ()  # the closing slide's: crisis line, link, disclaimer
    colours: CardColours = DEFAULT_COLOURS  # the hub's, from its theme palette

    @property
    def warning_line(self) -> str:
        if not self.warnings:
            return ""
        noun = "Content warning" if len(self.warnings) == 1 else "Content warnings"
        return f"{noun}: {', '.join(self.warnings)}"


def post_card(
    model: FrontMatter, safeguards: Safeguards, practice: str,
    colours: CardColours = DEFAULT_COLOURS,
) -> CardSpec:  # fmt: skip
    """What a post's card shows: its title, the practice's name, its warnings' labels."""
    return CardSpec(model.title, practice, tuple(w.label for w in safeguards.warnings),
                    colours=colours)  # fmt: skip


def post_cards(spec: CardSpec, slug: str, portraits: bool) -> dict[str, CardSpec]:
    """A post's cards by their path in the site: the link-preview card and, with
    `portraits`, its twin for Instagram's feed."""
    cards = {card_path(slug): spec}
    if portraits:
        cards[portrait_path(slug)] = replace(spec, shape=PORTRAIT)
    return cards


def card_alt_text(spec: CardSpec) -> str:
    """The card's alt text (og:image:alt, twitter:image:alt): what the picture says, exactly."""
    text = f"Card: {spec.title} — {spec.practice}."
    if spec.warnings:
        text += f" {spec.warning_line}."
    return text




CARD_KEY_CHUNK = "carepress-card"


@cache
def _library_versions() -> str:
    # From their metadata: a rebuild finds its kept cards by key without loading Pillow.
    # Pillow draws the pixels and zlib-ng deflates them: both decide the card's bytes.
    return f"{version('pillow')} {version('zlib-ng')}"


def card_key(spec: CardSpec) -> str:
    data = {
        "renderer": RENDERER_VERSION,
        "pillow": _library_versions(),
        "size": [spec.shape.width, spec.shape.height],
        "title": spec.title,
        "practice": spec.practice,
        "warnings": list(spec.warnings),
        "colours": spec.colours.key,
        **({"kind": spec.kind, "index": spec.index, "count": spec.count,
            "headline": spec.headline, "body": spec.body, "lines": list(spec.lines)}
           if spec.kind != "card" else {}),  # (a card's key is what it was before slides)
    }
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=True).encode("ascii")
    return hashlib.sha256(encoded).hexdigest()


# --- Text the bundled font can draw ----------------------------------------------------

# Characters the font lacks, with a close stand-in (NFKD handles accents, ligatures, widths).
_STAND_INS = {
    "—": " - ",
    "―": " - ",
    "–": "-",
    "‒": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "•": "·",
    "ß": "ss",
    "ẞ": "SS",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "þ": "th",
    "Þ": "Th",
    "ı": "i",
    "€": "EUR",
    "£": "GBP",
    "„": "“",
    "‚": "‘",
}


FONT_DIR = Path(__file__).resolve().parent.parent / "data" / "fonts"


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont  # here: a rebuild that draws nothing never loads Pillow

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except ImportError:  # Pillow built without FreeType
        raise RuntimeError("social cards need Pillow with FreeType support") from None


@lru_cache(maxsize=1 << 16)
def width_of(face: ImageFont.FreeTypeFont, text: str) -> float:
    """`face.getlength(text)`, remembered: wrapping at many sizes and widths (balancing, the
    overflow check) measures the same words and lines again and again."""
    return face.getlength(text)


def _render_glyph(text: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (64, 64))
    ImageDraw.Draw(image).text((8, 8), text, font=font(32), fill=255)
    return image.tobytes()


@cache
def _missing_glyph() -> bytes:
    return _render_glyph("\uffff")  # a noncharacter: always the font's "missing" box


@cache
def can_draw(char: str) -> bool:
    if " " <= char <= "~":
        return True  # DejaVu Sans draws all of printable ASCII: no need to load Pillow
    if unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return False  # combining marks, joiners, variation selectors: nothing to draw alone
    return _render_glyph(char) != _missing_glyph()


def curly_quotes(text: str) -> str:
    """Typographic quotes and apostrophes: "It's" -> It’s, "worry" -> “worry”."""
    out: list[str] = []
    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        opening = before.isspace() or before in "([{“‘-"
        if char == '"':
            out.append("“" if opening else "”")
        elif char == "'":
            out.append("‘" if opening else "’")
        else:
            out.append(char)
    return "".join(out)


def drawable(text: str) -> str:
    """`text` with every character the font cannot draw replaced or left out; never raises."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.category(char) == "Zs":
            out.append(" ")
        elif can_draw(char):
            out.append(char)
        elif char in _STAND_INS:
            out.append("".join(c for c in _STAND_INS[char] if can_draw(c)))
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", char) if can_draw(c)))
    return " ".join("".join(out).split())


# --- Layout -----------------------------------------------------------------------------


def pack(units: Iterable[str], face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Pieces of one word (or address) joined greedily into lines of at most `width`, with
    nothing added between them."""
    lines, current = [], ""
    for unit in units:
        if current and width_of(face, current + unit) > width:
            lines.append(current)
            current = unit
        else:
            current += unit
    return [*lines, current] if current else lines


def _split_long_word(word: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """A word wider than a line: broken after its hyphens, else between characters."""
    parts = re.split(r"(?<=-)(?=.)", word)
    return pack((unit for part in parts
                 for unit in ([part] if width_of(face, part) <= width else list(part))),
                face, width)  # fmt: skip


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by measured width; a word wider than a line is split."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if width_of(face, candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if width_of(face, word) <= width:
            current = word
        else:
            *full, current = _split_long_word(word, face, width)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def _ellipsize(line: str, face: ImageFont.FreeTypeFont, width: int) -> str:
    while line and width_of(face, line + "…") > width:
        line = line[:-1].rstrip()
    return line + "…"


@dataclass(frozen=True)
class TitleLayout:
    size: int
    lines: tuple[str, ...]

    @property
    def line_height(self) -> int:
        return round(self.size * LINE_SPACING)


def balance(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The same number of lines as a greedy wrap at `width`, with lines of even length (the
    narrowest width that still needs no extra line), so no word is left alone on a line."""
    lines = wrap(text, face, width)
    if len(lines) < 2:
        return lines
    low = max(int(width_of(face, word)) for word in text.split())
    high = width
    while low < high:
        middle = (low + high) // 2
        if len(wrap(text, face, middle)) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return wrap(text, face, high)


def fit_title(
    text: str, width: int, height: int, sizes: range = TITLE_SIZES
) -> TitleLayout:
    """The largest size at which the wrapped title fits the box; at the smallest size the
    last line that fits ends with an ellipsis."""
    parts = [part for word in text.split() for part in re.split(r"(?<=-)(?=.)", word)]
    # Rather a smaller size than a word broken between letters.
    for break_words in (False, True):
        for size in sizes:
            face = font(size, bold=True)
            if not break_words and any(width_of(face, part) > width for part in parts):
                continue
            lines = wrap(text, face, width)
            if len(lines) * round(size * LINE_SPACING) <= height:
                return TitleLayout(size, tuple(balance(text, face, width)))
    size = sizes[-1]
    face = font(size, bold=True)
    lines = wrap(text, face, width)
    keep = max(1, height // round(size * LINE_SPACING))
    if len(lines) > keep:
        lines = [*lines[: keep - 1], _ellipsize(" ".join(lines[keep - 1 :]), face, width)]
    return TitleLayout(size, tuple(lines))


# --- Drawing ----------------------------------------------------------------------------


@cache
def _background(shape: CardShape, colours: CardColours = DEFAULT_COLOURS) -> Image.Image:
    from PIL import Image, ImageDraw

    # The same for every card of a shape (drawn once per process; callers copy it): a
    # vertical gradient, then two faint rings off the top-right corner, drawn at 2x and
    # scaled down so their edges are smooth.
    width, height = shape.width, shape.height
    column = Image.linear_gradient("L").resize((1, height))
    top = Image.new("RGB", (1, height), colours.top)
    bottom = Image.new("RGB", (1, height), colours.bottom)
    image = Image.composite(bottom, top, column).resize((width, height)).convert("RGBA")
    rings = Image.new("RGBA", (width * 2, height * 2), (0, 0, 0, 0))
    draw = ImageDraw.Draw(rings)
    cx, cy = width * 2 - 40, -60
    for radius, stroke in ((560, 28), (860, 20)):
        box = (cx - radius, cy - radius, cx + radius, cy + radius)
        draw.ellipse(box, outline=RING, width=stroke)
    rings = rings.resize((width, height), Image.Resampling.LANCZOS)
    return Image.alpha_composite(image, rings).convert("RGB")


def _warning_label(
    draw: ImageDraw.ImageDraw, text: str, x: int, y: int, shape: CardShape = LANDSCAPE
) -> int:
    """An amber pill with a warning triangle and `text`; returns its bottom edge."""
    face = font(28)
    height = 56
    icon = 28
    pad = 22
    text_width = min(math.ceil(width_of(face, text)), shape.width - 2 * x - icon - 3 * pad)
    width = pad + icon + 14 + text_width + pad
    draw.rounded_rectangle((x, y, x + width, y + height), radius=height // 2, fill=WARNING_FILL)
    # The triangle and its "!" are shapes, not glyphs: the font has no warning sign.
    ix, iy = x + pad, y + (height - icon) // 2 + 1
    draw.polygon(
        [(ix + icon / 2, iy), (ix + icon, iy + icon - 2), (ix, iy + icon - 2)], fill=WARNING_TEXT
    )
    draw.rounded_rectangle(
        (ix + icon / 2 - 2, iy + 9, ix + icon / 2 + 2, iy + icon - 11), radius=2, fill=WARNING_FILL
    )
    draw.ellipse(
        (ix + icon / 2 - 2, iy + icon - 8, ix + icon / 2 + 2, iy + icon - 4), fill=WARNING_FILL
    )
    text = text if width_of(face, text) <= text_width else _ellipsize(text, face, text_width)
    draw.text((ix + icon + 14, y + height / 2), text, font=face, fill=WARNING_TEXT, anchor="lm")
    return y + height


def render_card(spec: CardSpec) -> Image.Image:
    from PIL import ImageDraw

    if spec.kind != "card":
        from .slides import render_slide

        return render_slide(spec)
    shape = spec.shape
    image = _background(shape, spec.colours).copy()
    draw = ImageDraw.Draw(image)
    width = shape.width - 2 * shape.margin_x
    margin_x = shape.margin_x

    title = curly_quotes(drawable(spec.title))
    practice = drawable(spec.practice)
    if not any(c.isalnum() for c in title):
        # Nothing of the title can be drawn (e.g. a title in a script the font lacks): the
        # practice's name takes its place; the alt text still carries the real title.
        title, practice = practice, ""

    top = shape.top
    if spec.warnings:
        top = _warning_label(draw, drawable(spec.warning_line), margin_x, top, shape) + 44

    # The title sits in the box between the label (or the top margin) and the footer,
    # centred vertically so short and long titles both look balanced.
    box_bottom = shape.footer_rule_y - TITLE_GAP_BELOW
    layout = fit_title(title, width, box_bottom - top, shape.title_sizes)
    face = font(layout.size, bold=True)
    block = len(layout.lines) * layout.line_height
    y = top + max(0, (box_bottom - top - block) // 2)
    for line in layout.lines:
        draw.text((margin_x, y), line, font=face, fill=TITLE_COLOUR)
        y += layout.line_height

    rule_y = shape.footer_rule_y
    draw.rounded_rectangle((margin_x, rule_y, margin_x + 72, rule_y + 6), radius=3,
                           fill=spec.colours.accent)  # fmt: skip
    if practice:
        footer = font(34)
        if width_of(footer, practice) > width:
            practice = _ellipsize(practice, footer, width)
        draw.text((margin_x, shape.footer_text_y), practice, font=footer,
                  fill=spec.colours.footer)  # fmt: skip
    return image


def card_png(spec: CardSpec) -> bytes:
    """The card as PNG bytes: its only metadata is its key, so equal inputs give equal bytes."""
    data = _encode(render_card(spec), None, card_key(spec))
    assert isinstance(data, bytes)
    return data


# --- Cache and site output ----------------------------------------------------------------


@dataclass
class CardStats:
    drawn: int = 0
    cached: int = 0
    written: list[str] = field(default_factory=list)  # paths under the site, sorted


def _encode(image: Image.Image, path: Path | None, key: str) -> Path | bytes:
    from .png import encode_png  # not loaded by a rebuild whose cards are all kept

    # The key says what the card shows: `carepress verify` tells a stale card by it.
    data = encode_png(image, {CARD_KEY_CHUNK: key})
    if path is None:
        return data
    try:
        write_atomically(path, data)
    except OSError:
        return data  # a read-only hub still gets its cards, just not cached
    return path


def write_cards(site_dir: Path, cards: Mapping[str, CardSpec], cache_dir: Path | None) -> CardStats:
    """Write `cards` (path under the site -> spec), from the cache where a card with the
    same key exists, else drawn (and stored in the cache)."""
    stats = CardStats()
    keys = {relative: card_key(spec) for relative, spec in cards.items()}
    ready: dict[str, Path | bytes] = {}  # key -> the cached file, or the PNG itself
    for relative in sorted(cards):
        key = keys[relative]
        path = _cached_file(cache_dir, key) if cache_dir is not None else None
        if key not in ready and path is not None and path.is_file():
            ready[key] = path
        if key in ready:  # in the cache, or the same card as another post's
            stats.cached += 1
            continue
        # Drawing is serial on purpose: PNG encoding into memory holds the GIL, and one
        # FreeType face is shared, so threads would not help.
        ready[key] = _encode(render_card(cards[relative]), path, key)
        stats.drawn += 1
    for relative in sorted(cards):
        target = site_dir / relative
        # Never write through an old link: a --dirty build's card may be the cache's file.
        target.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        card = ready[keys[relative]]
        if isinstance(card, bytes):
            target.write_bytes(card)
        else:
            link_or_copy(card, target)
        stats.written.append(relative)
    return stats


def _cached_file(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"{key}.png"


def cache_path(spec: CardSpec, cache_dir: Path) -> Path:
    return _cached_file(cache_dir, card_key(spec))


def draw_into_cache(job: tuple[CardSpec, Path]) -> None:
    """Draw one card into the cache (ahead of `write_cards`, which then finds it there)."""
    spec, path = job
    if not path.is_file():
        _encode(render_card(spec), path, card_key(spec))


