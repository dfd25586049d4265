"""Warm ``Pipeline.ask`` against its floor: one bare encoding of the same question by the same encoder.

Both are timed in a fresh process that never imports torch (as ``rag serve`` with the ONNX encoder), each
floor sample just before the ``ask`` of the same question so that both see the same machine load. Where the
time goes comes from ``Answer.timings_ms``, which every answer carries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.stats import summary

from .common import Benchmark, Context, elapsed_ms, in_fresh_process, ratio, set_query_encoder, target
from .report import table

#: Warm ``ask`` p50 may take at most this many times the floor p50.
TARGET_RATIO = 1.5
#: onnxruntime intra-op thread counts compared with the configured default.
THREAD_OPTIONS = (1, 2)
#: Bare encodings before an encoder's floor is timed (the first calls allocate).
WARM_UP = 5


def question_texts(settings: Settings, gold: Path, limit: int | None = None) -> list[str]:
    """The gold questions as the pipeline encodes them (cleaned as ``Pipeline.ask`` cleans them)."""
    from rag.analyse import clean_question
    from rag.evaluate import load_gold

    items = load_gold(gold)
    items = items[:limit] if limit else items
    return [clean_question(item.question, settings.max_question_chars)[0] for item in items]


def stage_breakdown(timings: list[dict[str, float]]) -> dict[str, dict[str, float | None]]:
    """p50, mean and share of the mean total of every stage in ``Answer.timings_ms``, plus ``other``
    (the total minus the stages: question cleaning and bookkeeping)."""
    if not timings:
        return {}
    stages = [k for k in dict.fromkeys(k for t in timings for k in t) if k != "total"]
    totals = np.array([t["total"] for t in timings], dtype=float)
    columns = {k: np.array([t.get(k, 0.0) for t in timings], dtype=float) for k in stages}
    columns["other"] = np.maximum(totals - sum(columns.values(), np.zeros_like(totals)), 0.0)
    mean_total = float(totals.mean())
    return {k: {"p50": round(float(np.percentile(v, 50)), 3), "mean": round(float(v.mean()), 3),
                "share": round(float(v.mean()) / mean_total, 3) if mean_total else None}
            for k, v in columns.items()}


def encoder_floor(encoder, questions: list[str]) -> dict[str, Any]:
    """Bare ``encode([question])`` of each question once, after a short warm-up (ms)."""
    for q in questions[:WARM_UP]:
        encoder.encode([q])
    return summary([elapsed_ms(encoder.encode, [q])[0] for q in questions])


def thread_options(data, questions: list[str], threads: tuple[int, ...]) -> dict[str, Any]:
    """The ONNX encoder with each intra-op thread count: session load time and floor."""
    from rag.query_encoder import load_query_encoder

    out = {}
    for n in threads:
        load_ms, encoder = elapsed_ms(load_query_encoder, data, threads=n)
        if encoder is not None:
            out[f"onnx_threads_{n}"] = {"load_s": round(load_ms / 1000, 3), "floor": encoder_floor(encoder, questions)}
    return out


def measure(settings: Settings, questions: list[str], rounds: int, mode: str = "auto",
            threads: tuple[int, ...] = THREAD_OPTIONS) -> dict[str, Any]:
    """Floor and warm ``ask`` over ``questions`` × ``rounds`` with the query encoder ``mode``; meant to run
    in a fresh process (:func:`benchmarks.common.in_fresh_process`)."""
    set_query_encoder(mode)
    from rag.pipeline import Pipeline

    pipeline = Pipeline.load(settings=settings)
    load_ms, encoder = elapsed_ms(lambda: pipeline.encoder)
    for q in questions:
        pipeline.ask(q)  # warm-up round
    floor, timings = [], []
    for _ in range(rounds):
        for q in questions:
            floor.append(elapsed_ms(encoder.encode, [q])[0])
            timings.append(pipeline.ask(q).timings_ms)
    out = {"encoder": type(encoder).__name__, "load_s": round(load_ms / 1000, 3), "questions": len(questions),
           "rounds": rounds, "floor": summary(floor), "warm": summary([t["total"] for t in timings]),
           "stages": stage_breakdown(timings)}
    if mode == "auto" and threads:
        out["thread_options"] = thread_options(pipeline.data, questions, threads)
    return out


def run(ctx: Context) -> dict[str, Any]:
    """Floor, warm ``ask`` and their ratio with the configured encoder, and the other encoder options."""
    questions = question_texts(ctx.settings, ctx.gold, ctx.questions)
    ctx.progress(f"latency: floor and warm ask, {len(questions)} questions, {ctx.rounds} timed rounds")
    result = in_fresh_process(measure, ctx.settings, questions, ctx.rounds)
    options = {"as configured": {"load_s": result["load_s"], "floor": result["floor"],
                                 "warm_p50": result["warm"]["p50"], "encoder": result["encoder"]},
               **result.pop("thread_options", {})}
    if ctx.torch:
        ctx.progress("latency: the sentence-transformers (torch) query path")
        torch = in_fresh_process(measure, ctx.settings, questions, 1, "torch", ())
        options["sentence-transformers (torch)"] = {"load_s": torch["load_s"], "floor": torch["floor"],
                                                    "warm_p50": torch["warm"]["p50"], "encoder": torch["encoder"]}
    floor_p50, warm_p50 = result["floor"]["p50"], result["warm"]["p50"]
    warm_ratio = ratio(warm_p50, floor_p50)
    return {**result, "ratio": warm_ratio, "encoder_options": options,
            "targets": [target("warm_vs_floor", warm_ratio, TARGET_RATIO,
                               f"warm p50 {warm_p50} ms / floor p50 {floor_p50} ms")]}


def markdown(r: dict[str, Any]) -> str:
    """The latency section of the report."""
    floor, warm = r["floor"], r["warm"]
    lines = ["## Floor and warm latency (ms)", "",
             f"Floor: bare `encode([question])` with the pipeline's encoder ({r['encoder']}), {floor['n']} samples "
             f"({r['questions']} gold questions, {r['rounds']} timed rounds), each timed just before the warm `ask` "
             "of the same question, in a process that never imports torch (as `rag serve`).", "",
             table(("", "p50", "p95", "mean"), [
                 ("floor (encode only)", floor["p50"], floor["p95"], floor["mean"]),
                 ("warm `Pipeline.ask`", warm["p50"], warm["p95"], warm["mean"]),
                 ("ratio (p50)", r["ratio"], None, None)]), "",
             "Where warm time goes (`Answer.timings_ms`; p50 and mean per question, share of the mean total; "
             "`other` is the total minus the stages):", "",
             table(("stage", "p50", "mean", "share"),
                   [(k, v["p50"], v["mean"], v["share"]) for k, v in r["stages"].items()]), "",
             "## Query encoder options", "",
             table(("option", "load (s)", "encode p50 (ms)", "encode p95 (ms)", "warm ask p50 (ms)"),
                   [(name, o.get("load_s"), o["floor"]["p50"], o["floor"]["p95"], o.get("warm_p50"))
                    for name, o in r["encoder_options"].items()])]
    return "\n".join(lines)


BENCHMARK = Benchmark("latency", run, markdown)
