"""Every Bluesky text links when pasted: checked with Bluesky's own rich-text code
(`RichText.detectFacets` in @atproto/api, what its composer runs), not with CarePress's."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import REPO, Hub, unavailable

SCRIPT = REPO / "tests" / "js" / "bluesky_richtext.mjs"


def _bluesky_reads(texts: list[str]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        unavailable("Node.js is not installed (apt-get install nodejs npm)")
    if not (REPO / "node_modules" / "@atproto" / "api").is_dir():
        unavailable("@atproto/api is not installed: run `npm ci` in the repository root")
    result = subprocess.run(
        [str(node), str(SCRIPT)], input=json.dumps(texts), capture_output=True, text=True,
        timeout=60, cwd=REPO, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def _untyped(facets: list[dict]) -> list[dict]:
    """CarePress writes each facet's record type ($type), which the JS objects leave out."""
    return [{k: v for k, v in facet.items() if k != "$type"} for facet in facets]


def _links(read: dict) -> list[str]:
    return [
        feature["uri"]
        for facet in read["facets"]
        for feature in facet["features"]
        if feature["$type"] == "app.bsky.richtext.facet#link"
    ]


def test_the_shortened_link_bluesky_texts_used_to_carry_links_nowhere() -> None:
    """The control: the old text's shortened address (a hyphen in its domain, no scheme)."""
    old = "Grief Does Not Follow a Schedule\n\nlearn.riverbend-therapy.example.org/blo…"
    assert _links(_bluesky_reads([old])[0]) == []


def test_every_bluesky_text_links_as_bluesky_reads_it(sample_hub: Hub) -> None:
    posts = json.loads((sample_hub.site / "social" / "snippets.json").read_text())["posts"]
    snippets = [post["snippets"]["bluesky"] for post in posts]
    assert len(snippets) == 12
    texts = [s["text"] for s in snippets] + [s["feed_text"] for s in snippets]
    reads = _bluesky_reads(texts)
    for snippet, read, feed_read in zip(snippets, reads, reads[len(snippets):], strict=False):
        # The composer finds the post's own link, and the facets CarePress sends with the
        # text are the ones Bluesky's code finds in it, byte for byte.
        assert _links(read) == [snippet["link"]], snippet["text"]
        assert snippet["link"].startswith(posts[0]["url"].split("/blog/")[0])
        assert read["facets"] == _untyped(snippet["facets"]), snippet["text"]
        assert read["graphemes"] == snippet["length"] <= 300
        assert _links(feed_read) == _links(read)
        assert feed_read["graphemes"] <= 300


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.org/a-b/?utm_source=bluesky&x=1. #SelfCare #2026 #Grief!",
        "(https://example.org/path) and https://example.org/q?a=(b) #Über_Mut",
        "Café 👩‍👩‍👧 https://exämple.org/ä #ok #💜",
        "#tag at start, then https://example.org/x, then #end.",
    ],
)
def test_carepress_detects_the_facets_bluesky_detects(text: str) -> None:
    from carepress.publish.counting import bluesky_facets, bluesky_length

    read = _bluesky_reads([text])[0]
    assert _untyped(bluesky_facets(text)) == read["facets"]
    assert bluesky_length(text) == read["graphemes"]
