"""Each language pack against its labelled corpus (tests/corpus/<pack>.yml), written
independently of the rules: recall >= 95% and at most 1 false alarm per 20 clean sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from carepress.checks.client_stories import client_stories
from carepress.checks.language import rule_matches
from carepress.prose import prose_of
from carepress.settings import load_settings
from conftest import REPO

CORPUS = Path(__file__).parent / "corpus"
PACKS = {
    "safe-messaging": "safe_messaging",
    "stigma": "stigma",
    "clinical-advice": "clinical_advice",
    "confidentiality": "confidentiality",
}


@pytest.fixture(scope="module")
def settings():
    return load_settings(REPO / "mkdocs.yml")


def flagged(settings, pack: str, sentence: str) -> list[str]:
    text = prose_of(sentence, 1).text
    found = [
        rule.id
        for rule in settings.rules.values()
        if rule.id.startswith(pack + ".") and any(rule_matches(rule, text, settings))
    ]
    if pack == "confidentiality":  # client stories: checks/client_stories.py
        found += [story.why for story in client_stories(text)]
    return found


def _corpus(pack: str) -> dict[str, list[str]]:
    return yaml.safe_load((CORPUS / f"{PACKS[pack]}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pack", PACKS)
def test_pack_precision_and_recall(settings, pack: str, capsys) -> None:
    corpus = _corpus(pack)
    assert len(corpus["flag"]) + len(corpus["clean"]) >= 60
    assert len(corpus["clean"]) >= len(corpus["flag"]) * 0.9, "half clean clinical writing"
    missed = [s for s in corpus["flag"] if not flagged(settings, pack, s)]
    false_alarms = [
        (s, flagged(settings, pack, s)) for s in corpus["clean"] if flagged(settings, pack, s)
    ]
    recall = 1 - len(missed) / len(corpus["flag"])
    hits = len(corpus["flag"]) - len(missed)
    precision = hits / (hits + len(false_alarms)) if hits else 0.0
    with capsys.disabled():
        print(
            f"\n{pack}: recall {recall:.0%}, precision {precision:.0%}, "
            f"false alarms {len(false_alarms)}/{len(corpus['clean'])} clean sentences"
        )
    assert recall >= 0.95, f"missed: {missed}"
    assert len(false_alarms) * 20 <= len(corpus["clean"]), f"false alarms: {false_alarms}"
