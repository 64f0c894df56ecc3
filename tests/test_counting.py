"""Per-platform text counting: X against twitter-text's own conformance cases, Bluesky's
graphemes and facets, Mastodon's server rule, and invariants checked with Hypothesis."""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import pytest
import regex
import yaml
from carepress.publish.counting import (
    X_V1,
    X_V2,
    X_V3,
    bluesky_embed,
    bluesky_facets,
    bluesky_length,
    graphemes,
    hashtag_count,
    link_count,
    links,
    mastodon_countable_text,
    mastodon_length,
    threads_length,
    utf16_units,
    x_length,
    x_valid,
)
from carepress.publish.platforms import PLATFORMS, count, fits, limit
from hypothesis import given, settings
from hypothesis import strategies as st

CONFORMANCE = Path(__file__).parent / "data" / "twitter_text_validate.yml"
SUITES = yaml.safe_load(CONFORMANCE.read_text(encoding="utf-8"))["tests"]
# The configuration each suite is written for, as twitter-text's own test runners use them.
WEIGHTED_SUITES = {
    "WeightedTweetsCounterTest": X_V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": X_V3,
    "UnicodeDirectionalMarkerCounterTest": X_V3,
}

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 👨‍👩‍👧‍👦
FLAG_US = "\U0001f1fa\U0001f1f8"  # 🇺🇸
KEYCAP_1 = "1\ufe0f\u20e3"  # 1️⃣
WAVE_MEDIUM = "\U0001f44b\U0001f3fd"  # 👋🏽
E_ACUTE = "e\u0301"  # e + combining acute accent


def _cases(*suites: str) -> list:
    return [
        pytest.param(suite, case, id=f"{suite}: {case['description']}")
        for suite in suites
        for case in SUITES[suite]
    ]


# --- X: twitter-text conformance ----------------------------------------------------------


def test_the_vendored_conformance_file_is_complete() -> None:
    sizes = {suite: len(cases) for suite, cases in SUITES.items()}
    assert sizes == {
        "tweets": 8,
        "lengths": 8,
        "WeightedTweetsCounterTest": 20,
        "WeightedTweetsWithDiscountedEmojiCounterTest": 21,
        "UnicodeDirectionalMarkerCounterTest": 2,
    }
    # Upstream's display ranges are UTF-16 offsets: they pin down every invisible character.
    for suite in WEIGHTED_SUITES:
        for case in SUITES[suite]:
            assert utf16_units(case["text"]) - 1 == case["expected"]["displayRangeEnd"]


@pytest.mark.parametrize(("suite", "case"), _cases(*WEIGHTED_SUITES))
def test_weighted_length_matches_twitter_text(suite: str, case: dict) -> None:
    config = WEIGHTED_SUITES[suite]
    expected = case["expected"]
    length = x_length(case["text"], config=config)
    assert length == expected["weightedLength"]
    assert x_valid(case["text"], config=config) is expected["valid"]
    assert math.floor(length / config.max_weighted_length * 1000) == expected["permillage"]


@pytest.mark.parametrize(("suite", "case"), _cases("lengths"))
def test_tweet_length_matches_twitter_text(suite: str, case: dict) -> None:
    assert x_length(case["text"], config=X_V1) == case["expected"]


@pytest.mark.parametrize(("suite", "case"), _cases("tweets"))
def test_tweet_validity_matches_twitter_text(suite: str, case: dict) -> None:
    assert x_valid(case["text"], config=X_V1) is case["expected"]


# --- X: what CarePress snippets contain ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FAMILY, 2),
        (FLAG_US, 2),
        (KEYCAP_1, 2),
        (WAVE_MEDIUM, 2),
        ("©", 1),  # text unless followed by U+FE0F
        ("©\ufe0f", 2),
        ("caf" + E_ACUTE, 4),  # NFC first: é is one character of weight 1
        ("心理健康", 8),
        ("“Quotes” — and dashes…", 23),  # … (U+2026) is outside the weight-1 ranges
        ("Call or text 988, or chat at 988lifeline.org", 29 + 23),
        # .example is reserved, not a TLD: no link, so every character counts
        ("https://learn.riverbend-therapy.example/posts/2026/03/coping-with-worry/", 72),
        ("https://www.nimh.nih.gov/health/topics/anxiety-disorders?utm=x#top", 23),
        ("Read it (https://www.nimh.nih.gov/health).", 9 + 23 + 2),
        ("Read more: www.nimh.nih.gov.", 11 + 23 + 1),
        ("Node.js and e.g. etc.", 21),
    ],
)
def test_x_counts_snippet_text(text: str, expected: int) -> None:
    assert x_length(text) == expected


def test_x_links_include_bare_domains_but_not_invented_tlds() -> None:
    assert links("see example.com and foo.invalid and https://a.org/x.") == [
        "example.com",
        "https://a.org/x",
    ]


def test_x_counts_a_link_23_however_long() -> None:
    short = "https://a.org"
    long = "https://example.org/" + "x" * 500
    assert x_length(f"Read {short} now") == x_length(f"Read {long} now") == 5 + 23 + 4


# --- Bluesky ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FAMILY, 1),
        (FLAG_US, 1),
        (E_ACUTE, 1),
        (KEYCAP_1, 1),
        (WAVE_MEDIUM, 1),
        ("心理健康", 4),
        ("よく眠るためのヒント", 10),
        (f"Family time {FAMILY}{FLAG_US}", 14),
        ("https://example.org/a-very-long-path", 36),  # link text counts as written
    ],
)
def test_bluesky_counts_graphemes(text: str, expected: int) -> None:
    assert bluesky_length(text) == expected
    assert count("bluesky", text) == expected


def _facet_text(text: str, facet: dict) -> str:
    index = facet["index"]
    return text.encode("utf-8")[index["byteStart"] : index["byteEnd"]].decode("utf-8")


def test_bluesky_facets_use_utf8_byte_offsets() -> None:
    text = (
        f"心理健康 {FAMILY} Coping with worry: https://example.org/posts/worry/ "
        f"#MentalHealth #心理健康 {E_ACUTE}"
    )
    facets = bluesky_facets(text)
    assert [facet["features"][0] for facet in facets] == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://example.org/posts/worry/"},
        {"$type": "app.bsky.richtext.facet#tag", "tag": "MentalHealth"},
        {"$type": "app.bsky.richtext.facet#tag", "tag": "心理健康"},
    ]
    assert all(facet["$type"] == "app.bsky.richtext.facet" for facet in facets)
    assert [_facet_text(text, facet) for facet in facets] == [
        "https://example.org/posts/worry/",
        "#MentalHealth",
        "#心理健康",
    ]
    # The first facet starts after 4 CJK characters (3 bytes each), a space, a 25-byte family
    # emoji and " Coping with worry: ": byte offsets, not character offsets.
    assert facets[0]["index"]["byteStart"] == 12 + 1 + 25 + 20


@pytest.mark.parametrize(
    ("text", "uri"),
    [
        ("Read this (https://example.org/a).", "https://example.org/a"),
        ("See https://example.org/a, then rest.", "https://example.org/a"),
        (
            "https://en.wikipedia.org/wiki/Primer_(film)",
            "https://en.wikipedia.org/wiki/Primer_(film)",
        ),
        ("HTTPS://EXAMPLE.ORG/x", "HTTPS://EXAMPLE.ORG/x"),
    ],
)
def test_bluesky_link_facets_drop_trailing_punctuation_like_the_app(text: str, uri: str) -> None:
    (facet,) = bluesky_facets(text)
    assert facet["features"][0]["uri"] == uri
    assert _facet_text(text, facet) == uri


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("#selfcare! #2024 #2024goals", ["selfcare", "2024goals"]),  # not purely numeric
        ("mid#word and https://example.org/#anchor", []),  # a tag starts after a space
        ("#" + "a" * 64 + " #" + "a" * 65, ["a" * 64]),  # at most 64 graphemes
        (f"#{E_ACUTE * 64}", [E_ACUTE * 64]),  # graphemes, not code points
        ("＃全角", ["全角"]),
    ],
)
def test_bluesky_tag_facets_follow_bluesky_rules(text: str, tags: list[str]) -> None:
    facets = [f for f in bluesky_facets(text) if f["features"][0]["$type"].endswith("#tag")]
    assert [facet["features"][0]["tag"] for facet in facets] == tags
    for facet in facets:
        assert _facet_text(text, facet)[1:] == facet["features"][0]["tag"]


def test_bluesky_embed_is_an_external_card_without_a_thumb() -> None:
    assert bluesky_embed("https://example.org/p/", "Coping <with> worry", "Ways to ease it") == {
        "$type": "app.bsky.embed.external",
        "external": {
            "uri": "https://example.org/p/",
            "title": "Coping <with> worry",
            "description": "Ways to ease it",
        },
    }


# --- Mastodon -----------------------------------------------------------------------------


def test_mastodon_counts_every_link_23() -> None:
    url = "https://learn.riverbend-therapy.example.org/posts/2026/03/" + "a" * 60
    url = url[:100]
    assert len(url) == 100
    assert mastodon_length(f"Read: {url}") == 6 + 23
    assert mastodon_length(f"Read: {url}", url_length=30) == 6 + 30


def test_mastodon_counts_the_content_warning() -> None:
    body = "Ways to support someone after a loss."
    cw = "Suicide, grief"
    assert mastodon_length(body, spoiler_text=cw) == len(body) + len(cw)
    assert count("mastodon", body, spoiler_text=cw) == len(body) + len(cw)


@pytest.mark.parametrize(
    ("text", "countable"),
    [
        ("Thanks @dana@mastodon.example.org!", "Thanks @dana!"),
        ("cc @dana", "cc @dana"),
        ("mail dana@example.org", "mail dana@example.org"),  # not a mention
        ("see example.org", "see example.org"),  # bare domains get no discount
        ("end https://example.org/page.", "end " + "x" * 23 + "."),
        ("   ", ""),  # blank text counts nothing
    ],
)
def test_mastodon_countable_text(text: str, countable: str) -> None:
    assert mastodon_countable_text(text) == countable


def test_mastodon_counts_graphemes() -> None:
    assert mastodon_length(f"{FAMILY}{FLAG_US}{E_ACUTE}") == 3


# --- Threads, LinkedIn, Facebook, Instagram -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("abc", 3), ("\U0001f600", 4), (FAMILY, 25), (f"ok {FLAG_US}", 3 + 8), ("é", 1)],
)
def test_threads_counts_emoji_as_utf8_bytes(text: str, expected: int) -> None:
    assert threads_length(text) == expected


def test_threads_link_limit_counts_distinct_links() -> None:
    text = " ".join(f"https://example.org/{i}" for i in range(5)) + " https://example.org/0"
    assert link_count(text) == 5
    assert fits("threads", text)
    assert not fits("threads", text + " www.example.com")


def test_instagram_hashtag_limit() -> None:
    assert hashtag_count("#a #b #c #d #e") == 5
    assert fits("instagram", "#a #b #c #d #e")
    assert not fits("instagram", "#a #b #c #d #e #a")  # repeats count: never undercount
    assert hashtag_count("Q&A #1 and &#39; and mid#word") == 1


@pytest.mark.parametrize("platform", ["linkedin", "facebook", "instagram"])
def test_long_form_platforms_count_utf16_units(platform: str) -> None:
    assert count(platform, f"Hi {FAMILY}") == 3 + 11
    assert count(platform, "é\u0301") == 2


def test_limits_and_dispatch() -> None:
    assert {key: p.limit for key, p in PLATFORMS.items()} == {
        "x": 280,
        "bluesky": 300,
        "mastodon": 500,
        "threads": 500,
        "linkedin": 3000,
        "facebook": 63206,
        "instagram": 2200,
    }
    assert {key: p.max_links for key, p in PLATFORMS.items() if p.max_links} == {"threads": 5}
    assert {key: p.max_hashtags for key, p in PLATFORMS.items() if p.max_hashtags} == {
        "threads": 1,
        "instagram": 5,
    }
    assert {key: p.bio_limit for key, p in PLATFORMS.items()} == {
        "x": 160, "bluesky": 256, "mastodon": 500, "threads": 150, "linkedin": 2600,
        "facebook": 101, "instagram": 150,
    }  # fmt: skip
    assert limit("mastodon", mastodon_limit=11000) == 11000
    assert fits("mastodon", "x" * 600, mastodon_limit=1000)
    assert not fits("mastodon", "x" * 600)
    assert fits("x", "a" * 280) and not fits("x", "a" * 281)
    assert count("x", FAMILY) == 2
    with pytest.raises(ValueError, match="unknown platform"):
        count("myspace", "hi")
    with pytest.raises(ValueError, match="content-warning"):
        count("bluesky", "hi", spoiler_text="CW")


# --- invariants ---------------------------------------------------------------------------

# Plain prose: no character that can start or join a link, mention or tag.
PROSE = st.text(st.characters(codec="utf-8", exclude_characters=".:/@#＃＠\r"), max_size=40).filter(
    lambda t: "." not in unicodedata.normalize("NFC", t)
)
LABEL = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=30)
URLS = st.builds(
    lambda host, tld, path: f"https://{host}.{tld}/{path}",
    LABEL,
    st.sampled_from(["org", "com", "net", "gov", "co.uk", "example.com"]),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-_/", max_size=60).map(lambda p: p + "x"),
)
TAGS = st.text("abcdefghijklmnopqrstuvwxyzé心理健康", min_size=1, max_size=20)


@settings(deadline=None)
@given(st.text(max_size=60))
def test_x_length_stays_between_one_and_two_per_character_plus_links(text: str) -> None:
    normalized = unicodedata.normalize("NFC", text)
    found = links(normalized)
    outside = len(normalized) - sum(len(link) for link in found)
    assert x_length(text) <= 2 * outside + 23 * len(found)
    if not found:
        # Every grapheme weighs at least 1 (an emoji sequence is one grapheme, weight 2).
        assert graphemes(normalized) <= x_length(text) <= 2 * len(normalized)


@settings(deadline=None)
@given(st.lists(st.one_of(PROSE, URLS.map(lambda u: ("url", u))), max_size=6))
def test_links_count_23_whatever_their_length(parts: list) -> None:
    """A link costs 23 on X and Mastodon; the prose around it costs what it costs alone."""
    words = [p[1] if isinstance(p, tuple) else p for p in parts]
    n_links = sum(isinstance(p, tuple) for p in parts)
    text = " ".join(words)
    prose = [w for w in words if not w.startswith("https://")]
    spaces = max(len(words) - 1, 0)
    assert x_length(text) == sum(x_length(w) for w in prose) + 23 * n_links + spaces
    placeholders = " ".join("x" * 23 if w.startswith("https://") else w for w in words)
    blank = regex.fullmatch(r"\p{White_Space}*", placeholders)  # Mastodon counts blank text as 0
    assert mastodon_length(text) == (0 if blank else graphemes(placeholders))


@settings(deadline=None)
@given(st.text(max_size=80))
def test_facets_slice_back_to_their_link_or_tag(text: str) -> None:
    encoded = text.encode("utf-8")
    for facet in bluesky_facets(text):
        start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
        assert 0 <= start < end <= len(encoded)
        piece = encoded[start:end].decode("utf-8")  # never splits a character
        (feature,) = facet["features"]
        if feature["$type"] == "app.bsky.richtext.facet#link":
            assert piece == feature["uri"]
        else:
            assert piece[0] in "#＃" and piece[1:] == feature["tag"]


@settings(deadline=None)
@given(st.lists(st.tuples(PROSE, st.one_of(URLS, TAGS.map("#".__add__))), max_size=5))
def test_facets_find_every_inserted_link_and_tag(pairs: list) -> None:
    text = " ".join(f"{prose} {item}" for prose, item in pairs)
    facets = bluesky_facets(text)
    assert [_facet_text(text, facet) for facet in facets] == [item for _, item in pairs]


@settings(deadline=None)
@given(st.text(max_size=60), st.text(max_size=20))
def test_plain_text_counts_as_graphemes_and_code_units(text: str, cw: str) -> None:
    assert graphemes(text) <= len(text) <= utf16_units(text)
    assert utf16_units(text) == len(text.encode("utf-16-le")) // 2
    assert threads_length(text) >= len(text)
    if ":" not in text and "@" not in text and "＠" not in text and text.strip():
        assert mastodon_length(text, spoiler_text=cw) == graphemes(cw + text)


PLAIN_LINKS = [
    "https://example.org/posts/grief-does-not-follow-a-schedule/",
    "https://hub.example-practice.com/2026/03/14/sleep-and-mood/",
    "http://www.example.co.uk/feed.xml",
    "https://example.org",
    "https://example.org/a_b~c/d-e",
    "https://example.org/posts/x/?utm_source=mastodon&utm_medium=social&utm_campaign=x",
]


@pytest.mark.parametrize("link", PLAIN_LINKS)
def test_a_plain_link_is_counted_as_the_full_patterns_count_it(link: str) -> None:
    """The shortcut for links as CarePress writes them agrees with X's and Mastodon's own
    patterns: both take the whole word, as the shortcut does."""
    from carepress.publish import counting

    text = f"Read more: {link} #MentalHealth"
    assert counting._plain_link(link)
    for pattern in (counting._x_url(), counting._mastodon_url()):
        match = next(pattern.finditer(text))
        assert (match.start("url"), match["url"]) == (text.index(link), link)
    counting._x_urls.cache_clear()
    assert counting.links(text) == [link]
    assert counting.mastodon_countable_text(text) == f"Read more: {'x' * 23} #MentalHealth"


@pytest.mark.parametrize(
    "word",
    ["https://t.co/abc", "https://Example.org/", "https://example.org/a.", "https://x.invalidtld/",
     "https://example.org/?q=a.b", "https://example.org:8080/", "(https://example.org/)"],
)  # fmt: skip
def test_other_links_take_the_full_patterns(word: str) -> None:
    from carepress.publish import counting

    assert not counting._plain_link(word)
