"""Any question gets a clear UsageError (only when nothing is left of it) or a well-formed answer, quickly."""

from __future__ import annotations

import functools
import time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from rag.analyse import clean_question
from rag.errors import UsageError
from tests.helpers import SEEDS, answer_problems

TIME_LIMIT_S = 2.0
REAL_QUESTIONS = [
    "How many complaints did Harrow's complaints service record in 2022/23?",
    "Which councils have a Principal Occupational Therapist?",
    "What score did Ealing get?",
    "How does Telford and Wrekin learn from feedback?",
]


@functools.lru_cache(maxsize=None)
def document(doc_id: str) -> str:
    return (SEEDS / doc_id).read_text(encoding="utf-8")


def ask_checked(pipeline, question: str):
    """Ask, and check everything an answer promises (FORMATS.md) and the time bound."""
    t0 = time.perf_counter()
    answer = pipeline.ask(question)
    elapsed = time.perf_counter() - t0
    assert elapsed < TIME_LIMIT_S, f"{elapsed:.2f} s for {question[:80]!r}"
    assert isinstance(answer.answer, str) and answer.answer
    for p in answer.passages:
        assert document(p.chunk.doc_id)[p.chunk.start : p.chunk.end] == p.chunk.text
    docs = {p.chunk.doc_id: document(p.chunk.doc_id) for p in answer.passages}
    docs.update({c.passage.chunk.doc_id: document(c.passage.chunk.doc_id) for c in answer.citations})
    assert not answer_problems(answer.to_dict(), docs), answer.answer
    assert answer.abstained == (not answer.citations)
    return answer


def expect_usage_error(pipeline, question) -> None:
    with pytest.raises(UsageError) as e:
        pipeline.ask(question)
    assert str(e.value) == "the question is empty"


@pytest.mark.parametrize(
    "question",
    ["", " ", "\t\n\r ", "\x00", "\x00\x01\x1f\x7f", "\u0085\u2028\u3000", "\x00 \t \x0b", None, 42],
    ids=["empty", "space", "whitespace", "nul", "controls", "unicode-space", "mixed", "none", "int"],
)
def test_empty_questions_are_a_usage_error(pipeline, question):
    expect_usage_error(pipeline, question)


def test_100kb_question_is_shortened_with_notice_in_bounded_time(pipeline):
    question = "Harrow complaints " + " ".join(f"word{i}" for i in range(15_000))
    assert len(question) > 100_000
    answer = ask_checked(pipeline, question)
    assert any("shortened" in n for n in answer.notices)


@pytest.mark.parametrize("question", ["x" * 5_000_000, "Harrow\x00 " * 4_000_000], ids=["5MB-word", "32MB-controls"])
def test_huge_question_is_cut_in_bounded_time(pipeline, question):
    answer = ask_checked(pipeline, question)
    assert any("shortened" in n for n in answer.notices)


def test_control_characters_and_nul_are_removed_with_notice(pipeline):
    answer = ask_checked(pipeline, "How many\x00 complaints did\x1b[31m Harrow\x07 record\x7f in 2022/23?")
    assert any("Control characters" in n for n in answer.notices)
    assert "510" in answer.answer


def test_undecodable_command_line_bytes_are_removed(pipeline):
    """Bytes that are not UTF-8 reach Python as lone surrogates, which the tokenizer rejects."""
    answer = ask_checked(pipeline, "How many complaints did Harrow record\udcff\udcfe in 2022/23?")
    assert "510" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "🙂🙂 What did Harrow do about complaints? 👍🏽👨‍👩‍👧",
        "哈罗议会收到了多少投诉？",
        "كم عدد الشكاوى في هارو؟",
        "Сколько жалоб получил Harrow?",
        "What about Harrow\u202e\u2066 complaints?\u2069",
        "\u200b\u200b\u200b",
        "e\u0301\u0301\u0301\u0301 Ealing",
        "<script>alert('x')</script> What did Ealing learn from feedback?",
        "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) `code` # Heading",
        "'; DROP TABLE chunks; -- What score did Hounslow get?",
        "Robert'); DELETE FROM documents WHERE 1=1;--",
        ".*+?[(\\ {0} %s %(x)s {__class__} ${HOME} $(rm -rf /) ../../etc/passwd",
        "[1] [2] [99] citation markers in the question",
        "Harrow " * 400,
        "council council council which councils compare all authorities",
    ],
)
def test_odd_questions_get_a_well_formed_answer(pipeline, question):
    ask_checked(pipeline, question)


def test_cleaning_is_idempotent_and_bounded():
    for q in ["a\x00b", "x" * 10_000, "  many   spaces  ", "\udcff", "e\u0301"]:
        once, _ = clean_question(q, 1000)
        assert clean_question(once, 1000) == (once, [])
        assert len(once) <= 1000


REAL = st.tuples(st.text(max_size=40), st.sampled_from(REAL_QUESTIONS), st.text(max_size=40)).map(" ".join)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(question=st.one_of(st.text(), st.text(min_size=900, max_size=3000), REAL))
def test_any_text_is_answered_or_refused_cleanly(pipeline, question):
    if not clean_question(question, pipeline.settings.max_question_chars)[0]:
        assert not any(ch.isalnum() for ch in question)
        expect_usage_error(pipeline, question)
    else:
        ask_checked(pipeline, question)


def test_cli_ask_with_undecodable_bytes_and_empty_question(settings, pipeline, capsys):
    """`rag ask`: undecodable argv bytes (surrogates) get an answer; an empty question exits 2 with one line."""
    from rag.cli import main

    def run(question: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as e:
            main(["ask", question, "--index-dir", str(settings.index_dir), "--seeds", str(settings.documents_dir)])
        return (e.value.code, *capsys.readouterr())

    for empty in (" \t ", "\x00\x1b[0m"):
        code, out, err = run(empty)
        assert code == 2 and out == "" and err.strip() == "error: the question is empty"
    code, out, err = run(b"How many complaints did Harrow record\xff\xfe in 2022/23?".decode("utf-8", "surrogateescape"))
    assert code == 0, err
    assert "Traceback" not in err and "510" in out and "[1]" in out
