"""Drafts and future-dated posts appear nowhere in a build: no page, sitemap, search entry."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import Hub, post_text

DRAFT_CANARY = "canaryDraftQx7"
FUTURE_CANARY = "canaryFutureZk9"


def _all_output_text(site: Path) -> dict[Path, str]:
    texts = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        texts[path] = data.decode("utf-8", errors="replace")
    return texts


def _canary_post(canary: str, **overrides: object) -> str:
    return post_text(
        body=f"{canary} intro.\n\n<!-- more -->\n\n## {canary} heading\n\n{canary} body text.\n",
        title=f"Post {canary}",
        description=f"About {canary}.",
        tags=[canary.lower()],
        slug=canary.lower(),
        **overrides,
    )


def test_canaries_in_drafts_and_future_posts_reach_no_output(hub: Hub) -> None:
    hub.write_post("published.md", post_text(slug="published"))
    hub.write_post("draft.md", _canary_post(DRAFT_CANARY, draft=True))
    hub.write_post("future.md", _canary_post(FUTURE_CANARY, date="2099-06-01"))
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr

    outputs = _all_output_text(hub.site)
    assert (hub.site / "blog" / "published" / "index.html").is_file()
    assert any(p.name == "sitemap.xml" for p in outputs)
    assert any(p.name == "search_index.json" for p in outputs)
    for path, text in outputs.items():
        lowered = text.lower()
        for canary in (DRAFT_CANARY, FUTURE_CANARY):
            assert canary.lower() not in lowered, f"{canary} leaked into {path}"
    assert "/blog/published/" in outputs[hub.site / "sitemap.xml"]


def test_an_unfinished_draft_does_not_block_publishing(hub: Hub) -> None:
    """Content problems in a draft are reported as info; they block it only once it is ready."""
    body = "Intro.\n\n<!-- more -->\n\nStudies show it helps [@missing].\n"
    hub.write_post("wip.md", post_text(body=body, slug="wip", draft=True))
    hub.write_post("published.md", post_text(slug="published"))
    check = hub.check("--format", "json")
    assert check.returncode == 0
    assert {f["severity"] for f in json.loads(check.stdout)} == {"info"}
    build = hub.build("--strict")
    assert build.returncode == 0, build.stderr
    assert (hub.site / "blog" / "published" / "index.html").is_file()
    hub.write_post("wip.md", post_text(body=body, slug="wip"))
    assert hub.check().returncode == 1


SECRET = "Zebracanary unannounced plan"  # the drafts' titles, which the blog makes slugs of
LINKS = {
    "inline": "See [the next post](secret.md).",
    "reference": "See [the next post][next].\n\n[next]: secret.md",
    "reference in a list": "- See [the next post][next].\n\n    [next]: secret.md",
    "attributes": 'See [the next post](secret.md){: title="soon" }.',
    "anchor": "See [its first part](later.md#part-one).",
    # Red-team pass 3: a picture's address is resolved like a link's.
    "picture": "![Next week](secret.md)",
    # Raw HTML is not resolved by MkDocs, and would publish the draft's file name.
    "raw HTML": 'See <a href="secret.md">the next post</a>.',
    # Its address, written whole, from the site's root, or relative to the linking post.
    "full address": "See [the next post]("
    "https://learn.riverbend-therapy.example.org/blog/zebracanary-unannounced-plan/).",
    "address from the root": "See [the next post](/blog/zebracanary-unannounced-plan/).",
    "relative address": 'See <a href="../zebracanary-unannounced-plan/">the next post</a>.',
}


def test_a_link_to_a_draft_or_future_post_stops_the_build(hub: Hub) -> None:
    """MkDocs turns a link to a post the blog leaves out into the address it would have had,
    made from its title, and only logs it: the page, its excerpt and every feed would carry
    the unpublished post's slug. Every way of writing the link stops the build."""
    hub.write_post("secret.md", post_text(title=SECRET, draft=True, slug=None))
    hub.write_post("later.md", post_text(title=SECRET + " two", date="2099-06-01", slug=None))
    hub.write_post("fine.md", post_text(title="A published neighbour", slug="fine"))
    for name, link in LINKS.items():
        body = f"Worry is normal.\n\n<!-- more -->\n\n## More\n\n{link}\n"
        hub.write_post("linking.md", post_text(body=body, slug="linking"))
        result = hub.build()
        assert result.returncode != 0, name
        target = "later.md" if name == "anchor" else "secret.md"
        why = "in the future" if name == "anchor" else "a draft"
        written = "unannounced-plan/" if "address" in name else target
        line = next(n for n, text in enumerate(
            (hub.posts / "linking.md").read_text().splitlines(), 1) if written in text)
        assert f"content/posts/linking.md:{line}:1: a link to content/posts/{target}" in (
            result.stderr), (name, result.stderr)
        assert why in result.stderr
        assert not hub.site.exists()  # nothing was published
        if name not in ("attributes", "picture"):  # `carepress check` reads the Markdown
            one_post = name in ("inline", "full address", "relative address")
            checked = hub.check(*(["content/posts/linking.md"] if one_post else []))
            assert checked.returncode != 0
            assert (f"content/posts/linking.md:{line}:1: error site.unpublished a link to "
                    f"content/posts/{target}") in checked.stdout, (name, checked.stdout)
    # A link to a published post, and to a page, is what links are for, however written.
    links = ("See [a neighbour](fine.md), [help](../crisis.md), [again](../fine/), "
             "[the blog](/blog/) and [a picture](../../assets/logo.svg).")
    body = f"Worry is normal.\n\n<!-- more -->\n\n{links}\n"
    hub.write_post("linking.md", post_text(body=body, slug="linking"))
    result = hub.build()
    assert result.returncode == 0, result.stderr
    assert "zebracanary" not in hub.page("blog/linking").lower()
    assert "site.unpublished" not in hub.check("--format", "json").stdout


def test_a_draft_with_a_published_posts_slug_leaves_links_to_that_post_alone(hub: Hub) -> None:
    """The address belongs to the published post: a draft that would share it (a copy being
    reworked) does not make links to the published post links to a draft."""
    hub.write_post("original.md", post_text(title="Sleep and worry", slug="sleep"))
    hub.write_post("rework.md", post_text(title="Sleep and worry, again", slug="sleep",
                                          draft=True, description="A rework in progress."))
    body = "Worry is normal.\n\n<!-- more -->\n\nSee [sleep](../sleep/) and [it](original.md).\n"
    hub.write_post("linking.md", post_text(body=body, slug="linking"))
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "A rework in progress" not in hub.page("blog/sleep")
    checked = hub.check("--format", "json")
    assert checked.returncode == 0, checked.stdout
    assert "site.unpublished" not in checked.stdout
    # The draft itself, named by its file in raw HTML, is still a draft's name published.
    raw = 'Worry is normal.\n\n<!-- more -->\n\nSee <a href="rework.md">the rework</a>.\n'
    hub.write_post("linking.md", post_text(body=raw, slug="linking"))
    result = hub.build()
    assert result.returncode != 0
    assert "a link to content/posts/rework.md, which is a draft" in result.stderr


def test_a_page_linking_to_a_draft_stops_the_build_too(hub: Hub) -> None:
    hub.write_post("secret.md", post_text(title=SECRET, draft=True, slug=None))
    about = hub.root / "content" / "about.md"
    about.write_text(about.read_text() + "\nComing soon: [our next post](posts/secret.md).\n")
    result = hub.build()
    assert result.returncode != 0
    assert "content/about.md:" in result.stderr and "content/posts/secret.md" in result.stderr


def test_an_address_no_browser_reads_is_not_a_traceback(tmp_path: Path) -> None:
    """Red-team pass 3: `<a href="//[::1">` made urlsplit raise inside the build."""
    from carepress.checks.unpublished_links import LinksInPages
    from carepress.settings import load_settings
    from conftest import REPO

    links = LinksInPages({"blog/secret/": (tmp_path / "secret.md", "a draft")},
                         load_settings(REPO / "mkdocs.yml"))  # fmt: skip
    found = links.look('<p><a href="//[::1">call 988</a> <a href="../secret/">x</a></p>',
                       "blog/a/", tmp_path / "a.md")  # fmt: skip
    assert [f.rule for f in found] == ["site.unpublished"]
    # The site's own address written whole reaches the draft too; another site's does not.
    site = load_settings(REPO / "mkdocs.yml").site_url
    for address, count in ((f"{site}blog/secret/", 1), ("https://other.example/blog/secret/", 0)):
        assert len(links.look(f'<a href="{address}">plan</a>', "blog/a/", tmp_path / "b.md")) == (
            count)
    # Red-team pass 5: a server finds the same page behind a doubled slash, a "." or "..",
    # or other capitals.
    for address in ("/blog//secret/", "/blog/./secret/", "../x/../secret/", "/Blog/Secret"):
        assert len(links.look(f'<a href="{address}">plan</a>', "blog/a/", tmp_path / "c.md")) == 1
