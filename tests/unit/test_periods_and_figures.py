"""Reporting periods, figures named in questions, measured things, durations, role holders and
personal names: the small checks behind the abstention rules (positive and negative cases)."""

import pytest

from rag.answer_types import (
    asks_money,
    dates_as_asked,
    has_duration,
    has_money,
    has_person,
    has_share,
    holds,
    measured_things,
    names_the_holder,
    question_figures,
    stated_numbers,
)
from rag.compose import _one_line
from rag.kinds import kinds_named
from rag.periods import Period, periods, same_period


@pytest.mark.parametrize("text,expected", [
    ("In 2023/24 there were 412 complaints.", (Period(2023, 2024),)),
    ("recorded 64 compliments in 2022- 2023", (Period(2022, 2023),)),
    ("the plan for 2023 to 2024", (Period(2023, 2024),)),
    ("a peer review in 2024", (Period(2024),)),
    ("the strategy runs from 2021-2025", (Period(2021), Period(2025))),  # not one financial year
    ("1,240 people were waiting", ()),
    ("In October 2024, 246 people were waiting", (Period(2024, month=10),)),
    ("between 1 April 2022 and 31 March 2023", (Period(2022, month=4), Period(2023, month=3))),
    ("people may 2024 be seen", (Period(2024),)),  # "may" the verb is no month
    ("waiting at the end of March\n2024, as a PDF breaks the line", (Period(2024, month=3),)),
])
def test_periods(text, expected):
    assert periods(text) == expected


@pytest.mark.parametrize("asked,given,same", [
    ("in 2023/24", "in 2023-24", True),
    ("in 2023/24", "in 2022/23", False),
    ("in 2023", "in 2022/23", True),  # a calendar year inside a financial year: cannot tell, so the same
    ("in December 2022", "In December 2024", False),
    ("in 2023/24", "the report dated 2022/23, recorded between 1 April 2022 and 31 March 2023", False),
    ("in 2023/24", "a backlog in November 2024", False),  # November 2024 falls in 2024/25
    ("in 2023/24", "waiting in March 2024", True),  # the year's last month
    ("in 2023/24", "from April 2023", True),  # its first
    ("in 2024", "in November 2024", True),
])
def test_same_period(asked, given, same):
    assert same_period(periods(asked), periods(given)) is same


@pytest.mark.parametrize("question,figures", [
    ("What percentage of Scilly residents are aged 85 or over?", {"85"}),
    ("How many of the 1,140 people waiting were carers?", {"1140"}),
    ("In the report with score 2, how many complaints were there?", set()),
    ("What did the council rated 2 out of 4 say?", set()),
    ("How many people waited more than six weeks in 2023/24?", set()),  # words and years are not figures
])
def test_question_figures(question, figures):
    assert question_figures(question) == figures


def test_stated_numbers_reads_words_and_thousands():
    assert stated_numbers("Six people, 1,140 in total, 80.12% in 2024") == {"6", "1140", "80.12"}


@pytest.mark.parametrize("question,things", [
    ("What is Hounslow's staff turnover rate?", {"turnover"}),
    ("What was the Ombudsman uphold rate for Ealing?", {"uphold"}),
    ("What is the average waiting time for a financial assessment?", {"waiting"}),
    ("What was the rate?", set()),
    ("What was Camden's total?", set()),
    ("How much below budget did Fenwick's spending come in?", set()),  # a preposition measures nothing
    ("What did Fenwick actually spend on adult social care?", set()),  # nor an adverb
    ("What was Fenwick's family support budget?", {"support"}),
    ("What was the family budget?", {"family"}),  # "-ly", but a noun
])
def test_measured_things(question, things):
    assert measured_things(question) == things


@pytest.mark.parametrize("sentence,expected", [
    ("The median wait was 19 days.", True),
    ("Concerns were triaged within 24 hours.", True),
    ("Most people were seen the same day.", True),
    ("People waited several weeks.", True),
    ("Waiting times had improved significantly.", False),
    ("The board met in 2024.", False),
])
def test_has_duration(sentence, expected):
    assert has_duration(sentence) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The board was set up in January 2018.", "In which month was the board set up?", True),
    ("A peer review would take place in 2024.", "In which month is the peer review?", False),
    ("People may wait longer in 2024.", "On what date does the plan start?", False),  # "may" is not a month
    ("A peer review would take place in 2024.", "When is the peer review?", True),
    # "go live" asks when something began: another thing's date does not answer it
    ("When a home care agency closed in August 2024, 63 people moved.", "When did the new front door go live?", False),
    ("The new front door went live in June 2024.", "When did the new front door go live?", True),
    ("When a care home closed in 2024, residents moved to new homes.", "When did the new front door go live?", False),
    ("The portal was rolled out in May 2023.", "When was the portal rolled out?", True),
    # a past question: a date before a word that sets what follows ahead is when it happened; one after it is a plan
    ("A charter was signed in\nMay 2024, setting out how people would be involved.", "When did it sign the charter?", True),
    ("A draft was due to go to cabinet in June 2025.", "When did cabinet approve the draft?", False),
])
def test_dates_as_asked(sentence, question, expected):
    assert dates_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("The board had an independent chair, Sam Reid, who had been in post since 2021.", True),
    ("Sam Reid, the independent chair, told us about the priorities.", True),
    ("The partnership was chaired by Priya Natarajan.", True),
    ("Alex Moreno (Principal Social Worker) ran the forum.", True),
    ("Dr Patel led the review.", True),
    ("The Principal Social Worker (PSW) led practice development.", False),
    ("The Making it Real Board, chaired by a person with lived experience, met monthly.", False),
    ("The chair of the Safeguarding Adults Board, Gateshead Council, said so.", False),
    ("The team was led by Housing Options and the Carers Centre.", False),
    ("The council employed an officer, Sergeant (retired) Colin Baxendale, for veterans.", True),  # a rank as title
    ("The Major Trauma Centre took most referrals.", False),
])
def test_has_person(sentence, expected):
    assert has_person(sentence) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The Principal Social Worker led on the Annual Social Work Healthcheck.", "Who leads the healthcheck?", True),
    ("The board was chaired by the chief executive.", "Who chairs the board?", True),  # a role is who
    ("The board was co-chaired by Ann Lee and a carer.", "Who co-chairs the board?", True),
    ("The board was chaired by a person who used services.", "Who chairs the board?", True),  # who, if no name
    ("The board was co-chaired by a person who used services.", "Who co-chairs the board?", True),
    ("The board was coordinated by the discharge team.", "Who coordinates discharge?", True),
    ("The board was made up of people who use adult services.", "Who chairs the board?", False),
    ("The panel had 14 members.", "Who chairs the panel?", False),
])
def test_names_the_holder(sentence, question, expected):
    assert names_the_holder(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("In 2023/24 the hubs had 9,800 visits.", "How many visits did the Kirkby Wellbeing Hub receive?", False),  # all hubs
    ("The Kirkby hub had 2,100 of the 9,800 visits.", "How many visits did the Kirkby Wellbeing Hub receive?", True),
    ("Its 4 care homes had 300 beds.", "How many beds did Elm Court care home have?", False),
    ("In 2023/24 the hubs had 9,800 visits.", "How many visits did Fenwick's hubs receive?", True),  # all asked
    ("In 2023/24 the hubs had 9,800 visits.", "How many visits did the Fenwick hub get?", True),  # the council's name
    ("The hubs were busy.", "What did the Kirkby Wellbeing Hub offer?", True),  # no count asked
    # named after its kind: the clause giving the figure must name it
    ("It had 7 schemes with 420 flats, and an eighth scheme at Kelby was due to open.",
     "How many flats will the new extra care scheme at Kelby have?", False),
    ("The scheme at Kelby will have 60 flats, and 7 schemes had 420 flats.",
     "How many flats will the new extra care scheme at Kelby have?", True),
])
def test_a_count_of_one_named_place_is_not_one_of_all_of_its_kind(sentence, question, expected):
    from rag.answer_types import of_the_named_one

    assert of_the_named_one(sentence, question, ("Fenwick",)) is expected


def test_sentence_checks_finish_on_hostile_sentences():
    """A 300,000-digit run and 100,000 capitalised words: every check is linear (quadratic would take hours)."""
    digits, names = "1" * 300_000 + " x", "Aa " * 100_000
    for check in (has_duration, has_person, stated_numbers, has_share, kinds_named, periods):
        check(digits)
        check(names)
    assert names_the_holder(names, "Who chairs it?") is False
    assert holds("number", digits, "How many people were waiting?") is False
    assert holds("number", "1 " * 100_000 + "%", "How many people were waiting?") is False
    # the newer checks: counts per unit of time, ages, named parts, prices per hour, "named …", lines joined
    assert holds("number", digits, "How many people used it in 2024/25?") is False
    assert holds("number", "aged 1 " * 50_000 + "people", "How many people?") is False  # many spans, one pass
    assert holds("number", "5% " * 50_000 + "people", "How many people?") is False
    assert holds("number", "aged " * 50_000 + digits, "How many carers?") is False
    assert holds("number", digits, "What hourly rate did it pay?") is False
    assert holds("number", names + digits, "How many people did the Aa Bb Cc Team see?", context=names) is False
    assert has_person("named " + names) is True  # "named Aa Aa": read as a name
    assert _one_line("a-" + " " * 100_000 + "b-\n" * 50_000) != ""
    # this round's checks: what was not done, a named group, the thing before "budget", an ordinal's clause
    assert holds("number", "1 hour could not be provided, " * 30_000, "How many hours were delivered?") is False
    assert holds("number", "1 " * 30_000 + "hours were delivered", "How many hours were delivered?") is True
    assert holds("holder", names, "A" * 100_000 + " x") is False  # a council's name before the question, read past
    assert holds("number", "12 " + "1 " * 100_000 + "hours", "How many hours did Aa " * 2_000 + "residents get?") is False
    assert holds("number", "word " * 100_000 + "budget: £3 million", "How much was spent on interpreting?") is False
    assert holds("number", "and 4 flats " * 50_000, "How many flats will the fourth scheme have?") is False
    assert holds("number", "4 hubs " * 50_000, "How many visits did the " + "Aa Hub, " * 20_000 + "get?") is False
    # how often, the council's whole area, age groups, sums per person, dates of a named thing
    assert holds("frequency", "every " * 50_000 + "x", "How often does it meet?") is False
    assert holds("place", "in the city " * 30_000, "Where is the hub?") is False
    assert holds("number", "£1 " * 50_000 + "each older people", "How much in total did working-age adults get?") is False
    assert holds("date", "in 2024 the " * 30_000, "When did the " + "Aa " * 5_000 + "Hub open?", lead_in="Aa " * 30_000) is False
    # describing words between a number and its noun, the longest time, a date set ahead, reports picked by score
    assert holds("number", "2 " + "aa " * 100_000 + "officers", "How many aa officers are there?") is False
    assert holds("number", "2 aa " * 50_000 + "officers", "How many aa officers are there?") is True
    assert holds("duration", "1 day, and " * 50_000, "What was the longest wait?") is False
    assert holds("date", "in 2024 " * 50_000, "When will the hub " + "open " * 20_000 + "?") is False
    from rag.analyse import answer_type
    assert answer_type("Which " + "aa " * 30_000 + "libraries host it?") == "description"
    assert answer_type("Which of " + "Aa, " * 50_000 + "scored 3?") != "rating"
    # the second stage's: a place ending the question, a rate, a date set ahead, a figure with no noun of its own
    assert holds("duration", "1 day", "How long " + "in the Aa, " * 20_000 + "in the Bb?") is False
    assert holds("duration", "1 people a day " * 50_000, "How long was the wait?") is False
    assert holds("date", "was due in 2024, and " * 50_000, "When did the cabinet approve it?") is False
    assert holds("number", "1-bed " * 50_000, "How many beds are there?") is True
    # this round's: who did the deed, a place word before a name, the whole council's budget, another rater
    assert holds("number", "41% " * 50_000, "What share were upheld by " + "the aa " * 20_000 + "?") is False
    assert holds("place", "in Aa " * 50_000, "Where is the " + "hub " * 20_000 + "?") is False
    assert holds("number", "Total council budget: £3 " * 30_000, "How much did it spend on aa?") is False
    assert answer_type("What rating did carers " + "aa " * 30_000 + "give?") == "rating"  # the rater not beside "give"
    # a count that led to the thing counted; names asked for by "… called?" and by places with where they lie
    from rag.answer_types import outcome_count_of
    assert outcome_count_of("1" * 300_000 + " x", {"enquiry"}) is False
    assert outcome_count_of("1.5 " * 50_000 + "led to", {"enquiry"}) is False
    assert answer_type("What is " + "the aa " * 30_000 + "called?") != "name"
    assert answer_type("Which wards in " + "aa " * 30_000 + "took part?") == "description"
    from rag.ratings import result_reference
    assert result_reference("for the council that was " * 30_000 + "?") is None
    assert result_reference("the council with a 1" * 30_000) is None
    # methods, views, counts before a drive or of people taken on, repeated sentences
    from rag.answer_types import before_as_asked, describes_a_deed, gives_views, recruited_given
    from rag.compose import repeats
    assert describes_a_deed("were used " * 50_000) is False
    assert describes_a_deed("a well organised " * 50_000 + "team telephoned people") is True
    assert gives_views("Aa said " * 50_000, "What did " + "aa " * 20_000 + "parents say?") is True  # no group named near
    assert before_as_asked(digits + " new", "How many were there before its recruitment drive?") is True
    assert before_as_asked("recruited " + "aa " * 100_000, "How many before the aa aa aa recruitment?") is True
    assert recruited_given(digits, "How many carers did it recruit?") is False
    assert answer_type("How does " + "aa " * 30_000 + "feel?") == "method"  # too far for a view of feeling
    assert answer_type("What did " + "aa, " * 30_000 + "parents say?") == "description"
    assert answer_type("What has " + "aa " * 30_000 + "done to help?") == "description"
    assert repeats(digits, digits + " more") is True
    # a sum spent on a named thing, a thing named only as one of its kind, a part of a whole the question states,
    # what a counted noun does, a figure before an aim, a council's own named thing, a pronoun after a time
    from rag.answer_types import counted_nouns, named_not_only_as_some, sum_of_the_thing
    from rag.kinds import only_an_aim
    assert sum_of_the_thing("£1 " * 50_000, "How much did it spend on aa?") is False
    assert sum_of_the_thing("£1 " * 50_000, "How much did it spend on " + "aa " * 20_000 + "?") is True  # too long to read
    assert sum_of_the_thing("£1 aa " * 50_000, "How much did it spend on aa?") is True
    assert named_not_only_as_some("Aa " * 50_000 + "a county", "Which county does it use?") is False
    assert named_not_only_as_some("a aa county, " * 30_000, "Which county does it use?") is False
    assert named_not_only_as_some(names, "Which " + "aa " * 30_000 + "county does it use?") is True
    assert counted_nouns("Of " + "aa " * 30_000 + ", how many were seen?") == set()
    assert counted_nouns("of 1,1" * 30_000 + ", how many were seen?") == set()
    assert holds("number", "1 aas " * 10_000 + "providing", "How many aas were there?") is True
    assert only_an_aim("1 " * 100_000 + "planned to recruit 5") is False
    assert only_an_aim("planned to recruit " * 30_000 + "5") is True
    from rag.answer_types import named_parts
    assert named_parts("When was the " + "Fenwick Aa " * 30_000 + "set up?", ("Fenwick",)) != ()
    assert holds("place", "at the hub " * 50_000, "Where is the Aa Hub based?") is False  # the thing asked, not where
    assert holds("name", "Aa at " * 50_000, "In which town is the Aa Centre?") is False
    from rag.answer_types import has_count
    assert has_count("section 1 " * 50_000) is False
    # a name inside a counted phrase, before a new way of working, per length of time, at a time, how often a body
    # meets, which numbered things, quoted names, what still waits, what was not done within a time
    assert counted_nouns("How many " + "Aa " * 30_000 + "carers were there?") <= {"aa", "carer"}  # read in bounds
    assert before_as_asked("had been " * 50_000, "How many before it moved to " + "aa " * 20_000 + "?") is True
    assert before_as_asked(digits, "How many before " + "Aa " * 30_000 + "trained them?") is True  # too far to read
    assert holds("number", "a week " * 50_000 + "9", "How many days a week is it open?") is False
    assert holds("number", "1 people at a time, " * 30_000, "How many people in total were seen?") is False
    assert holds("frequency", "monthly " * 50_000, "How often does the " + "aa " * 20_000 + "panel meet?") is False
    assert named_not_only_as_some("5 main " * 50_000 + "providers", "Which five providers run it?") is False
    from rag.answer_types import new_names
    assert new_names("carers' " * 50_000 + "x", "Which charity?") == []
    assert holds("number", "1,5" * 50_000 + " not screened", "How many were still waiting?") is False
    from rag.thresholds import wait_bounds
    assert wait_bounds("not " + "aa " * 50_000 + "in the past 12 months") == []  # too far from the negation
    from rag.answer_types import part_of_sum_as_asked
    assert part_of_sum_as_asked("£1 " * 50_000 + "fund", "How much of the " + "aa " * 30_000 + "fund was spent?") is True
    assert named_not_only_as_some("the most deprived " * 30_000 + "wards", "Which wards have it?") is False
    from rag.compose import CONSEQUENCE
    assert CONSEQUENCE.match("This " + "aa " * 50_000 + "meant") is None
    # a part named in a later clause, people on a list, a figure at a start, a start and its date, plain wordings,
    # months and seasons, what held a score back, how far a figure fell, a benchmark of neighbours, plans for more
    from rag.answer_types import dates_as_asked, part_beside_another_figure
    from rag.lay_terms import in_report_words
    from rag.periods import period_words
    from rag.yardsticks import benchmark_asked
    assert part_beside_another_figure("1 day, and " * 50_000 + "the Aa team", "How long in the Aa team?") is True
    assert counted_nouns("How many people were on " + "aa " * 30_000 + "list?") == {"people"}  # too far to read
    assert before_as_asked(digits, "How many when it was first " + "aa " * 30_000 + "set up?") is True
    assert dates_as_asked("set up, and " * 50_000 + "in 2024", "When was it set up?") is False
    assert "waiting" in in_report_words("queuing " * 30_000)
    assert len(period_words("summer " * 50_000)) == 50_000
    assert answer_type("What " + "aa " * 30_000 + "held back the score?") != "reason"  # too far to read
    assert answer_type("How far had " + "aa " * 30_000 + "come down?") != "number"
    assert benchmark_asked("compare with neighbouring " + "Aa " * 30_000 + "boroughs?") is None
    assert only_an_aim("plans for " + "aa " * 50_000 + "5") is False
    # a count still waiting, a count told after what it counts, a place where most were, a change asked with
    # words between, acts people got one each
    from rag.answer_types import change_as_asked, figure_first, names_the_part, waiting_instead
    assert waiting_instead("1 " + "aa " * 50_000 + "awaiting", "How many did it authorise?") is False
    assert waiting_instead("1 awaiting " * 30_000, "How many did it authorise?") is True
    assert figure_first("the number of " + "aa " * 50_000 + "was 11") == "the number of " + "aa " * 50_000 + "was 11"
    assert names_the_part("most of them in " * 30_000 + "Edgware", "How many people in Edgware were there?") is False
    assert change_as_asked(digits, "By how many " + "aa " * 30_000 + "had it fallen?") is True  # too far to read
    assert change_as_asked(digits, "By how many days had the wait fallen?") is False
    assert holds("number", "1 reviews " * 30_000, "How many people got a " + "aa " * 20_000 + "review?") is False


@pytest.mark.parametrize("question,sentence,expected", [
    ("How much did Staffordshire spend on its Carers Hub?", "The hub completed 1,480 carers' assessments.", False),
    ("How much did Staffordshire spend on its Carers Hub?", "The council spent £1.2 million on the hub.", True),
    ("How much of the budget went on adult social care?", "It spent 42% of its budget on adult social care.", True),
    ("How much money was pooled through the Better Care Fund?", "The fund pooled £98.4 million.", True),
])
def test_a_sum_of_money_is_asked_for_and_given(question, sentence, expected):
    assert holds("number", sentence, question, ("Staffordshire",)) is expected


def test_money_words():
    assert asks_money("What was the budget for 2023/24?") and not asks_money("How much did waiting times fall?")
    assert has_money("£98.4 million") and not has_money("I'm told 42% of the budget")
    assert has_share("a quarter of people") and not has_share("audits every quarter, from the first quarter")
    # "what did it spend on", "what was spent on" ask for money; "what did it do on" does not
    assert asks_money("What did Wigan spend on direct payments?") and asks_money("What was spent on direct payments?")
    assert not asks_money("What did Wigan do on direct payments?")
    assert asks_money("What was Haringey's overspend?") and asks_money("What was Sutton's budget for 2024/25?")


@pytest.mark.parametrize("asked,given,same", [
    ("in March 2024", "In October 2024, 246 people were waiting", False),
    ("in March 2024", "In March 2024, 612 people were waiting", True),
    ("in March 2024", "In 2024, 612 people were waiting", True),  # a year holds the month
    ("between April 2022 and March 2023", "the report dated 2022/23", True),
    ("between April 2022 and March 2023", "recorded between 1 April 2022 and 31 March 2023", True),
])
def test_months_are_periods(asked, given, same):
    assert same_period(periods(asked), periods(given)) is same


def test_a_score_is_not_a_figure_to_find_and_other_periods_are_told_apart():
    from rag.compose import dated_elsewhere

    assert question_figures("Why did Portsmouth score only 2 for learning?") == set()
    assert question_figures("How did carers feel about the council that got a 2?") == set()
    assert stated_numbers("a plan by their 18th birthday") == {"18"}
    assert question_figures("How many of the 70 complaints were upheld?") == {"70"}
    asked = periods("What were the main themes of complaints in 2022/23?")
    assert dated_elsewhere("The Annual Complaints Report 2023/24 was not yet available.", asked)
    assert not dated_elsewhere("In 2022/23 most complaints were about communication.", asked)
    assert not dated_elsewhere("Most complaints were about communication.", asked)
    assert not dated_elsewhere("The 2023/24 report was not yet available.", ())


@pytest.mark.parametrize("text,expected", [
    ("At the time of our assessment, 412 people were waiting.", True),
    ("at the time of assessment 1,760 applications were waiting", True),
    ("How long was the wait when CQC carried out its assessment?", True),
    ("How many were waiting when inspectors visited?", True),
    ("What was the backlog during CQC's assessment?", True),
    ("How many were waiting at the time of the inspection?", True),
    # an assessment of a person, or a time that is not CQC's
    ("At the time of the review, 40 people were waiting.", False),
    ("The carers' assessment was completed within 28 days.", False),
    ("People were assessed when they left hospital.", False),
])
def test_the_time_of_cqcs_assessment(text, expected):
    from rag.periods import at_assessment_time, without_assessment_time
    assert at_assessment_time(text) is expected
    assert at_assessment_time(without_assessment_time(text)) is False


@pytest.mark.parametrize("text,expected", [
    ("Which councils overspent their budget in the previous year?", "Which councils overspent their budget ?"),
    ("Which councils overspent last year?", "Which councils overspent ?"),
    ("Which councils ended this financial year with a deficit?", "Which councils ended with a deficit?"),
    ("Which councils spent less than the previous year's budget?", "Which councils spent less than the previous year's budget?"),
    ("Which councils overspent in 2024 to 2025?", "Which councils overspent in 2024 to 2025?"),
])
def test_a_year_named_relative_to_the_report_is_no_word_to_find(text, expected):
    from rag.periods import without_relative_year
    assert " ".join(without_relative_year(text).split()) == " ".join(expected.split())


def test_the_assessments_time_is_no_kind_of_progress():
    from rag.kinds import other_kind
    sentence = "At the time of our assessment, 412 people were waiting for a Care Act assessment, and the median wait was 19 days."
    assert other_kind(sentence, "What was the median wait for a Care Act assessment when CQC carried out its assessment?") is None
    assert other_kind(sentence, "How long did a completed Care Act assessment take?") is not None


@pytest.mark.parametrize("sentence,expected", [
    ("Leaders had started an international recruitment programme to bring in 15 social workers.", ("what was done", "target")),
    ("The council had a plan to recruit 12 occupational therapists by spring.", ("what was done", "target")),
    ("The recruitment programme had brought in 15 social workers by March.", None),
])
def test_an_undertakings_purpose_is_not_what_was_done(sentence, expected):
    from rag.kinds import other_kind
    assert other_kind(sentence, "How many social workers has the council recruited through its programme?") == expected


@pytest.mark.parametrize("sentence,test,expected", [
    ("The council balanced its budget in 2023/24 and planned savings of £3.1 million in 2024/25.", "money",
     ["2024/25"]),
    ("The department had a savings target of £7.2 million for 2025/26 and had delivered 92% of it in 2024/25.",
     "money", ["2025/26"]),
    ("The department had a savings target of £7.2 million for 2025/26 and had delivered 92% of it in 2024/25.",
     "share", ["2024/25"]),
    ("In 2023/24, the council received 5,210 concerns, of which 24% led to an enquiry.", "count", ["2023/24"]),
    ("At that time 38 people were waiting, down from 290 in January 2024, and the median wait was 11 days.",
     "duration", []),
    ("Spending rose from £10 million in 2022/23 to £12 million in 2023/24.", "money", ["2022/23", "2023/24"]),
    ("Carers valued the service in 2023/24.", "count", None),
])
def test_figure_periods_date_each_figure_by_its_own_clause_or_the_sentences_opening(sentence, test, expected):
    from rag.answer_types import has_count, has_duration, has_money, has_share
    from rag.periods import figure_periods

    tests = {"money": has_money, "share": has_share, "count": has_count, "duration": has_duration}
    dated = figure_periods(sentence, tests[test])
    assert (None if dated is None else [p.label for p in dated]) == expected


@pytest.mark.parametrize("question,answer_type,expected", [
    ("What savings target did Fenwick have for 2024/25?", "number", "has_money"),
    ("What percentage of its savings did Fenwick deliver in 2024/25?", "number", "has_share"),
    ("How long did people wait in 2023/24?", "duration", "has_duration"),
    ("How many people were waiting in 2023/24?", "number", "has_count"),
])
def test_figure_test_follows_what_is_asked(question, answer_type, expected):
    from rag.answer_types import figure_test

    assert figure_test(question, answer_type).__name__ == expected


def test_a_value_or_worth_asks_for_money():
    assert asks_money("What is the value of the new home care contract?") and asks_money("What was the contract worth?")
    assert not asks_money("What did people say about the value of the service?")
    assert not asks_money("Is it worth asking for a review?")


def test_months_and_seasons_are_when_not_what():
    from rag.periods import period_words

    assert period_words("In summer 2024, and in August and Sept, how many waited?") == ["summer", "August", "Sept"]
    assert period_words("Did people say they may wait?") == []  # "may" the verb is no month
    assert period_words("How many Winterton residents waited?") == []  # whole words only


def test_social_care_staff_are_the_workforce_not_care_workers():
    from rag.kinds import kinds_named, other_kind
    assert "care worker" not in kinds_named("the adult social care staff").get("profession", ())
    assert "care worker" in kinds_named("home care workers and care staff in care homes")["profession"]
    sentence = "Staff reflected the borough, and 71% of the adult social care workforce were from minority ethnic groups."
    assert other_kind(sentence, "What share of Fenwick's adult social care staff come from minority ethnic groups?") is None
    assert other_kind(sentence, "What share of Fenwick's home care workers come from minority ethnic groups?") is not None


@pytest.mark.parametrize("sentence,labels", [
    ("In April 2025, 1,870 people were waiting, up from 1,420 a year earlier.", ["April 2024"]),
    ("In 2023/24 it received 310 complaints, against 280 the year before.", ["2022/23"]),
    ("In 2023/24 it received 310 complaints, up from 280 twelve months earlier.", ["2022/23"]),
    ("In April 2025, 1,870 people were waiting.", []),  # no earlier figure
    ("A year earlier the team was set up.", []),  # no period to count back from
])
def test_a_figure_for_a_year_earlier_is_dated_a_year_before(sentence, labels):
    from rag.periods import a_year_earlier

    assert [p.label for p in a_year_earlier(sentence)] == labels


def test_an_age_band_and_a_span_of_years_do_not_part_a_figure_s_clause():
    from rag.answer_types import has_count, has_share
    from rag.periods import figure_periods

    aged = "The 2024 report showed a 12% fall in admissions for people aged 65 and over since 2022."
    assert Period(2022) in figure_periods(aged, has_share)
    span = "The number of young carers known to the service grew from 120 to 210 between 2024 and 2026."
    assert Period(2026) in figure_periods(span, has_count)


def test_a_change_is_counted_from_the_period_after_since():
    from rag.periods import baselines

    assert baselines("a 12% fall since 2022 and 3% since March 2023") == (Period(2022), Period(2023, month=3))
    assert baselines("In 2022, 40 people were waiting.") == ()


def test_the_year_before_is_read_across_a_line_end():
    from rag.periods import a_year_earlier

    assert a_year_earlier("612 complaints in 2025/26, up from 430 the year\nbefore.") == (Period(2024, 2025),)


def test_a_month_typed_in_lower_case_before_a_year_is_a_month():
    assert periods("how many were waiting in march 2024") == (Period(2024, month=3),)
    assert periods("in March 2024") == (Period(2024, month=3),)
    assert periods("people may 2024 be seen") == (Period(2024),)  # "may" in lower case is a verb
