"""One logistic regression per category, and thresholds chosen for a budget of flags.

Training set of a category:
- positives: its `flag` sentences;
- negatives: its `clean` sentences; other categories' `clean` sentences, except exact copies
  of its flag sentences and those its rules already notice; every dev-post sentence that may
  count for it (not a declared content warning's topic, not a cited sentence for citation).

Thresholds are chosen jointly for the 13 categories: an exact knapsack picks, per category,
how many good-post sentences may score above its threshold, so as to catch the most flag
sentences with at most budget × posts flags on good posts in all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from corpus import CATEGORIES, DevData, post_eligible, rule_prefix
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

C = 0.1  # static vectors: chosen on outer fold 0 of the experiment from {0.01, 0.1, 1, 10}
WORDS_C = 3.0  # word features: chosen on six writers' batches left out (words.py), {0.3, 1, 3}
# A sentence's score: the word model's, plus this share of the static model's, scaled to the
# word model's spread on the training items (chosen with WORDS_C, from {0.5, 1, 2}).
STATIC_SHARE = 0.5
MAX_ITER = 3000
LR_BLAS_THREADS = 1


@dataclass
class Features:
    """Every dev text's features, one row per text: the static sentence vector and the
    TF-IDF word features."""

    static: np.ndarray
    words: sp.csr_matrix


@dataclass
class Fitted:
    """One category's two models; score = words + mix * static."""

    scaler: StandardScaler
    static: LogisticRegression
    words: LogisticRegression
    mix: float

    def scores(self, features: Features, rows: np.ndarray) -> np.ndarray:
        with threadpool_limits(LR_BLAS_THREADS, user_api="blas"):
            static = self.static.decision_function(self.scaler.transform(features.static[rows]))
            return self.words.decision_function(features.words[rows]) + self.mix * static


@dataclass
class Table:
    """One category's items: feature row, label, fold, kind and the rules' verdict."""

    rows: np.ndarray
    y: np.ndarray
    fold: np.ndarray
    kind: np.ndarray  # "flag", "own" (own clean), "other" (others' clean), "post"
    noticed: np.ndarray  # flag items only: any rule finding of the category
    caught: np.ndarray  # flag items only: an error finding of the category
    post_sentence: list  # the PostSentence of "post" items, None for the others


def build_tables(data: DevData, row_of: dict[str, int]) -> dict[str, Table]:
    tables = {}
    for category in CATEGORIES:
        prefix = rule_prefix(category)
        flags = {x.text for x in data.corpus_items if x.category == category and x.label == "flag"}
        items: list[tuple] = []  # (row, y, fold, kind, noticed, caught, post sentence)
        seen = set()
        for x in data.corpus_items:
            if x.category == category:
                is_flag = x.label == "flag"
                kind = "flag" if is_flag else "own"
                noticed, caught = is_flag and x.noticed, is_flag and x.caught
                items.append((row_of[x.text], int(is_flag), x.fold, kind, noticed, caught, None))
                seen.add(x.text)
        for x in data.corpus_items:
            if x.category == category or x.label != "clean":
                continue
            if x.text in flags or x.text in seen:
                continue
            # A sentence this category's rules notice is likely a flag in all but its label.
            if any(r.startswith(prefix) for r in data.rules_noticing.get(x.text, [])):
                continue
            seen.add(x.text)
            items.append((row_of[x.text], 0, x.fold, "other", False, False, None))
        for x in data.post_sentences:
            if post_eligible(category, x.declared_warnings, x.cited):
                items.append((row_of[x.text], 0, x.fold, "post", False, False, x))
        columns = list(zip(*items, strict=True))
        tables[category] = Table(
            np.array(columns[0]),
            np.array(columns[1]),
            np.array(columns[2]),
            np.array(columns[3]),
            np.array(columns[4], bool),
            np.array(columns[5], bool),
            list(columns[6]),
        )
    return tables


def fit(features: Features, table: Table, train: np.ndarray) -> Fitted:
    rows, y = table.rows[train], table.y[train]
    scaler = StandardScaler().fit(features.static[rows])
    # Balanced: ~1 flag sentence to ~30 negatives, most of them good-post sentences.
    static = LogisticRegression(C=C, class_weight="balanced", max_iter=MAX_ITER)
    words = LogisticRegression(
        C=WORDS_C, class_weight="balanced", max_iter=MAX_ITER, solver="liblinear", random_state=0
    )
    # The 384 features are nearly collinear, so lbfgs stops at a point that moves with the
    # BLAS thread count (weights by up to 0.5%); one thread gives every machine the same
    # weights, and is faster here anyway.
    scaled = scaler.transform(features.static[rows])
    with threadpool_limits(LR_BLAS_THREADS, user_api="blas"):
        static.fit(scaled, y)
        words.fit(features.words[rows], y)
        spread = (
            words.decision_function(features.words[rows]).std(),
            static.decision_function(scaled).std(),
        )
    return Fitted(scaler, static, words, STATIC_SHARE * spread[0] / max(spread[1], 1e-9))


def fit_score(features: Features, table: Table, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    return fit(features, table, train).scores(features, table.rows[test])


def fit_linear(features: Features, table: Table) -> tuple[np.ndarray, np.ndarray, float]:
    """Train on all items and fold everything into one linear score:
    score = static · w_static + words · w_words + b (the scaler folded into w_static)."""
    fitted = fit(features, table, np.ones(len(table.y), bool))
    scaler, static = fitted.scaler, fitted.static
    w_static = fitted.mix * static.coef_[0] / scaler.scale_
    b_static = static.intercept_[0] - (static.coef_[0] * scaler.mean_ / scaler.scale_).sum()
    bias = fitted.words.intercept_[0] + fitted.mix * b_static
    return w_static, fitted.words.coef_[0], float(bias)


def out_of_fold(features: Features, table: Table, folds: list[int]) -> np.ndarray:
    """Scores of the items in `folds`, each fold's by a model trained on the other ones."""
    scores = np.full(len(table.y), np.nan)
    for j in folds:
        train = np.isin(table.fold, [k for k in folds if k != j])
        test = table.fold == j
        scores[test] = fit_score(features, table, train, test)
    return scores


def choose_thresholds(
    tables: dict[str, Table],
    scores: dict[str, np.ndarray],
    masks: dict[str, np.ndarray],
    n_posts: int,
    budget: float,
) -> tuple[dict[str, float], dict[str, int]]:
    """Per-category thresholds (and post flags allowed) maximising flag sentences caught with
    at most budget × n_posts flags on good posts, over the masked items' scores."""
    allowed = int(np.floor(budget * n_posts + 1e-9))
    curves = {}
    for category in CATEGORIES:
        table, s, mask = tables[category], scores[category], masks[category]
        post_scores = np.sort(s[mask & (table.kind == "post")])[::-1]
        flag_scores = s[mask & (table.kind == "flag")]
        # Allowing k post flags puts the threshold at the (k+1)-th highest post score.
        thresholds = [
            post_scores[k] if k < len(post_scores) else -np.inf for k in range(allowed + 1)
        ]
        caught = [int((flag_scores > t).sum()) for t in thresholds]
        curves[category] = (thresholds, caught)
    # Knapsack over categories with unit costs; ties keep the first (fewest flags early on).
    best: dict[int, tuple[int, list[int]]] = {0: (0, [])}
    for category in CATEGORIES:
        _, caught = curves[category]
        extended: dict[int, tuple[int, list[int]]] = {}
        for used, (value, picks) in best.items():
            for k in range(allowed + 1 - used):
                v, u = value + caught[k], used + k
                if u not in extended or v > extended[u][0]:
                    extended[u] = (v, [*picks, k])
        best = extended
    _, picks = max(best.values(), key=lambda entry: entry[0])
    thresholds = {c: float(curves[c][0][k]) for c, k in zip(CATEGORIES, picks, strict=True)}
    return thresholds, dict(zip(CATEGORIES, picks, strict=True))


def evaluate(
    tables: dict[str, Table],
    scores: dict[str, np.ndarray],
    threshold_of,  # (fold, category) -> threshold
    post_names: list[str],
) -> dict:
    """Per category: model alone, rules, either, false alarms, post flags; and the flags."""
    per_category = {}
    flagged = []
    for category in CATEGORIES:
        table, s = tables[category], scores[category]
        thresholds = np.array([threshold_of(int(f), category) for f in table.fold])
        scored = ~np.isnan(s)
        hit = (s > thresholds) & scored
        flag = (table.kind == "flag") & scored
        own = (table.kind == "own") & scored
        post = (table.kind == "post") & scored
        per_category[category] = {
            "n_flag": int(flag.sum()),
            "model": int((hit & flag).sum()),
            "rules": int((table.noticed & flag).sum()),
            "rules_caught": int((table.caught & flag).sum()),
            "either": int(((hit | table.noticed) & flag).sum()),
            "either_caught": int(((hit | table.caught) & flag).sum()),
            "n_own": int(own.sum()),
            "own_fa": int((hit & own).sum()),
            "post_flags": int((hit & post).sum()),
            "missed_by_rules": int((flag & ~table.noticed).sum()),
            "model_on_rule_misses": int((hit & flag & ~table.noticed).sum()),
        }
        for i in np.where(hit & post)[0]:
            sentence = table.post_sentence[i]
            flagged.append(
                {
                    "category": category,
                    "post": post_names[sentence.post],
                    "text": sentence.text,
                    "margin": float(s[i] - thresholds[i]),
                }
            )
    return {"per_category": per_category, "flagged": flagged}


def overall(result: dict, n_posts: int) -> dict:
    """The all-categories figures of an `evaluate` result."""
    per = result["per_category"].values()

    def total(key: str) -> int:
        return sum(p[key] for p in per)

    n_flag = total("n_flag")
    return {
        "model_alone": round(total("model") / n_flag, 4),
        "rules_noticed": round(total("rules") / n_flag, 4),
        "rules_or_model": round(total("either") / n_flag, 4),
        "gain_points": round((total("either") - total("rules")) / n_flag * 100, 2),
        "rule_misses_caught": f"{total('model_on_rule_misses')}/{total('missed_by_rules')}",
        "flags_per_good_post": round(total("post_flags") / n_posts, 3),
        "good_post_flags": total("post_flags"),
        "own_clean_false_alarms": round(total("own_fa") / total("n_own"), 4),
    }
