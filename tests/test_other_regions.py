"""Another region's crisis numbers on a hub (checks/other_regions.py): a UK hub copied from
the US sample told its readers to "call or text 988", "text HOME to 741741" and linked
tel:911, and passed every check (a new-user tester's report)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from carepress.checks.other_regions import OTHER_REGION, page_findings
from carepress.content import PostFile
from carepress.settings import load_settings
from conftest import REPO, Hub, post_text

SETTINGS = load_settings(REPO / "mkdocs.yml")


def _in(region: str):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        SETTINGS, practice=SETTINGS.practice.model_copy(update={"crisis_region": region}))


def _found(body: str, region: str = "UK") -> list[tuple[int, str]]:
    page = PostFile("page.md", {}, {}, body + "\n", 1)
    return [(f.column, f.message) for f in page_findings(page, _in(region))
            if f.rule == OTHER_REGION]  # fmt: skip


@pytest.mark.parametrize(
    "body",
    [
        "If you are struggling, call or text 988.",
        "Or text HOME to 741741, free and 24/7.",
        "In an emergency, [get help](tel:911).",
        "A 988 crisis counselor can talk you through it.",
        '<a href="sms:741741">Message a volunteer</a> tonight.',
        "Call the SAMHSA helpline on 1-800-662-4357.",
        "In Australia, call 000. Otherwise dial 911 for the police.",  # named in the other one
    ],
)
def test_another_region_s_number_is_an_error_on_a_uk_hub(body: str) -> None:
    assert _found(body), body


@pytest.mark.parametrize(
    "body",
    [
        "In the US, call or text 988.",
        "Readers in the United States can text HOME to 741741.",
        "American readers: [call 911](tel:911) in an emergency.",
        "Call Samaritans on 116 123, or 999 in an emergency.",  # the UK's own (and Ireland's)
        "Call [NHS 111](tel:111) for urgent help.",  # New Zealand's emergency number too
        "Over 10 000 people called the line last year.",
        "Since 1737 the town has had a crisis of one kind or another.",
    ],
)
def test_the_region_s_own_numbers_and_named_regions_pass(body: str) -> None:
    assert _found(body) == [], body


def test_the_message_names_the_number_its_region_and_the_fix() -> None:
    page = PostFile("p.md", {}, {}, "Intro.\n\nIf you are struggling, call 988.\n", 3)
    (finding,) = page_findings(page, _in("UK"))
    assert (finding.path, finding.line, finding.severity) == ("p.md", 5, "error")
    assert finding.message == ("988 is a number of the United States (988 Suicide & Crisis "
                               "Lifeline): readers in the United Kingdom cannot reach it")
    assert "Samaritans: Call 116 123" in finding.hint and "999" in finding.hint
    assert "'in the United States, call 988'" in finding.hint


def test_the_us_hub_and_canada_share_988_and_911() -> None:
    assert _found("Call or text 988, or call 911.", "US") == []
    assert _found("Call or text 988, or call 911.", "CA") == []
    assert [m for _, m in _found("Call or text 988.", "AU")]


def test_an_international_hub_asks_for_the_country() -> None:
    (found,) = _found("Call or text 988.", "INTL")
    assert "United States" in found[1]
    assert _found("In Canada, call or text 988.", "INTL") == []


def test_carepress_check_reports_posts_and_pages_of_a_uk_hub(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("crisis_region: US", "crisis_region: UK"))
    body = ("Worry is normal.\n\n<!-- more -->\n\n## Help\n\n"
            "If you are struggling, [call 988](tel:988) or text HOME to 741741.\n")  # fmt: skip
    hub.write_post("us-lines.md", post_text(body=body, slug="us-lines"))
    (hub.root / "content" / "help.md").write_text("# Help\n\nIn an emergency, call 911.\n")
    result = hub.check("--format", "json")
    found = [f for f in json.loads(result.stdout) if f["rule"] == OTHER_REGION]
    assert result.returncode != 0
    assert sorted((f["path"].rsplit("/", 1)[-1], f["message"].split(" ")[0]) for f in found) == [
        ("help.md", "911"), ("us-lines.md", "741741"), ("us-lines.md", "988")]


# Blind dev posts for readers anywhere (measured on the US sample hub): a list that also sends
# readers to their own country's number, and a region named earlier in the paragraph.
@pytest.mark.parametrize(
    "body",
    [
        "If you're in immediate danger, call 999, 911 or your local emergency number.",
        "Wherever you live, call 999 in an emergency or the number where you are.",
        "In the UK and Ireland, call Samaritans free on 116 123. If you're in immediate "
        "danger there, call 999.",
    ],
)
def test_a_list_for_readers_anywhere_or_a_region_named_in_the_paragraph_passes(
    body: str,
) -> None:
    assert _found(body, "US") == []


def test_a_region_named_in_another_paragraph_does_not_cover_the_number() -> None:
    body = "In the UK, call Samaritans on 116 123.\n\nIf you're in danger, call 999."
    assert [m for _, m in _found(body, "US")] and "999" in _found(body, "US")[0][1]


# A sixth outside red team (its cases 06-15 and 20), on a UK hub: ways another region's
# number or line got past, and wordings that were refused though right.
@pytest.mark.parametrize(
    "body",
    [
        # The region named in an earlier sentence that gives no help of its own.
        "Our founder trained in the US. Please call 911 if you are in danger.",
        "Our clinicians trained in the US. If you are struggling, text HOME to 741741.",
        # A region's name inside another name.
        "In South America, call or text 988.",
        "Mental Health America suggests that you call or text 988.",
        "The American Psychological Association says to call or text 988.",
        "Ask a Native American elder for support, or call or text 988.",
        "If you live in Northern Ireland, text HELLO to 50808.",  # the Republic's line
        # Numbers spelled out, in other digits, split or as a keypad word.
        "Call nine one one in an emergency.",
        "Call or text nine-eight-eight if you are struggling.",
        "Text HOME to seven four one seven four one.",
        "Call or text ٩٨٨ if you are struggling.",
        "Call or text ⁹⁸⁸ if you are struggling.",
        "Call or text 9_88 if you are struggling.",
        "Call 1-800-273-8255 if you are struggling.",  # the Lifeline's former number
        "Call 1-800-273-TALK if you are struggling.",
        # A line by its name or its site.
        "Call the Crisis Text Line if you are struggling.",
        "Call Kids Help Phone if you are young and struggling.",
        "[Get help](https://www.crisistextline.org/) tonight.",
        # The practice's own region named among those the number is for.
        "Our readers in Canada, the US and the UK: call or text 988.",
    ],
)
def test_a_red_team_s_ways_past_the_region_rule_are_caught(body: str) -> None:
    assert _found(body), body


@pytest.mark.parametrize(
    "body",
    [
        "Call 112 in an emergency.",  # it reaches the emergency services in the UK too
        "In an emergency call 999 or 112.",
        "## In the United States\n\nCall or text 988.",
        "## In the United States\n\n- Call or text 988.\n- Text HOME to 741741.",
        "In the US:\n\n- call or text 988\n- text HOME to 741741",
        "In the US, call or text 988. If you are in danger there, call 911.",
        "If you're in the States, call or text 988.",
        "US readers can call or text 988; in the UK, call Samaritans on 116 123.",
        "In North America, call or text 988.",
        "He drove a Porsche 911 for years.",
    ],
)
def test_wordings_that_name_the_region_or_give_the_uk_s_own_numbers_pass(body: str) -> None:
    assert _found(body) == [], body


def test_a_section_about_another_country_ends_at_the_next_heading() -> None:
    body = "## In the United States\n\nCall or text 988.\n\n## Getting help\n\nCall 911 now."
    assert [m.split(" ")[0] for _, m in _found(body)] == ["911"]


def test_a_post_s_title_description_and_social_texts_and_the_disclaimer_are_read(
    hub: Hub,
) -> None:
    """A description "call or text 988" reached og:description, every feed and snippets.json
    of a UK hub; a disclaimer saying so reached every post (a sixth red team, 11 and 16)."""
    config = hub.root / "mkdocs.yml"
    text = config.read_text().replace("crisis_region: US", "crisis_region: UK")
    text = text.replace("call or text 988 in the US, or call", "call or text 988, or call")
    assert "call or text 988, or call" in text
    config.write_text(text)
    post = post_text(body="Worry is normal.\n\n<!-- more -->\n\nMore words.\n", slug="texts")
    post = post.replace("description: ", 'description: "If you are struggling, text HOME to '
                        '741741." # ', 1)  # fmt: skip
    hub.write_post("texts.md", post)
    result = hub.check("--format", "json")
    found = [f for f in json.loads(result.stdout) if f["rule"] == OTHER_REGION]
    assert result.returncode != 0
    where = {(f["path"].rsplit("/", 1)[-1], f["message"].split(" ")[0]) for f in found}
    assert ("texts.md", "741741") in where and ("mkdocs.yml", "988") in where, found
    line = next(f["line"] for f in found if f["path"].endswith("texts.md"))
    assert post.splitlines()[line - 1].startswith("description:")
