"""Build the labelled training corpus from ``../shared/data`` (reproducibly, by seed)."""
from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

from .compose import Composer, Doc, group_ham
from .sources import SPLITS, english_paragraphs, load_articles, load_junk, split_of
from .templates import load_templates

__all__ = ["Doc", "build_corpus", "DEFAULT_SIZES"]

DEFAULT_SIZES = {"train": 12000, "calib": 2000, "test": 3000}
TEMPLATE_KINDS = ("boilerplate", "farm_intro", "farm_outro", "ad", "recruitment", "seo")


def build_corpus(data_dir: str | Path, sizes: dict[str, int] | None = None, seed: int = 20240601,
                 holdout_source: str | None = None) -> dict[str, list[Doc]]:
    """Compose documents for each split.

    Articles, junk records, lexicon entries and English paragraphs are each assigned to
    one split by a stable hash, so the test split holds only real text that training
    never saw.  The junk templates (ours, not real data) are shared by all splits; the
    evaluation reports real and templated junk separately (``Doc.origins``).  With ``holdout_source``, train and calib exclude
    that clean source entirely and test draws its articles from it alone.
    """
    data_dir = Path(data_dir)
    sizes = dict(DEFAULT_SIZES if sizes is None else sizes)
    articles = load_articles(data_dir)
    if holdout_source and holdout_source not in {a.source for a in articles}:
        raise ValueError(f"unknown clean source {holdout_source!r}")
    junk = load_junk(data_dir)
    english = english_paragraphs()
    out: dict[str, list[Doc]] = {}
    for split in SPLITS:
        rng = random.Random(f"{seed}:{split}:{holdout_source}")
        by_source: dict[str, list] = defaultdict(list)
        for a in articles:
            if holdout_source:
                if (split == "test") != (a.source == holdout_source):
                    continue
                if split != "test" and split_of(a.id) != split and split_of(a.id) != "test":
                    continue
            elif split_of(a.id) != split:
                continue
            by_source[a.source].append(a)
        pools = {name: [(k, v) for k, v in recs if split_of(k, "junk") == split] for name, recs in junk.items()}
        eng = [p for p in english if split_of(p, "en") == split]
        ham_docs = group_ham(pools, eng, rng)
        if holdout_source:
            ham_docs = {} if split == "test" else ham_docs
        templates = {k: load_templates(k) for k in TEMPLATE_KINDS}
        composer = Composer(rng, by_source, {k: [v for _, v in recs] for k, recs in pools.items()},
                            templates, ham_docs)
        out[split] = [composer.document() for _ in range(sizes.get(split, 0))]
    return out
