from sklearn.base import clone

from junkfilter.features import DENSE_NAMES
from junkfilter.featurizer import ParagraphFeaturizer
from test_features import DOC


def test_is_a_stateless_sklearn_transformer():
    f = ParagraphFeaturizer(n_buckets=2**12)
    assert clone(f).get_params() == {"n_buckets": 2**12, "ngram_orders": (1, 2, 3)}
    assert f.fit() is f
    X = f.transform([DOC, DOC[:2]])
    assert X.shape == (6, 2**12 + len(DENSE_NAMES))
    assert f.get_feature_names_out().shape == (X.shape[1],)
    # documents are independent: featurizing one alone gives the same rows
    assert abs(X[4:] - f.transform([DOC[:2]])).max() == 0


def test_chunked_counting_equals_one_pass():
    f = ParagraphFeaturizer(n_buckets=2**14).fit()
    b = f.batch([DOC * 5])
    a = f.ngram_matrix(b, chunk=7)
    c = f.ngram_matrix(b, chunk=1 << 20)
    assert abs(a - c).max() < 1e-6
