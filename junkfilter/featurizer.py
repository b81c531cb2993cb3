"""The scikit-learn transformer over ``features.py``: documents → sparse feature rows.

Used for training; inference uses ``features.FeatureSpec`` (numpy only), which computes
the same features (a test pins the two paths together).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from .features import DENSE_NAMES, Batch, FeatureSpec, dense_features, make_batch, occurrences, row_scale
from .normalize import tables


class ParagraphFeaturizer(TransformerMixin, BaseEstimator):
    """Hashed character n-grams plus dense shape and position features per paragraph.

    Parameters
    ----------
    n_buckets : int
        Size of the hashed n-gram space.
    ngram_orders : tuple of int
        Character n-gram orders of the normalised view.
    """

    def __init__(self, n_buckets: int = 2**18, ngram_orders: tuple[int, ...] = (1, 2, 3)):
        self.n_buckets = n_buckets
        self.ngram_orders = ngram_orders

    def fit(self, X=None, y=None):
        """Stateless but for the normalisation tables, which are frozen here."""
        self.tables_ = tables()
        self.n_features_out_ = self.n_buckets + len(DENSE_NAMES)
        return self

    def transform(self, X: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """Featurize documents (each a sequence of paragraph strings)."""
        b = self.batch(X)
        return sp.hstack([self.ngram_matrix(b), sp.csr_matrix(self.dense(b))], format="csr", dtype=np.float32)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        names = [f"ngram_{i}" for i in range(self.n_buckets)] + [f"dense_{n}" for n in DENSE_NAMES]
        return np.asarray(names, dtype=object)

    # -- the two halves, also used directly by the fast scoring path -----------------------
    def batch(self, docs: Sequence[Sequence[str]]) -> Batch:
        tabs = getattr(self, "tables_", None) or tables()
        return make_batch(docs, tabs)

    def spec(self) -> FeatureSpec:
        """The fitted featurizer as the numpy-only inference spec."""
        return FeatureSpec(self.n_buckets, tuple(self.ngram_orders), self.tables_)

    def occurrences(self, b: Batch, chunk: int = 1 << 20, positions: bool = False):
        return occurrences(b, self.n_buckets, self.ngram_orders, chunk, positions=positions)

    def ngram_matrix(self, b: Batch, chunk: int = 1 << 20) -> sp.csr_matrix:
        """The hashed n-gram columns as a sparse matrix (counts summed, rows scaled)."""
        P = b.n_paragraphs
        counts = sp.csr_matrix((P, self.n_buckets), dtype=np.float32)
        for rows, cols, _, _ in self.occurrences(b, chunk):
            part = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                 shape=(P, self.n_buckets), dtype=np.float32)
            counts = part if counts.nnz == 0 else counts + part
        counts.sum_duplicates()
        return sp.diags(row_scale(np.asarray(counts.sum(axis=1)).ravel())).dot(counts).tocsr().astype(np.float32)

    def dense(self, b: Batch) -> np.ndarray:
        """The dense shape and position columns, one row per paragraph."""
        return dense_features(b)
