"""The ``junkfilter`` command: clean, score, train, eval."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ._version import __version__
from .decisions import PRESETS
from .errors import UsageError

EXAMPLES = """examples:
  junkfilter clean fixtures/samples -o out/          clean a folder tree into out/
  junkfilter clean page.txt -o out/ --report removed.jsonl
  cat page.txt | junkfilter clean - > page.clean.txt
  junkfilter score page.txt                         one JSON record per paragraph
  junkfilter train --data-dir ../shared/data        rebuild the bundled model
  junkfilter eval --data-dir ../shared/data         per-category quality on held-out text
"""


def _threshold(args) -> float | None:
    if getattr(args, "threshold", None) is not None:
        return args.threshold
    preset = getattr(args, "preset", None)
    return PRESETS.get(preset) if preset else None


def _filter(args):
    from .filter import JunkFilter

    return JunkFilter(args.model, threshold=_threshold(args), categories=args.categories)


def cmd_clean(args) -> int:
    from .cleaner import clean_paths

    return clean_paths(args, _filter(args))


def cmd_score(args) -> int:
    from .cleaner import iter_input_files, read_text_file

    jf = _filter(args)
    out = sys.stdout
    if args.src == "-":
        items = [("-", sys.stdin.read())]
    else:
        items = ((str(p), read_text_file(p)[0]) for p in iter_input_files([Path(args.src)]))
    for name, text in items:
        for i, s in enumerate(jf.score(text)):
            rec = {"file": name, "paragraph": i, **s.to_dict(), "text": text[s.start:s.end]}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


def cmd_train(args) -> int:
    from .train import train_model

    sizes = None
    if args.docs:
        sizes = {"train": args.docs, "calib": max(args.docs // 8, 50), "test": max(args.docs // 4, 100)}
    data_dir = None if args.no_shared_data else args.data_dir
    meta = train_model(args.output, data_dir=data_dir, labelled=args.labelled, sizes=sizes, seed=args.seed)
    if "test" in meta:
        from .evaluate import print_report

        print(print_report(meta["test"], "held-out test documents"))
    return 0


def cmd_eval(args) -> int:
    from .evaluate import cross_source, print_report, run_eval

    if args.cross_source:
        reports = {}
        for src in args.cross_source:
            reports[src] = rep = cross_source(src, data_dir=args.data_dir, seed=args.seed)
            print(print_report(rep, f"cross-source: trained without {src}, tested on {src}"))
            if args.json:  # rewritten after each source, so a long run keeps what it has
                Path(args.json).write_text(json.dumps(reports, indent=1, ensure_ascii=False))
        return 0
    rep = run_eval(args.model, data_dir=args.data_dir, labelled=args.labelled, seed=args.seed, n_docs=args.docs)
    print(print_report(rep, "held-out test documents"))
    if args.json:
        Path(args.json).write_text(json.dumps(rep, indent=1, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="junkfilter", description="Score and strip junk paragraphs from scraped Chinese text.",
                                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"junkfilter {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def model_opts(sp, with_threshold=True):
        sp.add_argument("--model", help="model file (default: the bundled model)")
        if with_threshold:
            sp.add_argument("--threshold", type=float, help="drop paragraphs with junk probability >= this")
            sp.add_argument("--preset", choices=sorted(PRESETS), help="precision (keep more), balanced, recall (drop more)")
            sp.add_argument("--categories", help="junk kinds to strip, comma-separated (default all): "
                                                 "seo_spam,ad,recruitment,boilerplate")

    c = sub.add_parser("clean", help="clean files or folder trees into an output folder",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("src", nargs="+", help="files or folders to clean, or - for stdin to stdout")
    c.add_argument("-o", "--output", help="output folder (required unless SRC is -)")
    c.add_argument("--report", help="write one JSON record per removed paragraph to this file")
    c.add_argument("--dry-run", action="store_true", help="write only the report, no cleaned files")
    c.add_argument("--overwrite", action="store_true", help="replace existing output files")
    c.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    model_opts(c)
    c.set_defaults(func=cmd_clean)

    s = sub.add_parser("score", help="print one JSON record per paragraph")
    s.add_argument("src", help="file, folder or - for stdin")
    model_opts(s)
    s.set_defaults(func=cmd_score)

    t = sub.add_parser("train", help="rebuild a model from ../shared/data and/or labelled JSONL")
    t.add_argument("--data-dir", default="../shared/data", help="the shared data folder (default ../shared/data)")
    t.add_argument("--no-shared-data", action="store_true", help="train on --labelled only")
    t.add_argument("--labelled", help="JSONL of labelled documents: {\"paragraphs\": [...], \"labels\": [...]}")
    t.add_argument("-o", "--output", default="models/junkfilter-zh.npz", help="model file to write")
    t.add_argument("--docs", type=int, help="training documents to compose (default 12000)")
    t.add_argument("--seed", type=int, default=20240601)
    t.set_defaults(func=cmd_train)

    e = sub.add_parser("eval", help="per-category precision/recall/F1 and calibration on held-out text")
    e.add_argument("--model", help="model file (default: the bundled model)")
    e.add_argument("--data-dir", default="../shared/data")
    e.add_argument("--labelled", help="evaluate on your labelled JSONL instead")
    e.add_argument("--docs", type=int, default=3000, help="test documents to compose")
    e.add_argument("--seed", type=int, default=20240601)
    e.add_argument("--cross-source", nargs="+", metavar="SOURCE",
                   help="train without SOURCE and test on it (xwlb cnews cmrc2018 drcd sogou terminus weekly)")
    e.add_argument("--json", help="also write the figures as JSON here")
    e.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    from .persist import ModelError

    try:
        return args.func(args)
    except UsageError as exc:
        print(f"junkfilter: {exc}", file=sys.stderr)
        return 2
    except (ModelError, FileNotFoundError, ValueError) as exc:
        print(f"junkfilter: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ValueError) else 1
    except KeyboardInterrupt:
        print("junkfilter: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
