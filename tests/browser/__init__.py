"""Reader-side tests in a real browser (headless Chromium) and the Nu HTML Checker."""
