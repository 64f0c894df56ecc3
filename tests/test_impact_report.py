"""`carepress impact import` of the platforms' own exports and of poll results, and
`carepress impact report`: every figure in the report checked against one worked out by hand
here, charts present with tables equal to the data, a CSV per table, and the report private."""

from __future__ import annotations

import csv
import datetime as dt
import os
import sqlite3
from pathlib import Path

from conftest import Hub, post_text

SITE = "https://learn.riverbend-therapy.example.org"


def _rows(hub: Hub, sql: str) -> list[tuple]:
    with sqlite3.connect(hub.root / "records" / "impact.sqlite3") as db:
        return db.execute(sql).fetchall()


def _three_posts(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry", title="Worry and the Body Explained",
                                         categories=["Anxiety"], date="2026-10-01"))  # fmt: skip
    hub.write_post("sleep.md", post_text(slug="sleep", title="Sleep When Mood Is Low",
                                         categories=["Depression"], date="2026-10-02"))  # fmt: skip
    hub.write_post("panic.md", post_text(slug="panic", title="Grounding Through a Panic Attack",
                                         categories=["Anxiety"], date="2026-10-03"))  # fmt: skip


def _csv(path: Path, rows: list[list[str]], mtime: dt.datetime | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    if mtime is not None:
        os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return path


LINKEDIN = [
    ["Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date",
     "Campaign start date", "Campaign end date", "Audience", "Impressions",
     "Views (excluding off-site video views)", "Off-site views", "Clicks",
     "Click through rate (CTR)", "Likes", "Comments", "Reposts", "Follows", "Engagement rate",
     "Content Type"],
    # Named by a link to the hub in its title text, with a campaign tag.
    ["Why worry lives in the body " + SITE + "/blog/worry/?utm_source=linkedin",
     "https://www.linkedin.com/feed/update/urn:li:activity:1", "Organic", "", "Dana Reyes",
     "10/05/2026", "", "", "All followers", "2,000", "", "", "40", "0.02", "50", "6", "4", "",
     "0.05", "Image"],
    # Named by the post's title alone.
    ["Sleep When Mood Is Low: three small steps",
     "https://www.linkedin.com/feed/update/urn:li:activity:2", "Organic", "", "Dana Reyes",
     "10/07/2026", "", "", "All followers", "500", "", "", "5", "", "10", "0", "0", "", "",
     "Article"],
    # Names nothing of the hub: reported at its line, skipped.
    ["Happy holidays from the team", "https://www.linkedin.com/feed/update/urn:li:activity:3",
     "Organic", "", "Dana Reyes", "10/08/2026", "", "", "All followers", "90", "", "", "1", "",
     "3", "0", "0", "", "", "Text"],
    ["Grounding Through a Panic Attack", "https://www.linkedin.com/feed/update/urn:li:activity:4",
     "Organic", "", "Dana Reyes", "13/40/2026", "", "", "All followers", "90", "", "", "1", "",
     "3", "0", "0", "", "", "Text"],  # a date LinkedIn never writes: line 5
]  # fmt: skip

INSTAGRAM = [
    ["Post ID", "Account ID", "Account username", "Account name", "Description",
     "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
     "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"],
    ["1789", "17841", "riverbend", "Riverbend", "Grounding Through a Panic Attack: a carousel",
     "0", "10/06/2026 18:30", "https://www.instagram.com/p/abc/", "IG carousel", "", "Lifetime",
     "1000", "700", "30", "10", "2", "5", "15"],
]  # fmt: skip


def test_platform_exports_are_read_through_their_mappings(hub: Hub) -> None:
    _three_posts(hub)
    made = dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC)
    linkedin = _csv(hub.root / "linkedin.csv", LINKEDIN, made)
    result = hub.carepress("impact", "import", str(linkedin))
    assert result.returncode == 0, result.stderr
    assert ("linkedin.csv: LinkedIn page analytics, the \"All posts\" sheet of the content "
            "export, saved as CSV, as of 2026-11-02: 2 engagement rows, 2 skipped") in (
        result.stdout)  # fmt: skip
    assert "linkedin.csv:4: post: 'https://www.linkedin.com/feed/update/urn:li:activity:3' " \
        "names no post of this hub" in result.stderr  # fmt: skip
    assert "linkedin.csv:5: Created date: '13/40/2026' is not a date this export writes" in (
        result.stderr)
    instagram = _csv(hub.root / "instagram.csv", INSTAGRAM)
    result = hub.carepress("impact", "import", str(instagram), "--as-of", "2026-11-03")
    assert result.returncode == 0, result.stderr
    assert _rows(hub, "SELECT platform, post, day, impressions, reach, likes, comments, shares, "
                      "saves, clicks FROM engagement ORDER BY platform, post") == [
        ("instagram", "panic", "2026-11-03", 1000, 700, 30, 5, 10, 15, None),
        ("linkedin", "sleep", "2026-11-02", 500, None, 10, 0, 0, None, 5),
        ("linkedin", "worry", "2026-11-02", 2000, None, 50, 6, 4, None, 40),
    ]  # fmt: skip
    assert _rows(hub, "SELECT * FROM published ORDER BY platform, post") == [
        ("instagram", "panic", "2026-10-06T18:30", "carousel"),
        ("linkedin", "sleep", "2026-10-07", "link"),
        ("linkedin", "worry", "2026-10-05", "image"),
    ]  # fmt: skip


def test_an_old_address_kept_by_a_redirect_still_names_the_post(hub: Hub) -> None:
    _three_posts(hub)
    config = hub.root / "mkdocs.yml"
    redirected = (config.read_text().replace(
        "plugins:\n  - search\n",
        "plugins:\n  - search\n  - redirects:\n      redirect_maps:\n"
        "        blog/worry-in-the-body.md: posts/worry.md\n", 1))  # fmt: skip
    assert "redirect_maps" in redirected
    export = _csv(hub.root / "old.csv", [
        ["date", "platform", "post", "likes"],
        ["2026-11-02", "mastodon", SITE + "/blog/worry-in-the-body/", "3"],
        ["2026-11-02", "bluesky", "worry-in-the-body", "2"],
    ])  # fmt: skip
    # Before the redirect is known, the rows name nothing; once it is, the same file reads.
    before = hub.carepress("impact", "import", str(export))
    assert "old.csv:2: post: 'https://learn.riverbend-therapy.example.org/blog/worry-in-the-" \
        "body/' is no post of this hub" in before.stderr  # fmt: skip
    config.write_text(redirected)
    result = hub.carepress("impact", "import", str(export))
    assert result.returncode == 0, result.stderr
    assert _rows(hub, "SELECT platform, post, likes FROM engagement ORDER BY platform") == [
        ("bluesky", "worry", 2), ("mastodon", "worry", 3)]


def _report_figures(hub: Hub) -> Path:
    """Figures whose every report value is worked out by hand in the test below."""
    _three_posts(hub)
    _csv(hub.root / "figures.csv", [
        ["date", "platform", "post", "impressions", "reach", "likes", "comments", "shares",
         "saves", "clicks", "followers", "posted", "format"],
        # worry on LinkedIn: an older total, then the latest (the latest counts).
        ["2026-10-20", "linkedin", "worry", "1000", "", "10", "0", "0", "", "0", "", "", ""],
        ["2026-11-02", "linkedin", "worry", "2000", "1500", "50", "6", "4", "", "40", "",
         "2026-10-05 09:10", "image"],
        ["2026-11-02", "linkedin", "sleep", "500", "400", "10", "0", "0", "", "5", "",
         "2026-10-07 18:45", "link"],
        ["2026-11-02", "linkedin", "panic", "1000", "900", "20", "4", "6", "", "10", "",
         "2026-10-12 09:05", "image"],
        # Mastodon gives no impressions: interactions per post only.
        ["2026-11-02", "mastodon", "worry", "", "", "7", "2", "3", "", "", "",
         "2026-10-05 12:00", "link"],
        ["2026-11-02", "mastodon", "panic", "", "", "1", "0", "1", "", "", "",
         "2026-10-06 12:00", "link"],
        # Followers: LinkedIn 400 -> 430, Mastodon 120 -> 118.
        ["2026-10-01", "linkedin", "", "", "", "", "", "", "", "", "400", "", ""],
        ["2026-11-01", "linkedin", "", "", "", "", "", "", "", "", "430", "", ""],
        ["2026-10-01", "mastodon", "", "", "", "", "", "", "", "", "120", "", ""],
        ["2026-11-01", "mastodon", "", "", "", "", "", "", "", "", "118", "", ""],
    ])  # fmt: skip
    _csv(hub.root / "poll.csv", [
        ["date", "question", "answer", "responses", "post", "platform"],
        ["2026-11-01", "Was this useful?", "Yes", "10", "worry", "mastodon"],
        ["2026-11-02", "Was this useful?", "Yes", "18", "worry", "mastodon"],  # later: counts
        ["2026-11-02", "Was this useful?", "Not really", "6", "worry", "mastodon"],
        ["2026-11-02", "=HYPERLINK(\"http://evil.example\")", "Yes", "1", "", ""],
    ])  # fmt: skip
    log = hub.root / "access.log"
    agent = '"-" "Mozilla/5.0 (Macintosh) Safari/605.1.15"'
    log.write_text("".join(
        f'203.0.113.{i} - - [{day}/Nov/2026:17:00:00 +0000] "GET {target} HTTP/1.1" 200 900 '
        f"{agent}\n"
        for i, (day, target) in enumerate([
            ("02", "/blog/worry/?utm_source=linkedin"), ("02", "/blog/worry/?utm_source=linkedin"),
            ("03", "/blog/worry/?utm_source=linkedin"), ("03", "/blog/panic/?utm_source=mastodon"),
            ("10", "/blog/sleep/"), ("10", "/"),
        ])
    ))  # fmt: skip
    result = hub.carepress("impact", "import", str(hub.root / "figures.csv"),
                           str(hub.root / "poll.csv"), str(log))  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = hub.carepress("impact", "report")
    assert report.returncode == 0, report.stderr
    assert "(private: keep it off the site)" in report.stdout
    return hub.root / "records" / "impact-report"


def _table(folder: Path, key: str) -> list[list[str]]:
    with (folder / "tables" / f"{key}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_every_report_figure_matches_one_worked_by_hand(hub: Hub) -> None:
    folder = _report_figures(hub)
    # Interactions = likes + comments + shares + saves + clicks.
    # LinkedIn: worry 50+6+4+40 = 100 of 2000 (5.0%), sleep 10+5 = 15 of 500 (3.0%),
    # panic 20+4+6+10 = 40 of 1000 (4.0%); pooled 155 of 3500 = 4.4%, per post 155/3 = 51.7.
    # Mastodon: worry 7+2+3 = 12, panic 1+1 = 2; no impressions; per post 7.0.
    # Visits the campaign tags sent: worry from LinkedIn 3, panic from Mastodon 1.
    assert _table(folder, "by-platform") == [
        ["group", "posts", "posts on platforms", "impressions", "engagement rate",
         "interactions per post", "site visits sent"],
        ["LinkedIn", "3", "3", "3500", "4.4%", "51.7", "3"],
        ["Mastodon", "2", "2", "", "", "7.0", "1"],
    ]  # fmt: skip
    # Topics: Anxiety = worry and panic (2 posts) on both platforms (4): impressions 3000, 140
    # of 3000 = 4.7%, (100+40+12+2)/4 = 38.5; Depression = sleep (1).
    assert _table(folder, "by-topic")[1:] == [
        ["Anxiety", "2", "4", "3000", "4.7%", "38.5", "4"],
        ["Depression", "1", "1", "500", "3.0%", "15.0", "0"],
    ]
    # Weekdays (Monday 5 Oct, Tuesday 6 Oct, Wednesday 7 Oct, Monday 12 Oct 2026), in order.
    assert [row[:3] for row in _table(folder, "by-weekday")[1:]] == [
        ["Monday", "2", "3"], ["Tuesday", "1", "1"], ["Wednesday", "1", "1"]]
    assert [row[:3] + row[5:6] for row in _table(folder, "by-hour")[1:]] == [
        ["09:00", "2", "2", "70.0"], ["12:00", "2", "2", "7.0"], ["18:00", "1", "1", "15.0"]]
    assert [row[:3] for row in _table(folder, "by-format")[1:]] == [
        ["image", "2", "2"], ["link", "3", "3"]]
    # Followers, and the growth beside them.
    assert _table(folder, "followers")[1:] == [
        ["2026-10-01", "LinkedIn", "400"], ["2026-11-01", "LinkedIn", "430"],
        ["2026-10-01", "Mastodon", "120"], ["2026-11-01", "Mastodon", "118"]]
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "LinkedIn: 400 on 2026-10-01 to 430 on 2026-11-01 (+30)" in page
    assert "Mastodon: 120 on 2026-10-01 to 118 on 2026-11-01 (-2)" in page
    # Visits: by campaign, by page (the home page and sleep had untagged visits).
    assert _table(folder, "visits-by-campaign")[1:] == [["linkedin", "3"], ["mastodon", "1"]]
    assert _table(folder, "visits-by-page")[1:4] == [
        ["/blog/worry/", "Worry and the Body Explained", "3", "3"],
        ["/", "Home page", "1", "0"],
        ["/blog/panic/", "Grounding Through a Panic Attack", "1", "1"]]
    # Weeks start on Monday: 2 and 3 Nov are in the week of 2 Nov; the 10th in the next.
    assert _table(folder, "visits-by-week")[1:] == [
        ["2026-11-02", "visits", "4"], ["2026-11-09", "visits", "2"]]
    # Top posts: by rate, then interactions (Mastodon's have no rate).
    assert [row[:4] for row in _table(folder, "top-posts")[1:]] == [
        ["Worry and the Body Explained", "LinkedIn", "5.0%", "100"],
        ["Grounding Through a Panic Attack", "LinkedIn", "4.0%", "40"],
        ["Sleep When Mood Is Low", "LinkedIn", "3.0%", "15"],
        ["Worry and the Body Explained", "Mastodon", "", "12"],
        ["Grounding Through a Panic Attack", "Mastodon", "", "2"],
    ]  # fmt: skip
    # Feedback: the latest count of each answer; shares of the question's answers.
    feedback = _table(folder, "feedback")
    assert ["Was this useful?", "Yes", "18", "75.0%", "Worry and the Body Explained",
            "Mastodon", "2026-11-02"] in feedback  # fmt: skip
    assert ["Was this useful?", "Not really", "6", "25.0%", "Worry and the Body Explained",
            "Mastodon", "2026-11-02"] in feedback  # fmt: skip
    assert [r[1] for r in feedback if r[0] == "Was this useful?"] == ["Yes", "Not really"]
    # A cell a spreadsheet would run as a formula is written as text.
    assert any(row[0] == "'=HYPERLINK(\"http://evil.example\")" for row in feedback)
    # What to try next: with 5 posts-on-a-platform (median 15 interactions), Mondays (3 posts:
    # 100, 40, 2 -> median 40) and link posts... (3: 15, 12, 2 -> 12, not above) -> Mondays only.
    assert ("Try more posts that went out on Monday: their median is 40 interactions per post "
            "against 15 for all posts (n=3 of 5).") in page  # fmt: skip
    assert "Try more link posts" not in page
    # Topics: Anxiety is worry and panic on both platforms (100, 40, 12, 2 -> median 26);
    # Depression has one post, too few to say anything of.
    assert ("Try more posts on Anxiety: their median is 26 interactions per post against 15 "
            "for all posts (n=4 of 5).") in page  # fmt: skip
    assert "posts on Depression" not in page and "went out around" not in page  # n < 3
    assert "The median engagement rate is 4.0% (n=3 posts" in page


def test_the_report_draws_each_chart_beside_its_table_and_stays_private(hub: Hub) -> None:
    folder = _report_figures(hub)
    page = (folder / "index.html").read_text(encoding="utf-8")
    for key in ("by-platform", "by-weekday", "followers", "visits-by-campaign", "top-posts"):
        svg = (folder / "charts" / f"{key}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert f'src="charts/{key}.svg" alt="Chart: ' in page
        assert f'href="tables/{key}.csv"' in page
    # The chart's labels are the table's: each group's name is text in the SVG.
    bars = (folder / "charts" / "by-platform.svg").read_text(encoding="utf-8")
    assert "LinkedIn" in bars and "Mastodon" in bars
    # Text is escaped; nothing is fetched from anywhere; not for search engines.
    assert "<script" not in page and "http://evil.example" not in page.replace(
        "&#34;http://evil.example&#34;", "")
    assert "default-src 'none'" in page and 'content="noindex, nofollow"' in page
    # No reader's address or agent from the log in any file of the report or the database.
    files = [*folder.rglob("*"), hub.root / "records" / "impact.sqlite3"]
    for path in (f for f in files if f.is_file()):
        data = path.read_bytes()
        assert b"203.0.113" not in data and b"Safari" not in data, path
    # The report is refused inside the site, and will not replace a folder it did not make.
    inside = hub.carepress("impact", "report", "-o", str(hub.root / "site" / "impact"))
    assert inside.returncode == 2 and "the impact report may not be in" in inside.stderr
    mine = hub.root / "notes"
    mine.mkdir()
    (mine / "keep.txt").write_text("mine")
    refused = hub.carepress("impact", "report", "-o", str(mine))
    assert refused.returncode == 2 and "not a CarePress report and not empty" in refused.stderr
    assert (mine / "keep.txt").read_text() == "mine"
    # A second report replaces the first whole.
    again = hub.carepress("impact", "report")
    assert again.returncode == 0 and (folder / "index.html").is_file()
    assert not list(folder.parent.glob(".impact-report-*"))


def test_a_report_with_no_figures_says_so(hub: Hub) -> None:
    result = hub.carepress("impact", "report")
    assert result.returncode == 2
    assert "no figures yet; bring some in with `carepress impact import`" in result.stderr


def test_a_post_without_a_recorded_time_is_left_out_of_the_weekday_and_hour(hub: Hub) -> None:
    """The article's own date is not when it went out: such a row is in no weekday or hour
    group, the tables say how many they left out, and its "went out" is blank."""
    _three_posts(hub)
    _csv(hub.root / "figures.csv", [
        ["date", "platform", "post", "impressions", "likes", "posted", "followers"],
        ["2026-11-02", "linkedin", "worry", "100", "5", "2026-10-05 09:10", ""],  # a Monday
        ["2026-11-02", "linkedin", "sleep", "100", "5", "2026-10-07", ""],  # a day, no time
        ["2026-11-02", "linkedin", "panic", "100", "5", "", ""],  # not recorded (dated a Sat.)
        ["2026-11-02", "mastodon", "panic", "", "2", "", ""],
        ["2026-11-01", "x", "", "", "", "", "77"],  # one count of followers
    ])  # fmt: skip
    assert hub.carepress("impact", "import", str(hub.root / "figures.csv")).returncode == 0
    assert hub.carepress("impact", "report").returncode == 0
    folder = hub.root / "records" / "impact-report"
    assert [row[:3] for row in _table(folder, "by-weekday")[1:]] == [
        ["Monday", "1", "1"], ["Wednesday", "1", "1"]]
    assert [row[:3] for row in _table(folder, "by-hour")[1:]] == [["09:00", "1", "1"]]
    # The topic table counts panic once as a post, twice as a post on platforms.
    assert ["Anxiety", "2", "3"] in [row[:3] for row in _table(folder, "by-topic")]
    went_out = {(row[0], row[1]): row[2] for row in _table(folder, "posts")[1:]}
    assert went_out[("Grounding Through a Panic Attack", "LinkedIn")] == ""
    assert went_out[("Worry and the Body Explained", "LinkedIn")] == "2026-10-05 09:10"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "2 of 4 posts on platforms are left out: when they went out is not recorded" in page
    assert "3 of 4 posts on platforms are left out: the time they went out is not recorded" \
        in page  # fmt: skip
    assert "Saturday" not in page
    assert "X: 77 on 2026-11-01 (one count so far)" in page
