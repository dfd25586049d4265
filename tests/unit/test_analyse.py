"""Reading questions: what is asked for, score references, comparisons, follow-ups (table-driven)."""

import pytest

from rag.analyse import (
    analyse,
    answer_type,
    asks_for_rating,
    asks_means_of_change,
    clean_question,
    extreme_of,
    follow_up,
    rating_references,
    search_text,
)
from rag.councils import CouncilMatcher

MATCHER = CouncilMatcher(["Hounslow", "Ealing", "Harrow", "Telford and Wrekin", "Camden"])


@pytest.mark.parametrize("question,kind", [
    ("Does Fenwick pay its shared lives carers more than £400 a week?", "number"),  # the figure says whether
    ("Did Fenwick receive more than 100 complaints in 2024/25?", "number"),
    ("Did anyone in Fenwick wait more than 6 months?", "yesno"),  # a wait past a length: whether anyone did
    ("Is the Fenwick board chaired independently?", "yesno"),
    ("After the pilot with 120 staff, was Fenwick's note-taking tool rolled out to everyone?", "yesno"),  # when first
    ("In which months of 2025 did Fenwick's two care homes close?", "date"),
    ("What did Shropshire score for safeguarding?", "rating"),
    ("How did Camden score on safeguarding?", "rating"),
    ("Which councils scored 4 for anything?", "rating"),
    ("Which council got the lowest score?", "rating"),
    ("What indicative score was given to the unnamed council?", "rating"),
    ("What is Gloucestershire's overall rating?", "overall"),
    ("The report scored 2: what training do its staff get?", "description"),
    ("What did the council rated 2 say about training?", "description"),
    ("What was the patient satisfaction score?", "description"),
    ("How many complaints did Harrow record in 2022/23?", "number"),
    ("How much did Surrey spend on adult social care?", "number"),
    ("When is Harrow Council's next peer review due?", "date"),
    ("When mistakes happen in Hounslow, do staff get blamed?", "description"),
    ("Who is the director of adult social services in Harrow?", "person"),
    ("What is the name of Camden's Executive Director of Adults and Health?", "person"),
    ("Who leads the Annual Social Work Healthcheck?", "holder"),
    ("Who chairs the Making it Real Board in Telford?", "holder"),
    ("Who do new social workers lean on for help?", "description"),
    ("How long did people wait for an assessment in Lincs?", "duration"),
    ("On average, how quickly were concerns triaged?", "duration"),
    ("How long ago was the board set up?", "date"),
    ("What did Rutland change after people asked how long they would wait?", "description"),
    ("What is the average waiting time for a financial assessment?", "duration"),  # a length of time, not a count
    ("In November, what was the average time its concerns had been waiting for triage?", "duration"),  # how long
    ("What was the average number of concerns a month?", "number"),
    ("Who holds the joint director post Fenwick created in 2023?", "holder"),  # whoever holds a post
    ("Who holds the most sway over decisions in Fenwick?", "description"),  # no post asked
    ("Which council led the peer challenge Fenwick took part in?", "organisation"),  # the body that led it
    ("Which councils led on co-production?", "description"),  # councils compared, not a body named
    ("Fenwick's director has been in post since 2021: what is the director's name?", "person"),
    ("Who held the post of director before 2023?", "holder"),
    ("Which LGBTQ+ charity did Fenwick start working with in 2025?", "organisation"),
    ("Name the university that partners Fenwick on its research programme.", "organisation"),
    ("Name the three districts with the longest waits.", "description"),  # places, not a body
    ("Who did Fenwick commission to carry out the outreach work?", "organisation"),
    ("Who does Fenwick use to assess unpaid carers?", "organisation"),
    ("Who did Fenwick talk to about the plan?", "description"),  # whom it spoke with, not a body it engaged
    ("Where and how is Ealing trialling artificial intelligence?", "description"),
    ("In which month did Camden publish its Adults Plan?", "date"),
    ("Which councillor leads on adult social care in Rutland?", "person"),
    ("Who is Hounslow's Director of Adult Social Care?", "person"),
    ("Who is Suffolk County Council's new Principal Social Worker?", "person"),
    ("Who is Harrow's biggest partner?", "description"),
    ("What hourly home care rate did Suffolk pay?", "number"),
    ("What weekly fee does the council pay for a nursing placement?", "number"),
    ("What salary is budgeted for the co-production post?", "number"),
    ("Did Camden pay the London Living Wage?", "yesno"),
    ("Which councils were rated Good overall?", "overall"),
    ("Who is Dorset Council's Cabinet Member for Adult Social Care?", "person"),
    ("How large was the Better Care Fund in 2023/24?", "number"),
    ("What was the median wait for a social care assessment?", "duration"),
    ("typical (median) wait for a care act assessment in fenwick", "duration"),  # a note between its words
    ("worst wait to get your needs assessed in fenwick, jan 2025", "duration"),  # the longest, in plain words
    ("the worst waiting list in the region", "description"),  # a list, not a wait
    ("What did Harrow get for safeguarding?", "rating"),
    ("What is the most a carer can get as a break payment?", "description"),
    ("Which council had the highest overall quality statement score percentage?", "overall"),
    ("Which councils were given a 2 for governance?", "rating"),
    ("What was the name of the barrister who trained the staff?", "person"),
    ("Which neighbouring boroughs did Hounslow share its approach with?", "organisation"),
    ("Among Gateshead, Portsmouth and Herefordshire, which scored 2 for safeguarding?", "rating"),
    ("Why did Portsmouth score only 2 for learning, improvement and innovation?", "reason"),
    ("Which voluntary sector organisation runs the carers hub?", "organisation"),
    ("Which developer was Fenwick working with on the new nursing home?", "organisation"),
    ("What is the name of the social care portal?", "name"),
    ("Where does the carers cafe meet?", "place"),
    ("On which street is the extra care scheme?", "name"),  # its name, not "on a quiet street"
    ("Why did Harrow change its assessment model?", "reason"),
    ("What caused the long waits for adaptations in Fenwick?", "reason"),
    ("what's pushing fenwick's adult social care spending over budget?", "reason"),  # what drives it
    ("What is driving the overspend in Fenwick?", "reason"),
    ("What was pushing Fenwick's adult social care budget up, according to the report?", "reason"),
    ("What is pushing for change in Fenwick?", "description"),  # pushing for, not pushing it
    ("What was behind the fall in complaints?", "reason"),
    ("What prompted Fenwick to review its shared services in 2024?", "reason"),
    ("What triggered the rise in safeguarding concerns?", "reason"),
    ("What reasons did Fenwick's leaders give for the growth in the waiting list?", "reason"),
    ("What reasons for contacting the council were most common?", "description"),  # reasons it counts, not why
    ("What caused concern about the hub, and how many people used it?", "reason"),
    ("How often does Ealing send out its newsletter?", "frequency"),
    ("What is the Making it Real Board?", "description"),
    ("Which care homes does Fenwick use for its step-down beds?", "name"),  # named, not counted ("two care homes")
    ("Which two of Fenwick's hubs are closing?", "name"),
    ("Which Fenwick district had the longest waits, of up to 14 months, for adaptations?", "name"),  # one place
    ("Which home care service did people praise?", "description"),  # "home" of "home care" is no place
    ("Who co-chairs the board?", "holder"),
    ("In which parts of Fenwick are the two extra care schemes?", "place"),
    ("Who is Fenwick's equality and inclusion lead for adult social care?", "person"),
    ("What was Fenwick's Better Care Fund for 2023/24?", "number"),
    ("What was the Better Care Fund used for?", "description"),
    ("How does the share of care homes rated requires improvement compare with England?", "method"),  # no rating
    ("Is Fenwick's Shared Lives scheme rated good by CQC?", "yesno"),  # the scheme's rating, not the council's
    ("Is Fenwick rated good by CQC?", "overall"),
    ("Are most care homes in Fenwick rated good?", "yesno"),  # the homes' ratings, with where they are between
    ("Which libraries host Fenwick's Living Well hubs?", "name"),
    ("What does the Wellbeing Hub in Fenwick offer residents?", "description"),  # not which hub
    ("How often does the Fenwick People's Voice Board meet?", "frequency"),
    ("In which part of the borough is Fenwick's fifth extra care scheme to be?", "place"),  # "in the north" will do
    ("In which wards did Fenwick pilot its home safety checks?", "name"),  # "in 2 wards in the west" will not
    ("In which parts of the pathway were delays worst?", "description"),  # parts of no place
    ("Which local carers' charity does Fenwick run its carers' hubs with?", "organisation"),
    ("What is the risk rating tool that Fenwick uses for its waiting list called?", "name"),  # no score asked
    ("When Fenwick made safeguarding enquiries, how often did it ask people what they wanted?", "frequency"),
    ("Which wards in the east of Fenwick took part in the pilot?", "name"),  # the places, with where they lie
    ("What proportion of homes in the east of Fenwick were visited?", "number"),  # a share of places, not names
    ("Which neighbouring borough runs the scheme Fenwick uses?", "organisation"),
    ("Which borough runs the Shared Lives scheme Fenwick buys places from?", "organisation"),
    ("Which colleges run the Fenwick Care Academy with the council?", "organisation"),
    ("Which football clubs took part in Fenwick's campaign?", "organisation"),  # clubs are named bodies
    ("Which churches and mosques host the drop-ins?", "organisation"),
    ("Which building or office does Fenwick's Community Independence Team work out of?", "place"),
    ("Which sites did the council close?", "name"),  # what was done to them, not where something is
    ("What innovation in care homes did Fenwick lead?", "description"),  # the homes frame it, they are not asked for
    ("Which councils scored more than 60% overall?", "overall"),  # a percentage is an overall score
    ("What is the digital planning tool that Fenwick tried out with two providers called?", "name"),
    ("What is the training scheme that Fenwick runs with the local college called upon to do?", "description"),
    ("What percentage of care homes were rated good?", "number"),
    ("What frustrated care companies about the council's replies?", "description"),  # done to them, not which ones
    ("Which care companies did Fenwick commission?", "organisation"),
    ("How far has Fenwick got with co-production, and what was the change called?", "description"),  # second ask
    ("What is the value of the new home care contract Fenwick plans to let?", "number"),
    ("What was the contract worth?", "number"),
    ("What was the Fenwick Better Care Fund worth in 2023/24?", "number"),  # with the period it was worth that in
    ("Is it worth asking Fenwick for a review?", "yesno"),
    ("Where has Fenwick got to with involving people in designing services?", "description"),  # progress
    ("Where do things stand with Fenwick's carers strategy?", "description"),
    ("Which councils did better than the England average on reablement?", "description"),  # a figure's side
    ("Which councils did better than Fenwick?", "rating"),  # reports compared by their scores
    ("Which council had the longest list of people waiting for a DoLS assessment?", "description"),  # a count
    ("Which council had the longest wait for a DoLS assessment?", "duration"),
    ("Where were people waiting longest for home care?", "place"),
    ("Which local GP co-chairs the Fenwick Health and Care Alliance?", "person"),  # a person, by name
    ("in fenwick what share of the case files audited were rated good or outstanding", "number"),  # files' ratings
    ("In Fenwick, what was the overall rating?", "overall"),
    ("Which GP practices took part in the Fenwick pilot?", "description"),
    ("What is Fenwick Council doing about its problems with hospital discharge?", "method"),  # asks for deeds
    ("What is Fenwick doing well?", "description"),
    ("How is Fenwick trying to make day care easier to reach in the hills?", "method"),  # what it is working at
    ("How was Fenwick tackling its assessment backlog?", "method"),
    ("How are carers in Fenwick trying to cope?", "description"),  # people served, not the council
    ("How is Fenwick performing on safeguarding?", "description"),  # no effort asked
    ("What was the median time taken to complete a section 42 enquiry in Fenwick?", "number"),  # no deed asked
    ("How long was the waiting list for Fenwick's Multiple Needs Team?", "number"),  # how many are on it
    ("how long is fenwick's occupational therapy backlog", "number"),
    ("How long were people on the waiting list in Fenwick?", "duration"),  # how long they waited
    ("How long was the wait for the Multiple Needs Team?", "duration"),
    ("Who was Fenwick's Ask First campaign aimed at?", "description"),  # whom it serves: a group, not a name
    ("who does the Fenwick hoarding panel work with", "description"),
    ("Who was the campaign's lead at Fenwick?", "person"),
    ("Who chairs the board it reports to?", "holder"),
    ("What did delayed discharges average per day in Fenwick in 2022/23?", "number"),
    ("What adult social care precept did Fenwick raise in 2023/24?", "number"),
    ("What did Fenwick do to average out demand across its teams?", "method"),  # no figure averaged
    ("What did Fenwick pay home care providers an hour in 2023/24?", "number"),
    ("What does the Fenwick carers fund pay for?", "description"),  # what it buys, not how much
])
def test_answer_type(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize("question,refs", [
    ("What did the council rated 2 say about training?", (2,)),
    ("What did the authority that scored 'some shortfalls' say about complaints?", (2,)),
    ("Which reports have a score of 3?", (3,)),
    ("What did Camden score?", ()),
    ("Which council was scored as exceptional for any quality statement?", (4,)),
    ("Which council received an exceptional score for learning?", (4,)),
    ("Which of the councils was judged to have an exceptional standard on any quality statement?", (4,)),
    ("Which councils were given a 2 for governance?", (2,)),
    ("Did any council get a 4 (exceptional standard) on any quality statement?", (4,)),
    ("Which councils received a 2 for safeguarding?", (2,)),
    ("Did Kelby receive a 2% uplift in its grant?", ()),  # a share, not a score
    ("How many people got 4 visits a week?", ()),  # a count
    ("Which councils got a score of 2 or lower for safeguarding?", (2, 1)),  # the scores past the one named
    ("Which councils scored 3 or above for governance?", (3, 4)),
    ("Which councils scored 2 or 3 for equity?", (2, 3)),  # two scores joined
    ("Which councils scored 2 or 30% more?", (2,)),  # a share after "or" is no score
])
def test_rating_references(question, refs):
    assert rating_references(question) == refs


def test_asking_for_a_score_is_not_picking_a_report_by_it():
    assert asks_for_rating("Which councils scored 3?")
    assert not asks_for_rating("The council rated 2: what did it say about carers?")
    assert asks_for_rating("Which councils received a 2 for safeguarding?")
    assert not asks_for_rating("Which councils received more than 3,000 safeguarding concerns?")  # a count
    assert not asks_for_rating("Which council received the most safeguarding concerns in 2023/24?")  # the top count
    assert not asks_for_rating("Which one got the fewest complaints?")
    assert asks_for_rating("Which council got the most 4s?")  # the most scores of 4
    assert asks_for_rating("Which council received the highest score for safeguarding?")
    # a rating another body or group gave is not this assessment's score
    assert not asks_for_rating("What rating did the ombudsman give Fenwick?")
    assert not asks_for_rating("What score did carers give the hub in the survey?")
    assert not asks_for_rating("What were the care homes' CQC ratings in Fenwick?")
    assert asks_for_rating("What rating did Fenwick get for safeguarding?")
    from rag.analyse import answer_type
    assert answer_type("What rating did carers give the hub?") == "number"  # their figure: "7 out of 10"
    assert answer_type("What were the care homes' CQC ratings in Fenwick?") == "description"


@pytest.mark.parametrize("previous,question,expected", [
    ("What score did Hounslow get?", "and what about Ealing?", "What score did Ealing get?"),
    ("How many complaints did Harrow's service record?", "And Ealing?", "How many complaints did Ealing's service record?"),
    ("What is the Making it Real Board?", "and in Camden?", "What is the Making it Real Board in Camden?"),
    ("How does Camden support carers?", "what about their waiting lists?", "Their waiting lists in Camden?"),
    ("How does Camden support carers?", "What is Schwarz Rounds?", "What is Schwarz Rounds?"),
])
def test_follow_ups_are_rewritten_to_stand_alone(previous, question, expected):
    assert follow_up(question, [previous], MATCHER) == expected


def test_analyse_reads_councils_statements_and_comparisons():
    q = analyse("Compare Harrow and Ealing on safeguarding and on Blorpshire", MATCHER,
                ["Safeguarding"], 1000)
    assert q.councils == ("Harrow", "Ealing") and q.comparative and q.statements == ("Safeguarding",)
    q = analyse("What did Harrow score for assessing needs?", MATCHER, ["Safeguarding"], 1000)
    assert q.answer_type == "rating" and q.unknown_statements == ("Assessing needs",)


def test_long_questions_are_cut_with_a_notice_saying_how_much_remains():
    text, notices = clean_question("word " * 400, 100)
    assert len(text) <= 100 and "shortened to its first" in notices[0]


@pytest.mark.parametrize("question,extreme", [
    ("Which council got the lowest score?", "lowest"),
    ("Which of Staffordshire and Camden scored higher for safeguarding?", "highest"),
    ("Which of the two councils did worse on assessing needs?", "lowest"),
    ("Which council scored best overall?", "highest"),
    ("What did Camden score for safeguarding?", None),
    ("Which councils had higher waiting lists?", None),
    ("which part of fenwick's assessment got the very top mark?", "highest"),  # marks are scores
    ("which area did fenwick do worst on in the cqc marks?", "lowest"),
    ("Which quality statement does Fenwick score highest on?", "highest"),
])
def test_extreme_of(question, extreme):
    assert extreme_of(question) == extreme


@pytest.mark.parametrize("question,asks", [
    ("which part of fenwick's assessment got the very top mark?", True),
    ("which area did fenwick do worst on in the cqc marks?", True),
    ("Which care homes in Fenwick got top marks from inspectors?", False),  # providers' marks, not the council's
])
def test_marks_ask_for_a_score(question, asks):
    assert asks_for_rating(question) is asks


@pytest.mark.parametrize("question,searched", [
    ("What did people tell CQC about carers support?", "What did people tell about carers support?"),
    ("What did the Care Quality Commission's inspectors find in Leeds?", "What did find in Leeds?"),
    ("CQC", "CQC"),
])
def test_search_text_leaves_out_the_assessor(question, searched):
    assert search_text(question) == searched


@pytest.mark.parametrize("question,councils,searched_text", [
    ("What are the areas for improvement in Rutland?", ("Rutland",), "What are the areas for improvement in ?"),
    ("How does Camden Council's front door work?", ("Camden",), "How does front door work?"),
    ("How does Camden's front door work?", (), "How does Camden's front door work?"),
    ("Rutland", ("Rutland",), "Rutland"),
])
def test_search_text_leaves_out_the_councils_searched_within(question, councils, searched_text):
    assert search_text(question, councils) == searched_text


@pytest.mark.parametrize("question,kind", [
    ("Which councils were rated Requires improvement?", "overall"),
    ("Which councils were judged as Outstanding?", "overall"),
    ("How many care homes were rated good?", "number"),
    ("What proportion of care homes in Fenwick had a good or outstanding CQC rating?", "number"),
    ("How many councils scored 2?", "rating"),
    ("Who is Tower Hamlets' Principal Occupational Therapist?", "person"),
    # a score named by its description, and "which of the three councils"
    ("Which of the three councils got an exceptional score for Partnerships and communities?", "rating"),
    ("Which council was scored as having significant shortfalls in Safeguarding?", "rating"),
    ("Which of the three councils paid home care providers the highest hourly rate?", "number"),
    ("Who will run Fenwick's new dementia support service?", "holder"),  # the holder of what is to come
    ("Who will be affected by the change?", "description"),
])
def test_answer_type_of_ratings_counts_and_possessives(question, kind):
    assert answer_type(question) == kind


def test_the_longest_anyone_waited_asks_how_long():
    assert answer_type("What was the longest anyone had waited for a Care Act assessment?") == "duration"


@pytest.mark.parametrize("question,expected", [
    ("What proportion of people used direct payments in each of the three councils?", True),
    ("How long was the median wait in all four councils?", True),
    ("Does every council have a carers strategy?", True),
    ("What share of people in Kelby used direct payments?", False),
    ("How many people were waiting in all?", False),
    ("Which of the three councils paid the highest hourly rate?", True),
    ("Which of the services had the longest wait in Kelby?", False),
    ("Which of these councils had the largest budget?", True),
    ("Which of them had the largest budget in Kelby?", False),  # no councils named
    ("Which of the four areas has the highest share of residents aged 65 and over?", True),  # the councils' areas
    ("Which areas of practice did Kelby need to improve?", False),
    ("Which borough spends the most per adult on care?", True),  # no council named: which of them
    ("Which area of practice needed the most work?", False),
    ("How many reports of possible harm or abuse did the council receive?", False),  # reports made to it
    ("How many reports scored 2 for safeguarding?", True),
])
def test_a_question_about_each_of_the_councils_is_a_comparison(question, expected):
    from rag.analyse import is_comparative
    assert is_comparative(question, 0) is expected


@pytest.mark.parametrize("question,kind,refs", [
    ("Which councils were judged exceptional for learning, improvement and innovation?", "rating", (4,)),
    ("Which council was judged to show significant shortfalls in safeguarding?", "rating", (1,)),
    ("Which councils were graded 2 for assessing needs?", "rating", (2,)),
    ("How many people were assessed in 2024?", "number", ()),
    ("in kelby what % of care homes are rated good or outstanding", "number", ()),  # providers' ratings, counted
    ("kelby governance management and sustainability score", "rating", ()),  # keywords typed into a search box
    ("safeguarding rating kelby", "rating", ()),
    ("kelby wellbeing survey score", "description", ()),  # another score
    ("kelby care home ratings", "description", ()),  # providers' ratings
    ("cqc ratings of care homes in kelby", "description", ()),
    ("Did any of the councils get a 4 on any quality statement? Which ones?", "rating", (4,)),
])
def test_a_score_named_with_judged_or_graded(question, kind, refs):
    from rag.analyse import answer_type, rating_references
    assert answer_type(question) == kind and rating_references(question) == refs


def test_which_of_named_councils_scored_picks_reports_by_score():
    from rag.analyse import answer_type
    assert answer_type("Which of Kelby, Camden and Rutland scored 3 for learning, improvement and innovation?") == "rating"
    assert answer_type("Which of Kelby's carers groups said they got help?") != "rating"


@pytest.mark.parametrize("question,kind", [
    ("What is Fenwick's Digital Front Door and how much had it been used?", "description"),  # what it is, first
    ("What was the Carers Link service and when did it start?", "description"),
    ("What is the waiting list in Fenwick?", "description"),  # no second ask
    ("How many people had used Fenwick's Digital Front Door?", "number"),
    ("What percentage score did Fenwick get overall in its assessment?", "overall"),  # only the overall has one
    ("What score did Fenwick get overall?", "overall"),
    ("What score did Fenwick get for safeguarding?", "rating"),
    ("What was the name of the care home that closed in Fenwick, and where was it?", "name"),  # a name, first
    ("Where is the uptake of direct payments lowest among the four councils?", "description"),  # which council
    ("Where is Fenwick's new care home?", "place"),
])
def test_answer_type_of_two_part_and_overall_questions(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize("question,councils,expected", [
    ("In which boroughs were Fenwick's out-of-area care home placements?", 1, False),  # one council's places
    ("Which boroughs scored 2 for safeguarding?", 0, True),
    ("In which boroughs were more than 500 people waiting?", 0, True),  # no council named: a comparison
    ("Which neighbouring borough did Fenwick compare its front door with?", 1, False),  # one partner to name
    ("Which neighbouring borough did Fenwick and Ashby both work with?", 2, True),  # two councils named
    ("Where is the uptake of direct payments lowest among the four councils?", 0, True),
    ("Where is the uptake of direct payments lowest in Fenwick?", 1, False),
    ("Across the four councils, where is direct payment uptake highest?", 0, True),
    ("Across the county, where is direct payment uptake highest in Fenwick?", 1, False),  # one council's area
    ("Where has someone been waiting more than a year for an assessment?", 0, True),  # no council named, a bound
    ("Where is the longest wait for an assessment?", 0, True),
    ("Where has someone been waiting more than a year in Fenwick?", 1, False),
    ("Where do people go for advice about care?", 0, False),  # a place asked, no figure
    ("Which council hosts the out-of-hours team that covers Fenwick?", 1, False),  # one body to name
    ("Which council had more complaints than Fenwick?", 1, True),  # compared with the one named
    ("Which council hosts the out-of-hours team?", 0, True),
])
def test_places_of_the_one_council_named_are_no_comparison(question, councils, expected):
    from rag.analyse import is_comparative
    assert is_comparative(question, councils) is expected


@pytest.mark.parametrize("question,kind", [
    ("Which three district areas of Fenwick received extra occupational therapists?", "name"),  # which of a number
    ("Which two areas will Fenwick extend the clinic model to in 2025?", "name"),
    ("How did the 84% of Fenwick's services rated good compare with the England average?", "method"),  # not a score
])
def test_answer_type_of_numbered_things_and_providers_ratings(question, kind):
    assert answer_type(question) == kind


def test_which_places_did_something_with_an_irregular_verb_asks_their_names():
    assert answer_type("Which market towns in Fenwick set up community hubs?") == "name"
    assert answer_type("Which villages in Fenwick made the most referrals?") == "name"
    assert answer_type("Which neighbouring county does Fenwick share its advocacy service with?") == "name"


@pytest.mark.parametrize("question,kind", [
    ("How did Fenwick's leaders explain reablement outcomes that were below the England average?", "reason"),
    ("How did leaders account for the overspend?", "reason"),
    ("How does Fenwick explain care charges to people?", "method"),  # explaining to people informs them
    ("What was Fenwick's Deprivation of Liberty Safeguards backlog in March 2023?", "number"),
    ("What was the DoLS backlog?", "number"),
    ("What was done about the DoLS backlog?", "description"),
    ("What was the impact of the backlog?", "description"),
    ("Whereabouts in Fenwick is the new extra care scheme being built?", "place"),
    ("How much time per assessment does Fenwick's note-taking tool save?", "duration"),
    ("How much did Fenwick's note-taking tool cost?", "number"),
    ("What weakness held back Fenwick's score for learning?", "reason"),  # what kept the score down
    ("What shortfalls kept Fenwick's safeguarding score down?", "reason"),
    ("How far had Fenwick's DoLS backlog come down after the restructure?", "number"),  # to what figure
    ("How high had waits risen by March?", "number"),
    ("How far did people travel to the day centre?", "description"),  # a distance described, no change
    ("Which Fenwick library branches host the digital sessions?", "name"),
    ("Which sites run the pilot?", "name"),
    ("In which libraries are Fenwick's Staying Well hubs?", "name"),
    ("Which partner is Fenwick working with to open a nursing home?", "organisation"),
    ("What did partners say about Fenwick?", "views"),  # partners' words, not their names
    ("What joint work with partners was done to help carers?", "description"),  # partners named, not asked for
    ("What was the Care Act assessment waiting list in Fenwick back in March 2023?", "number"),  # its length
    ("What is the waiting list for home care like in Fenwick?", "description"),
    ("What is Fenwick doing about its waiting list?", "method"),
    ("What is the maximum grant a community group can get from Fenwick?", "number"),  # the most of a sum
    ("What is the largest category of complaints in Fenwick?", "description"),  # the most of a kind, no sum
    ("What pushed Fenwick over budget in 2023/24?", "reason"),
    ("What tipped Fenwick's care budget into the red?", "reason"),
    ("What was Fenwick's budget in 2023/24?", "number"),
])
def test_answer_type_of_explanations_and_backlogs(question, kind):
    assert answer_type(question) == kind


def test_what_was_held_back_for_later_is_no_reason():
    assert answer_type("What did the hub hold back for winter?") != "reason"
    assert answer_type("What events were held by the carers' centre?") != "reason"


@pytest.mark.parametrize("question,expected", [
    ("How did Fenwick bring down its waiting times for assessment?", True),
    ("How has the council reduced its DoLS backlog?", True),
    ("How did Fenwick improve support for carers?", True),
    ("How does Fenwick support carers?", False),  # how it works, not how a change came about
    ("How many people were waiting after waits were reduced?", False),
    ("Why did waits fall in Fenwick?", False),  # a "why" question is read as one already
])
def test_questions_asking_how_a_change_was_brought_about(question, expected):
    assert asks_means_of_change(question) is expected


@pytest.mark.parametrize("question,expected", [
    ("Who has been appointed as Fenwick's permanent Director of Adult Social Services?", "person"),
    ("Who was recruited to lead the new hub?", "person"),
    ("Who has been waiting longest for an assessment?", "description"),  # not an appointment
])
def test_who_was_appointed_asks_for_a_person(question, expected):
    assert answer_type(question) == expected


@pytest.mark.parametrize("question,expected", [
    ("Did any of the councils score 4 (exceptional) on a quality statement, and if so which?", True),
    ("Did any councils score 1?", True),
    ("Did any of the councils mention apprenticeships?", False),  # no score picks them
])
def test_did_any_council_score_lists_them_by_their_score(question, expected):
    assert asks_for_rating(question) is expected


@pytest.mark.parametrize("question,written", [
    ("what's Fenwick's overall rating", "what is Fenwick's overall rating"),
    ("Name of the principal social worker?", "What is the name of the principal social worker?"),
    ("total number of complaints fenwick received 2023/24", "What is the total number of complaints fenwick received 2023/24"),
    ("Number crunching in Fenwick's finance team?", "Number crunching in Fenwick's finance team?"),  # no "of"
    ("Total spend on home care?", "Total spend on home care?"),
])
def test_written_out(question, written):
    from rag.answer_types import written_out

    assert written_out(question) == written


@pytest.mark.parametrize("question,expected", [
    ("Roughly how many people live in Fenwick, according to its local authority assessment?",
     "How many people live in Fenwick?"),
    ("What did Fenwick actually spend on care?", "What did Fenwick actually spend on care?"),  # actual spend
    ("Exactly how many carers were assessed, according to the CQC report?", "How many carers were assessed?"),
    ("How many people were sleeping rough in Fenwick?", "How many people were sleeping rough in Fenwick?"),
    ("Was the assessment completed according to plan?", "Was the assessment completed according to plan?"),
])
def test_words_that_hedge_or_source_a_question_are_left_out(question, expected):
    from rag.analyse import without_hedges
    assert without_hedges(question) == expected


@pytest.mark.parametrize("question,kind", [
    ("Did Fenwick keep adult social care spending within its budget?", "yesno"),
    ("Did the council overspend?", "yesno"),
    ("Did Fenwick spend more than £5 million on home care?", "number"),  # a bound: the figure answers
    ("Did Fenwick's budget rise by 5%?", "number"),
    ("How much did Fenwick overspend?", "number"),
])
def test_a_yes_or_no_question_about_money_asks_whether(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize("question,searched", [
    ("Where is Havering?", "Where is Havering?"),  # nothing but the council is asked about
    ("what about havering", "what about havering"),
    ("Where is the carers hub in Havering?", "Where is the carers hub in ?"),
])
def test_a_question_about_the_council_itself_keeps_its_name_in_the_search(question, searched):
    assert search_text(question, ("Havering",)) == searched


@pytest.mark.parametrize("question,kind", [
    ("wolverhampton home care hourly rate 2023/24", "number"),  # keywords ending with a measure
    ("kent staff vacancy rate", "number"),
    ("bury direct payments uptake", "number"),
    ("harrow carers assessments waiting", "description"),  # no measure named
    ("kelby home care rate review findings", "description"),  # the measure does not end it
    ("size of the DoLS backlog at Kelby", "number"),  # or starting with one
    ("number of carers assessed in kelby", "number"),
    ("size matters for carers", "description"),
])
def test_keywords_ending_with_a_measure_ask_for_a_figure(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize("question,rating", [
    ("southampton equity in experience and outcomes score", True),  # the statement's name ends in "outcomes"
    ("What was Kelby's equity in experience and outcomes score?", True),
    ("What was the outcomes score in the carers' survey?", False),  # another score
    ("What wellbeing score did carers give?", False),
])
def test_a_statement_named_before_score_is_the_assessment_s_score(question, rating):
    assert asks_for_rating(question) is rating


@pytest.mark.parametrize("question,kind", [
    ("In Fenwick, where do people wait longer for home care?", "place"),
    ("In 2024, where did people in Fenwick wait longest?", "place"),
    ("what made fenwick start ringing people who are waiting for OT", "reason"),
])
def test_a_place_asked_after_its_area_and_what_made_something_happen(question, kind):
    from rag.analyse import answer_type

    assert answer_type(question) == kind
    assert answer_type("What made up Fenwick's overspend?") != "reason"  # its parts, not its cause


def test_a_question_on_when_cqc_assessed_searches_the_reports_words_for_its_dates():
    from rag.analyse import ASSESSMENT_DATE_WORDS, search_text

    assert ASSESSMENT_DATE_WORDS in search_text("When were the CQC inspectors in Fenwick?", ("Fenwick",))
    assert ASSESSMENT_DATE_WORDS not in search_text("When did Fenwick open its new hub?", ("Fenwick",))
    assert ASSESSMENT_DATE_WORDS not in search_text("How many people were waiting in Fenwick when CQC assessed it?",
                                                    ("Fenwick",))  # timed by the assessment, not asking its date


@pytest.mark.parametrize("question,expected", [
    ("what rating did fenwick get", True),
    ("How was Fenwick rated?", True),
    ("What was Fenwick Council's CQC rating?", True),
    ("What score did Fenwick get?", False),  # a score is a statement's too
    ("What rating did carers give Fenwick's helpline?", False),  # more than the council's rating
])
def test_a_question_asking_only_a_councils_rating_asks_the_overall_one(question, expected):
    from rag.analyse import asks_only_rating_of

    assert asks_only_rating_of(question, ("Fenwick",)) is expected



def test_a_percentage_a_council_got_is_its_overall_score():
    from rag.analyse import answer_type

    assert answer_type("what % did fenwick get overall in its cqc assessment") == "overall"
    assert answer_type("What percentage did Fenwick score?") == "overall"
    assert answer_type("what percentage of people did Fenwick get back home") != "overall"


def test_when_within_a_period_asks_for_a_date():
    from rag.analyse import answer_type
    from rag.answer_types import holds

    question = "when in 2024 did Fenwick's scrutiny committee review home care quality"
    assert answer_type(question) == "date"
    assert not holds("date", "The scrutiny committee had reviewed home care quality in 2024.", question)  # no more than asked
    assert holds("date", "The scrutiny committee had reviewed home care quality in March 2024.", question)
    assert answer_type("what did the committee find when it reviewed home care in 2024") != "date"


def test_which_region_a_place_lies_in_asks_where():
    assert answer_type("Which region of England is Fenwick in?") == "place"
    assert answer_type("what part of the country is Fenwick in") == "place"
    assert answer_type("Which team in Fenwick's region runs the hospital discharge service?") != "place"


def test_where_money_came_from_asks_its_source_not_a_place():
    assert answer_type("where did Fenwick find the money it saved to balance its budget?") == "description"
    assert answer_type("Where did the savings come from?") == "description"
    assert answer_type("Where did the new hub come from?") == "place"
    assert answer_type("How much money did Fenwick save?") == "number"
