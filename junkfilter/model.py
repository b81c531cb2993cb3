"""Model: the two-stage linear model that turns features into calibrated probabilities.

Inference only, numpy only (``import junkfilter`` needs neither scikit-learn nor
scipy).  ``JunkClassifier`` in ``classifier.py`` is the scikit-learn estimator that
learns these arrays; ``JunkModel`` holds them and applies them:

1. stage 1: ``local_coef`` summed over a paragraph's hashed n-gram occurrences plus its
   dense features → one score per label → softmax;
2. stage 2: ``context_features`` of those probabilities (the paragraph, two neighbours
   each side, the rest of the document, shapes and position) → ``context_coef`` →
   softmax at temperature ``temperature``;
3. the junk-versus-content log-odds rescaled by ``junk_scale``, ``junk_shift``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .features import DENSE_INDEX, DENSE_NAMES, row_scale
from .labels import LABELS

NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
NEIGHBOUR_SHAPE = ("log_len", "sentence_end", "short_lt25", "sim_rest")  # neighbours' dense columns
CONTEXT_NAMES: tuple[str, ...] = (
    *[f"self_logp_{lab}" for lab in LABELS],
    *[f"n{o:+d}_p_{lab}" for o in NEIGHBOUR_OFFSETS for lab in LABELS],
    *[f"n{o:+d}_missing" for o in NEIGHBOUR_OFFSETS],
    *[f"n{o:+d}_{name}" for o in NEIGHBOUR_OFFSETS for name in NEIGHBOUR_SHAPE],
    *[f"doc_mean_p_{lab}" for lab in LABELS],
    "doc_max_junk_others",
    *[f"dense_{n}" for n in DENSE_NAMES],
)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def junk_log_odds(p: np.ndarray) -> np.ndarray:
    junk = np.clip(1.0 - p[:, 0], 1e-9, 1 - 1e-9)
    return np.log(junk / (1.0 - junk))


def context_features(p1: np.ndarray, dense: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Stage-2 inputs from stage-1 probabilities ``p1`` (rows = paragraphs in order)."""
    n, k = p1.shape
    cols = [np.log(p1 + 1e-6)]
    missing, shapes = [], []
    shape_cols = [DENSE_INDEX[name] for name in NEIGHBOUR_SHAPE]
    n_docs = int(docs.max()) + 1 if n else 0
    if n_docs <= 1:  # one document: neighbours are plain shifts
        dshape = dense[:, shape_cols]
        for off in NEIGHBOUR_OFFSETS:
            shifted = np.zeros_like(p1)
            shape = np.zeros((n, len(shape_cols)))
            miss = np.ones((n, 1))
            if off < 0 and n > -off:
                shifted[-off:], shape[-off:], miss[-off:] = p1[:off], dshape[:off], 0.0
            elif off > 0 and n > off:
                shifted[:-off], shape[:-off], miss[:-off] = p1[off:], dshape[off:], 0.0
            cols.append(shifted)
            missing.append(miss)
            shapes.append(shape)
    for off in NEIGHBOUR_OFFSETS if n_docs > 1 else ():
        idx = np.arange(n) + off
        ok = (idx >= 0) & (idx < n)
        ok[ok] &= docs[idx[ok]] == docs[ok]
        shifted = np.zeros_like(p1)
        shifted[ok] = p1[idx[ok]]
        cols.append(shifted)
        missing.append((~ok).astype(np.float64)[:, None])
        shape = np.zeros((n, len(shape_cols)))
        shape[ok] = dense[idx[ok]][:, shape_cols]
        shapes.append(shape)
    cols.extend(missing)
    cols.extend(shapes)
    count = np.bincount(docs, minlength=n_docs).astype(np.float64)[docs]
    sums = np.stack([np.bincount(docs, weights=p1[:, j], minlength=n_docs) for j in range(k)], 1)[docs]
    others = np.maximum(count - 1, 1)[:, None]
    cols.append(np.where(count[:, None] > 1, (sums - p1) / others, 0.0))
    junk = 1.0 - p1[:, 0]
    # the largest junk probability among the other paragraphs of the document
    order_max = np.zeros(n)
    if n_docs == 1 and n > 1:
        top2 = np.partition(junk, n - 2)[n - 2:]
        order_max = np.where(junk >= top2[1], top2[0], top2[1])
    elif n > 1:
        order = np.lexsort((-junk, docs))  # by document, junk descending
        first = np.ones(n, dtype=bool)
        first[1:] = docs[order][1:] != docs[order][:-1]
        top1 = np.full(n_docs, -1.0)
        top1[docs[order][first]] = junk[order][first]
        second = np.zeros(n, dtype=bool)
        second[1:] = ~first[1:] & first[:-1]
        top2 = np.full(n_docs, 0.0)
        top2[docs[order][second]] = junk[order][second]
        is_top = np.zeros(n, dtype=bool)
        is_top[order[first]] = True
        order_max = np.where(is_top, top2[docs], top1[docs])
    order_max = np.maximum(order_max, 0.0)
    cols.append(order_max[:, None])
    cols.append(dense)
    return np.hstack(cols).astype(np.float64)


@dataclass
class JunkModel:
    """The learned arrays of both stages and the calibration; applies them."""

    local_coef: np.ndarray  # (hashed buckets + dense features) x labels, float32
    local_intercept: np.ndarray
    context_coef: np.ndarray  # context features x labels
    context_intercept: np.ndarray
    temperature: float = 1.0
    junk_scale: float = 1.0
    junk_shift: float = 0.0

    def __post_init__(self) -> None:
        n = self.local_coef.shape[0] - len(DENSE_NAMES)
        # one contiguous row of weights per label, for the gathers of stage 1
        self._local_coef_t = np.ascontiguousarray(self.local_coef[:n].T)

    def local_logits_from_occurrences(self, occurrences, n_paragraphs: int, dense: np.ndarray) -> np.ndarray:
        """Stage-1 logits summed straight from n-gram occurrences (no sparse matrix).

        Equal to ``X @ local_coef + local_intercept`` for the featurizer's ``X``; this is
        the inference path, which avoids building sparse matrices for small documents.
        """
        n_hashed = self.local_coef.shape[0] - dense.shape[1]
        wt = self._local_coef_t
        acc = np.zeros((len(LABELS), n_paragraphs))
        count = np.zeros(n_paragraphs)
        for rows, cols, _, _ in occurrences:
            count += np.bincount(rows, minlength=n_paragraphs)
            for k in range(len(LABELS)):
                acc[k] += np.bincount(rows, weights=wt[k][cols], minlength=n_paragraphs)
        logits = acc.T * row_scale(count)[:, None].astype(np.float64)
        return logits + dense @ self.local_coef[n_hashed:] + self.local_intercept

    def probabilities(self, spec, docs) -> tuple[np.ndarray, np.ndarray]:
        """Stage-2 inputs and calibrated probabilities for every paragraph of ``docs``
        (a sequence of documents, each a sequence of paragraphs), featurized by ``spec``."""
        b = spec.batch(docs)
        dense = spec.dense(b).astype(np.float64)
        p1 = softmax(self.local_logits_from_occurrences(spec.occurrences(b), b.n_paragraphs, dense))
        Z = context_features(p1, dense, b.doc_of_para)
        return Z, self.proba_from_context(Z)

    def proba_from_context(self, Z: np.ndarray) -> np.ndarray:
        """Calibrated label probabilities from stage-2 inputs."""
        p = softmax((Z @ self.context_coef + self.context_intercept) / self.temperature)
        if self.junk_scale == 1.0 and self.junk_shift == 0.0:
            return p
        junk = 1.0 - p[:, 0]
        cal = 1.0 / (1.0 + np.exp(-(self.junk_scale * junk_log_odds(p) + self.junk_shift)))
        out = p.copy()
        out[:, 1:] *= (cal / np.maximum(junk, 1e-12))[:, None]
        out[:, 0] = 1.0 - cal
        return out
