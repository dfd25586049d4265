"""When a council's assessment was published: the question, and the answer from the reports' own lines."""

import pytest

from rag.publication import asks_publication, publication_answer
from rag.records import Chunk, Query, Sentence


def published(council: str, text: str, chunk_id: int) -> Chunk:
    return Chunk(chunk_id, f"{council}.html", council, council, None, None, "page", "Publication", 0, 0, len(text),
                 text, (Sentence(0, len(text), text),), kind="published")


@pytest.mark.parametrize("question,expected", [
    ("When did CQC publish its local authority assessment of Fenwick?", True),
    ("When was Fenwick's assessment report published?", True),
    ("What is the publication date of the CQC report on Fenwick?", True),
    ("When was Fenwick's carers' strategy published?", False),  # the council's own document
    ("When was the annual complaints report published in Fenwick?", False),
    ("When did Fenwick publish its self-assessment?", False),
    ("When did Fenwick's assessment take place?", False),  # not its publication
])
def test_a_question_asking_when_the_assessment_was_published(question, expected):
    assert asks_publication(question) is expected


def test_the_answer_quotes_each_named_councils_publication_line_once():
    lines = [published("Fenwick", "Published 21 March 2025", 1), published("Fenwick", "Published 21 March 2025", 2),
             published("Harrow", "Published 4 June 2024", 3)]
    query = Query(text="When was Fenwick's assessment published?", asked="", councils=("Fenwick",), answer_type="date")
    answer = publication_answer(query, lines)
    assert answer.text == "Fenwick: Published 21 March 2025 [1]" and not answer.abstained
    assert [c.passage.chunk.chunk_id for c in answer.citations] == [1]
    assert publication_answer(Query(text="When was it published?", asked="", councils=("Leeds",),
                                    answer_type="date"), lines) is None  # no line for it: answered as any question


def test_the_line_quoted_is_the_overview_page_s_when_every_page_repeats_it():
    from dataclasses import replace

    line = "Published 21 March 2025"
    lines = [replace(published("Fenwick", line, 1), page="statement"), replace(published("Fenwick", line, 2), page="summary"),
             replace(published("Fenwick", line, 3), page="overview")]
    query = Query(text="When was Fenwick's assessment published?", asked="", councils=("Fenwick",), answer_type="date")
    assert [c.passage.chunk.chunk_id for c in publication_answer(query, lines).citations] == [3]
    assert [c.passage.chunk.chunk_id for c in publication_answer(query, lines[:2]).citations] == [2]  # then the summary's


def test_a_page_of_no_known_kind_comes_before_a_statement_page_and_every_line_is_shown():
    from dataclasses import replace

    line = "Published 21 March 2025"
    lines = [replace(published("Fenwick", line, 1), page="statement"), published("Fenwick", line, 2),
             published("Harrow", "Published 4 June 2024", 3)]
    query = Query(text="When was Fenwick's assessment published?", asked="", councils=("Fenwick",), answer_type="date")
    answer = publication_answer(query, lines)
    assert [c.passage.chunk.chunk_id for c in answer.citations] == [2]  # a whole report opens with its overview
    assert [p.chunk.chunk_id for p in answer.evidence] == [2, 1] and answer.ranked  # the statement page's too, in this order


def test_a_publication_line_takes_the_kind_of_the_page_its_report_records():
    from rag.publication import on_their_pages

    lines = [published("Fenwick", "Published 21 March 2025", 1), published("Harrow", "Published 4 June 2024", 2),
             published("Leeds", "Published 1 May 2024", 3)]
    documents = {"Fenwick.html": {"sections": [["page", None, None], ["overview", None, None]]},
                 "Harrow.html": {"sections": [["statement", "Safeguarding", 2]]}}
    assert [c.page for c in on_their_pages(lines, documents)] == ["overview", "statement", "page"]  # Leeds: unrecorded
