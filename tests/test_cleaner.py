"""`junkfilter clean` over trees: JSONL, parallel, resume, in-place, encodings, links, diff."""
import json
import os
from pathlib import Path


from test_cli import ARTICLE, JUNK_HEAD, JUNK_TAIL, run, snapshot

DOC = JUNK_HEAD + ARTICLE + JUNK_TAIL


def jsonl_file(path: Path, n: int = 5) -> list[str]:
    lines = []
    for i in range(n):
        lines.append(json.dumps({"id": i, "text": DOC, "meta": {"url": f"http://example.com/{i}", "x": [1, 2]}},
                                ensure_ascii=False))
    lines.insert(2, '{"id": "broken", "text": ')               # malformed: copied through
    lines.insert(3, json.dumps({"id": "no-text", "body": "x"}))  # no text field: copied through
    lines.insert(4, json.dumps({"id": "clean", "text": ARTICLE}, ensure_ascii=False))  # nothing to remove
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def test_jsonl_fields_kept_and_bad_lines_copied(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    lines = jsonl_file(src / "c.jsonl")
    out = tmp_path / "out"
    r = run("clean", src, "-o", out, "--no-list")
    assert r.returncode == 0, r.stderr
    got = (out / "c.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(got) == len(lines)
    assert got[2] == lines[2] and got[3] == lines[3] and got[4] == lines[4]  # byte-for-byte
    assert "c.jsonl:3: malformed JSON line copied unchanged" in r.stderr
    assert "c.jsonl:4: no string field 'text'" in r.stderr
    rec = json.loads(got[0])
    assert rec["text"] == ARTICLE and rec["meta"] == {"url": "http://example.com/0", "x": [1, 2]} and rec["id"] == 0


def test_jsonl_text_field_and_added_fields(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"content": DOC}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("clean", f, "-o", tmp_path / "o", "--text-field", "content", "--add-fields", "-q")
    assert r.returncode == 0, r.stderr
    rec = json.loads((tmp_path / "o" / "in.jsonl").read_text(encoding="utf-8"))
    assert rec["content"] == ARTICLE and rec["junkfilter_removed"] == 2
    assert [s["keep"] for s in rec["junkfilter_scores"]] == [False, True, True, False]


def test_parallel_equals_serial_across_batches(tmp_path):
    src = tmp_path / "src"
    (src / "d").mkdir(parents=True)
    with open(src / "big.jsonl", "w", encoding="utf-8") as fh:  # crosses the 1000-line batch size
        for i in range(2300):
            fh.write(json.dumps({"i": i, "text": DOC if i % 3 else ARTICLE}, ensure_ascii=False) + "\n")
    for i in range(12):
        (src / "d" / f"{i}.txt").write_text(DOC if i % 2 else ARTICLE, encoding="utf-8")
    r1 = run("clean", src, "-o", tmp_path / "o1", "--jobs", "1", "-q")
    r2 = run("clean", src, "-o", tmp_path / "o2", "--jobs", "2", "-q")
    assert r1.returncode == r2.returncode == 0
    a, b = snapshot(tmp_path / "o1"), snapshot(tmp_path / "o2")
    assert {p.relative_to(tmp_path / "o1") for p in a} == {p.relative_to(tmp_path / "o2") for p in b}
    for p, data in a.items():
        assert data == (tmp_path / "o2" / p.relative_to(tmp_path / "o1")).read_bytes()
    rows = [json.loads(x)["i"] for x in (tmp_path / "o2" / "big.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows == list(range(2300))


def test_resume_skips_done_files_and_checks_options(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(4):
        (src / f"{i}.txt").write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    assert run("clean", src, "-o", out, "-q").returncode == 0
    # simulate an interrupted run: one output missing, one stale temporary file
    (out / "2.txt").unlink()
    (out / ".3.txt.abc.tmp").write_text("half", encoding="utf-8")
    (out / "0.txt").write_text("marker", encoding="utf-8")  # done earlier: must not be redone
    r = run("clean", src, "-o", out, "--resume")
    assert r.returncode == 0, r.stderr
    assert "3 files already done" in r.stdout
    assert (out / "2.txt").read_text(encoding="utf-8") == ARTICLE
    assert (out / "0.txt").read_text(encoding="utf-8") == "marker"
    r = run("clean", src, "-o", out, "--resume", "--threshold", "0.5")
    assert r.returncode == 2 and "other options" in r.stderr
    assert run("clean", src, "-o", out, "--resume", "--overwrite").returncode == 2


def test_in_place_keeps_a_backup(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DOC, encoding="utf-8")
    g = tmp_path / "b.txt"
    g.write_text(DOC, encoding="utf-8")
    r = run("clean", f, "--in-place", "-q")
    assert r.returncode == 0, r.stderr
    assert f.read_text(encoding="utf-8") == ARTICLE
    assert (tmp_path / "a.txt.bak").read_text(encoding="utf-8") == DOC
    run("clean", f, "--in-place", "-q")  # a second run never replaces the original backup
    assert (tmp_path / "a.txt.bak").read_text(encoding="utf-8") == DOC
    assert run("clean", g, "--in-place", "--no-backup", "-q").returncode == 0
    assert not (tmp_path / "b.txt.bak").exists() and g.read_text(encoding="utf-8") == ARTICLE
    assert run("clean", g, "--in-place", "-o", tmp_path / "x").returncode == 2


def test_keep_encoding_and_utf8_default(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "gbk.txt").write_bytes(DOC.encode("gb18030"))
    run("clean", src, "-o", tmp_path / "u", "-q")
    run("clean", src, "-o", tmp_path / "k", "--keep-encoding", "-q")
    assert (tmp_path / "u" / "gbk.txt").read_bytes() == ARTICLE.encode("utf-8")
    assert (tmp_path / "k" / "gbk.txt").read_bytes() == ARTICLE.encode("gb18030")


def test_include_exclude_and_symlinks(tmp_path):
    src = tmp_path / "src"
    (src / "skip").mkdir(parents=True)
    (src / "keep.txt").write_text(DOC, encoding="utf-8")
    (src / "page.html").write_text(DOC, encoding="utf-8")
    (src / "skip" / "x.txt").write_text(DOC, encoding="utf-8")
    (src / ".hidden.txt").write_text(DOC, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(DOC, encoding="utf-8")
    os.symlink(outside, src / "link.txt")
    os.symlink(src / "keep.txt", src / "inner_link.txt")
    out = tmp_path / "o"
    r = run("clean", src, "-o", out, "--include", "*.txt", "--include", "*.html", "--exclude", "skip", "--no-list")
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert names == ["inner_link.txt", "keep.txt", "page.html"]
    assert "link.txt: symbolic link out of the tree" in r.stderr and r.returncode == 1
    r = run("clean", src, "-o", tmp_path / "o2", "--follow-symlinks", "-q")
    assert (tmp_path / "o2" / "link.txt").read_text(encoding="utf-8") == ARTICLE and r.returncode == 0


def test_unreadable_file_is_reported_and_the_run_goes_on(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.txt").write_text(DOC, encoding="utf-8")
    os.symlink(src / "missing.txt", src / "dangling.txt")  # inside the tree, but nothing to read
    (src / "bad.txt").write_bytes(b"\xff\xfe\xfa" * 50 + "中文".encode("utf-8") + b"\x81" * 3)
    r = run("clean", src, "-o", tmp_path / "o", "-q")
    assert r.returncode == 1
    assert "dangling.txt: unreadable" in r.stderr
    assert (tmp_path / "o" / "ok.txt").read_text(encoding="utf-8") == ARTICLE


def test_stdin_jsonl():
    line = json.dumps({"text": DOC, "k": 1}, ensure_ascii=False)
    r = run("clean", "-", "--format", "jsonl", stdin=line + "\nnot json\n")
    out = r.stdout.splitlines()
    assert json.loads(out[0]) == {"text": ARTICLE, "k": 1}
    assert out[1] == "not json" and "-:2: malformed" in r.stderr


def test_diff_marks_removed_lines(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DOC, encoding="utf-8")
    plain = run("diff", f, "--color", "never").stdout
    assert "\033[" not in plain
    lines = plain.splitlines()
    assert lines[0].startswith("=== ") and "2 of 4 paragraphs removed" in lines[0]
    assert lines[1].startswith("- " + JUNK_HEAD.strip()) and "[seo_spam" in lines[1]
    assert lines[2] == "  " + ARTICLE.splitlines()[0]
    assert "\033[31m- " in run("diff", f, "--color", "always").stdout


def test_big_text_file_is_streamed_in_blocks(tmp_path, monkeypatch):
    """Above BIG_TEXT_FILE a text file is cleaned block by block (patched small here)."""
    import argparse

    from junkfilter import JunkFilter, cleaner

    monkeypatch.setattr(cleaner, "BIG_TEXT_FILE", 2000)
    monkeypatch.setattr(cleaner, "TEXT_BLOCK", 700)
    f = tmp_path / "big.txt"
    f.write_text(DOC * 20, encoding="utf-8")
    args = argparse.Namespace(src=[str(f)], output=str(tmp_path / "o"), in_place=False, dry_run=False, resume=False,
                              overwrite=False, model=None, categories=None, text_field="text", add_fields=False,
                              keep_encoding=False, no_backup=False, include=None, exclude=None, follow_symlinks=False,
                              format="auto", report=str(tmp_path / "r.jsonl"), quiet=True, no_list=True, jobs=1)
    assert cleaner.clean_paths(args, JunkFilter()) == 0
    assert (tmp_path / "o" / "big.txt").read_text(encoding="utf-8") == ARTICLE * 20
    lines = sorted(json.loads(x)["line"] for x in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines())
    assert lines == sorted([4 * i + 1 for i in range(20)] + [4 * i + 4 for i in range(20)])


def test_progress_bar_on_a_terminal_only(tmp_path):
    """On a terminal: a progress bar with bytes and files; piped: none."""
    import pty
    import subprocess
    import sys

    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(DOC, encoding="utf-8")
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.run([sys.executable, "-m", "junkfilter.cli", "clean", str(src), "-o", str(tmp_path / "o"),
                           "--no-list"], stderr=slave, stdout=subprocess.DEVNULL, timeout=120)
    os.close(slave)
    seen = b""
    try:
        while True:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            seen += chunk
    except OSError:
        pass
    os.close(master)
    assert proc.returncode == 0
    text = seen.decode("utf-8", "replace")
    assert "cleaning" in text and "files=3/3" in text and "B/s" in text
    piped = run("clean", src, "-o", tmp_path / "o2", "--no-list")
    assert "cleaning" not in piped.stderr and "files cleaned" in piped.stdout


def test_interrupted_run_leaves_no_half_written_file(tmp_path):
    """Ctrl-C in the middle of a large JSONL file: the output is absent, never partial."""
    import signal
    import subprocess
    import sys
    import time

    f = tmp_path / "big.jsonl"
    with open(f, "w", encoding="utf-8") as fh:
        for i in range(40000):  # several seconds of work on one worker: the interrupt lands mid-file
            fh.write(json.dumps({"i": i, "text": DOC}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "junkfilter.cli", "clean", str(f), "-o", str(out), "-q",
                             "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while not list(out.glob(".big.jsonl.*.tmp")) and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)  # wait until it is writing
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert not (out / "big.jsonl").exists()
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    # and the same command with --resume then finishes the job
    r = run("clean", f, "-o", out, "--resume", "-q")
    assert r.returncode == 0
    assert len((out / "big.jsonl").read_text(encoding="utf-8").splitlines()) == 40000
