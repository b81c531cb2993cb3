import random

import pytest

from junkfilter.paragraphs import Span, join_kept, split_paragraphs


def texts(spans, text):
    return [text[s.start:s.end] for s in spans]


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_split_lines_with_every_line_break(nl):
    text = f"a{nl}{nl}b{nl}  {nl}c"
    spans = split_paragraphs(text)
    assert texts(spans, text) == ["a", "b", "c"]


def test_single_line_and_empty():
    assert split_paragraphs("") == []
    assert split_paragraphs("   \n\t\n") == []
    assert split_paragraphs("abc") == [Span(0, 3)]


def test_mixed_line_breaks_keep_offsets():
    text = "一\r\n二\n三\r四"
    assert texts(split_paragraphs(text), text) == ["一", "二", "三", "四"]


def test_join_keeps_gaps_and_document_ending():
    text = "junk\n\nA\r\n\r\nB\nJ\n\nC\n"
    spans = split_paragraphs(text)
    keep = [False, True, True, False, True]
    assert join_kept(text, spans, keep) == "A\r\n\r\nB\nC\n"
    # the last paragraph dropped: the output ends as the input ended
    assert join_kept("A\n\nB", split_paragraphs("A\n\nB"), [True, False]) == "A"
    assert join_kept("A\nB\n", split_paragraphs("A\nB\n"), [True, False]) == "A\n"


def test_join_all_or_nothing():
    text = "\n a \nb\n"
    spans = split_paragraphs(text)
    assert join_kept(text, spans, [True, True]) == text
    assert join_kept(text, spans, [False, False]) == ""


def test_kept_paragraphs_come_back_verbatim_random():
    rng = random.Random(7)
    pieces = ["正文一", " 正文二 ", "junk", "\t缩进", "English line", "ｆｕｌｌ"]
    for _ in range(200):
        lines = [rng.choice(pieces + [""]) for _ in range(rng.randint(1, 8))]
        text = "".join(line + rng.choice(["\n", "\r\n", "\r"]) for line in lines)
        spans = split_paragraphs(text)
        keep = [rng.random() < 0.6 for _ in spans]
        out = join_kept(text, spans, keep)
        kept = [text[s.start:s.end] for s, k in zip(spans, keep) if k]
        assert texts(split_paragraphs(out), out) == kept
