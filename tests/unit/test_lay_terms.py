"""Plain words in a question reach the report's wording in the lexical search (and only there)."""

import pytest

from rag.analyse import lexical_query
from rag.glossary import Glossary
from rag.lay_terms import report_words, with_report_words
from rag.records import Query


@pytest.mark.parametrize("question,wanted", [
    ("Is there an app for adults with learning difficulties?", "learning disabilities"),
    ("How many people who look after a relative have an emergency card?", "unpaid carers"),
    ("How fast is a new report that someone might be being abused looked at?", "safeguarding concerns"),
    ("How long does it take to work out what someone pays towards their own care?", "financial assessment"),
    ("For what share of people is their ethnic background not known?", "ethnicity"),
    ("How many checks on whether care is taking away someone's freedom were waiting?", "deprivation of liberty safeguards"),
    ("How quickly do people learn what they must pay towards their care?", "financial assessment"),
    ("Who do I tell about abuse of an older neighbour?", "safeguarding"),
    ("Are family carers offered a break?", "unpaid carers"),
    ("How long do people wait for grab rails?", "equipment"),
    ("How many people had their care looked at again within a year?", "review"),
    ("How many had gone a year without anyone looking again at their care?", "review"),
    ("How does Fenwick decide who on its waiting list is seen first?", "prioritise"),
    ("By how much did Fenwick go over its adult care budget in 2023/24?", "overspend"),
    ("By how much did Fenwick's adult social care spending exceed its budget?", "overspend"),
    ("How does Fenwick decide who to see first among people waiting?", "prioritise"),
    ("After short-term rehabilitation at home, what share needed no more help?", "reablement"),
    ("How long did people wait for alterations to their homes?", "adaptations"),
    ("What proportion of clients on continuing care used cash payments?", "direct payments"),
    ("What share chose to take the money and arrange their own help?", "direct payments"),
    ("How heavy are social workers' workloads?", "caseload"),
    ("How many people were waiting for someone to start coming into their home?", "home care"),
    ("How much more did Fenwick end up spending than it had set aside?", "overspend"),
    ("Did Fenwick end the year spending less than it had budgeted?", "underspend"),
    ("Was Fenwick spending more or less than planned?", "underspend"),
    ("Was Fenwick spending more or less than planned?", "overspend"),
    ("How many people were still trying to find someone to employ as their carer?", "personal assistants"),
    ("How many people were queuing for help?", "waiting"),
    ("How many were waiting for someone to come and work out what care they needed?", "Care Act assessment"),
    ("What share of people who had help to get back on their feet needed no more care?", "reablement"),
    ("What share were behind on their yearly check of their care plan?", "annual review"),
    ("How many missed the annual check-up of their care?", "annual review"),
    ("How did take-up of direct payments compare?", "used"),
    ("What share of people who had help at home to get their confidence back needed no care?", "reablement"),
    ("What share of people who had help to regain their skills needed less care?", "reablement"),
    ("Is there a queue for assessments in Fenwick?", "waiting list"),  # the report's "no waiting list"
    ("How long did people wait for someone to look at their care needs?", "assessment"),
    ("How many unpaid family helpers carry an emergency card?", "carers"),
    ("How many reports of possible harm or abuse did Fenwick receive?", "safeguarding concerns"),
    ("What share of callers hang up before anyone answers?", "abandoned"),
    ("How many tiny local firms and one-person outfits offer help at home?", "micro-providers"),
    ("Does anyone go a year without someone checking their arrangements still suit them?", "review"),
    ("How many times did people formally grumble about their care?", "complaints"),
    ("How many times did people formally object to the way their care was handled?", "complaints"),
    ("How many relatives and friends who look after someone for free were helped?", "unpaid carers"),
    ("What share of social worker jobs in Fenwick were unfilled?", "vacancy rate"),
    ("How quickly did walking frames and bath seats reach people?", "community equipment"),
    ("How long was the wait for overhead lifting gear?", "hoists"),
    ("How long did people wait for big building changes to their house?", "major adaptations"),
    ("What share of homes got one of the top two marks from the inspector?", "good or outstanding"),
    ("What travel allowance did care workers get?", "mileage"),
    ("How are people in remote spots reached?", "rural"),
    ("How often did the team go out to someone who had toppled over?", "falls"),
    ("Who spreads the word about help among neighbours?", "community champions"),
    ("What share of staff would recommend the council as a place to work?", "good place to work"),
    ("How long did people hang on before anyone came?", "waiting"),
    ("How many trips to see the doctor did volunteers give?", "appointments"),
    ("How long did people wait for aids around the house?", "occupational therapy"),
    ("How long did callers wait on the helpline?", "contact centre"),
    ("How many day centres stayed open?", "day opportunities"),
    ("How many people live with a host family?", "Shared Lives"),
    ("How many flats with care on site were built?", "extra care housing"),
    ("How many complaints went to the complaints watchdog?", "Ombudsman"),
    ("How many people had NHS-funded care?", "continuing healthcare"),
    ("Who is the lead social worker?", "Principal Social Worker"),
    ("Who is the head of adult social care?", "Director of Adult Social Services"),
    ("What did the local patient champion say?", "Healthwatch"),
    ("How did the council work with the local NHS board?", "integrated care board"),
    ("How big is the shared budget with the NHS?", "Better Care Fund"),
    ("Is sign language offered at assessments?", "British Sign Language"),
    ("How many children who look after a parent were supported?", "young carers"),
    ("How does the council tackle forced labour in care?", "modern slavery"),
    ("How many step-down beds were there?", "intermediate care"),
    ("How many investigations into abuse were started?", "safeguarding enquiries"),
    ("How does the council stop people needing more care?", "prevention"),
    ("How does the council buy home care?", "commissioning"),
    ("How many former members of the armed forces were helped?", "veterans"),
    ("How many people rely on gadgets that raise the alert?", "telecare"),
    ("What share of complaints did Fenwick uphold?", "upheld"),
    ("Which councils helped care providers recruit care workers from overseas?", "international recruitment"),
    ("How many people recruited their own carer?", "personal assistants"),
    ("By how much did the department blow its budget?", "overspend"),
    ("By how much did the care department go over what it was meant to spend?", "overspend"),
    ("How many waited for the checks before someone can lawfully be kept from leaving?", "DoLS"),
    ("How many people got gadgets to stop con artists ringing them?", "call blockers"),
    ("How were older people protected from con artists?", "scams"),
    ("What share of people on the short programme to regain everyday skills at home went on alone?", "reablement"),
    ("What share of people given help at home needed nothing more afterwards?", "no ongoing care"),
    ("How many people leaving the service didn't need any further support?", "no further support"),
    ("How many people who look after a relative or friend without pay were assessed?", "unpaid carers"),
    ("When an old people's home shut in Kelby, how many had to move?", "care home"),
    ("By how much did its spending go over what was planned?", "overspend"),
    ("How many get money from the council to organise and pay for their own help?", "direct payments"),
    ("How much did Kelby spend on looking after adults?", "adult social care"),
    ("What does CQC say Kelby still needs to improve?", "areas for improvement"),
    ("What must Fenwick improve?", "areas to improve"),
    ("Where did Kelby's adult social care fall short?", "areas for improvement"),
    ("How much money does Kelby have to spend on adult care?", "budget"),
    ("What does Kelby spend on care once income is taken off?", "net"),
    ("How many trips did the volunteer drivers make?", "journeys"),
    ("How many times did the drones drop equipment off?", "deliveries"),
    ("Which town lost a home care firm when it pulled out?", "withdrew"),
    ("Which town lost a home care firm when it pulled out?", "left the market"),
    ("How many safeguarding referrals were sitting unchecked?", "safeguarding concerns"),
    ("How many safeguarding referrals were sitting unchecked?", "awaiting triage"),
    ("How many call-outs did the falls team go to?", "calls"),
    ("roughly how many people live in kelby", "population"),
    ("Were abuse investigations finished on time?", "enquiries"),
    ("Were abuse investigations finished on time?", "completed within"),
    ("Which prisons does Kelby cover?", "HMP"),
    ("How many safeguarding cases were waiting with no worker assigned?", "awaiting allocation"),
    ("How many safeguarding cases were waiting with no worker assigned?", "safeguarding enquiries"),
    ("Has Fenwick brought in outside help to clear its backlog?", "commissioned"),
    ("When did Fenwick restart its get-togethers with care providers?", "forum"),
    ("Has Fenwick's day centre been given the top inspection grade?", "rated outstanding"),
    ("where in Fenwick did they try out walk-in assessment sessions", "piloted"),
    ("where in Fenwick did they try out walk-in assessment sessions", "drop-in"),
    ("have Fenwick's carers' break budgets gone up in recent years", "increased"),
    ("have waits in Fenwick come down since 2023", "fallen"),
    ("How many formal grumbles about adult care did Fenwick get?", "complaints"),
    ("How quickly are care charges worked out in Fenwick?", "financial assessment"),
])
def test_plain_words_bring_the_report_wording(question, wanted):
    assert wanted in report_words(question)


def test_a_grumble_is_a_complaint_only_when_formal():
    assert "complaints" in report_words("How many made a formal grumble about their care?")
    assert "complaints" not in report_words("After people grumbled, do residents now wait less?")  # a concern, maybe


def test_words_already_used_and_unrelated_questions_add_nothing():
    assert report_words("How many safeguarding concerns were raised about abuse?") == []
    assert report_words("What score did Harrow get for assessing needs?") == []
    assert "overspend" not in report_words("How did the team blow the whistle on budget cuts?")  # a whistle, not a budget
    assert report_words("Which devices stop falls at home?") == []  # falls, not calls
    assert with_report_words("What score did Harrow get?") == "What score did Harrow get?"
    assert report_words("Did the council object to the jobseeker scheme?") == []  # whole words only
    assert "overspend" not in report_words("Did Fenwick end the year spending less than it had budgeted?")
    assert "reablement" not in report_words("How did Fenwick help its staff build their skills?")
    assert "waiting" not in report_words("How did Fenwick hang on to its care workers?")  # keeping staff, no wait
    assert "waiting" not in report_words("How many cases does a social worker hold on average?")
    assert "vacancy rate" not in report_words("How many jobs did the employment scheme find?")
    assert "falls" not in report_words("By how much had complaints fell over the year?")
    assert "Principal Social Worker" not in report_words("Who is the senior social worker in the team?")
    assert "commissioning" not in report_words("How many people bought their own care?")
    assert "personal assistants" not in report_words("How did providers recruit care workers?")  # the providers' staff
    assert "falls" not in report_words("Waiting lists fell down the council's priorities: why?")
    assert "no ongoing care" not in report_words("What more do unpaid carers need from the council?")
    assert "reablement" not in report_words("How did Fenwick help staff regain their lost training time?")
    assert "areas for improvement" not in report_words("How did Fenwick improve its waiting times?")  # what it did


def test_the_lexical_query_has_acronyms_and_report_words_without_the_council():
    query = Query(text="Do Harrow OT staff help people with learning difficulties?", asked="",
                  councils=("Harrow",))
    text = lexical_query(query, Glossary({"OT": "Occupational Therapy"}))
    assert "learning disabilities" in text and "Occupational Therapy" in text and "Harrow" not in text


def test_every_row_has_one_plain_pattern_and_report_wordings():
    import csv

    from rag.config import DATA_DIR

    with open(DATA_DIR / "lay_terms.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    assert rows and all(len(row) == 2 and row[0] and row[1].strip() for row in rows)  # a comma in a pattern splits it


def test_checking_whether_care_still_suits_someone_is_a_review():
    assert "review" in report_words("How many people had gone a year without anyone checking whether their care "
                                    "still suited them?")
    assert not any("review" in w for w in report_words("How many people had their blood pressure checked?"))


def test_a_question_in_the_reports_words_keeps_none_of_its_plain_ones():
    from rag.lay_terms import in_report_words

    text = in_report_words("How many people in Fenwick were queuing for someone to come and work out what care "
                           "they needed?")
    assert "queuing" not in text and "someone" not in text and "waiting" in text and "Care Act assessment" in text
    assert in_report_words("How many safeguarding concerns were raised?") == "How many safeguarding concerns were raised?"


def test_an_acronym_form_no_passage_uses_is_no_term_of_a_question():
    from rag.terms import TermWeights
    from tests.helpers import candidate

    glossary = Glossary({"OT": "Occupational Therapy", "ASC": "Adult Social Care"})
    chunks = [candidate("The OT team had a waiting list.").passage.chunk,
              candidate("Adult social care made savings.").passage.chunk]
    weights = TermWeights(chunks, glossary=glossary)
    assert "asc" not in weights.terms("How much did adult social care save?")  # no passage says "ASC"
    assert "ot" in weights.terms("How long was the occupational therapy wait?")  # a passage says "OT"


def test_an_acronym_s_long_form_is_written_before_it():
    glossary = Glossary({"HMP": "His Majesty's Prison"})
    assert glossary.with_long_forms("care for HMP Grendon") == "care for His Majesty's Prison (HMP) Grendon"
    assert glossary.with_long_forms("care for prisoners") == "care for prisoners"
    assert Glossary({}).with_long_forms("HMP Grendon") == "HMP Grendon"


def test_a_grade_or_charge_spoken_of_otherwise_brings_no_wording():
    assert "rated outstanding" not in report_words("What grade did Fenwick's care homes get on average?")
    assert "rated outstanding" not in report_words("What share of Fenwick's agencies hold a top CQC rating?")
    assert "financial assessment" not in report_words("How many charges were brought against providers in Fenwick?")
