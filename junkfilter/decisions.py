"""Model → decisions: which paragraphs to drop, given probabilities and user choices."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .labels import LABEL_INDEX, LABELS

# Named thresholds for the CLI: favour keeping content, or favour catching junk.
PRESETS = {"precision": 0.8, "balanced": None, "recall": 0.3}


def junk_probability(probs: np.ndarray, categories: Sequence[str]) -> np.ndarray:
    """Probability that a paragraph is junk of one of the chosen kinds."""
    cols = [LABEL_INDEX[c] for c in categories]
    return probs[:, cols].sum(axis=1)


def decide(probs: np.ndarray, threshold: float, categories: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(keep mask, label index)``: drop where the chosen-junk probability ≥ threshold.

    The label is the most probable junk kind among the chosen ones for a dropped
    paragraph, and the overall most probable label otherwise.
    """
    p_sel = junk_probability(probs, categories)
    keep = p_sel < threshold
    label = probs.argmax(axis=1)
    if not keep.all():
        cols = np.array([LABEL_INDEX[c] for c in categories])
        best = cols[probs[:, cols].argmax(axis=1)]
        label = np.where(keep, label, best)
    return keep, label


def check_threshold(threshold: float) -> float:
    t = float(threshold)
    if not 0.0 < t <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
    return t


__all__ = ["PRESETS", "decide", "junk_probability", "check_threshold", "LABELS"]
