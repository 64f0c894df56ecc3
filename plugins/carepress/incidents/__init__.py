"""`carepress incident`: the practice's private log of incidents on social media and beyond
(a client trying to connect, a distressed comment, a negative review, harassment), kept
because such records help if a legal or ethical question arises. Never published.

record.py   what an incident is; every field checked, all or nothing
log.py      the local SQLite log (only ever added to); incidents_for_archive
asking.py   the questions `add` asks in a terminal
listing.py  the terminal table (newest first; notes only when asked)
export.py   CSV (formula-safe) and JSON files, notes only when asked
command.py  add, list, export, review
"""
