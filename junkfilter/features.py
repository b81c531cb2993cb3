"""Normalised view → features: one row per paragraph.

The functions here (numpy only) turn documents — sequences of paragraph strings — into
one feature row per paragraph (documents concatenated in order), with

* ``n_buckets`` hashed n-gram columns: character n-grams (orders 1–3) of the
  normalised view, plus the n-grams that open and close the line as features of their
  own (line-start markers such as 来源： or 上一篇, endings such as 请联系删除。); each
  occurrence weighs ``1/sqrt(n-gram occurrences in the paragraph)``;
* ``len(DENSE_NAMES)`` dense columns: the paragraph's shape (length, character-class
  fractions, sentence ending, phone-like digit runs) and its place in the document
  (position from head and tail, similarity to the rest of the document).

Everything is numpy over the whole batch at once, with no Python loop over characters.
``occurrences`` yields the hashed n-grams as ``(paragraph, bucket)`` pairs chunk by chunk;
training (``featurizer.ParagraphFeaturizer``, a stateless scikit-learn transformer)
turns them into a sparse matrix, while inference (``JunkFilter``) sums weights over them
directly, which avoids building sparse matrices for every small document.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from .normalize import CJK, DIGIT, LATIN, N_CLASSES, OTHER, PUNCT, SPACE, TABLE_SIZE, codepoints, normalise

_SEP = 10  # "\n": paragraphs of a batch are joined by it
_MULT = np.uint64(0x9E3779B97F4A7C15)
_SALT = [np.uint64(0), np.uint64(0x51ED27), np.uint64(0xA3B195), np.uint64(0x2F0C3D7)]
_EDGE_SALT = {"prefix": np.uint64(0x7F4A7C159E3779B9), "suffix": np.uint64(0x1B873593CC9E2D51)}
_SENTENCE_END = np.zeros(TABLE_SIZE, dtype=bool)
_SENTENCE_END[[ord(c) for c in "。！？.!?…”」』\"'）)"]] = True
_DIGITISH = np.zeros(TABLE_SIZE, dtype=bool)  # digits (normalised to 0), hyphen, space
_DIGITISH[[ord("0"), ord("-"), ord(" ")]] = True

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
    "run_headlike",
    "run_short",
    "no_body_after",
    "no_body_before",
    "cover_rest",
)
DENSE_INDEX = {name: i for i, name in enumerate(DENSE_NAMES)}
_FRAC_COLS = [DENSE_INDEX[n] for n in ("frac_cjk", "frac_latin", "frac_digit", "frac_space", "frac_punct", "frac_other")]
_FRAC_CLASSES = [CJK, LATIN, DIGIT, SPACE, PUNCT, OTHER]


@dataclass
class Batch:
    """The normalised view of a batch of documents, shared by features and explanations."""

    codes: np.ndarray  # normalised code per character, -1 at paragraph separators
    classes: np.ndarray  # character class per character
    para_id: np.ndarray  # paragraph index per character
    n_paragraphs: int
    doc_of_para: np.ndarray  # document index per paragraph
    pos_in_doc: np.ndarray  # paragraph index inside its document
    doc_sizes: np.ndarray  # paragraphs per document
    first: np.ndarray  # position of each paragraph's first non-space character (-1: none)
    last: np.ndarray  # position of its last non-space character


def make_batch(docs: Sequence[Sequence[str]], tabs: tuple[np.ndarray, np.ndarray] | None = None) -> Batch:
    """Join all paragraphs of all documents into one normalised code array."""
    if len(docs) == 1:
        flat = list(docs[0])
        sizes = np.array([len(flat)], dtype=np.int64)
    else:
        flat = [p for d in docs for p in d]
        sizes = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    joined = "\n".join(flat)
    if joined.count("\n") != max(len(flat) - 1, 0):  # a paragraph held a line break
        joined = "\n".join(p.replace("\n", " ") for p in flat)
    cps = codepoints(joined)
    codes, classes = normalise(cps, tabs)
    is_sep = cps == _SEP
    para_id = np.cumsum(is_sep)
    codes[is_sep] = -1
    n = len(flat)
    if len(docs) == 1:
        doc_of_para = np.zeros(n, dtype=np.int64)
        pos_in_doc = np.arange(n)
    else:
        doc_of_para = np.repeat(np.arange(len(docs)), sizes)
        pos_in_doc = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    nonspace = np.flatnonzero((classes != SPACE) & ~is_sep)
    pid = para_id[nonspace]
    first = np.full(n, -1, dtype=np.int64)
    first[pid[::-1]] = nonspace[::-1]  # the earliest position wins
    last = np.full(n, -1, dtype=np.int64)
    last[pid] = nonspace  # the latest position wins
    return Batch(codes, classes, para_id, n, doc_of_para, pos_in_doc, sizes, first, last)


def _mix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint64(29))
    h *= _MULT
    return h ^ (h >> np.uint64(32))


def occurrences(b: Batch, n_buckets: int, orders: Sequence[int] = (1, 2, 3), chunk: int = 1 << 20,
                edges: bool = True, positions: bool = False
                ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]]:
    """Yield ``(paragraph ids, buckets, start positions, kinds)`` of every hashed n-gram.

    N-grams never cross a paragraph separator.  With ``edges``, the n-grams that open
    and close each paragraph's non-space text are yielded again under their own hash.
    ``positions`` adds where each n-gram starts and its kind (``n`` for an n-gram of order
    n, ``-n`` for a line-opening one, ``10 + n`` for a line-closing one), for explanations;
    otherwise those two are ``None``.  Work runs over slices of ``chunk`` characters, so
    memory stays bounded.
    """
    L = len(b.codes)
    span = max(orders) - 1
    has = b.first >= 0
    para_idx = np.flatnonzero(has)
    firsts, lasts = b.first[has], b.last[has]
    width = lasts - firsts + 1
    one_chunk = L <= chunk
    mod = np.uint64(n_buckets)
    for lo in range(0, max(L, 1), chunk):
        hi = min(lo + chunk, L)
        sub = b.codes[lo:min(hi + span, L)]
        c64 = sub.astype(np.uint64)
        seps = np.concatenate(([0], np.cumsum(sub < 0)))
        rows_l, hash_l, pos_l, kind_l = [], [], [], []
        for n in orders:
            m = len(sub) - n + 1
            if m <= 0:
                continue
            h = c64[:m] + _SALT[n]
            for k in range(1, n):
                h = h * _MULT + c64[k:k + m]
            valid = seps[n:n + m] == seps[:m]
            if not one_chunk:
                valid[hi - lo:] = False
            idx = np.flatnonzero(valid)
            rows_l.append(b.para_id[lo + idx])
            hash_l.append(h[idx])
            if positions:
                pos_l.append(lo + idx)
                kind_l.append(np.full(len(idx), n, dtype=np.int8))
            if not edges:
                continue
            ok = width >= n
            pre, suf, rows = firsts[ok], lasts[ok] - (n - 1), para_idx[ok]
            if not one_chunk:
                keep_p = (pre >= lo) & (pre < hi)
                keep_s = (suf >= lo) & (suf < hi)
                pre, suf = pre[keep_p], suf[keep_s]
                rows_l += [rows[keep_p], rows[keep_s]]
            else:
                rows_l += [rows, rows]
            hash_l += [h[pre - lo] ^ _EDGE_SALT["prefix"], h[suf - lo] ^ _EDGE_SALT["suffix"]]
            if positions:
                pos_l += [pre, suf]
                kind_l += [np.full(len(pre), -n, dtype=np.int8), np.full(len(suf), 10 + n, dtype=np.int8)]
        if rows_l:
            cols = (_mix(np.concatenate(hash_l)) % mod).astype(np.int64)
            yield (np.concatenate(rows_l), cols, np.concatenate(pos_l) if positions else None,
                   np.concatenate(kind_l) if positions else None)


@dataclass
class FeatureSpec:
    """What the features are: hashed space, n-gram orders, normalisation tables.

    The inference-side featurizer (numpy only); ``ParagraphFeaturizer`` in
    ``featurizer.py`` is the scikit-learn transformer over the same functions.
    """

    n_buckets: int
    ngram_orders: tuple[int, ...]
    tables: tuple[np.ndarray, np.ndarray]

    def batch(self, docs: Sequence[Sequence[str]]) -> Batch:
        return make_batch(docs, self.tables)

    def occurrences(self, b: Batch, chunk: int = 1 << 20, positions: bool = False):
        return occurrences(b, self.n_buckets, self.ngram_orders, chunk, positions=positions)

    def dense(self, b: Batch) -> np.ndarray:
        return dense_features(b)


def dense_features(b: Batch) -> np.ndarray:
    """The dense shape and position columns, one row per paragraph."""
    P = b.n_paragraphs
    out = np.zeros((P, len(DENSE_NAMES)), dtype=np.float32)
    if P == 0:
        return out
    real = b.codes >= 0
    pid = b.para_id[real]
    counts = np.bincount(pid * N_CLASSES + b.classes[real], minlength=P * N_CLASSES).reshape(P, N_CLASSES)
    length = counts.sum(1).astype(np.float64)
    safe = np.maximum(length, 1)
    f = DENSE_INDEX
    out[:, f["log_len"]] = np.log1p(length) / 5
    out[:, _FRAC_COLS] = counts[:, _FRAC_CLASSES] / safe[:, None]
    out[:, f["short_lt10"]] = length < 10
    out[:, f["short_lt25"]] = length < 25
    out[:, f["no_cjk"]] = counts[:, CJK] == 0
    has = b.last >= 0
    out[has, f["sentence_end"]] = _SENTENCE_END[b.codes[b.last[has]]]
    out[:, f["phone_like"]] = _phone_like(b)
    n_doc = b.doc_sizes[b.doc_of_para].astype(np.float64)
    pos = b.pos_in_doc.astype(np.float64)
    out[:, f["is_first"]] = pos == 0
    out[:, f["is_last"]] = pos == n_doc - 1
    out[:, f["rel_pos"]] = np.where(n_doc > 1, pos / np.maximum(n_doc - 1, 1), 0.5)
    out[:, f["log_from_head"]] = np.log1p(pos) / 3
    out[:, f["log_from_tail"]] = np.log1p(n_doc - 1 - pos) / 3
    out[:, f["log_doc_paragraphs"]] = np.log1p(n_doc) / 4
    out[:, f["sim_rest"]], out[:, f["cover_rest"]] = _similarity_to_rest(b)
    if len(b.doc_sizes) == 1:
        mean_len = length.sum() / P
    else:
        doc_len = np.bincount(b.doc_of_para, weights=length, minlength=len(b.doc_sizes))
        mean_len = doc_len[b.doc_of_para] / np.maximum(n_doc, 1)
    out[:, f["len_vs_doc"]] = np.clip(np.log((length + 1) / (mean_len + 1)), -4, 4) / 4
    # runs of look-alike lines: a related-headlines box, a navigation menu
    first = pos == 0
    headlike = (length < 45) & (out[:, f["sentence_end"]] == 0)
    out[:, f["run_headlike"]] = np.log1p(_run_length(headlike, first)) / 2
    out[:, f["run_short"]] = np.log1p(_run_length(length < 12, first)) / 2
    # is there article body (a long line ending like a sentence) after / before it?
    body = (length >= 25) & (out[:, f["sentence_end"]] == 1)
    cum = np.concatenate(([0], np.cumsum(body)))  # cum[i]: body paragraphs before paragraph i
    doc_start = np.cumsum(b.doc_sizes) - b.doc_sizes
    doc_end = doc_start + b.doc_sizes
    out[:, f["no_body_after"]] = cum[doc_end][b.doc_of_para] - cum[1:] == 0
    out[:, f["no_body_before"]] = cum[:-1] - cum[doc_start][b.doc_of_para] == 0
    return out


def _run_length(flag: np.ndarray, doc_start: np.ndarray) -> np.ndarray:
    """For each flagged paragraph, the length of the run of flagged paragraphs holding it
    (runs end at document starts); 0 where not flagged."""
    prev = np.concatenate(([False], flag[:-1]))
    starts = flag & (~prev | doc_start)
    run_id = np.cumsum(starts) - 1
    sizes = np.bincount(run_id[flag], minlength=int(starts.sum()))
    out = np.zeros(len(flag), dtype=np.float64)
    out[flag] = sizes[run_id[flag]]
    return out


def row_scale(n_occurrences: np.ndarray) -> np.ndarray:
    """Weight of one n-gram occurrence in a paragraph with ``n_occurrences`` of them."""
    return (1.0 / np.sqrt(np.maximum(n_occurrences, 1.0))).astype(np.float32)


def _phone_like(b: Batch) -> np.ndarray:
    """1 where a paragraph holds a run of >= 7 digits (spaces and hyphens allowed inside)."""
    out = np.zeros(b.n_paragraphs, dtype=np.float32)
    real = np.maximum(b.codes, 0)
    is_digit = b.classes == DIGIT
    if not is_digit.any():
        return out
    digitish = _DIGITISH[real] & (b.codes >= 0)
    edges = np.diff(digitish.astype(np.int8), prepend=0, append=0)
    run_start = np.flatnonzero(edges == 1)
    run_end = np.flatnonzero(edges == -1)
    digits_cum = np.concatenate(([0], np.cumsum(is_digit)))
    hit = run_start[digits_cum[run_end] - digits_cum[run_start] >= 7]
    out[b.para_id[hit]] = 1.0
    return out


_SIM_BUCKETS = 1 << 16


def _similarity_to_rest(b: Batch) -> tuple[np.ndarray, np.ndarray]:
    """How much a paragraph shares with the rest of its document, two ways: the cosine of
    bigram counts, and the share of its distinct bigrams found elsewhere in the document
    (containment, which suits short lines: a title's words recur in its body)."""
    P = b.n_paragraphs
    sims = np.zeros(P, dtype=np.float32)
    cover = np.zeros(P, dtype=np.float32)
    if P < 2 or len(b.doc_sizes) == P:  # no document has two paragraphs
        return sims, cover
    para_l, bucket_l = [], []
    for rows, cols, _, _ in occurrences(b, _SIM_BUCKETS, (2,), edges=False):
        para_l.append(rows)
        bucket_l.append(cols)
    if not para_l:
        return sims, cover
    para, buckets = np.concatenate(para_l), np.concatenate(bucket_l)
    # exact per-paragraph counts: one sort of (paragraph, bucket) keys
    pkeys, x = np.unique(para * _SIM_BUCKETS + buckets, return_counts=True)
    ppara = pkeys // _SIM_BUCKETS
    x = x.astype(np.float64)
    doc = b.doc_of_para[ppara]
    dkeys, inv = np.unique(doc * _SIM_BUCKETS + pkeys % _SIM_BUCKETS, return_inverse=True)
    d = np.bincount(inv, weights=x)
    d_at = d[inv]
    d_sq = np.bincount(dkeys // _SIM_BUCKETS, weights=d * d, minlength=len(b.doc_sizes))[b.doc_of_para]
    x_dot_d = np.bincount(ppara, weights=x * d_at, minlength=P)
    x_sq = np.bincount(ppara, weights=x * x, minlength=P)
    rest_sq = np.maximum(d_sq - 2 * x_dot_d + x_sq, 0)
    den = np.sqrt(x_sq * rest_sq)
    ok = den > 0
    sims[ok] = ((x_dot_d - x_sq)[ok] / den[ok]).astype(np.float32)
    distinct = np.bincount(ppara, minlength=P)
    shared = np.bincount(ppara, weights=(d_at > x).astype(np.float64), minlength=P)
    has = distinct > 0
    cover[has] = (shared[has] / distinct[has]).astype(np.float32)
    return sims, cover
