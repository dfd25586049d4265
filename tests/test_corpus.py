"""Reading the documents folder and its metadata."""

import pytest

from rag.corpus import load_corpus
from rag.errors import CorpusError, UsageError
from tests.conftest import copy_seeds


def test_metadata_gives_authority_and_score_and_unknown_authority_is_labelled_by_file(seeds_dir):
    docs = load_corpus(seeds_dir).by_id()
    assert docs["004_524d3bd921eb7cc3.txt"].authority == "Telford and Wrekin"
    assert docs["002_fe06ddfc764f7b9d.txt"].score == 3
    unnamed = docs["003_1bc15638112c4b2f.txt"]
    assert unnamed.authority is None and unnamed.label == "003_1bc15638112c4b2f.txt" and unnamed.score == 2


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
