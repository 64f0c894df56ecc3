"""Plausible's and GoatCounter's CSV exports read as page views per day, page and campaign:
files told apart by their columns, days where the practice is, bad rows reported at their
lines, and never a reader's user agent kept."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from carepress.impact.analytics_exports import FormatError, analytics_kind, read_analytics

LA = ZoneInfo("America/Los_Angeles")

# The headers as the tools write them: Plausible through ClickHouse's CSVWithNames (names and
# strings quoted, numbers not; lib/plausible/exports.ex), GoatCounter through Go's
# encoding/csv (exportcsv.go, RunCSV).
PAGES = (
    '"date","hostname","page","visits","visitors","pageviews","total_scroll_depth",'
    '"total_scroll_depth_visits","total_time_on_page","total_time_on_page_visits"\n'
)
SOURCES = (
    '"date","source","referrer","utm_source","utm_medium","utm_campaign","utm_content",'
    '"utm_term","pageviews","visitors","visits","visit_duration","bounces"\n'
)
VISITORS = '"date","visitors","pageviews","bounces","visits","visit_duration"\n'
ENTRY_PAGES = '"date","entry_page","visitors","entrances","visit_duration","bounces","pageviews"\n'
CUSTOM_EVENTS = '"date","name","link_url","path","visitors","events"\n'
GOAT = (
    "2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,"
    "Screen size,Location,FirstVisit,Date\n"
)
AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:80.0) Gecko/20100101 Firefox/80.0 ReaderAgent7"
SESSION = "287fb97cbed4e4f-8e4f5c975b8fee06"


def goat(path: str, date: str, event: str = "0", bot: str = "0", ref: str = "",
         scheme: str = "") -> str:  # fmt: skip
    """One GoatCounter row, on one line (the user agent holds commas: it is quoted)."""
    out = io.StringIO()
    row = [path, "A title", event, AGENT, "Firefox 80", "Linux", SESSION, bot, ref, scheme,
           "1280,0,1", "US-CA", "1", date]  # fmt: skip
    csv.writer(out, lineterminator="\n").writerow(row)
    return out.getvalue()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PAGES_ROWS = (
    '"2026-11-02","learn.example.org","/blog/worry/",8,7,11,0,0,0,0\n'
    # The same page under another hostname adds up; \N is ClickHouse's NULL (not read).
    '"2026-11-02","www.learn.example.org","/blog/worry/",1,1,2,\\N,\\N,0,0\n'
    '"2026-11-02","learn.example.org","/",5,5,6,0,0,0,0\n'
    '"2026-11-03","learn.example.org","/blog/sleep",3,3,4,0,0,0,0\n'  # no trailing slash
    '"2026-11-03","learn.example.org","/assets/logo.png",2,2,2,0,0,0,0\n'  # not a page
    '"2026-11-03","learn.example.org","/search/",1,1,1,0,0,0,0\n'  # not a page either
    '"2026-11-03","learn.example.org","/about.html",1,1,3,0,0,0,0\n'
)
SOURCES_ROWS = (
    '"2026-11-02","Google","google.com","","","","","",70,23,25,8249,13\n'  # no campaign
    '"2026-11-02","Mastodon","mastodon.social","mastodon","social","worry","","",9,5,6,280,1\n'
    '"2026-11-02","newsletter","","newsletter","email","spring, 2026","","",4,2,2,30,1\n'
    '"2026-11-02","Mastodon","mastodon.social","mastodon","social","sleep","","",3,1,1,0,1\n'
    '"2026-11-03","Direct / None","","","","","","",5,5,5,0,5\n'  # no campaign
    '"2026-11-03","x","","' + "a" * 45 + '","","","","",2,1,1,0,1\n'  # longer than a tag: "other"
)
PAGES_VISITS = {
    ("2026-11-02", "/blog/worry/", ""): 13,
    ("2026-11-02", "/", ""): 6,
    ("2026-11-03", "/blog/sleep/", ""): 4,
    ("2026-11-03", "/about.html", ""): 3,
}
SOURCES_VISITS = {
    ("2026-11-02", "", "mastodon"): 12,
    ("2026-11-02", "", "newsletter"): 4,
    ("2026-11-03", "", "other"): 2,
}


def test_plausible_pages_file_page_views_per_page_and_day(tmp_path: Path) -> None:
    # Told apart by its columns, whatever its name; a Plausible date is kept as it is.
    path = write(tmp_path, "traffic.csv", PAGES + PAGES_ROWS)
    counts = read_analytics(path, "traffic.csv", LA)
    assert counts.visits == Counter(PAGES_VISITS)
    assert (counts.rows, counts.left_out, counts.bad_rows) == (7, 2, 0)
    assert counts.problems == []
    assert counts.source == "Plausible pages"


def test_plausible_sources_file_campaign_totals_for_the_whole_site(tmp_path: Path) -> None:
    counts = read_analytics(write(tmp_path, "s.csv", SOURCES + SOURCES_ROWS), "s.csv", None)
    assert counts.visits == Counter(SOURCES_VISITS)
    assert (counts.rows, counts.left_out, counts.bad_rows) == (6, 2, 0)
    assert counts.source == "Plausible sources"


def test_plausible_zip_reads_pages_and_sources_and_leaves_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "learn_example_org_20261231.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        visitors = VISITORS + '"2026-11-02",119,304,77,134,21070\n'
        archive.writestr("imported_visitors_20261102_20261103.csv", visitors)
        # Page views per entry page and per event's path: not page views per page.
        entry = ENTRY_PAGES + '"2026-11-02","/blog/worry/",28,29,3573,13,64\n'
        archive.writestr("imported_entry_pages_20261102_20261103.csv", entry)
        events = CUSTOM_EVENTS + '"2026-11-02","404","","/blog/worry/",1,1\n'
        archive.writestr("imported_custom_events_20261102_20261103.csv", events)
        archive.writestr("imported_pages_20261102_20261103.csv", PAGES + PAGES_ROWS)
        archive.writestr("imported_sources_20261102_20261103.csv", SOURCES + SOURCES_ROWS)
        archive.writestr("notes/readme.txt", "not a CSV")
    counts = read_analytics(path, "export.zip", LA)
    assert counts.visits == Counter(
        {
            ("2026-11-02", "/blog/worry/", ""): 13,
            ("2026-11-02", "/", ""): 6,
            ("2026-11-03", "/blog/sleep/", ""): 4,
            ("2026-11-03", "/about.html", ""): 3,
            ("2026-11-02", "", "mastodon"): 12,
            ("2026-11-02", "", "newsletter"): 4,
            ("2026-11-03", "", "other"): 2,
        }
    )
    assert (counts.rows, counts.left_out, counts.bad_rows) == (13, 4, 0)
    assert counts.source == "Plausible pages and sources"


def test_a_bad_row_in_a_zip_is_reported_at_its_member_and_line(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        good, bad = '"2026-11-02","h","/",1,1,2,0,0,0,0\n', '"2026-11-31","h","/",1,1,2,0,0,0,0\n'
        archive.writestr("imported_pages.csv", PAGES + good + bad)
    counts = read_analytics(path, "export.zip", None)
    assert counts.visits == Counter({("2026-11-02", "/", ""): 2})
    assert counts.problems == [
        "export.zip/imported_pages.csv:3: date: '2026-11-31' is not a date (YYYY-MM-DD); skipped"
    ]
    assert counts.source == "Plausible pages"


def test_a_zip_without_plausible_pages_or_sources_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("imported_visitors.csv", VISITORS + '"2026-11-02",1,2,0,1,0\n')
    with pytest.raises(FormatError, match="no Plausible pages or sources CSV"):
        read_analytics(path, "export.zip", None)


GOAT_ROWS = [
    goat("/blog/worry", "2026-11-01T06:59:00Z"),  # 23:59 PDT on 31 October
    goat("/blog/worry", "2026-11-01T07:00:00Z"),  # 00:00 PDT: 1 November begins
    # 23:30 PST (the clocks went back at 09:00 UTC): still 1 November, a 25-hour day.
    goat("/blog/worry/", "2026-11-02T07:30:00Z", ref="mastodon", scheme="c"),
    goat("/blog/worry", "2026-11-02T08:00:00Z", ref="mastodon", scheme="c"),  # 00:00 PST
    goat("/blog/worry", "2026-11-02T08:00:05Z", ref="https://www.reddit.com/r/x", scheme="h"),
    goat("/", "2026-11-10T03:00:00.250Z"),  # 19:00 on 9 November in Los Angeles
    goat("/about.html", "2026-11-10T20:00:00Z"),
    goat("/blog/worry", "2026-11-10T20:00:00Z", bot="150"),  # a bot: left out
    goat("click-booking", "2026-11-10T20:00:00Z", event="1"),  # an event: left out
    goat("signup", "2026-11-10T20:00:00Z", event="true"),  # PostgreSQL's true: left out
    goat("/feeds/rss.xml", "2026-11-10T20:00:00Z"),  # not a page: left out
    goat("/blog/worry?page=2", "2026-11-10T20:00:00Z", ref="Newsletter", scheme="c"),
]


def test_goatcounter_days_where_the_practice_is_campaigns_bots_and_events(
    tmp_path: Path,
) -> None:
    path = tmp_path / "goatcounter-export-learn-20261111T000000Z-0.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        handle.write(GOAT + "".join(GOAT_ROWS))
    counts = read_analytics(path, "goatcounter.csv.gz", LA)
    assert counts.visits == Counter(
        {
            ("2026-10-31", "/blog/worry/", ""): 1,
            ("2026-11-01", "/blog/worry/", ""): 1,
            ("2026-11-01", "/blog/worry/", "mastodon"): 1,
            ("2026-11-02", "/blog/worry/", "mastodon"): 1,
            ("2026-11-02", "/blog/worry/", ""): 1,
            ("2026-11-09", "/", ""): 1,
            ("2026-11-10", "/about.html", ""): 1,
            ("2026-11-10", "/blog/worry/", "newsletter"): 1,  # (tags are kept lower-case)
        }
    )
    assert (counts.rows, counts.left_out, counts.bad_rows) == (12, 4, 0)
    assert counts.source == "GoatCounter"


def test_goatcounter_without_a_time_zone_keeps_utc_days(tmp_path: Path) -> None:
    counts = read_analytics(write(tmp_path, "gc.csv", GOAT + "".join(GOAT_ROWS)), "gc.csv", None)
    assert counts.visits == Counter(
        {
            ("2026-11-01", "/blog/worry/", ""): 2,
            ("2026-11-02", "/blog/worry/", "mastodon"): 2,
            ("2026-11-02", "/blog/worry/", ""): 1,
            ("2026-11-10", "/", ""): 1,
            ("2026-11-10", "/about.html", ""): 1,
            ("2026-11-10", "/blog/worry/", "newsletter"): 1,
        }
    )


def test_no_user_agent_or_session_is_kept_anywhere(tmp_path: Path) -> None:
    bad = goat("/blog/worry", AGENT)  # the agent where the time should be
    text = GOAT + "".join(GOAT_ROWS) + bad + bad.replace(",0,", ",maybe,", 1)
    counts = read_analytics(write(tmp_path, "gc.csv", text), "gc.csv", LA)
    assert counts.bad_rows == 2
    shown = repr(counts)
    for kept in (AGENT, "Mozilla", "Firefox", "ReaderAgent7", SESSION, "US-CA", "Linux"):
        assert kept not in shown


def test_bad_rows_are_reported_at_their_lines_and_good_rows_kept(tmp_path: Path) -> None:
    text = (
        PAGES  # line 1
        + '"2026-11-02","h","/blog/worry/",1,1,5,0,0,0,0\n'  # 2
        + '"2026-13-02","h","/blog/worry/",1,1,5,0,0,0,0\n'  # 3: no such month
        + '"2026-11-02","h","/blog/worry/",1,1,lots,0,0,0,0\n'  # 4
        + '"2026-11-02","h","/"\n'  # 5: 3 fields
        + "\n"  # 6: a blank line, not a row
        + '"2026-11-02","h","/",1,1,2,0,0,0,0\n'  # 7
        + '"2026-11-02","h","/",1,1,-1,0,0,0,0\n'  # 8
        + '"2026-11-03","two\nlines","/",1,1,4,0,0,0,0\n'  # 9-10: one row on two lines
        + '"yesterday","h","/",1,1,1,0,0,0,0\n'  # 11
    )
    counts = read_analytics(write(tmp_path, "pages.csv", text), "pages.csv", None)
    assert counts.problems == [
        "pages.csv:3: date: '2026-13-02' is not a date (YYYY-MM-DD); skipped",
        "pages.csv:4: pageviews: 'lots' is not a whole number; skipped",
        "pages.csv:5: 3 fields where the header has 10; skipped",
        "pages.csv:8: pageviews: -1 is negative; skipped",
        "pages.csv:11: date: 'yesterday' is not a date (YYYY-MM-DD); skipped",
    ]
    assert counts.visits == Counter(
        {
            ("2026-11-02", "/blog/worry/", ""): 5,
            ("2026-11-02", "/", ""): 2,
            ("2026-11-03", "/", ""): 4,
        }
    )
    assert (counts.rows, counts.bad_rows, counts.left_out) == (8, 5, 0)


def test_bad_goatcounter_rows_are_reported_without_their_values(tmp_path: Path) -> None:
    text = (
        GOAT  # line 1
        + goat("/blog/worry", "2026-11-02T18:00:00Z")  # 2
        + goat("/blog/worry", "yesterday")  # 3
        + goat("/blog/worry", "2026-11-02T18:00:00Z").replace(",US-CA", "", 1)  # 4: 13 fields
        + goat("/blog/worry", "2026-11-02T18:00:00Z", event="maybe")  # 5
        + goat("/blog/worry", "2026-11-02")  # 6: a day, no time
        + goat("/", "2026-11-02T18:00:00Z")  # 7
    )
    counts = read_analytics(write(tmp_path, "gc.csv", text), "gc.csv", LA)
    assert counts.problems == [
        "gc.csv:3: Date is not an RFC 3339 time (2026-11-01T08:30:00Z); skipped",
        "gc.csv:4: 13 fields where the header has 14; skipped",
        "gc.csv:5: Event is neither true nor false; skipped",
        "gc.csv:6: Date is not an RFC 3339 time (2026-11-01T08:30:00Z); skipped",
    ]
    assert counts.visits == Counter(
        {("2026-11-02", "/blog/worry/", ""): 1, ("2026-11-02", "/", ""): 1}
    )
    assert (counts.rows, counts.bad_rows, counts.left_out) == (6, 4, 0)


def test_at_most_twenty_problems_are_listed_but_all_are_counted(tmp_path: Path) -> None:
    text = PAGES + '"2026-11-02","h","/",1,1,x,0,0,0,0\n' * 25
    counts = read_analytics(write(tmp_path, "pages.csv", text), "pages.csv", None)
    assert (len(counts.problems), counts.bad_rows, counts.rows) == (20, 25, 25)
    assert counts.problems[-1].startswith("pages.csv:21: ")


def test_an_unknown_header_is_refused_naming_the_columns_expected(tmp_path: Path) -> None:
    path = write(tmp_path, "visitors.csv", VISITORS + '"2026-11-02",1,2,0,1,0\n')
    with pytest.raises(FormatError) as refused:
        read_analytics(path, "visitors.csv", None)
    message = str(refused.value)
    assert message.startswith("visitors.csv: not a Plausible or GoatCounter CSV export")
    assert "date,hostname,page,visits,visitors,pageviews" in message
    assert "date,source,referrer,utm_source" in message
    assert "2Path,Title,Event,UserAgent" in message


def test_other_goatcounter_versions_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "gc.csv", GOAT.replace("2Path", "3Path") + GOAT_ROWS[0])
    with pytest.raises(FormatError, match="a version 3 GoatCounter CSV export"):
        read_analytics(path, "gc.csv", None)


def test_text_that_is_not_utf8_and_damaged_gzip_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "pages.csv"
    latin.write_bytes((PAGES + '"2026-11-02","h","/caf\xe9/",1,1,1,0,0,0,0\n').encode("latin-1"))
    with pytest.raises(FormatError, match=r"pages\.csv: not UTF-8 text"):
        read_analytics(latin, "pages.csv", None)
    cut = tmp_path / "gc.csv.gz"
    cut.write_bytes(gzip.compress((GOAT + "".join(GOAT_ROWS)).encode())[:-12])
    with pytest.raises(FormatError, match=r"gc\.csv\.gz: a damaged or cut-short gzip file"):
        read_analytics(cut, "gc.csv.gz", None)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (PAGES, "plausible-pages"),
        ("date,hostname,page,visits,visitors,pageviews\n", "plausible-pages"),
        ("\ufeffDate,Hostname,Page,Visits,Visitors,Pageviews\n", "plausible-pages"),
        (SOURCES, "plausible-sources"),
        (GOAT, "goatcounter"),
        ("\ufeff" + GOAT, "goatcounter"),
        (VISITORS, None),
        (ENTRY_PAGES, None),
        (CUSTOM_EVENTS, None),
        ("date,platform,post,impressions\n", None),
        ("Path,Title,Event,Bot,Referrer,Referrer scheme,Date\n", None),  # no version
        ("", None),
    ],
)
def test_analytics_kind_from_the_header(header: str, kind: str | None) -> None:
    assert analytics_kind(next(csv.reader([header.rstrip("\n")]), [])) == kind
