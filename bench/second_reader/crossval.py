"""Nested, grouped 5-fold cross-validation of the second reader on the dev half.

Folds: posts are assigned at random (seed 0), corpus sentences by a hash of their text. For
each outer fold the static vectors are distilled again from the other four folds' texts only,
and each category's model is trained on those folds and scores the held-out one.

Two sets of thresholds come out of it:
- nested: for each outer fold, chosen on 4-fold out-of-fold scores inside its training folds,
  then applied to the held-out fold. These give the honest figures.
- picked on all held-out scores: chosen on the pooled held-out scores they are then measured
  on. Optimistic as figures, but these are the thresholds train.py freezes.

    python bench/second_reader/crossval.py [--json FILE] [--cache DIR]   # ~9 minutes
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from classify import (
    Features,
    build_tables,
    choose_thresholds,
    evaluate,
    fit_score,
    out_of_fold,
)
from corpus import CATEGORIES, N_FOLDS, REPO_ROOT
from distil import distil, pooled
from inputs import Inputs, default_rules_python, prepare
from words import fit_vectorizer, word_matrix

BUDGETS = ["0.1", "0.05", "0.03", "0.02", "0.01"]  # flags per good post


def fold_features(inputs: Inputs, held_out: int) -> Features:
    """Every text's features from vectors distilled, and word statistics counted, on the
    texts outside `held_out` only."""
    data = inputs.data
    train_texts = sorted(
        {x.text for x in data.corpus_items if x.fold != held_out}
        | {x.text for x in data.post_sentences if x.fold != held_out}
    )
    targets = inputs.targets[[inputs.row_of[t] for t in train_texts]]
    vectors = distil(inputs.token_vectors, inputs.weights, inputs.tokenizer, train_texts, targets)
    words = word_matrix(fit_vectorizer(train_texts), inputs.texts)
    return Features(pooled(inputs.ids, vectors, inputs.weights), words)


def cross_validate(inputs: Inputs, nested: bool = True, budgets: list[str] = BUDGETS) -> dict:
    data = inputs.data
    tables = build_tables(data, inputs.row_of)
    held_out_scores = {c: np.full(len(tables[c].y), np.nan) for c in CATEGORIES}
    nested_thresholds: dict[str, dict[int, dict[str, float]]] = {b: {} for b in budgets}
    start = time.time()
    for k in range(N_FOLDS):
        features = fold_features(inputs, k)
        inner_scores, inner_masks = {}, {}
        inner_folds = [j for j in range(N_FOLDS) if j != k]
        for category in CATEGORIES:
            table = tables[category]
            test = table.fold == k
            held_out_scores[category][test] = fit_score(features, table, ~test, test)
            if nested:
                inner_scores[category] = out_of_fold(features, table, inner_folds)
                inner_masks[category] = ~test
        if nested:
            n_inner = data.n_posts(inner_folds)
            for b in budgets:
                thresholds, _ = choose_thresholds(
                    tables, inner_scores, inner_masks, n_inner, float(b)
                )
                nested_thresholds[b][k] = thresholds
        print(f"cross-validation: outer fold {k} done at {time.time() - start:.0f}s", flush=True)

    n_posts = data.n_posts()
    all_scored = {c: ~np.isnan(held_out_scores[c]) for c in CATEGORIES}
    frozen = {
        b: choose_thresholds(tables, held_out_scores, all_scored, n_posts, float(b))
        for b in budgets
    }
    results = {}
    for b in budgets:
        if nested:
            results[f"nested {b}"] = evaluate(
                tables,
                held_out_scores,
                lambda k, c, b=b: nested_thresholds[b][k][c],
                data.post_names,
            )
        results[f"picked on all held-out scores {b}"] = evaluate(
            tables, held_out_scores, lambda k, c, b=b: frozen[b][0][c], data.post_names
        )
    return {
        "n_posts": n_posts,
        "thresholds": {b: frozen[b][0] for b in budgets},
        "post_flags_allowed": {b: frozen[b][1] for b in budgets},
        "nested_thresholds": nested_thresholds,
        "results": results,
        "tables": tables,
        "held_out_scores": held_out_scores,
    }


def overall_table(results: dict, n_posts: int) -> str:
    lines = [
        "| thresholds | model alone | rules (noticed) | rules or model | gain (points) "
        "| rule misses the model catches | flags per good held-out post "
        "| held-out own-clean false alarms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for setting, result in results.items():
        per = result["per_category"].values()

        def total(key: str, per=per) -> int:
            return sum(p[key] for p in per)

        n = total("n_flag")
        lines.append(
            f"| {setting} | {total('model') / n:.1%} | {total('rules') / n:.1%} "
            f"| {total('either') / n:.1%} | {(total('either') - total('rules')) / n * 100:+.2f} "
            f"| {total('model_on_rule_misses')}/{total('missed_by_rules')} "
            f"| {total('post_flags') / n_posts:.3f} ({total('post_flags')}) "
            f"| {total('own_fa') / total('n_own'):.2%} |"
        )
    return "\n".join(lines)


def category_table(result: dict) -> str:
    lines = [
        "| category | flag n | model alone | rules (noticed) | rules or model | gain pts "
        "| model on rule misses | post flags | own-clean false alarms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for category, p in result["per_category"].items():
        n = p["n_flag"]
        lines.append(
            f"| {category} | {n} | {p['model'] / n:.1%} | {p['rules'] / n:.1%} "
            f"| {p['either'] / n:.1%} | {(p['either'] - p['rules']) / n * 100:+.1f} "
            f"| {p['model_on_rule_misses']}/{p['missed_by_rules']} | {p['post_flags']} "
            f"| {p['own_fa']}/{p['n_own']} ({p['own_fa'] / p['n_own']:.1%}) |"
        )
    return "\n".join(lines)


def serialisable(cv: dict) -> dict:
    """The CV's results without the numpy tables, for a JSON report."""
    return {
        "n_posts": cv["n_posts"],
        "thresholds": cv["thresholds"],
        "post_flags_allowed": cv["post_flags_allowed"],
        "nested_thresholds": {
            b: {str(k): t for k, t in by_fold.items()}
            for b, by_fold in cv["nested_thresholds"].items()
        },
        "results": cv["results"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the full results here")
    parser.add_argument("--cache", type=Path, help="reuse/keep the teacher's embeddings here")
    parser.add_argument("--repo", type=Path, default=REPO_ROOT)
    parser.add_argument("--rules-python", help="a Python with carepress (default: repo .venv)")
    args = parser.parse_args()
    repo = args.repo.resolve()
    inputs = prepare(repo, args.cache, args.rules_python or default_rules_python(repo))
    cv = cross_validate(inputs)
    print(overall_table(cv["results"], cv["n_posts"]))
    for setting, result in cv["results"].items():
        print(f"\n### {setting}\n\n{category_table(result)}")
    if args.json:
        args.json.write_text(json.dumps(serialisable(cv), indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
