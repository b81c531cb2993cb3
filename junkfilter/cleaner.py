"""Clean files and folder trees: read safely, write atomically, report what was removed.

Inputs are never modified.  Each file is decoded with its own encoding (BOM,
UTF-8, or the charset-normalizer guess, the GB family read as GB18030), cleaned, and
written as UTF-8 under the output folder at the same relative path, through a
temporary file and a rename.  A binary, undecodable or unreadable file is reported and
skipped; the run goes on.
"""
from __future__ import annotations

import codecs
import fnmatch
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import UsageError
from .labels import LABELS

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.text")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz"}


class SkipFile(Exception):
    """A file that cannot be cleaned; the message says why."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file contents; return ``(text, encoding name)`` or raise ``SkipFile``."""
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                                codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise SkipFile("binary file (contains NUL bytes)")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise SkipFile(f"undecodable as {enc} despite its byte-order mark ({exc.reason})") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipFile("undecodable: no text encoding fits")
    enc = best.encoding.lower().replace("_", "")
    if enc in _GB_FAMILY or enc.startswith("gb"):
        enc = "gb18030"  # the superset of the GB family
    elif enc in ("big5", "big5hkscs", "cp950"):
        enc = "big5hkscs"
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError) as exc:
        raise SkipFile(f"undecodable as detected {enc}") from exc


def read_text_file(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SkipFile(f"unreadable: {exc.strerror or exc}") from exc
    return decode_bytes(data)


def iter_input_files(srcs: Iterable[Path], include: Iterable[str] = DEFAULT_INCLUDE) -> Iterator[Path]:
    """Files named on the command line, and matching files under named folders (sorted)."""
    pats = tuple(include)
    for src in srcs:
        if src.is_file():
            yield src
        elif src.is_dir():
            for root, dirs, files in os.walk(src, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    if any(fnmatch.fnmatch(name, p) for p in pats):
                        yield Path(root) / name


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write via a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


def clean_paths(args, jf) -> int:
    """The body of ``junkfilter clean``; returns the exit status."""
    if args.src == ["-"]:
        text = sys.stdin.read()
        sys.stdout.write(jf.clean(text))
        return 0
    if "-" in args.src:
        raise UsageError("'-' (stdin) cannot be mixed with paths")
    if not args.output:
        raise UsageError("give an output folder with -o OUT (inputs are never modified)")
    out = Path(args.output)
    srcs = [Path(s) for s in args.src]
    for s in srcs:
        if not s.exists():
            raise UsageError(f"no such file or folder: {s}")
        if s.is_dir() and (_inside(out, s)):
            raise UsageError(f"output folder {out} is inside input folder {s}; choose an OUT outside it")
        if s.is_file() and out.exists() and out.resolve() == s.resolve():
            raise UsageError(f"output {out} is the input file itself")
    quiet = args.quiet
    report = None
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        report = open(args.report, "w", encoding="utf-8")
    totals: Counter = Counter()
    chars: Counter = Counter()
    failed: list[tuple[str, str]] = []
    n_files = 0
    try:
        for src in srcs:
            root = src if src.is_dir() else src.parent
            for path in iter_input_files([src]):
                rel = path.relative_to(root)
                target = out / (src.name if src.is_dir() and len(srcs) > 1 else "") / rel
                if target.exists() and not args.overwrite and not args.dry_run:
                    failed.append((str(path), f"output {target} exists (use --overwrite)"))
                    continue
                try:
                    text, enc = read_text_file(path)
                except SkipFile as exc:
                    failed.append((str(path), str(exc)))
                    continue
                cleaned, spans, keep, label, probs = jf.decide_batch([text])[0]
                n_files += 1
                removed = [(i, s) for i, (s, k) in enumerate(zip(spans, keep)) if not k]
                if removed and not quiet:
                    print(f"{path}  [{enc}]  removed {len(removed)} of {len(spans)} paragraphs")
                for i, s in removed:
                    lab = LABELS[label[i]]
                    totals[lab] += 1
                    chars[lab] += s.end - s.start
                    line_no = text.count("\n", 0, s.start) + 1
                    para = text[s.start:s.end]
                    if not quiet:
                        short = para if len(para) <= 70 else para[:69] + "…"
                        print(f"  - line {line_no:4d} {lab:12s} {1 - probs[i, 0]:.2f}  {short}")
                    if report:
                        report.write(json.dumps({"file": str(path), "line": line_no, "category": lab,
                                                 "probability": round(float(1 - probs[i, 0]), 4), "text": para},
                                                ensure_ascii=False) + "\n")
                if not args.dry_run:
                    write_atomic(target, cleaned)
    finally:
        if report:
            report.close()
    if not quiet:
        cats = ", ".join(f"{k} {totals[k]} ({chars[k]} chars)" for k in LABELS[1:] if totals[k]) or "nothing"
        print(f"\n{n_files} files cleaned{' (dry run)' if args.dry_run else f' into {out}'}; removed: {cats}")
    for name, why in failed:
        print(f"junkfilter: skipped {name}: {why}", file=sys.stderr)
    if failed and not quiet:
        print(f"{len(failed)} files skipped or failed", file=sys.stderr)
    return 1 if failed else 0
