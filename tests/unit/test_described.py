"""A council the question describes rather than names is the one whose overview holds the description."""

import pytest

from rag.described import CouncilTexts, council_texts, described_council, overview_texts, picked_council, placed_council
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



PICKING = [
    _chunk(50, "Fenwick", "The Front Door Team handles first contact, and Sam Reid is the Director of Adult Services.",
           "finding"),
    _chunk(51, "Anyshire", "The Village Agents scheme links rural villages to help; the Director of Adult Services "
                           "is Jo Lane.", "finding"),
    _chunk(52, "Borsetshire", "The Front Door Team and the Director of Adult Services were praised.", "finding"),
    _chunk(53, "Borsetshire", "Outreach workers met Gypsy, Roma and Traveller communities.", "finding"),
]


def _picked(question):
    chunks = CHUNKS + PICKING
    weights = TermWeights(chunks, ["Fenwick", "Anyshire", "Borsetshire"])
    found = picked_council(question, CouncilTexts.of(council_texts(chunks)), weights, min_terms=2, share=0.6, rare_share=0.15)
    return (found.council, question[found.span[0]:found.span[1]]) if found else None


@pytest.mark.parametrize("question,expected", [
    ("What share were agency staff at the council whose Director of Adult Services is Sam Reid?",
     ("Fenwick", "the council whose Director of Adult Services is Sam Reid")),  # the name, not the post all have
    ("How many hubs does the county council with the Village Agents scheme fund?",
     ("Anyshire", "the county council with the Village Agents scheme")),  # up to the kind of thing named
    ("How many people were waiting at the council whose Front Door Team handles first contact?",
     ("Fenwick", "the council whose Front Door Team handles first contact")),  # two teams, one clause's words
    ("For the council whose director is Jo Lane since May, how many carers were supported?",
     ("Anyshire", "the council whose director is Jo Lane since May")),  # the whole clause, up to its comma
    ("How many hubs are in the area of the council that meets Gypsy, Roma and Traveller communities?",
     ("Borsetshire", "the council that meets Gypsy, Roma and Traveller communities")),  # a list's comma, its kind
])
def test_a_council_picked_out_by_a_name_only_its_reports_hold(question, expected):
    assert _picked(question) == expected


@pytest.mark.parametrize("question", [
    "How many people were waiting at the council whose Front Door Team opened?",  # two councils' team, alike
    "What did the council whose Director of Adult Services left do?",  # a post every council has
    "What did the council with the Lowfield Hub do?",  # a name no report holds
])
def test_no_council_is_picked_out_by_names_several_or_no_councils_hold(question):
    assert _picked(question) is None


FIGURES = [
    _chunk(60, "Fenwick", "The adult social care budget was £136.5 million, and life expectancy differs by 14 years.",
           "finding"),
    _chunk(61, "Anyshire", "The adult social care budget was £98.2 million, and 14 hubs were open.", "finding"),
    _chunk(62, "Borsetshire", "The budget was £98.2 million; Onecall, the contact centre, took 900 calls.", "finding"),
]


def _picked_by_figure(question):
    chunks = CHUNKS + FIGURES
    weights = TermWeights(chunks, ["Fenwick", "Anyshire", "Borsetshire"])
    found = picked_council(question, CouncilTexts.of(council_texts(chunks)), weights, min_terms=2, share=0.6, rare_share=0.15)
    return (found.council, question[found.span[0]:found.span[1]]) if found else None


@pytest.mark.parametrize("question,expected", [
    ("How large was the overspend for the council with a £136.5 million adult social care budget?",
     ("Fenwick", "the council with a £136.5 million adult social care budget")),  # a figure ending the question
    ("In the borough where life expectancy differs by more than 14 years, how many people slept rough?",
     ("Fenwick", "the borough where life expectancy differs by more than 14 years")),  # "14 years", not "14"
    ("What is the reablement service called in the council area whose contact centre is called Onecall?",
     ("Borsetshire", "the council area whose contact centre is called Onecall")),  # "council area whose"
])
def test_a_council_picked_out_by_a_figure_only_its_reports_hold(question, expected):
    assert _picked_by_figure(question) == expected


def test_a_figure_two_councils_reports_hold_picks_out_neither():
    assert _picked_by_figure("What was the overspend at the council with a £98.2 million budget?") is None


def test_a_place_only_one_council_s_reports_hold_is_that_council_s():
    plain = {"Fenwick": "A new extra care scheme is planned in Dunmore.", "Anyshire": "Market towns such as Oldbury.",
             "Borsetshire": "Hubs opened in Oldbury and Ambridge."}
    texts = CouncilTexts.of(plain)
    question = "How many flats will the scheme in Dunmore have?"
    found = placed_council(question, ["Dunmore"], texts)
    assert found is not None and found.council == "Fenwick" and question[found.span[0]:found.span[1]] == "Dunmore"
    assert placed_council("What opened in Oldbury?", ["Oldbury"], texts) is None  # two councils' reports hold it
    assert placed_council("What opened in Lakeby?", ["Lakeby"], texts) is None  # none does
    assert placed_council("What opened in Ambridge?", ["Ambridge"], CouncilTexts.of({**plain, "Ambridge and Oldbury": ""})) is None  # a
    # word of a council's own name


def test_council_texts_hold_a_phrase_as_whole_words():
    texts = CouncilTexts.of({"Fenwick": "The Stoke-on-Trent road and Dunmore's hub.", "Anyshire": "Dunmoreton market."})
    assert texts.holders("Dunmore") == ["Fenwick"]  # before an apostrophe, not inside a longer word
    assert texts.holders("Stoke on Trent") == ["Fenwick"]  # spaces for hyphens
    assert texts.holders("dunmore") == [] and texts.holders("dunmore", ignore_case=True) == ["Fenwick"]
    assert texts.holders("Oldbury") == []


def test_a_long_hostile_question_finishes():
    from rag.ratings import score_reference

    assert score_reference("for the council that was scored " * 30_000 + "?") is None  # the suite's timeout bounds it
    found = _find("the " * 30_000 + "port city on the north bank of the Larne")
    assert found is not None and found[0] == "Fenwick"
