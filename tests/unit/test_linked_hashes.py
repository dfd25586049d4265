"""A file hard-linked into a build keeps its remembered hash: the link changes its ctime, not its bytes."""

import os
import time

import pytest

import rag.embedding as embedding


@pytest.fixture
def old_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "graph.onnx"
    path.write_bytes(b"weights" * 1000)
    past = time.time_ns() - int(60e9)  # older than the racy window, so its hash is remembered
    os.utime(path, ns=(past, past))
    return path


def _hashing_forbidden(monkeypatch):
    def refuse(path):
        raise AssertionError(f"{path} was read again")
    monkeypatch.setattr(embedding, "file_sha256", refuse)


def test_a_linked_file_is_not_hashed_again(old_file, tmp_path, monkeypatch):
    digest = embedding.cached_file_sha256(old_file)
    verified = os.stat(old_file)
    link = tmp_path / "build" / "graph.onnx"
    link.parent.mkdir()
    os.link(old_file, link)
    for path in (old_file, link):
        embedding.remember_linked_sha256(path, digest, verified)
    _hashing_forbidden(monkeypatch)
    assert embedding.cached_file_sha256(old_file) == digest == embedding.cached_file_sha256(link)


def test_a_file_changed_after_its_check_is_not_remembered(old_file, monkeypatch):
    digest = embedding.cached_file_sha256(old_file)
    verified = os.stat(old_file)
    old_file.write_bytes(b"other" * 1000)
    embedding.remember_linked_sha256(old_file, digest, verified)
    assert embedding.cached_file_sha256(old_file) != digest
