"""`carepress impact`: the practice's own numbers, on its own machine, never a tracker.

store.py        the local SQLite database: engagement per post, platform and day; site
                visits per page, day and campaign; which files were imported
engagement.py   the normalised engagement CSV (and the platforms' exports mapped onto it)
access_logs.py  the web server's own logs, counted per page, day and campaign: no IP
                address or user agent is ever kept
"""
