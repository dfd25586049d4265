"""Quality statements, themes and council names in every form the reports and questions use."""

import pytest

from rag.councils import CouncilMatcher, council_of_title, display_name, parts_of_title
from rag.framework import statement_of_heading, statement_under_theme, statements_in, theme_of_heading


@pytest.mark.parametrize("line,expected", [
    ("Assessing needs", "Assessing needs"),
    ("Supporting people to lead healthier lives", "Supporting people to live healthier lives"),
    ("Supporting people to live healthier lives", "Supporting people to live healthier lives"),
    ("Care provision, integration and continuity of care", "Care provision, integration and continuity"),
    ("Care provision, integration and continuity", "Care provision, integration and continuity"),
    ("Safe pathways, systems and transitions", "Safe pathways, systems and transitions"),
    ("Safe systems, pathways and transitions", "Safe pathways, systems and transitions"),
    ("Partnership and communities", "Partnerships and communities"),
    ("Statement 7: Safeguarding", "Safeguarding"),
    ("Quality statement six: Safe systems, pathways and transitions", "Safe pathways, systems and transitions"),
    ("Quality statement one - Assessing needs", "Assessing needs"),
    ("One Safeguarding", None),  # a number word names a statement only after "statement"
    ("SAFEGUARDING", "Safeguarding"),
    ("Equity in experience and outcomes", "Equity in experience and outcomes"),
    ("Learning, improvement and innovation", "Learning, improvement and innovation"),
    ("Learning from feedback", None),
    ("Safeguarding enquiries were completed on time.", None),
    ("Assessing needs of carers in rural areas", None),
])
def test_statement_headings_in_their_published_variants(line, expected):
    found = statement_of_heading(line)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("line,theme", [
    ("Theme 1: How Rutland works with people", "Working with people"),
    ("Theme 2: Providing support", "Providing support"),
    ("Theme 3: How the local authority ensures safety within the system", "How the local authority ensures safety within the system"),
    ("Leadership", "Leadership"),
    ("Leadership was stable", None),
    ("Working with partners", None),
    ("Ensuring safety within the system", "How the local authority ensures safety within the system"),
    ("Theme three: Ensuring safety within the system", "How the local authority ensures safety within the system"),
    ("How Fenwick Borough Council provides support", "Providing support"),
    ("Leadership and workforce", "Leadership"),
    ("Ensuring safety of staff mattered", None),
])
def test_theme_headings(line, theme):
    assert theme_of_heading(line) == theme


def test_questions_name_statements_by_short_forms():
    assert [s.name for s in statements_in("What did Shropshire score for safe pathways?")] == [
        "Safe pathways, systems and transitions"]
    assert [s.name for s in statements_in("how did they do on assessing needs")] == ["Assessing needs"]
    assert statements_in("How many complaints were recorded?") == ()


@pytest.mark.parametrize("title,council", [
    ("Shropshire Council: local authority assessment", "Shropshire"),
    ("London Borough of Camden: local authority assessment", "Camden"),
    ("Council of the Isles of Scilly: local authority assessment", "Isles of Scilly"),
    ("Staffordshire County Council: local authority assessment", "Staffordshire"),
    ("Camden: local authority assessment", "Camden"),
    ("Nottinghamshire County Council assessment", "Nottinghamshire"),
    ("Surrey County Council – local authority assessment", "Surrey"),
    ("Royal Borough of Kensington and Chelsea: local authority assessment", "Kensington and Chelsea"),
    ("Local authority assessment", None),
    ("Learning, improvement and innovation", None),
    ("Hospital discharge assessment", None),
])
def test_council_read_from_title_lines(title, council):
    assert council_of_title(title) == council


def test_display_names_unify_variants():
    assert display_name("Staffordshire County Council") == display_name("Staffordshire") == "Staffordshire"
    assert display_name("London Borough of Camden") == "Camden"
    assert display_name("Blorpshire Borough Council") == "Blorpshire"


@pytest.mark.parametrize("question,known,unknown", [
    ("What did Staffs score for safeguarding?", ("Staffordshire",), ()),
    ("How does LB Camden support carers?", ("Camden",), ()),
    ("What about Lincs?", ("Lincolnshire",), ()),
    ("Compare Camden Council and Staffordshire County Council", ("Camden", "Staffordshire"), ()),
    ("What did Harrow say about training?", (), ("Harrow",)),
    ("How many people live in reading materials?", (), ()),
    ("How long were waits at Kingston Council?", ("Kingston upon Thames",), ()),  # the short name people use
    ("What did Hull say about waits?", (), ("Kingston upon Hull",)),
    ("in wigan, what score for partnerships and communities", (), ("Wigan",)),  # a name typed in lower case
    ("Is help with a bath offered at home?", (), ()),  # a common word in lower case names no council
    ("Who leads adult care at the coastal council in south-east Essex?", (), ()),  # a part of a county, no council
    ("In the Essex borough made up of two towns, who leads?", (), ()),  # a place in a county, not its council
    ("What did Reading Borough Council say?", (), ("Reading",)),  # the council's own formal name
    ("How long are waits in Staffordshire towns?", ("Staffordshire",), ()),  # a council with a report here
    ("How long are waits in rural Staffordshire?", ("Staffordshire",), ()),  # a part of a council's own area
    ("What did Essex say about carers?", (), ("Essex",)),
    ("What did North Yorkshire say?", (), ("North Yorkshire",)),  # a council whose name starts with a compass word
    ("What did the University of Hull evaluation find?", (), ()),  # a body named after a place, not its council
    ("What did Essex Police say about scams?", (), ()),
    ("What did Hull say about the university?", (), ("Kingston upon Hull",)),
    ("What did the Staffordshire University study find?", ("Staffordshire",), ()),  # a council with a report here
])
def test_council_matcher(question, known, unknown):
    m = CouncilMatcher(["Camden", "Staffordshire", "Lincolnshire", "Kingston upon Thames"]).find(question)
    assert m.known == known and m.unknown == unknown


@pytest.mark.parametrize("heading,name", [
    ("Quality statement: Assessing needs", "Assessing needs"),
    ("QS7: Safeguarding", "Safeguarding"),
    ("Assessing needs (quality statement)", "Assessing needs"),
    ("Quality statement 9 - Learning, improvement and innovation", "Learning, improvement and innovation"),
    ("Assessing needs of carers in rural areas", None),
    ("Quality statement scores", None),
])
def test_statement_headings_with_labels(heading, name):
    found = statement_of_heading(heading)
    assert (found.name if found else None) == name


@pytest.mark.parametrize("title,council", [
    ("Local authority assessment: Leeds City Council", "Leeds"),
    ("Leeds City Council local authority assessment report", "Leeds"),
    ("Wakefield Council: Local Authority Assessment", "Wakefield"),
    ("Care Quality Commission local authority assessment", None),
    ("Local authority assessment", None),
    ("City of London Corporation: local authority assessment", "City of London"),  # a name of title words only
    ("Council: local authority assessment", None),
    ("Overall summary - Cumberland Council: local authority assessment - Care Quality Commission", "Cumberland"),
    ("Summary of scores - Fenwick Borough Council: local authority assessment - CQC", "Fenwick"),  # the page's name first
    ("Key findings | Cumberland Council: local authority assessment", "Cumberland"),
    ("Summary of scores - CQC assessment", None),  # a page's name and the site's: no council
    ("London Borough of Hackney - CQC assessment", "Hackney"),  # the site's name before the page's kind
    ("Fenwick County Council - Care Quality Commission assessment", "Fenwick"),
    ("Safeguarding - CQC assessment", None),
    ("Fenwick Borough Council: assessment of adult social care", "Fenwick"),  # the page's kind in other words
    ("Wakefield Council - adult social care assessment", "Wakefield"),
    ("Wakefield Council: assessment of carers' needs", None),  # an assessment of something, not the page's kind
    ("Wigan MBC: local authority assessment", "Wigan"),  # a formal title's initials
    ("Local authority assessment: Stockport Metropolitan", "Stockport"),  # a title broken before its last words
    ("Local authority assessment: Fenwick Metropolitan", "Fenwick Metropolitan"),  # unknown: nothing to cut to
    ("4. Fenwick Borough Council > 5. Local authority assessment", None),  # printed breadcrumbs, no title
])
def test_title_forms(title, council):
    assert council_of_title(title) == council


@pytest.mark.parametrize("title,council,statement", [
    ("Norfolk County Council: Safeguarding", "Norfolk", "Safeguarding"),
    ("Safeguarding - Norfolk County Council - Local authority assessment", "Norfolk", "Safeguarding"),
    ("Assessing needs | Kent County Council", "Kent", "Assessing needs"),
    ("Local authority assessment — Dorset Council — Safeguarding", "Dorset", "Safeguarding"),
    ("Care provision, integration and continuity - Leeds City Council - Care Quality Commission", "Leeds",
     "Care provision, integration and continuity"),
    ("Fenwick Borough Council: Assessing needs", "Fenwick", "Assessing needs"),  # a formal title not on the list
    ("Harrow Council: local authority assessment", "Harrow", None),
    ("Working with people | Leeds City Council", "Leeds", None),
])
def test_titles_made_of_parts_give_council_and_statement(title, council, statement):
    parts = parts_of_title(title)
    assert parts is not None and parts[0] == council and (parts[1].name if parts[1] else None) == statement
    assert council_of_title(title) == council


@pytest.mark.parametrize("line", [
    "Kent: the service was good",  # a sentence after a colon, not a statement or page name
    "Safeguarding",  # no council
    "Partners: Healthwatch Kent and Age UK",
    "Safeguarding - Norfolk County Council - Kent County Council",  # two councils: not one page's title
    "Norfolk County Council: Safeguarding " + "x " * 100,  # longer than a title
])
def test_lines_that_are_not_titles_made_of_parts(line):
    assert parts_of_title(line) is None


def test_former_councils_are_recognised_as_councils_without_a_report():
    matcher = CouncilMatcher(["Kent", "Cumberland"])
    assert matcher.find("How long do people wait in Cumbria?").unknown == ("Cumbria",)
    assert matcher.find("Northants waiting lists").unknown == ("Northamptonshire",)
    assert matcher.find("How long do people wait in Cumberland?").known == ("Cumberland",)


@pytest.mark.parametrize("title,council", [
    ("Local authority assessment: overview", None),  # names the page, not a council
    ("Local authority assessment – Overview", None),
    ("Fenwick Borough Council Local authority assessment – Overview", "Fenwick"),  # name and kind on two lines, joined
    ("Supporting people to live healthier lives - City of Bradford Metropolitan District Council - Local authority assessment",
     "Bradford"),
])
def test_titles_naming_the_page_and_long_titles(title, council):
    assert council_of_title(title) == council


def test_a_leading_compass_word_may_be_shortened():
    matcher = CouncilMatcher(["North Somerset", "Somerset"])
    assert matcher.find("What is N Somerset's plan called?").known == ("North Somerset",)
    assert matcher.find("How long are waits in Somerset?").known == ("Somerset",)
    assert matcher.find("What about NE Lincs?").unknown == ("North East Lincolnshire",)


@pytest.mark.parametrize("heading,name", [
    ("Theme 1: Working with people - Equity in experience and outcomes", "Equity in experience and outcomes"),
    ("Leadership: Safeguarding", "Safeguarding"),
    ("Theme 3: How the local authority ensures safety within the system – Safeguarding", "Safeguarding"),
    ("Theme 2: Providing support", None),  # a theme alone
    ("Norfolk County Council: Safeguarding", None),  # a council's, not a theme's
])
def test_a_statement_named_after_its_theme(heading, name):
    found = statement_under_theme(heading)
    assert (found.name if found else None) == name


@pytest.mark.parametrize("question,known", [
    ("why don't more people in bury take up direct payments", ("Bury",)),  # a place, typed in lower case
    ("which part of bury do home care agencies struggle in", ("Bury",)),
    ("how many people live in reading", ("Reading",)),
    ("carers in bury?", ("Bury",)),
    ("help in reading letters", ()),  # the word as a verb's object
    ("support with reading and writing", ()),  # no preposition of place
    ("What did staff bury?", ()),
])
def test_a_common_word_council_in_lower_case_is_read_as_a_place_only_after_a_preposition_of_place(question, known):
    assert CouncilMatcher(["Bury", "Reading"]).find(question).known == known


def test_a_common_word_council_with_no_reports_here_stays_a_word():
    assert CouncilMatcher(["Camden"]).find("how many people live in reading").unknown == ()
