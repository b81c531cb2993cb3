"""Files on disk: find them, decode them, write them back atomically.

Inputs are only ever read here.  Decoding tries, in order: a byte-order mark, strict
UTF-8, then charset-normalizer's guess (the GB family is read as GB18030, its superset;
Big5 as Big5-HKSCS).  A file with NUL bytes is binary and skipped.
"""
from __future__ import annotations

import codecs
import fnmatch
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.text", "*.jsonl", "*.ndjson")
DEFAULT_EXCLUDE = (".*", "*.bak", "*.tmp")  # hidden files and folders, our backups and temporaries
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "euc_cn", "euccn"}
_BIG5_FAMILY = {"big5", "big5hkscs", "cp950"}


class SkipFile(Exception):
    """A file that cannot be cleaned; the message says why."""


def detect_encoding(sample: bytes, complete: bool = True) -> str:
    """The encoding of a file from its first bytes (``complete``: the sample is the whole file)."""
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SkipFile("binary file (contains NUL bytes)")
    for bom, enc in _BOMS:
        if sample.startswith(bom):
            return enc
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if not complete and exc.start >= len(sample) - 4:  # a character cut at the sample's end
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise SkipFile("undecodable: no text encoding fits")
    enc = best.encoding.lower().replace("-", "_")
    if enc in _GB_FAMILY or enc.startswith("gb"):
        return "gb18030"
    if enc in _BIG5_FAMILY:
        return "big5hkscs"
    return enc


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a whole file; return ``(text, encoding)`` or raise ``SkipFile``."""
    enc = detect_encoding(data)
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError) as exc:
        raise SkipFile(f"undecodable as {enc}") from exc


def read_text_file(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SkipFile(f"unreadable: {exc.strerror or exc}") from exc
    return decode_bytes(data)


def output_encoding(encoding: str) -> str:
    """How to write text in a detected encoding (no second byte-order mark for UTF-16/32)."""
    return {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "utf-32": "utf-32"}.get(encoding, encoding)


@dataclass(frozen=True)
class Found:
    """A file to clean: where it is, and its path relative to the folder it was found in."""

    path: Path
    rel: Path


def _matches(rel: str, name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def find_files(src: Path, include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = DEFAULT_EXCLUDE,
               follow_symlinks: bool = False, skipped: list | None = None) -> Iterator[Found]:
    """Files under ``src`` (or ``src`` itself) that match ``include`` and not ``exclude``.

    Symbolic links that lead out of ``src`` are skipped (and listed in ``skipped``) unless
    ``follow_symlinks``; folders are walked in sorted order, each real folder once.
    """
    include, exclude = tuple(include), tuple(exclude)
    if src.is_file():
        yield Found(src, Path(src.name))
        return
    root = src.resolve()
    seen: set[Path] = set()
    for dirpath, dirs, files in os.walk(src, followlinks=follow_symlinks):
        here = Path(dirpath)
        real = here.resolve()
        if real in seen:  # a link loop
            dirs[:] = []
            continue
        seen.add(real)
        rel_dir = here.relative_to(src)
        keep_dirs = []
        for d in sorted(dirs):
            rel = (rel_dir / d).as_posix()
            if _matches(rel, d, exclude):
                continue
            full = here / d
            if full.is_symlink() and not follow_symlinks:
                if skipped is not None:
                    skipped.append((full, "symbolic link to a folder (use --follow-symlinks)"))
                continue
            keep_dirs.append(d)
        dirs[:] = keep_dirs
        for name in sorted(files):
            rel = rel_dir / name
            if _matches(rel.as_posix(), name, exclude) or not _matches(rel.as_posix(), name, include):
                continue
            full = here / name
            if full.is_symlink() and not follow_symlinks:
                target = full.resolve()
                if not target.is_relative_to(root):
                    if skipped is not None:
                        skipped.append((full, "symbolic link out of the tree (use --follow-symlinks)"))
                    continue
            yield Found(full, rel)


def atomic_writer(path: Path):
    """A temporary file beside ``path``; call ``commit()`` to rename it over ``path``."""
    return _AtomicFile(path)


class _AtomicFile:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self.fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self, mode: int | None = None) -> None:
        self.fh.close()
        if mode is not None:
            os.chmod(self.tmp, mode)
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.fh.close()
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None or not self.fh.closed:
            self.abort()
        return False


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with atomic_writer(path) as out:
        out.write(data)
        out.commit(mode)
