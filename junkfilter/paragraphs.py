"""Text → paragraphs: a paragraph is one non-blank line, located by offsets.

Splitting keeps exact offsets so that cleaning can return every kept paragraph
byte-for-byte, with the line breaks (``\\n``, ``\\r\\n``, ``\\r``) and blank lines
that followed it in the input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A line ends at \r\n, \n or \r (in that order of preference).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")


@dataclass(frozen=True, slots=True)
class Span:
    """One paragraph: ``text[start:end]`` is the line without its line break."""

    start: int
    end: int


def split_paragraphs(text: str) -> list[Span]:
    """Return the spans of the non-blank lines of ``text``, in order."""
    spans: list[Span] = []
    if "\n" not in text and "\r" not in text:
        # One line: the common case for a huge single paragraph; avoid the regex.
        if text.strip():
            spans.append(Span(0, len(text)))
        return spans
    for m in _LINE.finditer(text):
        start, stop = m.span()
        if start == stop:
            break
        line = m.group()
        end = stop - (len(line) - len(line.rstrip("\r\n")))
        if text[start:end].strip():
            spans.append(Span(start, end))
    return spans


def join_kept(text: str, spans: list[Span], keep: list[bool]) -> str:
    """Rebuild ``text`` from the kept spans.

    Each kept paragraph is copied verbatim together with the gap after it (its line
    break and the blank lines before the next paragraph), so kept text keeps its
    original layout.  When the last paragraph is dropped, the output ends the way
    the input ended after its last paragraph.
    """
    if not spans:
        return text
    if all(keep):
        return text
    pieces = [text[: spans[0].start]]  # leading blank lines
    kept_any = False
    last_kept = -1
    for i, (span, k) in enumerate(zip(spans, keep)):
        if not k:
            continue
        gap_end = spans[i + 1].start if i + 1 < len(spans) else len(text)
        pieces.append(text[span.start:gap_end])
        kept_any = True
        last_kept = i
    if not kept_any:
        return ""
    if last_kept != len(spans) - 1:
        # Replace the kept paragraph's gap by the document's own ending.
        span = spans[last_kept]
        pieces[-1] = text[span.start:span.end] + text[spans[-1].end:]
    return "".join(pieces)
