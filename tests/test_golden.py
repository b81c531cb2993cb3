"""Whole documents (written for these tests) with their expected cleaned output."""
from pathlib import Path

import pytest

import junkfilter

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
CASES = sorted(p.name.removesuffix(".input.txt") for p in GOLDEN.glob("*.input.txt"))


def test_fixtures_exist():
    assert len(CASES) >= 8


@pytest.mark.parametrize("name", CASES)
def test_golden_document(name):
    raw = (GOLDEN / f"{name}.input.txt").read_bytes().decode("utf-8")
    expected = (GOLDEN / f"{name}.expected.txt").read_bytes().decode("utf-8")
    got = junkfilter.clean(raw)
    if got != expected:
        removed = [(s.label, round(s.junk, 2), raw[s.start:s.end][:40]) for s in junkfilter.score(raw)]
        pytest.fail(f"{name}: cleaned text differs from expected; verdicts: {removed}")
