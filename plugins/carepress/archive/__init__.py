"""`carepress archive`: a dated, verifiable record of what the hub published."""
