"""A build's files are flushed to disk (concurrently) before the build is renamed into place."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from rag import embedding, store
from rag.errors import IndexStateError

from .test_compact_store import synthetic_data


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Remembered hashes go to a private cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(embedding, "RACY_SECONDS", -1.0)


def test_every_file_and_folder_of_a_build_is_flushed_before_the_rename(tmp_path, monkeypatch):
    flushed: list[Path] = []
    threads: set[str] = set()
    lock = threading.Lock()
    real_fsync, real_rename = store._fsync, os.rename
    renamed: dict[str, list[Path]] = {}

    def recording_fsync(path):
        with lock:
            flushed.append(Path(path))
            threads.add(threading.current_thread().name)
        real_fsync(path)

    def recording_rename(src, dst):
        renamed[Path(src).name] = list(flushed)
        real_rename(src, dst)

    monkeypatch.setattr(store, "_fsync", recording_fsync)
    monkeypatch.setattr(store.os, "rename", recording_rename)
    final = store.save_index(tmp_path / "index", synthetic_data(40))

    partial = f".{final.name}.partial"
    assert partial in renamed
    before_rename = {p.name if p.name != partial else "." for p in renamed[partial] if partial in p.parts}
    expected = {p.name for p in final.rglob("*")} | {"."}
    assert expected <= before_rename and "bm25" in expected and "manifest.json" in expected
    assert any(name.startswith("rag-fsync") for name in threads)


def test_a_failed_flush_fails_the_save_and_leaves_no_build(tmp_path, monkeypatch):
    real_fsync = store._fsync

    def failing_fsync(path):
        if Path(path).name == "chunk_vectors.npy":
            raise OSError(5, "Input/output error")
        real_fsync(path)

    monkeypatch.setattr(store, "_fsync", failing_fsync)
    with pytest.raises(IndexStateError, match="Input/output error"):
        store.save_index(tmp_path / "index", synthetic_data(40))
    assert not [p.name for p in (tmp_path / "index").iterdir() if p.name.startswith(("build-", ".build-"))]


def test_fsync_all_flushes_each_path_once(tmp_path, monkeypatch):
    paths = [tmp_path / f"f{i}" for i in range(20)]
    for p in paths:
        p.write_bytes(b"x")
    seen: list[Path] = []
    lock = threading.Lock()

    def record(path):
        with lock:
            seen.append(path)

    monkeypatch.setattr(store, "_fsync", record)
    store._fsync_all([*paths, tmp_path])
    assert sorted(seen) == sorted([*paths, tmp_path])
