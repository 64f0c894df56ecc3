"""`carepress post`: due posts sent straight to Mastodon and Bluesky with the platforms' own
client libraries, each once, recorded in a local SQLite ledger.

accounts.py   which account each platform posts as, and its secret (environment or keyring)
ledger.py     what went where: the record that keeps a rerun from posting twice
outbox.py     what is due: published, not expired, not yet sent (or edited, when asked)
mastodon.py   one post to Mastodon (Mastodon.py): CW field, sensitive, the card as media
bluesky.py    one post to Bluesky (the atproto SDK): facets, a link card with the card image
run.py        the run: dry or real, one platform's failure never stops the others
waiting.py    when a rate-limited (or unavailable) platform said to come back
"""
