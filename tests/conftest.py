"""Shared fixtures: the real seeds, one index built once per test session, the cached encoder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag.config import PROJECT_ROOT, Settings  # noqa: E402

SEEDS = PROJECT_ROOT / "seeds"
GOLD = PROJECT_ROOT / "eval" / "gold.jsonl"


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory):
    """rag's user cache (remembered file hashes, the exported query encoder) in a folder of the test session."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    return Settings(documents_dir=SEEDS, index_dir=tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="session")
def encoder():
    from rag.embedding import load_encoder

    return load_encoder()


@pytest.fixture(scope="session")
def pipeline(settings, encoder):
    from rag.pipeline import Pipeline

    return Pipeline.load(settings=settings, build=True)


def copy_seeds(dest: Path, *only: str) -> Path:
    """A writable copy of the seeds folder (documents and metadata), or of the documents named in ``only``."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in SEEDS.iterdir():
        if p.is_file() and (not only or p.name in only):
            (dest / p.name).write_bytes(p.read_bytes())
    return dest
