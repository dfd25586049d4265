"""The scaling run's targets, estimates beyond what was measured, Markdown section and picture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .common import target
from .report import dig, fmt, table

#: At the largest size, HNSW recall@10 against exact search must reach this, and its search p50 stay below.
TARGET_RECALL = 0.95
TARGET_P50_MS = 5.0
#: Sentences per passage in the seed index (308 / 80): the sentence vectors a real index of n passages holds.
SENTENCES_PER_PASSAGE = 3.85
DIM = 384  # embedding dimension of the default model, for index-size estimates

METHOD = (
    "Synthetic corpora recombine real data: each passage vector is a random convex combination (Dirichlet(1) "
    "weights) of 2 or 3 random real sentence vectors of the seed index, re-normalised, so the vectors live where "
    "real ones do; its text joins the same sentences, for BM25 and the chunk store. Queries are real question "
    "embeddings (eval/gold.jsonl, then eval/unseen.jsonl). Exact = FAISS IndexFlatIP; recall@10 of HNSW is "
    "against it, strict (same ids) and tie-aware (a hit when at least as similar as the exact 10th). Every search "
    "is one query at a time, as the pipeline does, with one FAISS thread; memory is the arrays' size and the "
    "process RSS change. Timings are wall times on a possibly shared machine: see the load average."
)


def scale_targets(m: dict[str, Any]) -> list[dict[str, Any]]:
    """Recall and latency targets of HNSW at the largest size measured."""
    if not m["rows"]:
        return []
    big = max(m["rows"], key=lambda r: r["n"])
    h, label, k = big["hnsw"], f"{big['n']:,} passages", m["retriever_k"]
    return [
        target("hnsw_recall@10", dig(h, "recall@10", "strict"), TARGET_RECALL,
               f"{label}, k=10, efSearch={m['hnsw_params']['efSearch']}", higher_is_better=True),
        target("hnsw_recall@10_as_retriever", dig(h, "as_retriever", "recall@10", "strict"), TARGET_RECALL,
               f"{label}, k={k} as Retriever.dense_scores asks", higher_is_better=True),
        target("hnsw_search_p50_ms", dig(h, "search_ms", "p50"), TARGET_P50_MS, f"{label}, k=10", unit=" ms"),
        target("hnsw_search_p50_ms_as_retriever", dig(h, "as_retriever", "search_ms", "p50"), TARGET_P50_MS,
               f"{label}, k={k}", unit=" ms"),
    ]


def _index_load(row: dict[str, Any], store_row: dict[str, Any]) -> dict[str, Any]:
    """Size of a real index of ``row['n']`` passages and the time to hash and parse it at load."""
    n, st = row["n"], store_row["store"]
    hash_mb_s = st["jsonl_mb"] / max(st["sha256_s"], 1e-6)  # a small store can hash faster than the clock ticks
    jsonl_mb = row.get("store", {}).get("jsonl_mb") or st["jsonl_mb"] * n / store_row["n"]
    parse_s = row.get("store", {}).get("load_s") or st["load_s"] * n / store_row["n"]
    vectors_mb = n * DIM * 4 / 2**20
    files_mb = vectors_mb * (1 + SENTENCES_PER_PASSAGE) + (dig(row, "hnsw", "memory_mb") or vectors_mb) + jsonl_mb
    return {"files_mb": round(files_mb), "sha256_s": round(files_mb / hash_mb_s, 1),
            "chunks_parse_s": round(parse_s, 1), "hash_mb_per_s": round(hash_mb_s)}


def scale_estimates(m: dict[str, Any]) -> list[dict[str, Any]]:
    """What was not measured, extrapolated linearly from the largest size measured: BM25 above its limit, and
    what loading a real index of each size would cost (every file is hashed at load)."""
    rows = m.get("rows") or []
    lexical = [r for r in rows if "build_s" in r.get("lexical", {})]
    stores = [r for r in rows if "sha256_s" in r.get("store", {})]
    out = []
    for r in rows:
        e: dict[str, Any] = {"n": r["n"]}
        if "build_s" not in r.get("lexical", {}) and lexical:
            b, f = lexical[-1], r["n"] / lexical[-1]["n"]
            e["bm25_extrapolated"] = {"from_n": b["n"], "build_s": round(b["lexical"]["build_s"] * f, 1),
                                      "query_p50_ms": round(b["lexical"]["search_ms"]["p50"] * f, 2),
                                      "arrays_mb": round(b["lexical"]["arrays_mb"] * f, 1)}
        if stores:
            e["index_load"] = _index_load(r, stores[-1])
        out.append(e)
    return out


def _dense_tables(r: dict[str, Any]) -> list[str]:
    """Dense search by size, the efSearch sweep, and the HNSW parameter grid."""
    k = r["retriever_k"]
    rows = [(x["n"], x["vectors_mb"], dig(x, "flat", "build_s"), dig(x, "flat", "search_ms", "p50"),
             dig(x, "flat", "search_ms", "p95"), dig(x, "numpy_exact", "search_ms", "p50"), dig(x, "hnsw", "build_s"),
             dig(x, "hnsw", "memory_mb"), dig(x, "hnsw", "search_ms", "p50"),
             f"{fmt(dig(x, 'hnsw', 'recall@10', 'strict'))} / {fmt(dig(x, 'hnsw', 'recall@10', 'tie_aware'))}",
             dig(x, "hnsw", "as_retriever", "search_ms", "p50"), dig(x, "hnsw", "as_retriever", "recall@10", "strict"))
            for x in r["rows"]]
    headers = ("passages", "vectors MB", "flat build s", "flat p50", "flat p95", "numpy exact path p50", "HNSW build s",
               "HNSW MB", "HNSW p50 (k=10)", "recall@10 strict / tie-aware", f"HNSW p50 (k={k})", f"recall@10 (k={k})")
    efs = list(r["rows"][0]["hnsw"]["efSearch_sweep_k10"]) if r["rows"] else []
    sweep = [(x["n"], *(f"{fmt(dig(s, 'search_ms', 'p50'))} / {fmt(dig(s, 'recall@10', 'strict'))}"
                        for s in x["hnsw"]["efSearch_sweep_k10"].values())) for x in r["rows"]]
    out = ["## Dense search (one query at a time, ms)", "", table(headers, rows), "",
           "HNSW efSearch sweep (k=10): p50 ms / strict recall@10", "",
           table(("passages", *(f"ef={ef}" for ef in efs)), sweep)]
    if r.get("hnsw_grid"):
        grid = [(g["M"], g["efConstruction"], g["build_s"], g["efSearch"], g["search_p50_ms"],
                 f"{fmt(g['recall@10']['strict'])} / {fmt(g['recall@10'].get('tie_aware'))}") for g in r["hnsw_grid"]]
        out += ["", f"HNSW parameter grid at {r['hnsw_grid'][0]['n']:,} passages:", "",
                table(("M", "efConstruction", "build s", "efSearch", "p50 ms", "recall@10 strict / tie-aware"), grid)]
    return out


def _other_tables(r: dict[str, Any]) -> list[str]:
    """BM25, fusion, the Retriever and the chunk store by size; then the estimates."""
    rows = []
    for x in r["rows"]:
        lx, st, rt = x.get("lexical", {}), x.get("store", {}), x.get("retriever", {})
        rows.append((x["n"], lx.get("build_s", lx.get("skipped")), lx.get("arrays_mb"), dig(lx, "search_ms", "p50"),
                     dig(x, "fusion_topk_ms", "p50"), rt.get("init_s"), rt.get("init_rss_mb"),
                     dig(rt, "search_ms", "p50"), rt.get("dense_path"), dig(rt, "faiss_path", "search_ms", "p50"),
                     st.get("jsonl_mb", st.get("skipped")), st.get("load_s"), st.get("sha256_s")))
    headers = ("passages", "BM25 build s", "BM25 MB", "BM25 query p50 ms", "fusion+top-k p50 ms", "Retriever init s",
               "init RSS MB", "Retriever hybrid p50 ms", "dense path", "hybrid p50, FAISS path forced",
               "chunks.jsonl MB", "load s", "sha256 s")
    out = ["## Lexical search, fusion, the Retriever and the chunk store", "", table(headers, rows)]
    if r.get("estimates"):
        est = [(e["n"], dig(e, "bm25_extrapolated", "build_s"), dig(e, "bm25_extrapolated", "query_p50_ms"),
                dig(e, "bm25_extrapolated", "arrays_mb"), dig(e, "index_load", "files_mb"),
                dig(e, "index_load", "sha256_s"), dig(e, "index_load", "chunks_parse_s")) for e in r["estimates"]]
        out += ["", "## Estimates (not measured: linear extrapolation from the largest measured size)", "",
                "Loading an index checks the sha256 of every file and parses chunks.jsonl, so a cold start grows "
                f"with the corpus. Index files: passage and sentence vectors ({SENTENCES_PER_PASSAGE} sentences per "
                "passage, as in the seeds), the FAISS index and chunks.jsonl.", "",
                table(("passages", "BM25 build s", "BM25 query p50 ms", "BM25 MB", "index files MB",
                       "sha256 of them at load, s", "chunks.jsonl parse s"), est)]
    return out


def markdown(r: dict[str, Any]) -> str:
    """The scaling section of the report."""
    hp = r["hnsw_params"]
    head = ["## Method", "", METHOD, "",
            f"{r['queries']} queries; peak RSS of the measuring process {fmt(r.get('peak_rss_mb'))} MB; "
            f"it took {r.get('seconds')} s.", "",
            f"HNSW as `rag index` builds it: M={hp['M']}, efConstruction={hp['efConstruction']}, "
            f"efSearch={hp['efSearch']}; `rag index` uses it above Settings.flat_index_max = {r['flat_index_max']:,} "
            f"passages. Retriever.dense_scores asks FAISS for k={r['retriever_k']} candidates."]
    return "\n".join([*head, "", *_dense_tables(r), "", *_other_tables(r)])


def _series(ax, label: str, rows: list[dict], keys: tuple, **style) -> None:
    """Plot one measurement against corpus size, skipping sizes where it is missing."""
    points = [(row["n"], dig(row, *keys)) for row in rows]
    points = [(n, v) for n, v in points if isinstance(v, (int, float))]
    if points:
        ax.plot(*zip(*points), marker="o", label=label, **style)


#: The picture's three panels: title, y label, and (label, keys into a row, line style) per series.
PANELS = (
    ("query latency", "p50 ms per query", (
        ("exact flat (FAISS)", ("flat", "search_ms", "p50"), "-"),
        ("exact numpy path (passage+sentence)", ("numpy_exact", "search_ms", "p50"), "-"),
        ("HNSW k=10", ("hnsw", "search_ms", "p50"), "-"),
        ("HNSW as the Retriever asks", ("hnsw", "as_retriever", "search_ms", "p50"), "-"),
        ("BM25 query", ("lexical", "search_ms", "p50"), "--"),
        ("fusion + top-k", ("fusion_topk_ms", "p50"), ":"),
        ("Retriever hybrid search", ("retriever", "search_ms", "p50"), "-."),
        ("Retriever hybrid (FAISS path forced)", ("retriever", "faiss_path", "search_ms", "p50"), "-."))),
    ("memory / size", "MB", (
        ("vectors / flat index", ("vectors_mb",), "-"), ("HNSW index", ("hnsw", "memory_mb"), "-"),
        ("BM25 arrays", ("lexical", "arrays_mb"), "--"), ("chunks.jsonl", ("store", "jsonl_mb"), ":"),
        ("chunk objects (RSS)", ("store", "chunk_objects_rss_mb"), ":"))),
    ("build / load time", "seconds", (
        ("HNSW build", ("hnsw", "build_s"), "-"), ("flat build", ("flat", "build_s"), "-"),
        ("BM25 build", ("lexical", "build_s"), "--"), ("chunks.jsonl load", ("store", "load_s"), ":"),
        ("chunks.jsonl sha256", ("store", "sha256_s"), ":"))),
)


def plot_files(r: dict[str, Any], out_dir: Path) -> list[Path]:
    """``bench-scale.png`` in ``out_dir``: latency, size and build time against corpus size."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(PANELS), figsize=(15, 4.6))
    for ax, (title, ylabel, series) in zip(axes, PANELS):
        for label, keys, style in series:
            _series(ax, label, r["rows"], keys, linestyle=style)
        ax.set(xscale="log", yscale="log", xlabel="passages", ylabel=ylabel, title=title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.suptitle("rag at scale (synthetic corpora from recombined real embeddings)", fontsize=10)
    fig.tight_layout()
    path = Path(out_dir) / "bench-scale.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return [path]
