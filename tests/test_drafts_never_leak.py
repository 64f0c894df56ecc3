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
        said = f"content/posts/linking.md:{line}:1: site.unpublished a link to content/posts/"
        assert f"{said}{target}" in result.stderr, (name, result.stderr)
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


def _meta_hub(hub: Hub) -> Path:
    """Material's meta plugin on, and a folder of posts its .meta.yml makes drafts."""
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("\nmarkdown_extensions:",
                                                 "  - meta\n\nmarkdown_extensions:", 1))
    hub.write_post("published.md", post_text(slug="published"))
    hub.write_post("wip/wip-post.md", _canary_post(DRAFT_CANARY))
    meta = hub.posts / "wip" / ".meta.yml"
    meta.write_text("draft: true\n")
    return meta


def test_a_meta_file_over_posts_is_refused_everywhere(hub: Hub) -> None:
    """Material's meta plugin merges .meta.yml into each post's front matter: `draft: true`
    there kept the page off the site, while CarePress (reading the post's own front matter)
    wrote its share kit, snippets and calendar entries, and `carepress check` was silent."""
    _meta_hub(hub)
    result = hub.build()
    assert result.returncode != 0
    assert ("content/posts/wip/wip-post.md:1:1: frontmatter.meta-file "
            "content/posts/wip/.meta.yml would set front matter for this post (it sets draft)"
            ) in result.stderr, result.stderr  # fmt: skip
    assert "Traceback" not in result.stderr
    assert not hub.site.exists()  # nothing was published
    checked = hub.check("--format", "json")
    assert checked.returncode == 1
    findings = json.loads(checked.stdout)
    assert [(f["path"], f["rule"], f["severity"]) for f in findings] == [
        ("content/posts/wip/wip-post.md", "frontmatter.meta-file", "error")
    ]
    assert "delete content/posts/wip/.meta.yml" in findings[0]["hint"]
    one = hub.check("content/posts/wip/wip-post.md")
    assert one.returncode == 1 and "frontmatter.meta-file" in one.stdout
    snippets = hub.carepress("snippets", "--format", "json")
    assert DRAFT_CANARY.lower() not in snippets.stdout.lower()
    # A plain prefix, as the meta plugin reads it: posts/wip also covers posts/wip-2.md.
    hub.write_post("wip-2.md", post_text(slug="wip-2"))
    paths = {f["path"] for f in json.loads(hub.check("--format", "json").stdout)}
    assert paths == {"content/posts/wip/wip-post.md", "content/posts/wip-2.md"}


def test_a_meta_file_added_after_a_check_is_not_hidden_by_the_kept_reports(hub: Hub) -> None:
    meta = _meta_hub(hub)
    meta.unlink()
    assert hub.check().returncode == 0
    assert hub.build("--strict").returncode == 0
    meta.write_text("draft: true\n")
    assert "frontmatter.meta-file" in hub.check().stdout
    result = hub.build()
    assert result.returncode != 0
    assert ".meta.yml would set front matter" in result.stderr
    # A meta file over pages only (no post) is the meta plugin's business.
    meta.rename(hub.root / "content" / "blog" / ".meta.yml")
    assert hub.check().returncode == 0


def test_a_post_the_blog_leaves_out_for_another_reason_stops_the_build(hub: Hub) -> None:
    """Backstop: the blog plugin's own posts are what is published. A post it leaves out
    whose front matter says published (here a hook excludes it) has no outputs either."""
    hub.write_post("published.md", post_text(slug="published"))
    hub.write_post("hidden.md", _canary_post(DRAFT_CANARY))
    (hub.root / "hide.py").write_text(
        "from mkdocs.structure.files import InclusionLevel\n"
        "def on_files(files, config):\n"
        "    files.get_file_from_path('posts/hidden.md').inclusion = InclusionLevel.EXCLUDED\n"
    )
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text() + "\nhooks:\n  - hide.py\n")
    result = hub.build()
    assert result.returncode != 0
    assert "content/posts/hidden.md: the blog leaves this post out" in result.stderr
    assert "Traceback" not in result.stderr
    assert not hub.site.exists()


def test_a_nav_entry_to_a_draft_or_future_post_stops_the_build(hub: Hub) -> None:
    """MkDocs keeps a nav entry to a post the blog left out (and only logs it, even with
    --strict): every page would show its title, linking to an address never published."""
    hub.write_post("secret.md", post_text(title=SECRET, draft=True, slug=None))
    hub.write_post("later.md", post_text(title="Later", date="2099-06-01", slug="later"))
    hub.write_post("fine.md", post_text(slug="fine"))
    config = hub.root / "mkdocs.yml"
    original = config.read_text()
    for entry, why in (("  - posts/secret.md", "a draft"),
                       ("  - Soon: posts/later.md", "in the future"),
                       ("  - Soon: blog/later/", "in the future")):  # fmt: skip
        config.write_text(original.replace("  - About this site: about.md\n",
                                           f"  - About this site: about.md\n{entry}\n", 1))
        line = config.read_text().splitlines().index(entry) + 1
        result = hub.build("--strict")
        assert result.returncode != 0, entry
        target = "later.md" if "later" in entry else "secret.md"
        said = f"mkdocs.yml:{line}:1: site.unpublished a nav entry to content/posts/{target}"
        assert (f"{said}, which is {why}" if why == "a draft" else
                f"{said}, which is a post dated 2099-06-01, {why}"
                ) in result.stderr, result.stderr  # fmt: skip
        assert not hub.site.exists()
        checked = hub.check()
        assert checked.returncode == 1
        assert (f"mkdocs.yml:{line}:1: error site.unpublished a nav entry to "
                f"content/posts/{target}") in checked.stdout, checked.stdout
    # A nav entry to a published post is fine.
    config.write_text(original.replace("  - About this site: about.md\n",
                                       "  - About this site: about.md\n  - posts/fine.md\n", 1))
    assert hub.build("--strict").returncode == 0
    assert hub.check().returncode == 0


def test_the_whole_hub_check_reads_the_pages_links_to_drafts(hub: Hub) -> None:
    """`carepress check content/about.md` and the build caught a page's link to a draft;
    the check of the whole hub did not read the pages' links at all."""
    hub.write_post("secret.md", post_text(title=SECRET, draft=True, slug="secret"))
    hub.write_post("later.md", post_text(title="Later", date="2099-06-01", slug="later"))
    about = hub.root / "content" / "about.md"
    about.write_text(about.read_text() + "\nRead [myths](posts/secret.md).\n"
                     "\nAnd [soon](../blog/later/).\n")
    lines = about.read_text().splitlines()
    secret_line = lines.index("Read [myths](posts/secret.md).") + 1
    later_line = lines.index("And [soon](../blog/later/).") + 1
    checked = hub.check("--format", "json")
    assert checked.returncode == 1
    found = [(f["path"], f["line"], f["rule"], f["message"].split(",")[0])
             for f in json.loads(checked.stdout)]
    assert found == [
        ("content/about.md", secret_line, "site.unpublished",
         "a link to content/posts/secret.md"),
        ("content/about.md", later_line, "site.unpublished",
         "a link to content/posts/later.md"),
    ]
    built = hub.build()
    assert built.returncode != 0
    for finding in json.loads(checked.stdout):  # the same message as the build's
        where = f"{finding['path']}:{finding['line']}:1"
        assert f"{where}: {finding['rule']} {finding['message']}" in built.stderr
    # A page that is itself a draft is not published: its links are its own business.
    about.write_text("---\ndraft: true\n---\n" + about.read_text())
    assert "site.unpublished" not in hub.check().stdout


def test_snippets_leave_out_what_is_not_ready_to_post(hub: Hub) -> None:
    """`carepress snippets` printed ready-to-post text for drafts and future posts. It now
    selects as `carepress post` does (Post.sharing_status); --all shows the rest, marked."""
    hub.write_post("published.md", post_text(slug="published"))
    hub.write_post("draft.md", _canary_post(DRAFT_CANARY, draft=True))
    hub.write_post("future.md", _canary_post(FUTURE_CANARY, date="2099-06-01"))
    out = hub.carepress("snippets", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert [(p["slug"], p["status"]) for p in json.loads(out.stdout)] == [("published", "ready")]
    assert "content/posts/draft.md: left out, a draft" in out.stderr
    assert "content/posts/future.md: left out, dated in the future" in out.stderr
    text = hub.carepress("snippets")
    for canary in (DRAFT_CANARY, FUTURE_CANARY):
        assert canary.lower() not in text.stdout.lower()
    every = hub.carepress("snippets", "--all", "--format", "json")
    assert {p["slug"]: p["status"] for p in json.loads(every.stdout)} == {
        "published": "ready", DRAFT_CANARY.lower(): "draft", FUTURE_CANARY.lower(): "scheduled",
    }
    shown = hub.carepress("snippets", "--all", "--platform", "x", "content/posts/draft.md")
    assert shown.stdout.splitlines()[1] == "NOT READY TO POST: a draft, not published"
