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
