"""Whether a sentence holds what a question asks for (positive and negative cases)."""

import pytest

from rag.answer_types import (
    abbreviates,
    asks_share,
    counted_nouns,
    figure_first,
    has_share,
    holds,
    new_names,
    role_words,
)
from rag.kinds import kinds_named, other_kind


@pytest.mark.parametrize("kind,sentence,question,expected", [
    ("number", "At the time of our assessment, 1,940 DoLS applications were waiting to be assessed.",
     "How many DoLS applications were waiting?", True),
    ("number", "The council ran four Living Well Hubs in libraries.", "How many people visited the hubs?", False),
    ("number", "Hounslow had 5 investigations by the LGSCO in 2022/23.", "How many investigations were there?", True),
    ("number", "Its budget was £412 million in 2023/24.", "How much did the council spend?", True),
    ("number", "The review took place in 2024.", "How much did the review cost?", False),
    ("date", "A further peer review would take place in 2024.", "When is the next peer review?", True),
    ("date", "A further peer review was planned.", "When is the next peer review?", False),
    ("person", "Staff said Dr Okafor led the service.", "Who is the head of the service?", True),
    ("person", "The Director of Adult Social Services led the service.", "Who is the director?", False),
    ("organisation", "Training was provided by the London Fire Brigade and a barrister.",
     "Which organisations provided training at the forums?", True),
    ("organisation", "Assessments were delegated to the Carers Hub, which a voluntary sector partner ran.",
     "Which organisation runs the Carers Hub?", False),
    ("organisation", "Carers could use the Carers Hub, which ran monthly carers' cafés in Finchley and Edgware.",
     "Which local charity runs the Carers Hub for carers?", False),  # an area is no body
    ("organisation", "Carers could use the Carers Hub, which Barnet Carers Trust ran for carers.",
     "Which local charity runs the Carers Hub for carers?", True),
    ("name", "The council launched its portal, 'Live Well Telford', in 2023.", "What is the name of the portal?", True),
    ("name", "The council launched a new portal in 2023.", "What is the name of the portal?", False),
    ("place", "Carers met at the Quayside Centre in Oakham every week.", "Where do carers meet in Oakham?", True),
    ("place", "Carers valued the Carers Cafe in Oakham.", "At which venue does the Carers Cafe in Oakham meet?", False),
    ("place", "There were 2 extra care schemes in the city with 246 flats.", "Where are Fenwick's extra care schemes?",
     False),  # the council's whole area is no answer to where in it
    ("place", "The extra care scheme was in the city centre.", "Where is Fenwick's extra care scheme?", True),
    ("frequency", "The board met every six weeks and was chaired by a carer.", "How often does the board meet?", True),
    ("frequency", "In 2023/24, 71% of people were asked what outcomes they wanted.",
     "How often were people asked what outcomes they wanted?", True),  # a share of the times
    ("frequency", "The panel had 23 members and was set up in April 2024.", "How often does the panel meet?", False),
    ("frequency", "The Safeguarding Adults Board had an independent chair and met quarterly.",
     "How often does the Fenwick Together Partnership Board meet?", False),  # another board's meetings
    ("duration", "The Director of Adult Social Services had been in post since 2022.",
     "How long has the Director of Adult Social Services been in post?", True),  # since when says how long
    ("duration", "The director was appointed in 2022.", "How long did people wait for an assessment?", False),
    ("number", "The Lifeline service had about 3,400 users.", "How much does Fenwick charge each week for Lifeline?",
     False),  # a charge is a sum of money
    ("frequency", "Carers could get a personal budget of up to £450 a year.", "How often can carers get a budget?", False),
    ("frequency", "The council used a telephone interpreting service 3 times in 2023/24.",
     "How often did the council need a phone interpreter in 2023/24?", True),  # the times in a year say how often
    ("organisation", "The council had commissioned an external provider to complete 600 DoLS assessments.",
     "Which external provider completed the backlog of DoLS assessments?", False),  # one, not which
    ("organisation", "2,380 Deprivation of Liberty Safeguards applications were awaiting assessment.",
     "Which external provider completed the backlog of DoLS assessments?", False),  # the question's own DoLS
    ("organisation", "Brightwell Assessments Ltd was commissioned to complete 600 DoLS assessments.",
     "Which external provider completed the backlog of DoLS assessments?", True),
    ("number", "The Street Team completed 74 Care Act assessments with people sleeping rough in 2023/24.",
     "How many people sleeping rough had their needs assessed in 2023/24?", True),  # one assessment a person
    ("number", "In 2023/24, 1,342 carers' assessments or reviews were completed.",
     "How many carers' assessments or reviews were completed in 2023/24?", True),  # either noun of "or"
    ("number", "The local authority increased home care fees by 7.9% for 2024/25.",
     "By how much did Fenwick raise the fees it pays home care providers?", True),  # a rise in money as a share
    ("number", "Complaints about home care rose from 142 to 236, and most were about fees.",
     "By how much did Fenwick raise the fees it pays home care providers?", False),  # "most" is no rise
    ("number", "The local authority reviewed home care fees for 2024/25, and 7 providers took part.",
     "How much did Fenwick pay in home care fees?", False),
    ("number", "The Street Team had 74 staff working with people sleeping rough in 2023/24.",
     "How many people sleeping rough had their needs assessed in 2023/24?", False),
    ("date", "Handovers improved since a joint transfer of care hub opened in March 2024.",
     "When did the Community Wellbeing Hub open?", False),  # another hub's opening
    ("date", "The Community Wellbeing Hub opened in March 2024.", "When did the Community Wellbeing Hub open?", True),
    ("date", "The partnership published a review in 2025 and had an independent chair.",
     "When was the partnership's independent chair appointed?", False),  # another event's date
    ("date", "An independent chair was appointed to the partnership in May 2024.",
     "When was the partnership's independent chair appointed?", True),
    ("date", "The Practice Academy supported new social workers, and 22 completed their first year in 2024.",
     "When was the Practice Academy set up?", False),  # the first of a span is no start
    ("date", "The Practice Academy was first commissioned in 2021.", "When was the Practice Academy set up?", True),
    ("number", "The council commissioned home care from 39 providers under a framework agreed in 2023.",
     "How many home care providers did Fenwick use before its 2023 framework was agreed?", False),  # how many since
    ("number", "Before the framework was agreed, the council used 61 home care providers.",
     "How many home care providers did Fenwick use before its 2023 framework was agreed?", True),
    ("number", "In 2023/24, 2,104 section 42 enquiries were started.",
     "How many section 42 enquiries did Fenwick complete in 2023/24?", False),  # started is not completed
    ("number", "In 2023/24, 1,980 section 42 enquiries were completed.",
     "How many section 42 enquiries did Fenwick complete in 2023/24?", True),
    ("number", "In 2023/24, 90.1% of older people were still at home 91 days after reablement.",
     "What proportion of working-age adults were still at home 91 days after reablement?", False),  # another age group
    ("number", "In 2023/24, 90.1% of older people were still at home 91 days after reablement.",
     "What proportion of older people were still at home 91 days after reablement?", True),
    ("number", "People from Asian communities were 11% of people receiving long-term support.",
     "What share of people receiving long-term support were from Black communities?", False),  # another group
    ("number", "- Residents who said they provide unpaid care: 8.7%", "How many residents were placed out of the "
     "borough?", False),  # a bullet's dash is no number, and a share no count
    ("number", "The transitions team supported 143 young people aged 16 to 25.",
     "How many young people aged 14 to 25 did the transitions team support?", False),  # another age range
    ("number", "The transitions team supported 143 young people aged 14 to 25.",
     "How many young people aged 14 to 25 did the transitions team support?", True),
    ("number", "Transition plans were in place for 79% of young people aged 17.",
     "What percentage of 16-year-olds had a transition plan in place?", False),  # another single age
    ("number", "Transition plans were in place for 64% of young people aged 16.",
     "What percentage of 16-year-olds had a transition plan in place?", True),
    ("organisation", "The sensor trial had been evaluated by a local university.",
     "Which university evaluated the sensor trial?", False),  # no university named
    ("organisation", "The sensor trial had been evaluated by Fenwick Hope University.",
     "Which university evaluated the sensor trial?", True),
    ("organisation", "Staff at the University of Fenwick evaluated the sensor trial.",
     "Which university evaluated the sensor trial?", True),
    ("number", "The outreach team met 96 people aged over 50 who slept rough.",
     "How many people aged under 50 slept rough?", False),  # the other side of the age
    ("number", "The outreach team met 96 people aged over 50 who slept rough.",
     "How many people aged over 50 slept rough?", True),
    ("number", "In 2023/24, 680 carers received a personal budget of up to £450 a year.",
     "How much did Fenwick spend in total on carers' personal budgets in 2023/24?", False),  # each carer's, not all
    ("number", "Fenwick spent £306,000 on carers' personal budgets in 2023/24.",
     "How much did Fenwick spend in total on carers' personal budgets in 2023/24?", True),
    ("description", "Anything at all.", "What is it?", True),
])
def test_holds(kind, sentence, question, expected):
    assert holds(kind, sentence, question) is expected


def test_a_labelled_figure_is_read_figure_first():
    assert figure_first("- People receiving long-term support (2023/24): 7,940") == \
        "7,940 People receiving long-term support (2023/24)"
    assert figure_first("Total budget: £548.3m") == "£548.3m Total budget"
    assert figure_first("Staff said: we waited 3 weeks") == "Staff said: we waited 3 weeks"  # not a figure after a label


@pytest.mark.parametrize("sentence,question,expected", [
    ("In 2024/25 the council received 1,960 safeguarding concerns.",
     "How many safeguarding concerns about scams did Kelby receive in 2024/25?", False),  # concerns of every kind
    ("Of these, 85 concerns were about scams targeting older people.",
     "How many safeguarding concerns about scams did Kelby receive in 2024/25?", True),
    ("It received 61 complaints in 2024/25.", "How many complaints about adult social care did Kelby get?", True),  # common words
    ("It received 61 complaints in 2024/25.", "How many complaints did Kelby get?", True),  # no subject asked
])
def test_a_count_of_things_about_a_subject_names_it(sentence, question, expected):
    from rag.answer_types import subject_as_asked

    assert subject_as_asked(sentence, question, ("Kelby",)) is expected


@pytest.mark.parametrize("question,noun", [
    ("For how many of the people Kelby supports does it not record a religion?", "people"),  # a clause, no "that"
    ("How many people the council supports live in care homes?", "people"),
    ("How many Shared Lives carers were there?", "carer"),  # capitals inside the name
])
def test_the_counted_noun_ends_where_a_clause_opens(question, noun):
    assert counted_nouns(question) == {noun}


def test_a_count_of_those_who_joined_is_given_by_its_participants():
    assert holds("number", "The Aspire mentoring scheme started in May 2024 with 22 participants.",
                 "How many staff joined Kelby's Aspire mentoring scheme when it began?", ("Kelby",))


def test_counted_nouns_and_new_names():
    assert "application" in counted_nouns("How many Deprivation of Liberty Safeguards applications were waiting?")
    assert counted_nouns("What percentage were upheld?") == set()
    assert [n for _, n in new_names("The Oakham Hub met weekly.", "Where does the hub meet?")] == ["The Oakham Hub"]
    question = "Which university evaluated the Fenwick Partners programme?"
    assert new_names("Through the Fenwick Partners programme, it funded 28 groups.", question) == []  # the opening word
    assert [n for _, n in new_names("Through the Kelby University partnership, it was evaluated.", question)] == [
        "Kelby University"]


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # a person or holder is named beside the role or body asked about, not another one
    ("holder", "The Fenwick Safeguarding Adults Board had an independent chair, Ada Moss.",
     "Who chairs the Health and Wellbeing Board in Fenwick?", ("Fenwick",), False),
    ("holder", "The Fenwick Safeguarding Adults Board, chaired by Ada Moss, met monthly.",
     "Who chairs the Safeguarding Adults Board in Fenwick?", ("Fenwick",), True),
    ("person", "The plan was agreed with the Director of Adult Social Care and the Executive Director.",
     "Who is Fenwick's Director of Adult Social Care?", ("Fenwick",), False),
    ("person", "The Director of Adult Social Care, Dr Ruth Obi, joined in 2023.",
     "Who is Fenwick's Director of Adult Social Care?", ("Fenwick",), True),
    # the counted thing in the reports' wider word, and places by another name
    ("number", "In 2023/24, 34 people had been placed in care homes outside the borough.",
     "How many Fenwick residents were placed in care homes outside the borough?", ("Fenwick",), True),
    ("number", "The hubs ran in 24 locations across the county.", "In how many places do the hubs run?", (), True),
    ("number", "41% of residents are from ethnic minority groups.", "How many people does the council support?", (), False),
    ("number", "In 2024, 620 residents took part in Fenwick Walks.", "How many people joined Fenwick Walks in 2024?",
     ("Fenwick",), True),  # residents are people
    ("number", "In 2024, 620 adults took part in Fenwick Walks.", "How many people joined Fenwick Walks in 2024?",
     ("Fenwick",), True),
    ("number", "In 2024, 620 volunteers ran Fenwick Walks.", "How many people joined Fenwick Walks in 2024?",
     ("Fenwick",), False),  # those who ran it are not those who joined it
    ("number", "Twelve complaints came via the Ombudsman.", "How many complaints came in through the Ombudsman?", (), True),
    # a figure after its label, the label's period in brackets
    ("number", "- People receiving long-term support (2023/24): 7,940",
     "How many people were receiving long-term support in 2023/24?", (), True),
    ("number", "- Carers supported (2023/24): 3,210",
     "How many people were receiving long-term support in 2023/24?", (), False),
    # the times something was done, counted by its occasions
    ("number", "In 2023/24 the council booked 312 interpreter sessions for appointments.",
     "How many times did Fenwick book sign language interpreters in 2023/24?", ("Fenwick",), True),
    ("number", "In 2023/24 the council had 31 staff trained in sign language.",
     "How many times did Fenwick book sign language interpreters in 2023/24?", ("Fenwick",), False),
    ("number", "In 2023/24 the council received 21,300 contacts.",  # occasions of another thing
     "How many times did Fenwick's staff use an interpreter in 2023/24?", ("Fenwick",), False),
    # a figure for another kind of the same family
    ("number", "The social worker vacancy rate was 8%.", "What is the vacancy rate for occupational therapists?", (), False),
    ("number", "The OT vacancy rate was 11%.", "What is the vacancy rate for occupational therapists?", (), True),
    ("number", "1,620 people were waiting for a Care Act assessment.",
     "How many people were waiting for an occupational therapy assessment?", (), False),
    ("number", "The home care rate was £25.60 an hour.", "What weekly fee is paid for a nursing home placement?", (), False),
    ("number", "The budget was £76 million, with savings of £3.1 million.",
     "By how much was the budget forecast to overspend?", (), False),
    ("duration", "The longest wait was 23 weeks.", "What was the median wait for an OT assessment?", (), False),
    ("duration", "The median wait was 19 days.", "What was the median wait?", (), True),
    # a share for a percentage question
    ("number", "Only 212 carers' assessments were completed.", "What percentage of carers were satisfied?", (), False),
    ("number", "Around 64% of carers said they were satisfied.", "What percentage of carers were satisfied?", (), True),
    # a name beside its topic over an article; a name holding the topic word inside it
    ("organisation", "Examples included training provided by the London Fire Brigade.",
     "Which outside organisation delivered training at the forums?", (), True),
    ("organisation", "The council funded two community organisations to employ connectors, and contacts from South Asian "
     "people rose.", "What are the names of the community organisations that employ the connectors?", (), False),
    ("organisation", "Extra capacity came into the OT team through an external agency.",
     "Which external agency supplied the extra occupational therapy capacity?", (), False),
    ("name", "The council took part in the Local Government Association (LGA) Corporate Peer Challenge.",
     "Which Local Government Association peer review did the council take part in?", (), True),
    # a date the question already gives is no answer; a month is no name
    ("date", "The Annual Complaints Report 2023/24 was not yet available.",
     "When will the council publish its complaints report for 2023/24?", (), False),
    ("date", "The 2023/24 report will be published in June 2025.",
     "When will the council publish its complaints report for 2023/24?", (), True),
    ("organisation", "The council moved to a zoned model of home care in April 2024, with 11 lead providers.",
     "Which provider holds the home care contract for the northern zone?", (), False),
    ("person", "Examples included training by the London Fire Brigade and a barrister.",
     "What was the name of the barrister who trained staff?", (), False),
    ("date", "Leaders said a reviews project would run until March 2026.", "When did the reviews project begin?", (), False),
    ("date", "The project began in March 2024 and would run until March 2026.", "When did the project begin?", (), True),
    ("duration", "The average wait for a major adaptation in council housing was 16 weeks.",
     "How long did people in privately rented homes wait for a major adaptation?", (), False),
    ("holder", "A transitions board was chaired jointly by the directors of children's and adult services.",
     "Who chairs the Adults Performance and Quality Board?", (), False),
    ("organisation", "Independent advocacy was provided by Tamar Voice Advocacy.",
     "Which organisation provides independent advocacy for adults?", (), True),
    ("number", "Fourteen Community Anchor organisations provided support.",
     "How many Community Anchor organisations work across the neighbourhoods?", (), True),
    ("number", "There were 1,980 Deprivation of Liberty Safeguards applications awaiting assessment.",
     "How many Deprivation of Liberty Safeguards applications were waiting?", (), True),
    ("number", "It paid a rate of £24.10 per hour for home care in 2024/25.", "What hourly rate did it pay for home care?",
     (), True),
    ("number", "Twenty-two care homes were rated requires improvement.", "How many care homes were rated requires improvement?",
     (), True),
    ("number", "In 2023/24, 31% of young people did not have a plan.", "How many young people were on the team's caseload?",
     (), False),  # a share does not answer "how many"
    ("number", "Ethnicity was recorded for only 71% of people receiving care.", "For how many of the people does it know "
     "their ethnic background?", (), True),
    ("number", "An average of 48 people a day were medically fit but still in hospital.",
     "On average, how many medically fit people a day were still in hospital?", (), True),
    ("number", "The reablement service supported 1,250 people in 2023/24.",
     "How many people does the technology enabled care service support?", (), False),
    ("number", "The social worker vacancy rate had fallen to 9%.", "What share of social work posts were filled by agency staff?",
     (), False),
    # "vacant" and "unfilled" posts are vacancies
    ("number", "21% of occupational therapy posts were vacant, and 9% were covered by agency staff.",
     "What share of occupational therapist jobs were unfilled?", (), True),
    ("number", "21% of occupational therapy posts were vacant, and 9% were covered by agency staff.",
     "What share of occupational therapist jobs were covered by agency staff?", (), True),
    ("duration", "346 people were waiting for a Care Act assessment and the average wait was 17 days.",
     "What was the average wait for a carer's assessment?", (), False),
    # an age or a sum of money counts nothing; a number counts the noun just after it
    ("number", "Young adults aged 18 to 24 were helped by a transition coach.",
     "How many young adults did the transition coach help?", (), False),
    ("number", "The transition coach helped 85 young adults aged 18 to 24.",
     "How many young adults did the transition coach help?", (), True),
    ("number", "Fenwick paid £22.75 an hour for home care.", "How many care homes in Fenwick were rated good?", ("Fenwick",), False),
    ("number", "Some 40 people lived in care homes outside the county.", "How many care homes were rated inadequate?", (), False),
    ("number", "Some 40 care homes were rated good.", "How many care homes were rated good?", (), True),
    ("number", "About 1,600 carers' assessments were completed.", "How many carers were waiting for an assessment?", (), False),
    ("number", "About 1,600 carers' assessments were completed.", "How many carers' assessments were completed?", (), True),
    ("number", "The hub completed 1,020 carers' assessments in 2025/26.", "How many young carers did the hub support?",
     (), False),
    ("number", "The service could take 90 new people each month.", "How many people used the service in 2024/25?", (), False),
    ("number", "The service took 90 new people each month.", "How many new people did the service take each month?", (), True),
    ("number", "A trial put sensors in 300 households.", "How many homes took part in the trial of sensors?", (), True),
    # a general figure for a narrower kind or a named part
    ("duration", "The median wait for an assessment was 9 weeks.", "What was the median wait for a carers' assessment?",
     (), False),
    ("duration", "The median wait for an assessment was 9 weeks.", "What was the median wait for a Care Act assessment?",
     (), True),
    ("duration", "At the time of our assessment the longest wait was 12 weeks.",
     "What was the longest wait for an occupational therapy assessment?", (), True),
    ("number", "Fenwick received 180 complaints in 2024/25.", "How many complaints were upheld in Fenwick in 2024/25?",
     ("Fenwick",), False),
    ("number", "Of the 180 complaints received, 52 were upheld.", "How many complaints were upheld in Fenwick?",
     ("Fenwick",), True),
    ("number", "The staff vacancy rate was 12%.", "What was the vacancy rate in Fenwick's Oak Vale team?", ("Fenwick",), False),
    ("number", "The Oak Vale team's vacancy rate was 19%.", "What was the vacancy rate in Fenwick's Oak Vale team?",
     ("Fenwick",), True),
    ("number", "The staff vacancy rate was 12%.", "What was Fenwick CC's vacancy rate in Sept 2024?", ("Fenwick",), True),
    ("duration", "The median wait for a Care Act assessment was 19 days.",
     "What was the median wait for an assessment in the South quadrant of Fenwick?", ("Fenwick",), False),
    ("duration", "In the South quadrant the median wait was 26 days.",
     "What was the median wait for an assessment in the South quadrant of Fenwick?", ("Fenwick",), True),
    ("number", "In 2023/24, 9% of nursing placements were outside the borough.",
     "What share of nursing placements made by the Berkshire borough of Fenwick were outside it?", ("Fenwick",), True),
    ("number", "There were 240 DoLS applications waiting.", "How many Deprivation of Liberty Safeguards applications "
     "were waiting?", (), True),
    ("number", "The staff vacancy rate was 12%.", "What was the vacancy rate for social workers?", (), False),
    # a price per hour, and an overspend, are what they say
    ("number", "The care budget for the year was £98 million.", "What hourly rate did Fenwick pay for home care?",
     ("Fenwick",), False),
    ("number", "The budget was £98 million with savings of £6 million.", "What overspend was Fenwick forecasting?",
     ("Fenwick",), False),
    ("person", "Each team had a named Caldicott Guardian.", "What is the name of Fenwick's Caldicott Guardian?",
     ("Fenwick",), False),
    ("person", "The board's independent chair was named Ada Moss.", "What is the name of the board's independent chair?",
     (), True),
])
def test_holds_with_councils(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected


def test_the_passage_may_name_the_part_a_figure_is_for():
    sentence = "At the time of our assessment, 1,940 applications were waiting."
    question = "How many Deprivation of Liberty Safeguards applications were waiting?"
    assert holds("number", sentence, question, context="DoLS: " + sentence)
    assert holds("number", sentence, question, context="Deprivation of Liberty Safeguard: " + sentence)
    assert not holds("number", sentence, question, context="Safeguarding enquiries: " + sentence)


def test_role_words_leave_out_the_council_the_verb_and_question_words():
    assert role_words("Who chairs the Health and Wellbeing Board in Fenwick?", ("Fenwick",)) == {"health", "wellbeing", "board"}
    assert role_words("Who is Fenwick's new Principal Social Worker?", ("Fenwick",)) == {"principal", "social", "worker"}


def test_role_words_leave_out_when_the_question_asks_about():
    question = "Who was Fenwick's Director of Adult Social Services at the time of the CQC assessment?"
    assert role_words(question, ("Fenwick",)) == {"director", "adult", "social", "service"}
    assert role_words("Who chaired the board during the inspection?") == {"board"}
    assert role_words("Who led the assessment team?") == {"assessment", "team"}  # the assessment team is the role


def test_acronyms_of_the_question_words_and_shares():
    assert abbreviates("OT", "the occupational therapy team") and abbreviates("SABs", "Safeguarding Adults Boards")
    assert not abbreviates("NHS", "the occupational therapy team")
    assert asks_share("What proportion of reviews were late?") and not asks_share("How many reviews were late?")
    assert all(has_share(t) for t in ("71% of people", "12 per cent", "two-thirds of staff", "one in five carers"))
    assert not has_share("212 carers' assessments were completed in 2024")


def test_kinds_of_one_family():
    assert kinds_named("OT and social worker vacancies")["profession"] == {"occupational therapist", "social worker"}
    assert other_kind("Social workers and OTs had 12 cases each.", "How many cases did OTs hold?") is None
    assert other_kind("ots were low", "How many OTs?") is None  # acronyms only in capitals
    assert other_kind("The median wait was 19 days.", "What was the longest wait?") == ("longest", "median")
    reablement = "Of those who finished reablement, 71% needed no further ongoing support."
    target = "What target did Fenwick set for the share of people needing no ongoing support after reablement?"
    assert other_kind("This was below the council's own target of 78%.", target, reablement) is None  # its figure's
    assert other_kind("The council's own target was 78%.", target, reablement) == ("no ongoing support",
                                                                                   "no no ongoing support")
    both = "The median wait was 87 days and the longest wait was 11 months."
    assert other_kind(both, "Which had a median or average wait of over 60 days?", named_only=True) is None  # either
    assert other_kind(both, "Which had a median and average wait of over 60 days?", named_only=True) is not None


def test_permanent_staff_are_not_agency_staff():
    question = "How many permanent social workers work in Fenwick's safeguarding team?"
    assert other_kind("An agency team of six social workers screened the backlog.", question) == ("permanent", "agency")
    assert other_kind("The team had 14 permanent social workers and 3 locums.", question) is None
    assert other_kind("The team had 14 social workers.", question) is None  # names neither


def test_an_assessment_people_received_is_one_carried_out_but_referrals_received_are_not():
    question = "Which councils carried out more than 1,000 carers' assessments or reviews?"
    assert other_kind("In 2025/26, 2,150 carers received an assessment or review.", question, named_only=True) is None
    assert other_kind("In 2025/26, 2,150 carers received an\nassessment or review.", question) is None  # carers' own
    assert other_kind("In 2025/26, 2,150 people received an assessment.", question) == ("carers' assessment", "assessment")
    assert other_kind("The council received 2,150 referrals in 2025/26.", "How many referrals did the council complete?",
                      named_only=True) == ("completed", "received")


def test_a_group_counted_may_be_named_by_the_sentence_before_but_a_measure_not():
    question = "How many people with autism started paid jobs through the Fenwick scheme?"
    sentence, before = "In 2023/24, 38 people started paid jobs through the scheme.", "The scheme supports autistic people."
    assert other_kind(sentence, question, counting=True) == ("autism", "no autism")
    assert other_kind(sentence, question, before, counting=True) is None
    question, before = "What was the median wait for a Fenwick carers' assessment?", "The median wait was 14 days."
    assert other_kind("Most were seen straight away.", question, before) == ("median", "no median")


@pytest.mark.parametrize("sentence,expected", [
    ("76% of those who had reablement were still at home 91 days after leaving hospital.",
     ("no ongoing support", "at home after 91 days")),
    ("In 2023/24 only 55% of referrals to reablement were accepted.", ("no ongoing support", "no no ongoing support")),
    ("Of those who finished reablement, 78% needed no ongoing package of care.", None),
    ("83% of people did not need long-term support afterwards.", None),
])
def test_the_share_who_needed_no_more_care_is_named_as_such(sentence, expected):
    question = "What percentage of people who finished reablement needed no ongoing care?"
    assert other_kind(sentence, question) == expected


def test_every_kinds_row_has_a_family_a_kind_and_wordings():
    import csv

    from rag.config import DATA_DIR

    with open(DATA_DIR / "kinds.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    assert rows and all(len(row) == 3 and all(field.strip() for field in row) for row in rows)  # no stray comma


def test_a_family_plain_word_is_not_a_narrower_kind():
    question = "What was the median wait for an occupational therapy assessment?"
    assert other_kind("The median wait for an assessment was 5 weeks.", question) == ("occupational therapy assessment",
                                                                                    "assessment")
    assert other_kind("The median wait for an OT assessment was 5 weeks.", question) is None
    assert other_kind("At the time of our assessment the median wait was 5 weeks.", question) is None  # CQC's assessment
    assert other_kind("The median wait for an assessment was 5 weeks.", "What was the median wait for a Care Act "
                      "assessment?") is None  # a plain assessment is a Care Act one
    assert other_kind("It received 90 complaints.", "How many complaints were upheld?") == ("upheld", "complaints")
    assert other_kind("It upheld 20 of 90 complaints.", "How many complaints were upheld?") is None
    assert other_kind("It completed 900 assessments.", "How many people were waiting?") == ("waiting", "completed")


def test_a_sentence_naming_no_kind_continues_the_plain_word_before_it():
    question = "What was the median wait for an occupational therapy assessment in the north locality?"
    assert other_kind("In the north locality, the median wait was 90 days.", question,
                      "The median wait for an assessment was 60 days.") == ("occupational therapy assessment", "assessment")
    assert other_kind("In the north locality, the median wait was 90 days.", question,
                      "Waits for an OT assessment were long.") is None  # the kind itself before it
    assert other_kind("In the north locality, the median wait was 90 days.", "What was the median wait for a Care "
                      "Act assessment in the north locality?", "The median wait for an assessment was 60 days.") is None


def test_a_plain_word_continues_the_kind_the_sentence_before_named_for_whom_it_names():
    question = "How many carers were waiting for a carers' assessment?"
    lead_in = "The council completed 604 carers' assessments in 2023/24."
    assert other_kind("388 carers were waiting for an assessment.", question, lead_in, counting=True) is None
    assert other_kind("388 people were waiting for an assessment.", question, lead_in, counting=True) == \
        ("carers' assessment", "assessment")
    assert other_kind("388 carers were waiting for an assessment.", question, counting=True) == \
        ("carers' assessment", "assessment")  # nothing before it named the carers' one


def test_a_wait_for_dols_is_not_a_wait_for_another_assessment():
    sentence = "214 Deprivation of Liberty Safeguards applications were waiting, and the longest had waited 7 months."
    assert other_kind(sentence, "What was the longest wait for a carers' assessment?") == \
        ("carers' assessment", "DoLS assessment")
    assert other_kind(sentence, "What was the longest wait for a DoLS assessment?") is None


def test_named_parts_leave_out_the_council_in_any_form_months_and_lone_proper_words():
    from rag.answer_types import named_parts
    assert named_parts("What was the vacancy rate in Cornwall's West Penwith teams?", ("Cornwall",)) == (
        "Cornwall's West Penwith",)
    assert named_parts("What was the median wait in the South quadrant of Essex?", ("Essex",)) == ("South",)
    assert named_parts("What was the median wait for a Care Act assessment in LB Camden in Jan 2025?", ("Camden",)) == ()
    assert named_parts("Leeds CC: what share of care homes were rated good?", ("Leeds",)) == ()
    assert named_parts("What share of improvements the Ombudsman required were late?", ()) == ()


def test_a_part_of_the_area_named_in_lower_case_by_its_side_narrows_the_figure():
    from rag.answer_types import named_parts, names_the_part
    question = "what was the median wait in the east locality of fenwick"
    assert named_parts(question, ("Fenwick",)) == ("east",)
    assert named_parts("how long do people wait in fenwick's south neighbourhood team", ("Fenwick",)) == ("south",)
    assert named_parts("what rate does fenwick pay for home care in rural areas", ("Fenwick",)) == ("rural",)
    assert named_parts("what was the median wait in the east of fenwick", ("Fenwick",)) == ("east",)  # its side
    assert named_parts("what was the median wait in east fenwick", ("Fenwick",)) == ()  # no word for a part
    assert named_parts("how many people were supported by the central duty desk", ()) == ()
    assert not names_the_part("The median wait was 9 weeks.", question, ("Fenwick",))  # the whole council's
    assert names_the_part("In the east locality, the median wait was 97 days.", question, ("Fenwick",))


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # a sentence broken across lines (as a PDF's text is) is read as one line
    ("number", "In 2023/24, the Kestrel Hub completed 2,310 carers'\nassessments.",
     "How many carers' assessments did the Kestrel Hub complete in 2023/24?", (), True),
    # personal names with a hyphen or an inner capital
    ("person", "The Principal Occupational Therapist, Nia Lee-Barton, ran a weekly clinic.",
     "Who is Fenwick's Principal Occupational Therapist?", ("Fenwick",), True),
    ("person", "The Director of Adult Services, Ian McAllister, chaired the panel.",
     "Who is Fenwick's Director of Adult Services?", ("Fenwick",), True),
    ("person", "A Principal Occupational Therapist post was created in 2023.",
     "Who is Fenwick's Principal Occupational Therapist?", ("Fenwick",), False),
    # a second question joined to the "who" one does not name the role
    ("person", "The current Director of Adult Services, Ada Moss, joined in July 2024.",
     "Who is Fenwick's Director of Adult Services and when did she start?", ("Fenwick",), True),
    ("person", "The Cabinet Member, Ada Moss, joined in July 2024.",
     "Who is Fenwick's Director of Adult Services and when did she start?", ("Fenwick",), False),
    # a count per day answers a question about an average day, not about a year's total
    ("number", "In 2023/24, an average of 11 people a day were delayed in hospital.",
     "On an average day, how many patients were stuck in hospital?", (), True),
    ("number", "In 2023/24, an average of 11 people a day were delayed in hospital.",
     "How many patients were delayed in hospital in 2023/24?", (), False),
    # "few homes" says roughly how many, not how many
    ("number", "Few homes could support people with complex dementia.", "How many care homes are there?", (), False),
    ("number", "There were 42 care homes in the borough.", "How many care homes are there?", (), True),
    # a sentence saying the figure was not recorded does not give it
    ("number", "Of the 286 complaints received, the council did not record how many were upheld.",
     "How many complaints were upheld?", (), False),
    ("number", "Of the 286 complaints received, 71 were upheld.", "How many complaints were upheld?", (), True),
    ("number", "The local authority did not know how many carers were waiting for an assessment.",
     "How many carers were waiting for an assessment?", (), False),
    # a median or an average is named in the sentence itself
    ("duration", "Some people had waited more than a year for an occupational therapy assessment.",
     "What was the median wait for an occupational therapy assessment?", (), False),
    ("duration", "The median wait for an occupational therapy assessment was 6 weeks.",
     "What was the median wait for an occupational therapy assessment?", (), True),
    # a count of people waiting comes from a sentence about waiting
    ("number", "In 2023/24, 1,250 carers registered with the emergency scheme.",
     "How many carers were waiting for an assessment?", (), False),
    ("number", "In March 2024, 1,250 carers were waiting for an assessment.",
     "How many carers were waiting for an assessment?", (), True),
    # a figure for another thing in the same frame: waiting for, complaints about, a share of
    ("number", "There were 142 people waiting for an occupational therapy assessment in March.",
     "How many people were waiting for a disabled facilities grant in March?", (), False),
    ("number", "There were 38 people waiting for a disabled facilities grant in March.",
     "How many people were waiting for a disabled facilities grant in March?", (), True),
    ("number", "The council received 198 complaints about adult social care, of which 71 were upheld.",
     "How many complaints about safeguarding were upheld?", (), False),
    ("number", "In 2024/25, 28% of people receiving long-term support used a direct payment.",
     "What percentage of unpaid carers receive a direct payment?", (), False),
    ("number", "In 2024/25, 12% of unpaid carers received a direct payment.",
     "What percentage of unpaid carers receive a direct payment?", (), True),
    ("number", "The council's data showed that 23% of calls were abandoned before they were answered.",
     "What share of callers hung up before anyone answered?", (), True),
    # a holder described only by the role names no one
    ("holder", "The Fenwick Safeguarding Adults Board was chaired by an independent chair.",
     "Who chairs the Fenwick Safeguarding Adults Board?", ("Fenwick",), False),
    ("holder", "The Fenwick Safeguarding Adults Board was chaired by the Executive Director of Adults.",
     "Who chairs the Fenwick Safeguarding Adults Board?", ("Fenwick",), True),
])
def test_holds_what_this_round_checks(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected


def test_the_sentence_before_says_what_kind_a_figure_is_of():
    question = "What was the median wait for a carers' assessment?"
    sentence = "The median wait was 14 days."
    assert not holds("duration", sentence, question, lead_in="In May, 286 people were waiting for a Care Act assessment.")
    assert holds("duration", sentence, question, lead_in="In May, 80 carers were waiting for a carers' assessment.")
    # a median is named in the sentence itself, not taken from the one before
    assert not holds("duration", "Most were seen straight away.", question,
                     lead_in="The median wait for a carers' assessment was 14 days.")


@pytest.mark.parametrize("sentence,expected", [
    ("The Principal Occupational Therapist, Ann Lee-Ray, worked with the Principal Social Worker.", False),
    ("The Principal Social Worker, Ann Lee-Ray, worked with the Principal Occupational Therapist.", True),
    ("Ann Lee-Ray, the Principal Social Worker, ran the practice forum.", True),
    ("The Principal Social Worker worked with Dr Okafor on the forum.", True),
])
def test_a_person_is_named_beside_the_role_asked_about(sentence, expected):
    assert holds("person", sentence, "Who is Fenwick's Principal Social Worker?", ("Fenwick",)) is expected


@pytest.mark.parametrize("kind,sentence,question,expected", [
    # how often is not how long
    ("duration", "A duty worker phoned people on the waiting list every 6 weeks.",
     "What was the longest wait for an occupational therapy assessment?", False),
    ("duration", "The longest wait for an occupational therapy assessment was 6 weeks.",
     "What was the longest wait for an occupational therapy assessment?", True),
    # a question about when something began needs a sentence saying it began
    ("date", "The service completed 1,240 carers' assessments in 2023/24.",
     "In which year did Fenwick first commission the carers service?", False),
    ("date", "The carers service was first commissioned in 2019.",
     "In which year did Fenwick first commission the carers service?", True),
    # a council is not a company
    ("organisation", "The council shared its community equipment service with Wexmoor Borough Council.",
     "Which company provides the community equipment service?", False),
    ("organisation", "The community equipment service was provided by Medequip Services Ltd.",
     "Which company provides the community equipment service?", True),
    # a place is named after a word of place; a body named beside the topic is not where it is
    ("place", "The Fenwick Community Collective ran the community hubs with 90 groups.",
     "Where are the community hubs based?", False),
    ("place", "The community hubs were based in Altrincham and Sale.", "Where are the community hubs based?", True),
    ("place", "Connectors were based with GP practices in every town.", "Where are the Community Connectors based?", True),
    # the verb of running is not the topic: another service run by a charity is not the advocacy service
    ("organisation", "A direct payments support service, run by Calder Independent Living, helped people.",
     "Which organisation runs the advocacy service?", False),
    ("organisation", "The advocacy service was run by Wakefield Advocacy Partnership.",
     "Which organisation runs the advocacy service?", True),
    # a figure for the whole county does not answer a question about a named part of it
    ("duration", "The median wait for a Care Act assessment across the county was 24 days.",
     "What was the median wait for a Care Act assessment in the Scarborough hub?", False),
    ("duration", "The median wait for a Care Act assessment in the Scarborough hub was 40 days.",
     "What was the median wait for a Care Act assessment in the Scarborough hub?", True),
])
def test_frequencies_starts_companies_and_whole_areas(kind, sentence, question, expected):
    assert holds(kind, sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    # a target is not what was achieved
    ("In 2023/24, 74% of reviews were completed on time.", "What was the target for reviews completed on time?", False),
    ("The council aimed to complete 80% of reviews on time.", "What was the target for reviews completed on time?", True),
    # money spent on another thing
    ("It spent £12 million on home care in 2023/24.", "How much did Fenwick spend on day services in 2023/24?", False),
    # the whole council's budget is not what was spent on one thing; it answers a question about the whole
    ("Total council budget for 2023/24: £287.9 million", "How much did Fenwick spend on agency staff?", False),
    ("Total spend on agency staff was £2.1 million.", "How much did Fenwick spend on agency staff?", True),
    ("Total council budget for 2023/24: £287.9 million", "What was Fenwick's total budget?", True),
    # "carers" is not "care": the adult social care budget is not what was spent on the carers service
    ("Adult social care budget: £79.3 million", "How much did Fenwick spend on its carers service?", False),
    ("Adult social care budget: £79.3 million", "How much did Fenwick spend on adult social care?", True),
    # a figure per head is not a total
    ("The council overspent by £11.4 million in 2025/26.", "What was Fenwick's spend per head on adult social care?", False),
    ("It spent £412 per head on adult social care.", "What was Fenwick's spend per head on adult social care?", True),
    # by whom: complaints the council upheld are not those the ombudsman upheld
    ("It received 142 complaints, and 41% were upheld.", "What share of complaints were upheld by the ombudsman?", False),
    ("The ombudsman upheld 60% of the complaints it investigated.",
     "What share of complaints were upheld by the ombudsman?", True),
    ("The LGSCO upheld 60% of complaints.", "What share of complaints were upheld by the ombudsman?", True),
    ("It completed 900 assessments.", "How many assessments were carried out by the council?", True),  # itself
    # by whom, asked of the council's service by its work: the council's compliments are not its reablement service's
    ("The local authority recorded 1,260 compliments in 2024/25.",
     "How many compliments did Fenwick's reablement service receive in 2024/25?", False),
    ("The reablement service received 212 compliments in 2024/25.",
     "How many compliments did Fenwick's reablement service receive in 2024/25?", True),
    ("The Fenwick Reablement Team supported 900 people.", "How many people did the Fenwick Reablement Team support?",
     True),  # a service's name is checked as a name
    # a level is not a change
    ("In March 2024, 300 people were on the waiting list.", "By how much did the waiting list fall?", False),
    ("The waiting list fell from 520 to 300 people.", "By how much did the waiting list fall?", True),
    # extra care is housing with care, not more of anything
    ("It tested night-time monitoring in 3 extra care schemes.", "By how much did falls drop in its extra care schemes?",
     False),
    ("Falls dropped by 27% in its 3 extra care schemes.", "By how much did falls drop in its extra care schemes?", True),
])
def test_targets_spending_and_changes(sentence, question, expected):
    assert holds("number", sentence, question, ("Fenwick",)) is expected



def test_another_kind_named_in_place_of_one_asked():
    question = "By how much was Fenwick's adult social care budget forecast to overspend in 2024/25?"
    assert other_kind("The budget for 2024/25 was £76 million, with savings of £3.1 million.", question)
    assert other_kind("The budget was forecast to overspend by £4 million in 2024/25.", question) is None
    assert other_kind("The adult social care budget was balanced in 2023/24.", "Which councils overspent?")


def test_a_kind_asked_only_in_a_plain_wording_is_read_in_the_reports_words():
    from rag.answer_types import of_the_kind_asked, with_plain_wordings

    sentence = "The service had overspent by £6.3 million in 2023/24, and savings of £9.1 million were planned."
    question = "How far over budget did Fenwick's adult care service go in 2023/24?"  # "budget" only in "over budget"
    assert of_the_kind_asked(sentence, question, with_plain_wordings(question))
    asked = "How big was Fenwick's adult care budget in 2023/24?"  # the budget itself
    assert not of_the_kind_asked(sentence, asked, with_plain_wordings(asked))


def test_where_a_sum_stood_against_its_budget_is_no_thing_it_was_spent_on():
    from rag.answer_types import another_object, framed_things

    assert not any(t.frame == "spend" for t in framed_things("How far over budget did Fenwick's service go?"))
    assert [t.head for t in framed_things("the adult social care budget")] == ["care"]  # what it is for
    owned = framed_things("By how much did Fenwick's adult care spending go over budget?")
    assert [t.words for t in owned] == [frozenset({"adult", "care"})]  # a possessive: a noun, not the verb "spend"
    assert framed_things("How much did Fenwick cut from spending?") == ()  # the question's own verb
    lead = "The adult social care budget was £136.5 million in 2024/25."
    assert not another_object("The service had overspent by £6.3 million.", "How far over budget did the service go?",
                              lead_in=lead)


def test_another_ethnic_group_is_another_kind():
    sentence = "In 2024/25, 14% of people detained under the Mental Health Act were Black, against 9% of residents."
    assert other_kind(sentence, "What share of people detained under the Mental Health Act were Asian?") == ("Asian", "Black")
    assert other_kind(sentence, "What share of people detained under the Mental Health Act were Black?") is None
    listed = "41% of residents are from Black, Asian and other minority ethnic groups."
    assert other_kind(listed, "What share of residents are Asian?") is None  # the group is among those named
    assert other_kind("It published a white paper on care in 2023.", "How many Asian carers were assessed?") is None


def test_what_a_figure_s_cause_speaks_of_is_not_what_the_figure_is_of():
    from rag.answer_types import another_object

    question = "By how much did Fenwick's adult care spending go over budget?"
    caused = "Adult social care overspent by £4.1 million, mainly because of higher spending on residential care."
    assert not another_object(caused, question)
    assert another_object("Spending on residential care rose by £4.1 million.", question)  # the figure's own frame


@pytest.mark.parametrize("sentence,other", [
    ("85% of adult social care providers in Fenwick were rated good or outstanding.", True),  # all providers
    ("79% of nursing homes in Fenwick were rated good or outstanding.", False),
    ("79% of care homes with nursing in Fenwick were rated good or outstanding.", False),
])
def test_a_share_of_one_kind_of_provider_is_not_one_of_another(sentence, other):
    from rag.answer_types import another_object

    question = "What proportion of nursing homes in Fenwick are rated good or outstanding?"
    assert another_object(sentence, question, councils=("Fenwick",)) is other


def test_a_thing_worded_as_the_reports_never_do_is_not_judged_by_its_frame():
    from rag.answer_types import another_object

    sentence = "Waits for major adaptations funded through grants were longer, at an average of 38 weeks."
    question = "On average, how long do people wait for big house revamps paid for with grant money?"
    assert another_object(sentence, question)  # by the words alone, revamps are not adaptations
    used = {"major", "adaptation", "grant", "wait", "week"}
    assert not another_object(sentence, question, known=lambda w: w in used)  # "revamps": not the reports' word
    # a plain wording the reports' vocabulary knows ("home alterations" are adaptations) is judged as that
    assert not another_object(sentence, "On average, how long do people wait for big home alterations?")


@pytest.mark.parametrize("kind,sentence,question,expected", [
    # a section number is a label, not a count
    ("number", "The council received 3,150 concerns and 24% led to a section 42 enquiry.",
     "How many section 42 enquiries were still open?", False),
    ("number", "In 2023/24, 1,240 section 42 enquiries were opened.", "How many section 42 enquiries were opened?", True),
    # a rate that is a share needs a share; a count of posts is not a rate
    ("number", "The occupational therapy team had 4 vacant posts.", "What was the vacancy rate for occupational therapists?",
     False),
    ("number", "The occupational therapy vacancy rate was 12%.", "What was the vacancy rate for occupational therapists?",
     True),
    # money asked per week is given per week
    ("number", "Spend per adult resident on adult social care was £552.",
     "How much does the council pay per week for a residential care placement?", False),
    ("number", "The council paid £1,050 a week for a residential care placement.",
     "How much does the council pay per week for a residential care placement?", True),
    # "what did it cost" and "how much money" ask for money
    ("number", "The pilot placed sensors in 140 homes during 2024.", "What did the sensor pilot cost?", False),
    ("number", "The falls programme had reached 420 older people since 2023.",
     "How much money does the council put into the falls programme each year?", False),
    # a target is not what was done, and what was done is not a target
    ("number", "The programme aimed to save £6.1 million over three years.",
     "How much did the programme actually save in its first year?", False),
    ("number", "The programme had delivered £2.9 million of savings in its first year.",
     "How much is the programme expected to save in total?", False),
    ("number", "The programme aimed to save £6.1 million over three years.",
     "How much is the programme meant to save?", True),
    ("number", "In 2024, 56% of people in care homes were placed out of area, and a new home was planned to open in 2027.",
     "What proportion of people in care homes were placed out of area in 2024?", True),  # a plan's year, not its figure
    ("number", "Some 1,240 older people took part in the strength and balance classes in 2023/24.",
     "How many older people took part in the classes meant to stop them falling?", True),  # a purpose, not an aim asked
    # CQC ratings of care homes, and care homes are not home care
    ("number", "23% of care homes in the borough were rated requires improvement.",
     "What percentage of care homes were rated good or outstanding?", False),
    ("number", "84% of care homes were rated good or outstanding.",
     "What percentage of home care agencies are rated good or outstanding?", False),
    ("number", "84% of care homes were rated good or outstanding.",
     "What percentage of care homes are rated good or outstanding?", True),
    # received is not waiting
    ("number", "There were 410 Deprivation of Liberty Safeguards applications awaiting assessment.",
     "How many Deprivation of Liberty Safeguards applications did the council receive?", False),
    # a place beside the thing the question names
    ("place", "In 2024 the council tested Neighbourhood Care Teams in Norwood, with 3 small teams.",
     "Where were the Neighbourhood Care Teams piloted?", True),
    # a name of common words given whole, with the place set after it; not another service at that place
    ("place", "Rehabilitation was provided by the Intermediate Care Service at Brook Mill.",
     "Where is Fenwick's Intermediate Care Service based?", True),
    ("place", "The carers' centre was at Brook Mill.", "Where is Fenwick's Intermediate Care Service based?", False),
    # a population given as the people who live there; not as the carers among them
    ("number", "Approximately 412,300 people live in Fenwick.", "What population figure does the report give for Fenwick?", True),
    ("number", "Around 41,000 people provide unpaid care.", "What population figure does the report give for Fenwick?", False),
    ("place", "Day care was provided at Brook Mill.", "Where is Fenwick's Intermediate Care Service based?", False),
])
def test_labels_rates_prices_targets_ratings_and_places(kind, sentence, question, expected):
    assert holds(kind, sentence, question) is expected


def test_the_role_asked_about_leaves_out_the_verb_and_the_date():
    question = "Who was appointed as Fenwick's permanent director of adult social services in January 2025?"
    assert role_words(question, ("Fenwick",)) == {"permanent", "director", "adult", "social", "service"}
    sentence = ("Fenwick had three directors of adult social services in two years before a permanent director, "
                "Ann Lee-Ray, was appointed in January 2025.")
    assert holds("person", sentence, question, ("Fenwick",))


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # a count of care homes does not say how many were rated inadequate
    ("number", "Fernwood Homes, a pilot with 4 care homes, tested night sensors.",
     "How many care homes in Kelby were rated inadequate?", ("Kelby",), False),
    ("number", "Of 61 care homes, 5 were rated inadequate.", "How many care homes in Kelby were rated inadequate?",
     ("Kelby",), True),
    # "in pounds" asks for money, not a percentage
    ("number", "Grants to community groups were cut by 12% in 2024.",
     "How much, in pounds, did Kelby cut from its community grants in 2024?", ("Kelby",), False),
    ("number", "Grants to community groups were cut by £240,000 in 2024.",
     "How much, in pounds, did Kelby cut from its community grants in 2024?", ("Kelby",), True),
    # what was not done does not say what was done, unless the question asks what was not done
    ("number", "At the time of our assessment, 2,300 hours of home care a week could not be provided.",
     "How many hours of home care did Kelby deliver each week?", ("Kelby",), False),
    ("number", "At the time of our assessment, 2,300 hours of home care a week could not be provided.",
     "How many hours of home care a week could not be provided in Kelby?", ("Kelby",), True),
    ("number", "Kelby delivered 14,000 hours of home care a week, and 2,300 hours could not be provided.",
     "How many hours of home care did Kelby deliver each week?", ("Kelby",), True),
    ("number", "The council had not met its aim of reviewing 80% of people; 1,450 reviews were done.",
     "How many reviews were done in Kelby?", ("Kelby",), True),
    ("number", "Village carers support people in 11 rural parishes where agencies could not recruit.",
     "How many rural parishes do Kelby's village carers cover?", ("Kelby",), True),
    ("number", "Providers said the hourly rate of £23.40 did not cover rural travel.",
     "What hourly rate does Kelby pay for home care?", ("Kelby",), True),
    # a part of the area named only together with another has its figure shared with it
    ("number", "In March 2025, 31 people were waiting for home care, nearly all in the North and East localities.",
     "How many people were waiting for home care in the East locality of Kelby?", ("Kelby",), False),
    ("number", "In March 2025, 31 people were waiting for home care in the East locality.",
     "How many people were waiting for home care in the East locality of Kelby?", ("Kelby",), True),
    # a count asked of one thing picked out by an ordinal is given in a clause that names it
    ("number", "There were 2 extra care schemes with 180 flats in total, and a third scheme was planned for 2027.",
     "How many flats will Kelby's planned third extra care scheme have?", ("Kelby",), False),
    ("number", "A third extra care scheme, with 60 flats, was planned for 2027.",
     "How many flats will Kelby's planned third extra care scheme have?", ("Kelby",), True),
    # an ordinal naming a fraction ("the poorest tenth") picks out no one thing
    ("number", "About 1 in 4 neighbourhoods are among the 10% most deprived in England.",
     "What fraction of Kelby's neighbourhoods are among the poorest tenth in the country?", ("Kelby",), True),
    # a count of a group narrowed by a proper word or acronym must name that group
    ("number", "Stronger Legs, a falls programme, reached 380 older people in 2023/24.",
     "How many older LGBTQ+ residents did Kelby's project reach?", ("Kelby",), False),
    ("number", "The project reached 45 older LGBTQ+ residents in its first year.",
     "How many older LGBTQ+ residents did Kelby's project reach?", ("Kelby",), True),
    ("number", "The advice line helped 210 Kelby residents in 2024.",
     "How many Kelby residents did the advice line help?", ("Kelby",), True),
    # the body a holder is asked for is named by its own name
    ("holder", "The Kelby Safeguarding Adults Board, chaired independently by Maria Osei, met quarterly.",
     "Who chairs Kelby's Adults Performance Board?", ("Kelby",), False),
    ("holder", "The Adults Performance Board, chaired by Maria Osei, met monthly.",
     "Who chairs Kelby's Adults Performance Board?", ("Kelby",), True),
    # money framed as spent on one thing is not spending on another ("a year" may come between)
    ("number", "- Adult social care budget: £98.2 million", "How much does Kelby spend a year on interpreting?",
     ("Kelby",), False),
    ("number", "The council spent £310,000 on interpreting in 2023/24.",
     "How much does Kelby spend a year on interpreting?", ("Kelby",), True),
    ("number", "- Adult social care budget: £98.2 million", "What was Kelby's adult social care budget?", ("Kelby",), True),
    # grants are a kind of money of their own: a budget is not grant funding
    ("number", "The council's total budget was £171.5 million in 2023/24.",
     "How much grant funding did Kelby give to community groups in 2023/24?", ("Kelby",), False),
    ("number", "The council gave £1.1 million in grants to community groups in 2023/24.",
     "How much grant funding did Kelby give to community groups in 2023/24?", ("Kelby",), True),
    # a target is not what was achieved
    ("duration", "Leaders had set a target to bring the median wait below 28 days by March 2026.",
     "What was the median wait for an assessment in Kelby?", ("Kelby",), False),
    # a council's name set before the question does not hide its form
    ("holder", "The board had an independent chair and published its report every September.",
     "Kelby: who is the independent chair of the Safeguarding Adults Board?", ("Kelby",), False),
])
def test_ratings_money_negation_groups_bodies_and_targets(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected


def test_a_council_set_before_the_question_is_read_past():
    from rag.analyse import answer_type
    from rag.answer_types import without_address
    assert without_address("Kelby: who chairs the board?") == "who chairs the board?"
    assert without_address("Isles of Scilly - how many carers?") == "how many carers?"
    assert without_address("The report scored 2: what training do its staff get?").startswith("The report")
    assert answer_type("Kelby: who is the independent chair of the Safeguarding Adults Board?") == "person"


@pytest.mark.parametrize("question,kind", [
    ("How does Kelby protect its small adult social care budget against one costly placement?", "method"),
    ("How did the council balance its budget?", "method"),
    ("How did carers describe the council's carers' hub?", "views"),  # what people made of it, not a method
    ("What did parents in Kelby say about planning for adulthood?", "views"),
    ("What does the report say about waits in Kelby?", "description"),  # no group of speakers named
    ("How did changes in leadership affect adult social care in Kelby?", "description"),
    ("How does Kelby compare with its neighbours on waiting times?", "description"),
    ("How did people find the front door?", "views"),
    ("What has Kelby done to help people in rural areas reach services?", "method"),
    ("What action had Kelby taken to deal with its backlog of DoLS applications?", "method"),
    ("What does the Kelby Connect programme do?", "method"),
    ("What is the Kelby Together Partnership and what does it do?", "description"),  # what it is, first
    ("What is Kelby doing well?", "description"),
    ("How much did the council spend on home care?", "number"),
    ("What was the council's budget?", "number"),
    ("Where do Kelby's newest social workers mostly turn for help day to day?", "description"),
    ("Where can carers in Kelby get advice?", "description"),
    ("Where were Kelby's new extra care flats built?", "place"),
    ("What target had Kelby set for completing safeguarding enquiries?", "number"),
    ("What was the target date for Kelby's new strategy?", "description"),
    ("What was the longest time a safeguarding enquiry had waited to be allocated in Kelby?", "duration"),
])
def test_how_something_is_done_is_no_figure(question, kind):
    from rag.analyse import answer_type
    assert answer_type(question) == kind


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # the question's own describing words between a number and its noun keep them together
    ("number", "Kelby employed 3 Irish Traveller and Roma outreach officers who visited sites.",
     "How many Irish Traveller and Roma outreach officers does Kelby employ?", ("Kelby",), True),
    ("number", "Kelby employed 3 social workers in hospital teams, while outreach officers visited sites.",
     "How many Irish Traveller and Roma outreach officers does Kelby employ?", ("Kelby",), False),
    ("number", "Kelby employed 3 new part-time weekend outreach officers.",
     "How many Irish Traveller and Roma outreach officers does Kelby employ?", ("Kelby",), False),
    # the members of a panel are people
    ("number", "The Voices Panel, a group of 14 people who use services, met monthly.",
     "How many members sit on Kelby's Voices Panel?", ("Kelby",), True),
    ("number", "The Voices Panel met 14 times in 2024.", "How many members sit on Kelby's Voices Panel?", ("Kelby",),
     False),
    # "how much time" asks for time, not money
    ("number", "The new recording tool saved each worker about 4 hours a week.",
     "How much recording time a week did Kelby's new tool save each worker?", ("Kelby",), True),
    ("number", "The new recording tool saved £40,000 a year.",
     "How much did Kelby's new recording tool save?", ("Kelby",), True),
    ("number", "The new recording tool saved each worker about 4 hours a week.",
     "How much did Kelby's new recording tool save in pounds?", ("Kelby",), False),
    # a cause may be named as a noun
    ("reason", "Staff said that waiting for police reports was the most common cause of delay.",
     "Why were enquiries in Kelby slow?", ("Kelby",), True),
    ("reason", "Leaders attributed the fall to a new triage rota.", "Why did the waiting list fall?", ("Kelby",), True),
    ("reason", "The median time to finish an enquiry was 62 days.", "Why were enquiries in Kelby slow?", ("Kelby",),
     False),
    # when something is to happen is a date set ahead
    ("date", "A link worker post for the Somali community was created in 2025 but was vacant.",
     "When did Kelby expect to fill its Somali link worker post?", ("Kelby",), False),
    ("date", "Leaders expected to fill the Somali link worker post by June 2026.",
     "When did Kelby expect to fill its Somali link worker post?", ("Kelby",), True),
    ("date", "The hub opened in 2024.", "When will Kelby's new hub open?", ("Kelby",), False),
    ("date", "The new hub was due to open in May 2026.", "When will Kelby's new hub open?", ("Kelby",), True),
    ("date", "The hub opened in May 2024.", "When did Kelby's hub open?", ("Kelby",), True),
    # the longest time asked is given as the longest, in its own clause
    ("duration", "The median wait was 62 days, and waits were longest in the west.",
     "What was the longest anyone waited for an assessment in Kelby?", ("Kelby",), False),
    ("duration", "The median wait was 62 days, and the longest wait was 41 weeks.",
     "What was the longest anyone waited for an assessment in Kelby?", ("Kelby",), True),
    ("duration", "Some people had waited more than 12 months.",
     "What was the longest anyone waited for an assessment in Kelby?", ("Kelby",), True),
    ("duration", "The median wait was 62 days.", "How long did people wait for an assessment in Kelby?", ("Kelby",),
     True),
    # a target asked for is a figure named as the target
    ("number", "The median time to complete an enquiry was 62 days.",
     "What target had Kelby set for completing safeguarding enquiries?", ("Kelby",), False),
    ("number", "The council aimed to complete enquiries within 40 days.",
     "What target had Kelby set for completing safeguarding enquiries?", ("Kelby",), True),
    ("number", "The median time was 62 days, against a target of 40 days.",
     "What was Kelby's target for completing safeguarding enquiries?", ("Kelby",), True),
    # a number joined to its noun by a hyphen counts it; a plural before "of" in a title is what is counted
    ("number", "The council was building a new 60-bed nursing home, due to open in 2026.",
     "How many beds will Kelby's new nursing home have?", ("Kelby",), True),
    ("number", "The council was building a new nursing home on a 4-acre site.",
     "How many beds will Kelby's new nursing home have?", ("Kelby",), False),
    ("number", "There had been 4 Directors of Adult Social Services in 3 years.",
     "How many Directors of Adult Social Services has Kelby had in three years?", ("Kelby",), True),
    ("number", "The directorate ran 4 Adult Social Services hubs.",
     "How many Directors of Adult Social Services has Kelby had in three years?", ("Kelby",), False),
    # "One project …" opening a sentence is an example, not a count
    ("number", "One project used volunteer drivers.", "How many projects did Kelby's fund pay for?", ("Kelby",), False),
    ("number", "The fund paid for 12 projects.", "How many projects did Kelby's fund pay for?", ("Kelby",), True),
    # "6 people a day" is a rate, not a length of time
    ("duration", "Delayed discharges were low, with an average of 6 people a day waiting.",
     "What was the average wait for an assessment in Kelby?", ("Kelby",), False),
    ("duration", "The average wait for an assessment was a week.",
     "What was the average wait for an assessment in Kelby?", ("Kelby",), True),
    # when something happened is not when it was due
    ("date", "A draft was due to go to cabinet in June 2025.", "When did Kelby's cabinet approve the strategy?",
     ("Kelby",), False),
    ("date", "The cabinet approved the strategy in June 2025, and it will run until 2028.",
     "When did Kelby's cabinet approve the strategy?", ("Kelby",), True),
    # safeguarding concerns, section 42 enquiries and DoLS applications are counted apart
    ("duration", "1,020 Deprivation of Liberty Safeguards applications were waiting, and the longest had waited 14 months.",
     "What was the longest time a safeguarding enquiry had waited to be allocated in Kelby?", ("Kelby",), False),
    ("duration", "The longest a safeguarding enquiry had waited to be allocated was 9 weeks.",
     "What was the longest time a safeguarding enquiry had waited to be allocated in Kelby?", ("Kelby",), True),
    ("number", "The council received 2,780 safeguarding concerns in 2023/24.",
     "How many section 42 enquiries did Kelby start in 2023/24?", ("Kelby",), False),
    ("number", "The council started 940 section 42 enquiries in 2023/24.",
     "How many section 42 enquiries did Kelby start in 2023/24?", ("Kelby",), True),
    # a place that ends the question must be named beside the figure
    ("duration", "The median wait for an assessment was 19 days.",
     "What is the median wait for an assessment in the Wolds?", (), False),
    ("duration", "In the Wolds, the median wait for an assessment was 19 days.",
     "What is the median wait for an assessment in the Wolds?", (), True),
])
def test_described_counts_members_time_and_causes(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # a service named after the place is a name the question does not give
    ("name", "The council had started an in-house home care service, Care Kelby, in 2024.",
     "What is the name of Kelby Council's in-house home care service?", ("Kelby",), True),
    ("name", "Kelby Council had started an in-house home care service in 2024.",
     "What is the name of Kelby Council's in-house home care service?", ("Kelby",), False),
    ("organisation", "The Neighbourhood Connectors network had 380 trained volunteers.",
     "Which charity runs Kelby's Neighbourhood Connectors network?", ("Kelby",), False),
    # a count changed "from" one figure "to" another, named after its verb
    ("number", "The council had reduced its list of people waiting for a DoLS assessment from 1,260 in 2023 to 640 "
     "by March 2025.", "How many people were waiting for a DoLS assessment in Kelby by March 2025?", ("Kelby",), True),
    ("number", "The council had reduced waits for a DoLS assessment from 40 days in 2023 to 20 by March 2025.",
     "How many people were waiting for a DoLS assessment in Kelby by March 2025?", ("Kelby",), False),
    # the sum may stand between "spent" and what it was spent on
    ("number", "The council spent £5.4 million on agency staff in 2023/24.",
     "How much did Kelby spend on agency staff in 2023/24?", ("Kelby",), True),
    ("number", "The council spent £5.4 million on home care in 2023/24.",
     "How much did Kelby spend on agency staff in 2023/24?", ("Kelby",), False),
    ("number", "The council spent £5.4 million on agency staff in 2023/24.",
     "How many agency staff did Kelby use in 2023/24?", ("Kelby",), False),  # a sum, "million" and all, counts none
    # "averaged" gives an average
    ("number", "Caseloads averaged 28 people per social worker in 2024.",
     "What was the average caseload per social worker in Kelby in 2024?", ("Kelby",), True),
    ("number", "Caseloads reached 40 people per social worker in 2024.",
     "What was the average caseload per social worker in Kelby in 2024?", ("Kelby",), False),
    # a person named beside one role may be said to hold the one asked about as well
    ("person", "The Executive Director for People, Marcus Teague, was also the statutory Director of Adult Social "
     "Services.", "Who is the statutory director of adult social services at Kelby?", ("Kelby",), True),
    ("person", "The Executive Director for People, Marcus Teague, worked with the statutory Director of Adult Social "
     "Services.", "Who is the statutory director of adult social services at Kelby?", ("Kelby",), False),
    ("person", "The Director of Adult Social Services, Owen Latimer, was part of the senior leadership team and "
     "reported to the lead member for adult social care.", "What is the name of Kelby's lead member for adult social "
     "care?", ("Kelby",), False),  # what he was, and then another clause naming the role asked
    ("person", "The Director of Adult Social Services, Owen Latimer, was also the lead member's adviser and chaired the "
     "board.", "Who is Kelby's director of adult social services?", ("Kelby",), True),
    # posts, however they are called
    ("number", "There were 4.5 vacant occupational therapist posts in June 2024.",
     "How many occupational therapist jobs were unfilled in Kelby in 2024?", ("Kelby",), True),
    ("number", "There were 4.5 occupational therapists in the hospital team in June 2024.",
     "How many occupational therapist jobs were unfilled in Kelby in 2024?", ("Kelby",), False),
    # "staff" is not "social workers": a count of one kind of worker does not count all staff
    ("number", "In 2024, 28 newly qualified social workers were completing their first year.",
     "How many staff attended Kelby's Practice Week in 2024?", ("Kelby",), False),
    # a share of the budget is not a share of complaints
    ("number", "- Percentage of the council's budget spent on adult social care: 40%",
     "What percentage of Kelby's adult social care complaints were upheld?", ("Kelby",), False),
    ("number", "Of the complaints about adult social care, 35% were upheld.",
     "What percentage of Kelby's adult social care complaints were upheld?", ("Kelby",), True),
    ("number", "Adult social care took 38% of the council's budget.",
     "What share of its budget did Kelby spend on adult social care?", ("Kelby",), True),
])
def test_names_after_places_changed_counts_sums_spent_and_averages(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected


def test_money_is_not_asked_by_how_much_time():
    from rag.answer_types import asks_money
    assert asks_money("What budget has Kelby set aside for its action plan?")
    assert holds("number", "Next steps included opening a 12-flat scheme.", "What budget has Kelby set aside for it?",
                 ("Kelby",)) is False
    assert not asks_money("How much staff time did the pilot save?")
    assert asks_money("What was Fenwick's adult social care budget for 2024/25?")  # whose budget, not "the"
    assert not asks_money("What was Fenwick's share of the budget spent on adult social care?")
    assert not asks_money("How much recording time per week did the tool save each practitioner?")
    assert asks_money("How much is the carers' break payment Fenwick offers each year?")  # a payment is a sum
    assert asks_money("How much was the three-year grant to the Kelby Alliance?")
    assert asks_money("What is the annual budget of the Kelby Walks programme?")
    assert asks_money("Above what weekly cost must a Kelby care package go to a panel?")
    assert not asks_money("What cost pressures did Kelby face?")
    assert asks_money("How much did Kelby give out in community grants in 2024/25?")  # grants given out are a sum
    assert not asks_money("How much support did carers in Kelby get?")
    assert not asks_money("How much is the waiting list down since 2023?")
    assert asks_money("What does Fenwick's village carers scheme cost the council each year?")
    assert not asks_money("What does Fenwick's village carers scheme do each year?")
    assert asks_money("How much did the pilot save?") and asks_money("How much money did the pilot save?")
    assert asks_money("how much is the new 60-bed nursing home on the old hospital site in kelby going to cost?")
    assert not asks_money("how much is the new 60-bed nursing home on the old hospital site in kelby going to help?")
    assert asks_money("How much did Kelby's acoustic monitoring trial in its extra care housing schemes cost?")  # a long subject


@pytest.mark.parametrize("question,expected", [
    ("What changed in Kelby after the safeguarding adults review?", True),
    ("What did Kelby do after finding that some communities used direct payments less?", True),
    ("How did Kelby respond to the complaints about letters?", True),
    ("What did Kelby find about direct payments?", False),
    ("What happened to the waiting list in Kelby?", False),
    ("What has Kelby done to reach communities that used its services less?", True),
    ("What has Kelby done well?", False),
    ("What action had Kelby taken to deal with its backlog?", True),
    ("What action plan did Kelby publish in 2024?", False),
    ("What did Kelby's safeguarding partnership change after the review into Mr K's death?", True),
    ("What did Kelby change in its front door?", False),  # after nothing
    ("What is Kelby doing to reach people in villages with no bus?", True),  # what it is doing about a problem
    ("What was Kelby doing about its backlog of reviews?", True),
    ("What is Kelby planning to do about late home care visits?", True),
    ("What did Kelby plan to do about its low take-up of direct payments?", True),
    ("What is Kelby doing well?", False),
    ("What were Kelby's carers doing when the service closed?", False),
    ("What did Kelby plan to do in 2025?", False),  # a plan, not a response to something
])
def test_a_question_about_what_was_done_in_response(question, expected):
    from rag.analyse import asks_response
    assert asks_response(question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    # a plainly worded count is answered by a count of what the reports call the same thing
    ("The carers hub completed 1,020 carers' assessments in 2025/26.",
     "How many family and friends looking after someone had a check of their own needs?", True),
    ("There was a backlog of 370 carers' assessments in November 2024.",
     "How many unpaid carers were stuck in a queue to have their own needs looked at?", True),
    # without plain words, a count of another thing still does not answer
    ("The carers hub completed 1,020 carers' assessments in 2025/26.", "How many unpaid carers did the hub support?",
     False),
])
def test_a_count_of_what_the_reports_call_the_plain_words(sentence, question, expected):
    assert holds("number", sentence, question, ("Fenwick",)) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The programme set a savings target of £3.2 million in 2024/25.",
     "How much of the £3.2 million savings target had been delivered by March 2025?", False),  # only restates it
    ("About half of the £3.2 million had been saved by March 2025.",
     "How much of the £3.2 million savings target had been delivered by March 2025?", True),
    ("Of the 3,412 concerns, 640 related to self-neglect.", "How many of the 3,412 concerns related to self-neglect?",
     True),
    ("The council received 3,412 concerns in 2023/24.", "How many of the 3,412 concerns related to self-neglect?",
     False),
    ("The council received 3,412 concerns in 2023/24.", "How many concerns did the council receive?", True),
    # a share is not the number of days the question names
    ("Data showed 91% of people aged 65 and over were still at home 91 days after discharge.",
     "What percentage of people aged 65+ were still at home 91 days after discharge?", True),
    ("Of those discharged, 91% were still at home after 91 days.",
     "What did the 91% still at home after 91 days show?", False),  # both figures are the question's
    ("In May 2024, 17 young people aged 17 did not yet have an adult worker.",
     "How many 17-year-olds did not yet have an adult worker?", True),  # 17 once more than the question
    ("In May 2024, young people aged 17 did not yet have an adult worker.",
     "How many 17-year-olds did not yet have an adult worker?", False),
])
def test_a_figure_the_question_already_gives_is_no_answer(sentence, question, expected):
    from rag.answer_types import states_a_figure_not_asked

    assert states_a_figure_not_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council had a savings target of £6.1 million for 2024/25 and was forecasting an overspend.",
     "What size of overspend was the council forecasting for 2024/25?", False),  # the sum is the savings target's
    ("In 2023/24, the council overspent by £2.5 million.", "How much did the council overspend in 2023/24?", True),
    ("Carers valued the service.", "How much did the council overspend in 2023/24?", True),  # no sum to judge
    ("The council balanced its budget after making £1.9 million of savings.",
     "How much did the council cut from spending to stay within budget?", True),  # cuts are savings in the reports
])
def test_the_clause_giving_the_figure_names_the_kind_asked(sentence, question, expected):
    from rag.answer_types import figure_of_the_kind_asked

    assert figure_of_the_kind_asked(sentence, question) is expected


def test_a_name_starting_inside_a_word_is_found_at_that_word():
    sentence = "The council ran a new eBrokerage platform and a social care Portal."
    assert new_names(sentence, "What is the new service called?") == [(5, "Brokerage"), (11, "Portal")]
    holds("name", sentence, "What is the new service called?")  # the last word's name is within the sentence
    assert [pos for pos, _ in new_names("Staff used an app ('Ollie')", "What is the app called?")] == [4]


@pytest.mark.parametrize("sentence,question,expected", [
    ("The Shared Lives scheme supported 34 people and recruited 6 new carers in 2023/24.",
     "How many Shared Lives carers does Fenwick have altogether?", False),  # additions are not the whole
    ("The Shared Lives scheme had 22 carers supporting 29 people.",
     "How many Shared Lives carers does Fenwick have altogether?", True),
    ("The scheme had 22 carers, and 6 new carers joined in 2024.",
     "How many carers does the scheme have in total?", True),  # one clause counts the whole
    ("The scheme recruited 6 new carers in 2023/24.", "How many new carers did the scheme recruit in total?", True),
    ("The scheme recruited 6 new carers in 2023/24.", "How many carers did the scheme recruit?", True),  # no total asked
    ("The reablement service could support about 60 people at any time.",
     "How many people did Fenwick's reablement service support in 2023/24?", False),  # room at one time, not a year's
    ("The reablement service supported 1,130 people in 2023/24.",
     "How many people did Fenwick's reablement service support in 2023/24?", True),
    ("The council trained 14 social workers as assessors in 2024 to increase capacity.",
     "How many social workers did Fenwick train as assessors in 2024?", True),  # capacity as an aim, not a room count
])
def test_a_whole_count_is_not_given_by_additions(sentence, question, expected):
    from rag.answer_types import total_as_asked

    assert total_as_asked(sentence, question) is expected


def test_the_size_of_a_fund_is_a_sum_of_money():
    from rag.analyse import answer_type
    from rag.answer_types import asks_money

    question = "What was the size of Fenwick's Better Care Fund in 2024/25?"
    assert answer_type(question) == "number" and asks_money(question)
    assert holds("number", "Fenwick increased home care fees by 7.5% in 2024/25.", question, ("Fenwick",)) is False
    assert holds("number", "Fenwick's Better Care Fund was £41.2 million in 2024/25.", question, ("Fenwick",)) is True
    assert not asks_money("What was the size of Fenwick's reablement team?")  # a size that is a count
    assert answer_type("What was the size of Fenwick's reablement team?") == "number"


@pytest.mark.parametrize("sentence,question,expected", [
    ("At the time of our assessment, 463 people were waiting for a Care Act assessment.",
     "How many people were overdue a review of their care?", ("review", "Care Act assessment")),
    ("At the time of our assessment, 810 reviews were overdue.", "How many people were overdue a review of their care?",
     None),
])
def test_reviews_and_assessments_are_told_apart(sentence, question, expected):
    assert other_kind(sentence, question) == expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("A telecare pilot had been extended to 400 households after an evaluation.",
     "How many households were in the pilot before it was extended?", False),  # the size since, not before
    ("The pilot had grown from 150 to 400 households.", "How many households were in the pilot before it was extended?",
     True),
    ("A telecare pilot had been extended to 400 households.", "How many households are in the pilot?", True),
    ("Capacity rose by 20% in 2024 after the team recruited 9 new support workers.",
     "How many support workers did the team have before its 2024 recruitment drive?", False),  # the drive's gain
    ("Before its 2024 recruitment drive the team had 31 support workers, and more joined later.",
     "How many support workers did the team have before its 2024 recruitment drive?", True),
    ("The team recruited 9 new support workers in 2024.", "How many support workers did the team recruit?", True),
    ("Leaders told us 6 extra practitioners had been moved into the hub in December 2024.",
     "How many practitioners worked in the hub before extra staff were moved in?", False),  # the ones added
    ("Following the restructure, the backlog had reduced to 486 applications.",
     "How many applications were in the backlog before it restructured its DoLS team?", False),  # since, not before
    ("Before the team was restructured, 1,200 applications were waiting.",
     "How many applications were in the backlog before it restructured its DoLS team?", True),
    ("The Collective had 112 members.", "How many members did the Collective have when it was first set up?",
     False),  # how many it has, not had at its start
    ("The Collective started with 40 members and now has 112.",
     "How many members did the Collective have when it was first set up?", True),
    ("When it was set up in 2022 the Collective had 40 members.", "How many members did it have initially?", True),
    ("The hub supported 400 people in 2023/24.", "How many people did the hub support when it opened in 2023?",
     True),  # "when it opened" only dates the question
    ("The scheme closed after the number of carers dropped to 11.",
     "How many carers did the scheme have before numbers fell?", False),  # the number after the fall
    ("The number of carers dropped from 24 to 11.", "How many carers did the scheme have before numbers fell?", True),
    ("The number of carers dropped to 11.", "How many carers does the scheme have?", True),
])
def test_a_figure_before_a_change_is_not_the_one_after_it(sentence, question, expected):
    from rag.answer_types import before_as_asked

    assert before_as_asked(sentence, question) is expected


@pytest.mark.parametrize("question,nouns", [
    ("How many people had the programme recruited as new care workers by October 2024?", {"people", "worker"}),
    ("How many people trained as social workers?", {"people", "worker"}),
    ("How many people used it as well?", {"people"}),  # "as well" names no role
    ("How many people attended the events?", {"people"}),
    ("How many carers were registered as volunteers?", {"carer"}),  # only people counted get a role
])
def test_people_counted_in_a_role_are_counted_by_it_too(question, nouns):
    assert counted_nouns(question) == nouns


def test_a_count_of_the_role_answers_people_counted_in_it():
    question = "How many people had the programme recruited as new care workers by October 2024?"
    assert holds("number", "It had recruited 117 new care workers by October 2024.", question) is True
    assert holds("number", "It had recruited 117 new care workers by October 2024.", "How many people had the "
                 "programme recruited by October 2024?") is False  # no role: workers are not all the people


def test_a_frame_holding_the_reports_word_for_the_plain_one_is_of_the_thing_asked():
    from rag.answer_types import another_object

    question = "At the end of 2024, how many people were still waiting for carers to start visiting them at home?"
    assert not another_object("Waiting lists for home care had fallen to 38 people in December 2024.", question)
    assert another_object("38 people were waiting for a Care Act assessment in December 2024.", question)
    # without plain words, the frames are compared as they stand
    assert another_object("Waiting lists for home care had fallen to 38 people.", "How many people were waiting for "
                          "an occupational therapy assessment?")


@pytest.mark.parametrize("sentence,question,expected", [
    ("In the 12 months to September 2024 the number of hours of unmet home care fell from 1,900 a week to 310 a week.",
     "How many hours of home care per week were people still not getting?", True),  # the count named before its verb
    ("The number of people waiting fell from 520 to 300.", "How many hours of home care were not delivered?", False),
    ("The council reduced its list of people waiting from 1,260 to 640.", "How many people were waiting?", True),
    ("Leaders said extra care was key to reducing permanent admissions to care homes, which had fallen to 498 in 2024/25.",
     "How many permanent admissions to care homes were there in 2024/25?", True),  # the count before its clause
    ("Leaders said extra care was key to reducing waits for assessment, which had fallen to 40 days in 2024/25.",
     "How many permanent admissions to care homes were there in 2024/25?", False),
])
def test_a_count_changed_from_one_figure_to_another(sentence, question, expected):
    assert holds("number", sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council received 5,412 concerns in 2023/24, and 1,019 led to a section 42 enquiry.",
     "How many section 42 enquiries did Fenwick carry out in 2023/24?", True),  # each of the 1,019 became one
    ("Of these, 310 resulted in a safeguarding plan.", "How many safeguarding plans were there?", True),
    ("The council received 5,412 concerns, and 24% led to a section 42 enquiry.",
     "How many section 42 enquiries did Fenwick carry out?", False),  # a share, not a count
    ("The council received 5,412 concerns, and 1,019 led to a section 42 enquiry.",
     "How many enquiries had been open for more than six months?", False),  # not the ones open that long
    ("1,019 concerns led to better advice for providers.", "How many section 42 enquiries were there?", False),
])
def test_a_count_of_things_that_each_led_to_the_thing_counted(sentence, question, expected):
    assert holds("number", sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council had used 'step down' beds in two care homes.", "Which care homes does Fenwick use for its step-down "
     "beds?", False),  # a quoted term the question gives, hyphenated
    ("The council used step-down beds at Elm Court and Fir House care homes.", "Which care homes does Fenwick use "
     "for its step-down beds?", True),
    ("The Solent Access Hub was the single point of contact for adult social care.", "What is the front door for "
     "adult social care called?", True),  # the report's words for a front door
    ("People were placed through a scheme run by a neighbouring borough.", "Which neighbouring borough runs the "
     "scheme?", False),  # named only as "a neighbouring borough"
])
def test_a_name_asked_for_is_new_and_beside_the_thing(sentence, question, expected):
    kind = "organisation" if "borough" in question else "name"
    assert holds(kind, sentence, question) is expected


def test_a_councils_own_percentage_score_is_no_figure_asked_about():
    from rag.answer_types import question_figures

    assert question_figures("For the council rated Good with a 64% score, how many concerns were there?") == set()
    assert question_figures("At the council that scored 64%, how many concerns were there?") == set()
    assert question_figures("How many of the 64% of people were reviewed?") == {"64"}


@pytest.mark.parametrize("sentence,question,expected", [
    ("Adult social care overspent by £3.7 million in 2023/24.",
     "How much more did Fenwick end up spending on adult care in 2023/24 than it had set aside?", True),
    ("Adult social care spent £93.1 million in 2023/24.",
     "How much more did Fenwick end up spending on adult care in 2023/24 than it had set aside?", False),  # no difference
    ("Adult social care underspent by £0.2 million in 2023/24.",
     "How much more did Fenwick end up spending on adult care in 2023/24 than it had set aside?", False),  # the other way
])
def test_spending_more_than_was_set_aside_is_an_overspend(sentence, question, expected):
    assert holds("number", sentence, question, ("Fenwick",)) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council received 7 complaints about adult social care in 2023/24.",
     "How many times did people formally complain about Fenwick's adult social care in 2023/24?", True),
    ("Staff booked interpreters 320 times in 2023/24.", "How many times did staff book interpreters?", True),
    ("Interpreters supported 40 community groups.", "How many times did staff book interpreters?", False),
    ("54 people used the interpreting service.", "How many times did staff book interpreters?", False),  # who, not how often
])
def test_how_many_times_counts_the_deeds(sentence, question, expected):
    assert holds("number", sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council commissioned around 14,200 hours of home care a week.",
     "How many hours of home care a week was Fenwick unable to provide?", False),  # what was done, not what was not
    ("Around 900 hours of home care a week could not be provided.",
     "How many hours of home care a week was Fenwick unable to provide?", True),
    ("The number of hours of unmet home care fell from 1,900 a week to 310 a week.",
     "How many hours of home care per week were people still not getting?", True),
    ("The council commissioned around 14,200 hours of home care a week.",
     "How many hours of home care a week did Fenwick commission?", True),  # nothing asked as not done
    ("In 2025/26 the reablement service supported 1,040 people, and 71% needed no ongoing care afterwards.",
     "How many people got reablement, and what share could then manage without further help?", True),  # none more
    ("In 2025/26 the reablement service supported 1,040 people, and 71% went home.",
     "How many people got reablement, and what share could then manage without further help?", False),
    ("The local authority completed 612 carers' assessments in 2023/24.",  # "without pay" names unpaid carers
     "How many people who look after a relative without pay had their own needs looked at in 2023/24?", True),
    ("The local authority completed 1,400 reviews in 2023/24.",  # the negation stands outside the plain words
     "How many had gone a year without anyone looking again at their care?", False),
])
def test_a_count_of_what_was_not_done_is_given_as_such(sentence, question, expected):
    assert holds("number", sentence, question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Adult social care overspent by £6.7m in 2023/24.", True),
    ("- Adult social care budget (2023/24): £139.4m", False),  # the budget, not by how much it was overspent
])
def test_by_how_much_it_overspent_is_a_difference(sentence, expected):
    assert holds("number", sentence, "By how much did Fenwick's adult social care budget overspend in 2023/24?") is expected


@pytest.mark.parametrize("sentence,expected", [
    ("The council underspent its adult social care budget by £0.6 million in 2023/24.", True),
    ("Actual spend on adult social care in 2023/24 was £88.3 million.", False),  # what was spent, not against the plan
])
def test_spending_more_or_less_than_planned_asks_for_the_difference(sentence, expected):
    question = "Did Fenwick end 2023/24 spending more or less than planned on adult social care, and by how much?"
    assert holds("number", sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The Shared Lives scheme had 91 carers supporting 134 people.",
     "How many new Shared Lives carers did Fenwick recruit during 2023/24?", False),  # how many there were
    ("The scheme recruited 14 new Shared Lives carers in 2023/24.",
     "How many new Shared Lives carers did Fenwick recruit during 2023/24?", True),
    ("1,870 carers were registered with the hubs by January 2025.",
     "How many unpaid carers had signed up with the carer hubs?", True),
    ("The Shared Lives scheme had 91 carers supporting 134 people.",
     "How many Shared Lives carers did Fenwick have?", True),  # nothing asked about recruiting
    ("It commissioned an independent company to complete 200 assessments.", "How many assessments was the company "
     "hired by Fenwick asked to complete?", True),  # "hired by" says which company
    ("The service had 40 support workers.", "How many support workers were hired by Fenwick?", False),
    ("A partnership with a university placed 12 student social workers with the council each year.",
     "How many student social workers does Fenwick take on each year?", True),  # placed with it: taken on
    ("12 student social workers were placed in the council's teams.",
     "How many student social workers does Fenwick take on each year?", False),  # where they were, not taken on
])
def test_a_count_of_people_taken_on_is_given_as_such(sentence, question, expected):
    from rag.answer_types import recruited_given

    assert recruited_given(sentence, question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("The Waiting Well team telephoned people on the list every 6 weeks.", True),
    ("Through targeted recruitment and block contracts, unmet hours fell to 900 a week.", True),
    ("Leaders said the backlog fell because the council had trained 22 extra assessors.", True),
    ("Leaders had moved two social workers into the Easington team to reduce these delays.", True),
    ("At the time of our assessment, 1,146 people were waiting for an assessment.", False),  # the problem, stated
    ("Hospital treatment and nursing care are provided on the mainland.", False),  # a state of things
    ("Data provided by the council showed 40 complaints.", False),
    ("Southend had quick assessments and a well organised hub.", False),
    ("People waiting were contacted every 4 weeks by a duty worker.", True),  # a routine done to them
    ("People on the list received a call from a wellbeing worker every six weeks.", True),
    ("People whose applications were waiting had a check from a social worker every three months.", True),
    ("People waiting were contacted by letter.", False),  # passive, with no routine: a state of things
    ("A Recovery Board was set up in\nSeptember 2024, chaired by the chief executive.", True),  # done once, at a time
    ("A Recovery Board was not set up until 2025.", False),
    ("Hospital care is provided on the mainland in 2024.", False),  # a state of things, in a year
    ("The council had agreed to build a 40-bed nursing home with a housing trust.", True),
    ("Visitors who used the library hubs told us they were too far away.", False),  # describes the visitors
    ("Families said bills came weeks after their support started.", False),  # what befell their own thing
    ("The wait fell to 20 days after the council moved 6 social workers into a new hub.", True),
    ("The council started sending a letter with an estimate of the charge.", True),
])
def test_a_sentence_saying_what_was_done_describes_a_deed(sentence, expected):
    from rag.answer_types import describes_a_deed

    assert describes_a_deed(sentence) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Adult social care overspent by £2.8 million in 2023/24.", True),
    ("- Adult social care budget 2023/24: £148.9 million", False),  # the budget, not by how much it went over
])
def test_by_how_much_it_went_over_budget_is_the_overspend(sentence, expected):
    assert holds("number", sentence, "By how much did Fenwick go over its adult care budget in 2023/24?") is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Parents of young people told us that planning for adulthood started too late.", True),
    ("Planning for young people moving into adult services was inconsistent.", False),  # the report's own finding
    ("Staff told us planning started too late.", False),  # another group's words
    ("Families said planning started too late.", True),  # parents' kin
])
def test_views_asked_of_a_group_are_that_groups_words(sentence, expected):
    from rag.answer_types import gives_views

    question = "What did parents in County Kelby say about planning for young people moving into adult services?"
    assert gives_views(sentence, question, ("Kelby",)) is expected


def test_a_sum_in_all_is_not_given_per_person():
    from rag.answer_types import total_sum_as_asked

    asked = "How much did Fenwick spend in total on direct payments?"
    assert total_sum_as_asked("Spend on direct payments was £21.4 million a year.", asked)  # a year's total
    assert not total_sum_as_asked("Each person got £20 each.", asked)
    assert not total_sum_as_asked("Placements cost £1,200 a week.", asked)
    assert total_sum_as_asked("Placements cost £1,200 a week.", "How much did a placement cost?")  # no total asked


@pytest.mark.parametrize("sentence,expected", [
    ("The Fenwick Shared Lives scheme had 38 approved carers, and leaders planned to recruit a further 15 by May 2026.",
     None),  # what there was, before the aim
    ("Leaders planned to recruit a further 15 Shared Lives carers by May 2026.", ("what was done", "target")),
    ("In 2023/24 leaders planned to recruit 15 Shared Lives carers.", ("what was done", "target")),  # a year is no count
])
def test_a_count_stated_before_an_aim_is_what_there_was(sentence, expected):
    question = "How many approved carers did the Fenwick Shared Lives scheme have?"
    assert other_kind(sentence, question) == expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("Number aged 65 and over receiving long-term support\n\n2,371",
     "How many people aged 65 and over get long-term support from Kelby Council?", True),
    ("of whom aged 65 and over: 3,720", "kelby - how many people aged 65+ get long-term support", True),
    ("Number of carers' assessments: 900", "How many carers were supported in Kelby?", False),  # counts assessments
    ("Number of care packages: 900", "How many people had a care package in Kelby?", False),  # names a thing
    ("Number of carers' assessments: 900", "How many people had a carers' assessment in Kelby?", True),  # one each
    ("Aged 65 and over: 18.9%", "How many people aged 65 and over live in Kelby?", False),  # a share, not a count
])
def test_a_table_row_counting_people_by_its_label_counts_people(sentence, question, expected):
    from rag.answer_types import counts_the_thing

    assert counts_the_thing(sentence, question, ("Kelby",)) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Kelby Community Action ran good neighbour schemes in 12 villages, with about 260 volunteers giving lifts.", True),
    ("Kelby Community Action ran good neighbour schemes in 12 villages, with 260 lifts given by volunteers.", False),
])
def test_a_count_is_of_the_plural_noun_before_what_it_does(sentence, expected):
    from rag.answer_types import counts_the_thing

    question = "How many volunteers worked in the good neighbour schemes run by Kelby Community Action?"
    assert counts_the_thing(sentence, question, ("Kelby",)) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("Total council budget (2023/24): £47.3 million Adult social care budget (2023/24): £14.2 million "
     "Spend on direct payments (2023/24): £2.6 million", "How much did Fenwick spend on carers' personal budgets?", False),
    ("Total council budget (2023/24): £47.3 million Spend on direct payments (2023/24): £2.6 million",
     "How much did Fenwick spend on direct payments in 2023/24?", True),
    ("Carers' personal budgets cost the council £310,000 in 2023/24.",
     "How much did Fenwick spend altogether on carers' personal budgets in 2023/24?", True),
    ("The council spent £1.2 million on agency social workers.", "How much did Fenwick spend on its telecare pilot?",
     False),
    ("Actual adult social care spend (2023/24): £83.6 million", "What was Fenwick's actual spend on adult social care?",
     True),
    ("The council spent £1.2 million on agency social workers.", "What was Fenwick's budget?", True),  # nothing named
    ("Eligible carers could receive a personal budget of up to £400 a year.",
     "How much can someone looking after a relative in Fenwick get each year to spend on themselves?", True),  # a pronoun
    ("The hourly rate for home care was £22.60, which did not cover costs in rural areas.",
     "How much is Fenwick's rural mileage supplement for home care worth per hour?", False),  # the rate, not its supplement
    ("The rural mileage supplement added £1.40 an hour.", "How much is Fenwick's rural mileage supplement worth?", True),
    ("The Better Care Fund was the main vehicle for joint working, and it was worth around £29 million.",
     "How much was Fenwick's Better Care Fund worth?", True),  # named before the sum
    ("The adult social care budget was around £132 million in 2023/24.",
     "What is the annual budget of the Fenwick Walks programme?", False),  # the council's budget, not the programme's
    ("The Fenwick Walks programme had a budget of £1.1 million.", "What is the annual budget of the Fenwick Walks "
     "programme?", True),
    ("A pooled budget of £38.5 million included the Better Care Fund.", "What does Fenwick's improvement plan cost?",
     False),
    ("The adult social care budget was £300 million in 2024/25.", "What was the budget for adult social care in 2024/25?",
     True),
    ("There was a pooled budget with the NHS of £152.3 million.", "What was the value of Fenwick's pooled budget with "
     "the NHS?", True),  # "pooled" describes the budget
    ("The Fenwick Fund provided £1.4 million in grants.", "What was the total value of grants the Fenwick Fund gave "
     "to community groups?", True),
])
def test_a_sum_spent_on_a_thing_names_the_thing(sentence, question, expected):
    from rag.answer_types import sum_of_the_thing

    assert sum_of_the_thing(sentence, question, ("Fenwick",)) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Fenwick introduced a rural care payment in 2025, an extra £2.50 an hour for visits.", False),  # a rate
    ("The rural care payment cost £310,000 a year.", True),
    ("It paid £24.90 an hour, and the rural care payment cost £310,000 in 2024/25.", True),
])
def test_a_yearly_sum_is_not_given_by_a_rate(sentence, expected):
    from rag.answer_types import yearly_sum_given

    assert yearly_sum_given(sentence, "What does Fenwick's rural care payment cost the council each year?") is expected
    assert yearly_sum_given(sentence, "What hourly rate did Fenwick pay?")  # a rate asked


def test_a_young_carers_assessment_is_not_a_carers_assessment():
    question = "How many young carers' assessments did Fenwick complete in 2023/24?"
    assert other_kind("Fenwick completed 1,046 carers' assessments in 2023/24.", question) == (
        "young carers' assessment", "carers' assessment")
    assert other_kind("Fenwick completed 146 young carers' assessments in 2023/24.", question) is None
    assert other_kind("Fenwick completed 1,046 carers' assessments in 2023/24.",
                      "How many carers' assessments did Fenwick complete?") is None


@pytest.mark.parametrize("question,other,expected,same", [
    ("How many people used the Fenwick Shared Lives scheme for short breaks?",
     "The scheme supported 52 people in long-term arrangements.", ("short breaks", "long-term"),
     ["The scheme gave short breaks to 40 people and long-term arrangements to 52.", "The scheme supported 52 people."]),
    ("How many referrals for independent mental health advocacy did Fenwick receive?",
     "The service received 1,140 Care Act advocacy referrals in 2023/24.",
     ("independent mental health advocacy", "Care Act advocacy"),
     ["It received 210 referrals for independent mental health advocacy.", "It received 210 IMHA referrals."]),
])
def test_kinds_of_one_service_are_told_apart(question, other, expected, same):
    assert other_kind(other, question) == expected  # short breaks are not long-term arrangements, IMHA not Care Act advocacy
    assert all(other_kind(sentence, question) is None for sentence in same)


def test_a_share_before_an_aim_is_no_count_of_what_was_done():
    sentence = ("The vacancy rate for social workers was 18% in March 2025, and leaders had started an international "
                "recruitment programme to bring in 15 social workers.")
    assert other_kind(sentence, "How many social workers has Fenwick recruited through its programme?", counting=True) \
        == ("what was done", "target")
    assert other_kind(sentence, "What was Fenwick's social worker vacancy rate in March 2025?") is None


@pytest.mark.parametrize("question,nouns", [
    ("Of Fenwick's 2,916 carers' assessments in 2023/24, how many were carried out by the carers' charity?",
     {"assessment"}),  # the whole set before "how many"
    ("Of the 120 complaints, how many were upheld?", {"complaint"}),
    ("How many were upheld?", set()),  # nothing named to count
])
def test_a_part_counted_of_a_whole_counts_the_whole_s_things(question, nouns):
    from rag.answer_types import counted_nouns

    assert counted_nouns(question) == nouns


def test_a_holder_described_only_by_the_role_is_not_named_even_before_a_lower_case_clause():
    from rag.answer_types import names_the_holder

    question = "Who chairs the Fenwick Safeguarding Adults Board?"
    assert not names_the_holder("The Fenwick Safeguarding Adults Board had an independent chair, but partners told us "
                                "its work had lost momentum.", question)
    assert names_the_holder("The board had an independent chair, Dr Asha Verma.", question)


def test_a_clause_saying_more_of_the_body_asked_about_is_not_its_name():
    from rag.answer_types import holds, role_words

    question = "Who chairs the Improvement Board that Fenwick set up after its external review?"
    assert role_words(question, ("Fenwick",)) == {"improvement", "board"}
    assert holds("holder", "Leaders set up an Improvement Board, chaired by the chief executive, to oversee progress.",
                 question, ("Fenwick",))
    question = "Who chairs the Improvement Board that is tracking Fenwick's improvement plan?"
    assert role_words(question, ("Fenwick",)) == {"improvement", "board"}
    assert "carer" in role_words("Who is the officer that is the council's carers lead?")  # not a clause


def test_how_often_is_not_answered_by_all_of_them():
    from rag.answer_types import holds

    question = "How often does Fenwick's Improvement Board meet?"
    assert not holds("frequency", "Leaders accepted all of them and set up an Improvement Board to oversee progress.",
                     question, ("Fenwick",))
    assert holds("frequency", "The Improvement Board met monthly.", question, ("Fenwick",))
    assert holds("frequency", "The Improvement Board met in 10 of the 12 months.", question, ("Fenwick",))


def test_a_place_named_beside_the_named_thing_answers_which_hospital():
    from rag.answer_types import holds

    question = "At which hospital is the Integrated Discharge Hub used by Fenwick based?"
    assert holds("name", "The Integrated Discharge Hub at the Kelby General Hospital was staffed 7 days a week.",
                 question, ("Fenwick",))
    assert not holds("name", "The Integrated Discharge Hub was staffed 7 days a week.", question, ("Fenwick",))


def test_a_length_of_time_the_question_states_does_not_answer_it():
    from rag.answer_types import holds

    question = "Before Fenwick cut the average time to pay providers to 14 days, how long did providers wait?"
    assert not holds("duration", "The council had since reduced the average time to pay providers to 14 days.",
                     question, ("Fenwick",))
    assert holds("duration", "Providers had waited 45 days on average; the council cut this to 14 days.", question,
                 ("Fenwick",))


def test_a_council_s_own_named_thing_is_a_named_part():
    from rag.answer_types import named_parts

    assert named_parts("When was the Fenwick Care Academy set up?", ("Fenwick",)) == ("Fenwick Care Academy",)
    assert named_parts("What did Fenwick County Council say about carers?", ("Fenwick",)) == ()


@pytest.mark.parametrize("sentence,question,expected", [
    ("Advocacy was commissioned jointly with a neighbouring county from the Kelby Advocacy Service.",
     "Which neighbouring county does Fenwick commission advocacy with?", False),  # one of its kind, unnamed
    ("Advocacy was commissioned jointly with a neighbouring county, Kelbyshire.",
     "Which neighbouring county does Fenwick commission advocacy with?", True),
    ("Leaders planned to extend the clinics to two more areas in 2025.",
     "Which two areas of Fenwick will the clinics be extended to?", False),
    ("Elm Court, a care home, closed in 2024.", "Which care home in Fenwick closed in 2024?", True),
    ("A care home closed in 2024.", "How many care homes closed in 2024?", True),  # no name asked
    ("A university in the north had evaluated the programme.", "Which university evaluated Fenwick's programme?",
     False),  # the verb after the thing asked may be any in the past
    ("The University of Kelby had evaluated the programme.", "Which university evaluated Fenwick's programme?", True),
])
def test_a_thing_spoken_of_only_as_one_of_its_kind_is_not_named(sentence, question, expected):
    from rag.answer_types import named_not_only_as_some

    assert named_not_only_as_some(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("Money advice came through a partnership with a local advice service.",
     "Which local advice service does Fenwick work with on money advice?", "a local advice service"),
    ("The council had asked a neighbouring council to review its practice.",
     "Which council has Fenwick asked to review its practice?", "a neighbouring council"),
    ("Waits fell after a deal with a private provider of occupational therapy assessments.",
     "Which private company carries out occupational therapy assessments for Fenwick?",
     "a private provider"),  # any word for a body stands for the one asked
    ("Assessments were carried out by Kelby Carers Hub, a voluntary organisation.",
     "Which organisation carries out carers' assessments for Fenwick?", ""),  # the name stands before
    ("The service was run by a local charity called Helping Hands.", "Which charity runs Fenwick's carers centre?",
     ""),  # named after
    ("The carers centre opened in 2023.", "Which charity runs Fenwick's carers centre?", None),  # not mentioned
    ("The council paid a provider with a poor record.", "Which provider did Fenwick pay?", "a provider"),
    ("The council paid a care provider.", "Which homecare providers did Fenwick pay?", None),  # several: members asked
    ("Staff worked with local banks to stop scams.", "Which banks took part in Fenwick's scam project?", "local banks"),
    ("Several banks, including Kelby Bank, took part.", "Which banks took part in Fenwick's scam project?", ""),
    ("The council funded 40 voluntary organisations.", "Which organisations does Fenwick fund?",
     "40 voluntary organisations"),
    ("Local banks took part in the project.", "Which banks took part in Fenwick's scam project?", "Local banks"),
    ("Waits were longest in rural areas.", "Which areas had the longest waits in Fenwick?", ""),  # says which
    ("Assessments were done by carers services.", "Which service completes carers' assessments in Fenwick?",
     None),  # a plural after a verb is not the kind asked for
    ("It had not published an annual report for 2022/23.",
     "Which year's annual report had Fenwick's board not published?", None),  # the year is asked
    ("Care took a share of 41% of its budget.", "Which spends the biggest share of its budget?", None),
])
def test_one_thing_asked_by_its_kind_is_not_said_by_one_of_its_kind(sentence, question, expected):
    from rag.answer_types import which_one_unsaid

    assert which_one_unsaid(sentence, question) == expected


def test_a_question_s_opening_words_before_a_place_are_no_named_thing():
    from rag.answer_types import named_parts

    assert named_parts("When the Clevedon care home closed, how many residents did Fenwick move?", ("Fenwick",)) == ()


def test_a_place_is_where_the_named_thing_is_based_not_the_thing_itself():
    from rag.answer_types import holds

    question = "Where is Fenwick's Home First reablement service based?"
    assert holds("place", "The Home First reablement service, run from a base in Kelby, helped people home.", question,
                 ("Fenwick",))
    hub = "Where is Fenwick's Adult Safeguarding Hub based?"
    assert not holds("place", "Staff at the hub resolved queries at first contact.", hub, ("Fenwick",))
    assert holds("place", "The Adult Safeguarding Hub was based at the civic centre.", hub, ("Fenwick",))


def test_a_side_of_the_area_says_where():
    from rag.answer_types import place_described

    question = "In which part of Fenwick were most of the people waiting for home care living?"
    assert place_described("In May 2025, 30 people were waiting for home care, most of them in villages to the west "
                           "of the borough.", question, ("Fenwick",))
    assert not place_described("In May 2025, 30 people were waiting for home care to start.", question, ("Fenwick",))
    assert not place_described("Waits were longest in the west.", "How long were waits in the west locality of Fenwick?",
                               ("Fenwick",))  # the part asked about itself


def test_adult_social_care_counts_no_adults():
    from rag.answer_types import counts_the_thing

    question = "How many working-age adults did Fenwick's digital skills programme help in 2024?"
    assert not counts_the_thing("Net budget: £123.9 million Adult social care as a share of the total: 39.4%", question,
                                ("Fenwick",))
    assert counts_the_thing("The programme helped 120 adults of working age in 2024.", question, ("Fenwick",))


def test_a_person_in_a_role_named_in_the_sentence_before():
    from rag.answer_types import holds

    question = "Who is the independent chair of the safeguarding partnership that covers Fenwick?"
    lead_in = "The Kelby and Fenwick Safeguarding Partnership covered both councils."
    assert holds("person", "The board's independent chair was Dr Asha Verma.", question, ("Fenwick",), lead_in=lead_in)
    assert not holds("person", "The board's independent chair was Dr Asha Verma.", question, ("Fenwick",))
    assert not holds("person", "The board met monthly.", question, ("Fenwick",), lead_in=lead_in)
    question = "Who was Fenwick's interim Director of Adult Social Services in 2024?"
    lead_in = "An interim Director of Adult Social Services was in post from January to September 2024."
    assert not holds("person", "Councillor Priya Hollins was the lead member for adult social care.", question,
                     ("Fenwick",), lead_in=lead_in)  # another role's holder


def test_one_disability_is_not_another():
    question = "How many adults with a physical disability from Fenwick lived in placements outside the area?"
    assert other_kind("31 adults with a learning disability were living in placements outside the area.", question) == (
        "physical disability", "learning disability")
    assert other_kind("12 adults with a physical disability lived outside the area.", question) is None


@pytest.mark.parametrize("text,expected", [
    ("The council works through a partnership under a section 75 agreement.", False),  # a label, not an amount
    ("Part 1 of the Care Act sets out its duties.", False),
    ("Section 42 enquiries were not always finished on time.", False),
    ("It made 40 section 42 enquiries.", True),
    ("Phase 2 delivered 36 flats.", True),
])
def test_a_section_or_part_number_is_no_amount(text, expected):
    from rag.answer_types import has_count

    assert has_count(text) is expected


def test_a_name_asked_as_where_something_is_is_set_after_a_word_of_place():
    from rag.answer_types import holds

    question = "In which town is Fenwick's Oakmeadow day service?"
    assert not holds("name", "People valued services such as Shared Lives and the day service at Oakmeadow.", question,
                     ("Fenwick",))  # the service's own name, and another service's
    assert holds("name", "The day service at Oakmeadow in Kelby was popular.", question, ("Fenwick",))


def test_a_name_inside_the_counted_phrase_is_no_verb_and_no_head():
    question = "How many approved Shared Lives carers did Fenwick have in 2023/24?"
    assert counted_nouns(question) == {"carer"}  # "Shared" is part of a name, not a past verb
    assert counted_nouns("How many people visited the hubs?") == {"people"}
    sentence = "Fenwick Shared Lives supported 132 people through 109 approved Shared Lives carers in 2023/24."
    assert holds("number", sentence, question, ("Fenwick",))
    assert not holds("number", "Fenwick Shared Lives supported 132 people in 2023/24.", question, ("Fenwick",))


@pytest.mark.parametrize("sentence,question,expected", [
    ("At the time of our assessment, 260 safeguarding concerns had not been screened.",
     "How many safeguarding concerns were still waiting to be screened?", True),  # waiting asks what was not done
    ("At the time of our assessment, 260 safeguarding concerns had not been screened.",
     "How many safeguarding concerns were screened?", False),
])
def test_a_count_of_what_was_still_waiting_is_a_count_of_what_was_not_done(sentence, question, expected):
    from rag.answer_types import done_as_asked

    assert done_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Home care was commissioned through a dynamic purchasing system covering 9 zones.", False),  # how it stands now
    ("Before the change, home care had been commissioned in 14 zones; the new system covers 9.", True),
    ("The number of zones was cut from 14 to 9.", True),
])
def test_how_things_stood_before_a_new_way_of_working(sentence, expected):
    from rag.answer_types import before_as_asked

    question = "How many home care zones did Fenwick have before it moved to the dynamic purchasing system?"
    assert before_as_asked(sentence, question) is expected
    assert before_as_asked(sentence, "How many home care zones did Fenwick have?")


def test_equipment_is_not_an_adaptation():
    question = "How many people used Fenwick's self-assessment tool to arrange minor adaptations?"
    assert other_kind("The tool allowed 1,300 people to order simple equipment.", question) == ("adaptation",
                                                                                                 "equipment")
    assert other_kind("The tool allowed 300 people to arrange minor adaptations.", question) is None
    assert other_kind("Equipment was delivered within three days.", "How fast did aids and adaptations arrive?") is None


def test_an_explanation_gives_a_reason():
    from rag.answer_types import has_reason

    assert has_reason("Leaders explained that the team took on people with more complex needs.")
    assert not has_reason("Leaders explained the new charging policy in letters.")  # what they explained, no cause
    assert has_reason("Leaders said the change followed a move to contracts by zone.")  # what brought the change
    assert not has_reason("A review followed in March.")
    assert has_reason("Leaders said this followed the move to zoned contracts.")  # what the fall came after
    assert has_reason("Reablement staff covered home care, which meant they could not take new referrals.")
    assert not has_reason("Staff said the meeting was meant for carers.")  # what it was for, no cause of a state
    assert has_reason("The backlog built up after several experienced staff left the hub.")  # what set it off
    assert not has_reason("Waiting lists fell after a year of work.")  # a time, no cause
    assert not has_reason("In November 2024, 610 concerns were waiting to be screened.")
    assert not has_reason("A new director was appointed and was due to start in February.")  # a plan, no cause
    assert has_reason("The hub closed due to falling demand.")


def test_a_means_says_what_brought_a_change_about():
    from rag.answer_types import states_means

    assert states_means("Leaders had reduced waits by creating locality teams in 2024.")  # the means it was done by
    assert states_means("Waits fell because a triage hub opened.")  # a cause
    assert not states_means("Waits had fallen by 40% in 2024.")  # how much, not how
    assert not states_means("The backlog was to be cleared by spring 2025.")  # a time
    assert not states_means("Care Act assessments were completed quickly.")


@pytest.mark.parametrize("sentence,question,expected", [
    ("The hub was staffed seven days a week.", "How many days a week is the Fenwick hub staffed?", True),
    ("The average wait for the hub was 9 days.", "How many days a week is the Fenwick hub staffed?", False),
    ("The average wait for the hub was 9 days.", "How many days did people wait for the hub?", True),  # no rate asked
])
def test_a_count_asked_per_length_of_time_is_given_per_that_length(sentence, question, expected):
    from rag.answer_types import per_period_as_asked

    assert per_period_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council paid home care providers £23.10 per hour, agreed after an open-book exercise.",
     "What hourly rate was Fenwick paying before the open-book exercise set the current rate?", False),
    ("Before the open-book exercise, the council paid £21.40 per hour.",
     "What hourly rate was Fenwick paying before the open-book exercise set the current rate?", True),
    ("There were 684 applications waiting to be assessed in January 2025.",
     "Before Fenwick trained its 22 extra assessors, how many applications were waiting?", False),
])
def test_how_things_stood_before_the_council_did_something(sentence, question, expected):
    from rag.answer_types import before_as_asked

    assert before_as_asked(sentence, question) is expected


def test_a_quoted_name_opens_and_closes_with_its_quotes_not_with_possessives():
    from rag.answer_types import new_names

    question = "Which local carers' charity does Fenwick run its carers' hubs with?"
    assert new_names("Two carers' hubs opened in 2023, run with a local carers' charity.", question) == []
    assert new_names("Staff called it 'Better Conversations' in 2024.", "What is the model called?") == [
        (3, "'Better Conversations'")]
    assert not holds("organisation", "Two carers' hubs opened in 2023, run with a local carers' charity.", question,
                     ("Fenwick",))


def test_which_numbered_things_are_not_named_by_their_number():
    from rag.answer_types import named_not_only_as_some

    question = "Which five providers deliver home care under Fenwick's framework?"
    assert not named_not_only_as_some("Home care came from 5 main providers on a framework.", question)
    assert named_not_only_as_some("Home care came from 5 providers: Alpha Care, Beta Homecare and three others.",
                                  question)


@pytest.mark.parametrize("sentence,question,expected", [
    ("52% of adult social care staff were from ethnic minority backgrounds.",
     "How many of Fenwick's staff come from ethnic minority backgrounds, as an actual headcount?", False),
    ("The service had capacity for about 95 people at a time.",
     "How many people in total did Fenwick's reablement service support in 2023/24?", False),
    ("The service supported 1,320 people in 2023/24.",
     "How many people in total did Fenwick's reablement service support in 2023/24?", True),
    ("The council had commissioned an external provider to complete 300 assessments in 2024/25.",
     "How much is Fenwick paying the external provider it commissioned?", False),  # a sum is asked
    ("In August 2024, 1,550 people had not had a review, including people placed outside the borough.",
     "How many people did Fenwick place outside the borough?", False),  # the count is of those not reviewed
])
def test_counts_and_sums_in_the_form_asked(sentence, question, expected):
    assert holds("number", sentence, question, ("Fenwick",)) is expected


def test_how_often_a_body_meets_is_said_of_that_body():
    from rag.answer_types import subject_asked

    question = "How often does the multi-agency high-risk panel set up by Fenwick meet?"
    assert subject_asked(question) == "panel" and subject_asked("How often do people get a review?") is None
    assert not holds("frequency", "People on waiting lists were contacted every 4 weeks.", question, ("Fenwick",))
    assert holds("frequency", "The panel met every 4 weeks.", question, ("Fenwick",))
    assert holds("frequency", "Mobile advice vans visited market towns twice a month.",
                 "How often do the travelling advice vehicles stop in Fenwick's towns?", ("Fenwick",))


@pytest.mark.parametrize("sentence,question,expected", [
    ("In 2023/24, 4,920 carers' assessments were completed.", "How many carers' reviews did Fenwick complete?",
     ("carers' review", "carers' assessment")),
    ("The 2023/24 survey of people who use adult social care services had a response rate of 41%.",
     "What was the response rate to Fenwick's carers survey?", ("carers' survey", "people's survey")),
    ("The carers' survey had a response rate of 41%.", "What was the response rate to Fenwick's carers survey?", None),
])
def test_kinds_of_reviews_and_surveys(sentence, question, expected):
    assert other_kind(sentence, question) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("In 2023/24 the link workers supported 1,260 people.", False),  # all people, not the older ones asked about
    ("In 2023/24 the link workers supported 1,260 older people.", True),
    ("In 2023/24 the link workers supported 640 people aged 65 and over.", True),
])
def test_a_count_of_an_age_group_is_not_a_count_of_everyone(sentence, expected):
    from rag.answer_types import age_group_as_asked

    assert age_group_as_asked(sentence, "How many older people did Fenwick's link workers support?") is expected
    assert age_group_as_asked(sentence, "How many people did Fenwick's link workers support?")


@pytest.mark.parametrize("sentence,expected", [
    ("2,870 people were waiting, and 640 of them had been waiting for more than 6 months.", False),  # a count's bound
    ("Some people had waited more than a year.", True),
    ("The longest wait was 41 weeks, and 40 people were waiting.", True),
    ("Advocates were usually available within 10 working days.", False),  # the usual case, not the longest
    ("Most people were assessed within 4 weeks.", False),
    ("Everyone was assessed within 4 weeks.", True),
])
def test_a_bound_held_against_a_count_is_not_the_longest_time(sentence, expected):
    from rag.answer_types import extreme_as_asked

    assert extreme_as_asked(sentence, "What was the longest anyone had waited for an assessment in Fenwick?") is expected


@pytest.mark.parametrize("sentence,expected", [
    ("The median wait was 19 weeks and the longest wait was 58 weeks.", True),
    ("Some people had waited up to 9 months.", True),
    ("More than 1,100 people were waiting, and some had waited over a year.", False),  # a bound only
    ("The longest waits were in the west of the county.", False),  # no length of time
    ("The median wait was 19 weeks.", False),
])
def test_a_longest_time_said_in_words_that_make_it_one(sentence, expected):
    from rag.answer_types import states_the_extreme

    assert states_the_extreme(sentence) is expected


@pytest.mark.parametrize("question,expected", [
    ("What was the longest wait for a Care Act assessment?", True),
    ("How quickly were the fastest referrals answered? What was the minimum wait?", True),
    ("What was the median wait for a Care Act assessment?", False),
])
def test_a_question_asking_for_the_longest_or_shortest_time(question, expected):
    from rag.answer_types import asks_extreme_time

    assert asks_extreme_time(question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Men in the most deprived wards lived 13 years less than men in the least deprived wards.", False),
    ("There was an 11-year gap in life expectancy between the most and least deprived wards.", False),
    ("Life expectancy was lowest in Brinnington and Lancashire Hill wards.", True),
    ("Life expectancy was lowest in two wards, Brinnington and Reddish.", True),
])
def test_wards_described_by_deprivation_are_not_named(sentence, expected):
    from rag.answer_types import named_not_only_as_some

    assert named_not_only_as_some(sentence, "Which Fenwick wards have the lowest life expectancy for men?") is expected


@pytest.mark.parametrize("sentence,expected", [
    ("A Rural Access Fund of £380,000 in 2024/25 paid for community transport and outreach.", False),  # the whole fund
    ("The Rural Access Fund of £380,000 paid £120,000 for community transport.", True),
    ("Community transport took 40% of the Rural Access Fund.", True),
])
def test_a_part_of_a_named_sum_is_not_the_whole_sum(sentence, expected):
    from rag.answer_types import part_of_sum_as_asked

    question = "How much of Fenwick's Rural Access Fund was spent on community transport in 2024/25?"
    assert part_of_sum_as_asked(sentence, question) is expected
    assert part_of_sum_as_asked(sentence, "How big was Fenwick's Rural Access Fund?")


def test_a_figure_for_the_parts_the_sentence_before_named_is_not_the_whole_areas():
    from rag.answer_types import whole_area_instead

    question = "How many people were waiting in the teams that piloted Talk First?"
    assert not whole_area_instead("In those teams, waits fell from 212 to 87, and it would be rolled out across "
                                  "the city.", question)
    assert whole_area_instead("Across the city, 1,386 people were waiting.", question)


def test_from_the_start_is_no_date_but_the_start_of_a_year_is():
    from rag.answer_types import has_date

    assert not has_date("People with lived experience shaped services from the start.")
    assert has_date("Waits had fallen since the start of the year.")
    assert has_date("The panel met from the spring.")


def test_a_count_of_people_on_a_list_is_a_count_of_the_list():
    from rag.answer_types import counted_nouns, counted_phrase

    assert counted_nouns("How many people were on Fenwick's Care Act assessment waiting list in April?") == {"people",
                                                                                                             "list"}
    assert counted_nouns("How many people were waiting in April?") == {"people"}
    assert counted_phrase("How many unpaid carers had an emergency plan?") == ["unpaid", "carers"]
    assert counted_phrase("How many Directors of Adult Social Services has it had?") == ["directors"]
    assert counted_phrase("What was the budget?") == []


def test_a_group_counted_may_be_named_in_the_sentence_before():
    from rag.answer_types import counts_the_thing

    question = "How many Gypsy and Traveller families had the Open Doors project reached by December 2024?"
    sentence = "The project had reached 35 families by December 2024."
    assert not counts_the_thing(sentence, question)  # which families?
    assert counts_the_thing(sentence, question, lead_in="It worked with Gypsy and Traveller families.")
    assert not counts_the_thing(sentence, question, lead_in="It worked with older people.")


def test_carers_are_not_the_people_they_care_for():
    question = "What proportion of unpaid carers in Fenwick received a direct payment?"
    assert other_kind("Direct payments were used by 24% of people receiving community-based support.", question) == (
        "carers", "people who use services")
    assert other_kind("Direct payments were used by 12% of carers.", question) is None
    assert other_kind("71% of people receiving long-term support had a review.",
                      "What share of people receiving long-term support had a review?") is None


def test_plans_for_more_are_an_aim_not_what_there_is():
    from rag.kinds import only_an_aim

    assert only_an_aim("It set out plans for 300 more extra care apartments by 2030.")
    assert not only_an_aim("It had 120 apartments, with plans for 300 more by 2030.")  # what there is first
    assert not only_an_aim("Plans for 2025 included a new hub.")  # a year, not a figure


def test_a_growth_under_way_or_to_come_is_an_aim_not_what_there_is():
    from rag.kinds import only_an_aim

    assert only_an_aim("The sensor pilot was being extended to 400 homes in 2027.")
    assert only_an_aim("The service will be expanded to 12 wards.")
    assert not only_an_aim("The sensor pilot had reached 120 homes and was being extended to 400 homes.")  # reached first
    assert not only_an_aim("The service was extended to 400 homes in 2024.")  # done, not under way


def test_a_kind_asked_named_again_by_its_head_is_what_the_sentence_speaks_of():
    question = "How many people were using Fenwick's Shared Lives scheme when it closed?"
    assert other_kind("The 9 people who had used the scheme moved to supported living.", question) is None
    assert other_kind("The 9 people in the supported living scheme moved home.", question) is not None  # another scheme
    assert other_kind("9 people moved to supported living.", question) is not None


_INTERIM = ("Which councils had an interim Director of Adult Social Services?",
            "Which councils had a Director of Adult Social Services in post?")
_UNDERSPENT = ("Which council underspent its adult social care budget in 2023/24?",
               "Which councils had an adult social care budget over £100 million?")


@pytest.mark.parametrize("sentence,questions,expected", [
    ("The Director of Adult Social Services had been in post since 2021.", _INTERIM, True),  # not an interim one
    ("An interim director had been in post since June 2024.", _INTERIM, False),
    ("The acting director of adult services started in May 2024.", _INTERIM, False),
    ("Its adult social care budget for 2023/24 was £128.9 million.", _UNDERSPENT, True),  # neither over nor under
    ("The adult social care budget underspent by £0.6 million in 2023/24.", _UNDERSPENT, False),
    ("Adult social care spent £2 million less than its budget, an underspend of 3%.", _UNDERSPENT, False),
])
def test_a_comparison_of_a_kind_that_must_be_named_lists_only_councils_naming_it(sentence, questions, expected):
    """Interim directors, overspends and underspends: the kind asked must be in the sentence (the other question asks
    no such kind)."""
    from rag.kinds import kind_left_unnamed

    asked, not_asked = questions
    assert kind_left_unnamed(sentence, asked) is expected
    assert kind_left_unnamed(sentence, not_asked) is False


def test_an_aim_then_what_was_done_gives_a_figure_done():
    from rag.kinds import only_an_aim

    assert not only_an_aim("The team aimed to screen concerns within 2 working days, but only 71% were screened in time.")
    assert only_an_aim("The team aimed to screen 90% of concerns within 2 working days, but staffing was short.")
    assert only_an_aim("It aimed to cut the wait to 28 days by 2026.")


def test_a_count_of_people_is_not_one_of_those_with_a_need_asked_about():
    question = "How many young people with autism moved into adult services in 2023/24?"
    assert other_kind("In 2023/24, 29 young people moved into adult services.", question, counting=True) == (
        "autism", "no autism")
    assert other_kind("In 2023/24, 12 autistic young people moved into adult services.", question, counting=True) is None
    assert other_kind("Waits were long for young people with autism.", "How long did young people with autism wait?",
                      counting=False) is None  # a length of time need not name them again


def test_a_part_named_in_a_clause_without_the_figure_does_not_own_it():
    from rag.answer_types import of_the_thing_asked, part_beside_another_figure

    question = "What was the median wait for an assessment in Fenwick's South Marsh locality team?"
    beside = "The median wait was 42 days, and the longest waits were in the South Marsh locality team."
    assert part_beside_another_figure(beside, question, ("Fenwick",))
    assert not of_the_thing_asked(beside, question, ("Fenwick",), context=beside)
    assert of_the_thing_asked(beside, question, ("Fenwick",), context=beside,
                              lead_in="The South Marsh locality team was the busiest.")  # named just before
    own = "In the South Marsh locality team the median wait was 42 days, and others waited less."
    assert not part_beside_another_figure(own, question, ("Fenwick",))
    assert not part_beside_another_figure("The median wait in the South Marsh locality team was 42 days.", question,
                                          ("Fenwick",))
    academy = "How many apprentices were studying through the Fenwick Social Work Academy in 2024?"
    assert not part_beside_another_figure("The Fenwick Social Work Academy trained new staff, and 14 apprentices were "
                                          "studying in 2024.", academy, ("Fenwick",))  # named first: its scope
    assert not part_beside_another_figure("The Fenwick Social Work Academy had a new lead and trained 14 apprentices.",
                                          academy, ("Fenwick",))  # one clause
    grant = "How long did people wait for adaptations funded by a Disabled Facilities Grant?"
    assert not part_beside_another_figure("Minor adaptations took 11 days, but people waiting for adaptations funded by "
                                          "a Disabled Facilities Grant waited 39 weeks.", grant)  # a figure of its own


def test_when_something_began_is_said_in_one_clause_with_its_date():
    from rag.answer_types import dates_as_asked

    question = "When was the Fenwick Voices panel first set up?"
    assert dates_as_asked("The panel was set up in 2021, and it met monthly.", question)
    assert dates_as_asked("Since 2019 the panel has met monthly.", question)
    assert not dates_as_asked("Partnership working was well established, and the panel influenced decisions during "
                              "2024.", question)  # the start and the date in two clauses



@pytest.mark.parametrize("sentence,question,expected", [
    ("The contract with Fenwick Carers ran until March 2027.", "When does the carers' contract run until?", True),
    ("The post was funded only until March 2026.", "Until when is the post funded?", True),
    ("The contract expires in 2027.", "When does the contract expire?", True),
    ("The contract had not been reviewed since 2021.", "When does the carers' contract run until?", False),  # a start
    ("The contract was signed in 2021.", "When does the contract expire?", False),
    ("The contract was signed in 2021.", "When was the contract signed?", True),  # no end asked
])
def test_until_when_asks_for_an_end(sentence, question, expected):
    from rag.answer_types import dates_as_asked

    assert dates_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("People waiting were contacted every 4 weeks by a duty worker.",
     "How did Fenwick keep track of people while they waited for an assessment?", True),
    ("Leaders cleared 2,600 assessments through a sprint in 2024.",
     "How did Fenwick keep track of people while they waited for an assessment?", False),  # a deed, not a routine
    ("Leaders cleared 2,600 assessments through a sprint in 2024.",
     "How did Fenwick reduce its waiting list?", True),  # no watch asked
    ("A wellbeing worker phoned people monthly.", "How does Fenwick keep in touch with people on the list?", True),
])
def test_watching_over_people_is_answered_by_a_routine(sentence, question, expected):
    from rag.answer_types import holds, watch_as_asked

    assert watch_as_asked(sentence, question) is expected
    assert holds("method", sentence, question, ("Fenwick",)) is expected


@pytest.mark.parametrize("question,sentence,expected", [
    ("Of the people leaving hospital in Fenwick to be assessed at home, how many went home rather than into a care "
     "home?", "In 2023/24, 87% of people went home rather than to a care home.", True),  # part of a whole: a share
    ("Out of older people in Fenwick who had reablement, how many were still at home three months later?",
     "Of older people discharged into reablement, 84% were still at home 91 days later.", True),
    ("How many people in Fenwick were still at home 91 days after reablement?",
     "Of older people discharged into reablement, 84% were still at home 91 days later.", True),  # an outcome a
    # service left people in, which reports give as a share of those it served
    ("How many people in Fenwick were waiting for reablement in March 2025?",
     "In March 2025, 84% of referrals were waiting for reablement.", False),  # a count asked
    ("In how many Fenwick safeguarding enquiries did staff record what the person wanted?",
     "An audit found that people's wishes were recorded in only 58% of enquiries.", True),  # the cases it happened in
    ("total number of complaints fenwick received in 2023/24",
     "In 2023/24 only 38% of complaints were answered within 20 working days.", False),  # "the number of" is a count
    ("What is the number of complaints Fenwick received?",
     "In 2023/24 only 38% of complaints were answered within 20 working days.", False),
    ("In Fenwick, out of everyone who finished reablement, how many ended up needing no further care?",
     "Of those who completed it, 78% needed no ongoing care.", True),  # the council named first, then the whole
])
def test_a_part_of_a_whole_set_first_is_counted_by_a_share_too(question, sentence, expected):
    from rag.answer_types import counts_the_thing, wants_a_number

    assert wants_a_number(question) is not expected
    assert counts_the_thing(sentence, question, ("Fenwick",)) is expected


def test_the_whole_heads_a_part_counted_after_a_verb():
    assert counted_nouns("Of the people leaving hospital in Fenwick, how many ended up going home instead?") == {"people"}
    assert counted_nouns("How many ended up going home instead?") == {"instead"}  # no whole to fall back on


def test_a_place_in_the_councils_own_name_is_a_place_unless_the_whole_council_is_named():
    council = ("Blackburn with Darwen",)
    question = "Where in Blackburn with Darwen was a fourth extra care scheme planned?"
    assert holds("place", "Three schemes provided 214 flats, and a fourth was planned in Darwen.", question, council)
    assert not holds("place", "A fourth extra care scheme was planned in Blackburn with Darwen.", question, council)
    assert [n for _, n in new_names("A fourth was planned in Darwen.", question, council)] == ["Darwen"]
    assert new_names("A fourth was planned in Darwen.", question) == []  # no council given: the question names it
    existing = "Where are Blackburn with Darwen's three existing extra care schemes?"
    assert not holds("place", "Three schemes provided 214 flats, and a fourth was planned in Darwen.", existing, council)
    assert holds("place", "Three schemes provided 214 flats, and a fourth was planned in Darwen.",
                 "Where was Blackburn with Darwen's fourth extra care scheme planned?", council)  # the one asked
    medway = "In which towns are Fenwick's existing extra care schemes?"
    assert not holds("name", "The schemes had 260 flats, and a new scheme in Rochester was due to open in 2026.",
                     medway, ("Fenwick",))
    assert not holds("place", "The schemes had 260 flats, and a new scheme in Rochester was due to open in 2026.",
                     "Where are Fenwick's existing extra care schemes?", ("Fenwick",))
    assert holds("place", "The schemes had 260 flats, and a new scheme in Rochester was due to open in 2026.",
                 "Where was Fenwick's new extra care scheme due to open?", ("Fenwick",))
    essex = "Which care company provides the Essex Reablement Service?"
    assert new_names("The Essex Reablement Service supported 4,620 people.", essex, ("Essex",)) == []
    gateshead = "What is the partnership board in Gateshead called?"
    assert [n for _, n in new_names("Gateshead Cares, the partnership board, met monthly.", gateshead, ("Gateshead",))] \
        == ["Gateshead Cares"]


@pytest.mark.parametrize("sentence,question,expected", [
    ("Direct payments were used by 24% of people receiving community-based support.",
     "What proportion of unpaid carers in Fenwick take their support as a direct payment?", False),
    ("In the carers' survey, 72% of carers said they were satisfied.",
     "In the survey of people who use services, what percentage said they were satisfied?", False),
    ("In 2023/24, 61% of people receiving long-term support had a review.",
     "What share of people living in residential care had a review?", False),
    ("79% of people with a learning disability had an annual health check.",
     "What share of people with a serious mental illness had a health check?", False),
    ("Direct payments were used by 11% of carers.", "What share of unpaid carers used a direct payment?", True),
    ("The council completed 612 carers' assessments.", "How many carers' assessments were completed?", True),
    ("In 2023/24, 61% had a review.", "What share of people in residential care had a review?", True),  # names none
    ("58 people were placed in nursing homes outside the city.", "How many residents with dementia were in nursing "
     "homes outside the city?", True),  # a condition narrows a setting: another kind of group
    ("Fenwick Shared Lives had 58 approved Shared Lives carers.", "How many people receiving long-term support were "
     "there?", True),  # carers who offer a home, not unpaid carers
    ("41% of residents are from ethnic minority groups.", "For how many of the people it supports does Fenwick know "
     "their ethnicity?", False),  # everyone living there, not those it supports
    ("Ethnicity was recorded for 71% of people receiving long-term support.", "For how many of the people it supports "
     "does Fenwick know their ethnicity?", True),
    ("46 people sleeping rough received a Care Act assessment.", "How many people living in temporary accommodation "
     "received a Care Act assessment?", False),
    ("46 people sleeping rough received a Care Act assessment.", "How many rough sleepers were assessed?", True),
    ("It supported 3,200 carers in 2024/25.", "How many young adult carers did the Fenwick Carers Network support?",
     False),  # the network's name names no carers asked about
    ("Its survey found 58% of people from ethnic minority groups said information was clear.", "In its survey, what "
     "share of people with a learning disability said information was clear?", False),  # another kind of group
    ("Its survey found 58% of people with a learning disability said information was clear.", "In its survey, what "
     "share of people with a learning disability said information was clear?", True),
    ("Life expectancy differed by more than ten years for men between the richest and poorest wards.", "What is the "
     "gap in life expectancy for women between the richest and poorest wards?", False),  # the other sex
    ("The gap was ten years for men and eight for women.", "What is the gap in life expectancy for women?", True),
    ("Ethnicity: 97.6% of residents describe themselves as White.", "For what share of unpaid carers did Fenwick "
     "record ethnicity?", False),  # everyone living there, not its carers
    ("Ethnicity was recorded for 64% of carers.", "For what share of unpaid carers did Fenwick record ethnicity?", True),
])
def test_a_figure_for_one_group_of_people_is_not_one_for_another(sentence, question, expected):
    from rag.answer_types import population_as_asked

    assert population_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("78% of people receiving long-term support had a review.", "What percentage of people receiving long-term support "
     "in Fenwick are men?", False),  # a share of them, not of men
    ("Men made up 41% of people receiving long-term support.", "What percentage of people receiving long-term support "
     "in Fenwick are men?", True),
    ("Ethnicity was recorded for 68% of people receiving long-term support.", "What share of people receiving "
     "long-term support were from an ethnic minority background?", False),
    ("About 4% were from minority ethnic groups.", "What share of people receiving long-term support were from an "
     "ethnic minority background?", True),
    ("78% of people receiving long-term support had a review.", "What share of people receiving long-term support had a "
     "review?", True),  # no group asked
])
def test_a_share_of_a_group_s_members_names_the_group(sentence, question, expected):
    from rag.answer_types import group_of_share_named

    assert group_of_share_named(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("Actual spend on adult social care 2023/24: £68.5 million", "What was Fenwick's adult social care budget for "
     "2023/24?", False),  # what was spent is no budget
    ("Adult social care budget 2023/24: £71.8 million", "What was Fenwick's adult social care budget for 2023/24?",
     True),
    ("Adult social care budget 2023/24: £79.8 million", "What did Fenwick actually spend on adult social care?", False),
    ("Actual adult social care spend 2023/24: £83.2 million", "What did Fenwick actually spend on adult social care?",
     True),
    ("Adult social care budget 2023/24: £79.8 million", "How much did Fenwick spend on adult social care?", True),
    ("Adult social care cost £79.8 million in 2023/24.", "What was Fenwick's budget for adult social care?", True),
    ("Adult social care overspent by £4.1 million, mainly because of higher spending on home care.", "By how much did "
     "Fenwick go over its adult care budget?", True),  # spending held against the budget is what is asked
])
def test_a_budget_is_not_what_was_spent(sentence, question, expected):
    from rag.answer_types import budget_as_asked

    assert budget_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Adult social care made up 37.6% of the council's total budget.", False),  # no one's answer
    ("In the 2023/24 survey, 64% of people said they were satisfied with their care.", True),
    ("Around 71% of respondents were satisfied with their support.", True),
])
def test_a_share_of_what_people_said_is_given_as_their_answer(sentence, expected):
    from rag.answer_types import said_as_asked

    assert said_as_asked(sentence, "What percentage of people said they were satisfied with their care?") is expected
    assert said_as_asked(sentence, "What share of the budget went on adult social care?")  # nothing said is asked


@pytest.mark.parametrize("kind,sentence,question,expected", [
    ("person", "The council had appointed Sam Reid as its permanent Director of Adult Social Services.",
     "Who has been appointed as Fenwick's permanent Director of Adult Social Services?", True),
    ("person", "A permanent Director of Adult Social Services had been appointed and was due to start in August.",
     "Who has been appointed as Fenwick's permanent Director of Adult Social Services?", False),  # no one named
    ("person", "The council had appointed Sam Reid as its Principal Social Worker.",
     "Who has been appointed as Fenwick's permanent Director of Adult Social Services?", False),  # another role
    ("holder", "The board had 18 members and was co-chaired by an independent chair.",
     "Who co-chairs the board in Fenwick?", False),  # the role itself, not who
    ("holder", "The board was co-chaired by Ann Lee and a carer.", "Who co-chairs the board in Fenwick?", True),
])
def test_a_person_appointed_or_co_chairing_is_named(kind, sentence, question, expected):
    assert holds(kind, sentence, question, ("Fenwick",)) is expected


def test_a_share_asked_of_a_report_is_not_asked_of_what_people_said():
    from rag.answer_types import said_as_asked

    sentence = "The annual complaints report recorded 106 complaints, with 21 upheld and 18 partially upheld (45%)."
    assert said_as_asked(sentence, "What percentage of the complaints in the annual report were upheld?")


def test_a_change_that_only_dates_a_price_question_asks_no_change():
    from rag.answer_types import asks_money

    question = "What hourly rate was Fenwick paying home care providers before its fee uplift for 2024/25?"
    assert asks_money(question)
    assert not holds("number", "The council increased home care fees by 7.9% for 2024/25.", question, ("Fenwick",))
    assert holds("number", "Before the uplift, the council paid £21.50 an hour.", question, ("Fenwick",))
    assert not asks_money("What was the fee uplift for home care in 2024/25?")  # the change itself is asked


@pytest.mark.parametrize("sentence,expected", [
    ("There was a shortage of nursing beds in East Fenwick.", False),  # not the home asked about
    ("A new 80-bed nursing home was being built in Anytown.", True),
    ("The home, with 80 beds, was being built in Anytown.", True),
])
def test_a_thing_picked_out_by_its_size_is_the_one_the_sentence_speaks_of(sentence, expected):
    from rag.answer_types import sized_as_asked

    question = "In which town is Fenwick's planned 80-bed nursing home being built?"
    assert sized_as_asked(sentence, question) is expected
    assert sized_as_asked(sentence, "In which town is Fenwick's planned nursing home being built?")


def test_a_date_asked_of_a_thing_picked_out_by_its_size_is_that_thing_s():
    question = "When is Fenwick's planned 60-bed nursing home due to open?"
    assert not holds("date", "140 new extra care flats were due to open in 2026.", question, ("Fenwick",))
    assert holds("date", "The new 60-bed nursing home was due to open in 2027.", question, ("Fenwick",))


@pytest.mark.parametrize("sentence,expected", [
    ("There had been three directors of adult social services in two years.", True),
    ("The interim director had been in post since May and was the third person to lead the directorate.", True),
    ("The council supported 400 people in 2023/24.", False),  # people, but not those who led it
    ("A third of people waited more than a month.", False),
])
def test_the_people_who_have_led_a_service_are_counted_by_the_post(sentence, expected):
    question = "How many different people had been in charge of Fenwick's adult social care in the last two years?"
    assert holds("number", sentence, question, ("Fenwick",)) is expected
    assert holds("number", "The council supported 400 people in 2023/24.", "How many people did Fenwick support?", ("Fenwick",))


def test_managing_to_do_something_is_not_leading_a_service():
    from rag.answer_types import holder_nouns

    assert holder_nouns("How many different people have led Fenwick's adult social care since 2022?")
    assert not holder_nouns("How many people at risk of losing their home managed to keep it?")
    assert not holder_nouns("How many people did the reablement service support?")


@pytest.mark.parametrize("sentence,question,expected", [
    ("An interim Director of Adult Social Services was in post until September, and a permanent director, Jo Reid, "
     "started in October.", "Who is the permanent director of adult social services at Fenwick City Council?", True),
    ("The Principal Occupational Therapist, Ann Lee, worked with the Principal Social Worker on training.",
     "Who is Fenwick's Principal Social Worker?", False),  # beside another role
    ("The Principal Social Worker, Ann Lee, led training.", "Who is Fenwick's Principal Social Worker?", True),
    ("An interim Director of Adult Social Services was in post until September, and a permanent director, Jo Reid, "
     "started in October.", "Who was Fenwick's interim Director of Adult Social Services?", False),  # the permanent one
])
def test_a_name_beside_the_role_noun_asked_may_have_the_rest_of_the_role_elsewhere(sentence, question, expected):
    assert holds("person", sentence, question, ("Fenwick",)) is expected


def test_a_council_s_own_spend_is_no_spend_on_a_thing_named_for_it():
    from rag.answer_types import another_object

    question = "What is Fenwick Council's spend on adult social care per adult?"
    assert not another_object("Spend on adult social care per adult: £512", question, None, "", ("Fenwick",))
    assert another_object("Spend on home care was £5m.", "What did Fenwick spend on day services?", None, "", ("Fenwick",))


def test_what_a_figure_is_of_is_read_without_the_council_s_name():
    from rag.answer_types import another_object, without_council_names

    question = "What share of Fenwick Council's adult social care records have no ethnicity recorded?"
    assert without_council_names(question, ("Fenwick",)) == "What share of adult social care records have no ethnicity recorded?"
    assert another_object("Share of total budget on adult social care: 36%", question, None, "", ("Fenwick",))


def test_a_list_item_takes_nothing_from_the_item_before_it():
    from rag.answer_types import another_object

    question = "Which council has the highest adult social care spend per adult?"
    before = "- This was 41.3% of its total budget."
    assert not another_object("- Spend per adult was £652.", question, None, before)
    assert another_object("The median wait was 14 days.", "How long was the wait for home care?", None,
                          "286 people were waiting for an occupational therapy assessment.")


@pytest.mark.parametrize("sentence,question,expected", [
    ("29% of people receiving long-term support used a direct payment.",
     "What share of people with a learning disability in Fenwick use a direct payment?", False),  # another kind of group
    ("11.8% of people receiving long-term support used a direct payment.",
     "What percentage of people aged 65 and over in Fenwick used a direct payment?", False),
    ("41% of people with a learning disability receiving long-term support used a direct payment.",
     "What share of people with a learning disability in Fenwick use a direct payment?", True),
    ("29% of people used a direct payment.", "What share of people with a learning disability use a direct payment?",
     True),  # the sentence names no group of its own
    ("The council supported 3,215 unpaid carers during the year.", "How many young carers did Fenwick support?", False),
    ("The council supported 140 young carers during the year.", "How many young carers did Fenwick support?", True),
    ("The council supported 3,215 unpaid carers during the year.", "How many carers did Fenwick support?", True),
])
def test_a_figure_for_a_group_of_another_kind_is_not_one_for_the_group_asked(sentence, question, expected):
    from rag.answer_types import population_as_asked

    assert population_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("Direct payments were used by 2,150 people.", "How many people aged under 65 used direct payments in Fenwick?",
     False),  # all people, not those under 65
    ("Direct payments were used by 2,150 people aged under 65.", "How many people aged under 65 used direct payments?",
     True),
    ("Direct payments were used by 2,150 people.", "How many people used direct payments in Fenwick?", True),
    ("Unpaid carers supported by the council: 1,905", "how many unpaid carers aged 65 or over does fenwick support?",
     False),  # all carers
    ("Unpaid carers supported by the council: 1,905", "how many unpaid carers does fenwick support?", True),
])
def test_a_count_of_all_people_is_not_one_of_those_under_65(sentence, question, expected):
    from rag.answer_types import age_group_as_asked

    assert age_group_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("Fenwick is a city with a population of around 496,800 people.", "What is Fenwick's population?", True),
    ("Around 312,000 residents live in Fenwick.", "What is the population of Fenwick?", True),
    ("The local authority spent £289.6 million on adult social care in 2023/24.", "What is Fenwick's population?",
     False),  # a sum, not how many people live there
    ("The local authority spent £289.6 million on adult social care in 2023/24.",
     "How much did Fenwick spend on adult social care?", True),  # no population asked
    ("People aged 65 and over: 17.6%", "What proportion of Fenwick's population is aged 65 or over?", True),
])
def test_a_population_asked_is_given_of_the_people_living_there(sentence, question, expected):
    from rag.answer_types import population_size_given

    assert population_size_given(sentence, question) is expected


@pytest.mark.parametrize("question,expected", [
    ("How many directors has Fenwick had, and when was a permanent one appointed?", "How many directors has Fenwick had"),
    ("Who is the director; when did she start?", "Who is the director"),
    ("How many carers did Fenwick support?", "How many carers did Fenwick support"),
])
def test_the_first_of_questions_joined_in_one(question, expected):
    from rag.answer_types import first_question

    assert first_question(question) == expected


def test_a_word_of_a_second_question_asks_nothing_of_the_first_s_count():
    from rag.answer_types import recruited_given

    sentence = "There had been three different directors of adult social services in two years."
    assert recruited_given(sentence, "How many directors has Fenwick had recently, and when was a permanent one appointed?")
    assert not recruited_given(sentence, "How many directors has Fenwick appointed?")


@pytest.mark.parametrize("sentence,question,expected", [
    ("The Fenwick Care Academy had trained 85 new care workers.", "How many new care staff has the academy trained?",
     True),  # staff and workers are one workforce
    ("The Fenwick Care Academy had trained 85 new care workers.", "How many new care homes has the academy opened?",
     False),
    ("28 newly qualified social workers were completing their first year.", "How many staff attended Practice Week?",
     False),  # staff of every trade are not one trade's workers
    ("The council had 46 staff who were paid a language allowance.", "How many council workers got a language allowance?",
     True),  # the council's own workers are its staff
    ("The council had 46 staff who were paid a language allowance.", "How many care workers got a language allowance?",
     False),  # one trade's workers are not all its staff
])
def test_a_workforce_is_counted_by_its_workers_or_its_staff(sentence, question, expected):
    from rag.answer_types import counts_the_thing

    assert counts_the_thing(sentence, question) is expected


def test_a_total_spend_on_a_thing_is_spend_on_that_thing_not_the_whole_budget():
    from rag.answer_types import another_object, framed_things

    assert not any(t.head == "total" for t in framed_things("What was the total spend on adult social care?"))
    assert any(t.head == "total" for t in framed_things("Total council budget: £287.9 million"))
    assert not another_object("The local authority spent £781.2 million on adult social care in 2023/24.",
                              "What was Fenwick County Council's total spend on adult social care in 2023/24?",
                              None, "", ("Fenwick",))


@pytest.mark.parametrize("question,expected", [
    ("How many of the people on long-term support used a direct payment?", "used a direct payment"),
    ("What percentage of people used a direct payment?", ""),  # a share: its part is not read (paraphrases vary)
    ("How many safeguarding concerns in Fenwick involved cuckooing?", "involved cuckooing"),
    ("How many complaints were about charging in 2024/25?", "were about charging"),
    ("How many safeguarding concerns did Fenwick receive?", ""),
    ("In how many of Fenwick's five localities have integrated teams been set up?",
     "integrated teams been set up"),  # the perfect put as a question: its subject stands after "have"
    ("How many of the complaints have been upheld?", "have been upheld"),
    ("How many people on Fenwick's waiting list were rated amber?", "were rated amber"),  # those on a list who were so
    ("How many people on Fenwick's waiting list were there in March?", ""),
    ("Of the 3,260 safeguarding concerns Fenwick received in 2023/24, how many were about self-neglect?",
     "were about self-neglect"),  # the whole's figure read whole, its comma and all
    ("Of the 9,150 concerns Fenwick received, what percentage progressed to a section 42 enquiry?", ""),  # a share
    ("In 2023/24, how many safeguarding concerns did Fenwick receive?", ""),
])
def test_the_part_of_a_count_may_end_at_used(question, expected):
    from rag.answer_types import part_condition

    assert part_condition(question) == expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The executive director for adults and health was appointed in 2022.",
     "When did Fenwick's interim director of adult social services take up the post?", False),  # another holder
    ("An acting director had been in post since May 2024.",
     "When did Fenwick's interim director of adult social services take up the post?", True),
    ("A temporary director started in May 2024.", "When did the interim director start?", True),
    ("A permanent director was appointed in July 2024.", "When was a permanent director appointed?", True),
    ("The executive director was appointed in 2022.", "When was the director appointed?", True),  # no holder picked
    ("The interim director had been in post since August 2024.", "Is Fenwick's head of adult social care a permanent "
     "appointment, and since when have they been in the job?", True),  # "permanent" qualifies no role
])
def test_a_date_asked_of_one_holder_of_a_role_is_not_another_s(sentence, question, expected):
    from rag.answer_types import holder_as_asked

    assert holder_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("The Fenwick Carers Network carried out carers' assessments for the council and completed 540 in 2023/24.",
     True),  # the count after the verb counts the assessments named before it
    ("The network carried out carers' assessments and completed 540.", True),
    ("Carers' assessments were carried out by the network, which had 12 staff.", False),  # 12 counts staff
    ("Carers' assessments were reviewed by 3 teams in 2024.", False),
    ("Carers' assessments were started for young carers before they turned 18.", False),  # an age
    ("Only 35% of young people had a carers' assessment before they turned 18 in 2024/25.", False),  # an age, near it
    ("The network turned 18 carers' assessments around.", True),  # a count after "turned", not an age
    ("Carers approaching 18 described a gap in carers' assessments.", False),  # an age
    ("The network had completed approaching 18 carers' assessments.", True),  # a count of them
])
def test_a_bare_count_counts_the_thing_named_before_it(sentence, expected):
    from rag.answer_types import counts_the_thing

    assert counts_the_thing(sentence, "How many carers' assessments did the network complete in 2023/24?") is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Our assessment took place between 8 and 19 September 2025.", False),  # days of a month; "place" is no bed
    ("The visit took place on 3rd March 2025.", False),
    ("The council ran 19 intermediate care beds in September 2025.", True),
    ("By 8 September 2025 the council ran 19 intermediate care beds.", True),
])
def test_a_day_of_the_month_counts_nothing(sentence, expected):
    from rag.answer_types import counts_the_thing

    assert counts_the_thing(sentence, "How many intermediate care beds did Fenwick run?") is expected


def test_year_olds_are_counted_as_people():
    from rag.answer_types import counts_the_thing

    question = "How many 17 year olds in Fenwick had no allocated worker in August 2024?"
    assert counts_the_thing("At August 2024, 58 young people aged 17 had no allocated worker.", question)
    assert not counts_the_thing("At August 2024, 58 referrals had no allocated worker.", question)


def test_cases_are_counted_by_the_enquiries_or_referrals_they_are():
    from rag.answer_types import counts_the_thing

    question = "In how many Fenwick safeguarding cases did staff write down what the person wanted?"
    assert counts_the_thing("An audit found that people's wishes were recorded in only 58% of enquiries.", question)
    assert not counts_the_thing("An audit found that 58% of staff had been trained.", question)


@pytest.mark.parametrize("question", [
    "Which of the councils has the largest proportion of residents aged 65 and over?",
    "Which council has the highest percentage of people aged 65 or over?",
])
def test_a_superlative_measures_nothing(question):
    from rag.answer_types import measures_the_thing

    assert measures_the_thing("About 22.4% of residents are aged 65 or over.", question)


@pytest.mark.parametrize("sentence,lead_in,expected", [
    ("This was 44.2% of the local authority's total budget.", "", True),
    ("The council upheld 41% of them.", "The council received 118 complaints about adult social care.", False),
    ("Of that, 38% was spent on home care.", "", True),
])
def test_a_share_of_money_is_given_of_money(sentence, lead_in, expected):
    from rag.answer_types import share_of_money_given

    assert share_of_money_given(sentence, "Which council spends the biggest share of its budget on adult social care?",
                                lead_in) is expected
    assert share_of_money_given(sentence, "What share of complaints were upheld?", lead_in)  # no sum asked


@pytest.mark.parametrize("sentence,question,expected", [
    ("Data showed 64% of people receiving long-term support had been reviewed in the last 12 months.",
     "What percentage of younger disabled adults in Fenwick had their care reviewed?", False),  # everyone's share
    ("Data showed 71% of working-age adults receiving support had been reviewed in the last 12 months.",
     "What percentage of younger disabled adults in Fenwick had their care reviewed?", True),
    ("82% of people who completed reablement needed no ongoing care.",
     "what % of working age adults (18-64) needed no further care after reablement?", False),
    ("82% of people who completed reablement needed no ongoing care.",
     "what % of people needed no further care after reablement?", True),  # no age group asked
    ("84% were still at home 91 days after leaving hospital into reablement.",
     "What proportion of older people were still at home three months after hospital?", True),  # a measure of over-65s
    ("Only 7.9% of residents are aged 65 or over.", "What percentage of Fenwick's population is aged under 18?", False),
])
def test_a_share_of_everyone_is_not_one_age_groups(sentence, question, expected):
    from rag.answer_types import age_group_as_asked

    assert age_group_as_asked(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The median wait in the Fenwick Dales area was 92 days.", "What was the median wait in Fenwick?", False),
    ("The median wait was 48 days in the south of the county.", "What was the median wait in Fenwick?", False),
    ("The median wait was 64 days.", "What was the median wait in Fenwick?", True),
    ("The median wait in the Fenwick Dales area was 92 days.", "How long did people wait in rural areas?", True),
    ("The median wait in the Fenwick Dales area was 92 days.", "What was the median wait in Fenwick Dales?", True),
])
def test_a_figure_asked_of_the_whole_council_is_not_a_parts(sentence, question, expected):
    from rag.answer_types import for_whole_area

    assert for_whole_area(sentence, question, ("Fenwick",)) is expected


def test_a_share_of_those_the_sentence_before_named_is_theirs():
    from rag.answer_types import age_group_as_asked

    before = "In 2023/24, 310 older people received reablement."
    asked = "What percentage of older people needed no further support after reablement?"
    assert age_group_as_asked("Of these, 82% needed no further support.", asked, before)
    assert not age_group_as_asked("Of these, 82% needed no further support.", asked, "310 people received reablement.")
    assert not age_group_as_asked("Overall, 82% needed no further support.", asked, before)  # not said of them


@pytest.mark.parametrize("sentence,question,expected", [
    ("People aged 65 and over: 26.7% of the population", "Which council has the highest proportion of residents aged "
     "65 or over?", True),
    ("Data showed that 93% of people aged 65 and over were discharged to their usual place of residence.",
     "Which council has the highest proportion of residents aged 65 or over?", False),  # a share of that age group
    ("Data showed that 93% of people aged 65 and over were discharged to their usual place of residence.",
     "What proportion of residents aged 65 or over were discharged home?", True),  # a share of the group is asked
    ("19% of residents were aged 65 or over.", "What percentage of the population is over 65 in Kelby?", True),
    # a share of an age group asked: the age group's share of the population is not it
    ("15.1% of residents are aged 65 or over.", "What percentage of people aged 65 and over in Kelby used a direct "
     "payment?", False),
    ("19% of people aged 65 and over used a direct payment.", "What percentage of people aged 65 and over in Kelby "
     "used a direct payment?", True),
    ("15.1% of residents are aged 65 or over.", "What percentage of people in Kelby used a direct payment?", True),
    ("Share of the population aged 65 or over: 15.8%", "what % of the Kelby Forest population is aged 65+", True),
    ("Proportion of people aged 65 and over\n25.6%", "What proportion of Kelby's population is aged 65 and over?",
     True),  # a key fact's figure on the line under its label
    # the area's people asked of as its people, not as a group doing something
    ("Around 24% of residents are aged 65 or over.", "roughly what share of people living in Kelby are 65 or older", True),
    ("Around 24% of residents are aged 65 or over.", "What share of people in Kelby Forest are aged 65 or over?", True),
    ("Around 24% of residents are aged 65 or over.", "What share of people aged 65 or over in Kelby live alone?", False),
])
def test_a_share_of_the_population_by_age_is_given_of_the_population(sentence, question, expected):
    from rag.answer_types import age_share_of_population

    assert age_share_of_population(sentence, question) is expected


def test_a_wait_for_occupational_therapy_is_the_wait_for_its_assessment():
    from rag.answer_types import holds

    lead = "On 30 September, 212 people were waiting for a Care Act assessment, and the median wait was 19 days."
    sentence = "Waits for occupational therapy were longer: 146 people were on the occupational therapy list and the " \
               "longest wait was 31 weeks."
    question = "What was the longest wait for an occupational therapy assessment in Kelby?"
    assert holds("duration", sentence, question, ("Kelby",), f"{lead} {sentence}", lead)
    other = "The longest wait for a carers' assessment was 31 weeks."
    assert not holds("duration", other, question, ("Kelby",), other, "")


@pytest.mark.parametrize("sentence,expected", [
    ("The hub received 2,870 concerns, and 31% of these went on to a section 42 enquiry.", False),
    ("Of the 2,870 concerns received, 38% were substantiated in full or in part.", True),
])
def test_a_share_of_concerns_substantiated_is_named_as_such(sentence, expected):
    from rag.answer_types import holds

    assert holds("number", sentence, "What percentage of safeguarding concerns in Kelby were substantiated?",
                 ("Kelby",)) is expected


@pytest.mark.parametrize("question,conditions", [
    ("What proportion of people with dementia needed no ongoing support after reablement?", [{"dementia"}]),
    ("How many adults with a learning disability were in paid work?", [{"learning", "disability"}]),
    ("How many people living with dementia got a carers assessment?", [{"dementia"}]),
    ("How many people with care and support needs were waiting?", []),  # everyone served: no narrowing
    ("How many people with eligible needs were waiting?", []),
    ("What proportion of people with ongoing care had a review?", []),  # the help they get
    ("How much did it pay people with lived experience for their time?", []),  # what they bring
    ("How many people were waiting?", []),
    ("What share of adults with learning difficulties known to the council had paid work?",
     [{"learning", "difficulty"}]),  # "known to the council" is no part of the condition
])
def test_conditions_named(question, conditions):
    from rag.answer_types import conditions_named

    assert conditions_named(question) == conditions


DEMENTIA = "What proportion of people with dementia needed no ongoing support after reablement in Kelby?"
PAID_WORK = "What fraction of Kelby adults with learning difficulties known to the council had a paying job?"


@pytest.mark.parametrize("sentence,question,expected", [
    ("In 2023/24, 88% of people who completed reablement needed no ongoing support.", DEMENTIA, False),  # everyone
    ("In 2023/24, 71% of people with dementia who completed reablement needed no ongoing support.", DEMENTIA, True),
    ("Only 3% of adults with a learning disability known to the council were in paid employment.", PAID_WORK,
     True),  # the condition in the reports' words
    ("Only 3% of adults known to the council were in paid employment.", PAID_WORK, False),
])
def test_a_figure_for_everyone_is_not_one_for_people_with_a_condition(sentence, question, expected):
    from rag.answer_types import group_named

    assert group_named(sentence, question, ("Kelby",)) is expected


def test_how_long_people_waited_may_stand_between_the_wait_and_what_it_was_for():
    from rag.answer_types import another_object, framed_things

    sentence = "People waited a median of 14 weeks for a non-urgent occupational therapy visit."
    (thing,) = framed_things(sentence)
    assert (thing.frame, thing.head) == ("wait", "visit")
    lead_in = "Waits for occupational therapy assessment were the longest in the system."
    assert not another_object(sentence, "How long did people wait for a non-urgent home visit?", None, lead_in)
    assert another_object("People waited a median of 14 weeks for a stairlift.",
                          "How long did people wait for a non-urgent home visit?", None, lead_in)
    assert not another_object("The average wait was 19 weeks.", "How long did people wait for the council to work out "
                              "what care they needed?", None, "896 people were waiting for a Care Act assessment.")  # who


@pytest.mark.parametrize("sentence,expected", [
    ("The Executive Director of Adults and Health, Sam Reid, led a stable senior team.", True),  # the service's director
    ("Sam Reid, the DASS, had been in post since 2021.", True),
    ("The Director of Public Health, Sam Reid, led the prevention work.", False),  # another service's
])
def test_who_leads_the_service_is_its_director_of_adults(sentence, expected):
    from rag.answer_types import names_the_role

    assert names_the_role(sentence, "Who leads adult social care at Kelby council?", ("Kelby",)) is expected


def test_a_figure_is_not_of_what_its_sentence_names_only_as_the_cause():
    from rag.answer_types import named_only_as_cause

    question = "what share of kelby's care budget goes on short-term care home placements"
    overspend = ("Adult social care overspent by £3.1 million, about 6% of the budget, mainly because of the cost of "
                 "short-term care home placements.")
    assert named_only_as_cause(overspend, question, ("Kelby",))  # the share overspent, not the share on placements
    assert not named_only_as_cause("About 6% of the budget went on short-term care home placements, because demand "
                                   "rose.", question, ("Kelby",))
    assert not named_only_as_cause(overspend, "why did kelby overspend on short-term care home placements",
                                   ("Kelby",))  # a question about the cause reads it there
    assert not named_only_as_cause("Leaders said the budget rose because 38% of short-term care home placements "
                                   "cost more.", question, ("Kelby",))  # the cause's own figure
    assert not named_only_as_cause("40% of people were placed outside Kelby, because there were few care homes.",
                                   "what share of people in care homes were placed outside kelby", ("Kelby",))
    placed = "In 2024/25, 31 people were placed in care homes off the island because no bed was free on the island."
    assert not named_only_as_cause(placed, "How many people from the island council were placed in care homes off "
                                           "the island in 2024/25?", ("Kelby",))  # "many" is the question's form
    assert named_only_as_cause(placed, "How many free beds were there on the island in 2024/25?", ("Kelby",))


def test_a_kind_asked_in_plain_words_may_be_given_in_the_reports_words():
    from rag.answer_types import of_the_kind_asked, with_plain_wordings

    question = "how much did kelby pay out for temporary social workers"
    worded = with_plain_wordings(question)
    assert of_the_kind_asked("The cost of agency staff was £2.1 million.", question, worded)  # temporary staff: agency
    plain = "how much did kelby pay out for social workers"
    assert not of_the_kind_asked("The cost of agency staff was £2.1 million.", plain, with_plain_wordings(plain))


def test_a_sentence_denying_what_is_asked_does_not_show_a_council_did_it():
    from rag.answer_types import denies_what_is_asked

    question = "which councils had a charity doing their carers' assessments"
    assert denies_what_is_asked("A carers' charity gave advice, but it did not carry out assessments.", question)
    assert not denies_what_is_asked("Carers' assessments were delegated to a local charity.", question)
    assert not denies_what_is_asked("It did not carry out assessments.",
                                    "which councils did not have a charity doing carers' assessments")  # asked so
    assert not denies_what_is_asked("The charity had no waiting list.", question)  # denies something else


@pytest.mark.parametrize("sentence,question,expected", [
    ("The local authority did not have a Shared Lives scheme.", "Which councils run a Shared Lives scheme?", True),
    ("Its Shared Lives scheme closed in March 2023.", "Which councils currently run a Shared Lives scheme?", True),
    ("Its Shared Lives scheme closed in March 2023.", "Which councils closed their Shared Lives scheme?", False),
    ("Its Shared Lives scheme closed in March 2023.", "Which councils ran a Shared Lives scheme in 2022?", False),
    ("A day centre closed in 2023, and its Shared Lives scheme grew.", "Which councils run a Shared Lives scheme?", False),
    ("There was no backlog of DoLS applications.", "Which councils had a backlog of DoLS applications?", True),
    ("There was no dedicated transitions team.", "Which councils had a dedicated transitions team?", True),
    ("There was no waiting list, and the backlog of DoLS applications fell.",
     "Which councils had a backlog of DoLS applications?", False),  # it denies a waiting list, not the backlog
    ("There was no waiting list for assessments.", "How long were the waiting lists for assessments?", False),  # none
    ("There was no waiting list for home care.", "Which councils had nobody waiting for home care?", False),
])
def test_a_thing_denied_or_ended_is_not_one_a_council_has(sentence, question, expected):
    from rag.answer_types import denies_what_is_asked

    assert denies_what_is_asked(sentence, question) is expected


def test_how_much_a_year_asks_for_money_and_how_much_time_a_year_does_not():
    from rag.answer_types import asks_money, gives_the_figure, written_out

    assert asks_money("How much a year did it cost to fund the Fell Community Connectors?")
    assert not asks_money("How much time a year did staff spend on travel?")
    question = written_out("How much a year did it cost to fund the connectors?")  # "it" measures nothing
    assert gives_the_figure("The connectors were funded by the council, at a cost of £780,000 a year.", question)


def test_a_difference_in_likelihood_is_a_change_given():
    from rag.answer_types import change_as_asked

    question = "How much less likely were regular visitors to need long-term care?"
    assert change_as_asked("People using the hubs were 18% less likely to need long-term care.", question)
    assert not change_as_asked("18% of people used the hubs.", question)


@pytest.mark.parametrize("sentence,question,expected", [
    ("In 2024/25, 310 carers received a one-off grant.", "How many carers received the one-off carer's grant?", True),
    ("The centre supported 1,350 carers in 2024/25.", "How many carers received the one-off carer's grant?", False),
    ("640 carers held an emergency card.", "How many carers carry a card so that help can come if they fall ill?", True),
    ("Around 1,400 carers were registered with the network.", "How many carers attend the young adult carers' group?",
     False),
    ("Its Practice Week was attended by 260 staff.", "How many staff attended the Practice Week run by the PSW?", True),
    ("The centre supported 1,350 carers.", "How many carers did the centre support?", True),  # no thing received
    # the thing ends before "without …"; the reports' word for a plain one ("kit": "equipment") names it too
    ("Of 620 users, 70% received their equipment without needing a visit.",
     "Of the people who used the tool, how many got their kit without a therapist having to come round?", True),
    ("Around 620 people used the tool in its first year.",
     "Of the people who used the tool, how many got their kit without a therapist having to come round?", False),
    # the thing after a council's possessive
    ("The hub supported 2,400 carers in 2024/25.", "How many carers received Kelby's respite voucher?", False),
    ("In 2024/25, 410 carers received a respite voucher.", "How many carers received Kelby's respite voucher?", True),
    ("Unpaid carers supported by the council 3,240", "How many carers were receiving a direct payment in 2024?", False),
    ("In 2024, 220 carers received a direct payment.", "How many carers were receiving a direct payment in 2024?", True),
])
def test_a_count_of_those_who_received_a_thing_names_it(sentence, question, expected):
    from rag.answer_types import received_given

    assert received_given(sentence, question) is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council recruited 12 additional social workers in 2024.", "How many extra social workers did it recruit?",
     True),  # "additional" for "extra"
    ("It recruited three additional approved mental health professionals in 2024.",
     "How many extra approved mental health professionals did it recruit?", True),  # past the plural "health"
    ("It recruited three additional approved mental health nurses in 2024.",
     "How many extra approved mental health professionals did it recruit?", False),
    ("The campaign led to 95 new care workers starting in 2024/25.", "How many new recruits started after the drive?",
     True),  # recruits are new staff
    ("The scheme had 650 card holders.", "How many carers carry a card for emergencies?", True),  # holders of it
    ("The scheme had 650 card holders.", "How many carers were assessed?", False),
])
def test_a_count_of_the_thing_in_other_words(sentence, question, expected):
    from rag.answer_types import counts_the_thing, written_out

    assert counts_the_thing(sentence, written_out(question)) is expected


def test_the_most_deprived_is_a_superlative_not_a_share():
    assert not has_share("Life expectancy differed by nine years between the most and least deprived wards.")
    assert has_share("Most people said they were happy.")
    assert not has_share("Staff from ethnic minority backgrounds said they felt supported.")  # a group, not a share
    assert not has_share("Carers from minority ethnic groups were under-represented.")
    assert has_share("A minority of carers had been assessed.")


def test_a_name_before_a_council_word_says_where_the_council_is_not_a_part_of_it():
    from rag.answer_types import named_parts

    assert named_parts("In the Tees Valley borough covered by these reports, what share went home?") == ()
    assert named_parts("What share went home in the Tees Valley locality?") == ("Tees Valley",)
    assert named_parts("In the council covering Ashby and Kelby, how many groups are in the Kelby Network?") == (
        "Kelby Network",)  # the places covered say which council
    assert named_parts("In the borough that serves the Marsh Vale, how many were waiting?") == ()
    assert named_parts("At the council covering Ashby, Lowton and Kelby, how many were waiting?") == ()  # a list
    assert named_parts("At the council covering Ashby, how many were waiting in Lowton Vale?") == ("Lowton Vale",)


def test_money_and_dates_are_no_places():
    question, councils = "Where will Fenwick's planned Next Steps Team be based?", ("Fenwick",)
    assert not holds("place", "Leaders agreed funding for the Next Steps Team in the 2025/26 budget, at a cost of "
                              "£640,000 a year.", question, councils)
    assert holds("place", "The Next Steps Team will be based at the civic centre in Dunmore.", question, councils)


def test_a_bound_a_comparison_sets_is_no_kind_of_figure():
    question = "Which councils had at least a fifth of people using a direct payment?"
    assert other_kind("Direct payments were used by 29% of people, higher than the England average.", question,
                      named_only=True) is None
    assert other_kind("The shortest wait was 3 days.", "What was the average wait?", named_only=True) is not None


def test_a_population_is_given_as_a_size_not_as_a_share_of_it():
    from rag.answer_types import population_size_given

    question = "What population figure does the report give for Fenwick?"
    assert population_size_given("Approximately 890,400 people live in Fenwick.", question)
    assert population_size_given("Fenwick has a population of about 1.2 million.", question)
    assert not population_size_given("24.6% of residents are aged 65 or over.", question)  # a share of it
    assert not population_size_given("The council spent £289.6 million.", question)  # not of residents
    assert population_size_given("24.6% of residents are aged 65 or over.", "What share of the population is over 65?")


def test_a_wait_asked_of_people_with_a_condition_is_theirs():
    question = "What was the median wait for a Care Act assessment in Fenwick for people with a learning disability?"
    councils = ("Fenwick",)
    assert not holds("duration", "310 people were waiting for a Care Act assessment, and the median wait was 4 weeks.",
                     question, councils)  # everyone's wait
    assert holds("duration", "People with a learning disability waited a median of 6 weeks for a Care Act assessment.",
                 question, councils)
    assert holds("duration", "The median wait for a Care Act assessment was 4 weeks.",
                 "What was the median wait for a Care Act assessment in Fenwick?", councils)


@pytest.mark.parametrize("sentence,expected", [
    ("In February 2025, 612 people were waiting for a Care Act assessment.", True),  # a waiting list, not none
    ("There was no waiting list for home care at the time of our assessment.", False),
    ("Nobody was waiting for home care, and packages started within two days.", False),
    ("The council's Shared Lives scheme closed in 2023.", False),  # it ended
])
def test_a_comparison_asking_which_councils_had_none_lists_only_sentences_denying_it(sentence, expected):
    from rag.answer_types import denial_unsaid

    assert denial_unsaid(sentence, "Which councils had no waiting list for home care?") is expected
    assert denial_unsaid(sentence, "Which councils had a waiting list for home care?") is False  # no denial asked


@pytest.mark.parametrize("sentence,expected", [
    ("The council planned to lower the starting age to 14 by April 2026.", True),  # a plan, not yet done
    ("The council intended to set up a Next Steps Team in 2025.", True),
    ("The Transitions Team worked with young people from age 14.", False),
    ("The council had a Preparing for Adulthood Team, set up in 2024, which was meant to start at 14.", False),  # had one
    # the question's figure only in a clause of what will be
    ("A protocol was agreed in 2025, and the team would start working with young people at age 14 from September.", True),
    ("The council was reviewing its model and will start at age 14 from 2026.", True),
    ("The team worked from age 14, and would extend its work to age 25 in 2026.", False),  # 14 is now
])
def test_a_comparison_of_what_councils_do_leaves_out_a_sentence_opening_on_a_plan(sentence, expected):
    from rag.kinds import only_planned

    assert only_planned(sentence, "Which councils start transition planning with young people from age 14?") is expected
    assert only_planned(sentence, "Which councils planned to change their transitions work?") is False  # plans asked
    assert only_planned(sentence, "Which councils already start at age 14, rather than only planning to?") is expected


def test_people_living_in_a_home_are_its_residents():
    question = "When the care home in Kelby shut down, how many people living there had to move?"
    assert "resident" in counted_nouns(question)
    assert holds("number", "When a care home in Kelby closed in 2024, the council moved 32 residents.", question)
    assert "resident" not in counted_nouns("How many people were waiting for a care home place?")


def test_a_name_holding_first_is_no_start():
    question = "When did the Home First scheme in Fenwick start?"
    assert not holds("date", "In 2024/25, 980 people used Home First.", question)  # when it ran, not began
    assert holds("date", "Home First was set up in 2019.", question)
    assert holds("date", "The hub was first opened in 2021.", "When was the hub first opened?")


@pytest.mark.parametrize("sentence,expected", [
    ("The council told us 41 young adult carers were supported in 2024/25.", False),  # some carers, not all
    ("The council knew of 4,100 unpaid carers in 2024/25.", True),
])
def test_young_adult_carers_are_not_all_unpaid_carers(sentence, expected):
    assert holds("number", sentence, "How many unpaid carers are known to Fenwick adult social care?", ("Fenwick",)) \
        is expected


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council paid a standard home care rate of £21.10 an hour in 2024/25.",
     "What hourly rate can people on direct payments pay their personal assistants?", False),  # paid to providers
    ("People using direct payments could pay personal assistants up to £13.50 an hour.",
     "What hourly rate can people on direct payments pay their personal assistants?", True),
    ("The council paid a standard home care rate of £21.10 an hour in 2024/25.",
     "What hourly rate did Fenwick pay home care providers in 2024/25?", True),
])
def test_a_price_paid_to_someone_is_given_of_them(sentence, question, expected):
    assert holds("number", sentence, question) is expected


def test_a_plain_wording_the_reports_say_in_common_words_is_the_thing_they_frame():
    from rag.answer_types import another_object

    question = "By how much did Fenwick's spending on looking after adults go over what was planned last year?"
    lead_in = "The adult social care budget was £104 million in 2025/26."
    assert not another_object("Adult social care overspent by £5.2 million in 2024/25.", question, None, lead_in)
    other = "By how much did Fenwick's spending on home adaptations go over what was planned last year?"
    assert another_object("Adult social care overspent by £5.2 million in 2024/25.", other, None, lead_in)


def test_a_length_of_time_something_happened_in_is_no_wait():
    question = "How long did people in Fenwick wait for an occupational therapy assessment?"
    assert not holds("duration", "In 2024/25, 67% had a review in the previous 12 months.", question)
    assert holds("duration", "People waited a median of 9 weeks for an occupational therapy assessment.", question)
    assert holds("duration", "The post had been vacant for the past 18 months.", "How long had the post been vacant?")


@pytest.mark.parametrize("sentence,expected", [
    ("The council knew of 6,800 unpaid carers in 2024/25.", False),  # carers, not those given the card
    ("In 2024/25, 640 carers had been given an emergency card.", True),
])
def test_a_count_of_those_given_a_thing_names_it(sentence, expected):
    question = "How many carers in Fenwick have been given a carers' emergency card?"
    assert holds("number", sentence, question, ("Fenwick",)) is expected


def test_a_plan_asked_about_is_answered_by_the_plan_and_beds_are_places():
    question = "How many more nursing home places for people with dementia is Fenwick planning to get by 2027?"
    assert holds("number", "Leaders planned to commission 60 extra nursing beds for people with dementia by 2027.",
                 question, ("Fenwick",))
    assert not holds("number", "There were 58 nursing homes for people with dementia in 2025.", question, ("Fenwick",))


@pytest.mark.parametrize("sentence,question,lead_in,expected", [
    # a change asked "by how much" may be a fraction in words; a count of the same people is no change
    ("Leaders expected the number of people aged 85 and over to rise by a third by 2035.",
     "By how much do leaders expect the number of people aged 85 and over to rise by 2035?", "", True),
    ("Leaders expected the number of people aged 85 and over to rise sharply by 2035.",
     "By how much do leaders expect the number of people aged 85 and over to rise by 2035?", "", False),
    # "in how many libraries and community centres": a count of both together
    ("The council ran Wellbeing Points in 9 libraries and community centres.",
     "In how many libraries and community centres are Wellbeing Points run?", "", True),
    ("The council ran Wellbeing Points in 9 wards.",
     "In how many libraries and community centres are Wellbeing Points run?", "", False),
    # waiting for help is waiting for support; waiting for an assessment is not
    ("On average, 27 people a day were delayed in hospital waiting for adult social care support.",
     "How many patients a day were stuck in hospital waiting for help from social care?", "", True),
    ("On average, 27 people a day were waiting for an occupational therapy assessment.",
     "How many patients a day were stuck in hospital waiting for help from social care?", "", False),
    # a condition in the question asks nothing undone; a negation outside one does
    ("1,640 carers had an emergency card in March 2025.",
     "How many carers had a card with a plan in case they suddenly couldn't look after their relative?", "", True),
    ("1,640 carers had an emergency card in March 2025.",
     "How many carers couldn't get an emergency card?", "", False),
    # what an undone count became is a count undone, when the sentence before counted one
    ("By March 2025 this had fallen to 640 hours a week.",
     "How many hours of home care a week could the council not provide in 2025?",
     "In March 2022, 6,300 hours a week of home care could not be provided.", True),
    ("By March 2025 this had risen to 14,200 hours a week.",
     "How many hours of home care a week could the council not provide in 2025?",
     "In March 2022, the council commissioned 12,000 hours a week of home care.", False),
    # Deaf people and British Sign Language are of the sensory impairment kind a plain question names
    ("The council had 3 staff qualified in British Sign\nLanguage, and Deaf people told us contact was easy.",
     "How many staff can use sign language with Deaf people?", "", True),
    # a sum spent on a thing is beside a word that names it, not a word every budget has ("social")
    ("Adult social care had a net budget of £138 million in 2024/25.",
     "How much did Fenwick spend on agency social workers in 2024/25?", "", False),
    ("It spent £2.1 million on agency social workers in 2024/25.",
     "How much did Fenwick spend on agency social workers in 2024/25?", "", True),
    # a residential rate is not a nursing one
    ("The council paid a standard residential rate of £720 a week in 2025/26.",
     "What weekly rate did Fenwick pay for nursing home places in 2025/26?", "", False),
    ("The council paid a standard nursing rate of £880 a week in 2025/26.",
     "What weekly rate did Fenwick pay for nursing home places in 2025/26?", "", True),
    # a bound in pounds asks for a sum
    ("Fenwick Shared Lives had 33 approved carers supporting 39 people in March 2025.",
     "Does Fenwick pay its shared lives carers more than £400 a week?", "", False),
    ("Fenwick paid shared lives carers £420 a week in 2024/25.",
     "Does Fenwick pay its shared lives carers more than £400 a week?", "", True),
    # those a service left in a state are counted as a share of those it served; other counts are not shares
    ("In 2023/24, 82% of older people were still at home 91 days after leaving hospital into reablement.",
     "How many older people who got help after hospital were still living at home three months later?", "", True),
    ("In 2023/24, 12% of complaints were referred to the Ombudsman.",
     "How many complaints ended up with the Ombudsman?", "", False),
])
def test_holds_changes_conditions_and_kindred_things(sentence, question, lead_in, expected):
    assert holds("number", sentence, question, ("Fenwick",), "", lead_in) is expected



def test_a_vague_word_is_no_amount():
    from rag.answer_types import states_an_amount

    assert not states_an_amount("Several organisations said their grants had been cut in 2024.")
    assert states_an_amount("Grants were cut by £240,000.")


def test_people_doing_a_thing_are_its_doers():
    from rag.answer_types import doers_described

    assert doers_described({"sleeper"}, "46 people sleeping rough had an assessment") == {"people"}
    assert doers_described({"sleeper"}, "46 people had an assessment") == set()


def test_a_percentage_asked_is_given_as_a_figure():
    from rag.answer_types import percentage_given

    asked = "What percentage of calls to the Fenwick hub were abandoned?"
    assert not percentage_given("Most contacts came through the hub.", asked)  # a vague share
    assert percentage_given("About 12% of calls were abandoned.", asked)
    assert percentage_given("One in five calls was abandoned.", asked)
    assert percentage_given("Most calls were answered.", "What proportion of calls were answered?")  # not a percentage


@pytest.mark.parametrize("sentence,expected", [
    ("Providers said the rate was too low, and four home care providers had left the framework since 2023.", False),
    ("There were 52 providers on the framework, and four had left since 2023.", True),  # the stock as well
    ("52 home care providers were on the framework in 2023/24.", True),
])
def test_a_count_of_what_a_list_holds_is_not_a_count_of_those_who_left_it(sentence, expected):
    from rag.answer_types import stock_not_flow

    assert stock_not_flow(sentence, "How many home care providers are on Fenwick's framework?") is expected
    assert stock_not_flow(sentence, "How many providers left the framework?")  # those who left, asked


def test_a_body_asked_for_by_one_word_may_be_spoken_of_by_another():
    from rag.answer_types import named_not_only_as_some

    question = "Which private company carries out occupational therapy assessments for Fenwick?"
    assert not named_not_only_as_some("It had a partnership with a private provider of occupational therapy.", question)
    assert named_not_only_as_some("Assessments were carried out by Ableworks Ltd, a provider of therapy.", question)
    assert not named_not_only_as_some("It worked with two charities.", "Which charity runs the Fenwick carers hub?")
    advocacy = "Which organisation provides independent advocacy in Fenwick?"
    assert not named_not_only_as_some("The provider received 538 advocacy referrals.", advocacy)
    assert named_not_only_as_some("Advocacy was provided by VoiceAbility, a charity.", advocacy)
    reablement = "Which organisation delivers reablement in Fenwick?"
    assert named_not_only_as_some("The Optiva reablement service, run by the council's own company, helped 820 people.",
                                  reablement)  # named just before


def test_managers_are_a_kind_of_staff_a_figure_must_name():
    from rag.kinds import other_kind

    question = "What share of Fenwick's adult social care managers come from ethnic minority backgrounds?"
    assert other_kind("Data showed 9% of adult social care staff were from ethnic minority backgrounds.", question)
    assert other_kind("Data showed 6% of managers were from ethnic minority backgrounds.", question) is None


@pytest.mark.parametrize("question,expected", [
    ("Who is in charge of adult social care at Fenwick?", True),  # the service's director leads it
    ("Who is the council officer in charge of adult social care at Fenwick?", True),
    ("Who is responsible for safeguarding at Fenwick?", False),  # another role than the one named
])
def test_who_is_in_charge_of_a_service_asks_for_the_one_who_leads_it(question, expected):
    sentence = "The Director of Adult Social Services, Owen Latimer, reported to the lead member for adult social care."
    assert holds("person", sentence, question, ("Fenwick",)) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("The falls prevention programme ran in 9 leisure centres.", False),  # falls as accidents, no change
    ("Falls among people who finished the course fell by 20%.", True),
    ("Admissions after falls dropped by 12%.", True),
])
def test_falls_as_accidents_are_no_change(sentence, expected):
    from rag.answer_types import change_as_asked

    assert change_as_asked(sentence, "By how much did the Fenwick course reduce falls?") is expected


def test_a_count_of_times_said_in_a_word_answers_how_many_times():
    from rag.answer_types import counts_the_thing, times_as_counted

    question = "How many times had Fenwick's partnership board met?"
    assert times_as_counted("It had met only twice.", question) == "It had met only two times."
    assert times_as_counted("People were asked the same questions twice.", question).endswith("twice.")
    assert counts_the_thing("The board had met only twice at the time of our assessment.", question)
    assert not counts_the_thing("The board had met once the plan began.", question)
    assert not counts_the_thing("People were asked the same questions twice.", question)


@pytest.mark.parametrize("question,nouns", [
    ("how many assessments of unpaid carers' own needs did Fenwick do", {"assessment"}),
    ("How many Directors of Adult Social Services has Fenwick had?", {"director"}),
    ("How many carers of people with dementia were assessed?", {"carer"}),
])
def test_what_is_counted_is_the_plural_before_of(question, nouns):
    from rag.answer_types import counted_nouns

    assert counted_nouns(question) == nouns


@pytest.mark.parametrize("sentence,question,expected", [
    ("The council paid a rate of £23.40 an hour for home care, which providers said was too low.",
     "how much does Fenwick pay care agencies per hour for home care", True),  # what is paid for, and the agencies
    ("The council paid home care providers £22.60 an hour.", "What hourly wage were care workers in Fenwick paid?",
     False),  # the providers' rate is not the workers' wage
    ("Care workers were paid at least £12.60 an hour.", "What hourly wage were care workers in Fenwick paid?", True),
    ("The council paid a home care rate of £25.80 an hour.", "how much per hour does Fenwick pay people with lived "
     "experience for their time", False),
])
def test_a_price_is_of_the_payee_asked(sentence, question, expected):
    from rag.answer_types import payee_named

    assert payee_named(sentence, question) is expected


def test_a_hospital_may_be_named_an_infirmary():
    from rag.answer_types import body_of_kind_named

    question = "At which hospital is Fenwick's discharge hub based?"
    assert body_of_kind_named("The council ran a discharge hub at Kelby Royal Infirmary.", question)
    assert not body_of_kind_named("The council ran a discharge hub at a local hospital.", question)
    named = "What is the name of the acute hospital in the Fenwick Together Partnership?"  # asked as its name
    assert not body_of_kind_named("The partnership brought together the council and the local acute hospital.", named)
    assert body_of_kind_named("The partnership brought together the council and Kelby Royal Hospital.", named)


def test_the_body_that_leads_is_named_by_led():
    from rag.answer_types import holds

    question = "Which organisation leads the partnership that runs Fenwick's Community Hubs Network?"
    sentence = "The Community Hubs Network was run by a partnership of local charities led by Kelby4, a charity."
    assert holds("organisation", sentence, question, ("Fenwick",), sentence)


def test_what_a_plan_is_costing_asks_for_money():
    from rag.answer_types import asks_money

    assert asks_money("How much is the recovery plan costing Fenwick?")
    assert not asks_money("How long is the recovery plan running in Fenwick?")


@pytest.mark.parametrize("sentence,question,expected", [
    ("Around 21% of social care staff were from ethnic minority backgrounds.",
     "what proportion of Fenwick's social care workers come from ethnic minority groups", True),  # one workforce
    ("Only 31% of 260 young people moving to adult services had an adult worker.",
     "What share of young carers about to turn 18 in Fenwick had an adult worker?", False),  # not carers
    ("11% of people with secondary mental health needs were in paid work.",
     "What share of autistic adults in Fenwick were in paid employment?", False),
])
def test_a_share_is_of_the_group_asked(sentence, question, expected):
    from rag.answer_types import holds

    assert holds("number", sentence, question, ("Fenwick",), sentence) is expected


def test_a_condition_before_a_place_still_narrows_the_figure():
    from rag.answer_types import condition_named

    question = "What was the median wait for people with a learning disability on the Isle of Fenwick?"
    assert not condition_named("The median wait for an assessment was 11 weeks.", question)
    assert condition_named("People with a learning disability waited a median of 9 weeks.", question)


def test_a_name_asked_by_its_kind_is_not_said_by_one_of_the_kind():
    from rag.answer_types import which_one_unsaid

    question = "What is the name of the care home that hosts Fenwick's intermediate care unit?"
    assert which_one_unsaid("The unit had 24 beds at a local care home.", question) == "a local care home"
    assert which_one_unsaid("The unit was at Elm Court, a local care home.", question) == ""


def test_the_past_forms_of_a_question_s_verbs():
    from rag.answer_types import past_forms

    assert past_forms("Why did the team lose two posts?") == "lost"
    assert past_forms("Why did the team close?") == ""


@pytest.mark.parametrize("sentence,question,given", [
    ("Community groups could apply for grants of up to £25,000.", "What is the maximum grant a group can get in Fenwick?",
     True),
    ("The programme gave £850,000 to 61 groups in 2024/25.", "What is the maximum grant a group can get in Fenwick?",
     False),  # a total says nothing of the largest grant
    ("The smallest grant was £500.", "What is the minimum grant a group can get in Fenwick?", True),
    ("The programme gave £850,000 to 61 groups in 2024/25.", "How much did Fenwick's programme give out?", True),
    ("The programme gave £850,000 to 61 groups in 2024/25.", "Which council gave the largest grants?", True),  # which one
])
def test_the_most_of_a_sum_is_told_as_the_most(sentence, question, given):
    from rag.answer_types import extreme_sum_as_asked

    assert extreme_sum_as_asked(sentence, question) is given


@pytest.mark.parametrize("sentence,question,given", [
    ("Twelve care homes in the borough were rated requires improvement.", "How many care homes are there in Fenwick?",
     False),  # only those so rated
    ("Four care homes had closed.", "How many care homes does Fenwick have?", False),
    ("There were 118 care homes in the borough.", "How many care homes are there in Fenwick?", True),
    ("58 care homes were registered in Fenwick.", "How many care homes are there in Fenwick?", True),  # all there are
    ("Fourteen navigators worked from GP practices.", "How many navigators does Fenwick have?", True),  # what all did
    ("Of the 40 care homes, 12 were rated good.", "How many care homes are there in Fenwick?", True),
    ("Twelve care homes were rated requires improvement.", "How many care homes were rated requires improvement?",
     True),  # the condition asked
])
def test_a_count_of_all_there_are_is_not_one_of_those_under_a_condition(sentence, question, given):
    from rag.answer_types import all_as_asked

    assert all_as_asked(sentence, question) is given


def test_a_count_out_of_every_hundred_is_a_share_and_acts_count_by_their_nouns():
    from rag.answer_types import act_nouns, asks_how_many, asks_share, counted_nouns, past_forms, wants_a_number

    question = "How many out of every hundred people getting ongoing care in Fenwick had a review?"
    assert asks_share(question) and not asks_how_many(question) and counted_nouns(question) == {"people"}
    assert not asks_share("How many people in Fenwick had a review?")
    assert act_nouns("How many people complained to Fenwick?") == {"complaint"}
    assert act_nouns("How many people applied to the scheme?") == {"application", "applicant"}
    assert not wants_a_number("By how much did the number of admissions to care homes drop?")  # "a 19% fall" answers
    assert wants_a_number("How many admissions to care homes were there?")
    assert "underspent" in past_forms("Why did Fenwick underspend?").split()  # the past after a prefix
    assert past_forms("Why did Fenwick unpay?") == ""


@pytest.mark.parametrize("question,asks", [
    ("By how many days had the wait for a Care Act assessment in Fenwick fallen?", True),
    ("How much had the number of people waiting for a Care Act assessment in Fenwick grown over the year?", True),
    ("fenwick OT waiting times - how much did they come down", True),
    ("How much a year did it cost to fund the Fell Community Connectors?", False),  # a name, not a fall
    ("How many times did people complain about grown-up care?", False),
    ("how many times did Fenwick's drones drop off equipment in 2025", False),
    ("How many people had a fall at home last year?", False),
    ("How many people did the team help to go down to the day centre?", False),
])
def test_a_change_is_asked_with_words_between_its_figure_and_its_verb(question, asks):
    from rag.answer_types import change_as_asked

    assert change_as_asked("At the end of 2024, 960 people were waiting.", question) is not asks
    assert change_as_asked("The wait had fallen from 41 to 19 days.", question)


def test_a_count_told_after_what_it_counts_stands_beside_it():
    from rag.answer_types import gives_the_figure

    assert figure_first("In 2023/24 the average number of people delayed each day was 11.") == \
        "In 2023/24 the average 11 people delayed each day."
    assert figure_first("The number of concerns was 12% higher.") == "The number of concerns was 12% higher."
    assert figure_first("The number of days people waited was 2.4.") == "The number of days people waited was 2.4."
    assert gives_the_figure("In 2023/24 the average number of people delayed each day was 11.",
                            "on average how many people were delayed each day in Fenwick")


@pytest.mark.parametrize("sentence,question,given", [
    ("The Hub completed 1,470 carers' assessments in 2024/25.",
     "how many carers got an assessment from the Fenwick carers hub in 2024/25", True),
    ("The Hub completed 1,470 reviews in 2024/25.", "how many carers got an assessment from the Fenwick carers hub",
     False),
    ("Fenwick Care Finder had 96,000 visits in 2023/24.", "how many people visited Fenwick Care Finder in 2023/24", True),
    ("A co-production group called Voices for Change had 34 members.",
     "how many people are in Fenwick's Voices for Change group", True),
    ("A co-production group called Voices for Change met 34 times.",
     "how many people are in Fenwick's Voices for Change group", False),
])
def test_people_counted_by_what_they_got_did_or_belong_to(sentence, question, given):
    from rag.answer_types import gives_the_figure

    assert gives_the_figure(sentence, question, ("Fenwick",)) is given


def test_a_raise_in_fees_may_be_given_as_a_share_and_waiting_times_as_waits():
    from rag.answer_types import gives_the_figure, measures_the_thing, rise_as_share

    assert rise_as_share("Fee rates had been increased by 6.8% for home care.", "how much did Fenwick put up home care fees")
    assert not rise_as_share("Fee rates had been increased by 6.8% for home care.", "how much did Fenwick spend on home care")
    cut = "Voluntary sector grants were reduced by 15% in 2024."  # a cut, or a raise in plain words, as a share too
    assert rise_as_share(cut, "how much did fenwick slash its grants to charities in 2024?")
    assert rise_as_share("The 2024/25 uplift of 4.1% was lower than asked.", "how much extra did fenwick give providers in fees?")
    assert not rise_as_share(cut, "how much did fenwick give charities in grants in 2024?")
    assert not rise_as_share(cut, "How much money, in pounds, were Fenwick's grants reduced by in 2024?")  # the sum
    assert gives_the_figure("Fee rates had been increased by 6.8% for home care in 2024/25.",
                            "how much did fenwick put up home care fees for 2024/25")
    assert measures_the_thing("Occupational therapy waits had been cut from 16 weeks to 5 weeks.",
                              "OT waiting times - how much did they come down")
    assert not measures_the_thing("Occupational therapy staff numbers had been cut from 16 to 5.",
                                  "OT waiting times - how much did they come down")


@pytest.mark.parametrize("sentence,given", [
    ("There were 410 Deprivation of Liberty Safeguards applications awaiting assessment.", False),
    ("At the end of 2024, 430 applications were still waiting for assessment.", False),
    ("Fenwick authorised 1,200 applications in 2023/24.", True),
    ("Fenwick authorised 1,200 applications in 2023/24, and 410 were awaiting assessment.", True),
    ("There was a backlog of 610 Deprivation of Liberty Safeguards applications.", False),
])
def test_a_count_still_waiting_is_not_one_a_deed_was_done_to(sentence, given):
    from rag.answer_types import waiting_instead

    question = "How many Deprivation of Liberty Safeguards applications did Fenwick authorise in 2023/24?"
    assert waiting_instead(sentence, question) is not given
    assert not waiting_instead(sentence, "How many DoLS applications were waiting in Fenwick?")  # the wait is asked


def test_a_frequency_may_be_given_as_a_range():
    from rag.answer_types import has_frequency

    assert has_frequency("Social workers received supervision every 4 to 6 weeks.")
    assert has_frequency("The panel met every three or four months.")
    assert not has_frequency("Social workers said supervision was regular.")


def test_a_share_of_providers_rated_good_is_of_the_setting_asked():
    assert other_kind("Of the homes in the borough, 81% were rated good or outstanding.",
                      "what share of Fenwick's nursing homes were rated good or outstanding") is not None
    assert other_kind("Of the nursing homes in the borough, 81% were rated good or outstanding.",
                      "what share of Fenwick's nursing homes were rated good or outstanding") is None
    assert other_kind("88% of care providers were rated good or outstanding.",
                      "what percentage of home care providers were rated good or outstanding") is not None
    assert other_kind("88% of care providers were rated good or outstanding.",
                      "what percentage of care providers were rated good or outstanding") is None
    care_homes = "Of the 84 care homes in the district, 79% were rated good or outstanding."
    assert other_kind(care_homes, "what share of Fenwick's nursing homes were rated good or outstanding") is not None
    assert other_kind(care_homes, "what share of Fenwick's care homes were rated good or outstanding") is None
    assert other_kind(care_homes, "How many nursing homes are there in Fenwick?") is None  # no rating asked



@pytest.mark.parametrize("sentence,named", [
    ("In February 2025, 38 people were waiting for a home care package, most of them in Edgware and Burnt Oak.", False),
    ("In October 2024, 187 people were waiting, most of them in the Cotswolds and in Edgware.", False),
    ("In Edgware, 38 people were waiting for a home care package.", True),
    ("38 people were waiting for a home care package, 12 of them in Edgware.", True),
])
def test_a_place_named_only_as_where_most_were_is_not_the_part_counted(sentence, named):
    from rag.answer_types import named_parts, names_the_part

    question = "In February 2025, how many people in Edgware were waiting for a home care package?"
    assert named_parts(question, ("Fenwick",)) == ("Edgware",)
    assert named_parts("How many people in Fenwick were waiting?", ("Fenwick",)) == ()  # the council is no part
    assert names_the_part(sentence, question, ("Fenwick",)) is named


@pytest.mark.parametrize("question,sentence,given", [
    ("How many carers were offered a carers' assessment in Fenwick in 2023/24?",
     "In 2023/24 only 212 carers' assessments were completed, and carers told us they were not always offered one.", False),
    ("How many people were referred to Fenwick's reablement service in 2023/24?",
     "The reablement service supported 2,310 people in 2023/24.", False),
    ("How many safeguarding enquiries were completed in Fenwick?",
     "In 2023/24, 612 safeguarding concerns led to a section 42 enquiry.", False),
    ("How many referrals to Fenwick's navigators were declined?", "The navigators received 3,150 referrals in 2023/24.",
     False),
    ("How many people were referred to Fenwick's reablement service in 2023/24?",
     "The reablement service received 2,900 referrals and supported 2,310 people in 2023/24.", True),  # its own clause
    ("how many carers did the Fenwick carers service assess in 2023/24",
     "The carers service completed 290 carers' assessments in 2023/24.", True),  # an assessment is the deed asked
    ("How many safeguarding concerns did Fenwick receive?", "There were 3,900 safeguarding concerns in 2024/25.", True),
    ("How many people got a carers assessment in Fenwick?", "In 2023/24, 960 carers were assessed.", True),  # no stage
    ("How many agency social workers made up Fenwick's review hub?", "The hub was made up of 8 agency social workers.",
     True),  # "made up" is no stage
    ("How many Ombudsman decisions about Fenwick were upheld in 2024/25?",
     "The Ombudsman made five decisions about adult social care in 2024/25 and upheld three.", True),  # a word's count
    ("How many complaints did Fenwick receive in 2023/24?", "The service recorded 510 complaints, of which 116 were "
     "stage 1 complaints, and 16 complaints progressed to stage 2 review.", True),  # a clause of no stage
    ("How many carers' assessments did Fenwick complete in 2022/23?",
     "Carers' assessments rose from 702 in 2022/23 to 958 in 2023/24.", True),  # the thing counted is no other stage
    ("Of the 14,600 contacts Fenwick's team handled, how many were passed on for a Care Act assessment?",
     "It handled 14,600 contacts in 2023/24 and resolved 62% of them at the first contact.", False),
])
def test_a_count_at_one_stage_of_a_process_is_not_the_count_at_another(question, sentence, given):
    from rag.answer_types import stage_as_asked

    assert stage_as_asked(sentence, question) is given


@pytest.mark.parametrize("sentence,told", [
    ("Only 14% of people used a direct payment, a figure that had fallen over three years.", False),
    ("The council brought in an agency from January 2025 to reduce the backlog.", False),  # "from … to" of no figures
    ("The share of people using a direct payment had fallen from 19% to 14% over three years.", True),
    ("The share of people using a direct payment had fallen by 5 percentage points.", True),
    ("There were 60 fewer people waiting than a year earlier.", True),
    ("The backlog had halved since 2023.", True),
])
def test_by_how_much_asks_the_size_of_a_change(sentence, told):
    from rag.answer_types import change_as_asked

    assert change_as_asked(sentence, "By how much had the share of people using a direct payment fallen?") is told
    assert change_as_asked(sentence, "What share of people used a direct payment?")  # no change asked


def test_a_change_asked_with_many_words_before_its_verb_or_how_far_is_still_a_change():
    from rag.answer_types import change_as_asked

    level = "There were 540 people waiting for a Deprivation of Liberty Safeguards assessment in October 2024."
    assert not change_as_asked(level, "How much did the number of people waiting for a Deprivation of Liberty "
                                      "Safeguards assessment in Fenwick change over 2024?")
    assert not change_as_asked(level, "How far did the agency cut Fenwick's backlog of reviews?")
    assert change_as_asked(level, "How many people were waiting in Fenwick?")


@pytest.mark.parametrize("question,part", [
    ("How many hours of home care a week could not be sourced in Bulwell in February 2025?", ("Bulwell",)),
    ("How many hours of home care were unsourced in Winscombe during 2024/25?", ("Winscombe",)),
    ("How many people were waiting for home care in the north of Fenwick in November 2024?", ("north",)),
    ("How many people were waiting in Fenwick in 2024?", ()),  # the council is no part
    ("How many people were waiting in February 2025?", ()),  # a month is no place
])
def test_a_place_asked_about_may_be_followed_by_when(question, part):
    from rag.answer_types import named_parts

    assert named_parts(question, ("Fenwick",)) == part


def test_a_month_asked_is_of_the_clause_telling_the_thing_asked():
    from rag.answer_types import dates_as_asked

    question = "In which month of 2024 did Fenwick recruit its four trusted assessors?"
    assert not dates_as_asked("Fenwick recruited four trusted assessors in 2024, which had reduced the waiting list "
                              "between February and August 2024.", question)
    assert dates_as_asked("Fenwick recruited four trusted assessors in May 2024, which had reduced the waiting list.",
                          question)
    assert not dates_as_asked("Two care homes in Fenwick closed in 2025.",
                              "In which months of 2025 did the care homes in Fenwick close?")


def test_a_share_may_be_asked_as_how_many_in_percent():
    from rag.answer_types import asks_how_many, asks_share

    assert asks_share("how many first contact calls get sorted at the front door, in percent")
    assert not asks_how_many("how many first contact calls get sorted at the front door, as a percentage")
    assert asks_how_many("how many first contact calls get sorted at the front door")


def test_a_count_of_contacts_or_assessments_counts_the_people_who_made_or_got_them():
    from rag.answer_types import act_nouns

    assert "assessment" in act_nouns("how many carers did the carers service assess")
    assert "contact" in act_nouns("roughly how many people contact adult social care each month")
    assert act_nouns("how many people were waiting") == set()


def test_a_count_changing_as_its_sentence_s_subject_counts_it():
    from rag.answer_types import counts_the_thing

    question = "How many complaints about adult social care did Fenwick receive in 2023/24?"
    assert counts_the_thing("Complaints about adult social care rose from 142 in 2022/23 to 236 in 2023/24.", question)
    assert not counts_the_thing("Waits fell from 40 days in 2022/23 to 20 days in 2023/24.", question)


def test_a_change_from_an_average_to_another_tells_its_size():
    from rag.answer_types import change_as_asked

    assert change_as_asked("Delayed discharges fell from an average of 95 a day in 2022 to 41 a day in 2024.",
                           "By how much did delayed hospital discharges fall in Fenwick?")
    assert not change_as_asked("Delayed discharges had fallen since 2022.",
                               "By how much did delayed hospital discharges fall in Fenwick?")


def test_where_a_council_is_is_told_by_a_sentence_placing_it():
    from rag.answer_types import council_itself_asked, holds, places_the_council

    assert council_itself_asked("Where is Havering?", ("Havering",))
    assert council_itself_asked("where's thurrock", ("Thurrock",))
    assert not council_itself_asked("Where is the carers hub in Havering?", ("Havering",))
    assert not council_itself_asked("Where is it?", ())
    assert places_the_council("Thurrock is a unitary authority in south Essex, on the north bank of the River Thames.",
                              ("Thurrock",))
    assert places_the_council("Havering is an outer London borough in the north-east of the capital.", ("Havering",))
    assert not places_the_council("Population: 178,900 people live in Thurrock.", ("Thurrock",))
    assert not places_the_council("Staff in Thurrock said the hub was busy.", ("Thurrock",))
    assert holds("place", "Thurrock is a unitary authority in south Essex.", "where is thurrock", ("Thurrock",))
    assert not holds("place", "There were serious shortfalls in the supply of home care.", "where is thurrock",
                     ("Thurrock",))


def test_a_size_joined_to_its_noun_is_a_figure_given():
    from rag.answer_types import joined_figures

    assert joined_figures("When a 48-bed care home in Kettering closed") == {"48"}
    assert joined_figures("the 1,200-home estate") == {"1200"}
    assert joined_figures("48 beds and 12 staff") == set()


def test_a_place_beyond_the_area_or_as_far_away_as_a_name_says_where():
    from rag.answer_types import holds

    question = "Where have people from Fenwick been sent when they needed a care home place?"
    assert holds("place", "People were placed in care homes as far away as Kent and Hertfordshire.", question, ("Fenwick",))
    assert holds("place", "Most people needing a care home were placed outside the borough.", question, ("Fenwick",))
    assert holds("place", "47 people were placed in care homes on the mainland because no place was free.",
                 "Where were Fenwick residents placed when there was no care home place?", ("Fenwick",))
    assert not holds("place", "People were placed in care homes quickly.", question, ("Fenwick",))
    assert not holds("place", "People were placed in care homes as far as possible from hospital.", question, ("Fenwick",))
    assert not holds("place", "Some people were placed outside the county.",
                     "Where were the people Fenwick placed outside the county sent?", ("Fenwick",))  # as the question says


def test_a_population_may_be_told_as_the_people_a_council_serves():
    from rag.answer_types import asks_population_size, population_size_given

    question = "roughly how many people live in hull"
    assert asks_population_size(question)
    assert not asks_population_size("how many people live with dementia in hull")
    assert not asks_population_size("how many people living with dementia were supported")
    assert population_size_given("Hull City Council served around 268,000 people in a compact city.", question)
    assert population_size_given("It provided adult social care to a rural county of around 774,000 people.", question)
    assert not population_size_given("The reablement service supported 1,690 people in 2024/25.", question)


def test_what_puts_people_off_is_a_reason():
    from rag.answer_types import has_reason

    assert has_reason("Staff said some people were put off by the paperwork.")
    assert has_reason("Recruitment was hampered by the cost of housing.")
    assert has_reason("Readmissions fell to 11%, which partners linked to follow-up calls made by the hub.")
    assert not has_reason("Records were linked to the NHS system.")
    assert has_reason("It set up a pathway after finding that Black men were over-represented in detentions.")
    assert not has_reason("It set up a pathway after the review.")
    assert not has_reason("Staff said some people found the paperwork long.")


def test_the_words_a_sentence_denies():
    from rag.answer_types import denied_words

    assert "waiting list" in denied_words("There was no waiting list for Care Act advocacy in March 2025.")
    assert "waiting list" in denied_words("The service had no waiting list in 2026.")
    assert denied_words("There was a waiting list of 40 people.") == ""
    assert "left without care" in denied_words("All 96 people moved within 10 days, and no one was left without care.")


def test_how_long_something_has_been_so_is_told_by_since_when_at_a_sentence_s_start_too():
    from rag.answer_types import since_as_asked

    question = "How long has the NHS trust been doing Fenwick's assessments?"
    assert since_as_asked("Since 2005 the council and the trust have had a partnership agreement.", question)
    assert since_as_asked("The trust had done them since March 2019.", question)
    assert not since_as_asked("The trust did 400 assessments in 2024.", question)


def test_the_rate_paid_for_a_kind_of_care_is_a_price_and_its_staff_are_care_workers():
    from rag.answer_types import asks_share, holds

    assert not asks_share("Bexley standard home care rate 2024/25")
    assert asks_share("bolton home care staff turnover rate")
    assert holds("number", "The standard home care rate was £21.40 per hour in 2024/25.",
                 "What was Fenwick's standard home care rate in 2024/25?", ("Fenwick",))
    assert holds("number", "Staff turnover in home care was 29%, and the council funded a campaign.",
                 "What was the home care staff turnover rate in Fenwick?", ("Fenwick",))
    assert not holds("number", "Social work staff turnover was 12%.",
                     "What was the home care staff turnover rate in Fenwick?", ("Fenwick",))


def test_when_cqc_assessed_is_told_by_a_sentence_dating_its_assessment():
    from rag.answer_types import assessment_dated, holds

    question = "When did CQC carry out its assessment of Fenwick?"
    assert assessment_dated("Fenwick was rated good at the time of our assessment, which took place between 6 and 17 "
                            "October 2025.", question)
    assert not assessment_dated("The partnership completed 1,085 carers' assessments in 2024/25.", question)
    assert assessment_dated("The partnership completed 1,085 carers' assessments in 2024/25.",
                            "When did Fenwick complete its carers' assessments?")  # not CQC's assessment
    assert not holds("date", "The partnership completed 1,085 carers' assessments in 2024/25.", question, ("Fenwick",))


def test_a_participle_after_a_body_s_noun_says_more_of_it_and_names_no_part_of_it():
    from rag.answer_types import role_words

    assert role_words("Who chairs the Improvement Board overseeing adult social care in Fenwick?", ("Fenwick",)) == {
        "improvement", "board"}
    assert role_words("who chairs the safeguarding adults board", ()) == {"safeguarding", "adult", "board"}


def test_staff_of_adult_care_are_its_whole_workforce_not_care_workers():
    from rag.answer_types import holds

    question = "what percentage of fenwick's adult care staff would recommend the council as an employer"
    assert holds("number", "The 2024 staff survey showed 81% of adult social care staff would recommend the council as a "
                 "place to work.", question, ("Fenwick",))
    assert not holds("number", "The 2024 staff survey showed 81% of adult social care staff would recommend the council as "
                     "a place to work.", "what percentage of fenwick's care workers in home care were on zero-hours "
                     "contracts", ("Fenwick",))


def test_the_whole_a_share_is_of_is_no_spend_asked_about():
    from rag.answer_types import another_object, framed_things, whole_of_a_share

    question = "What share of Fenwick's overall council budget goes on adult social care?"
    sentence = "Fenwick spent £48.2 million on adult social care in 2023/24, about 35% of its net revenue budget."
    assert not another_object(sentence, question, None, "", ("Fenwick",))
    framed = framed_things(question)
    assert [whole_of_a_share(f, framed) for f in framed] == [False, True]  # the share asked; its whole
    total = framed_things("What was Fenwick's total council budget in 2023/24?")
    assert not any(whole_of_a_share(f, total) for f in total)  # the whole sum itself asked


def test_where_is_told_past_an_aside_by_the_names_of_the_areas_or_by_counted_venues():
    from rag.answer_types import holds

    question = "Where are the community hubs in Fenwick?"
    assert holds("place", "The council funded five community hubs, run by local charities, in Ashby, Corley and Dunmore.",
                 question, ("Fenwick",))
    assert not holds("place", "The council funded five community hubs, run by local charities, which opened every "
                     "weekday and were busy.", question, ("Fenwick",))
    assert holds("place", "The partnership agreed to pilot neighbourhood teams in two areas, Ashby and Corley, from May "
                 "2025.", "Where will Fenwick pilot neighbourhood teams?", ("Fenwick",))
    assert not holds("place", "The partnership agreed to pilot neighbourhood teams in two areas from May 2025.",
                     "Where will Fenwick pilot neighbourhood teams?", ("Fenwick",))
    classes = "where can older people in fenwick go to balance classes"
    assert holds("place", "The falls service ran balance classes at seven venues, including two churches.", classes,
                 ("Fenwick",))
    assert not holds("place", "The falls service ran balance classes for seven weeks at a time.", classes, ("Fenwick",))
    assert not holds("place", "Social workers were based alongside health staff in three locality hubs.",
                     "Where are Fenwick's locality hubs?", ("Fenwick",))  # the hubs asked about, not where they are


def test_people_waiting_may_be_counted_by_their_pending_applications():
    from rag.answer_types import holds

    question = "How many people in Fenwick were still waiting for a liberty safeguards check in May 2024?"
    assert holds("number", "In May 2024, 940 applications were awaiting assessment.", question, ("Fenwick",))
    assert not holds("number", "In May 2024, 940 applications were awaiting assessment.",
                     "How many people in Fenwick received a liberty safeguards check in 2024?", ("Fenwick",))
    assert not holds("number", "The team had escalated 74 cases for urgent review since it started.",
                     "How many carers in Fenwick were waiting for a carers' assessment?", ("Fenwick",))
    stuck = "how many people in fenwick are stuck waiting for a deprivation of liberty check?"  # a word between
    assert holds("number", "At the time of our assessment, 880 applications were waiting to be assessed.", stuck, ("Fenwick",))


def test_a_start_may_be_a_restart_or_a_labelled_date():
    from rag.answer_types import dates_as_asked

    question = "When did Fenwick start holding provider forums again?"
    assert dates_as_asked("A provider forum had restarted in March 2025 after a year without meetings.", question)
    assert not dates_as_asked("A provider forum met in March 2025 to discuss fees.", question)
    assert dates_as_asked("Assessment activity started: 4 March 2025", "When did CQC start its assessment of Fenwick?")
    assert not dates_as_asked("Report published: 4 March 2025", "When did CQC start its assessment of Fenwick?")


def test_a_change_is_explained_by_the_deed_that_made_it_or_what_it_followed():
    from rag.answer_types import has_reason, holds

    question = "Why did Fenwick's financial assessments get faster?"
    assert holds("reason", "After a review, it added staff to the charging team and reduced the average time from 40 "
                 "days to 21 days.", question, ("Fenwick",))
    assert not holds("reason", "The average time for a financial assessment was 21 days.", question, ("Fenwick",))
    assert not holds("reason", "It added staff to the charging team and reduced the average time from 40 days to 21 "
                     "days.", "Why were Fenwick's carers unhappy with charging?", ("Fenwick",))
    assert has_reason("The wait was 15 weeks, which had fallen from 24 weeks in 2022/23 after the council merged the "
                      "two teams.")
    assert has_reason("After complaints about missed calls, the council introduced a callback line.")
    assert not has_reason("After three months, the council introduced a callback line.")


def test_a_sentence_giving_the_cause_of_the_one_before_points_back_to_it():
    from rag.answer_types import explains_the_one_before

    assert explains_the_one_before("Staff said the main reason for the fall was a shortage of personal assistants.")
    assert explains_the_one_before("Leaders acknowledged the problem, which they linked to a new payments system.")
    assert explains_the_one_before("This was mainly because of vacancies.")
    assert not explains_the_one_before("Staff said the shortage of personal assistants was the main risk.")
    assert explains_the_one_before("Leaders told us the main pressures were learning disability placements.")  # of cost
    assert not explains_the_one_before("Leaders told us the pressures on staff were high.")


def test_views_are_of_those_who_said_them():
    from rag.answer_types import gives_views

    question = "what did people in fenwick say about waiting for an assessment"
    assert gives_views("People told us they felt forgotten while they waited.", question, ("Fenwick",))
    assert gives_views("Many of the people we spoke to said the wait was hard.", question, ("Fenwick",))
    assert not gives_views("Staff told us the front door had no social workers, so more people went on the waiting list.",
                           question, ("Fenwick",))
    assert gives_views("Parents of young people with a learning disability told us that planning started too late.",
                       "What did parents in Fenwick say about planning for adulthood?", ("Fenwick",))


def test_when_the_inspectors_were_in_asks_the_assessment_date():
    from rag.answer_types import asks_assessment_date

    assert asks_assessment_date("When were the CQC inspectors in Fenwick?")
    assert asks_assessment_date("when did cqc visit fenwick")
    assert not asks_assessment_date("When did the council's quality team visit care homes in Fenwick?")


def test_how_many_work_somewhere_is_not_told_by_how_many_it_lost():
    from rag.answer_types import stock_not_flow

    question = "How many staff work in Fenwick's safeguarding hub?"
    assert not stock_not_flow("The backlog grew after the hub lost three experienced staff in 2024.", question)
    assert stock_not_flow("The hub had 14 staff, including three senior practitioners.", question)
    assert stock_not_flow("The hub lost three experienced staff in 2024.", "How many staff did Fenwick's hub lose?")


@pytest.mark.parametrize("sentence,question,expected", [
    # a place at the end of a chain of place phrases stands as near its topic as the chain's start
    ("There were too few dementia nursing beds, and 40 people with dementia had been placed in care homes outside "
     "Fenwick, mostly in Kelby and Dunmore.", "where do fenwick people with dementia end up", True),
    ("40 people with dementia were waiting for a review, and the council had opened a new office in Kelby.",
     "where do fenwick people with dementia end up", False),  # a place of another thing, the clause broken by "and"
    # a past form the question itself uses ("held") is its topic word
    ("Carers said the sessions were useful but were mostly held in Kelby and Dunmore, far from the villages.",
     "Where are Fenwick's carers' sessions mostly held?", True),
    ("Carers said the sessions were useful.", "Where are Fenwick's carers' sessions mostly held?", False),
    # a noun phrase set off by commas after a name does not part the name from what it does
    ("The Fenwick Voluntary Alliance, an umbrella body for local charities, held the contract for the Wellbeing "
     "Navigators.", "Which organisation holds the contract for Fenwick's Wellbeing Navigators?", True),
    ("Local charities, a mixed group, worked with the Wellbeing Navigators.",
     "Which organisation holds the contract for Fenwick's Wellbeing Navigators?", False),
    # a body named as the one leading, though the sentence counts its members too
    ("A voluntary sector alliance of 30 organisations, led by Kelby Voluntary Action, met with the council.",
     "Which organisation leads Fenwick's voluntary sector alliance?", True),
    ("A voluntary sector alliance of 30 organisations met with the council.",
     "Which organisation leads Fenwick's voluntary sector alliance?", False),
])
def test_round_places_and_bodies_named_beside_their_topic(sentence, question, expected):
    from rag.answer_types import holds

    kind = "organisation" if "organisation" in question else "place"
    assert holds(kind, sentence, question, ("Fenwick",)) is expected


def test_clauses_kept_keep_the_words_joining_them():
    from rag.answer_types import without_other_ones

    held = "The sessions were useful but were mostly held in Kelby and Dunmore."
    assert without_other_ones(held, "Where are the sessions held?") == held
    assert without_other_ones("A second hub opened in Lowton; the first was in Kelby and Dunmore.",
                              "Where is the hub?") == "the first was in Kelby and Dunmore."


def test_the_payee_asked_runs_to_its_last_word():
    from rag.answer_types import payee_named

    question = "How much extra per hour does Fenwick pay home care agencies to cover villages?"
    assert payee_named("The council paid a rural rate of £2.10 an hour above the standard rate to attract providers.",
                       question)  # agencies are providers in the reports' words
    assert not payee_named("Personal assistants were paid £12.50 an hour.", question)  # another payee
    assert not payee_named("Care workers were paid at least £12.60 an hour under its contracts.",
                           "What hourly rate does Fenwick pay home care providers?")  # the payee's last word decides
    from rag.answer_types import holds

    assert not holds("number", "Care workers were paid at least £12.60 an hour under its contracts.",
                     "What hourly rate does Fenwick pay home care providers?", ("Fenwick",),
                     lead_in="It had nine lead providers, each covering one area.")  # named before, paid another
    assert holds("number", "It paid £24.10 an hour from April 2026.", "What hourly rate does Fenwick pay home care "
                 "providers?", ("Fenwick",), lead_in="Fenwick commissioned home care from nine lead providers.")


def test_a_denial_in_a_which_clause_does_not_deny_the_deed():
    from rag.answer_types import denies_what_is_asked

    question = "Which council pays home care providers the lowest hourly rate?"
    assert not denies_what_is_asked("The council paid £22.10 an hour for home care, which providers said was not "
                                    "enough to pay the Living Wage.", question)
    assert denies_what_is_asked("The council did not pay providers an hourly rate for home care.", question)


def test_a_sentence_naming_the_main_causes_gives_a_reason_of_the_one_before():
    from rag.answer_types import explains_the_one_before, has_reason

    causes = "The review found that staff turnover and slow systems were the main causes."
    assert has_reason(causes) and explains_the_one_before(causes)
    assert has_reason("The main drivers were agency staff and short-term beds.")
    assert not explains_the_one_before("The causes of falls were recorded in every case file.")
    assert not has_reason("The main office was in Kelby.")


def test_a_question_asking_what_is_planned_is_answered_by_a_plan():
    from rag.analyse import answer_type
    from rag.answer_types import holds

    question = "What is Fenwick planning to do about its shortage of home care?"
    assert answer_type(question) == "method"
    assert holds("method", "The council planned to recommission home care in 2026 by area.", question, ("Fenwick",))
    assert not holds("method", "Delays were common because of the shortage of home care.", question, ("Fenwick",))
    assert not holds("method", "The council planned to recommission home care in 2026 by area.",
                     "How does Fenwick keep track of people waiting for home care?", ("Fenwick",))  # no plan asked


def test_a_verb_in_ed_after_the_counted_noun_ends_its_phrase():
    from rag.answer_types import holds

    question = "How many people in Fenwick used sensors or smart devices at home in March 2025?"
    assert holds("number", "640 people used sensors or smart devices at home in March 2025.", question, ("Fenwick",))
    assert not holds("number", "640 sensors were fitted in people's homes in March 2025.", question, ("Fenwick",))
    assert holds("number", "The council had 40 trained staff in the team.", "How many trained staff did it have?")


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # a name set after a comma, as the apposition of the body doing the deed, stands where that body does
    ("organisation", "Equipment was delivered by a contracted provider, Kelby Mobility Services.",
     "Which company supplies equipment for Fenwick?", ("Fenwick",), True),
    ("organisation", "Equipment was delivered by a contracted provider.",
     "Which company supplies equipment for Fenwick?", ("Fenwick",), False),
    # a sentence's opening word of place is not part of the name after it
    ("name", "In Ashby, a local area partnership had set up a network of 40 groups.",
     "In which town did a local area partnership in Fenwick set up a network of groups?", ("Fenwick",), True),
    ("name", "A local area partnership had set up a network of 40 groups.",
     "In which town did a local area partnership in Fenwick set up a network of groups?", ("Fenwick",), False),
    # a thing the question names with "and" in it is one thing, not two clauses
    ("date", "The council had set up a joint housing and care panel in 2023, which met monthly.",
     "When did Fenwick set up its joint housing and care panel?", ("Fenwick",), True),
    ("date", "The council had a joint housing and care panel, and it reviewed 40 cases in 2023.",
     "When did Fenwick set up its joint housing and care panel?", ("Fenwick",), False),
    # a price asked per mile is not given by an hourly rate
    ("number", "The council paid £22.60 an hour for home care.",
     "How much per mile is Fenwick's mileage supplement for care workers?", ("Fenwick",), False),
    ("number", "The mileage supplement for care workers was £0.45 per mile.",
     "How much per mile is Fenwick's mileage supplement for care workers?", ("Fenwick",), True),
    # a figure asked of another council service than adult social care needs that service named
    ("number", "Adult social care ended the year with an overspend of £1.4 million.",
     "How big was Fenwick's overspend on children's services?", ("Fenwick",), False),
    ("number", "Children's services ended the year with an overspend of £3.1 million.",
     "How big was Fenwick's overspend on children's services?", ("Fenwick",), True),
    # "meant to be screened within 24 hours" sets a target in other words
    ("number", "Concerns were meant to be screened within 24 hours, but only 42% were screened within this time.",
     "What share of safeguarding concerns were screened within the 24-hour target?", (), True),
])
def test_holds_what_the_round_after_e8b2858_checks(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected


def test_a_which_question_is_answered_by_the_members_listed_not_their_count():
    from rag.answer_types import which_one_unsaid

    listed = "Information was available in 12 languages, and videos were made in Polish, Urdu and Bengali."
    assert which_one_unsaid(listed, "Which languages were the videos made in?") == ""
    assert which_one_unsaid("Interpreting was available in 6 languages.",
                            "Which 6 languages can Fenwick provide interpreters in?") == "6 languages"


def test_a_time_standard_is_a_target():
    from rag.kinds import kinds_named

    assert "target" in kinds_named("Concerns should be screened within 24 hours.").get("aim", ())
    assert "target" in kinds_named("Referrals were supposed to be allocated within five days.").get("aim", ())
    assert "aim" not in kinds_named("Concerns were screened within 24 hours.")


def test_a_new_holder_does_not_answer_who_stood_in_before():
    from rag.answer_types import holds

    new = "A new Director of Adult Social Services, Sam Reid, joined in March 2024 after a period of interim leadership."
    question = "Who led Fenwick adult social services during the interim period before the new director arrived?"
    assert not holds("holder", new, question, ("Fenwick",))
    assert not holds("person", new, "Who was Fenwick's interim director of adult social services?", ("Fenwick",))
    assert holds("person", "The interim director of adult social services, Jo Bell, led the service until a new "
                 "director, Sam Reid, joined.",
                 "Who was Fenwick's interim director of adult social services?", ("Fenwick",))
    assert holds("person", new, "Who is the new director of adult social services in Fenwick?", ("Fenwick",))



def test_a_plain_word_naming_who_said_it_is_no_kind_of_the_figure():
    from rag.kinds import other_kind

    question = "How many cases does a Fenwick social worker typically carry?"
    assert other_kind("Staff said caseloads were manageable, with an average of 14 cases each.", question) is None
    assert other_kind("Staff had caseloads of 14 cases each on average.", question) is not None


def test_the_cases_a_deed_happened_in_count_its_times():
    from rag.answer_types import holds

    sentence = "The Local Government and Social Care Ombudsman found fault in 17 cases."
    assert holds("number", sentence, "How many times did the ombudsman find Fenwick at fault?", ("Fenwick",))
    assert holds("number", sentence, "In how many cases did the ombudsman find fault?", ("Fenwick",))
    assert not holds("number", "The council changed its letters in 17 cases.",  # no deed of the question's
                     "How many times did the ombudsman find Fenwick at fault?", ("Fenwick",))
    assert other_kind("96% of staff said they received supervision at least monthly.",  # counted, not only speaking
                      "What share of Fenwick's social work posts were filled by agency staff?") is not None


def test_a_figure_for_the_other_of_a_pair_is_not_the_one_asked():
    from rag.answer_types import holds, other_of_pair

    question = "How many years is the life expectancy gap for women in Fenwick?"
    assert other_of_pair("The life expectancy gap was 10 years for men.", question)
    assert not other_of_pair("The life expectancy gap was 8 years for women and 10 years for men.", question)
    assert not holds("number", "The life expectancy gap was 10 years for men.", question, ("Fenwick",))
    assert other_of_pair("The council's team visited every care home at least once a year.",
                         "How many home care providers did the team visit?")
    assert not other_of_pair("The team visited 40 older people.", "How many older people did the team visit?")


def test_a_deed_asked_in_plain_words_of_saying_asks_no_ones_answer():
    from rag.answer_types import holds, said_as_asked

    question = "what share of complaints did fenwick agree were justified in 2023/24"
    assert holds("number", "The council received 212 complaints in 2023/24 and upheld 38% of them.", question, ("Fenwick",))
    assert not said_as_asked("37.6% of the budget went on care.", "What percentage of carers said they felt supported?")


def test_a_run_from_a_month_tells_when_it_began():
    from rag.answer_types import holds

    question = "when did fenwick's home first hub pilot start"
    assert holds("date", "The council ran a Home First Hub pilot from June 2024 with therapists.", question, ("Fenwick",))
    assert not holds("date", "The Home First Hub pilot cut waits, down from 40 days in June 2024.", question, ("Fenwick",))


def test_a_date_set_as_a_deadline_met_tells_when_it_finished():
    from rag.answer_types import holds

    question = "when did fenwick finish training all social workers on anti-racist practice"
    assert holds("date", "All social workers completed training on anti-racist practice by March 2024.", question)
    assert not holds("date", "Training on anti-racist practice for all social workers began in March 2024.", question)


def test_sensor_based_monitoring_is_technology_enabled_care():
    from rag.answer_types import holds

    question = "how many homes got sensors in fenwick's digital care pilot"
    reablement = "The reablement service supported 3,480 people in 2025/26."
    assert holds("number", "A digital care pilot gave 600 households sensor-based monitoring.", question, ("Fenwick",),
                 lead_in=reablement)
    assert not holds("number", reablement, question, ("Fenwick",))


def test_a_pair_is_named_by_its_synonyms_too():
    from rag.answer_types import other_of_pair

    question = "Why did some people in Fenwick have to move into a care home though they wanted to stay at home?"
    assert other_of_pair("Some people had gone into residential care because home care could not be found.", question) is None
    assert other_of_pair("Home care could not be found for 40 people.", question) == "home care, not care home"


def test_folk_are_people_and_plain_names_of_dols_requests_and_three_months():
    from rag.answer_types import holds
    from rag.lay_terms import report_words

    question = "how many folk are queuing for a needs assessment in fenwick right now (jan 2025)?"
    assert holds("number", "In January 2025 there were 1,142 people waiting for a Care Act assessment.", question, ("Fenwick",))
    assert not holds("number", "In January 2025 there were 1,142 carers' assessments completed.", question, ("Fenwick",))
    assert "applications" in report_words("How many deprivation of liberty requests were waiting?")
    assert "91 days" in report_words("how many older people are still at home three months after reablement?")
    assert "91 days" not in report_words("how many people waited three months for reablement?")


def test_a_past_form_of_the_questions_verb_stands_beside_the_body():
    from rag.answer_types import holds

    question = "Which organisation does Fenwick council work with to run its neighbourhood teams?"
    assert holds("organisation", "The council worked with Kelby Local Care Organisation to run 12 neighbourhood teams.",
                 question, ("Fenwick",))
    assert not holds("organisation", "Kelby Local Care Organisation ran the hospital; the council had 12 neighbourhood "
                     "teams of its own, and it had worked hard on recruitment.", question, ("Fenwick",))


@pytest.mark.parametrize("sentence, question, instead", [
    ("39.5% of residents were from Black, Asian, mixed or other minority ethnic groups.",
     "What percentage of Fenwick's adult social care workforce is from minority ethnic backgrounds?",
     "residents, not workforce"),
    ("Only 64% of concerns were screened within 2 working days in the last quarter of 2024/25.",
     "What share of concerns did Fenwick screen within 2 working days in the first quarter of 2024/25?",
     "last quarter, not first quarter"),
    ("22% of the workforce and 30% of residents were from minority ethnic groups.",
     "What percentage of Fenwick's workforce is from minority ethnic groups?", None),  # both named
    ("In the first quarter, 64% of concerns were screened within 2 working days.",
     "What share of concerns did Fenwick screen within 2 working days in the first quarter?", None),
    ("Only 64% of concerns were screened within 2 working days in the last quarter of 2024/25.",
     "What share of concerns did Fenwick screen within 2 working days?", None),  # no quarter asked
    ("73 people were waiting for a home care package.",  # both asked: the one counted is not in the sentence
     "How many people in Fenwick went into a care home temporarily while waiting for home care?",
     "home care, not care home"),
])
def test_a_figure_for_another_of_a_set_is_not_the_one_asked(sentence, question, instead):
    from rag.answer_types import other_counted, other_of_pair

    assert (other_of_pair(sentence, question) or other_counted(sentence, question)) == instead


def test_who_a_figure_counts_is_a_pair_for_figures_only():
    from rag.answer_types import holds, other_of_pair

    question = "What percentage of Fenwick's adult social care workforce is from minority ethnic backgrounds?"
    residents = "39.5% of residents were from Black, Asian, mixed or other minority ethnic groups."
    assert not holds("number", residents, question, ("Fenwick",))
    assert holds("number", "21% of the adult social care workforce were from minority ethnic groups.", question, ("Fenwick",))
    assert other_of_pair("Training helped staff understand cultural diversity.",
                         "Does Fenwick train its people to understand the cultures of local residents?") is None
    both = "What proportion of Fenwick's front-line staff can talk to residents in a language other than English?"
    assert holds("number", "41% of front-line staff spoke a language other than English.", both, ("Fenwick",))


def test_a_kind_asked_only_in_plain_words_the_reports_word_otherwise_is_not_asked():
    from rag.answer_types import holds

    delayed = "Delayed discharges fell from an average of 37 people a day in 2022/23 to 21 people a day in 2023/24."
    stuck = "In 2023/24, on an average day, how many people in Fenwick were stuck in hospital waiting to be discharged?"
    assert holds("number", delayed, stuck, ("Fenwick",))  # "waiting" only in the plain words for a delayed discharge
    assert not holds("number", delayed, "How many people in Fenwick were waiting for a Care Act assessment in 2023/24?",
                     ("Fenwick",))


def test_staying_within_a_named_budget_is_balancing_it():
    from rag.answer_types import holds
    from rag.lay_terms import report_words

    question = "Did Fenwick manage to stay within its adult social care budget in 2023/24?"
    assert "underspend" in report_words(question)  # words between "its" and "budget"
    assert holds("number", "The adult social care budget was balanced in 2023/24, with a small underspend of £1.2 million.",
                 question, ("Fenwick",))
    assert "underspend" not in report_words("Did Fenwick stay within the rules on assessments?")


def test_the_result_people_wanted_is_their_desired_outcome():
    from rag.lay_terms import report_words

    assert "desired outcomes" in report_words("Did people in Fenwick feel they got the result they wanted?")
    assert "desired outcomes" not in report_words("What result did Fenwick's survey get?")


def test_areas_counted_then_named_say_where():
    from rag.answer_types import holds

    question = "Where are Fenwick's Community Hubs?"
    assert holds("place", "Partners had created Community Hubs in 4 areas, including North Ormesby and Hemlington, "
                          "where people could get advice.", question, ("Fenwick",))
    assert not holds("place", "Community Hubs were funded by partners, including North Ormesby Trust.", question, ("Fenwick",))


def test_which_town_asks_where_as_in_which_town_does():
    from rag.answer_types import holds

    question = "Which town in Fenwick did people say was especially short of personal assistants?"
    assert holds("name", "People said there were too few personal assistants in the area, particularly in Brixham.",
                 question, ("Fenwick",))
    assert not holds("name", "Brixham Care Group said there were too few personal assistants.", question, ("Fenwick",))


def test_a_kind_that_must_be_named_stays_asked_in_plain_words():
    from rag.answer_types import holds

    question = "What percentage of people in Fenwick needed no ongoing care after reablement?"
    assert not holds("number", "In 2023/24, 49% of people receiving long-term support had their care reviewed.", question,
                     ("Fenwick",))


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # the "-ing" of the question's verb before a body names it as the one worked with
    ("organisation", "A link worker helped people leaving prison to find housing and benefits advice, working with "
     "the Ashby Sanctuary Network.",
     "Which organisation does Fenwick's link worker for people leaving prison work with?", ("Fenwick",), True),
    ("organisation", "A link worker helped people leaving prison with forms and benefits claims each month, and staff "
     "said the Ashby Sanctuary Network ran a café.",
     "Which organisation does Fenwick's link worker for people leaving prison work with?", ("Fenwick",), False),
    # some of the wards asked, by name after "including", say which
    ("name", "Outreach in the poorest wards, including Ashby Vale and Brook Green, was led by two connectors.",
     "Which wards did Fenwick target with outreach?", ("Fenwick",), True),
    ("name", "Outreach in the poorest wards was led by two connectors from Ashby Trust.",
     "Which wards did Fenwick target with outreach?", ("Fenwick",), False),
    # the time to the completion of an assessment is the time to complete one, not a wait for one
    ("number", "In 2023/24 the median time from first contact to the completion of an assessment was 19 days, and 96 "
     "people were waiting.", "What was the median time to complete a Care Act assessment in Fenwick in 2023/24?",
     ("Fenwick",), True),
    ("number", "In 2023/24 people waited a median of 19 days for an assessment.",
     "What was the median time to complete a Care Act assessment in Fenwick in 2023/24?", ("Fenwick",), False),
    # the bosses of adult social care are its directors
    ("number", "There had been three Directors of Adult Social Services in four years.",
     "how many different bosses of adult social care has Fenwick had?", ("Fenwick",), True),
    ("number", "There had been three chairs of the safeguarding board in four years.",
     "how many different bosses of adult social care has Fenwick had?", ("Fenwick",), False),
    # the zones an area's services are split into are its areas
    ("number", "In 2024 the council reorganised home care into 6 zones, each with one lead provider.",
     "into how many areas did Fenwick split its home care?", ("Fenwick",), True),
    ("number", "In 2024 the council reorganised home care, and 6 providers left the market.",
     "into how many areas did Fenwick split its home care?", ("Fenwick",), False),
    # a council named after the thing joined ("the sheds fenwick paid for") is no part of it
    ("number", "The council funded Ashby Men's Sheds, which had 140 members in 2024.",
     "how many men had joined the men's sheds fenwick paid for?", ("Fenwick",), True),
    ("number", "The council funded a lunch club, which had 140 members in 2024.",
     "how many men had joined the men's sheds fenwick paid for?", ("Fenwick",), False),
    # the kinds of settlement something visits say where it goes
    ("place", "The council ran an advice bus that visited estates and villages each week.",
     "where does fenwick's advice bus go each week?", ("Fenwick",), True),
    ("place", "The council ran an advice bus each week, offering benefits advice.",
     "where does fenwick's advice bus go each week?", ("Fenwick",), False),
    # the region a council lies in places it; "in the region" does not say which
    ("place", "Fenwick is a metropolitan borough in the West Midlands made up of six towns.",
     "Which region of England is Fenwick in?", ("Fenwick",), True),
    ("place", "Fenwick is one of the most diverse boroughs in the region.",
     "Which region of England is Fenwick in?", ("Fenwick",), False),
    # an assessment that "took place from" a day began then
    ("date", "Assessment activity took place from 20 January 2025 to 31 January 2025.",
     "When did CQC's assessment of Fenwick start?", ("Fenwick",), True),
    ("date", "Assessment activity took place in January 2025.", "When did CQC's assessment of Fenwick start?",
     ("Fenwick",), False),
    # DoLS requests are the applications the reports count
    ("number", "Deprivation of Liberty Safeguards applications were a pressure, with 1,870 applications awaiting "
     "assessment.", "fenwick DoLS backlog - how many requests are waiting to be assessed", ("Fenwick",), True),
    ("number", "Deprivation of Liberty Safeguards were a pressure, with 1,870 people awaiting assessment.",
     "fenwick DoLS backlog - how many requests are waiting to be assessed", ("Fenwick",), False),
    # a care needs assessment is a Care Act assessment
    ("number", "At the time of our assessment 72 people were waiting for a Care Act assessment.",
     "fenwick - how many people waiting for a care needs assessment", ("Fenwick",), True),
    ("number", "At the time of our assessment 72 people were waiting for a financial assessment.",
     "fenwick - how many people waiting for a care needs assessment", ("Fenwick",), False),
    # DoLS cases are counted by their applications
    ("number", "There were 1,020 Deprivation of Liberty Safeguards applications waiting for a Best Interests Assessor.",
     "how many DoLS cases in fenwick were still waiting for a best interests assessor", ("Fenwick",), True),
    ("number", "There were 1,020 people waiting for a Care Act assessment.",
     "how many DoLS cases in fenwick were still waiting for a best interests assessor", ("Fenwick",), False),
    # a count told before a clause saying something else is not known is known
    ("number", "Leaders told us the fund had supported 47 projects, but the council did not yet measure whether they "
     "reduced demand.", "how many projects has fenwick's prevention money paid for so far", ("Fenwick",), True),
    ("number", "Leaders told us the council did not yet know how many projects the fund had supported.",
     "how many projects has fenwick's prevention money paid for so far", ("Fenwick",), False),
    # fees put up by a share: the rise asked
    ("number", "The council raised home care fees by 8.2% for 2024/25 after consulting providers.",
     "how much did fenwick put home care fees up for 2024/25", ("Fenwick",), True),
    ("number", "The council raised home care fees for 2024/25 after consulting 82 providers.",
     "how much did fenwick put home care fees up for 2024/25", ("Fenwick",), False),
    # "what number of" asks a count, which a share does not give
    ("number", "At March 2024, 19% of people receiving community support used a direct payment.",
     "What number of people in Fenwick were using a direct payment in March 2024?", ("Fenwick",), False),
    ("number", "At March 2024, 1,240 people used a direct payment.",
     "What number of people in Fenwick were using a direct payment in March 2024?", ("Fenwick",), True),
    # "at the end of an enquiry" is a noun, not when something ended
    ("date", "The council had introduced a new letter to people at the end of enquiries in February 2025.",
     "When did Fenwick start sending people a letter at the end of a safeguarding enquiry?", ("Fenwick",), True),
    ("date", "The council sent people a letter at the end of enquiries.",
     "When did Fenwick start sending people a letter at the end of a safeguarding enquiry?", ("Fenwick",), False),
    # a name set before "and other … towns" is one of them
    ("name", "There were large Eastern European communities in Wisbech and other Fenland towns.",
     "In which Fenwick town are there large Eastern European communities?", ("Fenwick",), True),
    ("name", "There were large Eastern European communities in several Fenland towns.",
     "In which Fenwick town are there large Eastern European communities?", ("Fenwick",), False),
    # where something comes from: a name after a verb of coming and "from", not after "funded from"
    ("place", "British Sign Language interpreters often had to travel from Lancaster.",
     "Where do British Sign Language interpreters for Fenwick often have to come from?", ("Fenwick",), True),
    ("place", "British Sign Language interpreters were funded from the Better Care Fund.",
     "Where do British Sign Language interpreters for Fenwick often have to come from?", ("Fenwick",), False),
    # the DASS is the Director of Adult Social Services
    ("person", "The Director of Adult Social Services, Helen Marwick, had been in post since 2019.",
     "who is the DASS at fenwick council?", ("Fenwick",), True),
    ("person", "The Principal Social Worker, Helen Marwick, had been in post since 2019.",
     "who is the DASS at fenwick council?", ("Fenwick",), False),
    # people waiting for their care needs to be assessed wait for a Care Act assessment
    ("number", "At the time of our assessment, 412 people were waiting for a Care Act assessment.",
     "how many people were stuck on the list waiting for their care needs to be assessed in Fenwick?", ("Fenwick",), True),
    ("number", "At the time of our assessment, 412 people were waiting for a financial assessment.",
     "how many people were stuck on the list waiting for their care needs to be assessed in Fenwick?", ("Fenwick",), False),
])
def test_holds_what_the_round_after_d2c19ea_checks(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected


def test_areas_named_after_such_as_say_where():
    from rag.answer_types import holds

    question = "Where are Fenwick's Community Hubs?"
    assert holds("place", "Partners had created Community Hubs in 3 areas, such as North Ormesby and Hemlington.",
                 question, ("Fenwick",))
    assert not holds("place", "Partners had created Community Hubs in 3 areas of need.", question, ("Fenwick",))


def test_a_second_question_asking_in_which_place_leaves_the_first_asking_a_name():
    from rag.answer_types import first_question, holds

    assert first_question("Which team runs it, and at which hospital?") == "Which team runs it"
    sentence = "Hospital discharge was coordinated by the Ashby Transfer Hub at Kelby General Hospital."
    assert holds("name", sentence, "Which team coordinates hospital discharge in Fenwick, and at which hospital?", ("Fenwick",))
    assert not holds("name", "Hospital discharge was coordinated by the Ashby Transfer Hub.",
                     "At which hospital is hospital discharge coordinated in Fenwick, and by which team?", ("Fenwick",))


def test_a_count_of_some_of_those_before_counts_what_they_were():
    from rag.answer_types import holds, part_of_those_before

    question = "how many people in Fenwick had been stuck on the assessment list for more than half a year?"
    before = "There were 2,460 people waiting for a Care Act assessment."
    part = "Of these, 890 had waited longer than 6 months."
    assert part_of_those_before(part) and not part_of_those_before("Of these, 64% had waited longer than 6 months.")
    assert holds("number", part, question, ("Fenwick",), before, before)
    other = "There were 2,460 carers' assessments completed in 2024."
    assert not holds("number", part, question, ("Fenwick",), other, other)


def test_a_share_named_inside_another_shares_phrase_is_found():
    from rag.answer_types import framed_things, holds

    sentence = "There were 38 care homes, and 81% of care homes and 89% of home care providers were rated good."
    assert [f.head for f in framed_things(sentence)] == ["home", "provider"]
    asked = "How many of those waiting for a Care Act assessment had been waiting for more than a year?"
    assert [f.head for f in framed_things(asked)] == ["assessment"]  # how long is no thing waited for
    question = "What share of Fenwick's home care providers were rated good or outstanding?"
    assert holds("number", sentence, question, ("Fenwick",))
    assert not holds("number", "There were 38 care homes, and 81% of care homes were rated good.", question, ("Fenwick",))


def test_a_count_of_those_placed_out_of_the_area_is_of_a_part():
    from rag.answer_types import part_condition

    assert part_condition("How many people with autism from Fenwick live in placements outside the borough?") \
        == "live in placements outside the borough"
    assert part_condition("How many adults from Fenwick were placed out of area in 2024/25?") == "were placed out of area"
    assert part_condition("How many people live in Fenwick?") == ""
    assert part_condition("How many people living in care homes had a review?") == ""


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # a place phrase naming the kind asked about is the thing itself, not where it is
    ("place", "People living in the extra care schemes told us they valued the on-site support.",
     "where will fenwick's fourth extra care housing scheme be", ("Fenwick",), False),
    ("place", "A fourth extra care scheme was due to open in 2026 in the town centre.",
     "where will fenwick's fourth extra care housing scheme be", ("Fenwick",), True),
    ("place", "People could wait in an island care home bed rather than in a hospital bed.",
     "Where can Fenwick residents wait when they are ready to leave an island hospital?", ("Fenwick",), True),
    # a person's age is no count of people
    ("number", "The transitions team only became involved when a young person was 17.",
     "How many young people did Fenwick's transitions team support in 2024/25?", ("Fenwick",), False),
    ("number", "Young people were often not referred until after their 18th birthday.",
     "How many young people did Fenwick's transitions team support in 2024/25?", ("Fenwick",), False),
    ("number", "In 2024/25 the transitions team supported 17 young people.",
     "How many young people did Fenwick's transitions team support in 2024/25?", ("Fenwick",), True),
    # "mostly in" a place answers where most of them were, however far the topic's words are
    ("place", "The council had 38 people waiting for home care at the time of our visit, mostly in Ashby and the "
     "Brook Valley.", "Where were most of the people waiting for home care in Fenwick?", ("Fenwick",), True),
    ("place", "The council had 38 people waiting for home care at the time of our visit, mostly older people.",
     "Where were most of the people waiting for home care in Fenwick?", ("Fenwick",), False),
    # "on average" asks for a typical figure, which a median gives, but not the longest
    ("duration", "The median time to complete an enquiry in 2023/24 was 94 days.",
     "How long did a safeguarding enquiry take to complete in Fenwick on average in 2023/24?", ("Fenwick",), True),
    ("duration", "The longest time to complete an enquiry in 2023/24 was 94 days.",
     "How long did a safeguarding enquiry take to complete in Fenwick on average in 2023/24?", ("Fenwick",), False),
    ("duration", "The median time to complete an enquiry in 2023/24 was 94 days.",
     "What was the average time to complete a safeguarding enquiry in Fenwick in 2023/24?", ("Fenwick",), False),
    ("number", "On 30 September 2024, 212 people were waiting for a Care Act assessment, and the median wait was 19 days.",
     "On average, how many people a day were waiting to leave hospital in Fenwick?", ("Fenwick",), False),
    # a share of a group named before what its members did is given only for that group
    ("number", "In 2024/25, 82% of adult social care staff said they would recommend the council as a place to work.",
     "What percentage of Fenwick's ethnic minority staff would recommend the council as a place to work?", ("Fenwick",),
     False),
    ("number", "In 2024/25, 64% of staff from ethnic minority backgrounds said they would recommend the council.",
     "What percentage of Fenwick's ethnic minority staff would recommend the council as a place to work?", ("Fenwick",),
     True),
    # a share of older people is given by a reablement figure that does not name them
    ("number", "The service supported 3,150 people, and 84% were still at home 91 days after leaving hospital.",
     "What proportion of older people in Fenwick leaving hospital with reablement were still at home 91 days on?",
     ("Fenwick",), True),
])
def test_holds_what_the_round_after_e484c4f_checks(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected


@pytest.mark.parametrize("kind,sentence,question,councils,expected", [
    # a usual length of time asked is not given by the longest or the oldest alone
    ("duration", "376 concerns were waiting for triage, and the oldest had waited 14 weeks.",
     "What was the average time Fenwick's safeguarding concerns had been waiting for triage?", ("Fenwick",), False),
    ("duration", "There were 1,020 applications waiting, and the longest had waited 14 months.",
     "How long had Fenwick's DoLS applications usually been waiting?", ("Fenwick",), False),
    ("duration", "376 concerns were waiting for triage, and they had waited an average of 3 weeks.",
     "What was the average time Fenwick's safeguarding concerns had been waiting for triage?", ("Fenwick",), True),
    ("duration", "376 concerns were waiting for triage, and the oldest had waited 14 weeks.",
     "What was the longest time Fenwick's safeguarding concerns had been waiting for triage?", ("Fenwick",), True),
    ("duration", "The average wait was 3 weeks, and the longest wait was 14 weeks.",
     "What was the average wait for triage in Fenwick?", ("Fenwick",), True),
    ("duration", "Waits were longest in the east, where the median wait was 33 weeks.",
     "What was the median wait for assessment in the east of Fenwick?", ("Fenwick",), True),  # the usual wait there
])
def test_holds_what_the_round_after_3d36473_checks(kind, sentence, question, councils, expected):
    assert holds(kind, sentence, question, councils) is expected
