"""Measure a model on held-out documents: per category, per script, and across sources."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from .corpus import Doc, build_corpus
from .filter import JunkFilter
from .labels import CONTENT, LABELS
from .metrics import format_report, quality_report


def evaluate_docs(jf: JunkFilter, docs: list[Doc], threshold: float | None = None) -> dict[str, Any]:
    """Clean ``docs`` with ``jf`` exactly as users would, and compare with their labels."""
    texts = ["\n".join(d.paragraphs) for d in docs]
    results = jf.decide_batch(texts, threshold=threshold)
    true, pred, p_junk, lengths, scripts, origins = [], [], [], [], [], []
    for d, (_, spans, keep, label, probs) in zip(docs, results):
        if len(spans) != len(d.paragraphs):  # paragraphs are single non-blank lines by construction
            raise AssertionError("document paragraphs do not match line splitting")
        true.extend(d.labels)
        pred.extend(CONTENT if k else LABELS[lab] for k, lab in zip(keep, label))
        p_junk.extend(1 - probs[:, 0])
        lengths.extend(len(p) for p in d.paragraphs)
        scripts.extend([d.script] * len(d.paragraphs))
        origins.extend(d.origins or [d.source] * len(d.paragraphs))
    p_junk_a, lengths_a, scripts_a = np.asarray(p_junk), np.asarray(lengths), np.asarray(scripts)
    rep = quality_report(true, pred, p_junk_a, lengths_a)
    rep["threshold"] = jf.threshold if threshold is None else threshold
    # where each paragraph came from: real junk pools vs our templates, content by source
    by_origin: dict[str, dict[str, Any]] = {}
    t_a, pr_a, o_a = np.asarray(true), np.asarray(pred), np.asarray(origins)
    for o in sorted(set(origins)):
        m = o_a == o
        junk = t_a[m] != CONTENT
        flagged = pr_a[m] != CONTENT
        if junk.all():
            by_origin[o] = {"kind": "junk", "n": int(m.sum()), "removed": round(float(flagged.mean()), 4)}
        elif not junk.any():
            by_origin[o] = {"kind": "content", "n": int(m.sum()), "removed": round(float(flagged.mean()), 5)}
    rep["by_origin"] = by_origin
    rep["by_script"] = {}
    for s in ("simplified", "traditional"):
        m = scripts_a == s
        if m.any():
            sub = quality_report(list(np.asarray(true)[m]), list(np.asarray(pred)[m]), p_junk_a[m], lengths_a[m])
            rep["by_script"][s] = {
                "paragraphs": sub["paragraphs"],
                "junk_recall": sub["paragraph"]["junk_recall"],
                "content_removed": sub["paragraph"]["content_removed"],
                "content_chars_removed": sub["character"]["content_removed"],
                "junk_f1": sub["paragraph"]["per_label"]["junk (any kind)"]["f1"],
            }
    return rep


def run_eval(model: str | Path | None = None, data_dir: str | Path = "../shared/data",
             labelled: str | Path | None = None, seed: int = 20240601, n_docs: int = 3000) -> dict[str, Any]:
    """Evaluate a model on the held-out test split (or on a user's labelled test documents)."""
    jf = JunkFilter(model)
    if labelled is not None:
        from .train import read_labelled

        splits = read_labelled(labelled)
        docs = splits["test"] or splits["train"] + splits["calib"]
    else:
        docs = build_corpus(data_dir, sizes={"train": 0, "calib": 0, "test": n_docs}, seed=seed)["test"]
    return evaluate_docs(jf, docs)


def cross_source(source: str, data_dir: str | Path = "../shared/data", seed: int = 20240601,
                 sizes: dict[str, int] | None = None, log=print) -> dict[str, Any]:
    """Train without one clean source, then test on documents built from that source only."""
    from .train import train_model

    with tempfile.TemporaryDirectory() as tmp:
        meta = train_model(Path(tmp) / "m.npz", data_dir=data_dir, sizes=sizes, seed=seed,
                           holdout_source=source, log=log)
    return meta["test"]


def print_report(rep: dict[str, Any], title: str = "") -> str:
    text = format_report(rep, title)
    extra = [f"threshold {rep.get('threshold')}"]
    for s, r in rep.get("by_script", {}).items():
        extra.append(f"{s:12s} paragraphs {r['paragraphs']:6d}  junk recall {r['junk_recall']:.4f}  "
                     f"content removed {r['content_removed'] * 100:.3f}% (chars {r['content_chars_removed'] * 100:.3f}%)")
    for kind, what in (("junk", "removed (recall)"), ("content", "wrongly removed")):
        rows = [(o, r) for o, r in rep.get("by_origin", {}).items() if r["kind"] == kind]
        if rows:
            extra.append(f"{kind} paragraphs by origin, share {what}:")
            extra.append("  " + "  ".join(f"{o} {r['removed'] * 100:.2f}% (n={r['n']})" for o, r in rows))
    return text + "\n" + "\n".join(extra)
