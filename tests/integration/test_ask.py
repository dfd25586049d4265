"""End to end: the Python API and the `rag` command line."""

import json

import pytest

from rag.cli import main
from tests.helpers import copy_seeds

KNOWN = {
    "What is the Making it Real Board?": "004_524d3bd921eb7cc3.txt",
    "What is Schwarz Rounds?": "000_49f02c2bf2791361.txt",
    "How many complaints did Harrow record in 2022/23?": "001_e2cb7d810d972149.txt",
    "What are the Better Lives Review Panels?": "002_fe06ddfc764f7b9d.txt",
    "Which report says staff had no principal OT?": "003_1bc15638112c4b2f.txt",
    "What is the Oliver McGowan training?": "004_524d3bd921eb7cc3.txt",
}


@pytest.mark.parametrize("question,doc", KNOWN.items())
def test_known_questions_find_the_right_document(pipeline, question, doc):
    answer = pipeline.ask(question, k=5)
    assert answer.passages[0].chunk.doc_id == doc
    assert not answer.abstained and answer.citations[0].passage.chunk.doc_id == doc


def run(capsys, *args):
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_ask_json_follows_the_answer_format(capsys, settings, pipeline):
    code, out, _ = run(capsys, "ask", "--json", "What is the Making it Real Board?",
                       "--index-dir", str(settings.index_dir), "--seeds", str(settings.documents_dir))
    assert code == 0
    d = json.loads(out)
    assert d["question"] == "What is the Making it Real Board?" and d["abstained"] is False
    assert d["passages"][0]["doc"] == "004_524d3bd921eb7cc3.txt"
    for key in ("doc", "authority", "section", "text", "start", "end", "score", "highlights", "n"):
        assert key in d["citations"][0]
    assert {"embed", "retrieve", "compose", "total"} <= set(d["timings_ms"])


def test_ask_prints_answer_then_sources(capsys, settings, pipeline):
    code, out, _ = run(capsys, "ask", "What is Schwarz Rounds?", "-k", "3",
                       "--index-dir", str(settings.index_dir), "--seeds", str(settings.documents_dir))
    assert code == 0
    assert "[1]" in out and "Sources" in out and "000_49f02c2bf2791361.txt" in out


def test_ask_builds_a_missing_index_first(capsys, tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    code, out, _ = run(capsys, "ask", "--json", "What is Schwarz Rounds?",
                       "--index-dir", str(tmp_path / "index"), "--seeds", str(seeds))
    assert code == 0 and json.loads(out)["passages"][0]["doc"] == "000_49f02c2bf2791361.txt"
    assert (tmp_path / "index" / "CURRENT").exists()


@pytest.mark.parametrize("args,message", [
    (["ask", "   "], "error: the question is empty"),
    (["ask", "hello", "--seeds", "/nonexistent/seeds"], "error: documents folder not found"),
    (["index", "--seeds", "/nonexistent/seeds"], "error: documents folder not found"),
])
def test_usage_errors_are_one_line_with_exit_code_2(capsys, tmp_path, args, message):
    code, _, err = run(capsys, *args, "--index-dir", str(tmp_path / "index"))
    assert code == 2
    assert err.strip().startswith(message) and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_empty_seeds_folder_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "index", "--seeds", str(tmp_path / "empty"), "--index-dir", str(tmp_path / "index"))
    assert code == 2 and err.strip() == f"error: no documents (*.txt, *.md, *.html, *.htm, *.pdf) in {tmp_path / 'empty'}"


def test_unknown_retriever_is_rejected(capsys, settings, pipeline):
    code, _, err = run(capsys, "ask", "hello", "--retriever", "magic",
                       "--index-dir", str(settings.index_dir), "--seeds", str(settings.documents_dir))
    assert code == 2 and "retriever" in err and "Traceback" not in err


def test_chat_reads_follow_ups_from_the_turn_before(capsys, monkeypatch, settings, pipeline):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(
        "What did Hounslow score for learning, improvement and innovation?\n\nand what about Ealing?\n/quit\nnever\n"))
    code, out, _ = run(capsys, "chat", "--index-dir", str(settings.index_dir), "--seeds", str(settings.documents_dir))
    assert code == 0
    assert "read as: What did Ealing score for learning, improvement and innovation?" in out
    assert out.count("Sources") == 2 and "never" not in out
