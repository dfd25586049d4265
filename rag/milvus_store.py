"""The Milvus engine's storage: an index kept in Milvus (Milvus Lite in a local ``.db`` file, or a
Milvus standalone or cluster reached by URI) instead of FAISS and files.

A build is the files index (made by :mod:`rag.indexer`, which also keeps the embedding cache) copied
into four collections named ``<prefix>_<part>_<build>``:

    passages   one row per chunk: passage vector (FLOAT_VECTOR, IP), the passage's BM25 term weights
               as computed by :mod:`rag.lexical` (SPARSE_FLOAT_VECTOR, IP), metadata (council, label,
               statement, theme, kind, rating, section, doc_id, offsets) and text
    sentences  one row per sentence: chunk_id and sentence vector (FLOAT_VECTOR, IP)
    blobs      the manifest and the BM25 vocabulary, as JSON cut into pieces
and one permanent collection ``<prefix>_live`` naming the live build, replaced in one upsert once a
build is complete (the files store's ``CURRENT``); older builds are then dropped.

A question's BM25 score of a passage is the inner product of the question's term counts with the
passage's stored term weights, which is exactly how :class:`rag.lexical.SavedBM25` sums them.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

import numpy as np

from .errors import IndexStateError, UsageError
from .lexical import SavedBM25, tokenize
from .records import Chunk
from .store import IndexData

#: URI schemes of a Milvus server; ``milvus://`` is this project's spelling of plain ``http://``.
SERVER_SCHEMES = {"milvus": "http", "http": "http", "https": "https", "tcp": "tcp"}
#: Default collection-name prefix (a server URI may give another as its path: milvus://host:19530/reports).
DEFAULT_PREFIX = "rag"
#: Seconds to wait for a Milvus server before giving up with a one-line error.
CONNECT_TIMEOUT_S = 10.0
#: Largest ``limit`` a Milvus search accepts (Milvus's topk limit).
TOPK_MAX = 16_384
#: Rows sent per insert (well under gRPC's 64 MiB message size for 384-dim vectors and paragraph texts).
INSERT_BATCH = 512
#: Rows read per query when loading the chunk records.
READ_BATCH = 1000
#: Longest VARCHAR Milvus stores (bytes); JSON blobs are cut into pieces of this many ASCII characters.
VARCHAR_MAX = 65_535
#: Sparse dimension given to a passage without any BM25 term (Milvus refuses empty sparse rows); no
#: question's term id is ever this large, so it never adds to a score.
NO_TERMS_DIM = 2**32 - 2
#: BM25 variants that add a score for terms a passage lacks, which per-passage term weights cannot hold.
NON_SPARSE_METHODS = ("bm25l", "bm25+")
#: Environment variable holding a Milvus token ("user:password" or an API key), when the server wants one.
TOKEN_ENV = "RAG_MILVUS_TOKEN"
#: HNSW parameters for servers above ``Settings.flat_index_max`` passages (as rag/store.py uses for FAISS).
HNSW_BUILD = {"M": 32, "efConstruction": 200}
HNSW_SEARCH_EF = 512
#: Text fields of the passages collection and their VARCHAR sizes (bytes).
TEXT_FIELDS = {
    "doc_id": 1024, "council": 1024, "council_key": 1024, "label": 1024, "label_key": 1024,
    "statement": 1024, "statement_key": 1024, "theme": 512, "kind": 64, "page": 64,
    "section": 4096, "section_key": 4096, "text": VARCHAR_MAX, "sentences": VARCHAR_MAX,
}


#: Open connections per Milvus Lite file in this process (its server runs in-process until the last closes).
_LITE_OPEN: Counter[str] = Counter()


@dataclass(frozen=True)
class StoreTarget:
    """Where an index lives: ``kind`` "lite" (``uri`` is a .db file path) or "server" (``uri`` is http(s)/tcp)."""

    kind: str
    uri: str
    prefix: str = DEFAULT_PREFIX

    def describe(self) -> str:
        """The target as shown to the user."""
        return f"Milvus Lite file {self.uri}" if self.kind == "lite" else f"Milvus server {self.uri} (collections {self.prefix}_*)"


def parse_store(value: str) -> StoreTarget:
    """Read ``--store``: a path ending in .db (Milvus Lite) or milvus:// http(s):// tcp:// host:port[/prefix]."""
    text = (value or "").strip()
    if text.endswith(".db") and "://" not in text:
        path = Path(text).expanduser().resolve()
        if not path.parent.is_dir():
            raise UsageError(f"--store {value}: the folder {path.parent} does not exist")
        return StoreTarget("lite", str(path))
    parts = urlsplit(text)
    scheme = SERVER_SCHEMES.get(parts.scheme.lower())
    try:
        port = parts.port
    except ValueError:
        port = None
    if scheme is None or not parts.hostname or port is None:
        raise UsageError(
            f"--store {value!r} is not a Milvus store: give a path ending in .db (Milvus Lite) or a server URI "
            "such as milvus://localhost:19530"
        )
    prefix = parts.path.strip("/") or DEFAULT_PREFIX
    if not prefix.replace("_", "a").isalnum() or not prefix[0].isalpha():
        raise UsageError(f"--store {value!r}: the collection prefix {prefix!r} must be letters, digits and _")
    return StoreTarget("server", f"{scheme}://{parts.hostname}:{port}", prefix)


def _literal(value: str) -> str:
    """A Milvus expression string literal (double-quoted, with JSON escapes)."""
    return json.dumps(value, ensure_ascii=False)


def _in(field_name: str, values: Iterable[str]) -> str:
    """A Milvus expression: ``field_name`` is one of ``values``."""
    return f"{field_name} in [{', '.join(_literal(v) for v in values)}]"


def filter_expression(filters, councils: tuple[str, ...] = (), ratings: tuple[int, ...] = ()) -> str:
    """The Milvus boolean expression of :meth:`rag.records.Filters.matches` (names compared casefolded),
    narrowed to ``councils`` and to reports with one of ``ratings``; always only retrievable passages."""
    clauses = ["retrievable == true"]
    for names in (filters.councils, councils):
        if names:
            wanted = sorted({n.casefold() for n in names})
            clauses.append(f"({_in('label_key', wanted)} or {_in('council_key', wanted)})")
    if filters.section:
        clauses.append(f"section_key == {_literal(filters.section.casefold())}")
    if filters.statement:
        clauses.append(f"statement_key == {_literal(filters.statement.casefold())}")
    if filters.rating is not None:
        clauses.append(f"rating == {int(filters.rating)}")
    if ratings:
        clauses.append(f"rating in [{', '.join(str(int(r)) for r in ratings)}]")
    return " and ".join(clauses)


def bm25_arrays(folder: Path) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
    """(vocabulary, data, indices, indptr) of a saved BM25 index: term t's weight in document ``indices[j]``
    is ``data[j]`` for j in ``indptr[t] .. indptr[t+1]`` (bm25s's layout, read as rag.lexical reads it)."""
    params = json.loads((Path(folder) / "params.index.json").read_text(encoding="utf-8"))
    if params.get("method") in NON_SPARSE_METHODS:
        raise IndexStateError(f"BM25 method {params['method']!r} scores absent terms too; Milvus cannot store it")
    saved = SavedBM25(folder, params)
    scores = saved.scores
    return dict(saved.vocab_dict), scores["data"], scores["indices"], scores["indptr"]


def passage_term_weights(folder: Path, size: int) -> list[dict[int, float]]:
    """Each indexed passage's BM25 weight per term id (a sparse row per retrieval position)."""
    _, data, indices, indptr = bm25_arrays(folder)
    rows: list[dict[int, float]] = [{} for _ in range(size)]
    for term in range(len(indptr) - 1):
        for j in range(int(indptr[term]), int(indptr[term + 1])):
            if data[j]:
                rows[int(indices[j])][term] = float(data[j])
    return rows


def query_term_counts(vocabulary: dict[str, int], text: str) -> dict[int, float]:
    """A question's term ids with how often each occurs (the BM25 query vector); {} when none is known."""
    ids = [vocabulary[t] for t in tokenize([text])[0] if t in vocabulary]
    return {term: float(n) for term, n in Counter(ids).items()}


def _pieces(text: str) -> list[str]:
    """``text`` cut into pieces that each fit a VARCHAR field."""
    return [text[i : i + VARCHAR_MAX] for i in range(0, len(text), VARCHAR_MAX)] or [""]


def _reported(doing: str):
    """Decorate a :class:`MilvusStore` method so that Milvus's errors become one-line IndexStateErrors."""

    def wrap(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except self._errors as e:
                raise IndexStateError(f"the {self.target.describe()} failed {doing}: {_first_line(e)}") from None

        return call

    return wrap


class MilvusStore:
    """A connection to one Milvus target and the index builds it holds."""

    def __init__(self, target: StoreTarget):
        """Connect to ``target`` (starting Milvus Lite for a .db file); a one-line error when it cannot."""
        from pymilvus import MilvusClient
        from pymilvus.exceptions import MilvusException

        # pymilvus logs each failed call with its traceback; they are reported here in one line instead
        logging.getLogger("pymilvus").setLevel(logging.CRITICAL)
        self.target = target
        self._errors = (MilvusException,)
        self._loaded: set[str] = set()
        self._closed = False
        try:
            if target.kind == "lite":
                self.client = MilvusClient(target.uri)
                _LITE_OPEN[target.uri] += 1
            else:
                self.client = MilvusClient(uri=target.uri, token=os.environ.get(TOKEN_ENV, ""),
                                           timeout=CONNECT_TIMEOUT_S)
        except Exception as e:  # pymilvus raises several types for unreachable or refused servers
            raise IndexStateError(f"cannot open the {target.describe()}: {_first_line(e)}") from None

    # -- naming ---------------------------------------------------------------------------------
    def name(self, part: str, build: str) -> str:
        """The collection holding ``part`` of ``build``."""
        return f"{self.target.prefix}_{part}_{build}"

    @property
    def live_name(self) -> str:
        """The permanent collection naming the live build."""
        return f"{self.target.prefix}_live"

    def ready(self, name: str) -> str:
        """``name``, loaded into memory for searches (a reopened Milvus Lite file starts with none loaded)."""
        if name not in self._loaded:
            self.client.load_collection(name)
            self._loaded.add(name)
        return name

    def close(self) -> None:
        """Close the connection; the last one open on a Milvus Lite file also stops that file's server."""
        if self._closed:
            return
        self._closed = True
        try:
            self.client.close()
        except Exception:  # a server already gone
            pass
        if self.target.kind == "lite":
            _LITE_OPEN[self.target.uri] -= 1
            if not _LITE_OPEN[self.target.uri]:
                from milvus_lite.server_manager import server_manager_instance

                server_manager_instance.release_server(self.target.uri)

    def __enter__(self) -> "MilvusStore":
        """Use as a context manager that closes the connection."""
        return self

    def __exit__(self, *exc) -> None:
        """Close the connection when the block ends."""
        self.close()

    # -- the live build -------------------------------------------------------------------------
    @_reported("to name its live build")
    def live_build(self) -> str | None:
        """The name of the live build, or None when the target holds no index."""
        if not self.client.has_collection(self.live_name):
            return None
        rows = self.client.query(self.ready(self.live_name), ids=[0], output_fields=["build"])
        return rows[0]["build"] if rows else None

    @_reported("to read a build")
    def read_blob(self, build: str, key: str) -> Any:
        """A JSON value stored with a build (its manifest, its BM25 vocabulary)."""
        rows = self.client.query(self.ready(self.name("blobs", build)), filter=f"key == {_literal(key)}",
                                 output_fields=["part", "text"])
        if not rows:
            raise IndexStateError(f"the {self.target.describe()} lacks the {key} of build {build}; run `rag index`")
        return json.loads("".join(r["text"] for r in sorted(rows, key=lambda r: r["part"])))

    def manifest(self) -> dict[str, Any] | None:
        """The live build's manifest, or None when there is no index."""
        build = self.live_build()
        return None if build is None else self.read_blob(build, "manifest")

    # -- writing a build --------------------------------------------------------------------------
    def upload(self, data: IndexData, flat_index_max: int) -> str:
        """Copy a loaded files index into a new build, make it live, and drop older builds."""
        build = time.strftime("b%Y%m%dT%H%M%S") + f"_{os.getpid()}_{time.monotonic_ns() % 10**6}"
        try:
            self._create(build, data.manifest["model"]["dim"], len(data.rows) > flat_index_max)
            self._insert_passages(build, data)
            self._insert_sentences(build, data)
            vocabulary = bm25_arrays(self._bm25_folder(data))[0]
            self._insert_blobs(build, {"manifest": data.manifest, "vocabulary": vocabulary})
            self._set_live(build)
        except self._errors as e:
            self._drop(build)
            raise IndexStateError(f"cannot write the index to the {self.target.describe()}: {_first_line(e)}") from None
        for old in self.builds():
            if old != build:
                self._drop(old)
        return build

    @staticmethod
    def _bm25_folder(data: IndexData) -> Path:
        """The saved BM25 index of a loaded files build."""
        if data.path is None:
            raise IndexStateError("only a saved files index can be copied into Milvus; run `rag index` first")
        return Path(data.path) / "bm25"

    @_reported("to list its builds")
    def builds(self) -> list[str]:
        """Every build found on the target (live or left over)."""
        head = f"{self.target.prefix}_blobs_"
        return sorted(c[len(head):] for c in self.client.list_collections() if c.startswith(head))

    def _drop(self, build: str) -> None:
        """Drop every collection of ``build``."""
        for part in ("passages", "sentences", "blobs"):
            name = self.name(part, build)
            if self.client.has_collection(name):
                self.client.drop_collection(name)

    def _vector_index(self, params, field_name: str, large: bool) -> None:
        """Add the index of a vector field: exact (FLAT), or HNSW for large collections on a server."""
        if large and self.target.kind == "server":
            params.add_index(field_name=field_name, index_type="HNSW", metric_type="IP", params=HNSW_BUILD)
        else:
            params.add_index(field_name=field_name, index_type="FLAT", metric_type="IP")

    def _create(self, build: str, dim: int, large: bool) -> None:
        """Create the passages, sentences and blobs collections of a new build."""
        from pymilvus import DataType, MilvusClient

        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("bm25", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("retrievable", DataType.BOOL)
        for name, size in TEXT_FIELDS.items():
            schema.add_field(name, DataType.VARCHAR, max_length=size)
        for name in ("rating", "paragraph", "start", "end"):
            schema.add_field(name, DataType.INT64)
        params = self.client.prepare_index_params()
        self._vector_index(params, "vector", large)
        params.add_index(field_name="bm25", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
        self.client.create_collection(self.name("passages", build), schema=schema, index_params=params,
                                      consistency_level="Strong")

        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("chunk_id", DataType.INT64)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        params = self.client.prepare_index_params()
        self._vector_index(params, "vector", large)
        self.client.create_collection(self.name("sentences", build), schema=schema, index_params=params,
                                      consistency_level="Strong")

        # Milvus wants a vector field in every collection: blobs and the live pointer carry a 2-d zero one.
        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=256)
        schema.add_field("key", DataType.VARCHAR, max_length=64)
        schema.add_field("part", DataType.INT64)
        schema.add_field("text", DataType.VARCHAR, max_length=VARCHAR_MAX)
        schema.add_field("unused", DataType.FLOAT_VECTOR, dim=2)
        params = self.client.prepare_index_params()
        params.add_index(field_name="unused", index_type="FLAT", metric_type="L2")
        self.client.create_collection(self.name("blobs", build), schema=schema, index_params=params,
                                      consistency_level="Strong")

    def _insert(self, collection: str, rows: list[dict]) -> None:
        """Insert ``rows`` in batches."""
        for i in range(0, len(rows), INSERT_BATCH):
            self.client.insert(collection, rows[i : i + INSERT_BATCH])

    def _insert_passages(self, build: str, data: IndexData) -> None:
        """Insert every chunk with its passage vector and BM25 term weights."""
        weights = passage_term_weights(self._bm25_folder(data), len(data.rows))
        position = {int(r): i for i, r in enumerate(data.rows)}
        rows = []
        for chunk in data.chunks:
            pos = position.get(chunk.chunk_id)
            sparse = (weights[pos] if pos is not None else {}) or {NO_TERMS_DIM: 1.0}
            rows.append(chunk_row(chunk, data.chunk_vectors[chunk.chunk_id], sparse))
        self._insert(self.name("passages", build), rows)

    def _insert_sentences(self, build: str, data: IndexData) -> None:
        """Insert every sentence vector with the chunk it belongs to."""
        offsets = data.sentence_offsets
        rows = [
            {"id": s, "chunk_id": chunk.chunk_id, "vector": data.sentence_vectors[s].tolist()}
            for chunk in data.chunks
            for s in range(int(offsets[chunk.chunk_id]), int(offsets[chunk.chunk_id + 1]))
        ]
        self._insert(self.name("sentences", build), rows)

    def _insert_blobs(self, build: str, blobs: dict[str, Any]) -> None:
        """Insert JSON values (manifest, vocabulary), each cut into pieces."""
        rows = [
            {"id": f"{key}:{i}", "key": key, "part": i, "text": piece, "unused": [0.0, 0.0]}
            for key, value in blobs.items()
            for i, piece in enumerate(_pieces(json.dumps(value, ensure_ascii=True, sort_keys=True)))
        ]
        self._insert(self.name("blobs", build), rows)

    def _set_live(self, build: str) -> None:
        """Make ``build`` the live build (creating the pointer collection on first use)."""
        from pymilvus import DataType, MilvusClient

        if not self.client.has_collection(self.live_name):
            schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
            schema.add_field("id", DataType.INT64, is_primary=True)
            schema.add_field("build", DataType.VARCHAR, max_length=256)
            schema.add_field("unused", DataType.FLOAT_VECTOR, dim=2)
            params = self.client.prepare_index_params()
            params.add_index(field_name="unused", index_type="FLAT", metric_type="L2")
            self.client.create_collection(self.live_name, schema=schema, index_params=params,
                                          consistency_level="Strong")
        self.client.upsert(self.live_name, [{"id": 0, "build": build, "unused": [0.0, 0.0]}])

    # -- reading a build ----------------------------------------------------------------------------
    def load(self) -> "MilvusIndexData":
        """The live build's chunk records, manifest and vocabulary (vectors stay in Milvus)."""
        build = self.live_build()
        if build is None:
            raise IndexStateError(f"no index in the {self.target.describe()}; run `rag index --store ...`")
        try:
            manifest = self.read_blob(build, "manifest")
            vocabulary = self.read_blob(build, "vocabulary")
            chunks = self._chunks(build)
        except self._errors as e:
            raise IndexStateError(f"cannot read the index in the {self.target.describe()}: {_first_line(e)}") from None
        if len(chunks) != manifest["counts"].get("chunks") or any(c.chunk_id != i for i, c in enumerate(chunks)):
            raise IndexStateError(f"the index in the {self.target.describe()} is incomplete; run `rag index --store ...`")
        counts = np.array([len(c.sentences) for c in chunks], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        rows = np.array([c.chunk_id for c in chunks if c.retrievable], dtype=np.int64)
        # no vectors are held here: zero-width arrays keep IndexData's shapes (rows) without the memory
        return MilvusIndexData(
            manifest=manifest, chunks=chunks, chunk_vectors=np.zeros((len(chunks), 0), dtype=np.float32),
            sentence_vectors=np.zeros((int(offsets[-1]), 0), dtype=np.float32), sentence_offsets=offsets,
            dense=None, lexical=None, rows=rows, path=None, store=self, build=build, vocabulary=vocabulary,
        )

    def _chunks(self, build: str) -> list[Chunk]:
        """Every chunk record of ``build``, in chunk-id order."""
        fields = ["id", "retrievable", "rating", "paragraph", "start", "end", *TEXT_FIELDS]
        name = self.ready(self.name("passages", build))
        self.ready(self.name("sentences", build))
        total = int(self.read_blob(build, "manifest")["counts"]["chunks"])
        chunks: list[Chunk] = []
        for low in range(0, total, READ_BATCH):  # chunk ids are 0 .. total-1
            rows = self.client.query(name, filter=f"id >= {low} and id < {low + READ_BATCH}", output_fields=fields)
            chunks.extend(row_chunk(r) for r in rows)
        return sorted(chunks, key=lambda c: c.chunk_id)

    @_reported("to give sentence vectors")
    def sentence_vectors(self, build: str, chunk_id: int, dim: int) -> np.ndarray:
        """The sentence vectors of one chunk, in sentence order."""
        rows = self.client.query(self.name("sentences", build), filter=f"chunk_id == {int(chunk_id)}",
                                 output_fields=["id", "vector"])
        rows.sort(key=lambda r: r["id"])
        return np.array([r["vector"] for r in rows], dtype=np.float32).reshape(len(rows), dim)

    # -- searching ------------------------------------------------------------------------------
    @_reported("to search passages")
    def search_passages(self, build: str, vector: np.ndarray, expr: str, limit: int, large: bool) -> dict[int, float]:
        """chunk_id → passage cosine of the ``limit`` nearest passages that satisfy ``expr``."""
        params = {"metric_type": "IP", "params": {"ef": max(HNSW_SEARCH_EF, limit)} if large else {}}
        hits = self.client.search(self.name("passages", build), data=[vector.astype(np.float32).tolist()],
                                  anns_field="vector", limit=min(limit, TOPK_MAX), filter=expr,
                                  output_fields=["id"], search_params=params)
        return {int(h["id"]): float(h["distance"]) for h in hits[0]}

    @_reported("to search sentences")
    def best_sentences(self, build: str, vector: np.ndarray, chunk_ids: list[int] | None, large: bool,
                       every: int = 0) -> dict[int, float]:
        """chunk_id → cosine of its best sentence, for ``chunk_ids`` (grouped search by chunk); for the
        best ``every`` chunks when ``chunk_ids`` is None."""
        if chunk_ids is not None and not chunk_ids:
            return {}
        limit = min(every if chunk_ids is None else len(chunk_ids), TOPK_MAX)
        ids = "" if chunk_ids is None else f"chunk_id in [{', '.join(str(int(c)) for c in chunk_ids)}]"
        params = {"metric_type": "IP", "params": {"ef": max(HNSW_SEARCH_EF, limit)} if large else {}}
        hits = self.client.search(self.name("sentences", build), data=[vector.astype(np.float32).tolist()],
                                  anns_field="vector", limit=limit, group_by_field="chunk_id", filter=ids,
                                  output_fields=["chunk_id"], search_params=params)
        return {int(h["entity"]["chunk_id"]): float(h["distance"]) for h in hits[0]}

    @_reported("to search BM25 terms")
    def search_terms(self, build: str, terms: dict[int, float], expr: str, limit: int) -> dict[int, float]:
        """chunk_id → BM25 score of the passages holding a query term that satisfy ``expr`` (best ``limit``)."""
        if not terms:
            return {}
        hits = self.client.search(self.name("passages", build), data=[terms], anns_field="bm25",
                                  limit=min(limit, TOPK_MAX), filter=expr, output_fields=["id"],
                                  search_params={"metric_type": "IP", "params": {"drop_ratio_search": 0.0}})
        return {int(h["id"]): float(h["distance"]) for h in hits[0]}


def chunk_row(chunk: Chunk, vector: np.ndarray, sparse: dict[int, float]) -> dict[str, Any]:
    """A passages-collection row for ``chunk``."""
    row = {
        "id": chunk.chunk_id, "vector": np.asarray(vector, dtype=np.float32).tolist(), "bm25": sparse,
        "retrievable": chunk.retrievable, "doc_id": chunk.doc_id, "council": chunk.council or "",
        "council_key": (chunk.council or "").casefold(), "label": chunk.label, "label_key": chunk.label.casefold(),
        "statement": chunk.statement or "", "statement_key": (chunk.statement or "").casefold(),
        "theme": chunk.theme or "", "kind": chunk.kind, "page": chunk.page, "section": chunk.section,
        "section_key": chunk.section.casefold(), "text": chunk.text,
        "sentences": json.dumps([[s.start, s.end] for s in chunk.sentences]),
        "rating": -1 if chunk.rating is None else chunk.rating, "paragraph": chunk.paragraph,
        "start": chunk.start, "end": chunk.end,
    }
    for name, size in TEXT_FIELDS.items():
        if len(row[name].encode("utf-8")) > size:
            raise IndexStateError(f"chunk {chunk.chunk_id} of {chunk.doc_id}: its {name} is longer than Milvus stores")
    return row


def row_chunk(row: dict[str, Any]) -> Chunk:
    """The :class:`Chunk` a passages-collection row holds."""
    return Chunk.from_dict({
        "chunk_id": int(row["id"]), "doc_id": row["doc_id"], "council": row["council"] or None,
        "label": row["label"], "statement": row["statement"] or None, "theme": row["theme"] or None,
        "page": row["page"], "section": row["section"], "paragraph": int(row["paragraph"]),
        "start": int(row["start"]), "end": int(row["end"]), "text": row["text"],
        "sentences": json.loads(row["sentences"]), "kind": row["kind"],
        "rating": None if int(row["rating"]) < 0 else int(row["rating"]),
    })


@dataclass
class MilvusIndexData(IndexData):
    """An index held in Milvus: chunk records and manifest in memory, vectors and BM25 weights in Milvus."""

    store: MilvusStore | None = None
    build: str = ""
    vocabulary: dict[str, int] | None = None

    def sentence_vectors_of(self, row: int) -> np.ndarray:
        """A chunk's sentence vectors, fetched from Milvus (kept for the questions that follow)."""
        cache = self.__dict__.setdefault("_sentence_cache", {})
        if row not in cache:
            if len(cache) > 4096:
                cache.clear()
            cache[row] = self.store.sentence_vectors(self.build, row, self.manifest["model"]["dim"])
        return cache[row]


def _first_line(error: Exception) -> str:
    """The first line of an error's message, without pymilvus's wrapping."""
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return str(message).strip().splitlines()[0][:300]
