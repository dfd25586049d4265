"""A one-report index built once (without the ONNX query encoder, so copies are small), and private copies."""

from __future__ import annotations

import shutil

import pytest

from rag.config import Settings
from tests.helpers import QUERY_ENCODER_ENV, make_seeds, torch_query_encoder


@pytest.fixture(scope="session")
def pristine_small(tmp_path_factory, encoder) -> Settings:
    """A one-report index built once; tests use copies of it."""
    from rag.indexer import build_index

    root = tmp_path_factory.mktemp("small")
    settings = Settings(documents_dir=make_seeds(root / "seeds"), index_dir=root / "index")
    with torch_query_encoder():
        build_index(settings, encoder=encoder, progress=False)
    return settings


@pytest.fixture
def small(pristine_small, tmp_path, monkeypatch) -> Settings:
    """A private copy of the one-report seeds and index (and no ONNX export while the test runs)."""
    monkeypatch.setenv(*QUERY_ENCODER_ENV)
    shutil.copytree(pristine_small.seeds_dir, tmp_path / "seeds")
    shutil.copytree(pristine_small.index_dir, tmp_path / "index", ignore=shutil.ignore_patterns(".lock"))
    return Settings(documents_dir=tmp_path / "seeds", index_dir=tmp_path / "index")
