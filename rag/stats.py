"""Latency statistics shared by ``rag eval``, the benchmarks and the load test."""

from __future__ import annotations

from typing import Any

import numpy as np


def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile of ``values`` (numpy's linear interpolation); None for no values."""
    if not len(values):
        return None
    return float(np.percentile(np.asarray(values, dtype=float), q))


def summary(values: list[float], digits: int = 3) -> dict[str, Any]:
    """n, p50, p95, mean, min and max of ``values`` (milliseconds or seconds, as given), rounded."""
    if not len(values):
        return {"n": 0, "p50": None, "p95": None, "mean": None, "min": None, "max": None}
    xs = np.asarray(values, dtype=float)
    p50, p95 = np.percentile(xs, [50, 95])
    return {"n": int(xs.size), "p50": round(float(p50), digits), "p95": round(float(p95), digits),
            "mean": round(float(xs.mean()), digits), "min": round(float(xs.min()), digits),
            "max": round(float(xs.max()), digits)}
