"""Synthetic corpora for the scaling benchmark, recombined from the real sentence embeddings of the documents.

Each passage vector is a random convex combination (Dirichlet(1) weights) of 2 or 3 random real sentence
vectors, re-normalised, so that the vectors lie where real ones do; its text joins the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.config import Settings
from rag.records import Chunk, Sentence

from .common import GOLD, UNSEEN

#: Labels the synthetic passages cycle through (authorities of the documents, and one without a report).
LABELS = ("Hounslow", "Harrow", "Ealing", "Telford and Wrekin", "Camden")
QUALITY_STATEMENT = "Learning, improvement and innovation"
SECTION = "Continuous learning, improvement and professional development"
PASSAGES_PER_DOCUMENT = 200


@dataclass(frozen=True)
class Base:
    """Real material to recombine: distinct sentence vectors and texts, and real questions with their vectors."""

    sentence_vectors: np.ndarray  # float32 (sentences, dim), unit length
    sentence_texts: list[str]
    questions: list[str]
    query_vectors: np.ndarray  # float32 (questions, dim), unit length


def real_base(settings: Settings, n_queries: int) -> Base:
    """The distinct sentences of the index in ``settings.index_dir`` and up to ``n_queries`` gold (then
    unseen) questions encoded by the pipeline's query encoder."""
    from rag.evaluate import load_gold
    from rag.pipeline import Pipeline

    pipeline = Pipeline.load(settings=settings)
    texts = [s.text for c in pipeline.data.chunks for s in c.sentences]
    vectors = np.asarray(pipeline.data.sentence_vectors, dtype=np.float32)
    keep = list(dict(zip(texts, range(len(texts)))).values())  # one row per distinct sentence
    questions = [g.question for path in (GOLD, UNSEEN) if path.exists() for g in load_gold(path)][:n_queries]
    queries = np.ascontiguousarray(pipeline.encoder.encode(questions), dtype=np.float32)
    return Base(vectors[keep], [texts[i] for i in keep], questions, queries)


def recombine(base: np.ndarray, n: int, seed: int = 0, batch: int = 50_000) -> tuple[np.ndarray, np.ndarray]:
    """``n`` synthetic passage vectors from the rows of ``base``: (vectors float32 (n, d), sources int32 (n, 3),
    where -1 means no third source)."""
    rng = np.random.default_rng(seed)
    base = np.ascontiguousarray(base, dtype=np.float32)
    sources = rng.integers(0, len(base), size=(n, 3)).astype(np.int32)
    pairs = rng.random(n) < 0.5
    sources[pairs, 2] = -1
    weights = rng.dirichlet([1.0, 1.0, 1.0], size=n).astype(np.float32)
    weights[pairs, 2] = 0.0
    weights /= weights.sum(axis=1, keepdims=True)
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for s in range(0, n, batch):
        e = min(n, s + batch)
        v = np.einsum("nk,nkd->nd", weights[s:e], base[np.clip(sources[s:e], 0, None)])
        out[s:e] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out, sources


def synthetic_texts(sentences: list[str], sources: np.ndarray) -> list[str]:
    """The text of each synthetic passage: its source sentences joined."""
    return [" ".join(sentences[j] for j in row if j >= 0) for row in sources.tolist()]


def synthetic_chunk(i: int, text: str, n_sentences: int, start: int = 0) -> Chunk:
    """Passage ``i`` as a chunk record: ``n_sentences`` equal slices of its text, at offset ``start``."""
    step = max(1, len(text) // n_sentences)
    sentences = tuple(Sentence(start + j * step, start + min(len(text), (j + 1) * step), text[j * step:(j + 1) * step])
                      for j in range(n_sentences))
    label = LABELS[i % len(LABELS)]
    return Chunk(chunk_id=i, doc_id=f"synthetic_{i // PASSAGES_PER_DOCUMENT:06d}.txt", council=label, label=label,
                 statement=QUALITY_STATEMENT, theme="Leadership", page="statement", section=SECTION,
                 paragraph=i % PASSAGES_PER_DOCUMENT + 1, start=start, end=start + len(text), text=text,
                 sentences=sentences, kind="finding", rating=3)


def synthetic_index(vectors: np.ndarray, sources: np.ndarray, base_vectors: np.ndarray, texts: list[str],
                    dense, lexical):
    """An in-memory index of the synthetic passages, as ``rag.store.load_index`` would return it."""
    from rag.store import IndexData

    counts = (sources >= 0).sum(axis=1)
    chunks = [synthetic_chunk(i, text, int(counts[i])) for i, text in enumerate(texts)]
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    manifest = {"model": {"id": "synthetic", "dim": vectors.shape[1]}, "glossary": {}}
    return IndexData(manifest, chunks, vectors, base_vectors[sources[sources >= 0]], offsets, dense, lexical,
                     np.arange(len(texts), dtype=np.int64))


def write_chunks(texts: list[str], sources: np.ndarray, path: Path) -> None:
    """``chunks.jsonl`` records of the synthetic passages, as an index stores them."""
    import json

    counts = (sources >= 0).sum(axis=1)
    pos = 0
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            record = synthetic_chunk(i, text, max(1, int(counts[i])), pos).to_dict()
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            pos += len(text) + 2
