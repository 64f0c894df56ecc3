"""Links that tell a third party who clicked them are refused: a per-reader placeholder, a
tracker's click id, a redirect through a tracker (the third red team's click tracker)."""

from __future__ import annotations

import json

import pytest
from carepress.checks.tracking_links import tracking_in
from conftest import Hub, post_text

TRACKER = ("https://trk.mailblast-analytics.example/c/v1?rid=reader-{{subscriber_id}}"
           "&cid=fb-ads-2026&u=https%3A%2F%2Fwww.nimh.nih.gov%2Fhealth")


@pytest.mark.parametrize(
    "href",
    [
        TRACKER,
        "https://www.nimh.nih.gov/health?email=*|EMAIL|*",
        "https://www.nimh.nih.gov/health?e=%%email%%",
        "https://www.nimh.nih.gov/health?rid=%7B%7Bcontact.id%7D%7D",
        "https://www.nimh.nih.gov/health?fbclid=IwAR3xyz",
        "https://www.cdc.gov/sleep/?gclid=abc&utm_source=x",
        "https://www.nhs.uk/mental-health/?mc_eid=12ab&mc_cid=34cd",
        "https://www.google.com/url?q=https://www.nimh.nih.gov/health&sa=D",
        "https://click.example.net/r?url=https%3A%2F%2F988lifeline.org%2F",
    ],
)
def test_a_link_that_tells_who_clicked_is_named(href: str) -> None:
    assert tracking_in(href) is not None


@pytest.mark.parametrize(
    "href",
    [
        "https://www.nimh.nih.gov/health/topics/anxiety-disorders",
        "https://www.cdc.gov/sleep/?utm_source=newsletter",  # a campaign, not a person
        "https://web.archive.org/web/2020/https://www.nimh.nih.gov/",  # an archive's path
        "https://www.nimh.nih.gov/search?q=anxiety",
        "https://www.nimh.nih.gov/login?next=https://www.nimh.nih.gov/health",  # its own site
        "https://doi.org/10.1000/{abc}",
        "mailto:hello@riverbend.example?subject=A%20question",
        "../../crisis/",
    ],
)
def test_an_ordinary_link_passes(href: str) -> None:
    assert tracking_in(href) is None


# Red-team pass 7 (tests/data/redteam5/links/): an affiliate's id, a link shortener, a share
# id, a click id after a semicolon, a mailto: that copies the message; with the near misses.
@pytest.mark.parametrize(
    ("href", "why"),
    [
        ("https://www.betterhelp.com/get-started/?go=true&transactionId=rb-2231", "click id"),
        ("https://shop.example/p?aff_id=77", "click id"),
        ("https://shop.example/p?irclickid=x1&utm_source=y", "click id"),
        ("https://shop.example/p?subid3=riverbend", "click id"),
        ("https://shop.example/p?ref=riverbend", "click id"),
        ("https://app.example/signup?referral_code=DANA20", "click id"),
        ("https://shop.example/p?partner_id=12", "click id"),
        ("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=1a2b3c", "click id"),
        ("https://www.cdc.gov/sleep/;gclid=abc", "click id"),
        ("https://www.cdc.gov/sleep/?a=1;gclid=abc", "click id"),
        ("https://www.cdc.gov/sleep/?%67clid=abc", "click id"),
        ("https://bit.ly/talk-now-247", "shortener bit.ly"),
        ("https://tinyurl.com/abc", "shortener tinyurl.com"),
        ("https://t.co/abc", "shortener t.co"),
        ("https://lnkd.in/abc", "shortener lnkd.in"),
        ("https://maps.app.goo.gl/abc", "shortener goo.gl"),
        ("http://BIT.LY/abc", "shortener bit.ly"),
        ("mailto:intake@riverbend.example?bcc=leads@growthfunnel.example&subject=Hi",
         "copies"),
        ("mailto:intake@riverbend.example?CC=leads@growthfunnel.example", "copies"),
        ("mailto:intake@riverbend.example?b%63c=leads@growthfunnel.example", "copies"),
        ("mailto:intake@riverbend.example,leads@growthfunnel.example", "2 addresses"),
        ("mailto:intake@riverbend.example;leads@growthfunnel.example", "2 addresses"),
        ("mailto:intake@riverbend.example?to=leads@growthfunnel.example", "2 addresses"),
    ],
)
def test_an_affiliate_a_shortener_or_a_copied_message_is_named(href: str, why: str) -> None:
    assert why in (tracking_in(href) or "")


@pytest.mark.parametrize(
    "href",
    [
        "https://www.nimh.nih.gov/health/topics/anxiety-disorders?page=2",
        "https://www.cdc.gov/sleep/index.html;jsessionid=",  # no value: no one named
        "https://www.cdc.gov/sleep/?utm_medium=social;utm_source=x",
        "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
        "https://www.bitly-facts.example/",
        "https://bit.lyrics.example/",
        "https://www.referral-guide.example/how-referrals-work?topic=referral",
        "mailto:intake@riverbend.example?subject=New%20client&body=Hello",
        "mailto:intake@riverbend.example?cc=",
        "mailto:intake@riverbend.example",
    ],
)
def test_near_misses_of_affiliates_shorteners_and_mail_pass(href: str) -> None:
    assert tracking_in(href) is None


def test_the_check_and_the_build_both_refuse_a_tracked_link(hub: Hub) -> None:
    body = ("Worry is common [@nimh-anxiety].\n\n<!-- more -->\n\nA first line.\n\n"
            f"Read [the guide to anxiety]({TRACKER}).\n")
    path = hub.write_post("t.md", post_text(body=body, slug="t"))
    line = path.read_text().splitlines().index(f"Read [the guide to anxiety]({TRACKER}).") + 1
    found = [f for f in json.loads(hub.check("--format", "json").stdout)
             if f["rule"] == "html.tracking-link"]  # fmt: skip
    assert [(f["line"], f["severity"]) for f in found] == [(line, "error")]
    assert "{{subscriber_id}}" in found[0]["message"]
    built = hub.build()
    assert built.returncode != 0
    said = f"content/posts/t.md:{line}:1: html.tracking-link a link tells a third party"
    assert said in built.stderr
    assert not hub.site.exists()


def test_a_sidebar_link_that_tracks_is_refused_at_its_line(hub: Hub) -> None:
    links = [{"The guide to anxiety": "https://www.nimh.nih.gov/health?fbclid=IwAR3xyz"},
             {"Sleep": "https://www.cdc.gov/sleep/"}]
    path = hub.write_post("s.md", post_text(slug="s", links=links))
    found = [f for f in json.loads(hub.check("--format", "json").stdout)
             if f["rule"] == "html.tracking-link"]  # fmt: skip
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "fbclid" in text)
    assert [(f["line"], f["severity"]) for f in found] == [(line, "error")]
    assert "click id (fbclid)" in found[0]["message"]
