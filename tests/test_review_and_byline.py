"""Who wrote a post and who reviewed it: a post for clients or the community without a
clinical review is a finding (a warning by default, an error where the practice says so),
and every post page names its authors, date and reviewer with credentials, on every width
(the phone: tests/browser/test_phone_layout.py)."""

from __future__ import annotations

import json

from conftest import Hub, post_text


def _rules(hub: Hub) -> dict[str, str]:
    found = json.loads(hub.check("--format", "json").stdout)
    return {f["rule"]: f["severity"] for f in found}


def test_an_unreviewed_post_for_clients_is_a_warning_and_can_be_an_error(hub: Hub) -> None:
    hub.write_post("unreviewed.md", post_text(reviewed=None))
    assert _rules(hub) == {"frontmatter.unreviewed": "warning"}
    build = hub.build("--strict")
    assert build.returncode != 0 and "has not been clinically reviewed" in build.stderr
    config = hub.root / "mkdocs.yml"
    stricter = "\n  - carepress:\n      rules: {severity: {frontmatter.unreviewed: error}}\n"
    config.write_text(config.read_text().replace("\n  - carepress:\n", stricter))
    assert _rules(hub) == {"frontmatter.unreviewed": "error"}


def test_posts_for_clinicians_and_drafts_need_no_review(hub: Hub) -> None:
    hub.write_post("for-clinicians.md", post_text(reviewed=None, audience=["clinicians"]))
    hub.write_post("draft.md", post_text(reviewed=None, draft=True, title="A draft"))
    assert "frontmatter.unreviewed" not in _rules(hub)


def test_the_page_names_author_date_and_reviewer(sample_hub: Hub) -> None:
    page = sample_hub.page("blog/how-to-ask-about-suicide")
    byline = page.split('data-carepress="byline"', 1)[1].split("</p>", 1)[0]
    assert "By Sam Okafor, PhD" in byline
    assert "Clinically reviewed by Dana Reyes, LCSW on" in byline
    assert '<time datetime="2026-03-31">March 31, 2026</time>' in byline
    # Before the warning banner and the text.
    assert page.index('data-carepress="byline"') < page.index('data-carepress="content-warning"')
