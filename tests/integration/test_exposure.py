"""Exposure: ``rag serve`` stays on this machine by default, warns when told otherwise, serves no file
outside the corpus, and its error responses carry no paths or tracebacks.

One server (``python -m rag.cli serve`` with the default host) is started for the module on a free
loopback port; every request below goes to 127.0.0.1 only.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import secrets
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from rag.config import PROJECT_ROOT
from tests.helpers import RagServer, free_port, new_client
from ui.app import INTERNAL_ERROR

pytestmark = [pytest.mark.timeout(180),
              pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc (Linux)")]

#: A question that the server (through the sitecustomize below) fails on with an unexpected error
#: whose message holds the kind of details that must never reach a client.
FAIL_QUESTION = "trigger the injected server failure 7f3a"
INJECT = '''\
import os
_question = os.environ.get("RAG_TEST_FAIL_QUESTION")
if _question:
    import rag.pipeline as _pipeline
    _ask = _pipeline.Pipeline.ask

    def ask(self, question, *args, **kwargs):
        if question == _question:
            raise RuntimeError("injected failure in {root}/rag/pipeline.py, see {prefix}/site-packages/x.py "
                               "and Traceback (most recent call last)")
        return _ask(self, question, *args, **kwargs)

    _pipeline.Pipeline.ask = ask
'''


# -- helpers ------------------------------------------------------------------------------------

def _tcp_address(hex_addr: str) -> ipaddress._BaseAddress:
    """An address of /proc/net/tcp{,6} (little-endian 32-bit words) as an ip_address."""
    raw = bytes.fromhex(hex_addr)
    return ipaddress.ip_address(b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4)))


def listening_sockets(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket in LISTEN state held by ``pid`` or its descendants."""
    from tests.helpers import process_tree

    inodes = set()
    for p in process_tree(pid):
        try:
            for fd in Path(f"/proc/{p}/fd").iterdir():
                m = re.fullmatch(r"socket:\[(\d+)\]", os.readlink(fd))
                if m:
                    inodes.add(m.group(1))
        except OSError:
            continue
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:
                addr, port = local.split(":")
                out.append((str(_tcp_address(addr)), int(port, 16)))
    return out


def is_loopback_address(addr: str) -> bool:
    ip = ipaddress.ip_address(addr)
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def markers_of(path: Path) -> list[str]:
    """Distinctive pieces of a file's content (its longest lines), to look for in responses."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = sorted({ln.strip() for ln in text.splitlines() if len(ln.strip()) >= 12}, key=len, reverse=True)
    return [ln[:60] for ln in lines[:3]] or [text]


def leaks(body: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Server details in a response body: tracebacks, source locations, install or data paths."""
    needles = ("Traceback", 'File "', "site-packages", "/work/", str(PROJECT_ROOT), sys.prefix, *extra)
    return [n for n in needles if n and n in body]


# -- the server ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def exposure_dirs(pipeline, settings, tmp_path_factory):
    """A copy of the session's index and the sitecustomize that injects a server-side failure."""
    root = tmp_path_factory.mktemp("exposure")
    shutil.copytree(settings.index_dir, root / "index")
    inject = root / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(INJECT.replace("{root}", str(PROJECT_ROOT))
                                             .replace("{prefix}", sys.prefix), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def canary() -> str:
    """A secret only the server's environment holds (so /proc/self/environ would show it)."""
    return "canary" + secrets.token_hex(12)


@pytest.fixture(scope="module")
def server(exposure_dirs, settings, canary):
    """``rag serve`` with its default host, on a free port."""
    env = {"RAG_TEST_FAIL_QUESTION": FAIL_QUESTION, "RAG_TEST_CANARY": canary,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(exposure_dirs / "inject"), str(PROJECT_ROOT),
                                                       os.environ.get("PYTHONPATH")]))}
    srv = RagServer(exposure_dirs / "index", settings.documents_dir, exposure_dirs / "logs", env=env)
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def index_files(exposure_dirs) -> dict[str, Path]:
    index = exposure_dirs / "index"
    build = index / (index / "CURRENT").read_text(encoding="utf-8").strip()
    return {"manifest": build / "manifest.json", "chunks": build / "chunks.sqlite", "current": index / "CURRENT"}


# -- binding ------------------------------------------------------------------------------------

def test_serve_defaults_to_loopback():
    import inspect

    import typer
    from typer.testing import CliRunner

    from rag import server
    from rag.cli import app

    serve = typer.main.get_command(app).commands["serve"]
    assert {p.name: p.default for p in serve.params}["host"] == "127.0.0.1"
    assert server.ServeOptions().host == "127.0.0.1"
    assert inspect.signature(server.launch).parameters["host"].default == "127.0.0.1"
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0
    assert re.search(r"default:\s*127\.0\.0\.1", result.output), result.output


def test_server_listens_only_on_loopback(server):
    sockets = listening_sockets(server.pid)
    assert ("127.0.0.1", server.port) in sockets, sockets
    assert all(is_loopback_address(addr) for addr, _ in sockets), f"listening beyond loopback: {sockets}"


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "example.org"])
def test_non_loopback_host_warns_before_anything_else(host, monkeypatch, capsys):
    """The warning comes first; the server is stopped before the model loads (nothing ever listens)."""
    from rag import server
    from rag.cli import main
    from rag.errors import UsageError

    def stop(*args, **kwargs):
        raise UsageError("stopped before loading (test)")

    monkeypatch.setattr(server, "build_server", stop)
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--host", host, "--port", str(free_port())])
    err = capsys.readouterr().err
    assert exit_info.value.code != 0
    first = err.strip().splitlines()[0]
    assert first.startswith(f"warning: listening on {host}") and "anyone who can reach" in first, err


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_host_does_not_warn(host, monkeypatch, capsys):
    from rag import server
    from rag.cli import main
    from rag.errors import UsageError

    def stop(*args, **kwargs):
        raise UsageError("stopped before loading (test)")

    monkeypatch.setattr(server, "build_server", stop)
    with pytest.raises(SystemExit):
        main(["serve", "--host", host, "--port", str(free_port())])
    err = capsys.readouterr().err
    assert "stopped before loading" in err and "warning" not in err, err


# -- files ----------------------------------------------------------------------------------------

UP = "../" * 12  # more than enough to climb from any folder the server serves to /


def file_probes(abs_path: Path, rel: str | None) -> list[str]:
    """Request paths that try to read ``abs_path`` (``rel``: the same file relative to the server's cwd)."""
    a = str(abs_path)
    tail = a.lstrip("/")
    dotted = f"{abs_path.parent}/./../{abs_path.parent.name}/{abs_path.name}"
    probes = [
        f"/file={a}", f"/file/{a}",
        f"/gradio_api/file={a}", f"/gradio_api/file/{a}", f"/gradio_api/file=/{a}", f"/gradio_api/file={dotted}",
        f"/gradio_api/file={quote(a, safe='')}", f"/gradio_api/file={quote(quote(a, safe=''), safe='')}",
        f"/gradio_api/file={a}%00.png", f"/gradio_api/file=file://{a}",
        f"/gradio_api/file={UP}{tail}", f"/gradio_api/file={'..%2f' * 12}{quote(tail, safe='')}",
        f"/gradio_api/file={'%2e%2e%2f' * 12}{tail}", f"/gradio_api/file={'..%5c' * 12}{tail}",
        f"/gradio_api/proxy=file://{a}",
    ]
    for prefix in ("/static", "/assets", "/svelte", "/gradio_api/static", "/gradio_api/assets"):
        probes += [f"{prefix}/{UP}{tail}", f"{prefix}/{'..%2f' * 12}{quote(tail, safe='')}",
                   f"{prefix}/{'%2e%2e/' * 12}{tail}", f"{prefix}/{'%252e%252e%252f' * 12}{tail}"]
    probes.append(f"/custom_component/1/client/js/{quote(UP + tail, safe='')}")
    if rel:
        probes += [f"/file={rel}", f"/gradio_api/file={rel}", f"/gradio_api/file=./{rel}",
                   f"/gradio_api/file={quote(rel, safe='')}", f"/gradio_api/file=../../{rel}",
                   f"/gradio_api/file=../{PROJECT_ROOT.name}/{rel}"]
    return probes


def test_no_endpoint_serves_files_outside_the_corpus(server, settings, index_files, canary):
    seed = sorted(settings.documents_dir.glob("*.txt"))[0]
    targets: list[tuple[Path, str | None]] = [
        (Path("/etc/passwd"), None),
        (seed, f"seeds/{seed.name}"),
        (settings.documents_dir / "metadata.toml", "seeds/metadata.toml"),
        (index_files["manifest"], None),
        (index_files["chunks"], None),
        (index_files["current"], None),
        (PROJECT_ROOT / "pyproject.toml", "pyproject.toml"),
        (PROJECT_ROOT / "ui" / "app.py", "ui/app.py"),
    ]
    failures, tried = [], 0
    for path, rel in targets:
        markers = markers_of(path)
        for probe in file_probes(path, rel):
            tried += 1
            status, body = server.http_get(probe)
            allowed = (400, 403, 404) if "proxy=" in probe else (403, 404)
            shown = [m for m in markers if m in body]
            if status not in allowed or shown:
                content = f" (file content: {shown[0]!r})" if shown else ""
                failures.append(f"{probe} -> {status} {body[:120]!r}{content}")
    # the server's own environment (secrets live there)
    for probe in ("/gradio_api/file=/proc/self/environ", f"/gradio_api/file={UP}proc/self/environ",
                  f"/static/{UP}proc/self/environ", "/gradio_api/file=/proc/self/cmdline"):
        tried += 1
        status, body = server.http_get(probe)
        if status not in (403, 404) or canary in body:
            failures.append(f"{probe} -> {status} {body[:120]!r}")
    assert tried > 250
    assert not failures, f"{len(failures)} of {tried} requests were not refused:\n" + "\n".join(failures[:30])


def test_document_api_only_shows_indexed_reports(server, settings):
    client = new_client(server.url)
    try:
        seed = sorted(settings.documents_dir.glob("*.txt"))[0]
        shown = client.predict(seed.name, "All", api_name="/document")
        assert "rag-para" in shown and seed.name in shown  # a report of the corpus is shown
        for doc_id in ("../../../../../../etc/passwd", "/etc/passwd", str(seed), f"../seeds/{seed.name}",
                       "metadata.toml", "../pyproject.toml"):
            view = client.predict(doc_id, "All", api_name="/document")
            assert "Choose an authority" in view and "root:" not in view and "[build-system]" not in view, doc_id
    finally:
        client.close()


def test_pages_and_api_description_hold_no_server_paths(server, index_files):
    for path in ("/", "/config", "/gradio_api/info", "/gradio_api/openapi.json", "/theme.css",
                 "/gradio_api/startup-events"):
        status, body = server.http_get(path)
        assert status in (200, 404), (path, status)
        found = leaks(body, (str(index_files["manifest"].parent.parent),))
        assert not found, f"{path} shows {found}"


def test_run_history_is_off(server):
    """Gradio's run history would, for loopback callers, upload questions and answers to the Hub with the
    operator's saved Hugging Face token; this app keeps everything on the machine."""
    config = json.loads(server.http_get("/config")[1])
    assert config.get("run_history") is False
    for path in ("/gradio_api/runs", "/runs"):
        assert server.http_get(path)[0] == 404, path
    status, _ = server.http("POST", "/gradio_api/run-history/connect", body=b'{"bucket_id": "x/y"}',
                            headers={"Content-Type": "application/json"})
    assert status in (401, 403, 404, 405, 422), status


# -- error responses ----------------------------------------------------------------------------

def call(server, api: str, body: bytes) -> tuple[int, str]:
    """POST /gradio_api/call/<api> and, when an event starts, read its result stream."""
    status, text = server.http("POST", f"/gradio_api/call/{api}", body=body,
                               headers={"Content-Type": "application/json"})
    if status != 200:
        return status, text
    event_id = json.loads(text)["event_id"]
    stream_status, stream = server.http_get(f"/gradio_api/call/{api}/{event_id}", timeout=60)
    return stream_status, text + "\n" + stream


def test_error_responses_leak_no_paths_or_tracebacks(server, index_files):
    extra = (str(index_files["manifest"].parent.parent),)
    cases = {
        "unknown route": lambda: server.http_get("/no/such/route"),
        "unknown api route": lambda: server.http_get("/gradio_api/no_such_route"),
        "unknown api": lambda: call(server, "no_such_api", b'{"data": ["x"]}'),
        "bad JSON": lambda: call(server, "ask", b'{"data": ["x",'),
        "not JSON": lambda: call(server, "ask", b"\x00\xff<html>"),
        "data not a list": lambda: call(server, "ask", b'{"data": {"question": "x"}}'),
        "bad queue join": lambda: server.http("POST", "/gradio_api/queue/join", body=b"{",
                                              headers={"Content-Type": "application/json"}),
        "wrong method": lambda: server.http("DELETE", "/gradio_api/call/ask"),
        # these reach Python code that raises (the server logs a traceback)
        "too few inputs": lambda: call(server, "ask", b'{"data": ["What is Schwarz Rounds?"]}'),
        "unhashable document id": lambda: call(server, "document", b'{"data": [{"x": 1}, ["All"]]}'),
        "pipeline failure": lambda: call(server, "ask", json.dumps({"data": [FAIL_QUESTION, 5, "hybrid"]}).encode()),
        "pipeline failure in chat": lambda: call(server, "chat", json.dumps(
            {"data": [FAIL_QUESTION, [], [], "All", "All", 5, "hybrid"]}).encode()),
    }
    failures = []
    for name, request in cases.items():
        status, body = request()
        if status == 200 and "event: complete" in body and "went wrong" not in body:
            failures.append(f"{name}: succeeded ({body[:200]!r})")
        found = leaks(body, extra)
        # gradio answers an unknown api name with a bare 500 (FnIndexInferError, logged server-side): no detail
        if found or (status >= 500 and body.strip() != "Internal Server Error"):
            failures.append(f"{name}: {status} shows {found}: {body[:300]!r}")
    assert not failures, "\n".join(failures)
    status, body = call(server, "ask", json.dumps({"data": [FAIL_QUESTION, 5, "hybrid"]}).encode())
    assert INTERNAL_ERROR in body, body
    # the errors did happen, and were logged on the server, not sent
    log = server.stderr()
    assert "injected failure" in log and "enough input values" in log, server.tail()


def test_client_sees_one_generic_line_for_server_failures(server):
    from gradio_client.exceptions import AppError

    client = new_client(server.url)
    try:
        with pytest.raises(AppError) as err:
            client.predict(FAIL_QUESTION, api_name="/ask")
        assert str(err.value).strip() == INTERNAL_ERROR or INTERNAL_ERROR in str(err.value)
        assert not leaks(str(err.value))
        # and the server still answers afterwards
        assert not client.predict("What is Schwarz Rounds?", api_name="/ask")["abstained"]
    finally:
        client.close()
    assert server.alive()
