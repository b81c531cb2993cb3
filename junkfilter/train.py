"""Rebuild a model: compose the corpus, fit both stages, calibrate, pick a threshold, save.

``junkfilter train`` runs ``train_model``.  Training data is the corpus composed from
``../shared/data`` (see ``junkfilter.corpus``), a user's labelled JSONL, or both.
Labelled JSONL holds one document per line::

    {"paragraphs": ["...", "..."], "labels": ["content", "ad"]}

with one label per paragraph from ``content, seo_spam, ad, recruitment, boilerplate``
(an optional ``"split"`` of ``train``/``calib``/``test`` pins the document to a split;
otherwise it is assigned by a hash of its text).
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from .classifier import JunkClassifier
from .corpus import DEFAULT_SIZES, Doc, build_corpus
from .corpus.sources import split_of
from .featurizer import ParagraphFeaturizer
from .labels import CONTENT, LABELS
from .persist import save_model


def read_labelled(path: str | Path) -> dict[str, list[Doc]]:
    """Read a user's labelled JSONL into split → documents, with line-numbered errors."""
    out: dict[str, list[Doc]] = {"train": [], "calib": [], "test": []}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                paras, labels = rec["paragraphs"], rec["labels"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: expected {{\"paragraphs\": [...], \"labels\": [...]}} ({exc})") from exc
            if len(paras) != len(labels):
                raise ValueError(f"{path}:{n}: {len(paras)} paragraphs but {len(labels)} labels")
            bad = [lab for lab in labels if lab not in LABELS]
            if bad:
                raise ValueError(f"{path}:{n}: unknown labels {bad}; use {', '.join(LABELS)}")
            keep = [i for i, p in enumerate(paras) if str(p).strip()]
            doc = Doc([" ".join(str(paras[i]).split()) for i in keep], [labels[i] for i in keep], "user")
            split = rec.get("split") or split_of("\n".join(doc.paragraphs), "user")
            out[split if split in out else "train"].append(doc)
    return out


def _xy(docs: list[Doc]) -> tuple[list[list[str]], list[str]]:
    return [d.paragraphs for d in docs], [lab for d in docs for lab in d.labels]


def choose_threshold(p_junk: np.ndarray, is_junk: np.ndarray, lengths: np.ndarray,
                     max_content_removed: float = 0.01) -> float:
    """The lowest threshold that removes at most ``max_content_removed`` of content paragraphs
    and half that share of content characters (measured on held-out calibration documents)."""
    content = ~is_junk
    for t in np.round(np.arange(0.30, 0.951, 0.01), 2):
        drop = p_junk >= t
        par = drop[content].mean() if content.any() else 0.0
        chars = lengths[content & drop].sum() / max(lengths[content].sum(), 1)
        if par <= max_content_removed and chars <= max_content_removed / 2:
            return float(t)
    return 0.95


def train_model(out: str | Path, data_dir: str | Path | None = "../shared/data",
                labelled: str | Path | None = None, sizes: dict[str, int] | None = None,
                seed: int = 20240601, holdout_source: str | None = None,
                featurizer_params: dict[str, Any] | None = None,
                classifier_params: dict[str, Any] | None = None, log=print) -> dict[str, Any]:
    """Train, calibrate and save a model; return its metadata (with held-out metrics)."""
    from .evaluate import evaluate_docs

    t0 = time.time()
    corpus: dict[str, list[Doc]] = {"train": [], "calib": [], "test": []}
    sources = []
    if data_dir is not None:
        data_dir = Path(data_dir)
        if not (data_dir / "clean").is_dir() or not (data_dir / "junk").is_dir():
            raise FileNotFoundError(f"{data_dir} does not hold the shared data (clean/ and junk/ folders)")
        built = build_corpus(data_dir, sizes=sizes, seed=seed, holdout_source=holdout_source)
        for k in corpus:
            corpus[k].extend(built[k])
        sources.append(str(data_dir))
    if labelled is not None:
        user = read_labelled(labelled)
        for k in corpus:
            corpus[k].extend(user[k])
        sources.append(str(labelled))
    if not corpus["train"]:
        raise ValueError("no training documents: give --data-dir and/or --labelled")
    if not corpus["calib"]:  # small user sets: calibrate on a slice of train
        corpus["calib"] = corpus["train"][-max(1, len(corpus["train"]) // 10):]
    log(f"corpus: {', '.join(f'{k} {len(v)} docs' for k, v in corpus.items())} ({time.time() - t0:.0f}s)")
    featurizer = ParagraphFeaturizer(**(featurizer_params or {})).fit()
    Xd, y = _xy(corpus["train"])
    X = featurizer.transform(Xd)
    log(f"features: {X.shape[0]} paragraphs x {X.shape[1]} columns, {X.nnz} non-zeros ({time.time() - t0:.0f}s)")
    clf = JunkClassifier(**(classifier_params or {})).fit(X, y)
    log(f"fitted both stages ({time.time() - t0:.0f}s)")
    Xc_docs, yc = _xy(corpus["calib"])
    Xc = featurizer.transform(Xc_docs)
    before = clf.predict_proba(Xc)
    clf.calibrate(Xc, yc)
    after = clf.predict_proba(Xc)
    yc_junk = np.asarray(yc) != CONTENT
    lengths = np.array([len(p) for d in Xc_docs for p in d])
    threshold = choose_threshold(1 - after[:, 0], yc_junk, lengths)
    from .metrics import expected_calibration_error
    meta: dict[str, Any] = {
        "threshold": threshold,
        "trained_on": sources,
        "seed": seed,
        "holdout_source": holdout_source,
        "corpus_docs": {k: len(v) for k, v in corpus.items()},
        "train_paragraphs": int(X.shape[0]),
        "calibration": {
            "temperature": round(clf.temperature_, 4),
            "junk_scale": round(clf.junk_scale_, 4),
            "junk_shift": round(clf.junk_shift_, 4),
            "ece_before": round(expected_calibration_error(1 - before[:, 0], yc_junk), 4),
            "ece_after": round(expected_calibration_error(1 - after[:, 0], yc_junk), 4),
        },
    }
    save_model(out, featurizer, clf, meta)
    log(f"temperature {clf.temperature_:.3f}, junk log-odds x{clf.junk_scale_:.3f} {clf.junk_shift_:+.3f}, "
        f"threshold {threshold:.2f}, saved {out} ({time.time() - t0:.0f}s)")
    if corpus["test"]:
        from .filter import JunkFilter

        report = evaluate_docs(JunkFilter(out), corpus["test"])
        meta["test"] = report
        save_model(out, featurizer, clf, meta)
    meta["seconds"] = round(time.time() - t0, 1)
    return meta


__all__ = ["train_model", "read_labelled", "choose_threshold", "DEFAULT_SIZES"]
