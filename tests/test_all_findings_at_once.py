"""A writer sees every finding in one run: front-matter errors do not hide the content
checks, and no finding repeats one of them."""

from __future__ import annotations

import json

import pytest
from conftest import Hub, post_text

BODY = (
    "Her brother committed suicide last spring.\n\n<!-- more -->\n\n"
    "Studies show that most people recover.\n"
)


def _findings(hub: Hub) -> list[tuple[str, str]]:
    out = hub.check("--format", "json")
    assert out.returncode == 1, out.stderr
    return sorted((f["rule"], f["severity"]) for f in json.loads(out.stdout))


@pytest.mark.parametrize(
    ("broken", "front_matter_rule"),
    [
        ({"authors": None}, "frontmatter.required"),
        ({"audience": ["everyone"]}, "frontmatter.unknown-value"),
        ({"date": "2026-02-30"}, "frontmatter.invalid-value"),
        ({"title": None, "description": None}, "frontmatter.required"),
        ({"content_warning": ["suicide"]}, "frontmatter.unknown-key"),
    ],
)
def test_content_findings_come_with_front_matter_errors(
    hub: Hub, broken: dict, front_matter_rule: str
) -> None:
    hub.write_post("p.md", post_text(body=BODY, **broken))
    rules = {rule for rule, _ in _findings(hub)}
    assert front_matter_rule in rules
    # The body's problems, found in the same run.
    assert {
        "safe-messaging.committed-suicide",
        "content-warning.undeclared-suicide",
        "citation.uncited-research",
    } <= rules


def test_every_vocabulary_problem_at_once(hub: Hub) -> None:
    """A missing key and a misspelt warning: both, not one after the other."""
    hub.write_post("p.md", post_text(body=BODY, authors=None, content_warnings=["suicde"]))
    rules = {rule for rule, _ in _findings(hub)}
    assert {"frontmatter.required", "frontmatter.unknown-content-warnings"} <= rules
    assert "safe-messaging.committed-suicide" in rules


def test_a_bad_key_does_not_echo_through_the_checks_that_read_it(hub: Hub) -> None:
    """With `sources` unreadable, the citations are not also reported as unresolved, and
    with `content_warnings` unreadable, no topic is reported as undeclared."""
    body = "Worry is common [@nimh-anxiety].\n\n<!-- more -->\n\nAbout suicide.\n"
    hub.write_post(
        "p.md",
        post_text(body=body, sources="nimh", content_warnings={"suicide": True}),
    )
    rules = [rule for rule, _ in _findings(hub)]
    assert len(rules) >= 2  # one finding for each bad key
    assert not [r for r in rules if r.startswith(("citation.unresolved", "content-warning."))]
    assert all(r.startswith("frontmatter.") for r in rules), rules


@pytest.mark.parametrize(
    "broken", [{"audience": None, "reviewed": None}, {"reviewed": "last week"}]
)
def test_a_stand_in_audience_or_review_asks_for_no_review(hub: Hub, broken: dict) -> None:
    """With `audience` missing (its stand-in is every audience: a review may not be owed) or
    `reviewed` unreadable, the post is not also told it lacks a clinical review: that key's
    own finding says it."""
    hub.write_post("p.md", post_text(body=BODY, **broken))
    rules = {rule for rule, _ in _findings(hub)}
    assert rules & {"frontmatter.required", "frontmatter.invalid-value", "frontmatter.wrong-type"}
    assert "frontmatter.unreviewed" not in rules
    assert "safe-messaging.committed-suicide" in rules  # the body is still checked


def test_a_post_with_front_matter_errors_is_not_published(hub: Hub) -> None:
    hub.write_post("p.md", post_text(body=BODY, authors=None))
    built = hub.build()
    assert built.returncode == 1
    assert "implies a crime or sin" in built.stderr and "authors" in built.stderr
    assert not (hub.site / "blog").exists() or not list((hub.site / "blog").rglob("p/index.html"))


def test_a_word_repeated_a_thousand_times_gives_twenty_findings_and_a_count(hub: Hub) -> None:
    """A pasted phrase (or a hostile post) must not bury every other finding and the log."""
    from carepress.engine import MAX_PER_RULE

    body = "Intro.\n\n<!-- more -->\n\n" + "It felt crazy. " * 1000 + "\n\n42% of adults worry.\n"
    hub.write_post("many.md", post_text(body=body, title="Many"))
    found = json.loads(hub.check("--format", "json").stdout)
    crazy = [f for f in found if f["rule"] == "stigma.crazy"]
    assert len(crazy) == MAX_PER_RULE + 1
    assert crazy[-1]["message"].endswith(f"(and {1000 - MAX_PER_RULE - 1} more like this from "
                                         "here on, not listed one by one)")  # fmt: skip
    assert any(f["rule"].startswith("citation.") or f["category"] == "citation" for f in found)


@pytest.mark.parametrize(
    ("broken_line", "replaces"),
    [
        ('title: "Coping with worry', "title: Coping with worry"),  # a quote never closed
        ("categories: [Anxiety", "categories:\n- Anxiety"),  # a list never closed
        ("tags: anxiety: worry", "tags:\n- anxiety"),  # ': ' in an unquoted value
    ],
)
def test_front_matter_that_is_not_valid_yaml_still_gets_its_text_checked(
    hub: Hub, broken_line: str, replaces: str
) -> None:
    """One key's broken YAML is reported at its line; the other keys are read, so the post's
    text is checked in the same run; the broken key is not also reported as missing."""
    text = post_text(body=BODY, content_warnings=["suicide"])
    assert replaces in text
    hub.write_post("p.md", text.replace(replaces, broken_line, 1))
    found = json.loads(hub.check("--format", "json").stdout)
    syntax = [f for f in found if f["rule"] == "frontmatter.yaml-syntax"]
    assert len(syntax) == 1
    lines = (hub.posts / "p.md").read_text().splitlines()
    assert lines[syntax[0]["line"] - 1] == broken_line
    rules = {f["rule"] for f in found}
    assert {"safe-messaging.committed-suicide", "citation.uncited-research"} <= rules
    assert "frontmatter.required" not in rules  # the broken key is there, only unreadable
    # The warnings the writer declared were read: no topic is reported as undeclared.
    assert not [r for r in rules if r.startswith("content-warning.undeclared")]
    built = hub.build()
    assert built.returncode == 1 and not list(hub.site.rglob("p/index.html"))


def test_front_matter_that_reads_as_no_keys_at_all_stops_at_the_yaml(hub: Hub) -> None:
    hub.write_post("p.md", "---\n- just\n- a list: [\n---\n\nText.\n")
    found = json.loads(hub.check("--format", "json").stdout)
    assert [f["rule"] for f in found] == ["frontmatter.yaml-syntax"]
