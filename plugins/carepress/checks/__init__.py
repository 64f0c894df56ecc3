"""One module per concern: each takes a parsed post and the hub settings, returns Findings."""
