"""The numpy-only inference model against the scikit-learn estimators that trained it."""
import subprocess
import sys

import numpy as np

from junkfilter import JunkFilter
from junkfilter.classifier import JunkClassifier
from junkfilter.featurizer import ParagraphFeaturizer
from junkfilter.labels import LABELS
from junkfilter.model import JunkModel, context_features

DOCS = [
    ["皇冠娱乐城官方网站-皇冠体育平台", "我国新能源汽车产销量连续十年位居全球第一。", "扫码关注公众号，领取免费资料"],
    ["经济发展保持稳定，就业形势总体平稳。", "首页 > 新闻中心 > 正文", "English text stays English.", ""],
    [],
    ["颱風過後，台北市清運垃圾逾八千噸。"],
]


def test_fast_path_equals_sklearn_path():
    jf = JunkFilter()
    spec, model = jf.features, jf.model
    featurizer = ParagraphFeaturizer(spec.n_buckets, spec.ngram_orders)
    featurizer.tables_ = spec.tables
    X = featurizer.transform(DOCS)
    clf = JunkClassifier()
    clf.local_coef_, clf.local_intercept_ = model.local_coef, model.local_intercept
    clf.context_coef_, clf.context_intercept_ = model.context_coef, model.context_intercept
    clf.temperature_, clf.junk_scale_, clf.junk_shift_ = model.temperature, model.junk_scale, model.junk_shift
    clf.classes_ = np.asarray(LABELS)
    _, fast = model.probabilities(spec, DOCS)
    assert fast.shape == (len(X.toarray()), len(LABELS))
    assert np.abs(clf.predict_proba(X) - fast).max() < 1e-5


def test_calibration_keeps_junk_proportions():
    rng = np.random.default_rng(1)
    m = JunkModel(np.zeros((10, 5), np.float32), np.zeros(5, np.float32), rng.normal(size=(4, 5)), np.zeros(5),
                  temperature=1.3, junk_scale=1.2, junk_shift=0.4)
    Z = rng.normal(size=(50, 4))
    p = m.proba_from_context(Z)
    raw = JunkModel(m.local_coef, m.local_intercept, m.context_coef, m.context_intercept, 1.3).proba_from_context(Z)
    assert np.allclose(p.sum(1), 1)
    assert np.allclose(p[:, 1:] / p[:, 1:].sum(1, keepdims=True), raw[:, 1:] / raw[:, 1:].sum(1, keepdims=True))


def test_single_and_multi_document_context_agree():
    rng = np.random.default_rng(0)
    p1 = rng.dirichlet(np.ones(5), size=30)
    dense = rng.random((30, 24))
    docs = np.repeat(np.arange(3), 10)
    together = context_features(p1, dense, docs)
    apart = np.vstack([context_features(p1[docs == i], dense[docs == i], np.zeros(10, int)) for i in range(3)])
    assert np.abs(together - apart).max() == 0


def test_import_junkfilter_needs_neither_sklearn_nor_scipy():
    code = ("import sys, junkfilter; junkfilter.clean('正文。\\n扫码关注'); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'ray', 'opencc') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
