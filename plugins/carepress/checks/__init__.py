"""One module per concern. Each check takes a parsed post and the hub settings and returns Findings."""
