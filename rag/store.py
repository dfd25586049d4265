"""The on-disk index: FAISS vectors, chunk records, sentence vectors, BM25 and a manifest.

Layout of an index folder::

    .rag-index.json      marker: says the folder is an index made by this tool, and holds the folder's
                         token, which every name this tool creates there carries
    CURRENT              name of the live build folder (replaced atomically)
    build-<time>-<pid>-<token>-<n>/
                         manifest.json, chunks.sqlite, chunk_columns.npy, chunk_columns.json,
                         dense.faiss, chunk_vectors.npy, sentence_vectors.npy, sentence_offsets.npy, bm25/
    .lock                held while a build runs (``filelock``)

A build is written into a fresh ``.build-...partial`` folder and made live by replacing ``CURRENT`` in
one rename, so an interrupted build leaves the previous index untouched. Clean-up deletes only names
that carry the folder's token: leftovers of builds whose process is dead, and builds older than the
previous one, which is kept for readers that were loading it during the switch (see
:data:`GRACE_SECONDS`). A folder that is not empty and has no marker is never written to.

Format 2 is laid out to open in constant time at a million passages:

* passage and sentence vectors are float16 ``.npy`` files, memory-mapped read-only; scores are
  computed in float32 from them (the relative error of a cosine is below 1e-3);
* chunk records live in SQLite (one row per chunk), parsed only when a chunk is asked for; the
  per-chunk fields that filters need (label, council, section, statement, rating, kind, page) plus the
  sentence count and retrievability are small integer columns (``chunk_columns.npy``: codes into the
  value lists of ``chunk_columns.json``), loaded at open;
* above ``Settings.flat_index_max`` passages FAISS holds an HNSW graph over float16 passage vectors
  (read into memory on the first search); its candidates are re-scored from the stored vectors.

Loading checks every file against its sha256 in the manifest, but a file hashed before and provably
unchanged since (same device, inode, size, mtime and ctime, remembered in the user cache by
:func:`rag.embedding.cached_file_sha256`) is not read again; ``rag index --verify``
(:func:`verify_index`) hashes every byte regardless. It also checks the format and chunker versions,
the model's weights and that the files agree with each other, and retries once when a new build went
live meanwhile. Nothing is loaded with pickle.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import re
import secrets
import shutil
import sqlite3
import struct
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

import numpy as np

from .config import CHUNKER_VERSION
from .embedding import cached_file_sha256, file_sha256, remember_linked_sha256, resolve_model, weights_sha256
from .errors import IndexStateError, UsageError
from .lexical import LexicalIndex
from .records import Chunk

FORMAT_VERSION = 2
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
LOCK = ".lock"
MARKER = ".rag-index.json"
#: What the marker's "kind" says; a marker without it is someone else's file.
MARKER_KIND = "rag-index"
#: Largest marker read (it holds a few names; anything bigger is not ours).
MARKER_MAX_BYTES = 65_536
REBUILD_HINT = "run `rag index --rebuild`"
#: What CURRENT may name (builds of this and of earlier versions of the tool).
BUILD_NAME = re.compile(r"build-[\w.-]+")
#: Entries a folder may hold and still be taken as a new index folder (notes about it, and the lock).
FOLDER_NOTES = frozenset({"README.md", ".gitignore", ".gitkeep", LOCK})
#: How long the build retired by a switch is kept for readers that were loading it then: until the next
#: switch, or until a build starts this many seconds after the switch (a load takes well under a minute).
GRACE_SECONDS = 300
#: Index bytes per byte of document text, when no earlier build gives the ratio: the seeds' build
#: holds 18 bytes of files per byte of text (without the query encoder), so 16 is a cautious floor.
BYTES_PER_DOCUMENT_BYTE = 16
#: A marker file being written (before the folder has a token): ``.rag-index.json.<pid>.<hex>.tmp``.
_MARKER_TMP = re.compile(re.escape(MARKER) + r"\.(?P<pid>\d+)\.[0-9a-f]+\.tmp")
_STAMP = re.compile(r"build-(\d{8}T\d{6})-")
#: The retrievable passages' term document frequencies, counted at build time (optional: builds made before
#: it existed count them at open, reading every passage).
TERM_COUNTS = "term_counts.json"
#: Files every build has; the manifest must list each with its sha256.
REQUIRED_FILES = (
    "chunks.sqlite", "chunk_columns.npy", "chunk_columns.json", "chunk_vectors.npy", "sentence_vectors.npy", "sentence_offsets.npy", "dense.faiss",
    "bm25/params.index.json", "bm25/vocab.index.json", "bm25/data.csc.index.npy",
    "bm25/indices.csc.index.npy", "bm25/indptr.csc.index.npy",
)


#: Stored dtype of passage and sentence vectors (half the bytes of float32; scores are computed in float32).
VECTOR_DTYPE = np.float16
#: Per-chunk fields kept as coded columns for filtering without reading the chunk records.
CODED_COLUMNS = ("label", "council", "section", "statement", "rating", "kind", "page")
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
    #: For a new build: the retrievable passages' term document frequencies (counted when writing if not given).
    term_counts: dict[str, int] | None = None

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


# -- the folder marker: which folders and names are ours ---------------------------------------


@dataclass(frozen=True)
class FolderMarker:
    """What ``.rag-index.json`` records: the folder's token and builds adopted from an older layout."""

    token: str
    adopted: tuple[str, ...] = ()

    def owns_build(self, name: str) -> bool:
        """Whether ``name`` is a build folder this tool made here."""
        return name in self.adopted or re.fullmatch(rf"build-\d{{8}}T\d{{6}}-\d+-{self.token}-[0-9a-f]+", name) is not None

    def temp_owner(self, name: str) -> int | None:
        """The pid of the process that made the temporary ``name`` (a ``.partial`` folder or pointer file), if ours."""
        m = re.fullmatch(rf"\.[a-z][a-z-]*?-(?:\d{{8}}T\d{{6}}-)?(?P<pid>\d+)-{self.token}-[0-9a-f]+\.partial"
                         rf"|\.{CURRENT}\.(?P<pid2>\d+)\.{self.token}\.[0-9a-f]+", name)
        return int(m.group("pid") or m.group("pid2")) if m else None


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (a zombie counts as alive until it is reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _dead_or_self(pid: int) -> bool:
    """Temporaries of a dead process, or of this one, are leftovers (callers hold the build lock)."""
    return pid == os.getpid() or not _pid_alive(pid)


def read_marker(index_dir: Path) -> FolderMarker | None:
    """The folder's marker, None when it has none; a marker that is not ours is refused."""
    path = Path(index_dir) / MARKER
    if not path.exists() and not path.is_symlink():
        return None
    try:
        with open(path, "rb") as f:
            raw = f.read(MARKER_MAX_BYTES + 1)
        data = json.loads(raw.decode("utf-8")) if len(raw) <= MARKER_MAX_BYTES else None
    except (OSError, ValueError):
        data = None
    token = data.get("token") if isinstance(data, dict) else None
    adopted = data.get("adopted", []) if isinstance(data, dict) else None
    if (
        not isinstance(data, dict) or data.get("kind") != MARKER_KIND
        or not isinstance(token, str) or not re.fullmatch(r"[0-9a-f]{16}", token)
        or not isinstance(adopted, list) or not all(isinstance(a, str) and BUILD_NAME.fullmatch(a) for a in adopted)
    ):
        raise IndexStateError(f"{path} is damaged or not made by `rag index`; use another --index-dir")
    return FolderMarker(token, tuple(adopted))


def _legacy_live_build(index_dir: Path) -> str | None:
    """The live build of an index made before folders had a marker (CURRENT and a readable manifest), if any."""
    try:
        build = live_build(index_dir)
        if build is None:
            return None
        _read_build_manifest(build)
        return build.name
    except (IndexStateError, OSError):
        return None


def _only_notes(index_dir: Path) -> bool:
    """Whether the folder holds nothing but notes, the lock and markers being written (those of dead
    processes are removed)."""
    for p in index_dir.iterdir():
        m = _MARKER_TMP.fullmatch(p.name)
        if m and p.is_file():
            if not _pid_alive(int(m.group("pid"))):
                p.unlink(missing_ok=True)
        elif p.name not in FOLDER_NOTES:
            return False
    return True


def claim_index_dir(index_dir: Path) -> FolderMarker:
    """The marker of ``index_dir``, writing one into a new or empty folder; a foreign folder is refused.

    Refuses (UsageError) a folder that is not empty and has no marker, so that no command ever writes
    into, or cleans up, a folder of the user's. An index made before markers existed is adopted."""
    index_dir = Path(index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        marker = read_marker(index_dir)
        if marker is not None:
            return marker
        legacy = _legacy_live_build(index_dir)
        if legacy is None and not _only_notes(index_dir):
            raise UsageError(
                f"{index_dir} is not empty and is not an index folder made by `rag index` (it has no {MARKER}); "
                "choose a new or empty folder with --index-dir"
            )
        content = {
            "kind": MARKER_KIND,
            "version": 1,
            "token": secrets.token_hex(8),
            "adopted": [legacy] if legacy else [],
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "note": "This folder is an index made by `rag index`; it deletes only names that carry the token.",
        }
        tmp = index_dir / f"{MARKER}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            tmp.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
            _fsync(tmp)
            try:
                os.link(tmp, index_dir / MARKER)  # fails if another process wrote a marker first
            except FileExistsError:
                pass
        finally:
            tmp.unlink(missing_ok=True)
        _fsync(index_dir)
    except FileExistsError:
        raise UsageError(f"the index folder {index_dir} is a file, not a folder; choose another --index-dir") from None
    except OSError as e:
        raise IndexStateError(f"cannot write to the index folder {index_dir}: {e.strerror or e}") from None
    marker = read_marker(index_dir)
    assert marker is not None
    return marker


def _new_suffix(marker: FolderMarker) -> str:
    """``<pid>-<token>-<random>``: whose a new name is (this process, this folder), and unique."""
    return f"{os.getpid()}-{marker.token}-{secrets.token_hex(3)}"


def scratch_dir(index_dir: Path, purpose: str) -> Path:
    """A new ``.partial`` folder path for ``purpose`` (letters and dashes) that clean-up knows as ours."""
    if not re.fullmatch(r"[a-z][a-z-]*", purpose) or purpose.endswith("-"):
        raise ValueError(f"bad scratch purpose {purpose!r}")
    return Path(index_dir) / f".{purpose}-{_new_suffix(claim_index_dir(index_dir))}.partial"


# -- the live pointer -----------------------------------------------------------------------------


def _pointer_name(index_dir: Path) -> str | None:
    """The build name CURRENT holds, None without an index; IndexStateError when it is damaged."""
    pointer = Path(index_dir) / CURRENT
    try:
        name = pointer.read_bytes().decode("utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        name = ""
    if not BUILD_NAME.fullmatch(name):
        raise IndexStateError(f"{pointer} is damaged; {REBUILD_HINT}")
    return name


def _pointer_name_or_none(index_dir: Path) -> str | None:
    """The build name CURRENT holds, or None when there is none or it is damaged."""
    try:
        return _pointer_name(index_dir)
    except IndexStateError:
        return None


def live_build(index_dir: Path) -> Path | None:
    """The folder of the live build, or None when there is no index."""
    name = _pointer_name(index_dir)
    if name is None:
        return None
    if not (Path(index_dir) / name).is_dir():
        raise IndexStateError(f"the live build {name} named in {Path(index_dir) / CURRENT} is missing; {REBUILD_HINT}")
    return Path(index_dir) / name


def _read_build_manifest(build: Path) -> dict[str, Any]:
    """The manifest of one build folder, checked for the fields every manifest has."""
    try:
        manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    shapes = {"model": dict, "documents": dict, "counts": dict, "files": dict}
    if not isinstance(manifest, dict) or not all(isinstance(manifest.get(k), t) for k, t in shapes.items()):
        raise IndexStateError(f"index manifest in {build} is missing or damaged; {REBUILD_HINT}")
    return manifest


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    """The live build's manifest, or None when there is no index."""
    build = live_build(index_dir)
    return None if build is None else _read_build_manifest(build)


# -- building: lock, disk space, write, switch, clean up ------------------------------------------


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[FolderMarker]:
    """Exclusive lock on an index folder of ours; a second concurrent build fails with a clear message."""
    from filelock import FileLock, Timeout

    index_dir = Path(index_dir)
    marker = claim_index_dir(index_dir)  # before the lock file: never create one in a foreign folder
    lock = FileLock(index_dir / LOCK, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise IndexStateError(f"another build is running on {index_dir}; wait for it to finish") from None
    except OSError as e:
        raise IndexStateError(f"cannot write to the index folder {index_dir}: {e.strerror or e}") from None
    try:
        yield marker
    finally:
        lock.release()


def _size(path: Path, skip_shared: bool = False) -> int:
    """Bytes of the files under ``path``; ``skip_shared`` leaves out hard-linked files (the next build links them)."""
    total = 0
    for p in path.rglob("*"):
        try:
            st = p.stat()
        except OSError:
            continue
        if p.is_file() and not (skip_shared and st.st_nlink > 1):
            total += st.st_size
    return total


def estimate_build_bytes(index_dir: Path, document_bytes: int, new_file_bytes: int = 0) -> int:
    """Disk space a new build of ``document_bytes`` of text will take: the live build's bytes per document
    byte when it records them (else :data:`BYTES_PER_DOCUMENT_BYTE`), plus ``new_file_bytes``."""
    ratio = float(BYTES_PER_DOCUMENT_BYTE)
    try:
        build = live_build(index_dir)
        manifest = _read_build_manifest(build) if build is not None else {}
        previous_bytes = manifest.get("document_bytes")
        if build is not None and isinstance(previous_bytes, int) and previous_bytes > 0:
            ratio = _size(build, skip_shared=True) / previous_bytes
    except IndexStateError:
        pass
    return int(ratio * document_bytes) + new_file_bytes


def _megabytes(n: int) -> str:
    """A byte count as megabytes, for messages."""
    return f"{n / 1e6:,.1f} MB"


def check_free_space(index_dir: Path, needed: int) -> None:
    """Refuse to start a build that clearly cannot fit on the disk of ``index_dir``."""
    free = shutil.disk_usage(index_dir).free
    if free < needed:
        raise IndexStateError(
            f"not enough disk space for the index in {index_dir}: a build needs about {_megabytes(needed)}, "
            f"{_megabytes(free)} are free; free some space or choose another --index-dir"
        )


def _fsync(path: Path) -> None:
    """Flush a file's or folder's data to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: Threads that flush a build's files together: fsync waits on the disk, not the CPU, and concurrent
#: flushes of one file system share journal commits (a build's ~20 files flush in about the time of one).
FSYNC_THREADS = 8


def _fsync_all(paths: Sequence[Path]) -> None:
    """Flush every file and folder of ``paths`` to disk, concurrently; returns once all are flushed."""
    with ThreadPoolExecutor(max_workers=min(FSYNC_THREADS, max(len(paths), 1)), thread_name_prefix="rag-fsync") as pool:
        for _ in pool.map(_fsync, paths):  # re-raises the first OSError, as the loop it replaces did
            pass


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


def _write_term_counts(path: Path, data: IndexData) -> None:
    """The document frequency of every term over the retrievable passages, so that opening the index for
    questions need not read every passage (:func:`load_term_counts`)."""
    from .terms import document_frequencies

    df = data.term_counts
    if df is None:
        df = document_frequencies([data.chunks[int(r)].text for r in data.rows])
    path.write_text(json.dumps({"passages": len(data.rows), "df": df}, ensure_ascii=False), encoding="utf-8")


def load_term_counts(data: IndexData) -> dict[str, int] | None:
    """The term document frequencies stored with a loaded build (checked with its other files), or None
    when it has none or they do not belong to its passages (then the caller counts them)."""
    if data.path is None or TERM_COUNTS not in (data.manifest.get("files") or {}):
        return None
    try:
        stored = json.loads((Path(data.path) / TERM_COUNTS).read_text(encoding="utf-8"))
        df = stored["df"]
        if stored["passages"] != len(data.rows) or not isinstance(df, dict):
            return None
        return df
    except (OSError, ValueError, KeyError, TypeError):
        return None


def chunks_of_kind(data: IndexData, kind: str) -> list[Chunk]:
    """The chunks of one kind ("rating": score lines and lists; "published": publication lines), in order, found
    through the metadata columns so that the other records are not read."""
    kinds = data.columns.values["kind"]
    if kind not in kinds:
        return []
    rows = np.flatnonzero(data.columns.codes[:, CODED_COLUMNS.index("kind")] == kinds.index(kind))
    return [data.chunks[int(i)] for i in rows]


def _write_build(folder: Path, data: IndexData) -> tuple[dict[str, Any], dict[str, tuple[str, os.stat_result]]]:
    """Write every file of ``data`` into ``folder``; returns the manifest written with them, and the files
    hard-linked from elsewhere with their sha256 and the stamp it was checked against."""
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
    _write_term_counts(folder / TERM_COUNTS, data)
    linked: dict[str, tuple[str, os.stat_result]] = {}  # file name -> (sha256, stamp) of the source linked
    for name, src in data.extra_files.items():
        try:
            digest, before = cached_file_sha256(src), os.stat(src)  # remembered: checked just before the build
            os.link(src, folder / name)
            after = os.stat(folder / name)
            if (after.st_dev, after.st_ino, after.st_size, after.st_mtime_ns) == (
                    before.st_dev, before.st_ino, before.st_size, before.st_mtime_ns):
                linked[name] = (digest, before)  # the same file, unchanged: not read again
                remember_linked_sha256(src, digest, before)  # the link changed its ctime, not its bytes
        except OSError:
            shutil.copyfile(src, folder / name)
    manifest = dict(data.manifest)
    manifest["format"] = FORMAT_VERSION
    manifest["vectors"] = {"dtype": np.dtype(VECTOR_DTYPE).name, "faiss": "hnsw over float16 vectors"
                           if manifest.get("faiss_index") == "hnsw" else "flat float32"}
    manifest["files"] = {
        p.relative_to(folder).as_posix(): linked[p.relative_to(folder).as_posix()][0]
        if p.relative_to(folder).as_posix() in linked else file_sha256(p)
        for p in sorted(folder.rglob("*")) if p.is_file()
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    _fsync_all([*folder.rglob("*"), folder])
    return manifest, linked


def save_index(index_dir: Path, data: IndexData, keep_previous: bool = True) -> Path:
    """Write ``data`` as a new build and make it live atomically; remove older builds.

    The build it replaces is kept for readers still loading it (unless ``keep_previous`` is False: it
    was found damaged or out of date), and removed by a later clean-up."""
    index_dir = Path(index_dir)
    marker = claim_index_dir(index_dir)
    name = f"build-{time.strftime('%Y%m%dT%H%M%S')}-{_new_suffix(marker)}"
    tmp = index_dir / f".{name}.partial"
    pointer_tmp = index_dir / f".{CURRENT}.{_new_suffix(marker).replace('-', '.')}"
    retired = _pointer_name_or_none(index_dir)
    try:
        tmp.mkdir()
        manifest, linked = _write_build(tmp, data)
        final = index_dir / name
        os.rename(tmp, final)
        for fname, (digest, verified) in linked.items():
            remember_linked_sha256(final / fname, digest, verified)  # a load need not hash it again
        pointer_tmp.write_text(name + "\n", encoding="utf-8")
        _fsync(pointer_tmp)
        os.replace(pointer_tmp, index_dir / CURRENT)
        _fsync(index_dir)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        pointer_tmp.unlink(missing_ok=True)
        raise IndexStateError(f"cannot write the index to {index_dir}: {e.strerror or e}") from None
    data.manifest, data.path = manifest, final
    remove_stale_builds(index_dir, retired=retired, keep_retired=keep_previous)
    return final


def _age_order(p: Path) -> tuple[str, int]:
    """Sort key, oldest first: the time in a build's name, then its folder's modification time."""
    m = _STAMP.match(p.name)
    try:
        mtime = p.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return (m.group(1) if m else "", mtime)


def remove_stale_builds(index_dir: Path, retired: str | None = None, keep_retired: bool = True) -> None:
    """Delete what this tool left in ``index_dir`` and no longer needs (only while holding :func:`build_lock`).

    Only names carrying the folder's token are touched: temporaries of dead processes (or of this one),
    and builds other than the live one and the one kept for readers. That one is ``retired`` (the build
    a switch just replaced) when given, else the newest other build while the switch is under
    :data:`GRACE_SECONDS` old. Without a valid pointer no build is deleted."""
    index_dir = Path(index_dir)
    marker = read_marker(index_dir)
    if marker is None:
        return  # not a folder of ours: touch nothing
    entries = list(index_dir.iterdir())
    for p in entries:
        pid = marker.temp_owner(p.name)
        if pid is not None and _dead_or_self(pid):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
    try:
        live = live_build(index_dir)
    except IndexStateError:
        return  # the pointer is damaged: keep every build
    if live is None:
        return  # no live build to compare with: keep every build
    others = sorted(
        (p for p in entries if p != live and p.is_dir() and not p.is_symlink() and marker.owns_build(p.name)),
        key=_age_order,
    )
    keep: str | None = None
    if keep_retired and retired is not None:
        keep = retired
    elif keep_retired and others:
        try:
            switched = (index_dir / CURRENT).stat().st_mtime
        except OSError:
            switched = 0.0
        keep = others[-1].name if time.time() - switched < GRACE_SECONDS else None
    for p in others:
        if p.name != keep:
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


class RowFile:
    """Rows of a stored 2-D ``.npy`` matrix read with ``pread`` from a descriptor kept open (so a build
    removed meanwhile is still read whole). Reading a search's few hundred scattered rows this way copies
    them without mapping any page. Through the memory map, touching a few hundred scattered rows of a
    cached file maps far more than those rows (the kernel maps whole cached chunks around each fault: 410 MB
    for 1,000 random rows of a 460 MB file in a test here), so the pages had to be unmapped after every
    search (``madvise(MADV_DONTNEED)``) to keep a server's resident size flat: at 1M passages that path took
    ~2.8 ms per search (faults, then unmapping), this one ~1.3 ms."""

    def __init__(self, path: Path, array: np.ndarray):
        self.dtype, self.dim = array.dtype, int(array.shape[1])
        self.row_bytes = self.dim * self.dtype.itemsize
        self.offset = int(array.offset)
        self.fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self.fd)

    def read_runs(self, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """float32 rows ``start .. start + count - 1`` of every run, concatenated in order."""
        size, offset = self.row_bytes, self.offset
        parts = [os.pread(self.fd, c * size, offset + s * size) for s, c in zip(starts.tolist(), counts.tolist())]
        data = b"".join(parts)
        if len(data) != int(np.sum(counts)) * size:
            raise IndexStateError(f"an index vector file is shorter than its header says; {REBUILD_HINT}")
        return np.frombuffer(data, dtype=self.dtype).reshape(-1, self.dim).astype(np.float32)


#: Loaded vector arrays -> their :class:`RowFile` (arrays are not hashable: keyed by id, dropped with them).
_ROW_FILES: dict[int, RowFile] = {}


def read_runs(array: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """float32 copies of the rows ``start .. start + count - 1`` of every run of ``array``, concatenated in
    order: read from the file for an array :func:`_load_array` loaded, else taken from the array."""
    starts, counts = np.asarray(starts, dtype=np.int64), np.asarray(counts, dtype=np.int64)
    source = _ROW_FILES.get(id(array))
    if source is not None:
        return source.read_runs(starts, counts)
    rows = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())
    return np.asarray(array[rows], dtype=np.float32)


def _load_array(path: Path) -> np.ndarray:
    """A ``.npy`` file memory-mapped read-only (never unpickled), read at random: a search touches a few
    hundred scattered rows, and the kernel's read-ahead would map (and count as resident) their neighbours too.
    A search's scattered rows are read with :func:`read_runs` instead (through a :class:`RowFile`)."""
    array = np.load(path, mmap_mode="r", allow_pickle=False)
    mapping = getattr(array, "_mmap", None)
    if mapping is not None and hasattr(mapping, "madvise") and hasattr(mmap, "MADV_RANDOM"):
        mapping.madvise(mmap.MADV_RANDOM)
    if isinstance(array, np.memmap) and array.ndim == 2 and array.flags.c_contiguous:
        key = id(array)
        _ROW_FILES[key] = RowFile(path, array)
        weakref.finalize(array, _ROW_FILES.pop, key, None)
    return array


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
    """Load the live build, checking its files, chunker and model against the manifest.

    When loading fails and CURRENT meanwhile names another build (a build went live during the load and
    the one being read was cleaned up), loads once more, from the new build."""
    for attempt in (1, 2):
        seen = _pointer_name_or_none(index_dir)
        try:
            build = live_build(index_dir)
            if build is None:
                raise IndexStateError(f"no index in {index_dir}; run `rag index`")
            return _load_build(build)
        except IndexStateError:
            if attempt == 2 or _pointer_name_or_none(index_dir) in (seen, None):
                raise
    raise AssertionError("unreachable")


def _load_build(build: Path) -> IndexData:
    """Load one build folder, checking its files, chunker and model against its manifest."""
    manifest = _read_build_manifest(build)
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
