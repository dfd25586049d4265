"""The wording of abstention reasons: the topic the reports do mention, and the council's possessive."""

import re

import pytest

from rag.abstain import possessive, topic_phrase
from tests.helpers import candidate


def test_possessive_of_a_council_ending_in_s():
    assert possessive("Tower Hamlets") == "Tower Hamlets'"
    assert possessive("Harrow") == "Harrow's"


def test_topic_phrase_is_not_the_council_nor_ends_in_a_small_word():
    sentences = ["In Tower Hamlets, people were waiting for an occupational therapy assessment."]
    question = "How many Tower Hamlets people were waiting for an occupational therapy assessment?"
    phrase = topic_phrase(question, sentences, ("Tower Hamlets",))
    assert phrase.casefold() in sentences[0].casefold() and not phrase.startswith("Tower")
    assert topic_phrase("How many Tower Hamlets staff waited for?", ["Staff in Tower Hamlets waited for news."],
                        ("Tower Hamlets",)) == ""
    assert topic_phrase("Who runs Tower Hamlets?", sentences, ("Tower Hamlets",)) == ""
    reablement = ["82% of people who finished reablement needed no ongoing care, or less care."]  # no "needed no"
    assert topic_phrase("what % of people aged 18-64 needed no further care?", reablement, ()) == ""
    assert topic_phrase("what % needed no care, or less care, after it?", reablement, ()) == "less care"


def test_a_score_from_an_earlier_assessment_is_not_in_the_reports():
    from rag.abstain import earlier_assessment
    from rag.records import Query

    def query(text, kind):
        return Query(text=text, asked=text, councils=("Fenwick",), answer_type=kind)

    assert earlier_assessment(query("What score did Fenwick get in its previous CQC assessment?", "rating"), None)
    assert earlier_assessment(query("What percentage score did Fenwick get in its previous CQC local authority "
                                    "assessment?", "overall"), None)  # three words before "assessment"
    assert earlier_assessment(query("What score did Fenwick get for safeguarding?", "rating"), None) is None
    assert earlier_assessment(query("What did the previous report say about carers?", "description"), None) is None


def test_a_figure_for_another_period_does_not_answer_unless_one_for_the_period_asked_is_found():
    from rag.abstain import period_not_given
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    question = "How many people were waiting for a Care Act assessment in 2023/24?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="number")
    weights, settings = TermWeights([]), Settings()
    other = candidate("In 2022/23, 980 people were waiting for a Care Act assessment.")
    undated = candidate("At that time 900 people were waiting for a Care Act assessment.",
                        "The plan ran in 2022/23. At that time 900 people were waiting for a Care Act assessment.")
    asked = candidate("In 2023/24, 1,184 people were waiting for a Care Act assessment.")
    assert "2022/23" in period_not_given(query, [other], weights, settings)
    assert "2022/23" in period_not_given(query, [undated], weights, settings)  # dated by its passage
    assert period_not_given(query, [other, asked], weights, settings) is None
    never = candidate("Around 900 people were waiting for a Care Act assessment.")
    assert "without saying when" in period_not_given(query, [never], weights, settings)  # undated, passage too
    assert period_not_given(query, [never, asked], weights, settings) is None
    heading = candidate("Financial facts for 2023/24: the council's budget was £90 million.")
    assert period_not_given(query, [never, heading], weights, settings) is None  # named nearby, by its council


def test_a_figure_dated_by_the_assessment_does_not_answer_for_a_month_or_year_not_said_to_be_its():
    from rag.abstain import dated_to_assessment_instead, period_not_given
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    def query(text):
        return Query(text=text, asked=text, councils=("Fenwick",), answer_type="number")

    weights, settings = TermWeights([]), Settings()
    at_assessment = candidate("At the time of our assessment, 210 people were waiting for a therapy assessment.")
    in_month = candidate("In June 2023, 340 people were waiting for a therapy assessment.")
    back_then = query("How many people were waiting for a therapy assessment in Fenwick back in June 2023?")
    assert "time of CQC's assessment" in period_not_given(back_then, [at_assessment], weights, settings)
    assert period_not_given(back_then, [at_assessment, in_month], weights, settings) is None
    assert not dated_to_assessment_instead(back_then, in_month)
    # asked at the assessment's time (with its year), or with no period at all: the figure answers
    assert not dated_to_assessment_instead(query("How many were waiting at the time of the 2024 assessment?"),
                                           at_assessment)
    assert period_not_given(query("How many people were waiting for a therapy assessment?"), [at_assessment],
                            weights, settings) is None


def test_the_period_asked_must_date_the_figure_given_not_another_one_in_its_sentence():
    from rag.abstain import period_not_given
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    def query(text):
        return Query(text=text, asked=text, councils=("Fenwick",), answer_type="number")

    weights, settings = TermWeights([]), Settings()
    savings = candidate("The council balanced its budget in 2023/24 and planned savings of £3.1 million in 2024/25.")
    asked_before = query("How much did Fenwick plan to save in 2023/24?")
    assert "2024/25" in period_not_given(asked_before, [savings], weights, settings)
    assert period_not_given(query("How much did Fenwick plan to save in 2024/25?"), [savings], weights, settings) is None
    framed = candidate("In 2023/24, the council spent £5.2 million, and 300 people used direct payments.")
    assert period_not_given(query("How many people used direct payments in 2023/24?"), [framed], weights,
                            settings) is None


def test_topic_phrase_does_not_start_inside_a_figure():
    question = "How much of the £3.2 million savings target had been delivered?"
    assert topic_phrase(question, ["The programme set a savings target of £3.2 million."]) == "savings target"


def test_topic_phrase_starts_on_no_preposition():
    question = "How many adults were placed outside the borough?"
    assert topic_phrase(question, ["Families lived outside the borough."]) == ""  # not "Fenwick's outside the borough"


def test_topic_phrase_holds_no_date():
    question = "How many people were overdue an annual review at the end of March 2025?"
    sentences = ["At the end of March 2025, 46 people were waiting for home care, and each annual review was late."]
    assert topic_phrase(question, sentences) == "annual review"


def test_a_yardsticks_own_figure_asked_for_is_not_given_by_a_sentence_that_only_names_it():
    from rag.abstain import reference_value_not_given
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    question = "What is Fenwick's target time for completing a safeguarding enquiry?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="duration")
    named = candidate("Only 58% of safeguarding enquiries were completed within the council's target time.")
    given = candidate("The council's target was to complete a safeguarding enquiry within 28 days.")
    weights, settings = TermWeights([named.passage.chunk, given.passage.chunk]), Settings()
    assert "target" in reference_value_not_given(query, [named], weights, settings)
    assert reference_value_not_given(query, [named, given], weights, settings) is None
    question = "What was the average hourly rate paid by councils in the North West, for comparison with Fenwick?"
    lowest = candidate("Fenwick paid £20.55 an hour, one of the lowest rates in the North West.")
    for councils, expected in ((("Fenwick",), True), (("Fenwick", "Kelby"), False)):  # one council's yardstick
        query = Query(text=question, asked=question, councils=councils, answer_type="number", comparative=True)
        reason = reference_value_not_given(query, [lowest], TermWeights([lowest.passage.chunk]), settings)
        assert (reason is not None) is expected


def test_a_month_that_dates_another_figure_of_the_sentence_does_not_date_the_one_asked():
    from rag.abstain import dated_to_assessment_instead, period_not_given
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    question = "What was the median wait for a Care Act assessment in Fenwick in January 2024?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="duration")
    mixed = candidate("At the time of our assessment 38 people were waiting for a Care Act assessment, down from 290 in "
                      "January 2024, and people waited a median of 11 days.")
    dated = candidate("In January 2024 people waited a median of 23 days for a Care Act assessment.")
    assert dated_to_assessment_instead(query, mixed)
    assert "time of CQC's assessment" in period_not_given(query, [mixed], TermWeights([]), Settings())
    assert not dated_to_assessment_instead(query, dated)
    assert period_not_given(query, [mixed, dated], TermWeights([]), Settings()) is None


def test_a_figure_of_the_period_asked_counts_only_when_it_is_about_the_topic():
    from dataclasses import replace

    from rag.abstain import period_not_given
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    question = "How many Fenwick residents were in care homes outside the borough in December 2023?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="number")
    placed = candidate("In December 2024, 74 people were placed in care homes outside the borough.")
    other = replace(candidate("Around 3,420 people were receiving long-term support in December 2023."),
                    relevance=0.45)  # of the period asked, but about everyone supported
    texts = ["People were waiting.", "People told us so.", "Care homes were good.", "Support was good.",
             "The borough grew.", "Residents were happy."]
    weights, settings = TermWeights([candidate(t).passage.chunk for t in texts]), Settings()
    assert "December 2024" in period_not_given(query, [placed, other], weights, settings)
    close = replace(other, relevance=0.75)  # as close to the question as the best figure: it may answer
    assert period_not_given(query, [placed, close], weights, settings) is None


def number_question(question: str):
    """A question of Fenwick's asking for a figure, with empty term weights and the default settings."""
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    return Query(text=question, asked=question, councils=("Fenwick",), answer_type="number"), TermWeights([]), Settings()


def alone(sentence: str):
    """A candidate for ``sentence``, term weights over its passage alone, and the default settings."""
    from rag.config import Settings
    from rag.terms import TermWeights

    said = candidate(sentence)
    return said, TermWeights([said.passage.chunk]), Settings()


def fenwick_weights(*candidates):
    """Term weights of the candidates' passages among four passages on other topics, with Fenwick a council's name."""
    from rag.terms import TermWeights

    others = ["People were waiting.", "Care homes were good.", "The borough grew.", "Residents were happy."]
    return TermWeights([*(c.passage.chunk for c in candidates), *(candidate(t).passage.chunk for t in others)],
                       names=["Fenwick"])


def fenwick_question(question: str, kind: str):
    """A question of Fenwick's asking for ``kind`` of answer."""
    from rag.records import Query

    return Query(text=question, asked=question, councils=("Fenwick",), answer_type=kind)


def test_a_year_s_count_does_not_answer_for_the_time_of_the_assessment():
    from rag.abstain import period_not_given

    query, weights, settings = number_question(
        "How many section 42 enquiries were still open in Fenwick at the time of the assessment?")
    year = candidate("In 2023/24, 640 safeguarding concerns led to a section 42 enquiry.")
    month = candidate("In March 2025, 85 section 42 enquiries were open.")
    at_time = candidate("At the time of our assessment, 85 section 42 enquiries were open.")
    assert "2023/24" in period_not_given(query, [year], weights, settings)
    assert period_not_given(query, [year, month], weights, settings) is None  # a month may be the assessment's
    assert period_not_given(query, [year, at_time], weights, settings) is None


def test_a_count_of_days_is_a_length_of_time_not_a_rare_thing_that_picks_the_topic():
    from rag.abstain import counts_a_rare_thing, narrowing_terms
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights
    texts = ["People waited 12 days for an assessment.", "Complaints were answered.", "Staff were kind.",
             "Care was good.", "Carers were supported."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    question = "How many days did Fenwick take to respond to complaints?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="number")
    assert not counts_a_rare_thing(query, weights, Settings())  # "12 days" may be another thing's wait
    assert "respond" in narrowing_terms(query, weights, Settings())  # so the count must be of responding
    rare = "How many DoLS applications did Fenwick receive?"
    assert counts_a_rare_thing(Query(text=rare, asked=rare, councils=("Fenwick",), answer_type="number"), weights,
                               Settings())


def _count(question: str):
    return fenwick_question(question, "number")


def test_the_measure_of_a_figure_does_not_narrow_a_count():
    from rag.abstain import narrowing_terms
    from rag.config import Settings
    from rag.terms import TermWeights

    texts = ["The average wait was 12 days.", "Complaints were answered.", "Staff were kind.", "Care was good.",
             "Carers were supported.", "The median wait fell.", "Homes were full."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    narrowing = narrowing_terms(_count("On average, how many days did Fenwick take to respond to complaints?"),
                                weights, Settings())
    assert "averag" not in narrowing and "respond" in narrowing  # "the average wait" is no response time


def test_the_list_whose_length_is_asked_is_what_is_counted_not_what_narrows_it():
    from rag.abstain import narrowing_terms
    from rag.config import Settings
    from rag.terms import TermWeights

    texts = ["410 applications were waiting.", "The occupational therapy service was busy.", "Staff were kind.",
             "Care was good.", "Carers were supported.", "Homes were full.", "The list was long."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    narrowing = narrowing_terms(_count("How long is the waiting list for occupational therapy in Fenwick?"),
                                weights, Settings())
    assert narrowing == {"occup", "therapi"}  # neither the list nor "how long"
    assert narrowing_terms(_count("How long were people on the waiting list in Fenwick?"), weights, Settings()) is None


def test_when_a_count_runs_and_how_holders_held_a_post_do_not_narrow_it():
    from rag.abstain import narrowing_terms
    from rag.config import Settings
    from rag.terms import TermWeights

    texts = ["Fenwick had four directors of adult social services since 2021.", "People answered complaints.",
             "Staff were kind to people.", "Care was good, people said.", "Carers and people were supported.",
             "Homes were full.", "The charge rose."]  # people are common: they pick out no topic
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    narrowing = narrowing_terms(_count("How many people have been in charge of adult social services in Fenwick "
                                       "since 2021?"), weights, Settings())
    assert not narrowing & {"sinc", "charg"}  # "four directors" says who was in charge, and since when
    narrowing = narrowing_terms(_count("How many people in Fenwick paid a charge for care since 2021?"), weights,
                                Settings())
    assert "charg" in narrowing and "sinc" not in narrowing  # a charge paid is what is counted


def test_a_share_is_narrowed_to_its_topic_not_to_the_people_it_is_of():
    from rag.abstain import counts_within_topic, narrowing_terms
    from rag.config import Rules, Settings
    from rag.terms import TermWeights

    texts = ["Around 24% of residents are aged 65 or over.", "There were 81 care homes, and 79% were rated good.",
             "Nursing care was the main gap.", "Staff were kind.", "Carers were supported.", "The list was long.",
             "People used direct payments.", "The population grew.", "Homes were full.", "Home care was good.",
             "People went home."]  # homes and care are common: they pick out no topic
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    nursing = _count("What percentage of Fenwick's 81 care homes provide nursing care?")
    assert "nurs" in narrowing_terms(nursing, weights, Settings())
    assert not counts_within_topic(nursing, candidate(texts[1]), weights, Settings())  # rated good, not nursing
    aged = _count("What share of the population of Fenwick is 65 or older?")
    assert not narrowing_terms(aged, weights, Settings())  # the people it is of and their age narrow nothing
    assert counts_within_topic(aged, candidate(texts[0]), weights, Settings())
    living = _count("What share of people living in Fenwick are 65 or older?")
    assert not narrowing_terms(living, weights, Settings())  # where they live narrows nothing either
    assert narrowing_terms(_count("What share of people living in care homes are 65 or older?"), weights, Settings())
    assert counts_within_topic(nursing, candidate(texts[1]), weights, Settings(rules=Rules(narrowed_count_check=False)))


def test_any_figure_asked_is_narrowed_to_its_topic_not_to_the_field_it_sits_in():
    from rag.abstain import counts_within_topic, narrowing_terms
    from rag.config import Settings
    from rag.terms import TermWeights

    texts = ["It received 142 complaints about adult social care in 2023/24.", "Staff turnover was 19% in 2023/24.",
             "Adult social care had a balanced budget.", "Staff were kind.", "Carers were supported.",
             "Adult social care staff were proud.", "People went home.", "The list was long.", "Homes were full."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    turnover = _count("What was staff turnover in Fenwick's adult social care department in 2023/24?")
    assert "turnov" in narrowing_terms(turnover, weights, Settings())
    assert not narrowing_terms(turnover, weights, Settings()) & {"adult", "social", "care"}  # the field narrows nothing
    assert not counts_within_topic(turnover, candidate(texts[0]), weights, Settings())  # complaints, not turnover
    assert counts_within_topic(turnover, candidate(texts[1]), weights, Settings())
    source = _count("What was staff turnover in Fenwick in 2023/24, according to its CQC assessment?")
    assert narrowing_terms(source, weights, Settings()) == {"turnov"}  # where the figure is told is not its topic
    dated = _count("What was staff turnover in Fenwick at the end of March 2024?")
    assert narrowing_terms(dated, weights, Settings()) == {"turnov"}  # nor when in a period it was taken
    assert narrowing_terms(_count("What is the population of Fenwick?"), weights, Settings()) is None  # checked as one


def test_a_council_named_by_another_name_is_no_part_of_the_topic():
    from dataclasses import replace

    from rag.abstain import aliases_used

    staffs = replace(_count("How many care homes are there in Staffs?"), councils=("Staffordshire",))
    assert aliases_used(staffs) == ["staffs"]
    assert aliases_used(replace(staffs, text="How many staff does Staffordshire have?")) == ["staffordshire"]


def test_a_topic_named_after_the_council_takes_no_possessive():
    from rag.abstain import asked_thing_missing
    from rag.config import Settings
    from rag.terms import TermWeights

    question = "How many members did the Fenwick Voices Panel have when it was first set up?"
    panel = candidate("The Fenwick Voices Panel had 38 members.")
    reason = asked_thing_missing(_count(question), [panel], TermWeights([panel.passage.chunk]), Settings())
    assert "the Fenwick Voices Panel" in reason and "Fenwick's Fenwick" not in reason
    waits = candidate("Fenwick's assessment waits were long.")
    reason = asked_thing_missing(_count("How many people in Fenwick had assessment waits over a year?"), [waits],
                                 TermWeights([waits.passage.chunk]), Settings())
    assert "Fenwick's assessment waits" in reason  # the council's own topic keeps its possessive


def test_a_topic_phrase_does_not_end_on_a_word_that_names_nothing():
    sentences = ["The council planned to open a new nursing home with a partner by 2027."]
    phrase = topic_phrase("Which partner is Fenwick working with to open a new nursing home?", sentences, ("Fenwick",))
    assert phrase.endswith("nursing home")
    assert topic_phrase("Which partner will help open a new nursing home?", ["They would open a new hub."]) == ""
    question = "What share of people in Fenwick were from an ethnic minority background?"
    assert topic_phrase(question, ["Staff were from an ethnic minority background."]) == "ethnic minority background"
    assert topic_phrase("How many people each day were stuck in hospital?", ["Each day were few."]) == "each day"


def test_a_sentence_may_hold_the_topic_in_the_question_s_words_or_the_reports():
    from rag.abstain import holds_topic, wordings
    from rag.config import Settings
    from rag.terms import TermWeights

    texts = ["There was no waiting list for homecare.", "Direct payments were used by 31%.", "Take-up was high.",
             "Staff were kind.", "Care was good."]
    weights, settings = TermWeights([candidate(t).passage.chunk for t in texts]), Settings()
    listed = wordings("Which councils had no waiting list for homecare?", weights)
    assert len(listed) == 2 and holds_topic(listed, texts[0], weights, settings)  # the reports say "waiting list" too
    took = wordings("Which councils had high direct payments take-up?", weights)
    assert holds_topic(took, texts[1], weights, settings)  # "used" is the reports' word for take-up
    assert not holds_topic(took, texts[3], weights, settings)
    assert wordings("Which councils had high direct payments?", weights) == (
        weights.focus(weights.terms("Which councils had high direct payments?")),)  # no plain words: one wording


def test_a_name_the_question_gives_must_be_in_the_council_s_passages():
    from rag.abstain import name_not_found, names_asked
    from rag.config import Settings
    from rag.records import Query

    def query(text):
        return Query(text=text, asked=text, councils=("Fenwick",), answer_type="number")

    found = [candidate("The Connect at Home pilot reached 310 people in 2023/24.")]
    elsewhere = [candidate("Technology-enabled care reached 7,900 people in 2023/24.")]
    question = "How many people in Fenwick used the Connect at Home pilot?"
    assert name_not_found(query(question), elsewhere, None, Settings()) == \
        "The reports for Fenwick do not mention Connect at Home."
    assert name_not_found(query(question), found, None, Settings()) is None
    assert name_not_found(query("How many people in Fenwick used the Connect At Home service?"), found, None,
                          Settings()) is None  # any case; a kind word the report leaves off
    assert name_not_found(query("How many people in Fenwick used technology-enabled care?"), elsewhere, None,
                          Settings()) is None  # no name asked
    assert names_asked("Which Shared Lives carers did Fenwick Borough Council approve?") == ["Shared Lives"]
    assert names_asked("What score did Fenwick get for Safe Pathways, Systems and Transitions?") == []  # headings
    assert names_asked("HOW MANY PEOPLE WERE WAITING IN FENWICK?") == []  # capitals that say nothing
    assert names_asked("How much time does the ScribeAssist tool save Fenwick's staff?") == ["ScribeAssist"]
    assert names_asked("How much did Wokingham Borough Council and NHS partners pool?", ("Wokingham",)) == []  # formal
    assert names_asked("What did the Royal Borough of Greenwich Carers Hub do?", ("Greenwich",)) == ["Carers Hub"]
    assert names_asked("How many DoLS applications did McNeil House make in Fenwick?") == ["McNeil House"]  # one word
    assert names_asked("How many DoLS applications were waiting in Fenwick?") == []  # initials, not a name
    scribe = query("How much time does the ScribeAssist tool save Fenwick's staff?")
    assert name_not_found(scribe, elsewhere, None, Settings()) == "The reports for Fenwick do not mention ScribeAssist."
    assert name_not_found(scribe, [candidate("ScribeAssist saved staff 40 minutes an assessment.")], None,
                          Settings()) is None


@pytest.mark.parametrize("question,places", [
    ("How many flats will the new scheme in Dunmore have?", ["Dunmore"]),
    ("How many people were waiting in March?", []),  # a month
    ("How many were waiting in Staffordshire?", []),  # a council
    ("What happened in Safeguarding?", []),  # one of the assessment's headings
    ("How many people in the county were waiting?", []),  # no capital
])
def test_places_a_question_names(question, places):
    from rag.abstain import places_asked

    assert places_asked(question) == places


def test_a_name_is_found_by_its_initials_or_its_section_heading():
    from rag.abstain import name_not_found
    from rag.config import Settings
    from rag.records import Query

    def query(text):
        return Query(text=text, asked=text, councils=("Fenwick",), answer_type="number")

    question = "How many Deprivation of Liberty Safeguards applications were waiting in Fenwick?"
    assert name_not_found(query(question), [candidate("At the time, 860 DoLS applications were waiting.")], None,
                          Settings()) is None
    assert name_not_found(query(question), [candidate("At the time, 860 applications were waiting.")], None,
                          Settings()) == "The reports for Fenwick do not mention Deprivation of Liberty Safeguards."


def test_the_name_rule_can_be_switched_off():
    from rag.abstain import name_not_found
    from rag.config import Rules, Settings
    from rag.records import Query

    question = "How many people in Fenwick used the Connect at Home pilot?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="number")
    elsewhere = [candidate("Technology-enabled care reached 7,900 people in 2023/24.")]
    assert name_not_found(query, elsewhere, None, Settings())
    assert name_not_found(query, elsewhere, None, Settings(rules=Rules().without("name_check"))) is None


def test_a_sentence_in_the_reports_words_for_the_questions_plain_ones_is_on_its_topic():
    from dataclasses import replace

    from rag.abstain import near_topic
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    question = "How many got back on their feet?"  # the reports say "reablement" or "intermediate care"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="number")
    best = candidate("Fenwick ran a hospital discharge team for people after a stay in hospital.")
    reworded = replace(candidate("Intermediate care and reablement helped 900 people in 2024."), relevance=0.5)
    other = replace(candidate("The carers' centre supported 900 people in 2024."), relevance=0.5)
    weights = TermWeights([c.passage.chunk for c in (best, reworded, other, candidate("Staff were kind."))])
    assert near_topic(query, [best, reworded, other], weights, Settings()) == [best, reworded]


@pytest.mark.parametrize("text,expected", [
    ("In 2025, 58 young people were expected to move to adult services.", True),  # no age 14
    ("The Preparing for Adulthood panel started planning with young people from the age of 14.", False),
])
def test_a_comparison_at_a_figure_lists_only_councils_whose_sentence_gives_it(text, expected):
    from rag.abstain import figure_left_out

    assert figure_left_out(text, "Which councils begin planning with young people from the age of 14?") is expected
    assert figure_left_out(text, "Which councils begin planning with young people early?") is False  # no figure asked
    assert figure_left_out(text, "Which councils expected more than 40 young people to move?") is False  # a bound


def test_a_financial_year_s_count_does_not_answer_for_one_month_of_it():
    from rag.abstain import of_period_asked, period_not_given
    from rag.periods import periods

    query, weights, settings = number_question(
        "How many section 42 enquiries did Fenwick have open at the end of January 2025?")
    year = candidate("In 2024/25, the council started 880 section 42 enquiries.")
    month = candidate("In January 2025, 120 section 42 enquiries were open.")
    assert "2024/25" in period_not_given(query, [year], weights, settings)
    assert period_not_given(query, [year, month], weights, settings) is None
    # a calendar year may be written for a month of it; a year asked is answered by its financial year
    assert of_period_asked(periods("in November 2024"), periods("in 2024"))
    assert of_period_asked(periods("in 2024/25"), periods("In 2024/25"))
    assert not of_period_asked(periods("in January 2025"), periods("In 2024/25"))


@pytest.mark.parametrize("question,kind", [
    ("Which languages are Fenwick's printed guides available in?", "languages"),
    ("what care homes did Fenwick close?", "homes"),
    ("What hours does the Fenwick helpline open?", None),  # a time, not members
    ("How many languages are the guides in?", None),
    ("Which councils scored 2 for safeguarding?", None),
    ("What are the names of the three neighbourhood areas where Fenwick's teams are based?", "areas"),
    ("what are the workstreams in Fenwick's improvement programme", "workstreams"),
    ("What are the Live Well Fenwick hubs and what do they offer?", None),  # what they are, not which
    ("Which 6 languages can Fenwick provide interpreters in?", "languages"),  # the count given is no answer
    ("Which 2024 reports were late?", None),  # a year is no count
])
def test_the_kind_whose_members_a_question_asks_for(question, kind):
    from rag.abstain import kind_asked

    assert kind_asked(question) == kind


def test_a_count_of_a_kind_does_not_say_which_ones():
    from rag.abstain import count_instead_of_members, counts_kind_only
    from rag.config import Rules, Settings
    from rag.records import Query
    from rag.terms import TermWeights

    assert counts_kind_only("Guides were available in GP surgeries in eight languages.", "languages")
    assert not counts_kind_only("Guides were available in eight languages, including Polish and Urdu.", "languages")
    assert not counts_kind_only("The languages most asked for were Polish and Urdu.", "languages")
    assert not counts_kind_only("Its move to a new system in March 2024 had caused problems.", "problems")  # a year
    assert not counts_kind_only("Guides were printed in several languages.", "languages")  # no count said
    assert counts_kind_only("Key leaflets went into the six most requested languages.", "languages")  # a superlative
    assert counts_kind_only("It translated letters into the six most requested languages, and trained staff.",
                            "languages")  # ", and" begins another clause, not the list of members
    assert not counts_kind_only("Letters went into the six most requested languages, Polish, Urdu and Tamil among them.",
                                "languages")
    assert not counts_kind_only("The board set three priorities for the year: self-neglect, care homes and scams.",
                                "priorities")
    question = "Which languages are Fenwick's printed guides available in?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="description")
    weights, settings = TermWeights([]), Settings()
    counted = candidate("Printed guides were available in GP surgeries in eight languages.")
    listed = candidate("Printed guides were printed in Polish, Urdu, Bengali and Gujarati.")
    assert "eight" not in count_instead_of_members(query, [counted], weights, settings)
    assert "languages but not which" in count_instead_of_members(query, [counted], weights, settings)
    assert count_instead_of_members(query, [counted, listed], weights, settings) is None
    off = Settings(rules=Rules(answer_type_check=False))
    assert count_instead_of_members(query, [counted], weights, off) is None


def test_one_thing_of_a_kind_does_not_say_which():
    from rag.abstain import which_not_named
    from rag.config import Rules, Settings
    from rag.terms import TermWeights

    query = fenwick_question("Which local advice service does Fenwick partner with for money advice?", "description")
    some = candidate("Money advice was offered through a partnership with a local advice service.")
    named = candidate("Money advice was offered by Kelby Advice, a local advice service.")
    weights, settings = TermWeights([some.passage.chunk, named.passage.chunk]), Settings()
    assert which_not_named(query, [some], weights, settings) == \
        "The reports mention a local advice service but not which."
    assert which_not_named(query, [some, named], weights, settings) is None
    assert which_not_named(query, [some], weights, Settings(rules=Rules(answer_type_check=False))) is None


def test_a_later_value_of_a_figure_about_the_topic_is_about_it_too():
    from dataclasses import replace

    from rag.abstain import with_sequels

    first = candidate("In March 2022, 6,300 hours a week of home care could not be provided.")
    later = replace(candidate("By March 2025 this had fallen to 640 hours a week."),
                    before="In March 2022, 6,300 hours a week of home care could not be provided.")
    other = replace(candidate("By March 2025 this had fallen to 12 people."), before="Some other sentence.")
    assert with_sequels([first], [first, later, other]) == [first, later]
    assert with_sequels([], [first, later]) == []


def test_what_a_review_found_is_not_given_while_it_has_not_reported():
    from rag.abstain import findings_not_yet_reported
    from rag.config import Rules, Settings
    from rag.records import Query
    from rag.terms import TermWeights

    def query(text):
        return Query(text=text, asked=text, councils=("Fenwick",), answer_type="description")

    pending = candidate("They had commissioned an external safeguarding audit, due to report in September 2025.")
    found = candidate("An external safeguarding audit in 2024 found that risk plans were missing in 30% of cases.")
    weights, settings = TermWeights([pending.passage.chunk, found.passage.chunk]), Settings()
    asked = query("What did the external safeguarding audit in Fenwick conclude?")
    assert "not of what it found" in findings_not_yet_reported(asked, [pending], weights, settings)
    assert findings_not_yet_reported(asked, [pending, found], weights, settings) is None  # a finding is told
    assert findings_not_yet_reported(asked, [found], weights, settings) is None
    after = query("What did Fenwick do after the external safeguarding audit was commissioned?")
    assert findings_not_yet_reported(after, [pending], weights, settings) is None  # not asking what it found
    assert findings_not_yet_reported(asked, [pending], weights, Settings(rules=Rules(findings_check=False))) is None


@pytest.mark.parametrize("sentence,pending", [
    ("Fenwick had started a review of all its website listings in January 2025.", True),
    ("Leaders had asked a peer team from a neighbouring council to test their self-assessment.", True),
    ("The council worked with a local university to evaluate its reablement service.", True),
    ("It would decide after an evaluation by the university, due in the autumn of 2025.", True),
    ("Fenwick had a plan to review its assistive technology offer in 2025.", True),
    ("Fenwick was evaluating its Good Lives conversation model with a local university.", True),
    ("Next steps were to complete the review of Fenwick's locality model.", True),
    ("Leaders had commissioned research from a local university to understand why.", True),
    ("Fenwick reviewed all its website listings in January 2025.", False),  # done: its findings may be told
    ("The review of website listings found that a third were out of date.", False),
])
def test_what_a_begun_or_planned_review_found_is_not_given(sentence, pending):
    from rag.abstain import findings_not_yet_reported

    said, weights, settings = alone(sentence)
    for question in ("What were the main findings of Fenwick's review?", "What did Fenwick's evaluation find out?"):
        reason = findings_not_yet_reported(fenwick_question(question, "description"), [said], weights, settings)
        assert (reason is not None) is pending
    asked_else = fenwick_question("What were Fenwick's plans for its website?", "description")
    assert findings_not_yet_reported(asked_else, [said], weights, settings) is None  # no finding asked


def test_a_decision_or_a_change_asked_is_not_given_while_it_is_still_ahead():
    from dataclasses import replace

    from rag.abstain import findings_not_yet_reported
    from rag.config import Settings
    from rag.records import Sentence
    from rag.terms import TermWeights

    first = "In 2024 Fenwick tested sensor-based monitoring with 60 households living with dementia."
    second = "Early results showed fewer calls, and the council planned to decide on a wider roll-out in summer 2025."
    trial = candidate(first, f"{first} {second}")
    chunk = replace(trial.passage.chunk, sentences=(*trial.passage.chunk.sentences,
                                                     Sentence(len(first) + 1, len(first) + 1 + len(second), second)))
    trial = replace(trial, passage=replace(trial.passage, chunk=chunk))  # the passage goes on to the plan
    decided = candidate("Fenwick decided to roll sensor-based monitoring out to 400 households living with dementia.")
    weights, settings = TermWeights([trial.passage.chunk, decided.passage.chunk]), Settings()
    query = fenwick_question("What did Fenwick decide about a wider roll-out of sensor-based monitoring?", "description")
    assert findings_not_yet_reported(query, [trial], weights, settings) is not None  # a finding is not the decision
    assert findings_not_yet_reported(query, [trial, decided], weights, settings) is None
    talks = candidate("Fenwick's section 75 agreement with its NHS trust was being renegotiated at the time.")
    weights = TermWeights([talks.passage.chunk])
    agreed = fenwick_question("What was agreed when Fenwick renegotiated its section 75 agreement?", "description")
    assert findings_not_yet_reported(agreed, [talks], weights, settings) is not None
    refresh = candidate("Fenwick's Care Finder website was often out of date, and a refresh was planned for summer 2025.")
    weights = TermWeights([refresh.passage.chunk])
    changed = fenwick_question("What changed in Fenwick Care Finder after its refresh?", "description")
    assert findings_not_yet_reported(changed, [refresh], weights, settings) is not None
    assert findings_not_yet_reported(fenwick_question("What is Fenwick Care Finder?", "description"), [refresh],
                                     weights, settings) is None


@pytest.mark.parametrize("question,sentence,told", [
    ("Does the Fenwick Safeguarding Adults Board meet quarterly?",
     "The Fenwick Safeguarding Adults Board had an independent chair.", False),
    ("Does the Fenwick Safeguarding Adults Board meet quarterly?",
     "The Fenwick Safeguarding Adults Board met every six weeks.", True),  # another frequency tells the answer
    ("Is the Adults Performance Board chaired by the Chief Executive?",
     "The Adults Performance Board met monthly and used a dashboard.", False),
    ("Is the Adults Performance Board chaired by the Chief Executive?",
     "The Adults Performance Board was chaired by the Director of Adult Social Care.", True),
    ("are fenwick's neighbourhood hubs open at weekends", "The neighbourhood hubs were open Monday to Friday.", True),
    ("are fenwick's neighbourhood hubs open at weekends", "Fenwick ran 8 neighbourhood hubs with local groups.", False),
    ("Was Fenwick's Living Well Strategy developed with unpaid carers?",
     "The Living Well Strategy had been developed with people who use services.", False),
    ("Was Fenwick's Living Well Strategy developed with unpaid carers?",
     "The Living Well Strategy had been developed with unpaid carers and local groups.", True),
    ("Was Fenwick's prevention strategy co-produced with people who use services?",
     "The prevention strategy was still in draft.", False),
    ("Was Fenwick's prevention strategy co-produced with people who use services?",
     "The prevention strategy was co-produced with a panel of residents.", True),
    ("Does the Fenwick Safeguarding Adults Board have an independent chair?",
     "The Fenwick Safeguarding Adults Board met quarterly.", False),
    ("Does the Fenwick Safeguarding Adults Board have an independent chair?",
     "The Fenwick Safeguarding Adults Board was chaired independently.", True),
    ("Is Fenwick's befriending service free?", "The befriending service matched 40 volunteers with older people.", False),
    ("Is Fenwick's befriending service free?", "The befriending service was free to use.", True),
    ("Is attendance at Fenwick's monthly learning sessions compulsory?",
     "Staff valued the monthly learning sessions run by the Principal Social Worker.", False),
])
def test_a_detail_asked_of_a_named_thing_must_be_told_of_it(question, sentence, told):
    from rag.abstain import detail_not_told
    from rag.config import Rules, Settings

    said, weights, settings = alone(sentence)
    reason = detail_not_told(fenwick_question(question, "yesno"), [said], weights, settings)
    assert (reason is None) is told
    assert detail_not_told(fenwick_question(question, "description"), [said], weights, settings) is None
    assert detail_not_told(fenwick_question(question, "yesno"), [said], weights,
                           Settings(rules=Rules(answer_type_check=False))) is None


@pytest.mark.parametrize("question,sentence,told", [
    ("Who carried out the safeguarding practice audit in Fenwick?",
     "A safeguarding practice audit in January 2025 found that 68% of enquiries met the standard.", False),
    ("Who carried out the safeguarding practice audit in Fenwick?",
     "A safeguarding practice audit was carried out by an independent consultant in January 2025.", True),
    ("who runs the Steady Steps falls classes in Fenwick",
     "Steady Steps falls classes were run with Fenwick Age Concern Trust in 14 venues.", True),  # a body named
    ("who runs the Steady Steps falls classes in Fenwick", "Steady Steps falls classes ran in 14 venues by 2025.", False),
    ("Who provides the Fenwick video relay service?",
     "The Fenwick video relay service was introduced in June 2024 under the Recovery Plan.", False),  # a plan is no body
    ("Who provides interpreters for Fenwick's adult social care?",
     "Interpreting was provided through a contract with Northern Voice Interpreting.", True),  # the body contracted
    ("Who provides interpreters for Fenwick's adult social care?",
     "Interpreting was provided through a contract with a local provider.", False),  # no body named
    ("Who carries out carers' assessments for Fenwick council?",
     "The Fenwick Carers Support Centre completed 1,120 carers' assessments on behalf of the council.", True),  # a centre
    ("Who carries out carers' assessments for Fenwick council?",
     "The council completed 1,120 carers' assessments in 2023/24.", False),
])
def test_who_did_something_must_be_told_of_it(question, sentence, told):
    from rag.abstain import doer_not_named

    said, weights, settings = alone(sentence)
    assert (doer_not_named(fenwick_question(question, "description"), [said], weights, settings) is None) is told
    assert doer_not_named(fenwick_question(question, "holder"), [said], weights, settings) is None  # its own checks
    assert doer_not_named(fenwick_question("What did the audit find?", "description"), [said], weights, settings) is None


def test_a_detail_told_of_another_named_thing_does_not_answer():
    from rag.abstain import detail_asked, detail_not_told
    from rag.config import Settings
    from rag.terms import TermWeights

    other = candidate("The Adult Social Care Improvement Board met monthly to check progress.")
    place = candidate("The Fenwick Place Board brought together the council and the NHS.")
    weights, settings = TermWeights([other.passage.chunk, place.passage.chunk]), Settings()
    query = fenwick_question("Does the Fenwick Place Board meet monthly?", "yesno")
    assert detail_not_told(query, [other, place], weights, settings) is not None
    assert detail_asked("Is the quarterly challenge session held in public?")[0] > 20  # the last detail is asked
    assert detail_asked("Does the board have a chair?") is None


@pytest.mark.parametrize("sentence,unknown", [
    ("The conversion rate was lower than the regional average, and leaders were working to understand this.", True),
    ("Leaders had not yet analysed why the conversion rate was lower than the regional average.", True),
    ("The reasons for the low conversion rate were not yet understood.", True),
    ("The conversion rate was lower than the regional average because many concerns were about care quality.", False),
    ("The conversion rate was lower than the regional average.", False),  # says nothing of a reason
])
def test_a_reason_asked_is_not_given_while_the_reports_say_it_is_not_known(sentence, unknown):
    from rag.abstain import reason_not_known
    from rag.config import Rules, Settings

    question = "Why was Fenwick's safeguarding conversion rate lower than the regional average?"
    query = fenwick_question(question, "reason")
    said, weights, settings = alone(sentence)
    reason = reason_not_known(query, [said], weights, settings)
    assert (reason is not None and "not yet known" in reason) is unknown
    cause = candidate("This was because many concerns were about the quality of care rather than abuse.")
    assert reason_not_known(query, [said, cause], weights, settings) is None  # a cause is given
    assert reason_not_known(query, [said], weights, Settings(rules=Rules(findings_check=False))) is None
    assert reason_not_known(fenwick_question(question, "yesno"), [said], weights, settings) is None  # no reason asked


def test_whether_a_thing_was_rated_is_not_answered_by_a_sentence_rating_nothing():
    from rag.abstain import rating_not_given
    from rag.terms import TermWeights

    query = fenwick_question("Is Fenwick's Shared Lives scheme rated good by CQC?", "yesno")
    described = candidate("The Fenwick Shared Lives scheme matched 34 adults with carers who supported them at home.")
    rated = candidate("The Fenwick Shared Lives scheme was rated good by CQC in 2024.")
    weights = TermWeights([described.passage.chunk, rated.passage.chunk])
    other = fenwick_question("Does Fenwick's Shared Lives scheme support adults with learning disabilities?", "yesno")
    reason = abstains_on_its_own(rating_not_given, query, other, described, rated, weights, "answer_type_check")
    assert reason == "The reports do not say how it was rated."


def abstains_on_its_own(rule, query, other, alone, telling, weights, switch: str) -> str:
    """Checks that ``rule`` abstains on ``alone`` (its reason returned) but not with ``telling`` beside it, nor on
    ``telling`` alone, nor with its ``switch`` off, nor for the ``other`` question (which asks nothing it checks)."""
    from rag.config import Rules, Settings

    settings = Settings()
    reason = rule(query, [alone], weights, settings)
    assert reason is not None
    assert rule(query, [alone, telling], weights, settings) is None
    assert rule(query, [telling], weights, settings) is None
    assert rule(query, [alone], weights, Settings(rules=Rules(**{switch: False}))) is None
    assert rule(other, [alone], weights, settings) is None
    return reason


@pytest.mark.parametrize("question,asks", [
    ("Was Fenwick's pilot of AI note-taking judged a success?", True),
    ("Has the Fenwick falls pilot been shown to be effective?", True),
    ("Were the new locality teams considered successful?", True),
    ("Was Fenwick's pilot of AI note-taking used by social workers?", False),  # not how it turned out
    ("Is the pilot still running?", False),
])
def test_whether_something_worked_asks_what_its_evaluation_found(question, asks):
    from rag.abstain import findings_not_yet_reported
    from rag.config import Settings
    from rag.terms import TermWeights

    pending = candidate("The results of the AI note-taking pilot were being evaluated.")
    found = candidate("An evaluation found that the AI note-taking pilot saved each social worker four hours a week.")
    weights, settings = TermWeights([pending.passage.chunk, found.passage.chunk]), Settings()
    query = fenwick_question(question, "yesno")
    reason = findings_not_yet_reported(query, [pending], weights, settings)
    assert (reason is not None and "not of what it found" in reason) is asks
    assert findings_not_yet_reported(query, [pending, found], weights, settings) is None  # a finding is told


@pytest.mark.parametrize("question,asks", [
    ("Has Fenwick met its target to recruit 15 more Shared Lives carers?", True),
    ("Did Fenwick roll the Shared Lives recruitment drive out across the county?", True),
    ("Has Fenwick made its Shared Lives recruitment drive permanent?", True),
    ("Has Fenwick made progress with Shared Lives recruitment?", False),  # no outcome of a plan asked
    ("Did Fenwick manage to clear its safeguarding backlog by March 2026?", True),
    ("Has funding for Fenwick's Gypsy and Traveller community development worker been extended beyond 2026?", True),
    ("Has the team that met the target grown?", False),  # the verb is in a clause, not the question's own
    ("Does Fenwick meet the Shared Lives carers regularly?", False),  # not past or perfect: no plan's outcome
    ("Has Fenwick decided to roll out its case-notes tool to all social workers?", True),  # the decision is the outcome
    ("Has Fenwick decided what to do about Shared Lives?", False),
])
def test_whether_a_plan_came_about_asks_for_its_outcome(question, asks):
    from rag.abstain import outcome_asked

    assert (outcome_asked(question) is not None) is asks


@pytest.mark.parametrize("question,asks", [
    ("What prompted Fenwick to close its day centre in 2024?", True),
    ("Why was Fenwick's day centre scaled back in 2024?", True),  # in the reports' words, "reduced"
    ("Why did Fenwick close its day centre in 2024?", True),
])
def test_a_why_question_is_judged_on_the_happening_it_asks_about(question, asks):
    from rag.abstain import asked_happening, reason_not_given
    from rag.config import Settings

    assert "prompt" not in asked_happening(question)
    said = candidate("The Fenwick day centre had been reduced in 2024 and had not fully returned."
                     if "scaled" in question else "The council had closed the Fenwick day centre in 2024.")
    weights = fenwick_weights(said)
    reason = reason_not_given(fenwick_question(question, "reason"), [said], weights, Settings())
    assert (reason == "The reports say it happened, not why.") is asks


@pytest.mark.parametrize("sentence,on", [
    ("The case management system was being replaced, and managers relied on spreadsheets.", True),
    ("Business continuity plans had not been tested and staff were unsure what to do.", True),  # a new subject's verb
    ("The plans had been drafted and agreed by the board.", True),  # "and" before a verb of the same subject
    ("Performance data was not reliable.", False),  # told alone: the next sentence may explain it
    ("The council and the NHS funded the hub.", False),  # "and" inside the subject: no clause before it
    ("It did not know who was and was not using care.", False),  # "was and was not" is one verb
    ("The team lost two posts in 2025, which slowed set-up times.", True),  # what came of it
    ("The home closed in 2024, both of which had since been lifted.", True),
])
def test_a_sentence_that_goes_on_after_its_first_clause(sentence, on):
    from rag.abstain import goes_on

    assert goes_on(sentence) is on


@pytest.mark.parametrize("question,sentence,asks", [
    ("Why hadn't Fenwick refreshed its market position statement since 2022?",
     "The market position statement was published in 2022 and had not been refreshed, so providers lacked "
     "information.", True),  # the happening is told over two clauses, then what came of it
    ("Why did Fenwick's Direct Payments Team lose two of its posts in 2025?",
     "Staff in the Direct Payments Team said they had lost two of their five posts in 2025, which slowed set-up.",
     True),  # "lost" is the question's "lose", and "five" a figure
    ("Why did Fenwick's telecare pilot end in December 2025?",
     "The telecare pilot with 60 households ended in December 2025 and the council had not yet decided on it.", True),
    ("Why did Fenwick's telecare pilot end in December 2025?",
     "The telecare pilot ended in December 2025, when its short-term grant from the NHS ran out.", False),  # how
    ("Why had Fenwick's promised video relay service not started in 2025?",
     "A video relay service had been promised in 2024 but had not started.", True),  # "but" tells more of it
    ("Why was the risk-rating of Fenwick's safeguarding backlog in 2024 not reassuring?",
     "All waiting concerns had been risk-rated in 2024, but the risk-rating had been done quickly from the referral "
     "and no one had contacted the people involved.", False),  # "but" gives what was wrong with it
    # another fact set beside the happening by a bare "and" is no cause of it
    ("Why did three home care providers pull out of the Fenwick market in 2023?",
     "62% of home care hours were delivered by just 4 providers, and 3 home care providers left the market in 2023.", True),
    ("Why did Fenwick invite an external review of its practice?",
     "The council took part in regional peer challenge, and had invited an external review of its practice in June 2026.",
     True),
    # the clause before, read back to as what the rest came of, is its cause
    ("Why did Fenwick's voluntary partners say trust in the council had been damaged in 2024?",
     "Partners had not been consulted before grants were reduced in 2024, and some said this had damaged trust.", False),
    ("Why could Fenwick's leaders not be sure in 2024 who was missing out on care?",
     "Data about people's ethnicity was missing from 27% of records of people receiving long-term support in 2024, so "
     "leaders could not be sure who was missing out on care.", False),
])
def test_a_happening_told_over_its_first_clauses_is_no_reason(question, sentence, asks):
    from rag.abstain import reason_not_given
    from rag.config import Settings

    said = candidate(sentence)
    weights = fenwick_weights(said)
    reason = reason_not_given(fenwick_question(question, "reason"), [said], weights, Settings())
    assert (reason == "The reports say it happened, not why.") is asks


def test_a_cause_after_any_sentence_about_the_happening_answers_why():
    from dataclasses import replace

    from rag.abstain import reason_not_given
    from rag.config import Settings
    from rag.records import Sentence
    from rag.terms import TermWeights

    query = fenwick_question("Why were waits longer in the Fenwick west locality?", "reason")
    restated = candidate("Waits were longer in the Fenwick west locality, and some carers gave up.")
    first = "Waits for assessments were longer in the Fenwick west locality."
    cause = "Leaders said this reflected difficulty recruiting staff there."
    explained = candidate(first, f"{first} {cause}")
    chunk = explained.passage.chunk
    explained = replace(explained, passage=replace(explained.passage, chunk=replace(chunk, sentences=(
        *chunk.sentences, Sentence(len(first) + 1, len(chunk.text), cause)))))
    others = ["People were waiting.", "Care homes were good.", "The borough grew.", "Residents were happy."]
    weights = TermWeights([restated.passage.chunk, chunk, *(candidate(t).passage.chunk for t in others)], names=["Fenwick"])
    assert reason_not_given(query, [restated], weights, Settings()) == "The reports say it happened, not why."
    assert reason_not_given(query, [restated, explained], weights, Settings()) is None  # "this reflected" a cause


@pytest.mark.parametrize("question,told", [
    ("Has the planned Fenwick nursing home been granted planning permission?", "granted"),
    ("Has Fenwick been awarded the funding it bid for?", "awarded"),
    ("Has Fenwick been to the tribunal?", None),  # no outcome asked
])
def test_whether_something_was_granted_asks_for_the_grant(question, told):
    import re

    from rag.abstain import outcome_asked

    pattern = outcome_asked(question)
    assert (pattern is None) is (told is None)
    if told:
        assert re.search(pattern, f"It was {told} in 2024.") and not re.search(pattern, "It was planned for 2027.")


@pytest.mark.parametrize("rule,question,kind,alone,telling,other,switch,said", [
    ("payment_not_told", "Are members of Fenwick's Experts by Experience Group paid for their time?", "yesno",
     "Fenwick's Experts by Experience Group helped design and review services.",
     "Members of Fenwick's Experts by Experience Group were paid for their time.",
     "Does Fenwick's Experts by Experience Group review services?",  # no pay asked
     "answer_type_check", "The reports do not say whether it is paid for."),
    ("target_not_given", "Did Fenwick's Shared Lives scheme meet its target for recruiting carers?", "yesno",
     "Fenwick launched a Shared Lives scheme in 2024, but only 12 carers had been recruited.",
     "Fenwick's Shared Lives scheme had a target to recruit 20 carers.",
     "Did Fenwick's Shared Lives scheme recruit carers?",  # no target asked
     "yardstick_check", "The reports do not give a target for it."),
])
def test_a_thing_asked_and_never_told_abstains(rule, question, kind, alone, telling, other, switch, said):
    import rag.abstain
    from rag.terms import TermWeights

    alone, telling = candidate(alone), candidate(telling)
    weights = TermWeights([alone.passage.chunk, telling.passage.chunk])
    reason = abstains_on_its_own(getattr(rag.abstain, rule), fenwick_question(question, kind),
                                 fenwick_question(other, kind), alone, telling, weights, switch)
    assert reason == said


def test_whether_a_plan_came_about_is_not_answered_by_the_plan():
    from rag.abstain import outcome_not_reported
    from rag.config import Settings
    from rag.terms import TermWeights

    query = fenwick_question("Has Fenwick met its target to recruit 15 more Shared Lives carers?", "yesno")
    planned = candidate("Fenwick had a target to recruit 15 more Shared Lives carers by March 2025.")
    met = candidate("By March 2025 Fenwick had recruited 16 Shared Lives carers and met its target.")
    missed = candidate("Fenwick recruited 9 Shared Lives carers, falling short of its target of 15.")
    weights, settings = TermWeights([planned.passage.chunk, met.passage.chunk, missed.passage.chunk]), Settings()
    other = fenwick_question("Does Fenwick want more Shared Lives carers?", "yesno")  # no outcome asked
    reason = abstains_on_its_own(outcome_not_reported, query, other, planned, met, weights, "findings_check")
    assert "not of how it turned out" in reason
    assert outcome_not_reported(query, [planned, missed], weights, settings) is None  # its failure is told too


_CLEARED = "Did Fenwick manage to clear its safeguarding screening backlog by the end of March 2025?"
_ADOPTED = "Did Fenwick adopt the changes to the carers' strategy that its carers panel asked for?"


@pytest.mark.parametrize("question,sentence,prospect", [
    (_CLEARED, "Next steps set by Fenwick were to clear the safeguarding screening backlog by the end of March 2025.",
     True),
    (_CLEARED, "Fenwick had a safeguarding screening backlog of 300 concerns in 2024.", False),  # no plan told
    (_ADOPTED, "Fenwick's carers panel had asked for changes to the carers' strategy in 2024.", True),
    ("Did Fenwick decide in 2025 to extend its smart homes pilot?",
     "Early results were good, and Fenwick planned to decide in 2025 whether to extend its smart homes pilot.", True),
    ("Did Fenwick decide in 2025 to extend its smart homes pilot?",
     "Fenwick planned the smart homes pilot in 2024 and extended it in 2025.", False),
    ("Did Fenwick's cabinet approve the draft prevention strategy in June 2025?",
     "A draft prevention strategy was due to go to cabinet in June 2025.", True),
    (_ADOPTED, "Fenwick's carers panel had asked for changes to the carers' strategy, which were adopted.", False),
])
def test_a_next_step_or_a_request_is_a_plan_whose_outcome_is_not_told(question, sentence, prospect):
    from rag.abstain import outcome_not_reported

    said, weights, settings = alone(sentence)
    reason = outcome_not_reported(fenwick_question(question, "yesno"), [said], weights, settings)
    assert (reason is not None) is prospect


def test_a_happening_timed_by_a_recent_span_is_judged_as_a_dated_one():
    from rag.abstain import reason_not_given
    from rag.config import Settings

    said = candidate("Fenwick had not taken part in a peer review of adult social care in the last three years.")
    weights = fenwick_weights(said)
    spanned = fenwick_question("Why hasn't Fenwick taken part in a peer review of adult social care in the last three "
                               "years?", "reason")
    assert reason_not_given(spanned, [said], weights, Settings()) == "The reports say it happened, not why."
    standing = fenwick_question("Why hasn't Fenwick taken part in a peer review of adult social care?", "reason")
    assert reason_not_given(standing, [said], weights, Settings()) is None  # a standing state, told alone


def test_whether_something_brought_a_figure_down_is_not_answered_by_its_running():
    from rag.abstain import effect_not_reported
    from rag.config import Rules, Settings
    from rag.terms import TermWeights

    query = fenwick_question("Did Fenwick's sensor trial cut hospital admissions for people living alone?", "yesno")
    ran = candidate("Fenwick ran a sensor trial with 200 people living alone in 2024.")
    fell = candidate("Hospital admissions among people in Fenwick's sensor trial fell by 12%.")
    weights, settings = TermWeights([ran.passage.chunk, fell.passage.chunk]), Settings()
    assert effect_not_reported(query, [ran], weights, settings) == "The reports do not say what effect it had."
    assert effect_not_reported(query, [ran, fell], weights, settings) is None  # the fall is told
    assert effect_not_reported(query, [ran], weights, Settings(rules=Rules(findings_check=False))) is None
    tools = fenwick_question("Has Fenwick been trying out sensor tools that cut paperwork?", "yesno")
    assert effect_not_reported(tools, [ran], weights, settings) is None  # the cut is what the tools are, not asked


@pytest.mark.parametrize("question,sentences,told", [
    ("Did Fenwick open its 6 extra respite beds by autumn 2024?", ["The council planned to open 6 extra respite beds by "
     "autumn 2024."], "opened"),
    ("Has Fenwick launched its new app?", ["The council was due to launch a new app in 2025."], "launched"),
    ("Did Fenwick build the new hub?", ["The council planned to build a new hub."], "built"),  # its past, not "-ed"
    ("Did Fenwick open its 6 extra respite beds?", ["The council opened 6 extra respite beds in 2024."], None),  # done
    ("How many beds did Fenwick plan to open?", ["The council planned to open 6 extra respite beds."], None),
    ("Did Fenwick close its day centre?", ["The council planned to open 6 extra respite beds."], None),  # another deed
    ("Has Fenwick brought in outside help to clear its backlog?", ["The council aimed to clear the backlog by 2026."],
     None),  # what the help was for is not the deed asked
    ("Did Fenwick manage to clear its backlog?", ["The council aimed to clear the backlog by 2026."], "cleared"),
])
def test_a_plan_asked_of_in_its_own_verb_is_not_its_outcome(question, sentences, told):
    from rag.abstain import planned_deed_asked

    pattern = planned_deed_asked(question, sentences)
    assert (pattern is None) is (told is None)
    if told:
        assert re.search(pattern, f"The beds were {told} in 2025.") and re.search(pattern, "This had been delayed.")
        assert not re.search(pattern, sentences[0])  # the plan itself tells no outcome


def test_whether_a_planned_deed_was_done_is_not_answered_by_the_plan():
    from rag.abstain import outcome_not_reported
    from rag.config import Settings
    from rag.terms import TermWeights

    query = fenwick_question("Did Fenwick open its 6 extra respite beds by autumn 2024?", "yesno")
    planned = candidate("Fenwick planned to open 6 extra respite beds by autumn 2024.")
    opened = candidate("Fenwick opened 6 extra respite beds in September 2024.")
    weights, settings = TermWeights([planned.passage.chunk, opened.passage.chunk]), Settings()
    assert "not of how it turned out" in outcome_not_reported(query, [planned], weights, settings)
    assert outcome_not_reported(query, [planned, opened], weights, settings) is None


@pytest.mark.parametrize("sentence,unsaid", [
    ("When the Fenwick day centre closed in 2024, 30 people moved to other services within a month.", True),
    ("The council had a provider failure plan, which was used when the Fenwick day centre closed in 2024.", True),
    ("The Fenwick day centre closed in 2024 because its building was unsafe.", False),  # the cause is given
    ("When the lease ended in 2024, the Fenwick day centre closed.", False),  # the clause is the cause, not the event
    ("Most people moved to the hubs in the north, where the Fenwick day centre closed in 2024.", True),  # its place
])
def test_what_followed_an_event_is_not_why_it_happened(sentence, unsaid):
    from rag.abstain import reason_not_given
    from rag.config import Rules, Settings
    from rag.terms import TermWeights

    question = "Why did the Fenwick day centre close in 2024?"
    query = fenwick_question(question, "reason")
    said = candidate(sentence)
    others = ["People were waiting.", "Care homes were good.", "The borough grew.", "Residents were happy."]
    weights = TermWeights([said.passage.chunk, *(candidate(t).passage.chunk for t in others)])
    settings = Settings()
    reason = reason_not_given(query, [said], weights, settings)
    assert (reason is not None and "not why it happened" in reason) is unsaid
    if unsaid:
        cause = candidate("The Fenwick day centre closed in 2024 because its building was unsafe.")
        assert reason_not_given(query, [said, cause], weights, settings) is None  # a cause is given elsewhere
        assert reason_not_given(query, [said], weights, Settings(rules=Rules(findings_check=False))) is None
        assert reason_not_given(fenwick_question(question, "yesno"), [said], weights, settings) is None


@pytest.mark.parametrize("sentence,restated", [
    ("The Fenwick day centre closed in 2024.", True),
    ("In 2024, the Fenwick day centre closed, and 30 people moved to other services.", True),  # and what followed
    ("The council had closed the Fenwick day centre in 2024.", True),
    ("The Fenwick day centre had closed in 2024 and had not reopened.", True),  # "and" and a verb: what followed
    ("The council closed the Fenwick day centre in 2024 and moved its staff to the hubs.", True),
    ("The Fenwick day centre closed in 2024 after damp and mould made it unusable.", False),  # more than the question
    ("The Fenwick day centre closed in 2024, when its lease ended.", False),  # leads on to how it came about
    ("Rising repair costs on an old building closed the Fenwick day centre in 2024.", False),  # more than the question
    ("30 people moved to other services in 2024.", False),  # not the event asked about
    ("The Fenwick day centre had won an award, but it closed in 2024.", True),  # the other side of "but" is no cause
    ("Carers told us the Fenwick day centre closed in 2024 at the time of our assessment.", True),  # who told, and when
    ("The Fenwick Day Centre, a service for older people, closed in 2024.", True),  # what it is, set after its name
    ("The Fenwick day centre closed in 2024, a year after its funding was cut.", False),  # no name before: its own words
    ("The Fenwick day centre had won an award, but it closed in 2024 once repair bills outgrew its grant.", False),
    ("Carers said the Fenwick day centre closed in 2024 and that they had been given little notice.", True),  # "and
    # that": another thing said
    ("Carers said the Fenwick day centre closed in 2024 because the building was unsafe.", False),
    ("The Fenwick day centre closed in 2024 with less than a month's notice.", True),  # how, not why
    ("The Fenwick day centre closed in 2024 at short notice.", True),
])
def test_a_sentence_restating_an_event_does_not_say_why_it_happened(sentence, restated):
    from dataclasses import replace

    from rag.abstain import goes_on, reason_not_given, restates_only
    from rag.config import Settings
    from rag.records import Sentence

    question = "Why did the Fenwick day centre close in 2024?"
    said = candidate(sentence)
    weights = fenwick_weights(said)
    settings = Settings()
    focus = weights.focus(weights.terms(question))
    assert restates_only(focus, question, sentence, weights, settings) is restated
    if restated:
        query = fenwick_question(question, "reason")
        assert reason_not_given(query, [said], weights, settings) == "The reports say it happened, not why."
        less = candidate("The Fenwick day centre was one of two in the borough.")  # about it, but less so
        assert reason_not_given(query, [less, said], weights, settings) == "The reports say it happened, not why."
        cause = "This was because the building was unsafe."
        explained = candidate(sentence, f"{sentence} {cause}")
        chunk = explained.passage.chunk
        told = Sentence(len(sentence) + 1, len(chunk.text), cause)
        explained = replace(explained, passage=replace(explained.passage, chunk=replace(chunk, sentences=(
            *chunk.sentences, told))))
        assert reason_not_given(query, [explained], weights, settings) is None  # the next sentence gives a cause
        undated = fenwick_question("Why did the Fenwick day centre close?", "reason")
        # the question does not date it, but its sentence does ("closed in 2024"): a happening, not a standing state
        assert reason_not_given(undated, [said], weights, settings) == "The reports say it happened, not why."
        standing = candidate(sentence.replace(" in 2024", ""))  # undated on both sides: a standing state, told alone,
        # may be explained by the next sentence in no word of cause, and is judged only when its sentence goes on
        reason = reason_not_given(undated, [standing], weights, settings)
        assert (reason is not None) is goes_on(standing.sentence.text)



def test_a_figure_told_straight_after_a_dated_one_is_of_its_time():
    from dataclasses import replace

    from rag.abstain import dated_with_lead

    query = fenwick_question("What was the median wait in Fenwick at the end of August 2024?", "duration")
    first = "At the end of August 2024, 1,310 people were waiting for an assessment."
    then = "The median wait was 143 days."
    told = candidate(then, f"{first} {then}")
    assert dated_with_lead(query, replace(told, before=first))[0].label == "August 2024"
    assert dated_with_lead(query, told) == ()  # nothing before it dates it


def test_a_change_counted_from_the_period_asked_answers_for_it():
    from rag.abstain import period_not_given
    from rag.config import Settings
    from rag.terms import TermWeights

    query = fenwick_question("By what percentage did falls admissions in Fenwick fall since 2022?", "number")
    said = candidate("The 2024 report showed a 12% fall in falls admissions for people aged 65 and over since 2022.")
    weights = TermWeights([said.passage.chunk])
    assert period_not_given(query, [said], weights, Settings()) is None
    other = fenwick_question("By what percentage did falls admissions in Fenwick fall since 2019?", "number")
    assert period_not_given(other, [said], weights, Settings()) is not None


def test_a_sentence_pointing_back_takes_the_one_before():
    from dataclasses import replace

    from rag.abstain import refers_back_to

    before = "South Asian people were under-represented among people receiving support."
    said = replace(candidate("Leaders had commissioned research to understand why, due to report in 2027."), before=before)
    assert refers_back_to(said) == before
    alone = replace(candidate("Leaders had commissioned research on carers, due to report in 2027."), before=before)
    assert refers_back_to(alone) == ""


def test_a_cause_given_for_what_followed_the_happening_is_not_its_own():
    from rag.abstain import reason_not_given
    from rag.config import Settings

    query = fenwick_question("Why did Fenwick's safeguarding hub lose three experienced staff in autumn 2024?", "reason")
    after = candidate("Leaders told us the backlog had built up after the hub lost three experienced staff in autumn 2024.")
    because = candidate("The safeguarding hub lost three experienced staff in autumn 2024 because of a restructure.")
    weights = fenwick_weights(after, because)
    assert reason_not_given(query, [after], weights, Settings()) == "The reports say what followed it, not why it happened."
    assert reason_not_given(query, [because], weights, Settings()) is None


@pytest.mark.parametrize("sentence,gives", [
    ("Leaders told us the backlog had built up after the hub lost three experienced staff in autumn 2024.", False),
    ("The hub lost three experienced staff in autumn 2024 because of a restructure.", True),
    ("Waits had grown after the hub lost three experienced staff, because of a restructure.", True),  # a cause of it too
    ("The backlog had built up after the council moved to a new system.", True),  # the cause is another thing
    ("The hub lost three experienced staff in autumn 2024, and waits grew as a result.", False),  # its result, not its cause
    ("A restructure was agreed, and the hub lost three experienced staff in autumn 2024 as a result.", True),
    ("The hub lost three experienced staff in autumn 2024 as a result of a restructure.", True),
])
def test_a_cause_is_the_happening_s_own_unless_the_happening_is_it(sentence, gives):
    from rag.abstain import gives_its_cause
    from rag.config import Settings
    from rag.terms import TermWeights

    question = "Why did Fenwick's safeguarding hub lose three experienced staff in autumn 2024?"
    others = ["People were waiting.", "Care homes were good.", "The borough grew.", "Residents were happy."]
    weights = TermWeights([candidate(t).passage.chunk for t in (sentence, *others)], names=["Fenwick"])
    focus = weights.focus(weights.terms(question))
    assert gives_its_cause(focus, sentence, weights, Settings()) is gives


@pytest.mark.parametrize("question,sentence,told", [
    ("What did Fenwick's trial of printed guides in 40 libraries find?",
     "Some people found it harder to get information, and Fenwick was trialling printed guides in 40 libraries.", False),
    ("What did Fenwick's trial of printed guides in 40 libraries find?",
     "Fenwick's trial of printed guides in 40 libraries found that most were taken by people over 75.", True),
    ("What were the results of Fenwick's trial of video-call wellbeing checks?",
     "Fenwick had trialled video-call wellbeing checks with 90 people.", False),
    ("What were the results of Fenwick's trial of video-call wellbeing checks?",
     "Fenwick's trial of video-call wellbeing checks with 90 people cut home visits by 30%.", True),
    ("What effect did Fenwick's frailty pilot have on hospital admissions?",
     "Fenwick ran a frailty pilot in which nurses visited older people identified by their GP as at risk.", False),
    ("What recommendations did Fenwick's scrutiny review of carers' support make?",
     "The scrutiny panel carried out a review of carers' support in 2023, whose recommendations were accepted.", False),
    ("What recommendations did Fenwick's scrutiny review of carers' support make?",
     "The scrutiny review of carers' support recommended a single carers' assessment form.", True),
])
def test_what_a_trial_or_review_found_is_told_only_by_a_finding(question, sentence, told):
    from rag.abstain import findings_not_told
    from rag.config import Rules, Settings

    said, weights, settings = alone(sentence)
    reason = findings_not_told(fenwick_question(question, "description"), [said], weights, settings)
    assert (reason is None) is told
    assert findings_not_told(fenwick_question("How many libraries had printed guides in Fenwick?", "number"), [said],
                             weights, settings) is None  # no finding asked
    assert findings_not_told(fenwick_question(question, "description"), [said], weights,
                             Settings(rules=Rules(findings_check=False))) is None


@pytest.mark.parametrize("question,sentence,prospect", [
    ("Has Fenwick rolled out its weekly high-risk panel to all districts?",
     "A weekly high-risk panel had started in one district, and leaders planned to roll it out to all districts.", True),
    ("Has Fenwick rolled out its weekly high-risk panel to all districts?",
     "A weekly high-risk panel had started in one district in 2024 and was rolled out to all districts in 2025.", False),
    ("Did Fenwick's new case management system go live in November 2025 as planned?",
     "Fenwick was moving to a new case management system, scheduled to go live in November 2025.", True),
    ("Was the backlog of financial assessments in Fenwick cleared by March 2025?",
     "Leaders had recruited four officers and expected the backlog of financial assessments to be cleared by March 2025.",
     True),
    ("Was Fenwick's contract with the carers centre renewed in April 2026?",
     "The contract with the carers centre was due for renewal in April 2026.", True),
    ("After the pilot with 120 staff, was Fenwick's note-taking tool rolled out to all staff?",
     "Fenwick's note-taking tool was piloted with 120 staff and saved 5 hours a week each.", True),
])
def test_a_plan_scheduled_expected_or_due_is_not_its_outcome(question, sentence, prospect):
    from rag.abstain import outcome_not_reported

    said, weights, settings = alone(sentence)
    reason = outcome_not_reported(fenwick_question(question, "yesno"), [said], weights, settings)
    assert (reason is not None) is prospect


@pytest.mark.parametrize("question,sentence,told", [
    ("was the Fenwick carers strategy co-produced with carers",
     "The Fenwick Carers Strategy aimed to double the number of carers identified.", False),  # names carers, no more
    ("was the Fenwick carers strategy co-produced with carers",
     "The Fenwick Carers Strategy was written with carers at six workshops.", True),
    ("Is the Fenwick Co-production Board co-chaired by the corporate director?",
     "The Fenwick Co-production Board, with 30 members, had a role in decisions about services.", False),
    ("Does a resident chair Fenwick's Equality Outcomes Panel?",
     "The Equality Outcomes Panel was a good example of involving residents in decisions.", False),
    ("Does a resident chair Fenwick's Equality Outcomes Panel?", "The Equality Outcomes Panel was chaired by a resident.",
     True),
    ("Is Fenwick's crisis café open at weekends?", "Fenwick's crisis café was open four evenings a week.", False),
    ("Is Fenwick's crisis café open at weekends?", "Fenwick's crisis café was open at least five days a week.", False),
    ("Is Fenwick's crisis café open at weekends?", "Fenwick's crisis café was open seven days a week.", True),
    ("Does Fenwick's discharge hub operate 24 hours a day?", "Fenwick's discharge hub was staffed seven days a week.",
     False),
    ("Is Fenwick's carers' wellbeing grant means-tested?", "Fenwick's carers' wellbeing grant was up to £300 a year.",
     False),
    ("is the Fenwick Shared Lives scheme run in-house", "The Fenwick Shared Lives scheme had 31 approved carers.", False),
    ("Are the quality team's visits to Fenwick's care homes unannounced?",
     "The quality team visited every care home in Fenwick at least once a year.", False),
    ("Were Fenwick's practice development days open to partner agencies?",
     "Learning from reviews was shared at Fenwick's practice development days.", False),
    ("Were Fenwick's practice development days open to partner agencies?",
     "Fenwick's practice development days were open to partner agencies and the police.", True),
])
def test_who_took_part_and_which_days_or_hours_are_told_as_asked(question, sentence, told):
    from rag.abstain import detail_not_told

    said, weights, settings = alone(sentence)
    assert (detail_not_told(fenwick_question(question, "yesno"), [said], weights, settings) is None) is told


def test_which_team_or_who_will_asks_for_a_doer():
    from rag.abstain import doer_not_named
    from rag.config import Settings
    from rag.terms import TermWeights

    said = candidate("Fenwick had invited a peer review of its safeguarding practice for 2025.")
    weights, settings = TermWeights([said.passage.chunk]), Settings()
    for question in ("Who will carry out the peer review of Fenwick's safeguarding practice?",
                     "Which team carried out the peer review of Fenwick's safeguarding practice?"):
        assert doer_not_named(fenwick_question(question, "description"), [said], weights, settings) is not None
    by = candidate("A peer review of Fenwick's safeguarding practice was carried out by a neighbouring council.")
    assert doer_not_named(fenwick_question("Which team carried out the peer review of Fenwick's safeguarding practice?",
                                           "description"), [by], weights, settings) is None


def test_a_length_of_time_asked_may_be_held_in_another_unit():
    from rag.abstain import figure_not_found
    from rag.config import Settings
    from rag.terms import TermWeights

    said = candidate("Around 86% of older people were still at home 91 days after discharge into reablement.")
    weights, settings = TermWeights([said.passage.chunk]), Settings()
    query = fenwick_question("% of older people still at home 3 months after leaving hospital into reablement", "number")
    assert figure_not_found(query, [said], weights, settings) is None
    other = fenwick_question("% of older people still at home 6 months after leaving hospital into reablement", "number")
    assert figure_not_found(other, [said], weights, settings) is not None


@pytest.mark.parametrize("sentence,prospect", [
    ("Fenwick planned to extend the carers group to Ashby in 2025/26, subject to funding being agreed by the "
     "Health and Wellbeing Board.", True),
    ("Fenwick planned to extend the carers group to Ashby in 2025/26, and the Health and Wellbeing Board agreed the "
     "funding in March 2025.", False),
])
def test_a_plan_waiting_on_a_decision_does_not_tell_that_the_decision_was_made(sentence, prospect):
    from rag.abstain import outcome_not_reported

    said, weights, settings = alone(sentence)
    question = "Has Fenwick's Health and Wellbeing Board agreed the funding to extend the carers group to Ashby?"
    reason = outcome_not_reported(fenwick_question(question, "yesno"), [said], weights, settings)
    assert (reason is not None) is prospect


def test_a_why_question_is_not_a_which_question():
    from rag.abstain import which_not_named

    said, weights, settings = alone("Fenwick did not know which groups used its services, because some records were "
                                    "missing ethnicity.")
    why = fenwick_question("why can't fenwick tell which groups are missing out on its services", "reason")
    assert which_not_named(why, [said], weights, settings) is None
    some, weights, settings = alone("Fenwick worked with a local advice service on debt.")
    which = fenwick_question("Which local advice service does Fenwick work with on debt?", "organisation")
    assert which_not_named(which, [some], weights, settings) is not None


def test_a_figure_asked_for_a_period_without_a_question_word_must_be_of_that_period():
    from rag.abstain import period_not_given

    said, weights, settings = alone("Unmet need for home care was 2,100 hours a week in March 2025.")
    query = fenwick_question("What was Fenwick's unmet home care need in March 2024?", "description")
    assert "March 2025" in period_not_given(query, [said], weights, settings)
    assert period_not_given(fenwick_question("What was Fenwick's unmet home care need in March 2025?", "description"),
                            [said], weights, settings) is None
    plain, weights, settings = alone("Unmet need for home care was a concern for families.")
    assert period_not_given(query, [plain], weights, settings) is None  # no figure stated: not judged by period
    done = fenwick_question("How was Fenwick's front door team changed in October 2025?", "description")
    dated, weights, settings = alone("The front door team was restructured in October 2025, and it had 12 advisers by "
                                     "June 2026.")
    assert period_not_given(done, [dated], weights, settings) is None  # the period asked is the sentence's too


def test_a_figure_asked_for_a_place_inside_the_area_must_name_it():
    from rag.abstain import place_not_counted
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    def query(text):
        return Query(text=text, asked=text, councils=("Fenwick",), answer_type="number")

    weights, settings = TermWeights([]), Settings()
    whole = candidate("268 people were waiting for therapy.",  # its passage names the place for another figure
                      "Waits for assessment were longest in Kelby. 268 people were waiting for therapy.")
    part = candidate("In Kelby, 41 people were waiting for therapy.")
    in_kelby = query("How many people in Kelby were waiting for therapy?")
    assert "not one for Kelby" in place_not_counted(in_kelby, [whole], weights, settings)
    assert place_not_counted(in_kelby, [whole, part], weights, settings) is None
    assert place_not_counted(query("How many people in Fenwick were waiting for therapy?"), [whole], weights,
                             settings) is None  # the council's own name is the whole area
    assert place_not_counted(query("How many people were waiting for therapy in March?"), [whole], weights,
                             settings) is None  # a month is no place
    for named in ("How many people did the Therapy Hub in Kelby see?", "How many people were waiting in Kelby "
                  "Community Hospital?", "For the council that takes in Kelby, how many people were waiting?"):
        assert place_not_counted(query(named), [whole], weights, settings) is None  # a name's place, or the council's


def test_the_place_asked_may_be_told_in_the_sentence_after_the_topic():
    from dataclasses import replace

    from rag.abstain import told_next
    from rag.records import Query
    from rag.terms import TermWeights

    question = "Where did Fenwick do outreach with groups who rarely ask for help?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="place")
    topic = candidate("The council had found farmers and travellers were groups less likely to ask for help.")
    texts = [topic.sentence.text, "Outreach at the Kelby horse fair had led to 14 referrals.",
             "The council had opened a new office in Dunmore."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    outreach = replace(candidate(texts[1]), before=topic.sentence.text)
    office = replace(candidate(texts[2]), before=topic.sentence.text)  # goes on with no word of the question
    far = candidate(texts[1])  # not after the topic's sentence
    assert told_next(query, [topic], [topic, outreach, office, far], weights) == [outreach]


@pytest.mark.parametrize("question,kind,sentence,pending", [
    ("what came of the ashby neighbourhood pilot in fenwick", "description",
     "Early feedback was good, and a second neighbourhood pilot in Ashby was planned for 2025.", True),
    ("what came of the ashby neighbourhood pilot in fenwick", "description",
     "The second neighbourhood pilot in Ashby found that fewer people went into hospital.", False),
    ("What results did Fenwick's video call pilot in Kelby produce?", "description",
     "Leaders were piloting video calls with 150 people in Kelby, and planned to decide whether to extend them.", True),
    ("What new hourly rate did Fenwick agree for personal assistants?", "number",
     "Leaders told us they were reviewing the rate for personal assistants and planned to make a decision by "
     "October 2025.", True),
    ("What new hourly rate did Fenwick agree for personal assistants?", "number",
     "Leaders agreed a new rate of £14.20 an hour for personal assistants.", False),
    ("What hourly rate did Fenwick pay personal assistants?", "number",  # no decision asked
     "Leaders told us they were reviewing the rate for personal assistants and planned to make a decision.", False),
    ("What did the university research into why residents of the southern wards are under-represented among people "
     "getting long-term support in Fenwick find?", "description",  # however long the question
     "Leaders had commissioned research from a university partner to understand why, due to report in 2027.", True),
])
def test_what_came_of_a_pilot_research_or_review_is_not_given_while_it_is_ahead(question, kind, sentence, pending):
    from rag.abstain import findings_not_yet_reported

    said, weights, settings = alone(sentence)
    reason = findings_not_yet_reported(fenwick_question(question, kind), [said], weights, settings)
    assert (reason is not None) is pending


def test_the_plan_asked_may_be_told_in_the_sentence_after_the_topic():
    from dataclasses import replace

    from rag.abstain import on_topic
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    question = "What is Fenwick planning to do so people who complain find out what changed?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="method")
    topic = candidate("People who had complained said they were not told what had changed as a result.")
    plan = "Leaders recognised this and planned to publish a summary each quarter from 2025."
    weights = TermWeights([topic.passage.chunk, candidate(plan).passage.chunk])
    after = replace(candidate(plan), before=topic.sentence.text, relevance=0.1)
    assert after in on_topic(query, [topic, after], weights, Settings())
    done = replace(query, text="What did Fenwick do about complaints?", asked="What did Fenwick do about complaints?")
    assert after not in on_topic(done, [topic, after], weights, Settings())  # no plan asked: no reach past the topic


def test_a_name_is_found_in_its_singular_or_plural():
    from rag.abstain import _squeezed

    assert _squeezed("Gypsies and Travellers") == _squeezed("Gypsy and Traveller")
    assert _squeezed("Safeguarding Adults Reviews") == _squeezed("safeguarding adult review")
    assert _squeezed("Gypsies") != _squeezed("Gyps")


def test_a_list_items_mark_is_not_its_opening_word():
    from dataclasses import replace

    from rag.abstain import refers_back_to

    before = "- The local authority spent £112.6 million on adult social care."
    text = f"{before} - This was 41.3% of the local authority's total budget."
    share = replace(candidate("- This was 41.3% of the local authority's total budget.", text), before=before)
    assert refers_back_to(share) == before
    assert refers_back_to(replace(share, before="")) == ""  # nothing before it to refer to


def test_only_the_other_of_a_pair_told_is_no_answer():
    from rag.abstain import other_of_pair_only
    from rag.config import Settings
    from rag.terms import TermWeights

    query = fenwick_question("What is the gap in life expectancy for women between the richest and poorest parts of "
                             "Fenwick?", "description")
    men = candidate("Life expectancy differed between the richest and poorest parts, with a gap of ten years for men.")
    both = candidate("The gap in life expectancy was ten years for men and eight years for women.")
    weights, settings = TermWeights([men.passage.chunk, both.passage.chunk]), Settings()
    assert other_of_pair_only(query, [men], weights, settings) == "The reports for Fenwick speak of men, not women."
    assert other_of_pair_only(query, [men, both], weights, settings) is None
    plain = fenwick_question("What is the gap in life expectancy in Fenwick?", "description")
    assert other_of_pair_only(plain, [men], weights, settings) is None


def test_a_cause_in_a_sentence_wording_the_happening_otherwise_answers_why():
    from dataclasses import replace

    from rag.abstain import reason_not_given
    from rag.config import Settings

    query = fenwick_question("Why did Fenwick's adult social care budget go over in 2023/24?", "reason")
    budget = candidate("The adult social care budget was £136.2 million in 2023/24.")
    cause = candidate("Adult care overspent by £4.1 million, mainly because of the cost of nursing placements.")
    other = candidate("The service overspent by £4.1 million, mainly because of the cost of nursing placements.")
    weights = fenwick_weights(budget, cause, other)
    assert reason_not_given(query, [budget], weights, Settings()) == "The reports say it happened, not why."
    assert reason_not_given(query, [budget, cause], weights, Settings()) is None
    assert reason_not_given(query, [budget, other], weights, Settings()) is not None  # the cause of what, it does not say
    weak = replace(cause, relevance=0.3)  # far below the answer's own sentences
    assert reason_not_given(query, [budget, weak], weights, Settings()) is not None


def test_what_a_review_said_is_not_given_while_it_is_only_asked_for():
    from rag.abstain import findings_not_yet_reported
    from rag.config import Settings
    from rag.terms import TermWeights

    invited = candidate("Leaders had invited the peer team to return in autumn 2025 to check progress on the plan.")
    found = candidate("The peer team found in autumn 2025 that progress on the plan had been good.")
    weights, settings = TermWeights([invited.passage.chunk, found.passage.chunk]), Settings()
    said = fenwick_question("What did the 2025 peer challenge say about Fenwick's improvement plan?", "description")
    assert "not of what it found" in findings_not_yet_reported(said, [invited], weights, settings)
    assert findings_not_yet_reported(said, [invited, found], weights, settings) is None
    people = fenwick_question("What did people say about Fenwick's improvement plan?", "description")
    assert findings_not_yet_reported(people, [invited], weights, settings) is None  # what people said, not a review


def test_an_estimate_is_what_an_evaluation_found():
    from rag.abstain import findings_not_told

    question = "What did the evaluation say each £1 spent on Local Area Coordination in Fenwick produced?"
    estimated, weights, settings = alone("An evaluation completed in 2023 estimated that every £1 spent on Local Area "
                                         "Coordination produced around £3 of benefits.")
    assert findings_not_told(fenwick_question(question, "description"), [estimated], weights, settings) is None
    ran, weights, settings = alone("An evaluation of Local Area Coordination was completed in 2023 by a university.")
    assert findings_not_told(fenwick_question(question, "description"), [ran], weights, settings) is not None


def test_whether_something_also_holds_needs_a_sentence_telling_all_of_it():
    from rag.abstain import addition_not_told
    from rag.config import Rules, Settings

    managers = candidate("A weekly performance report was shared with managers.")
    members = candidate("The weekly performance report was shared with managers and elected members.")
    weights = fenwick_weights(managers, members)
    also = fenwick_question("Is Fenwick's weekly performance report also shared with elected members?", "yesno")
    assert addition_not_told(also, [managers], weights, Settings()) == "The reports do not say it also holds."
    assert addition_not_told(also, [managers, members], weights, Settings()) is None
    plain = fenwick_question("Is Fenwick's weekly performance report shared with elected members?", "yesno")
    assert addition_not_told(plain, [managers], weights, Settings()) is None  # no "also": other rules judge it
    off = Settings(rules=Rules(answer_type_check=False))
    assert addition_not_told(also, [managers], weights, off) is None


def test_a_happening_is_read_in_the_words_its_sentence_uses():
    from rag.abstain import happening_as_told, reason_not_given
    from rag.config import Settings

    question = "Why was the Fenwick Connect front door team delayed?"
    said = candidate("The Fenwick Connect front door team was delayed in 2024.")
    cause = candidate("The Fenwick Connect front door team was delayed in 2024 because of a shortage of social workers.")
    weights = fenwick_weights(said, cause)
    assert "front door" in happening_as_told(question, [said.sentence.text], weights)  # its own words, not the reports'
    assert "front door" not in happening_as_told(question, ["A single point of access team was delayed."], weights)
    query = fenwick_question(question, "reason")
    assert reason_not_given(query, [said], weights, Settings()) == "The reports say it happened, not why."
    assert reason_not_given(query, [cause], weights, Settings()) is None


def test_what_a_thing_was_about_needs_a_sentence_naming_it_and_its_subject():
    from rag.abstain import subject_not_told, thing_asked_about
    from rag.config import Rules, Settings

    assert thing_asked_about("What was the safeguarding adults review published by the board in 2024 about?") == "review"
    assert thing_asked_about("What did carers say about the hub?") == ""
    chair = candidate("The safeguarding adults board had an independent chair and met every two months.")
    count = candidate("The safeguarding adults board published two reviews in 2024.")
    told = candidate("The safeguarding adults board published a review in 2024 about a woman who died after a fall.")
    weights = fenwick_weights(chair, count, told)
    query = fenwick_question("What was the safeguarding adults review published by Fenwick's board in 2024 about?",
                             "description")
    assert subject_not_told(query, [chair], weights, Settings()) == "The reports do not say what it was about."
    assert subject_not_told(query, [count], weights, Settings()) == "The reports do not say what it was about."
    assert subject_not_told(query, [chair, told], weights, Settings()) is None
    other = fenwick_question("What did the safeguarding adults board publish in 2024?", "description")
    assert subject_not_told(other, [chair], weights, Settings()) is None  # no "what was it about": other rules judge it
    assert subject_not_told(query, [chair], weights, Settings(rules=Rules(answer_type_check=False))) is None


def test_where_the_council_itself_lies_is_on_the_topic_of_sentences_placing_it():
    from rag.abstain import on_topic
    from rag.config import Settings

    placed = candidate("Fenwick is a metropolitan borough in the West Midlands made up of six towns.")
    vague = candidate("Fenwick is one of the most diverse boroughs in the region.")
    weights = fenwick_weights(placed, vague)
    query = fenwick_question("Which region of England is Fenwick in?", "place")
    assert on_topic(query, [vague, placed], weights, Settings()) == [placed]


def test_a_verb_told_in_the_past_holds_the_questions_present():
    from rag.abstain import holds_topic, wordings
    from rag.config import Settings

    met = candidate("The Improvement Board met monthly.")
    weights = fenwick_weights(met)
    focuses = wordings("how often does Fenwick's improvement board meet", weights)
    assert holds_topic(focuses, "A board was set up in 2024. It met monthly.", weights, Settings())
    assert not holds_topic(focuses, "A board was set up in 2024. It reported monthly.", weights, Settings())


def test_a_sentence_speaking_of_the_work_a_named_service_provides_is_about_it():
    from rag.abstain import names_by_its_work

    before = "Fenwick Intermediate Care at Home provided reablement for up to six weeks."
    assert names_by_its_work("In 2024/25, 690 people started reablement.", before)
    assert not names_by_its_work("In 2024/25, 690 people received home care.", before)


def test_a_figure_is_narrowed_to_what_the_field_is_named_before():
    from rag.abstain import beyond_field, counts_within_topic, narrowing_terms
    from rag.config import Settings
    from rag.terms import TermWeights

    texts = ["Adult social care overspent by £3.2 million in 2023/24.", "The adult social care precept rose by 2%.",
             "Staff were kind.", "Carers were supported.", "Homes were full.", "The list was long.", "People went home.",
             "Care was good.", "Waits fell.", "The board met.", "Fees rose.", "Reviews were late.", "Advocates helped.",
             "Nurses left."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    precept = _count("By how much did Fenwick raise the adult social care precept in 2023/24?")
    assert "precept" in narrowing_terms(precept, weights, Settings())
    assert not narrowing_terms(precept, weights, Settings()) & {"adult", "social"}  # the field narrows nothing else
    assert not counts_within_topic(precept, candidate(texts[0]), weights, Settings())  # an overspend, not the precept
    assert counts_within_topic(precept, candidate(texts[1]), weights, Settings())
    assert beyond_field("did fenwick go over its adult social care budget") == "did fenwick go over its budget"
    assert "adult social care" in beyond_field("who has been in charge of adult social care since 2021")
    assert "adult social care" in beyond_field("how many adult social care staff left in 2023/24")  # the field's own
    assert "adult social care" in beyond_field("How much did Fenwick spend on adult social care overall?")  # a measure


def test_a_rate_is_narrowed_to_whose_rate_it_is():
    from rag.abstain import counts_within_topic, rate_owner, rate_owner_terms
    from rag.config import Settings
    from rag.terms import TermWeights

    texts = ["There were 63 care homes in Fenwick, with a vacancy rate of around 11%.",
             "The social work vacancy rate was 12%.", "Staff were kind.", "Carers were supported.", "Homes were full.",
             "The list was long.", "People went home.", "Care was good.", "Waits fell.", "The board met.", "Fees rose.",
             "Reviews were late.", "Advocates helped.", "Nurses left."]
    weights = TermWeights([candidate(t).passage.chunk for t in texts])
    rate = _count("What was the social worker vacancy rate in Fenwick?")
    assert not counts_within_topic(rate, candidate(texts[0]), weights, Settings())  # care homes' vacancies
    assert counts_within_topic(rate, candidate(texts[1]), weights, Settings())
    assert rate_owner_terms(_count("What was Fenwick's vacancy rate in June 2024?"), weights, Settings()) is None
    assert rate_owner("What was the vacancy rate for occupational therapists at Fenwick Council?") == "occupational therapists"
    assert rate_owner("What was Fenwick CC's social work vacancy rate?") == "social work"  # not the council's name
    assert rate_owner("What standard hourly rate did Fenwick pay for home care?") == ""  # no workforce's rate
    assert rate_owner("By how much did Fenwick put up the rate it pays home care firms?") == ""
