"""Quality figures: per-category precision/recall/F1 by paragraph and by character, and ECE."""
from __future__ import annotations

from typing import Any

import numpy as np

from .labels import CONTENT, JUNK_LABELS, LABELS


def _prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def expected_calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 15) -> float:
    """ECE of a binary probability ``p`` against outcomes ``y`` (equal-width bins)."""
    if len(p) == 0:
        return 0.0
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            ece += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(ece)


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    rows = []
    for b in range(bins):
        m = idx == b
        if m.any():
            rows.append({"bin": f"{edges[b]:.1f}-{edges[b + 1]:.1f}", "n": int(m.sum()),
                         "mean_p": round(float(p[m].mean()), 3), "frac_junk": round(float(y[m].mean()), 3)})
    return rows


def quality_report(true: list[str], pred: list[str], p_junk: np.ndarray, lengths: np.ndarray) -> dict[str, Any]:
    """All figures for one evaluation set; ``pred`` is ``content`` for kept paragraphs."""
    t = np.asarray(true)
    pr = np.asarray(pred)
    w = np.asarray(lengths, dtype=np.float64)
    is_junk = t != CONTENT
    dropped = pr != CONTENT
    out: dict[str, Any] = {"paragraphs": int(len(t)), "characters": int(w.sum())}
    for unit, weight in (("paragraph", np.ones_like(w)), ("character", w)):
        per = {}
        for lab in LABELS:
            tp = weight[(t == lab) & (pr == lab)].sum()
            fp = weight[(t != lab) & (pr == lab)].sum()
            fn = weight[(t == lab) & (pr != lab)].sum()
            per[lab] = {**_prf(tp, fp, fn), "support": round(float(weight[t == lab].sum()))}
        tp = weight[is_junk & dropped].sum()
        fp = weight[~is_junk & dropped].sum()
        fn = weight[is_junk & ~dropped].sum()
        per["junk (any kind)"] = {**_prf(tp, fp, fn), "support": round(float(weight[is_junk].sum()))}
        content_total = weight[~is_junk].sum()
        out[unit] = {
            "per_label": per,
            "junk_recall": round(float(tp / max(weight[is_junk].sum(), 1e-9)), 4),
            "content_removed": round(float(fp / max(content_total, 1e-9)), 5),
        }
    y = is_junk.astype(np.float64)
    out["ece"] = round(expected_calibration_error(p_junk, y), 4)
    out["reliability"] = reliability(p_junk, y)
    return out


def format_report(rep: dict[str, Any], title: str = "") -> str:
    """A plain-text table of a ``quality_report``."""
    lines = [title] if title else []
    lines.append(f"{rep['paragraphs']} paragraphs, {rep['characters']} characters")
    for unit in ("paragraph", "character"):
        u = rep[unit]
        lines.append(f"\n{unit}-level      precision  recall     f1   support")
        for lab in (*JUNK_LABELS, "junk (any kind)", CONTENT):
            m = u["per_label"][lab]
            lines.append(f"  {lab:16s} {m['precision']:8.4f} {m['recall']:7.4f} {m['f1']:6.4f} {m['support']:9d}")
        lines.append(f"  junk recall {u['junk_recall']:.4f}   content removed {u['content_removed'] * 100:.3f}%")
    lines.append(f"\nexpected calibration error (junk probability, 15 bins): {rep['ece']:.4f}")
    lines.append("reliability: " + "  ".join(f"[{r['bin']}] p={r['mean_p']:.2f} junk={r['frac_junk']:.2f} n={r['n']}"
                                            for r in rep["reliability"]))
    return "\n".join(lines)
