"""Scaling: dense search (exact and HNSW), BM25, fusion, the Retriever and the chunk store at 10k-1M passages.

Corpora are recombined from the documents' real sentence embeddings (``benchmarks.synthetic``) and queried
with real question embeddings, one query at a time as the pipeline does, in a fresh process without torch.
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.stats import summary

from .common import (
    Benchmark,
    Context,
    Progress,
    elapsed_s,
    in_fresh_process,
    load_average,
    machine,
    peak_rss_mb,
    quiet,
    rss_mb,
)
from .scale_report import markdown, plot_files, scale_estimates, scale_targets
from .synthetic import Base, real_base, recombine, synthetic_index, synthetic_texts, write_chunks

EF_SWEEP = (32, 64, 128, 256, 512, 1024)
#: Other HNSW parameters (M, efConstruction) built at the grid size, for comparison with those of ``rag index``.
HNSW_GRID = ((32, 80), (32, 128), (16, 200))
GRID_EF = (64, 128, 256, 512)
FUSION_REPEATS = 50


@dataclass(frozen=True)
class ScaleOptions:
    """Sizes of a scaling run and the limits that keep it within its time budget."""

    sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)
    queries: int = 200
    lexical_max: int = 100_000  # BM25 build and queries up to this many passages (extrapolated above)
    retriever_max: int = 100_000  # the project's Retriever up to this many passages
    numpy_max: int = 100_000  # the Retriever's exact numpy scoring path up to this many passages
    hnsw_grid_at: int | None = 100_000  # the size at which HNSW_GRID is built (None: never)
    budget_s: float = 600  # the chunk store is skipped when its projected time would overrun this


def search_times(index, queries: np.ndarray, k: int) -> tuple[list[float], np.ndarray]:
    """Milliseconds per query and the ids found, one query at a time with one FAISS thread (a single query
    gains nothing from a team of OpenMP threads, whose spinning slows the numpy work after it)."""
    import faiss

    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    times, ids = [], []
    try:
        for q in queries:
            t = time.perf_counter()
            _, found = index.search(q[None, :], k)
            times.append((time.perf_counter() - t) * 1000)
            ids.append(found[0])
    finally:
        faiss.omp_set_num_threads(threads)
    return times, np.stack(ids)


def recall_at_10(approx_ids, exact_ids, vectors=None, queries=None) -> dict[str, float]:
    """Strict recall@10 (same ids) and, given the vectors, tie-aware recall@10 (a hit when the passage found is
    at least as similar as the exact 10th: recombined vectors have near-ties)."""
    strict = float(np.mean([len(set(a[:10]) & set(e[:10])) / 10 for a, e in zip(approx_ids, exact_ids)]))
    out = {"strict": round(strict, 4)}
    if vectors is not None and queries is not None:
        hits = []
        for q, a, e in zip(queries, approx_ids, exact_ids):
            kth = float(vectors[e[9]] @ q)
            a = a[a >= 0][:10]
            hits.append(float(np.sum(vectors[a] @ q >= kth - 1e-6)) / 10)
        out["tie_aware"] = round(float(np.mean(hits)), 4)
    return out


def measure_flat(vectors: np.ndarray, queries: np.ndarray) -> tuple[dict[str, Any], np.ndarray]:
    """Exact search with a FAISS flat index: build time, search times, and the exact top 10 of every query."""
    from rag.store import make_faiss_index

    build_s, flat = elapsed_s(make_faiss_index, vectors, "flat")
    times, exact_ids = search_times(flat, queries, 10)
    return {"build_s": round(build_s, 3), "memory_mb": round(vectors.nbytes / 2**20, 1),
            "search_ms": summary(times)}, exact_ids


def measure_numpy_exact(vectors: np.ndarray, sources: np.ndarray, base: np.ndarray, queries: np.ndarray,
                        sentence_weight: float) -> dict[str, Any]:
    """The Retriever's exact path: passage similarity mixed with the best sentence's, then the top 10."""
    from rag.retrieve import top

    counts = (sources >= 0).sum(axis=1)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    sentence_vectors = base[sources[sources >= 0]]
    times = []
    for q in queries:
        t = time.perf_counter()
        best_sentence = np.maximum.reduceat(sentence_vectors @ q, starts)
        top((1 - sentence_weight) * (vectors @ q) + sentence_weight * best_sentence, 10)
        times.append((time.perf_counter() - t) * 1000)
    return {"search_ms": summary(times), "sentence_rows": int(len(sentence_vectors)),
            "memory_mb": round((vectors.nbytes + sentence_vectors.nbytes) / 2**20, 1)}


def measure_fusion(n: int, settings: Settings) -> dict[str, Any]:
    """Weighted fusion and top-k over all ``n`` passages, which every hybrid query does (ms)."""
    from rag.retrieve import top, weighted_fusion

    rng = np.random.default_rng(1)
    dense, lexical = rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32)
    return summary([elapsed_s(lambda: top(weighted_fusion(dense, lexical, settings.dense_weight), settings.k))[0] * 1000
                    for _ in range(FUSION_REPEATS)])


def measure_hnsw(vectors: np.ndarray, queries: np.ndarray, exact_ids: np.ndarray, retriever_k: int):
    """HNSW as ``rag index`` builds it: build, an efSearch sweep at k=10, and search as the Retriever asks."""
    from rag.store import make_faiss_index

    rss_before = rss_mb()
    build_s, index = elapsed_s(make_faiss_index, vectors, "hnsw")
    configured = int(index.hnsw.efSearch)
    sweep = {}
    for ef in EF_SWEEP:
        index.hnsw.efSearch = ef
        times, ids = search_times(index, queries, 10)
        sweep[str(ef)] = {"search_ms": summary(times), "recall@10": recall_at_10(ids, exact_ids, vectors, queries)}
    index.hnsw.efSearch = configured
    times, ids = search_times(index, queries, retriever_k)
    m = int(index.hnsw.nb_neighbors(1))
    out = {"build_s": round(build_s, 3), "rss_delta_mb": round(rss_mb() - rss_before, 1),
           "memory_mb": round((vectors.nbytes + len(vectors) * m * 2 * 4 * 1.1) / 2**20, 1),
           "efSearch_sweep_k10": sweep,
           "as_retriever": {"k": retriever_k, "efSearch": configured, "search_ms": summary(times),
                            "recall@10": recall_at_10(ids, exact_ids, vectors, queries)}}
    if str(configured) in sweep:
        out.update(sweep[str(configured)])
    return out, index


def hnsw_grid(vectors: np.ndarray, queries: np.ndarray, exact_ids: np.ndarray, progress: Progress) -> list[dict]:
    """Build time, latency and recall of other HNSW parameters at one size."""
    import faiss

    out = []
    for m, efc in HNSW_GRID:
        progress(f"scale: HNSW grid M={m}, efConstruction={efc}")
        index = faiss.IndexHNSWFlat(vectors.shape[1], m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = efc
        build_s, _ = elapsed_s(index.add, vectors)
        for ef in GRID_EF:
            index.hnsw.efSearch = ef
            times, ids = search_times(index, queries, 10)
            out.append({"n": len(vectors), "M": m, "efConstruction": efc, "efSearch": ef, "build_s": round(build_s, 3),
                        "search_p50_ms": summary(times, 4)["p50"],
                        "recall@10": recall_at_10(ids, exact_ids, vectors, queries)})
    return out


def measure_lexical(texts: list[str], questions: list[str], folder: Path):
    """BM25 over the passages' texts: build time, RSS change, size of its saved arrays, query times."""
    from rag.lexical import LexicalIndex

    rss_before = rss_mb()
    build_s, lexical = elapsed_s(LexicalIndex.build, texts)
    rss_delta = rss_mb() - rss_before
    lexical.save(folder)
    size = sum(p.stat().st_size for p in folder.glob("*.npy"))
    times = [elapsed_s(lexical.scores, q)[0] * 1000 for q in questions]
    return {"build_s": round(build_s, 3), "rss_delta_mb": round(rss_delta, 1), "arrays_mb": round(size / 2**20, 1),
            "search_ms": summary(times)}, lexical


def measure_retriever(data, settings: Settings, questions: list[str], queries: np.ndarray) -> dict[str, Any]:
    """The project's Retriever over ``data``: construction time and memory, hybrid search times and parts."""
    from rag.records import Query
    from rag.retrieve import Retriever

    questions = [Query(text=q, asked=q) for q in questions]
    rss_before = rss_mb()
    init_s, retriever = elapsed_s(Retriever, data, settings)
    init_rss = rss_mb() - rss_before
    for q, v in zip(questions[:5], queries[:5]):
        retriever.search(q, v)  # warm-up
    totals, parts = [], {}
    for q, v in zip(questions, queries):
        ms, result = elapsed_s(retriever.search, q, v)
        totals.append(ms * 1000)
        for key, value in result.timings_ms.items():
            parts.setdefault(key, []).append(value)
    path = "numpy exact (passage + best sentence)" if settings.flat_index_max >= len(data.rows) else "faiss index"
    return {"dense_path": path, "init_s": round(init_s, 3), "init_rss_mb": round(init_rss, 1),
            "search_ms": summary(totals), "parts_p50_ms": {k: summary(v)["p50"] for k, v in parts.items()}}


def measure_chunk_store(texts: list[str], sources: np.ndarray, folder: Path) -> dict[str, Any]:
    """Write the passages' ``chunks.jsonl``, then read and hash it as loading an index does."""
    import json

    from rag.embedding import file_sha256
    from rag.records import Chunk

    path = folder / "chunks.jsonl"
    write_s, _ = elapsed_s(write_chunks, texts, sources, path)
    rss_before = rss_mb()
    with open(path, encoding="utf-8") as f:
        load_s, chunks = elapsed_s(lambda: [Chunk.from_dict(json.loads(line)) for line in f])
    objects_mb = rss_mb() - rss_before
    hash_s, _ = elapsed_s(file_sha256, path)
    size = path.stat().st_size
    del chunks
    path.unlink()
    return {"jsonl_mb": round(size / 2**20, 1), "write_s": round(write_s, 3), "load_s": round(load_s, 3),
            "sha256_s": round(hash_s, 6), "chunk_objects_rss_mb": round(objects_mb, 1)}


def measure_dense(n: int, base: Base, settings: Settings, opts: ScaleOptions, progress: Progress):
    """Vectors of ``n`` passages and the dense measurements on them; returns (row, vectors, sources, HNSW
    index, exact top 10, grid rows)."""
    progress(f"scale {n:,}: vectors, exact search, fusion")
    generate_s, (vectors, sources) = elapsed_s(recombine, base.sentence_vectors, n, seed=n)
    row: dict[str, Any] = {"n": n, "generate_s": round(generate_s, 3), "vectors_mb": round(vectors.nbytes / 2**20, 1)}
    row["flat"], exact_ids = measure_flat(vectors, base.query_vectors)
    if n <= opts.numpy_max:
        row["numpy_exact"] = measure_numpy_exact(vectors, sources, base.sentence_vectors, base.query_vectors,
                                                 settings.sentence_weight)
    row["fusion_topk_ms"] = measure_fusion(n, settings)
    grid = hnsw_grid(vectors, base.query_vectors, exact_ids, progress) if opts.hnsw_grid_at == n else []
    progress(f"scale {n:,}: HNSW build and efSearch sweep")
    row["hnsw"], hnsw = measure_hnsw(vectors, base.query_vectors, exact_ids, settings.candidates * 4)
    return row, vectors, sources, hnsw, grid


def measure_size(n: int, base: Base, settings: Settings, opts: ScaleOptions, work: Path, left_s: float,
                 previous: dict[str, Any] | None, progress: Progress) -> tuple[dict[str, Any], list[dict]]:
    """Every measurement at ``n`` passages (those over their limits are skipped and say so); returns (row,
    HNSW grid rows)."""
    from rag.store import make_faiss_index

    rss_before = rss_mb()
    row, vectors, sources, hnsw, grid = measure_dense(n, base, settings, opts, progress)
    texts = synthetic_texts(base.sentence_texts, sources)
    if n <= opts.lexical_max:
        progress(f"scale {n:,}: BM25 and the Retriever")
        folder = work / f"bm25-{n}"
        row["lexical"], lexical = measure_lexical(texts, base.questions, folder)
        if n <= opts.retriever_max:
            dense = make_faiss_index(vectors, "flat") if n <= settings.flat_index_max else hnsw
            data = synthetic_index(vectors, sources, base.sentence_vectors, texts, dense, lexical)
            row["retriever"] = measure_retriever(data, settings, base.questions, base.query_vectors)
            data.dense = hnsw  # the same search through the FAISS candidates path
            row["retriever"]["faiss_path"] = measure_retriever(data, settings.with_overrides(flat_index_max=0),
                                                               base.questions, base.query_vectors)
            del data, dense
        del lexical
    else:
        row["lexical"] = {"skipped": f"over {opts.lexical_max:,} passages (time budget)"}
    del hnsw
    gc.collect()
    store = (previous or {}).get("store", {})
    projected = (store["write_s"] + store["load_s"]) * n / previous["n"] * 1.2 if "write_s" in store else 0.0
    if projected < left_s:
        progress(f"scale {n:,}: chunk store")
        row["store"] = measure_chunk_store(texts, sources, work)
    else:
        row["store"] = {"skipped": f"projected {projected:.0f} s exceeds the time budget"}
    del texts, vectors, sources
    gc.collect()
    row["rss_mb_before"], row["rss_mb_after"] = rss_before, rss_mb()
    return row, grid


def measure_scale(settings: Settings, opts: ScaleOptions, work: Path, verbose: bool = False) -> dict[str, Any]:
    """The whole scaling run on the index in ``settings.index_dir``; meant to run in a fresh process."""
    from rag.store import make_faiss_index

    started = time.perf_counter()
    def say(message: str) -> None:
        """Progress on stderr, with the seconds since the start, when ``verbose``."""
        if verbose:
            print(f"· [{time.perf_counter() - started:5.0f} s] {message}", file=sys.stderr, flush=True)

    info = machine()
    base = real_base(settings, opts.queries)
    probe = make_faiss_index(np.zeros((0, base.sentence_vectors.shape[1]), dtype=np.float32), "hnsw")
    params = {"M": int(probe.hnsw.nb_neighbors(1)), "efConstruction": int(probe.hnsw.efConstruction),
              "efSearch": int(probe.hnsw.efSearch)}
    rows: list[dict[str, Any]] = []
    grid: list[dict[str, Any]] = []
    for n in opts.sizes:
        left_s = opts.budget_s - (time.perf_counter() - started)
        row, grid_rows = measure_size(n, base, settings, opts, work, left_s, rows[-1] if rows else None, say)
        rows.append(row)
        grid += grid_rows
    return {"machine": info, "load_average_after": load_average(), "queries": len(base.questions),
            "hnsw_params": params, "flat_index_max": settings.flat_index_max, "retriever_k": settings.candidates * 4,
            "rows": rows, "hnsw_grid": grid, "peak_rss_mb": peak_rss_mb(),
            "seconds": round(time.perf_counter() - started, 1)}


def options_for(ctx: Context) -> ScaleOptions:
    """The run's scale options: its sizes, and at most ``ctx.questions`` queries when given."""
    sizes = tuple(ctx.scale_sizes)
    grid_at = 100_000 if 100_000 in sizes else min(sizes)
    return ScaleOptions(sizes=sizes, queries=ctx.questions or ScaleOptions.queries, hnsw_grid_at=grid_at)


def run(ctx: Context) -> dict[str, Any]:
    """The scaling run in a fresh process (no torch, as `rag serve`), with targets and estimates."""
    opts = options_for(ctx)
    ctx.progress(f"scale: {', '.join(f'{n:,}' for n in opts.sizes)} passages (progress from the measuring process)")
    work = ctx.work_dir / "scale"
    work.mkdir(parents=True, exist_ok=True)
    m = in_fresh_process(measure_scale, ctx.settings, opts, work, ctx.progress is not quiet)
    return {**m, "options": vars(opts), "targets": scale_targets(m), "estimates": scale_estimates(m)}


BENCHMARK = Benchmark("scale", run, markdown, plot_files)
