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
  junkfilter clean corpus/ -o clean/ --jobs 8 --resume --no-list
  junkfilter clean shards/ -o clean/ --text-field content --add-fields
  cat page.txt | junkfilter clean - > page.clean.txt
  junkfilter diff page.txt                          removed lines marked in red
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

    return clean_paths(args, _filter(args), threshold=_threshold(args))


def _documents(src: str, text_field: str):
    """(name, record line or None, text) for a file, a folder tree or stdin; JSONL by record."""
    from .files import JSONL_SUFFIXES, SkipFile, find_files, read_text_file

    if src == "-":
        yield "-", None, sys.stdin.read()
        return
    path = Path(src)
    if not path.exists():
        raise UsageError(f"no such file or folder: {src}")
    for f in find_files(path):
        try:
            text, _ = read_text_file(f.path)
        except SkipFile as exc:
            print(f"junkfilter: skipped {f.path}: {exc}", file=sys.stderr)
            continue
        if f.path.suffix.lower() not in JSONL_SUFFIXES:
            yield str(f.path), None, text
            continue
        for n, line in enumerate(text.splitlines(), 1):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict) and isinstance(obj.get(text_field), str):
                yield str(f.path), n, obj[text_field]


def cmd_score(args) -> int:
    jf = _filter(args)
    out = sys.stdout
    for name, record, text in _documents(args.src, args.text_field):
        for i, s in enumerate(jf.score(text)):
            rec = {"file": name, **({"record": record} if record else {}), "paragraph": i, **s.to_dict(),
                   "text": text[s.start:s.end]}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


def cmd_diff(args) -> int:
    """Show a file with the paragraphs clean would remove marked (in colour on a terminal)."""
    jf = _filter(args)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    red, dim, reset = ("\033[31m", "\033[2m", "\033[0m") if color else ("", "", "")
    for name, record, text in _documents(args.file, args.text_field):
        head = f"{name}" + (f" record {record}" if record else "")
        scores = jf.score(text, explain=False)
        removed = sum(not s.keep for s in scores)
        print(f"{dim}=== {head}: {removed} of {len(scores)} paragraphs removed{reset}")
        pos = 0
        for s in scores:
            for blank in text[pos:s.start].splitlines()[1:]:
                print(blank)
            line = text[s.start:s.end]
            if s.keep:
                print(f"  {line}")
            else:
                print(f"{red}- {line}   [{s.label} {s.junk:.2f}]{reset}")
            pos = s.end
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
    c.add_argument("-o", "--output", help="output folder (the tree is mirrored into it)")
    c.add_argument("--report", help="write one JSON record per removed paragraph to this file")
    c.add_argument("--dry-run", action="store_true", help="write only the report, no cleaned files")
    c.add_argument("--overwrite", action="store_true", help="replace existing output files")
    c.add_argument("--resume", action="store_true", help="skip files already written by an earlier run of this command")
    c.add_argument("--in-place", action="store_true", help="clean the inputs themselves (a FILE.bak backup is kept)")
    c.add_argument("--no-backup", action="store_true", help="with --in-place: keep no backup")
    c.add_argument("-j", "--jobs", type=int, default=0, help="worker processes (default: all cores)")
    c.add_argument("--include", action="append", metavar="GLOB",
                   help="file names to clean (repeatable; default: *.txt *.md *.markdown *.text *.jsonl *.ndjson)")
    c.add_argument("--exclude", action="append", metavar="GLOB",
                   help="names or relative paths to skip (repeatable; hidden files, *.bak, *.tmp always)")
    c.add_argument("--follow-symlinks", action="store_true", help="follow symbolic links out of the tree")
    c.add_argument("--format", choices=("auto", "text", "jsonl"), default="auto",
                   help="auto: *.jsonl/*.ndjson are JSONL (a line is a document), other files are text")
    c.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    c.add_argument("--add-fields", action="store_true",
                   help="JSONL: add junkfilter_removed and junkfilter_scores fields to each record")
    c.add_argument("--keep-encoding", action="store_true", help="write text files in their detected encoding (default UTF-8)")
    c.add_argument("--no-list", action="store_true", help="print only the summary, not each removed paragraph")
    c.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors (no progress bar)")
    model_opts(c)
    c.set_defaults(func=cmd_clean)

    s = sub.add_parser("score", help="print one JSON record per paragraph")
    s.add_argument("src", help="file, folder or - for stdin")
    s.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    model_opts(s)
    s.set_defaults(func=cmd_score)

    d = sub.add_parser("diff", help="show a file with the paragraphs clean would remove marked")
    d.add_argument("file", help="file, folder or - for stdin")
    d.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    d.add_argument("--text-field", default="text")
    model_opts(d)
    d.set_defaults(func=cmd_diff)

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
