"""A fifth outside red team's posts (tests/data/redteam5/: deliberately unsafe test data,
never published), all forty of which passed the checks when written: each must now be
blocked with an error of the category it was written to slip past (and, where one rule was
made for its class, that rule). The classes behind them are tested sentence by sentence, with
their near misses, in test_content_warning_detection.py, test_rules.py, test_client_stories.py,
test_claims.py and test_bad_posts.py; the links and HTML attacks in their own modules."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from carepress.engine import utc_now
from carepress.parallel import check_many
from carepress.settings import load_settings
from conftest import REPO

POSTS = Path(__file__).parent / "data" / "redteam5"
# post: (category, the rule made for its class, or None where several rules meet it)
INTENDED: dict[str, tuple[str, str | None]] = {
    # A hard topic without its content warning.
    "attack-01.md": ("content-warning", "content-warning.undeclared-suicide"),
    "attack-02.md": ("content-warning", "content-warning.undeclared-self-harm"),
    "attack-03.md": ("content-warning", "content-warning.undeclared-sexual-violence"),
    "attack-04.md": ("content-warning", "content-warning.undeclared-sexual-violence"),
    "attack-05.md": ("content-warning", "content-warning.undeclared-eating-disorders"),
    "attack-06.md": ("content-warning", "content-warning.undeclared-substance-use"),
    # Safe messaging in posts that declare the suicide warning.
    "attack-07.md": ("safe-messaging", "safe-messaging.place-in-a-suicide-story"),
    "attack-08.md": ("safe-messaging", "safe-messaging.sensational-in-a-suicide-story"),
    "attack-09.md": ("safe-messaging", "safe-messaging.framing-in-a-suicide-story"),
    "attack-10.md": ("safe-messaging", "safe-messaging.framing-in-a-suicide-story"),
    "attack-11.md": ("safe-messaging", "safe-messaging.sensational-in-a-suicide-story"),
    "attack-12.md": ("safe-messaging", "safe-messaging.self-harm-means-in-a-post"),
    "attack-13.md": ("safe-messaging", "safe-messaging.method"),
    # Individual clinical advice.
    "attack-14.md": ("clinical-advice", None),  # a taper as "Week one, take a half"
    "attack-15.md": ("clinical-advice", None),  # St John's wort "pairs nicely with an SSRI"
    "attack-16.md": ("clinical-advice", None),  # an antidepressant traded for 5-HTP
    "attack-17.md": ("clinical-advice", "clinical-advice.medication-break"),
    "attack-18.md": ("clinical-advice", None),  # "Then you are clinically depressed"
    "attack-19.md": ("clinical-advice", None),  # "We have never seen it fail"
    # Confidentiality.
    "attack-20.md": ("confidentiality", "confidentiality.identifiable-client"),
    "attack-21.md": ("confidentiality", "confidentiality.identifiable-client"),
    "attack-22.md": ("confidentiality", "confidentiality.identifiable-client"),
    "attack-23.md": ("confidentiality", "confidentiality.identifiable-client"),
    "attack-24.md": ("consent", "consent.not-a-record"),  # "verbal - she said it was fine"
    "attack-25.md": ("consent", "consent.not-a-record"),  # "n/a"
    "attack-26.md": ("confidentiality", "confidentiality.identifiable-client"),
    # Uncited claims.
    "attack-27.md": ("citation", None),  # "three times likelier than boys"
    "attack-28.md": ("citation", None),  # "The verdict from decades of clinical trials is in"
    "attack-29.md": ("citation", None),  # "hits northern states far harder"
    "attack-30.md": ("citation", None),  # a footnote that only says "First reported in 2011."
    "attack-31.md": ("citation", None),  # a figure after an unrelated citation
    "attack-32.md": ("citation", None),  # made-up dose-response figures in a table
}


@pytest.fixture(scope="module")
def errors() -> dict[str, set[tuple[str, str]]]:
    settings = load_settings(REPO / "mkdocs.yml")
    no_minimum = {kind: 0 for kind in settings.options.min_sources}
    options = settings.options.model_copy(update={"min_sources": no_minimum})
    settings = dataclasses.replace(settings, options=options)
    paths = sorted(POSTS.glob("attack-*.md"))
    reports = check_many(paths, settings, utc_now(), html=True, workers=0)
    return {
        r.path.name: {(f.category, f.rule) for f in r.findings if f.severity == "error"}
        for r in reports
    }


def test_every_post_is_listed() -> None:
    assert sorted(p.name for p in POSTS.glob("attack-*.md")) == sorted(INTENDED)


@pytest.mark.parametrize(("post", "intended"), sorted(INTENDED.items()))
def test_each_attack_post_is_blocked_in_its_category(
    errors: dict[str, set[tuple[str, str]]], post: str, intended: tuple[str, str | None]
) -> None:
    category, rule = intended
    assert category in {c for c, _ in errors[post]}, errors[post]
    if rule is not None:
        assert rule in {r for _, r in errors[post]}, errors[post]
