"""Model files: plain numpy arrays in one ``.npz``, loaded without pickle.

A model file holds the featurizer's parameters and normalisation tables, the two
stages' weights, the temperature, the default threshold and a JSON metadata record
(training data, metrics, library versions).  Nothing in it is executable, so it loads
the same under any scikit-learn version, and a damaged file fails with
``ModelError`` naming the file and what is wrong.
"""
from __future__ import annotations

import json
import os
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from .features import DENSE_NAMES, FeatureSpec
from .labels import LABELS
from .model import CONTEXT_NAMES, JunkModel

FORMAT = "junkfilter-model"
FORMAT_VERSION = 1
_ARRAYS = ("local_coef", "local_intercept", "context_coef", "context_intercept",
           "norm_code", "norm_class", "meta")


class ModelError(Exception):
    """A model file is missing, damaged, or not a junkfilter model."""


def save_model(path: str | os.PathLike, featurizer, clf, meta: dict[str, Any]) -> None:
    """Write a fitted ``ParagraphFeaturizer`` and ``JunkClassifier`` atomically."""
    import sklearn

    record = dict(meta)
    record.update({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "labels": list(LABELS),
        "dense_names": list(DENSE_NAMES),
        "context_names": list(CONTEXT_NAMES),
        "n_buckets": int(featurizer.n_buckets),
        "ngram_orders": [int(n) for n in featurizer.ngram_orders],
        "temperature": float(clf.temperature_),
        "junk_scale": float(getattr(clf, "junk_scale_", 1.0)),
        "junk_shift": float(getattr(clf, "junk_shift_", 0.0)),
        "trained_with": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
    })
    record.setdefault("threshold", 0.5)
    code, klass = featurizer.tables_
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        with open(tmp, "wb") as fh:
            np.savez_compressed(
                fh,
                local_coef=clf.local_coef_.astype(np.float32),
                local_intercept=clf.local_intercept_.astype(np.float32),
                context_coef=clf.context_coef_.astype(np.float64),
                context_intercept=clf.context_intercept_.astype(np.float64),
                norm_code=code.astype(np.int32),
                norm_class=klass.astype(np.int8),
                meta=np.frombuffer(json.dumps(record, ensure_ascii=False).encode(), dtype=np.uint8),
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def load_model(path: str | os.PathLike) -> tuple[FeatureSpec, JunkModel, dict[str, Any]]:
    """Read a model file; raise ``ModelError`` with a clear reason when it cannot be used."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"model file not found: {path}")
    try:
        with np.load(path, allow_pickle=False) as z:
            missing = [k for k in _ARRAYS if k not in z.files]
            if missing:
                raise ModelError(f"{path} is not a junkfilter model (missing {', '.join(missing)})")
            arrays = {k: z[k] for k in _ARRAYS}
    except ModelError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"cannot read model file {path}: it is truncated or corrupted ({exc}); "
            "reinstall junkfilter or retrain with `junkfilter train`"
        ) from exc
    try:
        meta = json.loads(arrays["meta"].tobytes().decode())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"model file {path} has unreadable metadata ({exc})") from exc
    if meta.get("format") != FORMAT:
        raise ModelError(f"{path} is not a junkfilter model")
    if meta.get("format_version", 0) > FORMAT_VERSION:
        raise ModelError(
            f"{path} was written by a newer junkfilter (format {meta['format_version']}, "
            f"this version reads {FORMAT_VERSION}); upgrade junkfilter"
        )
    if tuple(meta.get("labels", ())) != LABELS or tuple(meta.get("dense_names", ())) != DENSE_NAMES \
            or tuple(meta.get("context_names", ())) != CONTEXT_NAMES:
        raise ModelError(f"{path} was trained with other features or labels than this junkfilter version")
    n_buckets = int(meta["n_buckets"])
    expect = {
        "local_coef": (n_buckets + len(DENSE_NAMES), len(LABELS)),
        "local_intercept": (len(LABELS),),
        "context_coef": (len(CONTEXT_NAMES), len(LABELS)),
        "context_intercept": (len(LABELS),),
    }
    for key, shape in expect.items():
        if arrays[key].shape != shape:
            raise ModelError(f"model file {path} is damaged: {key} has shape {arrays[key].shape}, expected {shape}")
    for key in ("local_coef", "context_coef"):
        if not np.all(np.isfinite(arrays[key])):
            raise ModelError(f"model file {path} is damaged: {key} holds non-finite weights")
    spec = FeatureSpec(n_buckets, tuple(meta["ngram_orders"]), (arrays["norm_code"], arrays["norm_class"]))
    model = JunkModel(arrays["local_coef"], arrays["local_intercept"], arrays["context_coef"],
                      arrays["context_intercept"], float(meta["temperature"]),
                      float(meta.get("junk_scale", 1.0)), float(meta.get("junk_shift", 0.0)))
    return spec, model, meta
