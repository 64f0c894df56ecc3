"""The word half of the second reader's features: TF-IDF over the words and word pairs that
`carepress.second_reader.word_features` gives (one function, so the runtime counts exactly
what training counted).

Measured before it was added, leaving six writers' batches (AS-AX, 3,942 sentences) out of
training: at 3% false alarms on their own clean sentences, the static vectors alone caught
59% of their flag sentences, the word features alone 75%, and the two together 81%
(words with C = 3, plus half the static score, each scaled to the words' spread).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from corpus import word_features
from sklearn.feature_extraction.text import TfidfVectorizer

MIN_DF = 2  # a word or pair in one text only is that text's, not the category's


def fit_vectorizer(texts: list[str]) -> TfidfVectorizer:
    """TF-IDF as the runtime computes it: tf = 1 + ln(count), smoothed idf, L2 norm."""
    vectorizer = TfidfVectorizer(
        analyzer=word_features, min_df=MIN_DF, sublinear_tf=True, dtype=np.float32
    )
    return vectorizer.fit(texts)


def word_matrix(vectorizer: TfidfVectorizer, texts: list[str]) -> sp.csr_matrix:
    return vectorizer.transform(texts).tocsr()


def vocabulary(vectorizer: TfidfVectorizer) -> list[str]:
    """The features in column order."""
    order = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
    return [feature for feature, _ in order]
