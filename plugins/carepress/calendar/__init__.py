"""`carepress calendar`: the coming weeks of a practice's posting, in one place.

observances.py  awareness days, weeks and months (data/observances.yml), their date rules
agenda.py       the weeks ahead: scheduled posts, dated drafts, observances, gaps, cadence
ics.py          the same as an iCalendar file a practice subscribes to
"""
