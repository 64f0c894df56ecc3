"""The development half of tests/corpus, read for training: never the blind test half.

Only two kinds of file are read, both under tests/corpus/dev/: the labelled sentence corpora
(`<category>.yml`, with `flag:` and `clean:` lists) and the good whole posts (`posts/*.md`).
Every path is checked against the dev folder before it is opened.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml
from sentences import front_matter, split_post

REPO_ROOT = Path(__file__).resolve().parents[2]
# Which rules answer for a category, and what a sentence's word features are, are the
# package's to say (its module imports only the standard library at load, so the training
# venv can read it without installing CarePress).
sys.path.insert(0, str(REPO_ROOT / "plugins"))
from carepress.second_reader import rule_prefix as rule_prefix  # noqa: E402  (for classify)
from carepress.second_reader import word_features as word_features  # noqa: E402  (for words)

CATEGORIES = [
    "citation",
    "clinical-advice",
    "confidentiality",
    "cw-abuse",
    "cw-death-and-grief",
    "cw-eating-disorders",
    "cw-self-harm",
    "cw-sexual-violence",
    "cw-substance-use",
    "cw-suicide",
    "cw-trauma",
    "safe-messaging",
    "stigma",
]
N_FOLDS = 5
FOLD_SEED = 0


def dev_folder(repo: Path) -> Path:
    return repo / "tests" / "corpus" / "dev"


def sample_posts_folder(repo: Path) -> Path:
    """The sample hub's own posts: good posts every build and test checks, so the model's
    thresholds must hold on them too (they are negatives, never flags)."""
    return repo / "content" / "posts"


def _dev_path(repo: Path, path: Path) -> Path:
    """`path`, if it lies inside the dev half (or is one of the sample hub's posts); anything
    else is a bug, so it fails loudly."""
    resolved = path.resolve()
    allowed = (dev_folder(repo).resolve(), sample_posts_folder(repo).resolve())
    if not any(resolved.is_relative_to(folder) for folder in allowed):
        raise RuntimeError(f"refusing to read outside tests/corpus/dev: {path}")
    return resolved


def corpus_files(repo: Path) -> list[Path]:
    """The labelled sentence corpora of the 13 categories, in category order."""
    return [_dev_path(repo, dev_folder(repo) / f"{c}.yml") for c in CATEGORIES]


def post_files(repo: Path) -> list[Path]:
    found = sorted((dev_folder(repo) / "posts").glob("*.md"))
    found += sorted(sample_posts_folder(repo).glob("*.md"))
    return [_dev_path(repo, p) for p in found]


def post_eligible(category: str, declared_warnings: list[str], cited: bool) -> bool:
    """May a post sentence count (as a negative, or as a flag) for `category`?

    Not for a content warning the post declares: there the topic is expected. Not for
    `citation` if the sentence is cited: a claim with [@id] is by definition not uncited.
    """
    if category.startswith("cw-") and category[3:] in declared_warnings:
        return False
    return not (category == "citation" and cited)


@dataclass
class CorpusItem:
    text: str
    category: str
    label: str  # "flag" or "clean"
    fold: int
    noticed: bool  # any rule finding of this category
    caught: bool  # an error-severity finding of this category


@dataclass
class PostSentence:
    text: str
    post: int
    cited: bool
    declared_warnings: list[str]
    fold: int


@dataclass
class DevData:
    corpora: dict[str, dict[str, list[str]]]
    post_names: list[str]
    corpus_items: list[CorpusItem]
    post_sentences: list[PostSentence]
    # Which rule ids notice each corpus text, for dropping other categories' negatives.
    rules_noticing: dict[str, list[str]] = field(default_factory=dict)

    def texts(self) -> list[str]:
        """Every distinct text, sorted: the rows of the feature matrices."""
        return sorted({x.text for x in self.corpus_items} | {x.text for x in self.post_sentences})

    def n_posts(self, folds: list[int] | None = None) -> int:
        """Posts with at least one sentence, in the given folds (all by default)."""
        return len({x.post for x in self.post_sentences if folds is None or x.fold in folds})


def read_corpora(repo: Path) -> dict[str, dict[str, list[str]]]:
    corpora = {}
    for category, path in zip(CATEGORIES, corpus_files(repo), strict=True):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        corpora[category] = {
            label: [e["text"] if isinstance(e, dict) else e for e in data.get(label) or []]
            for label in ("flag", "clean")
        }
    return corpora


def read_posts(repo: Path) -> list[dict]:
    posts = []
    for path in post_files(repo):
        markdown = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(front_matter(markdown)) or {}
        posts.append(
            {
                "name": path.relative_to(repo.resolve()).as_posix(),
                "warnings": meta.get("content_warnings") or [],
                "sentences": split_post(markdown),
            }
        )
    return posts


def text_fold(text: str) -> int:
    """Corpus sentences go to folds by a hash of their text: a duplicate stays in one fold."""
    return zlib.crc32(text.encode()) % N_FOLDS


def load_dev(repo: Path, rules: dict) -> DevData:
    """The dev half with the rules' results per sentence (from rules.py) and CV folds."""
    corpora = read_corpora(repo)
    posts = read_posts(repo)
    # Whole posts go to folds at random, so a post's sentences never straddle folds.
    order = np.random.RandomState(FOLD_SEED).permutation(len(posts))
    post_fold = {int(p): i % N_FOLDS for i, p in enumerate(order)}
    items = []
    for category in CATEGORIES:
        for label in ("flag", "clean"):
            results = rules["per_category"][category][label]
            texts = corpora[category][label]
            if [r["text"] for r in results] != texts:
                raise RuntimeError(f"rules' results are stale for {category}/{label}: rerun")
            items += [
                CorpusItem(t, category, label, text_fold(t), r["noticed"], r["caught"])
                for t, r in zip(texts, results, strict=True)
            ]
    sentences = [
        PostSentence(text, i, bool(cited), post["warnings"], post_fold[i])
        for i, post in enumerate(posts)
        for text, cited in post["sentences"]
    ]
    return DevData(corpora, [p["name"] for p in posts], items, sentences, rules["findings"])


def snapshot(repo: Path) -> dict:
    """What was trained on: the commit, whether dev had uncommitted changes, a content hash."""
    digest = hashlib.sha256()
    files = corpus_files(repo) + post_files(repo)
    for path in files:
        digest.update(str(path.relative_to(repo.resolve())).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return None
        return done.stdout.strip()

    status = git("status", "--porcelain", "--", "tests/corpus/dev", "content/posts")
    return {
        "git_commit": git("rev-parse", "HEAD"),
        "dev_uncommitted_changes": bool(status) if status is not None else None,
        "dev_sha256": digest.hexdigest(),
        "dev_files": len(files),
    }
