"""Names a question shares with a passage."""

import pytest

from rag.names import names_in, names_shared


def test_names_are_runs_of_capitalised_words_and_their_parts():
    names = names_in("East Riding Shared Lives supported 88 people. The Pathways to Work programme helped.")
    assert {"shared lives", "east riding shared lives", "pathways to work"} <= names
    assert "the pathways" not in names and "pathways to" not in names  # no part starts or ends with a joining word
    assert names_in("The Council said People were happy.") == set()  # common words name nothing


@pytest.mark.parametrize("question,text,expected", [
    ("Which councils mention a shared lives scheme?", "East Riding Shared Lives supported 88 people.", True),
    ("Which councils mention a shared lives scheme?", "People's lives were shared with their families.", False),
    ("What is Care Connect Rutland?", "Care Connect Rutland answered 4,000 calls.", True),
    ("What does Fenwick do about waiting lists?", "Fenwick Council reduced its waiting list.", False),
])
def test_a_passage_holds_a_name_the_question_uses_in_any_case(question, text, expected):
    assert names_shared(question, [text], ("Fenwick",)) == [expected]


def test_the_councils_asked_about_are_no_name_to_look_for():
    assert names_shared("How does East Riding support carers?", ["East Riding Carers Centre helps."], ()) == [True]
    assert names_shared("How does East Riding support carers?", ["The East Riding team helps."],
                        ("East Riding of Yorkshire",)) == [False]


@pytest.mark.parametrize("question,thing", [
    ("What is Care Connect Rutland?", "care connect rutland"),
    ("what's the Ask Early campaign", "ask early campaign"),
    ("What is Fenwick doing to cut waiting lists for home care in rural villages?", None),  # more than what it is
    ("How does Care Connect Rutland work?", None),
    ("What do the Village Navigators do?", "village navigators"),  # what it does is what it is
    ("What does Better Living Fenwick offer people?", "better living fenwick"),  # and what it offers
    ("What does Fenwick offer carers in rural villages and small towns?", None),
    ("What does Fenwick do about waiting lists for home care in rural villages and towns?", None),
    ('What is "Fenwick Conversations" in Fenwick Borough Council\'s adult social care?', "fenwick conversations"),
    ("What is Fenwick's model of practice in adult social care and who wrote it?", None),  # no quoted name, too long
])
def test_a_what_is_question_asks_for_its_thing_defined(question, thing):
    from rag.names import thing_defined

    assert thing_defined(question) == thing


@pytest.mark.parametrize("text,expected", [
    ("Contact came through Care Connect Rutland, a team of nine staff.", True),
    ("The front door was rebuilt under the name Care Connect\nRutland in 2023.", True),
    ("Care Connect Rutland is a same-day advice line.", True),
    ("Concerns were passed to Care Connect Rutland the same day.", False),  # used, not defined
    ("Care Connect Rutland brought social workers and nurses together in one team.", True),  # what it is made of
    ("Care Connect Rutland was set up in 2023 to give advice on the same day.", True),  # why it exists
    ("Care Connect Rutland is made up of nine staff.", True),
    ("Care Connect Rutland won an award in 2024.", False),
    ("Care Connect Rutland was set up quickly.", False),  # when or how, not what for
])
def test_a_text_defines_a_name_beside_it_or_by_what_it_is_called(text, expected):
    from rag.names import defines_the_thing_asked

    assert defines_the_thing_asked("What is Care Connect Rutland?", text) is expected


@pytest.mark.parametrize("text,expected", [
    ('Practice followed a strengths-based framework, known locally as "Fenwick Conversations", in every team.', True),
    ("The framework was known as Fenwick Conversations.", True),
    ('Staff said the "Fenwick Conversations" framework helped them.', False),  # used, not said what it is
])
def test_a_quoted_name_is_defined_by_what_it_is_known_as(text, expected):
    from rag.names import defines_the_thing_asked

    assert defines_the_thing_asked('What is "Fenwick Conversations" in Fenwick\'s adult social care?', text) is expected
