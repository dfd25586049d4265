

def test_words_of_when_name_no_topic():
    from rag.terms import TermWeights

    weights = TermWeights([])
    assert weights.content(weights.terms("interim director during 2024")) == weights.terms("interim director 2024")
