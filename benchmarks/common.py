"""What every benchmark shares: the run context, the registry record, timing, targets and fresh processes."""

from __future__ import annotations

import multiprocessing
import os
import platform
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Callable

import psutil

from rag.config import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GOLD = PROJECT_ROOT / "eval" / "gold.jsonl"
UNSEEN = PROJECT_ROOT / "eval" / "unseen.jsonl"
#: Packages whose versions are recorded with every report (distribution names).
RECORDED_VERSIONS = ("numpy", "faiss-cpu", "onnxruntime", "tokenizers", "torch", "sentence-transformers", "bm25s")
MB = 2**20

Progress = Callable[[str], None]


def quiet(_: str) -> None:
    """A progress callback that says nothing (tests, ``--json``)."""


@dataclass(frozen=True)
class Context:
    """What a benchmark is given: settings, an index of the documents built for the run, and its sizes."""

    settings: Settings  # documents_dir: the documents; index_dir: an index of them, built once for this run
    work_dir: Path  # a temporary folder the benchmark may write into (removed after the run)
    gold: Path = GOLD
    questions: int | None = None  # use only the first N gold questions (None: all)
    rounds: int = 3  # timed passes over the questions
    runs: int = 3  # fresh processes per cold-start measurement
    torch: bool = True  # also measure the sentence-transformers (torch) query path for comparison
    serve: bool = True  # also start `rag serve` for its memory
    scale_sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)  # passages of the scaling run's corpora
    progress: Progress = field(default=quiet, compare=False)


@dataclass(frozen=True)
class Benchmark:
    """One entry of the registry: ``run`` measures and returns a JSON-able dict, ``markdown`` renders it."""

    name: str
    run: Callable[[Context], dict[str, Any]]
    markdown: Callable[[dict[str, Any]], str]
    #: Writes further files (pictures) of a result into a folder; returns their paths.
    files: Callable[[dict[str, Any], Path], list[Path]] | None = None


def elapsed_ms(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    """(milliseconds, result) of one call, timed with ``time.perf_counter``."""
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - t) * 1000, result


def elapsed_s(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    """(seconds, result) of one call, timed with ``time.perf_counter``."""
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t, result


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b rounded to 3 places, None when either is missing or b is zero."""
    return None if a is None or not b else round(a / b, 3)


def target(name: str, value: float | None, limit: float, detail: str, higher_is_better: bool = False,
           unit: str = "") -> dict[str, Any]:
    """A reported (never enforced) target with its PASS/MISS verdict."""
    if value is None:
        verdict = "n/a"
    else:
        verdict = "PASS" if (value >= limit if higher_is_better else value <= limit) else "MISS"
    limit_text = f"{'>=' if higher_is_better else '<='} {limit}{unit}"
    return {"name": name, "value": value, "limit": limit_text, "verdict": verdict, "detail": detail}


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process (this one by default), in MB."""
    return round(psutil.Process(pid).memory_info().rss / MB, 1)


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (0 when it has gone)."""
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
        return round(sum(p.memory_info().rss for p in procs) / MB, 1)
    except psutil.Error:
        return 0.0


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (``ru_maxrss`` is in KB on Linux)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def machine() -> dict[str, Any]:
    """The machine and load a report was measured on (the machine may be shared)."""
    versions = {}
    for name in RECORDED_VERSIONS:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    memory = psutil.virtual_memory()
    return {"cpus": psutil.cpu_count(), "physical_cores": psutil.cpu_count(logical=False),
            "cpu": platform.processor() or platform.machine(), "python": platform.python_version(),
            "platform": platform.platform(), "memtotal_gb": round(memory.total / 2**30, 1),
            "memavailable_gb": round(memory.available / 2**30, 1), "load_average": load_average(),
            "versions": versions}


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages, rounded."""
    return [round(x, 2) for x in psutil.getloadavg()]


def child_env(**extra: str) -> dict[str, str]:
    """Environment for benchmark subprocesses: offline models, quiet libraries, this checkout importable."""
    path = os.pathsep.join(p for p in (str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_VERBOSITY": "error", "PYTHONPATH": path, **extra}


def rag_command() -> list[str]:
    """How to start the ``rag`` command of this interpreter (its console script, else ``python -m rag.cli``)."""
    script = Path(sys.executable).parent / "rag"
    return [str(script)] if script.exists() else [sys.executable, "-m", "rag.cli"]


def timed_run(cmd: list[str], env: dict[str, str],
              timeout: float = 300) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, child CPU seconds, result) of one subprocess run to completion."""
    before = psutil.Process().cpu_times()
    t = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    wall = time.perf_counter() - t
    after = psutil.Process().cpu_times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, result


def in_fresh_process(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` in a new interpreter (spawned, so nothing this process imported, such as torch, is
    loaded there); ``fn`` must be a module-level function and its arguments and result picklable."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def set_query_encoder(mode: str) -> None:
    """Choose the query encoder of this process: "auto" (ONNX when the index has it) or "torch"."""
    os.environ["RAG_QUERY_ENCODER"] = mode
