import numpy as np
import pytest

from junkfilter.features import DENSE_INDEX, DENSE_NAMES
from junkfilter.featurizer import ParagraphFeaturizer

DOC = [
    "今天小编为大家带来的是养生小常识",
    "冬季饮食宜温热，可以适当多吃山药和萝卜等时令蔬菜，饮食要清淡。",
    "冬季运动不宜过早，饮食和作息都要规律，多吃蔬菜少吃油腻。",
    "咨询热线：400-820-1234",
]


def dense(X, name):
    return X[:, X.shape[1] - len(DENSE_NAMES) + DENSE_INDEX[name]].toarray().ravel()


def test_traditional_and_simplified_share_features():
    f = ParagraphFeaturizer().fit()
    a = f.transform([["經濟發展"]])
    b = f.transform([["经济发展"]])
    assert abs(a - b).max() == 0


def test_position_phone_and_similarity_columns():
    f = ParagraphFeaturizer().fit()
    X = f.transform([DOC])
    assert list(dense(X, "is_first")) == [1, 0, 0, 0]
    assert list(dense(X, "is_last")) == [0, 0, 0, 1]
    assert list(dense(X, "phone_like")) == [0, 0, 0, 1]
    sim = dense(X, "sim_rest")
    assert sim[1] > sim[3] and sim[2] > sim[3]  # the ad line shares nothing with the article


@pytest.mark.parametrize("doc", [[""], ["   "], ["\x00\x01"], ["a\ud800b"], ["x" * 5]])
def test_odd_paragraphs(doc):
    X = ParagraphFeaturizer().fit().transform([doc])
    assert X.shape[0] == 1 and np.isfinite(X.data).all()
