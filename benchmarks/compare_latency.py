"""How long comparisons take: the score matrix, and ``Pipeline.compare`` with and without a topic over
up to ``councils`` councils, warm (the encoder loaded and one call made before timing)."""

from __future__ import annotations

import statistics
import time

from rag.framework import STATEMENTS

#: Topics timed for every statement (a few words, as users type them).
TOPICS = ("carers", "waiting lists", "co-production")
#: Calls made before timing, so that model loading and first-call costs are not counted.
WARMUP_CALLS = 2


def _summary(samples_ms: list[float]) -> dict:
    """Median, 95th percentile and maximum of a list of timings (ms)."""
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(ordered), "median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ordered[-1], 2)}


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
    return {"councils": len(labels), "chunks": len(pipeline.data.chunks), "scores": _summary(matrix),
            "compare": _summary(plain), "compare_with_topic": _summary(topical)}


if __name__ == "__main__":  # pragma: no cover - a manual run: python -m benchmarks.compare_latency
    import json

    from rag.pipeline import Pipeline

    print(json.dumps(run(Pipeline.load(build=True)), indent=2))
