"""The index folder: only ours is written to and cleaned, killed builds are cleaned up, disk space is
checked first, readers survive a switch, and the build lock is a ``filelock`` lock."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from collections import namedtuple
from pathlib import Path

import pytest

from rag import store
from rag.config import Settings
from rag.errors import IndexStateError, UsageError
from rag.indexer import build_index
from rag.store import load_index
from tests.helpers import ENV, dead_pid, run_main


def user_things(folder: Path) -> dict[str, bytes]:
    """A user's files and folders named like what index builds leave behind; returns name -> content."""
    made = {
        "build-output/report.pdf": b"%PDF-1.4 not ours",
        "thesis.partial/chapter1.txt": b"draft",
        ".CURRENT.notes": b"what I am working on",
        "build-20000101T000000-1-1/keep.txt": b"an old-style name, not recorded as ours",
        ".build-20000101T000000-1-1.partial/keep.txt": b"also not ours",
        ".query-encoder-1-1.partial/keep.txt": b"nor this",
    }
    for name, content in made.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    return made


def assert_intact(folder: Path, made: dict[str, bytes]) -> None:
    for name, content in made.items():
        assert (folder / name).read_bytes() == content, name


# -- 1. never delete what is not ours ----------------------------------------------------------------


def test_foreign_folder_is_refused_in_one_line_and_left_untouched(small, tmp_path, capsys):
    folder = tmp_path / "w"
    folder.mkdir()
    made = user_things(folder)
    before = sorted(p.name for p in folder.iterdir())
    code, out, err = run_main(capsys, "index", "--seeds", str(small.seeds_dir), "--index-dir", str(folder))
    assert code == 2 and out == ""
    assert err.strip() == (f"error: {folder} is not empty and is not an index folder made by `rag index` "
                           f"(it has no {store.MARKER}); choose a new or empty folder with --index-dir")
    assert sorted(p.name for p in folder.iterdir()) == before  # not even a lock file was created
    assert_intact(folder, made)


def test_clean_up_in_an_index_folder_spares_names_it_did_not_create(small, encoder):
    index_dir = Path(small.index_dir)
    made = user_things(index_dir)
    for _ in range(3):  # three switches: each cleans up after itself
        build_index(small, encoder=encoder, rebuild=True, progress=False)
    assert_intact(index_dir, made)
    builds = [p.name for p in index_dir.iterdir() if store.read_marker(index_dir).owns_build(p.name)]
    assert len(builds) == 2  # the live build and the one kept for readers; the first one is gone


def test_new_or_notes_only_folder_becomes_an_index_folder(small, tmp_path, encoder):
    notes = tmp_path / "notes-only"
    notes.mkdir()
    (notes / "README.md").write_text("indexes go here\n")
    for folder in (tmp_path / "new" / "deeper", notes):
        build_index(Settings(documents_dir=small.seeds_dir, index_dir=folder), encoder=encoder, progress=False)
        marker = json.loads((folder / store.MARKER).read_text())
        assert marker["kind"] == "rag-index" and len(marker["token"]) == 16
        assert marker["token"] in store.live_build(folder).name
        load_index(folder)
    assert (notes / "README.md").read_text() == "indexes go here\n"


def test_index_made_before_markers_is_adopted_and_its_neighbours_spared(small, encoder):
    """An index of the earlier layout (CURRENT and build-<time>-<pid>-<n>, no marker) keeps working."""
    index_dir = Path(small.index_dir)
    live = store.live_build(index_dir)
    legacy = "build-20240101T000000-4242-1"
    live.rename(index_dir / legacy)
    (index_dir / store.CURRENT).write_text(legacy + "\n")
    (index_dir / store.MARKER).unlink()
    (index_dir / "build-20230101T000000-77-7").mkdir()  # not the live build: cannot be told from a user's
    build_index(small, encoder=encoder, rebuild=True, progress=False)
    assert json.loads((index_dir / store.MARKER).read_text())["adopted"] == [legacy]
    assert (index_dir / legacy).is_dir()  # kept for readers
    build_index(small, encoder=encoder, rebuild=True, progress=False)
    assert not (index_dir / legacy).exists() and (index_dir / "build-20230101T000000-77-7").is_dir()


@pytest.mark.parametrize("content", [b"{not json", b'{"kind": "rag-index", "token": "../x"}', b"[]"],
                         ids=["syntax", "bad-token", "not-object"])
def test_damaged_marker_is_refused_and_nothing_is_deleted(small, encoder, content):
    index_dir = Path(small.index_dir)
    (index_dir / store.MARKER).write_bytes(content)
    names = sorted(p.name for p in index_dir.iterdir())
    with pytest.raises(IndexStateError, match="damaged or not made by `rag index`"):
        build_index(small, encoder=encoder, rebuild=True, progress=False)
    assert sorted(p.name for p in index_dir.iterdir()) == names


def test_index_dir_that_is_a_file_is_refused(small, tmp_path, encoder):
    target = tmp_path / "a-file"
    target.write_text("mine")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        build_index(Settings(documents_dir=small.seeds_dir, index_dir=target), encoder=encoder, progress=False)
    assert target.read_text() == "mine"


# -- 2. clean up after kills; check disk space first ---------------------------------------------------


KILL_WHILE_WRITING = (
    "import os, signal, sys\n"
    "from pathlib import Path\n"
    "from rag import store\n"
    "from rag.config import Settings\n"
    "from rag.indexer import build_index\n"
    "store._write_build = lambda folder, data: os.kill(os.getpid(), signal.SIGKILL)\n"
    "build_index(Settings(documents_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2])), rebuild=True, progress=False)\n"
)


def test_leftovers_of_a_killed_build_carry_its_pid_and_only_dead_owners_are_cleaned(small, encoder):
    index_dir = Path(small.index_dir)
    token = store.read_marker(index_dir).token
    live = store.live_build(index_dir)
    killed = subprocess.Popen([sys.executable, "-c", KILL_WHILE_WRITING, str(small.seeds_dir), str(index_dir)],
                              env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, err = killed.communicate(timeout=300)
    assert killed.returncode == -signal.SIGKILL, err.decode()[-2000:]
    partials = [p.name for p in index_dir.iterdir() if p.name.endswith(".partial")]
    assert len(partials) == 1 and partials[0].startswith(".build-")
    assert store.read_marker(index_dir).temp_owner(partials[0]) == killed.pid
    assert f"-{killed.pid}-{token}-" in partials[0]

    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        busy = index_dir / f".build-20990101T000000-{running.pid}-{token}-abc.partial"
        busy.mkdir()  # as a build still running elsewhere would have it
        (index_dir / "thesis.partial").mkdir()
        (index_dir / f".CURRENT.{dead_pid()}.{token}.1").write_text("build-x\n")
        report = build_index(small, encoder=encoder, progress=False)
        assert not report.changed and store.live_build(index_dir) == live
        names = {p.name for p in index_dir.iterdir()}
        assert partials[0] not in names and not any(n.startswith(".CURRENT.") for n in names)
        assert busy.is_dir() and (index_dir / "thesis.partial").is_dir()  # a live owner's, and the user's
    finally:
        running.kill()
        running.wait()
    build_index(small, encoder=encoder, progress=False)
    assert not busy.exists() and (index_dir / "thesis.partial").is_dir()


Usage = namedtuple("Usage", "total used free")


def test_build_is_refused_when_the_disk_is_clearly_short(small, encoder, monkeypatch, capsys):
    index_dir = Path(small.index_dir)
    live = store.live_build(index_dir)
    names = sorted(p.name for p in index_dir.iterdir())
    monkeypatch.setattr(shutil, "disk_usage", lambda path: Usage(10**9, 10**9 - 60_000, 60_000))
    with pytest.raises(IndexStateError) as e:
        build_index(small, encoder=encoder, rebuild=True, progress=False)
    message = str(e.value)
    assert message.startswith(f"not enough disk space for the index in {index_dir}: a build needs about ")
    assert "0.1 MB are free" in message and "\n" not in message
    after = sorted(p.name for p in index_dir.iterdir() if p.name != store.LOCK)
    assert after == names and store.live_build(index_dir) == live  # nothing written, nothing removed
    code, out, err = run_main(capsys, "index", "--rebuild", "--seeds", str(small.seeds_dir),
                              "--index-dir", str(index_dir))
    assert code == 1 and out == "" and err.strip() == f"error: {message}"


def test_space_estimate_follows_the_previous_build(small, tmp_path):
    index_dir = Path(small.index_dir)
    manifest = store.read_manifest(index_dir)
    text_bytes = manifest["document_bytes"]
    on_disk = sum(p.stat().st_size for p in store.live_build(index_dir).rglob("*") if p.is_file())
    assert store.estimate_build_bytes(index_dir, text_bytes) == pytest.approx(on_disk, rel=0.01)
    assert store.estimate_build_bytes(index_dir, 10 * text_bytes) == pytest.approx(10 * on_disk, rel=0.01)
    # no previous build: the cautious default ratio, still within a factor of two of the real size
    fresh = store.estimate_build_bytes(tmp_path / "none", text_bytes)
    assert on_disk / 2 < fresh <= on_disk


# -- 3. readers during a switch ---------------------------------------------------------------------


def test_build_replaced_by_a_switch_stays_loadable_for_readers(small, encoder):
    index_dir = Path(small.index_dir)
    old = store.live_build(index_dir)
    files = {p.relative_to(old): p.read_bytes() for p in old.rglob("*") if p.is_file()}
    build_index(small, encoder=encoder, rebuild=True, progress=False)
    assert store.live_build(index_dir) != old
    assert {p.relative_to(old): p.read_bytes() for p in old.rglob("*") if p.is_file()} == files


def test_load_retries_once_when_the_pointer_moves_and_its_build_vanishes(small, monkeypatch):
    """A reader resolves CURRENT; meanwhile a new build goes live and the one it was reading is removed."""
    index_dir = Path(small.index_dir)
    data = load_index(index_dir)
    first = data.path
    real_check = store._check_files
    calls = []

    def switch_then_check(build, manifest):
        calls.append(build.name)
        if len(calls) == 1:
            store.save_index(index_dir, data)  # a new build goes live...
            shutil.rmtree(first)  # ...and the one being read is gone (as after its grace period)
        return real_check(build, manifest)

    monkeypatch.setattr(store, "_check_files", switch_then_check)
    loaded = load_index(index_dir)
    assert calls == [first.name, loaded.path.name] and loaded.path != first
    assert [c.text for c in loaded.chunks] == [c.text for c in data.chunks]


def test_load_does_not_retry_when_the_pointer_did_not_move(small, monkeypatch):
    index_dir = Path(small.index_dir)
    real_check = store._check_files
    calls = []
    monkeypatch.setattr(store, "_check_files", lambda b, m: calls.append(1) or real_check(b, m))
    (store.live_build(index_dir) / "dense.faiss").write_bytes(b"damaged")
    with pytest.raises(IndexStateError, match="dense.faiss is damaged"):
        load_index(index_dir)
    assert len(calls) == 1


READER = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from rag.store import load_index\n"
    "from rag.errors import IndexStateError\n"
    "ok = failed = 0\n"
    "stop = Path(sys.argv[2])\n"
    "while not stop.exists() and ok + failed < 2000:\n"
    "    try:\n"
    "        load_index(Path(sys.argv[1])); ok += 1\n"
    "    except IndexStateError as e:\n"
    "        failed += 1; print(e, file=sys.stderr)\n"
    "print(ok, failed)\n"
)


def test_readers_in_another_process_never_fail_while_builds_switch(small, tmp_path):
    index_dir = Path(small.index_dir)
    data = load_index(index_dir)
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(index_dir), str(stop)], env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)  # the reader is importing and loading
        for _ in range(8):  # switches further apart than one load takes
            store.save_index(index_dir, data)  # each switch removes builds older than the previous one
            time.sleep(0.8)
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=120)
    ok, failed = map(int, out.split())
    assert failed == 0, err[-1000:]
    assert ok >= 5  # loads did overlap the switches


# -- 4. the build lock --------------------------------------------------------------------------------


HOLD_LOCK = (
    "import sys, time\n"
    "from filelock import FileLock\n"
    "with FileLock(sys.argv[1], timeout=10):\n"
    "    print('held', flush=True)\n"
    "    time.sleep(60)\n"
)


def test_a_filelock_held_elsewhere_blocks_the_build_with_one_line(small, encoder):
    index_dir = Path(small.index_dir)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(index_dir / store.LOCK)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(IndexStateError) as e:
            build_index(small, encoder=encoder, rebuild=True, progress=False)
        assert str(e.value) == f"another build is running on {index_dir}; wait for it to finish"
    finally:
        holder.kill()
        holder.wait()
    assert build_index(small, encoder=encoder, rebuild=True, progress=False).changed


def test_build_lock_is_filelock_and_releases(small):
    import filelock

    index_dir = Path(small.index_dir)
    with store.build_lock(index_dir) as marker:
        assert marker == store.read_marker(index_dir)
        with pytest.raises(filelock.Timeout):
            filelock.FileLock(index_dir / store.LOCK, timeout=0).acquire()
    with filelock.FileLock(index_dir / store.LOCK, timeout=0):
        pass  # released on exit
