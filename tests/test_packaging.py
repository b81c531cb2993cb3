"""The bundled model ships inside a non-editable install and loads from any folder."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_wheel_carries_the_model_and_loads_it_elsewhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(wheels), str(REPO)], check=True, capture_output=True, timeout=300)
    wheel = next(wheels.glob("junkfilter-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "junkfilter/_models/junkfilter-zh.npz" in names
    assert "junkfilter/vocab/templates_ad.txt" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import junkfilter, junkfilter.filter as f; p = f.bundled_model_path(); "
            "print(p.is_relative_to(%r)); print(junkfilter.clean('皇冠娱乐城官方网站-百家乐在线投注\\n正文内容。'))" % str(target))
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True,
                         check=True, timeout=120).stdout.splitlines()
    assert out == ["True", "正文内容。"]
