"""Fetching the platforms' own figures for the posts CarePress sent: the real client libraries
(Mastodon.py, the atproto SDK) against fake Mastodon and Bluesky servers on 127.0.0.1. Every
stored row is checked against figures written out by hand; a deleted post, a missing or
refused secret and a server that is down are each one clear line; no secret is ever shown
or stored; a second run on the same day replaces the first run's rows."""

from __future__ import annotations

import datetime as dt
import socket
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from carepress.impact.platform_figures import FetchResult, fetch_figures
from carepress.impact.store import ImpactStore
from carepress.syndication.accounts import BLUESKY_APP_PASSWORD, MASTODON_TOKEN, Account
from carepress.syndication.ledger import Ledger, Posted
from fake_bluesky import HANDLE, FakeBluesky, fake_bluesky
from fake_mastodon import FakeMastodon, fake_mastodon

pytest.importorskip("mastodon", reason="install the test extra (it includes Mastodon.py)")
pytest.importorskip("atproto", reason="install the test extra (it includes atproto)")

LA = ZoneInfo("America/Los_Angeles")
TODAY = dt.date(2027, 1, 10)
DAY = "2027-01-10"
# Distinctive secrets, so that a leak anywhere is found by a plain search.
TOKEN = "cp-token-NEVER-SHOWN-4b7e19c2"
PASSWORD = "cp-apppw-NEVER-SHOWN-0d93aa51"
MASTODON_NAME = "@practice@127.0.0.1"
SLUGS = {
    "posts/worry.md": "worry",
    "posts/sleep.md": "sleep-and-mood",
    "posts/boundaries.md": "boundaries",
}  # posts/retired.md is in the ledger but no longer in the hub


@dataclass
class Scene:
    mastodon: FakeMastodon
    bluesky: FakeBluesky
    ledger: Path
    db: Path
    accounts: list[Account]

    def fetch(self, timeout: float = 10, day: dt.date = TODAY) -> FetchResult:
        return fetch_figures(
            self.ledger, ImpactStore(self.db), self.accounts, SLUGS, LA, day, timeout
        )

    def rows(self, table: str) -> list[tuple]:
        if not self.db.exists():
            return []
        with sqlite3.connect(self.db) as db:
            return db.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()


def _posted(
    post: str, platform: str, remote_id: str, posted_at: str, replies: str = "[]"
) -> Posted:
    account = MASTODON_NAME if platform == "mastodon" else HANDLE
    url = f"https://example.test/{remote_id.rsplit('/', 1)[-1]}"
    return Posted(post, platform, account, remote_id, url, "text", "", "fp", posted_at, replies)


@pytest.fixture(autouse=True)
def no_system_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Secrets from the environment only: never this machine's keyring."""
    import keyring.core
    from keyring.backends.fail import Keyring

    monkeypatch.setattr(keyring.core, "_keyring_backend", Keyring())


@pytest.fixture
def scene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Scene]:
    monkeypatch.setenv(MASTODON_TOKEN, TOKEN)
    monkeypatch.setenv(BLUESKY_APP_PASSWORD, PASSWORD)
    with fake_mastodon() as mastodon, fake_bluesky() as bluesky:
        mastodon.token, bluesky.password = TOKEN, PASSWORD
        mastodon.followers_count, bluesky.followers_count = 120, 45
        first = mastodon.add_status("Coping with worry", favourites_count=99)
        worry = mastodon.add_status(
            "Coping with worry", favourites_count=7, reblogs_count=3, quotes_count=1,
            replies_count=2,
        )  # fmt: skip
        sleep = mastodon.add_status(
            "", content="<p>Which helps you sleep?<br />Vote below.</p>",
            favourites_count=1, replies_count=4,
            poll={"options": [{"title": "Routine", "votes_count": 12},
                              {"title": "Less screen", "votes_count": 5}]},
        )  # fmt: skip
        thread = mastodon.add_status("Boundaries with family")  # counts all 0
        retired = mastodon.add_status("An old post", favourites_count=50)
        b_worry = bluesky.add_post("Coping with worry", likeCount=9, repostCount=2,
                                   quoteCount=1, replyCount=3)  # fmt: skip
        b_sleep = bluesky.add_post("Sleep and mood", likeCount=4, replyCount=1)

        ledger = Ledger(tmp_path / "records" / "posted.sqlite3")
        for row in (
            # Posted, then resent after an edit: the resent status is the one that counts.
            _posted("posts/worry.md", "mastodon", first["id"], "2027-01-02T18:00:00+00:00"),
            # 03:30 UTC on the 5th is 19:30 on the 4th in Los Angeles (UTC-8 in January).
            _posted("posts/worry.md", "mastodon", worry["id"], "2027-01-05T03:30:00+00:00"),
            _posted("posts/sleep.md", "mastodon", sleep["id"], "2027-01-06T17:05:00+00:00"),
            _posted("posts/boundaries.md", "mastodon", thread["id"], "2027-01-07T16:00:00+00:00",
                    replies='["http://127.0.0.1/@practice/2001"]'),
            _posted("posts/retired.md", "mastodon", retired["id"], "2026-11-01T16:00:00+00:00"),
            _posted("posts/worry.md", "bluesky", b_worry, "2027-01-05T03:31:00+00:00"),
            _posted("posts/sleep.md", "bluesky", b_sleep, "2027-01-06T17:06:00+00:00"),
        ):  # fmt: skip
            ledger.record(row)
        accounts = [
            Account("mastodon", mastodon.base, MASTODON_NAME, MASTODON_TOKEN),
            Account("bluesky", bluesky.base, HANDLE, BLUESKY_APP_PASSWORD),
        ]
        yield Scene(mastodon, bluesky, ledger.path, tmp_path / "impact.sqlite3", accounts)


MASTODON_LINE = (f"mastodon as {MASTODON_NAME}: figures for 3 posts, 120 followers, "
                 "1 post no longer in the hub")  # fmt: skip
BLUESKY_LINE = f"bluesky as {HANDLE}: figures for 2 posts, 45 followers"
# platform, post, day, impressions, reach, likes, comments, shares, saves, clicks
ENGAGEMENT = [
    ("bluesky", "sleep-and-mood", DAY, None, None, 4, 1, 0, None, None),
    ("bluesky", "worry", DAY, None, None, 9, 3, 2 + 1, None, None),
    ("mastodon", "boundaries", DAY, None, None, 0, 0, 0, None, None),
    ("mastodon", "sleep-and-mood", DAY, None, None, 1, 4, 0, None, None),
    ("mastodon", "worry", DAY, None, None, 7, 2, 3 + 1, None, None),
]
PUBLISHED = [
    ("bluesky", "sleep-and-mood", "2027-01-06T09:06", "link"),
    ("bluesky", "worry", "2027-01-04T19:31", "link"),
    ("mastodon", "boundaries", "2027-01-07T08:00", "thread"),
    ("mastodon", "sleep-and-mood", "2027-01-06T09:05", "poll"),
    ("mastodon", "worry", "2027-01-04T19:30", "link"),  # the day before, in Los Angeles
]
FOLLOWERS = [("bluesky", DAY, 45), ("mastodon", DAY, 120)]
FEEDBACK = [
    (DAY, "Which helps you sleep?", "Less screen", 5, "sleep-and-mood", "mastodon"),
    (DAY, "Which helps you sleep?", "Routine", 12, "sleep-and-mood", "mastodon"),
]


def _no_secret_in(scene: Scene, *results: FetchResult) -> None:
    for result in results:
        for line in result.lines + result.problems:
            assert TOKEN not in line and PASSWORD not in line, line
            assert "Traceback" not in line, line
    for file in scene.db.parent.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert TOKEN.encode() not in data and PASSWORD.encode() not in data, file


def test_every_figure_is_stored_as_the_platforms_count_it(scene: Scene) -> None:
    result = scene.fetch()
    assert result.lines == [MASTODON_LINE, BLUESKY_LINE]
    assert result.problems == []
    assert scene.rows("engagement") == ENGAGEMENT
    assert scene.rows("followers") == FOLLOWERS
    assert scene.rows("published") == PUBLISHED
    assert scene.rows("feedback") == FEEDBACK
    # The retired post and the first, replaced status were never asked for.
    asked = [r for r in scene.mastodon.requests if r.startswith("GET /api/v1/statuses/")]
    assert len(asked) == 3
    _no_secret_in(scene, result)


def test_a_second_run_on_the_same_day_replaces_the_first(scene: Scene) -> None:
    scene.fetch()
    scene.mastodon.find(scene.mastodon.statuses[1]["id"])["favourites_count"] = 8
    scene.mastodon.followers_count = 121
    scene.bluesky.followers_count = 46
    again = scene.fetch()
    assert again.problems == []
    engagement = [row for row in ENGAGEMENT if row[1] != "worry" or row[0] != "mastodon"]
    engagement.append(("mastodon", "worry", DAY, None, None, 8, 2, 4, None, None))
    assert scene.rows("engagement") == sorted(engagement, key=lambda r: r[:3])
    assert scene.rows("followers") == [("bluesky", DAY, 46), ("mastodon", DAY, 121)]
    assert scene.rows("published") == PUBLISHED
    assert scene.rows("feedback") == FEEDBACK
    # The next day is a new row beside the first.
    scene.fetch(day=TODAY + dt.timedelta(days=1))
    assert len(scene.rows("engagement")) == 2 * len(ENGAGEMENT)
    assert len(scene.rows("feedback")) == 2 * len(FEEDBACK)


def test_a_deleted_post_is_named_and_skipped(scene: Scene) -> None:
    worry = scene.mastodon.find(scene.mastodon.statuses[1]["id"])
    scene.mastodon.statuses.remove(worry)  # the server now answers 404
    b_worry = next(uri for uri, p in scene.bluesky.posts.items()
                   if p["record"]["text"] == "Coping with worry")  # fmt: skip
    del scene.bluesky.posts[b_worry]  # getPosts now leaves it out
    result = scene.fetch()
    assert result.lines == [
        f"mastodon as {MASTODON_NAME}: figures for 2 posts, 120 followers, "
        "1 post not found on the platform, 1 post no longer in the hub",
        f"bluesky as {HANDLE}: figures for 1 post, 45 followers, "
        "1 post not found on the platform",
    ]
    assert result.problems == [
        f"mastodon as {MASTODON_NAME}: posts/worry.md is no longer on the platform "
        f"(https://example.test/{worry['id']}); was it deleted? skipped",
        f"bluesky as {HANDLE}: posts/worry.md is no longer on the platform "
        f"(https://example.test/{b_worry.rsplit('/', 1)[-1]}); was it deleted? skipped",
    ]
    assert scene.rows("engagement") == [r for r in ENGAGEMENT if r[1] != "worry"]
    assert scene.rows("published") == [r for r in PUBLISHED if r[1] != "worry"]
    assert scene.rows("followers") == FOLLOWERS


def test_a_missing_secret_stops_only_its_account(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MASTODON_TOKEN)
    result = scene.fetch()
    assert result.lines == [BLUESKY_LINE]
    (problem,) = result.problems
    assert problem.startswith(f"no secret for mastodon as {MASTODON_NAME}: set the "
                              f"environment variable {MASTODON_TOKEN}, or store it in the "
                              "system keyring")  # fmt: skip
    assert scene.mastodon.requests == []  # not even asked without a token
    assert scene.rows("engagement") == [r for r in ENGAGEMENT if r[0] == "bluesky"]
    assert scene.rows("followers") == [("bluesky", DAY, 45)]
    assert scene.rows("published") == [r for r in PUBLISHED if r[0] == "bluesky"]
    assert scene.rows("feedback") == []


def test_a_refused_secret_is_one_line_and_never_shown(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = scene.fetch()
    wrong_token, wrong_password = "wrong-token-NEVER-SHOWN-77c1", "wrong-pw-NEVER-SHOWN-5e20"
    monkeypatch.setenv(MASTODON_TOKEN, wrong_token)
    monkeypatch.setenv(BLUESKY_APP_PASSWORD, wrong_password)
    refused = scene.fetch(day=TODAY + dt.timedelta(days=1))
    assert refused.lines == []
    assert refused.problems == [
        f"mastodon as {MASTODON_NAME}: the server refused the access token in "
        f"{MASTODON_TOKEN}; nothing fetched",
        f"bluesky as {HANDLE}: Bluesky refused {HANDLE} with the app password in "
        f"{BLUESKY_APP_PASSWORD}; nothing fetched",
    ]
    assert scene.rows("engagement") == ENGAGEMENT  # the first run's, nothing more
    _no_secret_in(scene, good, refused)
    for line in refused.problems:
        assert wrong_token not in line and wrong_password not in line


def test_a_server_that_is_down_is_one_clear_line_within_the_timeout(scene: Scene) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    down = f"http://127.0.0.1:{closed.getsockname()[1]}"
    closed.close()  # nothing listens there: the connection is refused
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # accepts connections and never answers
    mute = f"http://127.0.0.1:{silent.getsockname()[1]}"
    try:
        scene.accounts = [
            Account("mastodon", down, MASTODON_NAME, MASTODON_TOKEN),
            Account("bluesky", mute, HANDLE, BLUESKY_APP_PASSWORD),
        ]
        started = time.monotonic()
        result = scene.fetch(timeout=1)
        elapsed = time.monotonic() - started
    finally:
        silent.close()
    assert elapsed < 8  # a one-second timeout, not the libraries' own minutes
    assert result.lines == []
    assert result.problems == [
        f"mastodon as {MASTODON_NAME}: could not reach {down}; nothing fetched "
        "(is the address right?)",
        f"bluesky as {HANDLE}: {mute} did not answer within 1 s; nothing fetched",
    ]
    assert not scene.db.exists()  # nothing was found, nothing was written
    _no_secret_in(scene, result)


def test_a_server_down_leaves_the_other_account_fetched(scene: Scene) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    down = f"http://127.0.0.1:{closed.getsockname()[1]}"
    closed.close()
    scene.accounts[0] = Account("mastodon", down, MASTODON_NAME, MASTODON_TOKEN)
    result = scene.fetch(timeout=2)
    assert result.lines == [BLUESKY_LINE]
    assert result.problems == [f"mastodon as {MASTODON_NAME}: could not reach {down}; "
                               "nothing fetched (is the address right?)"]  # fmt: skip
    assert scene.rows("engagement") == [r for r in ENGAGEMENT if r[0] == "bluesky"]


def test_all_rows_of_a_run_are_written_together_or_not_at_all(scene: Scene) -> None:
    class Failing(ImpactStore):
        @staticmethod
        def put_feedback(db: sqlite3.Connection, rows: object) -> None:
            raise sqlite3.OperationalError("disk full")  # after the other tables were written

    with pytest.raises(sqlite3.OperationalError):
        fetch_figures(scene.ledger, Failing(scene.db), scene.accounts, SLUGS, LA, TODAY, 10)
    for table in ("engagement", "followers", "published", "feedback"):
        assert scene.rows(table) == [], table


def test_bluesky_is_asked_25_posts_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BLUESKY_APP_PASSWORD, PASSWORD)
    with fake_bluesky() as bluesky:
        bluesky.password = PASSWORD
        ledger = Ledger(tmp_path / "posted.sqlite3")
        slugs = {}
        for n in range(30):
            uri = bluesky.add_post(f"Post {n}", likeCount=n)
            ledger.record(_posted(f"posts/p{n}.md", "bluesky", uri, "2027-01-05T12:00:00Z"))
            slugs[f"posts/p{n}.md"] = f"p{n}"
        accounts = [
            Account("mastodon", "http://127.0.0.1:9", MASTODON_NAME, MASTODON_TOKEN),
            Account("bluesky", bluesky.base, HANDLE, BLUESKY_APP_PASSWORD),
        ]
        store = ImpactStore(tmp_path / "impact.sqlite3")
        result = fetch_figures(ledger.path, store, accounts, slugs, None, TODAY, 10)
        assert bluesky.requests.count("GET app.bsky.feed.getPosts") == 2  # 25, then 5
    assert result.problems == []
    assert result.lines == [
        f"mastodon as {MASTODON_NAME}: nothing posted yet, nothing fetched",
        f"bluesky as {HANDLE}: figures for 30 posts, 0 followers",
    ]
    with sqlite3.connect(store.path) as db:
        likes = dict(db.execute("SELECT post, likes FROM engagement").fetchall())
        times = {row[0] for row in db.execute("SELECT posted_at FROM published")}
    assert likes == {f"p{n}": n for n in range(30)}
    assert times == {"2027-01-05T12:00"}  # no zone: UTC
