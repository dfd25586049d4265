"""Whether a sentence holds what a question asks for (positive and negative cases)."""

import pytest

from rag.answer_types import counted_nouns, holds, new_names


@pytest.mark.parametrize("kind,sentence,question,expected", [
    ("number", "At the time of our assessment, 1,940 applications were waiting to be assessed.",
     "How many DoLS applications were waiting?", True),
    ("number", "The council ran four Living Well Hubs in libraries.", "How many people visited the hubs?", False),
    ("number", "Hounslow had 5 investigations by the LGSCO in 2022/23.", "How many investigations were there?", True),
    ("number", "Its budget was £412 million in 2023/24.", "How much did the council spend?", True),
    ("number", "The review took place in 2024.", "How much did the review cost?", False),
    ("date", "A further peer review would take place in 2024.", "When is the next peer review?", True),
    ("date", "A further peer review was planned.", "When is the next peer review?", False),
    ("person", "Staff said Dr Okafor led the service.", "Who is the head of the service?", True),
    ("person", "The Director of Adult Social Services led the service.", "Who is the director?", False),
    ("organisation", "Training was provided by the London Fire Brigade and a barrister.",
     "Which organisations provided training at the forums?", True),
    ("organisation", "Assessments were delegated to the Carers Hub, which a voluntary sector partner ran.",
     "Which organisation runs the Carers Hub?", False),
    ("name", "The council launched its portal, 'Live Well Telford', in 2023.", "What is the name of the portal?", True),
    ("name", "The council launched a new portal in 2023.", "What is the name of the portal?", False),
    ("place", "Carers met at the Quayside Centre in Oakham every week.", "Where do carers meet in Oakham?", True),
    ("place", "Carers valued the Carers Cafe in Oakham.", "At which venue does the Carers Cafe in Oakham meet?", False),
    ("description", "Anything at all.", "What is it?", True),
])
def test_holds(kind, sentence, question, expected):
    assert holds(kind, sentence, question) is expected


def test_counted_nouns_and_new_names():
    assert "application" in counted_nouns("How many Deprivation of Liberty Safeguards applications were waiting?")
    assert counted_nouns("What percentage were upheld?") == set()
    assert [n for _, n in new_names("The Oakham Hub met weekly.", "Where does the hub meet?")] == ["The Oakham Hub"]
