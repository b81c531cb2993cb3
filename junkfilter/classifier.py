"""Features → model: a two-stage linear classifier with calibrated probabilities.

Stage 1 (local) is a linear model of one paragraph's features (logistic loss, one
weight column per label, fitted by averaged SGD: 260k hashed columns fit in seconds).
Stage 2 (context) is a small multinomial logistic regression on what stage 1 says
about the paragraph, its two neighbours on each side and the rest of its document,
plus the paragraph's shape and position: the learned form of jusText's context
smoothing.  Stage 2 is trained on out-of-fold stage-1 outputs, so it learns how far
to trust stage 1 on unseen text.  Finally calibration on held-out documents: one
temperature for all labels, then a Platt rescaling of the junk-vs-content log-odds (the
junk labels keep their proportions), so that of paragraphs scored about 0.8, about 80%
are junk.

All learned state is plain numpy arrays (attributes ending in ``_``), which is what
``persist.py`` writes: no pickle, nothing runs on load.  Inference applies the same
arrays through ``model.JunkModel`` (numpy only); this module is needed for training.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize_scalar
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression, SGDClassifier

from .features import DENSE_INDEX, DENSE_NAMES
from .labels import LABELS
from .model import JunkModel, context_features, junk_log_odds, softmax

def doc_ids(X: sp.csr_matrix) -> np.ndarray:
    """Recover document boundaries from the featurizer's ``is_first`` column."""
    col = X.shape[1] - len(DENSE_NAMES) + DENSE_INDEX["is_first"]
    first = np.asarray(X[:, col].todense()).ravel() > 0.5
    if len(first):
        first[0] = True
    return np.cumsum(first) - 1


class JunkClassifier(ClassifierMixin, BaseEstimator):
    """Local + context multinomial logistic regression over ``ParagraphFeaturizer`` rows.

    Parameters
    ----------
    alpha_local : float
        L2 regularisation of stage 1 (SGD).
    C_context : float
        Inverse L2 regularisation of stage 2.
    n_folds : int
        Folds (by document) for the out-of-fold stage-1 outputs that train stage 2.
    epochs : int
        SGD passes over the data for each stage-1 fit.
    content_weight : float
        Sample weight of content rows: above 1 trades junk recall for content safety.
    """

    def __init__(self, alpha_local: float = 3e-6, C_context: float = 1.0, n_folds: int = 3,
                 epochs: int = 15, content_weight: float = 1.0, random_state: int = 0):
        self.alpha_local = alpha_local
        self.C_context = C_context
        self.n_folds = n_folds
        self.epochs = epochs
        self.content_weight = content_weight
        self.random_state = random_state

    # -- fitting -------------------------------------------------------------------------
    def _local(self, X, y, w) -> tuple[np.ndarray, np.ndarray]:
        """Fit stage 1; return ``(coef, intercept)`` with one column per label."""
        sgd = SGDClassifier(loss="log_loss", alpha=self.alpha_local, max_iter=self.epochs, tol=None,
                            average=True, random_state=self.random_state, n_jobs=-1)
        sgd.fit(X, y, sample_weight=w)
        coef = np.zeros((X.shape[1], len(LABELS)), dtype=np.float32)
        icpt = np.full(len(LABELS), -30.0, dtype=np.float32)
        coef[:, sgd.classes_] = sgd.coef_.T
        icpt[sgd.classes_] = sgd.intercept_
        return coef, icpt

    def fit(self, X: sp.csr_matrix, y) -> "JunkClassifier":
        """Fit both stages; ``y`` holds label names or indices into ``LABELS``."""
        X = sp.csr_matrix(X, dtype=np.float32)
        y = self._encode(y)
        self.classes_ = np.asarray(LABELS)
        docs = doc_ids(X)
        w = np.where(y == 0, self.content_weight, 1.0)
        # out-of-fold stage-1 probabilities, folds by document
        fold = (docs * 2654435761 % 2**32) % self.n_folds
        p1 = np.zeros((X.shape[0], len(LABELS)))
        for f in range(self.n_folds):
            tr, te = fold != f, fold == f
            coef, icpt = self._local(X[tr], y[tr], w[tr])
            p1[te] = softmax(np.asarray(X[te] @ coef, dtype=np.float64) + icpt)
        self.local_coef_, self.local_intercept_ = self._local(X, y, w)
        # stage 2
        dense = self._dense(X)
        Z = context_features(p1, dense, docs)
        # standardise for the solver, then fold the scaling back into plain weights
        mu, sd = Z.mean(axis=0), Z.std(axis=0)
        sd[sd < 1e-9] = 1.0
        ctx = LogisticRegression(C=self.C_context, max_iter=1000, tol=1e-6).fit((Z - mu) / sd, y, sample_weight=w)
        ccoef = np.zeros((Z.shape[1], len(LABELS)))
        ccoef[:, ctx.classes_] = ctx.coef_.T / sd[:, None]
        cicpt = np.full(len(LABELS), -30.0)
        cicpt[ctx.classes_] = ctx.intercept_ - (mu / sd) @ ctx.coef_.T
        self.context_coef_, self.context_intercept_ = ccoef, cicpt
        self.temperature_, self.junk_scale_, self.junk_shift_ = 1.0, 1.0, 0.0
        self.n_features_in_ = X.shape[1]
        return self

    def calibrate(self, X: sp.csr_matrix, y) -> "JunkClassifier":
        """Fit temperature, then junk log-odds scaling, on held-out documents (max. likelihood)."""
        y = self._encode(y)
        z = self._context_logits(sp.csr_matrix(X, dtype=np.float32))

        def nll(t: float) -> float:
            p = softmax(z / t)
            return float(-np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))

        self.temperature_ = float(minimize_scalar(nll, bounds=(0.05, 20.0), method="bounded").x)
        self.junk_scale_, self.junk_shift_ = 1.0, 0.0
        odds = junk_log_odds(softmax(z / self.temperature_))
        platt = LogisticRegression(C=1e4, max_iter=1000).fit(odds[:, None], (y != 0).astype(int))
        self.junk_scale_ = float(platt.coef_[0, 0])
        self.junk_shift_ = float(platt.intercept_[0])
        return self

    # -- prediction ----------------------------------------------------------------------
    def as_model(self) -> JunkModel:
        """The learned arrays as the numpy-only inference model."""
        return JunkModel(self.local_coef_, self.local_intercept_, self.context_coef_, self.context_intercept_,
                         self.temperature_, self.junk_scale_, self.junk_shift_)

    def proba_from_context(self, Z: np.ndarray) -> np.ndarray:
        """Calibrated label probabilities from stage-2 inputs."""
        return self.as_model().proba_from_context(Z)

    def local_proba(self, X: sp.csr_matrix) -> np.ndarray:
        return softmax(np.asarray(X @ self.local_coef_, dtype=np.float64) + self.local_intercept_)

    def _dense(self, X: sp.csr_matrix) -> np.ndarray:
        return np.asarray(X[:, X.shape[1] - len(DENSE_NAMES):].todense(), dtype=np.float64)

    def context_inputs(self, X: sp.csr_matrix) -> np.ndarray:
        return context_features(self.local_proba(X), self._dense(X), doc_ids(X))

    def _context_logits(self, X: sp.csr_matrix) -> np.ndarray:
        return self.context_inputs(X) @ self.context_coef_ + self.context_intercept_

    def decision_function(self, X: sp.csr_matrix) -> np.ndarray:
        """Log-probabilities of the calibrated labels, one column per label."""
        return np.log(self.predict_proba(X) + 1e-12)

    def predict_proba(self, X: sp.csr_matrix) -> np.ndarray:
        return self.proba_from_context(self.context_inputs(sp.csr_matrix(X)))

    def predict(self, X: sp.csr_matrix) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    @staticmethod
    def _encode(y) -> np.ndarray:
        y = np.asarray(y)
        if y.dtype.kind in "iu":
            return y.astype(np.int64)
        index = {lab: i for i, lab in enumerate(LABELS)}
        return np.array([index[v] for v in y], dtype=np.int64)
