"""Real pages with gold main text: trafilatura alone, trafilatura + junkfilter, and
junkfilter alone on every text block of the page.  Evaluation only: these pages are never
used in training.

    python benchmarks/bench_pages.py [--data-dir ../shared/data] [--json out.json] [--worst 10]

Scoring against the gold text, micro-averaged over pages (and the mean of per-page
character F1, so one huge page does not dominate):
* characters: the output and the gold as multisets of non-space characters; precision =
  shared / output, recall = shared / gold.
* lines: a non-blank output line is correct when it occurs in the gold text (spaces
  ignored); precision = correct lines / output lines; recall = gold lines (non-blank
  lines of the gold) that occur in the output / gold lines.
Needs trafilatura (and lxml_html_clean): `pip install trafilatura lxml_html_clean`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL_DIRS = ("magic_html_benchmark", "readability_test_pages", "newspaper4k_tests", "webmainbench_samples")
BLOCK = ("p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "article",
         "header", "footer", "nav", "aside", "blockquote", "pre", "dd", "dt", "ul", "ol", "table", "form", "title")
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def html_blocks(html: str) -> str:
    """Every text block of the page, one per line (no extraction: the raw setting)."""
    from lxml import html as lh

    doc = lh.fromstring(html)
    for bad in doc.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in doc.iter(*BLOCK):
        el.tail = "\n" + (el.tail or "")
        el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in doc.text_content().splitlines())
    return "\n".join(line for line in lines if line)


class Score:
    """Accumulates character and line counts over pages."""

    def __init__(self):
        self.c = Counter()
        self.page_f1: list[float] = []

    def add(self, output: str, gold: str) -> dict[str, float]:
        out_chars, gold_chars = Counter(squash(output)), Counter(squash(gold))
        shared = sum((out_chars & gold_chars).values())
        gold_sq = squash(gold)
        out_sq = squash(output)
        out_lines = [squash(x) for x in output.splitlines() if x.strip()]
        gold_lines = [squash(x) for x in gold.splitlines() if x.strip()]
        correct = sum(1 for x in out_lines if x in gold_sq)
        found = sum(1 for x in gold_lines if x in out_sq)
        page = {"chars_out": sum(out_chars.values()), "chars_gold": sum(gold_chars.values()), "chars_shared": shared,
                "lines_out": len(out_lines), "lines_correct": correct, "lines_gold": len(gold_lines),
                "lines_found": found}
        self.c.update(page)
        p = shared / max(page["chars_out"], 1)
        r = shared / max(page["chars_gold"], 1)
        self.page_f1.append(2 * p * r / (p + r) if p + r else 0.0)
        return page

    def figures(self) -> dict[str, float]:
        c = self.c

        def f1(p, r):
            return 2 * p * r / (p + r) if p + r else 0.0

        cp = c["chars_shared"] / max(c["chars_out"], 1)
        cr = c["chars_shared"] / max(c["chars_gold"], 1)
        lp = c["lines_correct"] / max(c["lines_out"], 1)
        lr = c["lines_found"] / max(c["lines_gold"], 1)
        return {"char_precision": cp, "char_recall": cr, "char_f1": f1(cp, cr),
                "char_f1_per_page_mean": sum(self.page_f1) / max(len(self.page_f1), 1),
                "line_precision": lp, "line_recall": lr, "line_f1": f1(lp, lr)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--worst", type=int, default=10, help="list the pages where junkfilter removed most gold text")
    args = ap.parse_args(argv)
    try:
        import trafilatura
    except ImportError:
        sys.exit("needs trafilatura: pip install trafilatura lxml_html_clean")
    from junkfilter import JunkFilter

    pages_dir = Path(args.data_dir) / "pages"
    rows = [json.loads(x) for x in (pages_dir / "index.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r["gold"] and r["dir"] in EVAL_DIRS]
    jf = JunkFilter()
    settings = {"trafilatura": Score(), "trafilatura + junkfilter": Score(), "page blocks": Score(),
                "page blocks + junkfilter": Score()}
    losses = []
    for r in rows:
        html = (pages_dir / r["dir"] / r["page"]).read_bytes().decode(r["encoding"] or "utf-8", "replace")
        gold = (pages_dir / r["dir"] / r["gold"]).read_text(encoding="utf-8")
        extracted = trafilatura.extract(html, include_comments=False) or ""
        cleaned = jf.clean(extracted)
        blocks = html_blocks(html)
        a = settings["trafilatura"].add(extracted, gold)
        b = settings["trafilatura + junkfilter"].add(cleaned, gold)
        settings["page blocks"].add(blocks, gold)
        settings["page blocks + junkfilter"].add(jf.clean(blocks), gold)
        removed = [x for x in extracted.splitlines() if x.strip() and x not in cleaned.splitlines()]
        lost_gold = a["chars_shared"] - b["chars_shared"]
        losses.append((lost_gold, a["chars_out"] - b["chars_out"], r["dir"], r["page"], removed))
    print(f"{len(rows)} pages with gold main text ({', '.join(EVAL_DIRS)})\n")
    print(f"{'setting':28s} {'char P':>7s} {'char R':>7s} {'char F1':>7s} {'page F1':>7s} {'line P':>7s} {'line R':>7s}")
    out = {}
    for name, sc in settings.items():
        f = sc.figures()
        out[name] = f
        print(f"{name:28s} {f['char_precision']:7.4f} {f['char_recall']:7.4f} {f['char_f1']:7.4f} "
              f"{f['char_f1_per_page_mean']:7.4f} {f['line_precision']:7.4f} {f['line_recall']:7.4f}")
    losses.sort(key=lambda x: -x[0])
    print(f"\npages where junkfilter removed the most gold characters from trafilatura's output:")
    for lost, removed_chars, d, page, removed in losses[: args.worst]:
        if lost <= 0:
            break
        print(f"  {d}/{page}: {lost} gold chars lost of {removed_chars} removed; removed lines: "
              + " | ".join(x[:30] for x in removed[:4]))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
