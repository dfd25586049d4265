"""Unusable documents fall back to the intact index with one warning; passages are checked against
their documents when an index is loaded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rag import store
from rag.errors import CorpusError, IndexStateError
from rag.indexer import build_index, load_current
from rag.pipeline import Pipeline, ensure_index
from rag.store import load_index
from tests.helpers import DOC, QUESTION, run_main

UNDECODABLE = b"caf\xe9.txt"  # a file name that is not UTF-8


def add_undecodable_file(seeds: Path) -> None:
    with open(bytes(seeds) + b"/" + UNDECODABLE, "wb") as f:
        f.write(b"Harrow\n\nHarrow ran a new carers' forum in its libraries.\n")


def break_metadata(seeds: Path) -> None:
    (seeds / "metadata.toml").write_text('[documents."x.txt"\nscore = ', encoding="utf-8")


def remove_folder(seeds: Path) -> None:
    shutil.rmtree(seeds)


def only_headings(seeds: Path) -> None:
    """Readable, but nothing is left to index: the build fails after the documents were read."""
    for p in seeds.glob("*.txt"):
        p.unlink()
    (seeds / "metadata.toml").unlink()
    (seeds / "title-only.txt").write_text("Learning, improvement and innovation\n", encoding="utf-8")


UNUSABLE = {
    "bad-metadata": (break_metadata, "not valid TOML"),
    "folder-missing": (remove_folder, "documents folder not found"),
    "nothing-to-index": (only_headings, "no paragraphs to index"),
}


# -- 5. fall back to the intact index ------------------------------------------------------------------


@pytest.mark.parametrize("case", UNUSABLE)
def test_rag_ask_falls_back_to_the_intact_index_with_one_warning(small, capsys, case):
    spoil, reason = UNUSABLE[case]
    live = store.live_build(small.index_dir)
    spoil(Path(small.seeds_dir))
    code, out, err = run_main(capsys, "ask", QUESTION, "--seeds", str(small.seeds_dir),
                              "--index-dir", str(small.index_dir))
    assert code == 0, err
    assert "Traceback" not in err
    warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and reason in warnings[0] and "answering from the existing index" in warnings[0]
    assert not [line for line in err.splitlines() if line.startswith("error")]
    assert "[1]" in out and "Hounslow" in out
    assert store.live_build(small.index_dir) == live  # the index was used, not replaced


@pytest.mark.parametrize("case", ["folder-missing", "bad-metadata"])
def test_pipeline_load_with_build_falls_back_and_reports_the_warning(small, case):
    """The path of `rag serve`: Pipeline.load(build=True), and ensure_index's report."""
    UNUSABLE[case][0](Path(small.seeds_dir))
    report = ensure_index(small)
    assert report is not None and not report.changed and len(report.warnings) == 1
    assert UNUSABLE[case][1] in report.warnings[0]
    answer = Pipeline.load(settings=small, build=True).ask(QUESTION)
    assert answer.citations and not answer.abstained


def test_undecodable_file_names_are_skipped_with_one_warning(small, capsys):
    shutil.rmtree(small.index_dir)
    add_undecodable_file(Path(small.seeds_dir))
    for command in (["index"], ["ask", QUESTION]):
        code, out, err = run_main(capsys, *command, "--seeds", str(small.seeds_dir), "--index-dir",
                                  str(small.index_dir))
        assert code == 0 and "Traceback" not in err
        if command == ["index"]:
            assert "warning: caf\\xe9.txt: the file name is not valid text, skipped" in err


def test_damaged_index_is_not_a_fallback(small, capsys):
    """Only an intact index is used: with a damaged one the documents' error is reported."""
    break_metadata(Path(small.seeds_dir))
    (store.live_build(small.index_dir) / "dense.faiss").write_bytes(b"damaged")
    with pytest.raises(CorpusError, match="not valid TOML"):
        ensure_index(small)


def test_rag_index_still_fails_loudly_on_unusable_documents(small, capsys):
    break_metadata(Path(small.seeds_dir))
    code, out, err = run_main(capsys, "index", "--seeds", str(small.seeds_dir), "--index-dir", str(small.index_dir))
    assert code == 1 and out == "" and "not valid TOML" in err and len(err.strip().splitlines()) == 1


# -- 7. passages checked against their documents -------------------------------------------------------


def rewrite_records(settings, change) -> None:
    """Apply ``change(record) -> bool`` to the chunk records of the live build until one returns True,
    then fix up the manifest's checksum (so only the comparison with the documents can notice)."""
    import sqlite3

    build = store.live_build(settings.index_dir)
    path = build / "chunks.sqlite"
    with sqlite3.connect(path) as db:
        for cid, text in db.execute("SELECT id, record FROM chunk ORDER BY id").fetchall():
            record = json.loads(text)
            if change(record):
                db.execute("UPDATE chunk SET record = ? WHERE id = ?", (json.dumps(record, ensure_ascii=False), cid))
                break
    db.close()
    manifest = json.loads((build / store.MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["chunks.sqlite"] = store.file_sha256(path)
    (build / store.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def tamper_chunk(settings) -> str:
    """Change one passage's text (offsets kept); returns the new text."""
    changed: list[str] = []

    def change(record: dict) -> bool:
        if record["kind"] == "finding" and "Hounslow" in record["text"]:
            record["text"] = record["text"].replace("Hounslow", "Hounsl0w")
            changed.append(record["text"])
            return True
        return False

    rewrite_records(settings, change)
    return changed[0]


def test_passages_that_differ_from_their_documents_are_refused_on_load(small):
    tampered = tamper_chunk(small)
    assert any(c.text == tampered for c in load_index(small.index_dir).chunks)  # consistent in itself...
    for load in (lambda: load_current(small), lambda: Pipeline.load(settings=small)):
        with pytest.raises(IndexStateError) as e:  # ...but not with the documents
            load()
        assert "out of date" in str(e.value) and f"differs from {DOC}" in str(e.value)
        assert "run `rag index`" in str(e.value) and "\n" not in str(e.value)


def test_passages_that_differ_from_their_documents_are_rebuilt(small, encoder):
    tampered = tamper_chunk(small)
    report = ensure_index(small)
    assert report is not None and report.changed
    data = load_current(small)
    doc = (Path(small.seeds_dir) / DOC).read_text(encoding="utf-8")
    assert all(doc[c.start : c.end] == c.text for c in data.chunks)
    assert not any(c.text == tampered for c in data.chunks)
    assert not build_index(small, encoder=encoder, progress=False).changed  # and now it is current


def test_sentences_outside_their_passage_are_refused(small):
    def change(record: dict) -> bool:
        if record["sentences"] and record["start"] > 0 and record["sentences"][0][0] == record["start"]:
            record["sentences"][0][0] -= 5  # a sentence that starts before its passage
            return True
        return False

    rewrite_records(small, change)
    with pytest.raises(IndexStateError, match="sentences outside its range"):
        load_current(small)
