"""The fast query path: ONNX query encoder and bm25s-free lexical scoring give the reference results."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag import lexical, query_encoder
from rag.config import Settings
from rag.embedding import Encoder
from rag.evaluate import load_gold
from rag.indexer import build_index
from rag.pipeline import Pipeline
from rag.store import live_build, load_index
from tests.helpers import GOLD, copy_seeds

TEXTS = [
    "How many complaints did Harrow's complaints service record in 2022/23?",
    "Which councils have a Principal Occupational Therapist?",
    "  padded with spaces  ",
    "x",
    "Über naïve café — “quoted” – text 😀",
    "Staff told us that learning from safeguarding adults reviews was shared. " * 30,  # truncated at 256 tokens
]


@pytest.fixture(scope="module")
def fast(pipeline):
    enc, reason = query_encoder.load_with_reason(pipeline.data)
    assert enc is not None, reason
    return enc


def cosine_distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return 1.0 - np.sum(a.astype(np.float64) * b.astype(np.float64), axis=1)


def test_the_build_records_a_checked_onnx_graph(pipeline):
    entry = pipeline.data.manifest["query_encoder"]
    path = pipeline.data.path / query_encoder.ONNX_FILE
    assert path.is_file() and pipeline.data.manifest["files"][query_encoder.ONNX_FILE] == entry["sha256"]
    assert entry["max_cosine_distance"] <= query_encoder.TOLERANCE
    assert entry["max_seq_length"] == 256 and entry["pooling"] == "mean" and entry["dim"] == 384
    assert isinstance(pipeline.encoder, query_encoder.OnnxQueryEncoder)


def test_onnx_vectors_match_sentence_transformers(fast, encoder):
    reference = encoder.encode(TEXTS)
    batch = fast.encode(TEXTS)
    single = np.stack([fast.encode([t])[0] for t in TEXTS])
    assert batch.dtype == np.float32 and batch.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    assert cosine_distance(batch, reference).max() <= 1e-5
    assert cosine_distance(single, reference).max() <= 1e-5
    assert fast.encode([]).shape == (0, 384)


def test_pipeline_answers_identically_with_either_encoder(pipeline, encoder, settings):
    reference = Pipeline(pipeline.data, settings, encoder)
    questions = [g.question for g in load_gold(GOLD)][::8]
    for q in questions:
        a, b = pipeline.ask(q), reference.ask(q)
        assert [p.chunk.chunk_id for p in a.passages] == [p.chunk.chunk_id for p in b.passages], q
        assert a.answer == b.answer and a.abstained == b.abstained, q


def test_falls_back_to_sentence_transformers_when_the_graph_is_missing_or_wrong(pipeline, settings, tmp_path,
                                                                                monkeypatch):
    elsewhere = dataclasses.replace(pipeline.data, path=tmp_path)  # a build folder without the file
    enc, reason = query_encoder.load_with_reason(elsewhere)
    assert enc is None and reason == "query_encoder.onnx is missing from the build"
    p = Pipeline(elsewhere, settings)
    assert isinstance(p.encoder, Encoder)
    assert p.ask("What is Schwarz Rounds?").passages[0].chunk.doc_id == "000_49f02c2bf2791361.txt"

    (tmp_path / query_encoder.ONNX_FILE).write_bytes(b"not an onnx graph")
    enc, reason = query_encoder.load_with_reason(elsewhere)
    assert enc is None and "checksum" in reason

    no_entry = dataclasses.replace(pipeline.data, manifest={k: v for k, v in pipeline.data.manifest.items()
                                                            if k != "query_encoder"})
    assert query_encoder.load_query_encoder(no_entry) is None
    other = dataclasses.replace(pipeline.data, manifest={**pipeline.data.manifest, "query_encoder": {
        **pipeline.data.manifest["query_encoder"], "tokenizer_sha256": "0" * 64}})
    assert query_encoder.load_with_reason(other)[0] is None

    monkeypatch.setenv("RAG_QUERY_ENCODER", "torch")
    assert query_encoder.load_with_reason(pipeline.data) == (None, "RAG_QUERY_ENCODER=torch")


def test_a_rebuild_links_the_graph_instead_of_exporting_again(tmp_path, encoder):
    seeds = copy_seeds(tmp_path / "seeds", "000_49f02c2bf2791361.txt")
    settings = Settings(documents_dir=seeds, index_dir=tmp_path / "index")
    first = build_index(settings, encoder=encoder, progress=False).manifest["query_encoder"]
    query_encoder._EXPORTED.clear()  # only the live build can provide it now
    calls = []
    real = query_encoder.export
    query_encoder.export = lambda *a, **k: calls.append(1) or real(*a, **k)
    try:
        again = build_index(settings, encoder=encoder, rebuild=True, progress=False).manifest["query_encoder"]
    finally:
        query_encoder.export = real
    assert not calls and again == first
    data = load_index(settings.index_dir)
    assert query_encoder.load_query_encoder(data) is not None
    assert not [p.name for p in settings.index_dir.iterdir() if p.name.endswith(".partial")]


def test_ask_in_a_fresh_process_imports_neither_torch_nor_bm25s(pipeline, settings):
    code = (
        "import sys; from pathlib import Path; from rag.pipeline import Pipeline; from rag.config import Settings;"
        f"p = Pipeline.load(settings=Settings(documents_dir=Path({str(settings.documents_dir)!r}), "
        f"index_dir=Path({str(settings.index_dir)!r})), build=True);"
        "a = p.ask('What is Schwarz Rounds?');"
        "print(type(p.encoder).__name__, a.passages[0].chunk.doc_id, "
        "sorted(m for m in ('torch', 'transformers', 'sentence_transformers', 'bm25s', 'numba', 'scipy') if m in sys.modules))"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["OnnxQueryEncoder", "000_49f02c2bf2791361.txt", "[]"]


def test_lexical_analysis_and_scores_equal_bm25s(pipeline):
    import bm25s

    texts = [c.text for c in pipeline.data.chunks[:40]] + [g.question for g in load_gold(GOLD)]
    texts += ["", "the a an", "Don't OTs' co-ordinate 2022/23 x1 ab_cd ÜBER", "THE Council’s POTs—and",
              "It overspent, spent and underspent; did it overspend?", "Providers said the council provided a Provider forum."]
    kept = {word: f"kept{i}apart" for i, word in enumerate(lexical.KEPT_APART)}  # words the stemmer leaves as they are

    def as_bm25s_reads(word: str) -> str:
        return kept.get(word.lower()) or lexical.IRREGULAR_FORMS.get(word.lower(), word)

    joined = [re.sub(r"\b\w+\b", lambda m: as_bm25s_reads(m.group(0)), t) for t in texts]
    back = {kept[word]: stem for word, stem in lexical.KEPT_APART.items()}
    expected = [[back.get(t, t) for t in tokens] for tokens in
                bm25s.tokenize(joined, stopwords="en", stemmer=lexical._stemmer(), return_ids=False, show_progress=False)]
    assert lexical.tokenize(texts) == expected  # bm25s's analysis, past forms read as their verbs, kept nouns as they are
    assert lexical.tokenize(["It overspent."]) == lexical.tokenize(["It will overspend."])

    saved = pipeline.data.lexical._bm25
    assert isinstance(saved, lexical.SavedBM25)
    reference = bm25s.BM25.load(str(pipeline.data.path / "bm25"))
    for tokens in expected[40:]:
        if tokens:
            assert np.array_equal(saved.get_scores(tokens), np.asarray(reference.get_scores(tokens), dtype=np.float32))


def test_saved_bm25_round_trips(pipeline, tmp_path):
    saved = pipeline.data.lexical._bm25
    saved.save(str(tmp_path / "bm25"))
    again = lexical.LexicalIndex.load(tmp_path / "bm25", pipeline.data.lexical.size)
    q = "How did Hounslow share learning with neighbouring boroughs?"
    assert np.array_equal(again.scores(q), pipeline.data.lexical.scores(q))
    assert json.loads((tmp_path / "bm25" / "params.index.json").read_text())["method"] == "lucene"


def test_the_index_folder_holds_nothing_but_builds(settings, pipeline):
    from rag.store import MARKER

    names = {p.name for p in Path(settings.index_dir).iterdir()}
    builds = {n for n in names if n.startswith("build-")}
    assert live_build(settings.index_dir).name in builds and len(builds) <= 2  # live, and one kept for readers
    assert names - builds <= {"CURRENT", ".lock", MARKER}


def test_the_split_copy_of_the_graph_gives_the_same_vectors_and_is_remade_when_damaged(pipeline, tmp_path, monkeypatch):
    """The graph opened for questions is a copy with its weights in a file of their own (faster to open), made
    once in the user cache: the same outputs bit for bit; a damaged copy is made again, never used."""
    from rag import split_graph

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    graph = pipeline.data.path / query_encoder.ONNX_FILE
    sha = pipeline.data.manifest["query_encoder"]["sha256"]
    copy = split_graph.split_graph(graph, sha)
    assert copy is not None and copy.parent == split_graph.split_folder(sha)
    assert (copy.parent / split_graph.WEIGHTS_FILE).stat().st_size > 0.9 * graph.stat().st_size
    assert copy.stat().st_size < 0.01 * graph.stat().st_size
    from rag.embedding import resolve_model

    tokenizer = resolve_model(pipeline.data.manifest["model"]["id"])[1] / "tokenizer.json"
    inline = query_encoder.OnnxQueryEncoder(graph, tokenizer, 384, 256)
    split = query_encoder.OnnxQueryEncoder(copy, tokenizer, 384, 256)
    assert np.array_equal(inline.encode(TEXTS), split.encode(TEXTS))
    weights = copy.parent / split_graph.WEIGHTS_FILE
    middle = weights.stat().st_size // 2
    with open(weights, "r+b") as f:  # one flipped byte
        f.seek(middle)
        byte = f.read(1)
        f.seek(middle)
        f.write(bytes([byte[0] ^ 0xFF]))
    assert not split_graph._intact(copy.parent, sha)
    assert split_graph.split_graph(graph, sha) == copy and split_graph._intact(copy.parent, sha)
    with open(weights, "rb") as f:
        f.seek(middle)
        assert f.read(1) == byte
    assert np.array_equal(query_encoder.OnnxQueryEncoder(copy, tokenizer, 384, 256).encode(TEXTS), inline.encode(TEXTS))
