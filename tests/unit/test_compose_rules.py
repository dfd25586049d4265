"""The composer's small rules: maximal marginal relevance, continuations, citing (table-driven)."""

import numpy as np
import pytest

from rag.compose import (
    Candidate,
    asks_two_things,
    by_council,
    cite,
    continues,
    follows,
    mmr,
    names_a_topic,
    repeats,
    settles_by_denial,
    stated_extreme_first,
    views_first,
    with_antecedent,
    with_continuations,
    with_response,
    with_stated_cause,
)
from rag.records import Chunk, Passage, Sentence
from rag.terms import TermWeights


def passage(text: str, chunk_id: int = 0, label: str = "Harrow") -> Passage:
    sentences, start = [], 0
    for part in text.split("|"):
        part = part.strip()
        i = text.replace("|", " ").index(part, start)
        sentences.append(Sentence(i, i + len(part), part))
        start = i + len(part)
    body = text.replace("|", " ")
    chunk = Chunk(chunk_id, "d.txt", label, label, "Safeguarding", None, "statement", "Findings", 1, 0, len(body),
                  body, tuple(sentences))
    return Passage(chunk, 1.0, 1)


def candidates(p: Passage, relevance: list[float], vectors: list[list[float]]) -> list[Candidate]:
    befores = ["", *(s.text for s in p.chunk.sentences[:-1])]
    return [Candidate(p, s, np.array(v, dtype=np.float32), r, b)
            for s, r, v, b in zip(p.chunk.sentences, relevance, vectors, befores)]


def test_mmr_skips_a_near_copy_of_a_chosen_sentence():
    p = passage("A is good.|Again, A is good.|B differs.")
    cs = candidates(p, [0.9, 0.88, 0.8], [[1, 0], [1, 0], [0, 1]])
    assert [c.sentence.text for c in mmr(cs, 2, 0.7, 0.0)] == ["A is good.", "B differs."]
    assert [c.sentence.text for c in mmr(cs, 2, 1.0, 0.0)] == ["A is good.", "Again, A is good."]  # no redundancy term


def test_mmr_skips_a_sentence_that_repeats_a_chosen_one_and_goes_on():
    p = passage("Fenwick underspent by £0.6 million.|Fenwick underspent by £0.6 million, and planned ahead.|B differs.")
    cs = candidates(p, [0.9, 0.88, 0.8], [[1, 0], [0, 1], [0, 1]])
    assert [c.sentence.text for c in mmr(cs, 2, 1.0, 0.0)] == ["Fenwick underspent by £0.6 million.", "B differs."]


@pytest.mark.parametrize("sentence,other,expected", [
    ("Waits fell to 19 days.", "Waits fell to 19  days, and staff were pleased.", True),
    ("Waits fell to 19 days, and staff were pleased.", "waits fell to 19 days.", True),
    ("Waits fell to 19 days.", "Waits fell to 190 days.", False),  # another figure
    ("Waits fell.", "In 2024, waits fell.", False),  # only a part in common
])
def test_repeats(sentence, other, expected):
    assert repeats(sentence, other) is expected


def test_mmr_keeps_nothing_below_the_floor():
    p = passage("A.|B.")
    assert mmr(candidates(p, [0.2, 0.1], [[1, 0], [0, 1]]), 3, 0.7, 0.5) == []


def test_a_next_sentence_that_points_back_is_added():
    weights = TermWeights([])
    p = passage("The budget could change sharply.|The council held a reserve to cover such changes.|Unrelated news.")
    cs = candidates(p, [0.9, 0.3, 0.2], [[1, 0]] * 3)
    out = with_continuations([cs[0]], cs, "How does the council protect its budget?", weights, 3)
    assert [c.sentence.text for c in out] == ["The budget could change sharply.",
                                              "The council held a reserve to cover such changes."]
    assert continues("This pressure was felt most in rural areas.")
    assert not continues("Staff in the north of the county, far from the town centre, valued this.")


def test_continuations_add_the_elaborating_next_sentence_and_the_one_leaned_on():
    weights = TermWeights([])
    p = passage("The council ran a carers hub.|For example, it offered breaks.|They felt this helped.|Unrelated.")
    cs = candidates(p, [0.9, 0.3, 0.5, 0.2], [[1, 0]] * 4)
    out = with_continuations([cs[0]], cs, "What did the council run?", weights, 3)
    assert [c.sentence.text for c in out] == ["The council ran a carers hub.", "For example, it offered breaks."]
    out = with_continuations([cs[2]], cs, "How did carers feel?", weights, 3)
    assert [c.sentence.text for c in out][:2] == ["For example, it offered breaks.", "They felt this helped."]
    out = with_continuations([cs[3]], cs, "What else?", weights, 3)
    assert [c.sentence.text for c in out] == ["Unrelated."]


def test_the_detail_of_a_continuation_follows_it():
    weights = TermWeights([])
    p = passage("The council set up review panels.|These looked again at assessments after decisions.|"
                "This included checks that carers were considered.|Other news.")
    cs = candidates(p, [0.9, 0.3, 0.2, 0.1], [[1, 0]] * 4)
    out = with_continuations([cs[0]], cs, "What do the review panels check?", weights, 3)
    assert [c.sentence.text for c in out] == ["The council set up review panels.",
                                              "These looked again at assessments after decisions.",
                                              "This included checks that carers were considered."]
    p = passage("The council set up review panels.|These looked again at assessments after decisions.|"
                "They met monthly.|Other news.")
    cs = candidates(p, [0.9, 0.3, 0.2, 0.1], [[1, 0]] * 4)
    assert len(with_continuations([cs[0]], cs, "What do the review panels check?", weights, 3)) == 2  # no detail


def test_a_question_asking_two_things_gets_the_next_sentence_too():
    weights = TermWeights([])
    p = passage("The council tested self-planning home care teams in Eastbourne.|An evaluation found fewer missed visits.")
    cs = candidates(p, [0.9, 0.3], [[1, 0]] * 2)
    two = with_continuations([cs[0]], cs, "What did the council test, and what did the evaluation find?", weights, 3)
    assert len(two) == 2
    assert len(with_continuations([cs[0]], cs, "Which pilot ran?", weights, 3)) == 1
    assert asks_two_things("Who chairs the board and when was it set up?")
    assert not asks_two_things("What did staff and partners say?")


def test_a_paragraph_opening_that_only_names_its_topic_is_followed_by_its_detail():
    weights = TermWeights([])
    p = passage("Transitions to adult services were a concern.|Young people were referred only at 17.|Other news.")
    cs = candidates(p, [0.9, 0.3, 0.2], [[1, 0]] * 3)
    out = with_continuations([cs[0]], cs, "What problems were found with transitions?", weights, 3, wants_detail=True)
    assert [c.sentence.text for c in out] == ["Transitions to adult services were a concern.",
                                              "Young people were referred only at 17."]
    assert len(with_continuations([cs[0]], cs, "What problems were found?", weights, 3)) == 1  # a fact asked
    assert len(with_continuations([cs[1]], cs, "Who waited?", weights, 3, wants_detail=True)) == 1  # not an opening
    assert names_a_topic("Waits were long.") and not names_a_topic("In 2023/24, 640 people waited.")
    assert not names_a_topic("Staff told us that the new duty system had made it much easier to reach a social worker.")


def test_cite_numbers_passages_in_order_and_highlights_the_quoted_sentences():
    a, b = passage("One.|Two.", 1, "Harrow"), passage("Three.", 2, "Ealing")
    lines = by_council([*candidates(a, [1, 1], [[1], [1]]), *candidates(b, [1], [[1]])])
    text, citations = cite(lines)
    assert text == "Harrow: One. [1] Two. [1]\nEaling: Three. [2]"
    assert [(c.n, c.highlights) for c in citations] == [(1, ((0, 4), (5, 9))), (2, ((0, 6),))]


def test_a_word_hyphenated_across_lines_is_quoted_whole():
    p = passage("It did not cover the south-\nwest of the county.|Score\n2 of 4 in all -\n 3 teams.")
    text, _ = cite(by_council(candidates(p, [1, 1], [[1], [1]])))
    assert text == "Harrow: It did not cover the south-west of the county. [1] Score 2 of 4 in all - 3 teams. [1]"


def test_a_why_answer_is_followed_by_the_cause_the_next_sentence_gives():
    weights = TermWeights([])
    p = passage("Adaptations took 14 months on average.|Few builders bid for the work, because prices had risen.|Other news.")
    cs = candidates(p, [0.9, 0.3, 0.2], [[1, 0]] * 3)
    out = with_continuations([cs[0]], cs, "What caused the delays to adaptations?", weights, 3, wants_cause=True)
    assert [c.sentence.text for c in out] == ["Adaptations took 14 months on average.",
                                              "Few builders bid for the work, because prices had risen."]
    out = with_continuations([cs[0]], cs, "How long did adaptations take?", weights, 3)
    assert [c.sentence.text for c in out] == ["Adaptations took 14 months on average."]
    q = passage("Adaptations took 14 months because of a backlog.|Few builders bid, because prices rose.")
    qs = candidates(q, [0.9, 0.3], [[1, 0]] * 2)
    assert len(with_continuations([qs[0]], qs, "Why were adaptations slow?", weights, 3, wants_cause=True)) == 1


def test_a_sentence_that_refers_back_takes_the_one_before_as_its_lead_in():
    from rag.abstain import refers_back_to

    p = passage("In May, 286 people were waiting for a Care Act assessment.|The median wait was 14 days.|"
                "Carers valued the hub.|The service overspent by £2 million.")
    first, median, carers, service = candidates(p, [0.5] * 4, [[1, 0]] * 4)
    assert first.before == "" and median.before == first.sentence.text
    assert refers_back_to(median) == first.sentence.text  # "The median wait" after "… were waiting …"
    assert refers_back_to(carers) == ""  # begins with a new subject
    q = passage("The council received 118 complaints in 2023/24.|Only 52% were answered within the target time.|"
                "Of these, 40 were upheld.|52 people were waiting.")
    received, answered, upheld, waiting = candidates(q, [0.5] * 4, [[1, 0]] * 4)
    assert refers_back_to(answered) == received.sentence.text  # a figure with no noun of its own
    assert refers_back_to(upheld) == answered.sentence.text
    r = passage("In 2025/26, 7,020 people left hospital with support.|84% went home, most with reablement.")
    left, home = candidates(r, [0.5] * 2, [[1, 0]] * 2)
    assert refers_back_to(home) == left.sentence.text  # a share and what it did
    assert refers_back_to(waiting) == ""  # "52 people": its own noun
    assert refers_back_to(service) == carers.sentence.text  # "The service": the report's own subject
    h = passage("The Transitions Hub worked with young people from age 14.|In 2023/24 it supported 410 young people.|"
                "In 2023/24 carers were offered 900 breaks.")
    hub, supported, breaks = candidates(h, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(supported) == hub.sentence.text  # a pronoun after a time: "In 2023/24 it …"
    g = passage("The Home First Service offered six weeks of help.|In 2025/26 the service supported 1,040 people.|"
                "In 2025/26 the carers supported 900 people.")
    offered, served, carers_served = candidates(g, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(served) == offered.sentence.text  # the service named before, after a time
    assert refers_back_to(carers_served) == ""  # a subject of its own
    c = passage("A home care agency closed at short notice in 2024.|All 46 people affected were moved within a week.|"
                "All 46 people were moved within a week.")
    closed, affected, moved = candidates(c, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(affected) == closed.sentence.text  # the ones it touched
    t = passage("People receiving long-term support: 5,640|of whom aged 65 and over: 3,720|Aged 65 and over: 18.9%")
    whole, sub, share = candidates(t, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(sub) == whole.sentence.text  # a table's sub-row
    assert refers_back_to(share) == ""
    assert refers_back_to(moved) == ""
    s = passage("The Steady Steps programme ran falls classes in 11 venues.|Around 420 people took part in 2025/26.|"
                "Around 420 people took the bus.")
    steps, took_part, bus = candidates(s, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(took_part) == steps.sentence.text  # taking part, in what the sentence before named
    assert refers_back_to(bus) == ""
    w = passage("There were 620 DoLS applications awaiting assessment.|The longest wait was 14 months.")
    awaiting, longest = candidates(w, [0.5] * 2, [[1, 0]] * 2)
    assert refers_back_to(longest) == awaiting.sentence.text  # "wait" in "awaiting"
    d = passage("There were 620 DoLS applications awaiting assessment.|The longest delay was 14 months.")
    assert refers_back_to(candidates(d, [0.5] * 2, [[1, 0]] * 2)[1]) == ""  # no word of it before
    assert refers_back_to(breaks) == ""  # a new subject after the time
    pdf = passage("Reablement supported 1,480 people.|Of\nthese, 78% needed no further care.")
    first, these = candidates(pdf, [0.5] * 2, [[1, 0]] * 2)
    assert refers_back_to(these) == first.sentence.text  # a PDF's line break inside "Of these"


def test_a_comparison_takes_no_line_from_a_sentence_about_another_thing():
    from rag.abstain import of_another_thing
    from rag.records import Query

    question = "Which councils overspent on adult social care in 2023/24?"
    query = Query(text=question, asked=question, comparative=True)
    p = passage("The adult social care budget was balanced in 2023/24.|The budget overspent by £2 million in 2023/24.|"
                "The council did not know how many carers were waiting.")
    balanced, overspent, unknown = candidates(p, [0.5] * 3, [[1, 0]] * 3)
    assert of_another_thing(query, balanced)  # a balanced budget is not an overspend
    assert not of_another_thing(query, overspent)
    assert of_another_thing(Query(text="Which councils had carers waiting?", asked="x"), unknown)


def test_a_comparison_with_no_council_to_list_abstains_rather_than_answering_nothing():
    from rag.compose import _comparison
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights

    question = "Which councils overspent on adult social care in 2023/24?"
    query = Query(text=question, asked=question, comparative=True)
    balanced, = candidates(passage("The adult social care budget was balanced in 2023/24."), [0.5], [[1, 0]])
    result = _comparison(query, [balanced], 0.5, TermWeights([]), Settings())  # its one sentence is another thing
    assert result.abstained and result.text.strip()


def test_the_largest_budget_is_a_budget_of_what_it_is_of():
    from rag.answer_types import another_object

    question = "Which council had the largest adult social care budget in 2023/24?"
    assert not another_object("Adult social care budget (2023/24): £124.6m", question)  # "largest" says which tops
    assert another_object("Public health budget (2023/24): £24.6m", question)


def test_the_reports_use_a_word_in_any_of_its_forms():
    p = passage("Grants paid for adaptations.")
    weights = TermWeights([p.chunk])
    assert weights.uses("grant") and weights.uses("adaptation")
    assert not weights.uses("alterations")


def test_a_part_named_only_after_the_figure_does_not_set_its_scope():
    from rag.abstain import holds_what_is_asked
    from rag.records import Query

    question = "How many people in Fenwick's West locality were waiting for an assessment?"
    query = Query(text=question, asked=question, councils=("Fenwick",), answer_type="number")
    after = passage("In March, 1,470 people were waiting for an assessment.|Waits were longest in the West locality.")
    before = passage("In the West locality, waits were longest.|In March, 310 people were waiting for an assessment.")
    assert not holds_what_is_asked(query, candidates(after, [0.5, 0.5], [[1, 0]] * 2)[0])
    assert holds_what_is_asked(query, candidates(before, [0.5, 0.5], [[1, 0]] * 2)[1])


def test_a_why_answer_without_a_cause_takes_the_one_its_passage_gives():
    p = passage("Transitions were weak.|An audit found 40% had no plan by 17.|Families were worried.|"
                "Leaders told us this was because the team was new.")
    cs = candidates(p, [0.5, 0.9, 0.4, 0.3], [[1, 0]] * 4)
    out = with_stated_cause(cs[:3], cs, 3)
    assert [c.sentence.text for c in out] == ["Transitions were weak.", "An audit found 40% had no plan by 17.",
                                              "Leaders told us this was because the team was new."]
    assert with_stated_cause([cs[1]], cs, 3)[-1] is cs[3]  # room left: added after
    given = passage("Waits grew because staff left.|Leaders told us this was because the team was new.", 1)
    gs = candidates(given, [0.9, 0.3], [[1, 0]] * 2)
    assert with_stated_cause([gs[0]], gs, 3) == [gs[0]]  # a cause is already given
    other = passage("Waits were long.|Families were worried.", 2)
    os_ = candidates(other, [0.9, 0.3], [[1, 0]] * 2)
    assert with_stated_cause([os_[0]], [*os_, *cs], 3) == [os_[0]]  # only the first sentence's passage is read


def test_a_how_did_it_change_answer_takes_what_brought_the_change_from_a_chosen_passage():
    from rag.compose import with_stated_means

    risk = passage("A risk tool was used for people waiting.", 1)
    fell = passage("Waits for assessment had fallen.|684 people were waiting.|Leaders attributed the fall to a triage hub.", 2)
    rs, fs = candidates(risk, [0.9], [[1, 0]]), candidates(fell, [0.8, 0.7, 0.2], [[1, 0]] * 3)
    out = with_stated_means([rs[0], fs[0], fs[1]], [*rs, *fs], 3)
    assert [c.sentence.text for c in out][-1] == "Leaders attributed the fall to a triage hub."  # not the first's passage
    said = passage("Waits fell because a triage hub opened.|Leaders attributed the fall to a triage hub.", 3)
    ss = candidates(said, [0.9, 0.3], [[1, 0]] * 2)
    assert with_stated_means([ss[0]], ss, 3) == [ss[0]]  # what brought it is already said
    by = passage("Assessments were completed quickly.|96 people were waiting.|"
                 "Leaders had reduced waits by creating locality teams.", 4)
    bs = candidates(by, [0.9, 0.5, 0.4], [[1, 0]] * 3)
    assert with_stated_means(bs[:2], bs, 3)[-1] is bs[2]  # the means it was done by


def test_what_was_done_in_response_is_read_from_the_next_sentence_of_the_report():
    a = passage("Analysis showed some communities used direct payments less.", 1)
    b_text = "In response the council funded two connector posts."
    b_sentence = Sentence(a.chunk.end + 2, a.chunk.end + 2 + len(b_text), b_text)
    b_chunk = Chunk(2, "d.txt", "Harrow", "Harrow", "Safeguarding", None, "statement", "Findings", 2, b_sentence.start,
                    b_sentence.end, b_text, (b_sentence,))
    b = Passage(b_chunk, 0.5, 5)
    ca, cb = candidates(a, [0.9], [[1, 0]])[0], candidates(b, [0.3], [[1, 0]])[0]
    assert follows(cb, ca) and not follows(ca, cb)
    assert with_response([ca], [ca, cb], 3) == [ca, cb]
    far = Passage(Chunk(3, "e.txt", "Harrow", "Harrow", None, None, "page", "", 1, b_sentence.start, b_sentence.end,
                        b_text, (b_sentence,)), 0.5, 6)  # another report
    cf = candidates(far, [0.3], [[1, 0]])[0]
    assert with_response([ca], [ca, cf], 3) == [ca]
    assert with_response([cb], [ca, cb], 3) == [cb]  # the response is already told


def test_what_was_done_in_response_may_come_later_in_the_paragraph():
    p = passage("A review looked into the death of Adult K.|The review found agencies had not shared information.|"
                "In response, partners introduced a hoarding protocol.")
    review, found, response = candidates(p, [0.9, 0.3, 0.3], [[1, 0]] * 3)
    assert with_response([review], [review, found, response], 3) == [review, response]
    assert with_response([response], [review, found, response], 3) == [response]
    q = passage("In response, partners introduced a hoarding protocol.|A review looked into the death of Adult K.")
    earlier, later = candidates(q, [0.3, 0.9], [[1, 0]] * 2)
    assert with_response([later], [earlier, later], 3) == [later]  # a response before it answers something else


@pytest.mark.parametrize("sentence,expected", [
    ("The partnership had since introduced a high-risk panel that met monthly.", True),
    ("In response the council funded two connector posts.", True),
    ("The partnership had a high-risk panel that met monthly.", False),  # what it has, not what it did since
    ("The council reviewed the decision in March and reinstated transport for 48 people.", True),  # a change undone
    ("The council reviewed 48 care plans in March.", False),
])
def test_a_sentence_telling_what_was_done_since(sentence, expected):
    from rag.compose import RESPONDS
    assert bool(RESPONDS.search(sentence)) is expected


def test_quoted_lines_are_shown_first_in_the_answers_order_each_councils_together():
    from rag.pipeline import shown_passages
    from rag.records import Composition, Retrieval

    def line(chunk_id: int, label: str) -> Passage:
        return passage(f"Score {chunk_id}.", chunk_id, label)

    wake_page, cov_page, cov_summary, wake_summary, other = (line(1, "Wakefield"), line(2, "Coventry"),
                                                             line(3, "Coventry"), line(4, "Wakefield"), line(5, "Kelby"))
    found = Retrieval(tuple(Passage(p.chunk, 1.0, r) for r, p in
                            enumerate([wake_page, cov_page, other, cov_summary, wake_summary], 1)))
    evidence = (cov_page, wake_page, cov_summary, wake_summary)  # the answer quotes Coventry's page first
    shown = shown_passages(Composition("…", False, evidence=evidence, ranked=True), found)
    assert [p.chunk.chunk_id for p in shown] == [2, 3, 1, 4, 5]
    assert [p.rank for p in shown] == [1, 2, 3, 4, 5]
    listed = shown_passages(Composition("…", False, evidence=evidence), found)  # score lines listed by council name
    assert [p.chunk.chunk_id for p in listed] == [1, 4, 2, 3, 5]  # keep the search's order
    assert shown_passages(Composition("…", False), found) == found.passages


def test_a_sentence_in_the_reports_words_for_a_plain_question_scores_its_overlap():
    import numpy as np

    from rag.compose import score_candidates
    from rag.config import Settings
    from rag.records import Query
    from rag.terms import TermWeights
    from tests.helpers import candidate

    question = "What share of people had their care looked at again within a year?"
    reviewed = candidate("Only 46% of people receiving long-term support had been reviewed in the year.")
    other = candidate("Only 46% of people receiving long-term support used a direct payment in the year.")
    query = Query(text=question, asked=question, councils=(), answer_type="number")
    weights = TermWeights([reviewed.passage.chunk, other.passage.chunk])
    vec = np.zeros(2, dtype=np.float32)
    scored = score_candidates([reviewed.passage, other.passage], [[vec], [vec]], vec, query, weights, Settings())
    assert scored[0].relevance > scored[1].relevance  # "looked at again" is "reviewed" in the reports


def test_a_council_is_listed_for_a_bound_only_when_its_figure_passes_it():
    from rag.compose import passes_bound
    from rag.thresholds import bound_of
    from tests.helpers import candidate

    question = "Which councils had more than 1,000 applications waiting?"
    bound = bound_of(question)
    above = candidate("In December 2024, 1,380 applications were waiting.")
    below = candidate("In November 2024, 890 applications were waiting.")
    topic = candidate("There was a backlog of applications.")
    assert passes_bound([topic, above], bound, question) is above
    assert passes_bound([topic, below], bound, question) is None
    assert passes_bound([topic], bound, question) is None  # no figure: not shown to pass


def test_the_words_of_a_bound_do_not_pick_the_figure_held_against_it():
    from rag.thresholds import asked_figure, bound_of

    question = "Which councils had more than 1,000 applications waiting to be assessed?"
    sentence = "In 2024, 2,310 applications were waiting to be assessed, and 600 had waited for more than a year."
    assert asked_figure(sentence, bound_of(question), question) == 2310  # not the 600 "more than a year"
    other = "In 2024, 2,310 people were in care homes, and 600 applications were waiting to be assessed."
    assert asked_figure(other, bound_of(question), question) == 600


def test_a_council_is_listed_below_a_benchmark_only_when_its_report_says_so():
    from rag.compose import on_side
    from tests.helpers import candidate

    below = candidate("Uptake of direct payments, at 22.1%, was lower than the England average.")
    above = candidate("31.4% used direct payments, which was higher than the England average.")
    plain = candidate("Proportion of people using direct payments: 27.6%")
    assert on_side([plain, below], "below") is below
    assert on_side([plain, above], "below") is None  # above it: not one of those asked for
    assert on_side([plain], "below") is None  # no side named: not shown to be below
    assert on_side([above, below], "above") is above


def test_the_council_whose_figure_tops_the_others_is_the_one_listed():
    from rag.compose import figured, topping
    from rag.thresholds import top_of
    from tests.helpers import candidate

    question = "Which council paid the highest hourly rate for home care?"
    top = top_of(question)
    rates = {"Fenwick": "The council paid £23.10 an hour in 2024/25.", "Kelby": "The council paid £24.50 an hour.",
             "Marsh": "The council paid £21.40 an hour, and 52 people were waiting."}
    picks = {name: figured([candidate(text, council=name)], top, question) for name, text in rates.items()}
    assert list(topping(picks, top, question)) == ["Kelby"]
    lowest = "Which council paid the lowest hourly rate?"
    assert list(topping(picks, top_of(lowest), lowest)) == ["Marsh"]


def test_in_a_list_of_facts_the_figure_compared_is_the_one_on_the_line_asked_about():
    from rag.compose import topping
    from rag.thresholds import asked_figure, top_of
    from tests.helpers import candidate

    question = "Which council had the largest adult social care budget in 2023/24?"
    top = top_of(question)
    facts = {"Fenwick": "Total council budget: £268.9 million (2023/24)\nAdult social care budget: £131.6 million (2023/24)",
             "Kelby": "Total council budget: £240.0 million (2023/24)\nAdult social care budget: £148.2 million (2023/24)"}
    assert asked_figure(facts["Fenwick"], top, question) == 131.6e6
    assert asked_figure(facts["Fenwick"], top, "Which council had the largest total budget?") == 268.9e6
    picks = {name: candidate(text, council=name) for name, text in facts.items()}
    assert list(topping(picks, top, question)) == ["Kelby"]  # not Fenwick's larger total budget
    per_adult = "Which council has the highest adult social care spend per adult?"
    listed = "Total adult social care spend in 2023/24: £563.2 million\nSpend per adult: £589"
    assert asked_figure(listed, top_of(per_adult), per_adult) == 589  # the line per the unit asked


def test_of_a_sentence_s_figures_the_one_compared_is_the_one_counting_what_is_asked():
    from rag.thresholds import asked_figure, bound_of

    question = "Which councils had more than 1,000 Deprivation of Liberty Safeguards applications waiting?"
    bound = bound_of(question)
    both = ("At the time of our assessment, 896 people were waiting for a Care Act assessment and more than 1,100 "
            "Deprivation of Liberty Safeguards applications had not been assessed.")
    assert asked_figure(both, bound, question) == 1100  # not the 896 people waiting for an assessment
    assert asked_figure(both, bound, "Which councils had more than 500 people waiting for a Care Act assessment?") == 896
    assert asked_figure("There were 1,240 applications waiting.", bound, question) == 1240


def test_a_whole_named_first_is_not_the_count_compared():
    from rag.thresholds import asked_figure, bound_of

    question = "Which councils carried out more than 1,000 carers' assessments or reviews in 2025/26?"
    bound = bound_of(question)
    part = "Of 4,180 carers known to the council, only 376 had a carer's assessment in 2025/26, about 9%."
    assert asked_figure(part, bound, question) == 376  # "a carer's assessment" is what is counted, not the carers known
    known = "Which councils knew of more than 1,000 carers?"
    assert asked_figure(part, bound_of(known), known) == 4180  # the carers known, when they are what is asked


def test_a_sentence_broken_over_lines_is_read_as_one_line():
    from rag.thresholds import asked_figure, top_of

    question = "Which council had the most Deprivation of Liberty Safeguards applications waiting to be assessed?"
    wrapped = "In June 2024, 3,260 applications\nwere waiting to be assessed, including 410 rated high priority."
    assert asked_figure(wrapped, top_of(question), question) == 3260  # not the 410 on the line sharing more words
    rate = "Which council paid the higher hourly rate for home care, Fenwick or Kelby?"
    uplift = "The standard home care rate was £27.40 an hour,\nwith a rural uplift of £2.10 for the most remote areas."
    assert asked_figure(uplift, top_of(rate, True), rate) == 27.4  # "for the" after £2.10 names nothing asked


def test_a_why_answer_takes_the_cause_before_a_sentence_telling_what_it_caused():
    weights = TermWeights([])
    p = passage("Reablement staff often covered people waiting for home care.|This meant fewer people got reablement."
                "|Other news.")
    cs = candidates(p, [0.3, 0.9, 0.2], [[1, 0]] * 3)
    other = candidates(passage("Partners said prevention was patchy.", chunk_id=1), [0.95], [[0, 1]])
    chosen = [other[0], cs[1]]
    out = with_continuations(chosen, [*other, *cs], "Why were fewer people getting reablement?", weights, 3,
                             wants_cause=True)
    assert [c.sentence.text for c in out] == ["Partners said prevention was patchy.",
                                              "Reablement staff often covered people waiting for home care.",
                                              "This meant fewer people got reablement."]
    out = with_continuations(chosen, [*other, *cs], "How many people got reablement?", weights, 3)
    assert "Reablement staff often covered people waiting for home care." not in [c.sentence.text for c in out]


def test_a_sentence_opening_on_what_the_one_before_named_refers_back_to_it():
    from rag.abstain import refers_back_to

    p = passage("A pilot called Talk First ran in two locality teams.|In those teams, waits fell from 212 to 87.|"
                "In Leeds, waits rose.")
    pilot, teams, leeds = candidates(p, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(teams) == pilot.sentence.text  # "In those teams": the teams just named
    assert refers_back_to(leeds) == ""  # a place of its own
    q = passage("The council restructured its DoLS team in 2023.|Following the restructure, the backlog fell to 486.|"
                "Following the inspection, staff were trained.")
    team, backlog, inspection = candidates(q, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(backlog) == team.sentence.text  # "the restructure" after "restructured"
    assert refers_back_to(inspection) == ""  # no inspection was named before
    w = passage("In August 2024, 498 people were waiting for an assessment.|People waited an average of 24 days.|"
                "People told us staff were kind.")
    waiting, waited, told = candidates(w, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(waited) == waiting.sentence.text  # "waited" after "waiting"
    assert refers_back_to(told) == ""  # a new thing people said


def test_a_sentence_naming_by_its_kind_alone_the_thing_named_before_refers_back_to_it():
    from rag.abstain import names_again, refers_back_to

    p = passage("The council ran a hardship fund for people struggling with charges.|Only 23 people had help from "
                "the fund in 2023.|Staff were kind.")
    fund, helped, kind = candidates(p, [0.5] * 3, [[1, 0]] * 3)
    assert refers_back_to(helped) == fund.sentence.text  # "the fund": the hardship fund
    assert refers_back_to(kind) == ""
    assert not names_again("Only 23 people had help from the fund of the county.", "a hardship fund")  # another fund
    assert not names_again("Only 23 people had help from the fund.", "The fund was small.")  # named as briefly before
    assert names_again("There were 1,650 carers registered with the scheme.",
                       "Carers could register for the Carers Emergency Card scheme.")  # named in full by its name
    assert not names_again("There were 1,650 carers registered with the scheme.", "This scheme was new.")
    assert names_again("At the time, 780 applications were waiting.", "There was a backlog of applications for DoLS.")
    assert not names_again("At the time, 780 applications were waiting.", "Applications were screened daily.")
    assert not names_again("At the time, 780 people were waiting.", "There was a backlog of people for review.")
    assert names_again("At the time, 720 applications were waiting.", "It received 1,870 DoLS applications in 2024/25.")
    assert not names_again("At the time, 720 applications were waiting.", "It received 1,870 applications in 2024/25.")
    assert not names_again("At the time, 720 applications were waiting.", "There were many applications.")


@pytest.mark.parametrize("sentence,before,named", [
    ("In 2025, 1,420 people received reablement, and 78% needed no care.", "The Three Towns Reablement Team helped.", True),
    ("Reablement was well regarded by families.", "The Three Towns Reablement Team helped.", False),  # a new topic opens
    ("In 2025, 1,420 people received reablement.", "The council ran a reablement service.", False),  # no name to follow
    ("The council paid providers on time.", "The Three Towns Reablement Team helped.", False),  # not its work
])
def test_a_sentence_telling_of_the_work_a_named_team_does_refers_back_to_it(sentence, before, named):
    from rag.abstain import names_again, names_by_its_work

    assert names_by_its_work(sentence, before) is named
    assert names_again(sentence, before) is named


def test_a_lone_answer_to_a_how_question_takes_its_next_sentence_when_that_is_on_topic():
    weights = TermWeights([])
    p = passage("Risks to people waiting for assessments, reviews and home care were not well managed.|"
                "Teams kept separate lists of who was waiting.|Other news.")
    cs = candidates(p, [0.9, 0.4, 0.2], [[1, 0]] * 3)
    topical = frozenset({id(cs[1])})
    question = "What was wrong with how the council tracked people waiting?"
    out = with_continuations([cs[0]], cs, question, weights, 3, wants_detail=True, topical=topical)
    assert [c.sentence.text for c in out] == [cs[0].sentence.text, cs[1].sentence.text]
    assert len(with_continuations([cs[0]], cs, question, weights, 3, wants_detail=True)) == 1  # next is off topic
    assert len(with_continuations([cs[0]], cs, question, weights, 3, topical=topical)) == 1  # one fact asked
    assert len(with_continuations([cs[0], cs[2]], cs, question, weights, 3, wants_detail=True,
                                  topical=topical)) == 2  # an answer of its own already


def test_a_comparison_reads_the_figure_in_the_sentence_after_its_topic():
    from rag.compose import with_next

    p = passage("The DoLS backlog was very large.|At the time, 6,540 applications were waiting.|Staff were kind.")
    topic, figure, other = candidates(p, [0.8, 0.2, 0.1], [[1, 0]] * 3)
    assert [c.sentence.text for c in with_next([topic], [topic, figure, other])] == [topic.sentence.text,
                                                                                      figure.sentence.text]
    assert with_next([figure], [topic, figure, other])[-1] is other  # only what comes next
    assert len(with_next([topic, figure], [topic, figure, other])) == 3  # none twice


def test_councils_above_a_benchmark_include_those_whose_report_says_used_for_take_up():
    from rag.compose import _comparison
    from rag.config import Settings
    from rag.records import Query

    question = "Which councils had direct payments take-up above the England average?"
    query = Query(text=question, asked=question, comparative=True)
    vague = candidates(passage("People valued direct payments, and take-up was above the England average.", 1,
                               "Fenwick"), [0.84], [[1, 0]])
    used = candidates(passage("In 2023/24, 31.4% of people used a direct payment, above the England average.", 2,
                              "Kelby"), [0.58], [[1, 0]])
    below = candidates(passage("In 2023/24, 19.6% of people used a direct payment, below the England average.", 3,
                               "Marsh"), [0.57], [[1, 0]])
    filler = [passage(f"Direct payments were paid to {n} people.", 10 + n).chunk for n in range(6)]
    weights = TermWeights([c.passage.chunk for c in (*vague, *used, *below)] + filler)  # "take-up" is rare
    result = _comparison(query, [*vague, *used, *below], 0.84, weights, Settings())
    assert "Fenwick" in result.text and "Kelby" in result.text  # "used a direct payment" is the take-up
    assert "Marsh" not in result.text  # below it


def test_the_paragraph_after_each_top_passage_joins_them_last_once():
    from rag.compose import with_following

    found, response, other = passage("The review found gaps.", 0), passage("In response, it funded 2 posts.", 1), \
        passage("Partners were positive.", 5)
    chunks = {0: response.chunk, 5: None}
    after = with_following([found, other], lambda c: chunks.get(c.chunk_id), reach=2)
    assert [p.chunk.chunk_id for p in after] == [0, 5, 1] and after[-1].rank == 3
    assert [p.chunk.chunk_id for p in with_following([found, response], lambda c: chunks.get(c.chunk_id), 2)] == [0, 1]
    assert [p.chunk.chunk_id for p in with_following([other, found], lambda c: chunks.get(c.chunk_id), 1)] == [5, 0]


def test_across_paragraphs_the_next_one_s_opening_continues_a_finding_that_restates_the_question():
    weights = TermWeights([])
    finding, response = passage("Older Nepali people were under-represented.", 0), passage("The council appointed two link officers.", 1)
    response = Passage(Chunk(1, "d.txt", "Harrow", "Harrow", "Safeguarding", None, "statement", "Findings", 2,
                             finding.chunk.end + 2, finding.chunk.end + 2 + len(response.chunk.text),
                             response.chunk.text, (Sentence(finding.chunk.end + 2,
                                                            finding.chunk.end + 2 + len(response.chunk.text),
                                                            response.chunk.text),)), 0.0, 2)
    cs = candidates(finding, [0.9], [[1, 0]]) + candidates(response, [0.2], [[0, 1]])
    question = "What has Harrow done about older Nepali people being under-represented?"
    assert [c.sentence.text for c in with_continuations(cs[:1], cs, question, weights, 3, across=True)] == \
        [finding.chunk.text, response.chunk.text]
    assert [c.sentence.text for c in with_continuations(cs[:1], cs, question, weights, 3)] == [finding.chunk.text]


@pytest.mark.parametrize("text,tells", [
    ("It found gaps, and it funded 3 day services in response.", True),
    ("The council responded to feedback by commissioning easy read forms.", True),
    ("It found that older people were under-represented.", False),
])
def test_a_sentence_that_tells_the_response_itself(text, tells):
    from rag.compose import TELLS_RESPONSE
    assert bool(TELLS_RESPONSE.search(text)) is tells


def test_a_lone_answer_is_filled_in_by_the_next_sentence_holding_what_it_leaves_out():
    from rag.compose import fills_in
    from tests.helpers import candidate

    passage_text = ("A new case management system went live in April 2024. Data migration problems meant some "
                    "figures were checked by hand.")
    weights = TermWeights([candidate(passage_text).passage.chunk, candidate("Staff liked the new system.").passage.chunk])
    question = "What problems followed the introduction of Fenwick's new case management system?"
    seed = "A new case management system went live in April 2024."
    assert fills_in(seed, "Data migration problems meant some figures were checked by hand.", passage_text, question, weights)
    assert not fills_in(seed, "Staff liked the new system.", passage_text, question, weights)  # nothing left out


def test_an_answer_about_what_was_done_takes_a_deed_from_a_chosen_passage():
    from rag.compose import with_deed

    risk = passage("The backlog was a significant risk.|There were 1,146 applications waiting.|"
                   "The council had commissioned an external agency to complete 300 assessments.", 4)
    cs = candidates(risk, [0.9, 0.8, 0.3], [[1, 0]] * 3)
    assert with_deed(cs[:2], cs, 3)[-1] is cs[2]
    done = passage("The council had set up a triage team.|There were 300 applications waiting.", 5)
    ds = candidates(done, [0.9, 0.3], [[1, 0]] * 2)
    assert with_deed([ds[1]], [*ds, *cs], 3)[-1] is ds[0]  # of the chosen one's passage
    assert with_deed([ds[0]], ds, 3) == [ds[0]]  # a deed is already told


def test_an_answer_about_what_was_done_may_reach_a_deed_in_another_passage_of_its_council():
    from rag.compose import with_deed

    problem = candidates(passage("Day care places were hard to find in the hills.", 6), [0.8], [[1, 0]])
    built = candidates(passage("The council had agreed to open a day centre in Upper Vale.", 7), [0.55], [[0, 1]])
    elsewhere = candidates(passage("The council had agreed to open a day centre in Upper Vale.", 8, "Ealing"), [0.7],
                           [[0, 1]])
    faint = candidates(passage("The council had trained 12 drivers.", 9), [0.3], [[0, 1]])
    assert with_deed(problem, [*problem, *built], 3) == problem  # no reach: only the chosen passage's deeds
    assert with_deed(problem, [*problem, *built], 3, 0.6)[-1] is built[0]  # 0.55 >= 0.6 × 0.8
    assert with_deed(problem, [*problem, *elsewhere], 3, 0.6) == problem  # another council's deed
    assert with_deed(problem, [*problem, *faint], 3, 0.6) == problem  # too far below the first sentence


def test_a_top_figure_per_adult_is_not_compared_with_a_total():
    from dataclasses import replace

    from rag.compose import _comparison
    from rag.config import Settings
    from rag.records import Query
    from tests.helpers import candidate

    kelby = replace(candidate("Total adult social care spend in 2023/24: £563.2 million", council="Kelby"), relevance=0.9)
    fenwick = replace(candidate("Spend per adult: £652", council="Fenwick"), relevance=0.8)
    marsh = replace(candidate("Spend per adult: £438", council="Marsh"), relevance=0.8)
    question = "Which council has the highest adult social care spend per adult?"
    query = Query(text=question, asked=question, comparative=True)
    text = _comparison(query, [kelby, fenwick, marsh], 0.9, TermWeights([]), Settings()).text
    assert text.startswith("Fenwick:") and "Kelby" not in text and "Marsh" not in text


@pytest.mark.parametrize("sentence,question,expected", [
    ("There was no shared care record, so social workers could not see health records.",
     "When Fenwick social workers need to see medical records, how do they get them?", True),
    ("Social workers could see health records through the shared care record.",
     "When Fenwick social workers need to see medical records, how do they get them?", False),  # it tells how
    ("Social workers could not see health records.", "How many social workers could not see health records?",
     False),  # a count, not how it is done
])
def test_a_lone_answer_saying_only_what_cannot_be_done_is_followed_by_how_it_is_done(sentence, question, expected):
    from rag.compose import tells_only_what_cannot
    assert tells_only_what_cannot(sentence, question) is expected


def test_a_comparison_line_pointing_back_keeps_the_sentence_before_it():
    p = passage("The council spent £139.7 million on adult social care.|This was 44.2% of its total budget.|"
                "Spend per adult was £526.")
    spent, share, per_adult = candidates(p, [0.8, 0.9, 0.7], [[1, 0]] * 3)
    assert [s.text for _, s in with_antecedent(share)] == ["The council spent £139.7 million on adult social care.",
                                                          "This was 44.2% of its total budget."]
    assert [s.text for _, s in with_antecedent(per_adult)] == ["Spend per adult was £526."]  # it points nowhere
    assert [s.text for _, s in with_antecedent(spent)] == ["The council spent £139.7 million on adult social care."]
    backlog, longest = candidates(passage("There was a backlog of 690 applications.|The longest had been waiting for 26 "
                                          "months.", 1), [0.6, 0.3], [[1, 0]] * 2)
    assert [s.text for _, s in with_antecedent(longest)] == ["There was a backlog of 690 applications.",
                                                            "The longest had been waiting for 26 months."]
    assert [s.text for _, s in with_antecedent(backlog)] == ["There was a backlog of 690 applications."]


def test_a_lone_sentence_that_repeats_the_question_is_followed_by_the_best_one_on_its_topic():
    from rag.compose import with_substance

    weights = TermWeights([])
    question = "How are people involved through the Voices Panel?"
    repeat = candidates(passage("The council involved people well through the Voices Panel."), [0.9], [[1, 0]])[0]
    told, weaker = candidates(passage("The Voices Panel is involved in recruitment and training.|The Voices Panel met.", 1),
                              [0.7, 0.5], [[0, 1], [0, 1]])
    assert with_substance([repeat], [repeat, told, weaker], question, weights, 3) == [repeat, told]
    assert with_substance([repeat], [repeat], question, weights, 3) == [repeat]  # nothing else on the topic
    assert with_substance([repeat, weaker], [repeat, told], question, weights, 3) == [repeat, weaker]  # not lone
    other = candidates(passage("Residents help to recruit staff and train them.", 2), [0.8], [[0, 1]])[0]
    assert with_substance([other], [repeat, told, other], question, weights, 3) == [other]  # no repeat of the question


def test_a_sentence_pointing_back_follows_the_one_it_points_to_when_both_are_chosen():
    from rag.compose import antecedents_first

    p = passage("People receiving long-term support: 5,640|of whom aged 65 and over: 3,720|Unpaid carers: 2,870")
    whole, sub, carers = candidates(p, [0.5] * 3, [[1, 0]] * 3)
    assert antecedents_first([sub, carers, whole]) == [whole, sub, carers]
    assert antecedents_first([sub, carers]) == [sub, carers]  # the row it divides is not chosen
    assert antecedents_first([carers, whole]) == [carers, whole]  # nothing points back
    q = passage("The council spent £140 million.|This was 44% of its budget.")
    spent, share = candidates(q, [0.5] * 2, [[1, 0]] * 2)
    assert antecedents_first([share, spent]) == [spent, share]


def test_a_what_is_question_opens_with_the_sentence_saying_what_it_is():
    from rag.compose import definition_first
    from rag.records import Query

    p = passage("Concerns went to Care Connect Rutland the same day.|Most contact came through Care Connect Rutland, a "
                "team of nine staff.|Staff were kind.")
    used, defining, other = candidates(p, [0.8, 0.5, 0.4], [[1, 0]] * 3)
    asked = Query("What is Care Connect Rutland?", "q")
    assert definition_first(asked, [used, other], [used, defining, other], 3) == [defining, used, other]
    assert definition_first(asked, [used, other], [used, other], 3) == [used, other]  # none says what it is
    how = Query("How do people reach Care Connect Rutland?", "q")
    assert definition_first(how, [used, other], [used, defining, other], 3) == [used, other]


def test_a_question_naming_two_things_opens_with_the_sentence_naming_both():
    from rag.compose import every_name_first
    from rag.records import Query

    p = passage("The Community Connectors programme had been evaluated.|An evaluation by the University of Hull found "
                "that most people felt less lonely after joining Community Connectors.|Staff were kind.")
    one, both, other = candidates(p, [0.8, 0.5, 0.4], [[1, 0]] * 3)
    asked = Query("What did the University of Hull evaluation of Community Connectors find?", "q")
    assert every_name_first(asked, [one, other], [one, both, other], 3, 0.3) == [both, one, other]
    assert every_name_first(asked, [one, other], [one, both, other], 3, 0.6) == [one, other]  # not relevant enough
    single = Query("What did the Community Connectors evaluation find?", "q")
    assert every_name_first(single, [one, other], [one, both, other], 3, 0.3) == [one, other]  # one name only
    q = passage("Community Connectors began in 2021.|Its evaluation by the University of Hull found people felt less "
                "lonely.")
    began, found = candidates(q, [0.8, 0.5], [[1, 0]] * 2)
    assert every_name_first(asked, [began], [began, found], 3, 0.3) == [found, began]  # the passage names the other
    r = passage("The University of Hull trained 40 social workers.", 2)
    trained = candidates(r, [0.5], [[1, 0]])[0]
    assert every_name_first(asked, [began], [began, trained], 3, 0.3) == [began]  # nothing about Community Connectors


def test_a_sentence_naming_the_holder_of_the_role_asked_about_is_on_its_topic():
    from rag.abstain import holders_named
    from rag.records import Query

    p = passage("Adult social care underspent in 2023/24.|The Executive Director of Adults and Health, Sam Reid, led a "
                "stable senior team.|Staff were kind.")
    spend, holder, other = candidates(p, [0.6, 0.4, 0.2], [[1, 0]] * 3)
    who = Query("Who leads adult social care at Harrow?", "q", councils=("Harrow",), answer_type="holder")
    assert holders_named(who, [spend], [spend, holder, other], None) == [holder]
    what = Query("What does adult social care at Harrow spend?", "q", councils=("Harrow",), answer_type="number")
    assert holders_named(what, [spend], [spend, holder, other], None) == []


def test_the_answer_opens_with_the_sentence_saying_most_of_what_is_asked():
    from rag.compose import says_most_asked
    from rag.records import Query

    p = passage("Care homes raised about 800 safeguarding concerns in 2025/26.|The council received 2,860 safeguarding "
                "concerns in 2025/26.|Staff said the triage team received 3,000 calls.", label="Fenwick")
    raised, received, calls = candidates(p, [0.60, 0.56, 0.40], [[1, 0]] * 3)
    weights = TermWeights([p.chunk], ["Fenwick"])
    asked = "How many safeguarding concerns did Fenwick receive?"
    query = Query(text=asked, asked=asked, councils=("Fenwick",))
    assert says_most_asked([raised, received, calls], query, weights, margin=0.06) is received  # "receive"
    assert says_most_asked([raised, received], query, weights, margin=0.01) is raised  # too far below the best
    assert says_most_asked([raised, calls], query, weights, margin=0.06) is raised  # "calls" is too far below


def test_a_sentence_opening_with_the_name_asked_about_is_about_it():
    from rag.compose import opens_with_name

    names = ("Multiple Disadvantage Team",)
    assert opens_with_name("The council's Multiple Disadvantage Team worked with people who were homeless.", names)
    assert not opens_with_name("The councils shared learning on discharge, delays, reviews and the Multiple "
                               "Disadvantage Team.", names)
    assert not opens_with_name("The team worked with people who were homeless.", names)


def test_a_bound_takes_the_figure_of_what_is_asked_with_the_sentence_it_refers_back_to():
    from rag.compose import passes_bound
    from rag.thresholds import bound_of

    question = "Which councils had a median wait for a Care Act assessment of more than 50 days?"
    p = passage("In October, 1,290 people were waiting for a Care Act assessment.|The median wait was 67 days.|"
                "However, carers referred by the council waited a median of 35 days.")
    lead, median, carers = candidates(p, [0.52, 0.62, 0.66], [[1, 0]] * 3)
    assert passes_bound([median, carers], bound_of(question), question) is median  # not the carers' wait


def test_a_sentence_giving_the_bounded_figure_is_evidence_however_weakly_it_matches():
    from rag.compose import gives_bounded_figure
    from rag.thresholds import bound_of
    from tests.helpers import candidate

    question = "Which councils have a population of more than 500,000 people?"
    bound = bound_of(question)
    assert gives_bounded_figure(candidate("Approximately 681,200 people live in Cambridgeshire."), bound, question)
    assert not gives_bounded_figure(candidate("The population is expected to grow by 14% by 2036."), bound, question)
    assert not gives_bounded_figure(candidate("In 2024, 1,480 applications were waiting."), bound, question)


def test_nobody_waiting_is_the_figure_a_bound_on_those_waiting_takes():
    from rag.compose import passes_bound
    from rag.thresholds import bound_of

    question = "Which councils had fewer than 50 people waiting for home care?"
    p = passage("At the time of our assessment, nobody was waiting for home care.|Home care came from 2 main providers.")
    nobody, providers = candidates(p, [0.49, 0.33], [[1, 0]] * 2)
    assert passes_bound([providers, nobody], bound_of(question), question) is nobody


def test_a_councils_findings_are_quoted_before_its_overview_restating_them():
    from dataclasses import replace

    from rag.compose import findings_first

    front = passage("Waiting lists had fallen sharply, to 486 people.", 0)
    front = Passage(replace(front.chunk, page="overview"), 1.0, 1)
    summary = candidates(front, [0.9], [[1, 0]])[0]
    finding, detail = candidates(passage("In September 2026, 486 people were waiting.|Most waited a month.", 1),
                                 [0.8, 0.7], [[1, 0]] * 2)
    other = candidates(passage("Some 230 people were waiting.", 2, label="Ealing"), [0.85], [[1, 0]])[0]
    assert findings_first([summary, finding, detail]) == [finding, detail, summary]
    assert findings_first([summary, other]) == [summary, other]  # another council's finding stays in its place
    assert findings_first([summary, finding, detail], holding=[finding]) == [finding, summary, detail]  # only holders move
    assert findings_first([summary, finding], holding=[summary]) == [summary, finding]  # the summary gives what is asked


def test_a_longest_time_said_as_one_is_answered_before_a_bound():
    from rag.periods import periods

    p = passage("In March 2025 some people had waited over a year.|The longest wait was 58 weeks.|"
                "In 2023 the longest wait was 70 weeks.")
    cs = candidates(p, [0.9, 0.6, 0.5], [[1, 0]] * 3)
    question = "What was the longest wait in March 2025?"
    picked = stated_extreme_first(cs, question, periods(question))
    assert [c.sentence.text for c in picked] == ["The longest wait was 58 weeks."]  # not 2023's
    assert stated_extreme_first(cs[:1], question, periods(question)) == cs[:1]  # none says it: all kept
    assert stated_extreme_first(cs, "What was the median wait?", ()) == cs  # no longest asked


def test_a_sentence_denying_a_thing_asked_settles_a_yes_or_no_question():
    p = passage("There was no waiting list for advocacy.|The advocacy service was busy.|There was no backlog of complaints.")
    weights = TermWeights([p.chunk])
    asked = weights.content(weights.terms("is there a waiting list for an advocate"))
    said = [settles_by_denial(s.text, asked, weights) for s in p.chunk.sentences]
    assert said == [True, False, False]  # denied, not denied, another thing denied


def test_what_people_said_goes_on_with_more_of_what_they_said():
    from rag.records import Query

    p = passage("Carers told us they felt forgotten.|8,700 carers were known.|Carers said they did not know of assessments.")
    cs = candidates(p, [0.9, 0.85, 0.8], [[1, 0], [0, 1], [1, 1]])
    views = Query("What did carers tell inspectors about assessments?", "", answer_type="views")
    told = [cs[0], cs[2]]
    assert views_first(views, told, cs) == told
    assert views_first(views, [cs[0]], cs) == cs  # no other view: the answer goes on as it would
    assert views_first(Query("How many carers?", "", answer_type="number"), told, cs) == cs


def test_what_people_said_straight_after_the_topic_is_as_relevant_as_it():
    from dataclasses import replace

    from rag.compose import score_candidates
    from rag.config import Settings
    from rag.records import Query

    question = "What did members of the Kelby Voices Forum tell inspectors about how they are consulted?"
    p = passage("The Kelby Voices Forum met every two months and gave feedback on plans.|Members told us they were "
                "consulted late.|Members of staff worked in three teams.")
    weights = TermWeights([p.chunk])
    views = Query(text=question, asked=question, councils=("Kelby",), answer_type="views")
    vectors = [np.array(v, dtype=np.float32) for v in ([1, 0], [0, 1], [0, 1])]
    scored = score_candidates([p], [vectors], np.array([1, 0], dtype=np.float32), views, weights, Settings())
    assert scored[1].relevance >= scored[0].relevance  # what members said, after the forum's sentence
    assert scored[2].relevance < scored[0].relevance  # no one's view
    plain = score_candidates([p], [vectors], np.array([1, 0], dtype=np.float32), replace(views, answer_type="description"),
                             weights, Settings())
    assert plain[1].relevance < plain[0].relevance
