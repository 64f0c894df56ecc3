"""Every crisis line is something a reader on a phone can act on at a tap: the data says how
each line is reached, and the crisis box, the crisis page and the footer turn
each way into a link (call: tel:, text: sms: with the keyword, chat: its page). Feeds keep
them as text."""

from __future__ import annotations

import re

import feedparser
from carepress.crisis import all_regions, dialable
from conftest import Hub


def test_every_line_has_an_action_and_each_action_is_well_formed() -> None:
    for region in all_regions().values():
        for line in (*region.lines, *region.helplines):
            assert line.actions, line.name
            for action in line.actions:
                assert action.name.startswith(action.label)  # the visible label is in the name
                if action.kind == "call":
                    assert re.fullmatch(r"tel:\+?\d{3,15}", action.href), action.href
                elif action.kind == "text":
                    assert re.fullmatch(r"sms:\+?\d{3,15}(\?&body=[A-Z]+)?", action.href)
                else:
                    assert action.href.startswith("https://")
        if region.code != "INTL":
            assert region.emergency_calls, region.code
    crisis_text_line = next(x for x in all_regions()["US"].lines if "741741" in x.how)
    assert [a.href for a in crisis_text_line.actions] == ["sms:741741?&body=HOME"]
    assert [a.href for a in all_regions()["IE"].emergency_calls] == ["tel:112", "tel:999"]
    assert dialable("1-800-662-4357") == "18006624357" and dialable("+44 116 123") == "+44116123"


def test_the_keyword_a_line_asks_for_is_the_one_its_description_gives() -> None:
    for region in all_regions().values():
        for line in region.lines:
            if line.keyword:
                assert f"{line.keyword} to {line.text}" in line.how, line.name
            else:
                assert not re.search(r"[Tt]ext [A-Z]{3,} to", line.how), line.name


def test_the_built_pages_and_feeds_link_every_way_in(sample_hub: Hub) -> None:
    site = sample_hub.site
    post = next(p for p in site.glob("blog/*/index.html")
                if 'data-carepress="crisis-box"' in p.read_text())  # fmt: skip
    box = post.read_text().split('data-carepress="crisis-box"', 1)[1].split("</aside>", 1)[0]
    for href in ("tel:988", "sms:988", "sms:741741?&amp;body=HOME", "https://988lifeline.org/chat/",
                 "tel:911"):  # fmt: skip
        assert f'href="{href}"' in box, href
    crisis = (site / "crisis" / "index.html").read_text()
    for href in ("tel:988", "tel:116123", "sms:85258?&amp;body=SHOUT", "tel:131114", "tel:000"):
        assert f'href="{href}"' in crisis, href
    home = (site / "index.html").read_text()
    footer = home.split('class="carepress-footer', 1)[1]
    assert 'href="tel:988"' in footer and 'aria-label="Call 988, 988 Suicide' in footer
    # Feeds keep the lines as text: readers strip tel: and sms: addresses (feedparser leaves
    # href=""), and a link to nowhere would be worse than the number written out.
    feed = feedparser.parse((site / "feeds" / "rss.xml").read_bytes())
    with_crisis = [e for e in feed.entries if "If you need help now" in e.content[0].value]
    assert with_crisis and all("Call or text 988" in e.content[0].value for e in with_crisis)
