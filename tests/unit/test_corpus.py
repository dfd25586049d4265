"""Reading the documents folder and its metadata."""

import pytest

from rag.corpus import load_corpus
from rag.errors import CorpusError, UsageError
from tests.helpers import copy_seeds


def test_metadata_gives_council_and_the_text_gives_statement_and_score(seeds_dir):
    docs = load_corpus(seeds_dir).by_id()
    assert docs["004_524d3bd921eb7cc3.txt"].council == "Telford and Wrekin"
    (section,) = docs["002_fe06ddfc764f7b9d.txt"].sections
    assert (section.statement, section.theme, section.rating) == ("Learning, improvement and innovation", "Leadership", 3)
    unnamed = docs["003_1bc15638112c4b2f.txt"]
    assert unnamed.council is None and unnamed.sections[0].rating == 2


def test_without_metadata_file_councils_come_from_title_lines(tmp_path):
    from tests.helpers import FIXTURE_REPORTS

    corpus = load_corpus(FIXTURE_REPORTS)
    councils = {d.council for d in corpus.documents}
    assert councils == {"Staffordshire", "Camden", "Lincolnshire", "Isles of Scilly", "Rutland", "Nottinghamshire", None}
    assert not corpus.warnings
    statements = {(d.council, s.statement) for d in corpus.documents for s in d.sections if s.kind == "statement"}
    assert sum(1 for c, _ in statements if c == "Staffordshire") == 9
    assert ("Isles of Scilly", "Partnerships and communities") not in statements
    assert sum(1 for c, _ in statements if c == "Rutland") == 9  # one HTML file, split into sections


def test_symlink_out_of_the_folder_and_undecodable_name_are_skipped(tmp_path):
    import os

    folder = copy_seeds(tmp_path / "seeds")
    secret = tmp_path / "secret.txt"
    secret.write_text("Private words that must never be indexed.")
    (folder / "link.txt").symlink_to(secret)
    os.close(os.open(os.fsencode(folder) + b"/bad\xff.txt", os.O_CREAT | os.O_WRONLY))
    corpus = load_corpus(folder)
    assert len(corpus.documents) == 5
    assert any(w.startswith("link.txt: a link to a file outside") for w in corpus.warnings)
    assert any("file name is not valid text" in w for w in corpus.warnings)


@pytest.mark.parametrize("make", ["directory", "nested"])
def test_bad_metadata_files_are_one_line_errors(tmp_path, make):
    folder = copy_seeds(tmp_path / "seeds")
    (folder / "metadata.toml").unlink()
    if make == "directory":
        (folder / "metadata.toml").mkdir()
    else:
        (folder / "metadata.toml").write_text("x = " + "[" * 5000 + "]" * 5000)
    with pytest.raises(CorpusError) as e:
        load_corpus(folder)
    assert "\n" not in str(e.value)


def test_metadata_score_that_disagrees_with_the_score_line_fails_loudly(tmp_path):
    folder = copy_seeds(tmp_path / "seeds")
    meta = (folder / "metadata.toml").read_text()
    (folder / "metadata.toml").write_text(meta.replace("authority = \"Ealing\"\nquality_statement = \"Learning, improvement and innovation\"\nscore = 3", "authority = \"Ealing\"\nquality_statement = \"Learning, improvement and innovation\"\nscore = 1"))
    with pytest.raises(CorpusError, match="002_fe06ddfc764f7b9d.txt.*score 1.*says 3"):
        load_corpus(folder)


def test_missing_or_empty_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="not found"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no documents"):
        load_corpus(tmp_path / "empty")


def test_a_file_that_is_not_utf8_is_skipped_with_a_warning_naming_it(tmp_path):
    folder = copy_seeds(tmp_path / "seeds")
    (folder / "latin1.txt").write_bytes("Caf\xe9 report".encode("latin-1"))
    corpus = load_corpus(folder)
    assert len(corpus.documents) == 5
    assert any(w.startswith("latin1.txt: not UTF-8") for w in corpus.warnings)


def test_a_statement_page_titled_council_and_statement_and_folder_notes(tmp_path):
    """A page titled "<council>: <statement>" with no statement heading gets both; README.md is not a report."""
    (tmp_path / "page-17.txt").write_text("Home\nFenwick Borough Council: Safeguarding\n\nScore: 2\n\n"
                                          "2 - Evidence shows some shortfalls\n\nThe board met 9 times in 2024.\n")
    (tmp_path / "README.md").write_text("Pages saved for the review.\n")
    (tmp_path / "notes.md").write_text("Fenwick Borough Council: local authority assessment\n\nA note.\n")
    corpus = load_corpus(tmp_path)
    assert sorted(d.doc_id for d in corpus.documents) == ["notes.md", "page-17.txt"]
    page = next(d for d in corpus.documents if d.doc_id == "page-17.txt")
    assert page.council == "Fenwick"
    assert [(s.statement, s.rating) for s in page.statement_sections()] == [("Safeguarding", 2)]


def test_a_score_label_and_its_number_on_separate_lines(tmp_path):
    """"Score" and "2" as two table cells leave them: the statement still opens with its score."""
    (tmp_path / "p.txt").write_text("Fenwick Borough Council: Safeguarding\n\nSafeguarding\n\nScore\n\n2\n\n"
                                    "The local authority commitment\n\nWe work with people.\n\n"
                                    "Key findings for this quality statement\n\nThe board met 9 times in 2024.\n")
    (page,) = load_corpus(tmp_path).documents
    assert [(s.statement, s.rating) for s in page.statement_sections()] == [("Safeguarding", 2)]
