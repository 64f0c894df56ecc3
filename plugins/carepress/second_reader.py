"""The second reader: a small trained model that reads each sentence for what the rules miss.

The rules name the words that are wrong; on sentences written by people who never saw them,
they miss about a fifth of what they should notice. This model reads a sentence as a whole,
two ways, and adds the two linear scores per category (bench/second_reader/ trains both on
the development half only):
- a static, distilled form of the sentence-embedding model all-MiniLM-L6-v2 (Apache-2.0; a
  vector per word piece, int8, summed and normalised): what the sentence means;
- TF-IDF over its words and word pairs: which words say it. On writers' batches left out of
  training it caught 75% where the vectors caught 59%, and the two together 81%.
It finds sentences, not words, so what it finds is a warning to reread, never an error.

Its thresholds were chosen for about one flag in ten good posts; measured once on blind
text (bench/QUALITY.md). Scoring is numpy over a memory-mapped table.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import user_cache

if TYPE_CHECKING:
    import numpy as np

_DATA = "data/second_reader"
_VERSION = user_cache.version_of(__file__)
# BERT's uncased pre-tokeniser on ASCII text: runs of letters and digits, and each other
# character alone (the tokenizer itself takes anything else).
_ASCII_WORDS = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")
# What WordPiece below splits as the tokenizer would: a run of letters and digits, or one
# printable punctuation mark (BERT's normaliser drops control characters: the tokenizer's).
_PLAIN_WORD = re.compile(r"[a-z0-9]+|[!-/:-@\[-`{-~]")
LONGEST_WORD = 100  # BERT's WordPiece reads a longer word as one unknown piece
MAX_PIECES = 256  # all-MiniLM-L6-v2 reads no more of a text (its max_seq_length)
MAX_BATCH = 64  # sentences scored together: at most 64 x 256 x 384 floats (25 MB)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def word_features(sentence: str) -> list[str]:
    """The word half's features of a sentence: its lower-cased words (with an apostrophe's
    ending: "don't", "she's") and each pair of neighbouring words. Training counts these
    same features (bench/second_reader/words.py)."""
    words = _WORD.findall(sentence.lower().replace("’", "'"))
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@dataclass(frozen=True)
class SecondReader:
    categories: tuple[str, ...]
    vectors: Any  # int8 [word pieces, dimensions], memory-mapped
    scale: Any  # float32 [word pieces]: each row's int8 step
    weights: Any  # float32 [dimensions, categories]
    bias: Any  # float32 [categories]
    threshold: Any  # float32 [categories]: the budget's thresholds
    vocabulary: dict[str, int]  # word piece -> id (a word's later pieces start "##")
    unknown: int  # the id of [UNK]
    pieces: dict[str, list[int]]  # a word's piece ids, filled as words are met
    words: dict[str, int]  # word feature -> row of word_idf and word_weights
    word_idf: Any  # float32 [word features]
    word_weights: Any  # float32 [word features, categories]

    @classmethod
    def from_folder(cls, folder: Any) -> SecondReader:
        """The model in `folder` (a path, or the package's data folder): the table is
        mapped, not read (12 MB)."""
        import numpy as np

        meta = json.loads(folder.joinpath("meta.json").read_text("utf-8"))
        with folder.joinpath("model.npz").open("rb") as stream:
            model = dict(np.load(stream))
        word_pieces = json.loads(folder.joinpath("tokenizer.json").read_text("utf-8"))["model"]
        vocabulary = word_pieces["vocab"]
        words = folder.joinpath("words.txt").read_text("utf-8").splitlines()
        return cls(
            categories=tuple(meta["categories"]),
            vectors=_mapped_vectors(folder),
            scale=model["scale"],
            weights=model["weights"],
            bias=model["bias"],
            threshold=model[f"threshold_{meta['budget']}"],
            vocabulary=vocabulary,
            unknown=vocabulary[word_pieces["unk_token"]],
            pieces={},
            words=dict(zip(words, range(len(words)), strict=True)),
            word_idf=model["word_idf"],
            word_weights=model["word_weights"],
        )

    def piece_ids(self, sentence: str) -> list[int]:
        """The ids all-MiniLM-L6-v2's tokenizer gives the sentence (no [CLS] or [SEP])."""
        if not sentence.isascii():  # accents, symbols: the tokenizer's own normalising
            return list(_tokenizer().encode(sentence, add_special_tokens=False).ids)
        ids: list[int] = []
        for word in _ASCII_WORDS.findall(sentence.lower()):
            found = self.pieces.get(word)
            if found is None:
                found = self.pieces[word] = self._word_pieces(word)
            ids.extend(found)
        return ids

    def _word_pieces(self, word: str) -> list[int]:
        """WordPiece, as the tokenizer does it (the longest piece first, then the longest
        "##" piece of the rest), in Python: loading the tokenizer itself would be a fifth
        of a one-post check's start. A word it does not take is the tokenizer's."""
        if not _PLAIN_WORD.fullmatch(word):
            return list(_tokenizer().encode(word, add_special_tokens=False).ids)
        if len(word) > LONGEST_WORD:
            return [self.unknown]
        ids, start = [], 0
        while start < len(word):
            for end in range(len(word), start, -1):
                piece = word[start:end] if not start else "##" + word[start:end]
                found = self.vocabulary.get(piece)
                if found is not None:
                    ids.append(found)
                    start = end
                    break
            else:
                return [self.unknown]
        return ids

    def margins(self, sentences: list[str]) -> np.ndarray:
        """[sentences, categories]: how far each score is above its threshold (> 0: flagged);
        a sentence with no word pieces is never flagged."""
        import numpy as np

        scores, read = self._scores(sentences)
        margins = np.full(scores.shape, -np.inf, np.float32)
        margins[read] = (scores - self.threshold)[read]
        return margins

    def scores(self, sentences: list[str]) -> np.ndarray:
        """[sentences, categories]: each sentence's score before the thresholds."""
        return self._scores(sentences)[0]

    def _scores(self, sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The scores, and which sentences have word pieces to read."""
        import numpy as np

        scores = self._word_scores(sentences) + self.bias
        # A bounded batch, and a sentence read to the base model's own limit: the padded
        # table below is sentences x longest sentence, and one run-on "sentence" (a long list
        # with no stop) would otherwise take gigabytes. Batched shortest first: a batch is
        # padded to its longest sentence, and a post's sentences run from three words to
        # sixty.
        pieces = [self.piece_ids(sentence)[:MAX_PIECES] for sentence in sentences]
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        for first in range(0, len(order), MAX_BATCH):
            batch = order[first : first + MAX_BATCH]
            scores[batch] += self._vector_scores([pieces[i] for i in batch])
        return scores, np.fromiter(map(len, pieces), np.int64, len(pieces)) > 0

    def _vector_scores(self, pieces: list[list[int]]) -> np.ndarray:
        """The static vectors' share of each score: the sentence's rows summed, normalised."""
        import numpy as np

        lengths = np.fromiter(map(len, pieces), np.int64, len(pieces))
        if not lengths.any():
            return np.zeros((len(pieces), len(self.categories)), np.float32)
        # Each sentence's pieces as a row of a padded table (a pad is piece 0 weighed 0), so
        # one gather and one batched product sum them: numpy's segment sums are slow.
        width = int(lengths.max())
        present = np.arange(width) < lengths[:, None]
        ids = np.zeros((len(pieces), width), np.int64)
        ids[present] = np.fromiter((i for p in pieces for i in p), np.int64, int(lengths.sum()))
        weights = np.where(present, self.scale[ids], np.float32(0))
        rows = _work_buffer((len(pieces), width, self.vectors.shape[1]))
        np.copyto(rows, self.vectors[ids], casting="unsafe")  # int8 into a reused buffer
        sums = np.matmul(weights[:, None, :], rows)[:, 0, :]
        sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
        return sums @ self.weights

    def _word_scores(self, sentences: list[str]) -> np.ndarray:
        """The word features' share of each score: TF-IDF as training computed it
        (1 + ln count, times idf, L2-normalised), times the weights."""
        import numpy as np

        scores = np.zeros((len(sentences), len(self.categories)), np.float32)
        ids: list[int] = []
        counts: list[int] = []
        owners: list[int] = []
        known = self.words.get
        for n, sentence in enumerate(sentences):
            found = Counter(map(known, word_features(sentence)))
            found.pop(None, None)  # the features training never met
            ids += found.keys()
            counts += found.values()
            owners += [n] * len(found)
        if not ids:
            return scores
        rows, owner = np.array(ids), np.array(owners)
        values = (1 + np.log(np.array(counts, np.float32))) * self.word_idf[rows]
        norms = np.sqrt(np.bincount(owner, values * values, len(sentences)))
        values /= norms[owner]
        # Each sentence's features are consecutive: one sum per run of the same owner.
        starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
        scores[owner[starts]] = np.add.reduceat(self.word_weights[rows] * values[:, None], starts)
        return scores

    def flagged(self, sentences: list[str]) -> list[tuple[int, str]]:
        """(index, category) of each sentence and category the model flags."""
        import numpy as np

        rows, columns = np.nonzero(self.margins(sentences) > 0)
        return [(int(r), self.categories[c]) for r, c in zip(rows, columns, strict=True)]


_WORK = threading.local()  # a float32 buffer per thread (`mkdocs serve` checks in threads)


def _work_buffer(shape: tuple[int, int, int]) -> np.ndarray:
    """A float32 array of `shape`, reused: a new one each time would cost more to allocate
    and touch than the sums themselves."""
    import numpy as np

    size = shape[0] * shape[1] * shape[2]
    buffer = getattr(_WORK, "buffer", None)
    if buffer is None or buffer.size < size:
        buffer = _WORK.buffer = np.empty(max(size, 1 << 20), np.float32)
    return buffer[:size].reshape(shape)


@cache
def second_reader() -> SecondReader:
    """Loaded once a process, on first use. Its tables (all but the mapped vectors) are kept
    pickled in the user's cache folder: 26 ms to load against 45 ms to read and index the
    JSON, the word list and the archive, a tenth of the one-post edit loop."""
    folder = files("carepress").joinpath(_DATA)
    kept_in = _kept_file(folder)
    reader, written = user_cache.kept(
        kept_in,
        lambda: dataclasses.replace(SecondReader.from_folder(folder), vectors=None),
        lambda found: isinstance(found, SecondReader) and not found.pieces,
    )
    if written and kept_in is not None:
        user_cache.forget_older(kept_in.parent, "*.pickle", kept=2)
    return dataclasses.replace(reader, vectors=_mapped_vectors(folder))


def _mapped_vectors(folder: Any) -> np.ndarray:
    """The static vectors' table, memory-mapped (12 MB, never read whole)."""
    import numpy as np

    return np.load(str(folder.joinpath("vectors.npy")), mmap_mode="r")


def _kept_file(folder: Any) -> Path | None:
    """Where the tables of the model in `folder` are kept: named by this module's source
    and each data file's size and time, so a retrained model or another version of
    CarePress is read afresh. None where the data is not a folder on disk (a zipped
    install) or there is no cache folder."""
    base = user_cache.folder()
    if base is None or not isinstance(folder, Path):
        return None
    digest = hashlib.sha256(_VERSION.encode())
    for file in sorted(folder.iterdir()):
        stat = file.stat()
        digest.update(f"{file.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return base / "second-reader" / f"{digest.hexdigest()[:32]}.pickle"


@cache
def _tokenizer() -> Any:
    """The model's own tokenizer (tokenizers.Tokenizer), for text beyond plain ASCII words."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str(
        files("carepress").joinpath(_DATA, "tokenizer.json").read_text("utf-8")
    )
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


@cache
def _meta() -> dict[str, Any]:
    return dict(json.loads(files("carepress").joinpath(_DATA, "meta.json").read_text("utf-8")))


def categories() -> tuple[str, ...]:
    """The categories the model reads for, from its metadata (without loading the model)."""
    return tuple(_meta()["categories"])


def rule_prefix(category: str) -> str:
    """The ids of the rules that answer for a category: cw-<topic> is
    content-warning.undeclared-<topic>, citation the uncited-claim rules, the rest the pack
    of that name. The second reader stays quiet where they spoke; bench/quality.py and the
    training count them as the rules' verdict."""
    if category.startswith("cw-"):
        return f"content-warning.undeclared-{category[3:]}"
    if category == "citation":
        return "citation.uncited-"
    return f"{category}."
