"""``rag bench``: latency against the physical floor, build time, cold start, memory, and scale.

One run on this machine writes ``bench-seeds.json``/``.md`` (and with ``--scale`` also
``bench-scale.json``/``.md``/``.png`` plus ``docs/scaling.png``):

* **floor**: bare query encoding with the pipeline's own encoder, p50/p95 over the gold questions;
* **warm**: ``Pipeline.ask`` p50/p95 with a breakdown (encode, dense, lexical, fusion, compose, …)
  and its ratio to the floor (target ≤ 1.5);
* **build**: a fresh build of the seeds into a temporary folder and a rebuild, against bare encoding
  of the same texts (target ≤ 1.2);
* **cold start**: a fresh ``rag ask`` process from start to printed answer (target ≤ 2 s), with the
  import and load costs itemised by a driver process that times each phase;
* **memory**: resident memory of a ``rag serve`` process and of a loaded pipeline;
* **scale** (``--scale``): synthetic corpora of 10k, 100k and 1M passages (recombined real sentence
  embeddings), exact against HNSW search, lexical search and the chunk store.

Targets are reported (PASS/MISS), never enforced. The machine is shared: the load average is
recorded with every report, and CPU time is given next to wall time for subprocesses.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from .config import PROJECT_ROOT, Settings
from .stats import percentile, summary

GOLD = PROJECT_ROOT / "eval" / "gold.jsonl"
UNSEEN = PROJECT_ROOT / "eval" / "unseen.jsonl"
DOCS_PNG = PROJECT_ROOT / "docs" / "scaling.png"

TARGETS = {
    "warm_ratio": 1.5,  # warm end-to-end p50 / floor p50
    "cold_ask_s": 2.0,  # fresh `rag ask` process, start to printed answer
    "build_ratio": 1.2,  # index build / bare encoding of the same texts
    "hnsw_recall_1m": 0.95,  # recall@10 of the HNSW index against exact search at 1M passages
    "hnsw_p50_ms_1m": 5.0,  # HNSW search p50 at 1M passages
}
SCALE_SIZES = (10_000, 100_000, 1_000_000)
EF_SWEEP = (32, 64, 128, 256, 512, 1024)
#: Other HNSW parameters (M, efConstruction) built at the grid size, for comparison with those of rag index.
HNSW_GRID = ((32, 80), (32, 128), (16, 200))

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


# -- small helpers -----------------------------------------------------------------------------------------
def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else round(a / b, 3)


def verdict(value: float | None, limit: float, higher_is_better: bool = False) -> str:
    if value is None:
        return "n/a"
    ok = value >= limit if higher_is_better else value <= limit
    return "PASS" if ok else "MISS"


def proc_memory(pid: int | str = "self") -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process, in MB (Linux /proc)."""
    out: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key.lower() + "_mb"] = round(int(value.split()[0]) / 1024, 1)
    except (OSError, ValueError):
        pass
    return out


def _rss_mb() -> float:
    return proc_memory().get("vmrss_mb", 0.0)


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"cpus": os.cpu_count(), "python": platform.python_version(),
                            "platform": platform.platform(), "load_average": [round(x, 2) for x in os.getloadavg()]}
    try:
        some = Path("/proc/pressure/cpu").read_text().splitlines()[0].split()
        info["cpu_pressure_some"] = {kv.split("=")[0]: float(kv.split("=")[1]) for kv in some[1:4]}
    except (OSError, IndexError, ValueError):
        pass
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(("MemTotal", "MemAvailable")):
                k, v = line.split(":")
                info[k.lower() + "_gb"] = round(int(v.split()[0]) / 2**20, 1)
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for mod in ("numpy", "faiss", "onnxruntime", "tokenizers", "torch", "sentence_transformers", "bm25s"):
        try:
            from importlib.metadata import version

            versions[mod] = version({"faiss": "faiss-cpu", "sentence_transformers": "sentence-transformers"}.get(mod, mod))
        except Exception:
            versions[mod] = None
    info["versions"] = versions
    return info


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_VERBOSITY": "error"}
    env.update(extra)
    return env


def _rag_command() -> list[str]:
    script = Path(sys.executable).parent / "rag"
    return [str(script)] if script.exists() else [sys.executable, "-m", "rag.cli"]


def _timed_run(cmd: list[str], env: dict[str, str], timeout: float = 300) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, child CPU seconds, result) of one subprocess."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result


# -- the floor and warm latency ----------------------------------------------------------------------------
def question_texts(pipeline, gold_path: Path = GOLD, limit: int | None = None) -> list[str]:
    """The gold questions as the pipeline encodes them (after its own cleaning)."""
    from .evaluate import load_gold

    items = load_gold(gold_path)[:limit] if limit else load_gold(gold_path)
    return [pipeline._prepare(item.question)[0] for item in items]


def measure_floor(encoder, texts: list[str], rounds: int = 3) -> dict[str, Any]:
    """Bare encoding of one question at a time (the same call the pipeline makes), in ms."""
    for t in texts[:5]:
        encoder.encode([t])  # warm-up
    times = []
    for _ in range(rounds):
        for t in texts:
            t0 = time.perf_counter()
            encoder.encode([t])
            times.append((time.perf_counter() - t0) * 1000)
    return {"encoder": type(encoder).__name__, **summary(times)}


BREAKDOWN = ("encode", "authorities", "dense", "lexical", "fusion", "per_authority", "retrieve_other", "compose",
             "other")


def measure_warm(pipeline, questions: list[str], rounds: int = 3, floor: list[float] | None = None) -> dict[str, Any]:
    """Warm ``Pipeline.ask`` over ``questions``: total p50/p95 and where the time goes (ms). With a
    ``floor`` list, each ask is preceded by a bare encoding of the same question, timed into it, so that
    floor and warm see the same machine load."""
    captured: list[dict[str, float]] = []
    search = pipeline.retriever.search

    def spy(*args, **kwargs):
        t0 = time.perf_counter()
        r = search(*args, **kwargs)
        captured.append({**r.timings_ms, "_wall": (time.perf_counter() - t0) * 1000})
        return r

    pipeline.retriever.search = spy  # an instance attribute: the class and its behaviour are untouched
    rows: list[dict[str, float]] = []
    try:
        for q in questions:
            pipeline.ask(q)  # warm-up round
        for _ in range(rounds):
            for q in questions:
                if floor is not None:
                    t0 = time.perf_counter()
                    pipeline.encoder.encode([q])
                    floor.append((time.perf_counter() - t0) * 1000)
                captured.clear()
                t0 = time.perf_counter()
                answer = pipeline.ask(q)
                wall = (time.perf_counter() - t0) * 1000
                tm = answer.timings_ms
                main = captured[0] if captured else {}
                extra = sum(c["_wall"] for c in captured[1:])
                row = {
                    "total": tm.get("total", wall), "wall": wall,
                    "encode": tm.get("embed", 0.0),
                    "authorities": main.get("authorities", 0.0), "dense": main.get("dense", 0.0),
                    "lexical": main.get("lexical", 0.0), "fusion": main.get("fuse", 0.0),
                    "per_authority": extra, "compose": tm.get("compose", 0.0),
                }
                row["retrieve_other"] = max(tm.get("retrieve", 0.0) - main.get("_wall", 0.0) - extra, 0.0) \
                    + max(main.get("_wall", 0.0) - sum(main.get(k, 0.0) for k in ("authorities", "dense", "lexical", "fuse")), 0.0)
                row["other"] = max(row["total"] - tm.get("embed", 0.0) - tm.get("retrieve", 0.0) - tm.get("compose", 0.0), 0.0)
                rows.append(row)
    finally:
        del pipeline.retriever.search
    total = [r["total"] for r in rows]
    mean_total = sum(total) / len(total) if total else 0.0
    breakdown = {}
    for key in BREAKDOWN:
        vals = [r[key] for r in rows]
        mean = sum(vals) / len(vals) if vals else 0.0
        breakdown[key] = {"p50": round(percentile(vals, 50) or 0.0, 3), "mean": round(mean, 3),
                          "share": round(mean / mean_total, 3) if mean_total else None}
    return {"encoder": type(pipeline.encoder).__name__, "questions": len(questions), "rounds": rounds,
            "total": summary(total), "wall": summary([r["wall"] for r in rows]), "breakdown": breakdown}


# -- index build ---------------------------------------------------------------------------------------------
def index_texts(index_dir: Path) -> list[str]:
    """The distinct texts a build of ``index_dir`` embeds (context passages and sentences)."""
    from .glossary import Glossary
    from .indexer import indexed_text
    from .store import load_index

    data = load_index(index_dir)
    glossary = Glossary(data.manifest.get("glossary", {}))
    texts = [indexed_text(c, glossary) for c in data.chunks] + [s.text for c in data.chunks for s in c.sentences]
    return list(dict.fromkeys(texts))


def measure_build(settings: Settings, encoder, index_dir: Path, progress: Progress = _quiet,
                  fresh_export: bool = True) -> dict[str, Any]:
    """Fresh build into ``index_dir`` (ONNX export included) and a rebuild, against bare encoding."""
    from . import query_encoder
    from .indexer import build_index

    s = settings.with_overrides(index_dir=Path(index_dir))
    if fresh_export:
        query_encoder._EXPORTED.clear()  # a fresh build pays for its export, as in a new process
    progress("build: fresh")
    t = time.perf_counter()
    fresh = build_index(s, encoder=encoder, progress=False)
    fresh_s = time.perf_counter() - t
    entry = fresh.manifest.get("query_encoder") or {}
    texts = index_texts(s.index_dir)
    progress(f"build: bare encoding of {len(texts)} texts")
    t = time.perf_counter()
    encoder.encode(texts, batch_size=settings.batch_size)
    bare_1 = time.perf_counter() - t
    progress("build: rebuild")
    t = time.perf_counter()
    again = build_index(s, encoder=encoder, rebuild=True, progress=False)
    rebuild_s = time.perf_counter() - t
    t = time.perf_counter()
    encoder.encode(texts, batch_size=settings.batch_size)
    bare_2 = time.perf_counter() - t
    bare = (bare_1 + bare_2) / 2
    export_s = float(entry.get("export_seconds") or 0.0)
    return {
        "texts": len(texts),
        "encoded": {"passages": fresh.encoded_passages, "sentences": fresh.encoded_sentences},
        "bare_encoding_s": round(bare, 3), "bare_encoding_runs_s": [round(bare_1, 3), round(bare_2, 3)],
        "fresh_s": round(fresh_s, 3), "fresh_export_s": round(export_s, 3),
        "fresh_without_export_s": round(fresh_s - export_s, 3),
        "rebuild_s": round(rebuild_s, 3), "rebuild_encoded": again.encoded_passages + again.encoded_sentences,
        "fresh_ratio": ratio(fresh_s, bare), "fresh_without_export_ratio": ratio(fresh_s - export_s, bare),
        "rebuild_ratio": ratio(rebuild_s, bare),
        "query_encoder": {k: entry.get(k) for k in ("max_cosine_distance", "verified_texts", "exporter", "export_seconds")}
        if entry else None,
    }


# -- cold start ----------------------------------------------------------------------------------------------
_PHASES = r"""
import json, os, sys, time
T0 = time.perf_counter()
laps, inner = {}, {}
def lap(name, t):
    laps[name] = round((time.perf_counter() - t) * 1000, 2)
t = time.perf_counter(); import rag.cli; lap("import rag.cli (typer)", t)
t = time.perf_counter(); import rag.pipeline as pl; lap("import rag.pipeline (numpy, rag modules)", t)
t = time.perf_counter(); import faiss; lap("import faiss", t)
t = time.perf_counter(); import Stemmer; lap("import Stemmer", t)
torch_mode = os.environ.get("RAG_QUERY_ENCODER") == "torch"
t = time.perf_counter()
if torch_mode:
    import sentence_transformers
    lap("import sentence_transformers (torch, transformers)", t)
else:
    import onnxruntime, tokenizers
    lap("import onnxruntime, tokenizers", t)
import rag.store as store, rag.query_encoder as qe
def wrap(owner, name, label, static=False):
    f = getattr(owner, name)
    def w(*a, **k):
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            inner[label] = round(inner.get(label, 0.0) + (time.perf_counter() - t) * 1000, 2)
    setattr(owner, name, staticmethod(w) if static else w)
wrap(pl, "load_corpus", "seeds: read and hash documents")
wrap(store, "_check_files", "index: sha256 of every file")
wrap(store, "check_model", "index: sha256 of the model weights")
wrap(faiss, "read_index", "index: faiss read")
wrap(store.LexicalIndex, "load", "index: bm25 load", static=True)
wrap(pl.Pipeline, "__init__", "pipeline init (retriever, term weights)")
wrap(qe, "_sha256", "encoder: sha256 of query_encoder.onnx")
index_dir, seeds, question = sys.argv[1:4]
settings = rag.cli._settings(index_dir=__import__("pathlib").Path(index_dir), seeds=__import__("pathlib").Path(seeds))
t = time.perf_counter(); p = pl.Pipeline.load(settings=settings, build=True, progress=False); lap("Pipeline.load", t)
t = time.perf_counter(); enc = p.encoder; lap("query encoder load", t)
t = time.perf_counter(); a = p.ask(question); lap("first ask", t)
t = time.perf_counter()
from rich.console import Console
from rag.render_text import print_answer
with open(os.devnull, "w") as devnull:
    print_answer(a, Console(file=devnull, highlight=False, soft_wrap=True))
lap("render answer (rich)", t)
mem = {}
for line in open("/proc/self/status"):
    k, _, v = line.partition(":")
    if k in ("VmRSS", "VmHWM"):
        mem[k.lower() + "_mb"] = round(int(v.split()[0]) / 1024, 1)
mods = sys.modules
print(json.dumps({"laps_ms": laps, "inner_ms": inner, "ask_ms": {k: round(v, 2) for k, v in a.timings_ms.items()},
                  "encoder": type(enc).__name__, "in_process_ms": round((time.perf_counter() - T0) * 1000, 2),
                  "memory": mem, "abstained": a.abstained,
                  "imported": {m: m in mods for m in ("torch", "transformers", "sentence_transformers", "bm25s", "numba", "scipy", "onnxruntime")}}))
"""


def measure_interpreter(runs: int = 3) -> dict[str, Any]:
    walls = [_timed_run([sys.executable, "-c", "pass"], _env())[0] for _ in range(runs)]
    return {"wall_s": summary(walls)}


def measure_cold(index_dir: Path, seeds: Path, question: str, mode: str = "auto", runs: int = 3,
                 env_extra: dict[str, str] | None = None) -> dict[str, Any]:
    """End-to-end ``rag ask`` in fresh processes: one discarded warm-up run, then ``runs`` timed runs."""
    env = _env(RAG_QUERY_ENCODER=mode, **(env_extra or {}))
    cmd = [*_rag_command(), "ask", question, "--index-dir", str(index_dir), "--seeds", str(seeds)]
    first_wall, first_cpu, r = _timed_run(cmd, env)
    if r.returncode != 0:
        return {"error": (r.stderr or r.stdout).strip().splitlines()[-1:] or ["failed"], "command": cmd}
    walls, cpus, ok = [], [], True
    for _ in range(runs):
        wall, cpu, r = _timed_run(cmd, env)
        ok = ok and r.returncode == 0 and bool(r.stdout.strip())
        walls.append(wall)
        cpus.append(cpu)
    return {"mode": mode, "command": "rag ask <question> --index-dir <index> --seeds <seeds>",
            "first_run_s": round(first_wall, 3), "first_run_cpu_s": round(first_cpu, 3),
            "wall_s": summary(walls), "cpu_s": summary(cpus), "answered": ok,
            "printed_chars": len(r.stdout)}


def measure_phases(index_dir: Path, seeds: Path, question: str, mode: str = "auto",
                   env_extra: dict[str, str] | None = None) -> dict[str, Any]:
    """Itemised cold start: a fresh process that times each import and load phase (ms)."""
    env = _env(RAG_QUERY_ENCODER=mode, **(env_extra or {}))
    wall, cpu, r = _timed_run([sys.executable, "-c", _PHASES, str(index_dir), str(seeds), question], env)
    if r.returncode != 0:
        return {"error": (r.stderr or "").strip().splitlines()[-3:]}
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out["process_wall_s"] = round(wall, 3)
    out["process_cpu_s"] = round(cpu, 3)
    return out


# -- memory --------------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_serve(index_dir: Path, seeds: Path, question: str, mode: str = "auto", timeout: float = 240,
                  env_extra: dict[str, str] | None = None) -> dict[str, Any]:
    """RSS of a ``rag serve`` process once it answers HTTP, and after answering one question."""
    import urllib.request

    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    cmd = [*_rag_command(), "serve", "--port", str(port), "--index-dir", str(index_dir), "--seeds", str(seeds)]
    log = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=_env(RAG_QUERY_ENCODER=mode, **(env_extra or {})))
    out: dict[str, Any] = {"mode": mode, "pid": proc.pid}
    try:
        while True:
            if proc.poll() is not None:
                log.seek(0)
                out["error"] = log.read().decode(errors="replace").strip().splitlines()[-1:]
                return out
            if time.perf_counter() - t0 > timeout:
                out["error"] = ["timed out waiting for the UI"]
                return out
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        out["ready_s"] = round(time.perf_counter() - t0, 3)
        out["after_start"] = proc_memory(proc.pid)
        try:
            from gradio_client import Client

            client = Client(url, verbose=False)
            t = time.perf_counter()
            client.predict(question, api_name="/ask")
            out["first_question_s"] = round(time.perf_counter() - t, 3)
            out["after_question"] = proc_memory(proc.pid)
        except Exception as e:  # gradio_client is a dev dependency
            out["after_question"] = None
            out["question_error"] = f"{type(e).__name__}: {str(e)[:120]}"
        return out
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)
        log.close()


def measure_pipeline_rss(index_dir: Path, seeds: Path, question: str, mode: str = "auto") -> dict[str, Any]:
    """RSS of a process that has loaded the pipeline and answered one question (from the phase driver)."""
    phases = measure_phases(index_dir, seeds, question, mode)
    return {"mode": mode, **phases.get("memory", {}), "encoder": phases.get("encoder")}


# -- the seed benchmark ----------------------------------------------------------------------------------------
def run_seed_bench(settings: Settings, gold: Path = GOLD, limit: int | None = None, rounds: int = 3,
                   cold_runs: int = 3, torch_compare: bool = True, serve: bool = True,
                   work_dir: Path | None = None, progress: Progress = _quiet, fresh_export: bool = True) -> dict[str, Any]:
    """Everything but the scale benchmark, on the seeds; returns the report (see :func:`seed_report`)."""
    from .embedding import load_encoder
    from .pipeline import Pipeline

    started = time.perf_counter()
    load_before = machine()
    tmp = Path(tempfile.mkdtemp(prefix="rag-bench-", dir=work_dir))
    try:
        progress("loading sentence-transformers")
        t = time.perf_counter()
        st = load_encoder(settings.model)
        st_load_s = time.perf_counter() - t
        index_dir = tmp / "index"
        build = measure_build(settings, st, index_dir, progress, fresh_export)

        s = settings.with_overrides(index_dir=index_dir)
        pipeline = Pipeline.load(settings=s)
        questions = question_texts(pipeline, gold, limit)
        progress(f"floor and warm latency over {len(questions)} questions × {rounds} (in a process without torch)")
        served = _in_child(_WARM, {"settings": _settings_json(s), "gold": str(gold), "limit": limit, "rounds": rounds,
                                   "options": torch_compare})
        floor, warm = served["floor"], served["warm"]
        options: dict[str, Any] = {"onnx (as configured)": {"floor": floor, "warm_p50": warm["total"]["p50"],
                                                           "load_s": served.get("load_s")}}
        options.update(served.get("options", {}))
        if torch_compare:
            reference = Pipeline(pipeline.data, s, st)
            options["sentence-transformers (torch)"] = {"floor": measure_floor(st, questions, 1),
                                                        "warm_p50": measure_warm(reference, questions, 1)["total"]["p50"]}

        pyc = tmp / "pycache"  # compiled once by the warm-up run, as an installed package would be
        cold_env = {"PYTHONPYCACHEPREFIX": str(pyc), "PYTHONDONTWRITEBYTECODE": ""}
        question = questions[0]
        progress("cold start")
        cold = {"interpreter": measure_interpreter(),
                "onnx": measure_cold(index_dir, settings.seeds_dir, question, "auto", cold_runs, cold_env),
                "phases_onnx": measure_phases(index_dir, settings.seeds_dir, question, "auto", cold_env)}
        if torch_compare:
            cold["torch"] = measure_cold(index_dir, settings.seeds_dir, question, "torch", max(1, cold_runs - 1), cold_env)
            cold["phases_torch"] = measure_phases(index_dir, settings.seeds_dir, question, "torch", cold_env)
        memory: dict[str, Any] = {"pipeline_onnx": {k: cold["phases_onnx"].get("memory", {}).get(k) for k in ("vmrss_mb", "vmhwm_mb")}}
        if torch_compare:
            memory["pipeline_torch"] = {k: cold["phases_torch"].get("memory", {}).get(k) for k in ("vmrss_mb", "vmhwm_mb")}
        if serve:
            progress("rag serve memory")
            memory["serve_onnx"] = measure_serve(index_dir, settings.seeds_dir, question, "auto", env_extra=cold_env)
            if torch_compare:
                memory["serve_torch"] = measure_serve(index_dir, settings.seeds_dir, question, "torch", env_extra=cold_env)
        memory["bench_process"] = proc_memory()
        measurements = {
            "machine": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "gold": str(gold), "sentence_transformers_load_s": round(st_load_s, 3),
            "floor": floor, "warm": warm, "encoder_options": options, "build": build, "cold_start": cold,
            "memory": memory, "seconds": round(time.perf_counter() - started, 1),
        }
        return seed_report(measurements)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


_WARM = r"""
import json, sys, time
from pathlib import Path
from rag import bench
from rag.pipeline import Pipeline
a = json.loads(sys.argv[1])
p = Pipeline.load(settings=bench._settings_from(a["settings"]))
t = time.perf_counter(); p.encoder; load_s = time.perf_counter() - t
qs = bench.question_texts(p, Path(a["gold"]), a["limit"])
floor = []
warm = bench.measure_warm(p, qs, a["rounds"], floor=floor)
out = {"floor": {"encoder": type(p.encoder).__name__, "interleaved_with_warm": True, **bench.summary(floor)},
       "warm": warm, "load_s": round(load_s, 3), "threads": p.encoder._session.get_session_options().intra_op_num_threads
       if hasattr(p.encoder, "_session") else None}
if a["options"]:
    out["options"] = bench._encoder_options(p, qs)
print(json.dumps(out))
"""


def _settings_json(settings: Settings) -> dict[str, Any]:
    import dataclasses

    return {k: str(v) if isinstance(v, Path) else v for k, v in dataclasses.asdict(settings).items()}


def _settings_from(d: dict[str, Any]) -> Settings:
    return Settings(**{k: Path(v) if k in ("seeds_dir", "index_dir") else v for k, v in d.items()})


def _in_child(code: str, args: dict[str, Any], timeout: float = 1800, env_extra: dict[str, str] | None = None,
              quiet: bool = True) -> dict[str, Any]:
    """Run a measurement in a fresh interpreter (no torch loaded, as in `rag ask`/`rag serve`); its last
    stdout line is the JSON result."""
    r = subprocess.run([sys.executable, "-c", code, json.dumps(args)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE if quiet else None, text=True, env=_env(**(env_extra or {})),
                       timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {(r.stderr or '').strip().splitlines()[-1:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def _encoder_options(pipeline, questions: list[str]) -> dict[str, Any]:
    """The ONNX encoder with 1 and 2 intra-op threads: bare encoding p50 (ms) and session load time."""
    from . import query_encoder

    out = {}
    for threads in (1, 2):
        t = time.perf_counter()
        enc = query_encoder.load_query_encoder(pipeline.data, threads=threads)
        load_s = time.perf_counter() - t
        if enc is None:
            continue
        out[f"onnx_threads_{threads}"] = {"floor": measure_floor(enc, questions, 1), "load_s": round(load_s, 3)}
    return out


def seed_report(m: dict[str, Any]) -> dict[str, Any]:
    """Add ratios and PASS/MISS verdicts to the raw measurements."""
    floor_p50 = m["floor"].get("p50")
    warm_p50 = m["warm"]["total"].get("p50")
    build = m["build"]
    cold = m["cold_start"].get("onnx", {})
    cold_p50 = (cold.get("wall_s") or {}).get("p50")
    warm_ratio = ratio(warm_p50, floor_p50)
    targets = {
        "warm_vs_floor": {"value": warm_ratio, "target": f"<= {TARGETS['warm_ratio']}",
                          "verdict": verdict(warm_ratio, TARGETS["warm_ratio"]),
                          "detail": f"warm p50 {warm_p50} ms / floor p50 {floor_p50} ms"},
        "cold_rag_ask_s": {"value": cold_p50, "target": f"<= {TARGETS['cold_ask_s']} s",
                           "verdict": verdict(cold_p50, TARGETS["cold_ask_s"]),
                           "detail": "median of fresh `rag ask` processes, start to printed answer"},
        "build_fresh_vs_bare": {"value": build.get("fresh_ratio"), "target": f"<= {TARGETS['build_ratio']}",
                                "verdict": verdict(build.get("fresh_ratio"), TARGETS["build_ratio"]),
                                "detail": f"fresh build {build.get('fresh_s')} s (incl. one-off ONNX export "
                                          f"{build.get('fresh_export_s')} s) / bare encoding {build.get('bare_encoding_s')} s"},
        "build_rebuild_vs_bare": {"value": build.get("rebuild_ratio"), "target": f"<= {TARGETS['build_ratio']}",
                                  "verdict": verdict(build.get("rebuild_ratio"), TARGETS["build_ratio"]),
                                  "detail": f"rebuild {build.get('rebuild_s')} s / bare encoding {build.get('bare_encoding_s')} s"},
    }
    return {"kind": "bench-seeds", "targets": targets, "warm_ratio": warm_ratio, **m}


# -- the scale benchmark ---------------------------------------------------------------------------------------
def recombine(base, n: int, seed: int = 0, batch: int = 50_000):
    """``n`` synthetic passage vectors: random convex combinations (Dirichlet weights) of 2 or 3 random
    real sentence vectors, re-normalised. Returns (vectors float32 (n, d), sources int32 (n, 3), -1 = none)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    base = np.ascontiguousarray(base, dtype=np.float32)
    sources = rng.integers(0, len(base), size=(n, 3)).astype(np.int32)
    pairs = rng.random(n) < 0.5
    sources[pairs, 2] = -1
    weights = rng.dirichlet([1.0, 1.0, 1.0], size=n).astype(np.float32)
    weights[pairs, 2] = 0.0
    weights /= weights.sum(axis=1, keepdims=True)
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for s in range(0, n, batch):
        e = min(n, s + batch)
        v = np.einsum("nk,nkd->nd", weights[s:e], base[np.clip(sources[s:e], 0, None)])
        out[s:e] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out, sources


def synthetic_texts(sentences: list[str], sources) -> list[str]:
    return [" ".join(sentences[j] for j in row if j >= 0) for row in sources.tolist()]


def _search_times(index, queries, k: int) -> tuple[list[float], Any]:
    """One query at a time with one FAISS thread (a single query gains nothing from a team of OpenMP
    threads, whose spinning afterwards slows the numpy work of the same query on a 2-core machine)."""
    import faiss
    import numpy as np

    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    times, ids = [], []
    try:
        for q in queries:
            t = time.perf_counter()
            _, i = index.search(q[None, :], k)
            times.append((time.perf_counter() - t) * 1000)
            ids.append(i[0])
    finally:
        faiss.omp_set_num_threads(threads)
    return times, np.stack(ids)


def recall_at_10(approx_ids, exact_ids, vectors=None, queries=None) -> dict[str, float]:
    """Strict recall@10 (same ids) and tie-aware recall@10 (a hit when the returned passage is at least as
    similar as the exact 10th; recombined vectors have many near-ties)."""
    import numpy as np

    strict = float(np.mean([len(set(a[:10]) & set(e[:10])) / 10 for a, e in zip(approx_ids, exact_ids)]))
    out = {"strict": round(strict, 4)}
    if vectors is not None and queries is not None:
        hits = []
        for q, a, e in zip(queries, approx_ids, exact_ids):
            kth = float(vectors[e[9]] @ q)
            a = a[a >= 0][:10]
            hits.append(float(np.sum(vectors[a] @ q >= kth - 1e-6)) / 10)
        out["tie_aware"] = round(float(np.mean(hits)), 4)
    return out


def _chunk_store(texts: list[str], sources, folder: Path) -> dict[str, Any]:
    """Write ``chunks.jsonl`` records for the synthetic passages, then load them as ``load_index`` does."""
    import hashlib

    from .records import Chunk

    path = folder / "chunks.jsonl"
    labels = ("Hounslow", "Harrow", "Ealing", "Telford and Wrekin", "Camden")
    t = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        pos = 0
        for i, text in enumerate(texts):
            n = max(1, int((sources[i] >= 0).sum()))
            step = max(1, len(text) // n)
            sents = [[pos + j * step, pos + min(len(text), (j + 1) * step)] for j in range(n)]
            label = labels[i % len(labels)]
            f.write(json.dumps({"chunk_id": i, "doc_id": f"synthetic_{i // 200:06d}.txt", "authority": label,
                                "label": label, "quality_statement": "Learning, improvement and innovation",
                                "section": "Continuous learning, improvement and professional development",
                                "paragraph": i % 200 + 1, "start": pos, "end": pos + len(text), "text": text,
                                "sentences": sents, "kind": "paragraph", "score": 3}, ensure_ascii=False) + "\n")
            pos += len(text) + 2
    write_s = time.perf_counter() - t
    size = path.stat().st_size
    rss0 = _rss_mb()
    t = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        chunks = [Chunk.from_dict(json.loads(line)) for line in f]
    load_s = time.perf_counter() - t
    rss = _rss_mb() - rss0
    t = time.perf_counter()
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    hash_s = time.perf_counter() - t
    del chunks
    path.unlink()
    return {"jsonl_mb": round(size / 2**20, 1), "write_s": round(write_s, 3), "load_s": round(load_s, 3),
            "sha256_s": round(hash_s, 3), "chunk_objects_rss_mb": round(rss, 1)}


def _retriever_at(n: int, vectors, sources, sentence_vectors_base, texts: list[str], lexical, dense, settings: Settings,
                  questions: list[str], queries, approximate=None) -> dict[str, Any]:
    """The project's own Retriever over a synthetic index of ``n`` passages: init cost and hybrid search p50
    (and, given an ``approximate`` FAISS index, the same with its FAISS path forced: flat_index_max=0)."""
    import numpy as np

    from .records import Chunk, Sentence
    from .store import IndexData

    labels = ("Hounslow", "Harrow", "Ealing", "Telford and Wrekin", "Camden")
    chunks = []
    counts = (sources >= 0).sum(axis=1)
    for i in range(n):
        text = texts[i]
        k = int(counts[i])
        step = max(1, len(text) // k)
        sents = tuple(Sentence(j * step, min(len(text), (j + 1) * step), text[j * step:(j + 1) * step]) for j in range(k))
        label = labels[i % len(labels)]
        chunks.append(Chunk(i, f"synthetic_{i // 200:06d}.txt", label, label, "Learning, improvement and innovation",
                            "Continuous learning, improvement and professional development", i % 200 + 1, 0, len(text),
                            text, sents, "paragraph", 3))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    flat_sources = sources[sources >= 0]
    sentence_vectors = sentence_vectors_base[flat_sources]
    data = IndexData({"model": {"id": "synthetic", "dim": vectors.shape[1]}, "glossary": {}}, chunks, vectors,
                     sentence_vectors, offsets, dense, lexical, np.arange(n, dtype=np.int64))
    out = _measure_retriever(data, settings, questions, queries)
    if approximate is not None:
        data.dense = approximate
        out["faiss_path"] = _measure_retriever(data, settings.with_overrides(flat_index_max=0), questions, queries)
    return out


def _measure_retriever(data, settings: Settings, questions: list[str], queries) -> dict[str, Any]:
    from .retrieve import Retriever

    n = len(data.rows)
    rss0 = _rss_mb()
    t = time.perf_counter()
    retriever = Retriever(data, settings)
    init_s = time.perf_counter() - t
    init_rss = _rss_mb() - rss0
    for q, v in zip(questions[:5], queries[:5]):
        retriever.search(q, v)
    totals, parts = [], {"authorities": [], "dense": [], "lexical": [], "fuse": []}
    for q, v in zip(questions, queries):
        t = time.perf_counter()
        r = retriever.search(q, v)
        totals.append((time.perf_counter() - t) * 1000)
        for key in parts:
            parts[key].append(r.timings_ms.get(key, 0.0))
    path = "numpy exact (passage + best sentence)" if settings.flat_index_max >= n else "faiss index (top candidates)"
    return {"dense_path": path, "init_s": round(init_s, 3), "init_rss_mb": round(init_rss, 1),
            "search_ms": summary(totals), "parts_p50_ms": {k: round(percentile(v, 50) or 0.0, 3) for k, v in parts.items()}}


def run_scale_bench(settings: Settings, sizes: tuple[int, ...] = SCALE_SIZES, n_queries: int = 200,
                    lexical_max: int = 100_000, retriever_max: int = 100_000, numpy_max: int = 100_000,
                    store_max: int = 1_000_000, hnsw_grid_at: int | None = 100_000, budget_s: float = 600,
                    progress: Progress = _quiet, base: tuple | None = None, isolate: bool = True,
                    index_dir: Path | None = None) -> dict[str, Any]:
    """Exact vs HNSW dense search, lexical search and the chunk store at each size (see module docs).

    ``base`` = (sentence vectors, sentence texts, question texts, question vectors) overrides the real data
    (tests). Without it the seeds are indexed and, with ``isolate``, the measurements run in a fresh
    process that never loads torch (as `rag serve` with the ONNX encoder). Steps whose projected time
    would overrun ``budget_s`` are skipped and say so.
    """
    if base is None and isolate:
        from .embedding import load_encoder
        from .indexer import build_index

        tmp = Path(tempfile.mkdtemp(prefix="rag-scale-index-"))
        try:
            progress("scale: indexing the seeds for real sentence vectors")
            s = settings.with_overrides(index_dir=tmp / "index")
            build_index(s, encoder=load_encoder(settings.model), progress=False)
            kwargs = {"sizes": list(sizes), "n_queries": n_queries, "lexical_max": lexical_max,
                      "retriever_max": retriever_max, "numpy_max": numpy_max, "store_max": store_max,
                      "hnsw_grid_at": hnsw_grid_at, "budget_s": budget_s}
            return _in_child(_SCALE, {"settings": _settings_json(s), "kwargs": kwargs, "verbose": progress is not _quiet},
                             timeout=3 * budget_s + 600, quiet=progress is _quiet)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    import gc

    import numpy as np

    from .lexical import LexicalIndex
    from .retrieve import top, weighted_fusion
    from .store import make_faiss_index

    started = time.perf_counter()
    info = machine()
    if base is None:
        base = _real_base(settings, n_queries, progress, index_dir)
    sent_vecs, sent_texts, questions, queries = base
    queries = np.ascontiguousarray(queries[:n_queries], dtype=np.float32)
    questions = questions[: len(queries)]
    h = make_faiss_index(np.zeros((0, sent_vecs.shape[1]), dtype=np.float32), "hnsw")
    hnsw = {"M": int(h.hnsw.nb_neighbors(1)), "efConstruction": int(h.hnsw.efConstruction), "efSearch": int(h.hnsw.efSearch)}
    retriever_k = settings.candidates * 4  # what Retriever.dense_scores asks FAISS for
    rows: list[dict[str, Any]] = []
    grid: list[dict[str, Any]] = []
    work = Path(tempfile.mkdtemp(prefix="rag-scale-"))
    try:
        for n in sizes:
            row: dict[str, Any] = {"n": n}
            left = lambda: budget_s - (time.perf_counter() - started)  # noqa: E731
            progress(f"scale {n:,}: vectors")
            rss0 = _rss_mb()
            t = time.perf_counter()
            vectors, sources = recombine(sent_vecs, n, seed=n)
            row["generate_s"] = round(time.perf_counter() - t, 3)
            row["vectors_mb"] = round(vectors.nbytes / 2**20, 1)

            # exact: FAISS flat
            t = time.perf_counter()
            flat = make_faiss_index(vectors, "flat")
            flat_build = time.perf_counter() - t
            flat_times, exact_ids = _search_times(flat, queries, 10)
            row["flat"] = {"build_s": round(flat_build, 3), "memory_mb": round(n * vectors.shape[1] * 4 / 2**20, 1),
                           "search_ms": summary(flat_times)}
            # exact: the numpy path of Retriever.dense_scores (passage similarity mixed with best sentence)
            if n <= numpy_max:
                counts = (sources >= 0).sum(axis=1)
                starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
                svec = sent_vecs[sources[sources >= 0]]
                w = settings.sentence_weight
                times = []
                for q in queries:
                    t = time.perf_counter()
                    s = (1 - w) * (vectors @ q) + w * np.maximum.reduceat(svec @ q, starts)
                    top(s, 10)
                    times.append((time.perf_counter() - t) * 1000)
                row["numpy_exact"] = {"search_ms": summary(times), "sentence_rows": int(len(svec)),
                                      "memory_mb": round((vectors.nbytes + svec.nbytes) / 2**20, 1)}
                del svec
            # full-corpus fusion and top-k, which every hybrid query does over all passages
            rng = np.random.default_rng(1)
            d_scores, l_scores = rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32)
            times = []
            for _ in range(50):
                t = time.perf_counter()
                top(weighted_fusion(d_scores, l_scores, settings.dense_weight), settings.k)
                times.append((time.perf_counter() - t) * 1000)
            row["fusion_topk_ms"] = summary(times)
            del d_scores, l_scores

            # approximate: HNSW with the parameters rag index uses
            if hnsw_grid_at == n:
                grid = _hnsw_grid(vectors, queries, exact_ids, progress)
            progress(f"scale {n:,}: HNSW build (M={hnsw['M']}, efConstruction={hnsw['efConstruction']})")
            rss1 = _rss_mb()
            t = time.perf_counter()
            index = make_faiss_index(vectors, "hnsw")
            build_s = time.perf_counter() - t
            hnsw_rss = _rss_mb() - rss1
            sweep = {}
            for ef in EF_SWEEP:
                index.hnsw.efSearch = ef
                times, ids = _search_times(index, queries, 10)
                sweep[str(ef)] = {"search_ms": summary(times), "recall@10": recall_at_10(ids, exact_ids, vectors, queries)}
            index.hnsw.efSearch = hnsw["efSearch"]
            times, ids = _search_times(index, queries, retriever_k)
            row["hnsw"] = {
                "build_s": round(build_s, 3), "rss_delta_mb": round(hnsw_rss, 1),
                "memory_mb": round((n * vectors.shape[1] * 4 + n * hnsw["M"] * 2 * 4 * 1.1) / 2**20, 1),
                "efSearch_sweep_k10": sweep,
                "as_retriever": {"k": retriever_k, "efSearch": hnsw["efSearch"], "effective_ef": max(retriever_k, hnsw["efSearch"]),
                                 "search_ms": summary(times), "recall@10": recall_at_10(ids, exact_ids, vectors, queries)},
            }
            default = sweep.get(str(hnsw["efSearch"]))
            if default:
                row["hnsw"]["search_ms"] = default["search_ms"]
                row["hnsw"]["recall@10"] = default["recall@10"]
            del flat
            gc.collect()

            texts = None
            # lexical (bm25s over the recombined sentences' texts)
            if n <= lexical_max:
                progress(f"scale {n:,}: BM25")
                texts = synthetic_texts(sent_texts, sources)
                rss1 = _rss_mb()
                t = time.perf_counter()
                lexical = LexicalIndex.build(texts)
                lex_build = time.perf_counter() - t
                lex_rss = _rss_mb() - rss1
                times = []
                for q in questions:
                    t = time.perf_counter()
                    lexical.scores(q)
                    times.append((time.perf_counter() - t) * 1000)
                sc = lexical._bm25.scores
                row["lexical"] = {"build_s": round(lex_build, 3), "rss_delta_mb": round(lex_rss, 1),
                                  "arrays_mb": round(sum(sc[k].nbytes for k in ("data", "indices", "indptr")) / 2**20, 1),
                                  "search_ms": summary(times)}
                if n <= retriever_max:
                    progress(f"scale {n:,}: Retriever")
                    dense = make_faiss_index(vectors, "flat") if n <= settings.flat_index_max else index
                    row["retriever"] = _retriever_at(n, vectors, sources, sent_vecs, texts, lexical, dense, settings,
                                                     questions, queries, approximate=index if n >= 10_000 else None)
                    del dense
                del lexical
            else:
                row["lexical"] = {"skipped": f"over {lexical_max:,} passages (time budget)"}
            del index
            gc.collect()
            # chunk store
            projected = (rows[-1].get("store", {}).get("write_s", 0) + rows[-1].get("store", {}).get("load_s", 0)) \
                * n / rows[-1]["n"] * 1.2 if rows and "write_s" in rows[-1].get("store", {}) else 0
            if n <= store_max and projected < left():
                progress(f"scale {n:,}: chunk store")
                texts = texts or synthetic_texts(sent_texts, sources)
                row["store"] = _chunk_store(texts, sources, work)
            else:
                row["store"] = {"skipped": f"projected {projected:.0f} s exceeds the time budget"}
            del texts, vectors, sources
            gc.collect()
            row["rss_mb_after"] = _rss_mb()
            row["rss_mb_before"] = rss0
            rows.append(row)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return scale_report({"machine": info, "load_average_after": [round(x, 2) for x in os.getloadavg()],
                         "queries": int(len(queries)), "hnsw_params": hnsw, "flat_index_max": settings.flat_index_max,
                         "retriever_k": retriever_k, "rows": rows, "hnsw_grid": grid,
                         "peak_rss_mb": proc_memory().get("vmhwm_mb"), "seconds": round(time.perf_counter() - started, 1),
                         "method": METHOD})


METHOD = (
    "Synthetic corpora recombine real data: each passage vector is a random convex combination (Dirichlet(1) "
    "weights) of 2 or 3 random real sentence vectors of the seed index, re-normalised, so the vectors live where "
    "real ones do; its text joins the same sentences, for BM25 and the chunk store. Queries are real question "
    "embeddings (eval/gold.jsonl, then eval/unseen.jsonl). Exact = FAISS IndexFlatIP; recall@10 of HNSW is "
    "against it, strict (same ids) and tie-aware (a hit when at least as similar as the exact 10th: recombined "
    "vectors have near-ties). Every search is one query at a time, as the pipeline does, with one FAISS thread; "
    "memory is the arrays' size and the process RSS change. Timings are wall times on a shared machine: see the "
    "load average."
)


_SCALE = r"""
import json, sys, time
from rag import bench
a = json.loads(sys.argv[1])
t0 = time.perf_counter()
say = (lambda m: print(f"· [{time.perf_counter() - t0:6.0f} s] {m}", file=sys.stderr, flush=True)) if a["verbose"] else bench._quiet
settings = bench._settings_from(a["settings"])
kw = a["kwargs"]
kw["sizes"] = tuple(kw["sizes"])
report = bench.run_scale_bench(settings, progress=say, isolate=False, index_dir=settings.index_dir, **kw)
report["isolated"] = True
print(json.dumps(report, default=str))
"""


def _real_base(settings: Settings, n_queries: int, progress: Progress, index_dir: Path | None = None) -> tuple:
    """Seed sentence vectors and texts (from an index of the seeds: ``index_dir``, else a fresh one) and
    real question vectors (encoded by the pipeline's query encoder)."""
    import numpy as np

    from .evaluate import load_gold
    from .pipeline import Pipeline

    tmp = Path(tempfile.mkdtemp(prefix="rag-scale-index-"))
    try:
        if index_dir is not None:
            p = Pipeline.load(settings=settings.with_overrides(index_dir=Path(index_dir)))
        else:
            progress("scale: indexing the seeds for real sentence vectors")
            p = Pipeline.load(settings=settings.with_overrides(index_dir=tmp / "index"), build=True)
        texts = [s.text for c in p.data.chunks for s in c.sentences]
        vecs = np.array(p.data.sentence_vectors, dtype=np.float32)
        keep = list(dict(zip(texts, range(len(texts)))).values())  # distinct sentences
        questions = [g.question for g in load_gold(GOLD)]
        if UNSEEN.exists():
            questions += [g.question for g in load_gold(UNSEEN)]
        questions = questions[:n_queries]
        qv = p.encoder.encode(questions)
        return vecs[keep], [texts[i] for i in keep], questions, qv
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _hnsw_grid(vectors, queries, exact_ids, progress: Progress) -> list[dict[str, Any]]:
    """Build time and recall/latency of a few HNSW parameter choices at one size."""
    import faiss

    out = []
    for m, efc in HNSW_GRID:
        progress(f"HNSW grid: M={m}, efConstruction={efc}")
        index = faiss.IndexHNSWFlat(vectors.shape[1], m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = efc
        t = time.perf_counter()
        index.add(vectors)
        build = time.perf_counter() - t
        for ef in (64, 128, 256, 512):
            index.hnsw.efSearch = ef
            times, ids = _search_times(index, queries, 10)
            out.append({"n": len(vectors), "M": m, "efConstruction": efc, "efSearch": ef, "build_s": round(build, 3),
                        "search_p50_ms": round(percentile(times, 50), 4),
                        "recall@10": recall_at_10(ids, exact_ids, vectors, queries)})
        del index
    return out


def scale_report(m: dict[str, Any]) -> dict[str, Any]:
    rows = {r["n"]: r for r in m["rows"]}
    big = rows.get(max(rows)) if rows else None
    targets = {}
    if big and "hnsw" in big:
        h = big["hnsw"]
        recall = (h.get("recall@10") or {}).get("strict")
        recall_ret = h["as_retriever"]["recall@10"].get("strict")
        p50 = (h.get("search_ms") or {}).get("p50")
        p50_ret = h["as_retriever"]["search_ms"]["p50"]
        label = f"{big['n']:,} passages"
        targets = {
            "hnsw_recall@10": {"value": recall, "target": f">= {TARGETS['hnsw_recall_1m']}",
                               "verdict": verdict(recall, TARGETS["hnsw_recall_1m"], higher_is_better=True),
                               "detail": f"{label}, k=10, efSearch={m['hnsw_params']['efSearch']}"},
            "hnsw_recall@10_as_retriever": {"value": recall_ret, "target": f">= {TARGETS['hnsw_recall_1m']}",
                                            "verdict": verdict(recall_ret, TARGETS["hnsw_recall_1m"], higher_is_better=True),
                                            "detail": f"{label}, k={m['retriever_k']} as Retriever.dense_scores asks"},
            "hnsw_search_p50_ms": {"value": p50, "target": f"<= {TARGETS['hnsw_p50_ms_1m']} ms",
                                   "verdict": verdict(p50, TARGETS["hnsw_p50_ms_1m"]), "detail": f"{label}, k=10"},
            "hnsw_search_p50_ms_as_retriever": {"value": p50_ret, "target": f"<= {TARGETS['hnsw_p50_ms_1m']} ms",
                                                "verdict": verdict(p50_ret, TARGETS["hnsw_p50_ms_1m"]),
                                                "detail": f"{label}, k={m['retriever_k']}"},
        }
    return {"kind": "bench-scale", "targets": targets, "estimates": scale_estimates(m), **m}


#: Sentences per passage in the seed index (308 / 80): the sentence vectors a real index of n passages holds.
SENTENCES_PER_PASSAGE = 3.85


def scale_estimates(m: dict[str, Any]) -> list[dict[str, Any]]:
    """What was not measured at the largest sizes, extrapolated linearly from the largest measured size,
    and what loading a real index of that size would cost (its files are all hashed at every load)."""
    rows = m.get("rows") or []
    out = []
    lex = [r for r in rows if "build_s" in r.get("lexical", {})]
    stores = [r for r in rows if "sha256_s" in r.get("store", {}) and r["store"]["sha256_s"]]
    for r in rows:
        n = r["n"]
        e: dict[str, Any] = {"n": n}
        if "build_s" not in r.get("lexical", {}) and lex:
            b = lex[-1]
            f = n / b["n"]
            e["bm25_extrapolated"] = {"from_n": b["n"], "build_s": round(b["lexical"]["build_s"] * f, 1),
                                      "query_p50_ms": round(b["lexical"]["search_ms"]["p50"] * f, 2),
                                      "arrays_mb": round(b["lexical"]["arrays_mb"] * f, 1)}
        if stores:
            st = stores[-1]["store"]
            hash_mb_s = st["jsonl_mb"] / st["sha256_s"]
            jsonl_mb = r.get("store", {}).get("jsonl_mb") or st["jsonl_mb"] * n / stores[-1]["n"]
            parse_s = r.get("store", {}).get("load_s") or st["load_s"] * n / stores[-1]["n"]
            vec_mb = n * 384 * 4 / 2**20
            files_mb = vec_mb * (1 + SENTENCES_PER_PASSAGE) + (r.get("hnsw", {}).get("memory_mb") or vec_mb) + jsonl_mb
            e["index_load"] = {"files_mb": round(files_mb), "sha256_s": round(files_mb / hash_mb_s, 1),
                               "chunks_parse_s": round(parse_s, 1), "hash_mb_per_s": round(hash_mb_s)}
        out.append(e)
    return out


# -- reports -----------------------------------------------------------------------------------------------------
def _f(v: Any, unit: str = "") -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.3g}{unit}" if abs(v) < 100 else f"{v:,.0f}{unit}"
    if isinstance(v, int):
        return f"{v:,}{unit}"
    return f"{v}{unit}"


def _targets_md(targets: dict[str, Any]) -> list[str]:
    lines = ["| target | measured | limit | verdict | how |", "|---|---|---|---|---|"]
    for name, t in targets.items():
        lines.append(f"| {name} | {_f(t['value'])} | {t['target']} | **{t['verdict']}** | {t['detail']} |")
    return lines


def seeds_markdown(r: dict[str, Any]) -> str:
    L: list[str] = ["# Benchmark: seeds", ""]
    mach = r["machine"]
    L += [f"{mach.get('cpus')} CPUs ({mach.get('cpu', '?')}), {mach.get('memtotal_gb')} GB; load average "
          f"{mach.get('load_average')} at start, {r.get('load_average_after')} at the end "
          "(the machine is shared: a load above the CPU count inflates every wall time).", ""]
    L += ["## Targets", "", *_targets_md(r["targets"]), ""]
    fl, w = r["floor"], r["warm"]
    L += ["## Floor and warm latency (ms)", "",
          f"Floor: bare `encode([question])` with the pipeline's encoder ({fl['encoder']}), "
          f"{fl['n']} samples ({w['questions']} gold questions × {w['rounds']} rounds), each timed just before "
          "the warm `ask` of the same question, in a process that never imports torch (as `rag serve`).", "",
          "| | p50 | p95 | mean |", "|---|---|---|---|",
          f"| floor (encode only) | {_f(fl['p50'])} | {_f(fl['p95'])} | {_f(fl['mean'])} |",
          f"| warm `Pipeline.ask` | {_f(w['total']['p50'])} | {_f(w['total']['p95'])} | {_f(w['total']['mean'])} |",
          f"| ratio (p50) | {_f(r['warm_ratio'])} | | |", "",
          "Where warm time goes (p50 and mean per question; shares of the mean total):", "",
          "| part | p50 | mean | share |", "|---|---|---|---|"]
    for k, v in w["breakdown"].items():
        L.append(f"| {k} | {_f(v['p50'])} | {_f(v['mean'])} | {_f(v['share'])} |")
    L += ["", "`per_authority`: the extra per-authority searches of comparative questions; `retrieve_other`: "
          "question shape and evidence selection; `other`: question cleaning.", ""]
    L += ["## Query encoder options", "", "| option | load (s) | encode p50 (ms) | encode p95 (ms) | warm ask p50 (ms) |",
          "|---|---|---|---|---|"]
    for name, o in r["encoder_options"].items():
        L.append(f"| {name} | {_f(o.get('load_s'))} | {_f(o['floor']['p50'])} | {_f(o['floor']['p95'])} | {_f(o.get('warm_p50'))} |")
    L += ["", f"sentence-transformers import + model load in the bench process: {_f(r['sentence_transformers_load_s'])} s.", ""]
    b = r["build"]
    L += ["## Index build (s)", "", "| | seconds | ratio to bare encoding |", "|---|---|---|",
          f"| bare encoding of the {b['texts']} distinct texts (mean of 2) | {_f(b['bare_encoding_s'])} | 1 |",
          f"| fresh build (incl. ONNX export) | {_f(b['fresh_s'])} | {_f(b['fresh_ratio'])} |",
          f"| … of which one-off ONNX export + check | {_f(b['fresh_export_s'])} | |",
          f"| fresh build without the export | {_f(b['fresh_without_export_s'])} | {_f(b['fresh_without_export_ratio'])} |",
          f"| rebuild (`--rebuild`; ONNX graph linked) | {_f(b['rebuild_s'])} | {_f(b['rebuild_ratio'])} |", ""]
    if b.get("query_encoder"):
        q = b["query_encoder"]
        L += [f"ONNX query encoder: {q.get('exporter')}, max cosine distance to sentence-transformers "
              f"{q.get('max_cosine_distance'):.2e} over {q.get('verified_texts')} texts.", ""]
    c = r["cold_start"]
    L += ["## Cold start: a fresh `rag ask` process", ""]
    L += ["| | wall p50 (s) | wall min | CPU p50 (s) | first run (s) |", "|---|---|---|---|---|",
          f"| interpreter only (`python -c pass`) | {_f(c['interpreter']['wall_s']['p50'])} | {_f(c['interpreter']['wall_s']['min'])} | | |"]
    for mode in ("onnx", "torch"):
        x = c.get(mode)
        if not x:
            continue
        if "error" in x:
            L.append(f"| rag ask ({mode}) | error: {x['error']} | | | |")
            continue
        label = "rag ask (ONNX query encoder)" if mode == "onnx" else "rag ask (sentence-transformers, `RAG_QUERY_ENCODER=torch`)"
        L.append(f"| {label} | {_f(x['wall_s']['p50'])} | {_f(x['wall_s']['min'])} | {_f(x['cpu_s']['p50'])} | {_f(x['first_run_s'])} |")
    L += ["", "Phases, timed inside one fresh process (ms; the `index:`/`seeds:`/`pipeline` rows are parts of "
          "`Pipeline.load`, `encoder: sha256` is part of the encoder load):", ""]
    po, pt = c.get("phases_onnx", {}), c.get("phases_torch", {})
    names = list(dict.fromkeys([*po.get("laps_ms", {}), *pt.get("laps_ms", {})]))
    inner = list(dict.fromkeys([*po.get("inner_ms", {}), *pt.get("inner_ms", {})]))
    L += ["| phase | ONNX | sentence-transformers |", "|---|---|---|"]
    for n in names:
        L.append(f"| {n} | {_f(po.get('laps_ms', {}).get(n))} | {_f(pt.get('laps_ms', {}).get(n))} |")
    for n in inner:
        L.append(f"| &nbsp;&nbsp;{n} | {_f(po.get('inner_ms', {}).get(n))} | {_f(pt.get('inner_ms', {}).get(n))} |")
    L.append(f"| in-process total | {_f(po.get('in_process_ms'))} | {_f(pt.get('in_process_ms'))} |")
    L.append(f"| whole process (wall, s) | {_f(po.get('process_wall_s'))} | {_f(pt.get('process_wall_s'))} |")
    if po.get("imported"):
        heavy = [m for m, v in po["imported"].items() if v]
        L += ["", f"Modules loaded by the ONNX path: {', '.join(heavy) or 'none of the heavy ones'} "
              f"(checked: {', '.join(po['imported'])})."]
    L += ["", "## Memory (MB)", "", "| process | RSS | peak RSS | notes |", "|---|---|---|---|"]
    mem = r["memory"]
    for key, label in (("pipeline_onnx", "loaded pipeline + one answer (ONNX)"),
                       ("pipeline_torch", "loaded pipeline + one answer (sentence-transformers)")):
        if key in mem:
            L.append(f"| {label} | {_f(mem[key].get('vmrss_mb'))} | {_f(mem[key].get('vmhwm_mb'))} | |")
    for key, label in (("serve_onnx", "`rag serve` (ONNX)"), ("serve_torch", "`rag serve` (sentence-transformers)")):
        s = mem.get(key)
        if not s:
            continue
        if "error" in s:
            L.append(f"| {label} | error | | {s['error']} |")
            continue
        after = s.get("after_question") or s.get("after_start") or {}
        L.append(f"| {label} | {_f(after.get('vmrss_mb'))} | {_f(after.get('vmhwm_mb'))} | ready in {_f(s.get('ready_s'))} s; "
                 f"RSS {_f(s['after_start'].get('vmrss_mb'))} after start"
                 + (f", after one question via the API ({_f(s.get('first_question_s'))} s)" if s.get("after_question") else "")
                 + " |")
    L += ["", f"Benchmark took {r.get('seconds')} s.", ""]
    return "\n".join(L)


def scale_markdown(r: dict[str, Any]) -> str:
    L = ["# Benchmark: scale", "", r["method"], ""]
    mach = r["machine"]
    L += [f"{mach.get('cpus')} CPUs, {mach.get('memtotal_gb')} GB; load average {mach.get('load_average')} at start, "
          f"{r.get('load_average_after')} at the end. {r['queries']} queries. Peak RSS of the run: {_f(r.get('peak_rss_mb'))} MB; "
          f"took {r.get('seconds')} s.", ""]
    hp = r["hnsw_params"]
    L += [f"HNSW as `rag index` builds it: M={hp['M']}, efConstruction={hp['efConstruction']}, efSearch={hp['efSearch']}; "
          f"`rag index` uses it above Settings.flat_index_max = {r['flat_index_max']:,} passages. "
          f"Retriever.dense_scores asks FAISS for k={r['retriever_k']} candidates; measured: with faiss 1.15 a larger k does not "
          "raise the effective ef, so recall depends on efSearch alone.", ""]
    if r["targets"]:
        L += ["## Targets", "", *_targets_md(r["targets"]), ""]
    L += ["## Dense search (one query at a time, ms)", "",
          "| passages | vectors MB | flat build s | flat p50 | flat p95 | numpy exact path p50 | HNSW build s | HNSW MB | HNSW p50 (k=10) | recall@10 strict / tie-aware | HNSW p50 (k=%d) | recall@10 (k=%d) |" % (r["retriever_k"], r["retriever_k"]),
          "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in r["rows"]:
        h = row["hnsw"]
        rec = h.get("recall@10") or {}
        ar = h["as_retriever"]
        L.append(f"| {row['n']:,} | {_f(row['vectors_mb'])} | {_f(row['flat']['build_s'])} | {_f(row['flat']['search_ms']['p50'])} | "
                 f"{_f(row['flat']['search_ms']['p95'])} | {_f(row.get('numpy_exact', {}).get('search_ms', {}).get('p50'))} | "
                 f"{_f(h['build_s'])} | {_f(h['memory_mb'])} | {_f((h.get('search_ms') or {}).get('p50'))} | "
                 f"{_f(rec.get('strict'))} / {_f(rec.get('tie_aware'))} | {_f(ar['search_ms']['p50'])} | "
                 f"{_f(ar['recall@10'].get('strict'))} / {_f(ar['recall@10'].get('tie_aware'))} |")
    L += ["", "HNSW efSearch sweep (k=10): p50 ms, strict recall@10", "",
          "| passages | " + " | ".join(f"ef={ef}" for ef in EF_SWEEP) + " |", "|---|" + "---|" * len(EF_SWEEP)]
    for row in r["rows"]:
        sw = row["hnsw"]["efSearch_sweep_k10"]
        L.append(f"| {row['n']:,} | " + " | ".join(
            f"{_f(sw[k]['search_ms']['p50'])} / {_f(sw[k]['recall@10']['strict'])}" for k in sw) + " |")
    if r.get("hnsw_grid"):
        L += ["", f"HNSW parameter grid at {r['hnsw_grid'][0]['n']:,} passages:", "",
              "| M | efConstruction | build s | efSearch | p50 ms | recall@10 strict / tie-aware |", "|---|---|---|---|---|---|"]
        for g in r["hnsw_grid"]:
            L.append(f"| {g['M']} | {g['efConstruction']} | {_f(g['build_s'])} | {g['efSearch']} | {_f(g['search_p50_ms'])} | "
                     f"{_f(g['recall@10']['strict'])} / {_f(g['recall@10'].get('tie_aware'))} |")
    L += ["", "## Lexical search, fusion, the Retriever and the chunk store", "",
          "| passages | BM25 build s | BM25 MB | BM25 query p50 ms | fusion+top-k p50 ms | Retriever init s (RSS MB) | Retriever hybrid p50 ms | dense path | hybrid p50 with FAISS path forced | chunks.jsonl MB | load s | sha256 s |",
          "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in r["rows"]:
        lx, st, rt = row.get("lexical", {}), row.get("store", {}), row.get("retriever", {})
        L.append(f"| {row['n']:,} | {_f(lx.get('build_s')) if 'build_s' in lx else lx.get('skipped', '–')} | {_f(lx.get('arrays_mb'))} | "
                 f"{_f(lx.get('search_ms', {}).get('p50'))} | {_f(row['fusion_topk_ms']['p50'])} | "
                 f"{_f(rt.get('init_s'))} ({_f(rt.get('init_rss_mb'))}) | {_f(rt.get('search_ms', {}).get('p50'))} | {rt.get('dense_path', '–')} | "
                 f"{_f(_dig(rt, ('faiss_path', 'search_ms', 'p50')))} | "
                 f"{_f(st.get('jsonl_mb')) if 'jsonl_mb' in st else st.get('skipped', '–')} | {_f(st.get('load_s'))} | {_f(st.get('sha256_s'))} |")
    est = r.get("estimates") or []
    if est:
        L += ["", "## Estimates (not measured: linear extrapolation from the largest measured size)", "",
              "Loading an index checks the sha256 of every file and parses chunks.jsonl, so a cold start grows with "
              f"the corpus. Index files: passage and sentence vectors ({SENTENCES_PER_PASSAGE} sentences per passage, as "
              "in the seeds), the FAISS index and chunks.jsonl.", "",
              "| passages | BM25 build s | BM25 query p50 ms | BM25 MB | index files MB | sha256 of them at load, s | chunks.jsonl parse s |",
              "|---|---|---|---|---|---|---|"]
        for e in est:
            bm, il = e.get("bm25_extrapolated") or {}, e.get("index_load") or {}
            L.append(f"| {e['n']:,} | {_f(bm.get('build_s'))} | {_f(bm.get('query_p50_ms'))} | {_f(bm.get('arrays_mb'))} | "
                     f"{_f(il.get('files_mb'))} | {_f(il.get('sha256_s'))} | {_f(il.get('chunks_parse_s'))} |")
    L.append("")
    return "\n".join(L)


def plot_scale(r: dict[str, Any], paths: list[Path]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = r["rows"]
    ns = [row["n"] for row in rows]
    fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(15, 4.6))

    def series(ax, label, values, **kw):
        pts = [(n, v) for n, v in zip(ns, values) if v is not None]
        if pts:
            ax.plot(*zip(*pts), marker="o", label=label, **kw)

    g = lambda row, *keys: _dig(row, keys)  # noqa: E731
    series(ax1, "exact flat (FAISS)", [g(x, "flat", "search_ms", "p50") for x in rows])
    series(ax1, "exact numpy path (passage+sentence)", [g(x, "numpy_exact", "search_ms", "p50") for x in rows])
    series(ax1, "HNSW k=10", [g(x, "hnsw", "search_ms", "p50") for x in rows])
    series(ax1, f"HNSW k={r['retriever_k']} (as Retriever)", [g(x, "hnsw", "as_retriever", "search_ms", "p50") for x in rows])
    series(ax1, "BM25 query", [g(x, "lexical", "search_ms", "p50") for x in rows], linestyle="--")
    series(ax1, "fusion + top-k", [g(x, "fusion_topk_ms", "p50") for x in rows], linestyle=":")
    series(ax1, "Retriever hybrid search (as configured)", [g(x, "retriever", "search_ms", "p50") for x in rows], linestyle="-.")
    series(ax1, "Retriever hybrid search (FAISS path forced)", [g(x, "retriever", "faiss_path", "search_ms", "p50") for x in rows],
           linestyle="-.")
    ax1.set(xscale="log", yscale="log", xlabel="passages", ylabel="p50 ms per query", title="query latency")
    series(ax2, "vectors / flat index", [x["vectors_mb"] for x in rows])
    series(ax2, "HNSW index", [g(x, "hnsw", "memory_mb") for x in rows])
    series(ax2, "BM25 arrays", [g(x, "lexical", "arrays_mb") for x in rows], linestyle="--")
    series(ax2, "chunks.jsonl", [g(x, "store", "jsonl_mb") for x in rows], linestyle=":")
    series(ax2, "chunk objects (RSS)", [g(x, "store", "chunk_objects_rss_mb") for x in rows], linestyle=":")
    ax2.set(xscale="log", yscale="log", xlabel="passages", ylabel="MB", title="memory / size")
    series(ax3, "HNSW build", [g(x, "hnsw", "build_s") for x in rows])
    series(ax3, "flat build", [g(x, "flat", "build_s") for x in rows])
    series(ax3, "BM25 build", [g(x, "lexical", "build_s") for x in rows], linestyle="--")
    series(ax3, "chunks.jsonl load", [g(x, "store", "load_s") for x in rows], linestyle=":")
    series(ax3, "chunks.jsonl sha256", [g(x, "store", "sha256_s") for x in rows], linestyle=":")
    ax3.set(xscale="log", yscale="log", xlabel="passages", ylabel="seconds", title="build / load time")
    for ax in (ax1, ax2, ax3):
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.suptitle("rag at scale (synthetic corpora from recombined real embeddings)", fontsize=10)
    fig.tight_layout()
    for p in paths:
        Path(p).parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(p, dpi=100)
    plt.close(fig)


def _dig(d: Any, keys: tuple) -> Any:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def write_bench(report: dict[str, Any], out_dir: Path, name: str, extra_png: list[Path] | None = None) -> dict[str, str]:
    """Write ``bench-<name>.json`` and ``.md`` (and ``.png`` for the scale report); returns the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report["name"] = f"bench-{name}"
    paths = {"json": out_dir / f"bench-{name}.json", "md": out_dir / f"bench-{name}.md"}
    tmp = paths["json"].with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    tmp.replace(paths["json"])
    md = scale_markdown(report) if report.get("kind") == "bench-scale" else seeds_markdown(report)
    paths["md"].write_text(md, encoding="utf-8")
    if report.get("kind") == "bench-scale":
        paths["png"] = out_dir / f"bench-{name}.png"
        plot_scale(report, [paths["png"], *(extra_png or [])])
    return {k: str(v) for k, v in paths.items()}


def run_bench_command(settings: Settings, as_json: bool = False, scale: bool = False, out: Path = Path("eval/reports")) -> None:
    """``rag bench``: the seed benchmark (and the scale one with ``--scale``); writes and prints the reports."""
    progress: Progress = _quiet if as_json else (lambda msg: print(f"· {msg}", file=sys.stderr, flush=True))
    report = run_seed_bench(settings, progress=progress)
    paths = write_bench(report, out, "seeds")
    reports = {"seeds": report}
    if scale:
        scale_rep = run_scale_bench(settings, progress=progress)
        paths_scale = write_bench(scale_rep, out, "scale", extra_png=[DOCS_PNG])
        reports["scale"] = scale_rep
    if as_json:
        print(json.dumps(reports if scale else report, indent=1, ensure_ascii=False, default=str))
        return
    print(seeds_markdown(report))
    print(f"reports: {paths['json']}, {paths['md']}")
    if scale:
        print(scale_markdown(reports["scale"]))
        print(f"reports: {paths_scale['json']}, {paths_scale['md']}, {paths_scale['png']}, {DOCS_PNG}")
