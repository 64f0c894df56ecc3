"""Carousel slides and quote cards: drawn offline in the shipped font, in the theme's
colours, carrying the post's warning first and its crisis line last; text that does not fit
is an error naming the slide; a PDF of the slides; cached like cards."""

from __future__ import annotations

import json
import re
from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest
from carepress.crisis import all_regions
from carepress.publish.card_colours import WHITE, card_colours, contrast
from carepress.publish.cards import WARNING_FILL, CardSpec, render_card
from carepress.publish.slides import SLIDE, SQUARE
from conftest import Hub, make_hub, post_text
from PIL import Image

pypdf = pytest.importorskip("pypdf", reason="install the test extra (it includes pypdf)")

SECTIONS = "Worry is part of life.\n\n<!-- more -->\n\n" + "\n\n".join(
    f"## {heading}\n\n{sentence} More words follow in the section.\n"
    for heading, sentence in [
        ("Worry is an alarm", "Worry gets the body ready for a problem."),
        ("Notice it early", "A racing heart is often the first sign."),
        ("Slow the breath", "A longer out-breath can calm the body."),
    ]
)


def _kit(hub: Hub, slug: str) -> dict:
    data = json.loads((hub.site / "social" / "snippets.json").read_text(encoding="utf-8"))
    return next(p for p in data["posts"] if p["slug"] == slug)


def _png(hub: Hub, url: str) -> Image.Image:
    path = url.split("example.org/", 1)[1]
    return Image.open(hub.site / path)


def _pixels(image: Image.Image, box: tuple) -> list[tuple[int, int, int]]:
    data = image.crop(box).convert("RGB").tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def _has_colour(image: Image.Image, colour: tuple[int, int, int], box: tuple) -> bool:
    return colour in _pixels(image, box)


def test_a_carousel_from_headings_warning_first_crisis_line_last(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", carousels=True)
    hub.write_post("worry.md", post_text(slug="worry", body=SECTIONS,
                                         content_warnings=["suicide"]))  # fmt: skip
    hub.write_post("calm.md", post_text(slug="calm", body=SECTIONS, title="Calm for the body"))
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    post = _kit(hub, "worry")
    slides = post["card"]["slides"]
    assert len(slides) == 5  # the title, three headings, the closing slide
    assert [s["alt"].split(":")[0] for s in slides] == [f"Slide {i} of 5" for i in range(1, 6)]
    assert "Worry is an alarm. Worry gets the body ready for a problem." in slides[1]["alt"]
    for slide in slides:
        with _png(hub, slide["url"]) as image:
            assert image.size == (SLIDE.width, SLIDE.height) == (1080, 1350)
    # The warning on the first slide (the amber label's pixels), on no other.
    with _png(hub, slides[0]["url"]) as first, _png(hub, slides[1]["url"]) as second:
        label = (80, 100, 700, 200)
        assert _has_colour(first, WARNING_FILL, label)
        assert not _has_colour(second, WARNING_FILL, label)
    assert "Content warning: suicide" in slides[0]["alt"]
    # The region's crisis line, the link and the disclaimer on the last slide.
    region = all_regions()["US"]
    assert region.short in slides[-1]["alt"]
    assert "learn.riverbend-therapy.example.org/blog/worry" in slides[-1]["alt"]
    # A post with no warning: no crisis line at its end.
    calm = _kit(hub, "calm")["card"]["slides"]
    assert region.short not in calm[-1]["alt"]
    # The PDF: one page a slide, read by a real PDF reader.
    reader = pypdf.PdfReader(BytesIO(_pdf_bytes(hub, post["card"]["slides_pdf"])))
    assert len(reader.pages) == len(slides)
    # The share kit shows them in order, each with its alt text and a download.
    kit = (hub.site / "social" / "worry" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<img src="[^"]*/slides/worry/(\d+)\.png" alt="([^"]*)"', kit)
    assert [int(n) for n, _ in shown] == [1, 2, 3, 4, 5]
    assert all(alt.startswith("Slide ") for _, alt in shown)
    assert 'slides/worry.pdf" download>download the PDF' in kit
    assert kit.count(">Download slide ") == 5


def _pdf_bytes(hub: Hub, url: str) -> bytes:
    return (hub.site / url.split("example.org/", 1)[1]).read_bytes()


def test_a_writers_carousel_and_quote_and_their_cache(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")  # slides from headings off: the writer's are drawn
    social = {"carousel": ["Worry is common", {"title": "It can be eased",
                                               "text": "Small steps help most people."}],
              "quote": "Worry is a signal, not a verdict."}  # fmt: skip
    hub.write_post("worry.md", post_text(slug="worry", social=social))
    hub.write_post("plain.md", post_text(slug="plain", body=SECTIONS))
    first = hub.build("--strict")
    assert first.returncode == 0, first.stderr
    card = _kit(hub, "worry")["card"]
    assert len(card["slides"]) == 4
    assert card["slides"][2]["alt"] == (
        "Slide 3 of 4: It can be eased. Small steps help most people.")
    assert card["quote"]["alt"].startswith("Quote: “Worry is a signal, not a verdict.” — from")
    with _png(hub, card["quote"]["url"]) as quote:
        assert quote.size == (SQUARE.width, SQUARE.height) == (1080, 1080)
    assert "slides" not in _kit(hub, "plain")["card"]  # headings alone draw nothing here
    assert "; 1 carousel PDFs" in first.stderr
    cache = hub.root / ".cache" / "carepress" / "cards"
    (pdf,) = cache.glob("*.pdf")  # drawn into the cache with its slides
    made = pdf.stat().st_mtime_ns
    # A rebuild draws nothing again and makes no PDF: all from the cache.
    again = hub.build("--strict")
    assert again.returncode == 0, again.stderr
    assert re.search(r"social cards: \d+ written, 0 drawn", again.stderr), again.stderr
    assert [p.stat().st_mtime_ns for p in cache.glob("*.pdf")] == [made]
    site_pdf = hub.site / card["slides_pdf"].split("example.org/", 1)[1]
    assert site_pdf.read_bytes() == pdf.read_bytes()
    assert hub.carepress("verify").returncode == 0


def test_text_that_does_not_fit_is_an_error_naming_the_slide(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    # An address is one word: it cannot wrap, and it is never cut.
    long_point = {"title": "A point",
                  "text": "See https://www.nimh.nih.gov/health/topics/anxiety-disorders-guide"}
    hub.write_post("worry.md", post_text(slug="worry", social={"carousel": ["Fine", long_point]}))
    result = hub.build()
    assert result.returncode == 1
    text = (tmp_path / "hub" / "content" / "posts" / "worry.md").read_text()
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "A point" in t or "- title: A"
                in t)  # fmt: skip
    assert "shorten this point (a heading of a few words and one sentence fit)" in result.stderr
    assert f"worry.md:{line}" in result.stderr or f"worry.md:{line - 1}" in result.stderr
    assert "slide 3 of 4 (“A point”): the text does not fit the slide" in result.stderr
    assert not (hub.site / "index.html").exists()  # nothing published


def test_an_overflowing_heading_is_reported_at_its_line(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", carousels=True)
    body = ("Intro paragraph.\n\n<!-- more -->\n\n## " + " ".join(["Unbelievably"] * 30)
            + "\n\nIt is long.\n")
    hub.write_post("worry.md", post_text(slug="worry", body=body))
    check = hub.check()
    text = (hub.root / "content" / "posts" / "worry.md").read_text()
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("## "))
    assert f"worry.md:{line}:" in check.stdout + check.stderr
    assert "slide 2 of 3" in check.stdout + check.stderr


def test_the_shipped_font_draws_accents_and_other_scripts() -> None:
    """A title in Spanish or Vietnamese keeps its accents: its pixels differ from the same
    title without them (the old bundled font drew both the same)."""
    for accented, plain in (("Ánimo y sueño", "Animo y sueno"),
                            ("Lo âu và giấc ngủ", "Lo au va giac ngu")):  # fmt: skip
        one = render_card(CardSpec(accented, "Riverbend"))
        other = render_card(CardSpec(plain, "Riverbend"))
        assert one.tobytes() != other.tobytes(), accented
    # Something the font has no glyph for is left out, never a box: same as without it.
    emoji = render_card(CardSpec("Calm 🙂 down", "Riverbend")).tobytes()
    assert emoji == render_card(CardSpec("Calm down", "Riverbend")).tobytes()


def _text_contrast(image: Image.Image, box: tuple) -> float:
    """The contrast between the text and the background in `box`, measured on pixels: the
    most common colour is the background, the one farthest from it the text."""
    pixels = _pixels(image, box)
    background = Counter(pixels).most_common(1)[0][0]
    text = max(set(pixels), key=lambda p: abs(contrast(p, background) - 1))
    return contrast(text, background)


@pytest.mark.parametrize("primary", ["teal", "indigo", "amber", "light green", "deep purple"])
def test_text_on_slides_meets_wcag_aa_in_the_themes_colours(primary: str) -> None:
    from carepress.settings import _material_templates

    templates = _material_templates()
    assert templates is not None
    colours = card_colours([{"primary": primary, "accent": "deep orange"}], (templates,))
    assert contrast(WHITE, colours.bottom) >= 7 and contrast(WHITE, colours.top) >= 7
    assert min(contrast(colours.footer, colours.top), contrast(colours.footer, colours.bottom)) \
        >= 4.5  # fmt: skip
    spec = CardSpec("Worry and the body", "Riverbend Therapy Collective", shape=SLIDE,
                    kind="slide", index=2, count=4, headline="Notice it early",
                    body="A racing heart is often the first sign.", colours=colours)  # fmt: skip
    image = render_card(spec)
    # Title and body text, and the practice's name in the footer, measured on the pixels.
    assert _text_contrast(image, (90, 300, 990, 1000)) >= 4.5
    assert _text_contrast(image, (90, 1215, 990, 1265)) >= 4.5
    assert image.getpixel((5, 1340))[:3] != (16, 86, 80) or primary == "teal"


def test_the_cards_take_the_hubs_palette(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("primary: teal", "primary: indigo"))
    hub.write_post("worry.md", post_text(slug="worry", social={"quote": "Worry is a signal."}))
    assert hub.build("--strict").returncode == 0
    with Image.open(hub.site / "assets" / "cards" / "worry.png") as card:
        r, g, b = card.convert("RGB").getpixel((5, 600))
    assert b > g and b > r  # indigo, not teal
    # A custom colour is set in CSS the cards cannot read: they keep teal, and say so.
    config.write_text(config.read_text().replace("primary: indigo", 'primary: "#ff66cc"'))
    built = hub.build("--strict")
    assert built.returncode == 0, built.stderr
    assert "the cards keep CarePress's teal: the palette's primary '#ff66cc'" in built.stderr


def test_slide_and_quote_words_meet_the_language_rules_at_their_lines(hub: Hub) -> None:
    social = {"carousel": ["Warning signs", {"title": "Why people committed suicide",
                                             "text": "Know the signs."}],
              "quote": "You should stop taking your antidepressants if you feel better."}
    hub.write_post("worry.md", post_text(slug="worry", social=social,
                                         content_warnings=["suicide"]))  # fmt: skip
    result = hub.check("--format", "json")
    lines = (hub.root / "content" / "posts" / "worry.md").read_text().splitlines()
    by_rule = {f["rule"]: f for f in json.loads(result.stdout)}
    committed = by_rule["safe-messaging.committed-suicide"]
    assert "committed suicide" in lines[committed["line"] - 1]
    advice = next(f for rule, f in by_rule.items() if rule.startswith("clinical-advice."))
    assert "antidepressants" in lines[advice["line"] - 1]


def test_letters_the_font_cannot_draw_are_an_error_never_a_blank_slide(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", carousels=True)
    hub.write_post("worry.md", post_text(slug="worry", social={"carousel": ["不要担心 🎄"]}))
    # Slides from headings in a script the font lacks: none drawn, no error.
    hub.write_post("chinese.md", post_text(slug="chinese", title="Worry in other words",
                                           body="Intro.\n\n<!-- more -->\n\n"
                                           "## 不要担心\n\n你好。\n"))  # fmt: skip
    check = hub.check()
    out = check.stdout + check.stderr
    assert "slide 2 of 3 (“不要担心 🎄”): the slide's font cannot draw '不要担心'" in out
    assert "chinese.md" not in out
    hub.write_post("worry.md", post_text(slug="worry", social={"carousel": ["Do not worry 🎄"]}))
    assert hub.build("--strict").returncode == 0
    assert "slides" not in _kit(hub, "chinese")["card"]
    assert len(_kit(hub, "worry")["card"]["slides"]) == 3  # the emoji is left out quietly
