"""How answers are scored against a gold set (FORMATS.md): comparative precision by the councils an answer names."""

from rag.evaluate import comparative_precision

COUNCILS = ["Kingston upon Hull", "Newham", "Doncaster", "Southend-on-Sea"]


def test_a_council_is_known_by_any_of_its_names():
    answer = "Kingston upon Hull · Safeguarding: Score: 2 [1]\nNewham · Safeguarding: Score: 2 [2]"
    assert comparative_precision(answer, ("Hull", "Newham"), COUNCILS) == 1.0
    assert comparative_precision("Southend-on-Sea: Score 2 [1]", ("Southend",), COUNCILS) == 1.0
    formal = ("Kingston upon Hull City Council", "London Borough of Newham")  # a gold set may give formal names
    assert comparative_precision(answer, formal, COUNCILS) == 1.0
    assert comparative_precision("Doncaster: It did. [1]", formal, COUNCILS) == 0.0


def test_a_council_not_expected_counts_against_the_answer():
    answer = "Newham: It ran a scheme. [1]\nDoncaster: It ran one too. [2]\nUnnamed council: A third. [3]"
    assert comparative_precision(answer, ("Newham", "a scheme"), COUNCILS) == 1 / 3
    assert comparative_precision(answer, ("Hull",), COUNCILS) == 0.0


def test_no_precision_without_an_expected_council_or_a_named_one():
    assert comparative_precision("Newham: It ran a scheme. [1]", ("a scheme",), COUNCILS) is None
    assert comparative_precision("It ran a scheme. [1]", ("Newham",), COUNCILS) is None


def test_a_set_of_unanswerable_questions_only_is_scored_without_ranking_metrics():
    from rag.evaluate import GoldItem, QuestionResult, score_results

    item = GoldItem(id="u1", question="Who chairs the Fenwick board?", answers=(), evidence=(), type="unanswerable")
    answered = GoldItem(id="u2", question="When did Fenwick open it?", answers=(), evidence=(), type="unanswerable")
    results = [QuestionResult(item, [], "The reports don't say.", True, 1.0),
               QuestionResult(answered, [], "Fenwick: it opened in 2024.", False, 1.0)]
    report = score_results(results, "hybrid")
    assert report["per_query"] == {} and report["overall"]["hit@5"] is None
    assert report["overall"]["abstention"] == 0.5
