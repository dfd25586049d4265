"""Index format 2: compact vectors, chunks in SQLite, remembered hashes; built from synthetic data (no model)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from rag import embedding, store
from rag.config import CHUNKER_VERSION, DEFAULT_MODEL, Settings
from rag.embedding import resolve_model, weights_sha256
from rag.errors import IndexStateError
from rag.lexical import LexicalIndex
from rag.records import Chunk, Sentence
from rag.retrieve import Retriever

DIM = 384
COUNCILS = ("Harrow", "Hounslow", "Rutland County Council")


def synthetic_chunks(n: int, rng: np.random.Generator) -> list[Chunk]:
    """``n`` chunks of 1-4 sentences each, with varied metadata (a few not retrievable)."""
    chunks = []
    for i in range(n):
        words = [f"word{int(w)}" for w in rng.integers(0, 400, size=int(rng.integers(1, 5)) * 6)]
        parts = [" ".join(words[j : j + 6]) + "." for j in range(0, len(words), 6)]
        sentences, pos = [], 100
        for p in parts:
            sentences.append(Sentence(pos, pos + len(p), p))
            pos += len(p) + 1
        council = COUNCILS[i % 3] if i % 7 else None
        chunks.append(Chunk(
            chunk_id=i, doc_id=f"doc{i % 4}.txt", council=council,
            label=council or "Unnamed council · Assessing needs · score 2",
            statement="Assessing needs" if i % 2 else None, theme=None, page="statement",
            section=f"Section {i % 5}", paragraph=i, start=100, end=pos - 1, text=" ".join(parts),
            sentences=tuple(sentences), kind="boilerplate" if i % 11 == 5 else ("rating" if i % 9 == 0 else "finding"),
            rating=None if i % 4 == 0 else 1 + i % 4))
    return chunks


def unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def synthetic_data(n: int = 120, seed: int = 0) -> store.IndexData:
    """A self-consistent index of random vectors over synthetic chunks (manifest as the indexer writes it)."""
    rng = np.random.default_rng(seed)
    chunks = synthetic_chunks(n, rng)
    offsets = np.cumsum([0] + [len(c.sentences) for c in chunks]).astype(np.int64)
    chunk_vectors = unit(rng.normal(size=(n, DIM)))
    sentence_vectors = unit(rng.normal(size=(int(offsets[-1]), DIM)))
    rows = np.array([c.chunk_id for c in chunks if c.retrievable], dtype=np.int64)
    model_id, path = resolve_model(DEFAULT_MODEL)
    manifest = {"model": {"id": model_id, "weights_sha256": weights_sha256(path), "dim": DIM},
                "chunker_version": CHUNKER_VERSION, "documents": {}, "faiss_index": "flat",
                "counts": {"documents": 4, "chunks": n, "retrievable": len(rows), "sentences": int(offsets[-1])}}
    return store.IndexData(manifest, chunks, chunk_vectors, sentence_vectors, offsets,
                           store.make_faiss_index(chunk_vectors[rows], "flat"),
                           LexicalIndex.build([c.text for c in chunks if c.retrievable]), rows)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Remembered hashes go to a private cache, and are remembered at once (no 2 s wait)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(embedding, "RACY_SECONDS", -1.0)


@pytest.fixture
def saved(tmp_path):
    data = synthetic_data()
    store.save_index(tmp_path / "index", data)
    return data, tmp_path / "index"


def test_compact_store_round_trips(saved):
    data, index_dir = saved
    loaded = store.load_index(index_dir)
    assert loaded.manifest["format"] == store.FORMAT_VERSION == 2
    assert list(loaded.chunks) == list(data.chunks)
    assert [loaded.chunks[i] for i in (5, 0, len(data.chunks) - 1)] == [data.chunks[i] for i in (5, 0, len(data.chunks) - 1)]
    assert loaded.chunks[-1] == data.chunks[-1] and loaded.chunks[2:4] == data.chunks[2:4]
    assert loaded.chunk_vectors.dtype == loaded.sentence_vectors.dtype == np.float16
    assert np.array_equal(loaded.chunk_vectors, data.chunk_vectors.astype(np.float16))
    assert np.array_equal(loaded.sentence_vectors, data.sentence_vectors.astype(np.float16))
    assert np.abs(loaded.sentence_vectors_of(7) - data.sentence_vectors_of(7)).max() < 1e-3
    assert np.array_equal(loaded.sentence_offsets, data.sentence_offsets)
    assert np.array_equal(loaded.rows, data.rows)
    assert np.array_equal(loaded.columns.codes, data.columns.codes) and loaded.columns.values == data.columns.values
    for name in store.CODED_COLUMNS:
        assert list(loaded.columns.column(name)) == [getattr(c, name) for c in data.chunks], name
    assert (loaded.dense.d, loaded.dense.ntotal) == (DIM, len(data.rows))
    with pytest.raises(IndexError):
        loaded.chunks[len(data.chunks)]


def test_vectors_are_memory_mapped_read_only(saved):
    loaded = store.load_index(saved[1])
    for array in (loaded.chunk_vectors, loaded.sentence_vectors):
        assert isinstance(array, np.memmap) and not array.flags.writeable
        with pytest.raises(ValueError):
            array[0, 0] = 1.0


def test_retriever_gives_the_same_scores_from_the_compact_store(saved):
    """Exact search over the loaded store matches float32 search over the original vectors to float16 precision,
    and the HNSW path (FAISS over float16 vectors, candidates re-scored) ranks like the exact one."""
    data, index_dir = saved
    loaded = store.load_index(index_dir)
    query = unit(np.random.default_rng(1).normal(size=(1, DIM)))[0]
    exact = Retriever(loaded, Settings()).dense_scores(query)
    reference = Retriever(data, Settings()).dense_scores(query)
    assert np.abs(exact - reference).max() < 2e-3
    hnsw = dataclasses.replace(loaded, dense=store.make_faiss_index(
        np.asarray(loaded.chunk_vectors, dtype=np.float32)[loaded.rows], "hnsw"))
    approx = Retriever(hnsw, Settings(flat_index_max=0, candidates=10)).dense_scores(query)
    top = np.argsort(-exact, kind="stable")[:10]
    assert list(np.argsort(-approx, kind="stable")[:10]) == list(top)
    assert np.allclose(approx[top], exact[top], atol=1e-6)


def test_retriever_metadata_comes_from_the_columns(saved):
    data, index_dir = saved
    loaded = store.load_index(index_dir)
    retriever, reference = Retriever(loaded, Settings()), [data.chunks[r] for r in data.rows]
    assert list(retriever.labels) == [c.label.casefold() for c in reference]
    assert list(retriever.statements) == [c.statement or "" for c in reference]
    assert list(retriever.ratings) == [-1 if c.rating is None else c.rating for c in reference]
    assert retriever.catalogue.councils == tuple(sorted({c.council for c in reference if c.council}))
    assert retriever.catalogue.covers("harrow", "Assessing needs")
    assert [retriever.chunks[i] for i in (0, 3)] == [reference[0], reference[3]]


def test_remembered_hashes_spare_reading_unchanged_files(saved, monkeypatch):
    index_dir = saved[1]
    store.load_index(index_dir)  # hashes every file once, and remembers it
    read = []
    real = embedding.file_sha256
    for module in (embedding, store):
        monkeypatch.setattr(module, "file_sha256", lambda p: read.append(p) or real(p))
    store.load_index(index_dir)
    assert read == []
    store.verify_index(index_dir)  # `rag index --verify` reads every byte
    assert len(read) >= len(store.REQUIRED_FILES)


@pytest.mark.parametrize("fname", ["sentence_vectors.npy", "chunks.sqlite", "chunk_columns.npy", "dense.faiss"])
def test_a_damaged_file_is_refused_after_its_hash_was_remembered(saved, fname):
    index_dir = saved[1]
    store.load_index(index_dir)
    path = store.live_build(index_dir) / fname
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))
    with pytest.raises(IndexStateError, match=f"index file {fname} is damaged"):
        store.load_index(index_dir)
    with pytest.raises(IndexStateError, match=f"index file {fname} is damaged"):
        store.verify_index(index_dir)


def test_chunk_table_and_columns_that_disagree_are_refused(saved):
    import sqlite3

    index_dir = saved[1]
    build = store.live_build(index_dir)

    def rewrite(sql: str) -> None:
        db = sqlite3.connect(build / "chunks.sqlite")
        db.execute(sql)
        db.commit()
        db.close()
        manifest = store.json.loads((build / store.MANIFEST).read_text(encoding="utf-8"))
        manifest["files"]["chunks.sqlite"] = embedding.file_sha256(build / "chunks.sqlite")
        (build / store.MANIFEST).write_text(store.json.dumps(manifest), encoding="utf-8")

    # a record whose sentences do not match the sentence columns: refused when it is read
    rewrite("UPDATE chunk SET record = json_set(record, '$.sentences', json('[]')) WHERE id = 3")
    loaded = store.load_index(index_dir)
    with pytest.raises(IndexStateError, match="do not agree"):
        loaded.chunks[3]
    # a missing row in between: refused when it is read, or when the table is read through
    rewrite("DELETE FROM chunk WHERE id = 7")
    loaded = store.load_index(index_dir)
    with pytest.raises(IndexStateError, match="do not agree"):
        loaded.chunks[7]
    with pytest.raises(IndexStateError, match="do not agree"):
        list(loaded.chunks)
    # a missing first row: refused at load
    rewrite("DELETE FROM chunk WHERE id = 0")
    with pytest.raises(IndexStateError, match="do not agree"):
        store.load_index(index_dir)


def test_user_cache_dir_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert embedding.user_cache_dir() == tmp_path / "x" / "rag"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert embedding.user_cache_dir().parts[-2:] == (".cache", "rag")


def test_a_file_changed_moments_ago_is_always_hashed(tmp_path, monkeypatch):
    monkeypatch.setattr(embedding, "RACY_SECONDS", 3600.0)
    f = tmp_path / "f.bin"
    f.write_bytes(b"abc")
    first = embedding.cached_file_sha256(f)
    f.write_bytes(b"abd")  # same size, possibly the same timestamps: must not be trusted
    assert embedding.cached_file_sha256(f) == embedding.file_sha256(f) != first


def test_filtered_hnsw_search_keeps_the_index_ef(saved, monkeypatch):
    """A filter passes search parameters to FAISS; they must carry the index's efSearch, not faiss's default 16."""
    import faiss

    loaded = store.load_index(saved[1])
    hnsw = dataclasses.replace(loaded, dense=store.make_faiss_index(
        np.asarray(loaded.chunk_vectors, dtype=np.float32)[loaded.rows], "hnsw"))
    seen = []
    real = faiss.SearchParametersHNSW
    monkeypatch.setattr(faiss, "SearchParametersHNSW", lambda **kw: seen.append(kw) or real(**kw))
    retriever = Retriever(hnsw, Settings(flat_index_max=0, candidates=10))
    allowed = retriever.labels == "harrow"
    query = unit(np.random.default_rng(2).normal(size=(1, DIM)))[0]
    scores = retriever.dense_scores(query, allowed)
    assert seen and seen[0]["efSearch"] == hnsw.dense.hnsw.efSearch == 256
    exact = Retriever(loaded, Settings()).dense_scores(query)
    best = np.argsort(-np.where(allowed, exact, -np.inf), kind="stable")[:5]
    assert list(np.argsort(-np.where(allowed, scores, -np.inf), kind="stable")[:5]) == list(best)


def test_stored_term_counts_are_those_counted_from_the_passages(saved):
    """Opening an index for questions reads the build's term counts instead of every passage; they are the
    ones the passages give, and a build without them (older) is counted as before."""
    from rag.retrieve import RetrievableChunks
    from rag.terms import TermWeights

    data, index_dir = saved
    loaded = store.load_index(index_dir)
    stored = store.load_term_counts(loaded)
    assert stored is not None and len(stored) > 50
    counted = TermWeights(RetrievableChunks(data.chunks, data.rows)).df
    assert stored == counted
    assert store.TERM_COUNTS in loaded.manifest["files"]
    older = dataclasses.replace(loaded, manifest={**loaded.manifest, "files": {
        k: v for k, v in loaded.manifest["files"].items() if k != store.TERM_COUNTS}})
    assert store.load_term_counts(older) is None
    assert store.load_term_counts(dataclasses.replace(loaded, rows=loaded.rows[:-1])) is None


def test_chunks_of_a_kind_are_found_through_the_columns(saved, monkeypatch):
    data, index_dir = saved
    loaded = store.load_index(index_dir)
    monkeypatch.setattr(store.ChunkTable, "__iter__", lambda self: pytest.fail("every record was read"))
    found = store.chunks_of_kind(loaded, "rating")
    assert found == [c for c in data.chunks if c.kind == "rating"] and len(found) > 5
    assert store.chunks_of_kind(loaded, "no such kind") == []


def test_scattered_rows_are_read_from_the_files_as_stored(saved):
    """A search's candidate rows are read with pread from the vector files: the same float32 values as
    through the memory map, for loaded arrays and for in-memory ones alike."""
    data, index_dir = saved
    loaded = store.load_index(index_dir)
    assert id(loaded.sentence_vectors) in store._ROW_FILES
    starts, counts = np.array([5, 0, 40, 7]), np.array([3, 1, 0, 2])
    rows = np.concatenate([np.arange(s, s + c) for s, c in zip(starts, counts)])
    for array, original in ((loaded.sentence_vectors, data.sentence_vectors), (loaded.chunk_vectors, data.chunk_vectors)):
        got = store.read_runs(array, starts, counts)
        assert got.dtype == np.float32 and np.array_equal(got, np.asarray(array[rows], dtype=np.float32))
        assert np.array_equal(store.read_runs(original, starts, counts), original[rows])
