"""`carepress impact import`: the practice's own figures into a local SQLite file, bad rows
reported at their lines, each file once, and never a reader's address or user agent."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

from conftest import Hub, post_text

SITE = "https://learn.riverbend-therapy.example.org"


def _rows(hub: Hub, sql: str) -> list[tuple]:
    with sqlite3.connect(hub.root / "records" / "impact.sqlite3") as db:
        return db.execute(sql).fetchall()


def test_engagement_rows_by_address_path_or_slug_and_bad_rows_at_their_lines(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry"))
    export = hub.root / "export.csv"
    export.write_text(
        "date,platform,post,impressions,reach,likes,comments,shares,saves,clicks,followers\n"
        f"2026-11-02,mastodon,{SITE}/blog/worry/,120,100,7,2,3,,5,410\n"  # line 2: address
        "2026-11-03,bluesky,blog/worry/,80,,4,0,1,,,\n"  # line 3: path
        "2026-11-04,x,worry,\"1,200\",,9,,,,,\n"  # line 4: slug, a thousands separator
        "2026-13-01,x,worry,1,,,,,,,\n"  # line 5: no such month
        "2026-11-05,myspace,worry,1,,,,,,,\n"  # line 6: no such platform
        "2026-11-05,x,no-such-post,1,,,,,,,\n"  # line 7
        "2026-11-05,x,worry,-3,,,,,,,\n"  # line 8
        "2026-11-05,x,worry,lots,,,,,,,\n"  # line 9
    )
    result = hub.carepress("impact", "import", str(export))
    assert result.returncode == 0, result.stderr
    assert "export.csv: 3 engagement rows, 1 follower counts, 5 skipped" in result.stdout
    for line, why in ((5, "date: '2026-13-01' is not a date"), (6, "platform: 'myspace'"),
                      (7, "post: 'no-such-post' is no post of this hub"),
                      (8, "impressions: -3 is negative"),
                      (9, "impressions: 'lots' is not a whole number")):  # fmt: skip
        assert f"export.csv:{line}: {why}" in result.stderr, result.stderr
    assert _rows(hub, "SELECT day, platform, post, impressions, likes, saves "
                      "FROM engagement ORDER BY day") == [
        ("2026-11-02", "mastodon", "worry", 120, 7, None),  # empty is unknown, not 0
        ("2026-11-03", "bluesky", "worry", 80, 4, None),
        ("2026-11-04", "x", "worry", 1200, 9, None),
    ]  # fmt: skip
    # The account's followers, kept apart from the post's figures.
    assert _rows(hub, "SELECT platform, day, followers FROM followers") == [
        ("mastodon", "2026-11-02", 410)]
    again = hub.carepress("impact", "import", str(export))
    assert "export.csv (read again; figures replace, never add): 3 engagement rows" in (
        again.stdout)
    assert len(_rows(hub, "SELECT * FROM engagement")) == 3
    assert _rows(hub, "SELECT impressions FROM engagement WHERE platform = 'x'") == [(1200,)]


def test_a_file_in_another_format_names_the_columns_expected(hub: Hub) -> None:
    other = hub.root / "someone-elses.csv"
    other.write_text("Day,Views,Taps\n2026-11-02,10,1\n")
    result = hub.carepress("impact", "import", str(other))
    assert result.returncode == 2
    assert "someone-elses.csv: not a CSV CarePress reads" in result.stderr
    for expected in ("engagement CSV has the columns date, platform, post, impressions",
                     "a poll or survey CSV has date, question, answer, responses",
                     "LinkedIn page analytics", "(columns Post link, Created date, Impressions)",
                     "Instagram", "Facebook", "X (Twitter)", "Plausible",
                     "GoatCounter"):  # fmt: skip
        assert expected in result.stderr, expected
    assert "Traceback" not in result.stderr
    assert not (hub.root / "records" / "impact.sqlite3").exists() or not _rows(
        hub, "SELECT * FROM imported")


LOG = [
    # A reader from a Mastodon post, at 23:30 in Los Angeles on 1 November (07:30 UTC the
    # next day): counted on the practice's own day.
    '203.0.113.7 - - [02/Nov/2026:07:30:00 +0000] "GET /blog/worry/?utm_source=mastodon'
    '&utm_medium=social HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0)"',
    '198.51.100.23 - - [01/Nov/2026:10:00:00 -0700] "GET /blog/worry/ HTTP/2.0" 200 5120 '
    '"https://example.net/" "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0"',
    # Not visits: a bot, an asset, a 404, a POST, a feed.
    '66.249.66.1 - - [01/Nov/2026:10:05:00 -0700] "GET /blog/worry/ HTTP/1.1" 200 5120 "-" '
    '"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"',
    '198.51.100.23 - - [01/Nov/2026:10:00:01 -0700] "GET /assets/stylesheets/main.css '
    'HTTP/2.0" 200 900 "-" "Mozilla/5.0 Firefox/131.0"',
    '198.51.100.24 - - [01/Nov/2026:10:00:02 -0700] "GET /no-such-page/ HTTP/2.0" 404 9 "-" '
    '"Mozilla/5.0 Firefox/131.0"',
    '198.51.100.25 - - [01/Nov/2026:10:00:03 -0700] "POST /blog/worry/ HTTP/2.0" 200 9 "-" '
    '"Mozilla/5.0 Firefox/131.0"',
    "this line is not a log line at all",
]
# After the clocks went back (2 November 2026 in the US is after the change on the 1st):
ROTATED = [
    '192.0.2.44 - - [03/Nov/2026:08:15:00 +0000] "GET /blog/worry/?utm_source=bluesky '
    'HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (Android 15) Chrome/130.0"',
    # The Common Log Format has no user agent: counted.
    '192.0.2.45 - - [03/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 4000',
]


def test_access_logs_count_visits_and_keep_no_address_or_agent(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry"))
    log = hub.root / "access.log"
    log.write_text("\n".join(LOG) + "\n")
    rotated = hub.root / "access.log.1.gz"
    rotated.write_bytes(gzip.compress(("\n".join(ROTATED) + "\n").encode()))
    result = hub.carepress("impact", "import", str(log), str(rotated))
    assert result.returncode == 0, result.stderr
    # Every line accounted for: 2 + 1 + 3 (a stylesheet, a 404, a POST) + 1 = 7.
    assert "access.log: 7 lines, 2 page visits counted, 1 from bots left out, 3 other " \
        "requests (files, feeds, errors), 1 unreadable lines skipped" in result.stdout  # fmt: skip
    assert "access.log:7: not a Common or Combined Log Format line; skipped" in result.stderr
    # Days in the practice's time zone (America/Los_Angeles, from social_hours).
    assert _rows(hub, "SELECT day, page, campaign, visits FROM visits ORDER BY day, page") == [
        ("2026-11-01", "/blog/worry/", "", 1),
        ("2026-11-01", "/blog/worry/", "mastodon", 1),
        ("2026-11-03", "/", "", 1),
        ("2026-11-03", "/blog/worry/", "bluesky", 1),
    ]  # fmt: skip
    assert hub.carepress("impact", "import", str(log)).stdout.count("imported before") == 1
    assert sum(v for (v,) in _rows(hub, "SELECT visits FROM visits")) == 4  # nothing doubled
    # No address and no user agent anywhere in the file.
    data = (hub.root / "records" / "impact.sqlite3").read_bytes()
    for kept_out in (b"203.0.113.7", b"198.51.100", b"66.249", b"192.0.2", b"Mozilla",
                     b"Googlebot", b"iPhone", b"Firefox"):  # fmt: skip
        assert kept_out not in data, kept_out


def test_the_database_stays_out_of_the_site_and_git(hub: Hub) -> None:
    ignored = (Path(__file__).resolve().parents[1] / ".gitignore").read_text()
    assert "records/impact.sqlite3" in ignored.splitlines()
    log = hub.root / "access.log"
    log.write_text(LOG[0] + "\n")
    for inside in ("content/impact.sqlite3", "site/impact.sqlite3"):
        result = hub.carepress("impact", "import", str(log), "--db", str(hub.root / inside))
        assert result.returncode == 2
        assert "the impact database may not be in" in result.stderr
        assert not (hub.root / inside).exists()


def test_hostile_exports_are_reported_never_a_traceback(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry"))
    header = "date,platform,post,impressions\n"
    huge = hub.root / "huge.csv"  # a field past the CSV reader's limit, between good rows
    huge.write_text(header + "2026-11-02,x,worry,1\n" + "2026-11-03,x,worry," + "9" * 200_000
                    + "\n2026-11-04,x,worry,4\n")  # fmt: skip
    result = hub.carepress("impact", "import", str(huge))
    assert result.returncode == 0, result.stderr
    assert "huge.csv:3: field larger than field limit" in result.stderr
    assert "huge.csv: 2 engagement rows, 1 skipped" in result.stdout
    latin = hub.root / "latin.csv"  # not UTF-8: the whole file is refused, nothing kept
    latin.write_bytes(header.encode() + "2026-11-05,x,worry,1 café\n".encode("latin-1"))
    refused = hub.carepress("impact", "import", str(latin))
    assert refused.returncode == 2
    assert "latin.csv: not UTF-8 text; export or save it as CSV UTF-8" in refused.stderr
    assert "Traceback" not in result.stderr + refused.stderr
    assert _rows(hub, "SELECT name FROM imported") == [("huge.csv",)]


def test_what_a_new_practice_gets_wrong_is_named_and_counted_once(hub: Hub) -> None:
    """Found by trying it as a practice would: link previews are not readers, a figure dated
    tomorrow is a typo, a gzipped copy of a log is the same log, and files that are not CSV
    text say what they are."""
    hub.write_post("worry.md", post_text(slug="worry", date="2026-10-01"))
    agents = ["Mastodon/4.2.0 (http.rb/5.1.1; +https://mastodon.social/)", "Bluesky Cardyb/1.1",
              "facebookexternalhit/1.1", "WhatsApp/2.23.20.0", "-",
              "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile/15E148"]  # fmt: skip
    log = hub.root / "access.log"
    log.write_text("".join(f'192.0.2.{i} - - [03/Nov/2026:18:00:00 +0000] "GET /blog/worry/ '
                           f'HTTP/1.1" 200 900 "-" "{agent}"\n'
                           for i, agent in enumerate(agents))
                   # Anyone can write anything in a link's utm_source: a name is not kept.
                   + '192.0.2.9 - - [03/Nov/2026:18:01:00 +0000] "GET /blog/worry/?utm_source='
                     'Jane%20Doe%20client HTTP/1.1" 200 900 "-" "Mozilla/5.0 Firefox/131.0"\n')
    first = hub.carepress("impact", "import", str(log))
    assert "7 lines, 2 page visits counted, 5 from bots left out" in first.stdout, first.stdout
    assert _rows(hub, "SELECT campaign, visits FROM visits ORDER BY campaign") == [
        ("", 1), ("other", 1)]
    assert b"Jane" not in (hub.root / "records" / "impact.sqlite3").read_bytes()
    zipped = hub.root / "access.log.gz"
    zipped.write_bytes(gzip.compress(log.read_bytes()))
    again = hub.carepress("impact", "import", str(zipped))
    assert "access.log.gz: imported before; nothing added" in again.stdout
    assert _rows(hub, "SELECT SUM(visits) FROM visits") == [(2,)]
    future = hub.root / "future.csv"
    future.write_text("date,platform,post,impressions\n2999-12-25,x,worry,99999\n")
    result = hub.carepress("impact", "import", str(future))
    assert "future.csv:2: date: 2999-12-25 is still to come" in result.stderr
    # A UK-style date in LinkedIn's US format reads as a day before the post existed.
    linkedin = hub.root / "linkedin.csv"
    linkedin.write_text("Post title,Post link,Created date,Impressions\n"
                        "Coping with worry,https://www.linkedin.com/feed/update/1,04/11/2026,10\n")
    result = hub.carepress("impact", "import", str(linkedin))
    assert "linkedin.csv:2: Created date: '04/11/2026' read as 2026-04-11, before the post's " \
        "own date (2026-10-01): is the file's date day-first?" in result.stderr  # fmt: skip
    for name, data, said in (
        ("semicolons.csv", b"date;platform;post\n2026-11-02;x;worry\n", "separated by semicolons"),
        ("empty.csv", b"", "the file is empty"),
        ("book.csv", b"PK\x03\x04rest of a workbook", "an Excel workbook, not CSV text"),
    ):  # fmt: skip
        (hub.root / name).write_bytes(data)
        refused = hub.carepress("impact", "import", str(hub.root / name))
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
    folder = hub.carepress("impact", "import", str(hub.root / "content"))
    assert folder.returncode == 2 and "a folder; give the files in it" in folder.stderr


def test_nothing_private_goes_where_the_theme_would_publish_it(hub: Hub) -> None:
    log = hub.root / "access.log"
    log.write_text(LOG[0] + "\n")
    overrides = hub.root / "overrides"
    for command in (("impact", "import", str(log), "--db", str(overrides / "x.sqlite3")),
                    ("impact", "report", "-o", str(overrides / "impact"))):  # fmt: skip
        result = hub.carepress(*command)
        assert result.returncode == 2 and "may not be in the theme's custom_dir" in result.stderr
    assert not list(overrides.glob("x.sqlite3")) and not (overrides / "impact").exists()


def test_a_private_record_made_in_the_hub_is_flagged_unless_git_ignores_it(hub: Hub) -> None:
    log = hub.root / "access.log"
    log.write_text(LOG[0] + "\n")
    first = hub.carepress("impact", "import", str(log))
    assert "records/impact.sqlite3 (the impact figures) is not in .gitignore" in first.stderr
    log.write_text(LOG[1] + "\n")
    assert "gitignore" not in hub.carepress("impact", "import", str(log)).stderr  # said once
    (hub.root / ".gitignore").write_text("records/impact-report\n")
    report = hub.carepress("impact", "report")
    assert report.returncode == 0 and "gitignore" not in report.stderr


def test_logs_and_an_analytics_export_of_the_same_days_are_not_both_counted(hub: Hub) -> None:
    log = hub.root / "access.log"
    log.write_text(LOG[0] + "\n" + LOG[1] + "\n")  # 1 November in Los Angeles
    assert hub.carepress("impact", "import", str(log)).returncode == 0
    goat = hub.root / "goatcounter.csv"
    goat.write_text("2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,"
                    "Referrer scheme,Screen size,Location,FirstVisit,Date\n"
                    "/blog/worry,Worry,false,,Firefox,Linux,s1,0,,,1920,US,true,"
                    "2026-11-01T18:00:00Z\n")  # fmt: skip
    result = hub.carepress("impact", "import", str(goat))
    assert result.returncode == 2
    assert "visits on 2026-11-01 (1 days) were already counted from access logs" in (
        result.stderr)
    assert _rows(hub, "SELECT SUM(visits) FROM visits") == [(2,)]  # nothing added
