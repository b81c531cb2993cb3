"""Paragraphs → normalised view: one integer code per character, script-folded.

The featurizer never sees raw text.  Every character is mapped through one lookup
table, so offsets stay aligned with the input and the whole step is a numpy gather:

* NFKC folding where it yields one character (full-width ``ＡＢ１`` → ``ab1``),
* lower case, every decimal digit → ``0`` (phone numbers and counters share n-grams),
* traditional → simplified, character by character, from OpenCC's ``t2s`` table, so
  traditional text lands on the same features as simplified text,
* white space and control characters → one space.

Code points above the table (rare CJK extensions, emoji planes) map to one bucket.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy as np

TABLE_SIZE = 0x30000  # BMP + SMP + SIP (CJK Extension B)
RARE = TABLE_SIZE - 1  # bucket for every code point past the table

# Character classes used by the dense features.
CJK, LATIN, DIGIT, SPACE, PUNCT, OTHER = range(6)
N_CLASSES = 6


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2FFFF
        or 0xF900 <= cp <= 0xFAFF
    )


@lru_cache(maxsize=1)
def _t2s_pairs() -> dict[int, int]:
    """Traditional → simplified, one character at a time, from OpenCC."""
    import opencc

    chars = [chr(cp) for cp in range(0x3400, 0xA000)] + [chr(cp) for cp in range(0xF900, 0xFB00)]
    conv = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    pairs: dict[int, int] = {}
    if len(conv) == len(chars):
        for src, dst in zip(chars, conv):
            if len(dst) == 1 and dst != src:
                pairs[ord(src)] = ord(dst)
    return pairs


@lru_cache(maxsize=1)
def tables() -> tuple[np.ndarray, np.ndarray]:
    """Return ``(code_table, class_table)``: normalised code and class per code point."""
    code = np.arange(TABLE_SIZE, dtype=np.int32)
    klass = np.full(TABLE_SIZE, OTHER, dtype=np.int8)
    t2s = _t2s_pairs()
    for cp in range(TABLE_SIZE):
        if 0xD800 <= cp <= 0xDFFF:  # lone surrogates
            code[cp] = RARE
            continue
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch) if cp >= 0x80 else ch
        if len(folded) != 1:
            folded = ch
        folded = folded.lower() if len(folded.lower()) == 1 else folded
        fcp = ord(folded)
        cat = unicodedata.category(folded)
        if cat == "Nd":
            fcp, k = ord("0"), DIGIT
        elif folded.isspace() or cat in ("Cc", "Cf", "Zs", "Zl", "Zp"):
            fcp, k = ord(" "), SPACE
        elif _is_cjk(fcp):
            fcp, k = t2s.get(fcp, fcp), CJK
        elif cat.startswith("L"):
            k = LATIN if fcp < 0x2000 else OTHER
        elif cat.startswith("P") or cat.startswith("S"):
            k = PUNCT
        else:
            k = OTHER
        code[cp] = fcp
        klass[cp] = k
    return code, klass


def codepoints(text: str) -> np.ndarray:
    """The raw code points of ``text`` as int32 (lone surrogates survive)."""
    raw = text.encode("utf-32-le", "surrogatepass")
    return np.frombuffer(raw, dtype=np.uint32).astype(np.int32)


def normalise(
    cps: np.ndarray, tabs: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Map raw code points to ``(normalised codes, character classes)``."""
    code, klass = tabs if tabs is not None else tables()
    idx = np.minimum(cps, RARE)
    return code[idx], klass[idx]


def normalise_text(text: str) -> str:
    """The normalised view as a string (for explanations and debugging)."""
    codes, _ = normalise(codepoints(text))
    return codes.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
