"""Social cards (a 1200x630 PNG per published post) and sharing metadata (Open Graph,
Twitter, JSON-LD) in built sites; the card renderer and the metadata builder on their own."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest
from carepress.publish.cards import (
    HEIGHT,
    WIDTH,
    CardSpec,
    card_alt_text,
    card_key,
    card_png,
    curly_quotes,
    drawable,
    fit_title,
    render_card,
)
from carepress.publish.meta import json_ld_text
from conftest import Hub, make_hub, post_text
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

SITE_URL = "https://learn.riverbend-therapy.example.org/"
HOSTILE_TITLE = 'Fear & "worry" < calm 🙂 — it\'s <3 & café'
HOSTILE_DESCRIPTION = 'She said "enough" & left < /script> -- 5 < 6 > 4. Worry\'s not a flaw.'
REVIEWED = {"by": "sam-okafor", "on": dt.date(2026, 3, 10)}


class _Head(HTMLParser):
    """The meta tags (property= or name=), the canonical link and the JSON-LD of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key:
                self.meta.setdefault(key, []).append(values.get("content") or "")
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld[-1] += data

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]


def _head(hub: Hub, url_path: str) -> _Head:
    head = _Head()
    head.feed(hub.page(url_path))
    return head


def _portrait_cards(hub: Hub, *, on: bool) -> None:
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    new = re.sub(r"portrait_cards: \w+", f"portrait_cards: {str(on).lower()}", text)
    assert new != text or f"portrait_cards: {str(on).lower()}" in text
    config.write_text(new, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Hub:
    hub = make_hub(tmp_path_factory.mktemp("cards") / "hub")
    # The sample hub's configuration asks for Instagram's portrait cards.
    assert "portrait_cards: true" in (hub.root / "mkdocs.yml").read_text()
    # Never reviewed: a post for clinicians, which needs no review to publish.
    hub.write_post("plain.md", post_text(slug="plain", title="Coping with worry",
                                         audience=["clinicians"], reviewed=None))  # fmt: skip
    hub.write_post(
        "cw.md",
        post_text(
            body="Loss changes us.\n\n<!-- more -->\n\n## Support\n\nTalk to someone you trust.\n",
            slug="cw",
            title="How to ask someone you love about suicide",
            description="Asking directly is caring, and where to find support.",
            content_warnings=["suicide"],
            categories=["Grief"],
            tags=["support", "suicide-prevention"],
            audience=["clients", "community"],
            date={"created": "2026-02-01", "updated": "2026-03-01"},
            reviewed=REVIEWED,
            sources=[
                {
                    "id": "afsp",
                    "title": "Coping with suicide loss",
                    "url": "https://afsp.org/coping-with-suicide-loss",
                }
            ],
        )
        + "\nMore from AFSP [@afsp].\n",
    )
    hub.write_post(
        "hostile.md",
        post_text(slug="hostile", title=HOSTILE_TITLE, description=HOSTILE_DESCRIPTION),
    )
    hub.write_post("draft.md", post_text(slug="a-draft", title="Unfinished", draft=True))
    hub.write_post("future.md", post_text(slug="later", title="Not yet", date="2099-01-01"))
    result = hub.build("--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return hub


# --- Built sites ---------------------------------------------------------------------------


def test_every_published_post_has_a_card_of_1200_by_630(built: Hub) -> None:
    cards = sorted(p.name for p in (built.site / "assets" / "cards").glob("*.png"))
    assert cards == ["cw.png", "hostile.png", "plain.png"]
    for name in cards:
        with Image.open(built.site / "assets" / "cards" / name) as image:
            assert image.format == "PNG"
            assert image.size == (WIDTH, HEIGHT)


def test_every_post_in_the_sample_hub_points_at_its_card(sample_hub: Hub) -> None:
    posts = [p.parent for p in (sample_hub.site / "blog").glob("*/index.html")]
    articles = 0
    for folder in posts:
        head = _head(sample_hub, f"blog/{folder.name}")
        if head.meta.get("og:type") != ["article"]:
            continue  # archive, category and page views
        articles += 1
        image_url = head.one("og:image")
        assert image_url == f"{SITE_URL}assets/cards/{folder.name}.png"
        with Image.open(sample_hub.site / "assets" / "cards" / f"{folder.name}.png") as image:
            assert image.size == (WIDTH, HEIGHT)
        json.loads(head.json_ld[0])
    assert articles >= 10


def test_post_page_has_open_graph_and_twitter_tags(built: Hub) -> None:
    head = _head(built, "blog/cw")
    url = f"{SITE_URL}blog/cw/"
    card = f"{SITE_URL}assets/cards/cw.png"
    alt = (
        "Card: How to ask someone you love about suicide — Riverbend Therapy Collective. "
        "Content warning: suicide."
    )
    assert head.canonical == url
    assert head.one("og:type") == "article"
    assert head.one("og:url") == url
    assert head.one("og:site_name") == "Riverbend Therapy Collective — Learn"
    # Shared with the warning in front, like the feeds.
    assert head.one("og:title") == "CW: suicide — How to ask someone you love about suicide"
    assert head.one("og:description") == "Asking directly is caring, and where to find support."
    assert head.one("og:image") == card
    assert head.one("og:image:width") == "1200"
    assert head.one("og:image:height") == "630"
    assert head.one("og:image:alt") == alt
    assert head.one("article:published_time") == "2026-02-01T00:00:00+00:00"
    assert head.one("article:modified_time") == "2026-03-01T00:00:00+00:00"
    assert head.meta["article:tag"] == ["support", "suicide-prevention"]
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:title") == head.one("og:title")
    assert head.one("twitter:description") == head.one("og:description")
    assert head.one("twitter:image") == card
    assert head.one("twitter:image:alt") == alt
    # A post that was never updated has no modified time; one without warnings, no CW.
    plain = _head(built, "blog/plain")
    assert "article:modified_time" not in plain.meta
    assert plain.one("og:title") == "Coping with worry"
    assert plain.one("og:image:alt") == "Card: Coping with worry — Riverbend Therapy Collective."


def test_post_page_has_medical_web_page_json_ld(built: Hub) -> None:
    head = _head(built, "blog/cw")
    assert len(head.json_ld) == 1
    data = json.loads(head.json_ld[0])
    assert data["@context"] == "https://schema.org"
    assert "MedicalWebPage" in data["@type"]
    assert data["headline"] == "How to ask someone you love about suicide"
    assert data["description"] == "Asking directly is caring, and where to find support."
    assert data["url"] == f"{SITE_URL}blog/cw/"
    assert data["image"]["url"] == f"{SITE_URL}assets/cards/cw.png"
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 630)
    assert data["datePublished"] == "2026-02-01T00:00:00+00:00"
    assert data["dateModified"] == "2026-03-01T00:00:00+00:00"
    (author,) = data["author"]
    assert author["@type"] == "Person"
    assert author["name"] == "Dana Reyes"
    assert author["honorificSuffix"] == "LCSW"
    assert author["hasCredential"]["name"] == "Licensed Clinical Social Worker"
    assert data["publisher"] == {
        "@type": "MedicalOrganization",
        "name": "Riverbend Therapy Collective",
    }
    # reviewed: {by: sam-okafor, on: 2026-03-10} in the front matter.
    assert data["reviewedBy"]["@type"] == "Person"
    assert data["reviewedBy"]["name"] == "Sam Okafor"
    assert data["reviewedBy"]["honorificSuffix"] == "PhD"
    assert data["lastReviewed"] == "2026-03-10"
    audience_types = [a["audienceType"] for a in data["audience"]]
    assert audience_types == ["Patient", "General public"]
    assert data["inLanguage"] == "en"
    # Never reviewed: no reviewedBy / lastReviewed.
    plain = json.loads(_head(built, "blog/plain").json_ld[0])
    assert "reviewedBy" not in plain and "lastReviewed" not in plain
    assert plain["dateModified"] == plain["datePublished"]


def test_pages_that_are_not_posts_get_open_graph_basics(built: Hub) -> None:
    for path, title in (("", "Riverbend Therapy Collective — Learn"), ("crisis", "In a crisis")):
        head = _head(built, path)
        assert head.one("og:type") == "website"
        assert head.one("og:title") == title
        assert head.one("og:url") == SITE_URL + (f"{path}/" if path else "")
        assert head.one("og:description")
        # The site's own card.
        assert head.one("og:image") == SITE_URL + "assets/cards/site/card.png"
        assert head.one("og:image:alt") == (
            "Card: Riverbend Therapy Collective — Learn — Riverbend Therapy Collective."
        )
        assert head.one("twitter:card") == "summary_large_image"
        assert head.json_ld == []
    with Image.open(built.site / "assets" / "cards" / "site" / "card.png") as image:
        assert image.size == (WIDTH, HEIGHT)


def test_hostile_title_and_description_are_escaped_everywhere(built: Hub) -> None:
    page = built.page("blog/hostile")
    head = _head(built, "blog/hostile")
    assert head.one("og:title") == HOSTILE_TITLE
    assert head.one("twitter:title") == HOSTILE_TITLE
    assert head.one("og:description") == HOSTILE_DESCRIPTION
    assert head.one("og:image:alt") == f"Card: {HOSTILE_TITLE} — Riverbend Therapy Collective."
    # The JSON-LD carries the exact text, without a single <, > or & in the script element.
    (script,) = head.json_ld
    assert not re.search(r"[<>&]", script)
    data = json.loads(script)
    assert data["headline"] == HOSTILE_TITLE
    assert data["description"] == HOSTILE_DESCRIPTION
    assert page.count("</script>") == page.count("<script")
    assert "< /script>" not in page  # only ever as &lt; /script&gt; or \u003c /script\u003e
    # The emoji and the accent do not stop the card.
    with Image.open(built.site / "assets" / "cards" / "hostile.png") as image:
        assert image.size == (WIDTH, HEIGHT)


def test_drafts_and_future_posts_have_no_card_and_no_page(built: Hub) -> None:
    for slug in ("a-draft", "later"):
        assert not (built.site / "assets" / "cards" / f"{slug}.png").exists()
        assert not (built.site / "blog" / slug).exists()
    # Nothing was drawn for them either: two cached cards (landscape and portrait) per
    # published post, and the site's.
    cache = built.root / ".cache" / "carepress" / "cards"
    assert len(list(cache.glob("*.png"))) == 3 * 2 + 1
    from carepress.settings import load_settings

    colours = load_settings(built.root / "mkdocs.yml").card_colours  # the theme's
    cw_key = card_key(
        CardSpec(
            "How to ask someone you love about suicide",
            "Riverbend Therapy Collective",
            ("suicide",),
            colours=colours,
        )
    )
    assert (cache / f"{cw_key}.png").read_bytes() == (
        built.site / "assets/cards/cw.png"
    ).read_bytes()


def test_unchanged_posts_are_not_drawn_again(hub: Hub) -> None:
    hub.write_post("one.md", post_text(slug="one", title="First post"))
    hub.write_post("two.md", post_text(slug="two", title="Second post"))
    _portrait_cards(hub, on=False)
    first = hub.build("--strict")
    assert first.returncode == 0, first.stderr
    # The two posts' cards and the site's own.
    assert "3 drawn" in first.stderr and "0 from the cache" in first.stderr
    cache = hub.root / ".cache" / "carepress" / "cards"
    stamps = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")}
    cards = {p.name: p.read_bytes() for p in (hub.site / "assets" / "cards").glob("*.png")}
    assert len(stamps) == 3 and len(cards) == 2

    second = hub.build("--strict")
    assert second.returncode == 0, second.stderr
    assert "0 drawn" in second.stderr and "3 from the cache" in second.stderr
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")} == stamps
    assert {p.name: p.read_bytes() for p in (hub.site / "assets/cards").glob("*.png")} == cards

    # A new title is a new card; the other post still comes from the cache. With --dirty
    # the old site file is still there (it may share the cached file): the cache keeps it.
    cached = {p.name: p.read_bytes() for p in cache.glob("*.png")}
    hub.write_post("two.md", post_text(slug="two", title="Second post, retitled"))
    third = hub.build("--dirty")  # (MkDocs warns about --dirty, so not --strict)
    assert third.returncode == 0, third.stderr
    assert "1 drawn" in third.stderr  # (a dirty build renders only the changed post)
    assert (hub.site / "assets/cards/one.png").read_bytes() == cards["one.png"]
    assert (hub.site / "assets/cards/two.png").read_bytes() != cards["two.png"]
    assert {n: b for n, b in ((p.name, p.read_bytes()) for p in cache.glob("*.png"))
            if n in cached} == cached  # fmt: skip


# --- The renderer and the metadata builder ------------------------------------------------

PRACTICE = "Riverbend Therapy Collective"


def test_a_card_with_a_content_warning_shows_it() -> None:
    title = "How to ask someone you love about suicide"
    with_cw = CardSpec(title, PRACTICE, ("suicide",))
    without = CardSpec(title, PRACTICE)
    assert with_cw.warning_line == "Content warning: suicide"
    assert CardSpec(title, PRACTICE, ("suicide", "self-harm")).warning_line == (
        "Content warnings: suicide, self-harm"
    )
    assert card_alt_text(with_cw).endswith("Content warning: suicide.")
    assert card_key(with_cw) != card_key(without)
    # The label's band (top of the card) differs; the amber label is there.
    band = (60, 60, 700, 150)
    labelled = render_card(with_cw).crop(band)
    plain = render_card(without).crop(band)
    assert labelled.tobytes() != plain.tobytes()
    assert (255, 200, 87) in {pixel for _, pixel in labelled.getcolors(1 << 16)}
    assert (255, 200, 87) not in {pixel for _, pixel in plain.getcolors(1 << 16)}


def test_same_inputs_give_the_same_bytes() -> None:
    spec = CardSpec("Sleep and mood", PRACTICE, ("trauma",))
    assert card_png(spec) == card_png(spec)


def test_text_the_font_cannot_draw_is_replaced_or_left_out() -> None:
    # DejaVu Sans draws dashes, accents, Vietnamese, Greek and Cyrillic as written ...
    assert drawable("Grief — and healing") == "Grief — and healing"
    assert drawable("Café, naïve, Straße") == "Café, naïve, Straße"
    assert drawable("Lo âu và giấc ngủ; Ψυχή; Тревога") == "Lo âu và giấc ngủ; Ψυχή; Тревога"
    # ... and leaves out what it has no glyph for (the alt text keeps it).
    assert drawable("Calm 🙂 down") == "Calm down"
    assert drawable("“Quoted” & <kept>…") == "“Quoted” & <kept>…"
    assert drawable("不安") == ""
    assert curly_quotes("\"Worry\" isn't 'bad'") == "“Worry” isn’t ‘bad’"


def test_long_titles_shrink_then_end_with_an_ellipsis() -> None:
    short = fit_title("What is anxiety?", 1024, 300)
    long = fit_title(" ".join(["Understanding"] * 20), 1024, 300)
    assert short.size > long.size
    # A hyphenated compound breaks after a hyphen rather than between letters.
    compound = fit_title("Supercalifragilisticexpialidociousness-and-more-words", 1024, 300)
    assert compound.lines[0].endswith("-")
    endless = fit_title(" ".join(["Overwhelming"] * 200), 1024, 300)
    assert len(endless.lines) * endless.line_height <= 300
    assert endless.lines[-1].endswith("…")


@settings(max_examples=25, deadline=None)
@given(
    title=st.text(min_size=1, max_size=200),
    warnings=st.lists(st.text(min_size=1, max_size=30), max_size=3),
)
def test_any_title_gives_a_card(title: str, warnings: list[str]) -> None:
    image = render_card(CardSpec(title, PRACTICE, tuple(warnings)))
    assert image.size == (WIDTH, HEIGHT)


def test_json_ld_text_cannot_close_its_script() -> None:
    text = json_ld_text({"headline": "</script><script>alert(1)</script> & <!--"})
    assert not re.search(r"[<>&]", text)
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & <!--"


def test_each_post_also_gets_a_portrait_card_for_instagram(built: Hub, hub: Hub) -> None:
    """Instagram's feed shows 1080x1350: with `snippets: {portrait_cards: true}`, the same
    card laid out for it, beside the link preview's, listed in snippets.json and shown in
    the share kit. Off by default (each costs ~40 ms to draw once)."""
    from carepress.publish.cards import PORTRAIT

    folder = built.site / "assets" / "cards" / "portrait"
    assert sorted(p.name for p in folder.glob("*.png")) == ["cw.png", "hostile.png", "plain.png"]
    with Image.open(folder / "cw.png") as portrait, \
            Image.open(built.site / "assets" / "cards" / "cw.png") as landscape:  # fmt: skip
        assert portrait.size == (PORTRAIT.width, PORTRAIT.height) == (1080, 1350)
        # The amber warning label is on it too.
        assert (255, 200, 87) in {pixel for _, pixel in portrait.convert("RGB").getcolors(1 << 20)}
        assert landscape.size == (WIDTH, HEIGHT)
    posts = json.loads((built.site / "social" / "snippets.json").read_text())["posts"]
    cw = next(p for p in posts if p["slug"] == "cw")
    assert cw["card"]["portrait"] == {"url": SITE_URL + "assets/cards/portrait/cw.png",
                                      "width": 1080, "height": 1350}  # fmt: skip
    kit = (built.site / "social" / "cw" / "index.html").read_text()
    assert 'src="../../assets/cards/portrait/cw.png"' in kit
    # Without the option: no portrait card, none listed.
    _portrait_cards(hub, on=False)
    hub.write_post("one.md", post_text(slug="one"))
    assert hub.build().returncode == 0
    assert not (hub.site / "assets" / "cards" / "portrait").exists()
    posts = json.loads((hub.site / "social" / "snippets.json").read_text())["posts"]
    assert "portrait" not in posts[0]["card"]


def test_every_printable_ascii_letter_is_drawn_as_can_draw_assumes() -> None:
    """`can_draw` answers for printable ASCII without Pillow (a check of one post need not
    load it): the shipped font does draw each of them."""
    from carepress.publish.cards import _missing_glyph, _render_glyph, can_draw

    for char in map(chr, range(0x21, 0x7F)):
        assert can_draw(char) and _render_glyph(char) != _missing_glyph(), char
