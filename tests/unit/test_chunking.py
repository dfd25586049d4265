"""Passages of each page kind: findings with and without sub-headings, standard text, scores,
overview bullets and summaries, with exact offsets."""

import pytest

from rag.chunking import RepeatFinder, chunk_document, label_for, split_sentences
from rag.corpus import make_document
from rag.metadata import Section
from tests.helpers import STATEMENT_PAGE, WHOLE_REPORT, assert_exact_offsets


def chunks_of(text, name="doc.txt"):
    doc = make_document(name, text, "x")
    return doc, chunk_document(doc)


def test_findings_without_sub_headings_are_findings():
    doc, chunks = chunks_of(STATEMENT_PAGE)
    assert_exact_offsets(doc.text, chunks)
    findings = [c for c in chunks if c.kind == "finding"]
    assert [c.text[:20] for c in findings] == ["The council's home c", "Staff told us that h"]
    assert all(c.section == "Key findings for this quality statement" for c in findings)
    assert all(c.statement == "Care provision, integration and continuity" and c.rating == 3 for c in findings)
    assert [c.paragraph for c in findings] == [1, 2]


def test_standard_text_and_score_lines_are_marked():
    _, chunks = chunks_of(STATEMENT_PAGE)
    kinds = {c.text.split("\n")[0]: c.kind for c in chunks}
    assert kinds["I can get care when I need it."] == "standard"
    assert kinds["We understand the care people need and make sure it is there."] == "standard"
    assert kinds["Published: 2 May 2025 Page last updated: 9 May 2025"] == "published"
    line = next(c for c in chunks if c.kind == "published")
    assert line.page == "statement"  # the page it is on: a statement's, whether above its heading or below it
    rating = next(c for c in chunks if c.kind == "rating")
    # the score passage reads on its own: it starts at the statement's heading, and quotes only the score lines
    assert rating.text.startswith("Care provision, integration and continuity of care\n\nScore 3")
    assert [s.text for s in rating.sentences] == ["Score 3", "3 – Evidence shows a good standard"]


def test_findings_under_sub_headings_take_their_heading():
    text = STATEMENT_PAGE.replace("Key findings for this quality statement\n\n",
                                  "Key findings for this quality statement\n\nHome care supply\n\n")
    _, chunks = chunks_of(text)
    assert {c.section for c in chunks if c.kind == "finding"} == {"Home care supply"}


def test_whole_report_sections_bullets_and_summary_scores():
    doc, chunks = chunks_of(WHOLE_REPORT)
    assert_exact_offsets(doc.text, chunks)
    facts = [c for c in chunks if c.kind == "facts"]
    assert len(facts) == 1 and facts[0].section == "Demographics"
    assert [s.text for s in facts[0].sentences] == ["- Population: 151,000", "- Share aged over 65: 21%"]
    summary_scores = next(c for c in chunks if c.kind == "rating" and c.page == "summary" and "Assessing" in c.text)
    assert [s.text for s in summary_scores.sentences] == ["Assessing needs\nScore: 2", "Safeguarding\nScore: 3"]
    assert summary_scores.text.startswith("Quality statement scores\n\n")
    overall = next(c for c in chunks if c.kind == "rating" and c.page == "summary" and "58%" in c.text)
    assert overall.text == "Local authority rating and score\n\nRequires improvement\n\n58%"
    by_statement = {c.text: (c.statement, c.theme, c.rating) for c in chunks if c.kind == "finding"}
    assert by_statement["People waited too long for assessments in 2024."] == ("Assessing needs", "Working with people", 2)
    assert by_statement["Safeguarding concerns were triaged the same day."][0] == "Safeguarding"


def test_unnamed_council_gets_a_readable_label():
    assert label_for(None, Section("statement", 0, 1, "Safeguarding", None, 2)) == "Unnamed council · Safeguarding · score 2"
    assert label_for("Harrow", None) == "Harrow"
    _, chunks = chunks_of("Safeguarding\n\nIndicative score: 2\n\nThe local authority had a backlog.\n")
    assert {c.label for c in chunks} == {"Unnamed council · Safeguarding · score 2"}


def test_repeated_paragraph_is_kept_once_in_linear_time():
    finder = RepeatFinder()
    finder.add("Staff had training. The local authority has increased resources to its contact centre.")
    assert finder.repeats("The council has increased resources to its contact centre.")
    assert not finder.repeats("The council has increased resources to its contact centre. Staff left.")
    assert not finder.repeats("Something else entirely.")


def test_many_distinct_paragraphs_are_all_kept():
    text = "Safeguarding\n\nScore 3\n\n" + "\n\n".join(
        f"Finding number {i} concerns topic {i * 7919 % 1000} and team {i * 104729 % 997}." for i in range(800))
    _, chunks = chunks_of(text)
    assert sum(c.kind == "finding" for c in chunks) == 800


def test_cr_line_endings_are_read_as_newlines():
    from rag.read.text import decode_text

    text = decode_text(STATEMENT_PAGE.replace("\n", "\r").encode())
    doc, chunks = chunks_of(text)
    assert sum(c.kind == "finding" for c in chunks) == 2


def test_sentence_splitting_keeps_abbreviations_and_lowercase_continuations():
    text = "Staff used e.g. reflective logs. Recent. examples had included fire training. Twelve complaints were received."
    assert [s.text for s in split_sentences(text)] == [
        "Staff used e.g. reflective logs.", "Recent. examples had included fire training.",
        "Twelve complaints were received."]


@pytest.mark.parametrize("text,expected", [
    ("Registered care homes in the area\n214\nRegistered home care agencies in the area\n97",
     ["Registered care homes in the area\n214", "Registered home care agencies in the area\n97"]),
    ("Proportion of people aged 65 and over\n25.6%\nAdult social care budget\n£262.4 million\nStaff said so.",
     ["Proportion of people aged 65 and over\n25.6%", "Adult social care budget\n£262.4 million", "Staff said so."]),
    ("The number waiting had risen to\n214 people by March.",  # a figure that runs on is no value of its own
     ["The number waiting had risen to\n214 people by March."]),
])
def test_a_key_fact_s_figure_on_its_own_line_ends_its_label_s_sentence(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ('One person said, "Nobody asked me twice. That never happened before." Staff agreed.',
     ['One person said, "Nobody asked me twice. That never happened before."', "Staff agreed."]),
    ("A carer said, “I was not told. Nobody rang.” Waits fell.",
     ["A carer said, “I was not told. Nobody rang.”", "Waits fell."]),
    ('One said, "It helped." Another said, "It did not." Waits fell.',
     ['One said, "It helped."', 'Another said, "It did not."', "Waits fell."]),  # each quotation closes in its sentence
    ('The frame was 6" wide. Staff fitted it. It held.',
     ['The frame was 6" wide.', "Staff fitted it.", "It held."]),  # a mark that never closes opens nothing
])
def test_a_quotation_of_several_sentences_stays_in_one(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_a_page_copied_from_the_web_keeps_only_the_report():
    page = ("Skip to main content\nHome\nLocal authority assessments\nFenwick Council: local authority assessment\n"
            "Print this page\nDownload this report (PDF, 512KB)\nAssessing needs\nScore: 2 out of 4\n"
            "2 - Evidence shows some shortfalls\nKey findings for this quality statement\n"
            "People waited a median of 37 days for an assessment.\nBack to top\nWas this page helpful?\nYes\nNo\n")
    doc, chunks = chunks_of(page)
    assert_exact_offsets(doc.text, chunks)
    assert doc.council == "Fenwick"
    assert [(c.kind, c.text) for c in chunks if c.retrievable] == [
        ("rating", "Assessing needs\nScore: 2 out of 4\n2 - Evidence shows some shortfalls"),
        ("finding", "People waited a median of 37 days for an assessment."),
    ]
    assert {c.rating for c in chunks if c.retrievable} == {2}


def test_standard_text_in_any_first_person_opening_but_not_a_long_finding():
    page = ("Fenwick Council: local authority assessment\n\nSafe pathways, systems and transitions\n\nScore: 3\n\n"
            "What people expect\n\nMy care is planned with me.\n\nWhen I move between services, there is a plan.\n\n"
            "The local authority commitment\n\nOur work with partners keeps people safe as they move between services.\n\n"
            "We told the council " + "about our long finding " * 40 + ".\n")
    doc, chunks = chunks_of(page)
    kinds = [(c.kind, c.text[:12]) for c in chunks if c.kind != "rating"]
    assert kinds == [("standard", "My care is p"), ("standard", "When I move "), ("standard", "Our work wit"),
                     ("finding", "We told the ")]


def test_the_overall_rating_starts_at_a_heading_naming_the_council_or_the_rating():
    for heading in ("Fenwick Borough Council", "Overall rating"):
        text = WHOLE_REPORT.replace("Local authority rating and score\n\nRequires improvement",
                                    f"Local authority rating and score\n\n{heading}\n\nRequires improvement")
        doc, chunks = chunks_of(text)
        assert_exact_offsets(doc.text, chunks)
        overall = next(c for c in chunks if c.kind == "rating" and "58%" in c.text)
        assert overall.text == f"{heading}\n\nRequires improvement\n\n58%"
    text = WHOLE_REPORT.replace("Local authority rating and score\n\nRequires improvement",
                                "Local authority rating and score\n\nWhat we found\n\nRequires improvement")
    _, chunks = chunks_of(text)
    assert next(c for c in chunks if c.kind == "rating" and "58%" in c.text).text.startswith("Requires improvement")


def test_a_figure_alone_under_its_label_is_read_with_the_label():
    page = ("Fenwick Council: local authority assessment\n\nFinancial facts\n\nSpend on adult social care per adult\n"
            "£402\n\nAdult social care as a share of the council's budget\n36%\n\nSupport for carers\n\n"
            "Carers told us the hub was helpful.\n")
    doc, chunks = chunks_of(page)
    assert_exact_offsets(doc.text, chunks)
    texts = [c.text for c in chunks if c.retrievable]
    assert "Spend on adult social care per adult\n£402" in texts
    assert "Adult social care as a share of the council's budget\n36%" in texts
    assert "Carers told us the hub was helpful." in texts  # a sentence keeps to itself under its heading
    labelled = next(c for c in chunks if c.text.endswith("£402"))
    assert [s.text for s in labelled.sentences] == ["Spend on adult social care per adult\n£402"]
    assert not any(c.kind == "rating" for c in chunks)  # "36%" under its label is no percentage score
    _, chunks = chunks_of("Fenwick Council: local authority assessment\n\nOverall score\n58%\n")
    assert [c.text for c in chunks if c.kind == "rating"] == [  # a score's heading keeps it one, under the page's title
        "Fenwick Council: local authority assessment\n\nOverall score\n58%"]


def test_a_label_read_as_text_still_labels_the_figure_below_it():
    page = ("Fenwick Council: local authority assessment\n\nFinancial facts\n\nTotal spend on adult social care in "
            "2022/23\n\n£318.6 million\n\nOf which aged 65 and over\n\n5,910\n\nStaff told us waits were long.\n\n12\n")
    doc, chunks = chunks_of(page)
    assert_exact_offsets(doc.text, chunks)
    texts = [c.text for c in chunks if c.retrievable]
    assert "Total spend on adult social care in 2022/23\n\n£318.6 million" in texts
    assert "Of which aged 65 and over\n\n5,910" in texts
    assert "Total spend on adult social care in 2022/23" not in texts  # the label is not a passage of its own
    assert "Staff told us waits were long." in texts  # a sentence labels nothing


def test_a_figure_with_a_few_words_under_its_label_is_read_with_the_label():
    page = ("Fenwick Council: local authority assessment\n\nDemographics\n\nPeople aged 65 and over\n\n21.4% of the "
            "population\n\nPopulation\n\n184,300 people (2023 estimate)\n\nSafeguarding enquiries\n\n"
            "1,200 concerns were received in 2023 and most were screened within a day.\n")
    doc, chunks = chunks_of(page)
    assert_exact_offsets(doc.text, chunks)
    texts = [c.text for c in chunks if c.retrievable]
    assert "People aged 65 and over\n\n21.4% of the population" in texts
    assert "Population\n\n184,300 people (2023 estimate)" in texts
    assert "1,200 concerns were received in 2023 and most were screened within a day." in texts  # a sentence is no value


def test_statement_pages_headed_under_their_theme_are_read_one_by_one():
    page = ("Fenwick Council: local authority assessment\n\nTheme 1: Working with people - Assessing needs\n\n"
            "Score: 3\n\nPeople were assessed within four weeks.\n\nTheme 3: How the local authority ensures safety "
            "within the system - Safe pathways, systems and transitions\n\nScore: 2\n\nDischarges were often delayed.\n")
    doc, chunks = chunks_of(page)
    assert_exact_offsets(doc.text, chunks)
    findings = {c.text: (c.statement, c.rating) for c in chunks if c.kind == "finding"}
    assert findings["People were assessed within four weeks."] == ("Assessing needs", 3)
    assert findings["Discharges were often delayed."] == ("Safe pathways, systems and transitions", 2)
    ratings = [c.text for c in chunks if c.kind == "rating"]
    assert ratings[0] == "Theme 1: Working with people - Assessing needs\n\nScore: 3"  # the score reads with its heading


def test_a_score_passage_starts_at_the_page_title_naming_its_statement():
    page = ("Fenwick Council: Partnerships and communities\n\nTheme 2: Providing support\n\nScore: 4\n\n"
            "Partners worked closely with the council.\n")
    doc, chunks = chunks_of(page)
    assert_exact_offsets(doc.text, chunks)
    rating = next(c for c in chunks if c.kind == "rating")
    assert rating.text.startswith("Fenwick Council: Partnerships and communities\n\nTheme 2")
    assert [s.text for s in rating.sentences] == ["Score: 4"]
    _, chunks = chunks_of(page.replace("Partnerships and communities", "Overview"))  # a title naming no statement
    assert next(c for c in chunks if c.kind == "rating").text.startswith("Score: 4")


def test_a_table_row_with_a_sub_row_makes_a_passage_with_it():
    text = ("Fenwick Council: local authority assessment\n\nFinancial facts\n\nSpend per adult: £549\n\n"
            "Share of budget: 41%\n\nPeople receiving long-term support: 5,640\n\nof whom aged 65 and over: 3,720\n\n"
            "Unpaid carers supported: 2,870\n\nCarers' breaks funded: 410\n")
    doc, chunks = chunks_of(text)
    assert_exact_offsets(doc.text, chunks)
    assert [c.text for c in chunks if c.retrievable] == ["Spend per adult: £549\n\nShare of budget: 41%",
                     "People receiving long-term support: 5,640\n\nof whom aged 65 and over: 3,720",
                     "Unpaid carers supported: 2,870\n\nCarers' breaks funded: 410"]


def test_the_overall_rating_under_the_page_title_is_read_with_the_title():
    page = ("Fenwick Council: local authority assessment\n\nOverall rating\n\nGood\n\n"
            "We found a council that knows its communities well.\n")
    doc, chunks = chunks_of(page)
    assert_exact_offsets(doc.text, chunks)
    rating = next(c for c in chunks if c.kind == "rating")
    assert rating.text == "Fenwick Council: local authority assessment\n\nOverall rating\n\nGood"
    apart = page.replace("\n\nOverall rating", "\n\nPublished: 2 May 2025\n\nOverall rating")
    _, chunks = chunks_of(apart)
    assert next(c for c in chunks if c.kind == "rating").text == "Overall rating\n\nGood"
    untitled = page.replace("Fenwick Council: local authority assessment", "How we assess local authorities")
    _, chunks = chunks_of(untitled)  # a heading naming no council is no title of the report's
    assert next(c for c in chunks if c.kind == "rating").text == "Overall rating\n\nGood"


def test_the_sentence_giving_the_overall_rating_after_it_is_read_with_it():
    page = ("Fenwick Council: local authority assessment\n\nPublished: 2 May 2025\n\nOverall rating\n\nGood\n\n"
            "Fenwick Council was rated Good. Most people got timely help.\n\nOverall summary\n\n"
            "We found a council that knows its communities well.\n")
    doc, chunks = chunks_of(page)
    assert_exact_offsets(doc.text, chunks)
    rating = next(c for c in chunks if c.kind == "rating")
    assert rating.text == "Overall rating\n\nGood\n\nFenwick Council was rated Good. Most people got timely help."
    assert [s.text for s in rating.sentences][-2:] == ["Fenwick Council was rated Good.", "Most people got timely help."]
    other = page.replace("was rated Good", "was rated Inadequate in 2023")  # another rating: not this one's sentence
    _, chunks = chunks_of(other)
    assert next(c for c in chunks if c.kind == "rating").text == "Overall rating\n\nGood"
    plain = page.replace("Fenwick Council was rated Good. ", "")  # no rating stated: the paragraph is its own
    _, chunks = chunks_of(plain)
    assert next(c for c in chunks if c.kind == "rating").text == "Overall rating\n\nGood"


def test_standard_text_in_quotation_marks_is_standard_text():
    page = ("Fenwick Council: local authority assessment\n\nAssessing needs\n\nScore: 3\n\n"
            "What people expect\n\n“I can get care and support when I need it.”\n\n"
            "The local authority commitment\n\n\"We work with people to understand their needs.\"\n\n"
            "Key findings for this quality statement\n\n“It was quick,” one person told us about their assessment.\n")
    doc, chunks = chunks_of(page)
    kinds = [(c.kind, c.text[:8]) for c in chunks if c.kind != "rating"]
    assert kinds == [("standard", "“I can g"), ("standard", "\"We work"), ("finding", "“It was ")]


def test_a_local_authority_rating_label_opens_the_summary_with_its_rating():
    page = ("Fenwick Council: local authority assessment\n\nOverview\n\nPublished 1 May 2025\n\n"
            "Local authority rating\n\nGood\n\nSummary of findings\n\nPeople told us staff listened to them.\n\n"
            "Next\n\nSummary of scores\n\nShare this page\n")
    doc, chunks = chunks_of(page)
    summaries = [s for s in doc.sections if s.kind == "summary"]
    assert [s.overall for s in summaries] == ["Good"]  # "Next" / "Summary of scores" is a link, not a part
