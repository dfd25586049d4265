"""Building, saving, loading and incrementally updating the index."""

import json

import numpy as np

from rag.config import Settings
from rag.indexer import build_index
from rag.store import live_build, load_index
from tests.helpers import copy_seeds


def test_round_trip_keeps_chunks_vectors_and_manifest(pipeline, settings):
    data = load_index(settings.index_dir)
    assert [c.text for c in data.chunks] == [c.text for c in pipeline.data.chunks]
    assert np.allclose(data.chunk_vectors, pipeline.data.chunk_vectors)
    m = data.manifest
    assert m["model"]["id"] == "all-MiniLM-L6-v2" and m["model"]["dim"] == 384
    assert m["model"]["weights_sha256"].startswith("53aa5117")
    assert m["counts"]["documents"] == 5 and m["counts"]["retrievable"] == 90  # 80 findings, 5 score lines, 5 commitments
    assert set(m["documents"]) == {p.name for p in settings.documents_dir.glob("*.txt")}
    assert data.dense.ntotal == 90 and np.allclose(np.linalg.norm(data.chunk_vectors, axis=1), 1.0, atol=1e-4)
    assert json.loads((live_build(settings.index_dir) / "manifest.json").read_text())["chunker_version"]


def test_incremental_rebuild_reembeds_only_the_changed_document(tmp_path, encoder):
    seeds = copy_seeds(tmp_path / "seeds")
    settings = Settings(documents_dir=seeds, index_dir=tmp_path / "index")
    first = build_index(settings, encoder=encoder, progress=False)
    assert first.changed and first.encoded_passages > 0

    again = build_index(settings, encoder=encoder, progress=False)
    assert not again.changed and again.encoded_passages == again.encoded_sentences == 0

    doc = seeds / "000_49f02c2bf2791361.txt"
    doc.write_text(doc.read_text().replace("Schwarz Rounds", "Schwartz Rounds"))
    before = encoder.encoded
    changed = build_index(settings, encoder=encoder, progress=False)
    # one paragraph and one sentence changed: exactly those are encoded again
    assert changed.changed and changed.encoded_passages == 1 and changed.encoded_sentences == 1
    assert encoder.encoded - before == 2

    (seeds / "001_e2cb7d810d972149.txt").unlink()
    removed = build_index(settings, encoder=encoder, progress=False)
    assert removed.encoded_passages == removed.encoded_sentences == 0
    data = load_index(settings.index_dir)
    assert "001_e2cb7d810d972149.txt" not in data.manifest["documents"]
    assert all(c.doc_id != "001_e2cb7d810d972149.txt" for c in data.chunks)


def test_a_build_replaces_the_previous_one_atomically(tmp_path, encoder):
    settings = Settings(documents_dir=copy_seeds(tmp_path / "seeds"), index_dir=tmp_path / "index")
    build_index(settings, encoder=encoder, progress=False)
    old = live_build(settings.index_dir)
    build_index(settings, encoder=encoder, rebuild=True, progress=False)
    new = live_build(settings.index_dir)
    assert new != old and not old.exists() and new.exists()
    assert [p.name for p in settings.index_dir.iterdir() if p.name.startswith("build-")] == [new.name]
