"""Build (or incrementally update) the index of a documents folder.

Embeddings are reused by text: a paragraph or sentence whose text, context header and model
are unchanged is not encoded again, so only changed documents cost time.
"""

from __future__ import annotations

import hashlib
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .chunking import chunk_document
from .config import CHUNKER_VERSION, Settings
from .consistency import chunk_mismatch, document_bytes
from .corpus import Corpus, describe, load_corpus
from .embedding import WEIGHT_FILES, Encoder, load_encoder, resolve_model
from .errors import CorpusError, IndexStateError
from .glossary import Glossary
from .lexical import LexicalIndex
from .records import Chunk
from .safe_text import terminal_safe
from .store import (
    IndexData,
    build_lock,
    check_free_space,
    estimate_build_bytes,
    load_index,
    make_faiss_index,
    read_manifest,
    remove_stale_builds,
    save_index,
)
from .terms import document_frequencies


@dataclass(frozen=True)
class BuildReport:
    manifest: dict
    changed: bool  # False when the index was already up to date
    encoded_passages: int
    encoded_sentences: int
    reused: int  # distinct texts whose vectors came from the previous index
    warnings: tuple[str, ...]
    seconds: float
    read: tuple[str, ...] = ()  # one line per council: what was read (see rag.corpus.describe)


def document_entries(corpus: Corpus) -> dict[str, dict]:
    """What the manifest records of each document (a change in any field means re-indexing)."""
    return {
        d.doc_id: {"sha256": d.sha256, "council": d.council, "formal_name": d.formal_name, "format": d.format,
                   "sections": [[s.kind, s.statement, s.rating] for s in d.sections]}
        for d in corpus.documents
    }


def stale_reason(manifest: dict | None, corpus: Corpus | None, model_id: str, weights: str | None = None,
                 dim: int | None = None) -> str | None:
    """Why the index no longer matches the model or documents, or None; None arguments are not checked."""
    if manifest is None:
        return "no index yet"
    model = manifest.get("model", {})
    if model.get("id") != model_id:
        return f"index was built with model {model.get('id')!r}, not {model_id!r}"
    if weights is not None and model.get("weights_sha256") != weights:
        return f"index was built with other weights of model {model_id!r}"
    if dim is not None and model.get("dim") != dim:
        return f"index vectors have dimension {model.get('dim')}, the model gives {dim}"
    if manifest.get("chunker_version") != CHUNKER_VERSION:
        return "chunker version changed"
    if corpus is None:
        return None
    old, new = manifest.get("documents", {}), document_entries(corpus)
    changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    if changed:
        return "documents changed: " + ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")
    return None


def load_current(settings: Settings) -> IndexData:
    """The live index, refused when it no longer matches the configured model or the documents on disk."""
    data = load_index(settings.index_dir)
    folder = Path(settings.documents_dir)
    corpus = load_corpus(folder, settings.max_document_bytes) if folder.is_dir() else None
    reason = stale_reason(data.manifest, corpus, resolve_model(settings.model)[0])
    if reason is None and corpus is not None:
        reason = chunk_mismatch(data.chunks, corpus.by_id())
    if reason is not None:
        raise IndexStateError(f"the index in {settings.index_dir} is out of date ({reason}); run `rag index`")
    return data


def _weights_bytes(model: str) -> int:
    """Size of the model's weights file (what an export of the query encoder about takes), 0 if unknown."""
    path = resolve_model(model)[1]
    for name in WEIGHT_FILES if path is not None else ():
        try:
            return (Path(path) / name).stat().st_size
        except OSError:
            continue
    return 0


def indexed_text(chunk: Chunk, glossary: Glossary) -> str:
    """What is embedded and lexically indexed for a chunk: context header, text, acronym forms."""
    return glossary.expand(chunk.context_text())


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _load_or_none(index_dir: Path) -> IndexData | None:
    """The live index, or None when there is none or it fails a check."""
    try:
        return load_index(index_dir)
    except IndexStateError:
        return None


def _reusable_vectors(old: IndexData | None, encoder: Encoder) -> dict[str, np.ndarray]:
    """text-hash → vector from the previous index, when it was built with the same model weights."""
    if old is None:
        return {}
    model = old.manifest.get("model", {})
    if (model.get("id"), model.get("weights_sha256"), model.get("dim")) != (
        encoder.model_id, encoder.weights_sha256, encoder.dim
    ):
        return {}
    cache: dict[str, np.ndarray] = {}
    glossary = Glossary(old.manifest.get("glossary", {}))
    for row, chunk in enumerate(old.chunks):
        cache[_key(indexed_text(chunk, glossary))] = old.chunk_vectors[row]
        for s, vec in zip(chunk.sentences, old.sentence_vectors_of(row)):
            cache[_key(s.text)] = vec
    return cache


def _embed(texts: list[str], cache: dict[str, np.ndarray], encoder: Encoder, settings: Settings,
           desc: str, progress: bool) -> tuple[np.ndarray, int]:
    """Vectors for ``texts``, encoding only those not in ``cache``; returns (vectors, encoded count)."""
    from tqdm.auto import tqdm

    keys = [_key(t) for t in texts]
    missing = list({k: t for k, t in zip(keys, texts) if k not in cache}.items())
    # longest first in tokens, so that texts of similar length share a batch (less padding than by characters)
    measure = getattr(encoder, "token_lengths", None)
    lengths = measure([t for _, t in missing]) if measure and missing else [len(t) for _, t in missing]
    missing = [kt for _, kt in sorted(zip(lengths, missing), key=lambda lk: (-lk[0], -len(lk[1][1]), lk[1][0]))]
    bs = settings.batch_size
    with tqdm(total=len(missing), desc=desc, unit="text", disable=not progress or not missing) as bar:
        for i in range(0, len(missing), bs):
            batch = missing[i : i + bs]
            for (k, _), vec in zip(batch, encoder.encode([t for _, t in batch], batch_size=bs)):
                cache[k] = vec
            bar.update(len(batch))
    if not texts:
        return np.zeros((0, encoder.dim), dtype=np.float32), 0
    return np.stack([cache[k] for k in keys]).astype(np.float32), len(missing)


def _missing_counts(passages: list[str], sentences: list[str], cache: dict[str, np.ndarray]) -> tuple[int, int]:
    """How many distinct passages, and then sentences not among them, have no vector yet (the build's report)."""
    passage_keys = {_key(t) for t in passages} - cache.keys()
    sentence_keys = {_key(t) for t in sentences} - cache.keys() - passage_keys
    return len(passage_keys), len(sentence_keys)


def _text_indexes(chunks: list[Chunk], passages: list[str], rows: np.ndarray) -> tuple[LexicalIndex, dict[str, int]]:
    """The BM25 index of the retrievable passages and their term counts (neither needs a vector); FAISS is
    imported meanwhile too, for the dense index made once the vectors are there."""
    import faiss  # noqa: F401

    lexical = LexicalIndex.build([passages[r] for r in rows])
    return lexical, document_frequencies([chunks[r].text for r in rows])


def build_index(settings: Settings, encoder: Encoder | None = None, rebuild: bool = False,
                progress: bool = True, reason: str | None = None) -> BuildReport:
    """Index ``settings.documents_dir`` into ``settings.index_dir`` (incremental unless ``rebuild``).

    ``reason`` (why a build is needed) is printed, with progress, once the build lock is held."""
    t0 = time.perf_counter()
    corpus = load_corpus(settings.documents_dir, settings.max_document_bytes)
    index_dir = Path(settings.index_dir)
    with build_lock(index_dir):
        if progress and reason:
            print(f"building the index: {terminal_safe(reason, single_line=True)}", file=sys.stderr)
        remove_stale_builds(index_dir)
        try:
            manifest = read_manifest(index_dir)
        except IndexStateError:
            manifest = None
        text_bytes = document_bytes(corpus.documents)
        from .query_encoder import mode as query_encoder_mode
        from .query_encoder import prepare_for_build

        # the query encoder's export takes new space, unless the live build has one to hard-link or none is made
        reuses_export = bool(manifest and manifest.get("query_encoder")) or query_encoder_mode() == "torch"
        export_bytes = 0 if reuses_export else _weights_bytes(settings.model)
        check_free_space(index_dir, estimate_build_bytes(index_dir, text_bytes, export_bytes))
        encoder = encoder or load_encoder(settings.model)
        current = stale_reason(manifest, corpus, encoder.model_id, encoder.weights_sha256, encoder.dim) is None
        current = current and "query_encoder" in manifest  # older builds get one (vectors are reused)
        old = None if rebuild else _load_or_none(index_dir)
        # current, readable, and its passages are exact slices of the documents: nothing to do
        if not rebuild and current and old is not None and chunk_mismatch(old.chunks, corpus.by_id()) is None:
            return BuildReport(manifest, False, 0, 0, 0, corpus.warnings, time.perf_counter() - t0,
                                   tuple(describe(corpus)))
        cache = {} if rebuild else _reusable_vectors(old, encoder)
        previous = set(cache)
        chunks: list[Chunk] = [
            replace(c, chunk_id=i)
            for i, c in enumerate(c for doc in corpus.documents for c in chunk_document(doc))
        ]
        if not any(c.retrievable for c in chunks):
            raise CorpusError(f"no paragraphs to index in {settings.documents_dir}: the reports hold only headings")
        glossary = Glossary.for_corpus(d.text for d in corpus.documents)
        passages = [indexed_text(c, glossary) for c in chunks]
        sentences = [s.text for c in chunks for s in c.sentences]
        rows = np.array([i for i, c in enumerate(chunks) if c.retrievable], dtype=np.int64)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rag-build-text") as pool:
            # what needs no vectors is made while the encoder runs (torch releases the GIL while it computes)
            text_side = pool.submit(_text_indexes, chunks, passages, rows)
            # the query encoder's graph found (and its checksum checked) meanwhile; an export waits for the encoder
            graph_found = pool.submit(prepare_for_build, index_dir, manifest, encoder, export_if_missing=False)
            n_passages, n_sentences = _missing_counts(passages, sentences, cache)
            # one group, sorted by length as a whole: less padding than passages and sentences apart
            vectors, _ = _embed(passages + sentences, cache, encoder, settings, "Embedding passages and sentences", progress)
            chunk_vectors, sentence_vectors = vectors[: len(passages)], vectors[len(passages):]
            lexical, term_counts = text_side.result()
            graph = graph_found.result()
        reused = len({_key(t) for t in passages + sentences} & previous)
        offsets = np.cumsum([0] + [len(c.sentences) for c in chunks]).astype(np.int64)
        kind = "flat" if len(rows) <= settings.flat_index_max else "hnsw"
        dense = make_faiss_index(chunk_vectors[rows], kind)
        query_encoder, extra_files, qe_warning = graph or prepare_for_build(index_dir, manifest, encoder)
        new_manifest = {
            "model": {"id": encoder.model_id, "weights_sha256": encoder.weights_sha256, "dim": encoder.dim},
            "chunker_version": CHUNKER_VERSION,
            "documents": document_entries(corpus),
            "counts": {
                "documents": len(corpus.documents),
                "chunks": len(chunks),
                "retrievable": int(len(rows)),
                "sentences": len(sentences),
            },
            "faiss_index": kind,
            "query_encoder": query_encoder,
            "glossary": glossary.pairs,
            "document_bytes": text_bytes,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.perf_counter() - t0, 3),
        }
        data = IndexData(new_manifest, chunks, chunk_vectors, sentence_vectors, offsets, dense, lexical, rows,
                         extra_files=extra_files, term_counts=term_counts)
        # a previous build that failed its checks is of no use to readers: removed at once
        save_index(index_dir, data, keep_previous=rebuild or old is not None)
    return BuildReport(data.manifest, True, n_passages, n_sentences, reused, corpus.warnings + ((qe_warning,) if qe_warning else ()),
                       time.perf_counter() - t0, tuple(describe(corpus)))
