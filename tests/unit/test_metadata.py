"""Council, statement, theme, score and sections read from the text, and metadata.toml overrides."""

import pytest

from rag.corpus import make_document
from rag.errors import CorpusError
from rag.layout import blocks
from rag.metadata import MetadataConflict, apply_override, read_metadata, steps_on_lines
from tests.helpers import STATEMENT_PAGE, WHOLE_REPORT


def meta(text):
    return read_metadata(blocks(text), text)


def test_a_published_statement_page():
    m = meta(STATEMENT_PAGE)
    assert m.council == "Fenwick" and m.published == "2 May 2025"
    (s,) = m.sections
    assert (s.kind, s.statement, s.theme, s.rating) == (
        "statement", "Care provision, integration and continuity", "Providing support", 3)


def test_a_whole_report_is_split_into_sections():
    m = meta(WHOLE_REPORT)
    kinds = [(s.kind, s.statement, s.rating) for s in m.sections]
    assert kinds == [("summary", None, None), ("overview", None, None), ("statement", "Assessing needs", 2),
                     ("statement", "Safeguarding", 3)]
    summary = m.sections[0]
    assert summary.overall == "Requires improvement" and summary.percentage == 58
    assert summary.ratings == (("Assessing needs", 2), ("Safeguarding", 3))
    # sections tile the text: each starts where the previous ends
    assert all(a.end <= b.start for a, b in zip(m.sections, m.sections[1:]))


def test_a_themes_list_of_its_statements_opens_no_section():
    text = ("Fenwick Council: local authority assessment\n\nTheme 1: How Fenwick Council works with people\n\n"
            "This theme includes these quality statements:\n\nAssessing needs\n\nSupporting people to live healthier "
            "lives\n\nEquity in experience and outcomes\n\nWe may not always review all quality statements during an "
            "assessment.\n\nAssessing needs\n\nScore: 2\n\nAt the time of our assessment 412 people were waiting.\n")
    statements = [(s.statement, s.rating) for s in meta(text).sections if s.kind == "statement"]
    assert statements == [("Assessing needs", 2)]  # not "Equity in experience and outcomes" over the boilerplate
    page = "Fenwick Council: local authority assessment\n\nSafeguarding\n\nConcerns were screened within a day.\n"
    assert [s.statement for s in meta(page).sections if s.kind == "statement"] == ["Safeguarding"]  # a heading alone


def test_pilot_page_without_a_council():
    text = "Safeguarding\n\nIndicative score: 2\n\n2 – Evidence shows some shortfalls\n\nThe local authority had a backlog.\n"
    m = meta(text)
    assert m.council is None
    assert (m.sections[0].statement, m.sections[0].rating, m.sections[0].indicative) == ("Safeguarding", 2, True)


def test_a_page_repeating_its_score_line_keeps_the_first():
    text = "Safeguarding\n\nScore: 2\n\n2 - Evidence shows some shortfalls\n\nScore: 2\n\nFindings here.\n"
    assert meta(text).sections[0].rating == 2


def test_override_fills_what_the_text_leaves_open():
    m = apply_override(meta("Learning, improvement and innovation\n\nScore 3\n\nStaff were trained.\n"),
                       {"authority": "Harrow", "score": 3})
    assert m.council == "Harrow" and m.sections[0].rating == 3


@pytest.mark.parametrize("override,message", [
    ({"council": "Harrow"}, "title names 'Fenwick'"),
    ({"score": 2}, "score line says 3"),
    ({"quality_statement": "Safeguarding"}, "is about 'Care provision"),
    ({"quality_statement": "Cake baking"}, "not one of CQC's nine"),
])
def test_override_that_contradicts_the_text_is_refused(override, message):
    with pytest.raises(MetadataConflict, match=message):
        apply_override(meta(STATEMENT_PAGE), override)


def test_conflict_becomes_a_one_line_corpus_error():
    with pytest.raises(CorpusError, match="metadata.toml says"):
        make_document("a.txt", STATEMENT_PAGE, "x", "txt", {"score": 1})


def test_a_summary_score_table():
    from rag.read.html import html_to_text

    page = ("<main><h1>Fenwick Council: local authority assessment</h1><h2>Overall summary</h2>"
            "<h3>Quality statement scores</h3><table><tr><th>Quality statement</th><th>Score</th></tr>"
            "<tr><td>Assessing needs</td><td>2</td></tr><tr><td>Safeguarding</td><td>1 out of 4</td></tr></table>"
            "<h3>Summary of people's experiences</h3><p>People found the front door easy to reach.</p></main>")
    text = html_to_text(page)
    meta = read_metadata(blocks(text), text)
    summary = next(s for s in meta.sections if s.kind == "summary")
    assert summary.ratings == (("Assessing needs", 2), ("Safeguarding", 1))


SCORE_LIST = ("Fenwick Council: local authority assessment\n\nQuality statement scores\n\n"
              "Assessing needs\n\nScore: 2\n\n2 - Evidence shows some shortfalls\n\n"
              "Safeguarding\n\nScore: 3\n\n3 - Evidence shows a good standard\n\nTheme: Working with people\n\n")


def test_a_score_list_under_the_pages_title_stays_in_the_summary():
    """A summary page copied from a browser: its heading, then its title line, then each statement, theme and score."""
    entry = "{name}\nWorking with people\nScore\n{n}\nEvidence shows some shortfalls\n"
    text = ("Summary of scores\n\nWokingham Borough Council: summary of scores\n\nOverall rating: Requires improvement\n\n"
            + entry.format(name="Assessing needs", n=2) + entry.format(name="Equity in experience and outcomes", n=2))
    found = meta(text)
    assert [s.kind for s in found.sections] == ["summary"]
    assert found.sections[0].ratings == (("Assessing needs", 2), ("Equity in experience and outcomes", 2))
    headed = text.replace("Wokingham Borough Council: summary of scores", "What we found")  # a heading ends the list
    assert [s.kind for s in meta(headed).sections][-2:] == ["statement", "statement"]


def test_score_rows_with_no_summary_heading_are_a_summary():
    """A page titled "<council>: summary of scores", its rows straight under the title, is a summary of scores; a
    statement page's one score row is not."""
    rows = ("- Assessing needs: score 3 out of 4, evidence shows a good standard\n\n"
            "- Safeguarding: score 2 out of 4, evidence shows some shortfalls\n")
    found = meta("Fenwick Borough Council: summary of scores\n\n" + rows)
    assert [s.kind for s in found.sections] == ["summary"]
    assert found.sections[0].ratings == (("Assessing needs", 3), ("Safeguarding", 2))
    one_row = meta("Fenwick Borough Council\n\nSafeguarding: score 2 out of 4\n\nPeople told us they felt safe.\n")
    assert [s.kind for s in one_row.sections] != ["summary"]
    assert all(s.ratings == () for s in one_row.sections)


def test_a_statement_right_after_the_summary_score_list_opens_its_section():
    text = SCORE_LIST + ("Assessing needs\n\nScore: 2\n\n2 - Evidence shows some shortfalls\n\n"
                         "Key findings for this quality statement\n\nPeople waited 41 days.\n")
    m = meta(text)
    assert [(s.kind, s.statement) for s in m.sections] == [("summary", None), ("statement", "Assessing needs")]
    assert m.sections[0].ratings == (("Assessing needs", 2), ("Safeguarding", 3))


def test_score_list_entries_with_descriptions_stay_in_the_summary():
    m = meta(SCORE_LIST + "Summary of people's experiences\n\nPeople found the front door easy to reach.\n")
    assert [s.kind for s in m.sections] == ["summary"]
    assert m.sections[0].ratings == (("Assessing needs", 2), ("Safeguarding", 3))


def test_a_lone_figure_outside_a_summary_is_no_score():
    text = "Fenwick Council: local authority assessment\n\nAssessing needs\n\nScore: 2\n\nKey findings\n\nPeople waited.\n\n3\n"
    meta = read_metadata(blocks(text), text)
    assert [(s.statement, s.rating) for s in meta.statement_sections()] == [("Assessing needs", 2)]


def test_a_page_without_a_title_takes_the_council_from_its_theme_heading():
    text = ("Theme 1: How Fenwick Council works with people\n\nAssessing needs\n\nScore: 2\n\n"
            "Key findings for this quality statement\n\nPeople waited.\n")
    assert meta(text).council == "Fenwick"
    assert meta(text.replace("Fenwick Council", "the local authority")).council is None


def test_a_labelled_overall_rating_opens_the_summary_but_a_table_cell_does_not():
    text = "Fenwick Council: local authority assessment\n\nOverall rating: Requires improvement\n\nOverall score: 52%\n"
    (s,) = [x for x in meta(text).sections if x.kind == "summary"]
    assert (s.overall, s.percentage) == ("Requires improvement", 52)
    cells = "Fenwick Council: local authority assessment\n\nAbout the local authority\n\nProviders rated:\n\nGood\n\n81%\n"
    assert [x.kind for x in meta(cells).sections] == ["overview"]


def test_an_overall_rating_under_its_own_heading_opens_the_summary_at_the_heading():
    text = "Fenwick Council: local authority assessment\n\nOverall rating\n\nGood\n\nPercentage score: 69%\n\nOverall summary\n\nWell run.\n"
    m = meta(text)
    (s,) = [x for x in m.sections if x.kind == "summary"]
    assert (s.overall, s.percentage) == ("Good", 69) and text[s.start:].startswith("Overall rating")
    other = text.replace("Overall rating\n", "Providers rated\n")  # a rating word under another heading
    assert all(x.overall is None for x in meta(other).sections)


def test_a_page_without_a_title_takes_the_council_from_a_line_naming_it_formally():
    text = ("Leadership\n\nGovernance, management and sustainability\n\nFenwick Borough Council\n\nScore: 2\n\n"
            "Key findings for this quality statement\n\nPeople waited.\n")
    assert meta(text).council is None  # not a listed council
    listed = text.replace("Fenwick Borough Council", "Wokingham Borough Council")
    assert meta(listed).council == "Wokingham"
    assert meta(listed.replace("Wokingham Borough Council", "Wokingham")).council is None  # a bare name is no title


def test_a_score_given_only_by_its_description_opens_the_statement_of_the_title():
    """"Score" on its own line, then "3 - Evidence shows a good standard": the page's title names the statement."""
    text = ("Safeguarding - Fenwick Council\n\nShare this page\nShare on Facebook\nShare on X\nShare by email\n\n"
            "Fenwick Council: local authority assessment\n\nScore\n\n3 - Evidence shows a good standard\n\n"
            "What people expect\n\nI feel safe.\n\nKey findings for this quality statement\n\nThe board met monthly.\n")
    statements = [(s.statement, s.rating) for s in meta(text).sections if s.kind == "statement"]
    assert statements == [("Safeguarding", 3)]


def test_a_statement_heading_with_share_links_and_the_council_under_it():
    text = ("Home > Care services > Fenwick Council > Assessing needs\n\nAssessing needs\n\nShare this page\n"
            "Share on Facebook\nShare on X\nShare by email\n\nFenwick Council\n\nScore\n\n"
            "1 - Evidence shows significant shortfalls\n\nWhat people expect\n\nI am assessed promptly.\n")
    statements = [(s.statement, s.rating) for s in meta(text).sections if s.kind == "statement"]
    assert statements == [("Assessing needs", 1)]


def test_a_whole_report_headed_by_statement_and_council_titles():
    part = ("{name} - London Borough of Fenwick\n\nScore\n\n{n} - Evidence shows some shortfalls\n\n"
            "What people expect\n\nI get help.\n\nKey findings for this quality statement\n\nStaff were kind.\n\n")
    text = ("London Borough of Fenwick: local authority assessment\n\nAbout the local authority\n\nFenwick is a borough.\n\n"
            + part.format(name="Assessing needs", n=2) + part.format(name="Safeguarding", n=2))
    statements = [(s.statement, s.rating) for s in meta(text).sections if s.kind == "statement"]
    assert statements == [("Assessing needs", 2), ("Safeguarding", 2)]


def test_the_breadcrumbs_name_the_statement_of_a_page_whose_title_is_lost():
    text = ("Home > Care services > Local authority assessments > Fenwick Council > Supporting people to live healthier "
            "lives\nSupporting people to live healthier lives - Fenwick\nCouncil\n\nFenwick Council: local authority "
            "assessment\nScore\n\n3 - Evidence shows a good standard\nWhat people expect\n\nI can find help early.\n")
    statements = [(s.statement, s.rating) for s in meta(text).sections if s.kind == "statement"]
    assert statements == [("Supporting people to live healthier lives", 3)]
    no_crumbs = "Fenwick Council: local authority assessment\n\nScore\n\n3 - Evidence shows a good standard\n\nText.\n"
    assert [(s.statement, s.rating) for s in meta(no_crumbs).sections if s.kind == "statement"] == [(None, 3)]


@pytest.mark.parametrize("trail,council", [
    ("Home > Care services > Local authority assessments > Wokingham Borough Council > Safeguarding", "Wokingham"),
    ("Home / Care services / Local authority assessments / Wokingham / Safeguarding", "Wokingham"),
    ("Home > Care services > Local authority assessments > Fenwick Borough Council > Safeguarding", "Fenwick"),  # a title
    ("Home > Care services > Local authority assessments > Safeguarding", None),
    ("1. Home > 2. Care services > 3. Local authority assessments > 4. Wokingham Borough Council > 5. Safeguarding",
     "Wokingham"),  # an ordered list's numbers, as a page printed to PDF keeps them
])
def test_a_page_without_a_title_takes_the_council_its_breadcrumbs_name(trail, council):
    text = (f"Skip to main content\n{trail}\nShare this page\n\nSafeguarding\n\nScore: 3\n\n"
            "3 - Evidence shows a good standard\n\nKey findings for this quality statement\n\nThe board met monthly.\n")
    found = meta(text)
    assert found.council == council
    assert [(s.statement, s.rating) for s in found.sections if s.kind == "statement"] == [("Safeguarding", 3)]


def test_breadcrumbs_copied_one_step_to_a_line_name_the_council():
    """A browser's copy puts each step on its own line with the ">" between them on lines of their own."""
    text = ("Skip to main content\n\nHome\n>\nLocal authority assessments\n>\nWokingham Borough Council\n>\n"
            "Safeguarding\n\nSafeguarding\n\nScore\n\n3\n\nEvidence shows a good standard\n\n"
            "Key findings for this quality statement\n\nThe board met monthly.\n")
    assert meta(text).council == "Wokingham"


@pytest.mark.parametrize("lines,steps", [
    ([">", "Local authority assessments", ">", "Wokingham", ">"], ["Local authority assessments", "Wokingham"]),
    (["Home", " > ", "Wokingham", ""], ["Home", "Wokingham"]),
    (["Home", "News", ">", "Wokingham"], []),  # two steps with no mark between them
    (["Waits fell", "in 2024"], []),  # no marks at all
    ([">", "x" * 200], []),  # a paragraph is no step
])
def test_steps_of_breadcrumbs_on_lines_of_their_own(lines, steps):
    assert steps_on_lines(lines) == steps


def test_a_long_website_menu_does_not_push_the_council_line_out_of_reach():
    menu = "Skip to main content\n\nMenu\n\nSearch\n\n" * 5
    text = (menu + "Care services\n\nAbout us\n\nLeadership\n\nGovernance, management and sustainability\n\n"
            "Wokingham Borough Council\n\nScore: 2\n\nKey findings for this quality statement\n\nPeople waited.\n")
    assert meta(text).council == "Wokingham"
    menu = "".join(f"Menu item {i}\n\n" for i in range(20))  # a long menu of its own: still above the page's score
    assert meta(menu + text.split("Care services", 1)[1]).council == "Wokingham"
    body = "".join(f"People told us about waits number {i}.\n\n" for i in range(12))
    late = ("Governance, management and sustainability\n\nScore: 2\n\nKey findings for this quality statement\n\n"
            + body + "Wokingham Borough Council\n\nPeople waited.\n")
    assert meta(late).council is None  # a name line deep in the findings is no title


def test_a_page_without_a_title_takes_the_council_from_its_about_heading():
    text = ("A heading we cannot place\n\nPublished 3 March 2025\n\nOverall rating\n\nGood\n\n"
            "About Redcar and Cleveland\n\nThe borough has about 137,000 people.\n")
    assert meta(text).council == "Redcar and Cleveland"
    assert meta(text.replace("About Redcar and Cleveland", "About the area")).council is None  # names no council
    assert meta(text.replace("About Redcar and Cleveland", "About Fenwick")).council is None  # not a listed council


def test_a_statement_heading_repeated_after_its_score_keeps_the_score():
    text = ("Care provision, integration and continuity\n\nFenwick Council: local authority assessment\n\nScore\n\n"
            "2 - Evidence shows some shortfalls\n\nWhat people expect\n\nI have care when I need it.\n\n"
            "Care provision, integration and continuity\n\nHome care was hard to find in rural areas.\n")
    statements = [(s.statement, s.rating) for s in meta(text).sections if s.kind == "statement"]
    assert statements == [("Care provision, integration and continuity", 2)]
