"""Shared sample pages (written for these tests) and assertion helpers; imported by test modules."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from rag.config import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
FIXTURE_REPORTS = PROJECT_ROOT / "tests" / "fixtures" / "reports"
GOLD = PROJECT_ROOT / "eval" / "gold.jsonl"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's Chromium, driven by Playwright
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

STATEMENT_PAGE = """Fenwick Borough Council: local authority assessment

Published: 2 May 2025 Page last updated: 9 May 2025

Care provision, integration and continuity of care

Score 3

3 – Evidence shows a good standard

I can get care when I need it.

The local authority commitment:

We understand the care people need and make sure it is there.

Key findings for this quality statement

The council's home care framework had enough providers, and most people started their care within a week.

Staff told us that hand-offs between teams were smooth.
"""

WHOLE_REPORT = """Fenwick Borough Council: local authority assessment

Overall summary

Local authority rating and score

Requires improvement

58%

Quality statement scores

Assessing needs
Score: 2

Safeguarding
Score: 3

About the local authority

Demographics

- Population: 151,000
- Share aged over 65: 21%

Theme 1: How Fenwick works with people

Assessing needs

Score: 2

2 - Evidence shows some shortfalls

What people expect

I am listened to.

Key findings for this quality statement

People waited too long for assessments in 2024.

Theme 3: How Fenwick ensures safety within the system

Safeguarding

Score: 3

3 - Evidence shows a good standard

Key findings for this quality statement

Safeguarding concerns were triaged the same day.
"""


def assert_exact_offsets(doc_text: str, chunks) -> None:
    """Every passage and sentence reproduces its document's text at its offsets."""
    for c in chunks:
        assert doc_text[c.start : c.end] == c.text
        for s in c.sentences:
            assert doc_text[s.start : s.end] == s.text and c.start <= s.start < s.end <= c.end


def copy_seeds(dest: Path, *only: str) -> Path:
    """A writable copy of the seeds folder (documents and metadata), or of the documents named in ``only``."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in SEEDS.iterdir():
        if p.is_file() and (not only or p.name in only):
            (dest / p.name).write_bytes(p.read_bytes())
    return dest


def answer_problems(d: object, docs: dict[str, str]) -> list[str]:
    """Ways ``d`` breaks the answer format of FORMATS.md (empty when it is well-formed)."""
    if not isinstance(d, dict):
        return [f"not an answer object: {type(d).__name__}"]
    missing = {"question", "answer", "abstained", "citations", "passages", "timings_ms"} - set(d)
    if missing:
        return [f"missing keys {sorted(missing)}"]
    bad: list[str] = []
    if not isinstance(d["answer"], str) or not d["answer"].strip():
        bad.append("empty answer text")
    if not isinstance(d["abstained"], bool):
        bad.append("abstained is not a bool")
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", d["answer"] or "")}
    ns = [c.get("n") for c in d["citations"]]
    if len(set(ns)) != len(ns):
        bad.append(f"duplicate citation numbers {ns}")
    if markers != set(ns):
        bad.append(f"markers {sorted(markers)} != citations {sorted(ns)}")
    if d["abstained"] and d["citations"]:
        bad.append("abstained but cites")
    if not d["abstained"] and not d["citations"]:
        bad.append("answered without citations")
    for where, items in (("citation", d["citations"]), ("passage", d["passages"])):
        for item in items:
            doc = docs.get(item.get("doc"))
            if doc is None:
                bad.append(f"{where} of unknown document {item.get('doc')!r}")
                continue
            start, end, text = item.get("start"), item.get("end"), item.get("text")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc)):
                bad.append(f"{where} offsets {start}:{end} out of range")
            elif doc[start:end] != text:
                bad.append(f"{where} text != {item['doc']}[{start}:{end}]")
            for a, b in item.get("highlights", []):
                if not 0 <= a < b <= len(text or ""):
                    bad.append(f"{where} highlight {a}:{b} outside its text")
                elif " ".join(text[a:b].split()) not in " ".join(d["answer"].split()):
                    bad.append(f"{where} highlight {a}:{b} is not quoted in the answer")
    return bad


class FakeEncoder:
    """A tiny deterministic encoder for unit tests: hashed word counts, L2-normalised (no model load).
    Texts sharing words get similar vectors, which is all the rules under test need."""

    model_id = "fake-hashed-words"
    weights_sha256 = ""
    dim = 64

    def __init__(self):
        self.encoded = 0

    def encode(self, texts, batch_size: int = 32, progress: bool = False):
        import hashlib

        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", str(text).casefold()):
                out[i, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        self.encoded += len(texts)
        return out / np.where(norms == 0, 1.0, norms)


def fake_pipeline(documents_dir: Path, index_dir: Path):
    """A Pipeline over ``documents_dir`` built and queried with :class:`FakeEncoder`."""
    from rag.config import Settings
    from rag.indexer import build_index
    from rag.pipeline import Pipeline
    from rag.store import load_index

    encoder = FakeEncoder()
    settings = Settings(documents_dir=documents_dir, index_dir=index_dir, model=FakeEncoder.model_id)
    build_index(settings, encoder=encoder, progress=False)
    return Pipeline(load_index(index_dir), settings, encoder=encoder)


# -- a served app, for tests that drive `rag serve` over HTTP ----------------------------------
HOST = "127.0.0.1"
STARTUP_TIMEOUT = 90.0  # s: index already built, so this is model + server start-up (~10 s here)

def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (scanning /proc, so it works without CONFIG_PROC_CHILDREN)."""
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def rss_mb(pid: int) -> float:
    """Resident memory (VmRSS) of ``pid`` and its descendants, in MB."""
    total_kb = 0
    for p in process_tree(pid):
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        total_kb += int(m.group(1)) if m else 0
    return total_kb / 1024


class RagServer:
    """``python -m rag.cli serve`` on a loopback port, with its output in files; stop() always ends it."""

    def __init__(self, index_dir: Path, seeds_dir: Path, log_dir: Path, host: str | None = None,
                 env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}/"
        self.cmd = [sys.executable, "-m", "rag.cli", "serve", "--port", str(self.port),
                    "--index-dir", str(index_dir), "--seeds", str(seeds_dir)]
        if host is not None:
            self.cmd += ["--host", host]
        self.env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                    "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1", **(env or {})}
        log_dir.mkdir(parents=True, exist_ok=True)
        self.out_path, self.err_path = log_dir / "server.out", log_dir / "server.err"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = STARTUP_TIMEOUT) -> "RagServer":
        with self.out_path.open("wb") as out, self.err_path.open("wb") as err:
            self.proc = subprocess.Popen(self.cmd, cwd=PROJECT_ROOT, env=self.env, stdout=out, stderr=err,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited with {self.proc.returncode} while starting:\n{self.tail()}")
            if "http://" in self.stdout() and self.http_get("/config", timeout=5)[0] == 200:
                return self
            time.sleep(0.25)
        raise AssertionError(f"server not ready after {timeout:.0f} s:\n{self.tail()}")

    def stop(self) -> None:
        """Ctrl+C (a clean shutdown), then SIGKILL to the process group this server started."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=15)

    def __enter__(self) -> "RagServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stdout(self) -> str:
        return self.out_path.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.err_path.read_text(encoding="utf-8", errors="replace")

    def tail(self, n: int = 3000) -> str:
        return f"--- stdout ---\n{self.stdout()[-n:]}\n--- stderr ---\n{self.stderr()[-n:]}"

    def http(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
             timeout: float = 20.0) -> tuple[int, str]:
        """One raw request to the server (the path is sent exactly as given: no normalisation)."""
        conn = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.read(2_000_000).decode("utf-8", errors="replace")
        except OSError as e:
            return -1, repr(e)
        finally:
            conn.close()

    def http_get(self, path: str, timeout: float = 20.0) -> tuple[int, str]:
        return self.http("GET", path, timeout=timeout)


# -- checking answers --------------------------------------------------------------------------


def new_client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=False)


# -- a one-report documents folder and the CLI in-process (integration tests) --------------------------
DOC = "000_49f02c2bf2791361.txt"  # the smallest report (Hounslow): a rebuild takes a few seconds
QUESTION = "How did Hounslow share learning with neighbouring London boroughs?"
#: Questions are encoded with sentence-transformers in these tests, so builds export no ONNX graph.
QUERY_ENCODER_ENV = ("RAG_QUERY_ENCODER", "torch")
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", QUERY_ENCODER_ENV[0]: QUERY_ENCODER_ENV[1]}


def make_seeds(dest: Path) -> Path:
    """A documents folder holding one report and its metadata."""
    dest.mkdir(parents=True)
    (dest / DOC).write_bytes((SEEDS / DOC).read_bytes())
    (dest / "metadata.toml").write_text(f'[documents."{DOC}"]\nauthority = "Hounslow"\nscore = 3\n', encoding="utf-8")
    return dest


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True).stdout)


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """`rag ARGS` in this process: (exit code, stdout, stderr)."""
    import pytest

    from rag.cli import main

    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return e.value.code, out, err


def candidate(text: str, passage_text: str | None = None, council: str = "Fenwick"):
    """A candidate sentence of ``council``'s for the answer checks, in a passage of its own or in ``passage_text``."""
    import numpy as np

    from rag.compose import Candidate
    from rag.records import Chunk, Passage, Sentence

    body = passage_text or text
    start = body.index(text)
    chunk = Chunk(0, "d.txt", council, council, "Assessing needs", None, "statement", "Findings", 1, 0,
                  len(body), body, (Sentence(start, start + len(text), text),))
    return Candidate(Passage(chunk, 1.0, 1), chunk.sentences[0], np.zeros(2, dtype=np.float32), 0.8)




@contextmanager
def torch_query_encoder():
    """While it is open, builds export no ONNX query encoder (it is ~85 MB, and every test copy would hold one)."""
    name, value = QUERY_ENCODER_ENV
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name)
        else:
            os.environ[name] = old
