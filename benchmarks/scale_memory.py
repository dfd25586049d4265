"""Memory, open time and search latency of the compact index (format 2) at scale.

A synthetic corpus recombines real data, as the earlier scaling benchmark did: every passage takes
3 to 5 random real sentences of the seed index (about the seeds' 3.85 sentences per passage), its
sentence vectors are theirs, its passage vector a random convex combination of them (Dirichlet(1)
weights, re-normalised) and its text their texts joined. Questions are real: the gold questions
encoded by the index's query encoder. The build is written with :func:`rag.store.save_index`, so
every file is the one ``rag index`` writes (HNSW above ``Settings.flat_index_max`` passages).

Serving is measured in a fresh process: resident memory (psutil) before and after opening the index
with :func:`rag.store.load_index` and building a :class:`rag.retrieve.Retriever`, the open time, the
p50 of ``Retriever.dense_scores`` (FAISS candidates re-scored from the float16 vectors) and of a whole
hybrid ``Retriever.search``, and the memory after the queries. Recall@10 of the dense scores is
against the exact scores (passage and best-sentence cosine mixed, over every passage, in float32 from
the stored vectors), computed afterwards in blocks.

Usage: ``python -m benchmarks.scale_memory 100000 --out eval/reports/scale-memory-100k.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold.jsonl"
#: Limits of the issue "Serving and scale" (items 4): resident memory, open time, search time, recall.
TARGETS = {"rss_mb": 2048.0, "open_s": 2.0, "dense_p50_ms": 5.0, "recall_at_10": 0.95}
COUNCILS = 150  # distinct synthetic councils (labels and filters have realistic cardinality)
BLOCK = 50_000  # passages generated (and exactly scored) at a time


def _say(message: str) -> None:
    print(f"[scale_memory {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def real_base(index_dir: Path | None = None) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(sentence texts, their float32 vectors, gold question vectors) from the seed index (built if needed)."""
    from rag.config import Settings
    from rag.pipeline import Pipeline
    from rag.query_encoder import load_query_encoder

    settings = Settings() if index_dir is None else Settings().with_overrides(index_dir=Path(index_dir))
    pipeline = Pipeline.load(settings=settings, build=True)
    data = pipeline.data
    texts = [s.text for c in data.chunks for s in c.sentences]
    vectors = np.asarray(data.sentence_vectors, dtype=np.float32)
    questions = [json.loads(line)["question"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    encoder = load_query_encoder(data) or pipeline.encoder
    return texts, vectors, encoder.encode(questions, batch_size=32)


class SyntheticChunks(Sequence):
    """The chunk records of the synthetic corpus, made on the fly (a million records do not fit in memory)."""

    def __init__(self, picks: np.ndarray, offsets: np.ndarray, texts: list[str]):
        self.picks, self.offsets, self.texts = picks, offsets, texts

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int):
        from rag.framework import STATEMENTS
        from rag.records import Chunk, Sentence

        if not 0 <= i < len(self):
            raise IndexError(i)
        parts = [self.texts[j] for j in self.picks[self.offsets[i] : self.offsets[i + 1]]]
        sentences, pos = [], 0
        for t in parts:
            sentences.append(Sentence(pos, pos + len(t), t))
            pos += len(t) + 1
        statement = STATEMENTS[i % len(STATEMENTS)]
        council = f"Synthetic Council {i % COUNCILS}"
        return Chunk(chunk_id=i, doc_id=f"synthetic-{i // 500}.txt", council=council, label=council,
                     statement=statement.name, theme=statement.theme, page="statement", section=statement.name,
                     paragraph=1 + i % 40, start=0, end=pos - 1, text=" ".join(parts), sentences=tuple(sentences),
                     kind="rating" if i % 97 == 0 else "finding", rating=1 + i % 4)

    def __iter__(self) -> Iterator:
        return (self[i] for i in range(len(self)))


def synthetic_columns(n: int, counts: np.ndarray):
    """The metadata columns of :class:`SyntheticChunks`, computed without making the records."""
    from rag.framework import STATEMENTS
    from rag.store import ChunkColumns

    i = np.arange(n)
    councils = [f"Synthetic Council {c}" for c in range(COUNCILS)]
    names = [s.name for s in STATEMENTS]
    codes = np.stack([i % COUNCILS, i % COUNCILS, i % len(STATEMENTS), i % len(STATEMENTS), i % 4,
                      (i % 97 == 0).astype(np.int64), np.zeros(n, dtype=np.int64), counts, np.ones(n, dtype=np.int64)],
                     axis=1).astype(np.int32)
    values = {"label": tuple(councils), "council": tuple(councils), "section": tuple(names),
              "statement": tuple(names), "rating": (1, 2, 3, 4), "kind": ("finding", "rating"), "page": ("statement",)}
    return ChunkColumns(codes, values)


def build_synthetic(n: int, texts: list[str], base: np.ndarray, index_dir: Path, work: Path, kind: str,
                    seed: int = 0) -> dict:
    """Write a synthetic index of ``n`` passages into ``index_dir``; returns build timings and sizes."""
    from rag.config import Settings
    from rag.lexical import LexicalIndex
    from rag.store import IndexData, make_faiss_index, save_index

    rng = np.random.default_rng(seed)
    counts = rng.integers(3, 6, size=n)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    picks = rng.integers(0, len(base), size=int(offsets[-1]))
    dim = base.shape[1]
    t0 = time.perf_counter()
    sentence_vectors = np.lib.format.open_memmap(work / "sentences.npy", mode="w+", dtype=np.float16,
                                                 shape=(int(offsets[-1]), dim))
    chunk_vectors = np.empty((n, dim), dtype=np.float32)
    for lo in range(0, n, BLOCK):
        hi = min(n, lo + BLOCK)
        rows = slice(offsets[lo], offsets[hi])
        sentence_vectors[rows] = base[picks[rows]]
        weights = rng.dirichlet(np.ones(5), size=hi - lo)  # the first count[i] weights of each, re-scaled
        local = np.arange(offsets[lo], offsets[hi]) - np.repeat(offsets[lo:hi], counts[lo:hi])
        w = weights[np.repeat(np.arange(hi - lo), counts[lo:hi]), local]
        mixed = np.add.reduceat(base[picks[rows]] * w[:, None], offsets[lo:hi] - offsets[lo], axis=0)
        chunk_vectors[lo:hi] = mixed / np.linalg.norm(mixed, axis=1, keepdims=True)
    timings = {"vectors_s": time.perf_counter() - t0}
    chunks = SyntheticChunks(picks, offsets, texts)
    _say(f"{n:,}: BM25")
    t = time.perf_counter()
    lexical = LexicalIndex.build([" ".join(texts[j] for j in picks[offsets[i] : offsets[i + 1]]) for i in range(n)])
    timings["bm25_s"] = time.perf_counter() - t
    _say(f"{n:,}: FAISS {kind}")
    t = time.perf_counter()
    dense = make_faiss_index(chunk_vectors, kind)
    timings["faiss_s"] = time.perf_counter() - t
    rows = np.arange(n, dtype=np.int64)
    from rag.config import CHUNKER_VERSION
    from rag.embedding import resolve_model, weights_sha256

    model_id, model_path = resolve_model(Settings().model)
    manifest = {"model": {"id": model_id, "weights_sha256": weights_sha256(model_path), "dim": dim},
                "chunker_version": CHUNKER_VERSION, "documents": {}, "faiss_index": kind,
                "counts": {"documents": n // 500 + 1, "chunks": n, "retrievable": n, "sentences": int(offsets[-1])}}
    data = IndexData(manifest, chunks, chunk_vectors, sentence_vectors, offsets, dense, lexical, rows,
                     columns=synthetic_columns(n, counts))
    _say(f"{n:,}: writing the build")
    t = time.perf_counter()
    build = save_index(index_dir, data)
    timings["write_s"] = time.perf_counter() - t
    sizes = {p.relative_to(build).as_posix(): p.stat().st_size for p in build.rglob("*") if p.is_file()}
    return {"kind": kind, "sentences": int(offsets[-1]), "timings_s": {k: round(v, 2) for k, v in timings.items()},
            "files_mb": {k: round(v / 2**20, 1) for k, v in sorted(sizes.items())},
            "total_mb": round(sum(sizes.values()) / 2**20, 1)}


#: Runs in a fresh interpreter: open the index, query it, report memory and times as JSON.
SERVE = r"""
import json, sys, time
import numpy as np, psutil
proc = psutil.Process()
def mem():
    m = proc.memory_info()
    return {"rss_mb": m.rss / 2**20, "file_backed_mb": m.shared / 2**20, "anonymous_mb": (m.rss - m.shared) / 2**20}
args = json.loads(sys.argv[1])
from rag.config import Settings
from rag.analyse import analyse
from rag.retrieve import Retriever
from rag.store import load_index
before = mem()
t = time.perf_counter()
data = load_index(args["index_dir"])
settings = Settings(flat_index_max=args["flat_index_max"])
retriever = Retriever(data, settings)
open_s = time.perf_counter() - t
opened = mem()
queries = np.load(args["queries"])
dense_ms, top = [], []
for q in queries:
    t = time.perf_counter()
    scores = retriever.dense_scores(q)
    dense_ms.append((time.perf_counter() - t) * 1000)
    top.append(np.argsort(-scores, kind="stable")[:10].tolist())
after_dense = mem()
hybrid_ms = []
for text, q in zip(args["questions"], queries):
    query = analyse(text, retriever.matcher, retriever.catalogue.statements, settings.max_question_chars)
    t = time.perf_counter()
    retriever.search(query, q, k=10)
    hybrid_ms.append((time.perf_counter() - t) * 1000)
after_queries = mem()
t = time.perf_counter()
from rag.pipeline import Pipeline
Pipeline(data, settings)  # term weights and score lines too: what `rag serve` opens
pipeline_s = time.perf_counter() - t
print(json.dumps({"before": before, "opened": opened, "after_queries": after_queries, "open_s": open_s,
                  "pipeline_open_s": pipeline_s,
                  "first_dense_ms (reads FAISS)": dense_ms[0], "after_dense": after_dense,
                  "dense_ms": dense_ms, "hybrid_ms": hybrid_ms, "top": top,
                  "faiss_loaded": getattr(data.dense, "_index", 0) is not None}))
"""


def exact_top10(index_dir: Path, queries: np.ndarray, sentence_weight: float) -> np.ndarray:
    """Top 10 passages of the exact dense score (float32 from the stored vectors, every passage)."""
    from rag.retrieve import run_starts
    from rag.store import live_build

    build = live_build(index_dir)
    chunk_vectors = np.load(build / "chunk_vectors.npy", mmap_mode="r")
    sentence_vectors = np.load(build / "sentence_vectors.npy", mmap_mode="r")
    offsets = np.load(build / "sentence_offsets.npy")
    best = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_ids = np.zeros((len(queries), 0), dtype=np.int64)
    q = queries.astype(np.float32).T
    for lo in range(0, len(chunk_vectors), BLOCK):
        hi = min(len(chunk_vectors), lo + BLOCK)
        passage = np.asarray(chunk_vectors[lo:hi], dtype=np.float32) @ q
        sentences = np.asarray(sentence_vectors[offsets[lo] : offsets[hi]], dtype=np.float32) @ q
        counts = np.diff(offsets[lo : hi + 1])
        mixed = (1 - sentence_weight) * passage + sentence_weight * np.maximum.reduceat(sentences, run_starts(counts), axis=0)
        scores = np.concatenate([best, mixed.T], axis=1)
        ids = np.concatenate([best_ids, np.broadcast_to(np.arange(lo, hi), (len(queries), hi - lo))], axis=1)
        keep = np.argsort(-scores, axis=1, kind="stable")[:, :10]
        best, best_ids = np.take_along_axis(scores, keep, 1), np.take_along_axis(ids, keep, 1)
    return best_ids


def run(passages: int = 1_000_000, out: str | Path | None = None, index_dir: str | Path | None = None,
        seed_index_dir: str | Path | None = None, keep: bool = False, hnsw: bool | None = None,
        reuse: bool = False) -> dict:
    """Build a synthetic index of ``passages`` passages, measure serving it; returns (and writes to ``out``) the report.

    ``hnsw``: True forces the HNSW path even below ``Settings.flat_index_max`` (to extrapolate from smaller
    sizes), False forces exact search; None does as ``rag index`` does. ``reuse``: measure the index an
    earlier run kept in ``index_dir`` instead of building one (its build figures are not reported)."""
    import psutil

    from rag.config import Settings

    t_all = time.perf_counter()
    _say("real sentences and questions from the seed index")
    texts, base, queries = real_base(Path(seed_index_dir) if seed_index_dir else None)
    questions = [json.loads(line)["question"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    work = Path(tempfile.mkdtemp(prefix="rag-scale-memory-"))
    target = Path(index_dir) if index_dir else work / "index"
    try:
        flat_max = Settings().flat_index_max if hnsw is None else (0 if hnsw else passages)
        kind = "flat" if passages <= flat_max else "hnsw"
        if reuse:
            if index_dir is None:
                raise ValueError("reuse needs the index folder of an earlier run")
            from rag.store import read_manifest

            manifest = read_manifest(target) or {}
            if manifest.get("counts", {}).get("chunks") != passages:
                raise ValueError(f"{target} does not hold a synthetic index of {passages:,} passages")
            built = {"kind": manifest.get("faiss_index"), "reused": str(target)}
        else:
            built = build_synthetic(passages, texts, base, target, work, kind)
        np.save(work / "queries.npy", queries.astype(np.float32))
        _say(f"{passages:,}: serving, in a fresh process")
        args = {"index_dir": str(target), "queries": str(work / "queries.npy"), "questions": questions,
                "flat_index_max": flat_max}
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
        # a first open hashes every file once (a later one trusts the remembered hashes): measure the second
        first = subprocess.run([sys.executable, "-c", SERVE, json.dumps(args)], capture_output=True, text=True,
                               env=env, timeout=3600)
        if first.returncode:
            raise RuntimeError(first.stderr.strip().splitlines()[-1])
        time.sleep(2.5)  # past rag.embedding.RACY_SECONDS, so that the hashes are remembered
        subprocess.run([sys.executable, "-c", SERVE, json.dumps(args)], capture_output=True, text=True, env=env, timeout=3600)
        served = json.loads(subprocess.run([sys.executable, "-c", SERVE, json.dumps(args)], capture_output=True,
                                           text=True, env=env, timeout=3600, check=True).stdout)
        _say(f"{passages:,}: exact scores for recall")
        exact = exact_top10(target, queries, Settings().sentence_weight)
        recall = float(np.mean([len(set(a) & set(b.tolist())) / 10 for a, b in zip(served["top"], exact)]))
        first_open = json.loads(first.stdout)["open_s"]
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    dense, hybrid = np.array(served["dense_ms"]), np.array(served["hybrid_ms"])
    measured = {"rss_mb": served["after_queries"]["rss_mb"], "open_s": served["open_s"],
                "dense_p50_ms": float(np.percentile(dense, 50)), "recall_at_10": recall}
    report = {
        "passages": passages, "queries": len(queries), "build": built,
        "machine": {"cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
                    "load_average_end": [round(x, 2) for x in os.getloadavg()]},
        "memory_mb": {k: {m: round(v, 1) for m, v in served[k].items()}
                      for k in ("before", "opened", "after_dense", "after_queries")},
        "open_s": round(served["open_s"], 3), "first_open_s (hashes every file)": round(first_open, 3),
        "pipeline_open_s (after the retriever: term weights, score lines)": round(served["pipeline_open_s"], 3),
        "first_search_ms (reads the FAISS file)": round(served["first_dense_ms (reads FAISS)"], 1),
        "dense_ms": {"p50": round(float(np.percentile(dense, 50)), 3), "p95": round(float(np.percentile(dense, 95)), 3)},
        "hybrid_search_ms": {"p50": round(float(np.percentile(hybrid, 50)), 3),
                             "p95": round(float(np.percentile(hybrid, 95)), 3)},
        "recall_at_10_vs_exact": round(recall, 4),
        "faiss_loaded": served["faiss_loaded"],
        "targets": {k: {"limit": lim, "measured": round(measured[k], 4),
                        "pass": measured[k] >= lim if k == "recall_at_10" else measured[k] <= lim}
                    for k, lim in TARGETS.items()},
        "seconds": round(time.perf_counter() - t_all, 1),
    }
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(json.dumps(report, indent=1), encoding="utf-8")
    return report


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("passages", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed-index-dir", type=Path)
    parser.add_argument("--index-dir", type=Path, help="Keep the synthetic index here (default: a temporary folder).")
    parser.add_argument("--hnsw", action="store_true", help="Use HNSW even below Settings.flat_index_max.")
    parser.add_argument("--reuse", action="store_true", help="Measure the index kept in --index-dir by an earlier run.")
    a = parser.parse_args()
    print(json.dumps(run(a.passages, a.out, a.index_dir, a.seed_index_dir, hnsw=True if a.hnsw else None,
                         reuse=a.reuse), indent=1))
