"""Memory: resident memory (psutil) of a loaded pipeline that has answered once, and of ``rag serve``.

The pipeline is loaded in a fresh process; ``rag serve`` is started as a subprocess, sampled while it
starts, measured once it answers HTTP and again after one question through its ``/ask`` API.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from typing import Any

from rag.config import Settings

from .common import (
    Benchmark,
    Context,
    child_env,
    in_fresh_process,
    peak_rss_mb,
    rag_command,
    rss_mb,
    set_query_encoder,
    tree_rss_mb,
)
from .report import table

MODES = {"onnx": "auto", "torch": "torch"}
#: Seconds to wait for ``rag serve`` to answer HTTP, and between memory samples meanwhile.
SERVE_TIMEOUT_S = 240
POLL_S = 0.3


def pipeline_memory(settings: Settings, question: str, mode: str) -> dict[str, Any]:
    """RSS and peak RSS (MB) of this process after loading the pipeline and answering once; meant to run in
    a fresh process."""
    set_query_encoder(mode)
    from rag.pipeline import Pipeline

    pipeline = Pipeline.load(settings=settings)
    pipeline.ask(question)
    return {"encoder": type(pipeline.encoder).__name__, "rss_mb": rss_mb(), "peak_rss_mb": peak_rss_mb()}


def free_port() -> int:
    """A TCP port on the loopback interface that is free now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers_http(url: str) -> bool:
    """Whether ``url`` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_ready(proc: subprocess.Popen, url: str) -> tuple[float | None, float, str | None]:
    """(seconds until ``url`` answers or None, highest RSS sampled meanwhile, error or None)."""
    t0, highest = time.perf_counter(), 0.0
    while time.perf_counter() - t0 < SERVE_TIMEOUT_S:
        if proc.poll() is not None:
            return None, highest, f"rag serve exited with code {proc.returncode}"
        highest = max(highest, tree_rss_mb(proc.pid))
        if answers_http(url):
            return time.perf_counter() - t0, highest, None
        time.sleep(POLL_S)
    return None, highest, f"rag serve did not answer within {SERVE_TIMEOUT_S} s"


def ask_once(url: str, question: str) -> float:
    """Seconds for one question through the UI's ``/ask`` API (gradio_client, a development dependency)."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    t = time.perf_counter()
    client.predict(question, api_name="/ask")
    return time.perf_counter() - t


def stop(proc: subprocess.Popen) -> None:
    """Stop a server as Ctrl-C would, killing it if it does not exit."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def serve_memory(settings: Settings, question: str, mode: str) -> dict[str, Any]:
    """RSS (MB, process and children) of ``rag serve`` once it answers HTTP and after one question."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    cmd = [*rag_command(), "serve", "--port", str(port), "--index-dir", str(settings.index_dir),
           "--seeds", str(settings.documents_dir)]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=child_env(RAG_QUERY_ENCODER=mode))
        try:
            ready_s, highest, error = wait_until_ready(proc, url)
            if error:
                return {"error": error}
            out: dict[str, Any] = {"ready_s": round(ready_s, 3), "after_start_mb": tree_rss_mb(proc.pid)}
            try:
                out["first_question_s"] = round(ask_once(url, question), 3)
                out["after_question_mb"] = tree_rss_mb(proc.pid)
            except Exception as e:  # the API or the client failed: keep the start figures
                out["question_error"] = f"{type(e).__name__}: {str(e)[:120]}"
            out["highest_sampled_mb"] = max(highest, out["after_start_mb"], out.get("after_question_mb", 0.0))
            return out
        finally:
            stop(proc)


def run(ctx: Context) -> dict[str, Any]:
    """Pipeline and server memory with the ONNX encoder (and with sentence-transformers)."""
    from .latency import question_texts

    question = question_texts(ctx.settings, ctx.gold, 1)[0]
    out: dict[str, Any] = {}
    for name, mode in MODES.items():
        if name == "torch" and not ctx.torch:
            continue
        ctx.progress(f"memory: loaded pipeline ({name})")
        out[f"pipeline_{name}"] = in_fresh_process(pipeline_memory, ctx.settings, question, mode)
        if ctx.serve:
            ctx.progress(f"memory: rag serve ({name})")
            out[f"serve_{name}"] = serve_memory(ctx.settings, question, mode)
    return out


def _serve_row(label: str, s: dict[str, Any]) -> tuple:
    """One table row for a ``rag serve`` measurement."""
    if "error" in s:
        return (label, None, None, f"error: {s['error']}")
    after = s.get("after_question_mb") or s["after_start_mb"]
    notes = f"ready in {s['ready_s']} s; RSS {s['after_start_mb']} after start"
    if "after_question_mb" in s:
        notes += f", then one question via the API ({s['first_question_s']} s)"
    elif "question_error" in s:
        notes += f"; the question failed ({s['question_error']})"
    return (label, after, s.get("highest_sampled_mb"), notes)


def markdown(r: dict[str, Any]) -> str:
    """The memory section of the report."""
    rows = []
    for name in MODES:
        p = r.get(f"pipeline_{name}")
        if p:
            label = f"loaded pipeline + one answer ({name}: {p['encoder']})"
            rows.append((label, p["rss_mb"], p["peak_rss_mb"], "fresh process"))
        s = r.get(f"serve_{name}")
        if s:
            rows.append(_serve_row(f"`rag serve` ({name})", s))
    return "\n".join(["## Memory (MB)", "", table(("process", "RSS", "peak RSS", "notes"), rows), "",
                      "Peak RSS: the process's own peak for the pipeline; the highest sample (every "
                      f"{POLL_S} s while starting, then after start and after the question) for `rag serve`."])


BENCHMARK = Benchmark("memory", run, markdown)
