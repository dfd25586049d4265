"""Recognising council names in questions."""

from rag.councils import CouncilMatcher as AuthorityMatcher

CORPUS = ["Hounslow", "Harrow", "Ealing", "Telford and Wrekin"]


def find(q):
    return AuthorityMatcher(CORPUS).find(q)


def test_common_variants_of_corpus_authorities():
    assert find("How does Telford handle complaints?").known == ("Telford and Wrekin",)
    assert find("telford & wrekin coproduction").known == ("Telford and Wrekin",)
    assert find("Is Hounslow Council good at learning?").known == ("Hounslow",)
    assert find("What does LB Ealing trial?").known == ("Ealing",)
    assert find("london borough of harrow's complaints").known == ("Harrow",)
    assert find("Compare Harrow and Ealing").known == ("Harrow", "Ealing")


def test_councils_outside_the_corpus_are_reported_as_unknown():
    m = find("What score did Camden get?")
    assert m.known == () and m.unknown == ("Camden",) and m.only_unknown
    m = find("Compare Leeds with Harrow")
    assert m.known == ("Harrow",) and m.unknown == ("Leeds",) and not m.only_unknown
    assert find("How does Narnia County Council train staff?").unknown == ("Narnia",)


def test_no_false_positives_on_ordinary_words():
    assert find("Were there harrowing stories about ealingness?") == find("Which councils train staff?")
    assert find("What reading and training did staff do in Bury?").unknown == ("Bury",)
    assert find("what reading did staff do?").unknown == ()


def test_a_council_named_only_by_title_words_is_not_any_london_council():
    matcher = AuthorityMatcher(["City of London", "Islington"])
    assert matcher.find("What did the London Borough of Islington say about waits?").known == ("Islington",)
    assert matcher.find("Do providers in Islington pay the London Living Wage?").known == ("Islington",)
    assert matcher.find("What did the City of London Corporation spend?").known == ("City of London",)
    found = matcher.find("Compare LB Islington and the City of London")
    assert found.known == ("Islington", "City of London") and found.unknown == ()


def test_the_city_corporation_is_the_city_of_london():
    assert AuthorityMatcher(["City of London", "Islington"]).find("What did the City Corporation spend?").known == (
        "City of London",)


def test_a_council_named_by_its_initials():
    matcher = AuthorityMatcher(["Manchester", "Lancashire", "Brighton and Hove"])
    assert matcher.find("MCC: what share of care homes are rated good or outstanding?").known == ("Manchester",)
    assert matcher.find("How long do people wait in BHCC?").known == ("Brighton and Hove",)
    assert matcher.find("What does KCC say about carers?").unknown == ("Kent",)  # Kent's, not indexed
    assert matcher.find("What did the CQC say about ASC waits?") == matcher.find("Which councils train staff?")


def test_a_council_is_found_by_its_initials_when_they_are_its_alone():
    matcher = AuthorityMatcher(["East Riding of Yorkshire", "Tameside", "Peterborough", "Portsmouth", "Stoke-on-Trent"])
    assert matcher.find("ERYC score for learning?").known == ("East Riding of Yorkshire",)
    assert matcher.find("How many staff does TMBC employ?").known == ("Tameside",)
    assert matcher.find("SOTCC: who chairs the board?").known == ("Stoke-on-Trent",)
    assert matcher.find("What did PCC score?").known == ()  # Peterborough's and Portsmouth's
    assert matcher.find("How quickly does eryc answer?").known == ()  # initials are written in capitals
    assert matcher.find("What does the ICB fund? What did the SAB find?").known == ()


def test_a_two_place_council_is_found_by_its_first_place_alone():
    matcher = AuthorityMatcher(["Cheshire West and Chester", "Cheshire East"])
    assert matcher.find("What was the median wait in Cheshire West?").known == ("Cheshire West and Chester",)
    assert matcher.find("What did Cheshire East score?").known == ("Cheshire East",)
