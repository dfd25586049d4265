"""Answer lines name each council as its reports write it in full, where they do ("Fenwick Borough Council")."""

import pytest

from rag.councils import formal_name_in
from rag.formal_names import formal_names, named_formally, titled_council


@pytest.mark.parametrize("text,council,expected", [
    ("Leicester City Council: local authority assessment\n\nThe council said …", "Leicester", "Leicester City Council"),
    ("London Borough of Camden provides a good service.", "Camden", "London Borough of Camden"),
    ("Blackburn with Darwen Borough Council works with carers.", "Blackburn with Darwen",
     "Blackburn with Darwen Borough Council"),
    ("Kingston upon Hull City\nCouncil: local authority assessment", "Kingston upon Hull",
     "Kingston upon Hull City Council"),  # a title broken over two printed lines
    ("In Leicester City Council, staff said …", "Leicester", "Leicester City Council"),  # a word before it left out
    ("The Council of the Isles of Scilly told us …", "Isles of Scilly", "Council of the Isles of Scilly"),
    ("Kent County Council and Kent County Council again; Kent once as KCC.", "Kent", "Kent County Council"),
    ("City of York Council: local authority assessment", "York", "City of York Council"),
    ("Bournemouth, Christchurch and Poole Council: local authority assessment", "Bournemouth, Christchurch and Poole",
     "Bournemouth, Christchurch and Poole Council"),  # a comma inside the name
    ("Royal Borough of Windsor and Maidenhead\nSafeguarding\nRoyal Borough of Windsor and Maidenhead: local",
     "Windsor and Maidenhead", "Royal Borough of Windsor and Maidenhead"),  # a page's next line not part of it
    ("Bradford Council and City of Bradford Metropolitan District Council and City of Bradford Metropolitan District"
     " Council", "Bradford", "City of Bradford Metropolitan District Council"),
])
def test_a_report_s_formal_name_for_its_council_is_read(text, council, expected):
    assert formal_name_in(text, council) == expected


@pytest.mark.parametrize("text,council", [
    ("Harrow: local authority assessment\n\nHarrow told us …", "Harrow"),  # only the short name
    ("Staffordshire County Council worked with the council.", "Camden"),  # another council's name
    ("Leicester City Council: local authority assessment", None),  # no council read
    ("The council and its partners met monthly.", "Leicester"),
])
def test_no_formal_name_when_the_text_gives_none_of_the_council(text, council):
    assert formal_name_in(text, council) is None


def test_the_formal_name_given_most_often_heads_the_lines_and_must_hold_the_short_one():
    entries = {
        "a.txt": {"council": "Camden", "formal_name": "London Borough of Camden"},
        "b.txt": {"council": "Camden", "formal_name": "London Borough of Camden"},
        "c.txt": {"council": "Camden", "formal_name": "Camden Council"},
        "d.txt": {"council": "Bournemouth, Christchurch and Poole", "formal_name": "BCP Council"},  # short name lost
        "e.txt": {"council": "Harrow", "formal_name": None},
        "f.txt": {"council": None, "formal_name": None},
    }
    assert formal_names(entries) == {"Camden": "London Borough of Camden"}


def test_lines_headed_by_a_short_name_are_headed_by_the_formal_name():
    names = {"Leicester": "Leicester City Council", "Camden": "London Borough of Camden"}
    text = ("Leicester: 3,410 concerns were received. [1]\nCamden · Safeguarding: Score: 3 [2]\n"
            "Leicestershire: Good [3]\nUnnamed council · Safeguarding: Score: 2 [4]\nLeicester said so. [5]")
    assert named_formally(text, names).splitlines() == [
        "Leicester City Council: 3,410 concerns were received. [1]",
        "London Borough of Camden · Safeguarding: Score: 3 [2]",
        "Leicestershire: Good [3]",  # another council whose name starts the same
        "Unnamed council · Safeguarding: Score: 2 [4]",
        "Leicester said so. [5]",  # not a line's heading
    ]
    assert named_formally(text, {}) == text


def test_a_long_run_of_capitalised_words_finishes():
    assert formal_name_in("Aaa " * 50_000 + "Council", "Camden") is None  # the suite's timeout bounds it


def test_a_council_called_by_its_formal_title_words_is_the_one_whose_name_holds_them():
    names = {"Fenwick and Kelby": "Royal Borough of Fenwick and Kelby", "Dunmore": "London Borough of Dunmore",
             "Lowton": "London Borough of Lowton"}
    question = "Did the Royal Borough go over budget?"
    assert titled_council(question, names) == ("Fenwick and Kelby", (4, 21))
    assert titled_council("Did the London Borough overspend?", names) is None  # two councils' names hold it
    assert titled_council("Did the Borough overspend?", names) is None  # one word alone names no title
    assert titled_council("What did the Care Act require?", names) is None
