"""Social snippets: within every platform's rules, safeguards first and never cut, overrides
checked, and the share kit (pages, JSON, CSV, profile kit) built for published posts only."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import pickle
import re

import pytest
from carepress.engine import utc_now
from carepress.model import FrontMatter
from carepress.parallel import check_many
from carepress.publish import counting, platforms
from carepress.publish.platforms import PLATFORM_KEYS as PLATFORMS
from carepress.publish.snippets import (
    PackedSnippets,
    SnippetError,
    compose,
    hashtag,
    restricted_hashtags,
)
from carepress.safeguards import safeguards_for
from carepress.settings import load_settings
from conftest import REPO, Hub, post_text
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

URL = "https://learn.riverbend-therapy.example.org/blog/a-post/"


@pytest.fixture(scope="module")
def hub_settings():
    return load_settings(REPO / "mkdocs.yml")


def _model(**overrides) -> FrontMatter:
    meta = {
        "title": "Coping with worry",
        "description": "Small, practical steps.",
        "date": dt.date(2026, 3, 1),
        "authors": ["dana-reyes"],
        "audience": ["clients"],
        "tags": ["coping-skills", "anxiety"],
    } | overrides
    return FrontMatter.model_validate(meta)


def test_packed_snippets_are_the_same_snippets(hub_settings) -> None:
    """A build's check workers send each post's snippets as their JSON text: unpickled and
    decoded, they are the snippets the check composed, field for field (`sensitive` too,
    which the JSON prints for Mastodon only)."""
    reports = check_many(hub_settings.post_files(), hub_settings, utc_now(), html=True)
    with_warnings = 0
    for report in reports:
        if not report.snippets:
            continue
        packed = PackedSnippets.of(report.snippets)
        sent = pickle.loads(pickle.dumps(packed))
        assert sent.__reduce__()[1] == (packed.packed, packed.sensitive), "only the text travels"
        assert dict(sent.items()) == report.snippets
        assert list(sent) == list(report.snippets)  # platforms in the same order
        assert json.loads(sent.json) == {p: s.as_dict() for p, s in report.snippets.items()}
        assert PackedSnippets.of(sent) is sent
        with_warnings += sent.sensitive
    assert with_warnings >= 2, "sample posts with content warnings"


def _contains_safeguards(snippet, model, safeguards, settings) -> None:
    if safeguards.warnings:
        if snippet.platform == "mastodon":
            assert snippet.spoiler_text == "CW: " + safeguards.warning_labels
            assert snippet.sensitive
        else:
            assert snippet.text.startswith("CW: " + safeguards.warning_labels)
    if safeguards.crisis is not None:
        assert safeguards.crisis.short in snippet.text
    if snippet.platform == "instagram":
        assert "link in bio" in snippet.text and "https://" not in snippet.text
    elif snippet.platform == "bluesky":
        links = [f for f in snippet.facets if f["features"][0]["$type"].endswith("#link")]
        assert links and links[0]["features"][0]["uri"] == snippet.link
    else:
        assert snippet.link in snippet.text
    assert settings.practice.disclaimer.for_platform(snippet.platform) in snippet.text


def test_sample_posts_fit_every_platform(hub_settings) -> None:
    reports = check_many(hub_settings.post_files(), hub_settings, utc_now(), html=True)
    for report in reports:
        model, safeguards = report.front_matter, report.safeguards
        for platform in PLATFORMS:
            snippet = compose(
                platform,
                model,
                safeguards,
                report.address.url,
                report.address.slug,
                hub_settings,
            )
            assert snippet.length <= snippet.limit
            assert platforms.count(platform, snippet.text, snippet.spoiler_text) == snippet.length
            _contains_safeguards(snippet, model, safeguards, hub_settings)
            if platform == "instagram":
                assert len(snippet.hashtags) <= 5
            if platform == "threads":
                assert counting.link_count(snippet.text) <= 5


def test_utm_link_and_hashtags(hub_settings) -> None:
    model = _model()
    snippet = compose(
        "linkedin", model, safeguards_for(model, hub_settings), URL, "a-post", hub_settings
    )
    assert snippet.link == (URL + "?utm_source=linkedin&utm_medium=social&utm_campaign=a-post")
    assert snippet.hashtags == ("#CopingSkills", "#Anxiety")
    assert hashtag("self-care") == "#SelfCare" and hashtag("2024") == ""


def test_description_shrinks_by_whole_sentences_only(hub_settings) -> None:
    model = _model(
        description="Worry is common. " + "It shows up in many small ways. " * 8,
        content_warnings=["suicide"],
    )
    snippet = compose("x", model, safeguards_for(model, hub_settings), URL, "a-post", hub_settings)
    assert snippet.shortened and snippet.length <= 280
    body = snippet.text.split("\n\n")[2]
    assert body.startswith("Worry is common.") and body.endswith("ways.")
    assert "…" not in body and model.description.startswith(body)


def test_a_sentence_that_cannot_fit_whole_is_left_out_not_cut(hub_settings) -> None:
    """Cut inside, "Depression is common and treatable" could lose "treatable"."""
    long_sentence = (
        "Depression is common and, with the right support from the people around you and "
        "from professionals who understand it and treat it every day, treatable for most "
        "people who reach out for help in good time."
    )
    model = _model(
        description=long_sentence,
        content_warnings=["suicide", "self-harm"],
        title="What depression is, what it is not, and how people get better",
    )
    snippet = compose("x", model, safeguards_for(model, hub_settings), URL, "a-post", hub_settings)
    assert snippet.length <= 280
    assert "Depression is common" not in snippet.text  # whole, or not at all
    assert "…" not in snippet.text.split("\n\n")[1]  # the title fitted whole


def test_each_platform_can_have_its_own_short_disclaimer(hub_settings) -> None:
    model = _model()
    safeguards = safeguards_for(model, hub_settings)
    x = compose("x", model, safeguards, URL, "a-post", hub_settings)
    mastodon = compose("mastodon", model, safeguards, URL, "a-post", hub_settings)
    practice = hub_settings.practice.disclaimer
    assert practice.social_by_platform["x"] in x.text
    assert practice.social in mastodon.text and practice.social not in x.text
    assert len(practice.social_by_platform["x"]) < len(practice.social)


def test_a_disclaimer_for_an_unknown_platform_is_a_configuration_error(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("        x: General", "        twiter: General"))
    result = hub.check()
    assert result.returncode == 2
    assert "social_by_platform: ['twiter'] are not platforms" in result.stderr


def test_override_text_is_used_and_checked(hub: Hub) -> None:
    post = post_text(
        slug="o",
        social={"x": {"text": "He committed suicide last year.", "hashtags": ["care"]}},
        content_warnings=["suicide"],
        body="Intro [@nimh-anxiety].\n\n<!-- more -->\n\nAbout suicide.\n",
    )
    path = hub.write_post("o.md", post)
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "committed" in t)
    findings = json.loads(hub.check("--format", "json").stdout)
    assert [(f["rule"], f["line"]) for f in findings] == [
        ("safe-messaging.committed-suicide", line)
    ]
    # A post with errors is not ready to post: `snippets` shows it only with --all, marked.
    assert hub.carepress("snippets", "--format", "json").stdout.strip() == "[]"
    out = json.loads(
        hub.carepress("snippets", "--all", "--platform", "x", "--format", "json").stdout
    )
    assert out[0]["status"] == "errors"
    assert out[0]["snippets"]["x"]["text"].split("\n\n")[1] == "He committed suicide last year."
    assert out[0]["snippets"]["x"]["hashtags"] == ["#Care"]


def test_an_override_that_cannot_fit_fails_check_and_build(hub: Hub) -> None:
    """The writer's own text is never cut: too long for a platform is a finding there."""
    override = "A message that goes on " + "and on " * 60
    hub.write_post("long.md", post_text(slug="long", social={"x": {"text": override}}))
    check = hub.check()
    assert check.returncode == 1
    assert "social.too-long-x" in check.stdout and "x: even without the description" in check.stdout
    build = hub.build()
    assert build.returncode == 1
    assert "content/posts/long.md:" in build.stderr and "x: even without" in build.stderr


def test_a_post_with_every_warning_and_a_long_title_is_shared_everywhere(hub: Hub) -> None:
    """An honest, well-flagged post is never unshareable: the warning names fewer topics
    ("and 6 more") and the title is cut at a word, but every snippet still warns, gives the
    crisis line, the link and the disclaimer, and fits."""
    every = list(load_settings(hub.root / "mkdocs.yml").content_warnings)
    # The practice's one social disclaimer everywhere: X has no room then for every name.
    config = hub.root / "mkdocs.yml"
    shorter = re.compile(r"^      social_by_platform:\n(?:        .*\n)+", re.M)
    config.write_text(shorter.sub("", config.read_text(), count=1))
    title = ("When it all comes at once: " + "grief, fear and change " * 10).strip()[:200]
    body = "Intro [@nimh-anxiety].\n\n<!-- more -->\n\nA calm, general post.\n"
    hub.write_post(
        "many.md", post_text(slug="many", title=title, content_warnings=every, body=body)
    )
    check = hub.check("--format", "json")
    assert [f for f in json.loads(check.stdout) if f["severity"] == "error"] == []
    out = json.loads(hub.carepress("snippets", "--format", "json").stdout)
    snippets = out[0]["snippets"]
    assert set(snippets) == set(PLATFORMS)
    for platform, snippet in snippets.items():
        warned = snippet.get("spoiler_text") or snippet["text"]
        assert warned.startswith("CW: "), platform
        assert snippet["length"] <= snippet["limit"], platform
        assert "988" in snippet["text"], platform
    x = snippets["x"]["text"]
    assert " more" in x.split("\n\n")[0]
    # Where there is room, every name is there.
    linkedin = snippets["linkedin"]["text"].split("\n\n")[0]
    assert " more" not in linkedin and linkedin.count(",") == len(every) - 1



def test_a_long_address_counted_in_full_still_shares_everywhere(hub: Hub) -> None:
    """A long title makes a long address, which RSS-to-social tools count in full (a blind
    writer's post, batch 16, could not be shared on X). The feed text gives up the title's
    words down to its first, then the title, never a warning, the crisis line, the link or
    the disclaimer; the post itself and every feed text fit."""
    title = ("Cyberbullying and Teens: A Parent's Guide to Noticing, Responding and "
             "Staying Connected")
    hub.write_post("long.md", post_text(title=title, content_warnings=["self-harm", "suicide"]))
    check = hub.check("--format", "json")
    assert [f for f in json.loads(check.stdout) if f["severity"] == "error"] == []
    snippets = json.loads(hub.carepress("snippets", "--format", "json").stdout)[0]["snippets"]
    assert set(snippets) == set(PLATFORMS)
    for platform, snippet in snippets.items():
        assert snippet["length"] <= snippet["limit"], platform
        for text in (snippet["text"], snippet["feed_text"]):
            warned = snippet.get("spoiler_text") or text
            assert warned.startswith("CW: self-harm, suicide"), platform
            assert "988" in text, platform
            if platform != "instagram":  # its link is in the bio
                assert "/cyberbullying-and-teens" in text, platform
        assert len(snippet["feed_text"]) <= snippet["limit"], platform
    # X's feed text, counted as the tools count it, is where the title gave way.
    hook = snippets["x"]["feed_text"].split("\n\n")[1]
    assert hook.endswith("…") and title.startswith(hook[:-1]) and len(hook.split()) < 4


TEXT = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<>"),
        min_size=1,
        max_size=400,
    )
    .map(str.strip)
    .filter(bool)
)
WORDS = st.lists(
    st.sampled_from(
        [
            "worry",
            "睡眠",
            "قلق",
            "שלום",
            "👨‍👩‍👧‍👦",
            "🇺🇸",
            "é",
            "supercalifragilistic" * 5,
            "Ängste",
            "न",
            "ok.",
            "Yes!",
            "x" * 90,
        ]
    ),
    min_size=1,
    max_size=80,
).map(" ".join)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.one_of(TEXT, WORDS).map(lambda t: t[:200]),
    description=st.one_of(TEXT, WORDS).map(lambda t: t[:300]),
    tags=st.lists(st.one_of(TEXT, WORDS).map(lambda t: t[:40]), max_size=6),
    warnings=st.lists(st.sampled_from(["suicide", "self-harm", "trauma"]), max_size=2, unique=True),
)
def test_property_every_snippet_fits_and_keeps_its_safeguards(
    hub_settings, title, description, tags, warnings
) -> None:
    title = " ".join(title.split()) or "Title"
    description = " ".join(description.split()) or "Description"
    model = _model(title=title, description=description, tags=tags, content_warnings=warnings)
    safeguards = safeguards_for(model, hub_settings)
    for platform in PLATFORMS:
        try:
            snippet = compose(platform, model, safeguards, URL, "a-post", hub_settings)
        except SnippetError:
            # Only when the parts that are never cut do not fit on their own.
            assert platform in ("x", "bluesky", "threads", "mastodon")
            continue
        assert snippet.length <= snippet.limit
        _contains_safeguards(snippet, model, safeguards, hub_settings)


def test_share_kit_outputs_for_published_posts_only(sample_hub: Hub) -> None:
    site = sample_hub.site
    data = json.loads((site / "social" / "snippets.json").read_text(encoding="utf-8"))
    slugs = {p["slug"] for p in data["posts"]}
    assert len(slugs) == 12
    assert "setting-boundaries-with-family" not in slugs  # a draft
    assert "winter-and-seasonal-mood" not in slugs  # future-dated
    for post in data["posts"]:
        assert set(post["snippets"]) == set(PLATFORMS)
        page = site / "social" / post["slug"] / "index.html"
        html = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html
        assert "Copy X text" in html
    assert not (site / "social" / "winter-and-seasonal-mood").exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/social/" not in sitemap
    assert '"location":"social/' not in (site / "search" / "search_index.json").read_text()
    rows = list(csv.DictReader(io.StringIO((site / "social" / "snippets.csv").read_text())))
    assert len(rows) == 12 * len(PLATFORMS)
    assert {r["platform"] for r in rows} == set(PLATFORMS)
    profile = data["profile"]
    for platform, bio in profile["bios"].items():
        assert bio["length"] <= bio["limit"], platform
        assert "not therapy" in bio["text"]
    assert "does not create a therapeutic relationship" in profile["direct_message_reply"]
    assert "988" in profile["direct_message_reply"]
    assert (site / "social" / "profile" / "index.html").is_file()


def test_csv_cells_cannot_become_formulas(hub: Hub) -> None:
    hub.write_post("f.md", post_text(slug="f", title="=HYPERLINK(1) and +more"))
    assert hub.build("--strict").returncode == 0
    rows = list(csv.DictReader(io.StringIO((hub.site / "social" / "snippets.csv").read_text())))
    assert all(not r["title"].startswith("=") for r in rows)
    assert rows[0]["title"] == "'=HYPERLINK(1) and +more"


def test_instagram_leaves_out_the_hashtags_it_restricts(hub_settings) -> None:
    """Instagram hides #selfharm and answers #suicide with a help screen: a snippet using them
    would reach fewer people. The other platforms keep the writer's tags."""
    model = _model(tags=["self-harm", "suicide", "coping"], content_warnings=["self-harm"])
    safeguards = safeguards_for(model, hub_settings)
    instagram = compose("instagram", model, safeguards, URL, "a-post", hub_settings)
    mastodon = compose("mastodon", model, safeguards, URL, "a-post", hub_settings)
    assert instagram.hashtags == ("#Coping",)
    assert "#SelfHarm" not in instagram.text and "#Suicide" not in instagram.text
    assert {"#SelfHarm", "#Suicide", "#Coping"} <= set(mastodon.hashtags)
    assert "selfharm" in restricted_hashtags("instagram")
    assert restricted_hashtags("x") == frozenset()


def test_share_kit_boxes_are_as_tall_as_their_text() -> None:
    from carepress.publish.share_kits import BOX_CHARACTERS, text_rows

    assert text_rows("") == 1 and text_rows("one line") == 1
    assert text_rows("a\n\nb") == 3
    assert text_rows("x" * (BOX_CHARACTERS * 2 + 1)) == 3


def test_a_share_kit_page_sizes_each_box(sample_hub: Hub) -> None:
    import re

    from carepress.publish.share_kits import text_rows

    page = (sample_hub.site / "social" / "understanding-depression" / "index.html").read_text()
    boxes = re.findall(r'<textarea id="text-(\w+)" readonly rows="(\d+)">(.*?)</textarea>',
                       page, re.S)  # fmt: skip
    assert len(boxes) == 7
    for _platform, rows, text in boxes:
        assert int(rows) == text_rows(html.unescape(text)) and int(rows) > 5


def test_a_title_in_another_script_is_told_to_take_a_short_slug(hub: Hub) -> None:
    """Found trying it as a practice would: a Greek title with no slug makes a long
    percent-encoded address, and "shorten the title" is not the fix."""
    title = "Άγχος και ύπνος: πώς η ξεκούραση αλλάζει τη διάθεσή μας"
    hub.write_post("greek.md", post_text(slug=None, title=title))
    result = hub.check()
    assert "the post's address alone is" in result.stdout + result.stderr
    assert "give it a short slug:" in result.stdout + result.stderr
