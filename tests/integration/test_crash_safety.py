"""A build killed at any point leaves the previous index intact; builds never run two at a time."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rag import store
from rag.config import Settings
from rag.indexer import build_index
from rag.pipeline import Pipeline
from rag.store import load_index
from tests.helpers import DOC, QUESTION, SEEDS

ENV = {**os.environ, "HF_HUB_OFFLINE": "1"}


def make_seeds(dest: Path) -> Path:
    dest.mkdir(parents=True)
    (dest / DOC).write_bytes((SEEDS / DOC).read_bytes())
    (dest / "metadata.toml").write_text(f'[documents."{DOC}"]\nauthority = "Hounslow"\nscore = 3\n', encoding="utf-8")
    return dest


def rag_index(settings: Settings, *extra: str, stderr=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "index", *extra, "--seeds", str(settings.documents_dir),
         "--index-dir", str(settings.index_dir)],
        stdout=subprocess.PIPE, stderr=stderr, env=ENV,
    )


def leftovers(index_dir: Path) -> list[str]:
    """Anything in the index folder besides its marker, CURRENT, .lock, the live build and at most one
    earlier build (kept for readers that were loading it when the live one replaced it)."""
    live = store.live_build(index_dir)
    rest = sorted(p.name for p in Path(index_dir).iterdir()
                  if p.name not in ("CURRENT", ".lock", store.MARKER) and p != live)
    builds = [n for n in rest if n.startswith("build-")]
    return [n for n in rest if n not in builds[-1:]]


def assert_usable(settings: Settings) -> str:
    """The live index passes every check and answers with exact citations; returns its build name."""
    data = load_index(settings.index_dir)
    answer = Pipeline.load(settings=settings).ask(QUESTION)
    assert answer.citations and not answer.abstained
    doc = (Path(settings.documents_dir) / DOC).read_text(encoding="utf-8")
    assert all(doc[c.passage.chunk.start : c.passage.chunk.end] == c.passage.chunk.text for c in answer.citations)
    return data.path.name


@pytest.fixture(scope="module")
def shared(tmp_path_factory, encoder) -> Settings:
    """One index, built once, that the kill tests below share in order."""
    root = tmp_path_factory.mktemp("crash")
    settings = Settings(documents_dir=make_seeds(root / "seeds"), index_dir=root / "index")
    build_index(settings, encoder=encoder, progress=False)
    return settings


# -- SIGKILL of a real `rag index --rebuild` -----------------------------------------------------


def _wait_for(proc: subprocess.Popen, err_file: Path, index_dir: Path, trigger) -> bool:
    """Block until ``trigger`` happens; False if the process ended first."""
    kind, value = trigger
    deadline = time.monotonic() + (value if kind == "after" else 240)
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if kind == "stderr" and value in err_file.read_text(errors="replace"):
            return True
        if kind == "partial" and any(index_dir.glob(".build-*.partial")):
            return True
        time.sleep(0.0002 if kind == "partial" else 0.01)
    return kind == "after"


@pytest.mark.parametrize(
    "trigger",
    [("after", 0.5), ("after", 2.0), ("after", 4.0), ("stderr", "Embedding passages and sentences"), ("partial", None)],
    ids=["0.5s", "2s", "4s", "while-encoding", "while-writing"],
)
def test_sigkill_during_rebuild_leaves_previous_index_intact(shared, tmp_path, trigger):
    before = assert_usable(shared)
    for _attempt in range(2):
        err_file = tmp_path / "stderr.txt"
        with open(err_file, "wb") as err:
            proc = rag_index(shared, "--rebuild", stderr=err)
            fired = _wait_for(proc, err_file, Path(shared.index_dir), trigger)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        if fired:
            break
    else:
        pytest.skip(f"the build finished before {trigger} could be caught twice")
    assert proc.returncode == -signal.SIGKILL
    after = assert_usable(shared)
    # Killed before the pointer swap, the old build is live; only a kill after it may leave the new one.
    assert after == before or trigger[0] == "partial"


def test_next_builds_complete_and_only_one_runs_at_a_time(shared):
    """Two `rag index --rebuild` at once: one completes (and clears what the kills left), one is refused."""
    procs = [rag_index(shared, "--rebuild"), rag_index(shared, "--rebuild")]
    outputs = [p.communicate(timeout=600) for p in procs]
    (ok, ok_out, ok_err), (refused, refused_out, refused_err) = sorted(
        (p.returncode, out, err) for p, (out, err) in zip(procs, outputs)
    )
    assert ok == 0, ok_err.decode()
    assert b"index rebuilt" in ok_out and b"Traceback" not in ok_err
    assert refused == 1 and refused_out == b""
    lines = refused_err.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: another build is running on "), lines
    assert leftovers(Path(shared.index_dir)) == []
    assert_usable(shared)


def test_build_refused_while_lock_is_held(shared):
    with store.build_lock(Path(shared.index_dir)):
        proc = rag_index(shared)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and out == b""
    assert err.decode().strip() == f"error: another build is running on {shared.index_dir}; wait for it to finish"
    assert_usable(shared)


# -- a crash at each step of writing a build (in-process, deterministic) --------------------------


class Killed(BaseException):
    """Stands for SIGKILL: no except clause of the code under test catches it."""


def _crash_points():
    import faiss

    return {
        "chunks-written": (np, "save"),
        "arrays-written": (faiss, "write_index"),
        "faiss-written": (store.LexicalIndex, "save"),
        "manifest-written": (store, "_fsync"),
        "before-rename": (os, "rename"),
        "before-pointer-swap": (os, "replace"),
        "before-cleanup": (store, "remove_stale_builds"),
    }


@pytest.fixture
def private(shared, tmp_path) -> Settings:
    """A copy of the shared seeds and index (valid whatever the kill tests did to it)."""
    shutil.copytree(shared.seeds_dir, tmp_path / "seeds")
    shutil.copytree(shared.index_dir, tmp_path / "index", ignore=shutil.ignore_patterns(".lock", ".*.partial"))
    return Settings(documents_dir=tmp_path / "seeds", index_dir=tmp_path / "index")


@pytest.mark.parametrize("point", list(_crash_points()))
def test_crash_at_each_step_of_saving(private, encoder, monkeypatch, point):
    index_dir = Path(private.index_dir)
    before = store.live_build(index_dir).name
    doc = Path(private.seeds_dir) / DOC
    doc.write_text(doc.read_text(encoding="utf-8") + "\nHounslow also ran a new carers' forum.\n", encoding="utf-8")

    owner, name = _crash_points()[point]

    def crash(*args, **kwargs):
        raise Killed(point)

    monkeypatch.setattr(owner, name, crash)
    with pytest.raises(Killed):
        build_index(private, encoder=encoder, progress=False)
    monkeypatch.undo()

    live = load_index(index_dir)  # every file still matches its checksum
    if point == "before-cleanup":
        assert live.path.name != before and (index_dir / before).is_dir()  # new build live, old not yet removed
    else:
        assert live.path.name == before
        assert "carers' forum" not in "".join(c.text for c in live.chunks)
    answer = Pipeline(live, private, encoder).ask(QUESTION)  # the stale index still answers, consistently
    assert answer.citations

    report = build_index(private, encoder=encoder, progress=False)  # the next build completes...
    assert report.changed == (point != "before-cleanup")
    assert leftovers(index_dir) == []  # ...and removes what the crash left
    assert "carers' forum" in "".join(c.text for c in load_index(index_dir).chunks)


def test_leftovers_are_removed_even_when_the_index_is_current(private, encoder):
    index_dir = Path(private.index_dir)
    live = store.live_build(index_dir)
    token = store.read_marker(index_dir).token
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()  # the id of a process that has ended
    (index_dir / f".build-20000101T000000-{dead}-{token}-1.partial" / "bm25").mkdir(parents=True)
    (index_dir / f"build-20000101T000000-{dead}-{token}-2").mkdir()
    (index_dir / f".CURRENT.{dead}.{token}.3").write_text("build-x\n")
    report = build_index(private, encoder=encoder, progress=False)
    assert not report.changed
    assert leftovers(index_dir) == [] and store.live_build(index_dir) == live
