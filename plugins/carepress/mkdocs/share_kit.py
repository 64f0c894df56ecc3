"""The share kits' side of the MkDocs plugin: after the build, the core writes them
(publish/share_kits.py) with the theme's template, stylesheets and palette as MkDocs has
them."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from ..publish.share_kits import TEMPLATE, ShareKitError, ShareKits, SiteLook, theme_stylesheets
from .content_security import ContentSecurity

log = get_plugin_logger(__name__)


def site_look(config: MkDocsConfig, files: Files) -> SiteLook:
    return SiteLook(
        site_name=config.site_name,
        language=str(config.theme.get("language") or "en"),
        theme_css=theme_stylesheets(f.src_uri for f in files),
        palette=config.theme.get("palette"),
        extra_css=[str(p) for p in config.extra_css],
        extra_javascript=[str(p) for p in config.extra_javascript],
        csp_meta=ContentSecurity(()).meta(),
    )


def write_share_kits(
    kits: ShareKits, site_dir: str, env: Environment, config: MkDocsConfig, files: Files
) -> None:
    if not kits.enabled:
        return
    try:
        kits.write(Path(site_dir), env.get_template(TEMPLATE), site_look(config, files),
                   {"config": config})  # fmt: skip
    except ShareKitError as exc:
        raise PluginError(str(exc)) from exc
    log.info(f"share kits: {len(kits.posts)} post pages and the profile kit")
