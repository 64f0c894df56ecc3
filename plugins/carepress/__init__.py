"""CarePress: safe-by-default publishing for a therapy practice's psychoeducation hub.

The core (everything outside ``carepress.mkdocs``) never imports MkDocs, so the
``carepress`` CLI and the MkDocs plugins run the very same checks.
"""

__version__ = "0.1.0"
