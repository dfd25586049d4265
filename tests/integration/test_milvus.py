"""The Milvus engine (Milvus Lite in a temporary file) against the embedded FAISS + files store on
the seeds: same BM25 scores, same top-5 passages, filters pushed down, clear errors, server stopped."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest

pytest.importorskip("pymilvus")
pytest.importorskip("milvus_lite")

from rag.config import PROJECT_ROOT, Settings  # noqa: E402
from rag.engine import close_index, sync_store  # noqa: E402
from rag.milvus_retrieve import ALL_PASSAGES, MilvusRetriever  # noqa: E402
from rag.milvus_store import MilvusStore, filter_expression, parse_store, query_term_counts  # noqa: E402
from rag.records import Filters  # noqa: E402

GOLD = PROJECT_ROOT / "eval" / "gold.jsonl"
#: How many gold questions (from the top of the file) are compared between the engines.
COMPARED = 30


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    """The seeds, indexed into a temporary folder."""
    return Settings(documents_dir=PROJECT_ROOT / "seeds", index_dir=tmp_path_factory.mktemp("index"), store=None)


@pytest.fixture(scope="module")
def lite_path(tmp_path_factory) -> Path:
    """The Milvus Lite file of this module's tests."""
    return tmp_path_factory.mktemp("milvus") / "seeds.db"


@pytest.fixture(scope="module")
def pipeline(settings):
    """The embedded engine (FAISS + files) on the seeds."""
    from rag.pipeline import Pipeline

    return Pipeline.load(settings=settings, build=True)


@pytest.fixture(scope="module")
def milvus(pipeline, settings, lite_path):
    """The seeds in Milvus Lite, loaded through the same Pipeline API; its server is stopped afterwards."""
    from rag.pipeline import Pipeline

    loaded = Pipeline.load(settings=settings.with_overrides(store=str(lite_path)), build=True)
    try:
        yield loaded
    finally:
        close_index(loaded.data)


def gold_questions() -> list[str]:
    """The first gold questions on the seeds."""
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()][:COMPARED]


def test_the_milvus_pipeline_uses_the_milvus_retriever(milvus):
    """A store setting gives a Milvus-backed retriever that holds no vectors."""
    assert isinstance(milvus.retriever, MilvusRetriever)
    assert milvus.data.chunk_vectors.size == 0  # the vectors stay in Milvus


def test_stored_bm25_weights_give_the_lexical_scores(pipeline, milvus):
    """Term counts · stored BM25 weights equal rag.lexical's scores for every passage."""
    for question in gold_questions():
        text = pipeline.retriever.glossary.expand(question)
        expected = pipeline.data.lexical.scores(text)
        terms = query_term_counts(milvus.retriever.vocabulary, text)
        got = np.zeros_like(expected)
        for position, score in milvus.retriever._lexical(terms, ALL_PASSAGES).items():
            got[position] = score
        assert np.allclose(got, expected, rtol=1e-5, atol=1e-5), question


def test_top5_agrees_with_the_embedded_store_on_the_gold_questions(pipeline, milvus):
    """Both engines rank the same five passages, in the same order, for each question."""
    different = []
    for question in gold_questions():
        query = pipeline.analyse(question)
        vec = pipeline.encoder.encode([query.text])[0]
        embedded = [p.chunk.chunk_id for p in pipeline.retriever.search(query, vec, 5).passages]
        served = [p.chunk.chunk_id for p in milvus.retriever.search(query, vec, 5).passages]
        if served != embedded:
            different.append((question, embedded, served))
    assert not different


def test_answers_are_the_same_through_either_engine(pipeline, milvus):
    """A whole answer (text and citations) does not depend on the engine."""
    question = gold_questions()[0]
    a, b = pipeline.ask(question), milvus.ask(question)
    assert a.answer == b.answer
    assert [c.passage.chunk.chunk_id for c in a.citations] == [c.passage.chunk.chunk_id for c in b.citations]


def _pushed_down(milvus, filters: Filters, question: str = "support for carers") -> set[int]:
    """Chunk ids Milvus returns (dense and BM25 searches) for ``filters``, asking for every passage."""
    r = milvus.retriever
    expr = filter_expression(filters)
    vec = milvus.encoder.encode([question])[0]
    dense = r.store.search_passages(r.build, vec, expr, len(r.chunks), False)
    terms = query_term_counts(r.vocabulary, question)
    lexical = r.store.search_terms(r.build, terms, expr, len(r.chunks))
    assert set(lexical) <= set(dense)
    return set(dense)


@pytest.mark.parametrize("which", ["council", "statement", "other statement", "rating", "all three"])
def test_filters_pushed_down_return_exactly_the_matching_passages(milvus, which):
    """Milvus returns exactly the passages Filters.matches accepts."""
    from rag.framework import STATEMENTS

    chunks = milvus.retriever.chunks
    sample = next(c for c in chunks if c.council and c.statement and c.rating is not None and c.kind == "finding")
    absent = next(s.name for s in STATEMENTS if s.name not in {c.statement for c in chunks})
    filters = {
        "council": Filters(councils=(sample.council.upper(),)),  # names compare case-insensitively
        "statement": Filters(statement=sample.statement.lower()),
        "other statement": Filters(statement=absent),  # the seeds all report on one statement
        "rating": Filters(rating=sample.rating),
        "all three": Filters((sample.council,), None, sample.statement, sample.rating),
    }[which]
    expected = {c.chunk_id for c in chunks if filters.matches(c)}
    assert bool(expected) == (which != "other statement")
    if which in ("council", "rating", "all three"):
        assert len(expected) < len(chunks)
    assert _pushed_down(milvus, filters) == expected


def test_a_question_naming_a_council_is_searched_within_it(milvus):
    """The council a question names is part of the expression sent to Milvus."""
    council = next(c.council for c in milvus.retriever.chunks if c.council)
    retrieval = milvus.retrieve(f"How does {council} support unpaid carers?", k=5)
    assert retrieval.passages and {p.chunk.council for p in retrieval.passages} == {council}
    expr = milvus.retriever.expression(milvus.analyse(f"How does {council} support unpaid carers?"))
    assert council.casefold() in expr


def test_filters_through_ask_give_only_matching_passages(milvus):
    """Authority and score filters on ask reach Milvus and hold for every passage."""
    sample = next(c for c in milvus.retriever.chunks if c.council and c.rating is not None)
    answer = milvus.ask("What do people say about waiting times?", k=8, authorities=(sample.council,),
                        score=sample.rating)
    assert answer.passages
    assert all(p.chunk.council == sample.council and p.chunk.rating == sample.rating for p in answer.passages)


def test_a_second_sync_copies_nothing(settings, milvus, lite_path):
    """A store already holding the current build is left as it is."""
    with MilvusStore(parse_store(str(lite_path))) as store:
        before = store.builds()
        _, copied = sync_store(settings, store, quick=True)
        assert not copied and store.builds() == before == [milvus.data.build]


@pytest.mark.parametrize("uri, code", [("ftp://example/x", 2), ("milvus://localhost", 2), ("index.sqlite", 2),
                                       ("milvus://127.0.0.1:1", 1)])
@pytest.mark.parametrize("command", [["ask", "What is the Making it Real Board?"], ["index"], ["eval"]])
def test_a_bad_store_is_a_one_line_error(capsys, tmp_path, uri, code, command):
    """A bad or unreachable --store ends with one line on stderr and a non-zero code."""
    from rag.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--index-dir", str(tmp_path / "index"), "--store", uri])
    err = capsys.readouterr().err.strip()
    assert exit_info.value.code == code
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err


def test_closing_the_last_connection_stops_the_lite_server(tmp_path):
    """Milvus Lite's server stops when its last connection closes, not before."""
    from milvus_lite.server_manager import server_manager_instance

    path = tmp_path / "alone.db"
    first, second = MilvusStore(parse_store(str(path))), MilvusStore(parse_store(str(path)))
    port = urlsplit(server_manager_instance.start_and_get_uri(str(path))).port  # the running server's address
    first.close()
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass  # still serving the second connection
    second.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_the_candidate_path_of_large_collections_still_ranks_within_the_filters(milvus, settings):
    """Above Milvus's topk limit only the best candidates are fetched: results stay filtered and ranked."""
    from rag.milvus_retrieve import MilvusRetriever

    retriever = MilvusRetriever(milvus.data, settings)
    retriever.exact, retriever.limit = False, 20  # as for a collection too large to fetch whole
    council = next(c.council for c in retriever.chunks if c.council)
    question = f"How does {council} support unpaid carers?"
    query = milvus.analyse(question)
    vec = milvus.encoder.encode([query.text])[0]
    passages = retriever.search(query, vec, 5).passages
    assert len(passages) == 5 and {p.chunk.council for p in passages} == {council}
    assert [p.relevance for p in passages] == sorted((p.relevance for p in passages), reverse=True)
    exact = [p.chunk.chunk_id for p in milvus.retriever.search(query, vec, 5).passages]
    assert passages[0].chunk.chunk_id in exact


def test_a_store_that_no_longer_matches_the_documents_is_refused(milvus, settings, lite_path, tmp_path):
    """Loading without a build refuses a Milvus index built from other documents, in one line."""
    from rag.errors import IndexStateError
    from rag.pipeline import Pipeline

    fewer = tmp_path / "documents"
    fewer.mkdir()
    first = sorted(p for p in (PROJECT_ROOT / "seeds").iterdir() if p.suffix == ".txt")[0]
    (fewer / first.name).write_bytes(first.read_bytes())
    with pytest.raises(IndexStateError, match="out of date") as error:
        Pipeline.load(settings=settings.with_overrides(documents_dir=fewer, store=str(lite_path)))
    assert "\n" not in str(error.value)


@pytest.fixture(scope="module")
def milvus_server(tmp_path_factory):
    """A Milvus server on a loopback port (Milvus Lite's standalone gRPC server), stopped afterwards."""
    import subprocess
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data_dir = tmp_path_factory.mktemp("milvus-server")
    process = subprocess.Popen([sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(data_dir),
                                "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "the Milvus server did not start"
                time.sleep(0.5)
        yield f"milvus://127.0.0.1:{port}/seeds"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_server_uri_serves_the_same_passages(pipeline, settings, milvus_server):
    """The same code over a server URI: copied by `rag index --store`, ranked as the embedded store ranks."""
    from rag.cli import main
    from rag.pipeline import Pipeline

    with pytest.raises(SystemExit) as exit_info:
        main(["index", "--index-dir", str(settings.index_dir), "--store", milvus_server])
    assert not exit_info.value.code
    served = Pipeline.load(settings=settings.with_overrides(store=milvus_server))
    try:
        assert served.data.build and served.retriever.store.target.kind == "server"
        for question in gold_questions()[:10]:
            query = pipeline.analyse(question)
            vec = pipeline.encoder.encode([query.text])[0]
            expected = [p.chunk.chunk_id for p in pipeline.retriever.search(query, vec, 5).passages]
            assert [p.chunk.chunk_id for p in served.retriever.search(query, vec, 5).passages] == expected, question
    finally:
        close_index(served.data)
