"""A post's Markdown rendered as the hub's MkDocs renders it, for the checks that judge HTML.

`carepress check` has no MkDocs, but it must see the HTML readers get (a `javascript:` link
or an `{onclick=...}` attribute list only exists once Markdown has run), so it renders with
the extensions and options of the hub's `markdown_extensions`, plus the three MkDocs always
adds. In a build the plugin judges MkDocs' own rendering instead, and renders here only to
find the line of a problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")  # mkdocs.config.defaults


class RenderError(Exception):
    """The hub's Markdown extensions cannot be loaded (a configuration problem)."""


@dataclass(frozen=True)
class MarkdownSetup:
    extensions: tuple[Any, ...] = MKDOCS_BUILTINS
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, entries: Iterable[Any] | None) -> MarkdownSetup:
        """From `markdown_extensions` as mkdocs.yml writes it: names, or {name: options}."""
        names: list[Any] = list(MKDOCS_BUILTINS)
        configs: dict[str, Mapping[str, Any]] = {}
        items = entries.items() if isinstance(entries, Mapping) else (entries or [])
        for entry in items:
            if isinstance(entry, tuple):  # the mapping form
                entry = {entry[0]: entry[1]}
            if isinstance(entry, Mapping):
                for name, options in entry.items():
                    names.append(str(name))
                    if isinstance(options, Mapping):
                        configs[str(name)] = dict(options)
            elif entry is not None:
                names.append(entry if not isinstance(entry, str) else entry.strip())
        return cls(tuple(dict.fromkeys(names)), configs)

    @cached_property
    def _markdown(self) -> Any:
        import markdown  # here: only the checks that judge HTML need it

        try:
            return markdown.Markdown(
                extensions=list(self.extensions),
                extension_configs={k: dict(v) for k, v in self.configs.items()},
            )
        except Exception as exc:  # any extension's own error: ImportError, TypeError, ...
            raise RenderError(
                f"mkdocs.yml: markdown_extensions: cannot load them ({type(exc).__name__}: {exc})"
            ) from exc

    def preprocessor(self, name: str) -> Any | None:
        """The preprocessor an extension registered under this name (pymdownx.snippets'
        "snippet"), however markdown_extensions spells the extension; None without it."""
        preprocessors = self._markdown.preprocessors
        return preprocessors[name] if name in preprocessors else None  # noqa: SIM401 (no .get)

    def render(self, text: str) -> str:
        md = self._markdown
        md.reset()
        return str(md.convert(text))
