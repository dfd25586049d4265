"""What a question measures its answer against (a benchmark, an earlier year, other councils): the checks
and the abstention rules built on them."""

import time
from dataclasses import replace

import pytest

from rag.abstain import (
    benchmark_not_given,
    earlier_year_not_given,
    other_councils_not_named,
)
from rag.config import Rules, Settings
from rag.records import Query
from rag.terms import TermWeights
from rag.yardsticks import (
    asks_earlier_year,
    asks_other_councils,
    benchmark_asked,
    gives_benchmark,
    gives_earlier_year,
    other_councils_named,
    side_of_benchmark,
)
from tests.helpers import candidate


@pytest.mark.parametrize("question,phrase,name", [
    ("How did Fenwick's wait for assessments compare with the national average?", "national average", "the national average"),
    ("Was Fenwick's reablement figure higher than the England average?", "England average", "the England average"),
    ("What was the England average for reablement?", "England average", "the England average"),
    ("How does Fenwick's spend compare with similar councils?", "similar councils", "similar councils"),
    ("Was the wait longer than in other London boroughs?", "other London boroughs", "other London boroughs"),
    ("Were Fenwick's waits long compared nationally?", "nationally", "national figures"),
    ("How did Fenwick's reablement rate compare with the Yorkshire and the Humber average?",
     "Yorkshire and the Humber average", "the Yorkshire and the Humber average"),  # a region's figure
    ("How did Fenwick's fee uplift compare with those paid by neighbouring London boroughs?",
     "neighbouring London boroughs", "neighbouring London boroughs"),
    ("How does Fenwick's vacancy rate compare with the average for the south-east region?",
     "average for the south-east region", "the average for the south-east region"),  # a region, hyphenated
])
def test_a_benchmark_asked_for(question, phrase, name):
    asked = benchmark_asked(question)
    assert asked is not None and (asked.phrase, asked.name) == (phrase, name)


@pytest.mark.parametrize("question", [
    "What was the average wait for an assessment in Fenwick?",  # an average, not a benchmark
    "Which regional networks is Fenwick part of?",  # no comparison
    "How many national data returns did Fenwick make?",
    "How many people in the South West were waiting, compared with last year?",  # a region, not its figure
])
def test_no_benchmark_asked_for(question):
    assert benchmark_asked(question) is None


def test_other_than_and_rather_than_set_something_aside():
    """"In how many languages other than English": no comparison with English figures."""
    assert benchmark_asked("In how many languages other than English could Fenwick residents read it?") is None
    assert benchmark_asked("Why did Fenwick use local rather than national data?") is None
    assert benchmark_asked("Was Fenwick's rate higher than the national average?").phrase == "national average"


def test_a_benchmark_asked_for_keeps_the_whole_comparison():
    """The comparison's words ("below the England average") are not the question's topic."""
    assert benchmark_asked("Which councils had take-up of direct payments below the England average?").words == \
        "below the England average"


@pytest.mark.parametrize("text,side", [
    ("Which councils had take-up of direct payments below the England average?", "below"),
    ("Uptake of direct payments, at 22.1%, was lower than the England average.", "below"),
    ("Which councils had waits longer than similar councils, and spend higher than similar councils?", "above"),
    ("31.4% used direct payments, which was higher than the England average.", "above"),
    ("The rate was above the national figure.", "above"),
    ("Fewer than comparator councils reported delays.", "below"),
])
def test_the_side_of_a_benchmark(text, side):
    assert side_of_benchmark(text) == side


@pytest.mark.parametrize("text", [
    "Waits were in line with the England average.",  # neither side
    "Outcomes were better than the England average.",  # better: which side depends on the measure
    "Which councils compare well with the England average?",
    "31% was higher than the England average, but 12% was lower than the regional average.",  # both sides
    "More than 400 people were waiting.",  # no benchmark
])
def test_no_side_of_a_benchmark(text):
    assert side_of_benchmark(text) is None


@pytest.mark.parametrize("sentence,expected", [
    ("Only 61% needed no further support, which was lower than the England average.", True),
    ("Waits were in line with similar councils.", True),
    ("The rate was above average for the region.", True),
    ("The average wait was 14 weeks.", False),  # its own average, compared with nothing
    ("In 2024, 547 people were waiting for an assessment.", False),
    ("Providers recruited 390 care workers from overseas with help from a regional programme.", False),  # no figure
    ("NHS England funded the pilot.", False),
    ("The rate was lower than in the rest of England.", True),
    ("The rate was the highest in the region's figures.", True),
])
def test_a_sentence_gives_a_benchmark(sentence, expected):
    assert gives_benchmark(sentence) is expected


@pytest.mark.parametrize("question,expected", [
    ("What was Fenwick's overspend the year before?", True),
    ("How did the waiting list compare with the previous year?", True),
    ("What was last year's figure for carers' assessments?", True),
    ("How many concerns were there than in the previous year?", True),
    ("What share of people had been reviewed in the previous twelve months?", False),  # a window, not a year before
    ("How long did people wait for an assessment last year?", False),
    ("What did Fenwick pay for home care before the new zones came in?", True),  # the time before a change
    ("How long did people wait prior to the duty hub being set up?", True),
    ("What did Fenwick pay for home care before the new zones?", False),  # no change said
    ("How many people were waiting before they started care?", False),  # what happens first, not an earlier time
    ("How long did people wait before their home support began?", False),  # a wait until it began
    ("What was Fenwick's vacancy rate before its 2024 recruitment campaign?", True),  # the time before a change
    ("How long did people wait before the assessment?", False),  # a wait until it
    ("How many people had been kept waiting for over a year before anyone assessed them?", False),  # a length
    ("How many people waited for a year before their review?", False),
    ("What was the figure a year before?", True),
    ("What was the median wait twelve months before the assessment?", True),  # the figure 12 months earlier
    ("How many people had waited 12 months before being assessed?", False),  # a wait of that length
    ("How many had waited more than 12 months before their review?", False),
])
def test_an_earlier_year_asked_about(question, expected):
    assert asks_earlier_year(question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("The waiting list fell from 610 to 420 people.", True),
    ("There were 2,914 concerns in 2023/24, up from 2,400 in 2022/23.", True),
    ("Complaints rose by 12% compared with the previous year.", True),
    ("The council received 6,830 safeguarding concerns in 2023/24.", False),
    ("The adult social care budget overspent by £4.6 million.", False),
    ("People could wait up to 8 months, and reviews were up to date.", False),  # "up to" is not a rise
    ("The waiting list had fallen since 2023 after a new team started.", False),  # no earlier figure
])
def test_a_sentence_gives_an_earlier_year(sentence, expected):
    assert gives_earlier_year(sentence) is expected


@pytest.mark.parametrize("question,expected", [
    ("Which councils share the Teesside Safeguarding Adults Board with Middlesbrough?", True),
    ("Which other councils did Southend work with on its carers strategy?", True),
    ("Which neighbouring councils does Fenwick commission advocacy alongside?", True),
    ("Which neighbouring London boroughs did Fenwick share its approach with?", True),
    ("Which councils scored 2 for safeguarding?", False),
    ("Which councils had waiting lists over 500?", False),
])
def test_other_councils_asked_for(question, expected):
    assert asks_other_councils(question) is expected


def test_other_councils_named_leaves_out_the_council_asked_about():
    sentence = "The board was shared by Middlesbrough, Redcar and Cleveland, Hartlepool and Stockton-on-Tees."
    named = other_councils_named(sentence, ("Middlesbrough",))
    assert "Hartlepool" in named and "Middlesbrough" not in named
    assert other_councils_named("The board was shared with 3 neighbouring councils.", ("Middlesbrough",)) == ()
    assert other_councils_named("Middlesbrough Council chaired the board.", ("Middlesbrough",)) == ()


def _query(text: str, councils=("Fenwick",), kind: str = "description") -> Query:
    return Query(text=text, asked=text, councils=councils, answer_type=kind)


def test_benchmark_rule_needs_a_benchmark_for_the_thing_asked():
    question = "Was Fenwick's waiting time for assessments higher than the England average?"
    weights, settings = TermWeights([]), Settings()
    own = candidate("In 2024 the average waiting time for assessments was 14 weeks.")
    other = candidate("Reablement outcomes were lower than the England average.")
    given = candidate("The waiting time for assessments was longer than the England average.")
    assert "the England average" in benchmark_not_given(_query(question), [own, other], weights, settings)
    assert benchmark_not_given(_query(question), [own, given], weights, settings) is None
    off = Settings(rules=Rules(yardstick_check=False))
    assert benchmark_not_given(_query(question), [own], weights, off) is None


def test_a_benchmark_for_take_up_may_be_given_as_use():
    question = "How did Fenwick's take-up of direct payments compare with the London average?"
    weights, settings = TermWeights([]), Settings()
    used = candidate("16% of people receiving long-term support used a direct payment, lower than the London average.")
    other = candidate("Reablement outcomes were lower than the London average.")
    assert benchmark_not_given(_query(question), [used], weights, settings) is None  # "used" is the take-up
    assert "the London average" in benchmark_not_given(_query(question), [other], weights, settings)


def test_a_benchmark_for_another_measure_of_the_same_people_does_not_compare_the_one_asked():
    question = "How did Fenwick's review rate for people receiving long-term support compare with the England average?"
    weights, settings = TermWeights([]), Settings()
    reviews = candidate("Of people receiving long-term support, 81% had a review, above the England average of 57%.")
    payments = candidate("22% of people receiving long-term support used a direct payment, below the England average.")
    assert benchmark_not_given(_query(question), [reviews], weights, settings) is None
    assert "the England average" in benchmark_not_given(_query(question), [payments], weights, settings)


def test_a_benchmark_for_the_figure_the_question_gives_may_name_it_otherwise():
    from rag.abstain import restates_figures

    question = "How did Fenwick's 78% reablement success rate compare with the regional average?"
    weights, settings = TermWeights([]), Settings()
    same = candidate("Of these, 78% needed no further care afterwards, which is above the regional average.")
    other = candidate("Of these, 64% needed no further care afterwards, which is below the regional average.")
    assert restates_figures(same.sentence.text, question) and not restates_figures(other.sentence.text, question)
    assert benchmark_not_given(_query(question), [same], weights, settings) is None
    assert "the regional average" in benchmark_not_given(_query(question), [other], weights, settings)
    assert not restates_figures("78% needed no further care.", "How did reablement compare with the average?")


def test_a_benchmark_for_another_figure_of_the_same_topic_does_not_compare_the_figure_asked():
    question = "How did Fenwick's 78% reablement success rate compare with the regional average?"
    weights, settings = TermWeights([]), Settings()
    other = candidate("The reablement success rate for older people was 64%, below the regional average.")
    told = replace(candidate("This was above the regional average."),
                   before="Of the people who finished reablement, 78% needed no further care.")
    assert "the regional average" in benchmark_not_given(_query(question), [other], weights, settings)
    assert benchmark_not_given(_query(question), [told], weights, settings) is None  # its figure, told just before
    unfigured = "How did Fenwick's reablement success rate compare with the regional average?"
    assert benchmark_not_given(_query(unfigured), [other], weights, settings) is None  # no figure asked of


def test_the_words_a_question_compares_by_are_not_its_topic():
    question = "What England average was Fenwick's 91-day reablement figure compared against?"
    weights, settings = TermWeights([]), Settings()
    given = candidate("84.7% of older people were still at home 91 days after discharge into reablement, above the "
                      "England average of 82.3%.")
    other = candidate("Direct payments take-up was 28.9%, above the England average of 26.2%.")
    assert benchmark_not_given(_query(question), [given], weights, settings) is None
    assert "the England average" in benchmark_not_given(_query(question), [other], weights, settings)


def test_earlier_year_rule():
    question = "What was Fenwick's overspend the year before?"
    weights, settings = TermWeights([]), Settings()
    now = candidate("The budget overspent by £4.6 million in 2023/24.")
    change = candidate("The overspend fell from £6.1 million in 2022/23 to £4.6 million in 2023/24.")
    assert earlier_year_not_given(_query(question, kind="number"), [now], weights, settings)
    assert earlier_year_not_given(_query(question, kind="number"), [now, change], weights, settings) is None
    assert earlier_year_not_given(_query("What was Fenwick's overspend?", kind="number"), [now], weights, settings) is None


def test_other_councils_rule():
    question = "Which councils share the Teesside board with Middlesbrough?"
    weights, settings = TermWeights([]), Settings()
    vague = candidate("The Teesside board was shared with 3 neighbouring councils.", council="Middlesbrough")
    named = candidate("The Teesside board was shared with Hartlepool and Redcar and Cleveland.", council="Middlesbrough")
    query = _query(question, ("Middlesbrough",))
    assert "Middlesbrough" in other_councils_not_named(query, [vague], weights, settings)
    assert other_councils_not_named(query, [vague, named], weights, settings) is None
    assert other_councils_not_named(_query(question, ()), [vague], weights, settings) is None  # no council named


def test_checks_finish_on_hostile_input():
    """Long runs of comparison words, years and capitalised words: every check stays linear."""
    start = time.perf_counter()
    assert benchmark_asked("compare " * 50_000 + "x") is None
    assert side_of_benchmark("lower than " * 50_000 + "x") is None
    assert side_of_benchmark("below the " * 50_000 + "England average") == "below"
    assert gives_benchmark("than the " * 50_000) is False
    assert asks_earlier_year("the previous " * 50_000) is False
    assert gives_earlier_year("in 2023/24 " * 50_000) is False  # one period, however often
    assert gives_earlier_year("in 2023/24 in 2022/23 " * 25_000) is True
    assert asks_other_councils("which councils " * 30_000) is False
    assert other_councils_named("Aa " * 50_000, ("Fenwick",)) == ()
    assert time.perf_counter() - start < 60


def test_a_count_of_something_common_comes_with_what_it_is_narrowed_to():
    from rag.abstain import counts_within_topic

    question = "How many people in Fenwick used direct payments?"
    query = _query(question, kind="number")
    texts = ["People were waiting.", "People told us so.", "Most people were happy.", "Direct payments were used."]
    weights, settings = TermWeights([candidate(t).passage.chunk for t in texts]), Settings()  # "people" is common
    assert not counts_within_topic(query, candidate("About 2,860 people were getting long-term support."), weights, settings)
    assert counts_within_topic(query, candidate("In 2023/24, 1,260 people received direct payments."), weights, settings)
    assert counts_within_topic(_query("What did Fenwick say about people?", kind="description"),
                               candidate("About 2,860 people were getting long-term support."), weights, settings)
    off = Settings(rules=Rules(narrowed_count_check=False))
    assert counts_within_topic(query, candidate("About 2,860 people were getting long-term support."), weights, off)


def test_a_count_narrowed_by_a_specific_word_comes_with_that_word():
    from rag.abstain import counts_within_topic

    query = _query("How many people did Fenwick's reablement service support in 2023/24?", kind="number")
    texts = ["People were supported.", "Support was good.", "People told us so.", "Support varied.",
             "The service helped.", "Most people were happy.", "Reablement helped people."]
    weights, settings = TermWeights([candidate(t).passage.chunk for t in texts]), Settings()
    common = candidate("About 1,920 people were receiving long-term support in 2023/24.")
    assert not counts_within_topic(query, common, weights, settings)  # "support" is common; "reablement" is not
    assert counts_within_topic(query, candidate("Reablement helped 840 people in 2023/24."), weights, settings)
    everywhere = Settings(specific_share=0.0)  # no word is specific: any of them will do
    assert counts_within_topic(query, common, weights, everywhere)


@pytest.mark.parametrize("question,condition", [
    ("How many of the safeguarding concerns Fenwick received in 2023/24 related to self-neglect?", "related to self-neglect"),
    ("How many of Fenwick's safeguarding concerns in 2023/24 involved exploitation?", "involved exploitation"),
    ("Of the young people who moved into adult services in 2023/24, how many were autistic?", "were autistic"),
    ("How many of Fenwick's 2022/23 complaints were upheld?", "were upheld"),
    ("How many of its day centres was Fenwick proposing to close?", "was Fenwick proposing to close"),
    ("How many people in Fenwick used direct payments?", ""),
    ("How many safeguarding concerns did Fenwick receive?", ""),
    ("What proportion of Fenwick's safeguarding concerns in 2023/24 involved scams?", "involved scams"),
    ("How many carers' assessments were for young carers?", "were for young carers"),
])
def test_what_a_count_of_part_of_a_whole_says_the_part_did(question, condition):
    from rag.answer_types import part_condition

    assert part_condition(question) == condition


#: A count of part of a whole, a sentence counting only the whole, and one counting the part: the part's words
#: leave out the whole's ("carers' assessments … were for young adult carers": not "carers").
PART_COUNTS = [
    ("How many of Fenwick's safeguarding concerns in 2023/24 involved financial abuse?",
     "The council received 2,870 safeguarding concerns in 2023/24.", "Of these, 410 involved financial abuse."),
    ("How many carers' assessments in Fenwick were for young adult carers?",
     "It completed 1,680 carers' assessments in 2024/25.", "Of these, 140 were for young adult carers."),
]


@pytest.mark.parametrize("question,whole,part_given", PART_COUNTS)
def test_a_count_of_part_of_a_whole_names_the_part(question, whole, part_given):
    from rag.abstain import narrowed_as_asked, part_terms

    query = _query(question, kind="number")
    texts = ["Concerns were screened.", "Abuse was reported.", "Carers were assessed.", "Young people moved on.",
             "Adult care was busy.", "Staff told us so."]
    weights, settings = TermWeights([candidate(t).passage.chunk for t in texts]), Settings()
    part = part_terms(query, weights, settings)
    assert not narrowed_as_asked(candidate(whole), part, weights)
    assert narrowed_as_asked(candidate(part_given), part, weights)
    assert part_terms(_query("How many safeguarding concerns did Fenwick receive?", kind="number"), weights, settings) is None
    assert part_terms(query, weights, Settings(rules=Rules(part_count_check=False))) is None


def test_a_part_asked_in_plain_words_is_found_in_the_reports_words():
    from rag.abstain import narrowed_as_asked, part_terms

    query = _query("How many of Fenwick's social work jobs are being done by temps?", kind="number")
    texts = ["Social work posts were filled.", "Agency staff were used.", "Staff told us so.", "Work was done."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    part = part_terms(query, weights, Settings())
    assert narrowed_as_asked(candidate("18% of social work posts were filled by agency staff."), part, weights)
    assert not narrowed_as_asked(candidate("The vacancy rate for social work posts was 21%."), part, weights)
    # a word the reports use is not widened to theirs for its kind ("neglect" to "safeguarding")
    query = _query("How many of Fenwick's section 42 enquiries were about self-neglect?", kind="number")
    weights = TermWeights([candidate(t).passage.chunk for t in (*texts, "Self-neglect was common.")])
    part = part_terms(query, weights, Settings())
    assert not narrowed_as_asked(candidate("It received 1,874 safeguarding concerns, and 388 led to enquiries."),
                                 part, weights)


def test_the_time_of_the_assessment_is_no_part_of_what_a_part_did():
    from rag.abstain import part_terms

    query = _query("How many of the actions in Fenwick's plan had been completed by the time of the CQC assessment?",
                   kind="number")
    texts = ["The CQC assessment took place in 2024.", "The plan had actions.", "Staff told us so.", "Work completed."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    assert part_terms(query, weights, Settings()) == weights.terms("completed")


@pytest.mark.parametrize("question,noun", [
    ("What was the England average for people still at home 91 days after reablement?", "average"),
    ("What is Fenwick's target time for completing a safeguarding enquiry?", "target"),
    ("What was the national rate of carers' assessments?", "rate"),
    ("What was the average wait in Fenwick?", None),  # the council's own average
    ("What was Fenwick's standard hourly rate for home care?", None),
    ("How many enquiries were completed within the target time?", None),
    ("What fee uplift did Fenwick's neighbouring councils give providers?", "neighbouring councils"),  # their figure
    ("What fee uplift did Fenwick give providers?", None),
    ("What England average figure was Fenwick's 31% take-up compared against?", "average"),
    ("What England figure was Fenwick's take-up?", None),
    ("What was the average hourly rate paid by councils in the North West, to compare with Fenwick?", "average"),
    ("What is the median wait across councils in England?", "median"),  # the others', not Fenwick's
    ("What was the average hourly rate paid by Fenwick to providers in the North West?", None),
    ("What is the average share on direct payments across the councils in Fenwick's region?", "average"),
    ("What was the average share of good providers in the areas CQC judged similar to Fenwick?", "average"),
    ("What was the average share of good providers in the areas of Fenwick with most care homes?", None),  # its own
])
def test_reference_asked(question, noun):
    from rag.yardsticks import reference_asked

    assert reference_asked(question) == noun


@pytest.mark.parametrize("sentence,noun,expected", [
    ("The council's target was to complete enquiries within 28 days.", "target", True),
    ("Enquiries had a 28-day target.", "target", True),
    ("This was below the England average of 82%.", "average", True),
    ("Only 58% of enquiries were completed within the council's target time.", "target", False),
    ("79% were still at home 91 days later, below the England average.", "average", False),
    ("The council agreed a 6% uplift, which providers said was lower than neighbouring areas.", "neighbouring councils",
     False),  # the council's own figure, set against theirs
    ("The council agreed a 6% uplift, while neighbouring councils gave 8%.", "neighbouring councils", True),
])
def test_gives_reference_value(sentence, noun, expected):
    from rag.yardsticks import gives_reference_value

    assert gives_reference_value(sentence, noun) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Adaptations were completed in an average of 16 weeks, faster than the regional average.", False),  # its own
    ("Adaptations took 16 weeks on average, against a regional average of 21 weeks.", True),
    ("Adaptations took 16 weeks, against 21 weeks, the regional average.", True),
    ("Adaptations took an average of 16 weeks, against an England average of 21 weeks.", False),  # another reach
])
def test_a_yardstick_s_figure_is_of_the_reach_asked(sentence, expected):
    from rag.yardsticks import gives_reference_value, reference_asked, reference_reach

    question = "What is the regional average time for adaptations that Fenwick is compared with?"
    assert reference_reach(question) == "regional"
    assert gives_reference_value(sentence, reference_asked(question), reference_reach(question)) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("71% were at home 91 days later, below the England average of 83%.",
     "How did it compare with the Yorkshire and the Humber regional average?", False),  # England's, not the region's
    ("71% were at home 91 days later, below the England average of 83%.", "How did it compare nationally?", True),
    ("Waits were longer than the regional average.", "How did waits compare with the England average?", False),
    ("Waits were longer than the regional average and the England average.", "How did waits compare with the regional "
     "average?", True),
    ("Waits were longer than in similar councils.", "How did waits compare with the regional average?", True),
    ("Waits were longer than the England average.", "How did waits compare with similar councils?", True),
    ("Waits were longer than the England average.", "How did waits compare with the average for the North West?",
     False),
])
def test_a_benchmark_given_must_reach_as_far_as_the_one_asked(sentence, question, expected):
    assert gives_benchmark(sentence, benchmark_asked(question)) is expected


def test_a_regions_figure_is_a_benchmark_given():
    assert gives_benchmark("83% needed no further support, above the South West average of 79%.")
    assert not gives_benchmark("83% of people in the South West needed no further support.")


def test_neighbouring_areas_are_no_national_benchmark():
    from rag.yardsticks import benchmark_asked, gives_benchmark

    england = benchmark_asked("How did Fenwick's 6% fee uplift compare with the average uplift across England?")
    assert not gives_benchmark("The uplift of 6% was lower than in neighbouring areas.", england)
    assert gives_benchmark("The uplift of 6% was below the England average.", england)
    regional = benchmark_asked("How did Fenwick's fee uplift compare with the regional average?")
    assert not gives_benchmark("The uplift was lower than in neighbouring areas.", regional)
    assert gives_benchmark("The uplift was lower than in neighbouring areas.")  # no reach asked


def test_the_average_for_councils_in_a_region_is_a_regional_benchmark():
    from rag.yardsticks import benchmark_reach

    asked = benchmark_asked("How does Fenwick's number of Shared Lives carers compare with the average for councils "
                            "in the North West?")
    assert asked is not None and benchmark_reach(asked.words) == "regional"
    assert not gives_benchmark("Fenwick had 41 Shared Lives carers, above the England average.", asked)
    assert gives_benchmark("Fenwick had 41 Shared Lives carers, above the regional average.", asked)
    assert benchmark_asked("What was the average for councils' own homes?") is None


def test_a_question_asking_why_states_its_comparison_and_asks_for_the_reason():
    question = "How did Fenwick's leaders explain reablement outcomes that were below the England average?"
    weights, settings = TermWeights([]), Settings()
    cause = candidate("Leaders explained that the reablement team took on people with more complex needs.")
    assert benchmark_not_given(_query(question, kind="reason"), [cause], weights, settings) is None
    assert benchmark_not_given(_query("How did Fenwick's reablement outcomes compare with the England average?"),
                               [cause], weights, settings)


def test_a_city_regions_average_is_a_regional_benchmark():
    asked = benchmark_asked("How does Fenwick's 71% of care homes rated good compare with the Greater Manchester average?")
    assert asked is not None
    assert not gives_benchmark("71% of care homes in the borough were rated good or outstanding.", asked)
    assert gives_benchmark("71% were rated good, above the Greater Manchester average of 68%.", asked)


@pytest.mark.parametrize("sentence,reach,gives", [
    ("The vacancy rate was 13.4% in 2023 to 2024, well above the England average.", "national", False),  # its own
    ("The vacancy rate was 7.9% in 2023 to 2024, below the London average.", "regional", False),
    ("Reablement worked for 84%, the England average.", "national", True),
    ("Reablement worked for 80%, against an England average of 82%.", "national", True),
    ("The share of homes rated good was below the regional average, at 71%.", "regional", False),  # its own, after
])
def test_a_figure_set_against_a_yardstick_is_not_the_yardstick_s(sentence, reach, gives):
    from rag.yardsticks import gives_reference_value

    assert gives_reference_value(sentence, "average", reach) is gives


@pytest.mark.parametrize("question,noun", [
    ("What was the North West average share of care homes rated good, which Fenwick fell below?", "average"),
    ("What is the average for similar councils on the share of people asked about outcomes?", "average"),
    ("What was the average wait in Fenwick?", None),
])
def test_a_yardstick_s_own_figure_asked_by_its_region_or_peers(question, noun):
    from rag.yardsticks import reference_asked

    assert reference_asked(question) == noun
