"""The on-disk index: FAISS vectors, chunk records, sentence vectors, BM25 and a manifest.

Layout of an index folder::

    CURRENT              name of the live build folder (replaced atomically)
    build-<time>-<pid>/  manifest.json, chunks.sqlite, chunk_columns.npy, chunk_columns.json,
                         dense.faiss, chunk_vectors.npy, sentence_vectors.npy, sentence_offsets.npy, bm25/
    .lock                held while a build runs

A build is written into a fresh folder and made live by replacing ``CURRENT`` in one rename, so
an interrupted build leaves the previous index untouched (the next build removes its leftovers).

Format 2 is laid out to open in constant time at a million passages:

* passage and sentence vectors are float16 ``.npy`` files, memory-mapped read-only; scores are
  computed in float32 from them (the relative error of a cosine is below 1e-3);
* chunk records live in SQLite (one row per chunk), parsed only when a chunk is asked for; the
  per-chunk fields that filters need (label, council, section, statement, rating, kind) plus the
  sentence count and retrievability are small integer columns (``chunk_columns.npy``: codes into the
  value lists of ``chunk_columns.json``), loaded at open;
* above ``Settings.flat_index_max`` passages FAISS holds an HNSW graph over float16 passage vectors
  (read into memory on the first search); its candidates are re-scored from the stored vectors.

Loading checks every file against its sha256 in the manifest, but a file hashed before and provably
unchanged since (same device, inode, size, mtime and ctime, remembered in the user cache by
:func:`rag.embedding.cached_file_sha256`) is not read again; ``rag index --verify``
(:func:`verify_index`) hashes every byte regardless. It also checks the format and chunker versions,
the model's weights and that the files agree with each other. Nothing is loaded with pickle.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import re
import shutil
import sqlite3
import struct
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

import numpy as np

from .config import CHUNKER_VERSION
from .embedding import cached_file_sha256, file_sha256, resolve_model, weights_sha256
from .errors import IndexStateError
from .lexical import LexicalIndex
from .records import Chunk

FORMAT_VERSION = 2
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
REBUILD_HINT = "run `rag index --rebuild`"
BUILD_NAME = re.compile(r"build-[\w.-]+")
#: Files every build has; the manifest must list each with its sha256.
REQUIRED_FILES = (
    "chunks.sqlite", "chunk_columns.npy", "chunk_columns.json", "chunk_vectors.npy", "sentence_vectors.npy", "sentence_offsets.npy", "dense.faiss",
    "bm25/params.index.json", "bm25/vocab.index.json", "bm25/data.csc.index.npy",
    "bm25/indices.csc.index.npy", "bm25/indptr.csc.index.npy",
)


#: Stored dtype of passage and sentence vectors (half the bytes of float32; scores are computed in float32).
VECTOR_DTYPE = np.float16
#: Per-chunk fields kept as coded columns for filtering without reading the chunk records.
CODED_COLUMNS = ("label", "council", "section", "statement", "rating", "kind")
#: Plain integer columns after the coded ones: sentences per chunk, 1 when retrievable.
COUNT_COLUMNS = ("sentences", "retrievable")
#: Parsed chunk records kept per open table (the passages of recent answers; a bounded memory cost).
CHUNK_CACHE = 4096


@dataclass(frozen=True)
class ChunkColumns:
    """Per-chunk metadata as integer columns: codes into value lists, and plain counts."""

    codes: np.ndarray  # (chunks, len(CODED_COLUMNS) + len(COUNT_COLUMNS)) int32
    values: dict[str, tuple]  # coded column -> its distinct values (str, int or None)

    @classmethod
    def of(cls, chunks: Iterable[Chunk]) -> "ChunkColumns":
        """The columns of ``chunks`` (in order)."""
        index: dict[str, dict[Any, int]] = {name: {} for name in CODED_COLUMNS}
        rows = []
        for c in chunks:
            row = [index[name].setdefault(getattr(c, name), len(index[name])) for name in CODED_COLUMNS]
            rows.append(row + [len(c.sentences), int(c.retrievable)])
        width = len(CODED_COLUMNS) + len(COUNT_COLUMNS)
        codes = np.array(rows, dtype=np.int32).reshape(len(rows), width)
        return cls(codes, {name: tuple(index[name]) for name in CODED_COLUMNS})

    def __len__(self) -> int:
        return len(self.codes)

    def column(self, name: str) -> np.ndarray:
        """The values of one column, one per chunk (an object array for coded columns)."""
        if name in COUNT_COLUMNS:
            return self.codes[:, len(CODED_COLUMNS) + COUNT_COLUMNS.index(name)].astype(np.int64)
        table = np.empty(len(self.values[name]), dtype=object)
        table[:] = self.values[name]
        return table[self.codes[:, CODED_COLUMNS.index(name)]]

    @property
    def sentence_counts(self) -> np.ndarray:
        return self.column("sentences")

    @property
    def retrievable(self) -> np.ndarray:
        return self.column("retrievable").astype(bool)


class ChunkTable(Sequence):
    """The chunk records of a build, read from SQLite one at a time (and cached) as they are asked for."""

    def __init__(self, path: Path, columns: ChunkColumns):
        self.path = Path(path)
        self._counts = columns.sentence_counts
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: OrderedDict[int, Chunk] = OrderedDict()

    def __len__(self) -> int:
        return len(self._counts)

    def id_range(self) -> tuple[int | None, int | None]:
        """(smallest id, largest id) of the table: two index look-ups (counting rows would read the whole table;
        a row missing in between is refused when it is asked for)."""
        with self._lock:
            lo = self._db.execute("SELECT min(id) FROM chunk").fetchone()[0]
            hi = self._db.execute("SELECT max(id) FROM chunk").fetchone()[0]
        return lo, hi

    def _parse(self, i: int, record: str) -> Chunk:
        chunk = Chunk.from_dict({"chunk_id": i, **json.loads(record)})
        if len(chunk.sentences) != self._counts[i]:
            raise IndexStateError(f"index files in {self.path.parent} do not agree with each other; {REBUILD_HINT}")
        return chunk

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        with self._lock:
            chunk = self._cache.get(i)
            if chunk is not None:
                self._cache.move_to_end(i)
                return chunk
            found = self._db.execute("SELECT record FROM chunk WHERE id = ?", (i,)).fetchone()
        if found is None:
            raise IndexStateError(f"index files in {self.path.parent} do not agree with each other; {REBUILD_HINT}")
        chunk = self._parse(i, found[0])
        with self._lock:
            self._cache[i] = chunk
            if len(self._cache) > CHUNK_CACHE:
                self._cache.popitem(last=False)
        return chunk

    def __iter__(self) -> Iterator[Chunk]:
        """Every chunk in order (parses all of them: for whole-corpus work, not for a question)."""
        with self._lock:
            cursor = self._db.execute("SELECT id, record FROM chunk ORDER BY id")
            batches = []
            while batch := cursor.fetchmany(4096):
                batches.append(batch)
        expected = 0
        for batch in batches:
            for i, record in batch:
                if i != expected:
                    raise IndexStateError(f"index files in {self.path.parent} do not agree with each other; {REBUILD_HINT}")
                expected += 1
                yield self._parse(i, record)


class FaissFile:
    """A saved FAISS index: dimension and size from its header at once, the index itself on first use
    (indexes up to ``flat_index_max`` passages are searched with numpy, so a question never needs it)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        with open(self.path, "rb") as f:
            header = f.read(16)
        if len(header) < 16:
            raise ValueError("FAISS header")
        # every FAISS index file starts with a four-character code, the dimension (int32) and the size (int64)
        _, self.d, self.ntotal = struct.unpack("<4siq", header)
        self._index = None
        self._lock = threading.Lock()

    @property
    def index(self):
        """The FAISS index, read on first use."""
        with self._lock:
            if self._index is None:
                import faiss

                try:
                    index = faiss.read_index(str(self.path))
                except Exception as e:
                    raise IndexStateError(f"index file {self.path.name} cannot be read ({type(e).__name__}); {REBUILD_HINT}") from None
                if (index.d, index.ntotal) != (self.d, self.ntotal):
                    raise IndexStateError(f"index file {self.path.name} does not agree with its header; {REBUILD_HINT}")
                self._index = index
            return self._index

    def search(self, *args, **kwargs):
        return self.index.search(*args, **kwargs)


@dataclass
class IndexData:
    """Everything a loaded index holds: small parts in memory, vectors memory-mapped, chunks on demand."""

    manifest: dict[str, Any]
    chunks: Sequence[Chunk]  # a list while building; a :class:`ChunkTable` when loaded
    chunk_vectors: np.ndarray  # one row per chunk (float16 and read-only when loaded)
    sentence_vectors: np.ndarray  # one row per sentence, chunk by chunk (float16 and read-only when loaded)
    sentence_offsets: np.ndarray  # sentences of chunk i are rows [offsets[i], offsets[i+1])
    dense: Any  # faiss index (or a :class:`FaissFile`) over the retrievable chunks, in the order of ``rows``
    lexical: LexicalIndex  # BM25 over the same retrievable chunks
    rows: np.ndarray  # retrieval position -> chunk row
    path: Path | None = None
    #: Further files for a new build: name in the build folder -> source file (hard-linked, else copied).
    extra_files: dict[str, Path] = field(default_factory=dict)
    #: Per-chunk metadata columns (derived from ``chunks`` when not given).
    columns: ChunkColumns | None = None

    def __post_init__(self):
        if self.columns is None:
            self.columns = ChunkColumns.of(self.chunks)

    def sentence_vectors_of(self, row: int) -> np.ndarray:
        """The float32 vectors of chunk ``row``'s sentences."""
        return np.asarray(self.sentence_vectors[self.sentence_offsets[row] : self.sentence_offsets[row + 1]],
                          dtype=np.float32)


#: Vectors a scalar quantiser that needs training learns from (a random sample; float16 needs none).
QUANTISER_SAMPLE = 100_000


def make_faiss_index(vectors: np.ndarray, kind: str):
    """An inner-product FAISS index (exact "flat", or approximate "hnsw") holding ``vectors``."""
    import faiss

    dim = vectors.shape[1]
    if kind == "flat":
        index = faiss.IndexFlatIP(dim)
    elif kind == "hnsw":
        # M=32, efConstruction=200: the former efConstruction=80, efSearch=64 gave recall 0.77 already at
        # 100k (eval/reports/bench-scale.md). faiss 1.15 does not raise ef to k, so the retriever's 200
        # candidates need efSearch >= 200. The graph walks float16 vectors (half of float32's memory:
        # ~1.0 GB with the graph at 1M passages instead of ~1.7 GB); 8-bit ones would halve that again but
        # built 1.5x slower here, and float16 built faster than float32. Retriever.dense_scores re-scores
        # the candidates exactly from the stored vectors, so recall@10 against exact search (passage and
        # best-sentence mix, real questions over recombined real embeddings) is high already at
        # efSearch=256: 0.992 at 300k passages against 0.997 at 512, for 2.3 ms against 3.0 ms per search.
        index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_fp16, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 200
        index.hnsw.efSearch = 256
    else:
        raise ValueError(f"unknown FAISS index type {kind!r} (flat or hnsw)")
    if len(vectors):
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if not index.is_trained:
            sample = vectors[np.random.default_rng(0).permutation(len(vectors))[:QUANTISER_SAMPLE]]
            index.train(np.ascontiguousarray(sample))
        index.add(vectors)
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


def _write_chunks(path: Path, chunks: Iterable[Chunk]) -> None:
    """One SQLite row per chunk: its id and its record as JSON (the id is the row key, not repeated)."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE chunk (id INTEGER PRIMARY KEY, record TEXT NOT NULL)")

        def rows():
            for c in chunks:
                d = c.to_dict()
                del d["chunk_id"]
                yield c.chunk_id, json.dumps(d, ensure_ascii=False)

        db.executemany("INSERT INTO chunk VALUES (?, ?)", rows())
        db.commit()
    finally:
        db.close()


def _write_build(folder: Path, data: IndexData) -> dict[str, Any]:
    """Write every file of ``data`` into ``folder``; returns the manifest written with them."""
    import faiss

    _write_chunks(folder / "chunks.sqlite", data.chunks)
    columns = data.columns if data.columns is not None else ChunkColumns.of(data.chunks)
    np.save(folder / "chunk_columns.npy", columns.codes.astype(np.int32), allow_pickle=False)
    (folder / "chunk_columns.json").write_text(
        json.dumps({"coded": list(CODED_COLUMNS), "counts": list(COUNT_COLUMNS),
                    "values": {k: list(v) for k, v in columns.values.items()}}, ensure_ascii=False),
        encoding="utf-8")
    np.save(folder / "chunk_vectors.npy", np.asarray(data.chunk_vectors, dtype=VECTOR_DTYPE), allow_pickle=False)
    np.save(folder / "sentence_vectors.npy", np.asarray(data.sentence_vectors, dtype=VECTOR_DTYPE), allow_pickle=False)
    np.save(folder / "sentence_offsets.npy", np.asarray(data.sentence_offsets, dtype=np.int64), allow_pickle=False)
    faiss.write_index(data.dense.index if isinstance(data.dense, FaissFile) else data.dense, str(folder / "dense.faiss"))
    data.lexical.save(folder / "bm25")
    for name, src in data.extra_files.items():
        try:
            os.link(src, folder / name)
        except OSError:
            shutil.copyfile(src, folder / name)
    manifest = dict(data.manifest)
    manifest["format"] = FORMAT_VERSION
    manifest["vectors"] = {"dtype": np.dtype(VECTOR_DTYPE).name, "faiss": "hnsw over float16 vectors"
                           if manifest.get("faiss_index") == "hnsw" else "flat float32"}
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


def _check_files(build: Path, manifest: dict[str, Any], every_byte: bool = False) -> None:
    """Every file listed in the manifest exists and has its sha256 (remembered hashes of unchanged
    files are trusted unless ``every_byte``)."""
    files = manifest["files"]
    for fname in REQUIRED_FILES:
        if fname not in files:
            raise IndexStateError(f"index manifest does not list {fname}; {REBUILD_HINT}")
    for fname, digest in files.items():
        path = build / fname
        if not path.is_file():
            raise IndexStateError(f"index file {fname} is missing; {REBUILD_HINT}")
        try:
            actual = file_sha256(path) if every_byte else cached_file_sha256(path, expected=digest)
        except OSError as e:
            raise IndexStateError(f"index file {fname} cannot be read ({e.strerror}); {REBUILD_HINT}") from None
        if actual != digest:
            raise IndexStateError(f"index file {fname} is damaged or truncated (checksum mismatch); {REBUILD_HINT}")


def verify_index(index_dir: Path) -> dict[str, Any]:
    """Hash every byte of every file of the live build against its manifest, then load it; returns the manifest."""
    build = live_build(index_dir)
    if build is None:
        raise IndexStateError(f"no index in {index_dir}; run `rag index`")
    manifest = read_manifest(index_dir)
    assert manifest is not None
    if isinstance(manifest.get("files"), dict) and manifest.get("format") == FORMAT_VERSION:
        _check_files(build, manifest, every_byte=True)
    return load_index(index_dir).manifest


def _load_array(path: Path) -> np.ndarray:
    """A ``.npy`` file memory-mapped read-only (never unpickled), read at random: a search touches a few
    hundred scattered rows, and the kernel's read-ahead would map (and count as resident) their neighbours too."""
    array = np.load(path, mmap_mode="r", allow_pickle=False)
    mapping = getattr(array, "_mmap", None)
    if mapping is not None and hasattr(mapping, "madvise") and hasattr(mmap, "MADV_RANDOM"):
        mapping.madvise(mmap.MADV_RANDOM)
    return array


def release_pages(array: np.ndarray) -> None:
    """Unmap the pages of a memory-mapped array from this process (they stay in the page cache).

    Touching a few hundred scattered rows of a cached file maps far more than those rows: the kernel maps
    whole cached chunks around each fault (410 MB for 1,000 random rows of a 460 MB file in a test here,
    read-ahead advice or not), so without this the resident size of a server grows to the size of the
    vector files within a few dozen searches. Costs ~0.1 ms."""
    mapping = getattr(array, "_mmap", None)
    if mapping is not None and hasattr(mapping, "madvise") and hasattr(mmap, "MADV_DONTNEED"):
        mapping.madvise(mmap.MADV_DONTNEED)


def _load_columns(build: Path) -> ChunkColumns:
    meta = json.loads((build / "chunk_columns.json").read_text(encoding="utf-8"))
    codes = np.load(build / "chunk_columns.npy", allow_pickle=False)
    values = meta["values"]
    width = len(CODED_COLUMNS) + len(COUNT_COLUMNS)
    if (tuple(meta["coded"]) != CODED_COLUMNS or tuple(meta["counts"]) != COUNT_COLUMNS or codes.dtype != np.int32
            or codes.ndim != 2 or codes.shape[1] != width or set(values) != set(CODED_COLUMNS)):
        raise ValueError("chunk columns")
    for j, name in enumerate(CODED_COLUMNS):
        if len(codes) and (codes[:, j].min() < 0 or codes[:, j].max() >= len(values[name])):
            raise ValueError("chunk column codes")
    return ChunkColumns(codes, {k: tuple(v) for k, v in values.items()})


def load_index(index_dir: Path) -> IndexData:
    """Open the live build, checking its files, chunker and model against the manifest.

    Vectors are memory-mapped, chunk records stay in SQLite until asked for: opening costs the same
    at any size, apart from BM25 (read into memory) and FAISS (read on its first search)."""
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
        columns = _load_columns(build)
        chunks = ChunkTable(build / "chunks.sqlite", columns)
        id_range = chunks.id_range()
        chunk_vectors = _load_array(build / "chunk_vectors.npy")
        sentence_vectors = _load_array(build / "sentence_vectors.npy")
        sentence_offsets = np.load(build / "sentence_offsets.npy", allow_pickle=False)
        dense = FaissFile(build / "dense.faiss")
        rows = np.flatnonzero(columns.retrievable).astype(np.int64)
        lexical = LexicalIndex.load(build / "bm25", len(rows))
    except IndexStateError:
        raise
    except Exception as e:
        raise IndexStateError(f"index in {build} cannot be read ({type(e).__name__}); {REBUILD_HINT}") from None
    n, dim = len(columns), manifest["model"]["dim"]
    if chunk_vectors.ndim != 2 or chunk_vectors.shape[1] != dim or dense.d != dim:
        raise IndexStateError(f"index vectors do not have the dimension {dim} given in its manifest; {REBUILD_HINT}")
    if (
        chunk_vectors.shape != (n, dim)
        or sentence_offsets.shape != (n + 1,)
        or sentence_offsets[0] != 0
        or sentence_vectors.shape != (int(sentence_offsets[-1]), dim)
        or chunk_vectors.dtype != VECTOR_DTYPE
        or sentence_vectors.dtype != VECTOR_DTYPE
        or not np.array_equal(np.diff(sentence_offsets), columns.sentence_counts)
        or id_range != ((0, n - 1) if n else (None, None))
        or dense.ntotal != len(rows)
        or manifest["counts"].get("chunks") != n
    ):
        raise IndexStateError(f"index files in {build} do not agree with each other; {REBUILD_HINT}")
    return IndexData(manifest, chunks, chunk_vectors, sentence_vectors, sentence_offsets, dense, lexical, rows, build,
                     columns=columns)
