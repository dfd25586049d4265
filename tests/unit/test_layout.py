"""Typing the lines of a report and joining them into paragraphs, whatever the layout."""

import pytest

from rag.layout import blocks, classify


@pytest.mark.parametrize("line,kind,value", [
    ("Score: 2", "score", (2, False)),
    ("Score 3", "score", (3, False)),
    ("Indicative score: 3", "score", (3, True)),
    ("Score: 75", "percentage", 75),
    ("56%", "percentage", 56),
    ("78 out of 100", "percentage", 78),
    ("Percentage score: 50%", "percentage", 50),  # only an overall score is a percentage
    ("Overall percentage score: 62%", "percentage", 62),
    ("2 - Evidence shows some shortfalls", "description", 2),
    ("3 – Evidence shows a good standard", "description", 3),
    ("Requires improvement", "overall", "Requires improvement"),
    ("Published: 31 January 2025 Page last updated: 3 February 2025", "published", "31 January 2025"),
    # a sentence wrapped across a PDF's lines is no date of publication
    ("published in 2024 into the death of a man known as Peter led to a new protocol.", "text", None),
    ("requires improvement.", "text", None),
    ("safeguarding", "text", None),
    ("Theme: Leadership", "theme", "Leadership"),
    ("Theme park visits rose", "heading", None),
    ("- Population: 218,000", "bullet", None),
    ("• 41% of residents are under 30", "bullet", None),
    ("Population: 41,400", "bullet", None),
    ("of whom aged 65 and over: 3,720", "bullet", None),  # a table's sub-row
    ("of the people we spoke to: most were positive", "text", None),  # no sub-row's "of whom"
    ("© Care Quality Commission", "copyright", None),
    ("Score: 3 out of 4", "score", (3, False)),
    ("Score: 3 of 4", "score", (3, False)),
    ("2 of 4", "bare_score", 2),
    ("Overall: Good", "overall", "Good"),
    # a key to the scores, several on one line, is no score
    ("Scores: 4 – evidence shows an exceptional standard; 3 – evidence shows a good", "bullet", None),
    ("4 – evidence shows an exceptional standard; 3 – evidence shows a good standard", "text", None),
    ("Back to top", "furniture", None),
    ("Was this page helpful?", "furniture", None),
    ("Download this report (PDF, 512KB)", "furniture", None),
    ("Skip to main content", "furniture", None),
    ("Find a service   Guidance and regulation   Publications   About us   Contact us   Search", "furniture", None),
    ("Accessibility | Privacy | Cookies | Terms of use", "furniture", None),
    ("Statement   Theme   Score   Notes", "heading", None),  # a table's heading row: no link of a page's furniture
    ("What people expect", "known", "expect"),
    ("The local authority commitment:", "known", "commitment"),
    ("Key findings for this quality statement", "known", "findings"),
    ("Financial facts", "known", "overview"),
    ("Quality statement scores", "known", "summary_scores"),
    ("Learning from feedback", "heading", None),
    ("Staff told us they felt supported.", "text", None),
])
def test_classify(line, kind, value):
    assert classify(line) == (kind, value)


def test_statement_with_score_on_one_line():
    kind, (statement, n) = classify("Assessing needs: 2 (Evidence shows some shortfalls)")
    assert kind == "statement_score" and statement.name == "Assessing needs" and n == 2


def _texts(text):
    return [(b.kind, text[b.start:b.end]) for b in blocks(text)]


def test_blank_line_paragraphs_and_exact_offsets():
    text = "Heading one\n\nFirst paragraph here. It has two sentences.\n\nSecond paragraph.\n"
    out = _texts(text)
    assert out == [("heading", "Heading one"), ("text", "First paragraph here. It has two sentences."),
                   ("text", "Second paragraph.")]


def test_wrapped_lines_join_into_one_paragraph():
    text = ("The council ran a service for people leaving hospital that\nhelped them settle at home, and most said "
            "it\nworked well.\nNext heading\n")
    kinds = _texts(text)
    assert kinds[0] == ("text", text[: text.index("\nNext")])
    assert kinds[1] == ("heading", "Next heading")


def test_one_paragraph_per_line_is_split():
    long1 = "Staff described a supportive culture with regular supervision and training that they valued highly. " * 2
    long2 = "Partners said the council shared information well and responded quickly when concerns were raised. " * 2
    text = long1.strip() + "\n" + long2.strip() + "\n"
    assert [k for k, _ in _texts(text)] == ["text", "text"]


def test_title_wrapped_over_two_lines():
    text = "Rutland County Council: local authority\nassessment\n\nOverall summary\n"
    assert _texts(text)[0] == ("title", "Rutland County Council: local authority\nassessment")


@pytest.mark.timeout(120)
def test_hostile_layouts_at_the_size_limit_finish():
    """A megabyte of spaces on one line and a 1 MB line of words (quadratic regexes would take hours)."""
    text = "Heading\n\n" + " " * 1_000_000 + "x\n\n" + ("word " * 200_000) + "\n"
    out = blocks(text)
    assert [b.kind for b in out] == ["heading", "text", "text"]
    assert text[out[1].start : out[1].end] == "x"



@pytest.mark.parametrize("start", ["Published", "Score: 2", "2", "Overall rating", "Local authority assessment"])
def test_a_line_that_starts_like_a_labelled_line_and_runs_on_finishes(start):
    """A short label followed by a megabyte of spaces: every line pattern is tried on it in linear time."""
    text = start + " " * 1_000_000 + "x\n"
    assert [b.kind for b in blocks(text)] == ["text"]


def test_a_title_after_a_breadcrumb_line_stands_alone():
    text = "Home\nLocal authority assessments\nWakefield Council: local authority assessment\nPublished 21 May 2025\n"
    titles = [b for b in blocks(text) if b.kind == "title"]
    assert [text[b.start : b.end] for b in titles] == ["Wakefield Council: local authority assessment"]
    assert titles[0].value == "Wakefield"


@pytest.mark.parametrize("line,kind,value", [
    ("Overall rating: Good", "overall", "Good"),
    ("Local authority rating - Requires improvement", "overall", "Requires improvement"),
    ("Overall rating: excellent", "bullet", None),
    ("Overall score: 67%", "percentage", 67),
    # the council's name, then its rating, as the "Local authority rating and score" block gives them
    ("Knowsley: Good", "overall", "Good"),
    ("Bournemouth, Christchurch and Poole: Requires improvement", "overall", "Requires improvement"),
    ("Safeguarding: Good", "bullet", None),  # a statement is not rated so
    ("Care homes: Good", "bullet", None),
    # the rating with its description on one line
    ("Good: Evidence shows a good standard", "overall", "Good"),
    ("Requires improvement - Evidence shows some shortfalls", "overall", "Requires improvement"),
    ("Good work was seen: evidence shows staff cared", "bullet", None),
])
def test_labelled_overall_rating_and_score(line, kind, value):
    assert classify(line) == (kind, value)


@pytest.mark.parametrize("line,kind,value", [
    ("Score: 2 Evidence shows some shortfalls", "score", (2, False)),
    ("2 Evidence shows some shortfalls", "description", 2),
    ("Quality statement score: 3", "score", (3, False)),
    ("Score: 3 (Evidence shows a good standard)", "score", (3, False)),
    ("Rating: 2", "score", (2, False)),
    ("Our score: 2", "score", (2, False)),
    ("Score – 3", "score", (3, False)),
    ("Scored 3 out of 4", "score", (3, False)),
    ("Evidence shows some shortfalls", "description", 2),
    ("Evidence shows an exceptional standard.", "description", 4),
    ("Overall score: 52%", "percentage", 52),
    ("Overall rating: 3", "bullet", None),  # an overall rating is a word, not a number
    ("Evidence shows that waits fell in 2024 for most people.", "text", None),
    ("Quality statement scores: 58%.", "percentage", 58),
    ("Local authority rating and score: Fenwick Borough Council. Requires improvement. Quality statement scores: 58%.",
     "overall", "Requires improvement"),  # the summary's rating table copied as one line
])
def test_score_lines_in_other_wordings(line, kind, value):
    assert classify(line) == (kind, value)


def test_a_statement_with_its_score_in_brackets():
    kind, (statement, n) = classify("Safeguarding (score 2)")
    assert kind == "statement_score" and statement.name == "Safeguarding" and n == 2


@pytest.mark.parametrize("line", ["Assessing needs\t2", "Assessing needs 2", "Assessing needs | 2 | Evidence shows some shortfalls",
                                  "| Assessing needs | 2 |", "Assessing needs\t2\tEvidence shows some shortfalls",
                                  "Assessing needs Score: 2 Evidence shows some shortfalls", "Assessing needs: 2 of 4"])
def test_a_score_table_row_copied_as_text(line):
    kind, (statement, n) = classify(line)
    assert kind == "statement_score" and statement.name == "Assessing needs" and n == 2


@pytest.mark.parametrize("line", ["- Assessing needs (Working with people): score 2 out of 4, evidence shows some shortfalls",
                                  "Assessing needs (Working with people): Score: 2",
                                  "Assessing needs: score 2 out of 4, evidence shows some shortfalls"])
def test_a_score_list_entry_with_its_theme_in_brackets_or_a_comma_before_its_description(line):
    kind, (statement, n) = classify(line)
    assert kind == "statement_score" and statement.name == "Assessing needs" and n == 2


def test_words_in_brackets_that_name_no_theme_leave_a_line_no_score_row():
    assert classify("Assessing needs (what people told us): 2 of them waited")[0] != "statement_score"
    assert classify("Score 3 out of 4, evidence shows a good standard") == ("score", (3, False))


def test_a_score_table_row_that_starts_with_its_theme():
    kind, (statement, n) = classify("Working with people | Assessing needs | Score: 2")
    assert kind == "statement_score" and statement.name == "Assessing needs" and n == 2
    assert classify("Leadership | Governance board | met 4 times")[0] != "statement_score"
    assert classify("Theme | Quality statement | Score")[0] == "heading"


@pytest.mark.parametrize("line", ["Assessing needs 2024", "Safeguarding 5", "Assessing needs of 2 carers"])
def test_a_statement_name_before_another_number_is_no_score(line):
    assert classify(line)[0] != "statement_score"


def test_a_title_longer_than_a_heading_is_still_a_title():
    line = "Supporting people to live healthier lives - City of Bradford Metropolitan District Council - Local authority assessment"
    assert classify(line) == ("title", "Bradford")


def test_a_sentence_broken_after_a_short_first_line_is_one_paragraph():
    text = ("Safeguarding partnership\n\nThe partnership was led by an independent chair, Professor\n"
            "Ann Lee-Ray. She had been in post since 2022.\n")
    kinds = [(b.kind, text[b.start : b.end]) for b in blocks(text)]
    assert kinds[0] == ("heading", "Safeguarding partnership")
    assert kinds[1][0] == "text" and "Professor\nAnn Lee-Ray." in kinds[1][1]


@pytest.mark.parametrize("first,second,wrapped", [
    ("The Fenwick Safeguarding Adults Board brought together the council, the NHS, Marsh Community",
     "Care and the voluntary sector, and set shared priorities for health and care.", True),  # a verb in the past
    ("Partnership working in Fenwick was outstanding. The council, the police and the NHS met",
     "every month to plan support together.", True),  # a sentence ends inside it
    ("Areas for development included waits for occupational therapy, the number of",
     "applications waiting for a decision and the recording of people's wishes.", True),  # ends with "of"
    ("Understanding and reducing barriers to care and support and reducing inequalities",
     "The council knew its communities well and had good data on who used services.", False),  # a real heading
    ("The Fenwick Board brought together partners", "The council led it.", False),  # too short to be wrapped
    ("The Fenwick Safeguarding Adults Board brought together the council, the NHS, Marsh Community",
     "x" * 200, False),  # a one-line paragraph follows: the line above stands apart
])
def test_a_pdf_paragraphs_long_first_line_is_no_heading(first, second, wrapped):
    from rag.layout import wrapped_first_line

    assert wrapped_first_line(first, second) is wrapped


@pytest.mark.parametrize("first,joined", [
    ("The Fenwick Safeguarding Adults Board brought together the council, the NHS, Marsh Community", True),
    ("Understanding and reducing barriers to care and support and reducing inequalities", False),  # a real heading
])
def test_a_wrapped_first_line_stays_with_its_paragraph(first, joined):
    text = f"Working with partners\n\n{first}\nCare and the voluntary sector set shared priorities for health and care.\n"
    kinds = [(b.kind, text[b.start : b.end]) for b in blocks(text)]
    assert kinds[0] == ("heading", "Working with partners")
    assert (kinds[1][0] == "text" and kinds[1][1].startswith(first)) is joined
    assert (kinds[1] == ("heading", first)) is not joined


def test_a_title_wrapped_before_its_council_word_names_the_whole_council():
    from rag.layout import blocks
    text = "Fenwick and Marsh Borough\nCouncil: local authority assessment\n\nAbout the local authority"
    first = blocks(text)[0]
    assert (first.kind, first.value) == ("title", "Fenwick and Marsh")
    assert (first.start, first.end) == (0, text.index("\n\n"))


@pytest.mark.parametrize("text,council", [
    ("London Borough of Hammersmith and\nFulham: local authority assessment\n\nOverall rating", "Hammersmith and Fulham"),
    ("Bournemouth, Christchurch and\nPoole Council: local authority assessment\n", "Bournemouth, Christchurch and Poole"),
    ("Findings for the borough\nFulham: local authority assessment\n", "Fulham"),  # no listed council begun before
    ("Menu\n\nKent County Council: local authority assessment\n", "Kent"),
])
def test_a_title_broken_inside_a_council_s_name_names_the_whole_council(text, council):
    from rag.layout import blocks
    assert [b.value for b in blocks(text) if b.kind == "title"] == [council]


def test_title_words_alone_name_no_council():
    from rag.councils import council_of_title
    assert council_of_title("Council: local authority assessment") is None
    assert council_of_title("Borough Council: local authority assessment") is None
    assert council_of_title("Fenwick Council: local authority assessment") == "Fenwick"


def test_a_statement_heading_wrapped_over_two_lines_is_one_heading():
    from rag.layout import blocks
    text = "Providing support\nCare provision, integration and\ncontinuity\n\nScore 2"
    kinds = [(b.kind, getattr(b.value, "name", b.value)) for b in blocks(text)]
    assert ("statement", "Care provision, integration and continuity") in kinds
    # two lines that together name no statement stay as they were
    assert [b.kind for b in blocks("Care provision was\nslow to start.")] == ["text"]


@pytest.mark.parametrize("line,furniture", [
    ("Home > Care services > Local authority assessments > Anytown Council > Safeguarding", True),
    ("Home › Local authority assessments › Anytown Council", True),
    ("Home > Care services", False),  # two steps: a heading may read so
    ("Costs rose > 5% in 2023 > the 2022 level.", False),  # a sentence
])
def test_a_trail_of_breadcrumbs_is_page_furniture(line, furniture):
    from rag.layout import is_furniture

    assert is_furniture(line) is furniture


def test_a_printed_score_row_that_repeats_its_score_before_the_description():
    kind, (statement, n) = classify("Working with people | Assessing needs | Score: 2 2 - Evidence shows some shortfalls")
    assert kind == "statement_score" and statement.name == "Assessing needs" and n == 2
    assert classify("Assessing needs | Score: 2 3 - Evidence shows some shortfalls")[0] != "statement_score"  # two scores


def test_a_summary_of_scores_heading_opens_the_score_list():
    assert classify("Summary of scores") == ("known", "summary_scores")


@pytest.mark.parametrize("line,overview", [
    ("About Anytown Council", True), ("About the area", True),
    ("About Kingston upon Hull City Council", True), ("About Royal Borough of Kensington and Chelsea", True),
    ("About the people who use services in the city", False),  # a long line that names no council
    ("About us", False), ("About CQC", False), ("About this website", False),  # the site's own menu items
])
def test_about_heading_of_the_report_not_of_the_site(line, overview):
    assert (classify(line) == ("known", "overview")) is overview


@pytest.mark.parametrize("line,furniture", [
    ("Give feedback on care | Tell us about your experience of this website", True),  # links only
    ("Accessibility | Privacy | Cookies | Sitemap", True),
    ("Privacy | Safeguarding", False),  # one is no link
    ("Theme | Quality statement | Score", False),  # a table's heading row
])
def test_a_row_of_site_links_is_page_furniture(line, furniture):
    from rag.layout import is_furniture

    assert is_furniture(line) is furniture


def test_a_statement_named_by_a_link_to_the_page_before_or_after_is_navigation():
    text = "Leaders said learning time would start in April.\n\nPrevious\nGovernance, management and sustainability\n"
    kinds = [(b.kind, text[b.start : b.end]) for b in blocks(text)]
    assert ("furniture", "Governance, management and sustainability") in kinds
    assert classify("Next: Assessing needs")[0] == "furniture"
    heading = "Care provided\n\nGovernance, management and sustainability\n"
    assert [b.kind for b in blocks(heading)][-1] == "statement"  # a heading of its own, after no link


@pytest.mark.parametrize("line,links", [
    ("Previous", True), ("Next page", True),
    ("Summary of scores Next", True),  # a PDF's two links on one line: the page before, then "Next"
    ("Previous Next", True),
    ("Share this page", False), ("Back to top", False),
])
def test_a_line_of_furniture_that_ends_in_a_link_to_another_page(line, links):
    from rag.layout import links_to_next_line

    assert links_to_next_line(line) is links


def test_a_statement_after_a_pdf_line_of_two_links_is_navigation():
    text = ("Staff had weekly supervision.\n\nPrevious\nSummary of scores Next\nSupporting people to live healthier lives\n\n"
            "Share this page\n")
    kinds = [(b.kind, text[b.start : b.end]) for b in blocks(text)]
    assert ("furniture", "Supporting people to live healthier lives") in kinds
    heading = "Staff had weekly supervision.\n\nShare this page\nSupporting people to live healthier lives\n"
    assert ("statement", "Supporting people to live healthier lives") in [
        (b.kind, heading[b.start : b.end]) for b in blocks(heading)]  # after furniture that links nowhere


@pytest.mark.parametrize("line,n", [
    ("Supporting people to live healthier lives: 3 - Evidence shows a good standard Score: 4", 4),  # shifted row
    ("Equity in experience and outcomes: 4 - Evidence shows an exceptional standard Score: 2 2 - Evidence shows "
     "some shortfalls", 2),  # the row's own description follows its label
    ("Safeguarding: 3 - Evidence shows a good standard", 3),  # no label: the description is the row's own
    ("Assessing needs: Score: 1 1 - Evidence shows significant shortfalls", 1),
])
def test_a_score_rows_own_label_wins_over_a_description_shifted_from_the_row_above(line, n):
    kind, (_, score) = classify(line)
    assert kind == "statement_score" and score == n
