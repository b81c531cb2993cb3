"""The eval gate: the bundled model's quality on a fixed held-out subset must not drop
below the floors pinned in quality_floors.json (raised when the model improves)."""
import json
from pathlib import Path

import pytest

from junkfilter import JunkFilter
from junkfilter.corpus import build_corpus
from junkfilter.evaluate import evaluate_docs

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(data_dir):
    docs = build_corpus(data_dir, sizes={"train": 0, "calib": 0, "test": FLOORS["documents"]})["test"]
    rep = evaluate_docs(JunkFilter(), docs)
    p, c = rep["paragraph"], rep["character"]
    out = {"junk_recall": p["junk_recall"], "junk_recall_chars": c["junk_recall"],
           "content_removed": p["content_removed"], "content_chars_removed": c["content_removed"],
           "ece": rep["ece"], "traditional_junk_recall": rep["by_script"]["traditional"]["junk_recall"]}
    for lab in ("seo_spam", "ad", "recruitment", "boilerplate"):
        out[f"f1_{lab}"] = p["per_label"][lab]["f1"]
    return out


@pytest.mark.parametrize("name", sorted(FLOORS["min"]))
def test_floor(figures, name):
    assert figures[name] >= FLOORS["min"][name], f"{name} fell to {figures[name]} (floor {FLOORS['min'][name]})"


@pytest.mark.parametrize("name", sorted(FLOORS["max"]))
def test_ceiling(figures, name):
    assert figures[name] <= FLOORS["max"][name], f"{name} rose to {figures[name]} (ceiling {FLOORS['max'][name]})"
