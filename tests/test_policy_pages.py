"""The practice's policies as pages (issue 27): a social-media policy for clients and the
crisis response protocol its staff follow. Built like the crisis page (a page naming its
template, the text a partial of the hub's overrides filled in from extra.practice), listing
the crisis lines of the practice's region as links a phone acts on, checked by the language
rules like the practice's other texts, refused by the build without their crisis lines, and
linked from the nav, the About page and the profile kit. Every test builds a real hub."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import BIN, Hub

POLICY = "overrides/partials/carepress-social-media-policy.html"
PROTOCOL = "overrides/partials/carepress-crisis-protocol.html"
LINES_INCLUDE = '{% include "partials/carepress-crisis-lines.html" %}'
PAGES = ("social-media-policy", "crisis-protocol")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _built(hub: Hub, *extra: str) -> None:
    result = hub.build(*extra)
    assert result.returncode == 0, result.stdout + result.stderr


def _article(hub: Hub, page: str) -> str:
    """The page's content (the article), without the nav, header and footer around it."""
    html = hub.page(page)
    return html[html.index('<article class="md-content__inner') : html.rindex("</article>")]


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_both_pages_are_built_in_the_nav_with_the_regions_lines_as_links(hub: Hub) -> None:
    _built(hub, "--strict")
    for page in PAGES:
        article = _article(hub, page)
        # The US lines, each way in a link a phone acts on, and the emergency number.
        for href in ("tel:988", "sms:988", "https://988lifeline.org/", "sms:741741?&amp;body=HOME",
                     "tel:911"):  # fmt: skip
            assert f'href="{href}"' in article, (page, href)
        assert 'aria-label="Call 988, 988 Suicide &amp; Crisis Lifeline"' in article
        # The practice's region only (the crisis page lists the others), and a way there.
        assert "tel:116123" not in article and 'href="../crisis/"' in article
        # The practice's name, from extra.practice.
        assert "Riverbend Therapy Collective" in article
    home = hub.site.joinpath("index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary') :]
    # In the "Our policies" section, each page under the title the nav gives it.
    section = nav[nav.index("Our policies") :]
    for address, title in (("social-media-policy/", "Social media policy"),
                           ("crisis-protocol/", "Crisis response protocol")):  # fmt: skip
        link = re.search(rf'href="{address}"[^>]*>\s*<span class="md-ellipsis">\s*{title}\s*<',
                         section)  # fmt: skip
        assert link is not None, address
    sitemap = hub.site.joinpath("sitemap.xml").read_text(encoding="utf-8")
    assert "/social-media-policy/" in sitemap and "/crisis-protocol/" in sitemap


def test_the_policy_says_what_the_issue_asks_and_the_protocol_has_its_steps(hub: Hub) -> None:
    _built(hub)
    policy = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", _article(hub, "social-media-policy")))
    for words in ("don't friend, follow or connect with current or former clients",
                  "Comments and mentions are public", "We won't confirm that anyone is a client",
                  "We may not reply to clinical questions", "We can't offer crisis support",
                  "It has no trackers", "We don't ask current or former clients for reviews",
                  "How to reach us instead"):  # fmt: skip
        assert words in policy, words
    booking = 'href="https://riverbend-therapy.example.org/book"'
    assert booking in _article(hub, "social-media-policy")
    protocol = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", _article(hub, "crisis-protocol")))
    steps = re.findall(r"Step (\d): ([^<]+?) (?=\S)", protocol)
    assert [n for n, _ in steps] == ["1", "2", "3", "4", "5", "6"]
    assert "carepress incident add" in protocol
    for clinician in ("Dana Reyes, LCSW", "Sam Okafor, PhD", "Mei Lin, LMFT"):
        assert clinician in protocol
    # The template reply points to the region's lines and emergency services.
    reply = re.search(r'class="carepress-crisis-reply">\s*<p>(.*?)</p>',
                      _article(hub, "crisis-protocol"), re.DOTALL)  # fmt: skip
    assert reply is not None
    assert "988 Suicide &amp; Crisis Lifeline: Call or text 988" in reply.group(1)
    assert "Text HOME to 741741" in reply.group(1) and reply.group(1).endswith("call 911.")


def test_the_practices_phone_and_email_appear_when_configured(hub: Hub) -> None:
    _replace(hub.root / "mkdocs.yml", "    crisis_region: US\n",
             "    crisis_region: US\n    phone: (503) 555-0142\n"
             "    email: hello@riverbend-therapy.example.org\n")  # fmt: skip
    _built(hub)
    for page in PAGES:
        article = _article(hub, page)
        assert 'href="tel:5035550142">(503) 555-0142</a>' in article, page
        assert 'href="mailto:hello@riverbend-therapy.example.org"' in article, page


def test_changing_the_crisis_region_changes_the_lines_on_both_pages(hub: Hub) -> None:
    _replace(hub.root / "mkdocs.yml", "crisis_region: US", "crisis_region: UK")
    _built(hub, "--strict")
    for page in PAGES:
        article = _article(hub, page)
        for href in ("tel:116123", "sms:85258?&amp;body=SHOUT", "tel:111", "tel:999"):
            assert f'href="{href}"' in article, (page, href)
        assert "tel:988" not in article and "741741" not in article, page
        assert "United Kingdom" in article
    reply = _article(hub, "crisis-protocol")
    assert "Samaritans: " in reply and "call 999." in reply
    profile = hub.site.joinpath("social", "profile", "index.html").read_text(encoding="utf-8")
    assert "Samaritans" in profile.split('id="crisis-reply-text"', 1)[1].split("</textarea>")[0]


def test_social_hours_are_on_the_policy_and_follow_the_config(hub: Hub) -> None:
    _built(hub)
    assert "We read messages and comments on weekdays, 9 a.m. to 5 p.m. (Los Angeles time)" \
        in _article(hub, "social-media-policy")  # fmt: skip
    assert "The accounts are read on weekdays, 9 a.m. to 5 p.m." in _article(hub, "crisis-protocol")
    config = hub.root / "mkdocs.yml"
    _replace(config, 'social_hours: {days: [mon, tue, wed, thu, fri], start: "09:00", '
             'end: "17:00", time_zone: America/Los_Angeles}',
             'social_hours: {days: [sat, sun], start: "10:00", end: "14:00", '
             "time_zone: Europe/London}")  # fmt: skip
    _built(hub)
    policy = _article(hub, "social-media-policy")
    assert "on Saturdays and Sundays, 10 a.m. to 2 p.m. (London time)" in policy
    assert "Los Angeles" not in policy
    # Without social_hours the policy says only that nobody reads around the clock.
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"\n    social_hours: \{[^}]*\}", "", text), encoding="utf-8")
    _built(hub)
    policy = _article(hub, "social-media-policy")
    assert "We don't read messages and comments around the clock" in policy
    assert "We read messages and comments on" not in policy


def test_a_rule_broken_in_an_overridden_policy_is_reported_at_its_line(hub: Hub) -> None:
    _built(hub)  # clean, and its practice findings kept for the next build
    policy, protocol = hub.root / POLICY, hub.root / PROTOCOL
    _replace(policy, "  <h2 id=\"policy-hours\">",
             "  <p>Our clinicians are not crazy about {{ policy.practice.name | e }}'s "
             "feeds either.</p>\n\n  <h2 id=\"policy-hours\">")  # fmt: skip
    _replace(protocol, "  <h2 id=\"protocol-follow-up\">",
             "  <p>Last Tuesday our client Jenna, 34, a teacher at Lincoln High,\n"
             "    wrote to us in distress.</p>\n\n  <h2 id=\"protocol-follow-up\">")  # fmt: skip
    found = json.loads(hub.check("--format", "json").stdout)
    where = {(f["rule"], f["path"], f["line"]) for f in found}
    assert ("stigma.crazy", POLICY, _line_of(policy, "not crazy about")) in where
    assert ("confidentiality.identifiable-client", PROTOCOL, _line_of(protocol, "Jenna")) in where
    # The build refuses them too, though the last build kept the practice's findings.
    built = hub.build()
    assert built.returncode == 1
    assert f"{POLICY}:{_line_of(policy, 'not crazy about')}" in built.stderr
    assert f"{PROTOCOL}:{_line_of(protocol, 'Jenna')}" in built.stderr
    assert "nothing was published" in built.stderr
    # Fixed, the pages publish again.
    _replace(policy, "not crazy about", "not keen on")
    _replace(protocol, "Last Tuesday our client Jenna, 34, a teacher at Lincoln High,\n",
             "Clients often tell us that, like anyone, they sometimes\n")  # fmt: skip
    assert hub.check().returncode == 0
    _built(hub)
    assert "not keen on Riverbend Therapy Collective's feeds" in _article(
        hub, "social-media-policy"
    )


def test_the_crisis_lines_in_the_policies_are_not_checked_as_the_practices_words(
    hub: Hub,
) -> None:
    """The lines come from CarePress's data; the practice's own text around them is what the
    rules read (a rule on '988' would otherwise flag the lines themselves)."""
    rules = hub.root / "rules.yml"
    rules.write_text(
        "pack: house\ncategory: stigma\nseverity: error\n"
        "source: https://example.org/our-style-guide\n"
        "rules:\n  - id: house.no-lifeline\n    message: \"'{match}' is written here\"\n"
        "    hint: say it otherwise\n    tokens: [Lifeline]\n",
        encoding="utf-8",
    )
    _replace(hub.root / "mkdocs.yml", "  - carepress:\n",
             "  - carepress:\n      rules: {files: [rules.yml]}\n")  # fmt: skip
    found = json.loads(hub.check("--format", "json").stdout)
    where = {(f["rule"], f["path"]) for f in found}
    # The crisis reply the protocol prints is the practice's text (it names the lines); the
    # lists of lines (carepress-crisis-lines.html) and the call/text/chat links are not.
    protocol_lines = {f["line"] for f in found if f["path"] == PROTOCOL}
    assert ("house.no-lifeline", POLICY) not in where
    assert protocol_lines == {_line_of(hub.root / PROTOCOL, "<p>{{ policy.crisis_reply")}


def test_without_its_crisis_lines_a_policy_page_stops_the_build(hub: Hub) -> None:
    _built(hub)
    before = hub.page("social-media-policy")
    _replace(hub.root / POLICY, LINES_INCLUDE, "")
    built = hub.build()
    assert built.returncode == 1
    assert ("the page at social-media-policy/ does not list the crisis lines (it should name "
            "'988 Suicide & Crisis Lifeline')") in built.stderr  # fmt: skip
    assert POLICY in built.stderr and "carepress-crisis-lines.html" in built.stderr
    assert "Traceback" not in built.stderr
    assert hub.page("social-media-policy") == before, "the last good site stays"
    # The protocol, too: a page without its template has no lines.
    shutil.copy(Path(__file__).parents[1] / POLICY, hub.root / POLICY)
    _replace(hub.root / "content" / "crisis-protocol.md", "template: crisis-protocol.html\n", "")
    built = hub.build()
    assert built.returncode == 1
    assert "the page at crisis-protocol/ does not list the crisis lines" in built.stderr
    assert "`template: crisis-protocol.html`" in built.stderr


def test_verify_holds_a_built_policy_page_to_its_lines(hub: Hub) -> None:
    _built(hub)
    page = hub.site / "crisis-protocol" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r'<section class="carepress-crisis-region".*?</section>', "", html,
                           flags=re.DOTALL), encoding="utf-8")  # fmt: skip
    (hub.site / "social-media-policy" / "index.html").unlink()
    result = hub.carepress("verify", "--format", "json")
    assert result.returncode == 1
    found = {(f["rule"], f["path"].split("site/", 1)[-1]) for f in json.loads(result.stdout)}
    assert found == {
        ("site.safeguard", "crisis-protocol/index.html"),
        ("site.page-missing", "social-media-policy/index.html"),
    }


def test_the_profile_kit_and_the_about_page_link_to_both(hub: Hub) -> None:
    _built(hub)
    about = _article(hub, "about")
    assert 'href="../social-media-policy/"' in about and 'href="../crisis-protocol/"' in about
    kit = hub.site.joinpath("social", "profile", "index.html").read_text(encoding="utf-8")
    policies = kit[kit.index('id="policies"') :]
    assert '<a href="../../social-media-policy/">Social media policy</a>' in policies
    assert '<a href="../../crisis-protocol/">Crisis response protocol</a>' in policies
    assert "https://learn.riverbend-therapy.example.org/social-media-policy/" in policies
    reply = kit.split('id="crisis-reply-text"', 1)[1].split("</textarea>")[0]
    assert "988 Suicide &amp; Crisis Lifeline" in reply and "call 911." in reply
    snippets = hub.site.joinpath("social", "snippets.json").read_text(encoding="utf-8")
    profile = json.loads(snippets)["profile"]
    assert [p["url"] for p in profile["policies"]] == [
        "https://learn.riverbend-therapy.example.org/social-media-policy/",
        "https://learn.riverbend-therapy.example.org/crisis-protocol/",
    ]
    assert hub.carepress("verify").returncode == 0


def test_a_policy_the_hub_leaves_out_is_linked_from_nowhere_it_controls(hub: Hub) -> None:
    _replace(hub.root / "content" / "crisis-protocol.md", "---\ntitle:",
             "---\ndraft: true\ntitle:")  # fmt: skip
    _built(hub)  # not --strict: the nav and About still name the draft (MkDocs warns)
    assert not (hub.site / "crisis-protocol").exists()
    assert "crisis-protocol" not in _article(hub, "social-media-policy")
    kit = hub.site.joinpath("social", "profile", "index.html").read_text(encoding="utf-8")
    assert "social-media-policy/" in kit and "crisis-protocol/" not in kit
    assert hub.carepress("verify").returncode == 0


def test_a_policy_partial_that_cannot_be_rendered_is_a_clear_error(hub: Hub) -> None:
    _replace(hub.root / POLICY, "{% if policy.hours %}", "{% if policy.hours %")
    checked = hub.check()
    assert checked.returncode == 2
    assert f"{POLICY} (the text of the page at social-media-policy/) cannot be rendered" in (
        checked.stderr + checked.stdout
    )
    built = hub.build()
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert f"{POLICY} (the text of the page at social-media-policy/)" in built.stderr


def test_zensical_builds_both_pages_with_their_lines(hub: Hub) -> None:
    pytest.importorskip("zensical", reason="Zensical is not installable here")
    _replace(hub.root / "mkdocs.yml", "crisis_region: US", "crisis_region: AU")
    built = hub.run(str(BIN / "zensical"), "build", timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    for page in PAGES:
        html = hub.page(page)
        assert 'href="tel:131114"' in html and 'href="tel:000"' in html, page
        assert "tel:988" not in html.split('class="carepress-footer', 1)[0], page
    published = hub.carepress("publish")
    assert published.returncode == 0, published.stdout + published.stderr
    assert "safe to publish" in published.stdout
