"""`carepress post`: the real client libraries (Mastodon.py, the atproto SDK) against fake
Mastodon and Bluesky servers on 127.0.0.1. What arrives is what the share kit shows; a rerun
posts nothing; a failing platform is retried on the next run without doubling the other (not
before the time a rate limit names); a post a platform refuses is held until edited; a
server that never answers ends at the timeout, and one that cannot be reached (a closed
port, a name not found or never resolved) fails its account in one line, recorded, while the
other posts; a draft, future or expired post is never sent; a secret appears nowhere but in
its request."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BIN, REPO, Hub, make_hub, post_text, required_module
from fake_bluesky import APP_PASSWORD, FakeBluesky, fake_bluesky
from fake_mastodon import TOKEN, FakeMastodon, fake_mastodon

required_module("mastodon", "install the test extra (it includes Mastodon.py)")
required_module("atproto", "install the test extra (it includes atproto)")

SECRETS = {"CAREPRESS_MASTODON_TOKEN": TOKEN, "CAREPRESS_BLUESKY_APP_PASSWORD": APP_PASSWORD}
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
PUBLISHED = 12  # the sample hub's published posts (two drafts and one dated next year)


@dataclass
class Posting:
    hub: Hub
    mastodon: FakeMastodon
    bluesky: FakeBluesky

    def post(
        self, *args: str, secrets: dict[str, str] | None = None, guard: int = 180
    ) -> subprocess.CompletedProcess[str]:
        """`guard`: seconds before the test calls the run hung (subprocess.TimeoutExpired)."""
        env = {**NO_KEYRING, **(SECRETS if secrets is None else secrets)}
        return self.hub.run(str(BIN / "carepress"), "post", *args, env=env, timeout=guard)

    def ledger(self, table: str = "posted") -> list[sqlite3.Row]:
        path = self.hub.root / "records" / "posted.sqlite3"
        if not path.exists():
            return []
        with sqlite3.connect(path) as db:
            db.row_factory = sqlite3.Row
            return db.execute(f"SELECT * FROM {table}").fetchall()


def _configure(hub: Hub, mastodon: FakeMastodon, bluesky: FakeBluesky, extra: str = "") -> None:
    config = hub.root / "mkdocs.yml"
    posting = (
        "  - carepress:\n"
        "      cadence: {quiet_days: []}  # (these tests post on any day)\n"
        "      posting:\n"
        f"        mastodon: {{server: '{mastodon.base}', account: '@practice@127.0.0.1'}}\n"
        f"        bluesky: {{handle: practice.test, service: '{bluesky.base}'}}\n"
        f"{extra}"
    )
    config.write_text(config.read_text().replace("  - carepress:\n", posting, 1))


@pytest.fixture
def posting(tmp_path: Path) -> Iterator[Posting]:
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        _configure(hub, mastodon, bluesky)
        yield Posting(hub, mastodon, bluesky)


def _share_kit_texts(hub: Hub) -> dict[str, dict]:
    """What the share kits show, by post file: `carepress snippets` composes the same."""
    out = hub.carepress("snippets", "--format", "json")
    assert out.returncode == 0, out.stderr
    return {p["path"]: p["snippets"] for p in json.loads(out.stdout)}


def _facets(facets: list[dict]) -> list[tuple]:
    """Each facet's bytes and features ($type of the byte slice left out: the SDK adds it)."""
    return [
        (f["index"]["byteStart"], f["index"]["byteEnd"],
         [(x["$type"], x.get("uri") or x.get("tag")) for x in f["features"]])
        for f in facets
    ]  # fmt: skip


def _kit(texts: dict[str, dict], platform: str, text: str) -> dict:
    return next(k[platform] for k in texts.values() if k[platform]["text"] == text)


def test_a_dry_run_shows_exactly_what_is_sent_and_sends_nothing(posting: Posting) -> None:
    dry = posting.post("--dry-run", "--format", "json", "--max", "50")
    assert dry.returncode == 0, dry.stderr
    plan = json.loads(dry.stdout)
    assert len(plan["due"]) == 2 * PUBLISHED and plan["later"] == 0
    assert not [r for r in posting.mastodon.requests + posting.bluesky.requests
                if r.startswith("POST")]  # fmt: skip
    assert posting.ledger() == []

    sent = posting.post("--max", "50")
    assert sent.returncode == 0, sent.stderr
    texts = _share_kit_texts(posting.hub)
    statuses = {s["text"]: s for s in posting.mastodon.statuses}
    records = {r["record"]["text"]: r["record"] for r in posting.bluesky.records}
    assert len(statuses) == len(records) == PUBLISHED
    for planned in plan["due"]:
        if planned["platform"] == "mastodon":
            status = statuses[planned["text"]]
            kit = _kit(texts, "mastodon", status["text"])
            # The warning in the CW field, marked sensitive, as the share kit shows it.
            assert status["spoiler_text"] == planned["spoiler_text"] == kit["spoiler_text"]
            assert status["sensitive"] == kit["sensitive"] == bool(kit["spoiler_text"])
            assert status["language"] == "en"
            (media,) = status["media_attachments"]
            assert media["png"] and media["description"] == planned["media"][0]["description"]
            assert media["description"].startswith("Card: ")
        else:
            record = records[planned["text"]]
            kit = _kit(texts, "bluesky", record["text"])
            assert _facets(record["facets"]) == _facets(kit["facets"]) == _facets(planned["facets"])
            assert record["langs"] == ["en"]
            external = record["embed"]["external"]
            assert external["uri"] == kit["link"]
            thumb = external["thumb"]["ref"]["$link"]
            assert posting.bluesky.blobs[thumb][:8] == b"\x89PNG\r\n\x1a\n"
            assert "labels" not in record  # none mapped by default
    # The ledger: each post once per account, with what was sent and where it landed.
    rows = posting.ledger()
    assert len(rows) == 2 * PUBLISHED
    assert {(r["platform"], r["account"]) for r in rows} == {
        ("mastodon", "@practice@127.0.0.1"), ("bluesky", "practice.test")}  # fmt: skip
    assert all(r["remote_url"].startswith(("http://127.0.0.1", "https://bsky.app/")) for r in rows)
    # Each row names what arrived: its id there, the very text, and when (now, in UTC).
    arrived = {("mastodon", s["id"]): s["text"] for s in posting.mastodon.statuses} | {
        ("bluesky", uri): post["record"]["text"] for uri, post in posting.bluesky.posts.items()}
    now = dt.datetime.now(dt.UTC)
    for row in rows:
        assert arrived[(row["platform"], row["remote_id"])] == row["text"]
        assert row["remote_url"].endswith(row["remote_id"].rsplit("/", 1)[-1])
        posted_at = dt.datetime.fromisoformat(row["posted_at"])
        assert posted_at.utcoffset() == dt.timedelta(0)
        assert now - dt.timedelta(minutes=10) < posted_at <= now
    assert len({(r["platform"], r["remote_id"]) for r in rows}) == len(rows)
    posted_files = {r["post"] for r in rows}
    for never in ("eating-disorder-myths", "setting-boundaries-with-family",
                  "winter-and-seasonal-mood"):  # fmt: skip
        assert f"posts/{never}.md" not in posted_files  # drafts and the future post


def test_a_rerun_posts_nothing_new_and_the_pace_is_one_a_run(posting: Posting) -> None:
    first = posting.post()  # posting.max_per_run is 1: the oldest post per account
    assert first.returncode == 0, first.stderr
    assert len(posting.mastodon.statuses) == len(posting.bluesky.records) == 1
    assert f"{PUBLISHED - 1 + PUBLISHED - 1} more due" in first.stdout
    oldest = posting.ledger()[0]["post"]
    assert posting.post("--max", "50").returncode == 0
    again = posting.post("--max", "50")
    assert again.returncode == 0
    assert "Nothing is due." in again.stdout
    assert len(posting.mastodon.statuses) == len(posting.bluesky.records) == PUBLISHED
    assert sum(r["post"] == oldest for r in posting.ledger()) == 2  # once per account


def test_a_failing_platform_waits_for_the_next_run_and_the_other_goes_ahead(
    posting: Posting,
) -> None:
    posting.mastodon.fail_next = [503]
    first = posting.post("--max", "3")
    assert first.returncode == 1
    assert "mastodon as @practice@127.0.0.1" in first.stderr
    assert "tried again on the next run" in first.stderr
    assert posting.mastodon.statuses == [] and len(posting.bluesky.records) == 3
    (failure,) = posting.ledger("failed")
    assert failure["platform"] == "mastodon"

    second = posting.post("--max", "3")
    assert second.returncode == 0, second.stderr
    assert len(posting.mastodon.statuses) == 3
    assert len(posting.bluesky.records) == 6  # the next three; none of the first again
    assert len({r["record"]["text"] for r in posting.bluesky.records}) == 6

    posting.bluesky.fail_next = [429]  # rate limited: also waits for the next run
    third = posting.post("--max", "1")
    assert third.returncode == 1 and "answered 429" in third.stderr
    assert len(posting.mastodon.statuses) == 4 and len(posting.bluesky.records) == 6


def test_an_edited_post_is_held_unless_asked(posting: Posting) -> None:
    assert posting.post("--max", "50").returncode == 0
    path = posting.hub.posts / "sleep-and-mood.md"
    text = path.read_text()
    path.write_text(text.replace("Sleep and mood affect each other.",
                                 "Sleep and mood shape each other.", 1))  # fmt: skip
    held = posting.post("--max", "50")
    assert held.returncode == 0
    assert "held: posts/sleep-and-mood.md on mastodon: edited since it was posted" in held.stdout
    assert len(posting.mastodon.statuses) == PUBLISHED
    resent = posting.post("--max", "50", "--resend-edited")
    assert resent.returncode == 0, resent.stderr
    assert len(posting.mastodon.statuses) == len(posting.bluesky.records) == PUBLISHED + 1
    assert "Sleep and mood shape each other." in posting.mastodon.statuses[-1]["text"]


def test_an_expired_post_is_never_sent(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    hub.write_post("old.md", post_text(slug="old", expires="2026-06-01"))
    hub.write_post("current.md", post_text(slug="current", title="Still current"))
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        _configure(hub, mastodon, bluesky)
        result = Posting(hub, mastodon, bluesky).post("--max", "50")
        assert result.returncode == 0, result.stderr
        assert [s["text"].split("\n\n")[0] for s in mastodon.statuses] == ["Still current"]
        assert len(bluesky.records) == 1


def test_secrets_come_from_the_environment_and_never_appear_anywhere(
    posting: Posting,
) -> None:
    missing = posting.post(secrets={})
    assert missing.returncode == 1
    assert "set the environment variable CAREPRESS_MASTODON_TOKEN" in missing.stderr
    assert "CAREPRESS_BLUESKY_APP_PASSWORD" in missing.stderr
    assert posting.mastodon.statuses == []
    # Nothing went out, and the line about the rest says so (not "sent on later runs").
    later = f"Nothing was sent; {2 * PUBLISHED - 2} more due wait for later runs"
    assert later in missing.stdout and "sent on later runs" not in missing.stdout

    wrong = {"CAREPRESS_MASTODON_TOKEN": "not-the-token-3141",
             "CAREPRESS_BLUESKY_APP_PASSWORD": "not-the-password-2718"}  # fmt: skip
    refused = posting.post(secrets=wrong)
    assert refused.returncode == 1
    assert "refused the access token in CAREPRESS_MASTODON_TOKEN" in refused.stderr
    assert "with the app password in CAREPRESS_BLUESKY_APP_PASSWORD" in refused.stderr
    assert "Traceback" not in refused.stderr

    dry = posting.post("--dry-run", "--format", "json")
    assert dry.returncode == 0, dry.stderr
    sent = posting.post("--max", "50")
    assert sent.returncode == 0
    ledger = (posting.hub.root / "records" / "posted.sqlite3").read_bytes()
    outputs = [missing, refused, dry, sent]
    for secret in (*SECRETS.values(), *wrong.values()):
        for result in outputs:
            assert secret not in result.stdout + result.stderr
        assert secret.encode() not in ledger
        for file in posting.hub.root.rglob("*"):  # the hub's every file, the ledger too
            if file.is_file():
                assert secret.encode() not in file.read_bytes(), file


def test_a_secret_in_mkdocs_yml_is_refused_naming_the_variable(posting: Posting) -> None:
    config = posting.hub.root / "mkdocs.yml"
    original = config.read_text()
    for platform, key, variable in (
        ("mastodon", "token", "CAREPRESS_MASTODON_TOKEN"),
        ("bluesky", "app_password", "CAREPRESS_BLUESKY_APP_PASSWORD"),
    ):
        line = next(x for x in original.splitlines() if x.strip().startswith(f"{platform}: {{"))
        config.write_text(original.replace(line, line.replace("}", f", {key}: s3cret-1234}}")))
        result = posting.post("--dry-run", secrets={})
        assert result.returncode == 2
        assert f"posting.{platform}: {key}: a secret never goes in mkdocs.yml" in result.stderr
        assert f"set the environment variable {variable} instead" in result.stderr
        assert "s3cret-1234" not in result.stdout + result.stderr
    assert posting.mastodon.requests == posting.bluesky.requests == []


def test_a_secret_from_the_system_keyring(posting: Posting, tmp_path: Path) -> None:
    store = tmp_path / "keyring.json"
    secrets = {"mastodon:@practice@127.0.0.1": TOKEN, "bluesky:practice.test": APP_PASSWORD}
    store.write_text(json.dumps({"carepress": secrets}))
    env = {"PYTHON_KEYRING_BACKEND": "keyring_backend.JsonFileKeyring",
           "CAREPRESS_TEST_KEYRING": str(store),
           "PYTHONPATH": os.pathsep.join((str(REPO / "tests"), str(REPO / "plugins")))}  # fmt: skip
    result = posting.hub.run(str(BIN / "carepress"), "post", env=env)
    assert result.returncode == 0, result.stderr
    assert len(posting.mastodon.statuses) == len(posting.bluesky.records) == 1
    assert APP_PASSWORD not in result.stdout + result.stderr


def test_without_an_account_post_says_how_to_add_one(hub: Hub) -> None:
    result = hub.carepress("post", "--dry-run")
    assert result.returncode == 2
    assert "there is no account to post to" in result.stderr
    assert "posting:" in result.stderr


def test_a_warning_the_practice_maps_to_a_bluesky_self_label_is_labelled(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    hub.write_post("hard.md", post_text(slug="hard", title="After an assault",
                                        content_warnings=["sexual-violence"]))  # fmt: skip
    hub.write_post("plain.md", post_text(slug="plain", title="Coping with worry"))
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        labels = "        bluesky_self_labels: {sexual-violence: graphic-media}\n"
        _configure(hub, mastodon, bluesky, extra=labels)
        result = Posting(hub, mastodon, bluesky).post("--max", "5", "--platform", "bluesky")
        assert result.returncode == 0, result.stderr
        by_title = {r["record"]["embed"]["external"]["title"]: r["record"] for r in bluesky.records}
        assert [v["val"] for v in by_title["After an assault"]["labels"]["values"]] == [
            "graphic-media"]
        assert "labels" not in by_title["Coping with worry"]
        assert mastodon.statuses == []  # --platform bluesky


def test_self_labels_name_the_hubs_warnings(posting: Posting) -> None:
    config = posting.hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "      posting:\n", "      posting:\n        bluesky_self_labels: {gore: graphic-media}\n"))
    result = posting.post("--dry-run")
    assert result.returncode == 2
    assert "posting.bluesky_self_labels: gore is not one of the hub's content warnings" in (
        result.stderr)


def test_a_quiet_day_sends_nothing_unless_asked(posting: Posting) -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from carepress.practice import DAYS

    # The sample practice reads messages on Los Angeles weekdays: its day, there.
    today = DAYS[dt.datetime.now(ZoneInfo("America/Los_Angeles")).weekday()]
    config = posting.hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "cadence: {quiet_days: []}", f"cadence: {{quiet_days: [{today}]}}"))  # fmt: skip
    quiet = posting.post()
    assert quiet.returncode == 0, quiet.stderr
    assert f"Today is one of your quiet days ({today}, cadence.quiet_days): nothing is sent" \
        in quiet.stdout  # fmt: skip
    assert posting.mastodon.statuses == [] and posting.bluesky.records == []
    anyway = posting.post("--on-quiet-day")
    assert anyway.returncode == 0, anyway.stderr
    assert len(posting.mastodon.statuses) == len(posting.bluesky.records) == 1


def test_a_ledger_where_it_would_be_published_is_refused(posting: Posting) -> None:
    config = posting.hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "      posting:\n", "      posting:\n        ledger: content/posted.sqlite3\n", 1))
    result = posting.post("--dry-run")
    assert result.returncode == 2
    assert "posting.ledger: the ledger may not be in docs_dir" in result.stderr
    assert not (posting.hub.root / "content" / "posted.sqlite3").exists()


def test_what_was_posted_comes_back_as_figures_and_into_the_report(posting: Posting) -> None:
    """`carepress post`, then `carepress impact fetch` and `report`: the figures the
    platforms count, by the ledger, end to end through the commands a practice runs."""
    assert posting.post().returncode == 0
    status = posting.mastodon.statuses[0]
    status.update(favourites_count=5, reblogs_count=2, replies_count=1)
    uri = next(iter(posting.bluesky.posts))
    posting.bluesky.posts[uri].update(likeCount=4, repostCount=1, quoteCount=1, replyCount=0)
    posting.mastodon.followers_count, posting.bluesky.followers_count = 120, 80
    env = {**NO_KEYRING, **SECRETS}
    fetched = posting.hub.run(str(BIN / "carepress"), "impact", "fetch", env=env)
    assert fetched.returncode == 0, fetched.stderr
    assert "figures for 1 post, 120 followers" in fetched.stdout
    assert "figures for 1 post, 80 followers" in fetched.stdout
    assert TOKEN not in fetched.stdout + fetched.stderr
    assert APP_PASSWORD not in fetched.stdout + fetched.stderr
    oldest = posting.ledger()[0]["post"]
    slug = Path(oldest).stem
    with sqlite3.connect(posting.hub.root / "records" / "impact.sqlite3") as db:
        rows = db.execute("SELECT platform, post, likes, comments, shares FROM engagement "
                          "ORDER BY platform").fetchall()  # fmt: skip
    assert [r[0] for r in rows] == ["bluesky", "mastodon"]
    assert rows[1][2:] == (5, 1, 2) and rows[0][2:] == (4, 0, 2)  # reposts + quotes
    assert {r[1] for r in rows} == {slug} or len({r[1] for r in rows}) == 1
    report = posting.hub.carepress("impact", "report")
    assert report.returncode == 0, report.stderr
    table = (posting.hub.root / "records" / "impact-report" / "tables" / "by-platform.csv")
    assert table.read_text().splitlines()[1:] == [
        "Bluesky,1,1,,,6.0,0", "Mastodon,1,1,,,8.0,0"]  # 4+0+2; 5+1+2 interactions
    # Without an account to fetch from, or before anything was posted: a clear line.
    bare = make_hub(posting.hub.root.parent / "bare")
    nothing = bare.carepress("impact", "fetch")
    assert nothing.returncode == 2 and "no account to fetch from" in nothing.stderr


# --- waiting, refusals and timeouts ---------------------------------------------------------


def _small_hub(root: Path, posts: int = 3) -> Hub:
    hub = make_hub(root)
    for n in range(1, posts + 1):
        hub.write_post(f"p{n}.md", post_text(slug=f"p{n}", title=f"Coping with worry, part {n}",
                                             date=f"2026-03-1{n}"))  # fmt: skip
    return hub


def _post_at(
    hub: Hub, when: dt.datetime, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
    *args: str,
) -> tuple[int, str, str]:
    """`carepress post` in this process, its clock at `when` (the run's only clock)."""
    import carepress.cli

    monkeypatch.setattr(carepress.cli, "utc_now", lambda: when)
    for name, value in {**NO_KEYRING, **SECRETS}.items():
        monkeypatch.setenv(name, value)
    status = carepress.cli.main(["--config", str(hub.root / "mkdocs.yml"), "post", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def _sent(fake: FakeMastodon | FakeBluesky) -> list[str]:
    if isinstance(fake, FakeMastodon):
        return [s["text"] for s in fake.statuses]
    return [r["record"]["text"] for r in fake.records]


@pytest.mark.parametrize(
    ("platform", "code", "header"),
    [("mastodon", 429, "Retry-After"), ("mastodon", 503, "Retry-After"),
     ("bluesky", 429, "Retry-After"), ("bluesky", 429, "ratelimit-reset")],
)  # fmt: skip
def test_a_rate_limit_is_waited_out_while_the_other_platform_goes_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
    platform: str, code: int, header: str,
) -> None:  # fmt: skip
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    until = start + dt.timedelta(seconds=120)
    value = "120" if header == "Retry-After" else str(int(until.timestamp()))  # epoch seconds
    hub = _small_hub(tmp_path / "hub")
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        _configure(hub, mastodon, bluesky)
        limited, other = (mastodon, bluesky) if platform == "mastodon" else (bluesky, mastodon)
        limited.fail_next = [(code, {header: value})]
        status, out, err = _post_at(hub, start, monkeypatch, capsys)
        assert status == 1 and f"answered {code}" in err
        assert f"tried again on the first run after {until:%Y-%m-%d %H:%M:%S} UTC" in err
        assert _sent(limited) == [] and len(_sent(other)) == 1  # nothing lost, the other went
        asked = len(limited.requests)

        # Before the time: that platform is not asked at all, and the run says until when.
        status, out, err = _post_at(hub, start + dt.timedelta(seconds=60), monkeypatch, capsys)
        assert status == 0, err
        (line,) = [x for x in out.splitlines() if x.startswith("waiting: ")]
        assert f"nothing is sent there before {until:%Y-%m-%d %H:%M:%S} UTC" in line
        assert len(limited.requests) == asked and len(_sent(other)) == 2

        # After it: retried, sent once.
        status, out, err = _post_at(hub, until + dt.timedelta(seconds=1), monkeypatch, capsys)
        assert status == 0, err
        assert "waiting" not in out
        assert len(_sent(limited)) == 1 and len(_sent(other)) == 3
        assert len(set(_sent(limited) + _sent(other))) == 4  # no text twice
    rows = Posting(hub, mastodon, bluesky).ledger()
    other_platform = "bluesky" if platform == "mastodon" else "mastodon"
    assert sorted(r["platform"] for r in rows) == sorted([platform] + [other_platform] * 3)
    assert len({(r["post"], r["platform"]) for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("platform", "code", "then"),
    [("mastodon", 422, "edit"), ("bluesky", 400, "--retry-failed"),
     ("bluesky", 409, "edit"), ("bluesky", 413, "--retry-failed")],
)  # fmt: skip
def test_a_post_the_platform_refuses_is_held_until_edited_or_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
    platform: str, code: int, then: str,
) -> None:  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    hub = _small_hub(tmp_path / "hub", posts=1)
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        _configure(hub, mastodon, bluesky)
        refusing, other = (mastodon, bluesky) if platform == "mastodon" else (bluesky, mastodon)
        refusing.fail_next = [code]
        status, out, err = _post_at(hub, now, monkeypatch, capsys)
        assert status == 1
        assert f"{platform} as " in err and f"the server refused the post ({code})" in err
        assert "held until the post is edited; --retry-failed sends it again as it is" in err
        assert len(_sent(other)) == 1
        (failure,) = Posting(hub, mastodon, bluesky).ledger("failed")
        assert failure["refused"] == 1 and f"({code})" in failure["error"]

        # Not tried again on every run: held, and named with the reason.
        asked = len(refusing.requests)
        status, out, err = _post_at(hub, now, monkeypatch, capsys)
        assert status == 0, err
        assert f"held: posts/p1.md on {platform}: {platform} refused it on " in out
        assert f"refused the post ({code})" in out and "edit the post, or --retry-failed" in out
        assert len(refusing.requests) == asked and _sent(refusing) == []

        if then == "edit":
            path = hub.posts / "p1.md"
            path.write_text(path.read_text().replace("Coping with worry", "Easing worry", 1))
            status, out, err = _post_at(hub, now, monkeypatch, capsys)
        else:
            status, out, err = _post_at(hub, now, monkeypatch, capsys, "--retry-failed")
        assert status == 0, err
        assert len(_sent(refusing)) == 1 and len(_sent(other)) == 1  # (the other: held, edited)


@pytest.mark.parametrize("platform", ["mastodon", "bluesky"])
def test_a_server_that_never_answers_ends_at_the_timeout(tmp_path: Path, platform: str) -> None:
    hub = _small_hub(tmp_path / "hub", posts=1)
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        _configure(hub, mastodon, bluesky)
        posting = Posting(hub, mastodon, bluesky)
        silent, other = (mastodon, bluesky) if platform == "mastodon" else (bluesky, mastodon)
        silent.hang = True
        result = posting.post("--timeout", "1")  # (it returned: the timeout ended the wait)
        assert result.returncode == 1
        assert f"{platform} as " in result.stderr and "the server did not answer" in result.stderr
        assert "it is tried again on the next run" in result.stderr
        assert len(_sent(other)) == 1 and _sent(silent) == []
        (failure,) = posting.ledger("failed")
        assert failure["platform"] == platform
        assert failure["refused"] == 0 and failure["not_before"] == ""  # retryable, now

        silent.hang = False
        again = posting.post("--timeout", "1")
        assert again.returncode == 0, again.stderr
        assert len(_sent(silent)) == len(_sent(other)) == 1


@contextmanager
def _unreachable(kind: str) -> Iterator[str]:
    """The address of a server on 127.0.0.1 that cannot be used: `closed`, a port nothing
    listens on (the connection is refused); `silent`, one that takes connections and never
    answers (nothing accepts them from the queue)."""
    sock = socket.socket()
    try:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        if kind == "silent":
            sock.listen(16)
        else:
            sock.close()
        yield f"http://127.0.0.1:{port}"
    finally:
        sock.close()


ACCOUNTS = {"mastodon": "@practice@127.0.0.1", "bluesky": "practice.test"}


@pytest.mark.parametrize("kind", ["closed", "silent"])
@pytest.mark.parametrize("platform", ["mastodon", "bluesky"])
def test_an_unreachable_server_fails_its_account_in_one_line_while_the_other_posts(
    tmp_path: Path, platform: str, kind: str
) -> None:
    """Mastodon.py asked the version of a server it could not reach until a RecursionError
    (thousands of lines; the run never got to Bluesky or the ledger), a request each time: a
    silent server held it --timeout seconds a request, hundreds of times over. The guard
    calls a run hung long before that; with the version asked once, the run takes a request's
    timeout. The SDK's NetworkError said nothing ("NetworkError: "): the reason is in words."""
    hub = _small_hub(tmp_path / "hub", posts=2)
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky, _unreachable(kind) as address:
        down, up = (mastodon, bluesky) if platform == "mastodon" else (bluesky, mastodon)
        down.base = address
        _configure(hub, mastodon, bluesky)
        posting = Posting(hub, mastodon, bluesky)
        result = posting.post("--timeout", "1", guard=60)
        assert result.returncode == 1
        assert "Traceback" not in result.stdout + result.stderr
        (line,) = result.stderr.splitlines()  # one line, naming the account and the post
        assert line.startswith(f"carepress: not posted: {platform} as {ACCOUNTS[platform]}: "
                               "posts/p1.md: ")  # fmt: skip
        reason = {"closed": "the server could not be reached: connection refused",
                  "silent": "the server did not answer within 1 s (--timeout)"}[kind]  # fmt: skip
        assert reason in line and line.endswith("(it is tried again on the next run)")
        assert "Error" not in line  # (no library's class name in place of a reason)
        assert _sent(up) == [_sent(up)[0]] and _sent(down) == []  # the other went ahead
        assert "2 more due: sent on later runs" in result.stdout  # (p2, on both)
        (failure,) = posting.ledger("failed")
        assert (failure["post"], failure["platform"]) == ("posts/p1.md", platform)
        assert reason in failure["error"]
        assert failure["refused"] == 0 and failure["not_before"] == ""  # the next run retries
        for secret in SECRETS.values():
            assert secret not in result.stdout + result.stderr
            for file in hub.root.rglob("*"):  # the ledger, .cache/ and the rest of the hub
                if file.is_file():
                    assert secret.encode() not in file.read_bytes(), file


@pytest.mark.parametrize("lookup", ["no such name", "no answer"])
def test_a_name_not_found_or_never_resolved_fails_within_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, lookup: str
) -> None:
    """The lookup of a server's name is bounded by --timeout too (requests and httpx leave it
    to the system's resolver, as long as that takes): here a resolver that fails, and one
    whose first lookup gets no answer (for 30 s, or until the test ends: a lookup that
    holds the run fails the test, and never hangs it)."""
    real, released, asked = socket.getaddrinfo, threading.Event(), []

    def getaddrinfo(host: str, *args: object, **kwargs: object) -> object:
        if host == "mastodon.invalid":
            if lookup == "no answer" and not asked:
                asked.append(host)
                released.wait(30)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    hub = _small_hub(tmp_path / "hub", posts=1)
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        mastodon.base = "https://mastodon.invalid"
        _configure(hub, mastodon, bluesky)
        try:
            status, _, err = _post_at(hub, dt.datetime.now(dt.UTC), monkeypatch, capsys,
                                        "--timeout", "1")  # fmt: skip
        finally:
            released.set()
        assert status == 1
        (line,) = err.splitlines()
        reason = {"no such name": "its name (mastodon.invalid) was not found (no network, or "
                                  "a mistyped server address)",
                  "no answer": "looking up its name (mastodon.invalid) took longer than 1 s "
                               "(--timeout)"}[lookup]  # fmt: skip
        assert line.startswith(f"carepress: not posted: mastodon as {ACCOUNTS['mastodon']}: ")
        assert f"the server could not be reached: {reason}" in line
        assert len(_sent(bluesky)) == 1 and _sent(mastodon) == []
        ledger = Posting(hub, mastodon, bluesky).ledger("failed")
        assert [(f["platform"], reason in f["error"]) for f in ledger] == [("mastodon", True)]


def test_an_error_no_sender_foresaw_stays_with_its_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """A client library's own fault (Mastodon.py's RecursionError was one) is that account's
    failure, in one line and in the ledger: the other platform still posts."""
    import carepress.syndication.mastodon

    def broken(*args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(carepress.syndication.mastodon, "send_to_mastodon", broken)
    hub = _small_hub(tmp_path / "hub", posts=1)
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        _configure(hub, mastodon, bluesky)
        status, _, err = _post_at(hub, dt.datetime.now(dt.UTC), monkeypatch, capsys)
        assert status == 1 and len(_sent(bluesky)) == 1
        (line,) = err.splitlines()
        assert line == (f"carepress: not posted: mastodon as {ACCOUNTS['mastodon']}: "
                        "posts/p1.md: unexpected error: RecursionError: maximum recursion "
                        "depth exceeded (it is tried again on the next run)")  # fmt: skip
        (failure,) = Posting(hub, mastodon, bluesky).ledger("failed")
        assert failure["platform"] == "mastodon" and "RecursionError" in failure["error"]


def test_a_timeout_of_no_time_is_refused(tmp_path: Path) -> None:
    hub = _small_hub(tmp_path / "hub", posts=1)
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        _configure(hub, mastodon, bluesky)
        for value in ("0", "-5", "nan"):
            result = Posting(hub, mastodon, bluesky).post("--dry-run", "--timeout", value)
            assert result.returncode == 2, value
            assert "--timeout: give a number of seconds above 0" in result.stderr
            assert "Traceback" not in result.stderr


def test_old_posts_queued_without_start_get_a_hint_naming_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """Without `posting: start:` every old post is due, one run at a time: one line says so,
    on a first run with more old posts than a run sends, and later for posts from before the
    ledger's first entry that were never tried. Recent posts, or a `start:`, get none."""
    hub = _small_hub(tmp_path / "hub")  # dated 2026-03-11, 12 and 13
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        _configure(hub, mastodon, bluesky)
        soon = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)
        status, out, _ = _post_at(hub, soon, monkeypatch, capsys, "--dry-run")
        assert status == 0 and "hint:" not in out  # all recent
        assert "4 more due after these: a run sends at most 1 per account" in out
        assert "sent on later runs" not in out  # (a dry run sends nothing)

        later = dt.datetime(2026, 12, 7, 12, tzinfo=dt.UTC)
        status, out, _ = _post_at(hub, later, monkeypatch, capsys, "--dry-run")
        (hint,) = [line for line in out.splitlines() if line.startswith("hint:")]
        assert hint.startswith("hint: 3 due posts date from before 2026-11-07 (the oldest "
                               "2026-03-11) and will be sent; `start: YYYY-MM-DD` under "
                               "`posting:` in mkdocs.yml")  # fmt: skip
        status, out, _ = _post_at(hub, later, monkeypatch, capsys, "--dry-run", "--format",
                                  "json")  # fmt: skip
        assert json.loads(out)["hint"] == hint

        status, out, err = _post_at(hub, later, monkeypatch, capsys)
        assert status == 0, err
        assert hint in out and "4 more due: sent on later runs" in out
        status, out, _ = _post_at(hub, later + dt.timedelta(days=1), monkeypatch, capsys,
                                  "--dry-run")  # fmt: skip
        assert "hint: 2 due posts date from before 2026-12-07 (the oldest 2026-03-12)" in out

        config = hub.root / "mkdocs.yml"
        config.write_text(config.read_text().replace(
            "      posting:\n", "      posting:\n        start: 2026-03-13\n", 1))  # fmt: skip
        status, out, _ = _post_at(hub, later + dt.timedelta(days=1), monkeypatch, capsys,
                                  "--dry-run")  # fmt: skip
        assert status == 0 and "hint:" not in out and "posts/p3.md" in out


def test_the_dry_run_json_is_what_each_platform_receives(tmp_path: Path) -> None:
    """Field by field, for one post on each platform: the dry run's JSON and what the fakes
    received on the real run; the card it names is the file uploaded."""
    hub = make_hub(tmp_path / "hub")
    hub.write_post("hard.md", post_text(slug="hard", title="After an assault",
                                        content_warnings=["sexual-violence"]))  # fmt: skip
    assert hub.build().returncode == 0
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        labels = "        bluesky_self_labels: {sexual-violence: graphic-media}\n"
        _configure(hub, mastodon, bluesky, extra=labels)
        posting = Posting(hub, mastodon, bluesky)
        dry = posting.post("--dry-run", "--format", "json")
        assert dry.returncode == 0, dry.stderr
        plan = {p["platform"]: p for p in json.loads(dry.stdout)["due"]}
        sent = posting.post()
        assert sent.returncode == 0, sent.stderr

    toot, (status,) = plan["mastodon"], mastodon.statuses
    assert set(toot) == {"post", "platform", "account", "text", "language", "spoiler_text",
                         "sensitive", "visibility", "media", "poll", "thread"}  # fmt: skip
    for name in ("text", "spoiler_text", "sensitive", "language", "visibility", "poll"):
        assert toot[name] == status[name], name
    assert toot["spoiler_text"] == "CW: sexual violence" and toot["sensitive"] is True
    ((card,), (media,)) = toot["media"], status["media_attachments"]
    assert card["description"] == media["description"]
    assert (hub.site / card["file"]).read_bytes() == mastodon.images[media["id"]]
    assert toot["thread"] == [] and len(mastodon.statuses) == 1

    skeet, (created,) = plan["bluesky"], bluesky.records
    record = created["record"]
    assert set(skeet) == {"post", "platform", "account", "text", "language", "facets",
                          "link_card", "self_labels"}  # no card_alt: a link card has none
    assert skeet["text"] == record["text"]
    assert _facets(skeet["facets"]) == _facets(record["facets"])
    assert [skeet["language"]] == record["langs"]
    external, link_card = record["embed"]["external"], skeet["link_card"]
    for name in ("uri", "title", "description"):
        assert link_card[name] == external[name], name
    thumb = external["thumb"]
    assert link_card["thumb"]["mime_type"] == thumb["mimeType"]
    assert (hub.site / link_card["thumb"]["file"]).read_bytes() == bluesky.blobs[
        thumb["ref"]["$link"]]  # fmt: skip
    assert skeet["self_labels"] == [v["val"] for v in record["labels"]["values"]]


def test_the_dry_run_text_shows_every_field_that_is_sent(posting: Posting) -> None:
    dry = posting.post("--dry-run", "--max", "50")
    assert dry.returncode == 0, dry.stderr
    texts = _share_kit_texts(posting.hub)
    post = "posts/how-to-ask-about-suicide.md"
    kit = texts[f"content/{post}"]
    mastodon = dry.stdout.split(f"--- {post} -> mastodon as ")[1].split("\n--- ")[0]
    assert f"[content warning field, sensitive] {kit['mastodon']['spoiler_text']}" in mastodon
    assert "[card] assets/" in mastodon and ", alt text: Card: " in mastodon
    assert "[language] en" in mastodon and "[visibility] public" in mastodon
    bluesky = dry.stdout.split(f"--- {post} -> bluesky as ")[1].split("\n--- ")[0]
    link = kit["bluesky"]["link"]
    assert f"[link card] {link}" in bluesky
    assert "  title: How to Ask Someone If They Are Thinking About Suicide" in bluesky
    assert "  thumbnail: assets/" in bluesky and "[self-labels] none" in bluesky
    for facet in kit["bluesky"]["facets"]:
        start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
        assert f"(bytes {start}-{end}) -> " in bluesky
    assert f"-> {link}" in bluesky
    assert "[language] en" in bluesky and "alt text:" not in bluesky


def test_a_ledger_from_before_the_new_columns_is_brought_up_to_date(tmp_path: Path) -> None:
    from carepress.syndication.ledger import Failure, Ledger, Posted

    path = tmp_path / "posted.sqlite3"
    with sqlite3.connect(path) as db:  # the first ledgers' tables, with a row each
        db.executescript(
            "CREATE TABLE posted (post TEXT NOT NULL, platform TEXT NOT NULL, account TEXT NOT "
            "NULL, remote_id TEXT NOT NULL, remote_url TEXT NOT NULL, text TEXT NOT NULL, "
            "spoiler_text TEXT NOT NULL, fingerprint TEXT NOT NULL, posted_at TEXT NOT NULL, "
            "replies TEXT NOT NULL);"
            "CREATE TABLE failed (post TEXT NOT NULL, platform TEXT NOT NULL, account TEXT NOT "
            "NULL, error TEXT NOT NULL, tried_at TEXT NOT NULL);"
            "INSERT INTO posted VALUES ('posts/a.md', 'mastodon', '@p@m', '1', 'https://m/1', "
            "'A', '', 'fa', '2026-11-01T10:00:00+00:00', '[]');"
            "INSERT INTO failed VALUES ('posts/b.md', 'mastodon', '@p@m', 'the server answered "
            "503', '2026-11-01T10:00:00+00:00');"
        )
    ledger = Ledger(path)
    (old,) = ledger.all_posted()
    assert (old.text, old.poll, old.thread) == ("A", "", "[]")
    failure = ledger.last_failure("posts/b.md", "mastodon", "@p@m")
    assert failure is not None and not failure.refused and failure.not_before == ""
    ledger.record(Posted("posts/c.md", "mastodon", "@p@m", "2", "https://m/2", "C", "", "fc",
                         "2026-11-02T10:00:00+00:00", '["https://m/3"]', '{"options": []}',
                         '["Reply"]'))  # fmt: skip
    ledger.record_failure(Failure("posts/b.md", "mastodon", "@p@m", "refused", "2026-11-02",
                                  "fb", True, "2026-11-02T11:00:00+00:00"))  # fmt: skip
    assert ledger.all_posted()[-1].thread == '["Reply"]'
    again = ledger.last_failure("posts/b.md", "mastodon", "@p@m")
    assert again is not None and again.refused and again.fingerprint == "fb"
    assert ledger.waiting_until("mastodon", "@p@m") == again
