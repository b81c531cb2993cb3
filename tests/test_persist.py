import json
import zipfile

import numpy as np
import pytest

from junkfilter import JunkFilter, ModelError
from junkfilter.filter import bundled_model_path
from junkfilter.persist import load_model

TEXT = "首页 > 新闻中心 > 正文\n我国新能源汽车产销量连续十年位居全球第一。\n本文来源于网络，如有侵权请联系删除。"


def test_bundled_model_loads_and_is_small():
    path = bundled_model_path()
    assert path.is_file()
    assert path.stat().st_size < 25 * 1024 * 1024
    spec, model, meta = load_model(path)
    assert meta["format"] == "junkfilter-model" and 0 < meta["threshold"] < 1
    assert np.isfinite(model.local_coef).all()


def test_truncated_file_fails_clearly(tmp_path):
    bad = tmp_path / "cut.npz"
    data = bundled_model_path().read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="truncated or corrupted"):
        JunkFilter(bad)


def test_corrupted_bytes_fail_clearly(tmp_path):
    data = bytearray(bundled_model_path().read_bytes())
    for i in range(2000, len(data) - 2000, 997):
        data[i] ^= 0xFF
    bad = tmp_path / "flipped.npz"
    bad.write_bytes(bytes(data))
    with pytest.raises(ModelError):
        JunkFilter(bad)


def test_not_a_model_and_missing(tmp_path):
    other = tmp_path / "other.npz"
    np.savez(other, x=np.arange(3))
    with pytest.raises(ModelError, match="not a junkfilter model"):
        JunkFilter(other)
    with pytest.raises(ModelError, match="not found"):
        JunkFilter(tmp_path / "nope.npz")
    pickle_like = tmp_path / "model.joblib"
    pickle_like.write_bytes(b"\x80\x04\x95garbage")
    with pytest.raises(ModelError):
        JunkFilter(pickle_like)


def _rewrite_meta(src, dst, **changes):
    with np.load(src) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(arrays["meta"].tobytes())
    meta.update(changes)
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    np.savez_compressed(dst, **arrays)


def test_model_from_another_sklearn_version_loads(tmp_path):
    other = tmp_path / "old.npz"
    _rewrite_meta(bundled_model_path(), other, trained_with={"scikit-learn": "0.24.2", "numpy": "1.19"})
    assert JunkFilter(other).clean(TEXT) == JunkFilter().clean(TEXT)


def test_newer_format_fails_with_upgrade_hint(tmp_path):
    newer = tmp_path / "new.npz"
    _rewrite_meta(bundled_model_path(), newer, format_version=99)
    with pytest.raises(ModelError, match="upgrade junkfilter"):
        JunkFilter(newer)


def test_no_pickle_inside():
    with zipfile.ZipFile(bundled_model_path()) as z:
        for name in z.namelist():
            with z.open(name) as fh:
                header = fh.read(10)
            assert header.startswith(b"\x93NUMPY"), name
        # every array loads without allow_pickle
    with np.load(bundled_model_path(), allow_pickle=False) as z:
        for k in z.files:
            assert z[k].dtype != object
