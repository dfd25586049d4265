"""The score matrix and the comparison's pieces on hand-made records (no index, no model)."""

from __future__ import annotations

import csv
import io

import pytest

from rag.compare import (
    CitedSentence,
    Comparison,
    CouncilFindings,
    compare_route,
    resolve_councils,
    resolve_statement,
    to_markdown,
)
from rag.errors import UsageError
from rag.framework import STATEMENTS, THEMES
from rag.ratings import RatingEvidence
from rag.records import Chunk, Sentence
from rag.scores import FROM_STATEMENT, FROM_SUMMARY, MISSING, band_of, build_matrix

UNNAMED = "Unnamed council · Safeguarding · score 2"


def _chunk(chunk_id: int, doc: str, label: str, text: str, start: int, page: str, statement: str | None = None,
           council: str | None = None, rating: int | None = None) -> Chunk:
    """A rating passage whose sentences are its non-blank paragraphs (offsets into a made-up document)."""
    sentences, pos = [], 0
    for part in text.split("\n\n"):
        at = text.index(part, pos)
        sentences.append(Sentence(start + at, start + at + len(part), part))
        pos = at + len(part)
    return Chunk(chunk_id, doc, council, label, statement, None, page, "Score", 0, start, start + len(text), text,
                 tuple(sentences), kind="rating", rating=rating)


def _statement_score(chunk_id: int, doc: str, label: str, statement: str, line: str, n: int,
                     council: str | None) -> RatingEvidence:
    c = _chunk(chunk_id, doc, label, f"{line}\n\n{n} - Evidence shows something", 40, "statement", statement,
               council, n)
    return RatingEvidence(label, council, statement, n, c, c.sentences)


def _summary(chunk_id: int, doc: str, label: str, scores: dict[str, int]) -> list[RatingEvidence]:
    text = "\n\n".join(f"{s}\nScore: {n}" for s, n in scores.items())
    c = _chunk(chunk_id, doc, label, text, 500, "summary", None, label)
    return [RatingEvidence(label, label, s, n, c, (sent,), from_summary=True)
            for (s, n), sent in zip(scores.items(), c.sentences)]


def _overall(chunk_id: int, doc: str, label: str, word: str, percentage_line: str) -> RatingEvidence:
    c = _chunk(chunk_id, doc, label, f"{word}\n\n{percentage_line}", 100, "summary", None, label)
    return RatingEvidence(label, label, None, word, c, c.sentences, from_summary=True)


@pytest.fixture()
def evidence() -> list[RatingEvidence]:
    """Alpha: a page for Safeguarding (3) that its summary disagrees with (2), Partnerships only in the
    summary, an overall rating; Beta: one page only; an unnamed pilot page with an indicative score."""
    return [
        *_summary(1, "alpha-summary.txt", "Alpha", {"Safeguarding": 2, "Partnerships and communities": 4}),
        _statement_score(2, "alpha-safeguarding.txt", "Alpha", "Safeguarding", "Score: 3", 3, "Alpha"),
        _overall(3, "alpha-summary.txt", "Alpha", "Good", "71 out of 100"),
        _statement_score(4, "beta-needs.txt", "Beta", "Assessing needs", "Score 1", 1, "Beta"),
        _statement_score(5, "pilot.txt", UNNAMED, "Safeguarding", "Indicative score: 2", 2, None),
    ]


def test_statement_page_beats_summary_and_summary_only_is_marked(evidence):
    m = build_matrix(evidence)
    alpha = m.row("Alpha")
    safeguarding = alpha.cell("Safeguarding")
    assert (safeguarding.score, safeguarding.source, safeguarding.text) == (3, FROM_STATEMENT, "3")
    assert safeguarding.ref.doc_id == "alpha-safeguarding.txt" and safeguarding.ref.quote == "Score: 3"
    partnerships = alpha.cell("Partnerships and communities")
    assert (partnerships.score, partnerships.source, partnerships.text) == (4, FROM_SUMMARY, "4 (summary)")
    assert partnerships.ref.doc_id == "alpha-summary.txt"
    assert partnerships.ref.quote == "Partnerships and communities\nScore: 4"
    missing = alpha.cell("Assessing needs")
    assert (missing.score, missing.source, missing.text, missing.ref) == (None, MISSING, "missing", None)


def test_evidence_order_does_not_change_the_choice(evidence):
    assert build_matrix(evidence).to_dict() == build_matrix(list(reversed(evidence))).to_dict()


def test_overall_rating_and_percentage(evidence):
    m = build_matrix(evidence)
    assert (m.row("Alpha").overall, m.row("Alpha").percentage) == ("Good", 71)
    assert m.row("Alpha").overall_ref.quote == "Good"
    assert (m.row("Beta").overall, m.row("Beta").percentage, m.row("Beta").overall_ref) == (None, None, None)


def test_unnamed_council_has_its_own_row_and_indicative_mark(evidence):
    m = build_matrix(evidence)
    row = m.row(UNNAMED)
    assert row.council is None
    cell = row.cell("Safeguarding")
    assert (cell.score, cell.indicative, cell.text) == (2, True, "2 (indicative)")
    assert [r.label for r in m.rows] == ["Alpha", "Beta", UNNAMED]


def test_labels_without_scores_get_an_all_missing_row(evidence):
    m = build_matrix(evidence, labels=["Gamma"])
    assert all(c.source == MISSING for c in m.row("Gamma").cells)
    assert [r.label for r in m.rows] == ["Alpha", "Beta", "Gamma", UNNAMED]


def test_columns_follow_framework_order_and_themes(evidence):
    m = build_matrix(evidence)
    assert m.statements == tuple(s.name for s in STATEMENTS)
    assert [t for t, _ in m.themes] == list(THEMES)
    assert sum(len(s) for _, s in m.themes) == len(STATEMENTS)
    safety = m.statements_of(THEMES[2])
    assert safety == ("Safe pathways, systems and transitions", "Safeguarding")
    assert m.headers(THEMES[2]) == ["Council", "Overall rating", "Overall score", *safety]
    assert m.table(THEMES[2])[0] == ["Alpha", "Good", "71", "missing", "3"]


def test_csv_holds_the_table(evidence):
    m = build_matrix(evidence)
    rows = list(csv.reader(io.StringIO(m.to_csv())))
    assert rows[0] == m.headers() and rows[1:] == m.table()
    partnerships = rows[0].index("Partnerships and communities")
    assert rows[1][partnerships] == "4 (summary)"


def test_json_keeps_every_cells_reference(evidence):
    d = build_matrix(evidence).to_dict()
    alpha = next(r for r in d["councils"] if r["label"] == "Alpha")
    cell = next(c for c in alpha["cells"] if c["statement"] == "Safeguarding")
    assert cell["ref"]["doc_id"] == "alpha-safeguarding.txt" and cell["source"] == "statement"


@pytest.mark.parametrize(("score", "band"), [(1, "low"), (2, "low"), (3, "high"), (4, "high"), (None, "none")])
def test_band_of(score, band):
    assert band_of(score) == band


def test_resolve_statement_accepts_names_and_short_forms():
    assert resolve_statement("safeguarding") == "Safeguarding"
    assert resolve_statement("Supporting people to lead healthier lives") == "Supporting people to live healthier lives"
    assert resolve_statement("safe pathways") == "Safe pathways, systems and transitions"
    with pytest.raises(UsageError, match="unknown quality statement"):
        resolve_statement("Parking")
    with pytest.raises(UsageError, match="choose a quality statement"):
        resolve_statement("  ")


def test_resolve_councils_by_label_or_formal_name(evidence):
    m = build_matrix(evidence)
    assert resolve_councils(["alpha", "Beta County Council", UNNAMED.upper()], m) == ("Alpha", "Beta", UNNAMED)
    with pytest.raises(UsageError, match="'Nowhere'"):
        resolve_councils(["Alpha", "Nowhere"], m)


def _comparison() -> Comparison:
    s1 = CitedSentence("a.txt", 10, 40, "Alpha cleared its waiting list.", 1, "Findings")
    s2 = CitedSentence("b.txt", 5, 30, "Beta had a long waiting list.", 2, "Findings")
    return Comparison("Safeguarding", THEMES[2], "waiting lists", "all", (
        CouncilFindings("Alpha", "Alpha", 3, FROM_STATEMENT, "high", (s1,)),
        CouncilFindings("Beta", "Beta", 2, FROM_STATEMENT, "low", (s2,)),
        CouncilFindings("Gamma", "Gamma", 4, FROM_SUMMARY, "high", (), "No findings page for this statement"),
    ))


def test_markdown_groups_by_band_and_cites_every_sentence():
    md = to_markdown(_comparison())
    high, low = md.index("## Councils scoring 3–4"), md.index("## Councils scoring 1–2")
    assert high < md.index("### Alpha (score 3)") < low < md.index("### Beta (score 2)")
    assert high < md.index("### Gamma (score 4, from the summary)") < low
    assert "> Alpha cleared its waiting list. [1]" in md and "> Beta had a long waiting list. [2]" in md
    assert "1. a.txt, characters 10–40 (Findings)" in md and "2. b.txt, characters 5–30 (Findings)" in md
    assert "_No findings page for this statement._" in md


def test_comparison_in_band():
    c = _comparison()
    assert [f.label for f in c.in_band("high")] == ["Alpha", "Gamma"]
    assert [f.label for f in c.in_band("low")] == ["Beta"]


class _NoPipeline:
    """Fails the test if the route gets as far as the pipeline."""

    def compare(self, *args, **kwargs):  # pragma: no cover - reaching here is the failure
        raise AssertionError("bad input reached the pipeline")


@pytest.mark.parametrize("body", [
    [], {"topic": "carers"}, {"statement": 3}, {"statement": "Safeguarding", "councils": [1]},
    {"statement": "Safeguarding", "per_council": "3"}, {"statement": "Safeguarding", "per_council": True},
    {"statement": "Safeguarding", "colour": "red"}, {"statement": "Safeguarding", "topic": ["a"]},
])
def test_compare_route_rejects_bad_bodies(body):
    with pytest.raises(UsageError):
        compare_route(_NoPipeline(), body)


@pytest.mark.parametrize("question,rating,percentage", [
    ("For the council rated Good with a 64% score, what share of people were asked?", "Good", 64),
    ("At the council that was rated Requires improvement with a score of 44%, what was forecast?",
     "Requires improvement", 44),
    ("What share used a direct payment at the council rated Outstanding in 2023/24?", "Outstanding", None),
    ("How many carers did the council with a 39% score assess?", None, 39),
    ("How many young people did the hub at the Outstanding-rated council support?", "Outstanding", None),
    ("What did the requires-improvement-rated authority plan?", "Requires improvement", None),
    ("Which councils were rated Good?", None, None),  # lists councils by rating: no reference
    ("Which good-rated services did people use?", None, None),  # not a council
    ("What did the council rated 2 for safeguarding say?", None, None),  # a statement's score, not the overall
    ("For the county council rated good, what supplement was paid?", "Good", None),  # a kind of council named
    ("At the London borough rated Inadequate, how many waited?", "Inadequate", None),
    ("What did the city council that got a Requires improvement rating spend?", "Requires improvement", None),
    ("For the council that CQC rated Good, what was paid?", "Good", None),
    ("Which county councils were rated Good?", None, None),  # lists councils by rating
])
def test_a_council_named_by_its_overall_result(question, rating, percentage):
    from rag.ratings import result_reference

    ref = result_reference(question)
    assert (ref.rating, ref.percentage) == (rating, percentage) if rating or percentage else ref is None


@pytest.mark.parametrize("question,statement,score,phrase", [
    ("At the council that scored 1 for Equity in experience and outcomes, what is the unit called?",
     "Equity in experience and outcomes", 1, "At the council that scored 1 for Equity in experience and outcomes"),
    ("What did the council rated 2 for safeguarding say?", "Safeguarding", 2, "the council rated 2 for safeguarding"),
    ("For the one that received a 3 in Learning, improvement and innovation, what is planned?",
     "Learning, improvement and innovation", 3, "For the one that received a 3 in Learning, improvement and innovation"),
    ("How many carers did the authority with a score of 4 on safe pathways support?",
     "Safe pathways, systems and transitions", 4, "the authority with a score of 4 on safe pathways"),
    ("Which councils scored 2 for safeguarding?", None, None, None),  # lists councils by a score
    ("What did the council that got 2 for anything say?", None, None, None),  # no statement named
    ("For the council rated Good, what share were asked?", None, None, None),  # the overall result
    ("For the metropolitan borough council that scored 1 for safeguarding, what changed?", "Safeguarding", 1,
     "For the metropolitan borough council that scored 1 for safeguarding"),
])
def test_a_council_named_by_one_statement_s_score(question, statement, score, phrase):
    from rag.ratings import score_reference

    ref = score_reference(question)
    if statement is None:
        assert ref is None
    else:
        assert (ref.statement, ref.score, question[ref.span[0]:ref.span[1]]) == (statement, score, phrase)


def test_the_council_with_a_statement_s_score_and_the_question_with_its_name():
    from rag.ratings import councils_with_result, named_for_result, score_reference

    pool = [_statement_score(1, "a.txt", "Camden", "Safeguarding", "Score: 2", 2, "Camden"),
            _statement_score(2, "b.txt", "Rutland", "Safeguarding", "Score: 3", 3, "Rutland"),
            _statement_score(3, "c.txt", "Rutland", "Assessing needs", "Score: 2", 2, "Rutland"),
            _overall(4, "d.txt", "Camden", "Good", "Score: 75%")]
    question = "At the council that scored 2 for safeguarding, how many carers were assessed?"
    ref = score_reference(question)
    assert councils_with_result(ref, pool) == ["Camden"]  # not Rutland's 2 for another statement
    assert named_for_result(question, ref, ["Camden"]) == "At Camden (Safeguarding), how many carers were assessed?"
    assert councils_with_result(score_reference("What did the council rated 4 for safeguarding say?"), pool) == []


def test_the_councils_with_a_result_and_the_question_with_their_name():
    from rag.ratings import ResultReference, councils_with_result, named_for_result, result_reference

    pool = [_overall(1, "a.txt", "Camden", "Good", "Score: 75%"), _overall(2, "b.txt", "Rutland", "Good", "Score: 64%")]
    assert councils_with_result(ResultReference("Good", None, (0, 0)), pool) == ["Camden", "Rutland"]
    assert councils_with_result(ResultReference("Good", 64, (0, 0)), pool) == ["Rutland"]
    assert councils_with_result(ResultReference(None, 75, (0, 0)), pool) == ["Camden"]
    assert councils_with_result(ResultReference("Inadequate", None, (0, 0)), pool) == []
    question = "For the council rated Good, what share were asked?"
    assert named_for_result(question, result_reference(question), ["Camden"]) == "For Camden, what share were asked?"


@pytest.mark.parametrize("question,formal,expected", [
    ("For the county council rated Good, what was paid?", {"Rutland": "Rutland County Council"}, ["Rutland"]),
    ("For the city council rated Good, what was paid?", {"Camden": "London Borough of Camden"}, ["Camden", "Rutland"]),  # none is
    ("For the London borough rated Good, what was paid?", {"Camden": "London Borough of Camden"}, ["Camden"]),
    ("For the county council rated Good, what was paid?", {}, ["Camden", "Rutland"]),  # no formal names: both
    ("For the council rated Good, what was paid?", {"Rutland": "Rutland County Council"}, ["Camden", "Rutland"]),
])
def test_the_kind_of_council_a_reference_names_picks_among_those_with_the_result(question, formal, expected):
    from rag.ratings import councils_with_result, result_reference

    pool = [_overall(1, "a.txt", "Camden", "Good", "Score: 75%"), _overall(2, "b.txt", "Rutland", "Good", "Score: 64%")]
    assert councils_with_result(result_reference(question), pool, formal) == expected


@pytest.mark.parametrize("question,expected", [
    ("Which councils were rated Good overall?", ["Beta"]),
    ("Which councils were rated good or better overall?", ["Alpha", "Beta"]),
    ("Which councils were rated at least Good?", ["Alpha", "Beta"]),
    ("Which councils were rated Requires improvement or worse?", ["Delta", "Gamma"]),
    ("Which councils were rated Inadequate or better?", ["Alpha", "Beta", "Delta", "Gamma"]),
    ("What overall rating did each council get?", ["Alpha", "Beta", "Delta", "Gamma"]),
    ("Which councils were rated below Good overall?", ["Delta", "Gamma"]),  # past it, without it
    ("Which councils were rated better than Requires improvement?", ["Alpha", "Beta"]),
])
def test_a_named_overall_rating_and_the_side_of_it_asked_for(question, expected):
    from rag.ratings import overall_named
    pool = [_overall(1, "a.txt", "Alpha", "Outstanding", "88%"), _overall(2, "b.txt", "Beta", "Good", "70%"),
            _overall(3, "c.txt", "Gamma", "Requires improvement", "50%"), _overall(4, "d.txt", "Delta", "Inadequate", "30%")]
    assert sorted(e.label for e in overall_named(question, pool)) == expected
