"""`carepress new` writes a complete, commented post that passes the checks and builds."""

from __future__ import annotations

import datetime as dt
import json
import re

from conftest import Hub


def test_new_post_passes_check_and_builds(hub: Hub) -> None:
    result = hub.carepress(
        "new",
        "Coping with Holiday Stress: A Guide",
        "--audience",
        "clients",
        "--audience",
        "community",
        "--cw",
        "substance-use",
    )
    assert result.returncode == 0, result.stderr
    path = hub.posts / "coping-with-holiday-stress-a-guide.md"
    text = path.read_text(encoding="utf-8")
    assert f"date: {dt.date.today().isoformat()}" in text
    assert 'title: "Coping with Holiday Stress: A Guide"' in text
    assert "audience: [clients, community]" in text
    assert "content_warnings: [substance-use]" in text
    assert "draft: true" in text
    assert text.count("\n# ") >= 5, "the template explains its fields"

    check = hub.check()
    assert check.returncode == 0, check.stdout
    assert hub.build("--strict").returncode == 0

    # Once the writer removes the draft line, every check applies: the post needs a source.
    text = text.replace("draft: true\n", "")
    path.write_text(text, encoding="utf-8")
    ready = hub.check()
    assert ready.returncode == 1
    assert "citation.too-few-sources" in ready.stdout
    source = (
        "sources:\n  - id: nimh-stress\n    title: I'm So Stressed Out! Fact Sheet\n"
        "    url: https://www.nimh.nih.gov/health/publications/so-stressed-out-fact-sheet\n"
    )
    text = text.replace("sources: []\n", source).replace(
        "Write the body of the post here.", "Write the body of the post here [@nimh-stress]."
    )
    # The review (the template leaves it commented out until a colleague has reviewed it).
    text = text.replace("# reviewed:", "reviewed: {by: mei-lin, on: 2026-01-05}  #", 1)
    path.write_text(text, encoding="utf-8")
    # The template's placeholders are errors now, each at its line.
    placeholders = json.loads(hub.check("--format", "json").stdout)
    lines = text.splitlines()
    expected = [
        next(i for i, t in enumerate(lines, 1) if t.startswith("description:")),
        next(i for i, t in enumerate(lines, 1) if t.startswith("Write a short, gentle")),
        next(i for i, t in enumerate(lines, 1) if t.startswith("Write the body")),
        next(i for i, t in enumerate(lines, 1) if t.startswith("Say where readers")),
    ]
    assert [(f["rule"], f["severity"], f["line"]) for f in placeholders] == [
        ("frontmatter.placeholder", "error", line) for line in expected
    ]
    written = {
        "Write a short, gentle introduction here: what the post covers and who it is for.\n"
        "This part is shown on the blog's front page, before any content warning, so keep "
        "it mild.": "The holidays bring joy, and for many people stress too.",
        "Write the body of the post here. Keep sentences short and plain. Back every statistic\n"
        "or research finding with a source from the list above.": "Stress is the body's "
        "response to demands [@nimh-stress].",
        "Say where readers can get help, and remind them that a post is not a substitute for\n"
        "care from their own clinician.": "Your own clinician can help you plan.",
    }
    for placeholder, own in written.items():
        assert placeholder in text.replace("here [@nimh-stress].", "here.")
        text = text.replace(placeholder.replace("here.", "here [@nimh-stress]."), own)
        text = text.replace(placeholder, own)
    text = re.sub(r'description: ".*"', 'description: "Small steps for a calmer season."', text)
    path.write_text(text, encoding="utf-8")
    assert hub.check().returncode == 0, hub.check().stdout
    built = hub.build("--strict")
    assert built.returncode == 0, built.stderr
    assert (hub.site / "blog" / "coping-with-holiday-stress-a-guide" / "index.html").is_file()


def test_new_refuses_to_overwrite_and_bad_values(hub: Hub) -> None:
    assert hub.carepress("new", "Same title").returncode == 0
    again = hub.carepress("new", "Same title")
    assert again.returncode == 2
    assert "already exists" in again.stderr

    bad = hub.carepress("new", "Other", "--audience", "client")
    assert bad.returncode == 2
    assert "did you mean 'clients'" in bad.stderr

    html = hub.carepress("new", "<b>Bold</b> title")
    assert html.returncode == 2
    assert "plain text" in html.stderr


def test_unicode_title_gets_an_ascii_slug(hub: Hub) -> None:
    result = hub.carepress("new", "Ängste & Sorgen — über Ruhe")
    assert result.returncode == 0, result.stderr
    assert (hub.posts / "angste-sorgen-uber-ruhe.md").is_file()
    assert hub.check().returncode == 0


def test_the_address_comment_is_where_the_build_puts_the_post(hub: Hub) -> None:
    """The template's comment gives the address the blog's own options make (a new-user
    tester found it always said .../blog/<slug>/)."""
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('post_url_format: "{slug}"', 'post_url_format: "{date}/{slug}"'))
    assert hub.carepress("new", "Rest and the holidays").returncode == 0
    text = (hub.posts / "rest-and-the-holidays.md").read_text(encoding="utf-8")
    day = dt.date.today().strftime("%Y/%m/%d")
    assert f"# Used in the web address: .../blog/{day}/rest-and-the-holidays/\n" in text
