"""The benchmarks in benchmarks/: statistics, targets, report files, the measurement helpers on small data,
and `rag bench` finding them. Nothing here asserts how fast anything is."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from benchmarks import build, cold_start, latency, memory, report, run, scale, scale_report, synthetic
from benchmarks.common import Benchmark, in_fresh_process, ratio, target
from rag.config import PROJECT_ROOT, Settings
from rag.errors import UsageError
from rag.stats import percentile, summary
from tests.helpers import GOLD, copy_seeds


# -- statistics, ratios, targets -----------------------------------------------------------------------------
def test_percentiles_and_summary_agree_with_numpy():
    values = [5.0, 1.0, 4.0, 2.0, 3.0, 10.0]
    assert percentile([], 50) is None
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile(values, 95) == pytest.approx(np.percentile(values, 95))
    s = summary([1.0, 2.0, 3.0, 4.0, 10.0])
    assert s == {"n": 5, "p50": 3.0, "p95": pytest.approx(np.percentile([1, 2, 3, 4, 10], 95), abs=1e-3),
                 "mean": 4.0, "min": 1.0, "max": 10.0}
    assert summary([])["p50"] is None and summary([])["n"] == 0


def test_ratios_and_target_verdicts():
    assert ratio(6.0, 4.0) == 1.5 and ratio(1.0, 0) is None and ratio(None, 2.0) is None
    assert target("t", 1.5, 1.5, "")["verdict"] == "PASS"
    assert target("t", 1.51, 1.5, "")["verdict"] == "MISS"
    assert target("t", None, 1.5, "")["verdict"] == "n/a"
    assert target("r", 0.96, 0.95, "", higher_is_better=True)["verdict"] == "PASS"
    low = target("r", 0.9, 0.95, "", higher_is_better=True)
    assert low["verdict"] == "MISS" and low["limit"] == ">= 0.95"


def test_stage_breakdown_covers_the_total():
    timings = [{"embed": 3.0, "retrieve": 0.5, "compose": 0.4, "total": 4.0},
               {"embed": 2.0, "retrieve": 1.0, "compose": 0.5, "total": 3.6}]
    parts = latency.stage_breakdown(timings)
    assert list(parts) == ["embed", "retrieve", "compose", "other"]
    assert parts["other"]["mean"] == pytest.approx(0.1, abs=1e-3)
    assert sum(p["mean"] for p in parts.values()) == pytest.approx(3.8, abs=1e-3)
    assert sum(p["share"] for p in parts.values()) == pytest.approx(1.0, abs=2e-3)
    assert latency.stage_breakdown([]) == {}


def test_build_ratios_and_targets():
    m = {"bare_encoding_runs_s": [9.0, 11.0], "fresh_s": 11.0, "export_s": 2.0, "rebuild_s": 11.5}
    r = build.with_ratios(m)
    assert r["bare_encoding_s"] == 10.0 and r["fresh_ratio"] == 1.1 and r["fresh_without_export_ratio"] == 0.9
    assert [(t["name"], t["verdict"]) for t in r["targets"]] == [("build_fresh_vs_bare", "PASS"),
                                                                 ("build_rebuild_vs_bare", "MISS")]


def test_importtime_report_is_read_per_package():
    stderr = "\n".join([
        "import time: self [us] | cumulative | imported package",
        "import time:       100 |        150 |     numpy.core",
        "import time:       200 |       2000 |   numpy",
        "import time:       300 |       2500 | rag.pipeline",
        "import time:        50 |        400 | faiss",
        "some other line",
    ])
    assert cold_start.parse_importtime(stderr) == {"numpy": 2.0, "faiss": 0.4, "all": 2.9}


# -- reports -------------------------------------------------------------------------------------------------
def test_numbers_and_tables_format():
    assert report.fmt(None) == report.MISSING and report.fmt(1234567) == "1,234,567"
    assert report.fmt(0.12345) == "0.123" and report.fmt(1234.5) == "1,234" and report.fmt("text") == "text"
    md = report.table(("a", "b"), [("x", 1.23456), ("y", None)])
    lines = md.splitlines()
    assert lines[0].startswith("| a") and set(lines[1]) <= set("|-") and "1.23" in lines[2] and "–" in lines[3]
    assert report.dig({"a": {"b": 1}}, "a", "b") == 1 and report.dig({"a": 1}, "a", "b") is None


def test_a_report_is_written_with_targets_sections_and_files(tmp_path):
    def pictures(result, out_dir):
        path = out_dir / "fake.png"
        path.write_bytes(b"png")
        return [path]

    fake = Benchmark("fake", run=lambda ctx: {}, markdown=lambda r: f"## Fake\n\nvalue {r['value']}", files=pictures)
    rep = {"suite": "unit", "machine": {"cpus": 2, "load_average": [0.1, 0.1, 0.1]}, "load_average_after": [0.1] * 3,
           "seconds": 1.0, "targets": [target("fake_ratio", 1.75, 1.5, "a / b")],
           "benchmarks": {"fake": {"value": 42}}}
    paths = report.write(rep, [fake], tmp_path)
    assert json.loads((tmp_path / "bench-unit.json").read_text())["benchmarks"]["fake"]["value"] == 42
    md = (tmp_path / "bench-unit.md").read_text()
    assert "**MISS**" in md and "fake_ratio" in md and "## Fake" in md and "value 42" in md
    assert paths["fake_0"] == tmp_path / "fake.png" and (tmp_path / "fake.png").exists()


def test_markdown_sections_render_from_results():
    cold = {"interpreter": {"wall_s": summary([0.02])},
            "onnx": {"ask": {"wall_s": summary([0.9]), "cpu_s": summary([1.0]), "first_run_s": 1.9},
                     "imports": {"total_ms": 250.0, "top_ms": {"numpy": 40.0}, "imported": {"torch": False}},
                     "phases_ms": {"first ask": 9.0}},
            "torch": {"ask": {"error": "no model"}, "imports": {"error": "no model"}}}
    md = cold_start.markdown(cold)
    assert "rag ask (ONNX query encoder)" in md and "error: no model" in md and "| numpy" in md
    serve_failed = memory._serve_row("`rag serve` (onnx)", {"error": "rag serve exited with code 1"})
    assert serve_failed[-1] == "error: rag serve exited with code 1"
    md = memory.markdown({"pipeline_onnx": {"encoder": "OnnxQueryEncoder", "rss_mb": 290.0, "peak_rss_mb": 340.0},
                          "serve_onnx": {"ready_s": 3.0, "after_start_mb": 370.0, "question_error": "timeout"}})
    assert "290" in md and "370" in md and "the question failed (timeout)" in md


# -- the registry and `rag bench` ------------------------------------------------------------------------------
def test_registry_selects_by_name_and_refuses_unknown_names():
    assert [b.name for b in run.select("seeds", None)] == ["latency", "build", "cold_start", "memory", "compare", "http"]
    assert [b.name for b in run.select("seeds", ["memory"])] == ["memory"]
    assert run.select("scale", ["latency"]) == []
    with pytest.raises(UsageError, match="unknown benchmark 'nope'"):
        run.select("seeds", ["nope"])
    assert run.is_default_out(PROJECT_ROOT / "eval" / "reports") and not run.is_default_out(PROJECT_ROOT)


def test_rag_bench_loads_the_checkouts_benchmarks_or_says_why_not(tmp_path):
    from rag.bench import load_runner

    assert load_runner() is run
    with pytest.raises(UsageError, match="runs from a checkout"):
        load_runner(tmp_path)


def _no_torch() -> bool:
    """Whether torch is absent from this (fresh) process."""
    return "torch" not in sys.modules


def test_a_fresh_process_starts_without_what_this_one_imported():
    pytest.importorskip("torch")
    assert not _no_torch()  # torch is loaded here ...
    assert in_fresh_process(_no_torch) is True  # ... and not in the fresh process


# -- measurement helpers on small data ---------------------------------------------------------------------------
def test_recombined_vectors_are_normalised_mixtures_of_real_ones():
    rng = np.random.default_rng(0)
    base = rng.standard_normal((50, 8)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    vecs, sources = synthetic.recombine(base, 500, seed=1, batch=64)
    assert vecs.shape == (500, 8) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert set(np.unique((sources >= 0).sum(axis=1))) <= {2, 3}
    for v, src in zip(vecs[:20], sources[:20]):  # each vector lies in the span of its sources
        b = base[src[src >= 0]]
        coef, *_ = np.linalg.lstsq(b.T, v, rcond=None)
        assert np.allclose(b.T @ coef, v, atol=1e-4)


def test_synthetic_chunks_have_exact_offsets(tmp_path):
    texts = ["Alpha beta gamma delta.", "Epsilon zeta eta theta iota."]
    sources = np.array([[0, 1, -1], [1, 2, 3]], dtype=np.int32)
    path = tmp_path / "chunks.jsonl"
    synthetic.write_chunks(texts, sources, path)
    from rag.records import Chunk

    chunks = [Chunk.from_dict(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [c.text for c in chunks] == texts and [len(c.sentences) for c in chunks] == [2, 3]
    for c in chunks:
        assert "".join(s.text for s in c.sentences) in c.text
        assert all(c.text[s.start - c.start:s.end - c.start] == s.text for s in c.sentences)


def _random_base(n_sentences: int = 300, n_queries: int = 12, dim: int = 16) -> synthetic.Base:
    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((n_sentences, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    words = ["care", "assessment", "carers", "safeguarding", "housing", "complaints", "Harrow", "staff", "waiting"]
    texts = [f"Sentence {i} about {words[i % len(words)]} and {words[i * 7 % len(words)]}." for i in range(n_sentences)]
    queries = vectors[rng.integers(0, n_sentences, n_queries)] + 0.1 * rng.standard_normal((n_queries, dim))
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    return synthetic.Base(vectors, texts, [f"{words[i % len(words)]} in Harrow" for i in range(n_queries)], queries)


def test_one_scale_size_measures_every_part_and_reports_it(tmp_path):
    base = _random_base()
    opts = scale.ScaleOptions(sizes=(1500,), queries=12, hnsw_grid_at=1500)
    row, grid = scale.measure_size(1500, base, Settings(), opts, tmp_path, 600.0, None, lambda m: None)
    h = row["hnsw"]
    assert row["n"] == 1500 and row["vectors_mb"] == pytest.approx(1500 * 16 * 4 / 2**20, abs=0.05)
    assert 0.5 <= h["recall@10"]["strict"] <= h["recall@10"]["tie_aware"] <= 1.0
    assert set(h["efSearch_sweep_k10"]) == {str(ef) for ef in scale.EF_SWEEP}
    assert row["lexical"]["search_ms"]["n"] == 12 and row["lexical"]["arrays_mb"] >= 0
    assert row["retriever"]["search_ms"]["n"] == 12 and row["retriever"]["faiss_path"]["dense_path"] == "faiss index"
    assert row["store"]["jsonl_mb"] > 0 and not (tmp_path / "chunks.jsonl").exists()
    assert {(g["M"], g["efConstruction"]) for g in grid} == set(scale.HNSW_GRID)
    m = {"rows": [row], "hnsw_grid": grid, "retriever_k": 200, "flat_index_max": 200_000, "queries": 12,
         "hnsw_params": {"M": 32, "efConstruction": 200, "efSearch": 512}}
    m["estimates"] = scale_report.scale_estimates(m)
    assert [t["name"] for t in scale_report.scale_targets(m)] == [
        "hnsw_recall@10", "hnsw_recall@10_as_retriever", "hnsw_search_p50_ms", "hnsw_search_p50_ms_as_retriever"]
    assert m["estimates"][0]["index_load"]["files_mb"] > 0
    assert "## Dense search" in scale_report.markdown(m) and "1,500" in scale_report.markdown(m)
    (png,) = scale_report.plot_files(m, tmp_path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_store_hashed_faster_than_the_clock_still_gives_load_estimates():
    rows = [{"n": 1000, "store": {"jsonl_mb": 0.4, "load_s": 0.01, "sha256_s": 0.0}},
            {"n": 10_000, "store": {"skipped": "over budget"}}]
    small, big = scale_report.scale_estimates({"rows": rows})
    assert small["index_load"]["files_mb"] >= 0 and big["index_load"]["chunks_parse_s"] == pytest.approx(0.1)


def test_sizes_over_their_limits_are_skipped_and_say_so(tmp_path):
    base = _random_base()
    opts = scale.ScaleOptions(sizes=(800,), queries=12, lexical_max=500, hnsw_grid_at=None)
    previous = {"n": 100, "store": {"write_s": 100.0, "load_s": 100.0}}
    row, grid = scale.measure_size(800, base, Settings(), opts, tmp_path, 60.0, previous, lambda m: None)
    assert "skipped" in row["lexical"] and "retriever" not in row and "skipped" in row["store"] and grid == []
    est = scale_report.scale_estimates({"rows": [row]})
    assert est == [{"n": 800}]


def test_floor_and_warm_latency_on_a_few_questions(pipeline, monkeypatch):
    monkeypatch.setenv("RAG_QUERY_ENCODER", "auto")  # measure() sets it; restored after the test
    questions = latency.question_texts(pipeline.settings, GOLD, limit=3)
    assert len(questions) == 3 and all(q == q.strip() for q in questions)
    r = latency.measure(pipeline.settings, questions, rounds=1, threads=(1,))
    assert r["floor"]["n"] == 3 and r["warm"]["n"] == 3 and r["encoder"] == "OnnxQueryEncoder"
    assert {"embed", "retrieve", "compose", "other"} <= set(r["stages"])
    assert set(r["thread_options"]) == {"onnx_threads_1"}


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_seed_suite_runs_end_to_end_on_one_document(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", "000_49f02c2bf2791361.txt")
    settings = Settings(documents_dir=seeds, index_dir=tmp_path / "unused")
    reports = run.run_bench_command(settings, as_json=True, out=tmp_path / "out", work_dir=tmp_path, questions=2,
                                    rounds=1, runs=1, torch=False)
    seeds_report = reports["seeds"]
    assert list(seeds_report["benchmarks"]) == ["latency", "build", "cold_start", "memory", "compare", "http"]
    assert {t["name"] for t in seeds_report["targets"]} == {"warm_vs_floor", "build_fresh_vs_bare",
                                                            "build_rebuild_vs_bare", "cold_rag_ask_s"}
    cold = seeds_report["benchmarks"]["cold_start"]["onnx"]
    assert cold["ask"]["answered"] and not cold["imports"]["imported"]["torch"]
    assert seeds_report["benchmarks"]["memory"]["serve_onnx"]["after_start_mb"] > 0
    assert (tmp_path / "out" / "bench-seeds.md").exists() and not list(tmp_path.glob("rag-bench-*"))
