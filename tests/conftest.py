"""Shared fixtures: paths to the repo, the shared data and the bundled model."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("JUNKFILTER_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not (DATA / "clean").is_dir():
        pytest.skip(f"shared data not found at {DATA} (set JUNKFILTER_DATA)")
    return DATA


@pytest.fixture(scope="session")
def jf():
    from junkfilter import JunkFilter

    return JunkFilter()


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, data_dir) -> Path:
    """A small model trained on real shared data (seconds), for tests that retrain."""
    from junkfilter.train import train_model

    out = tmp_path_factory.mktemp("model") / "tiny.npz"
    train_model(out, data_dir=data_dir, sizes={"train": 600, "calib": 150, "test": 150},
                log=lambda *_: None)
    return out
