"""The on-disk index: FAISS vectors, chunk records, sentence vectors, BM25 and a manifest.

Layout of an index folder::

    CURRENT              name of the live build folder (replaced atomically)
    build-<time>-<pid>/  manifest.json, chunks.jsonl, dense.faiss, chunk_vectors.npy,
                         sentence_vectors.npy, sentence_offsets.npy, bm25/
    .lock                held while a build runs

A build is written into a fresh folder and made live by replacing ``CURRENT`` in one rename, so
an interrupted build leaves the previous index untouched (the next build removes its leftovers).
Loading checks every file against its sha256 in the manifest, the format and chunker versions, the
model's weights and the arrays' shapes. Nothing is loaded with pickle.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from .config import CHUNKER_VERSION
from .embedding import file_sha256, resolve_model, weights_sha256
from .errors import IndexStateError
from .lexical import LexicalIndex
from .records import Chunk

FORMAT_VERSION = 1
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
REBUILD_HINT = "run `rag index --rebuild`"
BUILD_NAME = re.compile(r"build-[\w.-]+")
#: Files every build has; the manifest must list each with its sha256.
REQUIRED_FILES = (
    "chunks.jsonl", "chunk_vectors.npy", "sentence_vectors.npy", "sentence_offsets.npy", "dense.faiss",
    "bm25/params.index.json", "bm25/vocab.index.json", "bm25/data.csc.index.npy",
    "bm25/indices.csc.index.npy", "bm25/indptr.csc.index.npy",
)


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
    #: Further files for a new build: name in the build folder -> source file (hard-linked, else copied).
    extra_files: dict[str, Path] = field(default_factory=dict)

    def sentence_vectors_of(self, row: int) -> np.ndarray:
        return self.sentence_vectors[self.sentence_offsets[row] : self.sentence_offsets[row + 1]]


def make_faiss_index(vectors: np.ndarray, kind: str):
    """An inner-product FAISS index (exact "flat", or approximate "hnsw") holding ``vectors``."""
    import faiss

    dim = vectors.shape[1]
    if kind == "flat":
        index = faiss.IndexFlatIP(dim)
    elif kind == "hnsw":
        # M=32, efConstruction=200, efSearch=512: recall@10 against exact search 0.97 at 1M passages (real
        # questions over recombined real embeddings), search p50 ~1 ms; the former efConstruction=80,
        # efSearch=64 gave 0.77 already at 100k (eval/reports/bench-scale.md). faiss 1.15 does not raise ef
        # to k, so the retriever's 200 candidates need efSearch >= 200 anyway.
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 200
        index.hnsw.efSearch = 512
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
    try:
        name = pointer.read_bytes().decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        name = ""
    if not BUILD_NAME.fullmatch(name):
        raise IndexStateError(f"{pointer} is damaged; {REBUILD_HINT}")
    if not (Path(index_dir) / name).is_dir():
        raise IndexStateError(f"the live build {name} named in {pointer} is missing; {REBUILD_HINT}")
    return Path(index_dir) / name


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    build = live_build(index_dir)
    if build is None:
        return None
    try:
        manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    shapes = {"model": dict, "documents": dict, "counts": dict, "files": dict}
    if not isinstance(manifest, dict) or not all(isinstance(manifest.get(k), t) for k, t in shapes.items()):
        raise IndexStateError(f"index manifest in {build} is missing or damaged; {REBUILD_HINT}")
    return manifest


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Exclusive lock on the index folder; a second concurrent build fails with a clear message."""
    import fcntl

    index_dir = Path(index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        f = open(index_dir / ".lock", "a+")
    except OSError as e:
        raise IndexStateError(f"cannot write to the index folder {index_dir}: {e.strerror}") from None
    with f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexStateError(f"another build is running on {index_dir}; wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_build(folder: Path, data: IndexData) -> dict[str, Any]:
    """Write every file of ``data`` into ``folder``; returns the manifest written with them."""
    import faiss

    with open(folder / "chunks.jsonl", "w", encoding="utf-8") as f:
        for c in data.chunks:
            f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    np.save(folder / "chunk_vectors.npy", data.chunk_vectors, allow_pickle=False)
    np.save(folder / "sentence_vectors.npy", data.sentence_vectors, allow_pickle=False)
    np.save(folder / "sentence_offsets.npy", data.sentence_offsets.astype(np.int64), allow_pickle=False)
    faiss.write_index(data.dense, str(folder / "dense.faiss"))
    data.lexical.save(folder / "bm25")
    for name, src in data.extra_files.items():
        try:
            os.link(src, folder / name)
        except OSError:
            shutil.copyfile(src, folder / name)
    manifest = dict(data.manifest)
    manifest["format"] = FORMAT_VERSION
    manifest["files"] = {
        p.relative_to(folder).as_posix(): file_sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    for p in [*folder.rglob("*"), folder]:
        _fsync(p)
    return manifest


def save_index(index_dir: Path, data: IndexData) -> Path:
    """Write ``data`` as a new build and make it live atomically; remove older builds."""
    index_dir = Path(index_dir)
    name = f"build-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = index_dir / f".{name}.partial"
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        tmp.mkdir()
        manifest = _write_build(tmp, data)
        final = index_dir / name
        os.rename(tmp, final)
        pointer_tmp = index_dir / f".{CURRENT}.{os.getpid()}"
        pointer_tmp.write_text(name + "\n", encoding="utf-8")
        _fsync(pointer_tmp)
        os.replace(pointer_tmp, index_dir / CURRENT)
        _fsync(index_dir)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise IndexStateError(f"cannot write the index to {index_dir}: {e.strerror or e}") from None
    data.manifest, data.path = manifest, final
    remove_stale_builds(index_dir)
    return final


def remove_stale_builds(index_dir: Path) -> None:
    """Delete older builds and leftovers of interrupted runs (only while holding :func:`build_lock`)."""
    try:
        live = live_build(index_dir)
    except IndexStateError:
        live = None  # the pointer is damaged: keep every build, remove only leftovers
    for p in Path(index_dir).iterdir():
        if p.name.startswith(f".{CURRENT}.") and p.is_file():
            p.unlink(missing_ok=True)
        elif p.is_dir() and (p.name.endswith(".partial") or p.name.startswith("build-") and live and p != live):
            shutil.rmtree(p, ignore_errors=True)


def check_model(manifest: dict[str, Any]) -> None:
    """Refuse an index built with other weights than the installed model of the same name."""
    model = manifest["model"]
    built_with = model.get("id")
    if not isinstance(built_with, str) or not isinstance(model.get("dim"), int):
        raise IndexStateError(f"index manifest does not say which model built it; {REBUILD_HINT}")
    path = resolve_model(built_with)[1]
    if path is None and model.get("weights_sha256"):
        raise IndexStateError(f"index was built with model {built_with!r}, which is not installed here; {REBUILD_HINT}")
    if weights_sha256(path) != model.get("weights_sha256"):
        raise IndexStateError(
            f"index was built with other weights of model {built_with!r} than the installed ones; {REBUILD_HINT}"
        )


def _check_files(build: Path, manifest: dict[str, Any]) -> None:
    files = manifest["files"]
    for fname in REQUIRED_FILES:
        if fname not in files:
            raise IndexStateError(f"index manifest does not list {fname}; {REBUILD_HINT}")
    for fname, digest in files.items():
        path = build / fname
        if not path.is_file():
            raise IndexStateError(f"index file {fname} is missing; {REBUILD_HINT}")
        try:
            actual = file_sha256(path)
        except OSError as e:
            raise IndexStateError(f"index file {fname} cannot be read ({e.strerror}); {REBUILD_HINT}") from None
        if actual != digest:
            raise IndexStateError(f"index file {fname} is damaged or truncated (checksum mismatch); {REBUILD_HINT}")


def load_index(index_dir: Path) -> IndexData:
    """Load the live build, checking its files, chunker and model against the manifest."""
    import faiss

    build = live_build(index_dir)
    if build is None:
        raise IndexStateError(f"no index in {index_dir}; run `rag index`")
    manifest = read_manifest(index_dir)
    assert manifest is not None
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexStateError(f"index format {manifest.get('format')} is not {FORMAT_VERSION}; {REBUILD_HINT}")
    if manifest.get("chunker_version") != CHUNKER_VERSION:
        raise IndexStateError(
            f"index was built by chunker version {manifest.get('chunker_version')!r}, not {CHUNKER_VERSION!r}; "
            f"{REBUILD_HINT}"
        )
    _check_files(build, manifest)
    check_model(manifest)
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
    n, dim = len(chunks), manifest["model"]["dim"]
    if chunk_vectors.ndim != 2 or chunk_vectors.shape[1] != dim or dense.d != dim:
        raise IndexStateError(f"index vectors do not have the dimension {dim} given in its manifest; {REBUILD_HINT}")
    if (
        chunk_vectors.shape != (n, dim)
        or sentence_offsets.shape != (n + 1,)
        or sentence_vectors.shape != (int(sentence_offsets[-1]), dim)
        or chunk_vectors.dtype != np.float32
        or sentence_vectors.dtype != np.float32
        or not np.array_equal(np.diff(sentence_offsets), [len(c.sentences) for c in chunks])
        or any(c.chunk_id != i for i, c in enumerate(chunks))
        or dense.ntotal != len(rows)
        or manifest["counts"].get("chunks") != n
    ):
        raise IndexStateError(f"index files in {build} do not agree with each other; {REBUILD_HINT}")
    return IndexData(manifest, chunks, chunk_vectors, sentence_vectors, sentence_offsets, dense, lexical, rows, build)
