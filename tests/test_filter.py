"""The public API: clean(), score(), JunkFilter, on the bundled model."""
import pytest

import junkfilter
from junkfilter import JunkFilter

ARTICLE = [
    "我国新能源汽车产销量连续十年位居全球第一",
    "中国汽车工业协会今天发布数据显示，今年前十个月，我国新能源汽车产销分别完成1079万辆和1063万辆，同比分别增长33%和32.7%。",
    "协会副秘书长表示，随着充电基础设施不断完善，新能源汽车在三四线城市和农村地区的渗透率明显提升。",
    "业内人士认为，年底前车市仍将保持较快增长，但价格竞争加剧，企业需要在技术创新上下更大功夫。",
]
SEO = "皇冠娱乐城官方网站-皇冠体育平台-百家乐在线投注"
AD = "扫码关注公众号，领取免费学习资料，咨询热线：400-820-1234"


@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["list"]])
def test_non_str_raises_type_error_naming_the_type(bad):
    for fn in (junkfilter.clean, junkfilter.score):
        with pytest.raises(TypeError, match=type(bad).__name__):
            fn(bad)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n", "\t \n "])
def test_empty_and_blank_come_back_unchanged(text):
    assert junkfilter.clean(text) == text
    assert junkfilter.score(text) == []


def test_junk_removed_and_content_verbatim():
    text = SEO + "\r\n" + "\r\n".join(ARTICLE) + "\r\n\r\n" + AD + "\r\n"
    out = junkfilter.clean(text)
    assert out == "\r\n".join(ARTICLE) + "\r\n"


def test_score_records(jf):
    text = SEO + "\n" + "\n".join(ARTICLE) + "\n" + AD
    scores = jf.score(text)
    assert len(scores) == 6
    assert [text[s.start:s.end] for s in scores] == [SEO, *ARTICLE, AD]
    assert scores[0].label == "seo_spam" and not scores[0].keep
    assert scores[-1].label == "ad" and not scores[-1].keep
    for s in scores[1:-1]:
        assert s.label == "content" and s.keep and s.junk < 0.5
    for s in scores:
        assert abs(sum(s.probs.values()) - 1) < 1e-6
        assert s.explanation and s.explanation[0].endswith(":")
        assert set(s.to_dict()) == {"start", "end", "label", "junk", "probs", "keep", "explanation"}
    # every n-gram an explanation quotes occurs in that paragraph
    import re
    for s in scores:
        quoted = [m for e in s.explanation if e.startswith("n-gram") for m in re.findall(r"'(.+?)'", e)]
        para = text[s.start:s.end]
        assert all(q in para for q in quoted), (quoted, para)
    assert any(e.startswith("n-gram") for e in scores[0].explanation)


def test_categories_and_threshold(jf):
    text = SEO + "\n" + "\n".join(ARTICLE) + "\n" + AD
    only_ads = jf.clean(text, categories=["ad"])
    assert SEO in only_ads and AD not in only_ads
    assert jf.clean(text, threshold=1.0) == text  # nothing is certain junk
    with pytest.raises(ValueError, match="unknown junk categories"):
        jf.clean(text, categories=["spam"])
    with pytest.raises(ValueError, match="threshold"):
        JunkFilter(threshold=1.5)


def test_batch_equals_single(jf):
    docs = ["\n".join([SEO, *ARTICLE]), "\n".join([*ARTICLE, AD]), "", "English only line."]
    assert jf.clean_batch(docs) == [jf.clean(d) for d in docs]


def test_english_prose_and_code_are_kept(jf):
    text = ("The committee published its annual report on Tuesday, noting that inflation had eased.\n"
            "Analysts expect the central bank to keep interest rates unchanged for the rest of the year.\n"
            "def clean(text):\n"
            "    return text.strip()\n")
    assert jf.clean(text) == text


def test_control_characters_and_surrogates(jf):
    text = "正文\x00第一段，内容\x07完整。\n" + "a\ud800b 正文第二段内容。\n"
    scores = jf.score(text)
    assert len(scores) == 2
    jf.clean(text)


def test_huge_single_paragraph_is_linear_enough(jf):
    para = "经济发展保持稳定，" * 200_000  # 1.8M characters, no newline
    out = jf.clean(para)
    assert out in (para, "")
