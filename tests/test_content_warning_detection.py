"""Content-warning detection: labelled corpora for false alarms and misses, plus the build."""

from __future__ import annotations

import pytest
from carepress.prose import prose_of
from carepress.settings import load_settings
from conftest import REPO, Hub, post_text

CLEAN = [
    "This new budgeting tool is a killer app for busy parents.",
    "I'm dying to try the new bakery on Main Street.",
    "Cut the onions into small pieces before you start the sauce.",
    "Self-care can be as simple as a short walk after lunch.",
    "The noise in the waiting room finally died down.",
    "My phone died halfway through the podcast.",
    "We drank plenty of water after the long hike.",
    "Her joke absolutely killed at the party.",
    "The deadline is killing me this week.",
    "Binge-watching a series is a common way to unwind.",
    "Use an alcohol-based hand sanitizer before the session.",
    "Clean the cut on your finger with rubbing alcohol.",
    "The trauma surgeon explained the procedure calmly.",
    "I was scared to death before my driving test.",
    "That chocolate cake is to die for.",
    "Purge the old files from the shared drive each month.",
    "He cut back on coffee and started sleeping better.",
    "This game is so addictive that I lose track of time.",
    "The grapes in the garden are finally ripe.",
    "Shoot for a bedtime that lets you get seven hours of sleep.",
    "She was tickled to death by the birthday card.",
    "The lawn died during the heat wave.",
    "Take a deep breath and notice your feet on the floor.",
    "Honest feedback can hurt, but it helps us grow.",
]

TOUCHING = [
    ("Some people have thoughts of suicide when depression is severe.", "suicide"),
    ("He told his friend that he wanted to kill himself.", "suicide"),
    ("Asking someone directly about suicidal thoughts does not plant the idea.", "suicide"),
    ("She said she wanted to end her life.", "suicide"),
    ("Many teens who self-harm hide it from their parents.", "self-harm"),
    ("Self-injury is often a way of coping with overwhelming feelings.", "self-harm"),
    ("Some young people cut themselves to get through painful moments.", "self-harm"),
    ("Anorexia can affect people of any body size.", "eating-disorders"),
    ("Binge eating disorder is treatable.", "eating-disorders"),
    ("Recovery from bulimia is possible with support.", "eating-disorders"),
    ("She was raped at a party during college.", "sexual-violence"),
    ("Sexual assault survivors often blame themselves.", "sexual-violence"),
    # Witnessing violence is trauma as well as abuse: both warnings, and no other.
    ("Children who witness domestic violence may feel unsafe at home.", "abuse+trauma"),
    ("Emotional abuse can be hard to recognise from the inside.", "abuse"),
    ("He drinks alcohol every night to fall asleep.", "substance-use"),
    ("Opioid use disorder is a treatable medical condition.", "substance-use"),
    ("Grief can arrive in waves for months or years.", "death-and-grief"),
    ("She is still grieving her brother.", "death-and-grief"),
    ("The funeral was the hardest day of the year.", "death-and-grief"),
    ("After the loss of a parent, routines can feel strange.", "death-and-grief"),
    ("Many veterans live with PTSD.", "trauma"),
    ("A traumatic event can change how safe the world feels.", "trauma"),
    ("Flashbacks can feel as if the event is happening again.", "trauma"),
]


@pytest.fixture(scope="module")
def topics():
    return load_settings(REPO / "mkdocs.yml").topics


def _detected(topics, sentence: str) -> set[str]:
    text = prose_of(sentence, 1).text
    return {topic.id for topic in topics.values() if any(topic.matches(text))}


def test_corpora_are_large_enough() -> None:
    assert len(CLEAN) >= 20
    assert len(TOUCHING) >= 20
    assert {cw for _, cw in TOUCHING} >= {
        "suicide",
        "self-harm",
        "eating-disorders",
        "sexual-violence",
        "abuse",
        "substance-use",
        "death-and-grief",
        "trauma",
    }


@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_sentences_raise_nothing(topics, sentence: str) -> None:
    assert _detected(topics, sentence) == set()


@pytest.mark.parametrize(("sentence", "warning"), TOUCHING)
def test_sensitive_sentences_raise_their_warning(topics, sentence: str, warning: str) -> None:
    assert _detected(topics, sentence) == set(warning.split("+"))


def test_code_links_and_comments_are_not_prose(topics) -> None:
    body = (
        "Avoid the phrase `committed suicide`.\n\n"
        "```\nsuicide\n```\n\n"
        "<!-- suicide -->\n"
        "Read [the guidance](https://reportingonsuicide.org/suicide).\n"
    )
    assert _detected(topics, body) == set()


UNDECLARED = (
    "Feeling low is common.\n\n<!-- more -->\n\n## Signs\n\n"
    "Some people have thoughts of suicide.\n\nSuicidal thoughts deserve care.\n"
)


def test_undeclared_topic_fails_check_and_build_with_the_line(hub: Hub) -> None:
    path = hub.write_post("low.md", post_text(body=UNDECLARED, slug="low"))
    line = path.read_text().splitlines().index("Some people have thoughts of suicide.") + 1
    check = hub.check()
    assert check.returncode == 1
    assert (
        f"content/posts/low.md:{line}:30: error content-warning.undeclared-suicide "
        "the post mentions 'suicide' (and 1 more time) but does not declare the "
        "'suicide' content warning" in check.stdout
    )
    assert "hint: add suicide to content_warnings" in check.stdout
    build = hub.build()
    assert build.returncode == 1
    assert f"content/posts/low.md:{line}:30: the post mentions 'suicide'" in build.stderr


def test_detection_severity_is_configurable(hub: Hub) -> None:
    hub.write_post("low.md", post_text(body=UNDECLARED, slug="low"))
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - carepress:\n", "  - carepress:\n      content_warning_detection: warning\n"
        )
    )
    check = hub.check()
    assert check.returncode == 0
    assert "warning content-warning.undeclared-suicide" in check.stdout
