"""``junkfilter clean`` over files and folder trees: parallel, resumable, safe.

The work is split into units — a batch of small text files, a batch of lines of a JSONL
file, or a block of lines of a big text file — that worker processes clean with one model
each.  Units are read lazily with bounded
read-ahead, so memory stays flat however large the tree or a single file is.  JSONL
batches and big-file blocks come back in order and are appended to that file's temporary
output, which is renamed into place when its last unit is done; small text files are
written by the worker.
Every write is atomic.  Inputs are never modified unless ``--in-place``.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError
from .files import (
    DEFAULT_EXCLUDE, DEFAULT_INCLUDE, JSONL_SUFFIXES, Found, SkipFile, atomic_writer, decode_bytes,
    detect_encoding, find_files, output_encoding, write_atomic,
)
from .labels import LABELS

BIG_TEXT_FILE = 64 << 20  # text files above this are cleaned in blocks of lines
TEXT_BLOCK = 1 << 20
TEXT_BATCH_FILES = 64  # small text files travel to a worker together
TEXT_BATCH_BYTES = 1 << 20
JSONL_BATCH_LINES = 250
JSONL_BATCH_BYTES = 1 << 20
RUN_FILE = ".junkfilter-run.json"


@dataclass
class Settings:
    """What workers need to know; picklable."""

    model: str | None
    threshold: float | None
    categories: str | None
    text_field: str = "text"
    add_fields: bool = False
    keep_encoding: bool = False
    dry_run: bool = False
    backup: bool = False


@dataclass
class Result:
    """What a unit of work reports back."""

    kind: str  # "text", "jsonl" or "end"
    file: str
    encoding: str = ""
    paragraphs: int = 0
    removed: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)  # cleaned JSONL lines
    nbytes: int = 0


# -- workers ------------------------------------------------------------------------------
_JF = None


def _single_threaded() -> None:
    """One worker, one core: stop BLAS from spreading small matrix products over threads
    (they only spin and compete with the other workers)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - it is a declared dependency
        return
    threadpool_limits(1)


def _init_worker(settings: Settings) -> None:
    global _JF
    from .filter import JunkFilter

    _single_threaded()
    _JF = JunkFilter(settings.model, threshold=settings.threshold, categories=settings.categories)


def _line_breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """Line breaks (\n, \r\n or \r) in ``text[start:end]``."""
    end = len(text) if end is None else end
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


def _removed(text: str, spans, keep, label, probs, base: dict[str, Any]) -> tuple[list[dict], int]:
    out = []
    line = 1
    pos = 0
    for i, (s, k) in enumerate(zip(spans, keep)):
        if k:
            continue
        line += _line_breaks(text, pos, s.start)
        pos = s.start
        out.append({**base, "line": line, "category": LABELS[label[i]],
                    "probability": round(float(1 - probs[i, 0]), 4), "text": text[s.start:s.end]})
    return out, len(spans)


def _clean_text_files(items: list[tuple[Path, Path | None]], settings: Settings) -> list[Result]:
    """Clean several small text files with one batched call (faster per document)."""
    results, texts, ok = [], [], []
    for path, target in items:
        res = Result("text", str(path))
        try:
            res.nbytes = path.stat().st_size
            text, res.encoding = decode_bytes(path.read_bytes())
        except SkipFile as exc:
            res.error = str(exc)
        except OSError as exc:
            res.error = f"unreadable: {exc.strerror or exc}"
        results.append(res)
        if res.error is None:
            texts.append(text)
            ok.append((res, path, target))
    for (res, path, target), text, (cleaned, spans, keep, label, probs) in zip(ok, texts, _JF.decide_batch(texts)):
        res.removed, res.paragraphs = _removed(text, spans, keep, label, probs, {"file": str(path)})
        if target is not None and not settings.dry_run:
            try:
                _write_text(path, target, cleaned, res.encoding, settings)
            except OSError as exc:
                res.error = f"cannot write {target}: {exc.strerror or exc}"
    return results


def _write_text(src: Path, target: Path, cleaned: str, enc: str, settings: Settings) -> None:
    data = cleaned.encode(output_encoding(enc) if settings.keep_encoding else "utf-8")
    if settings.backup:
        _backup(src)
    mode = src.stat().st_mode & 0o777 if target == src else None
    write_atomic(target, data, mode=mode)


def _clean_text_block(file: str, first_line: int, block: str, enc: str, settings: Settings) -> Result:
    """Clean one block of whole lines of a big text file (the block is a document of its own)."""
    res = Result("block", file, encoding=enc, nbytes=len(block.encode("utf-8", "surrogatepass")))
    cleaned, spans, keep, label, probs = _JF.decide_batch([block])[0]
    res.removed, res.paragraphs = _removed(block, spans, keep, label, probs, {"file": file})
    for r in res.removed:
        r["line"] += first_line - 1
    out_enc = output_encoding(enc) if settings.keep_encoding else "utf-8"
    if first_line > 1:  # only the first block carries the byte-order mark
        order = "le" if sys.byteorder == "little" else "be"
        out_enc = {"utf-8-sig": "utf-8", "utf-16": f"utf-16-{order}", "utf-32": f"utf-32-{order}"}.get(out_enc, out_enc)
    res.lines = [cleaned.encode(out_enc)]
    return res


def _clean_jsonl_lines(file: str, first_line: int, lines: list[bytes], enc: str, settings: Settings) -> Result:
    """Clean the text field of each JSON line; malformed lines are copied through unchanged."""
    res = Result("jsonl", file, encoding=enc, nbytes=sum(len(x) for x in lines))
    records: list[tuple[int, dict | None, str | None]] = []
    texts = []
    for i, raw in enumerate(lines):
        n = first_line + i
        body = raw.rstrip(b"\r\n")
        if not body.strip():
            records.append((n, None, None))
            continue
        try:
            obj = json.loads(body.decode(enc))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            res.warnings.append(f"{file}:{n}: malformed JSON line copied unchanged ({exc})")
            records.append((n, None, None))
            continue
        text = obj.get(settings.text_field) if isinstance(obj, dict) else None
        if not isinstance(text, str):
            res.warnings.append(f"{file}:{n}: no string field {settings.text_field!r}; line copied unchanged")
            records.append((n, None, None))
            continue
        records.append((n, obj, text))
        texts.append(text)
    decided = iter(_JF.decide_batch(texts)) if texts else iter(())
    for (n, obj, text), raw in zip(records, lines):
        if obj is None:
            res.lines.append(raw if raw.endswith(b"\n") else raw + b"\n")
            continue
        cleaned, spans, keep, label, probs = next(decided)
        removed, count = _removed(text, spans, keep, label, probs, {"file": file, "record": n})
        res.removed.extend(removed)
        res.paragraphs += count
        if not removed and not settings.add_fields:
            res.lines.append(raw if raw.endswith(b"\n") else raw + b"\n")  # untouched: byte-for-byte
            continue
        obj[settings.text_field] = cleaned
        if settings.add_fields:
            obj["junkfilter_removed"] = len(removed)
            obj["junkfilter_scores"] = [{"label": LABELS[label[j]], "junk": round(float(1 - probs[j, 0]), 4),
                                         "keep": bool(keep[j])} for j in range(len(spans))]
        res.lines.append(json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n")
    return res


def _work(unit: tuple) -> list[Result]:
    kind = unit[0]
    if kind == "texts":
        _, items, settings = unit
        return _clean_text_files(items, settings)
    if kind == "jsonl":
        _, file, first_line, lines, enc, settings = unit
        return [_clean_jsonl_lines(file, first_line, lines, enc, settings)]
    if kind == "block":
        _, file, first_line, block, enc, settings = unit
        return [_clean_text_block(file, first_line, block, enc, settings)]
    return [Result(kind, unit[1], error=unit[2] if len(unit) > 2 else None)]


# -- the run --------------------------------------------------------------------------------
@dataclass
class Job:
    found: Found
    target: Path | None
    jsonl: bool


def _signature(args, settings: Settings) -> dict[str, Any]:
    from .filter import bundled_model_path

    model = Path(settings.model) if settings.model else bundled_model_path()
    h = hashlib.sha256(model.read_bytes()).hexdigest()[:16] if model.is_file() else str(model)
    return {"model": h, "threshold": settings.threshold, "categories": settings.categories,
            "text_field": settings.text_field, "add_fields": settings.add_fields,
            "keep_encoding": settings.keep_encoding, "format": args.format}


def _sources(args, out: Path | None) -> list[Path]:
    """The SRC arguments, checked: they exist, and OUT is neither one of them nor inside one."""
    srcs = [Path(s) for s in args.src]
    for s in srcs:
        if not s.exists() and not s.is_symlink():
            raise UsageError(f"no such file or folder: {s}")
        if out is not None and s.is_dir() and out.resolve().is_relative_to(s.resolve()):
            raise UsageError(f"output folder {out} is inside input folder {s}; choose an OUT outside it")
        if out is not None and s.resolve() == out.resolve():
            raise UsageError(f"output {out} is the input itself; choose another OUT or use --in-place")
    return srcs


def _found(args, srcs: list[Path], skipped: list | None = None) -> Iterator[tuple[Path, Found]]:
    include = tuple(args.include or DEFAULT_INCLUDE)
    exclude = tuple(DEFAULT_EXCLUDE) + tuple(args.exclude or ())
    for s in srcs:
        for f in find_files(s, include, exclude, args.follow_symlinks, skipped):
            yield s, f


def _jobs(args, srcs: list[Path], out: Path | None, failed: list, counts: Counter) -> Iterator[Job]:
    """Stream the files to clean (nothing is held for the whole tree: memory stays flat)."""
    skipped: list = []
    for s, f in _found(args, srcs, skipped):
        failed.extend((str(p), why) for p, why in skipped)
        skipped.clear()
        if args.in_place:
            target = f.path
        elif out is None:
            target = None
        else:
            target = out / (s.name if s.is_dir() and len(srcs) > 1 else "") / f.rel
            if not args.dry_run and target.exists():
                if args.resume:
                    counts["resumed"] += 1
                    continue
                if not args.overwrite:
                    failed.append((str(f.path), f"output {target} exists (use --overwrite, or --resume)"))
                    continue
        jsonl = args.format == "jsonl" or (args.format == "auto" and f.path.suffix.lower() in JSONL_SUFFIXES)
        yield Job(f, target, jsonl)
    failed.extend((str(p), why) for p, why in skipped)


def _open_detected(path: Path, sample: int):
    """Open a file to stream it and detect its encoding from its first ``sample`` bytes;
    raise ``SkipFile`` when it cannot be read or decoded."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise SkipFile(f"unreadable: {exc.strerror or exc}") from exc
    try:
        enc = detect_encoding(fh.read(sample), complete=False)
    except SkipFile:
        fh.close()
        raise
    fh.seek(0)
    return fh, enc


def _line_batches(lines) -> Iterator[tuple[int, list[bytes]]]:
    """``(first line number, lines)`` batches of at most JSONL_BATCH_LINES lines / JSONL_BATCH_BYTES."""
    batch: list[bytes] = []
    size = 0
    first = 1
    for n, line in enumerate(lines, 1):
        batch.append(line)
        size += len(line)
        if len(batch) >= JSONL_BATCH_LINES or size >= JSONL_BATCH_BYTES:
            yield first, batch
            batch, size, first = [], 0, n + 1
    if batch:
        yield first, batch


def _jsonl_units(job: Job, settings: Settings) -> Iterator[tuple]:
    path = job.found.path
    try:
        fh, enc = _open_detected(path, 1 << 16)
    except SkipFile as exc:
        yield ("end", str(path), str(exc))
        return
    with fh:
        if enc.startswith(("utf-16", "utf-32")):
            yield ("end", str(path), f"JSONL in {enc} is not supported; convert it to UTF-8")
            return
        if enc == "utf-8-sig":
            fh.read(3)
            enc = "utf-8"
        for first, batch in _line_batches(fh):
            yield ("jsonl", str(path), first, batch, enc, settings)
    yield ("end", str(path))


def _text_block_units(job: Job, settings: Settings) -> Iterator[tuple]:
    """A big text file as blocks of whole lines (about ``TEXT_BLOCK`` bytes each), decoded
    incrementally; each block is cleaned as a document of its own, in any worker."""
    path = job.found.path
    try:
        fh, enc = _open_detected(path, 1 << 20)
    except SkipFile as exc:
        yield ("end", str(path), str(exc))
        return
    with fh:
        decoder = codecs.getincrementaldecoder(enc)(errors="strict")
        pending = ""
        first_line = 1
        while True:
            raw = fh.read(TEXT_BLOCK)
            final = not raw
            try:
                pending += decoder.decode(raw, final=final)
            except UnicodeDecodeError as exc:
                yield ("end", str(path), f"undecodable as {enc} past the first megabyte ({exc.reason})")
                return
            cut = len(pending) if final else max(pending.rfind("\n"), pending.rfind("\r")) + 1
            if cut > 0 and not final and pending[cut - 1] == "\r" and len(pending) == cut:
                cut -= 1  # a \r at the very end may be the first half of \r\n
            if cut > 0:
                block, pending = pending[:cut], pending[cut:]
                yield ("block", str(path), first_line, block, enc, settings)
                first_line += _line_breaks(block)
            if final:
                break
    yield ("end", str(path))


def clean_paths(args, jf, threshold: float | None = None) -> int:
    """The body of ``junkfilter clean``; returns the exit status."""
    if args.src == ["-"]:
        return _clean_stdin(args, jf)
    if "-" in args.src:
        raise UsageError("'-' (stdin) cannot be mixed with paths")
    if args.in_place and args.output:
        raise UsageError("--in-place writes over the inputs; do not also give -o")
    if not args.output and not args.in_place and not args.dry_run:
        raise UsageError("give an output folder with -o OUT (inputs are never modified), or --in-place")
    if args.resume and args.overwrite:
        raise UsageError("--resume keeps earlier outputs and --overwrite replaces them: choose one")
    out = Path(args.output) if args.output else None
    settings = Settings(args.model, threshold, args.categories,
                        args.text_field, args.add_fields, args.keep_encoding, args.dry_run,
                        backup=args.in_place and not args.no_backup)
    srcs = _sources(args, out)
    failed: list[tuple[str, str]] = []
    counts: Counter = Counter()
    if out is not None and not args.dry_run:
        sig = _signature(args, settings)
        run_file = out / RUN_FILE
        if args.resume and run_file.exists():
            try:
                earlier = json.loads(run_file.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                earlier = None
            if earlier != sig:
                raise UsageError(f"--resume: {out} was written with other options or another model; "
                                 "rerun with the same options, or use a new OUT")
        out.mkdir(parents=True, exist_ok=True)
        write_atomic(run_file, json.dumps(sig, indent=1).encode())
    jobs = _jobs(args, srcs, out, failed, counts)
    stats = _Stats(quiet=args.quiet, listing=not args.quiet and not args.no_list)
    report = None
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        report = open(args.report, "w", encoding="utf-8")
    try:
        _run(jobs, srcs, settings, args, jf, stats, report, failed)
    finally:
        if report:
            report.close()
        stats.close()
    for name, why in failed:
        print(f"junkfilter: skipped {name}: {why}", file=sys.stderr)
    for w in stats.warnings:
        print(f"junkfilter: warning: {w}", file=sys.stderr)
    if stats.n_warnings > len(stats.warnings):
        print(f"junkfilter: ... and {stats.n_warnings - len(stats.warnings)} more warnings", file=sys.stderr)
    if not args.quiet:
        print(stats.summary(out, args.dry_run, counts["resumed"], len(failed)))
    return 1 if failed else 0


class _Stats:
    """Counts, the per-file listing of removals, and the progress bar."""

    def __init__(self, quiet: bool, listing: bool):
        self.quiet = quiet
        self.files = 0
        self.paragraphs = 0
        self.removed: Counter = Counter()
        self.chars: Counter = Counter()
        self.encodings: Counter = Counter()
        self.warnings: list[str] = []
        self.n_warnings = 0
        self.bar = None
        self.listing = listing

    def wants_total(self) -> bool:
        return not self.quiet and sys.stderr.isatty()

    def start(self, total_bytes: int, n_files: int) -> None:
        from tqdm import tqdm

        try:
            width = os.get_terminal_size(sys.stderr.fileno()).columns
        except OSError:
            width = 0
        sizing = {"dynamic_ncols": True} if width > 0 else {"ncols": 100}  # a terminal that reports no size
        self.bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1024, desc="cleaning",
                        postfix={"files": f"0/{n_files}"}, **sizing)
        self.n_files = n_files

    def add(self, res: Result, report) -> None:
        self.paragraphs += res.paragraphs
        self.n_warnings += len(res.warnings)
        self.warnings.extend(res.warnings[: max(0, 50 - len(self.warnings))])  # keep the first 50
        for r in res.removed:
            if res.encoding:
                r["encoding"] = res.encoding
            self.removed[r["category"]] += 1
            self.chars[r["category"]] += len(r["text"])
            if report:
                report.write(json.dumps(r, ensure_ascii=False) + "\n")
        if self.listing and res.removed:
            say = self.bar.write if self.bar is not None else print
            if res.kind == "text":
                say(f"{res.file}  [{res.encoding}]  removed {len(res.removed)} of {res.paragraphs} paragraphs")
            for r in res.removed:
                t = r["text"] if len(r["text"]) <= 70 else r["text"][:69] + "…"
                where = f"record {r['record']} line {r['line']}" if "record" in r else f"line {r['line']:4d}"
                say(f"  - {where} {r['category']:12s} {r['probability']:.2f}  {t}"
                    if res.kind == "text" else f"{res.file}: {where} {r['category']} {r['probability']:.2f}  {t}")
        if self.bar is not None:
            self.bar.update(res.nbytes)

    def file_done(self, encoding: str) -> None:
        self.files += 1
        if encoding:
            self.encodings[encoding] += 1
        if self.bar is not None:
            self.bar.set_postfix(files=f"{self.files}/{self.n_files}", refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def summary(self, out, dry_run: bool, resumed: int, n_failed: int) -> str:
        where = " (dry run: nothing written)" if dry_run else (f" into {out}" if out else " in place")
        cats = ", ".join(f"{k} {self.removed[k]} paragraphs ({self.chars[k]} chars)"
                         for k in LABELS[1:] if self.removed[k]) or "nothing"
        enc = ", ".join(f"{k} {v}" for k, v in self.encodings.most_common())
        lines = [f"\n{self.files} files cleaned{where}; {self.paragraphs} paragraphs read",
                 f"removed: {cats}"]
        if enc:
            lines.append(f"encodings: {enc}")
        if resumed:
            lines.append(f"{resumed} files already done by an earlier run (--resume)")
        if n_failed:
            lines.append(f"{n_failed} files skipped or failed (listed on stderr)")
        return "\n".join(lines)


def _units(jobs: Iterator[Job], settings: Settings, sem: threading.Semaphore | None,
           open_jsonl: dict[str, Job]) -> Iterator[tuple]:
    """Work units in order: batches of small text files, batches of JSONL lines, blocks of
    big text files.  A streamed file's job is registered in ``open_jsonl`` until its last
    unit is handled."""

    def units() -> Iterator[tuple]:
        texts: list[tuple[Path, Path | None]] = []
        size = 0
        for job in jobs:
            big = not job.jsonl and _size(job.found.path) > BIG_TEXT_FILE
            if not job.jsonl and not big:
                texts.append((job.found.path, job.target))
                size += _size(job.found.path)
                if len(texts) >= TEXT_BATCH_FILES or size >= TEXT_BATCH_BYTES:
                    yield ("texts", texts, settings)
                    texts, size = [], 0
                continue
            if texts:
                yield ("texts", texts, settings)
                texts, size = [], 0
            open_jsonl[str(job.found.path)] = job
            yield from (_text_block_units(job, settings) if big else _jsonl_units(job, settings))
        if texts:
            yield ("texts", texts, settings)

    for unit in units():
        if sem is not None:
            sem.acquire()
        yield unit


def _run(jobs: Iterator[Job], srcs: list[Path], settings: Settings, args, jf, stats: _Stats, report,
         failed: list) -> None:
    if stats.wants_total():  # a progress bar needs the total: one walk that keeps nothing
        n, total = 0, 0
        for _, f in _found(args, srcs):
            n += 1
            total += _size(f.path)
        stats.start(total, n)
    open_jsonl: dict[str, Job] = {}
    writers: dict[str, Any] = {}
    jobs_n = args.jobs if args.jobs and args.jobs > 0 else (os.cpu_count() or 1)
    sem = threading.Semaphore(4 * jobs_n) if jobs_n > 1 else None
    units = _units(jobs, settings, sem, open_jsonl)
    pool = None
    if jobs_n > 1:
        import multiprocessing as mp

        pool = mp.get_context("spawn" if sys.platform == "darwin" else "fork").Pool(
            jobs_n, initializer=_init_worker, initargs=(settings,))
        results = pool.imap(_work, units, chunksize=1)
    else:
        global _JF
        _JF = jf
        _single_threaded()
        results = map(_work, units)
    try:
        for batch in results:
            if sem is not None:
                sem.release()
            for res in batch:
                _handle(res, open_jsonl, settings, stats, report, failed, writers)
    except BaseException:
        for w, _ in writers.values():
            if w is not None:
                w.abort()
        if pool is not None:
            pool.terminate()
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()


def _handle(res: Result, open_jsonl: dict[str, Job], settings: Settings, stats: _Stats, report, failed: list,
            writers: dict) -> None:
    """Account for one result in the main process; JSONL output is appended here."""
    job = open_jsonl.get(res.file)
    if res.kind == "text":
        if res.error:
            failed.append((res.file, res.error))
        else:
            stats.add(res, report)
            stats.file_done(res.encoding)
    elif res.kind in ("jsonl", "block"):  # appended, in order, to the file's temporary output
        stats.add(res, report)
        if job.target is not None and not settings.dry_run:
            w = writers.get(res.file)
            if w is None:
                w = writers[res.file] = (atomic_writer(job.target), res.encoding)
            w[0].write(b"".join(res.lines))
        else:
            writers.setdefault(res.file, (None, res.encoding))
    elif res.kind == "end":
        open_jsonl.pop(res.file, None)
        w = writers.pop(res.file, None)
        if res.error:
            if w and w[0]:
                w[0].abort()
            failed.append((res.file, res.error))
            return
        if job.target is not None and not settings.dry_run:
            if w is None or w[0] is None:  # an empty file
                write_atomic(job.target, b"")
            else:
                if settings.backup:
                    _backup(job.found.path)
                w[0].commit(job.found.path.stat().st_mode & 0o777 if job.target == job.found.path else None)
        stats.file_done(w[1] if w else "")


def _backup(src: Path) -> None:
    """Keep ``FILE.bak``; never replace an earlier backup: it holds the original."""
    backup = src.with_name(src.name + ".bak")
    if not backup.exists():
        write_atomic(backup, src.read_bytes(), mode=src.stat().st_mode & 0o777)


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def _clean_stdin(args, jf) -> int:
    if args.format == "jsonl":
        global _JF
        _JF = jf
        settings = Settings(None, None, None, args.text_field, args.add_fields)
        out = sys.stdout.buffer
        for first, batch in _line_batches(sys.stdin.buffer):
            res = _clean_jsonl_lines("-", first, batch, "utf-8", settings)
            out.write(b"".join(res.lines))
            for w in res.warnings:
                print(f"junkfilter: warning: {w}", file=sys.stderr)
        out.flush()
        return 0
    data = sys.stdin.buffer.read()
    try:
        text, _ = decode_bytes(data)
    except SkipFile as exc:
        raise UsageError(f"stdin: {exc}") from exc
    sys.stdout.write(jf.clean(text))
    sys.stdout.flush()
    return 0


__all__ = ["clean_paths", "Settings"]
