"""Everything training needs, gathered once: the dev half, the rules' results, the teacher's
targets, the single-token vectors, the SIF weights and every text's token ids."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from corpus import DevData, load_dev
from distil import sif_weights, token_probabilities
from teacher import Teacher
from tokenizers import Tokenizer
from tokens import load_tokenizer, token_ids

HERE = Path(__file__).resolve().parent


@dataclass
class Inputs:
    data: DevData
    texts: list[str]  # every distinct dev text, sorted: the feature rows
    row_of: dict[str, int]
    targets: np.ndarray  # the teacher's embedding of each text
    token_vectors: np.ndarray  # the teacher's single-token embeddings
    weights: np.ndarray  # SIF weight per token
    tokenizer: Tokenizer
    ids: list[np.ndarray]  # each text's token ids
    seconds: dict[str, float] = field(default_factory=dict)


def default_rules_python(repo: Path) -> str:
    """The repository's own venv has carepress; else hope this interpreter does."""
    venv = repo / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def run_rules(repo: Path, python: str) -> dict:
    with tempfile.TemporaryDirectory() as workdir:
        out = Path(workdir) / "rules.json"
        command = [python, str(HERE / "rules.py"), "--repo", str(repo), "--out", str(out)]
        subprocess.run(command, check=True)
        return json.loads(out.read_text(encoding="utf-8"))


def prepare(repo: Path, cache: Path | None, rules_python: str) -> Inputs:
    seconds = {}
    start = time.time()
    data = load_dev(repo, run_rules(repo, rules_python))
    seconds["rules_and_dev_half"] = time.time() - start
    texts = data.texts()
    print(
        f"dev half: {len(data.post_names)} posts, {len(data.post_sentences)} post sentences, "
        f"{len(data.corpus_items)} corpus sentences, {len(texts)} distinct texts",
        flush=True,
    )
    start = time.time()
    teacher = Teacher(cache)
    targets = teacher.sentence_embeddings(texts)
    token_vectors = teacher.token_vectors()
    seconds["teacher"] = time.time() - start
    start = time.time()
    tokenizer = load_tokenizer()
    weights = sif_weights(token_probabilities(tokenizer))
    ids = token_ids(tokenizer, texts)
    seconds["sif_weights_and_token_ids"] = time.time() - start
    row_of = {t: i for i, t in enumerate(texts)}
    return Inputs(data, texts, row_of, targets, token_vectors, weights, tokenizer, ids, seconds)
