"""`carepress impact import`, what it questions: a server log read again after it grew (only
its new lines count), a post named by its source file, figures for a post the site does not
show, a log CarePress cannot read at all, and a row given twice in one file."""

from __future__ import annotations

import gzip
import sqlite3
import stat

from carepress.impact.log_texts import read_text
from conftest import Hub, post_text


def _rows(hub: Hub, sql: str) -> list[tuple]:
    with sqlite3.connect(hub.root / "records" / "impact.sqlite3") as db:
        return db.execute(sql).fetchall()


def _visit(address: str, page: str, minute: int) -> str:
    return (f'{address} - - [02/Nov/2026:18:{minute:02d}:00 +0000] "GET {page} HTTP/1.1" 200 '
            '5120 "-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0"')  # fmt: skip


PART_A = [_visit("203.0.113.7", "/blog/worry/?utm_source=instagram", 1),
          _visit("203.0.113.8", "/", 2)]  # fmt: skip
PART_B = [_visit("203.0.113.9", "/blog/worry/?utm_source=instagram", 3),
          _visit("203.0.113.10", "/blog/worry/", 4), _visit("203.0.113.11", "/", 5),
          _visit("203.0.113.12", "/", 6)]  # fmt: skip
PART_C = [_visit("203.0.113.13", "/blog/worry/", 7)]


def _total(hub: Hub) -> int:
    return sum(n for (n,) in _rows(hub, "SELECT visits FROM visits"))


def test_a_log_read_again_after_it_grew_counts_each_line_once(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry"))
    log = hub.root / "access.log"
    log.write_text("\n".join(PART_A) + "\n")
    first = hub.carepress("impact", "import", str(log))
    assert first.returncode == 0, first.stderr
    assert _total(hub) == 2
    # The same access.log a day later, with more lines: only the new ones are counted.
    log.write_text("\n".join(PART_A + PART_B) + "\n")
    grown = hub.carepress("impact", "import", str(log))
    assert grown.returncode == 0, grown.stderr
    assert ("access.log: grew since it was imported (its first 2 lines were counted then): "
            "4 new lines, 4 page visits counted") in grown.stdout  # fmt: skip
    assert _total(hub) == 6
    assert _rows(hub, "SELECT page, campaign, visits FROM visits ORDER BY page, campaign") == [
        ("/", "", 3),
        ("/blog/worry/", "", 1),
        ("/blog/worry/", "instagram", 2),
    ]
    # Read again as it is: nothing; rotated and gzipped with still more lines: the rest only.
    assert "imported before; nothing added" in hub.carepress("impact", "import", str(log)).stdout
    rotated = hub.root / "access.log.1.gz"
    rotated.write_bytes(gzip.compress(("\n".join(PART_A + PART_B + PART_C) + "\n").encode()))
    again = hub.carepress("impact", "import", str(rotated))
    assert "its first 6 lines were counted then): 1 new lines" in again.stdout, again.stdout
    assert _total(hub) == 7
    # A new log after rotation begins otherwise: read whole.
    fresh = hub.root / "access.log.new"
    fresh.write_text("\n".join(PART_C) + "\n")
    whole = hub.carepress("impact", "import", str(fresh))
    assert "access.log.new: 1 lines, 1 page visits counted" in whole.stdout, whole.stdout
    assert _total(hub) == 8
    # What it keeps to know a log again is a digest and a length: no address, no agent.
    data = (hub.root / "records" / "impact.sqlite3").read_bytes()
    for kept_out in (b"203.0.113", b"Mozilla", b"Firefox"):
        assert kept_out not in data


def test_a_log_copied_while_a_line_was_being_written(tmp_path) -> None:
    """The line half-written when the log was first copied was counted then (or reported);
    read again, its rest is passed over and the lines are numbered as in the whole log."""
    from carepress.impact.access_logs import count_visits

    log = tmp_path / "access.log"
    whole = "\n".join(PART_A + PART_B) + "\n"
    cut = len("\n".join(PART_A)) + 40  # into the third line
    log.write_text(whole[:cut])
    text, before = read_text(log, "access.log", [])
    assert before is None and text.lines == 2 and not text.ends_a_line
    log.write_text(whole + "not a log line\n")
    _, before = read_text(log, "access.log", [(text.sha256, text.size), ("0" * 64, 5)])
    assert before == text
    counts = count_visits(log, None, "access.log", before)
    assert counts.lines == 4  # lines 4, 5, 6 and the bad one, 7
    assert counts.problems == ["access.log:7: not a Common or Combined Log Format line; skipped"]


def test_posts_named_by_their_source_file_and_drafts_refused(hub: Hub) -> None:
    hub.write_post("sleep-and-mood.md", post_text(slug="sleep-and-mood", title="Sleep and mood"))
    hub.write_post(
        "eating-disorder-myths.md",
        post_text(
            slug="eating-disorder-myths", title="Five Myths About Eating Disorders", draft=True
        ),
    )
    hub.write_post("coming-up.md", post_text(slug="coming-up", title="A post still to come",
                                             date="2099-01-05"))  # fmt: skip
    figures = hub.root / "paths.csv"
    figures.write_text(
        "date,platform,post,impressions,likes\n"
        "2026-11-02,linkedin,posts/sleep-and-mood.md,100,1\n"  # as the ledger names it
        "2026-11-02,mastodon,content/posts/sleep-and-mood.md,100,2\n"  # as check does
        "2026-11-02,bluesky,sleep-and-mood.md,100,3\n"  # the file's name
        "2026-11-02,x,./content/posts/sleep-and-mood.md,100,4\n"  # relative to the hub
        "2026-11-02,instagram,eating-disorder-myths,500,40\n"  # a draft
        "2026-11-02,facebook,posts/coming-up.md,50,5\n"  # dated to come
        "2026-11-02,threads,posts/no-such.md,50,5\n"
    )
    result = hub.carepress("impact", "import", str(figures))
    assert result.returncode == 0, result.stderr
    assert "paths.csv: 4 engagement rows, 3 skipped" in result.stdout, result.stdout
    assert ("paths.csv:6: post: 'eating-disorder-myths' is a draft, not published: figures are "
            "for published posts; skipped") in result.stderr  # fmt: skip
    assert "paths.csv:7: post: 'posts/coming-up.md' is a post dated 2099-01-05, in the " \
        "future, not published" in result.stderr  # fmt: skip
    assert "paths.csv:8: post: 'posts/no-such.md' is no post of this hub (give its address, " \
        "its path, its source file or its slug)" in result.stderr  # fmt: skip
    assert _rows(hub, "SELECT DISTINCT post FROM engagement") == [("sleep-and-mood",)]
    report = hub.carepress("impact", "report")
    assert report.returncode == 0, report.stderr
    page = (hub.root / "records" / "impact-report" / "index.html").read_text()
    assert "Eating Disorders" not in page


def test_a_file_name_two_posts_share_is_refused_naming_both(hub: Hub) -> None:
    hub.write_post("2025/worry.md", post_text(slug="worry-2025", title="Worry, a year ago"))
    hub.write_post("2026/worry.md", post_text(slug="worry-2026", title="Worry, this year"))
    figures = hub.root / "figures.csv"
    figures.write_text("date,platform,post,likes\n2026-11-02,x,worry.md,1\n"
                       "2026-11-02,x,posts/2026/worry.md,2\n")  # fmt: skip
    result = hub.carepress("impact", "import", str(figures))
    assert "figures.csv:2: post: 'worry.md' could be any of 2 posts (worry-2025, worry-2026)" \
        in result.stderr  # fmt: skip
    assert _rows(hub, "SELECT post, likes FROM engagement") == [("worry-2026", 2)]


def test_a_row_given_twice_in_one_file_is_reported(hub: Hub) -> None:
    hub.write_post("worry.md", post_text(slug="worry"))
    figures = hub.root / "figures.csv"
    figures.write_text(
        "date,platform,post,likes,followers\n"
        "2026-11-02,x,worry,5,\n"
        "2026-11-02,x,blog/worry/,7,\n"  # the same post, platform and day
        "2026-11-02,linkedin,,,430\n"
        "2026-11-02,linkedin,,,431\n"  # the account's followers twice
        "2026-11-03,x,worry,9,\n"  # another day: fine
    )
    result = hub.carepress("impact", "import", str(figures))
    assert result.returncode == 0, result.stderr
    assert ("figures.csv:3: blog/worry/ on x on 2026-11-02 again (line 2 gave it too); this "
            "row's figures replace line 2's") in result.stderr  # fmt: skip
    assert "figures.csv:5: the followers on linkedin on 2026-11-02 again (line 4" in result.stderr
    assert "skipped" not in result.stdout
    assert _rows(hub, "SELECT day, likes FROM engagement ORDER BY day") == [
        ("2026-11-02", 7),
        ("2026-11-03", 9),
    ]


def test_a_log_with_no_line_carepress_reads_is_refused(hub: Hub) -> None:
    vhost = hub.root / "vhost.log"
    vhost.write_text("".join(f"www.example.org:443 {line}\n" for line in PART_A) + "\n")
    result = hub.carepress("impact", "import", str(vhost))
    assert result.returncode == 2
    assert "vhost.log: not a log CarePress reads: none of its 2 lines is in the Common or " \
        "Combined Log Format" in result.stderr  # fmt: skip
    assert "Nothing was imported" in result.stderr
    database = hub.root / "records" / "impact.sqlite3"
    assert not database.exists() or not _rows(hub, "SELECT * FROM imported")


def test_the_impact_database_is_its_owners_alone(hub: Hub) -> None:
    log = hub.root / "access.log"
    log.write_text(PART_A[0] + "\n")
    assert hub.carepress("impact", "import", str(log)).returncode == 0
    database = hub.root / "records" / "impact.sqlite3"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
