"""Read the shared data: clean articles, junk pools by kind, lexicons, hard negatives.

Every record is assigned to a split (``train``/``calib``/``test``) by a hash of its
id or text, so splits are reproducible and an article never straddles two splits.
The labels are silver; the filters here drop what would teach the model the wrong
thing (see the model card, ``models/README.md``).
"""
from __future__ import annotations

import json
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SPLITS = ("train", "calib", "test")
CLEAN_SOURCES = ("xwlb", "cnews", "cmrc2018", "drcd", "sogou", "terminus", "weekly")
_CJK = re.compile(r"[\u3400-\u9fff]")


def split_of(key: str, salt: str = "") -> str:
    """Deterministic 80/10/10 split by a stable hash (crc32) of ``key``."""
    h = zlib.crc32((salt + key).encode("utf-8")) % 100
    return "train" if h < 80 else ("calib" if h < 90 else "test")


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def read_jsonl(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


@dataclass
class Article:
    id: str
    source: str  # short source name, e.g. "xwlb"
    title: str
    paragraphs: list[str]
    script: str


@dataclass
class Pools:
    """Everything composition draws from, for one split."""

    articles: dict[str, list[Article]] = field(default_factory=lambda: defaultdict(list))
    junk: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # pool name -> texts
    hard_negatives: list[list[str]] = field(default_factory=list)  # documents of content paragraphs


# ---------------------------------------------------------------------------------------
# clean articles
def _one_line(p: str) -> str:
    return " ".join(p.split())


# Credit and repost lines that slipped into the clean articles (the data README warns of
# them): junk-like, so neither content nor junk for training; dropped from articles.
CREDIT_LINE = re.compile(
    r"^[（(【\[]?(记者|编辑|责编|责任编辑|校对|排版|摄影|图片|图|来源|原标题|作者|文章来源|出品|监制|审核|主编|"
    r"撰文|文|采写|实习生|通讯员|策划|制图|剪辑|新京报记者)\s*[：:／/|\\]"
    r"|微信ID|原创内容|(不得|请勿|禁止)转载|转载请"
    r"|^[（(]?(源自|出自|原载于|本文(由|为|来自|转自|首发))"
)


def is_credit_line(p: str) -> bool:
    return len(p) < 80 and bool(CREDIT_LINE.search(p))


def load_articles(data_dir: str | Path) -> list[Article]:
    data_dir = Path(data_dir)
    out = []
    for path in sorted((data_dir / "clean").glob("*.jsonl")):
        for rec in read_jsonl(path):
            source = rec["id"].split("-", 1)[0]
            paras = [_one_line(p) for p in rec["paragraphs"] if p.strip() and not is_credit_line(p)]
            if paras:
                out.append(Article(rec["id"], source, _one_line(rec.get("title") or ""), paras, rec["script"]))
    return out


# ---------------------------------------------------------------------------------------
# junk
_STRONG_SEO = re.compile(r"娱乐城|博彩|百家乐|彩金|无码|成人电影|赌场|六合彩|时时彩|真人视讯|在线观看|av|AV|色情|三级|激情|裸|性爱|人妻|熟女")
_AD_MARKERS = re.compile(r"电话|热线|咨询|微信|QQ|qq|加盟|代理|优惠|免费|联系|www|http|\.com|折|元|订购|发票|促销|欢迎|送|特价|报名")
_JOB_IN_HAM = re.compile(r"岗位职责|任职要求|职位要求|招聘|简历|薪资|待遇|应聘")
_BOILER_MARKERS = re.compile(
    r"首页|上一篇|下一篇|返回|版权|copyright|Copyright|ICP|备案|来源|作者|编辑|评论|阅读|点击|分享|收藏|"
    r"登录|注册|关于我们|联系我们|网站|导航|地图|更多|热门|推荐|相关|专题|频道|举报|声明|转载|"
    r"打印|关闭|字号|订阅|下载|APP|app|客户端|微博|微信|扫码|二维码"
)


def _x_to_digits(text: str, seed: int) -> str:
    """The SMS corpus masks digits as 'x'; put digits back so the model cannot key on the mask."""
    rng_state = [seed or 1]

    def digit(_m):
        rng_state[0] = (rng_state[0] * 1103515245 + 12345) % 2**31
        return str(rng_state[0] % 10)

    # an x that is not part of a Latin word (runs of x next to digits, CJK or punctuation)
    return re.sub(r"(?<![A-Za-wyz])[xX](?![A-Za-wyz])", digit, text)


def _lines(text: str) -> list[str]:
    return [_one_line(x) for x in text.split("\n") if x.strip()]


def load_junk(data_dir: str | Path) -> dict[str, list[tuple[str, list[str]]]]:
    """Junk pools as ``pool name -> [(record key, paragraphs)]``; a record may span lines."""
    junk_dir = Path(data_dir) / "junk"
    pools: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)

    def add(pool: str, key: str, paras: list[str]) -> None:
        paras = [p for p in paras if p.strip()]
        if paras:
            pools[pool].append((key, paras))

    for path in sorted(junk_dir.glob("*.jsonl")):
        name = path.stem
        for i, rec in enumerate(read_jsonl(path)):
            text = rec["text"]
            key = f"{name}:{i}"
            if name.startswith("gambling_porn_seo"):
                # silver label: keep the lines that really are gambling/porn; plain ads go to ads
                for j, line in enumerate(_lines(text)):
                    if _STRONG_SEO.search(line):
                        add("seo_real", f"{key}:{j}", [line])
                    elif cjk_count(line) >= 8 and _AD_MARKERS.search(line):
                        add("ad_email", f"{key}:{j}", [line])
            elif name == "ad_sms_ydoit":
                add("ad_sms", key, [_x_to_digits(_one_line(text), zlib.crc32(key.encode()))])
            elif name == "ad_email_trec06c":
                # an e-mail body is many lines; keep up to 4 lines with an ad signal or real length
                lines = [ln for ln in _lines(text) if cjk_count(ln) >= 6]
                keep = [ln for ln in lines if _AD_MARKERS.search(ln) or len(ln) >= 30][:4]
                add("ad_email", key, keep)
            elif name.startswith("recruitment"):
                lines = _lines(text)
                add("recruitment", key, lines[:12])
            elif name == "boilerplate_weak_cc" or name == "boilerplate_webpages_gne_tests":
                line = _one_line(text)
                # lines repeated across a site's pages: chrome, but also headline teasers of
                # "hot articles" boxes, which are junk only as a box, never alone
                if _BOILER_MARKERS.search(line) and len(line) <= 60:
                    add("boiler_real", key, [line])
                elif len(line) <= 12:
                    add("boiler_short", key, [line])
                else:
                    add("boiler_teaser", key, [line])
            elif name == "boilerplate_webpages_immortal-autumn":
                line = _one_line(text)
                # lines not in the hand-made extraction: nav, widgets, but also captions and related headlines
                if _BOILER_MARKERS.search(line) and len(line) <= 60:
                    add("boiler_real", key, [line])
                elif len(line) <= 12:
                    add("boiler_short", key, [line])
                elif len(line) <= 40 and not re.search(r"[。！？]$", line):
                    add("boiler_teaser", key, [line])
                # longer sentence-like lines are too likely to be article text: dropped
            elif name.startswith("lexicon"):
                word = text.replace("|", "").strip()
                if not word:
                    continue
                if "gambling" in name:
                    add("lex_gambling", key, [word])
                elif "porn" in name or "flagged" in name:
                    add("lex_porn", key, [word])
                elif name.endswith("_ad"):
                    add("lex_ad", key, [word])
            elif name == "ham_sms_ydoit":
                add("ham_short", key, [_x_to_digits(_one_line(text), zlib.crc32(key.encode()))])
            elif name == "ham_email_trec06c":
                lines = [ln for ln in _lines(text) if not ln.startswith((":", "：", ">"))]
                if _JOB_IN_HAM.search(text) or _AD_MARKERS.search(text[:200]) and "www" in text:
                    continue  # a job or ad mail in the ham set: not a hard negative
                if lines:
                    add("ham_email", key, lines[:15])
            elif name == "ham_webpages_immortal-autumn":
                add("ham_web", rec["source"], [_one_line(text)])
    return pools


def english_paragraphs() -> list[str]:
    """Real English prose for the no-Chinese content class: Python's bundled help topics."""
    try:
        from pydoc_data.topics import topics
    except ImportError:  # pragma: no cover - stripped Python builds
        return []
    out = []
    for key in sorted(topics):
        for block in topics[key].split("\n\n"):
            line = " ".join(block.split())
            if 40 <= len(line) <= 600 and line[0].isalpha() and line.count(" ") >= 6:
                out.append(line)
    return out
