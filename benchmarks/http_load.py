"""HTTP load on ``POST /api/ask``: requests per second and latency percentiles at N concurrent clients.

``run(url, clients, requests)`` drives a running ``rag serve`` on this machine (loopback addresses only)
with ``clients`` concurrent keep-alive connections sending ``requests`` questions in all, and reports
throughput, p50/p95/p99 latency and the status codes seen. ``serve_and_run`` starts ``rag serve
--api-only`` in a subprocess first (so client and server do not share a Python interpreter), and
``cpu_ceiling`` measures the in-process ceiling: cores / CPU time per question.

Command line: ``python -m benchmarks.http_load --url http://127.0.0.1:7860 --clients 16 --requests 400``,
or ``--serve --index-dir DIR --seeds DIR [--workers N --onnx-threads T]`` to start the server too.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GOLD = PROJECT_ROOT / "eval" / "gold.jsonl"
#: Hard caps, so that a typo cannot turn a benchmark into a flood.
MAX_CLIENTS = 256
MAX_REQUESTS = 20_000
REQUEST_TIMEOUT_S = 30.0
SERVER_START_TIMEOUT_S = 120.0
#: Used when there is no gold set to take questions from.
FALLBACK_QUESTIONS = (
    "Which councils have a Principal Occupational Therapist?",
    "How many complaints did Harrow record in 2022/23?",
    "What is the Making it Real Board?",
    "What score did Ealing get?",
    "How does the council learn from safeguarding adults reviews?",
)


def load_questions(question_file: str | Path | None = None) -> list[str]:
    """Questions from a JSONL file (``question`` field) or a plain text file (one a line); default: the gold set."""
    path = Path(question_file) if question_file else GOLD
    if not path.is_file():
        if question_file:
            raise FileNotFoundError(f"question file not found: {path}")
        return list(FALLBACK_QUESTIONS)
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            q = json.loads(line).get("question")
            if isinstance(q, str) and q.strip():
                questions.append(q)
        else:
            questions.append(line)
    if not questions:
        raise ValueError(f"no questions in {path}")
    return questions


def check_loopback(url: str) -> None:
    """Refuse to load anything but this machine."""
    host = urlsplit(url).hostname or ""
    if host != "localhost" and not host.startswith("127.") and host != "::1":
        raise ValueError(f"refusing to load {url}: only loopback addresses are benchmarked")


def percentile_ms(latencies: list[float], q: float) -> float | None:
    """The ``q``-th percentile of ``latencies`` (seconds) in milliseconds, or None without any."""
    return round(float(np.percentile(latencies, q)) * 1000, 1) if latencies else None


async def _load(url: str, clients: int, requests: int, questions: list[str]) -> dict[str, Any]:
    """Send ``requests`` questions over ``clients`` concurrent connections; gather timings and statuses."""
    import httpx

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    latencies: list[float] = []
    statuses: Counter = Counter()
    next_index = 0

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=REQUEST_TIMEOUT_S) as client:
        async def worker() -> None:
            """One client: take the next question until all are sent; time each answer."""
            nonlocal next_index
            while next_index < requests:
                i = next_index
                next_index += 1
                t = time.perf_counter()
                try:
                    r = await client.post("/api/ask", json={"question": questions[i % len(questions)]})
                    status = r.status_code
                except httpx.HTTPError as e:
                    status = type(e).__name__
                elapsed = time.perf_counter() - t
                statuses[status] += 1
                if status == 200:
                    latencies.append(elapsed)

        # one warm-up request per connection, not timed
        await asyncio.gather(*(client.post("/api/ask", json={"question": questions[0]}) for _ in range(clients)))
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        seconds = time.perf_counter() - started
    ok = statuses.get(200, 0)
    return {"seconds": round(seconds, 3), "ok": ok, "statuses": {str(k): v for k, v in sorted(statuses.items(), key=str)},
            "rps": round(ok / seconds, 1) if seconds else None,
            "p50_ms": percentile_ms(latencies, 50), "p95_ms": percentile_ms(latencies, 95),
            "p99_ms": percentile_ms(latencies, 99), "max_ms": round(max(latencies) * 1000, 1) if latencies else None}


def run(url: str, clients: int, requests: int, question_file=None) -> dict:
    """Load ``url``'s ``/api/ask`` with ``clients`` concurrent clients and ``requests`` requests in all."""
    check_loopback(url)
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValueError(f"clients must be from 1 to {MAX_CLIENTS}")
    if not 1 <= requests <= MAX_REQUESTS:
        raise ValueError(f"requests must be from 1 to {MAX_REQUESTS}")
    questions = load_questions(question_file)
    cpu = time.process_time()
    result = asyncio.run(_load(url.rstrip("/"), clients, requests, questions))
    client_cpu_ms = (time.process_time() - cpu) * 1000 / (requests + clients)
    return {"url": url, "clients": clients, "requests": requests, "questions": len(questions), **result,
            "client_cpu_ms_per_request": round(client_cpu_ms, 2)}


def cpu_ceiling(settings, questions: list[str], cores: int | None = None, onnx_threads: int = 1) -> dict[str, Any]:
    """The in-process ceiling: cores / CPU seconds per question, measured one question at a time."""
    from rag.indexer import load_current
    from rag.pipeline import Pipeline
    from rag.query_encoder import load_query_encoder

    data = load_current(settings)
    pipeline = Pipeline(data, settings, load_query_encoder(data, threads=onnx_threads))
    for q in questions[:5]:
        pipeline.ask(q)
    cores = cores or os.cpu_count() or 1
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for q in questions:
        pipeline.ask(q)
    cpu = (time.process_time() - cpu0) / len(questions)
    wall = (time.perf_counter() - wall0) / len(questions)
    return {"questions": len(questions), "cpu_ms_per_question": round(cpu * 1000, 2),
            "wall_ms_per_question": round(wall * 1000, 2), "cores": cores, "ceiling_rps": round(cores / cpu, 1)}


def _free_port() -> int:
    """A loopback TCP port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_health(url: str, proc: subprocess.Popen) -> None:
    """Wait until the server answers /api/health (or fail when it exits or takes too long)."""
    import httpx

    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"rag serve exited with code {proc.returncode}")
        try:
            if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"rag serve did not answer within {SERVER_START_TIMEOUT_S:.0f} s")


def serve_and_run(index_dir: Path, seeds: Path, clients: int = 16, requests: int = 400, workers: int | None = None,
                  onnx_threads: int = 1, question_file=None, batch_lanes: int | None = None) -> dict[str, Any]:
    """Start ``rag serve --api-only`` on a free loopback port, load it, and stop it."""
    import psutil

    port = _free_port()
    cmd = [sys.executable, "-m", "rag.cli", "serve", "--api-only", "--port", str(port), "--index-dir", str(index_dir),
           "--seeds", str(seeds), "--onnx-threads", str(onnx_threads), "--queue", str(max(32, clients * 2))]
    if batch_lanes is not None:
        cmd += ["--batch-lanes", str(batch_lanes)]
    if workers:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(url, proc)
        server = psutil.Process(proc.pid)
        before = sum(server.cpu_times()[:2])
        result = run(url, clients, requests, question_file)
        server_cpu_ms = (sum(server.cpu_times()[:2]) - before) * 1000 / (requests + clients)
        result["server_cpu_ms_per_request"] = round(server_cpu_ms, 2)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    cores = os.cpu_count() or 1
    return {**result, "workers": workers or 4 * cores, "onnx_threads": onnx_threads,
            "batch_lanes": cores if batch_lanes is None else batch_lanes}


def markdown(results: list[dict[str, Any]], ceiling: dict[str, Any] | None = None) -> str:
    """A table of load results (and the in-process ceiling)."""
    header = ("| workers | ONNX threads | batch lanes | clients | requests | req/s | p50 ms | p95 ms | p99 ms "
              "| server CPU ms/req | client CPU ms/req | non-200 |")
    lines = [header,
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        bad = {k: v for k, v in r["statuses"].items() if k != "200"}
        lines.append(f"| {r.get('workers', '')} | {r.get('onnx_threads', '')} | {r.get('batch_lanes', '')} | {r['clients']} | {r['requests']} | "
                     f"{r['rps']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r.get('server_cpu_ms_per_request', '')} | "
                     f"{r['client_cpu_ms_per_request']} | {bad or 'none'} |")
    if ceiling:
        lines.append("")
        lines.append(f"In-process ceiling: {ceiling['cores']} cores / {ceiling['cpu_ms_per_question']} ms CPU per "
                     f"question = {ceiling['ceiling_rps']} questions/s.")
    return "\n".join(lines)


def suite_run(ctx) -> dict[str, Any]:
    """For the benchmarks runner: 16 clients against ``rag serve --api-only`` on the run's index, plus the
    in-process ceiling (``ctx`` needs ``settings`` with documents_dir and index_dir, and ``gold``)."""
    questions = getattr(ctx, "gold", None)
    result = serve_and_run(ctx.settings.index_dir, ctx.settings.documents_dir, clients=16, requests=400,
                           question_file=questions)
    ceiling = cpu_ceiling(ctx.settings, load_questions(questions)[:100])
    return {"results": [result], "ceiling": ceiling}


def suite_markdown(result: dict[str, Any]) -> str:
    """For the benchmarks runner: the result of :func:`suite_run` as Markdown."""
    return "## HTTP load (POST /api/ask)\n\n" + markdown(result["results"], result.get("ceiling"))


def main(argv: list[str] | None = None) -> None:
    """Command line: load a running server, or start one and load it (with a worker/thread matrix)."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.http_load", description=__doc__.splitlines()[0])
    p.add_argument("--url", help="a running server (loopback only)")
    p.add_argument("--serve", action="store_true", help="start `rag serve --api-only` for each configuration")
    p.add_argument("--index-dir", type=Path, default=PROJECT_ROOT / "index")
    p.add_argument("--seeds", type=Path, default=PROJECT_ROOT / "seeds")
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--requests", type=int, default=400)
    p.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[0],
                   help="comma-separated pool sizes to try (0: the server's default, four per core)")
    p.add_argument("--onnx-threads", type=lambda s: [int(x) for x in s.split(",")], default=[1])
    p.add_argument("--batch-lanes", type=lambda s: [int(x) for x in s.split(",")], default=[None],
                   help="comma-separated batching lanes to try (0: no batching; default: the server's, one per core)")
    p.add_argument("--questions", help="JSONL (question field) or text file of questions")
    p.add_argument("--ceiling", action="store_true", help="also measure the in-process CPU ceiling")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    results = []
    if args.url:
        results.append(run(args.url, args.clients, args.requests, args.questions))
    elif args.serve:
        for w in args.workers:
            for t in args.onnx_threads:
                for lanes in args.batch_lanes:
                    results.append(serve_and_run(args.index_dir, args.seeds, args.clients, args.requests, w or None, t,
                                                 args.questions, lanes))
    else:
        p.error("give --url or --serve")
    ceiling = None
    if args.ceiling:
        from rag.config import Settings

        settings = Settings(documents_dir=args.seeds, index_dir=args.index_dir)
        ceiling = cpu_ceiling(settings, load_questions(args.questions)[:100])
    print(json.dumps({"results": results, "ceiling": ceiling}, indent=2) if args.json else markdown(results, ceiling))


if __name__ == "__main__":
    main()
