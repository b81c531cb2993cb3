"""Throughput of junkfilter against jieba word segmentation on the same text, same process.

    python benchmarks/bench_speed.py [--data-dir ../shared/data] [--docs 2000] [--repeat 3]

Text: real articles from the shared data (or the bundled golden fixtures when the data is
absent), with junk-like lines mixed in as in the training corpus.  Prints characters and
MB per second for ``jieba.lcut(text, HMM=False)``, ``JunkFilter.clean`` called per document,
and ``JunkFilter.clean_batch``, with the ratios.  The three take turns ``--repeat`` times
and the best time of each counts.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def load_texts(data_dir: Path, n_docs: int) -> list[str]:
    if (data_dir / "clean").is_dir():
        from junkfilter.corpus import build_corpus

        docs = build_corpus(data_dir, sizes={"train": 0, "calib": 0, "test": n_docs})["test"]
        return ["\n".join(d.paragraphs) for d in docs]
    print(f"(no shared data at {data_dir}: using the golden fixtures)", file=sys.stderr)
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "fixtures" / "golden").glob("*.input.txt"))]
    return texts * max(1, n_docs // len(texts))


def best_of_interleaved(fns: list, repeat: int) -> list[float]:
    """Best time of each function; the functions take turns, so machine drift hits all alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - t)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="write the figures here as JSON")
    args = ap.parse_args(argv)

    import jieba

    from junkfilter import JunkFilter

    jieba.setLogLevel(60)
    texts = load_texts(Path(args.data_dir), args.docs)
    chars = sum(len(t) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t0 = time.perf_counter()
    jf = JunkFilter()
    load = time.perf_counter() - t0
    jieba.initialize()
    jf.clean_batch(texts[:20])  # warm up both
    jieba.lcut(texts[0], HMM=False)

    t_jieba, t_clean, t_batch = best_of_interleaved(
        [lambda: [jieba.lcut(t, HMM=False) for t in texts], lambda: [jf.clean(t) for t in texts],
         lambda: jf.clean_batch(texts)], args.repeat)
    rows = [("jieba.lcut(HMM=False)", t_jieba), ("JunkFilter.clean (per document)", t_clean),
            ("JunkFilter.clean_batch", t_batch)]
    print(f"{len(texts)} documents, {chars} characters, {mb:.2f} MB UTF-8; model load {load:.2f}s")
    print(f"{'':34s} {'seconds':>8s} {'kchars/s':>9s} {'MB/s':>6s} {'vs jieba':>8s}")
    for name, t in rows:
        print(f"{name:34s} {t:8.3f} {chars / t / 1e3:9.0f} {mb / t:6.2f} {t_jieba / t:7.2f}x")
    out = {"documents": len(texts), "characters": chars, "mb": round(mb, 3), "model_load_s": round(load, 3),
           **{name: {"seconds": round(t, 4), "chars_per_s": round(chars / t), "ratio_vs_jieba": round(t_jieba / t, 3)}
              for name, t in rows}}
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
