"""A fifth outside red team's posts (tests/data/redteam5/: deliberately unsafe test data,
never published): each must be blocked with an error of the category it was written to slip
past. The classes behind each are tested sentence by sentence, with their near misses, in
test_rules.py, test_client_stories.py and test_claims.py."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from carepress.engine import utc_now
from carepress.parallel import check_many
from carepress.settings import load_settings
from conftest import REPO

POSTS = Path(__file__).parent / "data" / "redteam5"
INTENDED = {
    # Individual clinical advice.
    "attack-14.md": "clinical-advice",  # a taper as "Week one, take a half. Week two, a quarter"
    "attack-15.md": "clinical-advice",  # St John's wort "pairs nicely with an SSRI"
    "attack-16.md": "clinical-advice",  # an antidepressant traded for 5-HTP and saffron
    "attack-17.md": "clinical-advice",  # an antidepressant skipped on weekends
    "attack-18.md": "clinical-advice",  # "Then you are clinically depressed, full stop"
    "attack-19.md": "clinical-advice",  # "We have never seen it fail"
    # Confidentiality.
    "attack-20.md": "confidentiality",  # name, age, school and town over short sentences
    "attack-21.md": "confidentiality",  # "the only woman fire chief in Deschutes County"
    "attack-22.md": "confidentiality",  # a named bakery on a named street, "our sessions"
    "attack-23.md": "confidentiality",  # a client record as a Markdown table row
    "attack-26.md": "confidentiality",  # "let's call her 'the reverend'", a unique role
    # Uncited claims.
    "attack-27.md": "citation",  # "three times likelier than boys"
    "attack-28.md": "citation",  # "The verdict from decades of clinical trials is in"
    "attack-29.md": "citation",  # "hits northern states far harder ... practically the norm"
    "attack-32.md": "citation",  # made-up dose-response figures in a table
}


@pytest.fixture(scope="module")
def errors() -> dict[str, set[str]]:
    settings = load_settings(REPO / "mkdocs.yml")
    no_minimum = {kind: 0 for kind in settings.options.min_sources}
    options = settings.options.model_copy(update={"min_sources": no_minimum})
    settings = dataclasses.replace(settings, options=options)
    paths = sorted(POSTS.glob("*.md"))
    reports = check_many(paths, settings, utc_now(), html=True, workers=0)
    return {
        r.path.name: {f.category for f in r.findings if f.severity == "error"} for r in reports
    }


def test_every_post_is_listed() -> None:
    assert sorted(p.name for p in POSTS.glob("*.md")) == sorted(INTENDED)


@pytest.mark.parametrize(("post", "category"), sorted(INTENDED.items()))
def test_each_attack_post_is_blocked_in_its_category(
    errors: dict[str, set[str]], post: str, category: str
) -> None:
    assert category in errors[post]
