"""Verify a built site against the posts it was built from: `carepress verify`."""
