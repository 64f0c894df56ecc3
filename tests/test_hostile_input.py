"""Every reproducer of the outside security review, as a table: each hostile post body,
front-matter value, authors file or page is refused with its finding (file, line, rule) by
`carepress check` and stopped by `mkdocs build`, which leaves site/ as it was; or it
builds, and what it builds is safe (tests/browser/test_hostile_pages.py loads those in
Chromium). Never a traceback, never a hang."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from carepress.cli import main
from conftest import Hub, build_in_process, post_text

INTRO = "Worry is a normal part of life.\n\n<!-- more -->\n\n"
REMOTE = "https://tracker.example/pixel.png"


@dataclass(frozen=True)
class Body:
    """A post whose body holds `payload` (its first line containing `at` is the line the
    finding must name)."""

    name: str
    payload: str
    rule: str
    at: str = ""


BODIES = [
    # Script through links: plain, reference-style, with entity and tab tricks.
    Body("js-link", "Try [this page](javascript:alert(1)) now.", "html.unsafe-url"),
    Body("js-reference", "See [the page][x].\n\n[x]: javascript:alert(1)", "html.unsafe-url",
         at="[x]: javascript"),
    Body("js-entity", "Try [this page](&#106;avascript:alert(1)) now.", "html.unsafe-url"),
    Body("js-tab-entity", "Try [this page](java&#x09;script:alert(1)) now.", "html.unsafe-url"),
    Body("data-html-link", "Try [this](data:text/html;base64,PHNjcmlwdD4=).", "html.unsafe-url"),
    # Raw HTML that runs script.
    Body("script", "<script>alert(1)</script>", "html.element"),
    Body("svg-onload", "<svg/onload=alert(1)>", "html.element"),
    Body("details-ontoggle", "<details open ontoggle=alert(1)><summary>More</summary>Text"
         "</details>", "html.attribute"),
    Body("img-onerror-alt", '<img alt=">" src=x onerror=alert(1)>', "html.attribute"),
    Body("textarea-comment", "<textarea><!--</textarea><img src=x onerror=alert(1)>-->",
         "html.element"),
    Body("svg-a", '<svg><a href="javascript:alert(1)"><text y="20">x</text></a></svg>',
         "html.element"),
    Body("svg-animate", '<svg><animate attributeName="href" values="javascript:alert(1)"/>'
         "</svg>", "html.element"),
    Body("md-in-html", '<div markdown="1">[x](javascript:alert(1))</div>', "html.unsafe-url"),
    Body("iframe", '<iframe src="https://frame.example/"></iframe>', "html.element"),
    Body("form", '<form action="https://evil.example/"><input name="q"></form>',
         "html.element"),
    Body("style-attribute", '<div style="display:none">Hidden.</div>', "html.attribute"),
    Body("hidden-attribute", "<p hidden>Hidden.</p>", "html.attribute"),
    Body("theme-id", '<div id="__config">{"base": "https://evil.example"}</div>',
         "html.attribute"),
    # Attribute lists (attr_list): any attribute on any element.
    Body("attr-list-onclick", '[a link](https://example.org){onclick="alert(1)"}',
         "html.attribute"),
    Body("attr-list-paragraph", 'A paragraph.\n{: onmouseover="alert(1)" }', "html.attribute"),
    Body("attr-list-img-href", '![A lake](../assets/authors/mei-lin.svg)'
         '{href="javascript:alert(1)"}', "html.attribute"),
    Body("attr-list-img-onerror", '![A lake](lake.png){ onerror="alert(1)" }',
         "html.attribute"),
    Body("attr-list-style", 'Hidden text.\n{: style="display:none" }', "html.attribute"),
    # Raw HTML the old checker thought was code or a comment; Markdown does not.
    Body("hidden-by-a-lone-backtick", "A lone ` backtick.\n\n<img src=x onerror=alert(1)>\n\n"
         "Another ` one.", "html.attribute", at="<img"),
    Body("after-a-comment", "<!-- a note -->\n<img src=x onerror=alert(1)>", "html.attribute"),
    Body("lazy-indented", "A paragraph\n    <img src=x onerror=alert(1)>", "html.attribute"),
    # Trackers: anything the browser fetches from another host on opening the page.
    Body("remote-image", f"![A pixel]({REMOTE})", "html.remote-media"),
    Body("scheme-relative-image", "![A pixel](//tracker.example/p.png)", "html.remote-media"),
    Body("remote-img-tag", f'<img src="{REMOTE}" alt="A pixel">', "html.remote-media"),
    Body("remote-srcset", f'<img src="lake.png" srcset="{REMOTE} 2x" alt="A lake">',
         "html.attribute"),
    Body("remote-poster", f'<video src="clip.mp4" poster="{REMOTE}"></video>',
         "html.remote-media"),
    Body("svg-use", '<svg><use href="https://tracker.example/s.svg#a"></use></svg>',
         "html.element"),
    Body("ping", '<a href="https://example.org/" ping="https://tracker.example/">x</a>',
         "html.attribute"),
    # Hangs: Markdown itself slows down badly on these (the check and the build stop them).
    # Empty links opened without end: Python-Markdown's link pattern retries from each one
    # (6,000 bare "[" were as slow until Markdown 3.11.4; these still are).
    Body("many-brackets", "[](" * 8000, "html.too-complex"),
    Body("many-open-tags", "<a " * 60_000, "html.too-complex"),
    Body("nested-lists", "1. " * 3000, "html.too-complex"),
    Body("many-fence-lines", "```\n" * 40_000, "html.too-complex"),
    # 1,000 elements left open: the HTML parser's work grows with the square of the depth.
    Body("thousand-unclosed-divs", "<div>" * 1000 + "\n\nText inside them all.",
         "html.too-complex"),
]  # fmt: skip


@dataclass(frozen=True)
class Front:
    """A post with hostile front matter: `lines` replace or join the valid post's."""

    name: str
    lines: dict[str, str]  # key -> its new YAML line(s) ("" removes the key)
    rule: str
    at: str = ""  # the line the finding names starts with this (default: the first new line)


LONG_NUMBER = "9" * 5000
FRONTS = [
    Front("key-is-a-number", {"1": "1: x"}, "frontmatter.key-not-text"),
    Front("key-is-a-boolean", {"true": "true: x"}, "frontmatter.key-not-text"),
    Front("timestamp-tag", {"subtitle": "subtitle: !!timestamp x"}, "frontmatter.invalid-date"),
    Front("huge-number", {"readtime": f"readtime: {LONG_NUMBER}"}, "frontmatter.invalid-number"),
    Front("tag-too-long", {"tags": f"tags: [{'a' * 256}]"}, "frontmatter.too-long"),
    Front("nul-in-description", {"description": 'description: "Worry\\0 and calm."'},
          "frontmatter.control-character"),
    Front("line-separator-in-tag", {"tags": 'tags: ["anxiety\\u2028"]'},
          "frontmatter.control-character"),
    Front("cdata-end-in-tag", {"tags": 'tags: ["anxiety]]>"]'}, "frontmatter.invalid-value"),
    Front("links-tab-script", {"links": 'links: ["java\\tscript:alert(1)"]'},
          "frontmatter.links"),
    Front("links-javascript", {"links": "links:\n  - Rest: javascript:alert(1)"},
          "frontmatter.links", at="  - Rest"),
    Front("links-a-draft", {"links": "links: [posts/upcoming.md]"}, "frontmatter.links"),
    Front("links-a-future-post", {"links": "links: [posts/scheduled.md]"}, "frontmatter.links"),
    Front("links-a-draft-page", {"links": "links: [drafts/notes.md]"}, "frontmatter.links"),
    Front("icon-path", {"icon": "icon: ../../../etc/passwd"}, "frontmatter.invalid-value"),
    Front("status-attribute", {"status": "status: 'x\" onmouseover=\"alert(1)'"},
          "frontmatter.invalid-value"),
    Front("slug-profile", {"slug": "slug: profile"}, "frontmatter.duplicate-address"),
    Front("slug-calendar", {"slug": "slug: calendar"}, "frontmatter.duplicate-address"),
    Front("title-punctuation", {"title": 'title: "!!!"', "slug": ""}, "frontmatter.empty-slug"),
    Front("title-dots", {"title": 'title: ".."', "slug": ""}, "frontmatter.empty-slug"),
    Front("title-emoji", {"title": 'title: "🌧️🌧️"', "slug": ""}, "frontmatter.empty-slug"),
]  # fmt: skip


def _front_post(case: Front) -> str:
    lines = post_text(slug=case.name).splitlines()
    close = lines.index("---", 1)
    out: list[str] = []
    dropping = False
    for line in lines[1:close]:
        if line.startswith(("-", " ")):  # an item of the key above
            if not dropping:
                out.append(line)
            continue
        dropping = line.split(":", 1)[0] in case.lines  # replaced below
        if not dropping:
            out.append(line)
    out += [line for line in case.lines.values() if line]
    return "\n".join(["---", *out, *lines[close:]]) + "\n"


def _companions(hub: Hub) -> None:
    """The posts and pages the `links:` cases name: a draft, a future post, a draft page."""
    hub.write_post("upcoming.md", post_text(title="Upcoming", slug="upcoming", draft=True))
    hub.write_post("scheduled.md", post_text(title="Scheduled", slug="sched", date="2099-01-01"))
    draft_page = hub.root / "content" / "drafts" / "notes.md"
    draft_page.parent.mkdir()
    draft_page.write_text("---\ntitle: Notes\ndraft: true\n---\n\nNot yet.\n", "utf-8")


def _line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def _checked(hub: Hub, capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list]:
    status = main(["--config", str(hub.root / "mkdocs.yml"), "check", "--format", "json",
                   *map(str, paths)])  # fmt: skip
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return status, json.loads(out.out) if out.out.strip() else []


def _site_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_the_table_holds_every_reproducer() -> None:
    assert len(BODIES) >= 37 and len(FRONTS) >= 19
    assert len({c.name for c in [*BODIES, *FRONTS]}) == len(BODIES) + len(FRONTS)


@pytest.mark.parametrize("case", BODIES, ids=lambda c: c.name)
def test_a_hostile_body_is_refused_at_its_line(
    hub: Hub, case: Body, capsys: pytest.CaptureFixture[str]
) -> None:
    text = post_text(body=INTRO + case.payload + "\n", slug=case.name)
    path = hub.write_post(f"{case.name}.md", text)
    status, findings = _checked(hub, capsys, path)
    assert status == 1
    line = _line_of(text, case.at or case.payload.splitlines()[0][:30])
    ours = [f for f in findings if f["rule"] == case.rule]
    assert ours, findings
    assert ours[0]["path"] == f"content/posts/{case.name}.md"
    assert ours[0]["category"] == "html" and ours[0]["severity"] == "error"
    if case.rule != "html.too-complex":  # that one names the longest paragraph: the payload
        assert ours[0]["line"] == line, (ours[0], line)
    else:
        assert ours[0]["line"] >= _line_of(text, "<!-- more -->")


def test_a_heading_that_makes_a_safeguard_s_id_says_how_to_keep_it(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    """A writer's heading "Source 1" makes id="source-1", which the Sources list owns: the
    finding says it is the heading, and how to keep the words."""
    body = INTRO + "## Source 1\n\nWhere the numbers come from.\n"
    path = hub.write_post("heading.md", post_text(body=body, slug="heading"))
    status, findings = _checked(hub, capsys, path)
    assert status == 1
    ours = [f for f in findings if f["rule"] == "html.attribute"]
    assert ours and ours[0]["line"] == _line_of(post_text(body=body, slug="heading"), "## Source")
    assert "a heading's words make its id" in ours[0]["message"]
    assert "{#another-id}" in ours[0]["hint"]
    hub.write_post("heading.md", post_text(body=body.replace("Source 1", "Source 1 {#first}"),
                                           slug="heading"))  # fmt: skip
    status, findings = _checked(hub, capsys, path)
    assert not [f for f in findings if f["severity"] == "error"], findings


@pytest.mark.parametrize("case", FRONTS, ids=lambda c: c.name)
def test_hostile_front_matter_is_refused_at_its_line(
    hub: Hub, case: Front, capsys: pytest.CaptureFixture[str]
) -> None:
    _companions(hub)
    text = _front_post(case)
    path = hub.write_post(f"{case.name}.md", text)
    status, findings = _checked(hub, capsys)  # the whole hub: addresses are hub-wide
    assert status == 1
    ours = [f for f in findings if f["rule"] == case.rule and case.name in f["path"]]
    assert ours, findings
    assert ours[0]["path"] == f"content/posts/{path.name}"
    first_line = case.at or next(iter(case.lines.values())).splitlines()[0]
    assert ours[0]["line"] == _line_of(text, first_line), ours[0]
    assert not [f for f in findings if "upcoming" in f["path"] and f["severity"] == "error"]


STOPPING = ["js-link", "details-ontoggle", "remote-image", "many-brackets", "nested-lists",
            "key-is-a-number", "tag-too-long", "slug-profile", "slug-calendar"]  # fmt: skip


@pytest.mark.parametrize(
    "case", [c for c in [*BODIES, *FRONTS] if c.name in STOPPING], ids=lambda c: c.name
)
def test_the_build_stops_on_it_and_leaves_the_site_as_it_was(hub: Hub, case: object) -> None:
    hub.write_post("fine.md", post_text(title="A fine post"))
    first = build_in_process(hub.root)
    assert first.ok, first.log
    before = _site_digest(hub.site)
    if isinstance(case, Body):
        hub.write_post("hostile.md", post_text(body=INTRO + case.payload + "\n", slug="x"))
    else:
        assert isinstance(case, Front)
        hub.write_post("hostile.md", _front_post(case))
    built = build_in_process(hub.root)
    assert not built.ok
    assert "hostile.md" in built.log, built.log
    assert "Traceback" not in built.log
    assert _site_digest(hub.site) == before, "a failed build leaves site/ exactly as it was"
    assert not list(hub.root.glob(".carepress-*")), "nor anything beside it"


@dataclass(frozen=True)
class Hub_:
    """A change to the hub itself, refused by the check (exit status) and the build."""

    name: str
    change: Callable[[Hub], None]
    check_status: int  # 1: a finding; 2: a configuration problem (the authors file)
    expect: str  # in the check's output; the part before its first ":" in the build's log
    rule: str = ""  # in the check's output too


def _authors(field_line: str) -> Callable[[Hub], None]:
    def change(hub: Hub) -> None:
        path = hub.root / "content" / ".authors.yml"
        text = path.read_text("utf-8")
        old = "    name: Dana Reyes, LCSW"
        key = field_line.split(":", 1)[0].strip()
        if key == "name":
            text = text.replace(old, f"    {field_line}")
        else:
            text = text.replace(old, f"{old}\n    {field_line}", 1)
            if key == "avatar":
                text = text.replace("    avatar: assets/authors/dana-reyes.svg\n", "", 1)
        path.write_text(text, "utf-8")

    return change


def _page(relative: str, text: str) -> Callable[[Hub], None]:
    def change(hub: Hub) -> None:
        path = hub.root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")

    return change


HUBS = [
    Hub_("author-name-script", _authors('name: "\\"><script>alert(1)</script>"'), 2,
         ".authors.yml:4: authors > dana-reyes > name: must be plain text"),
    Hub_("author-avatar-script", _authors('avatar: "javascript:alert(1)"'), 2,
         "authors > dana-reyes > avatar: 'javascript:alert(1)'"),
    Hub_("author-avatar-tracker", _authors(f"avatar: {REMOTE}"), 2,
         "is on another site; every reader's browser would load it"),
    Hub_("author-url-script", _authors('url: "javascript:alert(1)"'), 2,
         "authors > dana-reyes > url: 'javascript:alert(1)'"),
    Hub_("crisis-page-replaced", _page("crisis/index.md", "# Crisis\n\nCall someone.\n"), 1,
         "content/crisis/index.md:1:1: error frontmatter.duplicate-address this page is "
         "published at crisis/, the address of content/crisis.md"),
    Hub_("page-with-script", _page("about.md", "# About\n\n<img src=x onerror=alert(1)>\n"), 1,
         "content/about.md:3:1: error html.attribute"),
]  # fmt: skip


@pytest.mark.parametrize("case", HUBS, ids=lambda c: c.name)
def test_a_hostile_hub_file_is_refused(hub: Hub, case: Hub_) -> None:
    hub.write_post("fine.md", post_text(title="A fine post"))
    case.change(hub)
    check = hub.check()
    assert check.returncode == case.check_status, check.stdout + check.stderr
    assert case.expect in check.stdout + check.stderr
    assert case.rule in check.stdout
    assert "Traceback" not in check.stderr
    built = build_in_process(hub.root)
    assert not built.ok, built.log
    assert "Traceback" not in built.log
    if case.check_status == 1:  # a finding: the build names the file too
        assert case.expect.split(":")[0] in built.log


def test_a_draft_page_is_left_out_of_every_output(hub: Hub) -> None:
    """`draft: true` on a page that is not a post: MkDocs would publish it (and put it in the
    search index and the sitemap); CarePress makes it a draft of MkDocs' own."""
    canary = "CANARY-7f3c the draft page's own words"
    _page("drafts/upcoming.md", f"---\ntitle: Upcoming\ndraft: true\n---\n\n{canary}\n")(hub)
    hub.write_post("fine.md", post_text(title="A fine post"))
    built = build_in_process(hub.root)
    assert built.ok, built.log
    assert "content/drafts/upcoming.md: a draft (draft: true), left out of the site" in built.log
    leaks = [p for p in hub.site.rglob("*") if p.is_file() and canary.encode() in p.read_bytes()]
    assert leaks == []
    assert not (hub.site / "drafts").exists()


def test_a_page_with_a_wrong_draft_value_is_refused(hub: Hub) -> None:
    _page("notes.md", "---\ntitle: Notes\ndraft: 'maybe'\n---\n\nNotes.\n")(hub)
    built = build_in_process(hub.root)
    assert not built.ok
    assert (
        "content/notes.md:3:1: frontmatter.wrong-type "
        "draft: expected true or false, got 'maybe'" in built.log
    )
    # YAML 1.1's yes is true to MkDocs and text to CarePress: refused as ambiguous.
    _page("notes.md", "---\ntitle: Notes\ndraft: yes\n---\n\nNotes.\n")(hub)
    built = build_in_process(hub.root)
    assert not built.ok
    assert (
        "content/notes.md:3:1: frontmatter.ambiguous-boolean "
        "yes is read as true by MkDocs and Material" in built.log
    )


# What builds, and must build safe: odd but harmless, or made harmless by escaping.
SAFE_BODIES = {
    "unclosed-divs": "<div>" * 20 + "\n\nText inside them all.",
    "inline-code-html": "Shown as code: `<img src=x onerror=alert(1)>`.",
    "fenced-html": "```html\n<script>alert(1)</script>\n```",
    "indented-html": "Code:\n\n    <svg onload=alert(1)>",
    "own-site-image": "![The logo](../assets/authors/mei-lin.svg)",
    "escaped-html": "Type &lt;script&gt; to see &amp; learn.",
    "table-alignment": "| a | b |\n|:-:|--:|\n| 1 | 2 |",
    # With pymdownx.superfences (this hub's), a fence inside raw HTML is still code.
    "fence-in-a-div": "<div>\n```\n<img src=x onerror=alert(1)>\n```\n</div>",
}


@pytest.mark.parametrize("name", SAFE_BODIES)
def test_odd_bodies_build_and_nothing_unsafe_reaches_the_page(
    hub: Hub, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hub.write_post(f"{name}.md", post_text(body=INTRO + SAFE_BODIES[name], slug=name))
    _, findings = _checked(hub, capsys, path)
    assert not [f for f in findings if f["severity"] == "error"], findings
    built = build_in_process(hub.root)
    assert built.ok, built.log
    assert_safe_article(hub.page(f"blog/{name}"))


_EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
_SCRIPT_URL = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|data:text/html)""", re.I)  # noqa: E501
_REMOTE_LOAD = re.compile(r"""\s(?:src|poster|srcset)\s*=\s*["']?(?:https?:)?//(?!learn\.riverbend)""", re.I)  # noqa: E501


def assert_safe_article(page_html: str) -> None:
    start = page_html.index('<article class="md-content__inner')
    article = page_html[start : page_html.rindex("</article>")]
    assert not _EVENT_HANDLER.search(article), _EVENT_HANDLER.search(article)
    assert not _SCRIPT_URL.search(article)
    assert not _REMOTE_LOAD.search(article)
    assert "<script" not in article.lower()
    assert page_html.count('data-carepress="disclaimer"') == 1


def test_front_matter_text_is_escaped_wherever_it_lands(hub: Hub) -> None:
    """Quotes and brackets that are not markup: link titles and author names Material prints
    as they are, escaped once at their source."""
    _authors('name: Dana "D" Reyes & co, LCSW')(hub)
    title = 'Rest" onmouseover="alert(1)" x="'
    text = post_text(slug="links")
    text = text.replace("tags:", f"links:\n  - '{title}': https://example.org/rest\ntags:", 1)
    hub.write_post("links.md", text)
    built = build_in_process(hub.root)
    assert built.ok, built.log
    page = hub.page("blog/links")
    assert 'Rest&#34; onmouseover=&#34;alert(1)&#34; x=&#34;' in page or (
        "Rest&quot; onmouseover=&quot;alert(1)&quot; x=&quot;" in page
    )
    assert 'onmouseover="alert(1)"' not in page
    assert "Dana &quot;D&quot; Reyes &amp; co, LCSW" in page
    assert_safe_article(page)


def test_an_html_finding_cannot_be_suppressed(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build judges the rendered HTML and reads no comments: a suppression would only
    make the check disagree with it."""
    body = INTRO + "<!-- carepress-disable-next-line html.attribute -->\n" + (
        '<p onclick="alert(1)">x</p>\n'
    )
    path = hub.write_post("suppressed.md", post_text(body=body, slug="suppressed"))
    status, findings = _checked(hub, capsys, path)
    assert status == 1
    rules = {f["rule"] for f in findings}
    assert {"html.attribute", "suppression.not-allowed"} <= rules, findings


# What a second, blind review got past the first round of fixes, each now refused (or built
# safe): pages that are not posts, files that are not pages, the theme's own classes.
def _front(relative: str, front: str, body: str = "# A page\n\nText.\n") -> Callable[[Hub], None]:
    return _page(relative, f"---\n{front}\n---\n\n{body}")


def _file(relative: str, data: str) -> Callable[[Hub], None]:
    return _page(relative, data)


def _sqlite(relative: str) -> Callable[[Hub], None]:
    def write(hub: Hub) -> None:
        path = hub.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path)
        with db:
            db.execute("CREATE TABLE incidents (id INTEGER PRIMARY KEY, what TEXT)")
        db.close()

    return write


def _link_outside(hub: Hub) -> None:
    (hub.root / "content" / "assets" / "leak.txt").symlink_to("/etc/hostname")


def _link_to_a_device(hub: Hub) -> None:
    (hub.posts / "zero.md").symlink_to("/dev/zero")


def _theme_script(hub: Hub) -> None:
    import material

    shipped = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    bundle = next(shipped.glob("bundle.*.min.js")).name
    _file(f"assets/javascripts/{bundle}", 'alert("runs on every page")')(hub)


SECOND_REVIEW = [
    Hub_("page-status-markup", _front("about.md", 'title: About\nstatus: \'new"></span>'
         '<meta http-equiv="refresh" content="0;url=https://evil.example/"><span class="\''), 1,
         "content/about.md:3:1: error frontmatter.html"),
    Hub_("page-subtitle-markup", _front("about.md", "title: About\nsubtitle: '<img src=//evil"
         ".example/s.png onerror=alert(2)>'"), 1, "content/about.md:3:1: error frontmatter.html"),
    Hub_("page-title-markup", _front("about.md", "title: 'About <img src=x onerror=alert(3)>'"),
         1, "content/about.md:2:1: error frontmatter.html"),
    Hub_("page-partial-template", _front("notes.md", "title: Notes\ntemplate: "
         "partials/content.html"), 1, "content/notes.md:3:1: error frontmatter.invalid-value"),
    Hub_("page-icon-template", _front("notes.md", "title: Notes\ntemplate: "
         ".icons/material/heart.svg"), 1, "content/notes.md:3:1: error frontmatter.invalid-value"),
    Hub_("page-unknown-template", _front("notes.md", "title: Notes\ntemplate: nope.html"), 1,
         "content/notes.md:3:1: error frontmatter.unknown-value template: the theme has no"),
    Hub_("page-unknown-icon", _front("notes.md", "title: Notes\nicon: material/does-not-exist"),
         1, "content/notes.md:3:1: error frontmatter.unknown-value icon: the theme has no"),
    Hub_("page-tags-markup", _front("notes.md", "title: Notes\ntags: ['<meta http-equiv="
         '"refresh" content="0;url=https://evil.example/">\']'), 1,
         "content/notes.md:3:1: error frontmatter.html"),
    Hub_("page-multimarkdown-meta", _page("about.md", "Title: About\nSubtitle: <img src="
         '"https://evil.example/mmd.png" alt="">\n\n# About\n\nText.\n'), 1,
         "content/about.md:1:1: error frontmatter.multimarkdown"),
    Hub_("page-multimarkdown-draft", _page("drafts/leak.md", "Title: DRAFTLEAK\nDraft: true\n"
         "\nNot yet.\n"), 1, "content/drafts/leak.md:1:1: error frontmatter.multimarkdown"),
    Hub_("raw-html-file", _file("evil.html", "<script>alert('inline')</script>"), 1,
         "content/evil.html:1:1: error html.static-file a raw HTML page"),
    Hub_("svg-with-script", _file("assets/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg" '
         'onload="alert(1)"><script>alert(2)</script><image href="https://evil.example/i.png"/>'
         "</svg>"), 1, "content/assets/evil.svg:1:1: error html.static-file this SVG picture"),
    # The third red team's: a paint that loads another site's picture.
    Hub_("svg-paint-from-another-site", _file("assets/paint.svg", '<svg xmlns="http://www.w3'
         '.org/2000/svg"><rect width="9" height="9" fill="url(https://evil.example/p.svg#g)"/>'
         "</svg>"), 1, "content/assets/paint.svg:1:1: error html.static-file this SVG picture "
         "loads something from its fill"),
    # A new-user tester's: the practice's private records copied where the site is built
    # from, under any name.
    Hub_("sqlite-in-docs-dir", _sqlite("content/assets/records.bin"), 1,
         "content/assets/records.bin:1:1: error html.static-file this is a SQLite database"),
    Hub_("sqlite-in-custom-dir", _sqlite("overrides/assets/incidents.sqlite3"), 1,
         "overrides/assets/incidents.sqlite3:1:1: error html.static-file this is a SQLite"),
    Hub_("incident-export-in-docs-dir", _file("assets/inc.json", '[\n  {\n    "id": 1,\n    '
         '"when": "2026-12-01T10:00",\n    "platform": "instagram",\n    "kind": "harassment",'
         '\n    "what": "..."\n  }\n]\n'), 1, "content/assets/inc.json:1:1: error "
         "html.static-file this is an export of the incident log"),
    Hub_("theme-script-replaced", _theme_script, 1, "replaces the theme's own assets/"),
    Hub_("link-outside-the-hub", _link_outside, 1,
         "content/assets/leak.txt:1:1: error html.static-file this links to"),
    Hub_("post-linked-to-a-device", _link_to_a_device, 1, "content/posts/zero.md:1:1: error"),
    Hub_("post-slug-on", lambda hub: hub.write_post("on.md", post_text(slug="x").replace(
         "slug: x", "slug: on")), 1, "content/posts/on.md:", "frontmatter.ambiguous-boolean"),
    Hub_("post-bidi-override", lambda hub: hub.write_post("bidi.md", post_text(
         title="Rest \u202e note")), 1, "content/posts/bidi.md:", "frontmatter.control-character"),
    Hub_("post-many-tags", lambda hub: hub.write_post("tags.md", post_text(
         tags=[f"tag{i}" for i in range(1000)])), 1, "content/posts/tags.md:",
         "frontmatter.too-many"),
    Hub_("post-theme-class", lambda hub: hub.write_post("overlay.md", post_text(
         body=INTRO + '<div class="md-consent__inner" markdown="1">\n\nA calm note.\n\n'
         "</div>\n")), 1, "content/posts/overlay.md:", 'html.attribute the class '
         '"md-consent__inner" on <div>'),
    Hub_("author-url-scheme-relative", _authors("url: '//evil.example/profile'"), 2,
         "write the address in full, with https://"),
]  # fmt: skip


@pytest.mark.parametrize("case", SECOND_REVIEW, ids=lambda c: c.name)
def test_what_the_second_review_found_is_refused(hub: Hub, case: Hub_) -> None:
    test_a_hostile_hub_file_is_refused(hub, case)


def test_a_title_from_a_heading_stays_text(hub: Hub) -> None:
    """A page without `title:` takes its first heading's text, which MkDocs unescapes: the
    navigation of every page would print `&lt;img ...&gt;` as an element."""
    _page("notes.md", "# Notes &lt;img src=x onerror=alert(1)&gt;\n\nText.\n")(hub)
    hub.write_post("fine.md", post_text(title="A fine post"))
    assert hub.check().returncode == 0
    built = build_in_process(hub.root)
    assert built.ok, built.log
    for page in hub.site.rglob("*.html"):
        assert "<img src=x onerror" not in page.read_text("utf-8"), page


def test_a_title_from_a_heading_reads_as_written(hub: Hub) -> None:
    """`# Tips & tricks` is the page's title as a reader sees it: once escaped, not twice
    (the tab read "Tips &amp; tricks")."""
    _page("tips.md", "# Tips & tricks for *busy* weeks\n\nText.\n")(hub)
    built = build_in_process(hub.root)
    assert built.ok, built.log
    page = lxml.html.fromstring((hub.site / "tips" / "index.html").read_bytes())
    assert page.findtext(".//title").startswith("Tips & tricks for busy weeks - ")
    assert page.xpath("string(//meta[@property='og:title']/@content)") == (
        "Tips & tricks for busy weeks")


def test_a_title_with_an_attribute_list_styles_nothing_on_the_index(hub: Hub) -> None:
    """Material renders each excerpt's heading from the title as Markdown, where `{ .x }` is
    an attribute list: the excerpt goes through the allowlist, which drops theme classes."""
    hub.write_post("overlay.md", post_text(title="A Short Note on Rest { .md-consent__overlay }",
                                           slug="overlay"))  # fmt: skip
    built = build_in_process(hub.root)
    assert built.ok, built.log
    assert "md-consent__overlay" not in (hub.site / "blog" / "index.html").read_text("utf-8")


def test_a_tag_many_posts_share_stays_cheap(hub: Hub) -> None:
    """Tags name feeds (feedgen's work grows with the square of a post's tags): at most 20."""
    hub.write_post("tags.md", post_text(tags=[f"tag{i}" for i in range(20)], slug="tags"))
    built = build_in_process(hub.root)
    assert built.ok, built.log
    assert len(list((hub.site / "feeds" / "tags").iterdir())) == 20
