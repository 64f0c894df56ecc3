"""A fifth outside red team's thirteen attack posts (tests/data/redteam5, deliberately unsafe
test data), each checked whole: each is refused with an error of the category it attacked."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import REPO, make_hub

ATTACKS = REPO / "tests" / "data" / "redteam5"

# attack: the rule it must now meet, as an error (01-06 hide a topic, 07-13 break safe
# messaging in a post that declares its warning)
EXPECTED = {
    "attack-01.md": "content-warning.undeclared-suicide",
    "attack-02.md": "content-warning.undeclared-self-harm",
    "attack-03.md": "content-warning.undeclared-sexual-violence",
    "attack-04.md": "content-warning.undeclared-sexual-violence",
    "attack-05.md": "content-warning.undeclared-eating-disorders",
    "attack-06.md": "content-warning.undeclared-substance-use",
    "attack-07.md": "safe-messaging.place-in-a-suicide-story",
    "attack-08.md": "safe-messaging.sensational-in-a-suicide-story",
    "attack-09.md": "safe-messaging.framing-in-a-suicide-story",
    "attack-10.md": "safe-messaging.framing-in-a-suicide-story",
    "attack-11.md": "safe-messaging.sensational-in-a-suicide-story",
    "attack-12.md": "safe-messaging.self-harm-means-in-a-post",
    "attack-13.md": "safe-messaging.method",
}


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    hub = make_hub(tmp_path_factory.mktemp("redteam5") / "hub")
    for name in EXPECTED:
        shutil.copy(ATTACKS / name, hub.posts / name)
    return json.loads(hub.check("--format", "json").stdout)


def test_every_attack_is_kept() -> None:
    assert sorted(p.name for p in ATTACKS.glob("attack-*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize(("name", "rule"), EXPECTED.items())
def test_each_attack_post_is_refused_with_its_category(
    findings: list[dict], name: str, rule: str
) -> None:
    errors = {f["rule"] for f in findings if f["path"].endswith("/" + name)
              and f["severity"] == "error"}  # fmt: skip
    assert rule in errors, (name, errors)
