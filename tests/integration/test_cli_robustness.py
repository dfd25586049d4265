"""The command line under hostile input: bad ports, closed or full stdout, and documents that try to
drive the terminal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from tests.helpers import ENV, QUESTION, run_main

#: What must never reach a terminal from a document: ESC, C1 controls (CSI, OSC...), BEL, CR, bidi overrides.
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: The same on stderr, less the carriage returns of the tool's own progress bars.
STDERR_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE_NAME = "zorb\x1b[2J\x1b]0;pwned\x07.txt"
HOSTILE_AUTHORITY = "Zorble\x1b[31mton\u202e"
HOSTILE_TEXT = """Learning, improvement and innovation

Score 2

2 - Evidence shows some shortfalls

Learning from feedback

Zorbleton ran a carers' forum\x1b[2J\x1b[H in every library\r FAKE: all checks passed \x9b31m and more.

The feedback team wrote \x1b]8;;https://evil.example\x1b\\this link\x1b]8;;\x1b\\ and \u202eesrever text\u202c in its notes.
"""


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """Documents whose file name, metadata and text hold escape sequences and control characters."""
    monkeypatch.setenv("RAG_QUERY_ENCODER", "torch")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (seeds / "empty\x1b[31m\x9b2J.txt").write_bytes(b"")  # skipped, with a warning naming it
    (seeds / "metadata.toml").write_text(
        '[documents."zorb\\u001b[2J\\u001b]0;pwned\\u0007.txt"]\n'
        'authority = "Zorble\\u001b[31mton\\u202e"\nscore = 2\n', encoding="utf-8")
    return seeds, tmp_path / "index"


def test_nothing_a_document_holds_reaches_the_terminal_raw(hostile, capsys):
    seeds, index_dir = hostile
    code, out, err = run_main(capsys, "index", "--seeds", str(seeds), "--index-dir", str(index_dir))
    assert code == 0, err
    assert not TERMINAL_CONTROLS.search(out) and not STDERR_CONTROLS.search(err), repr(out + err)
    warning = [line for line in err.splitlines() if line.startswith("warning: empty")]
    assert warning == ["warning: empty.txt: empty file, skipped"]

    code, out, err = run_main(capsys, "ask", "Where did Zorbleton run a carers' forum?", "--seeds", str(seeds),
                              "--index-dir", str(index_dir))
    assert code == 0, err
    assert not TERMINAL_CONTROLS.search(out) and not STDERR_CONTROLS.search(err), repr(out + err)
    assert "carers' forum in every library FAKE: all checks passed" in out  # the text itself is kept
    assert "Zorbleton" in out and "zorb.txt" in out  # label and file name, without their escapes
    sources = [line for line in out.splitlines() if line.startswith("[1] ")]
    assert len(sources) == 1 and "zorb.txt ¶" in sources[0]


def test_json_answer_escapes_controls_but_keeps_the_exact_text(hostile, capsys):
    seeds, index_dir = hostile
    code, out, err = run_main(capsys, "ask", "--json", "What did the feedback team write in its notes?",
                              "--seeds", str(seeds), "--index-dir", str(index_dir))
    assert code == 0, err
    assert not TERMINAL_CONTROLS.search(out), repr(out)
    answer = json.loads(out)
    cited = answer["citations"] + answer["passages"]
    assert cited and all(c["doc"] == HOSTILE_NAME and c["authority"] == HOSTILE_AUTHORITY for c in cited)
    as_read = HOSTILE_TEXT.replace("\r\n", "\n").replace("\r", "\n")  # offsets refer to the text as read
    assert all(as_read[c["start"] : c["end"]] == c["text"] for c in cited)  # FORMATS.md offsets still hold


def test_error_messages_are_stripped_too(tmp_path, capsys):
    missing = tmp_path / "no\x1b[2Jhere\x9b"
    code, out, err = run_main(capsys, "index", "--seeds", str(missing), "--index-dir", str(tmp_path / "index"))
    assert code == 2 and out == ""
    assert err.strip() == f"error: documents folder not found: {tmp_path}/nohere"


# -- ports --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("port, message", [
    ("70000", "error: Invalid value for '--port': Input should be less than or equal to 65535"),
    ("-1", "error: Invalid value for '--port': Input should be greater than or equal to 1"),
])
def test_port_out_of_range_is_one_line(tmp_path, capsys, port, message):
    code, out, err = run_main(capsys, "serve", "--port", port, "--index-dir", str(tmp_path / "index"))
    assert code == 2 and out == "" and err.strip() == message


def test_port_zero_is_refused_before_anything_starts(tmp_path):
    r = subprocess.run([sys.executable, "-m", "rag.cli", "serve", "--port", "0", "--seeds", str(tmp_path),
                        "--index-dir", str(tmp_path / "index")], capture_output=True, text=True, timeout=60, env=ENV)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip() == "error: Invalid value for '--port': Input should be greater than or equal to 1"


def test_other_usage_errors_are_one_line_and_help_still_shows(capsys):
    code, out, err = run_main(capsys, "ask", "hello", "-k", "0")
    assert code == 2 and err.strip() == "error: Invalid value for '-k': Input should be greater than or equal to 1"
    code, out, err = run_main(capsys, "nosuch")
    assert code == 2 and err.strip() == "error: No such command 'nosuch'."
    code, out, err = run_main(capsys, "ask", "--help")
    assert code == 0 and "--json" in out


# -- stdout that cannot be written --------------------------------------------------------------------


def own_lines(err: str) -> list[str]:
    """stderr without the model library's progress bars (what the tool itself printed)."""
    return [line for line in err.splitlines() if line.strip() and "Loading weights" not in line]


#: The session's seeds index has the ONNX query encoder: a `rag ask` process starts in about a second.
FAST_ENV = {**os.environ, "HF_HUB_OFFLINE": "1"}


def rag_ask(settings, *extra: str, stdout) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "rag.cli", "ask", QUESTION, *extra, "--seeds",
                             str(settings.seeds_dir), "--index-dir", str(settings.index_dir)],
                            stdout=stdout, stderr=subprocess.PIPE, text=True, env=FAST_ENV)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("extra", [(), ("--json",)], ids=["text", "json"])
def test_full_stdout_is_a_one_line_error(settings, pipeline, extra):
    with open("/dev/full", "w") as full:
        proc = rag_ask(settings, *extra, stdout=full)
        _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert own_lines(err) == ["error: cannot write the output: No space left on device"], err


@pytest.mark.parametrize("extra", [(), ("--json",)], ids=["text", "json"])
def test_closed_stdout_exits_quietly_with_an_error_code(settings, pipeline, extra):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before anything is written (as `| head -c1` after its byte)
    try:
        proc = rag_ask(settings, *extra, stdout=write_end)
    finally:
        os.close(write_end)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert own_lines(err) == [], err  # no traceback, no "Exception ignored" at exit


def test_head_of_a_long_answer_exits_quietly(settings, pipeline):
    """`rag ask ... | head -c1` through a shell: no traceback whichever side finishes first."""
    cmd = (f"{sys.executable} -m rag.cli ask {json.dumps(QUESTION)} --json --seeds {settings.seeds_dir} "
           f"--index-dir {settings.index_dir} | head -c1")
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=300, env=FAST_ENV)
    assert r.stdout == "{" and "Traceback" not in r.stderr and "Exception ignored" not in r.stderr
