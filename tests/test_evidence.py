"""Evidence: sources in front matter, inline citations, the rendered Sources list, uncited
claims, and the optional online link check (against a local server only)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from carepress.inline_citations import superscript
from conftest import Hub, post_text

NIMH = {
    "id": "nimh",
    "title": "Depression",
    "publisher": "NIMH",
    "year": 2024,
    "url": "https://www.nimh.nih.gov/health/topics/depression",
}
WHO = {
    "id": "who",
    "title": "Depressive disorder (depression)",
    "publisher": "WHO",
    "url": "https://www.who.int/news-room/fact-sheets/detail/depression",
}
PAPER = {
    "id": "paper",
    "title": 'Therapy & care: a "trial" < 2 years',
    "doi": "https://doi.org/10.1000/XYZ-12",
}

CITED = (
    "Depression is common and treatable [@nimh].\n\n<!-- more -->\n\n## What helps\n\n"
    "About 5% of adults live with depression [@who; @3]. Therapy helps many people [@1].\n\n"
    "Write `[@not-a-citation]` in code to show the syntax.\n"
)


def _findings(hub: Hub) -> list[dict]:
    result = hub.check("--format", "json")
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def test_citations_render_as_links_to_a_sources_list_from_front_matter(hub: Hub) -> None:
    hub.write_post("dep.md", post_text(body=CITED, slug="dep", sources=[NIMH, WHO, PAPER]))
    assert _findings(hub) == []
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    html = hub.page("blog/dep")
    cites = re.findall(r'<sup class="carepress-cite">\[(.*?)\]</sup>', html)
    assert cites == [
        '<a href="#source-1">1</a>',
        '<a href="#source-2">2</a>, <a href="#source-3">3</a>',
        '<a href="#source-1">1</a>',
    ]
    assert "<code>[@not-a-citation]</code>" in html
    items = re.findall(r'<li id="source-(\d)">(.*?)</li>', html)
    assert [n for n, _ in items] == ["1", "2", "3"]
    assert "<cite>Depression</cite>. NIMH. 2024." in items[0][1]
    assert 'href="https://www.nimh.nih.gov/health/topics/depression"' in items[0][1]
    assert "<cite>Therapy &amp; care: a &quot;trial&quot; &lt; 2 years</cite>" in items[2][1]
    assert (
        'href="https://doi.org/10.1000/XYZ-12"' in items[2][1]
        and "doi:10.1000/XYZ-12" in items[2][1]
    )
    # The excerpt on the blog index links its citation to the post's Sources list.
    index = hub.site.joinpath("blog/index.html").read_text(encoding="utf-8")
    assert 'href="dep/#source-1"' in index
    assert 'data-carepress="sources"' not in index


EDGES = (
    "Worry can feel endless [@nimh; @who]. Some walk to cope [@who](see page 2), and\n"
    "some do not [@paper].\n\n<!-- more -->\n\n## Why it happens [@nimh]\n\n"
    "> A quote [@1].\n\n- An item [@2]\n- Another ![@3] and text] [@1] here.\n\n"
    "| Column | Source |\n|---|---|\n| Cell | [@2] |\n\n"
    '!!! note "A note"\n    Inside an admonition [@3].\n\nIn code: `[@1]`.\n'
)


def test_every_citation_is_raised_once_wherever_it_stands(hub: Hub) -> None:
    """Citations are Markdown links raised into <sup> in the HTML; next to brackets or an
    opening parenthesis, where Markdown could read them as part of a link, they are written
    as raw HTML instead. Either way: one <sup> each, nothing left unrendered."""
    hub.write_post("edges.md", post_text(body=EDGES, slug="edges", sources=[NIMH, WHO, PAPER]))
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    article = hub.page("blog/edges").split('data-carepress="sources"')[0]
    cites = re.findall(r'<sup class="carepress-cite">\[(.*?)\]</sup>', article)
    assert len(cites) == 10, cites
    assert '<sup class="carepress-cite"><sup' not in article
    assert "[@" not in article.replace("<code>[@1]</code>", "")
    assert "</sup>(see page 2)" in article and "!<sup" in article
    # The excerpt on the blog index: its three citations raised, linked to the post's Sources.
    index = hub.site.joinpath("blog/index.html").read_text(encoding="utf-8")
    assert index.count('<sup class="carepress-cite">[<a href="edges/#source-') == 3


def test_superscript_raises_rendered_citations_only_once() -> None:
    html = '<p>A [<a href="#source-1">1</a>, <a href="../p/#source-2">2</a>] [b] [1]</p>'
    raised = superscript(html)
    assert raised == (
        '<p>A <sup class="carepress-cite">[<a href="#source-1">1</a>, '
        '<a href="../p/#source-2">2</a>]</sup> [b] [1]</p>'
    )
    assert superscript(raised) == raised


def test_a_key_of_digits_names_the_source_with_that_id_before_a_place() -> None:
    """A new blind writer's posts gave the 988 Lifeline the id "988": `[@988]` was read as
    the 988th source and refused as unresolved."""
    from carepress.inline_citations import resolve
    from carepress.model import Source

    sources = [Source(id="nimh", title="NIMH", url="https://www.nimh.nih.gov/"),
               Source(id="988", title="988 Lifeline", url="https://988lifeline.org/")]
    assert [resolve(key, sources) for key in ("988", "nimh", "1", "2", "3")] == [2, 1, 1, 2, None]


def test_unresolved_citation_fails_check_and_build_with_the_line(hub: Hub) -> None:
    path = hub.write_post(
        "dep.md",
        post_text(body=CITED.replace("[@1]", "[@nimhh]"), slug="dep", sources=[NIMH, WHO, PAPER]),
    )
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "[@nimhh]" in t)
    [finding] = [f for f in _findings(hub) if f["rule"] == "citation.unresolved"]
    assert finding["line"] == line
    assert finding["message"] == "[@nimhh] does not match any source (ids: nimh, who, paper)"
    assert finding["hint"] == "did you mean 'nimh'?"
    result = hub.build()
    assert result.returncode == 1
    column = finding["column"]
    assert (
        f"content/posts/dep.md:{line}:{column}: citation.unresolved [@nimhh] does not match"
        in result.stderr
    )


def test_uncited_source_is_a_warning(hub: Hub) -> None:
    hub.write_post(
        "dep.md",
        post_text(
            body=CITED,
            slug="dep",
            sources=[
                NIMH,
                WHO,
                PAPER,
                {"id": "extra", "title": "Extra", "url": "https://www.nhs.uk/mental-health/"},
            ],
        ),
    )
    findings = _findings(hub)
    assert [(f["rule"], f["severity"]) for f in findings] == [("citation.unused-source", "warning")]
    assert "source 'extra' is never cited" in findings[0]["message"]


@pytest.mark.parametrize(
    ("source", "rule", "severity"),
    [
        ({"title": "T", "url": "http://www.nhs.uk/"}, "citation.insecure-url", "warning"),
        ({"title": "T", "url": "www.nhs.uk/conditions"}, "frontmatter.invalid-value", "error"),
        ({"title": "T", "url": "javascript:alert(1)"}, "frontmatter.html", "error"),
        ({"title": "T", "doi": "11.2/abc"}, "frontmatter.invalid-value", "error"),
        ({"title": "", "url": "https://www.nhs.uk/"}, "frontmatter.invalid-value", "error"),
        (
            {"title": "T", "url": "https://www.facebook.com/some.page/posts/1"},
            "citation.weak-domain",
            "warning",
        ),
        (dict(NIMH, id="who"), "citation.duplicate-id", "error"),
        (dict(WHO, id="again"), "citation.duplicate-source", "warning"),
    ],
)
def test_source_problems(hub: Hub, source: dict, rule: str, severity: str) -> None:
    body = CITED.replace("[@1]", "[@1][@4]")
    hub.write_post("dep.md", post_text(body=body, slug="dep", sources=[NIMH, WHO, PAPER, source]))
    findings = [f for f in _findings(hub) if f["rule"] == rule]
    assert findings, _findings(hub)
    assert findings[0]["severity"] == severity
    assert findings[0]["message"].startswith("sources")


def test_minimum_sources_per_type_and_configured_domains(hub: Hub) -> None:
    hub.write_post(
        "none.md",
        post_text(
            slug="none",
            sources=None,
            body="Worry is normal.\n\n<!-- more -->\n\nBe kind to yourself.\n",
        ),
    )
    hub.write_post(
        "res.md",
        post_text(
            slug="res", title="Resources for worry", sources=None, type="resource",
            body="A list.\n\n<!-- more -->\n\nMore.\n",
        ),
    )
    findings = _findings(hub)
    rules = {(f["path"], f["rule"]) for f in findings}
    assert ("content/posts/none.md", "citation.too-few-sources") in rules
    assert "sources: an article needs at least 1 source" in {f["message"] for f in findings}
    assert not any(path.endswith("res.md") for path, _ in rules)

    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - carepress:\n",
            (
                "  - carepress:\n      source_domains: {deny: [who.int], warn: []}\n"
                "      source_max_age_years: 1\n"
            ),
        )
    )
    hub.write_post("dep.md", post_text(body=CITED, slug="dep", sources=[NIMH, WHO, PAPER]))
    found = {f["rule"]: f for f in _findings(hub) if f["path"].endswith("dep.md")}
    assert found["citation.denied-domain"]["severity"] == "error"
    assert found["citation.old-source"]["severity"] == "warning"


UNCITED = "Depression is common.\n\n<!-- more -->\n\n## Facts\n\nStudies show that therapy helps.\n"


def test_uncited_claim_severity_follows_the_audience(hub: Hub) -> None:
    hub.write_post("c.md", post_text(body=UNCITED, slug="c", audience=["clients"]))
    hub.write_post("p.md", post_text(body=UNCITED, slug="p", audience=["clinicians"]))
    by_path = {f["path"]: f for f in _findings(hub) if f["category"] == "citation"}
    assert by_path["content/posts/c.md"]["severity"] == "error"
    assert by_path["content/posts/c.md"]["rule"] == "citation.uncited-research"
    assert by_path["content/posts/p.md"]["severity"] == "warning"
    assert "Studies show that therapy helps." in by_path["content/posts/c.md"]["message"]


# --- the online link check, against a server on 127.0.0.1 only -----------------------------


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def _answer(self) -> None:
        type(self).hits.append(self.path)
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/no-head":
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.hits = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_links_check_against_a_local_server(hub: Hub, local_server: str) -> None:
    names = ["ok", "missing", "moved", "slow", "no-head"]
    sources = [{"id": n, "title": n, "url": f"{local_server}/{n}"} for n in names]
    body = "Intro.\n\n<!-- more -->\n\n" + " ".join(f"Point [@{n}]." for n in names) + "\n"
    hub.write_post("links.md", post_text(body=body, slug="links", sources=sources))
    cache = hub.root / "links-cache.json"
    args = ("--links", "--links-timeout", "0.5", "--links-cache", str(cache), "--format", "json")

    first = hub.check(*args)
    assert first.returncode == 1  # the 404 is an error
    found = {
        f["message"].split(":")[0]: f
        for f in json.loads(first.stdout)
        if f["rule"].startswith("citation.link")
    }
    assert found["sources[2].url"]["rule"] == "citation.link-broken"
    assert found["sources[3].url"]["rule"] == "citation.link-redirect"
    assert found["sources[3].url"]["message"].endswith(f"redirects to {local_server}/ok")
    assert found["sources[4].url"]["rule"] == "citation.link-unreachable"
    assert "sources[1].url" not in found and "sources[5].url" not in found

    hits = len(_Handler.hits)
    second = hub.check(*args)
    assert json.loads(second.stdout) == json.loads(first.stdout)
    # Only the slow link (not cached: a timeout may pass) is asked for again.
    assert _Handler.hits[hits:] == ["/slow"]
    assert json.loads(cache.read_text()).keys() == {
        f"{local_server}/{n}" for n in ("ok", "missing", "moved", "no-head")
    }


def test_links_are_not_checked_without_the_flag(hub: Hub, local_server: str) -> None:
    source = {"id": "gone", "title": "Gone", "url": f"{local_server}/missing"}
    hub.write_post(
        "l.md", post_text(body="A [@gone].\n\n<!-- more -->\n\nB.\n", slug="l", sources=[source])
    )
    assert hub.check().returncode == 0  # an http:// source is only a warning
    assert hub.build().returncode == 0
    assert _Handler.hits == []


def test_the_practices_severities_reach_the_online_link_check(
    hub: Hub, local_server: str
) -> None:
    """`rules: severity/disable` hold for every rule `carepress rules` lists, the link
    check's too (they were accepted for it, and ignored)."""
    config = hub.root / "mkdocs.yml"
    rules = '{severity: {citation.link-broken: warning}, disable: [citation.link-redirect]}'
    plugin = "\n  - carepress:\n"
    config.write_text(config.read_text().replace(plugin, f"{plugin}      rules: {rules}\n"))
    names = ["missing", "moved"]
    sources = [{"id": n, "title": n, "url": f"{local_server}/{n}"} for n in names]
    body = "Intro.\n\n<!-- more -->\n\n" + " ".join(f"Point [@{n}]." for n in names) + "\n"
    hub.write_post("links.md", post_text(body=body, slug="links", sources=sources))
    result = hub.check("--links", "--links-timeout", "2", "--format", "json")
    links = {f["rule"]: f["severity"] for f in json.loads(result.stdout)
             if f["rule"].startswith("citation.link")}  # fmt: skip
    assert links == {"citation.link-broken": "warning"}
    assert result.returncode == 0
