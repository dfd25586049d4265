"""The chunker on the real seeds: structure, exact offsets, standard text, duplicates (no model needed)."""

from rag.chunking import chunk_document
from rag.corpus import load_corpus

SEED_SECTIONS = {"Continuous learning, improvement and professional development", "Learning from feedback"}


def chunks_of(seeds_dir):
    corpus = load_corpus(seeds_dir)
    return {d.doc_id: (d, chunk_document(d)) for d in corpus.documents}


def test_every_chunk_and_sentence_reproduces_the_document_text(seeds_dir):
    for doc, chunks in chunks_of(seeds_dir).values():
        for c in chunks:
            assert doc.text[c.start : c.end] == c.text
            for s in c.sentences:
                assert doc.text[s.start : s.end] == s.text
                assert c.start <= s.start < s.end <= c.end


def test_paragraph_counts_per_document(seeds_dir):
    counts = {doc_id: sum(c.kind == "finding" for c in chunks) for doc_id, (_, chunks) in chunks_of(seeds_dir).items()}
    assert counts == {
        "000_49f02c2bf2791361.txt": 9,
        "001_e2cb7d810d972149.txt": 17,
        "002_fe06ddfc764f7b9d.txt": 18,  # 19 paragraphs, one a repeat of an earlier sentence
        "003_1bc15638112c4b2f.txt": 14,
        "004_524d3bd921eb7cc3.txt": 22,
    }


def test_paragraphs_fall_under_the_two_report_sections(seeds_dir):
    for doc, chunks in chunks_of(seeds_dir).values():
        paragraphs = [c for c in chunks if c.kind == "finding"]
        assert {c.section for c in paragraphs} == SEED_SECTIONS
        learning = [c for c in paragraphs if c.section == "Learning from feedback"]
        assert learning and all(c.start > doc.text.index("\nLearning from feedback\n") for c in learning)
        assert [c.paragraph for c in paragraphs] == list(range(1, len(paragraphs) + 1))


def test_headings_are_not_chunks_and_standard_text_is_marked(seeds_dir):
    for doc, chunks in chunks_of(seeds_dir).values():
        texts = [c.text for c in chunks]
        assert "Learning from feedback" not in texts and "Key findings for this quality statement" not in texts
        standard = [c for c in chunks if c.kind == "standard"]
        assert [c.text[:31] for c in standard] == ["We focus on continuous learning"]
        boilerplate = [c for c in chunks if c.kind == "boilerplate"]
        assert all(not c.retrievable for c in boilerplate)
        if "© Care Quality Commission" in doc.text:
            assert [c.text for c in boilerplate] == ["© Care Quality Commission"]


def test_repeated_paragraph_is_kept_once(seeds_dir):
    doc, chunks = chunks_of(seeds_dir)["002_fe06ddfc764f7b9d.txt"]
    texts = [c.text for c in chunks]
    assert len(texts) == len(set(texts))
    repeat = "The council has increased resources to its telephone-based contact centre"
    assert repeat in doc.text and not any(t.startswith(repeat) for t in texts)
    assert sum("has increased resources to its telephone-based contact centre" in t for t in texts) == 1


def test_score_line_is_a_passage_of_its_own(seeds_dir):
    doc, chunks = chunks_of(seeds_dir)["003_1bc15638112c4b2f.txt"]
    score = [c for c in chunks if c.kind == "rating"]
    assert len(score) == 1 and [s.text for s in score[0].sentences] == ["Score: 2", "2 - Evidence shows some shortfalls"]
    assert score[0].rating == 2 and score[0].label == "Unnamed council · Learning, improvement and innovation · score 2"
