"""A writer's Mastodon poll and thread: validated and checked like the post's own text,
counted exactly, and sent by `carepress post` (Mastodon.py against a fake server)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import BIN, Hub, post_text
from fake_bluesky import fake_bluesky
from fake_mastodon import TOKEN, fake_mastodon

NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
POLL_AND_THREAD = {
    "mastodon": {
        "poll": {"options": ["Naming it", "Slow breathing", "Talking to someone"],
                 "expires_in": "3d"},
        "thread": ["First, notice the worry and name it.",
                   "Then breathe out slowly, longer than you breathe in."],
    }
}  # fmt: skip


def _findings(hub: Hub) -> list[dict]:
    result = hub.check("--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_a_poll_and_thread_travel_with_the_mastodon_snippet(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry", social=POLL_AND_THREAD))
    assert [f for f in _findings(hub) if f["severity"] == "error"] == []
    out = json.loads(hub.carepress("snippets", "--format", "json").stdout)
    mastodon = out[0]["snippets"]["mastodon"]
    assert mastodon["poll"] == {"options": ["Naming it", "Slow breathing", "Talking to someone"],
                                "expires_in": 3 * 86400, "multiple": False}  # fmt: skip
    assert mastodon["thread"] == POLL_AND_THREAD["mastodon"]["thread"]
    assert "poll" not in out[0]["snippets"]["x"]
    # The share kit shows them, and the built site verifies.
    assert hub.build("--strict").returncode == 0
    kit = (hub.site / "social" / "worry" / "index.html").read_text()
    assert "Poll, open 72 h:\n            Naming it / Slow breathing / Talking to someone" in kit
    assert ">Then breathe out slowly, longer than you breathe in.</textarea>" in kit
    verified = hub.carepress("verify")
    assert verified.returncode == 0, verified.stdout


@pytest.mark.parametrize(
    ("social", "message"),
    [
        ({"bluesky": {"poll": {"options": ["a", "b"], "expires_in": "1d"}}},
         "bluesky: a poll or a thread is posted on mastodon only"),
        ({"x": {"thread": ["More."]}}, "x: a poll or a thread is posted on mastodon only"),
        ({"mastodon": {"poll": {"options": ["only one"], "expires_in": "1d"}}},
         "at least 2 items"),
        ({"mastodon": {"poll": {"options": list("abcde"), "expires_in": "1d"}}},
         "social.mastodon.poll.options: has 5 items; at most 4"),
        ({"mastodon": {"poll": {"options": ["a" * 51, "b"], "expires_in": "1d"}}},
         "social.mastodon.poll.options[1]: is 51 characters as Mastodon counts them (at most 50"),
        ({"mastodon": {"poll": {"options": ["b", "👨‍👩‍👧" * 51], "expires_in": "1d"}}},
         "social.mastodon.poll.options[2]: is 51 characters as Mastodon counts them"),
        ({"mastodon": {"poll": {"options": ["Naming it", "Breathing", "Naming it"],
                                "expires_in": "1d"}}},
         "social.mastodon.poll.options: 'Naming it' is given twice, and Mastodon refuses a poll "
         "with the same option twice: make each option different, or remove the repeat"),
        ({"mastodon": {"poll": {"options": ["Yes", " Yes "], "expires_in": "1d"}}},
         "'Yes' is given twice"),  # Mastodon strips an option before it compares
        ({"mastodon": {"poll": {"options": ["a", "b"], "expires_in": "soon"}}},
         'give a duration such as "30m", "12h" or "3d"'),
        ({"mastodon": {"poll": {"options": ["a", "b"], "expires_in": "2m"}}},
         "greater than or equal to 300"),
    ],
)  # fmt: skip
def test_polls_and_threads_are_validated(hub: Hub, social: dict, message: str) -> None:
    hub.write_post("worry.md", post_text(slug="worry", social=social))
    errors = [f for f in _findings(hub) if f["severity"] == "error"]
    assert any(message in f["message"] for f in errors), errors
    assert all(f["line"] > 1 for f in errors)


# Mastodon counts an option's grapheme clusters (app/validators/poll_options_validator.rb):
# a family emoji (five code points) or a letter and its combining accent is one.
@pytest.mark.parametrize(
    "option",
    ["a" * 50, "👨‍👩‍👧" * 50, "e\u0301" * 50, " " + "b" * 50 + " "],
    ids=["50 letters", "50 family emoji", "50 accented letters", "50 letters, spaced"],
)
def test_a_poll_option_of_exactly_fifty_as_mastodon_counts_is_allowed(
    hub: Hub, option: str
) -> None:
    poll = {"options": [option, "Other"], "expires_in": "1d"}
    hub.write_post("worry.md", post_text(slug="worry", social={"mastodon": {"poll": poll}}))
    errors = [f for f in _findings(hub) if f["severity"] == "error"]
    assert errors == []


def _reply(length: int) -> str:
    reply = ("Breathe out slowly and notice the worry. " * 13)[: length - 1] + "."
    assert len(reply) == length and reply == reply.strip()
    return reply


@pytest.mark.parametrize(("length", "refused"), [(500, False), (501, True)])
def test_a_reply_of_500_fits_and_501_does_not(hub: Hub, length: int, refused: bool) -> None:
    social = {"mastodon": {"thread": ["First, notice the worry.", _reply(length)]}}
    hub.write_post("worry.md", post_text(slug="worry", social=social))
    too_long = [f for f in _findings(hub) if f["rule"] == "social.too-long-mastodon"]
    assert [f["message"] for f in too_long] == (
        ["mastodon: reply 2 of the thread is 501 long (limit 500, its content warning counted)"]
        if refused else []
    )  # fmt: skip


def test_each_reply_is_counted_and_read_by_the_language_rules(hub: Hub) -> None:
    long_reply = "Worry is common and it can ease with practice. " * 11  # > 500
    social = {"mastodon": {"thread": ["Why people commit suicide in winter.", long_reply],
                           "poll": {"options": ["They committed suicide", "Other"],
                                    "expires_in": "1d"}}}  # fmt: skip
    text = post_text(slug="worry", social=social)
    hub.write_post("worry.md", text)
    findings = _findings(hub)
    lines = text.splitlines()
    too_long = [f for f in findings if f["rule"] == "social.too-long-mastodon"]
    assert len(too_long) == 1 and "reply 2 of the thread is" in too_long[0]["message"]
    assert long_reply.strip()[:40] in lines[too_long[0]["line"] - 1]
    wording = [f for f in findings if f["rule"] == "safe-messaging.committed-suicide"]
    assert {lines[f["line"] - 1].strip()[:12] for f in wording} == {
        "- Why people", "- They commi"}  # fmt: skip


def _configure(hub: Hub, mastodon_base: str, bluesky_base: str) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - carepress:\n",
        "  - carepress:\n      cadence: {quiet_days: []}\n      posting:\n"
        f"        mastodon: {{server: '{mastodon_base}', account: '@practice@127.0.0.1'}}\n"
        f"        bluesky: {{handle: practice.test, service: '{bluesky_base}'}}\n", 1))  # fmt: skip


def test_carepress_post_sends_the_poll_and_the_thread_under_the_warning(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry", social=POLL_AND_THREAD,
                                         content_warnings=["trauma"]))  # fmt: skip
    env = {"CAREPRESS_MASTODON_TOKEN": TOKEN, **NO_KEYRING}
    with fake_mastodon() as fake, fake_bluesky() as bluesky:
        _configure(hub, fake.base, bluesky.base)
        dry = hub.run(str(BIN / "carepress"), "post", "--platform", "mastodon", "--dry-run",
                      env=env)  # fmt: skip
        assert "[poll, open 259200 s] Naming it / Slow breathing / Talking to someone" in dry.stdout
        assert "[reply 2] Then breathe out slowly" in dry.stdout
        assert "[card] not sent: the post has a poll: before Mastodon 4.6" in dry.stdout
        result = hub.run(str(BIN / "carepress"), "post", "--platform", "mastodon", env=env)
        assert result.returncode == 0, result.stderr
        first, *replies = fake.statuses
        assert first["poll"]["options"] == ["Naming it", "Slow breathing", "Talking to someone"]
        assert first["poll"]["expires_in"] == 259200
        assert first["media_attachments"] == []  # a poll or pictures before Mastodon 4.6
        assert fake.media == {}  # (and the card is not uploaded for nothing)
        assert [r["text"] for r in replies] == POLL_AND_THREAD["mastodon"]["thread"]
        assert [r["in_reply_to_id"] for r in replies] == [first["id"], replies[0]["id"]]
        assert {r["spoiler_text"] for r in fake.statuses} == {"CW: trauma"}
        assert all(r["sensitive"] for r in fake.statuses)
    with sqlite3.connect(hub.root / "records" / "posted.sqlite3") as db:
        replies_json, poll_json, thread_json = db.execute(
            "SELECT replies, poll, thread FROM posted").fetchone()  # fmt: skip
    # What went where: each reply's address, and beside it the text it carried; the poll.
    assert json.loads(replies_json) == [r["url"] for r in replies]
    assert json.loads(thread_json) == [r["text"] for r in replies]
    assert json.loads(poll_json) == {"options": first["poll"]["options"],
                                     "expires_in": 259200, "multiple": False}  # fmt: skip


def test_a_thread_cut_short_is_recorded_and_the_rest_named(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry", social=POLL_AND_THREAD))
    env = {"CAREPRESS_MASTODON_TOKEN": TOKEN, **NO_KEYRING}
    with fake_mastodon() as fake, fake_bluesky() as bluesky:
        _configure(hub, fake.base, bluesky.base)
        fake.fail_next = [0, 0, 503]  # the post, reply 1; reply 2 fails (no card: a poll)
        result = hub.run(str(BIN / "carepress"), "post", "--platform", "mastodon", env=env)
        assert result.returncode == 1
        assert "1 of the thread's replies did not arrive" in result.stderr
        assert "Then breathe out slowly" in result.stderr
        assert fake.statuses[1]["url"] in result.stderr  # reply to the last that arrived
        with sqlite3.connect(hub.root / "records" / "posted.sqlite3") as db:
            (thread_json,) = db.execute("SELECT thread FROM posted").fetchone()
        assert json.loads(thread_json) == POLL_AND_THREAD["mastodon"]["thread"][:1]
        again = hub.run(str(BIN / "carepress"), "post", "--platform", "mastodon", env=env)
        assert again.returncode == 0 and "Nothing is due." in again.stdout
        assert len(fake.statuses) == 2  # the post is out: never sent twice
