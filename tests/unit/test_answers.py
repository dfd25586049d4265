"""Answers on the fixture reports with the fake encoder: council discipline, score answers, abstention
rules (each named in rag.abstain), follow-ups, and the answer format."""

import re
from dataclasses import replace

import pytest

from rag.config import ABSTAIN_MESSAGE
from rag.corpus import load_corpus
from tests.helpers import FIXTURE_REPORTS, answer_problems


@pytest.fixture(scope="module")
def documents():
    return {d.doc_id: d.text for d in load_corpus(FIXTURE_REPORTS).documents}


def check(answer, documents):
    assert not answer_problems(answer.to_dict(), documents), answer.answer
    return answer


def test_every_line_names_its_council(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("How does Staffordshire support carers?"), documents)
    assert not a.abstained
    assert all(line.startswith("Staffordshire County Council: ") for line in a.answer.splitlines())  # as its report writes it
    assert {c.passage.chunk.council for c in a.citations} == {"Staffordshire"}


def test_answer_lines_keep_the_short_name_when_formal_names_are_switched_off(tmp_path):
    from dataclasses import replace

    from rag.pipeline import Pipeline
    from tests.helpers import FIXTURE_REPORTS, fake_pipeline

    on = fake_pipeline(FIXTURE_REPORTS, tmp_path / "index")
    off = Pipeline(on.data, replace(on.settings, rules=on.settings.rules.without("formal_names")), encoder=on.encoder)
    question = "What did Staffs score for safeguarding?"
    assert on.ask(question).answer.startswith("Staffordshire County Council · Safeguarding: ")
    assert off.ask(question).answer.startswith("Staffordshire · Safeguarding: ")


def test_a_question_naming_a_council_retrieves_only_that_council(fixture_pipeline):
    a = fixture_pipeline.ask("What did LB Camden do about waiting lists?")
    assert {p.chunk.council for p in a.passages} == {"Camden"}


def test_score_of_a_named_council_and_statement_from_its_score_line(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("What did Staffs score for safeguarding?"), documents)
    assert a.answer.startswith("Staffordshire County Council · Safeguarding: Score: 2 [1]")
    assert a.answer.count("Evidence shows some shortfalls") == 1  # the page repeats it; quoted once
    assert a.citations[0].passage.chunk.kind == "rating"


def test_score_from_the_summary_when_the_statement_page_is_missing(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("What score did Scilly get for partnerships and communities?"), documents)
    assert not a.abstained and "Score 3" in a.answer and a.citations[0].passage.chunk.page == "summary"


def test_which_councils_scored_lists_only_those(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("Which councils scored 4 for anything?"), documents)
    lines = a.answer.splitlines()
    assert sorted(line.split(" · ")[0] for line in lines) == ["London Borough of Camden", "Rutland County Council"]
    assert all("Score: 4" in line for line in lines)


def test_overall_rating_comes_from_the_summary(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("What is Lincolnshire County Council's overall rating?"), documents)
    assert a.answer.startswith("Lincolnshire County Council: Good [1] 72% [1]")


def test_overall_ratings_picked_by_word_and_by_extreme(fixture_pipeline, documents):
    good = check(fixture_pipeline.ask("Which councils were rated Good overall?"), documents).answer.splitlines()
    everyone = check(fixture_pipeline.ask("What overall rating did each council get?"), documents).answer.splitlines()
    assert good and all(": Good" in line for line in good) and len(good) < len(everyone)
    lowest = check(fixture_pipeline.ask("Which council had the lowest overall score?"), documents).answer.splitlines()
    scores = [int(m) for line in everyone for m in re.findall(r"(?<!\[)\b(\d{2,3})\b(?!\])", line)]  # "72%", "Score: 56"
    assert len(lowest) == 1 and str(min(scores)) in lowest[0]


def test_overall_scores_past_a_bound(fixture_pipeline, documents):
    """The fixture summaries give 75, 69, 72%, 75 and 56: "above 70" is three councils, "below 60" one."""
    above = check(fixture_pipeline.ask("Which councils had an overall score above 70?"), documents).answer
    below = check(fixture_pipeline.ask("Which councils had an overall score below 60?"), documents).answer
    assert sorted(line.split(":")[0] for line in above.splitlines()) == [
        "Lincolnshire County Council", "London Borough of Camden", "Rutland County Council"]
    assert [line.split(":")[0] for line in below.splitlines()] == ["Staffordshire County Council"]


def test_a_council_named_by_its_overall_result_is_read_as_that_council(fixture_pipeline, documents):
    """"The council rated Requires improvement" is Staffordshire here, and "the council with a 69% score" the Isles
    of Scilly: the question is read with the name, and answered only from that council's passages."""
    a = check(fixture_pipeline.ask("What did the council rated Requires improvement say about safeguarding?"), documents)
    assert a.read_as and "Staffordshire" in a.read_as and a.citations
    assert {c.passage.chunk.council for c in a.citations} == {"Staffordshire"}
    a = fixture_pipeline.ask("How does the council with a 69% score support carers?")
    assert a.read_as == "How does Isles of Scilly support carers?"
    a = fixture_pipeline.ask("What did the council rated Good with a 75% score say about carers?")
    assert "Camden and Rutland" in a.read_as  # two reports have that result: both are named
    assert fixture_pipeline.ask("What did the council with a 12% score say about carers?").read_as is None  # none has it


def test_a_rating_and_its_percentage_in_two_passages_of_the_summary(tmp_path):
    """"Good" in the rating table and "Overall score: 75%" under the scores heading: one overall line."""
    from rag.chunking import chunk_document
    from rag.corpus import load_corpus as load
    from rag.ratings import collect, rank_of

    (tmp_path / "o.txt").write_text("Fenwick Borough Council: local authority assessment\n\nOverall summary\n\n"
                                    "Local authority rating and score\nFenwick Borough Council\nGood\n"
                                    "Quality statement scores\nOverall score: 75%\n\nSummary of people's experiences\n\n"
                                    "People were positive.\n")
    (document,) = load(tmp_path).documents
    (overall,) = [e for e in collect(chunk_document(document)) if e.statement is None]
    assert overall.rating == "Good" and rank_of(overall) == 75.0


def test_a_summary_entry_is_shown_with_the_line_describing_its_score(tmp_path):
    """"Safeguarding Score: 2" then "2 - Evidence shows some shortfalls": readers quote both; another score's line is
    not taken."""
    from rag.chunking import chunk_document
    from rag.corpus import load_corpus as load
    from rag.ratings import collect

    (tmp_path / "o.txt").write_text("Fenwick Borough Council: local authority assessment\n\nOverall summary\n\n"
                                    "Quality statement scores\n\nSafeguarding\n\nScore: 2\n\n"
                                    "2 - Evidence shows some shortfalls\n\nAssessing needs\n\nScore: 3\n\n"
                                    "Partnerships and communities\n\nScore: 4\n\n3 - Evidence shows a good standard\n")
    (document,) = load(tmp_path).documents
    shown = {e.statement: [" ".join(s.text.split()) for s in e.sentences] for e in collect(chunk_document(document))}
    assert any("some shortfalls" in line for line in shown["Safeguarding"])
    assert not any("Evidence" in line for line in shown["Assessing needs"])
    assert not any("good standard" in line for line in shown["Partnerships and communities"])  # another score's words


@pytest.mark.parametrize("sentence,rating,stated", [
    ("Hampshire County Council delivered most of its Care Act duties to a good standard.", "Good", True),
    ("Fenwick Borough Council provides outstanding adult social care.", "Outstanding", True),
    ("We rated Fenwick Borough Council as requires improvement overall.", "Requires improvement", True),
    ("The council was rated 'Inadequate'.", "Inadequate", True),
    ("The council had good links with the voluntary sector.", "Good", False),  # good in passing
    ("Six nursing homes were rated requires improvement by CQC.", "Requires improvement", False),  # providers' rating
    ("Communication was good overall, people said.", "Outstanding", False),  # another rating's word
])
def test_states_rating(sentence, rating, stated):
    from rag.ratings import states_rating

    assert states_rating(sentence, rating) is stated


@pytest.mark.parametrize("summary,shown", [
    ("Fenwick Borough Council provides a good standard of adult social care. People were positive.", True),
    ("People were positive about the council, and its links with partners were good.", False),
])
def test_an_overall_rating_is_shown_with_the_paragraph_stating_it_in_words(tmp_path, summary, shown):
    """The summary under a rating line that says the rating in words is evidence readers quote: it follows the line."""
    from rag.chunking import chunk_document
    from rag.corpus import load_corpus as load
    from rag.ratings import collect, evidence_passages

    (tmp_path / "o.txt").write_text("Fenwick Borough Council: local authority assessment\n\nOverall summary\n\n"
                                    "Local authority rating and score\nFenwick Borough Council\nGood\n\n"
                                    f"Summary\n\n{summary}\n")
    (document,) = load(tmp_path).documents
    chunks = [replace(c, chunk_id=i) for i, c in enumerate(chunk_document(document))]  # ids as an index numbers them
    following = {id(a): b for a, b in zip(chunks, chunks[1:])}
    (overall,) = [e for e in collect(chunks) if e.statement is None]
    passages = evidence_passages([overall], lambda c: following.get(id(c)), reach=3)
    assert passages[0].chunk is overall.chunk
    assert [summary.split(".")[0] in p.chunk.text for p in passages[1:]] == ([True] if shown else [])
    assert evidence_passages([overall]) == passages[:1]  # no reach, the line alone


def test_score_answers_show_their_score_lines_as_the_passages(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("Which councils scored 4 for anything?"), documents)
    cited = {c.passage.chunk.chunk_id for c in a.citations}
    assert cited <= {p.chunk.chunk_id for p in a.passages[: len(cited) * 2]}
    assert all(p.chunk.kind == "rating" for p in a.passages[: len(cited)])


def test_a_score_named_by_its_description(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("Which councils received an exceptional score for anything?"), documents)
    assert a.answer and all("Score: 4" in line for line in a.answer.splitlines())


def test_a_question_picking_a_report_by_its_score_gets_that_reports_evidence(fixture_pipeline):
    a = fixture_pipeline.ask("What did the council rated 4 say about partnerships with the voluntary sector?")
    assert a.passages and {p.chunk.rating for p in a.passages} == {4}


@pytest.mark.parametrize("question,reason", [
    ("What did Harrow say about carers?", "There is no report for Harrow in this index."),
    ("What were the key findings for the Isles of Scilly on partnerships and communities?",
     "This index has no 'Partnerships and communities' report for Isles of Scilly."),
    ("What is the name of Rutland Council's Director of Adult Services?", "but not who it is"),
    ("Which voluntary sector organisation runs the Staffordshire Carers Hub under contract?", "but not which organisation"),
    ("How many complaints about adult social care did Camden receive in 2022/23?", "not for 2022/23"),
    ("What percentage of people on the Isles of Scilly are aged 90 or over?", "mentions 90"),
    ("Who chairs the Staffordshire lived experience panel?", "who does it"),
])
def test_abstentions_say_why(fixture_pipeline, question, reason):
    a = fixture_pipeline.ask(question)
    assert a.abstained and a.answer.startswith(ABSTAIN_MESSAGE) and reason in a.answer and not a.citations
    assert a.passages or "no report" in reason.lower()


def test_a_figure_for_the_period_asked_is_given(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("How many complaints about adult social care did LB Camden get in 2023-24?"), documents)
    assert not a.abstained and "176" in a.answer


def test_filters_that_exclude_the_named_council_are_said(fixture_pipeline):
    a = fixture_pipeline.ask("How does Camden support carers?", authorities=("Lincolnshire",))
    assert a.abstained and "keep only Lincolnshire" in a.answer
    assert "Filters in force: councils: Lincolnshire." in a.notices


def test_a_filter_that_matches_nothing_says_what_exists(fixture_pipeline):
    a = fixture_pipeline.ask("carers", section="No such heading")
    assert a.abstained and "No section is named 'No such heading'; sections are:" in a.answer


def test_follow_up_keeps_the_conversation(fixture_pipeline):
    a = fixture_pipeline.ask("and what about Lincs?", history=["What did Camden score for safeguarding?"])
    assert a.read_as == "What did Lincolnshire score for safeguarding?"
    assert a.answer.startswith("Lincolnshire County Council · Safeguarding: Score: 2")


def test_rules_can_be_switched_off_for_ablation(fixture_pipeline):
    from dataclasses import replace

    question = "How does Camden support carers?"
    on = fixture_pipeline.ask(question)
    original = fixture_pipeline.settings
    fixture_pipeline.retriever.settings = replace(original, rules=original.rules.without("council_discipline"))
    try:
        off = fixture_pipeline.ask(question, k=20)
    finally:
        fixture_pipeline.retriever.settings = original
    assert {p.chunk.council for p in on.passages} == {"Camden"}
    assert len({p.chunk.council for p in off.passages}) > 1


def test_a_score_only_a_summary_gives_is_answered(tmp_path):
    from tests.helpers import fake_pipeline

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "summary.html").write_text(
        "<main><h1>Fenwick Council: local authority assessment</h1><h2>Overall summary</h2>"
        "<h3>Quality statement scores</h3><table><tr><td>Assessing needs</td><td>2</td></tr>"
        "<tr><td>Safeguarding</td><td>1</td></tr></table></main>", encoding="utf-8")
    (docs / "needs.txt").write_text(
        "Fenwick Council: local authority assessment\n\nAssessing needs\n\nScore: 2\n\n"
        "Key findings for this quality statement\n\nPeople waited a median of 37 days for an assessment.\n",
        encoding="utf-8")
    pipeline = fake_pipeline(docs, tmp_path / "index")
    a = pipeline.ask("What did Fenwick score for safeguarding?")
    assert not a.abstained and a.answer.startswith("Fenwick") and "Safeguarding" in a.answer and "1" in a.answer


@pytest.mark.parametrize("way", ["lower", "higher"])
def test_which_councils_scored_lower_or_higher_for_one_statement_than_another(fixture_pipeline, documents, way):
    first, second = "Safeguarding", "Assessing needs"
    matrix = fixture_pipeline.scores()
    expected = sorted(fixture_pipeline.formal_names.get(r.label, r.label) for r in matrix.rows
                      if r.cell(first).score is not None and r.cell(second).score is not None
                      and (r.cell(first).score < r.cell(second).score if way == "lower"
                           else r.cell(first).score > r.cell(second).score))
    a = fixture_pipeline.ask(f"Which councils scored {way} for {first} than for {second}?")
    if not expected:
        assert a.abstained
        return
    check(a, documents)
    lines = a.answer.splitlines()
    assert sorted({line.split(" · ")[0] for line in lines}) == expected
    assert all(line.split(" · ")[1].startswith((first, second)) for line in lines)


def test_contrast_of_reads_which_statement_is_named_first():
    from rag.ratings import contrast_of
    statements = ("Assessing needs", "Safeguarding")
    assert contrast_of("Which councils scored lower for Safeguarding than for Assessing needs?", statements) == \
        ("lower", "Safeguarding", "Assessing needs")
    assert contrast_of("Which did better on assessing needs than safeguarding?", statements) == \
        ("higher", "Assessing needs", "Safeguarding")
    assert contrast_of("Which councils scored 2 for Safeguarding and Assessing needs?", statements) is None
    assert contrast_of("Which scored lower for Safeguarding than the others?", ("Safeguarding",)) is None


def test_a_comparison_shows_the_passages_it_quotes_first(fixture_pipeline, documents):
    a = check(fixture_pipeline.ask("Which councils had waiting lists for assessments?"), documents)
    assert not a.abstained
    quoted = {c.passage.chunk.chunk_id for c in a.citations}
    assert {p.chunk.chunk_id for p in a.passages[: len(quoted)]} == quoted
    assert [p.rank for p in a.passages] == list(range(1, len(a.passages) + 1))


def relevance_with_and_without(documents, tmp_path, question: str, rule: str) -> tuple[dict, dict]:
    """Each retrieved passage's relevance (by its first 12 characters) with answer rule ``rule`` on, then off."""
    from dataclasses import replace

    from tests.helpers import fake_pipeline

    (tmp_path / "docs").mkdir()
    for name, text in documents.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    pipe = fake_pipeline(tmp_path / "docs", tmp_path / "index")
    runs = []
    for rules in (pipe.settings.rules, pipe.settings.rules.without(rule)):
        pipe.settings = replace(pipe.settings, rules=rules)
        pipe.retriever.settings = pipe.settings
        runs.append({p.chunk.text[:12]: p.relevance for p in pipe.retrieve(question, k=5).passages})
    return runs[0], runs[1]


def test_a_passage_spelling_a_name_the_question_uses_moves_up(tmp_path):
    from rag.config import Settings

    page = ("Fenwick Council: local authority assessment\n\nCare provision, integration and continuity\n\nScore: 3\n\n"
            "Key findings for this quality statement\n\nHousing\n\n"
            "Does the council run a scheme? The council runs a scheme, and the council will run the scheme again.\n\n"
            "Fenwick Shared Lives supported 88 people through 61 carers.\n")
    boosted, plain = relevance_with_and_without({"a.txt": page}, tmp_path, "Does the council run a shared lives scheme?",
                                                "name_boost")
    assert boosted["Fenwick Shar"] - plain["Fenwick Shar"] == pytest.approx(Settings().name_boost)
    assert boosted["Does the cou"] == pytest.approx(plain["Does the cou"])  # no name of the question's


def test_an_overall_rating_question_moves_up_the_sentence_giving_the_rating(tmp_path):
    from rag.config import Settings

    page = ("Fenwick Council: local authority assessment\n\nOverall summary\n\n"
            "Fenwick Council was rated Good. Leaders knew their communities.\n\n"
            "The council's overall budget for care rose, and the rating of providers was good overall.\n")
    boosted, plain = relevance_with_and_without({"o.txt": page}, tmp_path, "What overall rating did Fenwick get?",
                                                "rating_boost")
    assert boosted["Fenwick Coun"] - plain["Fenwick Coun"] == pytest.approx(Settings().rated_sentence_boost)
    assert boosted["The council'"] == pytest.approx(plain["The council'"])  # "rating … was good" gives none


def _two_councils(docs):
    """Two invented councils' overview and statement pages."""
    docs.mkdir()
    for name, area, score, unit in (("Fenwick", "a port town on the Larne estuary", 1, "Gull House"),
                                    ("Anyshire", "a rural county in the East Marches", 3, "Oak Lodge")):
        (docs / f"{name}-overview.txt").write_text(
            f"{name} Council: local authority assessment\n\nOverall summary\n\n{name} needs to improve some things.\n\n"
            f"About {name} Council\n\n{name} is {area}, with about 200,000 people.\n", encoding="utf-8")
        (docs / f"{name}-safeguarding.txt").write_text(
            f"{name} Council: local authority assessment\n\nSafeguarding\n\nScore: {score}\n\n"
            f"Key findings for this quality statement\n\nSafeguarding concerns were triaged within two days.\n",
            encoding="utf-8")
        (docs / f"{name}-healthier.txt").write_text(
            f"{name} Council: local authority assessment\n\nSupporting people to live healthier lives\n\nScore: 2\n\n"
            f"Key findings for this quality statement\n\nThe short breaks unit, {unit}, had six beds.\n",
            encoding="utf-8")


def test_a_council_named_by_a_statement_s_score_or_described_by_its_area_is_read_as_named(tmp_path):
    from tests.helpers import fake_pipeline

    _two_councils(tmp_path / "docs")
    pipeline = fake_pipeline(tmp_path / "docs", tmp_path / "index")
    by_score = pipeline.analyse("At the council that scored 1 for safeguarding, what is the short breaks unit called?")
    assert by_score.councils == ("Fenwick",) and by_score.rating_refs == ()  # its other pages may answer
    a = pipeline.ask("At the council that scored 1 for safeguarding, what is the short breaks unit called?")
    assert a.read_as.startswith("At Fenwick (Safeguarding)") and "Gull House" in a.answer and "Oak Lodge" not in a.answer
    described = pipeline.analyse("What is the short breaks unit called at the rural county in the East Marches?")
    assert described.councils == ("Anyshire",) and described.text.endswith("called at Anyshire?")
    plain = pipeline.analyse("What is the short breaks unit called in the county?")
    assert plain.councils == ()  # no description of one council's area
    from dataclasses import replace

    from rag.pipeline import Pipeline

    off = replace(pipeline.settings, rules=pipeline.settings.rules.without("described_council"))
    assert Pipeline(pipeline.data, off, encoder=pipeline.encoder).analyse(
        "What is the short breaks unit called at the rural county in the East Marches?").councils == ()


def test_a_council_named_inside_its_description_is_read_as_its_name(tmp_path):
    from tests.helpers import fake_pipeline

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "overview.txt").write_text(
        "Fenwick Council: local authority assessment\n\nAbout Fenwick\n\n"
        "Fenwick is a unitary council covering the towns of Fenwick and Dunmore on the Larne estuary.\n", encoding="utf-8")
    (docs / "needs.txt").write_text(
        "Fenwick Council: local authority assessment\n\nAssessing needs\n\nScore: 2\n\n"
        "Key findings for this quality statement\n\nThe Director of Adult Services, Sam Reid, had led the service since 2019.\n",
        encoding="utf-8")
    (docs / "other.txt").write_text(
        "Anyshire Council: local authority assessment\n\nAbout Anyshire\n\nAnyshire is a rural county of market towns.\n",
        encoding="utf-8")
    for n in range(12):  # enough passages for the description's words to be rare ones
        (docs / f"finding{n}.txt").write_text(
            "Anyshire Council: local authority assessment\n\nAssessing needs\n\nScore: 3\n\n"
            f"Key findings for this quality statement\n\nFinding {n}: people waited and carers were supported.\n",
            encoding="utf-8")
    pipeline = fake_pipeline(docs, tmp_path / "index")
    a = pipeline.ask("Who is the Director of Adult Services at the unitary council covering the towns of Fenwick and Dunmore?")
    assert a.read_as == "Who is the Director of Adult Services at Fenwick?"
    b = pipeline.ask("Who is the Director of Adult Services at Fenwick?")
    assert b.read_as is None  # named, not described


def test_a_comparison_with_a_bound_searches_deeper_in_each_council(fixture_pipeline):
    s = fixture_pipeline.settings
    bounded = fixture_pipeline.retrieve("Which councils had more than 1,000 people waiting for an assessment?")
    plain = fixture_pipeline.retrieve("Which councils had people waiting for an assessment?")
    assert max(map(len, bounded.per_council.values())) == s.per_council_top_k  # each council's figure may sit low
    assert max(map(len, plain.per_council.values())) == s.per_council_k
