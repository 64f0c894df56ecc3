"""The rules' results for every dev-half corpus sentence, through bench/quality.py's helpers.

Each sentence is checked as the body of an otherwise clean post by the real engine, as
`bench/quality.py --dev` does. This needs carepress, so it runs under the repository's own
virtual environment, not the training one (train.py starts it as a subprocess):

    .venv/bin/python bench/second_reader/rules.py --out rules.json [--repo ROOT]

Writes {"per_category": {category: {"flag"|"clean": [{text, noticed, caught}]}},
"findings": {text: [rule id, ...]}}. Reads only tests/corpus/dev/*.yml.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path


def rule_results(repo: Path) -> dict:
    # The repository's own engine and quality helpers, even if another checkout is installed.
    sys.path[:0] = [str(repo / "plugins"), str(repo / "bench")]
    import quality

    corpora = quality.load(repo / "tests" / "corpus" / "dev")
    with tempfile.TemporaryDirectory() as workdir:
        found = quality.findings_of(corpora, Path(workdir))
    findings = {s: [(f.rule, f.severity) for f in fs] for s, fs in found.items()}
    per_category: dict[str, dict[str, list[dict]]] = {}
    for category, labelled in corpora.items():
        prefix = quality.rule_prefix(category)
        per_category[category] = {
            label: [
                {
                    "text": s,
                    "noticed": any(rule.startswith(prefix) for rule, _ in findings[s]),
                    "caught": any(
                        rule.startswith(prefix) and severity == "error"
                        for rule, severity in findings[s]
                    ),
                }
                for s in sentences_of_label
            ]
            for label, sentences_of_label in labelled.items()
        }
    return {
        "per_category": per_category,
        "findings": {s: [rule for rule, _ in f] for s, f in findings.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args()
    results = rule_results(args.repo.resolve())
    args.out.write_text(json.dumps(results), encoding="utf-8")
    for category, labelled in results["per_category"].items():
        flag = labelled["flag"]
        noticed = sum(x["noticed"] for x in flag) / max(len(flag), 1)
        print(f"rules: {category}: {len(flag)} flag sentences, {noticed:.1%} noticed")


if __name__ == "__main__":
    main()
