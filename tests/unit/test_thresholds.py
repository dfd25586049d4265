"""A bound a comparison sets ("more than 1,000", "above 60", "below 10%") and the figures held against it."""

import re

import pytest

from rag.thresholds import Bound, bound_of, figures_like, top_of


@pytest.mark.parametrize("question,op,value,unit", [
    ("Which councils had more than 1,000 Deprivation of Liberty Safeguards applications waiting?", ">", 1000, "count"),
    ("Which councils had an overall score above 60?", ">", 60, "count"),
    ("Which councils had a social work vacancy rate below 10%?", "<", 10, "percent"),
    ("Which councils spent more than £300 million on adult social care?", ">", 300e6, "money"),
    ("Which councils overspent by at least £5.5m?", ">=", 5.5e6, "money"),
    ("Which councils had no more than 50 people waiting?", "<=", 50, "count"),
    ("Which councils had at least a fifth of people using a direct payment?", ">=", 20, "percent"),  # a fraction
    ("Which councils had more than half of carers assessed on time?", ">", 50, "percent"),
    ("Which councils reviewed fewer than one in four people?", "<", 25, "percent"),
    ("Which councils discharged over two thirds of people home?", ">", 66.7, "percent"),
    ("Which councils answered fewer than two-thirds of complaints on time?", "<", 66.7, "percent"),  # hyphenated
    ("Which councils reviewed more than three-quarters of people?", ">", 75, "percent"),
    ("Where has someone been waiting more than a year for an assessment?", ">", 365, "days"),  # a length in words
    ("Which councils had people waiting over six months?", ">", 180, "days"),
    ("Which councils had waits shorter than four weeks?", "<", 28, "days"),
    ("Which councils had nobody waiting for a home care package in 2025?", "<=", 0, "count"),  # none
    ("Where was no one on the waiting list for an assessment?", "<=", 0, "count"),
])
def test_bound_of_reads_the_side_the_figure_and_its_unit(question, op, value, unit):
    bound = bound_of(question)
    assert (bound.op, bound.value, bound.unit) == (op, value, unit)


@pytest.mark.parametrize("question", [
    "Which councils overspent over 2023/24?",  # a financial year is no bound
    "Which councils scored 2 for safeguarding?",
    "How many people were waiting in Fenwick?",
    "Which councils supported carers over a year?",  # when, not how long
    "Which councils said nobody should wait alone?",  # "wait" with no one counted: not waiting
])
def test_no_bound(question):
    assert bound_of(question) is None


def test_figures_like_keep_the_bounds_unit_and_leave_out_years():
    count, share, money = Bound(">", 1000, "count"), Bound(">", 10, "percent"), Bound(">", 5e6, "money")
    sentence = "In May 2024, 1,240 applications were waiting, 12% of them urgent, at a cost of £5.2 million in 2023/24."
    assert figures_like(sentence, count) == [1240]
    assert figures_like(sentence, share) == [12]
    assert figures_like(sentence, money) == [5.2e6]
    assert Bound(">", 1000, "count").passes(1240) and not Bound("<", 100, "count").passes(186)
    days = Bound(">", 365, "days")
    assert figures_like("The longest wait was 14 months, down from two years.", days) == [420, 730]  # words too


@pytest.mark.parametrize("question,op,unit", [
    ("Which council had the largest adult social care budget in 2024/25?", "max", "money"),
    ("Which of the councils had the highest social worker vacancy rate?", "max", "percent"),
    ("Which council had the shortest median wait for a Care Act assessment?", "min", "days"),
    ("Which council received the most complaints?", "max", "count"),
    ("Which council had the longest list of people waiting for an assessment?", "max", "count"),
    ("Which council had the longest wait for an assessment?", "max", "days"),
    ("Which council spends the biggest share of its budget on adult social care?", "max", "percent"),  # not a sum
    ("Which council spends the most on adult social care?", "max", "money"),
    ("Where is the uptake of direct payments lowest among the four councils?", "min", "percent"),  # after its thing
    ("Which council had the highest take-up of direct payments?", "max", "percent"),  # an uptake is a share
    ("Which council's waits were longest?", "max", "days"),
])
def test_top_of_reads_the_side_and_the_unit(question, op, unit):
    top = top_of(question)
    assert (top.op, top.unit) == (op, unit)


@pytest.mark.parametrize("question", [
    "Which councils reported communication as one of the most common themes in complaints?",
    "What was the most common reason for complaints?",
    "Which councils scored 2 for safeguarding?",
    "Was the wait longer than a year?",
])
def test_no_top(question):
    assert top_of(question) is None


def test_nobody_waiting_is_a_count_of_none():
    fewer = Bound("<", 50, "count")
    assert figures_like("At the time of our assessment, nobody was waiting for home care.", fewer) == [0]
    assert figures_like("There was no waiting list, and 12 people started care within a week.", fewer) == [0, 12]
    assert figures_like("No one had waited longer than 6 weeks.", fewer) == []  # says how long, not how many
    assert figures_like("Nobody was waiting for home care.", Bound("<", 10, "percent")) == []
    assert figures_like("Since June 2025 nobody had been waiting for a home care package.", fewer) == [0]
    from rag.thresholds import bound_phrase
    assert bound_phrase(bound_of("Which councils had nobody waiting for home care?")) == "of none"
    assert bound_phrase(fewer) == ""  # a bound's own words otherwise (none given here)
    from rag.thresholds import asked_figure
    question = "Which councils had nobody waiting for an assessment?"
    both = "Assessments started within 5 working days, and no one was waiting."
    assert asked_figure(both, bound_of(question), question) == 0  # the none asked for, not the 5 days
    assert asked_figure("Assessments started within 5 working days.", bound_of(question), question) == 5



def test_a_wait_past_a_length_asked_of_anyone_is_the_longest_given():
    from rag.thresholds import anyone_past, asked_figure

    waits = "The median wait was 17 weeks, and the longest wait was 68 weeks."
    anyone = "Which councils had someone waiting more than 20 weeks for an assessment?"
    assert anyone_past(bound_of(anyone), anyone) and asked_figure(waits, bound_of(anyone), anyone) == 68 * 7
    median = "Which councils had a median wait of more than 20 weeks?"
    assert not anyone_past(bound_of(median), median) and asked_figure(waits, bound_of(median), median) == 17 * 7
    fewer = "Which councils had nobody waiting longer than 4 weeks?"
    assert not anyone_past(bound_of(fewer), fewer)
    people = "which councils had people waiting over a year for a care act assessment"
    assert anyone_past(bound_of(people), people) and asked_figure(waits, bound_of(people), people) == 68 * 7


def test_a_length_of_time_a_thing_happened_over_is_no_wait():
    sentence = "Waits had reduced over the previous 18 months, though some waited 20 weeks."
    assert figures_like(sentence, Bound(">", 365, "days")) == [140]
    assert figures_like("In the last 12 months, 40 people waited 14 months.", Bound(">", 365, "days")) == [420]


def test_lengths_of_time_are_read_in_days_and_are_no_counts():
    sentence = "The median wait was 19 days, the longest 6 weeks, and 1,240 people were waiting."
    assert figures_like(sentence, Bound("min", 0, "days")) == [19, 42]
    assert figures_like(sentence, Bound("max", 0, "count")) == [1240]


def test_between_two_councils_named_the_higher_or_lower_figure():
    assert top_of("Which paid the higher hourly rate, Nottingham or Devon?", between_two=True).op == "max"
    assert top_of("Which of Kelby and Fenwick had fewer people waiting?", between_two=True).op == "min"
    assert top_of("Which paid the higher hourly rate, Nottingham or Devon?") is None  # two councils must be named
    assert top_of("Which of Kelby and Fenwick had more than 1,000 people waiting?", between_two=True) is None


def test_bounds_and_yardstick_figures_finish_on_hostile_text():
    """Long runs of digits and words: each reading is linear (quadratic would take hours)."""
    from rag.periods import figure_periods
    from rag.yardsticks import gives_reference_value, reference_asked

    digits = "1" * 300_000 + " x"
    assert len(figures_like(digits, Bound(">", 1, "count"))) == 1
    assert figures_like("1 " * 100_000 + "days", Bound("min", 0, "days")) == [1.0]
    assert bound_of("more than " * 50_000) is None and top_of("the most " * 50_000, True) is not None
    assert gives_reference_value("1 aa " * 50_000 + "x", "average") is False
    assert reference_asked("What is the " + "aa " * 100_000 + "target?") is None
    assert figure_periods("in 2023/24, 1 and " * 30_000, lambda clause: "1" in clause) is not None
    from rag.thresholds import wait_bounds
    assert len(wait_bounds("more than six months " * 50_000)) == 50_000
    assert wait_bounds("more than " * 50_000 + "6 x") == []



def test_new_answer_checks_finish_on_hostile_text():
    """A long word, many words or a long digit run: each reading stays linear."""
    from rag.answer_types import changed_count_of, named_not_only_as_some, stock_not_flow

    assert changed_count_of("a" * 300_000, {"admiss"}) is False
    assert changed_count_of("aa " * 100_000 + ", which had fallen to 4", {"admiss"}) is False
    assert stock_not_flow("1" * 300_000 + "%", "How many providers are on the framework?") is False
    assert named_not_only_as_some("the provider " * 30_000, "Which organisation provides advocacy in Fenwick?") is False


def test_reason_and_outcome_readings_finish_on_hostile_text():
    """Many words after "has", "when" or "over": the readings of why and of whether a plan came about stay linear."""
    from rag.abstain import _LINKED, _WHEN_CLAUSE, outcome_asked
    from rag.answer_types import _TAKER_NAMED, budget_as_asked

    assert outcome_asked("Has " + "aa " * 100_000 + "grown?") is None
    assert outcome_asked("Did " + "aa " * 100_000 + "roll " + "aa " * 100_000) is None
    assert len(_WHEN_CLAUSE.findall("when aa, " * 50_000)) == 50_000 and len(_WHEN_CLAUSE.findall("when " * 50_000)) == 1
    assert _LINKED.search("aa " * 100_000) is None and _TAKER_NAMED.search("hired " * 100_000) is None
    assert budget_as_asked("spent", "over " + "aa " * 100_000 + "x") is True


def test_target_clause_and_placement_readings_finish_on_hostile_text():
    """Many words after "met its", "and" or "placed": the readings of targets, next clauses and placements stay linear."""
    from rag.abstain import (
        _ASKING_WHY,
        _ASKS_PAYMENT,
        _ASKS_TARGET_MET,
        _NEXT_CLAUSE,
        _PAYMENT_TOLD,
        _WHAT_ARE_THE_KIND,
        outcome_asked,
    )
    from rag.answer_types import _TAKEN_ON
    from rag.chunking import split_sentences
    from rag.kinds import only_an_aim
    from rag.thresholds import within_bounds
    from rag.yardsticks import names_a_target

    assert _ASKS_TARGET_MET.search("met its " + "aa " * 100_000) is None
    assert not names_a_target("planned " * 100_000) and _ASKING_WHY.search("led " * 100_000) is None
    assert len(_NEXT_CLAUSE.split("aa and " * 50_000)) == 1 and _TAKEN_ON.search("placed 1 " + "aa " * 100_000) is None
    assert outcome_asked("Has " + "aa " * 100_000 + "been given") is None  # too many words for a subject
    assert only_an_aim("being extended to " + "aa " * 100_000) is False
    assert within_bounds("within " * 100_000 + "the same day") == [1.0]
    assert _ASKS_PAYMENT.search("pai " * 100_000) is None and _PAYMENT_TOLD.search("fun " * 100_000) is None
    assert _WHAT_ARE_THE_KIND.match("what are the " + "names " * 100_000) is None
    assert len(split_sentences("1 " * 100_000 + "\n" + "Label\n2\n" * 10_000)) == 10_000  # each figure's line ends one


@pytest.mark.parametrize("sentence,question,expected", [
    ("212 people were waiting, of whom 38 had waited longer than three months.",
     "How many people had been waiting more than six months for an assessment?", False),  # another length
    ("212 people were waiting, of whom 38 had waited more than 26 weeks.",
     "How many people had been waiting more than six months for an assessment?", True),  # 182 days is six months
    ("212 people were waiting for an assessment.", "How many people had been waiting more than six months?", True),
    ("38 had waited longer than three months.", "How many people were waiting?", True),  # no length asked
    ("41 people had waited over a year.", "How many people had waited more than 12 months?", True),
])
def test_a_count_held_against_a_length_of_time(sentence, question, expected):
    from rag.thresholds import same_wait_bound

    assert same_wait_bound(sentence, question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("187 concerns were waiting to be triaged, some for more than a month.", False),  # "some": not counted
    ("187 concerns were waiting to be triaged, and 40 for more than a month.", True),
    ("187 concerns were waiting to be triaged.", False),  # a count must be held against the length asked
])
def test_a_count_asked_against_a_length_of_time_is_not_given_by_some(sentence, expected):
    from rag.thresholds import same_wait_bound

    question = "How many concerns awaiting triage had been waiting more than a month?"
    assert same_wait_bound(sentence, question, required=True) is expected


@pytest.mark.parametrize("text,days", [
    ("people waiting over six months", [180.0]), ("enquiries open for over 28 days", [28.0]),
    ("eleven different carers came over four weeks", []),  # "over" on its own says when, not how long
    ("what changed over a year", []),
])
def test_over_is_a_length_of_time_held_against_only_after_a_word_of_waiting(text, days):
    from rag.thresholds import wait_bounds

    assert wait_bounds(text) == days


@pytest.mark.parametrize("sentence,question,expected", [
    ("88% of people were discharged within 48 hours of being ready to leave.",
     "What share of people were discharged on the same day they were ready?", False),  # two days, not one
    ("61% of people were discharged on the day they were ready, and 88% within 48 hours.",
     "What share of people were discharged within two days of being ready?", True),
    ("92% of complaints were answered within 20 working days.", "What share of complaints were answered within four "
     "weeks?", True),  # twenty working days are four weeks
    ("92% of complaints were answered within 10 working days.", "What share of complaints were answered within four "
     "weeks?", False),
    ("92% of complaints were answered on time.", "What share of complaints were answered within four weeks?", True),
    ("88% were discharged within 48 hours.", "What share of people were discharged?", True),  # no limit asked
])
def test_a_figure_held_to_a_time_limit(sentence, question, expected):
    from rag.thresholds import same_time_limit

    assert same_time_limit(sentence, question) is expected


def test_a_count_must_give_the_length_of_time_it_is_held_against_when_required():
    from rag.thresholds import same_wait_bound

    question = "How many enquiries had been open for more than six months?"
    assert not same_wait_bound("Of 1,644 concerns, 412 led to a section 42 enquiry.", question, required=True)
    assert same_wait_bound("Of 1,644 concerns, 412 led to a section 42 enquiry.", question)
    assert same_wait_bound("31 enquiries had been open for over 6 months.", question, required=True)
    assert same_wait_bound("412 led to an enquiry.", "How many enquiries were there?", required=True)  # none asked


def test_what_was_not_done_within_a_recent_length_of_time_is_held_against_it():
    from rag.thresholds import same_wait_bound, wait_bounds

    sentence = "In November 2024, 2,340 people had not had their care reviewed in the past 12 months."
    assert wait_bounds(sentence) == [360.0]
    assert wait_bounds("1,200 people were assessed in the past 12 months.") == []  # nothing left undone
    assert same_wait_bound(sentence, "How many people had gone more than a year without a review?", required=True)
    assert not same_wait_bound(sentence, "How many people had gone more than two years without a review?")


def test_a_bound_s_words_are_no_part_of_what_is_asked_but_a_top_s_are():
    from rag.thresholds import without_bound

    question = "Which councils had a median wait of more than 50 days?"
    assert "50" not in without_bound(question, bound_of(question))
    top = "Which council had the longest median wait?"
    assert without_bound(top, top_of(top)) == top


def test_a_bound_on_the_longest_wait_is_held_against_the_longest_given():
    from rag.thresholds import asked_figure

    waits = "The median wait was 19 weeks and the longest wait was 58 weeks."
    longest = "Which councils had a longest wait for a Care Act assessment of more than 20 weeks?"
    assert asked_figure(waits, bound_of(longest), longest) == 58 * 7
    median = "Which councils had a median wait for a Care Act assessment of more than 20 weeks?"
    assert asked_figure(waits, bound_of(median), median) == 19 * 7


def test_clause_and_payee_readings_finish_on_hostile_text():
    """Many parts with no verb, many words before "paid", or a long run of "and the": the readings stay linear."""
    from rag.abstain import _NEXT_CLAUSE, _POINTS_BACK, clauses_of
    from rag.answer_types import payee_named, times_as_counted, which_one_unsaid
    from rag.periods import baselines

    assert len(clauses_of("aa, so " * 50_000)) == 1 and len(clauses_of("aa had, so " * 50_000)) == 50_000
    assert len(_NEXT_CLAUSE.split("aa and the " * 50_000)) == 1
    assert payee_named("£1 an hour", "How much were " + "aa " * 100_000 + "paid?") is True
    assert _POINTS_BACK.search("understand " * 100_000) is None and baselines("since " * 100_000) == ()
    assert which_one_unsaid("a local service " * 30_000, "Which local service does Fenwick use?") == "a local service"
    assert times_as_counted("twice " * 100_000, "How many times had it met?").count("twice") == 100_000



def test_readings_of_plans_lists_extremes_and_tellers_finish_on_hostile_text():
    """Many words where a plan, a list's part, a count of all, a teller or "some" is looked for: each reading stays
    linear."""
    from rag.abstain import _ASKS_EFFECT, as_told, planned_deed_asked
    from rag.answer_types import all_as_asked, extreme_sum_as_asked, part_condition, which_one_unsaid
    from rag.thresholds import wait_bounds

    many = "aa " * 100_000
    assert part_condition("how many " + many + "on the list") == ""
    assert all_as_asked("12 homes " + many, "How many " + many + "are there?") is True
    assert planned_deed_asked("Did " + many, ["planned to " + many]) is None
    assert as_told(many + "partners told us that").rstrip().endswith("aa")  # the teller is left out
    assert extreme_sum_as_asked(many, "What is the maximum " + many) is False
    assert which_one_unsaid("and " * 100_000 + "banks", "Which banks took part?") == "banks"
    assert wait_bounds("some " * 100_000 + "for more than a month", counted=True) == []
    assert _ASKS_EFFECT.search("Did " + many + "cut") is None  # too many words for a subject


def test_an_amount_added_on_is_not_the_level_asked_about():
    from rag.thresholds import asked_figure, bound_of

    question = "Which councils paid home care providers more than £23 an hour in 2024/25?"
    bound = bound_of(question)
    assert asked_figure("The council paid home care providers £23.50 an hour in 2024/25, with an extra £1.50 an hour "
                        "for visits in areas where care was hard to find.", bound, question) == 23.5
    assert asked_figure("The council paid home care providers £22.10 an hour in 2024/25, up from £20.90.",
                        bound, question) == 22.1
    nursing = "Which councils paid more than £700 a week for nursing care?"
    assert asked_figure("The council paid £690 a week for residential care and £810 a week for nursing care.",
                        bound_of(nursing), nursing) == 810


def test_lengths_of_time_are_the_same_told_in_other_units():
    from rag.thresholds import same_length_told

    assert same_length_told("still at home 3 months after leaving hospital", "at home 91 days after discharge") == {"3"}
    assert same_length_told("waited more than 6 months", "waited more than 12 months") == set()
    assert same_length_told("waited 12 weeks", "waited 12 weeks") == set()  # the same unit is found as it is
    assert same_length_told("completed within 60 days", "completed within 8 weeks") == set()  # another limit
    assert same_length_told("completed within 60 days", "waited more than 2 months") == set()  # not rounded up


def test_readings_of_findings_stages_changes_and_days_finish_on_hostile_text():
    """Many words after "after", "expected", "with", "from" or "in": the readings of this round's checks stay linear."""
    from rag.abstain import (
        _ASKS_OUTCOME,
        _ASKS_RESULT,
        _PLAN_SPAN,
        _PLANNED_DEED,
        _RESULT_TOLD,
        _WITH_WHOM,
        by_whom,
        detail_asked,
    )
    from rag.answer_types import _CHANGE_AMOUNT, _THEN_END, clause_most_asked, stage_as_asked
    from rag.thresholds import _ADDED_ON, same_length_told

    many = "aa " * 100_000
    assert _ASKS_OUTCOME.search("after " + many + "x") is None and _ASKS_RESULT.search("what did " + many) is None
    assert _PLANNED_DEED.search("expected " + many) is None and _PLAN_SPAN.search("due " + many) is None
    assert _RESULT_TOLD.search(many) is None and detail_asked("Does " + many + "chair") is None
    assert _WITH_WHOM.search("with " + many) is None and re.search(by_whom(["carer"]), "with " + many) is None
    assert _CHANGE_AMOUNT.search("from 1 " + many + "to") is None and _THEN_END.match(" in " + many) is None
    assert clause_most_asked("aa and " * 50_000, "aa?") == "aa"
    assert stage_as_asked("1 referred and " * 20_000, "How many were declined?") is False
    assert _ADDED_ON.search("an extra " + many) is None and same_length_told("3 months " * 2_000, "91 days") == {"3"}


def test_half_a_year_is_a_length_of_time_not_a_share():
    from rag.thresholds import bound_of

    assert bound_of("How many had been waiting over half a year?") == Bound(">", 182.5, "days", "over half a year")
    assert bound_of("more than half of carers").unit == "percent"
    assert bound_of("more than half an hour") is None  # no bound of a share, and hours are no wait counted here


def test_a_bound_in_per_cent_leaves_a_share_asked():
    from rag.answer_types import holds
    from rag.thresholds import bound_of, without_bound

    question = "Which councils put more than 40% of their total budget into adult social care?"
    left = without_bound(question, bound_of(question))
    assert "40" not in left and "what share" in left
    assert not holds("number", "The council received 118 complaints about adult social care and upheld 41% of them.", left)
    assert holds("number", "Adult social care was 41.3% of the local authority's total budget.", left)
