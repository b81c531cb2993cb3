"""The real `junkfilter` command on real files in temporary folders."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from junkfilter import __version__

ARTICLE = ("中国汽车工业协会今天发布数据显示，今年前十个月，我国新能源汽车产销分别完成1079万辆和1063万辆，同比分别增长33%。\n"
           "协会副秘书长表示，随着充电基础设施不断完善，新能源汽车在三四线城市和农村地区的渗透率明显提升。\n")
JUNK_HEAD = "皇冠娱乐城官方网站-皇冠体育平台-百家乐在线投注\n"
JUNK_TAIL = "扫码关注公众号，领取免费学习资料，咨询热线：400-820-1234\n"


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "junkfilter.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture()
def tree(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(JUNK_HEAD + ARTICLE + JUNK_TAIL, encoding="utf-8")
    (src / "sub" / "b.md").write_text(ARTICLE, encoding="utf-8")
    (src / "sub" / "gbk.txt").write_bytes((JUNK_HEAD + ARTICLE).encode("gbk"))
    (src / "big5.txt").write_bytes("颱風過後，台北市環保局動員清潔隊員兩千餘人次，連續三天清運倒伏路樹與廢棄家具，累計清運垃圾超過八千公噸。\n".encode("big5"))
    (src / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (src / "empty.txt").write_bytes(b"")
    (src / "skip.json").write_text("{}", encoding="utf-8")
    return src


def snapshot(folder):
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_clean_tree(tree, tmp_path):
    before = snapshot(tree)
    out = tmp_path / "out"
    report = tmp_path / "reports" / "removed.jsonl"  # its folder does not exist yet
    r = run("clean", tree, "-o", out, "--report", report)
    assert r.returncode == 1, r.stderr  # the binary file failed
    assert "image.txt: binary file" in r.stderr
    assert snapshot(tree) == before  # inputs untouched
    assert (out / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert (out / "sub" / "b.md").read_text(encoding="utf-8") == ARTICLE
    assert (out / "sub" / "gbk.txt").read_text(encoding="utf-8") == ARTICLE  # decoded, written as UTF-8
    assert "颱風過後" in (out / "big5.txt").read_text(encoding="utf-8")
    assert (out / "empty.txt").read_bytes() == b""
    assert not (out / "skip.json").exists() and not (out / "image.txt").exists()
    assert not list(out.rglob("*.tmp"))
    records = [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines()]
    assert {(Path(r["file"]).name, r["line"], r["category"]) for r in records} >= {
        ("a.txt", 1, "seo_spam"), ("a.txt", 4, "ad"), ("gbk.txt", 1, "seo_spam")}
    assert "removed:" in r.stdout and "gb18030" in r.stdout


def test_refuses_output_inside_input_and_existing_files(tree, tmp_path):
    r = run("clean", tree, "-o", tree / "out")
    assert r.returncode == 2 and "inside input folder" in r.stderr
    out = tmp_path / "o"
    out.mkdir()
    (out / "a.txt").write_text("keep me", encoding="utf-8")
    r = run("clean", tree / "a.txt", "-o", out)
    assert r.returncode == 1 and "--overwrite" in r.stderr
    assert (out / "a.txt").read_text(encoding="utf-8") == "keep me"
    r = run("clean", tree / "a.txt", "-o", out, "--overwrite", "-q")
    assert r.returncode == 0 and r.stdout == ""
    assert (out / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_dry_run_writes_only_the_report(tree, tmp_path):
    out, report = tmp_path / "out", tmp_path / "r.jsonl"
    run("clean", tree / "a.txt", "-o", out, "--dry-run", "--report", report)
    assert not out.exists()
    assert len(report.read_text(encoding="utf-8").splitlines()) == 2


def test_stdin_to_stdout_and_score():
    r = run("clean", "-", stdin=JUNK_HEAD + ARTICLE + JUNK_TAIL)
    assert r.returncode == 0 and r.stdout == ARTICLE
    r = run("score", "-", stdin=JUNK_HEAD + ARTICLE)
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["label"] for x in recs] == ["seo_spam", "content", "content"]
    assert recs[0]["text"] == JUNK_HEAD.strip()


def test_usage_errors_and_version(tmp_path):
    r = run("clean", tmp_path / "missing", "-o", tmp_path / "o")
    assert r.returncode == 2 and "no such file" in r.stderr
    r = run("clean", tmp_path)
    assert r.returncode == 2 and "-o OUT" in r.stderr
    r = run("clean", "-", "--categories", "spam", stdin="x")
    assert r.returncode == 2 and "unknown junk categories" in r.stderr
    assert run("--version").stdout.strip() == f"junkfilter {__version__}"
    assert "examples:" in run("--help").stdout


def test_categories_and_preset_flags(tree, tmp_path):
    r = run("clean", "-", "--categories", "ad", stdin=JUNK_HEAD + ARTICLE + JUNK_TAIL)
    assert r.stdout == JUNK_HEAD + ARTICLE
    r = run("clean", "-", "--preset", "precision", stdin=ARTICLE)
    assert r.stdout == ARTICLE


def test_eval_on_user_labelled_file(tmp_path):
    f = tmp_path / "l.jsonl"
    rows = [{"paragraphs": [JUNK_HEAD.strip(), *ARTICLE.splitlines()], "labels": ["seo_spam", "content", "content"],
             "split": "test"}] * 3
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    r = run("eval", "--labelled", f)
    assert r.returncode == 0, r.stderr
    assert "seo_spam" in r.stdout and "expected calibration error" in r.stdout
