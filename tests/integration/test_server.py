"""``rag serve`` over real HTTP: the JSON API, its limits, the guard in front of the UI, build swaps."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
import uuid
from dataclasses import dataclass

import httpx
import pytest

from tests.helpers import free_port

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag.config import PROJECT_ROOT, Settings
from rag.limits import BoundedPool
from rag.server import (
    MAX_QUESTION,
    RunningServer,
    ServeOptions,
    build_server,
    create_app,
)
from rag.watch import LiveIndex, Snapshot

SEEDS = PROJECT_ROOT / "seeds"
POT_QUESTION = "Which councils have a Principal Occupational Therapist?"
NEW_SENTENCE = "The Quokka Listening Panel met monthly to review every complaint about home care visits."


def stub_ui(pipeline, settings):
    """A tiny UI with one public handler, one private handler, and per-session state."""
    import gradio as gr

    with gr.Blocks() as demo:
        box = gr.Textbox()
        out = gr.Textbox()
        kept = gr.State("")
        send = gr.Button()
        send.click(lambda text, _kept: (text[:10], text), [box, kept], [out, kept], api_name="echo")
        box.submit(lambda text: f"secret {text}", [box], [out], api_name="secret", api_visibility="private")
    demo.queue(max_size=64)
    return demo


@pytest.fixture(scope="module")
def encoder():
    from rag.embedding import load_encoder

    return load_encoder()


@pytest.fixture(scope="module")
def settings(tmp_path_factory, encoder) -> Settings:
    """A writable copy of the seeds with its index, both under tmp_path."""
    from rag.indexer import build_index

    root = tmp_path_factory.mktemp("serve")
    docs = root / "docs"
    shutil.copytree(SEEDS, docs)
    s = Settings(documents_dir=docs, index_dir=root / "index")
    build_index(s, encoder=encoder, progress=False)
    return s


@dataclass
class Served:
    url: str
    live: LiveIndex
    pool: BoundedPool
    blocks_holder: dict


@pytest.fixture(scope="module")
def served(settings):
    """The whole app (API + stub UI) on a free loopback port."""
    holder: dict = {}

    def ui(pipeline, s):
        holder["blocks"] = stub_ui(pipeline, s)
        return holder["blocks"]

    options = ServeOptions(port=free_port(), header_timeout_seconds=1.0, session_capacity=20, watch_interval=0.2)
    app, live, pool = build_server(settings, options, ui_builder=ui)
    server = RunningServer(app, options)
    yield Served(server.url, live, pool, holder)
    live.stop()
    server.stop()
    pool.shutdown()


@pytest.fixture()
def client(served):
    with httpx.Client(base_url=served.url, timeout=30) as c:
        yield c


# -- the API ---------------------------------------------------------------------------------------
def test_ask_returns_the_formats_answer(client, served):
    r = client.post("/api/ask", json={"question": POT_QUESTION, "k": 5})
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["question"] == POT_QUESTION and a["abstained"] is False
    assert {"answer", "citations", "passages", "timings_ms", "notices"} <= set(a)
    assert a["build"] == served.live.current.build_id
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", a["answer"])}
    assert markers and markers == {c["n"] for c in a["citations"]}
    first = a["citations"][0]
    assert {"doc", "authority", "section", "text", "start", "end", "score", "highlights"} <= set(first)
    text = (served.live.settings.documents_dir / first["doc"]).read_text(encoding="utf-8")
    assert text[first["start"]:first["end"]] == first["text"]
    assert len(a["passages"]) == 5


def test_ask_applies_filters_and_history(client):
    r = client.post("/api/ask", json={"question": "What do staff say about supervision?",
                                      "filters": {"councils": ["Harrow"]}, "k": 3})
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["passages"] and {p["authority"] for p in a["passages"]} == {"Harrow"}
    assert "Harrow" in a["filters"]
    r = client.post("/api/ask", json={"question": "And what about Hounslow?", "history": [POT_QUESTION]})
    assert r.status_code == 200, r.text
    assert r.json()["read_as"], "a follow-up should be read with its history"


@pytest.mark.parametrize("body, field", [
    ({"question": "x" * (MAX_QUESTION + 1)}, "question"),
    ({"question": ""}, "question"),
    ({"question": "hello", "k": 0}, "k"),
    ({"question": "hello", "k": 101}, "k"),
    ({"question": "hello", "history": ["earlier"] * 9}, "history"),
    ({"question": "hello", "filters": {"score": 5}}, "filters.score"),
    ({"question": "hello", "retriever": "magic"}, "retriever"),
    ({"question": "hello", "unexpected": 1}, "unexpected"),
    ({"k": 3}, "question"),
])
def test_ask_refuses_bad_input_with_a_clear_422(client, body, field):
    r = client.post("/api/ask", json=body)
    assert r.status_code == 422
    error = r.json()["error"]
    assert "\n" not in error and error.startswith(field + ":"), error
    assert "xxxxxxxxxx" not in r.text  # the input is not echoed back


def test_ask_refuses_malformed_json_and_blank_questions(client):
    r = client.post("/api/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "error" in r.json()
    r = client.post("/api/ask", json={"question": "   "})
    assert r.status_code == 400 and r.json() == {"error": "the question is empty"}


def test_documents_list_and_one_document(client, settings):
    r = client.get("/api/documents")
    assert r.status_code == 200
    docs = r.json()["documents"]
    assert sorted(d["id"] for d in docs) == sorted(p.name for p in settings.documents_dir.glob("*.txt"))
    assert all(d["sections"] and d["sections"][0]["kind"] for d in docs)
    harrow = next(d for d in docs if d["council"] == "Harrow")
    one = client.get(f"/api/documents/{harrow['id']}").json()
    assert one["text"] == (settings.documents_dir / harrow["id"]).read_text(encoding="utf-8")
    assert one["council"] == "Harrow" and one["sections"] == harrow["sections"]
    r = client.get("/api/documents/no-such-report.txt")
    assert r.status_code == 404 and "no-such-report.txt" in r.json()["error"]
    assert client.get("/api/documents/" + "a" * 300).status_code == 422


def test_scores_and_compare_routes(client, settings):
    scores = client.get("/api/scores")
    assert scores.status_code == 200
    rows = {r["label"]: r for r in scores.json()["councils"]}
    assert set(rows) >= {"Harrow", "Hounslow", "Ealing", "Telford and Wrekin"}
    r = client.post("/api/compare", json={"statement": "Learning, improvement and innovation", "topic": "complaints",
                                          "councils": ["Harrow", "Ealing"], "per_council": 2})
    assert r.status_code == 200
    body = r.json()
    texts = {p.name: p.read_text(encoding="utf-8") for p in settings.documents_dir.glob("*.txt")}
    sentences = [s for c in body["councils"] for s in c["sentences"]]
    assert sentences and {c["label"] for c in body["councils"]} == {"Harrow", "Ealing"}
    assert all(texts[s["doc"]][s["start"] : s["end"]] == s["text"] for s in sentences)
    assert "Harrow" in body["markdown"] and "Ealing" in body["markdown"]
    assert client.post("/api/compare", json={"statement": "x" * 300}).status_code == 422
    assert client.post("/api/compare", json={"statement": "Safeguarding", "band": "best"}).status_code == 422


def test_health_and_openapi_docs(client, served):
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["build"] == served.live.current.build_id
    assert h["documents"] == 5 and h["passages"] > 0 and h["model"] == "all-MiniLM-L6-v2"
    assert h["workers"] >= 1 and h["capacity"] > h["workers"]
    assert client.get("/api/docs").status_code == 200
    assert "/api/ask" in client.get("/api/openapi.json").json()["paths"]


# -- limits ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/ask", "/gradio_api/queue/join", "/gradio_api/call/echo"])
def test_bodies_over_the_limit_get_413_before_parsing(client, path):
    big = b'{"question": "' + b"a" * 300_000 + b'"}'
    r = client.post(path, content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "KB" in r.json()["error"]


def test_chunked_bodies_over_the_limit_get_413(client):
    def chunks():
        for _ in range(100):
            yield b"a" * 1024

    r = client.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


class SlowPipeline:
    """Stands in for a Pipeline whose questions take a while."""

    data = type("Data", (), {"manifest": {"model": {"id": "fake"}, "counts": {}}})()
    encoder = type("Encoder", (), {"kind": "fake"})()

    def ask(self, question, **_):
        time.sleep(0.6)
        return type("Answer", (), {"to_dict": lambda self: {"question": question, "notices": []}})()


def test_saturated_pool_answers_429_with_retry_after(tmp_path):
    settings = Settings(documents_dir=tmp_path, index_dir=tmp_path)
    live = LiveIndex(settings, Snapshot(SlowPipeline(), {}, "fake-build"))
    options = ServeOptions(port=free_port())
    pool = BoundedPool(workers=1, waiting=1)
    server = RunningServer(create_app(live, options, pool), options)
    try:
        results: list[httpx.Response] = []

        def one():
            results.append(httpx.post(server.url + "/api/ask", json={"question": "slow"}, timeout=10))

        threads = [threading.Thread(target=one) for _ in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        codes = sorted(r.status_code for r in results)
        assert codes.count(200) == 2 and codes.count(429) == 3, codes
        busy = next(r for r in results if r.status_code == 429)
        assert busy.headers["retry-after"] == "1" and "busy" in busy.json()["error"]
        time.sleep(0.1)
        assert pool.pending == 0
        assert httpx.post(server.url + "/api/ask", json={"question": "again"}, timeout=10).status_code == 200
    finally:
        server.stop()
        pool.shutdown()


# -- the guard -------------------------------------------------------------------------------------
def test_foreign_host_and_origin_are_refused(client, served):
    assert client.get("/api/health", headers={"Host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"Host": "attacker.example:7860"}).status_code == 400
    r = client.post("/api/ask", json={"question": POT_QUESTION}, headers={"Origin": "http://attacker.example"})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    r = client.options("/api/ask", headers={"Origin": "http://attacker.example", "Access-Control-Request-Method": "POST"})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    assert client.get("/api/health", headers={"Origin": "null"}).status_code == 403
    same = served.url.replace("127.0.0.1", "localhost")
    r = client.get("/api/health", headers={"Origin": same})
    assert r.status_code == 200 and r.headers.get("access-control-allow-origin") == same


def test_allow_host_admits_a_named_host(tmp_path):
    settings = Settings(documents_dir=tmp_path, index_dir=tmp_path)
    live = LiveIndex(settings, Snapshot(SlowPipeline(), {}, "fake-build"))
    options = ServeOptions(port=free_port(), allow_hosts=("rag.example.org",))
    server = RunningServer(create_app(live, options, BoundedPool(1, 0)), options)
    try:
        assert httpx.get(server.url + "/api/health", headers={"Host": "rag.example.org"}).status_code == 200
        assert httpx.get(server.url + "/api/health", headers={"Host": "other.example.org"}).status_code == 400
    finally:
        server.stop()


def test_uploads_are_disabled(client):
    r = client.post("/gradio_api/upload", files={"files": ("a.txt", b"hello", "text/plain")})
    assert r.status_code == 403
    assert client.get("/gradio_api/upload_progress?upload_id=x").status_code == 403


def test_private_handler_is_not_callable_by_name(client):
    assert client.post("/gradio_api/call/secret", json={"data": ["x"]}).status_code == 404
    assert client.post("/gradio_api/call/v2/secret", json={"data": {}}).status_code == 404
    assert client.post("/gradio_api/run/secret", json={"data": ["x"]}).status_code == 403
    r = client.post("/gradio_api/call/echo", json={"data": ["hello", ""]})
    assert r.status_code == 200 and r.json()["event_id"]


def test_slow_header_connection_is_closed(served):
    host, port = "127.0.0.1", int(served.url.rsplit(":", 1)[1])
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
        t0 = time.monotonic()
        assert s.recv(1024) == b""  # closed by the server
        assert time.monotonic() - t0 < 5


def test_port_out_of_range_is_a_one_line_error(capsys):
    from rag.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--port", "70000"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("error:") and "--port" in err


# -- memory ----------------------------------------------------------------------------------------
def test_many_large_requests_from_new_sessions_keep_memory_bounded(served):
    import psutil

    process = psutil.Process()
    payload = "p" * 50_000
    question = "What is the Making it Real Board? " + "context " * 100
    with httpx.Client(base_url=served.url, timeout=30) as c:
        def burst(n: int) -> None:
            for _ in range(n):
                r = c.post("/gradio_api/call/echo", json={"data": [payload, ""], "session_hash": uuid.uuid4().hex})
                assert r.status_code == 200
                event = r.json()["event_id"]
                with c.stream("GET", f"/gradio_api/call/echo/{event}") as s:
                    for _ in s.iter_lines():
                        pass
                r = c.post("/api/ask", json={"question": question[:MAX_QUESTION], "history": [question] * 8})
                assert r.status_code == 200

        burst(30)
        before = process.memory_info().rss
        burst(270)
        grown = process.memory_info().rss - before
    sessions = len(served.blocks_holder["blocks"].state_holder.session_data)
    assert sessions <= 20, sessions
    assert grown < 60 * 2**20, f"RSS grew by {grown / 2**20:.0f} MB"


# -- fresh answers ---------------------------------------------------------------------------------
def test_serving_switches_to_a_new_build(served, settings, encoder):
    from rag.indexer import build_index

    served.live.start()
    old_build = served.live.current.build_id
    harrow = next(d for d in served.live.current.documents.values() if d.council == "Harrow")
    path = settings.documents_dir / harrow.doc_id
    path.write_text(path.read_text(encoding="utf-8") + "\n" + NEW_SENTENCE + "\n", encoding="utf-8")
    with httpx.Client(base_url=served.url, timeout=30) as c:
        deadline = time.monotonic() + 20
        while c.get("/api/health").json()["status"] != "stale" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert c.get("/api/health").json()["status"] == "stale"
        a = c.post("/api/ask", json={"question": POT_QUESTION}).json()
        assert any("out of date" in n for n in a["notices"]) and a["build"] == old_build

        errors: list[int] = []
        stop = threading.Event()

        def keep_asking():
            with httpx.Client(base_url=served.url, timeout=30) as k:
                while not stop.is_set():
                    r = k.post("/api/ask", json={"question": "Who chairs the Quokka Listening Panel?"})
                    if r.status_code != 200:
                        errors.append(r.status_code)

        asker = threading.Thread(target=keep_asking)
        asker.start()
        try:
            build_index(settings, encoder=encoder, progress=False)
            deadline = time.monotonic() + 30
            while c.get("/api/health").json()["build"] == old_build and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            stop.set()
            asker.join()
        health = c.get("/api/health").json()
        assert health["build"] != old_build and health["status"] == "ok"
        assert errors == []
        assert NEW_SENTENCE in c.get(f"/api/documents/{harrow.doc_id}").json()["text"]
        a = c.post("/api/ask", json={"question": "What did the Quokka Listening Panel review?"}).json()
        assert a["build"] == health["build"] and not any("out of date" in n for n in a["notices"])
        assert any("Quokka Listening Panel" in p["text"] for p in a["passages"])


# -- batching concurrent questions -----------------------------------------------------------------
class CountingEncoder:
    """A stand-in encoder whose vector records the text's length, and which logs its batch sizes."""

    dim = 3

    def __init__(self, fail: bool = False):
        self.sizes: list[int] = []
        self.fail = fail

    def encode(self, texts, batch_size=32):
        self.sizes.append(len(texts))
        time.sleep(0.002)
        if self.fail:
            raise ValueError("encoder broke")
        import numpy as np

        return np.array([[len(t), 0.0, 1.0] for t in texts], dtype=np.float32)


@pytest.mark.parametrize("lanes", [1, 2])
def test_batching_encoder_gives_each_caller_its_own_vector(lanes):
    from concurrent.futures import ThreadPoolExecutor

    from rag.batching import BatchingEncoder

    inner = CountingEncoder()
    encoder = BatchingEncoder(inner, lanes=lanes, max_batch=8)
    with ThreadPoolExecutor(8) as pool:
        vectors = list(pool.map(lambda i: encoder.encode(["x" * i]), range(400)))
    assert [v.shape for v in vectors] == [(1, 3)] * 400
    assert [int(v[0, 0]) for v in vectors] == list(range(400))
    assert encoder.questions == 400 and len(inner.sizes) < 300 and max(inner.sizes) <= 8
    assert encoder.encode(["a", "bb"]).shape == (2, 3)  # several texts go straight through


def test_batching_encoder_hands_a_failure_to_every_waiter():
    from concurrent.futures import ThreadPoolExecutor

    from rag.batching import BatchingEncoder

    encoder = BatchingEncoder(CountingEncoder(fail=True), lanes=1)

    def one(i):
        try:
            encoder.encode([str(i)])
        except ValueError as e:
            return str(e)
        return "no error"

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(one, range(100))) == {"encoder broke"}


def test_served_encoder_batches_without_changing_vectors(served):
    import numpy as np

    encoder = served.live.current.pipeline.encoder
    assert type(encoder).__name__ == "BatchingEncoder"
    texts = [POT_QUESTION, "What is the Making it Real Board?", "a"]
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    together = encoder.encode(texts)
    assert np.max(1 - np.sum(alone * together, axis=1)) < 1e-5
