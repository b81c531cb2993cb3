from junkfilter.corpus import build_corpus
from junkfilter.corpus.sources import _x_to_digits, load_articles, split_of
from junkfilter.labels import LABELS


def test_split_is_stable_and_roughly_80_10_10():
    keys = [f"k{i}" for i in range(5000)]
    splits = [split_of(k) for k in keys]
    assert splits == [split_of(k) for k in keys]
    assert 0.77 < splits.count("train") / 5000 < 0.83


def test_sms_digit_masks_are_restored():
    out = _x_to_digits("抢购热线：xxxxxxxxxxx，价格xxx元，box", 5)
    assert "x" not in out.replace("box", "")
    assert out.endswith("box")


def test_corpus_is_reproducible_and_labelled(data_dir):
    a = build_corpus(data_dir, sizes={"train": 50, "calib": 10, "test": 10})
    b = build_corpus(data_dir, sizes={"train": 50, "calib": 10, "test": 10})
    assert [d.paragraphs for d in a["train"]] == [d.paragraphs for d in b["train"]]
    for docs in a.values():
        for d in docs:
            assert len(d.paragraphs) == len(d.labels)
            assert all(lab in LABELS for lab in d.labels)
            assert all(p.strip() and "\n" not in p for p in d.paragraphs)
    labels = {lab for d in a["train"] for lab in d.labels}
    assert labels == set(LABELS)
    assert {d.script for d in a["train"]} == {"simplified", "traditional"}


def test_training_documents_draw_only_on_train_articles(data_dir):
    arts = load_articles(data_dir)
    train_paras = {p for a in arts if split_of(a.id) == "train" for p in [a.title, *a.paragraphs]}
    corpus = build_corpus(data_dir, sizes={"train": 300, "calib": 0, "test": 0})
    article_sources = {a.source for a in arts}
    n = 0
    for d in corpus["train"]:
        if d.source not in article_sources or d.script != "simplified":
            continue  # converted text no longer matches the source verbatim
        for p, o in zip(d.paragraphs, d.origins):
            if o in (d.source, "title"):
                assert p in train_paras
                n += 1
    assert n > 500


def test_holdout_source_is_absent_from_training(data_dir):
    c = build_corpus(data_dir, sizes={"train": 200, "calib": 20, "test": 50}, holdout_source="weekly")
    assert all(d.source != "weekly" for d in c["train"] + c["calib"])
    assert all(d.source == "weekly" for d in c["test"])
