"""Build (or incrementally update) the index of a documents folder.

Embeddings are reused by text: a paragraph or sentence whose text, context header and model
are unchanged is not encoded again, so only changed documents cost time.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .chunking import chunk_document
from .config import CHUNKER_VERSION, Settings
from .corpus import Corpus, load_corpus
from .embedding import Encoder, load_encoder
from .errors import IndexStateError
from .lexical import LexicalIndex
from .records import Chunk
from .store import IndexData, build_lock, load_index, make_faiss_index, read_manifest, save_index


@dataclass(frozen=True)
class BuildReport:
    manifest: dict
    changed: bool  # False when the index was already up to date
    encoded_passages: int
    encoded_sentences: int
    reused: int
    warnings: tuple[str, ...]
    seconds: float


def document_entries(corpus: Corpus) -> dict[str, dict]:
    """What the manifest records of each document (a change in any field means re-indexing)."""
    return {
        d.doc_id: {"sha256": d.sha256, "authority": d.authority, "quality_statement": d.quality_statement, "score": d.score}
        for d in corpus.documents
    }


def stale_reason(manifest: dict | None, corpus: Corpus, model_id: str) -> str | None:
    """Why the index no longer matches the documents or model, or None when it is current."""
    if manifest is None:
        return "no index yet"
    if manifest.get("model", {}).get("id") != model_id:
        return f"index was built with model {manifest.get('model', {}).get('id')!r}, not {model_id!r}"
    if manifest.get("chunker_version") != CHUNKER_VERSION:
        return "chunker version changed"
    old, new = manifest.get("documents", {}), document_entries(corpus)
    changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    if changed:
        return "documents changed: " + ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")
    return None


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _reusable_vectors(index_dir: Path, encoder: Encoder) -> dict[str, np.ndarray]:
    """text-hash → vector from the live index, when it was built with the same model weights."""
    try:
        old = load_index(index_dir)
    except IndexStateError:
        return {}
    model = old.manifest.get("model", {})
    if model.get("id") != encoder.model_id or model.get("weights_sha256") != encoder.weights_sha256:
        return {}
    cache: dict[str, np.ndarray] = {}
    for row, chunk in enumerate(old.chunks):
        cache[_key(chunk.context_text())] = old.chunk_vectors[row]
        for s, vec in zip(chunk.sentences, old.sentence_vectors_of(row)):
            cache[_key(s.text)] = vec
    return cache


def _embed(texts: list[str], cache: dict[str, np.ndarray], encoder: Encoder, settings: Settings,
           desc: str, progress: bool) -> tuple[np.ndarray, int]:
    """Vectors for ``texts``, encoding only those not in ``cache``; returns (vectors, encoded count)."""
    from tqdm.auto import tqdm

    keys = [_key(t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts) if k not in cache}.items())
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


def build_index(settings: Settings, encoder: Encoder | None = None, rebuild: bool = False,
                progress: bool = True) -> BuildReport:
    """Index ``settings.seeds_dir`` into ``settings.index_dir`` (incremental unless ``rebuild``)."""
    t0 = time.perf_counter()
    corpus = load_corpus(settings.seeds_dir, settings.max_document_bytes)
    encoder = encoder or load_encoder(settings.model)
    index_dir = Path(settings.index_dir)
    with build_lock(index_dir):
        try:
            manifest = read_manifest(index_dir)
        except IndexStateError:
            manifest = None
        if not rebuild and manifest is not None and stale_reason(manifest, corpus, encoder.model_id) is None:
            try:
                load_index(index_dir)  # current and readable: nothing to do
                return BuildReport(manifest, False, 0, 0, 0, corpus.warnings, time.perf_counter() - t0)
            except IndexStateError:
                pass
        cache = {} if rebuild else _reusable_vectors(index_dir, encoder)
        chunks: list[Chunk] = [
            replace(c, chunk_id=i)
            for i, c in enumerate(c for doc in corpus.documents for c in chunk_document(doc))
        ]
        chunk_vectors, n_passages = _embed([c.context_text() for c in chunks], cache, encoder, settings,
                                           "Embedding passages", progress)
        sentences = [s.text for c in chunks for s in c.sentences]
        sentence_vectors, n_sentences = _embed(sentences, cache, encoder, settings, "Embedding sentences", progress)
        offsets = np.cumsum([0] + [len(c.sentences) for c in chunks]).astype(np.int64)
        rows = np.array([i for i, c in enumerate(chunks) if c.retrievable], dtype=np.int64)
        kind = "flat" if len(rows) <= settings.flat_index_max else "hnsw"
        dense = make_faiss_index(chunk_vectors[rows], kind)
        lexical = LexicalIndex.build([chunks[r].context_text() for r in rows])
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
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.perf_counter() - t0, 3),
        }
        data = IndexData(new_manifest, chunks, chunk_vectors, sentence_vectors, offsets, dense, lexical, rows)
        save_index(index_dir, data)
    return BuildReport(data.manifest, True, n_passages, n_sentences,
                       len(chunks) + len(sentences) - n_passages - n_sentences, corpus.warnings,
                       time.perf_counter() - t0)
