"""Extractive answers: markers match citations, highlights are exact, shapes, abstention."""

import re

import pytest

from rag.config import ABSTAIN_MESSAGE
from rag.corpus import load_corpus
from rag.evaluate import load_gold
from tests.helpers import GOLD, answer_problems


def check_well_formed(answer, documents):
    assert not answer_problems(answer.to_dict(), {k: d.text for k, d in documents.items()}), answer.answer
    if answer.abstained:
        assert answer.answer.startswith(ABSTAIN_MESSAGE) and not answer.citations


def test_every_marker_has_a_citation_and_every_citation_is_used(pipeline, seeds_dir):
    documents = load_corpus(seeds_dir).by_id()
    for item in load_gold(GOLD):
        check_well_formed(pipeline.ask(item.question), documents)


def test_a_quantity_question_takes_the_sentence_with_the_number(pipeline):
    a = pipeline.ask("How many complaints did Harrow record in 2022/23?")
    assert not a.abstained and "510" in a.answer
    first = a.citations[0]
    assert first.passage.chunk.doc_id == "001_e2cb7d810d972149.txt"
    assert any("510 complaints" in first.passage.chunk.text[s:e] for s, e in first.highlights)


def test_a_comparative_question_gives_one_cited_line_per_authority(pipeline):
    a = pipeline.ask("Which councils have a Principal Occupational Therapist?")
    lines = a.answer.splitlines()
    assert len(lines) >= 2 and lines[0].startswith("Telford and Wrekin: ")
    assert any(line.startswith("Unnamed council · Learning, improvement and innovation · score 2: ")
               and "no principal OT" in line for line in lines)
    assert all(re.search(r"\[\d+\]$", line) for line in lines)


def test_the_score_of_an_authority_comes_from_its_score_line(pipeline):
    a = pipeline.ask("What score did Ealing get?")
    assert a.answer == "Ealing · Learning, improvement and innovation: Score: 3 [1] 3 - Evidence shows a good standard [1]"
    assert a.citations[0].passage.chunk.kind == "rating" and a.passages[0].chunk.kind == "rating"


@pytest.mark.parametrize("question", [
    "How many complaints did Camden record?",
    "What is the capital of France?",
    "How many compliments did Hounslow record in 2023?",
    "What score did Ealing get for Safe pathways, systems and transitions?",
])
def test_questions_the_reports_do_not_answer_abstain(pipeline, question):
    a = pipeline.ask(question)
    assert a.abstained and a.answer.startswith(ABSTAIN_MESSAGE) and not a.citations
    assert a.passages  # the closest passages are still listed as possibly related


def test_answers_stay_short_and_cite_the_passage_they_quote(pipeline):
    a = pipeline.ask("What is Schwarz Rounds?")
    assert not a.abstained and len(re.findall(r"\[\d+\]", a.answer)) <= 3
    assert a.citations[0].passage.chunk.doc_id == "000_49f02c2bf2791361.txt"


def test_an_answer_does_not_open_with_a_sentence_that_leans_on_the_one_before(pipeline):
    # the best sentence, "They felt this left no one to drive improvement...", needs its predecessor
    a = pipeline.ask("Why were occupational therapy staff worried that nobody was leading change in their profession?")
    lead, then = "there was no principal OT", "They felt this left no one"
    assert lead in a.answer and then in a.answer and a.answer.index(lead) < a.answer.index(then)
