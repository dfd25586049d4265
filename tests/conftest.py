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


@pytest.fixture(scope="session")
def fixture_pipeline(tmp_path_factory):
    """The fixture reports (five councils, every page kind) indexed with the fake encoder: no model load."""
    from tests.helpers import FIXTURE_REPORTS, fake_pipeline

    return fake_pipeline(FIXTURE_REPORTS, tmp_path_factory.mktemp("fixture-index"))


@pytest.fixture(scope="session")
def reports_settings(tmp_path_factory) -> Settings:
    """Settings over the fixture reports, with the index built into a temporary folder."""
    from tests.helpers import FIXTURE_REPORTS

    return Settings(documents_dir=FIXTURE_REPORTS, index_dir=tmp_path_factory.mktemp("reports-index"))


@pytest.fixture(scope="session")
def reports_pipeline(reports_settings, encoder):
    """The fixture reports indexed with the real model (the UI tests ask real questions of it)."""
    from rag.pipeline import Pipeline

    return Pipeline.load(settings=reports_settings, build=True)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the test session (browser tests skip when it is not installed)."""
    from tests.helpers import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():  # pragma: no cover - CI installs it
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
