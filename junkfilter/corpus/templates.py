"""Fill the junk templates in ``junkfilter/vocab`` with random slot values."""
from __future__ import annotations

import random
import re
from importlib import resources

_SLOT = re.compile(r"\{(\w+)\}")


def _read(name: str) -> list[str]:
    text = resources.files("junkfilter.vocab").joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def load_slots() -> dict[str, list[str]]:
    slots: dict[str, list[str]] = {}
    current = None
    for line in _read("slots.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            slots[current] = []
        elif current:
            slots[current].append(line.strip())
    return slots


def load_templates(kind: str) -> list[str]:
    """Templates of one kind: ``boilerplate``, ``farm_intro``, ``farm_outro``, ``ad``,
    ``recruitment`` or ``seo``."""
    return _read(f"templates_{kind}.txt")


class Filler:
    """Replace ``{slot}`` markers; ``g``/``p`` come from the gambling/porn lexicon pools."""

    def __init__(self, rng: random.Random, lex_gambling: list[str], lex_porn: list[str]):
        self.rng = rng
        self.slots = load_slots()
        self.lex = {"g": lex_gambling or ["娱乐城"], "p": lex_porn or ["在线观看"]}

    def value(self, slot: str) -> str:
        r = self.rng
        if slot in self.slots:
            return r.choice(self.slots[slot])
        if slot in self.lex:
            return r.choice(self.lex[slot])
        if slot == "n":
            return str(int(10 ** r.uniform(0, 5.5)))
        if slot == "date":
            sep = r.choice(["-", "/", "年"])
            y, m, d = r.randint(2005, 2025), r.randint(1, 12), r.randint(1, 28)
            return f"{y}年{m}月{d}日" if sep == "年" else f"{y}{sep}{m:02d}{sep}{d:02d}"
        if slot == "time":
            return f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}" + (f":{r.randint(0, 59):02d}" if r.random() < 0.4 else "")
        if slot == "phone":
            kind = r.random()
            if kind < 0.4:
                return "1" + str(r.choice([3, 5, 7, 8, 9])) + "".join(str(r.randint(0, 9)) for _ in range(9))
            if kind < 0.7:
                return f"400-{r.randint(100, 999)}-{r.randint(1000, 9999)}"
            return f"0{r.randint(10, 999)}-{r.randint(1000000, 99999999)}"
        if slot == "qq":
            return str(r.randint(10000, 3999999999))
        if slot == "wx":
            return r.choice(["wx", "vx", "wei", ""]) + "".join(r.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(r.randint(5, 10)))
        if slot == "price":
            return str(r.choice([9.9, 19, 29, 39.8, 68, 99, 128, 198, 299, 399, 599, 999, 1280, 2980]))
        if slot == "salary":
            lo = r.choice([3, 4, 5, 6, 8, 10, 12, 15, 20, 25])
            return r.choice([f"{lo}K-{lo * 2}K", f"{lo * 1000}-{lo * 2000}元/月", f"{lo}-{lo * 2}万/年", "面议"])
        return slot

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda m: self.value(m.group(1)), template)
