"""Plugins a practice may add that cannot compose with CarePress, and what to say about them.

CarePress composes with plugins that leave its safeguards, its addresses and the page's
Content-Security-Policy as they are (tests/test_composition.py). Some cannot:

- Material's `offline` plugin switches `use_directory_urls` off in its own `on_config`,
  whichever side of CarePress it runs on (so after CarePress has read it, when it is listed
  after it), and adds a script from unpkg.com to every page: a third party the readers'
  browsers must never be sent to. The build refuses it whenever it is enabled.
- Some plugins write an inline script into every page, which the site's policy forbids
  (and nobody reviewed). The build refuses the page, as for any inline script, but names
  the plugin instead of asking the writer to move a script they never wrote.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

OFFLINE_PLUGIN = "material/offline"

OFFLINE_UNSUPPORTED = (
    "CarePress: Material's offline plugin is not supported: it changes every page's address "
    "(it turns use_directory_urls off) after CarePress has read them, so posts, feeds, "
    "snippets and share kits would link to the wrong addresses, and it adds a script from "
    "unpkg.com, a third party that readers' browsers must never be sent to. Remove "
    "'- offline' from plugins in mkdocs.yml (or set its 'enabled: false'). To browse the "
    "site from files without a server, set 'use_directory_urls: false' in mkdocs.yml "
    "instead; to publish it, upload site/ to any static host."
)


@dataclass(frozen=True)
class InlineScriptPlugin:
    name: str  # as listed under plugins in mkdocs.yml
    package: str  # as installed with pip
    marker: str  # what the start of its script holds (case-insensitive)


# Each plugin known to write an inline script into pages, and how its script is recognised.
INLINE_SCRIPT_PLUGINS = (
    # mkdocs-glightbox 0.5: `<script id="init-glightbox">const lightbox = GLightbox({...})`
    # (with Material's privacy plugin, a loop over `.glightbox` elements comes first).
    InlineScriptPlugin("glightbox", "mkdocs-glightbox", "glightbox"),
)


def offline_enabled(plugins: Any) -> bool:
    """Whether Material's offline plugin is listed and enabled (before or after CarePress:
    the plugin collection holds every one before any on_config runs)."""
    offline = plugins.get(OFFLINE_PLUGIN)
    return offline is not None and bool(offline.config.get("enabled", True))


def enabled_plugins(plugins: Any) -> frozenset[str]:
    """The names of the enabled plugins in MkDocs' plugin collection ("material/" dropped)."""
    names = set()
    for name, plugin in plugins.items():
        config = getattr(plugin, "config", None)
        if config is not None and hasattr(config, "get") and config.get("enabled") is False:
            continue
        names.add(name.removeprefix("material/"))
    return frozenset(names)


def inline_script_plugin(scripts: Iterable[str], enabled: frozenset[str]) -> str:
    """What to say when a refused inline script comes from a known plugin ("" otherwise)."""
    for plugin in INLINE_SCRIPT_PLUGINS:
        if plugin.name in enabled and any(plugin.marker in s.casefold() for s in scripts):
            return (
                f"It comes from the {plugin.package} plugin ('- {plugin.name}' "
                "in plugins), which is not compatible with CarePress: it writes an inline "
                "script into every page, and the site's Content-Security-Policy forbids "
                f"inline scripts. Remove '- {plugin.name}' from plugins in mkdocs.yml."
            )
    return ""
