"""`junkfilter clean` on a folder tree with 1 and with 2 worker processes.

    python benchmarks/bench_parallel.py [--files 12000] [--repeat 2]

Writes a tree of text files (held-out documents composed from ../shared/data, real text
with junk) and a JSONL file to a temporary folder, runs the real command with ``--jobs 1``
and ``--jobs 2`` (turn about, best of ``--repeat``), and prints wall time, MB/s and the
speed-up.  Start-up and model loading are included, as a user would see them.  Between
the runs it also measures this machine's own 2-process speed-up for pure CPU work: on a
shared host that ceiling is often well under 2x and varies, and it bounds the figure.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from _util import REPO, composed_texts, run_measured


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def machine_ceiling(n: int = 10_000_000) -> float:
    """This machine's own speed-up for pure CPU work, 2 processes against 1 (a shared host
    may give much less than 2x, and it varies from minute to minute)."""
    import multiprocessing as mp
    import time

    t = time.perf_counter()
    _burn(n)
    _burn(n)
    one = time.perf_counter() - t
    with mp.get_context("fork").Pool(2) as pool:
        t = time.perf_counter()
        pool.map(_burn, [n, n])
        two = time.perf_counter() - t
    return one / two


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
        ceilings = []
        for _ in range(args.repeat):
            ceilings.append(machine_ceiling())
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
        ceilings.append(machine_ceiling())
        print(f"speed-up with 2 workers: {best[1] / best[2]:.2f}x")
        print(f"this machine's own 2-process speed-up for pure CPU work, measured between the runs: "
              + ", ".join(f"{c:.2f}x" for c in ceilings))
        if args.json:
            Path(args.json).write_text(json.dumps({"mb": mb, "seconds": best, "speedup": best[1] / best[2],
                                                   "machine_ceiling": ceilings}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
