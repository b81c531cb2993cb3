"""Decisions → cleaned text: the public ``JunkFilter`` and its result records."""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from .decisions import check_threshold, decide
from .features import row_scale
from .model import CONTEXT_NAMES
from .labels import CONTENT, LABEL_INDEX, LABELS, check_categories
from .paragraphs import Span, join_kept, split_paragraphs
from .persist import ModelError, load_model

MODEL_NAME = "junkfilter-zh.npz"
_EXPLAIN_CHARS = 20_000  # explanations read at most this much of one paragraph
_BATCH_CHARS = 4_000_000  # characters featurized at once by the batch methods


def bundled_model_path() -> Path:
    """Where the model shipped with the package lives (installed, or in a source checkout)."""
    try:
        p = Path(str(resources.files("junkfilter._models").joinpath(MODEL_NAME)))
        if p.is_file():
            return p
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "models" / MODEL_NAME


@dataclass(frozen=True)
class ParagraphScore:
    """The verdict on one paragraph: where it is, what it is, how sure, and why."""

    start: int  # offset of the paragraph in the input text
    end: int  # offset just past it (line break excluded)
    label: str  # content, seo_spam, ad, recruitment or boilerplate
    junk: float  # calibrated probability that it is junk (of the chosen kinds)
    probs: dict[str, float]  # calibrated probability of every label
    keep: bool  # False when clean() removes it
    explanation: list[str] = field(default_factory=list)  # what weighed most, strongest first

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label, "junk": round(self.junk, 4),
                "probs": {k: round(v, 4) for k, v in self.probs.items()}, "keep": self.keep,
                "explanation": self.explanation}


def _check_text(text) -> str:
    if not isinstance(text, str):
        raise TypeError(f"junkfilter expects text as str, got {type(text).__name__}")
    return text


class JunkFilter:
    """Loads a model once and cleans or scores any number of documents with it.

    Parameters
    ----------
    model : path or None
        A model file written by ``junkfilter train``; ``None`` uses the bundled model.
    threshold : float or None
        Drop a paragraph when its junk probability is at least this; ``None`` uses the
        model's tuned default.
    categories : iterable of str or None
        The junk kinds to strip (default all: seo_spam, ad, recruitment, boilerplate).
    """

    def __init__(self, model: str | os.PathLike | None = None, threshold: float | None = None,
                 categories: Iterable[str] | None = None):
        self.model_path = Path(model) if model is not None else bundled_model_path()
        self.features, self.model, self.meta = load_model(self.model_path)
        self.threshold = check_threshold(threshold if threshold is not None else self.meta.get("threshold", 0.5))
        self.categories = check_categories(categories)

    # -- core: probabilities for documents given as paragraph lists -----------------------
    def _context(self, docs: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Stage-2 inputs and calibrated probabilities for every paragraph of ``docs``."""
        return self.model.probabilities(self.features, docs)

    def predict_documents(self, docs: Sequence[Sequence[str]]) -> np.ndarray:
        """Label probabilities for every paragraph of every document (rows in order)."""
        if not docs or not any(docs):
            return np.zeros((0, len(LABELS)))
        return self._context(docs)[1]

    def _options(self, threshold, categories) -> tuple[float, tuple[str, ...]]:
        t = self.threshold if threshold is None else check_threshold(threshold)
        cats = self.categories if categories is None else check_categories(categories)
        return t, cats

    # -- one document ----------------------------------------------------------------------
    def score(self, text: str, *, threshold: float | None = None, categories: Iterable[str] | None = None,
              explain: bool = True) -> list[ParagraphScore]:
        """One ``ParagraphScore`` per paragraph (non-blank line) of ``text``."""
        text = _check_text(text)
        t, cats = self._options(threshold, categories)
        spans = split_paragraphs(text)
        if not spans:
            return []
        paras = [text[s.start:s.end] for s in spans]
        Z, probs = self._context([paras])
        keep, label = decide(probs, t, cats)
        p_sel = probs[:, [LABEL_INDEX[c] for c in cats]].sum(axis=1)
        out = []
        for i, s in enumerate(spans):
            why = self._explain(paras[i], Z[i], int(label[i]), probs[i]) if explain else []
            out.append(ParagraphScore(s.start, s.end, LABELS[label[i]], float(p_sel[i]),
                                      {lab: float(probs[i, j]) for j, lab in enumerate(LABELS)},
                                      bool(keep[i]), why))
        return out

    def clean(self, text: str, *, threshold: float | None = None, categories: Iterable[str] | None = None) -> str:
        """``text`` without its junk paragraphs; kept paragraphs come back verbatim."""
        t, cats = self._options(threshold, categories)
        spans = split_paragraphs(_check_text(text))
        if not spans:
            return text
        keep, _ = decide(self._context([[text[s.start:s.end] for s in spans]])[1], t, cats)
        return join_kept(text, spans, list(keep))

    # -- many documents --------------------------------------------------------------------
    def clean_batch(self, texts: Sequence[str], *, threshold: float | None = None,
                    categories: Iterable[str] | None = None) -> list[str]:
        """Clean many documents; featurizes them together, which is faster per document."""
        return [r[0] for r in self.decide_batch(texts, threshold=threshold, categories=categories)]

    def decide_batch(self, texts: Sequence[str], *, threshold: float | None = None,
                     categories: Iterable[str] | None = None
                     ) -> list[tuple[str, list[Span], np.ndarray, np.ndarray, np.ndarray]]:
        """For each text: ``(cleaned, spans, keep, label index, label probabilities)``."""
        t, cats = self._options(threshold, categories)
        texts = [_check_text(x) for x in texts]
        out: list = [None] * len(texts)
        pending: list[int] = []
        size = 0

        def flush() -> None:
            nonlocal pending, size
            docs = [[texts[i][s.start:s.end] for s in spans_of[i]] for i in pending]
            probs = self.predict_documents(docs)
            row = 0
            for i, d in zip(pending, docs):
                p = probs[row:row + len(d)]
                row += len(d)
                keep, label = decide(p, t, cats) if len(d) else (np.zeros(0, bool), np.zeros(0, int))
                out[i] = (join_kept(texts[i], spans_of[i], list(keep)), spans_of[i], keep, label, p)
            pending, size = [], 0

        spans_of = {}
        for i, text in enumerate(texts):
            spans_of[i] = split_paragraphs(text)
            pending.append(i)
            size += len(text)
            if size >= _BATCH_CHARS:
                flush()
        if pending:
            flush()
        return out

    # -- explanations ----------------------------------------------------------------------
    def _explain(self, para: str, z: np.ndarray, label: int, probs: np.ndarray) -> list[str]:
        """The n-grams and context signals that pushed this paragraph to its label."""
        c = self.model
        content = LABEL_INDEX[CONTENT]
        if label == content:
            rival = int(np.argsort(probs)[-2]) if len(probs) > 1 else content
            pro, con = content, rival
        else:
            pro, con = label, content
        notes: list[tuple[float, str]] = []
        # local evidence: n-grams of the paragraph (first _EXPLAIN_CHARS characters)
        head = para[:_EXPLAIN_CHARS]
        f = self.features
        w = c.local_coef[:, pro] - c.local_coef[:, con]
        grams: dict[tuple[str, str], float] = {}
        found = list(f.occurrences(f.batch([[head]]), positions=True))
        if found:
            _, cols, pos, order = (np.concatenate(x) for x in zip(*found))
            contrib = w[cols] * row_scale(np.array([len(cols)]))[0]
            for i in np.argsort(-contrib)[:16]:
                o = int(order[i])
                n = abs(o) if o < 10 else o - 10
                g = head[pos[i]:pos[i] + n]
                if n == 1 and o == 1 or not g.strip() or contrib[i] <= 0:
                    continue  # a single character in the middle of a line explains little
                kind = "line starts " if o < 0 else ("line ends " if o > 10 else "")
                grams[(kind, g)] = grams.get((kind, g), 0.0) + float(contrib[i])
        chosen: list[tuple[str, str, float]] = []
        for (kind, g), v in sorted(grams.items(), key=lambda kv: -kv[1]):
            if any(g in h or h in g for _, h, _ in chosen):
                continue  # overlapping n-grams say the same thing once
            chosen.append((kind, g, v))
            if len(chosen) == 3:
                break
        for kind, g, v in chosen:
            notes.append((v, f"n-gram {kind}{g!r} {v:+.2f}"))
        # context evidence: stage-2 inputs grouped by what they describe
        cw = (c.context_coef[:, pro] - c.context_coef[:, con]) * z / c.temperature * c.junk_scale
        groups: dict[str, float] = {}
        for name, v in zip(CONTEXT_NAMES, cw):
            if name.startswith("self_"):
                key = "own text"
            elif name.startswith("n-") or name.startswith("n+"):
                key = "neighbouring paragraphs"
            elif name.startswith("doc_"):
                key = "rest of the document"
            else:
                key = name.removeprefix("dense_")
            groups[key] = groups.get(key, 0.0) + float(v)
        for key, v in sorted(groups.items(), key=lambda kv: -kv[1])[:3]:
            if v > 0.05:
                notes.append((v - 1e-3, f"{key} {v:+.2f}"))
        notes.sort(key=lambda x: -x[0])
        verdict = f"{LABELS[pro]} over {LABELS[con]}:"
        return [verdict] + [n for _, n in notes[:5]]


_default: JunkFilter | None = None


def default_filter() -> JunkFilter:
    """The process-wide filter with the bundled model, loaded on first use."""
    global _default
    if _default is None:
        _default = JunkFilter()
    return _default


def clean(text: str, *, threshold: float | None = None, categories: Iterable[str] | None = None) -> str:
    """Remove junk paragraphs from ``text`` with the bundled model."""
    _check_text(text)
    return default_filter().clean(text, threshold=threshold, categories=categories)


def score(text: str, *, threshold: float | None = None, categories: Iterable[str] | None = None,
          explain: bool = True) -> list[ParagraphScore]:
    """Score every paragraph of ``text`` with the bundled model."""
    _check_text(text)
    return default_filter().score(text, threshold=threshold, categories=categories, explain=explain)


__all__ = ["JunkFilter", "ParagraphScore", "ModelError", "clean", "score", "bundled_model_path", "default_filter"]
