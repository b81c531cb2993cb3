"""Helpers shared by the benchmark scripts: test text, and running a command while
sampling the memory of its whole process tree."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def composed_texts(data_dir: Path, n_docs: int) -> list[str]:
    """Held-out test documents composed from the shared data (real text with junk)."""
    from junkfilter.corpus import build_corpus

    if not (data_dir / "clean").is_dir():
        sys.exit(f"shared data not found at {data_dir}")
    docs = build_corpus(data_dir, sizes={"train": 0, "calib": 0, "test": n_docs})["test"]
    return ["\n".join(d.paragraphs) + "\n" for d in docs]


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB (from /proc)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_measured(cmd: list[str], interval: float = 0.05) -> tuple[float, int, int]:
    """Run ``cmd``; return (seconds, exit status, peak resident memory of its tree in MB)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(interval)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode:
        print(err[-2000:], file=sys.stderr)
    return time.perf_counter() - t, proc.returncode, peak // 1024
