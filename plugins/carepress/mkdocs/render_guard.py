"""MkDocs' own rendering of each page, under the per-post time budget and never a traceback.

Python-Markdown takes minutes on some hostile input (thousands of `[` in a paragraph) and
overflows the stack on others (a line of `1. 1. 1. ...`). MkDocs renders each page between
two plugin events; CarePress wraps that one call (`page.render`) so a page that cannot be
rendered stops a build with its file named, and in `mkdocs serve` shows a notice instead,
keeping the server running.
"""

from __future__ import annotations

import html
from typing import Any

from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from ..budget import OverBudget, time_budget

log = get_plugin_logger(__name__)


def guard_render(page: Page, seconds: float, serving: bool) -> None:
    """From on_page_markdown (MkDocs calls page.render right after it). `seconds`: what
    this one rendering may take (a post's is a quarter of its budget: see budget.py)."""
    if "render" in vars(page):
        return  # guarded already (a plugin may send a page through twice)
    render = page.render

    def guarded(config: Any, files: Any) -> None:
        too_complex = (
            "Very long runs of brackets, tags or list markers do this: run `carepress check` "
            "on the file to find the paragraph."
        )
        try:
            with time_budget(seconds):
                render(config, files)
            return
        except OverBudget:
            problem, advice = f"Markdown took longer than {seconds:g} s to render it", too_complex
        except RecursionError:
            problem = "Markdown gave up on it: something in it is nested too deeply"
            advice = too_complex
        except BuildError:
            raise  # another plugin's own clear message
        except Exception as exc:  # an extension's error or bug, on this page's text
            problem = f"Markdown failed on it ({type(exc).__name__}: {str(exc)[:200]})"
            advice = "Run `carepress check` on the file to find the line."
        source = page.file.src_uri
        message = f"{source}: {problem}. {advice}"
        if not serving:
            raise PluginError(f"CarePress: {message}")
        log.error(message)
        page.content = (
            '<div class="admonition failure" role="alert"><p class="admonition-title">'
            f"This page cannot be shown</p><p>{html.escape(message)}</p></div>"
        )
        page.toc = TableOfContents([])
        # Material renders each post's Markdown again for its excerpt on the blog's index,
        # archive and category pages, unguarded: the preview would take minutes there.
        page.markdown = "This post cannot be shown in the preview: its page says why.\n"

    page.render = guarded  # type: ignore[method-assign]
