"""Table-driven: every kind of broken post gives one specific finding (file, line, field),
through both `carepress check` and `mkdocs build`, and never a traceback."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from carepress.cli import main
from conftest import Hub, make_hub, post_text

BASE = [
    "---",
    'title: "Coping with worry"',
    'description: "Practical ways to ease everyday worry."',
    "date: 2026-03-14",
    "authors: [dana-reyes]",
    "categories: [Anxiety]",
    "tags: [anxiety]",
    "audience: [clients]",
    "content_warnings: []",
    "sources:",
    "  - id: nimh-anxiety",
    '    title: "Anxiety Disorders"',
    "    url: https://www.nimh.nih.gov/health/topics/anxiety-disorders",
    "---",
    "",
    "Worry is a normal part of life.",
    "",
    "<!-- more -->",
    "",
    "## What helps",
    "",
    "Naming the worry and breathing slowly can help [@nimh-anxiety].",
    "",
]


def edited(changes: dict[int, str | None], extra: list[str] | None = None) -> str:
    """BASE with 1-based lines replaced (None deletes) and lines inserted before the closing ---."""
    lines = list(BASE)
    for number, text in sorted(changes.items(), reverse=True):
        if text is None:
            del lines[number - 1]
        else:
            lines[number - 1] = text
    if extra:
        close = lines.index("---", 1)
        lines[close:close] = extra
    return "\n".join(lines)


ALIAS_BOMB = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'] + [
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)
]


@dataclass(frozen=True)
class Case:
    name: str
    content: str | bytes
    line: int
    expect: str  # substring of the finding's message


BIG = edited({}) + ("Calm breathing helps. " * 60 + "\n\n") * 4000  # ~5 MB

CASES = [
    Case("yaml-unclosed-quote", edited({2: 'title: "Coping with worry'}), 2, "never closed"),
    Case("yaml-tab-indent", edited({8: "audience:\n\t- clients"}), 9, "not valid YAML"),
    Case("yaml-colon-in-value", edited({2: "title: Worry: what helps"}), 2, "not valid YAML"),
    Case("title-wrong-type", edited({2: "title: 42"}), 2, "title: expected text, got 42"),
    Case(
        "audience-wrong-type",
        edited({8: "audience: {who: clients}"}),
        8,
        "audience: expected a list",
    ),
    Case("draft-yes", edited({}, ["draft: yes"]), 14, "yes is read as true by MkDocs"),
    Case(
        "audience-unknown",
        edited({8: "audience: [client]"}),
        8,
        "audience[1]: 'client' is not one of clients, clinicians, community",
    ),
    Case(
        "cw-unknown",
        edited({9: "content_warnings: [suicde]"}),
        9,
        "content_warnings: 'suicde' is not one of",
    ),
    Case("title-missing", edited({2: None}), 1, "title: this required field is missing"),
    Case("description-missing", edited({3: None}), 1, "description: this required field"),
    Case("date-not-a-date", edited({4: "date: March 3rd"}), 4, "date: 'March 3rd' is not a date"),
    Case(
        "date-in-quotes",
        edited({4: 'date: "2026-03-03"'}),
        4,
        "date: '2026-03-03' is in quotes, so it is read as text, not a date; remove the quotes",
    ),
    Case(
        "date-impossible-day",
        edited({4: "date: 2026-02-30"}),
        4,
        "date: '2026-02-30' is not a real date",
    ),
    Case("date-impossible-month", edited({4: "date: 2026-13-01"}), 4, "is not a real date"),
    # A red-team pass: an update date past 2106 stamped the gzipped sitemap with it (a
    # traceback from gzip), and a review dated 9999 overflowed reckoning its next year.
    Case(
        "date-updated-in-the-future",
        edited({4: "date:\n  created: 2026-03-14\n  updated: 2107-01-01"}),
        6,
        "date.updated: is in the future",
    ),
    Case("date-year-9999", edited({4: "date: 9999-12-31"}), 4, "the year is after 2999"),
    Case(
        "date-updated-before-created",
        edited({4: "date:\n  created: 2026-03-14\n  updated: 2026-03-01"}),
        6,
        "date.updated: is before date.created",
    ),
    Case("expires-before-date", edited({}, ["expires: 2026-03-01"]), 14, "expires: is not after"),
    Case(
        "review-in-the-future",
        edited({}, ["reviewed: {by: mei-lin, on: 2099-01-01}"]),
        14,
        "reviewed.on: a review cannot be dated in the future",
    ),
    Case(
        "bom-and-unknown-key",
        b"\xef\xbb\xbf" + edited({}, ["audiance: [clients]"]).encode(),
        14,
        "unknown key 'audiance'",
    ),
    Case(
        "crlf-and-bad-audience",
        edited({8: "audience: [clinician]"}).replace("\n", "\r\n"),
        8,
        "'clinician' is not one of",
    ),
    Case(
        "non-utf8-bytes",
        edited({22: "Caf\udce9 and calm."}).encode("utf-8", "surrogateescape"),
        22,
        "not valid UTF-8",
    ),
    Case("utf16-file", edited({}).encode("utf-16"), 1, "saved as UTF-16"),
    Case("empty-file", "", 1, "the file is empty"),
    Case("front-matter-only", "\n".join(BASE[:14]) + "\n", 15, "no text after the front matter"),
    Case("huge-body", BIG, 1, "posts are limited to"),
    Case(
        "script-in-title",
        edited({2: 'title: "<script>alert(1)</script> Worry"'}),
        2,
        "title: HTML or script is not allowed",
    ),
    Case(
        "markup-in-description",
        edited({3: "description: '\"><img src=x onerror=alert(1)>'"}),
        3,
        "description: HTML or script is not allowed",
    ),
    Case(
        "unknown-key-typo",
        edited({}, ["content_warning: [suicide]"]),
        14,
        "unknown key 'content_warning'",
    ),
    Case(
        "author-unknown",
        edited({5: "authors: [dana-reye]"}),
        5,
        "authors: 'dana-reye' is not in the authors file",
    ),
    Case(
        "category-unknown",
        edited({6: "categories: [Anxeity]"}),
        6,
        "categories: 'Anxeity' is not one of",
    ),
    Case("duplicate-key", edited({}, ['title: "Again"']), 14, "title: appears twice"),
    Case(
        "source-without-url",
        edited({13: "    publisher: NIMH"}),
        11,
        "sources[1]: a source needs a url or a doi",
    ),
    Case("no-front-matter", "Just some text.\n\nMore text.\n", 1, "has no front matter"),
    Case("unclosed-front-matter", "\n".join(BASE[:13]) + "\n\nBody.\n", 1, "never closed"),
    Case(
        "testimonial-without-consent",
        edited({}, ["type: testimonial"]),
        14,
        "needs a consent reference",
    ),
    Case(
        "testimonial-consent-not-a-record",
        edited({}, ["type: testimonial", "consent: n/a"]),
        15,
        "names no consent record",
    ),
    Case(
        "vignette-consent-a-sentence",
        edited({}, ["type: case-vignette", 'consent: "verbal - she said it was fine"']),
        15,
        "names no consent record",
    ),
    Case("slug-invalid", edited({}, ["slug: What Is This"]), 14, "is not a valid slug"),
    Case(
        "future-not-draft",
        edited({4: "date: 2099-01-01"}, ["draft: false"]),
        14,
        "draft: false would publish a post dated in the future",
    ),
    Case(
        "front-matter-is-a-list",
        "---\n- title\n- date\n---\n\nBody.\n",
        2,
        "must be a list of 'key: value' lines",
    ),
    Case("nul-byte", edited({22: "Calm\x00 breathing."}), 22, "NUL byte"),
    Case("template-key", edited({}, ["template: plain.html"]), 14, "unknown key 'template'"),
    Case("audience-empty", edited({8: "audience: []"}), 8, "audience: must have at least 1 item"),
    Case(
        "no-excerpt-separator",
        edited({18: "Still the introduction."}),
        15,
        "has no '<!-- more -->' line",
    ),
    Case("title-multiline", edited({2: 'title: "Two\\nlines"'}), 2, "must be a single line"),
    # YAML aliases: one that contains itself (no check could walk it), and "a billion laughs"
    # (ten lists of ten aliases: 10^9 items once expanded; the check hung on it).
    Case("alias-loop", edited({7: "tags: &t [anxiety, *t]"}), 7, "with a YAML alias (*name)"),
    Case("alias-bomb", edited({}, ALIAS_BOMB), 15, "with a YAML alias (*name) (in 'l1')"),
    # 40 levels: CarePress's own limit; 2,000: libyaml's (PyYAML 6.0.4+), or CarePress's.
    Case("nested-deep", edited({7: "tags: " + "[" * 40 + "]" * 40}), 7, "levels deep"),
    Case("nested-too-deep", edited({7: "tags: " + "[" * 2000 + "]" * 2000}), 7, "levels deep"),
]


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


def _write(hub: Hub, case: Case) -> Path:
    return hub.write_post(f"{case.name}.md", case.content)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_check_reports_specific_finding(hub: Hub, case: Case, capsys) -> None:
    path = _write(hub, case)
    status = main(
        ["--config", str(hub.root / "mkdocs.yml"), "check", str(path), "--format", "json"]
    )
    out = capsys.readouterr()
    findings = json.loads(out.out)
    assert status == 1, out
    assert "Traceback" not in out.err
    matching = [f for f in findings if case.expect in f["message"]]
    assert matching, f"no finding containing {case.expect!r} in {findings}"
    finding = matching[0]
    assert finding["path"] == f"content/posts/{case.name}.md"
    assert finding["line"] == case.line, finding
    assert finding["severity"] == "error"
    assert finding["category"] in ("frontmatter", "consent")
    assert set(finding) == {
        "source",
        "path",
        "line",
        "column",
        "rule",
        "category",
        "severity",
        "message",
        "hint",
    }


@pytest.fixture(scope="module")
def broken_hub(tmp_path_factory: pytest.TempPathFactory) -> Hub:
    hub = make_hub(tmp_path_factory.mktemp("broken") / "hub")
    for case in CASES:
        # One title each: two published posts with one title share an address, an error
        # of its own (test_two_posts_at_one_address_stop_the_build).
        unique = f'title: "Coping with worry ({case.name})"'
        content = case.content
        if isinstance(content, str):
            content = content.replace(BASE[1], unique, 1)
        else:  # odd encodings: the title line is ASCII in all of them
            content = content.replace(BASE[1].encode(), unique.encode(), 1)
        hub.write_post(f"{case.name}.md", content)
    return hub


def test_build_fails_with_every_finding_and_no_traceback(broken_hub: Hub) -> None:
    result = broken_hub.build()
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    for case in CASES:
        assert f"content/posts/{case.name}.md:{case.line}:" in log, case.name
        assert case.expect in log, case.name
    assert "nothing was published" in log
    assert not list(broken_hub.site.rglob("*.html")), "a failed build must publish nothing"


def test_cli_over_the_whole_folder_matches_the_build(broken_hub: Hub) -> None:
    result = broken_hub.check("--format", "text")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for case in CASES:
        assert f"content/posts/{case.name}.md:{case.line}:" in result.stdout, case.name
    # One error each (the warnings are the missing clinical reviews of the base post).
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"Checked {len(CASES)} posts. {len(CASES)} errors")
    assert summary.endswith(f"in {len(CASES)} files.")


def test_every_page_the_blog_takes_for_a_post_is_checked(hub: Hub) -> None:
    """Material's blog takes any page whose path starts with its post folder ("posts") for a
    post: content/posts-archive/ is published as a post, so it is checked as one."""
    text = "\n".join(BASE).replace("audience: [clients]", "audience: [everyone]")
    archived = hub.root / "content" / "posts-archive" / "old.md"
    archived.parent.mkdir()
    archived.write_text(text, encoding="utf-8")
    result = hub.build()
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert (
        "content/posts-archive/old.md:8:1: frontmatter.unknown-value "
        "audience[1]: 'everyone' is not one of" in log
    )
    assert not list(hub.site.rglob("*.html"))
    # MkDocs tells pages by suffix, case and all: NOTES.MD is a static file, not a post.
    (archived.parent / "NOTES.MD").write_text("not a page", encoding="utf-8")
    result = hub.check()  # the whole hub, as the build sees it
    assert result.returncode == 1
    assert "content/posts-archive/old.md:8:" in result.stdout
    assert "Checked 1 post." in result.stdout


@pytest.mark.parametrize("workers", ["0", "1"], ids=["in-process", "check-workers"])
def test_two_posts_at_one_address_stop_the_build(hub: Hub, workers: str) -> None:
    """Two published posts with one title get one address: MkDocs would write the second
    page over the first without a word. With check workers too, whose findings replace the
    build's own: the finding across posts must survive that."""
    hub.write_post("b-worry.md", post_text(title="Coping with worry"))
    # The newer post is the one to change (most likely the one just written or copied),
    # though its file name comes first.
    hub.write_post("a-copy.md", post_text(title="Coping with worry", date="2026-04-01"))
    # A draft with the same title is not published: it collides with nothing.
    hub.write_post("c-draft.md", post_text(title="Coping with worry", draft=True))
    result = hub.build(env={"CAREPRESS_WORKERS": workers})
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    assert (
        "content/posts/a-copy.md:2:1: frontmatter.duplicate-address field 'title': "
        "content/posts/b-worry.md is published at "
        "the same address (blog/coping-with-worry/)" in log
    )
    assert "give one of the two posts its own `slug:`" in log
    assert "b-worry.md:2" not in log and "c-draft.md" not in log
    assert "nothing was published" in log
    assert not list(hub.site.rglob("*.html"))
    assert not list(hub.root.glob(".carepress-*"))


def test_two_posts_with_one_slug_are_reported_by_the_cli(hub: Hub) -> None:
    hub.write_post("one.md", post_text(title="Coping with worry", slug="worry"))
    second = post_text(title="Sleep and mood", slug="worry")
    hub.write_post("two.md", second)
    slug_line = 1 + second.splitlines().index("slug: worry")
    result = hub.check()
    assert result.returncode == 1
    assert (
        f"content/posts/two.md:{slug_line}:1: error frontmatter.duplicate-address "
        "field 'slug': content/posts/one.md is published at the same address"
    ) in result.stdout
    assert "Checked 2 posts." in result.stdout
    hub.write_post("two.md", post_text(title="Sleep and mood", slug="sleep-and-mood"))
    assert hub.check().returncode == 0


def test_page_addresses_list_every_page_but_posts_and_hidden_folders(hub: Hub) -> None:
    """The pages a post may not land on: every Markdown page of docs_dir in path order,
    nested ones too, and none of the posts, nor what sits in a hidden folder."""
    from carepress.checks.collisions import page_addresses
    from carepress.settings import load_settings

    docs = hub.root / "content"
    for relative in ("guides/sleep.md", "guides-extra/index.md", "guides/a/b.md",
                     ".drafts/secret.md", "guides/.notes.md", "guides/picture.png"):  # fmt: skip
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_text("# A page\n", encoding="utf-8")
    hub.write_post("a-post.md", post_text("Worry is normal.\n"))
    found = page_addresses(load_settings(hub.root / "mkdocs.yml"))
    paths = [path.relative_to(docs).as_posix() for group in found.values() for path in group]
    assert "guides/sleep.md" in paths and "guides-extra/index.md" in paths
    assert paths.index("guides/a/b.md") < paths.index("guides/sleep.md")
    assert paths.index("guides/sleep.md") < paths.index("guides-extra/index.md")
    assert not [p for p in paths if p.startswith(("posts/", ".drafts/")) or "/." in p]
    assert not [p for p in paths if not p.endswith(".md")]
    assert found["guides/sleep/"] == [docs / "guides/sleep.md"]
