"""Normalised view → features: one sparse row per paragraph.

``ParagraphFeaturizer`` is a stateless scikit-learn transformer.  Its input is a
sequence of documents, each a sequence of paragraph strings; its output has one row
per paragraph (documents concatenated in order) with

* ``n_buckets`` hashed character n-gram columns (orders 1–3 of the normalised view,
  each occurrence weighted ``1/sqrt(n-grams in the paragraph)``), and
* ``len(DENSE_NAMES)`` dense columns: the paragraph's shape (length, character-class
  fractions, sentence ending, phone-like digit runs) and its place in the document
  (position from head and tail, similarity to the rest of the document).

Everything is computed with numpy over the whole batch at once: there is no Python
loop over characters or n-grams, which is what makes cleaning faster than word
segmentation.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from .normalize import CJK, DIGIT, LATIN, N_CLASSES, OTHER, PUNCT, SPACE, codepoints, normalise, tables

_SEP = 10  # "\n": paragraphs of a batch are joined by it
_MULT = np.uint64(0x9E3779B97F4A7C15)
_SALT = [np.uint64(0), np.uint64(0x51ED27), np.uint64(0xA3B195), np.uint64(0x2F0C3D7)]
_SENTENCE_END = np.array([ord(c) for c in "。！？.!?…”」』\"'）)"], dtype=np.int32)

DENSE_NAMES: tuple[str, ...] = (
    # the paragraph's own shape
    "log_len",
    "frac_cjk",
    "frac_latin",
    "frac_digit",
    "frac_space",
    "frac_punct",
    "frac_other",
    "sentence_end",
    "phone_like",
    "short_lt10",
    "short_lt25",
    "no_cjk",
    # its place in the document
    "is_first",
    "is_last",
    "rel_pos",
    "log_from_head",
    "log_from_tail",
    "log_doc_paragraphs",
    "sim_rest",
    "len_vs_doc",
)
DENSE_INDEX = {name: i for i, name in enumerate(DENSE_NAMES)}


@dataclass
class Batch:
    """The normalised view of a batch of documents, shared by features and explanations."""

    codes: np.ndarray  # normalised code per character (separators included)
    classes: np.ndarray  # character class per character
    para_id: np.ndarray  # paragraph index per character
    n_paragraphs: int
    doc_of_para: np.ndarray  # document index per paragraph
    pos_in_doc: np.ndarray  # paragraph index inside its document
    doc_sizes: np.ndarray  # paragraphs per document


def make_batch(docs: Sequence[Sequence[str]], tabs: tuple[np.ndarray, np.ndarray] | None = None) -> Batch:
    """Join all paragraphs of all documents into one normalised code array."""
    flat: list[str] = []
    sizes = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    for d in docs:
        flat.extend(d)
    joined = "\n".join(flat)
    if joined.count("\n") != max(len(flat) - 1, 0):  # a paragraph held a line break
        joined = "\n".join(p.replace("\n", " ") for p in flat)
    cps = codepoints(joined)
    codes, classes = normalise(cps, tabs)
    is_sep = cps == _SEP
    para_id = np.cumsum(is_sep)
    codes = codes.copy()
    codes[is_sep] = -1
    n = len(flat)
    doc_of_para = np.repeat(np.arange(len(docs)), sizes)
    starts = np.cumsum(sizes) - sizes
    pos_in_doc = np.arange(n) - np.repeat(starts, sizes)
    return Batch(codes, classes, para_id, n, doc_of_para, pos_in_doc, sizes)


def ngram_hashes(codes: np.ndarray, n_buckets: int, orders: Sequence[int]):
    """Yield ``(order, start positions, buckets)`` for every n-gram not crossing a separator."""
    length = len(codes)
    is_sep = (codes < 0).astype(np.int64)
    seps_before = np.concatenate(([0], np.cumsum(is_sep)))
    c64 = codes.astype(np.uint64)
    for n in orders:
        if length < n:
            continue
        starts = np.arange(length - n + 1)
        ok = seps_before[starts + n] - seps_before[starts] == 0
        starts = starts[ok]
        h = c64[starts] + _SALT[n]
        for k in range(1, n):
            h = h * _MULT + c64[starts + k]
        h ^= h >> np.uint64(29)
        h *= _MULT
        h ^= h >> np.uint64(32)
        yield n, starts, (h % np.uint64(n_buckets)).astype(np.int64)


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

    # -- the two halves, used directly by the fast scoring path -------------------------
    def batch(self, docs: Sequence[Sequence[str]]) -> Batch:
        tabs = getattr(self, "tables_", None) or tables()
        return make_batch(docs, tabs)

    def ngram_matrix(self, b: Batch, chunk: int = 1 << 20) -> sp.csr_matrix:
        """Hashed n-gram columns, each occurrence weighted ``1/sqrt(n-grams in its paragraph)``.

        Counting runs over slices of ``chunk`` characters and sums the slices' count
        matrices, so memory stays bounded for a huge paragraph or batch.
        """
        P, L = b.n_paragraphs, len(b.codes)
        span = max(self.ngram_orders) - 1
        counts = sp.csr_matrix((P, self.n_buckets), dtype=np.float32)
        for lo in range(0, max(L, 1), chunk):
            hi = min(lo + chunk, L)
            sub = b.codes[lo:min(hi + span, L)]
            rows_l, cols_l = [], []
            for _, starts, buckets in ngram_hashes(sub, self.n_buckets, self.ngram_orders):
                keep = starts < hi - lo
                rows_l.append(b.para_id[lo + starts[keep]])
                cols_l.append(buckets[keep])
            if not rows_l:
                continue
            rows, cols = np.concatenate(rows_l), np.concatenate(cols_l)
            part = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                 shape=(P, self.n_buckets), dtype=np.float32)
            counts = part if counts.nnz == 0 else counts + part
        counts.sum_duplicates()
        total = np.asarray(counts.sum(axis=1)).ravel()
        scale = (1.0 / np.sqrt(np.maximum(total, 1.0))).astype(np.float32)
        return sp.diags(scale).dot(counts).tocsr().astype(np.float32)

    def dense(self, b: Batch) -> np.ndarray:
        """The dense shape and position columns, one row per paragraph."""
        P = b.n_paragraphs
        out = np.zeros((P, len(DENSE_NAMES)), dtype=np.float32)
        if P == 0:
            return out
        real = b.codes >= 0
        pid = b.para_id[real]
        cls = b.classes[real].astype(np.int64)
        counts = np.bincount(pid * N_CLASSES + cls, minlength=P * N_CLASSES).reshape(P, N_CLASSES)
        length = counts.sum(1).astype(np.float64)
        safe = np.maximum(length, 1)
        f = DENSE_INDEX
        out[:, f["log_len"]] = np.log1p(length) / 5
        for name, k in (("frac_cjk", CJK), ("frac_latin", LATIN), ("frac_digit", DIGIT),
                        ("frac_space", SPACE), ("frac_punct", PUNCT), ("frac_other", OTHER)):
            out[:, f[name]] = counts[:, k] / safe
        out[:, f["short_lt10"]] = length < 10
        out[:, f["short_lt25"]] = length < 25
        out[:, f["no_cjk"]] = counts[:, CJK] == 0
        # last non-space character of each paragraph
        nonspace = np.flatnonzero(real & (b.classes != SPACE))
        if len(nonspace):
            last_pos = np.full(P, -1, dtype=np.int64)
            last_pos[b.para_id[nonspace]] = nonspace  # later positions overwrite earlier
            has = last_pos >= 0
            out[has, f["sentence_end"]] = np.isin(b.codes[last_pos[has]], _SENTENCE_END)
        out[:, f["phone_like"]] = _phone_like(b)
        # place in the document
        n_doc = b.doc_sizes[b.doc_of_para].astype(np.float64)
        pos = b.pos_in_doc.astype(np.float64)
        out[:, f["is_first"]] = pos == 0
        out[:, f["is_last"]] = pos == n_doc - 1
        out[:, f["rel_pos"]] = np.where(n_doc > 1, pos / np.maximum(n_doc - 1, 1), 0.5)
        out[:, f["log_from_head"]] = np.log1p(pos) / 3
        out[:, f["log_from_tail"]] = np.log1p(n_doc - 1 - pos) / 3
        out[:, f["log_doc_paragraphs"]] = np.log1p(n_doc) / 4
        out[:, f["sim_rest"]] = _similarity_to_rest(b)
        doc_len = np.bincount(b.doc_of_para, weights=length, minlength=len(b.doc_sizes))
        mean_len = doc_len[b.doc_of_para] / np.maximum(n_doc, 1)
        out[:, f["len_vs_doc"]] = np.clip(np.log((length + 1) / (mean_len + 1)), -4, 4) / 4
        return out


def _phone_like(b: Batch) -> np.ndarray:
    """1 where a paragraph holds a run of >= 7 digits (spaces and hyphens allowed inside)."""
    out = np.zeros(b.n_paragraphs, dtype=np.float32)
    is_digit = b.classes == DIGIT
    digitish = is_digit | np.isin(b.codes, [ord("-"), ord(" ")])
    edges = np.diff(np.concatenate(([0], digitish.astype(np.int8), [0])))
    run_start = np.flatnonzero(edges == 1)
    run_end = np.flatnonzero(edges == -1)
    if len(run_start):
        digits_cum = np.concatenate(([0], np.cumsum(is_digit)))
        hit = run_start[digits_cum[run_end] - digits_cum[run_start] >= 7]
        out[b.para_id[hit]] = 1.0
    return out


_SIM_BUCKETS = 1 << 16


def _similarity_to_rest(b: Batch) -> np.ndarray:
    """Cosine between a paragraph's bigram counts and those of the rest of its document."""
    P = b.n_paragraphs
    sims = np.zeros(P, dtype=np.float32)
    if P < 2 or len(b.doc_sizes) == P:  # no document has two paragraphs
        return sims
    got = list(ngram_hashes(b.codes, _SIM_BUCKETS, (2,)))
    if not got:
        return sims
    _, starts, buckets = got[0]
    para = b.para_id[starts]
    # exact per-paragraph counts: one sort of (paragraph, bucket) keys
    pkeys, x = np.unique(para * _SIM_BUCKETS + buckets, return_counts=True)
    ppara = pkeys // _SIM_BUCKETS
    pbucket = pkeys % _SIM_BUCKETS
    x = x.astype(np.float64)
    doc = b.doc_of_para[ppara]
    dkeys, inv = np.unique(doc * _SIM_BUCKETS + pbucket, return_inverse=True)
    d = np.bincount(inv, weights=x)
    x_dot_d = np.bincount(ppara, weights=x * d[inv], minlength=P)
    x_sq = np.bincount(ppara, weights=x * x, minlength=P)
    d_sq = np.bincount(dkeys // _SIM_BUCKETS, weights=d * d, minlength=len(b.doc_sizes))[b.doc_of_para]
    rest_sq = np.maximum(d_sq - 2 * x_dot_d + x_sq, 0)
    den = np.sqrt(x_sq * rest_sq)
    ok = den > 0
    sims[ok] = ((x_dot_d - x_sq)[ok] / den[ok]).astype(np.float32)
    return sims
