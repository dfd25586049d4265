"""The benchmark registry and the runner behind ``rag bench`` and ``python -m benchmarks``.

To add a benchmark: write a module with ``run(ctx) -> dict`` and ``markdown(result) -> str`` (optionally
``targets`` in the result and a ``files`` writer), define ``BENCHMARK = Benchmark(name, run, markdown)``,
and append it to a suite below.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from rag.config import Settings
from rag.errors import UsageError

from . import build, cold_start, compare_latency, http_load, latency, memory, report, scale
from .common import PROJECT_ROOT, Benchmark, Context, in_fresh_process, load_average, machine, quiet

#: The suites: each writes ``bench-<suite>.json`` and ``.md`` (plus its benchmarks' files).
SUITES: dict[str, list[Benchmark]] = {
    "seeds": [latency.BENCHMARK, build.BENCHMARK, cold_start.BENCHMARK, memory.BENCHMARK, compare_latency.BENCHMARK,
              Benchmark("http", http_load.suite_run, http_load.suite_markdown)],
    "scale": [scale.BENCHMARK],
}
DEFAULT_OUT = PROJECT_ROOT / "eval" / "reports"
#: The README's scaling picture, refreshed when the scale suite writes into the default reports folder.
README_SCALING_PNG = PROJECT_ROOT / "docs" / "scaling.png"


def build_index_for_run(settings: Settings) -> None:
    """Index the documents into the run's own folder (in a fresh process, so torch stays out of this one)."""
    from rag.indexer import build_index

    build_index(settings, progress=False)


def select(suite: str, only: list[str] | None) -> list[Benchmark]:
    """The benchmarks of ``suite``, or only those named (a clear error for an unknown name)."""
    benchmarks = SUITES[suite]
    if not only:
        return benchmarks
    known = {b.name for s in SUITES.values() for b in s}
    unknown = sorted(set(only) - known)
    if unknown:
        raise UsageError(f"unknown benchmark {unknown[0]!r}; known: {', '.join(sorted(known))}")
    return [b for b in benchmarks if b.name in only]


def run_suite(suite: str, benchmarks: list[Benchmark], ctx: Context) -> dict[str, Any]:
    """Index the documents into a temporary folder, run ``benchmarks`` on it, and gather their results."""
    started, info = time.perf_counter(), machine()
    tmp = Path(tempfile.mkdtemp(prefix="rag-bench-", dir=ctx.work_dir))
    try:
        ctx = replace(ctx, settings=ctx.settings.with_overrides(index_dir=tmp / "index"), work_dir=tmp)
        ctx.progress(f"{suite}: indexing the documents for this run")
        in_fresh_process(build_index_for_run, ctx.settings)
        results = {}
        for bench in benchmarks:
            results[bench.name] = bench.run(ctx)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    targets = [t for r in results.values() for t in r.get("targets", [])]
    return {"suite": suite, "machine": info, "load_average_after": load_average(), "gold": str(ctx.gold),
            "seconds": round(time.perf_counter() - started, 1), "targets": targets, "benchmarks": results}


def is_default_out(out: Path) -> bool:
    """Whether ``out`` is the project's own reports folder."""
    return Path(out).resolve() == DEFAULT_OUT.resolve()


def run_bench_command(settings: Settings, as_json: bool = False, scale: bool = False, out: Path = DEFAULT_OUT,
                      only: list[str] | None = None, work_dir: Path | None = None, **sizes: Any) -> dict[str, Any]:
    """``rag bench``: run the seed suite (and the scale suite with ``scale``; with ``only``, the benchmarks
    named, whichever their suite), write the reports into ``out`` and print them.

    ``sizes`` are :class:`benchmarks.common.Context` fields (questions, rounds, runs, torch, serve)."""
    progress = quiet if as_json else (lambda msg: print(f"· {msg}", file=sys.stderr, flush=True))
    ctx = Context(settings=settings, work_dir=Path(work_dir or tempfile.gettempdir()), progress=progress, **sizes)
    reports, written = {}, {}
    for suite in ("seeds", "scale") if scale or only else ("seeds",):
        benchmarks = select(suite, only)
        if not benchmarks:
            continue
        reports[suite] = run_suite(suite, benchmarks, ctx)
        written[suite] = report.write(reports[suite], benchmarks, out)
        if suite == "scale" and is_default_out(out) and "scale_0" in written[suite]:
            shutil.copyfile(written[suite]["scale_0"], README_SCALING_PNG)
    if as_json:
        print(json.dumps(reports, indent=1, ensure_ascii=False, default=str))
    else:
        for suite, rep in reports.items():
            print(report.render(rep, select(suite, only)))
            print("reports: " + ", ".join(str(p) for p in written[suite].values()))
    return reports
