"""The wording of abstention reasons: the topic the reports do mention, and the council's possessive."""

from rag.abstain import possessive, topic_phrase


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


def test_a_score_from_an_earlier_assessment_is_not_in_the_reports():
    from rag.abstain import earlier_assessment
    from rag.records import Query

    def query(text, kind):
        return Query(text=text, asked=text, councils=("Fenwick",), answer_type=kind)

    assert earlier_assessment(query("What score did Fenwick get in its previous CQC assessment?", "rating"), None)
    assert earlier_assessment(query("What score did Fenwick get for safeguarding?", "rating"), None) is None
    assert earlier_assessment(query("What did the previous report say about carers?", "description"), None) is None
