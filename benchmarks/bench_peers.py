"""junkfilter beside the filters users would pick instead, on the same paragraphs.

    python benchmarks/bench_peers.py [--docs 600] [--data-dir ../shared/data]

Peers (each decides keep/drop per line of a document):
* flagged words — data-juicer's flagged_words_filter approach: jieba tokens, drop a line
  whose share of lexicon words exceeds 0.045 (data-juicer's default ratio); the lexicon is
  every entry of the shared ``junk/lexicon_*.jsonl`` files.
* jusText 3 with jieba pre-segmentation (tokens joined by spaces, so it can count words)
  and a Chinese stop list: the 300 most frequent jieba tokens of the *training* split of
  the shared clean articles (jusText ships none for Chinese).
* C4 line rules as datatrove implements them (``C4QualityFilter``, language zh; the
  document-level sentence minimum switched off so only the line rules act).
Two test sets: held-out composed documents (real articles and junk the model never saw),
and the 80 real pages with gold text, after trafilatura.  Also MB/s in one process and
in two (documents split between two forked processes, start-up excluded), and the peak
memory of a process running each filter alone.
Needs: pip install trafilatura lxml_html_clean datatrove
"""
from __future__ import annotations

import argparse
import gc
import html as htmlmod
import json
import sys
import time
from collections import Counter
from pathlib import Path

from _util import run_measured
from bench_pages import EVAL_DIRS, Score

REPO = Path(__file__).resolve().parent.parent


def flagged_words_peer(data_dir: Path):
    import jieba

    words = set()
    for f in sorted((data_dir / "junk").glob("lexicon_*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            w = json.loads(line)["text"].replace("|", "").strip().lower()
            if w:
                words.add(w)
                jieba.add_word(w)

    def keep(paras: list[str]) -> list[bool]:
        out = []
        for p in paras:
            toks = [t for t in jieba.lcut(p.lower(), HMM=False) if t.strip()]
            ratio = sum(t in words for t in toks) / max(len(toks), 1)
            out.append(ratio <= 0.045)
        return out

    return keep


def chinese_stoplist(data_dir: Path, n: int = 300) -> set[str]:
    import jieba

    from junkfilter.corpus.sources import load_articles, split_of

    counts: Counter = Counter()
    per_source: Counter = Counter()
    for a in load_articles(data_dir):
        if split_of(a.id) != "train" or per_source[a.source] >= 300:  # balanced: 300 articles a source
            continue
        per_source[a.source] += 1
        for p in a.paragraphs[:5]:
            counts.update(t for t in jieba.lcut(p, HMM=False) if t.strip() and any(ch.isalnum() for ch in t))
    return {w for w, _ in counts.most_common(n)}


def justext_peer(data_dir: Path):
    import jieba
    import justext

    stop = frozenset(chinese_stoplist(data_dir))

    def keep(paras: list[str]) -> list[bool]:
        if not paras:
            return []
        body = "".join(f"<p>{htmlmod.escape(' '.join(jieba.lcut(p, HMM=False)))}</p>" for p in paras)
        got = justext.justext(f"<html><body>{body}</body></html>".encode(), stop)
        if len(got) != len(paras):  # jusText merged or dropped blocks: fall back by text
            kept = {"".join(x.text.split()) for x in got if not x.is_boilerplate}
            return ["".join(p.split()) in kept for p in paras]
        return [not x.is_boilerplate for x in got]

    return keep


def c4_peer():
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    f = C4QualityFilter(language="zh", min_num_sentences=0, split_paragraph=True)

    def keep(paras: list[str]) -> list[bool]:
        doc = Document(text="\n".join(paras), id="x")
        ok = f.filter(doc)
        if ok is not True and not (isinstance(ok, tuple) and ok[0]):
            return [False] * len(paras)
        left = Counter(doc.text.split("\n"))
        out = []
        for p in paras:
            out.append(left[p] > 0)
            if left[p] > 0:
                left[p] -= 1
        return out

    return keep


def junkfilter_peer():
    from junkfilter import JunkFilter

    jf = JunkFilter()

    def keep(paras: list[str]) -> list[bool]:
        return [bool(k) for k in jf.decide_batch(["\n".join(paras)])[0][2]] if paras else []

    return keep


_PEERS: dict = {}


def _decide_chunk(job: tuple[str, list[list[str]]]) -> list[list[bool]]:
    name, chunk = job
    return [_PEERS[name](paras) for paras in chunk]


def two_process_seconds(name: str, docs: list[list[str]]) -> float:
    """Wall time of one filter over ``docs`` split between 2 forked processes."""
    import multiprocessing as mp

    chunks = [docs[i::8] for i in range(8)]
    with mp.get_context("fork").Pool(2) as pool:
        pool.map(_decide_chunk, [(name, [["warm up"]])] * 2)  # start-up and first-call costs out of the timing
        t = time.perf_counter()
        pool.map(_decide_chunk, [(name, c) for c in chunks], chunksize=1)
        return time.perf_counter() - t


FACTORIES = {"junkfilter": lambda d: junkfilter_peer(), "flagged words (data-juicer style)": flagged_words_peer,
             "jusText + jieba": justext_peer, "C4 line rules (datatrove)": lambda d: c4_peer()}


def _run_alone(name: str, data_dir: Path, n_docs: int) -> int:
    """Build one filter and run it over the documents (a subprocess, so its memory is its own)."""
    from junkfilter.corpus import build_corpus

    keep = FACTORIES[name](data_dir)
    for d in build_corpus(data_dir, sizes={"train": 0, "calib": 0, "test": n_docs})["test"]:
        keep(d.paragraphs)
    return 0


def peak_memory_mb(name: str, data_dir: Path, n_docs: int) -> int:
    """Peak resident memory of a process that loads one filter and runs it over the documents
    (the document composition itself is included, the same for every filter)."""
    _, status, peak = run_measured([sys.executable, __file__, "--only", name, "--docs", str(n_docs),
                                    "--data-dir", str(data_dir)])
    return peak if status == 0 else -1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--json")
    ap.add_argument("--only", help=argparse.SUPPRESS)  # internal: run one filter alone (memory measurement)
    args = ap.parse_args(argv)
    data_dir = Path(args.data_dir)
    if args.only:
        return _run_alone(args.only, data_dir, args.docs)
    import jieba
    import trafilatura

    from junkfilter.corpus import build_corpus

    jieba.setLogLevel(60)
    peers = {name: make(data_dir) for name, make in FACTORIES.items()}
    docs = build_corpus(data_dir, sizes={"train": 0, "calib": 0, "test": args.docs})["test"]
    mb = sum(len("\n".join(d.paragraphs).encode()) for d in docs) / 1e6
    results = {}
    print(f"held-out composed documents: {len(docs)} documents, {sum(len(d.paragraphs) for d in docs)} paragraphs, "
          f"{mb:.1f} MB\n")
    _PEERS.update(peers)
    print(f"{'filter':36s} {'junk P':>7s} {'junk R':>7s} {'junk F1':>7s} {'content removed':>16s} "
          f"{'seo':>6s} {'ad':>6s} {'recr.':>6s} {'boiler':>6s} {'MB/s':>6s} {'2 proc':>7s}")
    for name, keep in peers.items():
        keep(["预热：第一次调用加载词典和模型。", "warm up"])  # first-call loading out of the timing
        gc.collect()
        gc.freeze()  # long-lived objects (dictionaries, models) out of the collector's way, for every filter alike
        t = time.perf_counter()
        decisions = [keep(d.paragraphs) for d in docs]
        secs = time.perf_counter() - t
        tp = fp = fn = content = 0
        per = Counter()
        tot = Counter()
        for d, ks in zip(docs, decisions):
            for lab, k in zip(d.labels, ks):
                junk = lab != "content"
                tp += junk and not k
                fp += (not junk) and not k
                fn += junk and k
                content += not junk
                tot[lab] += 1
                per[lab] += not k
        p = tp / max(tp + fp, 1)
        r = tp / max(tp + fn, 1)
        f1 = 2 * p * r / max(p + r, 1e-9)
        row = {"junk_precision": p, "junk_recall": r, "junk_f1": f1, "content_removed": fp / max(content, 1),
               **{f"recall_{lab}": per[lab] / max(tot[lab], 1) for lab in ("seo_spam", "ad", "recruitment", "boilerplate")},
               "mb_per_s": mb / secs, "mb_per_s_2_processes": mb / two_process_seconds(name, [d.paragraphs for d in docs])}
        results[name] = {"composed": row}
        print(f"{name:36s} {p:7.4f} {r:7.4f} {f1:7.4f} {row['content_removed'] * 100:15.2f}% "
              f"{row['recall_seo_spam']:6.3f} {row['recall_ad']:6.3f} {row['recall_recruitment']:6.3f} "
              f"{row['recall_boilerplate']:6.3f} {row['mb_per_s']:6.2f} {row['mb_per_s_2_processes']:7.2f}")
    pages_dir = data_dir / "pages"
    rows = [json.loads(x) for x in (pages_dir / "index.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r["gold"] and r["dir"] in EVAL_DIRS]
    extracted = []
    for r in rows:
        html = (pages_dir / r["dir"] / r["page"]).read_bytes().decode(r["encoding"] or "utf-8", "replace")
        gold = (pages_dir / r["dir"] / r["gold"]).read_text(encoding="utf-8")
        extracted.append(((trafilatura.extract(html, include_comments=False) or ""), gold))
    print(f"\n{len(rows)} real pages with gold text, after trafilatura (characters against the gold):")
    print(f"{'filter':36s} {'char P':>7s} {'char R':>7s} {'char F1':>7s} {'page F1':>7s}")
    base = Score()
    for text, gold in extracted:
        base.add(text, gold)
    f = base.figures()
    print(f"{'trafilatura alone':36s} {f['char_precision']:7.4f} {f['char_recall']:7.4f} {f['char_f1']:7.4f} "
          f"{f['char_f1_per_page_mean']:7.4f}")
    for name, keep in peers.items():
        sc = Score()
        for text, gold in extracted:
            paras = [x for x in text.splitlines() if x.strip()]
            ks = keep(paras)
            sc.add("\n".join(p for p, k in zip(paras, ks) if k), gold)
        f = sc.figures()
        results[name]["pages"] = f
        print(f"{'+ ' + name:36s} {f['char_precision']:7.4f} {f['char_recall']:7.4f} {f['char_f1']:7.4f} "
              f"{f['char_f1_per_page_mean']:7.4f}")
    print("\npeak resident memory of one process that loads the filter and runs it on the composed documents:")
    for name in peers:
        results[name]["peak_mb"] = peak = peak_memory_mb(name, data_dir, args.docs)
        print(f"  {name:36s} {peak} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
