"""How long comparisons take: the score matrix, and ``Pipeline.compare`` with and without a topic over
up to ``councils`` councils, warm (the encoder loaded and one call made before timing)."""

from __future__ import annotations

import time

from rag.framework import STATEMENTS
from rag.stats import summary

from .common import Benchmark

#: Topics timed for every statement (a few words, as users type them).
TOPICS = ("carers", "waiting lists", "co-production")
#: Calls made before timing, so that model loading and first-call costs are not counted.
WARMUP_CALLS = 2


def _timed(call) -> float:
    """Milliseconds one call takes."""
    t0 = time.perf_counter()
    call()
    return (time.perf_counter() - t0) * 1000.0


def run(pipeline, councils: int = 20) -> dict:
    """Latency of the score matrix and of comparisons (every statement, with and without each topic)
    over the first ``councils`` councils of the matrix (all of them when the index holds fewer)."""
    if councils < 1:
        raise ValueError("councils must be at least 1")
    labels = [r.label for r in pipeline.scores().rows][:councils]
    for _ in range(WARMUP_CALLS):
        pipeline.compare(STATEMENTS[0].name, topic=TOPICS[0], councils=labels)
    matrix = [_timed(pipeline.scores) for _ in range(10)]
    plain = [_timed(lambda s=s: pipeline.compare(s.name, councils=labels)) for s in STATEMENTS]
    topical = [_timed(lambda s=s, t=t: pipeline.compare(s.name, topic=t, councils=labels))
               for s in STATEMENTS for t in TOPICS]
    return {"councils": len(labels), "chunks": len(pipeline.data.chunks), "scores": summary(matrix, 2),
            "compare": summary(plain, 2), "compare_with_topic": summary(topical, 2)}


def suite_run(ctx) -> dict:
    """The benchmark runner's entry: compare latency over the run's index (all its councils, up to 20)."""
    from rag.pipeline import Pipeline

    return run(Pipeline.load(settings=ctx.settings))


def markdown(result: dict) -> str:
    """A short table of the timings."""
    rows = [("score matrix", result["scores"]), ("compare, no topic", result["compare"]),
            ("compare with a topic", result["compare_with_topic"])]
    lines = [f"## Compare latency ({result['councils']} councils, {result['chunks']} passages)", "",
             "| call | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {r['n']} | {r['p50']} | {r['p95']} | {r['max']} |" for name, r in rows]
    return "\n".join(lines) + "\n"


BENCHMARK = Benchmark("compare", suite_run, markdown)


if __name__ == "__main__":  # pragma: no cover - a manual run: python -m benchmarks.compare_latency
    import json

    from rag.pipeline import Pipeline

    print(json.dumps(run(Pipeline.load(build=True)), indent=2))
