"""Dense, lexical and hybrid retrieval: fusion, filters, authority awareness, persistence."""

import numpy as np
import pytest

from rag.lexical import LexicalIndex
from rag.records import Filters, Query
from rag.retrieve import minmax, rrf, run_rows, run_starts, top, weighted_fusion


def test_reciprocal_rank_fusion_on_hand_made_rankings():
    fused = rrf([[1, 2, 3], [3, 1]], k=60)
    assert fused[1] == pytest.approx(1 / 61 + 1 / 62)
    assert fused[3] == pytest.approx(1 / 63 + 1 / 61)
    assert fused[2] == pytest.approx(1 / 62)
    assert sorted(fused, key=fused.get, reverse=True) == [1, 3, 2]


def test_weighted_fusion_normalises_each_ranking():
    dense = np.array([0.9, 0.5, 0.1])
    lexical = np.array([0.0, 10.0, 5.0])
    assert np.allclose(minmax(dense), [1.0, 0.5, 0.0])
    assert np.allclose(weighted_fusion(dense, lexical, 0.5), [0.5, 0.75, 0.25])
    assert list(top(weighted_fusion(dense, lexical, 0.5), 2)) == [1, 0]


def test_runs_of_sentence_rows():
    counts = np.array([2, 0, 3, 1])  # sentences per passage
    assert list(run_starts(counts)) == [0, 2, 2, 5]
    assert list(run_rows(np.array([10, 5, 20, 7]), counts)) == [10, 11, 20, 21, 22, 7]


def test_lexical_index_survives_a_save_and_load(tmp_path):
    texts = ["The complaints service recorded 510 complaints", "Principal Occupational Therapist role", "Schwarz Rounds"]
    index = LexicalIndex.build(texts)
    index.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25", len(texts))
    assert np.allclose(index.scores("how many complaints"), loaded.scores("how many complaints"))
    assert int(np.argmax(loaded.scores("occupational therapists"))) == 1
    assert not loaded.scores("zzzz unknown words").any()


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_every_retriever_returns_k_ranked_passages(pipeline, mode):
    r = pipeline.retrieve("What is the Making it Real Board?", k=7, retriever=mode)
    assert [p.rank for p in r.passages] == list(range(1, 8))
    assert r.passages[0].chunk.doc_id == "004_524d3bd921eb7cc3.txt"
    assert all(p.chunk.retrievable for p in r.passages)


def test_filters_still_return_k_results(pipeline):
    r = pipeline.retrieve("complaints", k=6, filters=Filters(councils=("harrow",)))  # names compare case-insensitively
    assert len(r.passages) == 6 and {p.chunk.council for p in r.passages} == {"Harrow"}
    r = pipeline.retrieve("training", k=5, filters=Filters(section="Learning from feedback"))
    assert len(r.passages) == 5 and {p.chunk.section for p in r.passages} == {"Learning from feedback"}
    r = pipeline.retrieve("training", k=5, filters=Filters(rating=2))
    assert len(r.passages) == 5 and {p.chunk.doc_id for p in r.passages} == {"003_1bc15638112c4b2f.txt"}
    r = pipeline.retrieve("training", k=50, filters=Filters(councils=("Hounslow",)))
    assert len(r.passages) == 11  # all of Hounslow's passages (9 findings, score line, commitment), and no more
    assert all(Filters(councils=("Hounslow",)).matches(p.chunk) for p in r.passages)


def test_council_named_in_question_reaches_its_unnamed_paragraph(pipeline):
    # Harrow's complaints paragraph never says "Harrow"; the question's council restricts the search to it
    query = pipeline.analyse("How many complaints did Harrow record in 2022/23?")
    r = pipeline.retrieve(query, k=5)
    assert "Harrow" not in r.passages[0].chunk.text
    assert r.passages[0].chunk.doc_id == "001_e2cb7d810d972149.txt" and "510 complaints" in r.passages[0].chunk.text
    assert query.councils == ("Harrow",) and {p.chunk.council for p in r.passages} == {"Harrow"}


def test_acronyms_match_their_long_forms(pipeline):
    r = pipeline.retrieve("What was unclear to staff about learning from Safeguarding Adult Reviews?", k=5, retriever="bm25")
    assert any("SARs" in p.chunk.text and p.chunk.doc_id.startswith("003") for p in r.passages)


def faiss_path(pipeline, candidates: int):
    """A retriever over the same index that takes the large-corpus path (FAISS candidates only)."""
    from rag.retrieve import Retriever

    return Retriever(pipeline.data, pipeline.settings.with_overrides(flat_index_max=0, candidates=candidates))


def test_faiss_candidates_are_scored_exactly_as_the_flat_path(pipeline):
    q = pipeline.encoder.encode(["How did Hounslow share learning with neighbouring boroughs?"])[0]
    exact = pipeline.retriever.dense_scores(q)
    assert np.allclose(faiss_path(pipeline, candidates=50).dense_scores(q), exact, atol=1e-6)  # all are candidates

    few = faiss_path(pipeline, candidates=2).dense_scores(q)  # 8 candidates out of 90
    best = top(exact, 3)
    assert np.allclose(few[best], exact[best], atol=1e-6) and list(top(few, 3)) == list(best)
    rest = np.setdiff1d(np.arange(len(exact)), top(few, 8))
    assert np.all(few[rest] == few[top(few, 8)].min())  # non-candidates: the lowest candidate score


def test_faiss_path_keeps_filters_and_k(pipeline):
    q = "How many complaints were recorded?"
    query = Query(text=q, asked=q, filters=Filters(councils=("Harrow",)))
    r = faiss_path(pipeline, candidates=2).search(query, pipeline.encoder.encode([q])[0], k=6)
    assert len(r.passages) == 6 and {p.chunk.council for p in r.passages} == {"Harrow"}
