"""The on-disk index: FAISS vectors, chunk records, sentence vectors, BM25 and a manifest.

Layout of an index folder::

    CURRENT              name of the live build folder (replaced atomically)
    build-<time>-<pid>/  manifest.json, chunks.jsonl, dense.faiss, chunk_vectors.npy,
                         sentence_vectors.npy, sentence_offsets.npy, bm25/
    .lock                held while a build runs

A build is written into a fresh folder and made live by replacing ``CURRENT`` in one rename, so
an interrupted build leaves the previous index untouched. Nothing is loaded with pickle.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from .embedding import file_sha256
from .errors import IndexStateError
from .lexical import LexicalIndex
from .records import Chunk

FORMAT_VERSION = 1
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
REBUILD_HINT = "run `rag index --rebuild`"


@dataclass
class IndexData:
    """Everything a loaded index holds in memory."""

    manifest: dict[str, Any]
    chunks: list[Chunk]
    chunk_vectors: np.ndarray  # one row per chunk
    sentence_vectors: np.ndarray  # one row per sentence, chunk by chunk
    sentence_offsets: np.ndarray  # sentences of chunk i are rows [offsets[i], offsets[i+1])
    dense: Any  # faiss index over the retrievable chunks, in the order of ``rows``
    lexical: LexicalIndex  # BM25 over the same retrievable chunks
    rows: np.ndarray  # retrieval position -> chunk row
    path: Path | None = None

    def sentence_vectors_of(self, row: int) -> np.ndarray:
        return self.sentence_vectors[self.sentence_offsets[row] : self.sentence_offsets[row + 1]]


def make_faiss_index(vectors: np.ndarray, kind: str):
    """An inner-product FAISS index (exact "flat", or approximate "hnsw") holding ``vectors``."""
    import faiss

    dim = vectors.shape[1]
    if kind == "flat":
        index = faiss.IndexFlatIP(dim)
    elif kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 64
    else:
        raise ValueError(f"unknown FAISS index type {kind!r} (flat or hnsw)")
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def live_build(index_dir: Path) -> Path | None:
    """The folder of the live build, or None when there is no index."""
    pointer = Path(index_dir) / CURRENT
    if not pointer.exists():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    if not name or "/" in name or name.startswith("."):
        raise IndexStateError(f"{pointer} is damaged; {REBUILD_HINT}")
    return Path(index_dir) / name


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    build = live_build(index_dir)
    if build is None:
        return None
    try:
        return json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise IndexStateError(f"index manifest in {build} is missing or damaged; {REBUILD_HINT}") from None


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Exclusive lock on the index folder; a second concurrent build fails with a clear message."""
    import fcntl

    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexStateError(f"another build is running on {index_dir}; wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())


def save_index(index_dir: Path, data: IndexData) -> Path:
    """Write ``data`` as a new build and make it live atomically; remove older builds."""
    import faiss

    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"build-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = index_dir / f".{name}.partial"
    tmp.mkdir()
    with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
        for c in data.chunks:
            f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    np.save(tmp / "chunk_vectors.npy", data.chunk_vectors, allow_pickle=False)
    np.save(tmp / "sentence_vectors.npy", data.sentence_vectors, allow_pickle=False)
    np.save(tmp / "sentence_offsets.npy", data.sentence_offsets.astype(np.int64), allow_pickle=False)
    faiss.write_index(data.dense, str(tmp / "dense.faiss"))
    data.lexical.save(tmp / "bm25")
    manifest = dict(data.manifest)
    manifest["format"] = FORMAT_VERSION
    manifest["files"] = {
        p.relative_to(tmp).as_posix(): file_sha256(p) for p in sorted(tmp.rglob("*")) if p.is_file()
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    _fsync_tree(tmp)
    final = index_dir / name
    os.rename(tmp, final)
    pointer_tmp = index_dir / f".{CURRENT}.{os.getpid()}"
    pointer_tmp.write_text(name + "\n", encoding="utf-8")
    with open(pointer_tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(pointer_tmp, index_dir / CURRENT)
    data.manifest, data.path = manifest, final
    remove_stale_builds(index_dir)
    return final


def remove_stale_builds(index_dir: Path) -> None:
    """Delete builds that are not live (older ones, and partial ones from interrupted runs)."""
    live = live_build(index_dir)
    for p in Path(index_dir).iterdir():
        if p.is_dir() and (p.name.startswith("build-") or p.name.endswith(".partial")) and p != live:
            shutil.rmtree(p, ignore_errors=True)


def load_index(index_dir: Path) -> IndexData:
    """Load the live build, checking every file against the manifest."""
    import faiss

    build = live_build(index_dir)
    if build is None:
        raise IndexStateError(f"no index in {index_dir}; run `rag index`")
    manifest = read_manifest(index_dir)
    assert manifest is not None
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexStateError(f"index format {manifest.get('format')} is not {FORMAT_VERSION}; {REBUILD_HINT}")
    for fname, digest in manifest.get("files", {}).items():
        path = build / fname
        if not path.exists():
            raise IndexStateError(f"index file {fname} is missing; {REBUILD_HINT}")
        if file_sha256(path) != digest:
            raise IndexStateError(f"index file {fname} is damaged (checksum mismatch); {REBUILD_HINT}")
    try:
        with open(build / "chunks.jsonl", encoding="utf-8") as f:
            chunks = [Chunk.from_dict(json.loads(line)) for line in f]
        chunk_vectors = np.load(build / "chunk_vectors.npy", allow_pickle=False)
        sentence_vectors = np.load(build / "sentence_vectors.npy", allow_pickle=False)
        sentence_offsets = np.load(build / "sentence_offsets.npy", allow_pickle=False)
        dense = faiss.read_index(str(build / "dense.faiss"))
        rows = np.array([i for i, c in enumerate(chunks) if c.retrievable], dtype=np.int64)
        lexical = LexicalIndex.load(build / "bm25", len(rows))
    except Exception as e:
        raise IndexStateError(f"index in {build} cannot be read ({type(e).__name__}); {REBUILD_HINT}") from None
    n = len(chunks)
    if (
        chunk_vectors.shape[0] != n
        or len(sentence_offsets) != n + 1
        or sentence_vectors.shape[0] != int(sentence_offsets[-1])
        or dense.ntotal != len(rows)
        or manifest.get("counts", {}).get("chunks") != n
    ):
        raise IndexStateError(f"index files in {build} do not agree with each other; {REBUILD_HINT}")
    return IndexData(manifest, chunks, chunk_vectors, sentence_vectors, sentence_offsets, dense, lexical, rows, build)
