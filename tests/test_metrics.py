import numpy as np

from junkfilter.metrics import expected_calibration_error, quality_report


def test_ece_zero_when_frequencies_match():
    p = np.array([0.0] * 10 + [1.0] * 10)
    y = np.array([0] * 10 + [1] * 10)
    assert expected_calibration_error(p, y) == 0
    assert abs(expected_calibration_error(np.full(10, 0.9), np.zeros(10)) - 0.9) < 1e-9


def test_quality_report_by_paragraph_and_character():
    true = ["content", "ad", "ad", "boilerplate"]
    pred = ["content", "ad", "content", "ad"]
    rep = quality_report(true, pred, np.array([0.1, 0.9, 0.4, 0.8]), np.array([100, 10, 30, 5]))
    ad = rep["paragraph"]["per_label"]["ad"]
    assert ad["precision"] == 0.5 and ad["recall"] == 0.5
    assert rep["paragraph"]["junk_recall"] == round(2 / 3, 4)
    assert rep["paragraph"]["content_removed"] == 0
    assert rep["character"]["junk_recall"] == round(15 / 45, 4)
