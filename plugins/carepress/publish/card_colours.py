"""The cards' colours, from the hub's own theme: mkdocs.yml's `theme.palette` names a primary
and an accent colour, and Material's palette stylesheet says what they are. The background
is the primary colour, darkened until white text on it reaches WCAG AA's 4.5:1 with room to
spare (7:1); the practice's name is a light tint of it that still reaches 4.5:1."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
TITLE_CONTRAST = 7.0  # white on the background: AAA for body text, ample for titles
TEXT_CONTRAST = 4.5  # WCAG AA: the least any text on a card has


@dataclass(frozen=True)
class CardColours:
    top: RGB  # the background's gradient, top to bottom
    bottom: RGB
    footer: RGB  # the practice's name, slide numbers
    accent: RGB  # the short rule above the footer

    @property
    def key(self) -> list[int]:
        return [*self.top, *self.bottom, *self.footer, *self.accent]


# CarePress's own: white on deep teal (9.9:1), a light teal footer (8.1:1), amber rule.
DEFAULT_COLOURS = CardColours((10, 62, 59), (16, 86, 80), (200, 236, 231), (255, 200, 87))


def luminance(colour: RGB) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: RGB, other: RGB) -> float:
    """WCAG 2's contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _darkened(colour: RGB, factor: float) -> RGB:
    return (round(colour[0] * factor), round(colour[1] * factor), round(colour[2] * factor))


def _mixed(colour: RGB, other: RGB, share: float) -> RGB:
    return tuple(round(a * (1 - share) + b * share) for a, b in zip(colour, other, strict=True))  # type: ignore[return-value]


def colours_from(primary: RGB, accent: RGB) -> CardColours:
    bottom = primary
    while contrast(WHITE, bottom) < TITLE_CONTRAST:
        bottom = _darkened(bottom, 0.92)
    top = _darkened(bottom, 0.72)
    footer = _mixed(WHITE, bottom, 0.18)
    while min(contrast(footer, top), contrast(footer, bottom)) < TEXT_CONTRAST:
        footer = _mixed(footer, WHITE, 0.5)
    return CardColours(top, bottom, footer, accent)


def _hex(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@cache
def material_palette(css_dir: Path) -> tuple[dict[str, RGB], dict[str, RGB]]:
    """Material's named primary and accent colours, read from its palette stylesheet."""
    primaries: dict[str, RGB] = {}
    accents: dict[str, RGB] = {}
    for sheet in sorted(css_dir.glob("palette.*.min.css")):
        text = sheet.read_text(encoding="utf-8")
        for name, value in re.findall(
            r"\[data-md-color-primary=([\w-]+)\]\{--md-primary-fg-color:(#[0-9a-fA-F]{6})", text
        ):
            primaries[name] = _hex(value)
        for name, value in re.findall(
            r"\[data-md-color-accent=([\w-]+)\]\{--md-accent-fg-color:(#[0-9a-fA-F]{6})", text
        ):
            accents[name] = _hex(value)
    return primaries, accents


def _first_primary(palette: Any) -> tuple[str, str]:
    """The first (light) scheme's primary and accent, as Material's stylesheet names them."""
    first = palette[0] if isinstance(palette, list) and palette else palette
    if not isinstance(first, dict):
        return "", ""
    primary, accent = (str(first.get(key) or "") for key in ("primary", "accent"))
    return (primary.strip().lower().replace(" ", "-"), accent.strip().lower().replace(" ", "-"))


def unmatched_primary(palette: Any, theme_dirs: tuple[Path, ...]) -> str:
    """The palette's primary colour when the cards cannot take it (a custom colour, or a
    name Material does not list); "" when they do, or when it names none."""
    primary, _ = _first_primary(palette)
    if not primary:
        return ""
    for folder in theme_dirs:
        css = folder / "assets" / "stylesheets"
        if css.is_dir() and primary in material_palette(css)[0]:
            return ""
    return primary


def card_colours(palette: Any, theme_dirs: tuple[Path, ...]) -> CardColours:
    """The colours mkdocs.yml's palette names (its first, light, scheme); CarePress's own
    when it names none, a custom colour, or one Material does not list."""
    primary_name, accent_name = _first_primary(palette)
    if not primary_name:
        return DEFAULT_COLOURS
    for folder in theme_dirs:
        css = folder / "assets" / "stylesheets"
        if not css.is_dir():
            continue
        primaries, accents = material_palette(css)
        if primary_name in primaries:
            accent = accents.get(accent_name, DEFAULT_COLOURS.accent)
            return colours_from(primaries[primary_name], accent)
    return DEFAULT_COLOURS
