"""Peak memory of `junkfilter clean` on one large JSONL file (and on a large text file).

    python benchmarks/bench_memory.py [--mb 500] [--jobs 2]

Writes a JSONL file of about ``--mb`` megabytes (held-out composed documents, repeated
with distinct ids) to a temporary folder, cleans it with the real command, and samples
the resident memory of the whole process tree (main process and workers) every 50 ms.
Also cleans one text file of ``--text-mb`` megabytes, which is streamed in blocks, and,
with ``--tree-mb``, a folder tree of that many megabytes of small text files.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from _util import REPO, composed_texts, run_measured


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--mb", type=int, default=500)
    ap.add_argument("--text-mb", type=int, default=200)
    ap.add_argument("--tree-mb", type=int, default=0, help="also clean a folder tree of this many MB")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    texts = composed_texts(Path(args.data_dir), 2000)
    tmp = Path(tempfile.mkdtemp(prefix="jf-mem-"))
    try:
        big = tmp / "big.jsonl"
        size, i = 0, 0
        with open(big, "w", encoding="utf-8") as fh:
            while size < args.mb * 1e6:
                line = json.dumps({"id": i, "url": f"https://example.com/{i}", "text": texts[i % len(texts)]},
                                  ensure_ascii=False) + "\n"
                fh.write(line)
                size += len(line.encode())
                i += 1
        txt = tmp / "big.txt"
        with open(txt, "w", encoding="utf-8") as fh:
            n = 0
            while n < args.text_mb * 1e6:
                t = texts[n % len(texts)]
                fh.write(t + "\n")
                n += len(t.encode()) + 1
        cases = [(big, f"JSONL, {i} records"), (txt, "text, one document")]
        if args.tree_mb:
            tree = tmp / "tree"
            n, k = 0, 0
            while n < args.tree_mb * 1e6:
                d = tree / f"{k // 500:04d}"
                d.mkdir(parents=True, exist_ok=True)
                t = texts[k % len(texts)]
                (d / f"{k}.txt").write_text(t, encoding="utf-8")
                n += len(t.encode())
                k += 1
            cases.append((tree, f"folder tree, {k} files"))
        for path, label in cases:
            mb = (sum(p.stat().st_size for p in path.rglob("*.txt")) if path.is_dir() else path.stat().st_size) / 1e6
            cmd = [sys.executable, "-m", "junkfilter.cli", "clean", str(path), "-o", str(tmp / f"out-{path.name}"),
                   "--jobs", str(args.jobs), "--quiet"]
            secs, status, peak = run_measured(cmd)
            print(f"{path.name} ({label}): {mb:.0f} MB in {secs:.0f} s ({mb / secs:.2f} MB/s) with --jobs {args.jobs}; "
                  f"peak resident memory of the process tree {peak} MB; exit status {status}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
