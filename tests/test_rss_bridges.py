"""The per-platform Mastodon feed through the RSS-to-Mastodon tools practices use, feed2toot
and feediverse (installed in the tests), into a fake Mastodon on 127.0.0.1: every item
arrives whole, warning first, disclaimer intact, link unbroken, with the documented
templates (README, "Feeds")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import BIN, ENV, Hub, required_module
from fake_mastodon import TOKEN, FakeMastodon, fake_mastodon

required_module("feed2toot", "install the test extra (it includes feed2toot)")
required_module("feediverse", "install the test extra (it includes feediverse)")


def _expected(hub: Hub) -> dict[str, dict]:
    """Each post's Mastodon snippet, by its first line of text after the warning."""
    posts = json.loads((hub.site / "social" / "snippets.json").read_text())["posts"]
    return {p["url"]: p["snippets"]["mastodon"] for p in posts}


def _arrived_whole(fake: FakeMastodon, hub: Hub) -> None:
    expected = _expected(hub)
    texts = [s["text"] for s in fake.statuses]
    assert len(texts) == len(expected) == 12
    wanted = {s["feed_text"]: (url, s) for url, s in expected.items()}
    warned = 0
    for text in texts:
        assert text in wanted, text  # whole: nothing cut, nothing added, breaks kept
        url, snippet = wanted[text]
        assert len(text) <= 500
        if snippet["spoiler_text"]:
            assert text.split("\n\n")[0] == snippet["spoiler_text"]  # the warning first
            assert snippet["spoiler_text"].startswith("CW: ")
            warned += 1
        # The link, unbroken: the post's address, campaign-tagged where there was room.
        (link,) = [word for word in text.split() if word.startswith("https://")]
        assert link == url or link.startswith(url + "?utm_source=mastodon")
        assert "Reading or messaging us is not a therapeutic relationship." in text
        assert "..." not in text and "&amp;" not in text
    assert warned >= 1  # "warning first" was held to at least one item that has one


def test_feediverse_posts_every_item_whole(sample_hub: Hub, tmp_path: Path) -> None:
    with fake_mastodon() as fake:
        config = tmp_path / "feediverse.yml"
        config.write_text(json.dumps({  # (JSON is YAML)
            "url": fake.base, "client_id": "id", "client_secret": "secret",
            "access_token": TOKEN,
            "feeds": [{"url": str(sample_hub.site / "feeds/social/mastodon.xml"),
                       "template": "{summary}"}],
        }))  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-c", "import feediverse; feediverse.main()", "-c", str(config)],
            capture_output=True, text=True, timeout=120, env=ENV,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        _arrived_whole(fake, sample_hub)


def test_feed2toot_posts_every_item_whole(sample_hub: Hub, tmp_path: Path) -> None:
    with fake_mastodon() as fake:
        (tmp_path / "client.secret").write_text(f"id\nsecret\n{fake.base}\n")
        (tmp_path / "user.secret").write_text(f"{TOKEN}\n{fake.base}\n")
        config = tmp_path / "feed2toot.ini"
        config.write_text(
            "[mastodon]\n"
            f"instance_url={fake.base}\n"
            f"user_credentials={tmp_path / 'user.secret'}\n"
            f"client_credentials={tmp_path / 'client.secret'}\n"
            "[cache]\n"
            f"cachefile={tmp_path / 'feed2toot.db'}\n"
            "[lock]\n"
            f"lock_file={tmp_path / 'feed2toot.lock'}\n"
            "[rss]\n"
            f"uri={sample_hub.site / 'feeds/social/mastodon.xml'}\n"
            "toot={summary}\n"
            "addtags=false\n"
        )
        result = subprocess.run(
            [str(BIN / "feed2toot"), "-c", str(config), "--limit", "20",
             "--lockfile", str(tmp_path / "feed2toot.lock")],
            capture_output=True, text=True, timeout=120, env=ENV,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        _arrived_whole(fake, sample_hub)
