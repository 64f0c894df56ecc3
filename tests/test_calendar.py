"""The editorial calendar: observances' date rules against the dates their organisations
announced, the weeks ahead with a kind word on pace, reviews running out, and an .ics file
read back by two parsers with stable UIDs."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar  # a dependency of CarePress
import ics  # the second parser, from the test extra
import pytest
from carepress.calendar.observances import (
    EVERYWHERE,
    RuleError,
    all_observances,
    occurrences,
    span,
)
from carepress.settings import DEFAULT_CONTENT_WARNINGS
from conftest import Hub, post_text

REGIONS = {"US", "CA", "UK", "IE", "AU", "NZ", EVERYWHERE}

# The days each observance was marked, in five years where we know them, as its organisation
# announced them (a year off its usual rule is kept in the data as `announced`).
KNOWN = {
    "time-to-talk-day": ["2021-02-04", "2022-02-03", "2023-02-02", "2024-02-01", "2025-02-06"],
    "childrens-mental-health-week": ["2021-02-01", "2022-02-07", "2023-02-06", "2024-02-05",
                                     "2025-02-03", "2026-02-09"],
    "mental-health-awareness-week-uk": ["2021-05-10", "2022-05-09", "2023-05-15", "2024-05-13",
                                        "2025-05-12"],
    "eating-disorders-awareness-week-us": ["2021-02-22", "2022-02-21", "2023-02-27",
                                           "2024-02-26", "2025-02-24"],
    # PMHP UK's week (2017, 2018, 2020) and Postpartum Support International's (2022).
    "maternal-mental-health-week": ["2017-05-01", "2018-04-30", "2020-05-04", "2022-05-02"],
    "pink-shirt-day-nz": ["2021-05-21", "2022-05-20", "2023-05-19", "2024-05-17", "2025-05-16"],
    "eating-disorders-awareness-week-uk": ["2021-03-01", "2022-02-28", "2023-02-27",
                                           "2024-02-26", "2025-02-24"],
    "r-u-ok-day": ["2021-09-09", "2022-09-08", "2023-09-14", "2024-09-12", "2025-09-11"],
    "international-survivors-of-suicide-loss-day": ["2021-11-20", "2022-11-19", "2023-11-18",
                                                    "2024-11-23", "2025-11-22"],
    "loneliness-awareness-week": ["2021-06-14", "2022-06-13", "2023-06-12", "2024-06-10",
                                  "2025-06-09"],
    "cmha-mental-health-week": ["2021-05-03", "2022-05-02", "2023-05-01", "2024-05-06",
                                "2025-05-05"],
    "mental-illness-awareness-week": ["2021-10-03", "2022-10-02", "2023-10-01", "2024-10-06",
                                      "2025-10-05"],
    "world-maternal-mental-health-day": ["2021-05-05", "2022-05-04", "2023-05-03", "2024-05-01",
                                         "2025-05-07"],
}  # fmt: skip
# Men's Health Week ends on Father's Day (the third Sunday of June).
FATHERS_DAY = ["2021-06-20", "2022-06-19", "2023-06-18", "2024-06-16", "2025-06-15"]


@pytest.mark.parametrize("observance_id", sorted(KNOWN))
def test_floating_rules_give_the_announced_days(observance_id: str) -> None:
    observance = next(o for o in all_observances() if o.id == observance_id)
    for known in KNOWN[observance_id]:
        day = dt.date.fromisoformat(known)
        occurrence = observance.in_year(day.year)
        assert occurrence.start == day, (observance_id, known)
        assert (occurrence.end - occurrence.start).days in (0, 6)  # a day, or a full week


def test_mens_health_week_ends_on_fathers_day() -> None:
    observance = next(o for o in all_observances() if o.id == "mens-health-week")
    for known in FATHERS_DAY:
        day = dt.date.fromisoformat(known)
        assert span(observance.when, day.year) == (day - dt.timedelta(days=6), day)


def test_the_observance_list_is_complete_and_well_formed() -> None:
    observances = all_observances()
    assert len(observances) >= 30
    assert len({o.id for o in observances}) == len(observances)
    for o in observances:
        assert set(o.regions) <= REGIONS, o.id
        assert o.source.startswith("https://"), o.id
        assert o.organisation and o.name
        assert set(o.topics) <= set(DEFAULT_CONTENT_WARNINGS), o.id
        for year in range(2024, 2031):  # every rule reads, every year
            start, end = span(o.when, year)
            assert start <= end and start.year == year
    # Every region CarePress knows has observances of its own, beside the worldwide ones.
    for region in REGIONS - {EVERYWHERE}:
        assert any(region in o.regions for o in observances), region
    # The US (NEDA) and the UK (Beat) keep Eating Disorders Awareness Week by their own rules:
    # the same week in 2023-25, a week apart in 2021 and 2022.
    us, uk = (next(o for o in observances if o.id == f"eating-disorders-awareness-week-{r}")
              for r in ("us", "uk"))  # fmt: skip
    assert [us.in_year(y).start == uk.in_year(y).start for y in range(2021, 2026)] == [
        False, False, True, True, True]


def test_an_announced_year_that_cannot_be_read_fails_loudly(monkeypatch) -> None:
    from carepress.calendar import observances as module

    broken = "- {id: x, name: X, regions: [UK], organisation: O, source: 'https://o.org/', "
    broken += "when: '05-01', announced: {2027: 'the week after next'}}"
    monkeypatch.setattr(module, "safe_load", lambda _text, _real=module.safe_load: _real(broken))
    module.all_observances.cache_clear()
    try:
        with pytest.raises(RuleError, match="is not a date rule"):
            module.all_observances()
    finally:
        module.all_observances.cache_clear()


def test_each_region_sees_its_own_and_the_worldwide_observances() -> None:
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    uk = {o.observance.id for o in occurrences("UK", *year)}
    us = {o.observance.id for o in occurrences("US", *year)}
    assert {"time-to-talk-day", "world-suicide-prevention-day"} <= uk
    assert "mental-health-awareness-month" not in uk
    assert {"mental-health-awareness-month", "world-suicide-prevention-day"} <= us
    assert "time-to-talk-day" not in us


@pytest.mark.parametrize("rule", ["13-01", "second blursday of may", "week from 03-01", ""])
def test_an_unreadable_rule_says_what_rules_look_like(rule: str) -> None:
    with pytest.raises((RuleError, ValueError)) as caught:
        span(rule, 2026)
    assert "date rule" in str(caught.value) or "month must be" in str(caught.value)


def _post(hub: Hub, name: str, day: str, **overrides: object) -> None:
    hub.write_post(f"{name}.md", post_text(slug=name, title=name.replace("-", " ").title(),
                                           date=day, **overrides))  # fmt: skip


def test_the_weeks_ahead_with_a_kind_word_on_pace(hub: Hub) -> None:
    # Monday 7 December 2026 to Sunday 13th: three posts, one on a Saturday.
    for name, day in (("one", "2026-12-08"), ("two", "2026-12-09"), ("three", "2026-12-12")):
        _post(hub, name, day)
    _post(hub, "draft-for-later", "2026-12-16", draft=True)
    _post(hub, "old-grief-post", "2026-01-10", tags=["grief"])
    result = hub.carepress("calendar", "--from", "2026-12-07", "--weeks", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    first, second = json.loads(result.stdout)
    assert first["week_of"] == "2026-12-07"
    assert [p["path"].split("/")[-1] for p in first["posts"]] == ["one.md", "two.md", "three.md"]
    assert any("3 posts planned, more than your pace of 2 a week" in n for n in first["notes"])
    assert any("'Three' is dated on a Saturday, one of your quiet days" in n
               for n in first["notes"])  # fmt: skip
    assert [p["status"] for p in second["posts"]] == ["draft"]
    # The US practice's observances: Dec 3 is before this week; none is in it.
    assert first["observances"] == []
    text = hub.carepress("calendar", "--from", "2026-12-07", "--weeks", "2").stdout
    assert "Week of Mon 07 Dec 2026" in text and "scheduled  One" in text
    assert "Traceback" not in text


def test_an_evergreen_post_fits_an_observance_of_the_practices_region(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("crisis_region: US", "crisis_region: UK"))
    _post(hub, "living-with-loss", "2026-01-10", tags=["grief"],
          content_warnings=["death-and-grief"])  # fmt: skip
    result = hub.carepress("calendar", "--from", "2026-11-30", "--weeks", "1", "--format", "json")
    assert result.returncode == 0, result.stderr
    (week,) = json.loads(result.stdout)
    grief = next(o for o in week["observances"] if o["id"] == "national-grief-awareness-week")
    assert (grief["start"], grief["end"]) == ("2026-12-02", "2026-12-08")
    assert [p["title"] for p in grief["fits"]] == ["Living With Loss"]
    assert any("could be shared again" in n for n in week["notes"])


def test_a_review_that_ran_out_is_a_warning_and_a_calendar_item(hub: Hub) -> None:
    _post(hub, "reviewed-long-ago", "2025-01-10",
          reviewed={"by": "mei-lin", "on": dt.date(2025, 1, 5)})  # fmt: skip
    findings = json.loads(hub.check("--format", "json").stdout)
    (due,) = [f for f in findings if f["rule"] == "frontmatter.review-due"]
    assert due["severity"] == "warning"
    assert "ran out on 2026-01-05 (review_every_months: 12)" in due["message"]
    text = (hub.posts / "reviewed-long-ago.md").read_text().splitlines()
    assert text[due["line"] - 1].startswith("reviewed:")
    plan = json.loads(hub.carepress("calendar", "--weeks", "1", "--format", "json").stdout)
    assert [p["path"].split("/")[-1] for p in plan[0]["reviews_due"]] == ["reviewed-long-ago.md"]
    # A practice that reviews every two years: not yet due.
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - carepress:\n", "  - carepress:\n      review_every_months: 24\n", 1))
    findings = json.loads(hub.check("--format", "json").stdout)
    assert not [f for f in findings if f["rule"] == "frontmatter.review-due"]


def test_a_post_for_clients_never_reviewed_is_due_for_review_now(
    hub: Hub, tmp_path: Path
) -> None:
    _post(hub, "never-reviewed", "2026-01-10", reviewed=None, audience=["clients"])
    _post(hub, "for-clinicians", "2026-01-11", reviewed=None, audience=["clinicians"])
    week = ("--from", "2026-12-07", "--weeks", "1")
    plan = json.loads(hub.carepress("calendar", *week, "--format", "json").stdout)
    # Due since it reached readers (its own day, not a day that moves with the clock), and
    # shown now, in the first week; clinicians weigh a post themselves.
    due = [(p["path"].split("/")[-1], p["date"]) for p in plan[0]["reviews_due"]]
    assert due == [("never-reviewed.md", "2026-01-10")]
    assert "The clinical review of 'Never Reviewed' is overdue since 10 Jan." in plan[0]["notes"]
    out = tmp_path / "cal.ics"
    assert hub.carepress("calendar", *week, "--ics", str(out)).returncode == 0
    raw = out.read_text().replace("\r\n ", "")
    assert "SUMMARY:Review due: Never Reviewed" in raw and "For Clinicians" not in raw
    assert "DTSTART;VALUE=DATE:20260110" in raw
    # A practice that switched the rule off does not get the reminder either.
    config = hub.root / "mkdocs.yml"
    switched_off = "  - carepress:\n      rules: {disable: [frontmatter.unreviewed]}\n"
    config.write_text(config.read_text().replace("  - carepress:\n", switched_off, 1))
    plan = json.loads(hub.carepress("calendar", *week, "--format", "json").stdout)
    assert plan[0]["reviews_due"] == []


def test_the_ics_file_reads_back_with_stable_uids(hub: Hub, tmp_path: Path) -> None:
    _post(hub, "one", "2026-12-08")
    _post(hub, "two", "2027-01-12", draft=True)
    _post(hub, "three", "2025-12-20", reviewed={"by": "mei-lin", "on": dt.date(2025, 12, 20)})
    files = []
    for run in range(2):
        out = tmp_path / f"cal-{run}.ics"
        result = hub.carepress("calendar", "--from", "2026-12-01", "--weeks", "10",
                               "--ics", str(out))  # fmt: skip
        assert result.returncode == 0, result.stderr
        files.append(out.read_bytes())
    assert files[0] == files[1]  # the same calendar, byte for byte: imports update, never add
    cal = icalendar.Calendar.from_ical(files[0])
    events = list(cal.walk("VEVENT"))
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    for event in events:
        start = event.decoded("dtstart")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)  # all-day
        assert event.decoded("dtend") > start
    summaries = {str(e["summary"]): e for e in events}
    one = summaries["Publishes: One"]
    assert str(one["url"]).endswith("/social/one/")
    assert "Draft due: Two" in summaries
    review = summaries["Review due: Three"]  # reviewed 20 Dec 2025: runs out 20 Dec 2026
    assert review.decoded("dtstart") == dt.date(2026, 12, 20)
    assert "review" in str(review["description"]).lower()
    assert "World Suicide Prevention Day" not in summaries  # (September)
    assert any(s.startswith("International Day of Persons") for s in summaries)
    # A second parser reads the same events.
    parsed = ics.Calendar(files[0].decode())
    assert {e.uid for e in parsed.events} == set(uids)
    for event in parsed.events:  # the same days, all-day, in both parsers
        first = cal_event = next(e for e in events if str(e["uid"]) == event.uid)
        assert event.all_day and event.begin.date() == first.decoded("dtstart"), event.uid
        assert event.name == str(cal_event["summary"])
    # Publishing the draft keeps its event: the same UID, updated.
    hub.write_post("two.md", (hub.posts / "two.md").read_text().replace("draft: true\n", ""))
    out = tmp_path / "after.ics"
    assert hub.carepress("calendar", "--from", "2026-12-01", "--weeks", "10",
                         "--ics", str(out)).returncode == 0  # fmt: skip
    after = {str(e["uid"]): str(e["summary"]) for e in
             icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}  # fmt: skip
    two_uid = next(u for u, s in after.items() if s == "Publishes: Two")
    assert two_uid in uids


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("cadence: {max_posts_per_week: 0}", "cadence.max_posts_per_week"),
        ("cadence: {quiet_days: [saturday]}", "cadence.quiet_days"),
        ("cadence: {per_week: 2}", "cadence.per_week"),
    ],
)
def test_bad_cadence_names_the_key(hub: Hub, option: str, message: str) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - carepress:\n", f"  - carepress:\n      {option}\n", 1))  # fmt: skip
    result = hub.carepress("calendar")
    assert result.returncode == 2
    assert re.search(re.escape(message), result.stderr), result.stderr


def test_social_hours_go_into_the_profile_kits_replies() -> None:
    from carepress.publish.profile import comment_replies, direct_message_reply
    from carepress.settings import load_settings
    from conftest import REPO

    settings = load_settings(REPO / "mkdocs.yml")
    hours = "weekdays, 9 a.m. to 5 p.m. (Los Angeles time)"
    assert f"we read messages here on {hours}, not around the clock" in (
        direct_message_reply(settings))
    assert f"we read comments on {hours}." in comment_replies(settings)["invite-private-contact"]


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ('{days: [mon], start: "9am", end: "17:00", time_zone: UTC}', "social_hours.start"),
        ('{days: [mon], start: "09:00", end: "17:00", time_zone: Pacific}',
         "social_hours.time_zone"),
        ('{days: [], start: "09:00", end: "17:00", time_zone: UTC}', "social_hours.days"),
        ('{days: [mon], start: "17:00", end: "09:00", time_zone: UTC}', "must be before end"),
        # Times compare as times, however they are written ("9:30" is before "10:00").
        ('{days: [mon], start: "10:00", end: "9:30", time_zone: UTC}',
         "start (10:00) must be before end (09:30)"),
    ],
)
def test_bad_social_hours_name_the_key(hub: Hub, hours: str, message: str) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(re.sub(r"^    social_hours: .*$", f"    social_hours: {hours}",
                             config.read_text(), count=1, flags=re.M))  # fmt: skip
    result = hub.carepress("calendar")
    assert result.returncode == 2
    assert message in result.stderr, result.stderr


def test_social_hours_written_without_a_leading_zero_read_as_times() -> None:
    from carepress.practice import SocialHours

    hours = SocialHours(days=["mon"], start="9:00", end="17:00", time_zone="UTC")
    assert (hours.start, hours.end) == ("09:00", "17:00")
    assert hours.describe() == "Mondays, 9 a.m. to 5 p.m. (UTC time)"


def test_the_site_carries_a_calendar_with_no_draft_or_future_post(sample_hub: Hub) -> None:
    path = sample_hub.site / "social" / "calendar.ics"
    events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    summaries = [str(e["summary"]) for e in events]
    assert "World Suicide Prevention Day" in summaries  # this year's and next
    assert summaries.count("World Mental Health Day") == 2
    raw = path.read_text()
    for unpublished in ("Setting Boundaries", "Myths About Eating", "Winter, Daylight"):
        assert unpublished not in raw.replace("\r\n ", "")  # (folded lines unfolded)
    assert len({str(e["uid"]) for e in events}) == len(events)
    profile = (sample_hub.site / "social" / "profile" / "index.html").read_text()
    assert 'href="../../social/calendar.ics"' in profile
    assert 'href="../../social/calendar/"' in profile
    # The calendar page lists the weeks ahead: observances and reviews, never a draft or
    # future post; for the practice only (noindex).
    page = (sample_hub.site / "social" / "calendar" / "index.html").read_text()
    assert '<meta name="robots" content="noindex">' in page
    start = page.index('id="coming-up"')
    coming = page[start : page.index("</article>", start)]
    assert "<li>" in coming or "No observance in your region" in coming  # (the date decides)
    for unpublished in ("Setting Boundaries", "Myths About Eating", "Winter, Daylight"):
        assert unpublished not in coming
    # For the practice: not in the sitemap, the search index or the nav.
    for listing in ("sitemap.xml", "search/search_index.json", "index.html"):
        text = (sample_hub.site / listing).read_text()
        assert "calendar.ics" not in text and "social/calendar" not in text, listing
    # A file cannot carry a robots meta tag: hosts that read _headers keep it out of search.
    headers = (sample_hub.site / "_headers").read_text()
    assert "/social/*\n  X-Robots-Tag: noindex\n" in headers


def test_verify_finds_a_stale_site_calendar(tmp_path: Path) -> None:
    from conftest import make_hub

    hub = make_hub(tmp_path / "hub")
    hub.write_post("one.md", post_text(slug="one"))
    assert hub.build().returncode == 0
    assert hub.carepress("verify").returncode == 0
    calendar = hub.site / "social" / "calendar.ics"
    first = calendar.read_bytes()
    (hub.root / ".cache" / "carepress" / "calendar.ics").unlink()  # drawn again, not kept
    assert hub.build().returncode == 0
    assert calendar.read_bytes() == first  # the same events, the same UIDs
    calendar.write_bytes(calendar.read_bytes().replace(b"World Health Day", b"Old Day"))
    stale = hub.carepress("verify")
    assert stale.returncode == 1 and "social/calendar.ics is not the practice's calendar" in (
        stale.stdout)
    calendar.unlink()
    missing = hub.carepress("verify")
    assert missing.returncode == 1 and "social/calendar.ics is missing" in missing.stdout


def test_the_profile_kits_weeks_ahead_name_published_posts_that_fit() -> None:
    from carepress.calendar.site_calendar import coming_up
    from carepress.engine import check_front
    from carepress.settings import load_settings
    from conftest import REPO

    settings = load_settings(REPO / "mkdocs.yml")
    now = dt.datetime(2027, 9, 1, tzinfo=dt.UTC)  # every sample post published by then
    reports = [check_front(p, settings, now) for p in settings.post_files()]
    items = {i["what"]: i for i in coming_up(reports, settings, now)}
    suicide_day = items["World Suicide Prevention Day"]
    assert suicide_day["when"] == "10 Sep"
    assert "How to Ask Someone If They Are Thinking About Suicide" in suicide_day["fits"]
    # Never a draft: in the UK, Eating Disorders Awareness Week would fit the sample's draft.
    import dataclasses

    uk = dataclasses.replace(
        settings, practice=settings.practice.model_copy(update={"crisis_region": "UK"}))
    february = dt.datetime(2027, 2, 22, tzinfo=dt.UTC)
    week = {i["what"]: i for i in coming_up(reports, uk, february)}
    assert week["Eating Disorders Awareness Week"]["when"] == "01 Mar to 07 Mar"
    assert week["Eating Disorders Awareness Week"]["fits"] == []  # the myths post is a draft


def test_sources_growing_old_join_the_reviews(hub: Hub, tmp_path: Path) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - carepress:\n", "  - carepress:\n      source_max_age_years: 5\n", 1))  # fmt: skip
    this_year = dt.date.today().year
    source = {"id": "nimh-anxiety", "title": "Anxiety Disorders", "year": this_year - 5,
              "url": "https://www.nimh.nih.gov/health/topics/anxiety-disorders"}  # fmt: skip
    _post(hub, "aging", f"{this_year}-01-02", sources=[source])
    # Next year the source is more than five years old: the check warns then ...
    findings = json.loads(hub.check("--format", "json").stdout)
    assert not [f for f in findings if f["rule"] == "citation.old-source"]
    # ... and the calendar says so in that week.
    out = tmp_path / "plan.ics"
    result = hub.carepress("calendar", "--from", f"{this_year}-12-28", "--weeks", "2",
                           "--format", "json", "--ics", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    due = [p for week in json.loads(result.stdout) for p in week["reviews_due"]
           if p["status"] == "sources-due"]  # fmt: skip
    assert [p["date"] for p in due] == [f"{this_year + 1}-01-01"]
    events = {str(e["summary"]) for e in icalendar.Calendar.from_ical(out.read_bytes())
              .walk("VEVENT")}  # fmt: skip
    assert "Sources to update: Aging" in events


def test_an_ics_file_that_cannot_be_written_is_a_clear_error(hub: Hub) -> None:
    result = hub.carepress("calendar", "--weeks", "1", "--ics", str(hub.root))  # a folder
    assert result.returncode == 2
    assert "cannot write it (Is a directory)" in result.stderr
    assert "Traceback" not in result.stderr


def _ics_events(path: Path) -> dict[str, icalendar.Event]:
    """An .ics file's events by summary, read back with icalendar."""
    return {str(e["summary"]): e for e in icalendar.Calendar.from_ical(path.read_bytes())
            .walk("VEVENT")}  # fmt: skip


@pytest.mark.parametrize("where", ["content/planning.ics", "site/plan.ics",
                                   "overrides/plan.ics", "content/posts/../plan.ics"])
def test_the_ics_file_is_never_written_where_the_site_publishes_from(
    hub: Hub, where: str
) -> None:
    _post(hub, "secret-plan", "2026-12-16", draft=True)
    (hub.root / "site").mkdir()
    result = hub.carepress("calendar", "--weeks", "2", "--ics", where)
    assert result.returncode == 2
    folder = {"content": "docs_dir", "site": "the site", "overrides": "the theme's custom_dir"}
    assert ("--ics: the editorial calendar (it holds draft titles) may not be in "
            f"{folder[where.split('/')[0]]}") in result.stderr  # fmt: skip
    assert "it would be published" in result.stderr and "Traceback" not in result.stderr
    assert not (hub.root / where).exists()
    assert result.stdout == ""  # refused before anything else


def test_the_ics_file_is_the_owners_alone(hub: Hub, tmp_path: Path) -> None:
    import stat

    _post(hub, "secret-plan", "2026-12-16", draft=True)
    out = tmp_path / "plan.ics"
    out.write_bytes(b"an older calendar")
    out.chmod(0o644)  # replaced whole, with the owner's mode, whatever was there
    result = hub.carepress("calendar", "--from", "2026-12-07", "--weeks", "2", "--ics", str(out))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Draft due: Secret Plan" in _ics_events(out)
    # Inside the hub, where git would commit it, the practice is told.
    inside = hub.carepress("calendar", "--weeks", "1", "--ics", "plan.ics")
    assert inside.returncode == 0, inside.stderr
    assert "plan.ics (the editorial calendar, with draft titles) is not in .gitignore" in (
        inside.stderr)
    assert stat.S_IMODE((hub.root / "plan.ics").stat().st_mode) == 0o600


def test_an_overdue_review_keeps_its_real_day(hub: Hub, tmp_path: Path) -> None:
    # Reviewed 5 Jan 2026: the review runs out on 5 Jan 2027, whatever day the plan is read.
    _post(hub, "what-anxiety-is", "2026-01-02",
          reviewed={"by": "mei-lin", "on": dt.date(2026, 1, 5)})  # fmt: skip
    _post(hub, "myths", "2026-11-03", draft=True, reviewed=None)
    uids, starts = set(), set()
    for day in ("2027-01-12", "2027-01-13", "2027-01-20", "2027-01-21"):
        out = tmp_path / f"{day}.ics"
        result = hub.carepress("calendar", "--from", day, "--weeks", "1", "--format", "json",
                               "--ics", str(out))  # fmt: skip
        assert result.returncode == 0, result.stderr
        (week,) = json.loads(result.stdout)
        assert [(p["title"], p["date"]) for p in week["reviews_due"]] == [
            ("What Anxiety Is", "2027-01-05")]
        assert "The clinical review of 'What Anxiety Is' is overdue since 05 Jan." in (
            week["notes"])
        event = _ics_events(out)["Review due: What Anxiety Is"]
        uids.add(str(event["uid"]))
        starts.add(event.decoded("dtstart"))
    assert starts == {dt.date(2027, 1, 5)} and len(uids) == 1  # one event that never moves
    # Before it runs out: on its day, with no note.
    (week,) = json.loads(hub.carepress("calendar", "--from", "2027-01-04", "--weeks", "1",
                                       "--format", "json").stdout)  # fmt: skip
    assert [p["date"] for p in week["reviews_due"]] == ["2027-01-05"]
    assert not any("overdue" in n for n in week["notes"])
    # A year on, the review's day and the draft's note give their year.
    text = hub.carepress("calendar", "--from", "2028-01-12", "--weeks", "1").stdout
    assert "Tue 05 Jan 2027  review due  What Anxiety Is" in text
    assert "overdue since 05 Jan 2027." in text
    assert "The draft 'Myths' was meant for 03 Nov 2026:" in text
    same_year = hub.carepress("calendar", "--from", "2026-12-07", "--weeks", "1").stdout
    assert "The draft 'Myths' was meant for 03 Nov:" in same_year
    # A week of two years (27 Dec 2027 to 02 Jan 2028): "05 Jan" alone could be either.
    new_year = hub.carepress("calendar", "--from", "2027-12-28", "--weeks", "1").stdout
    assert "Tue 05 Jan 2027  review due  What Anxiety Is" in new_year


def test_a_post_the_calendar_cannot_place_or_that_will_not_publish_is_named(
    hub: Hub, tmp_path: Path
) -> None:
    _post(hub, "far-future", "next tuesday")
    _post(hub, "expires-far", "2026-12-09", expires="2026-12-01")  # expires before its date
    _post(hub, "fine", "2026-12-10")
    out = tmp_path / "plan.ics"
    result = hub.carepress("calendar", "--from", "2026-12-07", "--weeks", "2", "--format", "json",
                           "--ics", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    first, _second = json.loads(result.stdout)
    assert first["notes"][0] == (
        "content/posts/far-future.md is not on the calendar: date: 'next tuesday' is not a "
        "date; write it as YYYY-MM-DD, e.g. 2026-03-14 (run `carepress check`)")
    posts = {p["title"]: p for p in first["posts"]}
    assert set(posts) == {"Expires Far", "Fine"}
    assert posts["Expires Far"]["has_errors"] and not posts["Fine"]["has_errors"]
    assert ("'Expires Far' has errors and will not publish until they are fixed: expires: is "
            "not after the post's date (run `carepress check`).") in first["notes"]  # fmt: skip
    text = hub.carepress("calendar", "--from", "2026-12-07", "--weeks", "1").stdout
    assert "scheduled  Expires Far (content/posts/expires-far.md)  has errors: will not publish" \
        in text
    assert "scheduled  Fine (content/posts/fine.md)\n" in text
    events = _ics_events(out)
    assert "Will not publish (has errors): Expires Far" in events
    assert "Publishes: Fine" in events
    assert not any("Far Future" in s for s in events)
    # What the check says, the calendar says: the same two files have errors.
    found = {f["path"].split("/")[-1] for f in json.loads(hub.check("--format", "json").stdout)
             if f["severity"] == "error"}  # fmt: skip
    assert found == {"far-future.md", "expires-far.md"}


def test_a_post_on_its_own_day_and_its_expiry_are_on_the_calendar(
    hub: Hub, tmp_path: Path
) -> None:
    _post(hub, "winter", "2027-01-12", expires="2027-01-14")
    day_before = json.loads(hub.carepress("calendar", "--from", "2027-01-11", "--weeks", "1",
                                          "--format", "json").stdout)[0]  # fmt: skip
    assert [(p["title"], p["status"]) for p in day_before["posts"]] == [("Winter", "scheduled")]
    out = tmp_path / "plan.ics"
    result = hub.carepress("calendar", "--from", "2027-01-12", "--weeks", "1", "--format", "json",
                           "--ics", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    (week,) = json.loads(result.stdout)
    assert [(p["title"], p["date"], p["status"]) for p in week["posts"]] == [
        ("Winter", "2027-01-12", "published")]
    assert [(p["title"], p["date"]) for p in week["expiring"]] == [("Winter", "2027-01-14")]
    assert not any("Nothing planned" in n for n in week["notes"])
    text = hub.carepress("calendar", "--from", "2027-01-12", "--weeks", "1").stdout
    assert "Tue 12 Jan  published  Winter (content/posts/winter.md)" in text
    assert "Thu 14 Jan  expires    Winter (content/posts/winter.md)  leaves the feeds" in text
    events = _ics_events(out)
    published, leaving = events["Published: Winter"], events["Leaves the feeds: Winter"]
    assert published.decoded("dtstart") == dt.date(2027, 1, 12)
    assert leaving.decoded("dtstart") == dt.date(2027, 1, 14)
    assert str(published["uid"]) != str(leaving["uid"])
    # The post's event is the one it had while scheduled: the same UID, updated.
    before = tmp_path / "before.ics"
    assert hub.carepress("calendar", "--from", "2027-01-11", "--weeks", "1",
                         "--ics", str(before)).returncode == 0  # fmt: skip
    assert str(_ics_events(before)["Publishes: Winter"]["uid"]) == str(published["uid"])
    # A week later, the post is done: it is not carried into the next week.
    later = json.loads(hub.carepress("calendar", "--from", "2027-01-19", "--weeks", "1",
                                     "--format", "json").stdout)[0]  # fmt: skip
    assert later["posts"] == [] and later["expiring"] == []


def test_a_calendar_past_the_last_day_is_a_clear_error(hub: Hub) -> None:
    result = hub.carepress("calendar", "--from", "9999-12-27")
    assert result.returncode == 2
    assert result.stderr == (
        "carepress: --from 9999-12-27: the calendar's last week would end after 9999-12-31, "
        "the last day it can show; give an earlier day or fewer --weeks\n")
    last = hub.carepress("calendar", "--from", "9999-12-20", "--weeks", "1")
    assert last.returncode == 0 and "Week of Mon 20 Dec 9999" in last.stdout


def test_the_site_keeps_an_overdue_review_to_the_practice(hub: Hub) -> None:
    """The calendar page and calendar.ics are public (noindex, not private): an overdue
    clinical review, like a draft or a note on pace, is the practice's own
    (`carepress calendar`), never the site's (a UK tester's report)."""
    from carepress.calendar.agenda import agenda
    from carepress.calendar.site_calendar import _calendar, coming_up
    from carepress.engine import check_front
    from carepress.settings import load_settings

    _post(hub, "what-anxiety-is", "2025-01-02", tags=["self-harm"],
          reviewed={"by": "mei-lin", "on": dt.date(2025, 11, 5)})  # fmt: skip
    settings = load_settings(hub.root / "mkdocs.yml")
    for now in (dt.datetime(2027, 1, 12, tzinfo=dt.UTC), dt.datetime(2027, 1, 20, tzinfo=dt.UTC)):
        reports = [check_front(p, settings, now) for p in settings.post_files()]
        # The practice's own plan has it ...
        weeks = agenda(reports, settings, now.date(), 1)
        assert [p.title for p in weeks[0].reviews] == ["What Anxiety Is"]
        # ... the site's page and file do not: only observances and the posts that fit them.
        items = coming_up(reports, settings, now, weeks=8)
        assert not [i for i in items if "Review" in str(i["what"])]
        raw = _calendar(reports, settings, now).decode()
        assert "Review due" not in raw and "overdue" not in raw
        events = icalendar.Calendar.from_ical(_calendar(reports, settings, now)).walk("VEVENT")
        summaries = [str(e["summary"]) for e in events]
        assert "Self-injury Awareness Day" in summaries


def test_a_self_harm_post_fits_self_injury_awareness_day(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("crisis_region: US", "crisis_region: UK"))
    _post(hub, "self-harm", "2026-01-10", content_warnings=["self-harm"])
    result = hub.carepress("calendar", "--from", "2027-03-01", "--weeks", "1", "--format", "json")
    assert result.returncode == 0, result.stderr
    (week,) = json.loads(result.stdout)
    day = next(o for o in week["observances"] if o["id"] == "self-injury-awareness-day")
    assert (day["start"], day["end"]) == ("2027-03-01", "2027-03-01")
    assert [p["path"].rsplit("/", 1)[-1] for p in day["fits"]] == ["self-harm.md"]
