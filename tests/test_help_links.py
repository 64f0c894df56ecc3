"""Links that offer help go where they say (checks/help_links.py): a red-team pass published
a "call or text 988" that dialled another number and a "chat with the 988 Lifeline" that
opened another site, beside the real crisis box."""

from __future__ import annotations

import dataclasses
import json

import pytest
from carepress.checks.help_links import MISLEADING_LINK, PHONE_LINK, help_link_problems
from carepress.settings import load_settings
from conftest import REPO, Hub, post_text

SETTINGS = load_settings(REPO / "mkdocs.yml")
# The same hub for a practice in the UK, whose lines have one-word names (Samaritans, Shout).
UK = dataclasses.replace(
    SETTINGS, practice=SETTINGS.practice.model_copy(update={"crisis_region": "UK"})
)


@pytest.mark.parametrize(
    ("link", "rule"),
    [
        ('<a href="tel:+15035550123">call or text 988</a>', PHONE_LINK),
        ('<a href="sms:+447700900123">text SHOUT</a>', PHONE_LINK),
        ('<a href="tel:0800555000">our helpline</a>', PHONE_LINK),
        ('<a href="https://evil.example/988">chat with the 988 Lifeline</a>', MISLEADING_LINK),
        ('<a href="https://988lifeline.org.evil.example/">Call 988</a>', MISLEADING_LINK),
        # Red-team pass 3: a pause or an extension after the number, a tab in the scheme, a
        # backslash before the host (each read as a phone or a browser reads it).
        ('<a href="tel:5550100,18006624357">Call us now</a>', PHONE_LINK),
        ('<a href="tel:5550100;ext=8006624357">Phone the office</a>', PHONE_LINK),
        ('<a href="te&#9;l:5550100">Ring the desk</a>', PHONE_LINK),
        ('<a href="https://evil.example.com\\@988lifeline.org/">Chat with 988</a>',
         MISLEADING_LINK),
        ('<a href="https://example.org/help">call the 9-8-8 suicide crisis helpline</a>',
         MISLEADING_LINK),
        ('<a href="https://example.org/">text <b>HOME</b> to 741741</a>', MISLEADING_LINK),
        # Red-team pass 3's bypasses: what a screen reader says, a number split by markup,
        # invisible and full-width characters, a one-word name in lower case, a picture's
        # alt text, and another country's line offered on a US site.
        ('<a href="https://evil.example/" aria-label="Call 988 now">Help</a>',
         MISLEADING_LINK),
        ('<a href="https://evil.example/">Call 9<b>8</b>8</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/">Call 9\u200b88</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/">Call \uff19\uff18\uff18</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/"><img src="x.png" alt="Call 988"></a>',
         MISLEADING_LINK),
        ('<a href="https://988.ca/">Call or text 988</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/">Text 838255</a>', MISLEADING_LINK),
        # Red-team pass 4: an address with no host, an offer after a lead-in or a symbol,
        # spaced digits, letters a keypad dials, a toll-free line without its area code.
        ('<a href="mailto:lifeline988@gmail.com">Contact the 988 Lifeline</a>',
         MISLEADING_LINK),
        ('<a href="https://evil.example/988">Need to talk now? Call 988</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/a">\U0001f4de Call 988</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/b">Call 9 8 8</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/c">Call (800) 662-4357</a>', MISLEADING_LINK),
        ('<a href="tel:988-HELP">Call 988</a>', PHONE_LINK),
        ('<a href="tel:9506264">Call the NAMI HelpLine</a>', PHONE_LINK),
        # Red-team pass 5: other hyphens and dashes, a premium number with a line's last
        # digits, a short code behind other digits, an offer after a comma or a tap, the
        # -ing form, look-alike letters, a line's other name and its number in letters, a
        # line's name alone, and an address that follows the offer.
        ('<a href="https://evil.example/a">call 9\u20118\u20118</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/a">Call 1\u2013800\u2013662\u20134357</a>',
         MISLEADING_LINK),
        ('<a href="tel:1-900-662-4357">Call SAMHSA</a>', PHONE_LINK),
        ('<a href="tel:555988">Call 988</a>', PHONE_LINK),
        ('<a href="https://evil.example/d">If you are struggling, call 988</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/d">Tap to call 988</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/d">Calling 988 now</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/d">C\u0430ll 988</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/">Call the SAMHSA helpline</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/b">Call 1-800-656-HOPE</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/">988 Suicide &amp; Crisis Lifeline</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/">Call 988 Help\'s On The Way</a>', MISLEADING_LINK),
        # Red-team pass 6: a line's own address, or its number alone, as the link's text.
        ('<a href="https://988lifeline-chat.example.com/start">988lifeline.org</a>',
         MISLEADING_LINK),
        ('<a href="https://evil.example/">www.samaritans.org</a>', MISLEADING_LINK),
        ('<a href="https://hope-now.example.com/connect">988</a>', MISLEADING_LINK),
        ('<a href="https://hope-now.example.com/connect">741741</a>', MISLEADING_LINK),
        # Characters that draw nothing, as disguise.py reads them (one list for both).
        ('<a href="https://evil.example/">Call 98\ufe008</a>', MISLEADING_LINK),
        ('<a href="https://evil.example/">Call 9\u316488</a>', MISLEADING_LINK),
        # The fourth red team's: a crisis service named by what it is, over another site.
        ('<a href="https://www.calmnow-app.com/signup?plan=premium">suicide hotline</a>',
         MISLEADING_LINK),
        ('<a href="https://www.calmnow-app.com/">call the crisis line now</a>', MISLEADING_LINK),
        ('<a href="https://www.calmnow-app.com/">If you feel unsafe, a trained crisis '
         'counsellor</a>', MISLEADING_LINK),
    ],
)
def test_a_link_that_misleads_is_named(link: str, rule: str) -> None:
    assert [r for r, _, _ in help_link_problems(f"<p>{link}</p>", SETTINGS)] == [rule]


@pytest.mark.parametrize(
    "link",
    [
        '<a href="tel:988">Call 988</a>',
        '<a href="sms:741741?&amp;body=HOME">Text HOME to 741741</a>',
        '<a href="https://988lifeline.org/chat/">chat with the 988 Lifeline</a>',
        '<a href="https://www.samaritans.org/how-we-can-help/">contact Samaritans</a>',
        '<a href="tel:116123">ring Samaritans on 116 123</a>',
        '<a href="tel:911">call 911</a>',
        '<a href="https://www.nimh.nih.gov/">Read how 988 works</a>',  # no offer to call
        '<a href="https://example.org/">call your GP</a>',  # no line named
        # Red-team pass 3's false alarms: pages about a line, the site's own crisis page,
        # the lines' numbers in international form, a pause to choose an option.
        '<a href="https://www.samhsa.gov/mental-health/988">Learn what happens when you '
        'call 988</a>',
        '<a href="https://www.npr.org/x">Calls to 988 rose in its first year</a>',
        '<a href="../../crisis/">call or text 988, or see our crisis page</a>',
        '<a href="tel:+64800543354">Lifeline Aotearoa</a>',
        '<a href="sms:+61477131114">text Lifeline</a>',
        '<a href="tel:988,1">dial 988 and then 1</a>',
        '<a href="//[::1">call 988</a>',  # not an address a browser goes to: no traceback
        # One-word names are the lines only as written: "Shout", "Lifeline".
        '<a href="https://example.org/contact">call us or give us a shout</a>',
        '<a href="https://example.org/parents">call it a lifeline for parents</a>',
        # A street address that holds a line's number; the Veterans Crisis Line's own ways.
        '<a href="https://maps.example/x">Contact us at 111 River Street</a>',
        '<a href="https://maps.example/x">Visit or call us: 988 Pine Avenue, Portland</a>',
        '<a href="sms:838255">Text 838255</a>',
        '<a href="https://www.veteranscrisisline.net/">Contact the Veterans Crisis Line</a>',
        '<a href="tel:988" aria-label="Call 988, the Suicide and Crisis Lifeline">Call 988</a>',
        '<a href="tel:1-800-950-6264">Call the NAMI HelpLine</a>',
        '<a href="tel:988p1">Call 988 and press 1</a>',
        '<a href="mailto:hello@riverbend.example">Contact us about a first session</a>',
        '<a href="https://988lifeline.org/">Worried about someone? Call 988</a>',
        '<a href="https://www.samhsa.gov/find-help/988">Why you might call 988 - SAMHSA</a>',
        # Red-team pass 5's false alarms: a US service named Samaritans on a US site, the
        # state's own 988 centre named before the number, the practice's own offers.
        '<a href="https://samaritansusa.org/">Contact Samaritans USA</a>',
        '<a href="https://www.linesforlife.org/">Contact Lines for Life, Oregon\'s 988 call '
        'center</a>',
        '<a href="https://riverbend.example.org/contact">Contact us about our 988 readiness '
        'training</a>',
        '<a href="https://riverbend.example.org/contact">Contact us: Suite 988, Portland</a>',
        '<a href="tel:988">Call 988 (or text)</a>',
        '<a href="https://988lifeline.org/chat/">988lifeline.org</a>',
        '<a href="tel:988">988</a>',
        '<a href="https://example.org/1988">1988</a>',
        '<a href="https://example.org/history">the story of 988</a>',
        '<a href="https://988lifeline.org/">suicide hotline</a>',
        '<a href="https://learn.riverbend-therapy.example.org/crisis/">crisis line</a>',
        '<a href="https://news.example/">read about crisis line funding</a>',
        '<a href="https://news.example/">crisis line funding cut</a>',
        '<a href="https://example.org/">a crisis of confidence</a>',
    ],
)
def test_a_link_that_goes_where_it_says_passes(link: str) -> None:
    assert list(help_link_problems(f"<p>{link}</p>", SETTINGS)) == []


# Red-team pass 7 (tests/data/redteam5/links/): a line's digits behind another country's
# code, a call to a line that only takes texts, a text prefilled with another word than the
# line's keyword, a message to several numbers; each with the forms that stay fine.
@pytest.mark.parametrize(
    ("link", "fine"),
    [
        ('<a href="tel:+44988">Call 988</a>', False),
        ('<a href="tel:+61988">Call 988</a>', False),
        ('<a href="tel:+448006624357">Call SAMHSA</a>', False),
        # A national short code has no international form (E.164: a number after +1 has
        # ten digits, after +44 nine or ten): +1 988, +44 111, +44 116 123 dial nothing.
        ('<a href="tel:+1988">Call 988</a>', False),
        ('<a href="tel:+44111">Call NHS 111</a>', False),
        ('<a href="tel:+44116123">Call Samaritans</a>', False),
        ('<a href="tel:+448001111">Call Childline</a>', True),
        ('<a href="tel:+18006624357">Call SAMHSA</a>', True),
        ('<a href="tel:8006624357">Call SAMHSA</a>', True),
        ('<a href="tel:+353116123">Call Samaritans Ireland</a>', False),
        ('<a href="tel:000">call 000</a>', True),
        ('<a href="tel:741741">call the Crisis Text Line</a>', False),
        ('<a href="tel:838255">Call the Veterans Crisis Line</a>', False),
        ('<a href="sms:116123">Text Samaritans</a>', False),
        ('<a href="sms:741741">text the Crisis Text Line</a>', True),
        ('<a href="sms:988">Text 988</a>', True),
        ('<a href="sms:741741?body=STOP">Text HOME to 741741</a>', False),
        ('<a href="sms:741741?&amp;body=UNSUBSCRIBE">Text 741741</a>', False),
        ('<a href="sms:988?body=hi">Text 988</a>', False),
        ('<a href="sms:741741,5035550100?body=HOME">Text HOME to 741741</a>', False),
        ('<a href="sms:741741?&amp;body=HOME">Text HOME to 741741</a>', True),
        ('<a href="sms:741741?body=home">Text HOME to 741741</a>', True),
        ('<a href="sms:741741?body=">Text 741741</a>', True),
    ],
)
def test_a_phone_link_dials_the_line_in_its_own_form_and_way(link: str, fine: bool) -> None:
    found = [r for r, _, _ in help_link_problems(f"<p>{link}</p>", SETTINGS)]
    assert found == ([] if fine else [PHONE_LINK])


# A link that offers contact must not land on a page of the line's site that is for
# something else; words that offer help now ("talk to a counselor now") lead to a listed
# line or to the crisis page, as "suicide hotline" does.
@pytest.mark.parametrize(
    ("link", "fine"),
    [
        ('<a href="https://988lifeline.org/donate/">chat with a 988 counselor now</a>', False),
        ('<a href="https://988lifeline.org/?form=donate">Call 988</a>', False),
        ('<a href="https://shop.crisistextline.org/">Text the Crisis Text Line</a>', False),
        ('<a href="https://www.crisistextline.org/volunteer/">Text a volunteer now</a>', False),
        ('<a href="https://988lifeline.org/careers/">Talk to someone tonight</a>', False),
        ('<a href="https://988lifeline.org/chat/">chat with a 988 counselor now</a>', True),
        ('<a href="https://988lifeline.org/donate/">Donate to the 988 Lifeline</a>', True),
        ('<a href="https://988lifeline.org/media/">Contact the Lifeline media team</a>', True),
        ('<a href="https://www.crisistextline.org/volunteer/">Learn about volunteering</a>',
         True),
        ('<a href="https://www.betterhelp.com/get-started/?go=true">talk to a counselor now</a>',
         False),
        ('<a href="https://riverbend-therapy.example.org/book">talk to someone now</a>', False),
        ('<a href="https://calm.example/">Get help right now</a>', False),
        ('<a href="https://calm.example/">Chat now</a>', False),
        ('<a href="https://calm.example/">Need to talk tonight?</a>', False),
        ('<a href="../booking/">Talk to a trained counselor now</a>', False),
        ('<a href="https://riverbend-therapy.example.org/book">talk to a counselor about '
         'booking</a>', True),
        ('<a href="https://riverbend-therapy.example.org/book">Talk to a counselor</a>', True),
        ('<a href="https://example.org/">how to talk to someone now and then</a>', True),
        ('<a href="../../crisis/">talk to someone now</a>', True),
        ('<a href="https://learn.riverbend-therapy.example.org/crisis/">Get help now</a>', True),
        ('<a href="tel:988">Talk to someone now</a>', True),
        ('<a href="tel:911">Get help now</a>', True),
        ('<a href="https://988lifeline.org/chat/">Chat now</a>', True),
        ('<a href="https://findahelpline.com/">talk to someone now</a>', True),
    ],
)
def test_an_offer_of_help_now_leads_to_help(link: str, fine: bool) -> None:
    found = [r for r, _, _ in help_link_problems(f"<p>{link}</p>", SETTINGS)]
    assert found == ([] if fine else [MISLEADING_LINK])


def test_a_sidebar_link_that_offers_a_line_goes_to_it(hub: Hub) -> None:
    """Red-team pass 6: `links:` in the front matter, which Material prints in the sidebar."""
    links = [{"Call or text the 988 Lifeline": "https://hope-now.example.com/988"},
             {"The 988 Lifeline": "https://988lifeline.org/"}]
    path = hub.write_post("s.md", post_text(slug="s", links=links))
    found = [f for f in json.loads(hub.check("--format", "json").stdout)
             if f["rule"] == MISLEADING_LINK]  # fmt: skip
    assert len(found) == 1, found
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1)
                if "hope-now.example.com" in text)
    assert found[0]["line"] == line and "hope-now.example.com" in found[0]["message"]


def test_the_practice_s_own_number_may_be_linked(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "    crisis_region: US\n", "    crisis_region: US\n    phone: \"+1 503 555 0188\"\n"))
    settings = load_settings(config)
    for local in ("tel:+15035550188", "tel:555-0188", "tel:(503)%20555-0188"):
        assert list(help_link_problems(f'<a href="{local}">call us</a>', settings)) == []
    assert [r for r, _, _ in help_link_problems('<a href="tel:+15035550199">call us</a>',
                                                 settings)] == [PHONE_LINK]  # fmt: skip


def test_the_build_and_the_check_both_stop_a_decoy(hub: Hub) -> None:
    body = ("Worry is normal.\n\n<!-- more -->\n\n## Help\n\n"
            "If you need help now, [call or text 988](tel:+15035550123).\n")  # fmt: skip
    hub.write_post("decoy.md", post_text(body=body, slug="decoy"))
    line = next(n for n, text in enumerate(
        (hub.posts / "decoy.md").read_text().splitlines(), 1) if "tel:" in text)
    built = hub.build()
    assert built.returncode != 0
    assert (f"content/posts/decoy.md:{line}:1: crisis.phone-link "
            "the link 'call or text 988' calls or texts ") in built.stderr  # fmt: skip
    assert not hub.site.exists()
    checked = hub.check()
    assert checked.returncode != 0
    assert f"content/posts/decoy.md:{line}:1: error {PHONE_LINK}" in checked.stdout


def test_a_decoy_written_with_emphasis_is_found_at_its_line() -> None:
    """The link's words as a reader sees them ("Call 988") are not in the Markdown
    (`**Call** 988`): its address is, and finds the line."""
    from carepress.checks.help_links import help_link_findings

    body = "Intro.\n\nMore text.\n\n[**Call** 988](https://evil.example/988) any time.\n"
    page = '<p><a href="https://evil.example/988"><strong>Call</strong> 988</a> any time.</p>'
    found = help_link_findings(help_link_problems(page, SETTINGS), "post.md", body, 10)
    assert [(f.rule, f.line) for f in found] == [(MISLEADING_LINK, 14)]


@pytest.mark.parametrize(
    "link",
    [
        '<a href="https://example.org/help">Contact Samaritans</a>',
        '<a href="https://example.org/help">Text Shout</a>',
        '<a href="https://evil.example/" title="Text Shout">Help</a>',
        '<a href="https://evil.example/">call samaritans</a>',
        '<a href="https://evil.example/">text shout now</a>',
    ],
)
def test_a_one_word_line_of_the_practice_s_region_is_read(link: str) -> None:
    """A one-word name is a line's where it serves the practice's readers: on a UK site
    "Contact Samaritans" is the Samaritans; on a US site, Samaritans USA may be meant."""
    assert [r for r, _, _ in help_link_problems(f"<p>{link}</p>", UK)] == [MISLEADING_LINK]
    assert list(help_link_problems(f"<p>{link}</p>", SETTINGS)) == []


def test_a_page_that_is_not_a_post_is_held_to_it_by_the_check(hub: Hub) -> None:
    """Red-team pass 5: the build refused a decoy on the About page and `carepress check`
    of the hub did not look."""
    about = hub.root / "content" / "about.md"
    about.write_text(about.read_text() + "\n[Call 988](https://evil.example.com/) any time.\n")
    line = len(about.read_text().splitlines())
    checked = hub.check()
    assert checked.returncode != 0
    assert f"content/about.md:{line}:1: error {MISLEADING_LINK}" in checked.stdout


REDTEAM = REPO / "tests" / "data" / "redteam5" / "links"
# What each of the fifth outside red team's link and HTML posts is refused for (deliberately
# unsafe test data).
REDTEAM_RULES = {
    "attack-33.md": PHONE_LINK,  # "Call 988" dialling +44 988
    "attack-34.md": PHONE_LINK,  # "Text HOME to 741741" prefilled with STOP
    "attack-35.md": PHONE_LINK,  # a call to the Crisis Text Line, which only takes texts
    "attack-36.md": MISLEADING_LINK,  # "chat with a 988 counselor now" to the donate page
    "attack-37.md": MISLEADING_LINK,  # "talk to a counselor now" to an affiliate sign-up
    "attack-38.md": "html.tracking-link",  # a sidebar link through bit.ly
    "attack-39.md": "html.tracking-link",  # a mailto: that bcc's the enquiry
    "attack-40.md": "html.attribute",  # hidden text in Material's footnote-backref class
}


def test_the_fifth_red_team_s_link_posts_are_each_an_error(hub: Hub) -> None:
    for name in REDTEAM_RULES:
        hub.write_post(name, (REDTEAM / name).read_text(encoding="utf-8"))
    found = json.loads(hub.check("--format", "json").stdout)
    for name, rule in REDTEAM_RULES.items():
        errors = {f["rule"] for f in found
                  if f["path"].endswith(name) and f["severity"] == "error"}  # fmt: skip
        assert rule in errors, (name, errors)
    # and the affiliate id of attack 37, the urgent words of attack 38's sidebar link
    assert any(f["rule"] == "html.tracking-link" and f["path"].endswith("attack-37.md")
               for f in found)  # fmt: skip
    assert any(f["rule"] == MISLEADING_LINK and f["path"].endswith("attack-38.md")
               for f in found)  # fmt: skip


def test_a_long_prefilled_message_is_quoted_short() -> None:
    """A hostile link's 5,000-character message is named, not printed whole."""
    link = '<a href="sms:741741?body=' + "%25" * 5000 + '">Text HOME to 741741</a>'
    [(rule, message, _)] = help_link_problems(f"<p>{link}</p>", SETTINGS)
    assert rule == PHONE_LINK and "fills in the message '%%%" in message
    assert len(message) < 200, len(message)


def test_a_short_code_after_its_country_code_says_to_dial_it_as_it_is() -> None:
    """A UK tester's `[Call NHS 111](tel:+44111)` passed: 111 is not dialled after +44."""
    ((rule, message, _),) = help_link_problems('<a href="tel:+44111">Call NHS 111</a>', UK)
    assert rule == PHONE_LINK
    assert message == ("the link 'Call NHS 111' dials 111 after its country code (44111), "
                       "which phones cannot dial: 111 is a national short code, dialled as "
                       "it is: link it as tel:111")
    assert list(help_link_problems('<a href="tel:111">Call NHS 111</a>', UK)) == []


def test_childline_is_a_uk_helpline() -> None:
    for link in ('<a href="tel:08001111">Call Childline</a>',
                 '<a href="tel:+448001111">Call Childline on 0800 1111</a>',
                 '<a href="https://www.childline.org.uk/">Contact Childline</a>'):
        assert list(help_link_problems(f"<p>{link}</p>", UK)) == [], link
    assert [r for r, _, _ in help_link_problems(
        '<a href="https://example.org/">Call Childline</a>', UK)] == [MISLEADING_LINK]
