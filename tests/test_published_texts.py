"""Every text a reader sees is checked, not only the body: the title and description (which
reach every feed, link preview and snippet), social overrides, source titles, alt text and
link titles, each finding at the text's own line."""

from __future__ import annotations

import json

import pytest
from conftest import Hub, post_text

BODY = "A calm introduction.\n\n<!-- more -->\n\nGentle, general text [@nimh-anxiety].\n"


def _line(path, starts: str) -> int:
    return next(i for i, t in enumerate(path.read_text().splitlines(), 1) if t.startswith(starts))


def _found(hub: Hub) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in json.loads(hub.check("--format", "json").stdout)]


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("description", "Why more people committed suicide in winter.",
         "safe-messaging.committed-suicide"),
        ("title", "Suicide and the winter months", "content-warning.undeclared-suicide"),
        ("description", "One in five adults will have a mental illness this year.",
         "citation.uncited-"),
        ("title", "Is your partner a psycho? Signs to watch", "stigma."),
        ("subtitle", "Notes on the suicide epidemic among farmers", "safe-messaging.epidemic"),
    ],
)  # fmt: skip
def test_title_and_description_are_checked_at_their_line(
    hub: Hub, field: str, value: str, rule: str
) -> None:
    path = hub.write_post("p.md", post_text(body=BODY, **{field: value}))
    found = _found(hub)
    assert any(r.startswith(rule) and line == _line(path, f"{field}:") for r, line in found), found


@pytest.mark.parametrize(
    ("front", "key"),
    [
        ({"tags": ["coping", "took-his-own-life"]}, "- took-his-own-life"),
        ({"social": {"x": {"hashtags": ["care", "TookHisOwnLife"]}}}, "    - TookHisOwnLife"),
    ],
)
def test_tags_and_hashtags_are_read_as_the_words_they_publish(
    hub: Hub, front: dict, key: str
) -> None:
    """The outside red team published #TookHisOwnLife in every snippet of a post with no
    warning: tags and hashtags are read as words, at their line."""
    path = hub.write_post("p.md", post_text(body=BODY, **front))
    found = _found(hub)
    line = path.read_text().splitlines().index(key) + 1
    assert ("content-warning.undeclared-suicide", line) in found, (line, found)


def test_a_topic_in_the_title_gets_its_banner_once_declared(hub: Hub) -> None:
    hub.write_post("p.md", post_text(body=BODY, title="Suicide and the winter months"))
    assert hub.check().returncode == 1
    hub.write_post(
        "p.md",
        post_text(body=BODY, title="Suicide and the winter months", content_warnings=["suicide"]),
    )
    assert hub.check().returncode == 0
    assert hub.build().returncode == 0
    page = hub.page("blog/suicide-and-the-winter-months")
    assert "988" in page and "Content warning" in page


def test_source_titles_get_the_language_rules_but_not_the_claim_rule(hub: Hub) -> None:
    sources = [
        {"id": "old", "title": "Why teens commit suicide", "url": "https://example.org/a"},
        {"id": "stats", "title": "One in five adults: mental illness statistics",
         "url": "https://www.nimh.nih.gov/health/statistics/mental-illness"},
    ]  # fmt: skip
    body = "Intro [@old].\n\n<!-- more -->\n\nMore [@stats].\n"
    path = hub.write_post(
        "p.md", post_text(body=body, sources=sources, content_warnings=["suicide"])
    )
    found = _found(hub)
    title_line = next(
        i for i, t in enumerate(path.read_text().splitlines(), 1) if "Why teens commit" in t
    )
    assert ("safe-messaging.committed-suicide", title_line) in found
    assert not [r for r, _ in found if r.startswith("citation.uncited")]


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="/assets/a.png" alt="A man who committed suicide">',
        '![photo](/assets/a.png){ alt="A man who committed suicide" }',
        '[read more](https://example.org "how he committed suicide")',
        '![photo](/assets/a.png "she committed suicide")',
    ],
)
def test_alt_text_and_link_titles_are_checked(hub: Hub, markup: str) -> None:
    body = f"A calm introduction.\n\n<!-- more -->\n\nText [@nimh-anxiety].\n\n{markup}\n"
    path = hub.write_post("p.md", post_text(body=body, content_warnings=["suicide"]))
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "committed" in t)
    assert ("safe-messaging.committed-suicide", line) in _found(hub)


def test_social_overrides_are_checked_once(hub: Hub) -> None:
    post = post_text(
        body=BODY, social={"x": {"text": "He committed suicide last year."}},
        content_warnings=["suicide"],
    )  # fmt: skip
    path = hub.write_post("p.md", post)
    line = _line(path, "    text:")
    assert _found(hub) == [("safe-messaging.committed-suicide", line)]


def test_clean_titles_and_descriptions_raise_nothing(hub: Hub) -> None:
    hub.write_post(
        "p.md",
        post_text(
            body=BODY,
            title="Five small ways to ease everyday worry",
            description="Worry is part of life. These skills help you notice it and let it pass.",
        ),
    )
    assert _found(hub) == []


def _line_with(path, text: str) -> int:
    return next(i for i, t in enumerate(path.read_text().splitlines(), 1) if text in t)


def test_author_bios_are_checked_at_their_line(hub: Hub) -> None:
    authors = hub.root / "content" / ".authors.yml"
    text = authors.read_text(encoding="utf-8")
    bio = "Helps people who suffer from crazy anxiety; her client Jenna, 34, came to see me."
    first = text.index("description:")
    end = text.index("\n", first)
    authors.write_text(text[:first] + f'description: "{bio}"' + text[end:], encoding="utf-8")
    found = json.loads(hub.check("--format", "json").stdout)
    line = _line_with(authors, "Helps people")
    rules = {(f["rule"], f["path"], f["line"]) for f in found}
    shown = "content/.authors.yml"
    assert ("stigma.crazy", shown, line) in rules
    assert ("confidentiality.identifiable-client", shown, line) in rules
    built = hub.build()
    assert built.returncode == 1 and ".authors.yml" in built.stderr
    # The practice's findings are kept between builds with the posts' reports: a rebuild
    # from the cache refuses the same bio, and a fixed bio is checked afresh.
    again = hub.build("--verbose")
    assert again.returncode == 1 and f".authors.yml:{line}" in again.stderr
    assert "0 posts checked" in again.stdout + again.stderr
    authors.write_text(text, encoding="utf-8")
    assert hub.build().returncode == 0


def test_the_practice_disclaimer_is_checked_at_its_line(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("      short: >-\n") + len("      short: >-\n")
    end = text.index("      full:", start)
    text = (
        text[:start]
        + "        Not therapy. Stop your antidepressant if it makes you tired.\n"
        + text[end:]
    )
    config.write_text(text, encoding="utf-8")
    found = json.loads(hub.check("--format", "json").stdout)
    line = _line_with(config, "Stop your antidepressant")
    assert ("clinical-advice.medication-instruction", line) in {
        (f["rule"], f["line"]) for f in found if f["path"] == "mkdocs.yml"
    }


def test_the_sample_practice_texts_are_clean(hub: Hub) -> None:
    assert hub.check().returncode == 0


def test_a_folded_disclaimer_is_found_at_its_line_and_column_as_written(hub: Hub) -> None:
    """A UK hub's first use: a finding in a `>-` block's third line was given the block's
    first line and a column past its end; and a disclaimer that says following or messaging
    the practice does not make the reader a client is not a client story."""
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("      short: >-\n") + len("      short: >-\n")
    end = text.index("      full:", start)
    text = (
        text[:start]
        + "        Education only, not therapy or advice. Following us, commenting or\n"
        + "        messaging us on any platform does not make you our client, and\n"
        + "        nothing here is a diagnosis, however crazy it sounds.\n"
        + text[end:]
    )
    config.write_text(text, encoding="utf-8")
    found = [f for f in json.loads(hub.check("--format", "json").stdout)
             if f["path"] == "mkdocs.yml"]
    line = _line_with(config, "however crazy")
    column = config.read_text(encoding="utf-8").splitlines()[line - 1].index("crazy") + 1
    assert ("stigma.crazy", line, column) in {(f["rule"], f["line"], f["column"]) for f in found}
    assert not [f for f in found if f["rule"].startswith("confidentiality.")]
