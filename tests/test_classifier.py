import numpy as np
from sklearn.base import clone
from sklearn.pipeline import Pipeline

from junkfilter.classifier import JunkClassifier, doc_ids
from junkfilter.model import CONTEXT_NAMES, context_features
from junkfilter.corpus import build_corpus
from junkfilter.featurizer import ParagraphFeaturizer
from junkfilter.labels import LABELS


def test_estimator_conventions():
    clf = JunkClassifier(alpha_local=1e-5, n_folds=2)
    params = clf.get_params()
    assert params["alpha_local"] == 1e-5 and params["n_folds"] == 2
    assert not [k for k in vars(clf) if k.endswith("_")]  # __init__ stores parameters only
    assert clone(clf).get_params() == params


def test_pipeline_trained_on_real_text_beats_majority(data_dir):
    corpus = build_corpus(data_dir, sizes={"train": 400, "calib": 0, "test": 150})
    pipe = Pipeline([("features", ParagraphFeaturizer(n_buckets=2**16)),
                     ("classifier", JunkClassifier(n_folds=2, epochs=8))])
    train_y = [lab for d in corpus["train"] for lab in d.labels]
    assert pipe.fit([d.paragraphs for d in corpus["train"]], train_y) is pipe
    clf = pipe.named_steps["classifier"]
    assert clf.local_coef_.shape == (2**16 + 25, len(LABELS))
    assert clf.context_coef_.shape == (len(CONTEXT_NAMES), len(LABELS))
    test_y = np.array([lab for d in corpus["test"] for lab in d.labels])
    pred = pipe.predict([d.paragraphs for d in corpus["test"]])
    majority = max((test_y == lab).mean() for lab in LABELS)
    assert (pred == test_y).mean() > majority + 0.1
    proba = pipe.predict_proba([d.paragraphs for d in corpus["test"]])
    assert np.allclose(proba.sum(1), 1)


def test_context_features_respect_document_boundaries():
    p1 = np.array([[0.9, 0.1, 0, 0, 0], [0.2, 0.8, 0, 0, 0], [0.5, 0.5, 0, 0, 0]])
    docs = np.array([0, 0, 1])
    Z = context_features(p1, np.zeros((3, 25)), docs)
    assert Z.shape == (3, len(CONTEXT_NAMES))
    col = CONTEXT_NAMES.index("n+1_missing")
    assert list(Z[:, col]) == [0, 1, 1]  # paragraph 1's next neighbour is in another document
    nxt = CONTEXT_NAMES.index("n+1_p_seo_spam")
    assert Z[0, nxt] == 0.8 and Z[1, nxt] == 0


def test_doc_ids_from_is_first_column():
    X = ParagraphFeaturizer(n_buckets=64).fit().transform([["a", "b"], ["c"], ["d", "e", "f"]])
    assert list(doc_ids(X)) == [0, 0, 1, 2, 2, 2]
