"""A council the question describes rather than names is the one whose overview holds the description."""

import pytest

from rag.described import described_council, overview_texts
from rag.records import Chunk, Sentence
from rag.terms import TermWeights


def _chunk(n: int, council: str, text: str, kind: str) -> Chunk:
    return Chunk(n, f"{council}.txt", council, council, None if kind != "finding" else "Assessing needs", None,
                 "overview" if kind != "finding" else "statement", "About", 1, 0, len(text), text,
                 (Sentence(0, len(text), text),), kind)


CHUNKS = [
    _chunk(0, "Fenwick", "Fenwick is a port city on the north bank of the Larne estuary.", "overview"),
    _chunk(1, "Anyshire", "Anyshire is a rural county in the East Marches with many market towns.", "facts"),
    _chunk(2, "Borsetshire", "Borsetshire is a coastal county with an older population.", "summary"),
    _chunk(3, "Borsetshire", "People with a learning disability told us the estuary walks were good.", "finding"),
    *[_chunk(4 + i, "Fenwick", text, "finding") for i, text in enumerate(
        ["People waited for an assessment.", "Carers were supported.", "Staff were kind.", "Reviews were late.",
         "Complaints were answered.", "The budget was overspent.", "People with a learning disability were helped.",
         "Home care was arranged.", "Safeguarding concerns were triaged.", "Hospital discharge was quick.",
         "Direct payments were used.", "Reablement was offered."])],
]
WEIGHTS = TermWeights(CHUNKS, ["Fenwick", "Anyshire", "Borsetshire"])
OVERVIEWS = overview_texts(CHUNKS)


def _find(question):
    found = described_council(question, OVERVIEWS, WEIGHTS, min_terms=2, share=0.6, rare_share=0.15)
    return (found.council, question[found.span[0]:found.span[1]]) if found else None


def test_overview_texts_hold_only_the_overview_kinds():
    assert set(OVERVIEWS) == {"Fenwick", "Anyshire", "Borsetshire"}
    assert "learning disability" not in OVERVIEWS["Borsetshire"]  # a statement page's finding


@pytest.mark.parametrize("question,expected", [
    ("For the port city on the north bank of the Larne, how much was overspent?",
     ("Fenwick", "the port city on the north bank of the Larne")),
    ("Who leads adult care at the rural county council in the East Marches?",
     ("Anyshire", "the rural county council in the East Marches")),
    ("How many carers did the coastal county with an older population support?",
     ("Borsetshire", "the coastal county with an older population")),
])
def test_a_description_that_one_council_s_overview_holds_names_that_council(question, expected):
    assert _find(question) == expected


@pytest.mark.parametrize("question", [
    "How many people in the city were waiting for an assessment?",  # no words that describe a place
    "What did the council do for people with a learning disability?",  # findings, not an overview
    "Which county is coastal?",  # one rare word only
])
def test_no_council_is_named_without_such_a_description(question):
    assert _find(question) is None


def test_a_description_two_councils_overviews_hold_alike_names_neither():
    chunks = CHUNKS + [_chunk(40, "Westshire", "Westshire is a coastal county with an older population too.", "overview")]
    weights = TermWeights(chunks, ["Fenwick", "Anyshire", "Borsetshire", "Westshire"])
    found = described_council("How many carers did the coastal county with an older population support?",
                              overview_texts(chunks), weights, min_terms=2, share=0.6, rare_share=0.15)
    assert found is None



def test_a_long_hostile_question_finishes():
    from rag.ratings import score_reference

    assert score_reference("for the council that was scored " * 30_000 + "?") is None  # the suite's timeout bounds it
    found = _find("the " * 30_000 + "port city on the north bank of the Larne")
    assert found is not None and found[0] == "Fenwick"
