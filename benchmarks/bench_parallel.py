"""`junkfilter clean` on a folder tree with 1 and with 2 worker processes.

    python benchmarks/bench_parallel.py [--files 12000] [--repeat 2]

Writes a tree of text files (held-out documents composed from ../shared/data, real text
with junk) and a JSONL file to a temporary folder, runs the real command with ``--jobs 1``
and ``--jobs 2`` (turn about, best of ``--repeat``), and prints wall time, MB/s and the
speed-up.  Start-up and model loading are included, as a user would see them.
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
    ap.add_argument("--files", type=int, default=12000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    texts = composed_texts(Path(args.data_dir), args.files)
    tmp = Path(tempfile.mkdtemp(prefix="jf-bench-"))
    try:
        src = tmp / "src"
        for i, t in enumerate(texts):
            d = src / f"d{i % 40:02d}"
            d.mkdir(parents=True, exist_ok=True)
            (d / f"{i}.txt").write_text(t, encoding="utf-8")
        with open(src / "corpus.jsonl", "w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
        mb = sum(p.stat().st_size for p in src.rglob("*") if p.is_file()) / 1e6
        best = {1: float("inf"), 2: float("inf")}
        for _ in range(args.repeat):
            for jobs in (1, 2):
                out = tmp / f"out{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                cmd = [sys.executable, "-m", "junkfilter.cli", "clean", str(src), "-o", str(out),
                       "--jobs", str(jobs), "--quiet"]
                secs, status, peak = run_measured(cmd)
                if status:
                    sys.exit(f"junkfilter clean failed with status {status}")
                best[jobs] = min(best[jobs], secs)
        print(f"{len(texts)} text files + 1 JSONL file with the same {len(texts)} documents, {mb:.1f} MB")
        for jobs in (1, 2):
            print(f"--jobs {jobs}: {best[jobs]:7.2f} s  {mb / best[jobs]:6.2f} MB/s")
        print(f"speed-up with 2 workers: {best[1] / best[2]:.2f}x")
        if args.json:
            Path(args.json).write_text(json.dumps({"mb": mb, "seconds": best, "speedup": best[1] / best[2]}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
