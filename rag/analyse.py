"""Question → :class:`Query`: councils named (indexed or not), quality statements, references to a
report by its score, what kind of answer is asked for, comparisons, and follow-up rewriting.

Every rule is a small function over the question's form (its wh-word, verbs, and the names it
contains), not a list of gold questions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from .answer_types import LIST_LENGTH, PLANNING, VIEW_VERBS, asks_assessment_date, without_address, written_out
from .councils import CouncilMatcher
from .framework import RATING_DESCRIPTIONS, fold, statements_in, without_statements
from .lay_terms import with_report_words
from .records import Filters, Query
from .terms import only_question_words
from .thresholds import NOT_A_LIST, bound_of, top_of

#: What an answer can be asked to contain (see :func:`answer_type`).
ANSWER_TYPES = ("rating", "overall", "number", "duration", "date", "person", "holder", "organisation", "name", "place", "yesno", "reason",
                "method", "views", "frequency", "description")

#: Terminal escape sequences, C0/C1 controls, lone surrogates (undecodable command-line bytes), bidi overrides.
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")

_COMPARATIVE = re.compile(
    r"\b(which (local )?(authorities|councils|las|boroughs|reports)|what (local )?(authorities|councils)|"
    r"compare|comparison|across (the )?(councils|authorities|reports)|(each|every) (council|authority)|"
    r"(each|every|all|any) of the ([\w-]+ )?(councils|authorities|reports)|all (the )?([\w-]+ )?(councils|authorities|reports)|"
    r"differ(ence|ent)? between|both|"
    r"which of (the|these|those|them)( [\w-]+)? (councils|authorities|reports|areas|boroughs|counties|places)|"
    r"how many (councils|authorities|reports(?! (?:of|about|on|to|from|received|made|raised)\b))|"  # not "reports of abuse"
    r"which (council|authority|local authority)\b|"
    r"(among|amongst|out of|across) (the|these|those|all)( [\w-]+)? (councils|authorities|boroughs|areas|counties|places))\b",
    re.IGNORECASE,
)
_EXTREME = re.compile(r"\b(lowest|highest|best|worst|top|bottom)\b(?: [\w-]+){0,4} (score|rating|rated|scored|percentage|"
                      r"marks?|grades?)\b|"
                      r"\b(scored|rated|did|score|scores|do|does) (lowest|highest|best|worst|higher|lower|better|worse)\b",
                      re.IGNORECASE)
#: Providers or services described by their own CQC ratings ("care homes rated requires improvement"): not the
#: council's rating.
_PROVIDERS_RATED = re.compile(r"\b(?:care homes?|homes?|providers?|services|agenc(?:y|ies)|schemes?|settings|locations|units?|"
                              r"centres?|hubs?)(?:\s+in\s+(?:[A-Z][\w'’-]*\s+){1,4}?)?\s*"
                              r"(?:that were\s+|which were\s+|were\s+)?(?:rated|judged|graded|ratings?|(?:got|get|received|"
                              r"were\s+given)\s+(?:the\s+)?(?:very\s+)?(?:top|highest|lowest|best|worst)\s+(?:marks?|grades?))\b|"
                              r"\bratings?\s+(?:of|for)\s+(?:the\s+|its\s+)?(?:care homes|homes|providers|services|"
                              r"agencies)\b", re.IGNORECASE)
_OTHER_SCORES = re.compile(r"\b(wellbeing|survey|satisfaction|credit|risk|complaints?|outcomes?|quality of life)\s+(?:scores?|ratings?)\b",
                           re.IGNORECASE)


def other_scores(question: str) -> bool:
    """Whether the question speaks of a score other than the assessment's ("wellbeing score", "outcomes score"), not
    counting a statement's own name ("equity in experience and outcomes score" is that statement's score)."""
    return bool(_OTHER_SCORES.search(without_statements(question)))


#: Who else gives ratings or scores ("the ombudsman", "carers in the survey", "providers' ratings"): a rating
#: they gave is not the one this assessment gave the council.
_RATERS = (r"(?:ombudsman|LGSCO|Healthwatch|Ofsted|surveys?|respondents|residents|carers|people|users|staff|providers|"
           r"care homes|care providers|home care agencies)")
#: A rating or score another rater gave ("What rating did the ombudsman give?", "scores given by carers"): a
#: figure is asked ("7 out of 10", "72% rated it good"); with their own ratings ("care homes' ratings"), not
#: this assessment's score.
_RATING_GIVEN = re.compile(
    rf"\b(?:rating|score|mark)s?\s+(?:did|does|do|had|have)\s+(?:the\s+|its\s+|their\s+)?{_RATERS}\s+(?:give|gave|award)|"
    rf"\b{_RATERS}\s+(?:gave|give|gives|awarded)\b[^?]{{0,40}}\b(?:rating|score|mark)s?\b|"
    rf"\b(?:rating|score|mark)s?\s+(?:given|awarded)\s+by\s+(?:the\s+)?{_RATERS}", re.IGNORECASE)
_OTHER_RATER = re.compile(rf"{_RATING_GIVEN.pattern}|\b{_RATERS}['’]s?\s+(?:\w+\s+)?(?:rating|score)s?\b", re.IGNORECASE)
#: "the council rated 2", "the authority that scored 'some shortfalls'", "reports with a score of 3".
_RATING_REF = re.compile(
    r"\b(?:rated|scored|scoring|score(?:d)? of|score|rating of|with a (?:score|rating) of|that got|which got|given|awarded|judged|"
    r"graded|assessed as|(?:get|gets|got|getting|receive|receives|received|achieve|achieves|achieved)(?= an? ))\s*"
    r"(?:a |an |as |to be |to show )?"
    r"['\"“‘]?(?P<n>[1-4]|(?:evidence shows )?(?:significant shortfalls|some shortfalls|a good standard|good standard|an exceptional standard|exceptional standard|exceptional))\b"
    r"(?![%.,]?\d|\s*(?:%|per ?cent|percent)|\s+(?:hours?|days?|weeks?|months?|years?|minutes?|times|people|per)\b)",
    re.IGNORECASE)  # "received a 2% uplift", "got 4 visits a week" are no scores
#: Questions that ask for a statement's score.
#: Words after "received" or "got" that ask which council had the most or fewest of something ("received the most
#: safeguarding concerns"): a count, not a score.
_MOST_OF = (r"(?:the )?(?:most|fewest|least|largest number|biggest number|greatest number|highest number|lowest number)\b"
           r"(?!\s+(?:[1-4]['’]?s\b|(?:high|low|top|good|best|worst)?\s*(?:scores?|ratings?|marks?)\b))")
_ASKS_RATING = re.compile(
    r"\b(what|which) ([\w-]+ )?(score|rating|grade|mark)\b|"
    r"\bhow (did|was|were|is|are|has) .{0,80}\b(scored?|rated|rating)\b|"
    r"\bwhat (did|was|is|were|are) .{0,80}\b(scores?|scored|ratings?|rated)\b(?! (say|about|do)\b)|"
    r"^\s*(and )?what (did|does|do) [\w'’ &-]{1,50} (get|got|receive|received)( for\b[^?]*)?\??\s*$|"
    r"\b(councils?|authorities|local authorities|reports?) (scored|were rated|was rated|rated|score)\b|"
    r"\b(?:got|get|gets|received|receive|was given|were given|achieved) (?:only |just )?(?:a|an) [1-4]\b(?!\s*(?:%|[.,]?\d))|"
    r"\b(councils?|authorities|local authorities|reports?) (?:only |just |all )?(got|received)\b(?!\s+(?:more|fewer|less|over|under|at least|"
    rf"about|around|[\d£]|{_MOST_OF}))|"  # "Which councils received more than 3,000 concerns?", "… the most concerns?" ask of a count
    r"\b(did|does|do) .{0,60}\bscore\b|'?s (score|rating)\b|\b(scored|rated|did) (higher|lower|better|worse)\b(?! than (?:the |an? )?(?:England|national|regional|London|"
    r"similar|comparator|target|average|benchmark)\b)|"  # "did better than the England average on …" asks of a figure
    r"\b(higher|lower|better|worse) (score|rating)\b|\b(score|rating) (for|on|in|of)\b|\b(lowest|highest|best|worst) (score|rating)\b|"
    # "got the very top mark", "did worst on in the cqc marks"
    r"\b(?:top|highest|lowest|best|worst|bottom) (?:mark|grade)s?\b|\bin (?:the |its |their )?(?:cqc |assessment )?(?:marks|grades)\b|"
    rf"\bwhich (one |of them |of these |of those )?(scored|was rated|were rated|got|received)\b(?!\s+(?:{_MOST_OF}))|"
    # keywords typed into a search box ("cornwall governance management and sustainability score")
    r"^(?!.*\b(?:what|which|how|who|whom|whose|why|when|where|did|does|do|is|are|was|were|has|have|had|can|could|"
    r"should|will|would)\b)[^?]{0,80}\b(?:scores?|ratings?)\b[^?]{0,40}\??\s*$",
    re.IGNORECASE)
_OVERALL = re.compile(r"\boverall ([\w-]+ ){0,3}(rating|score|grade|result|percentage)\b|\bpercentage score\b|"
                      r"\b(?:rating|score|grade)\b[^?]{0,60}\boverall\b|\brated ([\w-]+ ){0,3}overall\b|\boverall,? how\b|"
                      r"\b(?:scored?|scoring)\s+(?:more|less|higher|lower|above|below|over|under|at least)(?:\s+than)?\s+\d{1,3}\s*(?:%|per ?cent)|"
                      r"\bwhat\s+(?:%|per ?cent\b|percentage\b)\s*(?:did|does|was|is)\b[^?]{0,60}\b(?:get|got|score|scored|achieve|achieved|"
                      r"receive|received|awarded|given)\b|"  # "what % did Barnsley get overall"
                      r"\boverall rated\b|\b(rated|judged|graded|rating of)\s+(as\s+)?['\"“‘]?(outstanding|good|requires improvement|inadequate)\b",
                      re.IGNORECASE)
_NUMBER = re.compile(r"^\s*what (is|was|were|are)\b[^?]{0,80}\b(?:fund|funding|grant|allocation)s?"
                     r"(?:\s+(?:for|in)\s+[\w/ -]{2,20})?\s*\?\s*$|"
                     # the most or least of a sum: "What is the maximum grant a group can get?"
                     r"^\s*what (?:is|was) the (?:maximum|largest|biggest|highest|smallest|minimum|lowest) (?:[\w'’-]+ ){0,3}?"
                     r"(?:grant|payment|award|sum|amount|allowance|bursary|budget|fee|price)s?\b|"
                     r"^\s*what (is|was|were|are)\b[^?]{0,80}\b(rate|ratio|percentage|proportion|total|cost|budget|"
                     r"amount|figure|count|target|value|size|take-?up|uptake|turnover)s?\b(?! date)|\b(?:is|was|were|are) [^?]{1,80}\bworth(?:\s+(?:in|for|during|at|by|as of)\s+[\w/ -]{2,30})?\s*(?:\?|$)|^\s*(and )?what ([\w-]+ ){0,2}targets?\b(?! date)|"
                     r"\bhow (?:far|low|high) (?:had|has|did|have|was|were|is|are)\b[^?]{1,80}?\b(?:come down|fall(?:en)?|fell|"
                     r"drop(?:ped)?|reduced?|ris(?:e|en)|rose|g(?:o|one) (?:up|down)|increased?|grow(?:n)?)\b|"
                     r"\b(how many|how much|how (large|big|small)|what number|what (is|was|were) the number of|what percentage|percentage of|what proportion|"
                     r"proportion of|what share|what fraction|what (was|is) the (total|cost|budget|spend|rate|ratio))\b|"
                     r"\b(budget|spend|spent|cost|costs|population|overspend|underspend|deficit|precept)\b|"
                     r"^\s*(and )?(what|which|how much)\b[^?]{0,60}?\b(salary|salaries|fee|fees|wage|wages|price|prices|"
                     r"(hourly|weekly|daily|annual)( [\w-]+){0,3} (rate|fee|price|cost|pay))\b|"
                     r"^\s*what (is|was|were|are)\b[^?]{0,40}\b(average|median|mean)\b|\bin (weeks|days|months|hours)\b|"
                     # "What did Wigan pay home care providers an hour?", not "pay attention to" nor "what does it pay for?"
                     r"^\s*what (?:did|does|do|will|would)\b[^?]{1,80}?\bpay\b(?!\s+(?:attention|tribute|heed|a visit)\b)"
                     r"(?!\s+for\s*\??\s*$)|"
                     # "What did delayed discharges average per day?"
                     r"^\s*what (?:did|does|do|has|have|had)\b[^?]{1,80}?(?<!\bthe )(?<!\ban )(?<!\ba )(?<!\bits )\baverage"
                     r"(?=\s*(?:\?|$|(?:per|a|an|each|every|over|in|across|during|for|at)\b))|"
                     r"^\s*what (is|was|were|are)\s+(?:(?!\b(?:about|done|behind|impact|effects?|results?|response|plans?|approach|"
                     r"reasons?|causes?)\b)[^?]){0,80}\bbacklogs?\b|"  # "what was its DoLS backlog", not "… done about it"
                     # keywords typed into a search box, ending with a measure ("wolverhampton home care hourly rate 2023/24")
                     r"^(?!.*\b(?:what|which|how|who|whom|whose|why|when|where|did|does|do|is|are|was|were|has|have|had|can|"
                     r"could|should|will|would)\b)[^?]{0,80}\b(?:rate|ratio|percentage|proportion|total|cost|budget|amount|"
                     r"figure|count|number|uptake|take-?up|turnover|spend)s?(?:\s+(?:in\s+|for\s+)?[\d/ -]{4,12})?\s*\??\s*$|"
                     # or starting with one ("size of the DoLS backlog at BCP")
                     r"^(?!.*\b(?:what|which|how|who|whom|whose|why|when|where|did|does|do|is|are|was|were|has|have|had|can|"
                     r"could|should|will|would)\b)\s*(?:the\s+)?(?:size|number|total|count|amount|length)\s+of\b",
                     re.IGNORECASE)
_DATE = re.compile(r"^\s*(and )?when (is|was|were|are|did|does|do|will|would|has|have|had|can|could)\b|"
                   r"^\s*(and )?when (in|during) [\w/ -]{2,20}? (is|was|were|did|does|will|has|had)\b|"  # "when in 2024 did …"
                   r"\b(what years?|which years?|what dates?|since when|how long ago|what months?|which months?|in what year|"
                   r"by when|what time of year|what times?|opening (hours|times))\b", re.IGNORECASE)
#: Asks who holds a role, by name ("Who is the director of adult social services in Harrow?"); "who
#: leads the review?" is answered by a role as well, so it asks for a description.
_ROLES = (r"(director|manager|chair|chairs|chairperson|lead|leader|head|officer|member|members|worker|social worker|"
          r"councillor|chief|executive|principal|coordinator|commissioner|barrister|solicitor|lawyer|doctor|nurse|"
          r"therapist|inspector|trainer|speaker|consultant|advocate|person|individual)")
_PERSON = re.compile(r"^\s*(and )?who (is|was|are|were) (the|their|its|his|her)\b|\bwho('s| is) in charge\b|"
                     r"^\s*(and )?who (?:(?:has|had|have) been|is|was|were) (?:newly |recently )?(?:appointed|named|recruited|"
                     r"hired|chosen|selected|elected)\b|"  # "Who has been appointed as the permanent director?"
                     rf"^\s*(and )?who (is|was|are|were) [\w'’ -]{{1,40}}(?:['’]s|s['’]) ([\w-]+ ){{0,4}}{_ROLES}\b|"
                     rf"\bwhat (is|was|are|were) the names? of\b.{{0,60}}\b{_ROLES}\b|"
                     r"\bwhat (is|was) (his|her) name\b|"
                     rf"\bwhat (is|was) (the|their|its) ([\w-]+ ){{0,3}}{_ROLES}['’]s names?\b|"  # "what is the director's name?"
                     r"^\s*(and )?which (?:local |senior |named )?(councillor|cabinet member|lead member|officer|director|"
                     r"manager|person|member of staff|social worker|GP|doctor|nurse|clinician)\b(?!['’]s|\s+(?:practices?|"
                     r"surger(?:y|ies)|federations?|networks?|clusters?|services?|teams?|led|posts?|roles?|jobs?)\b)",
                     re.IGNORECASE)
_ORG_NOUNS = (r"(organisation|organization|charity|charities|provider|company|companies|agency|agencies|firm|body|"
              r"trust|university|universities|consultancy|contractor|supplier|association|partner organisation|"
              r"developer|operator|business|college|colleges|school|schools|hospice|hospices|club|church|churches|"
              r"mosque|pharmacy|pharmacies|supermarket|employer|housing association)")
_NOT_AUX = r"(?!(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would)\b)"
#: A verb in the past tense straight after "what" (not "which": "which supported living provider") makes the noun
#: after it the one something happened to ("What frustrated care companies …?"), not the thing asked for.
_NOT_VERB = r"(?![a-z]+ed\b)"
_ORGANISATION = re.compile(rf"\b(which\s+|what\s+{_NOT_VERB})(\s*{_NOT_AUX}[\w'’+&-]+\s+){{0,3}}{_ORG_NOUNS}s?\b|"  # "LGBTQ+"
                           rf"^\s*(?:please\s+)?name\s+(?:the|a|an|any)\s+(?:[\w'’+&-]+\s+){{0,2}}?{_ORG_NOUNS}s?\b|"  # "Name the
                           # university that partners it": the imperative asks the same
                           r"^\s*(?:and\s+)?who\s+(?:did|does|do)\s+(?:[\w'’&-]+\s+){1,4}?(?:commission|contract|use|appoint|fund|pay|"
                           r"bring in|employ)\s+(?:[\w'’-]+\s+){0,2}?to\b|"  # "Who did Wokingham use to assess carers?": a body
                           r"\b(which|what)\s+(?!local\b)[\w-]+\s+(council|authority)\b(?!s)|"
                           r"\bwhich (neighbouring|other|nearby|partner|surrounding)( [\w-]+)? (boroughs?|councils?|authorit(?:y|ies))\b|"
                           r"^\s*(?:and\s+)?which\s+(?:[\w-]+\s+){0,2}?partners?\b|"  # "Which partner is it working with …?"
                           r"^\s*(?:and\s+)?which (borough|council|authority) (runs|ran|provides|provided|operates|operated|manages|"
                           r"managed|hosts|hosted|delivers|delivered|commissions|commissioned|leads|led|chairs|chaired|"
                           r"conducts|conducted|carries out|carried out)\b",  # "Which council led the peer challenge?"
                           re.IGNORECASE)
#: "What is the name of the portal?": a name the question does not give.
_NAME = re.compile(r"\bwhat (is|was|are|were) the names? of\b|\bwhat is .{0,40} called\b|\bwhat (was|is) it called\b|"
                   r"^\s*(and )?what (is|was|are|were) [^?]{1,160}\bcalled\s*\??\s*$",
                   re.IGNORECASE)
#: Asks which of a number of things ("Which three district areas received extra staff?", "Which two areas will the
#: model be extended to?"): their names, which the number alone does not give.
_WHICH_NUMBERED = re.compile(r"^\s*(?:and\s+)?which\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                             r"(?:[\w'’-]+\s+){0,3}?[\w'’-]+s\b", re.IGNORECASE)
#: Asks which of some places are meant ("Which care homes does the council use for step-down beds?", "Which two
#: of its hubs are …", "Which district had the longest waits?"): their names, which a count ("two care homes")
#: or "some districts" does not give; not a thing the places only frame ("What innovation *in care homes* did it lead?").
_WHICH_PLACES = re.compile(r"^\s*(?:and\s+)?(?:which|what)\s+(?:(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                           r"(?:of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w'’ -]*?['’]s?\s+)?)?)?"
                           r"(?:(?!(?:percentage|proportion|share|number|kinds?|types?|sorts?|many|much|did|does|do|is|are|was|"
                           r"were|has|have|had|will|would|can|could|in|at|on|for|from|with|by|about)\b)[\w'’-]+\s+){0,3}?"
                           r"(?:homes?|hospitals?|boroughs?|towns?|villages?|wards?|districts?|hubs?|centres?|centers?|librar(?:y|ies)|estates?|"
                           r"localit(?:y|ies)|neighbourhoods?|count(?:y|ies)|cit(?:y|ies)|regions?|branch(?:es)?|sites?|venues?)\s+"
                           r"(?:(?:in|of|on|across|within|near)\s+[^?,]{1,50}?\s+)?"
                           r"(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|took|ran|got|[a-z]+ed|"
                           r"set|put|made|led|built|began|became|kept|won|saw|went|came|held|paid|sent|spent|found|gave|met|"
                           r"hosts?|provides?|offers?|runs?|holds?|houses?|serves?|uses?|delivers?|supports?|remains?)\b",
                           re.IGNORECASE)
#: "In which …" with up to two words before the kind of place ("in which Bury towns").
_IN_WHICH = r"\b(in|on|at|from) which (?:[\w'’-]+\s+){0,2}?"
#: Asks where: not "Where is uptake lowest among the four councils?", which asks which council.
_PLACE = re.compile(r"^\s*(and )?(where|whereabouts)\b(?! and (how|why|what|when)\b)(?![^?]*\b(?:among|amongst|out of) (?:the|these|"
                    r"those|all)(?: [\w-]+)? (?:councils|authorities|boroughs|areas|counties|places)\b)|\bwhat (location|address|venue)\b|"
                    rf"{_IN_WHICH}(parts? of (?:the )?(?:borough|county|city|area|district|"
                    r"region|(?-i:[A-Z])\w*)|areas?|locations?|places?|address|addresses)\b|"
                    r"^\s*(?:in|across|for|within) [\w'’ -]{1,40}?,\s*where\b|"  # "In Shropshire, where do people wait longer?"
                    r"\bwhich (?:[\w'’-]+\s+){0,2}?(?:buildings?|offices?|premises|bases?|sites?)\b[^?]{0,60}?\b(?:out of|"
                    r"based|located|housed|run from|works? from|operates? from)\b",  # "Which office does the team work out of?"
                    re.IGNORECASE)
#: Asks in which of the country's parts a place lies ("Which region of England is Sandwell in?"): where, not a name.
_REGION = re.compile(r"\b(?:what|which) (?:region|part of (?:England|the country|the UK))\b", re.IGNORECASE)
#: Asks in which of some named places something is ("In which wards did Fenwick pilot it?", "On which street is the
#: scheme?"): their names; "in 2 wards in the west of the city" does not say which (while "in the north of the
#: borough" does say in which part).
_IN_WHICH_PLACE = re.compile(rf"{_IN_WHICH}(towns?|city|cities|districts?|neighbourhoods?|"
                             r"localities|locality|buildings?|wards?|streets?|roads?|venues?|sites?|villages?|island|"
                             r"hospitals?|centres?|centers?|boroughs?|librar(?:y|ies))\b", re.IGNORECASE)
#: Asks how often something happens ("How often does the board meet?"): a frequency, or a share of the times.
_FREQUENCY = re.compile(r"(^|[,;:]\s*)(and )?how (often|frequently)\b|\bhow many times (a|per|each) (day|week|month|year)\b",
                        re.IGNORECASE)
#: Asks where people get help ("Where do new social workers turn for support?"): from whom or what, not a place.
_SOURCE_OF_HELP = re.compile(r"^\s*(and )?where (do|does|did|can|could|should|would) [\w'’ -]{1,60}?\b(turn|go|look|get|find|"
                             r"seek)( to)?( for)? ([\w-]+ ){0,2}(help|support|advice|information|guidance)\b", re.IGNORECASE)
#: Asks where money came from ("Where did the savings come from?", "where did Fenwick find the money it saved?"): its
#: source, told in words, not a place nor a sum.
_SOURCE_OF_MONEY = re.compile(r"^\s*(?:and )?where (?:did|does|do|will|would|is|was|are|were|has|have|had)\b[^?]{0,80}?"
                              r"\b(?:money|savings?|funding|funds|cash)\b[^?]{0,60}?\b(?:come|came|coming|comes) from\b|"
                              r"^\s*(?:and )?where (?:did|does|do|will|would|could|has|have|had) [\w'’ -]{1,40}?\b(?:find|get|"
                              r"make|found|got|made) (?:the |its |their |all )?(?:money|savings?|funding|funds|cash)\b",
                              re.IGNORECASE)
#: Asks how far something has come ("Where has Fenwick got to with co-production?", "Where do things stand with
#: …?"): a description of progress, not a place.
_PROGRESS = re.compile(r"^\s*(and )?where (?:has|have|had|is|are|was|were|do|does|did)\b[^?]{0,80}?\b(?:got to|got up to|"
                       r"stand|stands|standing|up to|at with)\b", re.IGNORECASE)
#: Asks how something is done ("How does the council protect its budget …?"), which no figure answers.
_MANNER = re.compile(r"^\s*(and )?how (do|does|did|can|could|will|would|should|is|are|was|were|has|have|had)\b", re.IGNORECASE)
#: Words before a group of people that leave it that group ("*the* people", "*unpaid* carers").
_GROUP_WORD = r"(?:the |its |their |local |unpaid |family |older |young |disabled )?"
#: Asks by what means someone other than the people served does something ("How does Liverpool keep track of people
#: while they wait?", "How did Cornwall bring down unmet hours?"): what was done answers it, not a statement of the
#: problem. How people felt, found or described something is not asked of a method.
_METHOD = re.compile(r"^\s*(and )?how (do|does|did|can|could|will|would|has|have|had)\s+(?!" + _GROUP_WORD +
                     r"(?:people|carers|families|residents|providers|partners|users|councillors|staff|workers|social workers|"
                     r"inspectors)\b)(?![\w'’-]+(?:\s+[\w'’-]+){0,3}?\s+(?:feel|describe|find|"
                     r"rate|view|say|think|compare|perform|score|fare|experience|see|rank|look|do|get on|measure up|stand|"
                     r"differ|affect|impact|influence|change|happen)\b)", re.IGNORECASE)
#: Asks what someone is working at ("How is Medway trying to make home care easier to arrange?", "How was Leeds
#: tackling its waiting list?"): what is being done answers it, as for :data:`_METHOD`.
_EFFORT = re.compile(r"^\s*(and )?how (?:is|are|was|were|has|have|had been) (?!" + _GROUP_WORD +
                     r"(?:people|carers|families|residents|users)\b)[\w'’ ,-]{1,60}? (?:(?:trying|working|"
                     r"planning|seeking|aiming|attempting|looking|striving) to|tackling|addressing|improving|reducing|"
                     r"cutting|dealing with|responding to|fixing|handling)\b", re.IGNORECASE)
#: Asks what was done about something ("What has West Sussex done about rural home care?", "What action had Croydon
#: taken to deal with its backlog?", "What is Wirral doing about hospital discharge?"): a method question too.
_DEEDS_ASKED = re.compile(r"^\s*(and )?what (?:(?:action|actions|steps|measures|work) (?:is|are|was|were) |(?:(?:action|actions|"
                          r"steps|measures|work) )?(?:has|have|had|did|does|do) )[\w'’ ,-]{1,60}? (?:done|do|doing|take|taken|"
                          r"taking|put in place)\b(?! (?:well|badly)\b)|"
                          r"^\s*(and )?what (?:is|are|was|were) [\w'’ ,-]{1,60}? doing\b(?! (?:well|badly)\b)|"
                          # what is planned ("What is Hull planning to do about home care?")
                          rf"^\s*(and )?what (?:is|are|was|were|does|do|did|has|have|had) [\w'’ ,-]{{1,60}}? {PLANNING} to do\b",
                          re.IGNORECASE)
#: Asks what a group said or thought ("What did parents in Durham say about planning for adulthood?", "How did carers
#: describe the hub?"): a sentence giving their words answers it, not the finding about the topic.
_SPEAKERS = (r"(?:[\w'’,-]+ ){0,5}?(?:people|parents|families|carers|staff|providers|partners|residents|users|workers|leaders|"
             r"councillors|groups|organisations|professionals|practitioners|managers|members|volunteers|relatives|"
             r"young people|advocates)(?: [\w'’,-]+){0,5}?")
_VIEWS = re.compile(rf"^\s*(and )?(?:what|how) (?:did|do|does|have|has|had) {_SPEAKERS} {VIEW_VERBS}\b", re.IGNORECASE)
#: "Who" as the object of a preposition the question ends on ("Who was the Ask Early campaign aimed at?", "Who does
#: the team work with?"): whom something serves or works with, a group described rather than a person named.
_WHOM = re.compile(r"^\s*(?:and )?whom?\s+(?:is|was|are|were|does|do|did|has|have|had|will|can)\s[^?]{3,120}?\s"
                   r"(?:at|for|to|with|from)\s*\??\s*$", re.IGNORECASE)
#: Asks who does something ("Who chairs the board?", "Who leads the healthcheck?"): a name or a role.
_HOLDER = re.compile(r"^\s*(and )?who (co-)?(chairs|heads|leads|runs|manages|oversees|co-?ordinates|led|chaired|headed|ran|"
                     r"managed|oversaw|is responsible for|was responsible for|is accountable for)\b|"
                     r"^\s*(and )?who (holds|held|fills|filled) (the|this|that|its|their|a) ([\w'’-]+ ){0,6}?(post|role|job|"
                     r"position|office|seat|portfolio)\b|"  # "Who holds the joint director post?"
                     # the same asked of what is to come: "Who will run the new dementia support service?"
                     r"^\s*(and )?who (?:will|would|is going to|are going to|is to|is due to|was to) (co-)?(chair|head|lead|run|"
                     r"manage|oversee|co-?ordinate|be responsible for)\b", re.IGNORECASE)
#: Asks how long something takes or took ("how long did people wait", "how quickly are concerns triaged").
_DURATION = re.compile(r"(^|[,;:]\s*)(and |so |typically |usually )?how (long|quickly|soon|fast)\b(?! ago\b)|"
                       r"(^|[,;:]\s*)(and )?how much (time|longer|sooner|quicker)\b|"
                       r"\b(average|median|mean|longest|shortest|typical|usual|worst) (?:\([\w ]{1,20}\) )?"  # "typical (median)"
                       r"(wait|waiting time|delay|length of stay)\b(?! list)|"
                       rf"\b(longest|shortest)\b{NOT_A_LIST}.{{0,60}}?\b(waited|waiting|had to wait)\b|"
                       r"\b(longest|shortest|maximum|minimum) (time|wait|waiting time|delay|period)\b|"
                       r"\bwithin what (time|period)\b|\bwhat (?:is|was|are|were) the (?:[\w-]+ )?(?:waiting|wait) times?\b",
                       re.IGNORECASE)
#: Asks a usual time that no other form of the question reads ("what was the average time they had waited?"): how
#: long, read after the forms asking for a figure ("the median time taken" is read with them).
_USUAL_TIME = re.compile(r"\b(average|mean|median|typical|usual) (?:\([\w ]{1,20}\) )?time\b", re.IGNORECASE)
_REASON = re.compile(r"^\s*why\b|\bwhat (was|is|were|are) the (reasons?|causes?)\b|\bhow come\b|\bfor what reason\b|"
                     r"^\s*(?:and )?what (?:reasons?|explanations?|causes?) (?:did|do|does|had|have|has)\b|"  # "… did leaders give"
                     r"^\s*(and )?how (do|does|did) [\w' ’-]{1,60}? (explain|account for|justify)\b"
                     r"(?![^?]{0,80}\bto (people|residents|carers|families|them|the public|users)\b)|"  # not to inform them
                     r"^\s*what (caused|causes|pushed|pushes|tipped|tips|forced|made(?! up)|makes(?! up)|led to|leads to|lay behind|lies behind|was behind|is behind|drove|drives|prompted|"
                     r"prompts|triggered|triggers|sparked|motivated)\b|"
                     r"^\s*(?:and )?what(?:'s|’s| is| was| were| are| has been| had been) (?:mainly |mostly )?(?:driving|pushing|"
                     r"causing|fuelling|fueling)\b(?!\s+for\b)|"  # "what's pushing its spending over budget?", not "pushing for"
                     r"^\s*what (?:[\w-]+ ){0,2}?(?:held|holds|kept|keeps|pulled|pulls|dragged|drags|brought|brings) "
                     r"(?:[\w'’ ]{1,40} )?(?:back|down)\b",
                     re.IGNORECASE)
#: Asks first what a thing is, then more about it ("What is the Digital Front Door and how much had it been
#: used?"): the description answers it, and its next sentence the rest. A name asked first ("What was the name of
#: the home that closed, and where was it?") is a name.
_WHAT_IS_AND = re.compile(r"^\s*what (?:is|are|was|were) (?!the names? of\b)[^?]{2,80}? and (?:how|what|when|who|where|which)\b",
                          re.IGNORECASE)
#: What may open a question before its verb: when it is asked of ("After the pilot with 120 staff, was …").
ASKED_AFTER = r"^\s*(?:(?:after|following|once|since)\s+[^,?]{1,120},\s*)?"
_YESNO = re.compile(rf"{ASKED_AFTER}(is|are|was|were|do|does|did|has|have|had|can|could|should|will|would)\b", re.IGNORECASE)
#: A follow-up that only swaps the council: "and Ealing?", "what about Harrow?", "how about in Telford?".
_SWAP = re.compile(r"^\s*(and|what about|how about|and what about|and how about|same for|what of)\b(?: (for|in|at))?\s*",
                   re.IGNORECASE)
#: A follow-up that leans on the previous question's council: "what about their carers?", "did they …".
_REFERS_BACK = re.compile(r"\b(they|their|them|it|its|there|that council|the council|this council|that authority|"
                          r"the same council)\b", re.IGNORECASE)
#: Words that say a question is about the statement's standard text.
_STANDARD_TEXT = re.compile(r"\b(commitment|what people expect|i statements?|we statements?|people expect)\b", re.IGNORECASE)
_DESCRIPTIONS = {fold(text): n for n, text in RATING_DESCRIPTIONS.items()}


def clean_question(question: str, max_chars: int) -> tuple[str, list[str]]:
    """Strip control characters and over-long input; returns the text and notices for the user."""
    notices: list[str] = []
    head = question[: 4 * max_chars]  # cleaning no more than this bounds the time taken by huge input
    text = _CONTROL.sub(" ", head)
    if text != head:
        notices.append("Control characters were removed from the question.")
    cleaned = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    if len(cleaned) > max_chars or len(head) < len(question):
        cleaned = cleaned[:max_chars].rsplit(" ", 1)[0] or cleaned[:max_chars]
        notices.append(f"The question was longer than {max_chars} characters and was shortened to its first "
                       f"{len(cleaned)}.")
    return cleaned, notices


def rating_of_words(words: str) -> int | None:
    """The score a reference names: "2", "some shortfalls", "a good standard" → 1-4."""
    if words.strip().isdigit():
        return int(words)
    key = fold(words)
    for description, n in _DESCRIPTIONS.items():
        if key and (key in description or description.endswith(key.removeprefix("evidence shows "))):
            return n
    return None


#: A score named by its description before "score" ("an exceptional score", "a good standard rating").
_WORDED_RATING_REF = re.compile(r"\b(?P<n>significant shortfalls|some shortfalls|(?:a )?good standard|exceptional(?: standard)?)\s+"
                                r"(?:score|rating)\b|\b(?:have|has|had|having|show|shows|showed|showing|achieve|achieved|with|at)\s+(?:an?\s+)?"
                                r"(?P<n2>exceptional standard|good standard|significant shortfalls|some shortfalls)\b", re.IGNORECASE)


#: A score and the side of it also asked for ("a score of 2 *or lower*", "3 *or above*"), or another score ("2 *or 3*").
_OR_BEYOND = re.compile(r"\s*(?:or|and|,)\s+(?:(?P<down>lower|less|below|under|worse)|(?:higher|more|above|over|better)|"
                        r"(?P<other>[1-4])(?![\d%.,]))\b", re.IGNORECASE)


def rating_references(question: str) -> tuple[int, ...]:
    """Scores the question uses to pick reports ("the council rated 2", "those that scored 4", "an
    exceptional score"), with those past one it opens ("a score of 2 or lower" is 2 and 1) or joins ("2 or 3")."""
    out = []
    for m in [*_RATING_REF.finditer(question), *_WORDED_RATING_REF.finditer(question)]:
        n = rating_of_words(m.group("n") or m.group("n2"))
        beyond = _OR_BEYOND.match(question, m.end()) if n is not None else None
        side = (() if beyond is None else (int(beyond.group("other")),) if beyond.group("other")
                else range(n - 1, 0, -1) if beyond.group("down") else range(n + 1, 5))
        out.extend(r for r in (n, *side) if r is not None and r not in out)
    return tuple(out)


def asks_for_rating(question: str) -> bool:
    """Whether the question asks what score a report got. A question that states a score ("the
    council rated 2", "The report scored 2: what training …") uses it to pick reports and asks
    something else, unless it asks which reports have that score ("Which councils scored 4?")."""
    if other_scores(question) or _OTHER_RATER.search(question) or _PROVIDERS_RATED.search(question):
        return False  # "How did the 84% of services rated good compare …" asks of providers' ratings
    if rating_references(question) and _picks_by_rating(question):
        return True  # "Which of the councils was judged to have an exceptional standard?"
    if not _ASKS_RATING.search(question):
        return False
    return not rating_references(question) or _picks_by_rating(question)


#: A question counting things other than reports ("How many care homes were rated good?", "What proportion
#: of care homes had a good rating?"): a figure, even when a rating word follows.
_COUNTS_THINGS = re.compile(r"(^|[:;,]\s*|^\s*(?:in|for|at|across) [\w'’ -]{1,40}? )(and )?(how many|what (proportion|percentage|per ?cent|%|share|fraction|number) of)\s+(?!(of )?(the |these |those |its |their |"
                            r"[\w'’ ]{1,30}['’]s? )?"
                            r"(councils?|authorities|local authorities|las|boroughs|reports?|statements?|quality statements?|"
                            r"areas?|themes?)\b)", re.IGNORECASE)


def answer_type(question: str) -> str:
    """What the answer must contain, from the question's form (one of :data:`ANSWER_TYPES`), read after any
    council's name set before it and with its form written out (:func:`rag.answer_types.written_out`)."""
    question = written_out(without_address(question))
    if _REASON.match(question):
        return "reason"  # "Why did Portsmouth score only 2 …?" asks for the findings behind the score
    if _WHAT_IS_AND.match(question):
        return "description"  # "What is X's Digital Front Door and how much was it used?" asks what it is first
    if (_COUNTS_THINGS.search(question) and not other_scores(question)) or _RATING_GIVEN.search(question) \
            or LIST_LENGTH.search(question):
        return "number"  # "What rating did carers give the service?" asks for their figure, not a report's score
    if _YESNO.match(question) and (bound := bound_of(question)) is not None and bound.unit in ("money", "count", "percent"):
        return "number"  # "Does it pay carers more than £400 a week?": the figure says whether it does
    if _OVERALL.search(question) and not other_scores(question) and not _PROVIDERS_RATED.search(question):
        return "overall"
    if asks_for_rating(question):
        return "rating"
    if _VIEWS.match(question):
        return "views"  # "What did parents say about planning?" asks for their words
    if _METHOD.match(question) or _DEEDS_ASKED.match(question) or _EFFORT.match(question):
        return "method"  # "How does Liverpool keep track of people while they wait?" asks what it does
    if _FREQUENCY.search(question):
        return "frequency"  # "How often does the board meet?" asks for how often, or a share of the times
    if _MANNER.match(question) or _SOURCE_OF_HELP.match(question) or _PROGRESS.match(question) \
            or _SOURCE_OF_MONEY.match(question):
        return "description"  # "How does it protect its small budget …?" asks how, not how much
    if _WHOM.match(question):
        return "description"  # "Who was the campaign aimed at?" asks whom it serves, not someone's name
    for kind, pattern in (("place", _REGION), ("person", _PERSON), ("holder", _HOLDER), ("organisation", _ORGANISATION), ("name", _NAME),
                          ("name", _WHICH_PLACES), ("name", _IN_WHICH_PLACE), ("name", _WHICH_NUMBERED),
                          ("duration", _DURATION), ("date", _DATE), ("number", _NUMBER), ("duration", _USUAL_TIME),
                          ("place", _PLACE), ("reason", _REASON), ("yesno", _YESNO)):
        if pattern.search(question):
            return "yesno" if kind == "number" and whether_of_money(question) else kind
    return "description"


#: What asks for a figure in a question put as yes or no: a figure or bound of its own, or a question word.
_FIGURE_IN_QUESTION = re.compile(r"[\d£%]|\b(?:how|what|which|more|less|fewer|over|under|above|below)\b", re.IGNORECASE)


def whether_of_money(question: str) -> bool:
    """Whether a yes-or-no question speaks of money without asking for a figure ("Did the council keep spending
    within its budget?"): whether it did, not how much."""
    return bool(_YESNO.match(question)) and not _FIGURE_IN_QUESTION.search(question)


#: One other council asked for by one council's question ("Which neighbouring borough did it compare with?"): a partner
#: to be named, not a comparison of councils.
_ONE_OTHER_BODY = re.compile(r"\bwhich (?:neighbouring|other|nearby|partner|surrounding)(?: [\w-]+)? "
                             r"(?:borough|council|authority|county)\b(?!['’]?s)", re.IGNORECASE)


#: One council asked for by a question about another it names, with nothing to compare them by ("Which council hosts
#: the team that covers Halton?"): a body to be named. "Which council had more complaints than Harrow?" compares.
_WHICH_COUNCIL = re.compile(r"^\s*(?:and\s+)?which (?:council|authority|local authority|borough)\b(?!s)", re.IGNORECASE)
_COMPARING = re.compile(r"\b(?:than|more|most|less|least|fewer|fewest|higher|highest|lower|lowest|better|best|worse|worst|"
                        r"also|too|as well|same|similar|like|apart from|besides|except|both|either|only)\b", re.IGNORECASE)


#: A council asked for by the kind of area it serves ("Which borough spends the most per adult?"), when the question
#: names none: not a part of an area ("which area of practice").
_WHICH_AREA = re.compile(r"^\s*(?:and\s+)?which (?:borough|county|city|area)\b(?!\s+(?:of|in|within)\b)", re.IGNORECASE)


#: A question asking where something is (not "where did X go"), read as which of the councils when it names none and
#: sets a bound or asks for the top of a figure ("Where has anyone waited more than a year?").
_WHERE = re.compile(r"^\s*(?:and\s+)?where\b", re.IGNORECASE)


def is_comparative(question: str, councils_named: int) -> bool:
    """Comparisons ask about several councils ("which councils …", "compare …") or name two or more; places of
    the one council named ("in which boroughs …") are not councils; with none named, "which borough …" asks
    which of the councils, as does "where …" with a bound or a top ("where has anyone waited more than a year")."""
    if councils_named == 1 and _IN_WHICH_PLACE.search(question):
        return False  # "In which boroughs were Barking and Dagenham's residents placed?" asks for one council's places
    if councils_named == 1 and (_ONE_OTHER_BODY.search(question)
                                or _WHICH_COUNCIL.search(question) and not _COMPARING.search(question)):
        return False  # "Which neighbouring borough did Havering work with?" asks for one partner's name
    return bool(_COMPARATIVE.search(question)) or councils_named >= 2 or councils_named == 0 and (
        bool(_WHICH_AREA.search(question))
        or bool(_WHERE.search(question)) and (bound_of(question) is not None or top_of(question) is not None))


def extreme_of(question: str) -> str | None:
    """"lowest" or "highest" for a question about the best or worst score, else None."""
    m = _EXTREME.search(question)
    if not m:
        return None
    word = (m.group(1) or m.group(4) or "").lower()
    return "lowest" if word in ("lowest", "worst", "bottom", "lower", "worse") else "highest"


#: The assessor named in a question ("What did CQC find…", "tell the Care Quality Commission"): every
#: report is CQC's, so the name picks out nothing but the few passages about CQC registration.
_ASSESSOR = re.compile(r"\b(?:the\s+)?(?:CQC|Care Quality Commission)(?:['’]s)?(?:\s+inspectors?)?\b", re.IGNORECASE)


def search_text(question: str, councils: Iterable[str] = ()) -> str:
    """The question as searched: without the assessor's name, and without the names of ``councils``
    (those the search is already restricted to: their names would only favour passages that repeat
    them, such as the overview's description of the place), unless nothing else is left: "Where is Havering?"
    asks about the place itself, and "Where is?" about nothing."""
    stripped = _ASSESSOR.sub(" ", question)
    for name in councils:
        stripped = re.sub(rf"(?<![\w-]){re.escape(name)}(?:\s+(?:County|City|Borough|Metropolitan Borough))?"
                          rf"(?:\s+Council)?(?:['’]s)?(?![\w-])", " ", stripped, flags=re.IGNORECASE)
    stripped = re.sub(r"\s{2,}", " ", stripped).strip()
    if _DATE.search(question) and asks_assessment_date(question):  # the assessor's own visit, dated in the reports' words
        stripped = f"{stripped} {ASSESSMENT_DATE_WORDS}"
    return stripped if len(stripped.split()) >= 2 and not only_question_words(stripped) else question


#: How the reports date CQC's own assessment, searched for when a question asks when it was made.
ASSESSMENT_DATE_WORDS = "assessment activity took place dates of assessment"


def searched(query: Query, council_discipline: bool = True) -> str:
    """What is searched for a query: its text without the assessor, and without its councils' names
    when the search is restricted to those councils."""
    return search_text(query.text, query.councils if council_discipline else ())


def dense_query(query: Query, council_discipline: bool = True) -> str:
    """What is encoded for the dense search and for scoring sentences: the searched text with the
    report's wordings for its plain words."""
    return with_report_words(searched(query, council_discipline))


def lexical_query(query: Query, glossary, council_discipline: bool = True) -> str:
    """What the lexical search looks for: :func:`dense_query` with the other forms of its acronyms."""
    return glossary.expand(dense_query(query, council_discipline))


#: Asks what was done in response to something ("What changed after the review?", "What did Sheffield do after
#: finding …?", "How did the council respond to …?").
_RESPONSE = re.compile(r"\bwhat (?:changed|happened|was done|has changed|did [\w' ’-]{1,60}? (?:do|change|introduce|put in place|set up))\b.{0,80}?\b(?:after|following|"
                       r"in response to|as a result of|once)\b|\bhow did [\w' ’-]{1,60}? (?:respond|react)\b|"
                       r"\bwhat (?:action|actions|steps) (?:did|has|have|had)\b|\bwhat (?:has|have|had) [\w' ’-]{1,60}? done (?:to|about)\b|"
                       r"\bwhat (?:is|are|was|were) [\w' ’-]{1,60}? (?:doing|planning to do) (?:to|about)\b|"
                       r"\bwhat did [\w' ’-]{1,60}? plan to do (?:to|about)\b",
                       re.IGNORECASE)  # "What has Medway done (is it doing) to reach communities that were under-represented?"


#: Asks how a change was brought about ("How did Norfolk bring down its waiting times?", "How has it cut the
#: backlog?"): the sentence saying what brought it ("Leaders attributed the improvement to …") answers it.
_MEANS_OF_CHANGE = re.compile(r"^\s*(?:and )?how (?:did|has|have|had|was|were|is|are)\b[^?]{0,80}?\b(?:reduc\w*|cut|cutting|"
                              r"brought down|bring(?:ing)? down|lower\w*|improv\w*|increas\w*|rais\w*|boost\w*|"
                              r"speed(?:ed)? up|sped up|clear\w*|shorten\w*|tackl\w*|halv\w*|grow|grew|grown|manag\w* to)\b",
                              re.IGNORECASE)


def asks_means_of_change(question: str) -> bool:
    """Whether the question asks how a change was brought about (its answer gives the cause)."""
    return bool(_MEANS_OF_CHANGE.search(question))


def asks_response(question: str) -> bool:
    """Whether the question asks what was done in response to something (the answer then follows the event)."""
    return bool(_RESPONSE.search(question))


def asks_standard_text(question: str) -> bool:
    """Whether the question is about a statement's standard text (the commitment, what people expect)."""
    return bool(_STANDARD_TEXT.search(question))


def follow_up(question: str, history: Sequence[str], matcher: CouncilMatcher) -> str:
    """The question rewritten to stand alone when it continues the previous one ("and Ealing?" after
    "What score did Hounslow get?" → "What score did Ealing get?"); otherwise unchanged."""
    previous = next((h for h in reversed(history) if h and h.strip()), None)
    if not previous:
        return question
    now, before = matcher.find(question), matcher.find(previous)
    swap = _SWAP.match(question)
    rest = _SWAP.sub("", question).strip(" ?.!")
    if swap and now.known + now.unknown and len(rest.split()) <= 6:
        named = (now.known + now.unknown)[0]
        old = (before.known + before.unknown)
        if old:
            return _replace_name(previous, old[0], named, matcher)
        return f"{previous.rstrip(' ?.!')} in {named}?"
    if swap and not (now.known or now.unknown) and before.known and rest:
        return f"{rest[0].upper()}{rest[1:]} in {before.known[0]}?"
    if not (now.known or now.unknown) and before.known and _REFERS_BACK.search(question) and len(question.split()) <= 14:
        return f"{question.rstrip(' ?.!')} ({', '.join(before.known)})?"
    return question


def _replace_name(text: str, old: str, new: str, matcher: CouncilMatcher) -> str:
    """``text`` with the words that name council ``old`` replaced by ``new``."""
    from .councils import variants_of

    for variant in sorted(variants_of(old), key=len, reverse=True):
        words = r"[\s-]+".join(re.escape(w) for w in variant.split())
        pattern = re.compile(rf"(?<![\w]){words}(?P<s>'s)?(?![\w])", re.IGNORECASE)
        if pattern.search(text):
            return pattern.sub(lambda m: new + (m.group("s") or ""), text, count=1)
    return f"{text.rstrip(' ?.!')} ({new})?"


#: Words that hedge or source a question but ask nothing ("*roughly* how many", "*according to its assessment*"): as
#: topic words they would find "sleeping rough" or a Care Act assessment. Not "actually": "actual spend" is a figure.
_HEDGES = re.compile(r"\b(?:roughly|approximately|exactly|precisely)\s+|"
                     r",?\s*\baccording to (?:the|its|their|this|CQC['’]?s?|the CQC['’]?s?)\s+(?:CQC\s+|local authority\s+)?"
                     r"(?:assessment|report|inspection)s?(?:\s+report)?\b", re.IGNORECASE)


def without_hedges(question: str) -> str:
    """The question without words that hedge or source it (:data:`_HEDGES`)."""
    left = re.sub(r"\s+(?=[?.!,])", "", " ".join(_HEDGES.sub(" ", question).split()))
    if not left:
        return question
    return left[0].upper() + left[1:] if question[:1].isupper() else left


def analyse(question: str, matcher: CouncilMatcher, statements_indexed: Iterable[str], max_chars: int,
            history: Sequence[str] = (), filters: Filters | None = None) -> Query:
    """Read a question: see :class:`Query`. ``question`` must not be empty after cleaning."""
    asked, notices = clean_question(question, max_chars)
    asked = without_hedges(asked)
    cleaned_history = [clean_question(h, max_chars)[0] for h in history[-4:] if isinstance(h, str)]
    text = follow_up(asked, cleaned_history, matcher) if cleaned_history else asked
    match = matcher.find(text)
    named = statements_in(text)
    indexed = set(statements_indexed)
    kind = answer_type(text)
    if kind == "rating" and not named and asks_only_rating_of(text, match.known):
        kind = "overall"
    if match.known and match.unknown:
        notices.append(f"No report for {', '.join(match.unknown)} is in this index.")
    return Query(
        text=text,
        asked=asked,
        councils=match.known,
        unknown_councils=match.unknown,
        statements=tuple(s.name for s in named),
        explicit_statements=tuple(s.name for s in named if _names_statement(text, s.name)),
        unknown_statements=tuple(s.name for s in named if s.name not in indexed and _names_statement(text, s.name)),
        rating_refs=() if kind == "rating" and not _picks_by_rating(text) else rating_references(text),
        answer_type=kind,
        comparative=is_comparative(text, len(match.known)),
        extreme=extreme_of(text),
        filters=filters or Filters(),
        notices=tuple(notices),
    )


#: The words of a question asking only for a council's rating ("What rating did North Tyneside get?", "how was
#: Hull rated?"): a rating of the council as a whole is its overall rating, which the statements' scores are not.
_ONLY_RATING_WORDS = frozenset({"what", "which", "how", "was", "is", "were", "are", "did", "does", "do", "has", "have",
                                "had", "been", "the", "a", "an", "its", "their", "get", "got", "gets", "receive",
                                "received", "given", "give", "awarded", "rating", "rated", "rate", "grade", "graded",
                                "council", "councils", "cqc", "by", "from", "in", "latest", "last", "current", "s", "and",
                                "of", "achieve", "achieved", "assessment", "authority", "local"})


def asks_only_rating_of(question: str, councils: Sequence[str]) -> bool:
    """Whether the question asks for a council's rating and nothing narrower (:data:`_ONLY_RATING_WORDS`), with a rating
    word ("score" asks for statement scores too: "What score did Hounslow get?")."""
    words = re.findall(r"[a-z0-9]+", fold(question).casefold())
    named = {w for c in councils for w in re.findall(r"[a-z0-9]+", fold(c).casefold())}
    return bool({"rating", "rated", "grade", "graded"} & set(words)) and all(
        w in _ONLY_RATING_WORDS or w in named for w in words)


def _picks_by_rating(question: str) -> bool:
    """"Which councils scored 4 for anything?", "Which of the three councils got an exceptional score?", "Which of
    Camden and Rutland scored 3?" or "Did any of the councils score 4?" lists reports by their score (the score
    picks them), also after what it is about ("equity in experiences and outcomes - which councils only got a 2?")."""
    return bool(re.search(r"(?:^|\s[-–—]\s|:\s)\s*(which|what|list|name|how many|in which|on which|for which)( of the)?"
                          r"( (?:two|three|four|five|six|seven|eight|nine|ten|\d+))? (local )?"
                          r"(councils?|authorities|authority|reports?|statements?|quality statements?|areas?)\b|"
                          rf"\bwhich (one |of them |of these |of those )?(scored|was rated|were rated|got|received)\b(?!\s+(?:{_MOST_OF}))|"
                          r"^\s*which of [\w'’ ,&-]{1,120}? (scored|was rated|were rated|got|received|was judged|were judged)\b|"
                          # "Did any of the councils score 4 …, and if so which?"
                          r"^\s*(did|do|does|has|have|were|was|are|is) (any|all|none|either|both)( of)?( the| these| those)?"
                          r"( \w+)? (councils?|authorities|reports?)\b",
                          question, re.IGNORECASE))


#: How many characters from a statement's name "statement" or "score" may stand and still name it
#: ("the safeguarding score", "scored 2 for safeguarding"), rather than belong to another part of the
#: question ("the report with score 2: what did it say about learning from safeguarding?").
STATEMENT_WORD_REACH = 20


def _names_statement(question: str, statement: str) -> bool:
    """Whether the question names a statement as such (a topic word alone, like "safeguarding", counts
    only when the question asks for a score or says "statement")."""
    folded, name = fold(question), fold(statement)
    if name in folded and " " in statement:
        return True
    near = r"\b(statement|score|scored|rating|rated)\b"
    return any(re.search(near, folded[max(0, m.start() - STATEMENT_WORD_REACH): m.end() + STATEMENT_WORD_REACH])
               for m in re.finditer(rf"\b{re.escape(name)}\b", folded))
