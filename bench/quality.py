"""Detection quality, measured honestly: per category, the share of "flag" sentences the
check catches (recall) and the share of "clean" sentences it flags (false alarms), on the
labelled corpora of tests/corpus. Prints numbers; not a test.

    .venv/bin/python bench/quality.py            # the test half (written blind, never tuned on)
    .venv/bin/python bench/quality.py --dev      # the development half, with the misses listed
    .venv/bin/python bench/quality.py --corpus DIR   # a new batch, measured before any tuning

Each sentence is checked as the body of an otherwise clean post, through the real engine
(`carepress check`'s path), so what is measured is what a writer gets. "caught" counts
errors (what stops a post from publishing); "noticed" counts any finding of the category.
The whole posts of tests/corpus/test/posts must check with no errors.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from carepress.engine import utc_now
from carepress.parallel import check_many
from carepress.second_reader import rule_prefix
from carepress.settings import load_settings
from carepress.yaml_loading import safe_load

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
FRONT_MATTER = {
    "title": "Notes for readers",
    "description": "A short note for readers of the practice's blog.",
    "date": dt.date(2026, 3, 14),
    "authors": ["dana-reyes"],
    "audience": ["clients"],
    "sources": [{"id": "s", "title": "Health topics", "url": "https://www.nimh.nih.gov/health"}],
}


def post_of(sentence: str) -> str:
    front = yaml.safe_dump(FRONT_MATTER, sort_keys=False, allow_unicode=True)
    return f"---\n{front}---\n\nAn introduction [@s].\n\n<!-- more -->\n\n{sentence}\n"


@dataclass
class Score:
    category: str
    flag: int
    caught: int
    noticed: int
    clean: int
    false_alarms: int
    missed: list[str]
    alarms: list[str]

    def row(self) -> str:
        recall = self.caught / self.flag if self.flag else 0.0
        seen = self.noticed / self.flag if self.flag else 0.0
        alarms = self.false_alarms / self.clean if self.clean else 0.0
        return (
            f"| {self.category} | {self.flag} | {recall:.0%} | {seen:.0%} | {self.clean} "
            f"| {alarms:.1%} |"
        )


def load(folder: Path) -> dict[str, dict[str, list[str]]]:
    corpora = {}
    for path in sorted(folder.glob("*.yml")):
        data = safe_load(path.read_text(encoding="utf-8"))
        corpora[path.stem] = {
            label: [e["text"] if isinstance(e, dict) else e for e in data.get(label) or []]
            for label in ("flag", "clean")
        }
    return corpora


def findings_of(corpora: dict[str, dict[str, list[str]]], workdir: Path) -> dict[str, list]:
    """Each sentence of the corpora checked as the body of an otherwise clean post, and its
    findings. A check that crashed finds nothing, which would read as misses rather than as
    a broken engine: that stops the measure."""
    settings = load_settings(ROOT / "mkdocs.yml")
    sentences = sorted({s for c in corpora.values() for label in c.values() for s in label})
    paths = []
    for i, sentence in enumerate(sentences):
        path = workdir / f"s{i:05}.md"
        path.write_text(post_of(sentence), encoding="utf-8")
        paths.append(path)
    reports = check_many(paths, settings, utc_now(), html=False, keep_text=False)
    findings = {s: r.findings for s, r in zip(sentences, reports, strict=True)}
    broken = [s for s, found in findings.items() if any(f.rule == "internal.error" for f in found)]
    if broken:
        raise SystemExit(
            f"the engine failed (internal.error) on {len(broken)} sentences, for example "
            f"{broken[0]!r}: fix that before measuring"
        )
    return findings


def score(corpora: dict[str, dict[str, list[str]]], workdir: Path) -> list[Score]:
    findings = findings_of(corpora, workdir)
    scores = []
    for category, labelled in corpora.items():
        prefix = rule_prefix(category)

        def found(
            sentence: str, errors_only: bool, prefix: str = prefix, reader: str = category
        ) -> bool:
            return any(
                (f.rule.startswith(prefix) or f.rule == f"second-reader.{reader}")
                and (f.severity == "error" or not errors_only)
                for f in findings[sentence]
            )

        flag, clean = labelled["flag"], labelled["clean"]
        scores.append(
            Score(
                category,
                len(flag),
                sum(found(s, True) for s in flag),
                sum(found(s, False) for s in flag),
                len(clean),
                sum(found(s, False) for s in clean),
                [s for s in flag if not found(s, False)],
                [s for s in clean if found(s, False)],
            )
        )
    return scores


def whole_posts(folder: Path) -> Iterable[str]:
    """Errors in the whole posts, under the sample hub's settings but for `min_sources`: the
    writers were asked to cite what they claim, not to list a source in every post (the
    sample hub asks one of each article; a practice's policy, not a judgement of the text)."""
    settings = load_settings(ROOT / "mkdocs.yml")
    no_minimum = {kind: 0 for kind in settings.options.min_sources}
    options = settings.options.model_copy(update={"min_sources": no_minimum})
    settings = dataclasses.replace(settings, options=options)
    paths = sorted(folder.glob("*.md"))
    for report in check_many(paths, settings, utc_now(), html=True, workers=0):
        for f in report.findings:
            if f.severity == "error":
                yield f"{report.path.name}:{f.line}: {f.rule} {f.message}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="the development half instead")
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    parser.add_argument("--corpus", type=Path, help="a folder of corpus files to measure")
    args = parser.parse_args()
    half = "dev" if args.dev else "test"
    folder = args.corpus or CORPUS / half
    with tempfile.TemporaryDirectory() as workdir:
        scores = score(load(folder), Path(workdir))
    if args.corpus:
        print(f"## {args.corpus}\n")
    else:
        print(f"## {half} half ({'tuned on' if args.dev else 'written blind, never tuned on'})\n")
    print(
        "| category | must flag | caught (error) | noticed (any) | must not flag "
        "| false alarms |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for s in scores:
        print(s.row())
    flag = sum(s.flag for s in scores)
    clean = sum(s.clean for s in scores)
    print(
        f"| **all** | {flag} | {sum(s.caught for s in scores) / flag:.0%} "
        f"| {sum(s.noticed for s in scores) / flag:.0%} | {clean} "
        f"| {sum(s.false_alarms for s in scores) / clean:.1%} |"
    )
    if args.show or args.dev:
        for s in scores:
            for sentence in s.missed:
                print(f"MISS  {s.category}: {sentence}")
            for sentence in s.alarms:
                print(f"ALARM {s.category}: {sentence}")
    posts = folder / "posts"
    if posts.is_dir():
        errors = list(whole_posts(posts))
        count = len(list(posts.glob("*.md")))
        print(f"\nwhole posts: {count}, errors: {len(errors)} (min_sources set to 0)")
        for line in errors:
            print("  " + line)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
