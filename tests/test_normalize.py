import numpy as np

from junkfilter.normalize import CJK, DIGIT, LATIN, SPACE, codepoints, normalise, normalise_text


def test_traditional_folds_to_simplified():
    assert normalise_text("經濟發展與頭髮") == normalise_text("经济发展与头发")


def test_fullwidth_case_and_digits():
    assert normalise_text("ＡＢＣ１２３abc") == "abc000abc"
    assert normalise_text("电话：138-0000-1234") == "电话:000-0000-0000"


def test_one_code_per_character_and_classes():
    text = "中a1 \x00"
    codes, classes = normalise(codepoints(text))
    assert len(codes) == len(text)
    assert list(classes[:4]) == [CJK, LATIN, DIGIT, SPACE]
    assert classes[4] == SPACE  # control characters become space


def test_lone_surrogates_and_astral_do_not_crash():
    text = "a\ud800b\U0001F600\U00030000"
    codes, _ = normalise(codepoints(text))
    assert len(codes) == 5
    assert np.all(codes >= 0)
