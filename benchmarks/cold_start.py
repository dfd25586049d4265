"""Cold start: a fresh ``rag ask`` process from start to printed answer, and where its time goes.

The whole command is timed as a subprocess (wall and CPU); import costs come from Python's own
``-X importtime`` report of the same command; the load and first-answer phases are timed around the
public calls (``Pipeline.load``, the encoder, ``ask``, printing) in a fresh process.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from rag.config import Settings
from rag.stats import summary

from .common import (
    Benchmark,
    Context,
    child_env,
    elapsed_ms,
    in_fresh_process,
    rag_command,
    set_query_encoder,
    target,
    timed_run,
)
from .report import table

#: A fresh ``rag ask`` should print its answer within this many seconds (the issue's target).
TARGET_SECONDS = 0.6
#: Packages whose presence in a ``rag ask`` process is reported (the ONNX path should need none but onnxruntime;
#: a plain ``rag ask`` is read without typer, hence without pydantic).
HEAVY = ("torch", "transformers", "sentence_transformers", "bm25s", "numba", "scipy", "typer", "pydantic", "onnxruntime")
#: Packages outside the standard library shown in the import table, most expensive first.
SHOWN_IMPORTS = 10
MODES = {"onnx": "auto", "torch": "torch"}
LABELS = {"onnx": "rag ask (ONNX query encoder)", "torch": "rag ask (sentence-transformers, `RAG_QUERY_ENCODER=torch`)"}
_IMPORT_LINE = re.compile(r"^import time:\s*(\d+) \|\s*(\d+) \| (\s*)(\S+)\s*$")


def ask_command(settings: Settings, question: str) -> list[str]:
    """The measured command: ``rag ask`` on the run's index and documents."""
    return [*rag_command(), "ask", question, "--index-dir", str(settings.index_dir), "--seeds", str(settings.documents_dir)]


def cold_env(ctx: Context, mode: str) -> dict[str, str]:
    """Subprocess environment: the query encoder mode, and compiled bytecode kept in the work folder (written
    by the discarded first run, then reused, as for an installed package)."""
    return child_env(RAG_QUERY_ENCODER=mode, PYTHONPYCACHEPREFIX=str(ctx.work_dir / "pycache"),
                     PYTHONDONTWRITEBYTECODE="")


def measure_interpreter(runs: int) -> dict[str, Any]:
    """The interpreter alone (``python -c pass``): the part of any cold start no code change can remove."""
    return {"wall_s": summary([timed_run([sys.executable, "-c", "pass"], child_env())[0] for _ in range(runs)])}


def measure_ask(ctx: Context, question: str, mode: str) -> dict[str, Any]:
    """``rag ask`` in fresh processes: one first run (compiles bytecode), then ``ctx.runs`` timed runs."""
    cmd, env = ask_command(ctx.settings, question), cold_env(ctx, mode)
    first_wall, first_cpu, result = timed_run(cmd, env)
    if result.returncode != 0:
        return {"error": ((result.stderr or result.stdout).strip().splitlines() or ["failed"])[-1]}
    walls, cpus, answered = [], [], True
    for _ in range(ctx.runs):
        wall, cpu, result = timed_run(cmd, env)
        answered = answered and result.returncode == 0 and bool(result.stdout.strip())
        walls.append(wall)
        cpus.append(cpu)
    return {"first_run_s": round(first_wall, 3), "first_run_cpu_s": round(first_cpu, 3), "wall_s": summary(walls),
            "cpu_s": summary(cpus), "answered": answered}


def parse_importtime(stderr: str) -> dict[str, float]:
    """Milliseconds per top-level package from a ``-X importtime`` report (each package's cumulative time
    where it was first imported, its own dependencies not yet loaded included), plus ``all`` for the total."""
    packages: dict[str, float] = {}
    total = 0.0
    for line in stderr.splitlines():
        m = _IMPORT_LINE.match(line)
        if not m:
            continue
        cumulative_ms, indent, name = int(m.group(2)) / 1000, m.group(3), m.group(4)
        if not indent:
            total += cumulative_ms
        if "." not in name and name not in packages:
            packages[name] = round(cumulative_ms, 2)
    return {**packages, "all": round(total, 2)}


def measure_imports(ctx: Context, question: str, mode: str) -> dict[str, Any]:
    """Import costs of one ``rag ask`` (``python -X importtime -m rag.cli ask ...``) and which heavy packages
    it loads."""
    args = ask_command(ctx.settings, question)[len(rag_command()):]
    cmd = [sys.executable, "-X", "importtime", "-m", "rag.cli", *args]
    _, _, result = timed_run(cmd, cold_env(ctx, mode))
    if result.returncode != 0:
        return {"error": ((result.stderr or "").strip().splitlines() or ["failed"])[-1]}
    packages = parse_importtime(result.stderr)
    total = packages.pop("all")
    outside_stdlib = {k: v for k, v in packages.items() if k not in sys.stdlib_module_names and not k.startswith("_")}
    top = dict(sorted(outside_stdlib.items(), key=lambda kv: -kv[1])[:SHOWN_IMPORTS])
    return {"total_ms": total, "top_ms": top, "imported": {name: name in packages for name in HEAVY}}


def measure_phases(settings: Settings, question: str, mode: str) -> dict[str, Any]:
    """Milliseconds of each step of a first answer in this process; meant to run in a fresh process."""
    set_query_encoder(mode)
    import io

    from rich.console import Console

    from rag.pipeline import Pipeline
    from rag.render_text import print_answer

    load_ms, pipeline = elapsed_ms(Pipeline.load, settings=settings, build=True)
    encoder_ms, encoder = elapsed_ms(lambda: pipeline.encoder)
    ask_ms, answer = elapsed_ms(pipeline.ask, question)
    render_ms, _ = elapsed_ms(print_answer, answer, Console(file=io.StringIO(), highlight=False, soft_wrap=True))
    return {"encoder": type(encoder).__name__, "phases_ms": {
        "Pipeline.load (documents checked, index read and verified)": round(load_ms, 2),
        "query encoder load": round(encoder_ms, 2), "first ask": round(ask_ms, 2),
        "render answer (rich)": round(render_ms, 2)}}


def run(ctx: Context) -> dict[str, Any]:
    """Interpreter start, then ``rag ask`` with the ONNX encoder (and sentence-transformers) end to end."""
    from .latency import question_texts

    question = question_texts(ctx.settings, ctx.gold, 1)[0]
    out: dict[str, Any] = {"question": question, "interpreter": measure_interpreter(ctx.runs)}
    for name, mode in MODES.items():
        if name == "torch" and not ctx.torch:
            continue
        ctx.progress(f"cold start: rag ask ({name})")
        out[name] = {"ask": measure_ask(ctx, question, mode), "imports": measure_imports(ctx, question, mode),
                     **in_fresh_process(measure_phases, ctx.settings, question, mode)}
    p50 = (out["onnx"]["ask"].get("wall_s") or {}).get("p50")
    out["targets"] = [target("cold_rag_ask_s", p50, TARGET_SECONDS,
                             "median of fresh `rag ask` processes, start to printed answer", unit=" s")]
    return out


def markdown(r: dict[str, Any]) -> str:
    """The cold-start section of the report."""
    modes = [m for m in MODES if m in r]
    interpreter = r["interpreter"]["wall_s"]
    rows = [("interpreter only (`python -c pass`)", interpreter["p50"], interpreter["min"], None, None)]
    for m in modes:
        a = r[m]["ask"]
        label = LABELS[m]
        rows.append((label, f"error: {a['error']}", None, None, None) if "error" in a else
                    (label, a["wall_s"]["p50"], a["wall_s"]["min"], a["cpu_s"]["p50"], a["first_run_s"]))
    phases = list(dict.fromkeys(p for m in modes for p in r[m].get("phases_ms", {})))
    imports = list(dict.fromkeys(p for m in modes for p in r[m]["imports"].get("top_ms", {})))
    lines = ["## Cold start: a fresh `rag ask` process", "",
             table(("", "wall p50 (s)", "wall min", "CPU p50 (s)", "first run (s)"), rows), "",
             "Steps of the first answer, timed in a fresh process (ms):", "",
             table(("step", *modes), [(p, *(r[m].get("phases_ms", {}).get(p) for m in modes)) for p in phases]), "",
             "Imports of one `rag ask` (`python -X importtime`; ms, each package where first imported):", "",
             table(("package", *modes),
                   [*((p, *(r[m]["imports"].get("top_ms", {}).get(p) for m in modes)) for p in imports),
                    ("all imports", *(r[m]["imports"].get("total_ms") for m in modes))])]
    if "onnx" in r and "imported" in r["onnx"]["imports"]:
        loaded = [name for name, present in r["onnx"]["imports"]["imported"].items() if present]
        lines += ["", f"Heavy packages loaded by the ONNX path: {', '.join(loaded) or 'none'} "
                      f"(checked: {', '.join(HEAVY)})."]
    return "\n".join(lines)


BENCHMARK = Benchmark("cold_start", run, markdown)
