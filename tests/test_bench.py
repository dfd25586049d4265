"""`rag bench`: report structure, ratios and verdicts, and the files written (no timing assertions)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from rag import bench
from rag.config import Settings
from rag.evaluate import load_gold
from tests.helpers import GOLD, copy_seeds


def test_percentiles_ratios_and_verdicts():
    assert bench.percentile([], 50) is None
    assert bench.percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert bench.percentile([1.0, 2.0, 3.0, 4.0], 95) == pytest.approx(np.percentile([1, 2, 3, 4], 95))
    s = bench.summary([1.0, 2.0, 3.0, 4.0, 10.0])
    assert s["n"] == 5 and s["p50"] == 3.0 and s["min"] == 1.0 and s["max"] == 10.0 and s["mean"] == 4.0
    assert bench.ratio(6.0, 4.0) == 1.5 and bench.ratio(1.0, 0) is None and bench.ratio(None, 2.0) is None
    assert bench.verdict(1.5, 1.5) == "PASS" and bench.verdict(1.51, 1.5) == "MISS" and bench.verdict(None, 1) == "n/a"
    assert bench.verdict(0.96, 0.95, higher_is_better=True) == "PASS"
    assert bench.verdict(0.9, 0.95, higher_is_better=True) == "MISS"


def _fake_measurements() -> dict:
    return {
        "machine": {"cpus": 2, "load_average": [0.5, 0.5, 0.5]}, "load_average_after": [0.5, 0.5, 0.5],
        "gold": "eval/gold.jsonl", "sentence_transformers_load_s": 6.0,
        "floor": {"encoder": "OnnxQueryEncoder", **bench.summary([4.0, 4.0, 4.0])},
        "warm": {"encoder": "OnnxQueryEncoder", "questions": 3, "rounds": 1, "total": bench.summary([7.0, 7.0, 7.0]),
                 "wall": bench.summary([7.0]), "breakdown": {k: {"p50": 0.0, "mean": 0.0, "share": 0.0} for k in bench.BREAKDOWN}},
        "encoder_options": {"onnx": {"floor": bench.summary([4.0]), "warm_p50": 7.0}},
        "build": {"texts": 10, "bare_encoding_s": 10.0, "fresh_s": 11.0, "fresh_export_s": 1.0, "fresh_without_export_s": 10.0,
                  "rebuild_s": 13.0, "fresh_ratio": 1.1, "fresh_without_export_ratio": 1.0, "rebuild_ratio": 1.3,
                  "query_encoder": None},
        "cold_start": {"interpreter": {"wall_s": bench.summary([0.03])},
                       "onnx": {"wall_s": bench.summary([1.5, 1.6, 1.7]), "cpu_s": bench.summary([1.4]), "first_run_s": 2.0},
                       "phases_onnx": {"laps_ms": {"Pipeline.load": 100.0}, "inner_ms": {}, "in_process_ms": 900.0}},
        "memory": {"pipeline_onnx": {"vmrss_mb": 300.0, "vmhwm_mb": 350.0}},
        "seconds": 1.0,
    }


def test_seed_report_computes_ratios_and_verdicts(tmp_path):
    report = bench.seed_report(_fake_measurements())
    t = report["targets"]
    assert report["warm_ratio"] == 1.75
    assert t["warm_vs_floor"]["value"] == 1.75 and t["warm_vs_floor"]["verdict"] == "MISS"
    assert t["cold_rag_ask_s"]["value"] == 1.6 and t["cold_rag_ask_s"]["verdict"] == "PASS"
    assert t["build_fresh_vs_bare"]["verdict"] == "PASS" and t["build_rebuild_vs_bare"]["verdict"] == "MISS"
    paths = bench.write_bench(report, tmp_path, "seeds")
    assert json.loads((tmp_path / "bench-seeds.json").read_text())["targets"]["warm_vs_floor"]["value"] == 1.75
    md = (tmp_path / "bench-seeds.md").read_text()
    assert "| warm_vs_floor | 1.75 | <= 1.5 | **MISS** |" in md and "Pipeline.load" in md
    assert set(paths) == {"json", "md"}


def test_floor_and_warm_breakdown_on_a_few_questions(pipeline):
    questions = bench.question_texts(pipeline, GOLD, limit=4)
    floor = bench.measure_floor(pipeline.encoder, questions, rounds=1)
    warm = bench.measure_warm(pipeline, questions, rounds=1)
    assert floor["n"] == 4 and floor["encoder"] == "OnnxQueryEncoder" and floor["p50"] > 0
    assert warm["total"]["n"] == 4 and set(warm["breakdown"]) == set(bench.BREAKDOWN)
    parts = sum(v["mean"] for v in warm["breakdown"].values())
    assert parts == pytest.approx(warm["total"]["mean"], rel=0.05, abs=0.05)
    assert "search" not in vars(pipeline.retriever)  # the spy is removed


@pytest.mark.timeout(300)
def test_a_small_seed_run_has_every_section(tmp_path, encoder):
    seeds = copy_seeds(tmp_path / "seeds", "000_49f02c2bf2791361.txt")
    settings = Settings(documents_dir=seeds, index_dir=tmp_path / "unused")
    report = bench.run_seed_bench(settings, GOLD, limit=3, rounds=1, cold_runs=1, torch_compare=False, serve=False,
                                  work_dir=tmp_path, fresh_export=False)
    b = report["build"]
    assert b["fresh_ratio"] == pytest.approx(b["fresh_s"] / b["bare_encoding_s"], abs=2e-3)
    assert b["rebuild_ratio"] == pytest.approx(b["rebuild_s"] / b["bare_encoding_s"], abs=2e-3)
    assert report["warm_ratio"] == pytest.approx(report["warm"]["total"]["p50"] / report["floor"]["p50"], abs=2e-3)
    cold = report["cold_start"]
    assert cold["onnx"]["answered"] and cold["onnx"]["wall_s"]["n"] == 1
    phases = cold["phases_onnx"]
    assert phases["encoder"] == "OnnxQueryEncoder" and "Pipeline.load" in phases["laps_ms"]
    assert not phases["imported"]["torch"] and not phases["imported"]["bm25s"]
    assert report["memory"]["pipeline_onnx"]["vmrss_mb"] > 0
    assert set(report["targets"]) == {"warm_vs_floor", "cold_rag_ask_s", "build_fresh_vs_bare", "build_rebuild_vs_bare"}
    assert all(t["verdict"] in ("PASS", "MISS") for t in report["targets"].values())
    assert not list(tmp_path.glob("rag-bench-*"))  # the temporary index is removed
    paths = bench.write_bench(report, tmp_path / "out", "seeds")
    assert "## Cold start" in (tmp_path / "out" / "bench-seeds.md").read_text() and paths["json"].endswith("bench-seeds.json")


def test_a_small_scale_run_writes_table_and_plot(pipeline, tmp_path):
    data = pipeline.data
    texts = [s.text for c in data.chunks for s in c.sentences]
    questions = [g.question for g in load_gold(GOLD)][:20]
    base = (data.sentence_vectors, texts, questions, pipeline.encoder.encode(questions))
    report = bench.run_scale_bench(Settings(), sizes=(2000,), n_queries=20, hnsw_grid_at=2000, base=base)
    row = report["rows"][0]
    assert row["n"] == 2000 and row["vectors_mb"] == pytest.approx(2000 * 384 * 4 / 2**20, abs=0.1)
    assert 0.8 <= row["hnsw"]["recall@10"]["strict"] <= 1.0
    assert row["hnsw"]["recall@10"]["tie_aware"] >= row["hnsw"]["recall@10"]["strict"]
    assert set(row["hnsw"]["efSearch_sweep_k10"]) == {str(ef) for ef in bench.EF_SWEEP}
    assert row["lexical"]["search_ms"]["n"] == 20 and row["store"]["jsonl_mb"] > 0
    assert row["retriever"]["search_ms"]["n"] == 20
    assert {(g["M"], g["efConstruction"]) for g in report["hnsw_grid"]} == set(bench.HNSW_GRID)
    assert set(report["targets"]) == {"hnsw_recall@10", "hnsw_recall@10_as_retriever", "hnsw_search_p50_ms",
                                      "hnsw_search_p50_ms_as_retriever"}
    extra = tmp_path / "docs" / "scaling.png"
    paths = bench.write_bench(report, tmp_path / "out", "scale", extra_png=[extra])
    for key in ("json", "md", "png"):
        assert (tmp_path / "out" / f"bench-scale.{key}").stat().st_size > 0
    assert extra.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and paths["png"].endswith("bench-scale.png")
    assert "## Dense search" in (tmp_path / "out" / "bench-scale.md").read_text()


def test_recombined_vectors_are_normalised_mixtures_of_real_ones():
    rng = np.random.default_rng(0)
    base = rng.standard_normal((50, 8)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    vecs, sources = bench.recombine(base, 500, seed=1, batch=64)
    assert vecs.shape == (500, 8) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert set(np.unique((sources >= 0).sum(axis=1))) <= {2, 3}
    # each vector lies in the span of its sources
    for v, src in zip(vecs[:20], sources[:20]):
        b = base[src[src >= 0]]
        coef, *_ = np.linalg.lstsq(b.T, v, rcond=None)
        assert np.allclose(b.T @ coef, v, atol=1e-4)
