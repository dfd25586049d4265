"""Load: ``rag serve`` in a subprocess, driven by concurrent gradio_client clients over loopback.

Every request must succeed (or, for an empty question, fail as one clean line), every answer must
be well-formed per FORMATS.md (markers <-> citations, ``document[start:end] == text``), equal to the
answer the same server gives when asked alone, and the server's memory must not keep growing.

The small run (4 clients x 5 questions) runs by default; the full run (16 x 50) is ``-m slow``.
Throughput and p50/p95 latency are printed and written to ``test-artifacts/load.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from rag.config import PROJECT_ROOT
from rag.stats import percentile
from tests.helpers import RagServer, answer_problems, new_client, rss_mb

# gradio_client sends a telemetry ping on Client() unless told not to: all traffic stays on loopback.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

pytestmark = [pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")]

REQUEST_TIMEOUT = 60.0  # s: hard bound on any one request
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
LOAD_REPORT = ARTIFACTS / "load.json"

#: Server memory may grow by at most this much between the end of the warm-up and the end of the run.
#: The server sits at ~0.5 GB (model, index, gradio); allocator high-water marks and gradio's per-session
#: bookkeeping move RSS by a few tens of MB at most, while a leak of even 100 KB per request (e.g. keeping
#: the 100 KB questions or the answers) adds ~80 MB over the full run's 800 requests.
RSS_GROWTH_LIMIT_MB = 64.0
RSS_GROWTH_LIMIT_FRACTION = 0.15

EMPTY_ERROR = "question is empty"
LEAK_MARKERS = ("Traceback", "site-packages", 'File "', str(PROJECT_ROOT))


@dataclass(frozen=True)
class Question:
    kind: str  # answerable, unanswerable, comparative, empty, huge, markup
    text: str


HUGE = ("What is Schwarz Rounds? " + "padding words about nothing in particular " * 2500)[:100_000]
MIX: tuple[Question, ...] = (
    Question("answerable", "Which councils have a Principal Occupational Therapist?"),
    Question("unanswerable", "What is the capital of France?"),
    Question("comparative", "Compare the LGSCO uphold rates reported for Hounslow and Ealing."),
    Question("empty", ""),
    Question("huge", HUGE),
    Question("markup", "<script>alert(1)</script> What is Schwarz Rounds?"),
    Question("answerable", "How many complaints did Harrow record in 2022/23?"),
    Question("unanswerable", "How many hospital beds does the moon have?"),
    Question("comparative", "Which councils work with local universities?"),
    Question("empty", "   \n\t "),
    Question("markup", "<img src=x onerror=alert(document.cookie)> {{7*7}} ${7*7} '; DROP TABLE reports; --"),
    Question("answerable", "What score did Ealing get?"),
)
assert len(HUGE) == 100_000


# -- the server process -------------------------------------------------------------------------

def read_documents(seeds_dir: Path) -> dict[str, str]:
    """The documents as the indexer reads them (UTF-8 bytes, newlines untouched)."""
    return {p.name: p.read_bytes().decode("utf-8") for p in seeds_dir.iterdir() if p.suffix == ".txt"}


def fingerprint(d: dict) -> tuple:
    """What must not change when the same question is asked again (scores and timings may)."""
    return (d["question"], d["answer"], d["abstained"], tuple(d.get("notices", ())),
            tuple((c["n"], c["doc"], c["start"], c["end"], tuple(map(tuple, c["highlights"]))) for c in d["citations"]),
            tuple((p["doc"], p["start"], p["end"]) for p in d["passages"]))


@dataclass
class Outcome:
    question: Question
    seconds: float
    result: dict | None = None
    error: str | None = None  # an expected clean error message, or what went wrong


@dataclass
class LoadRun:
    outcomes: list[Outcome] = field(default_factory=list)
    wall: float = 0.0
    failures: list[str] = field(default_factory=list)


def ask(client, q: Question) -> Outcome:
    """One request with a hard timeout; errors are kept, not raised."""
    from gradio_client.exceptions import AppError

    t0 = time.perf_counter()
    try:
        result = client.submit(q.text, api_name="/ask").result(timeout=REQUEST_TIMEOUT)
        return Outcome(q, time.perf_counter() - t0, result=result)
    except AppError as e:
        return Outcome(q, time.perf_counter() - t0, error=f"AppError: {e}")
    except FutureTimeout:
        return Outcome(q, time.perf_counter() - t0, error=f"timeout after {REQUEST_TIMEOUT:.0f} s")
    except Exception as e:  # noqa: BLE001 - every failure is reported by the test
        return Outcome(q, time.perf_counter() - t0, error=f"{type(e).__name__}: {e}")


def drive(url: str, clients: int, per_client: int, offset: int = 0) -> LoadRun:
    """``clients`` concurrent clients, each asking ``per_client`` questions of the mix in turn."""

    def worker(i: int, client, start: threading.Barrier) -> list[Outcome]:
        start.wait(timeout=REQUEST_TIMEOUT)
        return [ask(client, MIX[(offset + i * per_client + j) % len(MIX)]) for j in range(per_client)]

    run = LoadRun()
    connected = []
    try:
        with ThreadPoolExecutor(max_workers=clients) as pool:
            # connect every client first (each fetches the app config), so the timed part is only asking
            connecting = [pool.submit(new_client, url) for _ in range(clients)]
            for f in connecting:
                try:
                    connected.append(f.result(timeout=REQUEST_TIMEOUT))
                except Exception as e:  # noqa: BLE001
                    run.failures.append(f"client could not connect: {type(e).__name__}: {e}")
            if run.failures:
                return run
            start = threading.Barrier(clients + 1)
            futures = [pool.submit(worker, i, c, start) for i, c in enumerate(connected)]
            start.wait(timeout=REQUEST_TIMEOUT)
            t0 = time.perf_counter()
            budget = 30 + REQUEST_TIMEOUT * per_client  # a worker can never take longer than this
            for f in futures:
                try:
                    run.outcomes += f.result(timeout=budget)
                except Exception as e:  # noqa: BLE001
                    run.failures.append(f"client failed: {type(e).__name__}: {e}")
            run.wall = time.perf_counter() - t0
    finally:
        for c in connected:
            c.close()
    return run


def check_outcome(o: Outcome, docs: dict[str, str], reference: dict[str, tuple]) -> str | None:
    """None when the outcome is what that kind of question must give, else why not."""
    q = o.question
    label = f"{q.kind} {q.text[:60]!r}"
    if q.kind == "empty":
        if o.result is not None:
            return f"{label}: answered an empty question"
        if EMPTY_ERROR not in (o.error or "") or any(m in o.error for m in LEAK_MARKERS):
            return f"{label}: not a clean error: {o.error}"
        return None
    if o.error is not None:
        return f"{label}: {o.error}"
    problems = answer_problems(o.result, docs)
    if problems:
        return f"{label}: malformed answer: {problems}"
    if q.kind == "huge" and (len(o.result["question"]) > 1000
                             or not any("shortened" in n for n in o.result.get("notices", []))):
        return f"{label}: the 100 KB question was not shortened with a notice"
    if q.text in reference and fingerprint(o.result) != reference[q.text]:
        return f"{label}: answer differs from the one given to a lone client"
    return None


def write_report(profile: str, figures: dict) -> None:
    """Merge this run's figures into test-artifacts/load.json (one entry per profile)."""
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        data = json.loads(LOAD_REPORT.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data[profile] = figures
    tmp = LOAD_REPORT.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    tmp.replace(LOAD_REPORT)


# -- fixtures -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served_index(pipeline, settings, tmp_path_factory) -> Path:
    """A copy of the session's index (built by the ``pipeline`` fixture), so the server starts fast."""
    dest = tmp_path_factory.mktemp("load") / "index"
    shutil.copytree(settings.index_dir, dest)
    return dest


def run_load_test(profile: str, clients: int, per_client: int, index_dir: Path, seeds_dir: Path,
                  log_dir: Path) -> dict:
    docs = read_documents(seeds_dir)
    server = RagServer(index_dir, seeds_dir, log_dir)
    try:
        server.start()
        # 1. each distinct question alone: the reference answers (and the first warm-up)
        lone = new_client(server.url)
        try:
            alone = [ask(lone, q) for q in dict.fromkeys(MIX)]
        finally:
            lone.close()
        reference = {o.question.text: fingerprint(o.result) for o in alone if o.result is not None}
        failures = [f for o in alone if (f := check_outcome(o, docs, {}))]
        failures += [f"answerable question abstained: {o.question.text!r}" for o in alone
                     if o.question.kind == "answerable" and o.result and o.result["abstained"]]
        assert not failures, "\n".join(failures)

        # 2. warm-up at full concurrency (worker threads, allocator arenas), then the baseline RSS
        warm = drive(server.url, clients, len(MIX))
        rss_before = rss_mb(server.pid)

        # 3. the measured run
        run = drive(server.url, clients, per_client, offset=1)
        rss_after = rss_mb(server.pid)
        alive = server.alive()
    finally:
        server.stop()

    outcomes = warm.outcomes + run.outcomes
    failures = warm.failures + run.failures + [f for o in outcomes if (f := check_outcome(o, docs, reference))]
    latencies = [o.seconds * 1000 for o in run.outcomes]
    kinds = sorted({o.question.kind for o in run.outcomes})
    figures = {
        "clients": clients, "questions_per_client": per_client, "requests": len(run.outcomes),
        "errors": len(failures), "seconds": round(run.wall, 2),
        "throughput_rps": round(len(run.outcomes) / run.wall, 2) if run.wall else 0.0,
        "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "max_ms": round(max(latencies), 1) if latencies else None,
        "p50_ms_by_kind": {k: round(statistics.median(o.seconds * 1000 for o in run.outcomes
                                                      if o.question.kind == k), 1) for k in kinds},
        "warmup_requests": len(warm.outcomes),
        "rss_mb_after_warmup": round(rss_before, 1), "rss_mb_after_run": round(rss_after, 1),
        "rss_growth_mb": round(rss_after - rss_before, 1),
        "rss_growth_limit_mb": round(max(RSS_GROWTH_LIMIT_MB, RSS_GROWTH_LIMIT_FRACTION * rss_before), 1),
    }
    write_report(profile, figures)
    print(f"\nload {profile}: {clients} clients x {per_client} questions = {figures['requests']} requests in "
          f"{figures['seconds']} s: {figures['throughput_rps']} req/s, p50 {figures['p50_ms']} ms, "
          f"p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms; RSS {figures['rss_mb_after_warmup']} -> "
          f"{figures['rss_mb_after_run']} MB; errors {figures['errors']}")

    assert alive, f"the server died during the run:\n{server.tail()}"
    assert not failures, f"{len(failures)} bad outcomes, e.g.:\n" + "\n".join(failures[:20])
    assert len(run.outcomes) == clients * per_client
    assert "Traceback" not in server.stderr(), f"the server logged an exception:\n{server.tail()}"
    assert rss_after - rss_before <= figures["rss_growth_limit_mb"], (
        f"server RSS grew {rss_after - rss_before:.1f} MB over the run "
        f"({rss_before:.1f} -> {rss_after:.1f} MB; limit {figures['rss_growth_limit_mb']} MB)")
    return figures


@pytest.mark.timeout(240)
def test_load_small(served_index, settings, tmp_path):
    """The CI version: 4 clients x 5 questions (plus the warm-up), every kind of question included."""
    figures = run_load_test("small", 4, 5, served_index, settings.documents_dir, tmp_path)
    assert figures["requests"] == 20


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_load_full(served_index, settings, tmp_path):
    """16 clients x 50 questions each."""
    figures = run_load_test("full", 16, 50, served_index, settings.documents_dir, tmp_path)
    assert figures["requests"] == 800
