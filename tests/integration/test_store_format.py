"""Index format 2 with the real model: what is loaded is what was built, and the ONNX query encoder is
exported once per model into the user cache, then reused by every build."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rag import query_encoder, store
from rag.chunking import chunk_document
from rag.config import Settings
from rag.corpus import load_corpus
from rag.indexer import build_index
from rag.pipeline import Pipeline
from tests.conftest import SEEDS

DOC = "000_49f02c2bf2791361.txt"  # the smallest seed report


def one_report(dest: Path) -> Path:
    dest.mkdir(parents=True)
    (dest / DOC).write_bytes((SEEDS / DOC).read_bytes())
    return dest


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(query_encoder, "_EXPORTED", {})
    return tmp_path / "cache" / "rag"


def test_the_query_encoder_is_exported_once_per_model(tmp_path, cache, encoder, monkeypatch):
    seeds = one_report(tmp_path / "seeds")
    exports = []
    real = query_encoder.export
    monkeypatch.setattr(query_encoder, "export", lambda *a, **k: exports.append(1) or real(*a, **k))
    first = build_index(Settings(documents_dir=seeds, index_dir=tmp_path / "a"), encoder=encoder, progress=False)
    assert len(exports) == 1 and first.manifest["query_encoder"]
    cached = query_encoder.cache_folder(encoder.weights_sha256, first.manifest["query_encoder"]["tokenizer_sha256"],
                                        encoder.dim)
    assert cached.parent == cache / "query-encoder" and (cached / query_encoder.ONNX_FILE).is_file()

    monkeypatch.setattr(query_encoder, "_EXPORTED", {})  # as in a new process
    second = build_index(Settings(documents_dir=seeds, index_dir=tmp_path / "b"), encoder=encoder, progress=False)
    assert len(exports) == 1  # another index, a fresh build: no second export
    assert second.manifest["query_encoder"] == first.manifest["query_encoder"]
    data = store.load_index(tmp_path / "b")
    assert (data.path / query_encoder.ONNX_FILE).read_bytes() == (cached / query_encoder.ONNX_FILE).read_bytes()
    assert query_encoder.load_query_encoder(data) is not None
    assert not [p for p in (tmp_path / "b").iterdir() if p.name.endswith(".partial")]


def test_what_is_loaded_is_what_was_built(tmp_path, cache, encoder):
    settings = Settings(documents_dir=one_report(tmp_path / "seeds"), index_dir=tmp_path / "index")
    build_index(settings, encoder=encoder, progress=False)
    data = store.load_index(settings.index_dir)
    corpus = load_corpus(settings.documents_dir, settings.max_document_bytes)
    chunks = [replace(c, chunk_id=i) for i, c in enumerate(c for d in corpus.documents for c in chunk_document(d))]
    assert list(data.chunks) == chunks
    texts = [s.text for c in chunks for s in c.sentences]
    expected = encoder.encode(texts[:20])  # another batch: float32 values may differ in the last bits
    assert np.abs(np.asarray(data.sentence_vectors[:20], dtype=np.float32) - expected).max() < 1e-3
    answer = Pipeline.load(settings=settings).ask("What is Schwarz Rounds?")
    assert answer.passages and answer.passages[0].chunk.doc_id == DOC
    assert all(p.chunk == chunks[p.chunk.chunk_id] for p in answer.passages)


def test_rag_index_verify_reads_every_byte(tmp_path, cache, encoder, capsys):
    from rag.cli import main

    settings = Settings(documents_dir=one_report(tmp_path / "seeds"), index_dir=tmp_path / "index")
    build_index(settings, encoder=encoder, progress=False)
    store.load_index(settings.index_dir)
    with pytest.raises(SystemExit) as e:
        main(["index", "--verify", "--index-dir", str(settings.index_dir)])
    assert e.value.code in (0, None) and "index verified" in capsys.readouterr().out
    vectors = store.live_build(settings.index_dir) / "chunk_vectors.npy"
    raw = bytearray(vectors.read_bytes())
    raw[-3] ^= 0x01
    vectors.write_bytes(bytes(raw))
    with pytest.raises(SystemExit) as e:
        main(["index", "--verify", "--index-dir", str(settings.index_dir)])
    err = capsys.readouterr().err
    assert e.value.code == 1 and "chunk_vectors.npy is damaged" in err and "\n" not in err.strip()
