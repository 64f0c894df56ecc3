"""Where CarePress writes in the site: the folders that are its own (no page may land in
them: checks/addresses.py) and the one share-kit name that is not a post's slug."""

FEEDS_DIR = "feeds"  # feeds/rss.xml, feeds/audience/<a>/, feeds/tags/<tag>/, feeds/social/
SHARE_DIR = "social"  # share kits: social/<slug>/, the profile kit, snippets.json and .csv
CARD_DIR = "assets/cards"  # social cards: assets/cards/<slug>.png
PROFILE_KIT = "profile"  # social/profile/: the practice's bios and replies
CALENDAR_PAGE = "calendar"  # social/calendar/: the weeks ahead (calendar/site_calendar.py)
SITE_CARD = f"{CARD_DIR}/site/card.png"  # the site's own card, for its other pages
