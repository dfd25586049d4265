"""Shared fixtures: the real seeds, one index built once per test session, the cached encoder."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag.config import PROJECT_ROOT, Settings  # noqa: E402

SEEDS = PROJECT_ROOT / "seeds"
GOLD = PROJECT_ROOT / "eval" / "gold.jsonl"
FIXTURE_REPORTS = PROJECT_ROOT / "tests" / "fixtures" / "reports"  # five councils, every page kind


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


@pytest.fixture(scope="session")
def reports_settings(tmp_path_factory) -> Settings:
    """Settings over the fixture reports, with the index built into a temporary folder."""
    return Settings(documents_dir=FIXTURE_REPORTS, index_dir=tmp_path_factory.mktemp("reports-index"))


@pytest.fixture(scope="session")
def reports_pipeline(reports_settings, encoder):
    """The pipeline over the fixture reports (built once per test session)."""
    from rag.pipeline import Pipeline

    return Pipeline.load(settings=reports_settings, build=True)


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
