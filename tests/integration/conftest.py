"""A one-report index built once (without the ONNX query encoder, so copies are small), and private copies."""

from __future__ import annotations

import os
import shutil

import pytest

from rag.config import Settings
from tests.helpers import make_seeds

#: Questions are encoded with sentence-transformers in these tests, so builds export no ONNX graph.
QUERY_ENCODER_ENV = ("RAG_QUERY_ENCODER", "torch")


@pytest.fixture(scope="session")
def pristine_small(tmp_path_factory, encoder) -> Settings:
    """A one-report index built once; tests use copies of it."""
    from rag.indexer import build_index

    root = tmp_path_factory.mktemp("small")
    settings = Settings(documents_dir=make_seeds(root / "seeds"), index_dir=root / "index")
    name, value = QUERY_ENCODER_ENV
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        build_index(settings, encoder=encoder, progress=False)
    finally:
        if old is None:
            os.environ.pop(name)
        else:
            os.environ[name] = old
    return settings


@pytest.fixture
def small(pristine_small, tmp_path, monkeypatch) -> Settings:
    """A private copy of the one-report seeds and index (and no ONNX export while the test runs)."""
    monkeypatch.setenv(*QUERY_ENCODER_ENV)
    shutil.copytree(pristine_small.seeds_dir, tmp_path / "seeds")
    shutil.copytree(pristine_small.index_dir, tmp_path / "index", ignore=shutil.ignore_patterns(".lock"))
    return Settings(documents_dir=tmp_path / "seeds", index_dir=tmp_path / "index")
