import json

import numpy as np
import pytest

from junkfilter import JunkFilter
from junkfilter.train import choose_threshold, read_labelled, train_model


def test_read_labelled_reports_line_numbers(tmp_path):
    f = tmp_path / "l.jsonl"
    f.write_text('{"paragraphs": ["a"], "labels": ["content"]}\n\n{"paragraphs": ["a", "b"], "labels": ["ad"]}\n',
                 encoding="utf-8")
    with pytest.raises(ValueError, match=r"l.jsonl:3: 2 paragraphs but 1 labels"):
        read_labelled(f)
    f.write_text('{"paragraphs": ["a"], "labels": ["spam"]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown labels"):
        read_labelled(f)
    f.write_text('not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":1:"):
        read_labelled(f)


def test_choose_threshold_respects_content_budget():
    p = np.array([0.1] * 990 + [0.5] * 5 + [0.97] * 5 + [0.99] * 100)
    junk = np.array([False] * 1000 + [True] * 100)
    t = choose_threshold(p, junk, np.full(1100, 20), max_content_removed=0.004)
    assert 0.5 < t <= 0.97


def test_retrain_on_real_data_and_user_labels(tmp_path, tiny_model, data_dir):
    jf = JunkFilter(tiny_model)
    assert jf.meta["corpus_docs"]["train"] == 600
    assert jf.meta["test"]["paragraph"]["junk_recall"] > 0.5
    # a user's labelled JSONL alone is enough to train a model
    user = tmp_path / "mine.jsonl"
    rows = []
    for i in range(60):
        rows.append({"paragraphs": [f"第{i}篇文章的正文，讲述城市交通的变化与居民出行的便利。", f"关注公众号领取资料{i}"],
                     "labels": ["content", "ad"]})
    user.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    meta = train_model(tmp_path / "user.npz", data_dir=None, labelled=user, log=lambda *_: None)
    assert meta["corpus_docs"]["train"] > 0
    out = JunkFilter(tmp_path / "user.npz").clean("第99篇文章的正文，讲述城市交通的变化与居民出行的便利。\n关注公众号领取资料99")
    assert out.startswith("第99篇")
