"""Compose labelled training documents: real articles with real junk where sites put it.

A document is a window of a real article (its title first, half the time), with junk
inserted at the head (navigation, page meta, SEO headers, content-farm intros), at
the tail (ads, job posts, repost and copyright notices, related-headline boxes,
footers) and sometimes in the middle.  One document in five carries no junk at all.
A share of documents is converted to traditional script with OpenCC.  Hard
negatives — real articles about hiring, advertising, gambling or porn crackdowns,
legitimate e-mail and forum text, English prose — are oversampled.
"""
from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..labels import CONTENT
from .sources import Article
from .templates import Filler

HARD_NEGATIVE = re.compile(
    r"招聘|求职|就业|薪资|工资|岗位|简历|广告|营销|推广|赌博|博彩|赌场|彩票|色情|淫秽|扫黄|诈骗|"
    r"二维码|公众号|微信|热线|电话|版权|转载|网站|下载|官网"
)

# share of documents drawn from each clean source (balanced, not by size)
SOURCE_WEIGHTS = {
    "xwlb": 0.17, "cnews": 0.12, "cmrc2018": 0.09, "drcd": 0.14, "sogou": 0.06,
    "terminus": 0.15, "weekly": 0.12,
    "ham_web": 0.04, "ham_email": 0.04, "ham_short": 0.02, "english": 0.05,
}


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_traditional(texts: list[str], config: str) -> list[str]:
    conv = _converter(config)
    return [conv.convert(t) for t in texts]


@dataclass
class Doc:
    """A composed document: paragraphs with one label each."""

    paragraphs: list[str]
    labels: list[str]
    source: str
    script: str = "simplified"
    origins: list[str] = field(default_factory=list)  # where each paragraph came from (pool or template)


class Composer:
    """Draws documents for one split from that split's pools."""

    def __init__(self, rng: random.Random, articles: dict[str, list[Article]],
                 junk: dict[str, list[list[str]]], templates: dict[str, list[str]],
                 ham_docs: dict[str, list[list[str]]]):
        self.rng = rng
        self.articles = articles
        self.junk = junk
        self.templates = templates
        self.ham_docs = ham_docs
        self.hard = {s: [a for a in arts if any(HARD_NEGATIVE.search(p) for p in a.paragraphs)]
                     for s, arts in articles.items()}
        lex_g = [w[0] for w in junk.get("lex_gambling", [])]
        lex_p = [w[0] for w in junk.get("lex_porn", [])]
        self.filler = Filler(rng, lex_g, lex_p)
        sources = [s for s in SOURCE_WEIGHTS if articles.get(s) or ham_docs.get(s)]
        self.sources = sources
        self.weights = [SOURCE_WEIGHTS[s] for s in sources]

    # -- junk generators (each returns a list of (paragraph, label)) ------------------------
    def _pick(self, pool: str) -> list[str]:
        return self.rng.choice(self.junk[pool]) if self.junk.get(pool) else []

    def _template(self, kind: str) -> str:
        return self.filler.fill(self.rng.choice(self.templates[kind]))

    def seo(self) -> list[tuple[str, str, str]]:
        r = self.rng
        x = r.random()
        if x < 0.3 and self.junk.get("seo_real"):
            return [(p, "seo_spam", "seo_real") for p in self._pick("seo_real")]
        if x < 0.6:
            return [(self._template("seo"), "seo_spam", "seo_template")]
        # a keyword list from the lexicons joined by a separator
        lex = "lex_porn" if r.random() < 0.6 else "lex_gambling"
        words = [self._pick(lex)[0] for _ in range(r.randint(3, 12)) if self.junk.get(lex)]
        sep = r.choice([",", "，", " ", "|", "_", "-", "、", " | ", "  "])
        line = sep.join(words)
        if r.random() < 0.3:
            line += r.choice(["在线观看", "免费下载", "官方网站", "-最新地址", "_高清无码", ".com"])
        return [(line, "seo_spam", "seo_lexicon_list")]

    def ad(self) -> list[tuple[str, str, str]]:
        r = self.rng
        x = r.random()
        if x < 0.45:
            paras, origin = self._pick("ad_sms"), "ad_sms"
        elif x < 0.65:
            paras, origin = self._pick("ad_email")[: r.randint(1, 3)], "ad_email"
        else:
            paras, origin = [self._template("ad") for _ in range(r.choice([1, 1, 1, 2]))], "ad_template"
        return [(p, "ad", origin) for p in paras]

    def recruitment(self) -> list[tuple[str, str, str]]:
        r = self.rng
        lines = self._pick("recruitment")
        if len(lines) == 1 and len(lines[0]) > 120 and r.random() < 0.5:
            # long one-line posts: split at numbered items as some sites render them
            lines = [s for s in re.split(r"(?<=[；;。])\s*(?=\d[、.．])|(?=任职要求|岗位要求|任职资格)", lines[0]) if s]
        out = [(p, "recruitment", "recruitment_real") for p in lines[: r.randint(2, 10)]]
        if r.random() < 0.6:
            out.insert(0, (self._template("recruitment"), "recruitment", "recruitment_template"))
        if r.random() < 0.5:
            out.append((self._template("recruitment"), "recruitment", "recruitment_template"))
        return out

    def boilerplate(self, where: str) -> list[tuple[str, str, str]]:
        r = self.rng
        x = r.random()
        if x < 0.35:
            paras, origin = self._pick("boiler_real"), "boiler_real"
        elif x < 0.45:
            # nav words come as a menu: several short lines in a row, sometimes just one
            k = 1 if r.random() < 0.25 else r.randint(2, 8)
            paras = [self._pick("boiler_short")[0] for _ in range(k) if self.junk.get("boiler_short")]
            origin = "boiler_short"
        elif x < 0.55 and where == "tail":
            # a related-headlines box: several teaser lines, maybe under a heading
            paras = [self._pick("boiler_teaser")[0] for _ in range(r.randint(3, 7)) if self.junk.get("boiler_teaser")]
            origin = "boiler_teaser_box"
            if r.random() < 0.6:
                paras.insert(0, r.choice(["相关阅读", "相关文章", "推荐阅读", "热门文章", "猜你喜欢", "延伸阅读", "热点推荐"]))
        else:
            paras, origin = [self._template("boilerplate")], "boiler_template"
        return [(p, "boilerplate", origin) for p in paras]

    def junk_block(self, where: str) -> list[tuple[str, str, str]]:
        r = self.rng
        x = r.random()
        if where == "head":
            return self.seo() if x < 0.25 else (self.ad() if x < 0.32 else self.boilerplate("head"))
        if where == "tail":
            if x < 0.3:
                return self.ad()
            if x < 0.45:
                return self.recruitment()
            if x < 0.5:
                return self.seo()
            return self.boilerplate("tail")
        return self.seo() if x < 0.3 else (self.ad() if x < 0.7 else self.boilerplate("middle"))

    # -- content ------------------------------------------------------------------------
    def content(self) -> tuple[list[str], str, str, bool]:
        r = self.rng
        source = r.choices(self.sources, weights=self.weights)[0]
        if source in self.ham_docs:
            doc = r.choice(self.ham_docs[source])
            start = r.randint(0, max(0, len(doc) - 8))
            return doc[start:start + r.randint(2, 12)], source, "simplified", False
        pool = self.hard[source] if self.hard.get(source) and r.random() < 0.3 else self.articles[source]
        art = r.choice(pool)
        paras = art.paragraphs
        if len(paras) > 20:
            start = r.randint(0, len(paras) - 20)
            paras = paras[start:start + r.randint(8, 20)]
        paras = list(paras)
        has_title = bool(art.title) and r.random() < 0.5
        if has_title:
            paras.insert(0, art.title)
        return paras, source, art.script, has_title

    # -- a document -----------------------------------------------------------------------
    def document(self) -> Doc:
        r = self.rng
        paras, source, script, has_title = self.content()
        items = [(p, CONTENT, "title" if i == 0 and has_title else source) for i, p in enumerate(paras)]
        if r.random() >= 0.2:
            head: list[tuple[str, str, str]] = []
            if r.random() < 0.6:
                for _ in range(r.randint(1, 4)):
                    head.extend(self.junk_block("head"))
            tail: list[tuple[str, str, str]] = []
            if r.random() < 0.7:
                for _ in range(r.randint(1, 5)):
                    tail.extend(self.junk_block("tail"))
            if r.random() < 0.15 and len(items) > 2:
                pos = r.randint(1, len(items) - 1)
                items[pos:pos] = self.junk_block("middle")
            if r.random() < 0.12:  # a content farm's intro, right before the body
                at = 1 if has_title and len(items) > 1 else 0
                items.insert(at, (self._template("farm_intro"), "boilerplate", "boiler_farm"))
            if r.random() < 0.12:  # and its outro, right after it
                items.append((self._template("farm_outro"), "boilerplate", "boiler_farm"))
            if head and r.random() < 0.3 and len(items) > 1 and paras and items[0][1] == CONTENT:
                # nav above the title, page meta between title and body
                items = [items[0]] + head + items[1:]
            else:
                items = head + items
            items = items + tail
        texts = [p for p, _, _ in items]
        labels = [lab for _, lab, _ in items]
        origins = [o for _, _, o in items]
        if script == "simplified" and source != "english" and r.random() < 0.3:
            texts = to_traditional(texts, r.choice(["s2t", "s2tw", "s2hk"]))
            script = "traditional"
        elif script == "traditional":
            junk_idx = [i for i, lab in enumerate(labels) if lab != CONTENT]
            if junk_idx and r.random() < 0.85:
                conv = to_traditional([texts[i] for i in junk_idx], "s2tw")
                for i, t in zip(junk_idx, conv):
                    texts[i] = t
        keep = [i for i, t in enumerate(texts) if t.strip()]
        return Doc([texts[i] for i in keep], [labels[i] for i in keep], source, script, [origins[i] for i in keep])


def group_ham(pools: dict[str, list[tuple[str, list[str]]]], english: list[str],
              rng: random.Random) -> dict[str, list[list[str]]]:
    """Hard-negative documents from the ham pools (pages grouped by their source page)."""
    docs: dict[str, list[list[str]]] = defaultdict(list)
    by_page: dict[str, list[str]] = defaultdict(list)
    for key, paras in pools.get("ham_web", []):
        by_page[key].extend(paras)
    docs["ham_web"] = [v for v in by_page.values() if v]
    docs["ham_email"] = [paras for _, paras in pools.get("ham_email", [])]
    short = [paras[0] for _, paras in pools.get("ham_short", [])]
    rng.shuffle(short)
    docs["ham_short"] = [short[i:i + 6] for i in range(0, len(short), 6)]
    docs["english"] = [english[i:i + 8] for i in range(0, len(english), 8)]
    return {k: v for k, v in docs.items() if v}
