"""Inline citations: each must name a source; each source should be cited."""

from __future__ import annotations

from ..findings import Finding
from ..inline_citations import resolve
from ..suggest import did_you_mean
from .registry import PostContext, RuleInfo, declare, post_check

declare(
    RuleInfo("citation.unresolved", "citation", "error",
             "an inline citation [@id] matches no source"),
    RuleInfo("citation.unused-source", "citation", "warning", "a listed source is never cited"),
)  # fmt: skip


@post_check(order=30)
def check_citations(ctx: PostContext) -> list[Finding]:
    post, model, prose = ctx.post, ctx.front_matter, ctx.prose
    findings = []
    cited: set[int] = set()
    ids = [s.id for s in model.sources if s.id]
    for citation in ctx.citations:
        for key in citation.keys:
            number = resolve(key, list(model.sources))
            if number is not None:
                cited.add(number)
                continue
            line, column = prose.line_col(citation.start)
            known = ", ".join(ids) or f"numbers 1 to {len(model.sources)}"
            findings.append(
                Finding(
                    post.path,
                    line,
                    column,
                    "citation.unresolved",
                    "citation",
                    "error",
                    f"[@{key}] does not match any source (ids: {known})"
                    if model.sources
                    else f"[@{key}] is cited but the post lists no sources",
                    did_you_mean(key, ids)
                    or "add the source to `sources:` with this id, or cite an existing one",
                )
            )
    for index, source in enumerate(model.sources):
        if index + 1 not in cited:
            name = f"'{source.id}'" if source.id else f"number {index + 1}"
            findings.append(
                Finding(
                    post.path,
                    post.line_of(("sources", index)),
                    1,
                    "citation.unused-source",
                    "citation",
                    "warning",
                    f"sources[{index + 1}]: source {name} is never cited",
                    f"cite it where you use it, e.g. [@{source.id or index + 1}], or remove it",
                )
            )
    return findings
